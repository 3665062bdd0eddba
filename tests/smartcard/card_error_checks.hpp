#pragma once

// How the suites check that something failed the typed way, and with which code.

#include "smartcard/errors.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <stdexcept>

namespace cardchecks {

/// The CardErrc `body` throws; fails the test when it throws nothing.
inline smartcard::CardErrc errcOf(const std::function<void()>& body)
{
    try {
        body();
    } catch (const smartcard::CardError& error) {
        return error.code();
    }
    FAIL("no CardError thrown");
    return smartcard::CardErrc::PcscFailure;
}

/// The CardError `body` throws; fails the test when it throws nothing.
inline smartcard::CardError failureOf(const std::function<void()>& body)
{
    try {
        body();
    } catch (const smartcard::CardError& error) {
        return error;
    }
    FAIL("no CardError thrown");
    throw std::logic_error("unreachable");
}

/// Runs `body`; it may succeed or throw CardError(MalformedData), nothing else.
inline bool parsesOrMalformed(const std::function<void()>& body)
{
    try {
        body();
        return true;
    } catch (const smartcard::CardError& error) {
        if (error.code() != smartcard::CardErrc::MalformedData)
            FAIL("unexpected CardError: " << error.what());
        return false;
    }
}

inline bool isMalformed(const std::function<void()>& body)
{
    try {
        body();
    } catch (const smartcard::CardError& error) {
        return error.code() == smartcard::CardErrc::MalformedData;
    }
    return false;
}

} // namespace cardchecks
