// Sessions and the PIN: the retry counter a card keeps, played by the state file.

#include "counting_module.hpp"

#include <cstdint>
#include <cstring>

using namespace countingmodule;

namespace {

// Enforced whatever token info reports (HiCOS: 6 to 8), so a caller that skips its own length
// check meets CKR_PIN_LEN_RANGE.
constexpr CK_ULONG minPin = 6;
constexpr CK_ULONG maxPin = 8;

/// The vendor's "wrong, n left" code; the signed form is what a module returning HiPKI's
/// negative int32 figures hands a 64-bit caller.
CK_RV vendorCode(std::uint32_t code, bool signExtended)
{
    if (signExtended)
        return static_cast<CK_RV>(static_cast<long>(static_cast<std::int32_t>(code)));
    return static_cast<CK_RV>(code);
}

CK_RV wrongPin(StateFile& state)
{
    const long tries = state.number("tries", 3) - 1;
    state.set("tries", tries < 0 ? 0 : tries);
    state.set("countLow", 1);
    const std::string mode = state.text("mode", "flags");
    if (mode == "flags")
        return CKR_PIN_INCORRECT; // the token flags tell the rest
    const bool signExtended = mode == "vendor-codes-signed";
    if (tries == 2)
        return vendorCode(0x80000002u, signExtended);
    if (tries == 1)
        return vendorCode(0x80000001u, signExtended);
    if (tries <= 0)
        return CKR_PIN_LOCKED;
    return CKR_PIN_INCORRECT;
}

} // namespace

CK_RV C_OpenSession(CK_SLOT_ID slot, CK_FLAGS flags, void* /*application*/, CK_NOTIFY /*notify*/,
    CK_SESSION_HANDLE* session)
{
    return withState([&](StateFile& state) -> CK_RV {
        if (slot != moduleSlot)
            return CKR_SLOT_ID_INVALID;
        if (!(flags & CKF_SERIAL_SESSION))
            return CKR_SESSION_PARALLEL_NOT_SUPPORTED;
        if (!session)
            return CKR_ARGUMENTS_BAD;
        *session = module().nextSession++;
        module().sessions[*session] = SessionData {};
        state.set("openSessions", state.number("openSessions") + 1);
        return CKR_OK;
    });
}

CK_RV C_CloseSession(CK_SESSION_HANDLE session)
{
    return withState([&](StateFile& state) -> CK_RV {
        if (module().sessions.erase(session) == 0)
            return CKR_SESSION_HANDLE_INVALID;
        // Deliberately no implicit logout when the last session closes (PKCS#11 would log out
        // here): the tests prove the caller's own C_Logout by the loggedIn counter.
        state.set("openSessions", state.number("openSessions") - 1);
        return CKR_OK;
    });
}

CK_RV C_Login(CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR* pin, CK_ULONG length)
{
    return withState([&](StateFile& state) -> CK_RV {
        state.set("logins", state.number("logins") + 1);
        if (!findSession(session))
            return CKR_SESSION_HANDLE_INVALID;
        if (user != CKU_USER)
            return CKR_USER_TYPE_INVALID;
        if (const long forced = state.number("failLogin"))
            return static_cast<CK_RV>(forced);
        if (state.number("loggedIn"))
            return CKR_USER_ALREADY_LOGGED_IN;
        if (!pin || length < minPin || length > maxPin)
            return CKR_PIN_LEN_RANGE;
        if (state.number("tries", 3) <= 0)
            return CKR_PIN_LOCKED;
        const std::string expected = state.text("pin");
        if (length != expected.size() || std::memcmp(pin, expected.data(), length) != 0)
            return wrongPin(state);
        state.set("tries", state.number("maxTries", 3));
        state.set("countLow", 0);
        state.set("loggedIn", 1);
        return CKR_OK;
    });
}

CK_RV C_Logout(CK_SESSION_HANDLE session)
{
    return withState([&](StateFile& state) -> CK_RV {
        if (!findSession(session))
            return CKR_SESSION_HANDLE_INVALID;
        state.set("logouts", state.number("logouts") + 1);
        if (!state.number("loggedIn"))
            return CKR_USER_NOT_LOGGED_IN;
        state.set("loggedIn", 0);
        return CKR_OK;
    });
}
