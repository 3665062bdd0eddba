// The client's OpenSSL calls: libcrypto is opened by the first one, every call reaches the real
// library, and a library that is not libcrypto stops the program with its name, as the dynamic
// loader would have stopped it before.
#include "../mapped_library.hpp"
#include "crypto_on_demand.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

std::string sha256(const char* text, std::size_t size)
{
    unsigned char digest[EVP_MAX_MD_SIZE] = {};
    unsigned int length = 0;
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    REQUIRE(context != nullptr);
    REQUIRE(EVP_DigestInit_ex(context, EVP_sha256(), nullptr) == 1);
    REQUIRE(EVP_DigestUpdate(context, text, size) == 1);
    REQUIRE(EVP_DigestFinal_ex(context, digest, &length) == 1);
    EVP_MD_CTX_free(context);
    std::string hex;
    char byte[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(byte, sizeof byte, "%02x", digest[i]);
        hex += byte;
    }
    return hex;
}

constexpr const char* abcDigest
    = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

} // namespace

TEST_CASE("libcrypto is opened by the first OpenSSL call, not at start-up", "[smartcard][crypto]")
{
    REQUIRE_FALSE(smartcardtest::mapped(smartcard::openssl::libraryName));
    CHECK(sha256("abc", 3) == abcDigest);
    CHECK(smartcardtest::mapped(smartcard::openssl::libraryName));

    // The library's own answers come back, errors included: a certificate that is not one.
    const unsigned char notDer[] = { 0x30, 0x03, 0x02, 0x01 };
    const unsigned char* cursor = notDer;
    CHECK(d2i_X509(nullptr, &cursor, sizeof notDer) == nullptr);
    unsigned char random[16] = {};
    CHECK(RAND_bytes(random, sizeof random) == 1);
}

TEST_CASE(
    "every listed function is found in the real library, and only there", "[smartcard][crypto]")
{
    const auto entries = smartcard::openssl::open(smartcard::openssl::libraryName);
    CHECK(entries.complete());
    CHECK(entries.d2i_X509 != nullptr);
    CHECK(entries.EVP_MAC_fetch != nullptr);
    CHECK(entries.OPENSSL_cleanse != nullptr);

    CHECK_FALSE(smartcard::openssl::open("libshiqiuren-no-such-crypto.so.3").complete());
    const auto wrong = smartcard::openssl::open("libc.so.6"); // a library, but not libcrypto
    CHECK_FALSE(wrong.complete());
    CHECK(wrong.d2i_X509 == nullptr);
}

TEST_CASE("a libcrypto.so.3 that is not OpenSSL stops the program, named, with status 127",
    "[smartcard][crypto]")
{
    const char* probe = std::getenv("SHIQIUREN_CRYPTO_PROBE");
    REQUIRE(probe != nullptr);
    const auto directory = std::filesystem::temp_directory_path()
        / ("shiqiuren-fake-crypto-" + std::to_string(getpid()));
    std::filesystem::create_directories(directory);
    const auto errors = directory / "stderr.txt";
    const auto run = [&](const std::string& libraryPath) {
        const std::string command
            = "LD_LIBRARY_PATH='" + libraryPath + "' '" + probe + "' 2>'" + errors.string() + "'";
        const int status = std::system(command.c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };

    // The real library first: the probe's digest is the known one.
    CHECK(run("") == 0);

    // libz under libcrypto's name: it opens, and has none of the functions.
    Dl_info info {};
    void* zlib = dlopen("libz.so.1", RTLD_NOW);
    REQUIRE(zlib != nullptr);
    REQUIRE(dladdr(dlsym(zlib, "zlibVersion"), &info) != 0);
    std::filesystem::create_symlink(info.dli_fname, directory / "libcrypto.so.3");
    CHECK(run(directory.string()) == 127);
    std::ifstream file(errors);
    std::stringstream said;
    said << file.rdbuf();
    CHECK(said.str().find("libcrypto.so.3") != std::string::npos);
    CHECK(said.str().find("OpenSSL") != std::string::npos);
    std::filesystem::remove_all(directory);
}
