#pragma once

// The slice of a PKCS#11 module that Pkcs11Token uses, behind an interface: the real one forwards
// to a loaded module's function table; tests wrap it to count what reaches the module (a login
// that must not happen is only provable by counting). Not part of smartcard's public headers, so
// nothing outside this folder (and its tests) sees a PKCS#11 type.

#include <memory>
#include <p11-kit/pkcs11.h>
#include <string>
#include <string_view>
#include <vector>

namespace smartcard::pkcs11 {

class Api {
public:
    virtual ~Api() = default;

    /// The file the module was loaded from, for messages.
    virtual const std::string& path() const = 0;

    virtual CK_RV getSlotList(CK_BBOOL tokenPresent, CK_SLOT_ID* slots, CK_ULONG* count) = 0;
    virtual CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info) = 0;
    virtual CK_RV openSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_SESSION_HANDLE* session) = 0;
    virtual CK_RV closeSession(CK_SESSION_HANDLE session) = 0;
    virtual CK_RV login(
        CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR* pin, CK_ULONG pinLength)
        = 0;
    virtual CK_RV logout(CK_SESSION_HANDLE session) = 0;
    virtual CK_RV findObjectsInit(CK_SESSION_HANDLE session, CK_ATTRIBUTE* templ, CK_ULONG count)
        = 0;
    virtual CK_RV findObjects(
        CK_SESSION_HANDLE session, CK_OBJECT_HANDLE* objects, CK_ULONG max, CK_ULONG* found)
        = 0;
    virtual CK_RV findObjectsFinal(CK_SESSION_HANDLE session) = 0;
    virtual CK_RV getAttributeValue(
        CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ATTRIBUTE* templ, CK_ULONG count)
        = 0;
    virtual CK_RV signInit(CK_SESSION_HANDLE session, CK_MECHANISM* mechanism, CK_OBJECT_HANDLE key)
        = 0;
    virtual CK_RV sign(CK_SESSION_HANDLE session, CK_BYTE* data, CK_ULONG dataLength,
        CK_BYTE* signature, CK_ULONG* signatureLength)
        = 0;
};

/// Loads the first of `candidates` that is a PKCS#11 module and initialises it (C_Initialize
/// with CKF_OS_LOCKING_OK, or with NULL when the module refuses that). The result finalises and
/// unloads the module when the last owner lets go; loading a module that is already loaded
/// returns the same object, because a second C_Initialize in one process fails and the first
/// owner's C_Finalize would pull it from under the second. Throws CardError: ModuleNotFound naming
/// every path tried (and why each failed), ModuleFailure when a module was found but would not
/// initialise.
std::shared_ptr<Api> loadModule(const std::vector<std::string>& candidates);

/// "CKR_PIN_INCORRECT (0x000000A0)"; vendor-defined codes as "CKR_VENDOR_DEFINED+0x00000001".
std::string rvName(CK_RV rv);

/// Tries left from a HiCOS vendor return code (0x80000001 → 1, 0x80000002 → 2), or 0 when `rv`
/// is not one. HiPKI prints them as negative 32-bit numbers, so a module may hand back the
/// sign-extended form on a 64-bit CK_ULONG; both forms are accepted.
int vendorTriesLeft(CK_RV rv) noexcept;

} // namespace smartcard::pkcs11
