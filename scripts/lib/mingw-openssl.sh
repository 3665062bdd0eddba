#!/usr/bin/env bash
# OpenSSL's libcrypto for 64-bit Windows (mingw-w64), built from Debian's own `openssl` source
# package, for the `windows` test. Debian packages no mingw OpenSSL, and smartcard/ needs more
# of libcrypto than a Windows CNG seam would cover (X.509 parsing, digests, 3DES, AES, CMAC,
# RAND), so it is built once per build directory and kept.
#
# Usage: mingw-openssl.sh CACHE_DIR — prints the install prefix (include/, lib/libcrypto.a).
#
# The source comes through a private apt configuration under CACHE_DIR/apt (deb-src lines for
# this Debian release; the system's apt sources are not touched), verified by apt against the
# signed index. The result lives in CACHE_DIR/<source version>-<hash of the options>, so a new
# Debian security update or a change to the options below builds afresh; the index is fetched
# once per cache, so a long-lived build directory keeps its version until the cache is removed.
set -euo pipefail

cache=${1:?usage: mingw-openssl.sh CACHE_DIR}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

# What smartcard/ needs (X.509, RSA, EC, SHA-1/2, DES for 3DES, AES, CMAC, the DRBG) stays;
# the rest of the algorithms, the engines, the apps and the tests go, for build time.
options=(
    mingw64 --cross-compile-prefix=x86_64-w64-mingw32-
    no-shared no-module no-dso no-engine no-asm no-tests no-legacy no-autoload-config
    no-async no-ktls no-sock no-dgram no-ui-console no-comp no-ct no-cmp no-cms no-ocsp no-ts
    no-psk no-srp no-srtp no-aria no-bf no-blake2 no-camellia no-cast no-chacha no-poly1305
    no-dh no-dsa no-ec2m no-gost no-idea no-md4 no-mdc2 no-ocb no-rc2 no-rc4 no-rmd160
    no-scrypt no-seed no-siphash no-siv no-sm2 no-sm3 no-sm4 no-whirlpool
)

log() { echo "mingw-openssl: $*" >&2; }

# --- The source version: newest first, as the private deb-src index lists it ----------------

apt_dir=$cache/apt
apt_options=(
    -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/none"
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
)
# As root, apt would hand the download to its _apt user, who cannot write into our directory.
[ "$(id -u)" -ne 0 ] || apt_options+=(-o APT::Sandbox::User=root)

if ! compgen -G "$apt_dir/lists/*Sources*" >/dev/null; then
    codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/none"
    {
        echo "deb-src [signed-by=$keyring] http://deb.debian.org/debian $codename main"
        echo "deb-src [signed-by=$keyring] http://deb.debian.org/debian $codename-updates main"
        echo "deb-src [signed-by=$keyring] http://deb.debian.org/debian-security $codename-security main"
    } >"$apt_dir/sources.list"
    log "fetching the deb-src index for $codename"
    apt-get "${apt_options[@]}" -qq update >&2
fi

mapfile -t versions < <(apt-cache "${apt_options[@]}" showsrc openssl \
    | sed -n 's/^Version: //p' | sort -u -r -V)
[ ${#versions[@]} -gt 0 ] || { log "no openssl source package in the index"; exit 1; }

options_hash=$(printf '%s\n' "${options[@]}" | sha256sum | cut -c1-12)

# A version already built wins: no network needed on a warm run.
for version in "${versions[@]}"; do
    prefix=$cache/$version-$options_hash
    if [ -f "$prefix/lib/libcrypto.a" ]; then
        echo "$prefix"
        exit 0
    fi
done

# --- Build the newest version that downloads --------------------------------------------------

work=$(mktemp -d "$cache/work.XXXXXX")
trap 'rm -rf "$work"' EXIT
for version in "${versions[@]}"; do
    log "fetching openssl $version"
    if (cd "$work" && apt-get "${apt_options[@]}" -qq source "openssl=$version" >"$work/source.log" 2>&1); then
        break
    fi
    log "openssl $version did not download (a mirror without it?); trying the next one"
    rm -rf "${work:?}"/*
    version=
done
[ -n "$version" ] || { log "no openssl source version downloaded"; exit 1; }

tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'openssl-*' | head -1)
prefix=$cache/$version-$options_hash
log "building libcrypto $version for mingw-w64 (log: $work/build.log while it runs)"
start=$SECONDS
(
    cd "$tree"
    ./Configure "${options[@]}" --prefix="$prefix"
    make -j"$(nproc)" build_generated
    make -j"$(nproc)" libcrypto.a
) >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; log "build failed"; exit 1; }

# Installed by hand: `make install_dev` would build libssl as well.
staging=$work/prefix
mkdir -p "$staging/include" "$staging/lib"
cp -r "$tree/include/openssl" "$staging/include/"
cp "$tree/libcrypto.a" "$staging/lib/"
printf '%s\n' "openssl $version (Debian source package)" "${options[@]}" >"$staging/BUILD-INFO"
rm -rf "$prefix"
mv "$staging" "$prefix"
log "built in $((SECONDS - start)) s"
echo "$prefix"
