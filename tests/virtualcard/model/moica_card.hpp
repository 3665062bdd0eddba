#pragma once

// HiCOS citizen cards (自然人憑證) as far as raw PC/SC goes, both generations:
// - gen1 ("T7S", version CHT V32N): proprietary CLA 80, SELECT by FID without FCP, files under
//   the MF;
// - gen2 (the GPPKI applet): CLA 00, the applet selected by AID, SELECT by FID with P2 04 and
//   Le, the same files under the applet.
// Both read in chunks of at most 200 bytes. The PIN is taken only in the card's protected form
// (gen1: the 3DES-protected `8C 20`; gen2: VERIFY inside an SCP03 session whose keys derive
// from the card id), and the SIGN key signs with EA/C1 once it is verified. Any other VERIFY
// costs a try and is refused, as a real HiCOS card would (it counts even a plain one).

#include "model/card.hpp"
#include "model/file_system.hpp"
#include "model/hicos_card_crypto.hpp"
#include "model/hicos_files.hpp"
#include "model/hicos_key_operations.hpp"
#include "model/rsa_key.hpp"

#include <optional>
#include <string>

namespace virtualcard {

struct MoicaConfig {
    hicos::Certificates certificates;
    hicos::KeySizes bits;
    hicos::Layout layout = hicos::Layout::Faithful;
    std::string cardNumber = "TP03000000012345"; // 2 letters + 14 digits, EF 0900/0903
    int tries = 3;
    std::string pin = "123456"; // 6-8 letters and digits, case kept
    std::optional<RsaKey> signingKey; // citizen-sign's key; without it EA answers 6A88
    std::optional<Bytes> atr; // replaces the generation's own ATR (tests: an unknown one)
    bool contactless = false; // gen2: the ATR a contactless reader builds for the card
};

/// What both generations share: the files, the READ BINARY rules and the plain-VERIFY penalty.
class HicosCardModel : public Card {
public:
    static constexpr std::size_t maxReadLength = 0xC8;

    const Bytes& atr() const override { return atr_; }
    void endSession() override;
    PinCounter& pin() override { return pin_; }

protected:
    HicosCardModel(const MoicaConfig& config, Bytes atr);

    /// 0900 (0903 card number, 0905 version) and 5030 with the PKI files under `parent`.
    void addFiles(FileNode& parent, const MoicaConfig& config, hicos::Root root,
        const std::string& tokenSerial);
    Reply readBinary(ByteView command, std::uint8_t cla);
    /// Any VERIFY not in the card's protected form: a try burned, logged as such.
    Reply plainVerify();
    /// EF 0810, the key file, is the current file (the private-key commands need it).
    bool keyFileSelected() const;

    FileSystem fs_;
    PinCounter pin_;
    HicosKeyOperations keys_;

private:
    Bytes atr_;
};

class MoicaGen1Card final : public HicosCardModel {
public:
    /// Throws std::invalid_argument / std::length_error for an unusable configuration.
    explicit MoicaGen1Card(const MoicaConfig& config);

    Reply process(ByteView command) override;

private:
    Reply select(ByteView command);
    Reply protectedVerify(const smartcard::CommandApdu& command);
};

class MoicaGen2Card final : public HicosCardModel {
public:
    explicit MoicaGen2Card(const MoicaConfig& config);

    Reply process(ByteView command) override;
    void endSession() override;

    /// GET DATA 45's card image number, from which the card's SCP03 keys derive.
    const Bytes& cardId() const { return cardId_; }

private:
    enum class Domain { None, IssuerCm, Issuer, Applet };

    Reply select(ByteView command);
    Reply selectFidUnderApplet(std::uint16_t fid, bool withFcp);
    Reply readBinaryUnderApplet(ByteView command);
    Reply proprietary(ByteView command);
    Reply secureMessaging(ByteView command);

    FileNode* applet_ = nullptr;
    Domain domain_ = Domain::None;
    Bytes cardId_;
    smartcard::hicos::StaticKeys staticKeys_;
    std::optional<hicos::CardScp03Session> session_;
};

} // namespace virtualcard
