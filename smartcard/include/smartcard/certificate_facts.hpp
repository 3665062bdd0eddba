#pragma once

#include "smartcard/bytes.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace smartcard {

/// What a certificate on a card is for, judged from its contents (key usage, basic
/// constraints), never from the slot or label it was stored under.
enum class CertUsage { Signing, Encryption, CertificateAuthority, Other };

std::string_view certUsageName(CertUsage usage) noexcept; // "signing", "encryption", "ca", "other"

struct CertificateFacts {
    CertUsage usage = CertUsage::Other;
    bool issuedByGca = false; // issuer OU 政府憑證管理中心: the card is a 機關憑證
};

/// Parses the DER with OpenSSL; throws CardError(MalformedData) when it is not one certificate.
CertificateFacts inspectCertificate(ByteView der);

/// The certificate's serial number in upper-case hex (the PIN ledger's key when a card has no
/// number); throws CardError(MalformedData) when the DER is not a certificate.
std::string certificateSerialHex(ByteView der);

/// Total length of a DER SEQUENCE from its first bytes (30 81 xx / 30 82 xx xx), or nullopt.
std::optional<std::size_t> derSequenceLength(ByteView head);

} // namespace smartcard
