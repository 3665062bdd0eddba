#pragma once

// For the libraries the programs open with their first call (smartcard/ondemand): whether one is
// in the process yet, without opening it.

#include <dlfcn.h>

namespace smartcardtest {

inline bool mapped(const char* soname)
{
    void* handle = dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (handle)
        dlclose(handle);
    return handle != nullptr;
}

} // namespace smartcardtest
