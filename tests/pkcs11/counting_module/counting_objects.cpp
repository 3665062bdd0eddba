// The token's two objects (certificate, private key) and the object search over them.

#include "counting_module.hpp"

#include <cstring>
#include <fstream>
#include <iterator>

namespace countingmodule {

namespace {

using Value = std::vector<unsigned char>;

Value fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return Value(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

template <typename T> Value valueOf(T value)
{
    Value bytes(sizeof value);
    std::memcpy(bytes.data(), &value, sizeof value);
    return bytes;
}

const Value objectId = { 0x45, 0x01 };

} // namespace

std::vector<Object> tokenObjects(const StateFile& state)
{
    std::vector<Object> objects;
    const std::string certificate = state.text("cert");
    if (certificate.empty())
        return objects;
    Object cert;
    cert.handle = certificateHandle;
    cert.attributes[CKA_CLASS] = valueOf<CK_OBJECT_CLASS>(CKO_CERTIFICATE);
    cert.attributes[CKA_CERTIFICATE_TYPE] = valueOf<CK_CERTIFICATE_TYPE>(CKC_X_509);
    cert.attributes[CKA_TOKEN] = valueOf<CK_BBOOL>(CK_TRUE);
    cert.attributes[CKA_ID] = objectId;
    cert.attributes[CKA_VALUE] = fileBytes(certificate);
    objects.push_back(cert);

    Object key;
    key.handle = keyHandle;
    key.attributes[CKA_CLASS] = valueOf<CK_OBJECT_CLASS>(CKO_PRIVATE_KEY);
    key.attributes[CKA_KEY_TYPE] = valueOf<CK_KEY_TYPE>(CKK_RSA);
    key.attributes[CKA_TOKEN] = valueOf<CK_BBOOL>(CK_TRUE);
    key.attributes[CKA_ID] = objectId;
    key.attributes[CKA_SIGN] = valueOf<CK_BBOOL>(state.number("keySign", 1) ? CK_TRUE : CK_FALSE);
    key.hiddenBeforeLogin = state.text("keys", "public") == "private";
    key.attributes[CKA_PRIVATE] = valueOf<CK_BBOOL>(key.hiddenBeforeLogin ? CK_TRUE : CK_FALSE);
    objects.push_back(key);
    return objects;
}

} // namespace countingmodule

using namespace countingmodule;

namespace {

bool matches(const Object& object, const CK_ATTRIBUTE* templ, CK_ULONG count)
{
    for (CK_ULONG i = 0; i < count; ++i) {
        const auto found = object.attributes.find(templ[i].type);
        if (found == object.attributes.end() || found->second.size() != templ[i].ulValueLen
            || std::memcmp(found->second.data(), templ[i].pValue, templ[i].ulValueLen) != 0)
            return false;
    }
    return true;
}

} // namespace

CK_RV C_FindObjectsInit(CK_SESSION_HANDLE session, CK_ATTRIBUTE* templ, CK_ULONG count)
{
    return withState([&](StateFile& state) -> CK_RV {
        SessionData* data = findSession(session);
        if (!data)
            return CKR_SESSION_HANDLE_INVALID;
        if (data->finding)
            return CKR_OPERATION_ACTIVE;
        if (count && !templ)
            return CKR_ARGUMENTS_BAD;
        const bool loggedIn = state.number("loggedIn") != 0;
        data->found.clear();
        for (const auto& object : tokenObjects(state))
            if ((loggedIn || !object.hiddenBeforeLogin) && matches(object, templ, count))
                data->found.push_back(object.handle);
        data->finding = true;
        return CKR_OK;
    });
}

CK_RV C_FindObjects(
    CK_SESSION_HANDLE session, CK_OBJECT_HANDLE* objects, CK_ULONG max, CK_ULONG* found)
{
    return withState([&](StateFile&) -> CK_RV {
        SessionData* data = findSession(session);
        if (!data)
            return CKR_SESSION_HANDLE_INVALID;
        if (!data->finding)
            return CKR_OPERATION_NOT_INITIALIZED;
        if (!objects || !found)
            return CKR_ARGUMENTS_BAD;
        *found = 0;
        while (*found < max && !data->found.empty()) {
            objects[(*found)++] = data->found.front();
            data->found.erase(data->found.begin());
        }
        return CKR_OK;
    });
}

CK_RV C_FindObjectsFinal(CK_SESSION_HANDLE session)
{
    return withState([&](StateFile&) -> CK_RV {
        SessionData* data = findSession(session);
        if (!data)
            return CKR_SESSION_HANDLE_INVALID;
        if (!data->finding)
            return CKR_OPERATION_NOT_INITIALIZED;
        data->finding = false;
        data->found.clear();
        return CKR_OK;
    });
}

CK_RV C_GetAttributeValue(
    CK_SESSION_HANDLE session, CK_OBJECT_HANDLE handle, CK_ATTRIBUTE* templ, CK_ULONG count)
{
    return withState([&](StateFile& state) -> CK_RV {
        if (!findSession(session))
            return CKR_SESSION_HANDLE_INVALID;
        const bool loggedIn = state.number("loggedIn") != 0;
        for (const auto& object : tokenObjects(state)) {
            if (object.handle != handle || (object.hiddenBeforeLogin && !loggedIn))
                continue;
            CK_RV rv = CKR_OK;
            for (CK_ULONG i = 0; i < count; ++i) {
                const auto found = object.attributes.find(templ[i].type);
                if (found == object.attributes.end()) {
                    templ[i].ulValueLen = CK_UNAVAILABLE_INFORMATION;
                    rv = CKR_ATTRIBUTE_TYPE_INVALID;
                } else if (!templ[i].pValue) {
                    templ[i].ulValueLen = found->second.size();
                } else if (templ[i].ulValueLen < found->second.size()) {
                    templ[i].ulValueLen = CK_UNAVAILABLE_INFORMATION;
                    rv = CKR_BUFFER_TOO_SMALL;
                } else {
                    std::memcpy(templ[i].pValue, found->second.data(), found->second.size());
                    templ[i].ulValueLen = found->second.size();
                }
            }
            return rv;
        }
        return CKR_OBJECT_HANDLE_INVALID;
    });
}
