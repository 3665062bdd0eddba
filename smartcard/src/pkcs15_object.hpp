#pragma once

// Pieces shared by the PKCS#15 directory parsers (private to smartcard/src).

#include "smartcard/der.hpp"
#include "smartcard/pkcs15.hpp"

#include <optional>
#include <string>

namespace smartcard::pkcs15detail {

[[noreturn]] void malformed(const std::string& detail);

/// CommonObjectAttributes ::= SEQUENCE { label, flags, authId, userConsent, accessControlRules,
/// ... }, each OPTIONAL.
struct CommonObjectAttributes {
    std::string label;
    std::uint32_t flags = 0;
    Bytes authId;
};

/// PKCS15Object ::= SEQUENCE { commonObjectAttributes, classAttributes,
/// subClassAttributes [0] OPTIONAL, typeAttributes [1] }. The [1] wrapper is explicit, so
/// `typeAttributes` is the element inside A1.
struct ObjectParts {
    CommonObjectAttributes common;
    Tlv classAttributes;
    Tlv typeAttributes;
};

/// Splits one object; `object` is the SEQUENCE (or the implicitly tagged CHOICE alternative).
ObjectParts splitObject(const Tlv& object);

/// The top-level elements of a directory file, padding and a HiCOS length trailer cut off.
DerReader directoryReader(ByteView file);

/// Path ::= SEQUENCE { path OCTET STRING, index INTEGER OPTIONAL, length [0] INTEGER OPTIONAL }
Pkcs15Path parsePath(const Tlv& tlv);

/// An INTEGER that must lie in [0, max].
std::int64_t boundedInteger(const Tlv& tlv, std::int64_t max, const char* what);

/// A key or PIN reference. Some cards write the ISO 7816-4 reference byte raw (80 01 81 for
/// 0x81), which DER reads as a negative number; a one-byte negative value is taken as that byte.
int referenceValue(const Tlv& tlv);

/// True for context-specific tags ([n]), primitive or constructed: CHOICE alternatives that a
/// parser may skip.
bool isContextTag(std::uint32_t tag);

} // namespace smartcard::pkcs15detail
