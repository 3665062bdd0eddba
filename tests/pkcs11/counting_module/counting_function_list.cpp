// C_GetFunctionList: what the module implements, and CKR_FUNCTION_NOT_SUPPORTED for every other
// entry (never a null pointer a caller could jump through).

#include "counting_module.hpp"

namespace {

template <typename... Args> CK_RV unsupported(Args...)
{
    return CKR_FUNCTION_NOT_SUPPORTED;
}

/// Points `entry` at the unsupported() of its own signature.
template <typename... Args> void stub(CK_RV (*&entry)(Args...))
{
    entry = &unsupported<Args...>;
}

CK_FUNCTION_LIST makeList()
{
    CK_FUNCTION_LIST list {};
    list.version = { 2, 40 };
    stub(list.C_GetInfo);
    stub(list.C_GetSlotInfo);
    stub(list.C_GetMechanismList);
    stub(list.C_GetMechanismInfo);
    stub(list.C_InitToken);
    stub(list.C_InitPIN);
    stub(list.C_SetPIN);
    stub(list.C_CloseAllSessions);
    stub(list.C_GetSessionInfo);
    stub(list.C_GetOperationState);
    stub(list.C_SetOperationState);
    stub(list.C_CreateObject);
    stub(list.C_CopyObject);
    stub(list.C_DestroyObject);
    stub(list.C_GetObjectSize);
    stub(list.C_SetAttributeValue);
    stub(list.C_EncryptInit);
    stub(list.C_Encrypt);
    stub(list.C_EncryptUpdate);
    stub(list.C_EncryptFinal);
    stub(list.C_DecryptInit);
    stub(list.C_Decrypt);
    stub(list.C_DecryptUpdate);
    stub(list.C_DecryptFinal);
    stub(list.C_DigestInit);
    stub(list.C_Digest);
    stub(list.C_DigestUpdate);
    stub(list.C_DigestKey);
    stub(list.C_DigestFinal);
    stub(list.C_SignUpdate);
    stub(list.C_SignFinal);
    stub(list.C_SignRecoverInit);
    stub(list.C_SignRecover);
    stub(list.C_VerifyInit);
    stub(list.C_Verify);
    stub(list.C_VerifyUpdate);
    stub(list.C_VerifyFinal);
    stub(list.C_VerifyRecoverInit);
    stub(list.C_VerifyRecover);
    stub(list.C_DigestEncryptUpdate);
    stub(list.C_DecryptDigestUpdate);
    stub(list.C_SignEncryptUpdate);
    stub(list.C_DecryptVerifyUpdate);
    stub(list.C_GenerateKey);
    stub(list.C_GenerateKeyPair);
    stub(list.C_WrapKey);
    stub(list.C_UnwrapKey);
    stub(list.C_DeriveKey);
    stub(list.C_SeedRandom);
    stub(list.C_GenerateRandom);
    stub(list.C_GetFunctionStatus);
    stub(list.C_CancelFunction);
    stub(list.C_WaitForSlotEvent);
    list.C_Initialize = C_Initialize;
    list.C_Finalize = C_Finalize;
    list.C_GetFunctionList = C_GetFunctionList;
    list.C_GetSlotList = C_GetSlotList;
    list.C_GetTokenInfo = C_GetTokenInfo;
    list.C_OpenSession = C_OpenSession;
    list.C_CloseSession = C_CloseSession;
    list.C_Login = C_Login;
    list.C_Logout = C_Logout;
    list.C_FindObjectsInit = C_FindObjectsInit;
    list.C_FindObjects = C_FindObjects;
    list.C_FindObjectsFinal = C_FindObjectsFinal;
    list.C_GetAttributeValue = C_GetAttributeValue;
    list.C_SignInit = C_SignInit;
    list.C_Sign = C_Sign;
    return list;
}

} // namespace

CK_RV C_GetFunctionList(CK_FUNCTION_LIST** list)
{
    static CK_FUNCTION_LIST functions = makeList();
    if (!list)
        return CKR_ARGUMENTS_BAD;
    *list = &functions;
    return CKR_OK;
}
