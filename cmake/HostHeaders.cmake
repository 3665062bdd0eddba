# Header-only dependencies of a cross build, taken from the build machine's Debian packages:
# p11-kit's pkcs11.h (it packs its structures for Windows itself) and Catch2 2.13's single
# header. Each is copied alone into the build tree, so the target's include path never holds
# the build machine's /usr/include (its libc and C++ headers would shadow the toolchain's).

set(host_headers ${CMAKE_BINARY_DIR}/host-headers)

function(shiqiuren_host_header relative)
    set(source /usr/include/${relative})
    if(NOT EXISTS ${source})
        message(FATAL_ERROR "${source} is missing: install the package that holds it "
            "(scripts/lib/deps.sh lists them)")
    endif()
    configure_file(${source} ${host_headers}/${relative} COPYONLY)
endfunction()

shiqiuren_host_header(p11-kit-1/p11-kit/pkcs11.h)
set(P11KIT_INCLUDE_DIRS ${host_headers}/p11-kit-1)

shiqiuren_host_header(catch2/catch.hpp)
add_library(Catch2::Catch2 INTERFACE IMPORTED)
target_include_directories(Catch2::Catch2 SYSTEM INTERFACE ${host_headers})
