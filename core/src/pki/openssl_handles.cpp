#include "pki/openssl_handles.hpp"

namespace core::pki::detail {

std::optional<QString> utf8Of(const ASN1_STRING* string)
{
    unsigned char* raw = nullptr;
    const int length = ASN1_STRING_to_UTF8(&raw, string);
    if (length < 0)
        return std::nullopt;
    const OpenSslBuffer<unsigned char> utf8(raw);
    return QString::fromUtf8(reinterpret_cast<const char*>(utf8.get()), length);
}

} // namespace core::pki::detail
