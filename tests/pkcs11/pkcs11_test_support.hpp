#pragma once

// What the PKCS#11 suites share: scratch directories, scoped environment variables, the test
// PKI's files, signature checks with OpenSSL, a typed-failure catcher, and a wrapper around a
// loaded module that counts what reaches it.

#include "../smartcard/card_error_checks.hpp"
#include "pkcs11_api.hpp"
#include "smartcard/bytes.hpp"
#include "smartcard/errors.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace p11test {

/// A fresh directory under the system's temp dir, removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// Sets (or, with nullopt, unsets) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::optional<std::string>& value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> saved_;
};

/// $SHIQIUREN_TEST_PKI (the test_pki fixture); fails the test when it is not set.
std::filesystem::path testPki();
smartcard::Bytes readFile(const std::filesystem::path& path);
smartcard::Bytes bytesOf(const std::string& text);
smartcard::Bytes sha256(const std::string& message);

/// Whether `signature` is RSASSA-PKCS1-v1_5 over the SHA-256 `digest` by `certificateDer`'s key.
bool verifiesRs256(const smartcard::Bytes& certificateDer, const smartcard::Bytes& digest,
    const smartcard::Bytes& signature);

using cardchecks::failureOf;

/// Forwards to a loaded module and counts the calls that matter to the PIN rules.
class CountingApi final : public smartcard::pkcs11::Api {
public:
    explicit CountingApi(std::shared_ptr<smartcard::pkcs11::Api> inner)
        : inner_(std::move(inner))
    { }

    int logins = 0;
    int logouts = 0;
    int sessionsOpened = 0;
    int sessionsClosed = 0;
    const void* lastPin = nullptr; // the buffer C_Login was given

    const std::string& path() const override { return inner_->path(); }
    CK_RV getSlotList(CK_BBOOL present, CK_SLOT_ID* slots, CK_ULONG* count) override
    {
        return inner_->getSlotList(present, slots, count);
    }
    CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info) override
    {
        return inner_->getTokenInfo(slot, info);
    }
    CK_RV openSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_SESSION_HANDLE* session) override
    {
        ++sessionsOpened;
        return inner_->openSession(slot, flags, session);
    }
    CK_RV closeSession(CK_SESSION_HANDLE session) override
    {
        ++sessionsClosed;
        return inner_->closeSession(session);
    }
    CK_RV login(
        CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR* pin, CK_ULONG length) override
    {
        ++logins;
        lastPin = pin;
        return inner_->login(session, user, pin, length);
    }
    CK_RV logout(CK_SESSION_HANDLE session) override
    {
        ++logouts;
        return inner_->logout(session);
    }
    CK_RV findObjectsInit(CK_SESSION_HANDLE session, CK_ATTRIBUTE* templ, CK_ULONG count) override
    {
        return inner_->findObjectsInit(session, templ, count);
    }
    CK_RV findObjects(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE* objects, CK_ULONG max,
        CK_ULONG* found) override
    {
        return inner_->findObjects(session, objects, max, found);
    }
    CK_RV findObjectsFinal(CK_SESSION_HANDLE session) override
    {
        return inner_->findObjectsFinal(session);
    }
    CK_RV getAttributeValue(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ATTRIBUTE* templ,
        CK_ULONG count) override
    {
        return inner_->getAttributeValue(session, object, templ, count);
    }
    CK_RV signInit(
        CK_SESSION_HANDLE session, CK_MECHANISM* mechanism, CK_OBJECT_HANDLE key) override
    {
        return inner_->signInit(session, mechanism, key);
    }
    CK_RV sign(CK_SESSION_HANDLE session, CK_BYTE* data, CK_ULONG length, CK_BYTE* signature,
        CK_ULONG* signatureLength) override
    {
        return inner_->sign(session, data, length, signature, signatureLength);
    }

private:
    std::shared_ptr<smartcard::pkcs11::Api> inner_;
};

} // namespace p11test
