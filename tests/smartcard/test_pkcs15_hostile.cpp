#include "card_error_checks.hpp"
#include "pkcs15_test_files.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/pkcs15.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

using namespace smartcard;
using namespace cardchecks;
using namespace pkcs15test;

namespace {

// Every parser on the same bytes.
void parseEverything(ByteView file)
{
    parsesOrMalformed([&] { parseOdf(file); });
    parsesOrMalformed([&] { parseCdf(file); });
    parsesOrMalformed([&] { parsePrkdf(file); });
    parsesOrMalformed([&] { parseAodf(file); });
    parsesOrMalformed([&] { parseTokenInfo(file); });
    parsesOrMalformed([&] { directoryContentLength(file); });
}

} // namespace

TEST_CASE("PKCS#15 hostile input: truncated at every offset", "[pkcs15]")
{
    for (const Bytes& file : validFiles()) {
        for (std::size_t cut = 0; cut <= file.size(); ++cut)
            parseEverything(ByteView(file.data(), cut));
    }
    // The bare content cut anywhere inside must fail, not silently yield fewer entries.
    const Bytes content = hicosCdfContent();
    for (std::size_t cut = 1; cut < content.size(); ++cut) {
        const Bytes prefix(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(cut));
        bool wholeElement = false;
        // Cuts that land exactly between two certificate objects are valid, shorter CDFs.
        try {
            directoryContentLength(prefix);
            wholeElement = true;
        } catch (const CardError&) { }
        if (!wholeElement)
            CHECK(isMalformed([&] { parseCdf(prefix); }));
    }
}

TEST_CASE("PKCS#15 hostile input: wrong lengths, indefinite length, mutations", "[pkcs15]")
{
    std::size_t parsed = 0;
    for (const Bytes& file : validFiles()) {
        for (std::size_t at = 0; at < file.size(); ++at) {
            for (int delta : { -1, +1, 0x40, 0x80 }) {
                Bytes mutated = file;
                mutated[at] = static_cast<std::uint8_t>(mutated[at] + delta);
                parseEverything(mutated);
            }
            Bytes indefinite = file;
            indefinite[at] = 0x80;
            parseEverything(indefinite);
        }
    }
    // A length byte turned into indefinite form is rejected outright.
    Bytes cdf = hicosCdfContent();
    cdf[1] = 0x80;
    CHECK(isMalformed([&] { parseCdf(cdf); }));

    // Random byte mutations of valid files, fixed seed.
    std::mt19937 random(20240601);
    const std::vector<Bytes> files = validFiles();
    for (int round = 0; round < 20000; ++round) {
        Bytes mutated = files[static_cast<std::size_t>(round) % files.size()];
        const int flips = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < flips; ++i)
            mutated[random() % mutated.size()] = static_cast<std::uint8_t>(random());
        if (parsesOrMalformed([&] { parseCdf(mutated); }))
            ++parsed;
        parseEverything(mutated);
    }
    CHECK(parsed > 0);
}

TEST_CASE("PKCS#15 hostile input: random bytes and deep nesting", "[pkcs15]")
{
    std::mt19937 random(0xC0FFEE);
    for (int round = 0; round < 20000; ++round) {
        Bytes data(random() % 96);
        for (auto& b : data)
            b = static_cast<std::uint8_t>(random());
        if (!data.empty() && round % 3 == 0)
            data[0] = 0x30;
        parseEverything(data);
    }

    // 50000 nested SEQUENCEs (and A0s): structure-driven parsers never recurse into them.
    for (std::uint8_t tag : { std::uint8_t { 0x30 }, std::uint8_t { 0xA0 } }) {
        Bytes nested = fromHex("04 01 00");
        std::vector<Bytes> headers;
        std::size_t length = nested.size();
        for (int depth = 0; depth < 50000; ++depth) {
            Bytes header = length < 0x80
                ? Bytes { tag, static_cast<std::uint8_t>(length) }
                : Bytes { tag, 0x83, static_cast<std::uint8_t>(length >> 16),
                      static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length) };
            length += header.size();
            headers.push_back(header);
        }
        Bytes data;
        for (auto it = headers.rbegin(); it != headers.rend(); ++it)
            data.insert(data.end(), it->begin(), it->end());
        data.insert(data.end(), nested.begin(), nested.end());
        parseEverything(data);
        CHECK(isMalformed([&] { parseCdf(data); }) == (tag == 0x30));
    }
}
