#include "smartcard/certificate_cache.hpp"

#include "smartcard/certificate_facts.hpp"

#include <fstream>
#include <iterator>
#include <openssl/evp.h>

#if defined(_WIN32)
#include <process.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace smartcard {

namespace fs = std::filesystem;

namespace {

#if defined(_WIN32)
// No mode bits: the cache lives in the user's profile, whose ACL keeps other users out.
void makePrivate(const fs::path&) { }

int processId()
{
    return _getpid();
}

bool writePrivately(const fs::path& file, const std::vector<Bytes>& certificates)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    for (const auto& der : certificates)
        out.write(
            reinterpret_cast<const char*>(der.data()), static_cast<std::streamsize>(der.size()));
    out.close();
    return static_cast<bool>(out);
}
#else
void makePrivate(const fs::path& directory)
{
    ::chmod(directory.c_str(), 0700);
}

int processId()
{
    return ::getpid();
}

bool writePrivately(const fs::path& file, const std::vector<Bytes>& certificates)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    bool ok = true;
    for (const auto& der : certificates)
        ok = ok && ::write(fd, der.data(), der.size()) == static_cast<ssize_t>(der.size());
    return ::close(fd) == 0 && ok;
}
#endif

} // namespace

std::string CertificateCache::keyFor(
    std::string_view kind, std::string_view cardNumber, ByteView directory)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    const std::uint8_t separator = 0;
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    EVP_DigestUpdate(ctx, kind.data(), kind.size());
    EVP_DigestUpdate(ctx, &separator, 1);
    EVP_DigestUpdate(ctx, cardNumber.data(), cardNumber.size());
    EVP_DigestUpdate(ctx, &separator, 1);
    EVP_DigestUpdate(ctx, directory.data(), directory.size());
    EVP_DigestFinal_ex(ctx, digest, &size);
    EVP_MD_CTX_free(ctx);
    return toHex(ByteView(digest, size));
}

std::optional<std::vector<Bytes>> MemoryCertificateCache::find(const std::string& key)
{
    const auto it = entries_.find(key);
    if (it == entries_.end())
        return std::nullopt;
    return it->second;
}

void MemoryCertificateCache::store(const std::string& key, const std::vector<Bytes>& certificates)
{
    entries_[key] = certificates;
}

DirectoryCertificateCache::DirectoryCertificateCache(fs::path directory)
    : directory_(std::move(directory))
{ }

std::optional<std::vector<Bytes>> DirectoryCertificateCache::find(const std::string& key)
{
    std::ifstream in(directory_ / (key + ".der"), std::ios::binary);
    if (!in)
        return std::nullopt;
    const Bytes all { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
    // The file is the certificates' DER, one after another; each says its own length.
    std::vector<Bytes> certificates;
    std::size_t pos = 0;
    while (pos < all.size()) {
        const auto length = derSequenceLength(ByteView(all).subspan(pos));
        if (!length || pos + *length > all.size())
            return std::nullopt;
        certificates.emplace_back(
            all.begin() + static_cast<long>(pos), all.begin() + static_cast<long>(pos + *length));
        pos += *length;
    }
    return certificates;
}

void DirectoryCertificateCache::store(
    const std::string& key, const std::vector<Bytes>& certificates)
{
    std::error_code ignored;
    fs::create_directories(directory_, ignored);
    makePrivate(directory_);
    const fs::path target = directory_ / (key + ".der");
    const fs::path temporary = directory_ / (key + ".der.tmp" + std::to_string(processId()));
    // A cache that cannot be written is only slower.
    const bool ok = writePrivately(temporary, certificates);
    if (ok)
        fs::rename(temporary, target, ignored);
    if (!ok || ignored)
        fs::remove(temporary, ignored);
}

} // namespace smartcard
