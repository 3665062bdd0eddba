#include "pkcs11_session.hpp"

#include "smartcard/errors.hpp"

#include <string>

namespace smartcard::pkcs11 {

void throwCallFailure(const Api& api, std::string_view call, CK_RV rv)
{
    if (rv == CKR_TOKEN_NOT_PRESENT || rv == CKR_DEVICE_REMOVED)
        throw CardError(CardErrc::CardRemoved,
            std::string(call) + ": the card left the reader (" + rvName(rv) + ")");
    if (rv == CKR_TOKEN_NOT_RECOGNIZED) // a card in some reader that is not this module's kind
        throw CardError(CardErrc::UnsupportedCard,
            std::string(call) + ": " + api.path() + " does not recognise the card (" + rvName(rv)
                + ")");
    throw CardError(CardErrc::ModuleFailure,
        std::string(call) + " failed in " + api.path() + ": " + rvName(rv));
}

Session::Session(Api& api, CK_SLOT_ID slot)
    : api_(api)
{
    const CK_RV rv = api_.openSession(slot, CKF_SERIAL_SESSION, &handle_);
    if (rv != CKR_OK)
        throwCallFailure(api_, "C_OpenSession", rv);
}

Session::~Session()
{
    api_.closeSession(handle_);
}

CK_ATTRIBUTE attributeOf(CK_ATTRIBUTE_TYPE type, const void* value, std::size_t size)
{
    // PKCS#11 templates are not const-correct; C_FindObjectsInit only reads them.
    return CK_ATTRIBUTE { type, const_cast<void*>(value), static_cast<CK_ULONG>(size) };
}

std::vector<CK_OBJECT_HANDLE> Session::find(std::vector<CK_ATTRIBUTE> templ)
{
    CK_RV rv = api_.findObjectsInit(handle_, templ.data(), static_cast<CK_ULONG>(templ.size()));
    if (rv != CKR_OK)
        throwCallFailure(api_, "C_FindObjectsInit", rv);
    struct Final {
        Api& api;
        CK_SESSION_HANDLE session;
        ~Final() { api.findObjectsFinal(session); }
    } final { api_, handle_ };

    std::vector<CK_OBJECT_HANDLE> found;
    CK_OBJECT_HANDLE batch[16];
    for (;;) {
        CK_ULONG count = 0;
        rv = api_.findObjects(handle_, batch, std::size(batch), &count);
        if (rv != CKR_OK)
            throwCallFailure(api_, "C_FindObjects", rv);
        if (count == 0 || count > std::size(batch))
            break;
        found.insert(found.end(), batch, batch + count);
    }
    return found;
}

std::optional<Bytes> Session::attribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type)
{
    CK_ATTRIBUTE query { type, nullptr, 0 };
    CK_RV rv = api_.getAttributeValue(handle_, object, &query, 1);
    if (rv != CKR_OK || query.ulValueLen == CK_UNAVAILABLE_INFORMATION)
        return std::nullopt;
    Bytes value(query.ulValueLen);
    query.pValue = value.data();
    rv = api_.getAttributeValue(handle_, object, &query, 1);
    if (rv != CKR_OK || query.ulValueLen > value.size())
        return std::nullopt;
    value.resize(query.ulValueLen);
    return value;
}

bool Session::flag(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type)
{
    const auto value = attribute(object, type);
    return value && value->size() == sizeof(CK_BBOOL) && value->front() != 0;
}

std::vector<CK_OBJECT_HANDLE> signingKeys(Session& session, const Bytes& keyId)
{
    const CK_OBJECT_CLASS keyClass = CKO_PRIVATE_KEY;
    std::vector<CK_OBJECT_HANDLE> keys;
    // CKA_SIGN is read back rather than put in the template: a module that cannot match on it
    // must not make a signing key look absent.
    for (const auto key : session.find({ attributeOf(CKA_CLASS, &keyClass, sizeof keyClass),
             attributeOf(CKA_ID, keyId.data(), keyId.size()) }))
        if (session.flag(key, CKA_SIGN))
            keys.push_back(key);
    return keys;
}

} // namespace smartcard::pkcs11
