#pragma once

// Reading the test PKI that tests/pki/make-test-pki.sh writes (grca.der, moica-ca.der,
// citizen-sign.der + citizen-sign.pkcs1.der, ...). Errors name the file, because a missing or
// stale PKI is the usual reason the emulator does not start.

#include "model/rsa_key.hpp"

#include <filesystem>
#include <string_view>

namespace virtualcard {

/// `<dir>/<name>.der`, checked to parse as an X.509 certificate.
Bytes readCertificate(const std::filesystem::path& dir, std::string_view name);
/// `<dir>/<name>.pkcs1.der`, checked against `<name>`'s certificate.
RsaKey readMatchingKey(
    const std::filesystem::path& dir, std::string_view name, ByteView certificate);

} // namespace virtualcard
