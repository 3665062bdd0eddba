#pragma once

#include "smartcard/bytes.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// PKCS#15 v1.1 / ISO/IEC 7816-15 directory files. Standards-based cards reach them through
// EF.ODF (5031 under DF 5015); HiCOS cards keep the same PKCS15Object structures in fixed EFs
// under DF 5030 (4100 PrKDF, 4104 CDF, 4108 AODF), padded with 00 and with the content length
// little-endian in the last two bytes. Every parser takes the whole file as read, padding
// included, and throws CardError(CardErrc::MalformedData) on anything it cannot parse.

namespace smartcard {

/// Path ::= SEQUENCE { path OCTET STRING, index INTEGER OPTIONAL, length [0] INTEGER OPTIONAL }
struct Pkcs15Path {
    Bytes path;
    std::optional<std::uint32_t> index; // offset of the object inside the EF
    std::optional<std::uint32_t> length; // its size in bytes

    /// Starts with the MF, 3F00.
    bool isAbsolute() const;
};

/// The ODF's context tags [0]..[8] (A0..A8), in order.
enum class OdfKind {
    PrivateKeys,
    PublicKeys,
    TrustedPublicKeys,
    SecretKeys,
    Certificates,
    TrustedCertificates,
    UsefulCertificates,
    DataObjects,
    AuthObjects,
};

struct OdfEntry {
    OdfKind kind;
    Pkcs15Path path;
};

/// Entries that point at a directory file; directly embedded object lists and unknown kinds
/// are skipped.
std::vector<OdfEntry> parseOdf(ByteView file);

struct CertificateEntry {
    std::string label;
    Bytes id;
    bool authority = false;
    /// Where the certificate lives; absent when it is embedded (directValue) or referenced by
    /// URL or in protected form, which this client does not follow.
    std::optional<Pkcs15Path> path;
    /// The certificate's DER when the entry embeds it ([0] direct) instead of a path.
    Bytes directValue;
};

/// x509Certificate objects; other certificate types ([0] attribute, [1] SPKI, ...) are skipped.
std::vector<CertificateEntry> parseCdf(ByteView file);

struct PrivateKeyEntry {
    /// KeyUsageFlags bit numbers.
    enum Usage : std::uint32_t {
        Encrypt = 1u << 0,
        Decrypt = 1u << 1,
        Sign = 1u << 2,
        SignRecover = 1u << 3,
        Wrap = 1u << 4,
        Unwrap = 1u << 5,
        Verify = 1u << 6,
        VerifyRecover = 1u << 7,
        Derive = 1u << 8,
        NonRepudiation = 1u << 9,
    };
    enum class Type { Rsa, Ec, Other };

    std::string label;
    Bytes id;
    Bytes authId; // the PIN guarding the key (CommonObjectAttributes.authId)
    std::uint32_t usage = 0; // Usage bits
    std::optional<int> keyReference;
    std::optional<Pkcs15Path> path;
    int modulusLength = 0; // RSA only
    Type type = Type::Rsa;

    bool canSign() const;
};

/// privateRSAKey and privateECKey ([0]) objects; other key types are skipped.
std::vector<PrivateKeyEntry> parsePrkdf(ByteView file);

enum class PinType { Bcd = 0, AsciiNumeric = 1, Utf8 = 2, HalfNibbleBcd = 3, Iso9564_1 = 4 };

struct PinEntry {
    /// PinFlags bit numbers.
    enum Flag : std::uint32_t {
        CaseSensitive = 1u << 0,
        Local = 1u << 1,
        ChangeDisabled = 1u << 2,
        UnblockDisabled = 1u << 3,
        Initialized = 1u << 4,
        NeedsPadding = 1u << 5,
        UnblockingPin = 1u << 6,
        SoPin = 1u << 7,
        DisableAllowed = 1u << 8,
        IntegrityProtected = 1u << 9,
        ConfidentialityProtected = 1u << 10,
        ExchangeRefData = 1u << 11,
    };

    std::string label;
    Bytes authId; // this PIN's own id (CommonAuthenticationObjectAttributes.authId)
    std::uint32_t pinFlags = 0; // Flag bits
    PinType type = PinType::AsciiNumeric;
    int minLength = 0;
    int storedLength = 0;
    std::optional<int> maxLength;
    std::optional<int> reference;
    std::optional<std::uint8_t> padChar;
    std::optional<Pkcs15Path> path;

    bool needsPadding() const;
    bool isLocal() const;
    bool isUnblockingPin() const;
};

/// pinAuthObj objects; biometric, authKey and external objects are skipped, and so is a PIN
/// whose pinType is none of the five this client can encode.
std::vector<PinEntry> parseAodf(ByteView file);

struct TokenInfo {
    int version = 0;
    Bytes serialNumber;
    std::string manufacturer;
    std::string label;
    std::uint32_t flags = 0; // TokenFlags bits: 0 readonly, 1 loginRequired, 2 prnGeneration, ...
};

TokenInfo parseTokenInfo(ByteView file);

/// Length of the DER content of a directory file before padding: stops at the first 00/FF where
/// a tag would start. A HiCOS length trailer (little-endian, last two bytes) is honoured when it
/// agrees with the content, so content that runs right up to the trailer still parses.
std::size_t directoryContentLength(ByteView file);

/// For a directory file read forward in chunks: the content length once the bytes so far reach
/// the padding after the last record; nullopt while a record is still incomplete or no padding
/// has been seen. Throws CardError(MalformedData) on a record header that cannot be DER.
std::optional<std::size_t> directoryContentEnd(ByteView readSoFar);

/// Resolves a CDF/ODF path against the application DF: absolute paths (3F00…) stay, relative
/// ones get `appDfPath` prepended.
Bytes resolvePath(const Pkcs15Path& path, ByteView appDfPath);

} // namespace smartcard
