#pragma once

// HiCOS gen1 citizen card (自然人憑證, "T7S", version CHT V32N) as far as raw PC/SC goes:
// proprietary CLA 80, SELECT by FID without FCP, READ BINARY in chunks of at most 200 bytes.
// A plain VERIFY is refused and costs a try; there is no PIN or signing path here, because the
// real card takes both through CHT's own transport (the client uses the vendor's PKCS#11).

#include "model/card.hpp"
#include "model/file_system.hpp"
#include "model/moica_pkcs15.hpp"

#include <string>

namespace virtualcard {

struct MoicaConfig {
    moica::Certificates certificates;
    int encryptionBits = 2048;
    int signatureBits = 2048;
    std::string cardNumber = "TP03000000012345"; // 2 letters + 14 digits, EF 3F00/0900/0903
    int tries = 3;
};

class MoicaGen1Card : public Card {
public:
    static constexpr std::size_t maxReadLength = 0xC8;

    /// Throws std::invalid_argument / std::length_error for an unusable configuration.
    explicit MoicaGen1Card(const MoicaConfig& config);

    const Bytes& atr() const override { return atr_; }
    void endSession() override;
    Reply process(ByteView command) override;
    PinCounter& pin() override { return pin_; }

private:
    Reply verify();
    Reply select(ByteView command);
    Reply readBinary(ByteView command);

    Bytes atr_;
    FileSystem fs_;
    PinCounter pin_;
};

} // namespace virtualcard
