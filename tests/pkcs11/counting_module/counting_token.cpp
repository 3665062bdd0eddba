// Module life cycle, the slot and its token, with the PIN flags a real module derives from its
// retry counter (flags mode only: the vendor-codes modes play a module whose flags say nothing).

#include "counting_module.hpp"

#include <algorithm>
#include <cstring>

namespace countingmodule {

Module& module()
{
    static Module instance;
    return instance;
}

SessionData* findSession(CK_SESSION_HANDLE session)
{
    auto& sessions = module().sessions;
    const auto found = sessions.find(session);
    return found == sessions.end() ? nullptr : &found->second;
}

namespace {

void pad(unsigned char* field, std::size_t size, const char* text)
{
    std::memset(field, ' ', size);
    std::memcpy(field, text, std::min(size, std::strlen(text)));
}

} // namespace

} // namespace countingmodule

using namespace countingmodule;

CK_RV C_Initialize(void* args)
{
    std::lock_guard guard(module().lock);
    // Counted in the state file (when there is one), and refused with `refuseInitArgs` when the
    // caller passes arguments, as modules that only take NULL do.
    const char* path = std::getenv("SHIQIUREN_TEST_P11_STATE");
    StateFile state = path ? StateFile::load(path) : StateFile();
    state.set("initialises", state.number("initialises") + 1);
    if (!args)
        state.set("initialisesWithoutArgs", state.number("initialisesWithoutArgs") + 1);
    CK_RV rv = CKR_OK;
    if (args && !state.text("refuseInitArgs").empty())
        rv = static_cast<CK_RV>(state.number("refuseInitArgs"));
    else if (module().initialised)
        rv = CKR_CRYPTOKI_ALREADY_INITIALIZED;
    if (path && !state.save(path))
        return CKR_DEVICE_ERROR;
    if (rv == CKR_OK)
        module().initialised = true;
    return rv;
}

CK_RV C_Finalize(void* /*reserved*/)
{
    std::lock_guard guard(module().lock);
    if (!module().initialised)
        return CKR_CRYPTOKI_NOT_INITIALIZED;
    module().initialised = false;
    module().sessions.clear();
    return CKR_OK;
}

CK_RV C_GetSlotList(CK_BBOOL /*tokenPresent*/, CK_SLOT_ID* slots, CK_ULONG* count)
{
    return withState([&](StateFile&) -> CK_RV {
        if (!count)
            return CKR_ARGUMENTS_BAD;
        if (!slots) {
            *count = 1;
            return CKR_OK;
        }
        if (*count < 1) {
            *count = 1;
            return CKR_BUFFER_TOO_SMALL;
        }
        slots[0] = moduleSlot;
        *count = 1;
        return CKR_OK;
    });
}

CK_RV C_GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info)
{
    return withState([&](StateFile& state) -> CK_RV {
        if (slot != moduleSlot)
            return CKR_SLOT_ID_INVALID;
        if (!info)
            return CKR_ARGUMENTS_BAD;
        *info = CK_TOKEN_INFO {};
        pad(info->label, sizeof info->label, "shiqiuren counting token");
        pad(info->manufacturerID, sizeof info->manufacturerID, "shiqiuren tests");
        pad(info->model, sizeof info->model, "counting");
        pad(info->serialNumber, sizeof info->serialNumber, "0001");
        info->flags
            = CKF_RNG | CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED | CKF_TOKEN_INITIALIZED;
        if (state.text("mode", "flags") == "flags") {
            const long tries = state.number("tries", 3);
            if (state.number("countLow"))
                info->flags |= CKF_USER_PIN_COUNT_LOW;
            if (tries == 1)
                info->flags |= CKF_USER_PIN_FINAL_TRY;
            if (tries <= 0)
                info->flags |= CKF_USER_PIN_LOCKED;
        }
        const bool reported = state.text("lengths", "reported") == "reported";
        info->ulMinPinLen = reported ? 6 : 0;
        info->ulMaxPinLen = reported ? 8 : CK_EFFECTIVELY_INFINITE;
        info->ulMaxSessionCount = CK_EFFECTIVELY_INFINITE;
        info->ulSessionCount = static_cast<CK_ULONG>(state.number("openSessions"));
        info->ulMaxRwSessionCount = CK_EFFECTIVELY_INFINITE;
        info->ulTotalPublicMemory = CK_UNAVAILABLE_INFORMATION;
        info->ulFreePublicMemory = CK_UNAVAILABLE_INFORMATION;
        info->ulTotalPrivateMemory = CK_UNAVAILABLE_INFORMATION;
        info->ulFreePrivateMemory = CK_UNAVAILABLE_INFORMATION;
        return CKR_OK;
    });
}
