#!/usr/bin/env bash
# The `windows` test: cross-builds smartcard/ and its Qt-free tests for 64-bit Windows with
# Debian's mingw-w64 and runs them under Wine. Fails when the build or any test fails.
# Usage: run-windows-tests.sh SOURCE_DIR WORK_DIR (SHIQIUREN_TEST_PKI names the test PKI).
#   WORK_DIR/openssl  libcrypto for mingw from Debian's openssl source (kept between runs)
#   WORK_DIR/build    the cross build (cmake/toolchains/mingw-w64.cmake, SHIQIUREN_SMARTCARD_ONLY)
#   WORK_DIR/wine     the Wine prefix (kept between runs)
set -euo pipefail
src=${1:?usage: run-windows-tests.sh SOURCE_DIR WORK_DIR}
work=${2:?usage: run-windows-tests.sh SOURCE_DIR WORK_DIR}
: "${SHIQIUREN_TEST_PKI:?SHIQIUREN_TEST_PKI must name the test PKI (the test_pki fixture)}"
mkdir -p "$work"
work=$(cd "$work" && pwd)

wine=/usr/lib/wine/wine64
for tool in x86_64-w64-mingw32-g++-posix "$wine" make perl apt-get dpkg-source; do
    if ! command -v "$tool" >/dev/null; then
        echo "windows: $tool is missing; scripts/lib/deps.sh lists the packages (scripts/test installs them)" >&2
        exit 1
    fi
done

start=$SECONDS
step() { echo "windows: $* ($((SECONDS - start)) s)"; }
trap 'echo "windows: failed: $BASH_COMMAND" >&2' ERR

step "OpenSSL for mingw"
openssl=$("$src/scripts/lib/mingw-openssl.sh" "$work/openssl")

step "configuring the cross build"
prefix=$work/wine
cmake -S "$src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchains/mingw-w64.cmake" \
    -DSHIQIUREN_SMARTCARD_ONLY=ON \
    -DCMAKE_FIND_ROOT_PATH="$openssl" -DOPENSSL_ROOT_DIR="$openssl" -DOPENSSL_USE_STATIC_LIBS=ON \
    -DSHIQIUREN_TEST_PKI_DIR="$SHIQIUREN_TEST_PKI" \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$src/tests/windows/wine-run.sh;$prefix" >"$work/configure.log" \
    || { cat "$work/configure.log"; exit 1; }

step "building"
cmake --build "$work/build" --parallel "$(nproc)"

# One wineserver for the whole run, stopped on the way out. Wine's own services (services.exe,
# winedevice, rpcss, ...) start with the first program in a prefix and live as long as the
# server: wineboot starts them here, away from ctest's output pipes, which they would otherwise
# inherit and hold open past the end of a test. The first time, wineboot creates the prefix.
export WINEPREFIX=$prefix
run=$src/tests/windows/wine-run.sh
wineserver=/usr/lib/wine/wineserver
"$wineserver" -k >/dev/null 2>&1 || true # one left over from an interrupted run
# wine64 alone has no 32-bit half; wineboot says so and carries on.
if [ ! -f "$prefix/system.reg" ]; then
    step "creating the Wine prefix"
    "$run" "$prefix" wineboot --init >"$work/wineboot.log" 2>&1 </dev/null || true
    "$wineserver" -w
fi
"$wineserver" -p >/dev/null 2>&1 </dev/null
trap '"$wineserver" -k >/dev/null 2>&1 || true' EXIT
step "starting Wine"
"$run" "$prefix" wineboot >>"$work/wineboot.log" 2>&1 </dev/null || true

step "running the tests under Wine"
ctest --test-dir "$work/build" --output-on-failure --timeout 300 -j "$(nproc)"
step "done"
