// The certificate cache: keys, the on-disk store, and damaged files.
#include "smartcard/certificate_cache.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#if !defined(_WIN32)
#include <sys/stat.h>
#endif

using namespace smartcard;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir()
    {
        // A fresh name (create_directory says whether it was), on every platform.
        std::random_device random;
        do
            path = fs::temp_directory_path() / ("certcache-" + std::to_string(random()));
        while (!fs::create_directory(path));
    }
    ~TempDir() { fs::remove_all(path); }
};

// Two small DER SEQUENCEs standing in for certificates (the cache only needs their framing).
const Bytes first = fromHex("30 03 02 01 01");
const Bytes second = concat({ fromHex("30 82 01 00"), Bytes(256, 0xAB) });

} // namespace

TEST_CASE("the key depends on kind, card number and directory", "[cache]")
{
    const Bytes directory = fromHex("30 0F 04 06 3F 00 50 30 08 F2 02 01 00 80 02 06 08");
    const auto key = CertificateCache::keyFor("hicos", "TP03000000012345", directory);
    CHECK(key.size() == 64);
    CHECK(key == CertificateCache::keyFor("hicos", "TP03000000012345", directory));
    CHECK(key != CertificateCache::keyFor("pkcs15", "TP03000000012345", directory));
    CHECK(key != CertificateCache::keyFor("hicos", "TP03000000012346", directory));
    Bytes renewed = directory;
    renewed.back() = 0x09;
    CHECK(key != CertificateCache::keyFor("hicos", "TP03000000012345", renewed));
    // No ambiguity between the fields ("ab" + "c" vs "a" + "bc").
    CHECK(CertificateCache::keyFor("ab", "c", {}) != CertificateCache::keyFor("a", "bc", {}));
}

TEST_CASE("the directory cache round-trips and keeps its files private", "[cache]")
{
    TempDir dir;
    DirectoryCertificateCache cache(dir.path / "cards");
    CHECK_FALSE(cache.find("k").has_value());
    cache.store("k", { first, second });
    const auto found = cache.find("k");
    REQUIRE(found);
    REQUIRE(found->size() == 2);
    CHECK((*found)[0] == first);
    CHECK((*found)[1] == second);

#if !defined(_WIN32) // Windows has no mode bits: the profile directory's ACL does this there
    struct stat info { };
    REQUIRE(::stat((dir.path / "cards" / "k.der").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    REQUIRE(::stat((dir.path / "cards").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0700);
#endif

    // A second instance (a second run of the program) sees the same entry.
    DirectoryCertificateCache again(dir.path / "cards");
    CHECK(again.find("k").has_value());

    // Storing again replaces the entry (renamed over the old file, which Windows refuses unless
    // asked to replace).
    again.store("k", { second });
    const auto replaced = cache.find("k");
    REQUIRE(replaced);
    CHECK(*replaced == std::vector<Bytes> { second });
    CHECK(std::distance(fs::directory_iterator(dir.path / "cards"), fs::directory_iterator()) == 1);
}

TEST_CASE("a damaged cache file is a miss, not an error", "[cache]")
{
    TempDir dir;
    DirectoryCertificateCache cache(dir.path);
    cache.store("k", { first, second });
    // Truncate the file in the middle of the second certificate.
    fs::resize_file(dir.path / "k.der", first.size() + 10);
    CHECK_FALSE(cache.find("k").has_value());
    std::ofstream(dir.path / "k.der", std::ios::binary) << "not DER at all";
    CHECK_FALSE(cache.find("k").has_value());
}

TEST_CASE("an unwritable cache only makes reading slower", "[cache]")
{
    TempDir dir;
    std::ofstream(dir.path / "file") << "x"; // a file where the directory should be
    DirectoryCertificateCache cache(dir.path / "file" / "cards");
    CHECK_NOTHROW(cache.store("k", { first }));
    CHECK_FALSE(cache.find("k").has_value());
}
