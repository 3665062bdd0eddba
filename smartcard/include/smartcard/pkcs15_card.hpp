#pragma once

#include "smartcard/channel.hpp"
#include "smartcard/pkcs15.hpp"

#include <optional>
#include <string>
#include <vector>

namespace smartcard {

/// The read side of a standards-based PKCS#15 card (ISO/IEC 7816-15): the application by AID
/// (else DF 5015), EF.ODF 5031, EF.TokenInfo 5032, and the directory files the ODF points to.
class Pkcs15Card {
public:
    explicit Pkcs15Card(ApduChannel& channel);

    /// Selects the PKCS#15 application; false when the card has none (a refusal, not an error).
    static bool probe(ApduChannel& channel);

    /// Selects the application and reads EF.ODF; throws when the card has no PKCS#15 application.
    void open();
    TokenInfo readTokenInfo();
    /// The application labels (tag 50) EF.DIR (3F00/2F00) lists; empty when the card has none.
    std::vector<std::string> readApplicationLabels();
    /// The content of the first directory file of that kind (empty when the ODF lists none).
    Bytes readDirectory(OdfKind kind);
    Bytes readCertificate(const CertificateEntry& entry);

    const std::vector<OdfEntry>& odf() const { return odf_; }
    const Bytes& applicationPath() const { return appPath_; }

private:
    Bytes readFile(const Pkcs15Path& path, bool directory);
    void selectAbsolute(ByteView path);

    ApduChannel& channel_;
    Bytes appPath_;
    std::vector<OdfEntry> odf_;
};

} // namespace smartcard
