#include "model/pki_files.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace virtualcard {

Bytes readCertificate(const std::filesystem::path& dir, std::string_view name)
{
    const auto path = dir / (std::string(name) + ".der");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(
            "cannot read " + path.string() + " (run tests/pki/make-test-pki.sh?)");
    Bytes der((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        (void)certificateRsaBits(der);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
    return der;
}

RsaKey readMatchingKey(
    const std::filesystem::path& dir, std::string_view name, ByteView certificate)
{
    const auto path = dir / (std::string(name) + ".pkcs1.der");
    RsaKey key = RsaKey::fromPkcs1File(path);
    if (!key.matchesCertificate(certificate))
        throw std::runtime_error(path.string() + " does not match " + std::string(name) + ".der");
    return key;
}

} // namespace virtualcard
