#include "pkcs11_api.hpp"
#include "smartcard/errors.hpp"

#include <map>
#include <mutex>

#if defined(_WIN32)
#include "windows_api.hpp"
#include "windows_text.hpp"

#include <filesystem>
#else
#include <dlfcn.h>
#endif

namespace smartcard::pkcs11 {

namespace {

// --- The platform's dynamic loader -------------------------------------------------------------

#if defined(_WIN32)
void* openLibrary(const std::string& path, std::string& why)
{
    const std::wstring widePath = detail::toWide(path);
    // A bare or relative name would go through the DLL search order (the current directory,
    // PATH), where anyone can put a DLL of that name; the vendor's module has a fixed home.
    if (!std::filesystem::path(widePath).is_absolute()) {
        why = "not a full path; Windows modules are loaded by full path only";
        return nullptr;
    }
    // The module's own DLLs are looked for beside it first.
    HMODULE handle = LoadLibraryExW(widePath.c_str(), nullptr, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (!handle) {
        const DWORD error = GetLastError();
        if (error == ERROR_MOD_NOT_FOUND)
            why = "not found, or a DLL it needs is missing";
        else if (error == ERROR_BAD_EXE_FORMAT)
            why = "not a 64-bit DLL";
        else
            why = "LoadLibrary error " + std::to_string(error);
    }
    return reinterpret_cast<void*>(handle);
}
CK_C_GetFunctionList functionListEntry(void* handle)
{
    // Through void(*)(): GetProcAddress's FARPROC has no parameters to match.
    const auto entry = reinterpret_cast<void (*)()>(
        GetProcAddress(reinterpret_cast<HMODULE>(handle), "C_GetFunctionList"));
    return reinterpret_cast<CK_C_GetFunctionList>(entry);
}
void closeLibrary(void* handle)
{
    FreeLibrary(reinterpret_cast<HMODULE>(handle));
}
#else
void* openLibrary(const std::string& path, std::string& why)
{
    // RTLD_LOCAL: the vendor's symbols (often a private OpenSSL) must not interpose on ours.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* error = dlerror();
        why = error ? error : "dlopen failed";
        // dlerror() starts with the path, which the message names already.
        if (why.starts_with(path + ": "))
            why.erase(0, path.size() + 2);
    }
    return handle;
}
CK_C_GetFunctionList functionListEntry(void* handle)
{
    // POSIX guarantees a dlsym'd object pointer converts to a function pointer.
    return reinterpret_cast<CK_C_GetFunctionList>(dlsym(handle, "C_GetFunctionList"));
}
void closeLibrary(void* handle)
{
    dlclose(handle);
}
#endif

// --- One loaded module -------------------------------------------------------------------------

/// How C_Initialize went: the module's answer, and whether it took OS locking.
struct Initialised {
    CK_RV rv = CKR_OK;
    bool locking = true;
};

class LoadedModule final : public Api {
public:
    LoadedModule(
        std::string path, void* library, CK_FUNCTION_LIST* functions, Initialised initialised)
        : path_(std::move(path))
        , library_(library)
        , f_(functions)
        , finalize_(initialised.rv == CKR_OK)
        , serialise_(!initialised.locking)
    { }
    ~LoadedModule() override;
    LoadedModule(const LoadedModule&) = delete;
    LoadedModule& operator=(const LoadedModule&) = delete;

    const std::string& path() const override { return path_; }
    CK_RV getSlotList(CK_BBOOL present, CK_SLOT_ID* slots, CK_ULONG* count) override
    {
        return call(f_->C_GetSlotList, present, slots, count);
    }
    CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info) override
    {
        return call(f_->C_GetTokenInfo, slot, info);
    }
    CK_RV openSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_SESSION_HANDLE* session) override
    {
        return call(f_->C_OpenSession, slot, flags, nullptr, nullptr, session);
    }
    CK_RV closeSession(CK_SESSION_HANDLE session) override
    {
        return call(f_->C_CloseSession, session);
    }
    CK_RV login(
        CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR* pin, CK_ULONG length) override
    {
        return call(f_->C_Login, session, user, pin, length);
    }
    CK_RV logout(CK_SESSION_HANDLE session) override { return call(f_->C_Logout, session); }
    CK_RV findObjectsInit(CK_SESSION_HANDLE session, CK_ATTRIBUTE* templ, CK_ULONG count) override
    {
        return call(f_->C_FindObjectsInit, session, templ, count);
    }
    CK_RV findObjects(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE* objects, CK_ULONG max,
        CK_ULONG* found) override
    {
        return call(f_->C_FindObjects, session, objects, max, found);
    }
    CK_RV findObjectsFinal(CK_SESSION_HANDLE session) override
    {
        return call(f_->C_FindObjectsFinal, session);
    }
    CK_RV getAttributeValue(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ATTRIBUTE* templ,
        CK_ULONG count) override
    {
        return call(f_->C_GetAttributeValue, session, object, templ, count);
    }
    CK_RV signInit(
        CK_SESSION_HANDLE session, CK_MECHANISM* mechanism, CK_OBJECT_HANDLE key) override
    {
        return call(f_->C_SignInit, session, mechanism, key);
    }
    CK_RV sign(CK_SESSION_HANDLE session, CK_BYTE* data, CK_ULONG length, CK_BYTE* signature,
        CK_ULONG* signatureLength) override
    {
        return call(f_->C_Sign, session, data, length, signature, signatureLength);
    }

private:
    /// A module initialised without OS locking may not be entered by two threads at once (tokens
    /// on different threads share it): one call at a time then.
    template <typename Function, typename... Args> CK_RV call(Function function, Args... args)
    {
        if (!serialise_)
            return function(args...);
        std::lock_guard lock(serial_);
        return function(args...);
    }

    std::string path_;
    void* library_;
    CK_FUNCTION_LIST* f_;
    bool finalize_; // false when someone else in this process initialised the module
    bool serialise_;
    std::mutex serial_;
};

// Every module this process has loaded, by loader handle (two spellings of one path, or a bare
// name and its full path, give the same handle), with its number of owners. Owners are counted
// under the lock rather than by shared_ptr's own count, so "last owner gone → C_Finalize" and
// "already loaded → share it" can never interleave: a module being finalised is not handed out.
struct Entry {
    std::unique_ptr<LoadedModule> module;
    int owners = 0;
};
std::mutex registryLock;
std::map<void*, Entry>& registry()
{
    static std::map<void*, Entry> modules;
    return modules;
}

void release(void* library)
{
    std::lock_guard lock(registryLock);
    auto& modules = registry();
    auto entry = modules.find(library);
    if (entry == modules.end() || --entry->second.owners > 0)
        return;
    modules.erase(entry); // finalises and unloads, still under the lock
}

/// One more owner of a registered module; call with the lock held.
std::shared_ptr<Api> share(void* library)
{
    Entry& entry = registry().at(library);
    ++entry.owners;
    return std::shared_ptr<Api>(entry.module.get(), [library](Api*) { release(library); });
}

LoadedModule::~LoadedModule()
{
    if (finalize_)
        f_->C_Finalize(nullptr);
    closeLibrary(library_);
}

/// C_Initialize asking for OS locking: the module may run threads of its own (card monitoring),
/// and we call it from more than one. A module that refuses those arguments (some answer
/// CKR_ARGUMENTS_BAD, CKR_CANT_LOCK or CKR_NEED_TO_CREATE_THREADS to anything but NULL) gets one
/// more C_Initialize with NULL, and LoadedModule then makes the calls one at a time.
Initialised initialiseModule(CK_FUNCTION_LIST& functions)
{
    CK_C_INITIALIZE_ARGS args {};
    args.flags = CKF_OS_LOCKING_OK;
    const CK_RV rv = functions.C_Initialize(&args);
    if (rv == CKR_ARGUMENTS_BAD || rv == CKR_CANT_LOCK || rv == CKR_NEED_TO_CREATE_THREADS)
        return { functions.C_Initialize(nullptr), false };
    return { rv, true };
}

/// Initialises a freshly opened module; throws ModuleFailure (the library is closed again).
std::unique_ptr<LoadedModule> initialise(const std::string& path, void* library)
{
    CK_FUNCTION_LIST* functions = nullptr;
    const CK_C_GetFunctionList entry = functionListEntry(library);
    if (!entry) {
        closeLibrary(library);
        throw CardError(CardErrc::ModuleFailure,
            path + " is not a PKCS#11 module (it has no C_GetFunctionList)");
    }
    CK_RV rv = entry(&functions);
    if (rv != CKR_OK || !functions) {
        closeLibrary(library);
        throw CardError(
            CardErrc::ModuleFailure, path + ": C_GetFunctionList failed with " + rvName(rv));
    }
    const Initialised initialised = initialiseModule(*functions);
    if (initialised.rv != CKR_OK && initialised.rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        closeLibrary(library);
        throw CardError(
            CardErrc::ModuleFailure, path + ": C_Initialize failed with " + rvName(initialised.rv));
    }
    return std::make_unique<LoadedModule>(path, library, functions, initialised);
}

} // namespace

std::shared_ptr<Api> loadModule(const std::vector<std::string>& candidates)
{
    std::string tried;
    for (const auto& path : candidates) {
        std::string why;
        void* library = openLibrary(path, why);
        if (!library) {
            tried += (tried.empty() ? "" : "; ") + path + " (" + why + ")";
            continue;
        }
        std::lock_guard lock(registryLock);
        auto& modules = registry();
        if (modules.contains(library)) {
            closeLibrary(library); // the registered module holds its own reference
            return share(library);
        }
        auto module = initialise(path, library); // throws before anything is registered
        modules[library].module = std::move(module);
        return share(library);
    }
    throw CardError(CardErrc::ModuleNotFound,
        "no PKCS#11 module found; tried: " + (tried.empty() ? std::string("nothing") : tried));
}

} // namespace smartcard::pkcs11
