#pragma once

#include "smartcard/card_contents.hpp"
#include "smartcard/cardkind.hpp"
#include "smartcard/channel.hpp"
#include "smartcard/pkcs15.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace smartcard {

/// The read side of HiCOS cards (自然人憑證, 機關憑證) as captures of real cards show it: the
/// version and card number (0900/0905, 0900/0903), the PKCS#15-style directory files under DF
/// 5030 and the certificates in EF 08F2. Gen1 keeps these under the MF with CLA 80; gen2 keeps
/// the same FIDs under its GPPKI applet, selected with CLA 00 and P2 04. Nothing here sends a
/// VERIFY (the PIN path is in the HiCOS tokens).
class HicosCard {
public:
    using Generation = HicosGeneration;

    /// The directory files' FIDs under DF 5030.
    enum class Directory : std::uint16_t {
        PrivateKeys = 0x4100,
        PublicKeys = 0x4101,
        Certificates = 0x4104,
        DataObjects = 0x4107,
        TokenInfo = 0x5032,
    };

    HicosCard(ApduChannel& channel, Generation generation);

    /// Gen1 probe: the version file 3F00/0900/0905 starts with "CHT V". Status-word refusals
    /// mean "not a gen1 HiCOS card" (nullopt); a removed card or dead service still throws.
    static std::optional<std::string> probeGen1Version(ApduChannel& channel);
    /// Gen2 probe: SELECT of the GPPKI applet by AID, as the vendor module sends it (P2 0C with
    /// Le). Only 9000 counts: gen1 answers any CLA 00 command with 6E00.
    static bool probeGen2Applet(ApduChannel& channel);

    std::string readCardNumber();
    /// "CHT V32N" and the like; empty when the card has no readable version file.
    std::string readVersion();
    /// A directory file's records, however many 200-byte chunks they take: up to the padding
    /// after the last one, or the whole file (length trailer included, as the parsers expect)
    /// when the records fill it.
    Bytes readDirectory(Directory which);
    /// The certificate a CDF entry points to (EF 08F2, index + length), in chunks of ≤ 200.
    Bytes readCertificate(const CertificateEntry& entry);

    /// Selects a PKCS#15 path as the directory files write it: `3F00…` from the root (the MF on
    /// gen1, the applet on gen2), `7FFF…` from the gen2 applet, anything else from DF 5030.
    void selectPath(ByteView path);

private:
    void selectRoot();
    void selectChild(std::uint16_t fid);
    Bytes readSmallFile(std::uint16_t df, std::uint16_t ef, std::size_t size);

    ApduChannel& channel_;
    Generation generation_;
    std::uint8_t cla_;
};

} // namespace smartcard
