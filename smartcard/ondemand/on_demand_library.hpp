#pragma once

// What the libraries opened by their first call share (pcsclite/, openssl/): opening one by its
// soname and finding its functions. Never installed.

#include <dlfcn.h>

namespace smartcard::on_demand {

/// Opens `soname` with every symbol bound now; null when it cannot be opened.
inline void* openLibrary(const char* soname)
{
    return dlopen(soname, RTLD_NOW | RTLD_LOCAL);
}

/// Finds `name` in `library` as a function of the type `into` has; false when it is missing.
template <typename Function> bool find(void* library, const char* name, Function& into)
{
    into = reinterpret_cast<Function>(dlsym(library, name));
    return into != nullptr;
}

/// Why the last open or find failed, as the dynamic loader says it.
inline const char* lastError()
{
    const char* error = dlerror();
    return error ? error : "not found";
}

} // namespace smartcard::on_demand
