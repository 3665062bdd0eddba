#pragma once

// Small RAII pieces over pkcs11::Api that the token's open and sign paths share.

#include "pkcs11_api.hpp"
#include "smartcard/bytes.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace smartcard::pkcs11 {

/// Throws the CardError a non-PIN failure of `call` means: CardRemoved for a token that left,
/// UnsupportedCard for one the module does not recognise, ModuleFailure naming the return code
/// otherwise.
[[noreturn]] void throwCallFailure(const Api& api, std::string_view call, CK_RV rv);

/// A serial read-only session, closed on every path.
class Session {
public:
    /// Throws as throwCallFailure() when the module will not open one.
    Session(Api& api, CK_SLOT_ID slot);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    CK_SESSION_HANDLE handle() const { return handle_; }
    Api& api() const { return api_; }

    /// Objects matching `templ`; the search is finalised on every path.
    std::vector<CK_OBJECT_HANDLE> find(std::vector<CK_ATTRIBUTE> templ);
    /// An attribute's bytes, or nullopt when the object does not have it (or will not say).
    std::optional<Bytes> attribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type);
    /// A CK_BBOOL attribute; false when absent.
    bool flag(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type);

private:
    Api& api_;
    CK_SESSION_HANDLE handle_ = 0;
};

/// The private keys with `keyId` that may sign, in `session`'s view (a module may hide private
/// objects until login).
std::vector<CK_OBJECT_HANDLE> signingKeys(Session& session, const Bytes& keyId);

/// Template entries for find(); `value` must outlive the search.
CK_ATTRIBUTE attributeOf(CK_ATTRIBUTE_TYPE type, const void* value, std::size_t size);

} // namespace smartcard::pkcs11
