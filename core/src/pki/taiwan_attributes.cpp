#include "pki/taiwan_attributes.hpp"

#include "pki/openssl_handles.hpp"

#include <QByteArray>
#include <array>
#include <openssl/objects.h>
#include <optional>

namespace core::pki::detail {

namespace {

constexpr const char* idLastFourOid = "2.16.886.1.100.2.51";
constexpr const char* agencyCodeOid = "2.16.886.1.100.2.102";
constexpr const char* legacyIdLastFourOid = "2.16.886.1.100.1.1"; // some older MOICA profiles

QByteArray dottedOid(const ASN1_OBJECT* object)
{
    std::array<char, 128> text {};
    const int length = OBJ_obj2txt(text.data(), static_cast<int>(text.size()), object, 1);
    if (length <= 0 || length >= static_cast<int>(text.size()))
        return {}; // none of the OIDs we look for is that long
    return QByteArray(text.data(), length);
}

/// The text of a directory string value; nullopt for any other ASN.1 type.
std::optional<QString> stringValue(const ASN1_TYPE* value)
{
    switch (ASN1_TYPE_get(value)) {
    case V_ASN1_PRINTABLESTRING:
    case V_ASN1_UTF8STRING:
    case V_ASN1_IA5STRING:
    case V_ASN1_BMPSTRING:
        return utf8Of(value->value.asn1_string);
    default:
        return std::nullopt;
    }
}

/// Decodes `decode` over all of `bytes`; null unless it consumed exactly every byte.
template <typename Handle, typename Decode>
Handle decodeWhole(const ASN1_STRING* bytes, Decode decode)
{
    const unsigned char* start = ASN1_STRING_get0_data(bytes);
    const long size = ASN1_STRING_length(bytes);
    const unsigned char* cursor = start;
    Handle decoded(decode(nullptr, &cursor, size));
    if (decoded && cursor != start + size)
        decoded.reset();
    return decoded;
}

/// SubjectDirectoryAttributes ::= SEQUENCE SIZE (1..MAX) OF Attribute, where
/// Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET SIZE (1..MAX) OF ANY }.
/// Fills the fields whose attribute holds a string. A structural error anywhere leaves every field
/// empty: an extension that is only half readable is not trusted.
TaiwanAttributes readDirectoryAttributes(const ASN1_OCTET_STRING* extensionValue)
{
    const auto sequence = decodeWhole<AnySequencePtr>(extensionValue, d2i_ASN1_SEQUENCE_ANY);
    if (!sequence || sk_ASN1_TYPE_num(sequence.get()) < 1)
        return {};
    TaiwanAttributes found;
    for (int i = 0; i < sk_ASN1_TYPE_num(sequence.get()); ++i) {
        const ASN1_TYPE* element = sk_ASN1_TYPE_value(sequence.get(), i);
        if (ASN1_TYPE_get(element) != V_ASN1_SEQUENCE)
            return {};
        // An ANY that is a SEQUENCE keeps its whole encoding, so it decodes as an Attribute.
        const auto attribute
            = decodeWhole<AttributePtr>(element->value.sequence, d2i_X509_ATTRIBUTE);
        if (!attribute || X509_ATTRIBUTE_count(attribute.get()) < 1)
            return {};
        const QByteArray type = dottedOid(X509_ATTRIBUTE_get0_object(attribute.get()));
        QString* field = type == idLastFourOid ? &found.idLastFour
            : type == agencyCodeOid            ? &found.agencyCode
                                               : nullptr;
        if (field && field->isEmpty())
            *field = stringValue(X509_ATTRIBUTE_get0_type(attribute.get(), 0)).value_or(QString());
    }
    return found;
}

/// The older profile's extension 2.16.886.1.100.1.1, when its value is a single string.
QString readLegacyIdLastFour(const X509* certificate)
{
    for (int i = 0; i < X509_get_ext_count(certificate); ++i) {
        X509_EXTENSION* extension = X509_get_ext(certificate, i);
        if (dottedOid(X509_EXTENSION_get_object(extension)) != legacyIdLastFourOid)
            continue;
        const auto value
            = decodeWhole<Asn1TypePtr>(X509_EXTENSION_get_data(extension), d2i_ASN1_TYPE);
        return value ? stringValue(value.get()).value_or(QString()) : QString();
    }
    return {};
}

} // namespace

TaiwanAttributes readTaiwanAttributes(const X509* certificate)
{
    const ErrorQueueScope errors;
    TaiwanAttributes found;
    const int index = X509_get_ext_by_NID(certificate, NID_subject_directory_attributes, -1);
    if (index >= 0)
        found = readDirectoryAttributes(X509_EXTENSION_get_data(X509_get_ext(certificate, index)));
    if (found.idLastFour.isEmpty())
        found.idLastFour = readLegacyIdLastFour(certificate);
    return found;
}

} // namespace core::pki::detail
