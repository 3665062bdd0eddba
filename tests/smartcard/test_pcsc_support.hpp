#pragma once

// Shared bits of the test_pcsc_* suites: a clean fake per test and a check that it saw no
// protocol violations.

#include "pcsc-fake/pcsc-fake.hpp"
#include "smartcard/bytes.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace pcsctest {

inline const std::string reader0 = "Virtual PCD 00 00";
inline const std::string reader1 = "Virtual PCD 00 01";
inline const smartcard::Bytes atrT1 = smartcard::fromHex("3B80800101");
inline const smartcard::Bytes atrMoica = smartcard::fromHex("3BB813008131FA524348544D4F494341A5");

/// Catch2 fixture: every test starts from an empty, running fake.
struct FakePcsc {
    FakePcsc() { pcscfake::reset(); }
};

inline void requireFakeClean()
{
    const auto failures = pcscfake::failures();
    for (const auto& failure : failures)
        UNSCOPED_INFO(failure);
    REQUIRE(failures.empty());
}

inline smartcard::Bytes hex(const char* text)
{
    return smartcard::fromHex(text);
}

} // namespace pcsctest
