#pragma once

// A PKCS#11 module for tests, built as libshiqiuren-test-p11.so: one slot, one token holding the
// test PKI's citizen certificate and key, and a PIN retry counter that behaves like a card's.
// Everything a test sets or inspects lives in the state file (state_file.hpp).

#include "state_file.hpp"

#include <cstdlib>
#include <map>
#include <mutex>
#include <p11-kit/pkcs11.h>
#include <vector>

namespace countingmodule {

// Not 0, so a caller that assumes "the first slot is 0" shows up.
constexpr CK_SLOT_ID moduleSlot = 7;
constexpr CK_OBJECT_HANDLE certificateHandle = 1;
constexpr CK_OBJECT_HANDLE keyHandle = 2;

/// What lives only as long as a session: an object search, a started signature.
struct SessionData {
    std::vector<CK_OBJECT_HANDLE> found;
    bool finding = false;
    bool signing = false;
};

/// The module's process-wide memory. Everything that must survive (the counter, what was called)
/// is in the state file instead.
struct Module {
    std::mutex lock;
    bool initialised = false;
    CK_SESSION_HANDLE nextSession = 100;
    std::map<CK_SESSION_HANDLE, SessionData> sessions;
};
Module& module();

/// Runs `body(state)` under the module's lock with the state file loaded, then writes the file
/// back. CKR_CRYPTOKI_NOT_INITIALIZED before C_Initialize; CKR_GENERAL_ERROR without a state file.
template <typename Body> CK_RV withState(Body body)
{
    Module& m = module();
    std::lock_guard guard(m.lock);
    if (!m.initialised)
        return CKR_CRYPTOKI_NOT_INITIALIZED;
    const char* path = std::getenv("SHIQIUREN_TEST_P11_STATE");
    if (!path)
        return CKR_GENERAL_ERROR;
    StateFile state = StateFile::load(path);
    const CK_RV rv = body(state);
    if (!state.save(path))
        return CKR_DEVICE_ERROR;
    return rv;
}

/// The session's data, or nullptr for a handle this module did not give out.
SessionData* findSession(CK_SESSION_HANDLE session);

/// One token object: its attributes as bytes.
struct Object {
    CK_OBJECT_HANDLE handle = 0;
    std::map<CK_ATTRIBUTE_TYPE, std::vector<unsigned char>> attributes;
    bool hiddenBeforeLogin = false;
};
/// The certificate and the key the state file describes (empty when it names no files).
std::vector<Object> tokenObjects(const StateFile& state);

} // namespace countingmodule
