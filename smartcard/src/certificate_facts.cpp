#include "smartcard/certificate_facts.hpp"

#include "smartcard/errors.hpp"

#include <memory>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string>

namespace smartcard {

namespace {

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;

// The GCA's organisational unit as it appears in its certificates' issuer names.
constexpr std::string_view gcaOrgUnit = "政府憑證管理中心";

bool issuerHasOrgUnit(X509* cert, std::string_view wanted)
{
    const X509_NAME* issuer = X509_get_issuer_name(cert);
    int index = -1;
    while ((index = X509_NAME_get_index_by_NID(issuer, NID_organizationalUnitName, index)) >= 0) {
        const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(issuer, index));
        unsigned char* utf8 = nullptr;
        const int length = ASN1_STRING_to_UTF8(&utf8, value);
        if (length < 0)
            continue;
        const bool found = std::string_view(reinterpret_cast<const char*>(utf8),
                               static_cast<std::size_t>(length))
                               .find(wanted)
            != std::string_view::npos;
        OPENSSL_free(utf8);
        if (found)
            return true;
    }
    return false;
}

CertUsage usageOf(X509* cert)
{
    if (X509_check_ca(cert) != 0)
        return CertUsage::CertificateAuthority;
    const std::uint32_t keyUsage = X509_get_key_usage(cert); // UINT32_MAX when absent
    if (keyUsage == UINT32_MAX)
        return CertUsage::Other;
    if (keyUsage & KU_KEY_CERT_SIGN)
        return CertUsage::CertificateAuthority;
    if (keyUsage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION))
        return CertUsage::Signing;
    if (keyUsage & (KU_KEY_ENCIPHERMENT | KU_DATA_ENCIPHERMENT | KU_KEY_AGREEMENT))
        return CertUsage::Encryption;
    return CertUsage::Other;
}

} // namespace

std::string_view certUsageName(CertUsage usage) noexcept
{
    switch (usage) {
    case CertUsage::Signing:
        return "signing";
    case CertUsage::Encryption:
        return "encryption";
    case CertUsage::CertificateAuthority:
        return "ca";
    case CertUsage::Other:
        break;
    }
    return "other";
}

CertificateFacts inspectCertificate(ByteView der)
{
    const unsigned char* cursor = der.data();
    X509Ptr cert(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())), X509_free);
    if (!cert || cursor != der.data() + der.size())
        throw CardError(CardErrc::MalformedData, "card holds a certificate that does not parse");
    return { usageOf(cert.get()), issuerHasOrgUnit(cert.get(), gcaOrgUnit) };
}

std::string certificateSerialHex(ByteView der)
{
    const unsigned char* cursor = der.data();
    X509Ptr cert(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())), X509_free);
    if (!cert)
        throw CardError(CardErrc::MalformedData, "not a certificate");
    const ASN1_INTEGER* serial = X509_get0_serialNumber(cert.get());
    return toHex(ByteView(serial->data, static_cast<std::size_t>(serial->length)));
}

std::optional<std::size_t> derSequenceLength(ByteView head)
{
    if (head.size() < 2 || head[0] != 0x30)
        return std::nullopt;
    if (head[1] < 0x80)
        return 2 + std::size_t { head[1] };
    const std::size_t lengthBytes = head[1] & 0x7F;
    if (lengthBytes == 0 || lengthBytes > 3 || head.size() < 2 + lengthBytes)
        return std::nullopt;
    std::size_t length = 0;
    for (std::size_t i = 0; i < lengthBytes; ++i)
        length = length << 8 | head[2 + i];
    return 2 + lengthBytes + length;
}

} // namespace smartcard
