#pragma once

#include "smartcard/bytes.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace smartcard {

/// Certificates already read from a card, so the next read of the same card fetches none.
/// The key names the card (its number) and the exact directory it showed: a card whose
/// certificates were renewed shows a different directory and misses the cache.
class CertificateCache {
public:
    virtual ~CertificateCache() = default;
    virtual std::optional<std::vector<Bytes>> find(const std::string& key) = 0;
    virtual void store(const std::string& key, const std::vector<Bytes>& certificates) = 0;

    /// The key for a card: a hex SHA-256 over its kind, number and certificate directory.
    static std::string keyFor(
        std::string_view kind, std::string_view cardNumber, ByteView directory);
};

class MemoryCertificateCache final : public CertificateCache {
public:
    std::optional<std::vector<Bytes>> find(const std::string& key) override;
    void store(const std::string& key, const std::vector<Bytes>& certificates) override;

private:
    std::map<std::string, std::vector<Bytes>> entries_;
};

/// One file per card in a private directory (0700, files 0600; on Windows the profile's ACL),
/// written atomically. Only public certificates are kept. A damaged file is a miss, never an
/// error.
class DirectoryCertificateCache final : public CertificateCache {
public:
    explicit DirectoryCertificateCache(std::filesystem::path directory);
    std::optional<std::vector<Bytes>> find(const std::string& key) override;
    void store(const std::string& key, const std::vector<Bytes>& certificates) override;

private:
    std::filesystem::path directory_;
};

} // namespace smartcard
