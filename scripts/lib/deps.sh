# Debian 12 packages the build, the tests and the demo need. Sourced by scripts/run and scripts/test.

SHIQIUREN_PACKAGES=(
    # build
    cmake ninja-build g++ pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libsqlite3-dev libgl-dev
    libssl-dev libpcsclite-dev catch2 libp11-kit-dev python3-yaml libfontconfig-dev
    # run time: the PC/SC service, the virtual reader driver, ATR list, test PKI
    pcscd vsmartcard-vpcd pcsc-tools openssl
    # PKCS#11 tests: a real module (SoftHSM2) next to the project's counting test module
    softhsm2
    # reference server on PostgreSQL: the QPSQL driver, and the server binaries the tests run
    # as a private cluster (tests/support/postgres-stack.sh)
    libqt6sql6-psql postgresql
    # desktop client: the Traditional Chinese font the UI is drawn with, the platform plugins,
    # and a virtual X server for the screenshot script
    fonts-noto-cjk libqt6gui6 xvfb xauth
    # packages (#7): cpack's DEB generator computes Depends with dpkg-shlibdeps; the install test
    # lints them, validates the desktop entry and metainfo, renders the man pages and checks the
    # systemd unit
    dpkg-dev lintian desktop-file-utils appstream man-db groff-base systemd
    # the `windows` test: smartcard/ cross-built with mingw-w64 (the posix thread model, for
    # std::thread) and run under Wine; libcrypto for it is built from Debian's openssl source
    # (scripts/lib/mingw-openssl.sh: apt-get source needs dpkg-dev, the build make and perl)
    g++-mingw-w64-x86-64-posix wine64 make perl
    # fuzzing (tests/fuzz): clang with libFuzzer and the sanitizers' runtime
    clang libclang-rt-14-dev
)
# Not listed: Node.js for the contract tools (tests/server/contract, pinned npm packages). They need
# node >= 20.19 with npm >= 10, newer than Debian 12's nodejs 18; and Debian's `npm` package
# conflicts with NodeSource's nodejs, so asking apt for it could swap a working Node for an old one.
# tests/server/contract/install-tools.sh says what is missing.

# Installs whatever is missing; quiet when everything is there already.
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "${SHIQIUREN_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures and builds into build/ (or $SHIQIUREN_BUILD_DIR).
build_project() {
    local top=$1 build=$2
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
    cmake --build "$build" --parallel "$(nproc)"
}

# Benchmarks only (bench/server/bench-server.sh): not needed to build or test, so not in the list
# above; the benchmark installs them when it runs.
SHIQIUREN_BENCH_PACKAGES=(wrk curl)

ensure_bench_packages() {
    local missing=() pkg
    for pkg in "${SHIQIUREN_BENCH_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing for the benchmarks: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
