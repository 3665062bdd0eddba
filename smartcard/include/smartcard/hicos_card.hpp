#pragma once

#include "smartcard/card_contents.hpp"
#include "smartcard/channel.hpp"
#include "smartcard/pkcs15.hpp"

#include <optional>
#include <string>

namespace smartcard {

/// The read side of HiCOS cards (自然人憑證, 機關憑證): version, card number, the PKCS#15-style
/// certificate directory under DF 5030 and the certificates in EF 08F2. Read-only by design:
/// nothing here sends VERIFY, whose HiCOS transport is the vendor's (a guess can burn a try).
class HicosCard {
public:
    enum class Generation { Gen1, Gen2 };

    HicosCard(ApduChannel& channel, Generation generation);

    /// Gen1 probe: the version file 3F00/0900/0905 starts with "CHT V". Status-word refusals
    /// mean "not a gen1 HiCOS card" (nullopt); a removed card or dead service still throws.
    static std::optional<std::string> probeGen1Version(ApduChannel& channel);
    /// Gen2 probe: the GlobalPlatform PKI applet answers SELECT by AID.
    static bool probeGen2Applet(ApduChannel& channel);

    std::string readCardNumber();
    /// The CDF (EF 4104) content without its padding.
    Bytes readCertificateDirectory();
    /// The certificate a CDF entry points to (EF 08F2, index + length), in chunks of ≤ 200.
    Bytes readCertificate(const CertificateEntry& entry);

private:
    void selectFromMf(ByteView path);

    ApduChannel& channel_;
    Generation generation_;
    std::uint8_t cla_;
};

} // namespace smartcard
