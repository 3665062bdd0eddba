#!/usr/bin/env bash
# The install test (ctest label `package`): builds both Debian packages with cpack, lints them,
# unpacks them into a throwaway root and runs the programs, validators and man page checks from
# there. Exits non-zero on the first failed step, naming it.
# Usage: package-test.sh BUILD_DIR VERSION
# Output is captured before grep reads it: with pipefail, `cmd | grep -q` can fail (or, negated,
# pass) when grep stops reading early and cmd dies of SIGPIPE.
set -euo pipefail
build=$1
version=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$build/package-test
root=$work/root
step() { echo "== $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

step "cpack: both packages from one build"
rm -rf "$build/packages" "$work"
mkdir -p "$work/home"
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
arch=$(dpkg --print-architecture)
client=$build/packages/shiqiuren_${version}-1_${arch}.deb
server=$build/packages/shiqiuren-server_${version}-1_${arch}.deb
mapfile -t debs < <(find "$build/packages" -maxdepth 1 -name '*.deb' | sort)
[ "${#debs[@]}" -eq 2 ] || fail "expected two packages, cpack wrote: ${debs[*]}"
[ -f "$client" ] && [ -f "$server" ] || fail "expected $client and $server, got: ${debs[*]}"

step "lintian: no errors, no warnings"
lintian --fail-on error,warning --tag-display-limit 0 "$client" "$server" \
    || fail "lintian (see above)"

step "hardening: the binaries are built as Debian builds its own"
# Info-level tags, which --fail-on does not see: full RELRO (-z now) and fortified libc calls.
hardening=$(lintian --no-override --display-info --tag-display-limit 0 "$client" "$server" 2>&1 \
    | grep -E 'hardening-no-(relro|bindnow|fortify-functions|pie)' || true)
# lintian's fortify test is a heuristic: a binary built with _FORTIFY_SOURCE whose libc calls the
# compiler could all prove safe has no *_chk call and is reported all the same (hardening-check(1)
# says so). That report is accepted only when the build did ask for fortification and the binary
# really calls no fortified function, so a build without the flag still fails here.
fortify_heuristic() { # the binary in the build
    grep -q -- '-D_FORTIFY_SOURCE=2' "$build/compile_commands.json" 2>/dev/null \
        || grep -rqs -- '_FORTIFY_SOURCE=2' "$build/build.ninja" || return 1
    ! nm -D "$build/bin/$1" | grep -q '_chk@'
}
if grep -q 'shiqiuren-server: hardening-no-fortify-functions' <<<"$hardening" \
    && fortify_heuristic shiqiuren-server; then
    hardening=$(grep -v 'shiqiuren-server: hardening-no-fortify-functions' <<<"$hardening" || true)
fi
[ -z "$hardening" ] || fail "hardening flags missing: $hardening"

step "control fields"
field() { dpkg-deb --field "$1" "$2"; }
for deb in "$client" "$server"; do
    [ "$(field "$deb" Version)" = "${version}-1" ] || fail "$deb: Version is not ${version}-1"
    depends=$(field "$deb" Depends)
    # dpkg-shlibdeps ran: the Qt libraries are there with their versions.
    grep -qE 'libqt6core6 \(>= ' <<<"$depends" || fail "$deb: no computed Depends"
    grep -qw libqt6sql6-sqlite <<<"$depends" || fail "$deb: no Qt SQLite driver"
done
client_depends=$(field "$client" Depends)
# libssl3 holds libcrypto, which the client opens by its first OpenSSL call (dpkg-shlibdeps
# finds it through shiqiuren-card; without that it must be named in packaging/cpack.cmake).
for dep in pcscd libpcsclite1 fonts-noto-cjk libqt6widgets6 libssl3; do
    grep -qw -- "$dep" <<<"$client_depends" || fail "shiqiuren does not depend on $dep"
done
server_depends=$(field "$server" Depends)
! grep -qE 'pcscd|widgets|fonts-' <<<"$server_depends" || fail "the server depends on client parts"
[ -z "$(field "$client" Recommends)" ] || fail "shiqiuren recommends something"
conffiles=$(dpkg-deb --ctrl-tarfile "$server" | tar -xO ./conffiles)
grep -qx /etc/shiqiuren-server/server.conf <<<"$conffiles" || fail "server.conf is not a conffile"

step "dpkg -x into $root"
dpkg -x "$client" "$root"
dpkg -x "$server" "$root"
app_id=io.github.shiqiuren.Shiqiuren
expected=(
    usr/bin/shiqiuren usr/bin/shiqiuren-card usr/bin/shiqiuren-server
    usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml
    usr/share/icons/hicolor/scalable/apps/$app_id.svg
    usr/share/man/man1/shiqiuren.1.gz usr/share/man/man1/shiqiuren-card.1.gz
    usr/share/man/man1/shiqiuren-server.1.gz
    usr/share/doc/shiqiuren/copyright usr/share/doc/shiqiuren/changelog.Debian.gz
    usr/share/doc/shiqiuren-server/copyright usr/share/doc/shiqiuren-server/changelog.Debian.gz
    usr/share/doc/shiqiuren-server/README.Debian
    lib/systemd/system/shiqiuren-server.service etc/shiqiuren-server/server.conf
)
for size in 16 24 32 48 64 128 256; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    [ -e "$root/$path" ] || fail "not installed: /$path"
done
[ "$(stat -c %a "$root/etc/shiqiuren-server/server.conf")" = 640 ] || fail "server.conf is not 0640"
network_module=$(find "$root/usr/lib" -name libshiqiuren-network.so)
[ -n "$network_module" ] || fail "the network module is not installed under /usr/lib"
# 列印's module, beside it: the preview looks for it where it finds the network module.
print_module=$(find "$root/usr/lib" -name libshiqiuren-print.so)
[ "$(dirname "$print_module")" = "$(dirname "$network_module")" ] \
    || fail "the print module is not installed beside the network module"
nm -D --defined-only "$print_module" | grep -qw shiqiuren_open_print_dialog \
    || fail "the installed print module has no shiqiuren_open_print_dialog"
for binary in usr/bin/shiqiuren usr/bin/shiqiuren-card usr/bin/shiqiuren-server \
    "${network_module#"$root/"}" "${print_module#"$root/"}"; do
    sections=$(readelf -S "$root/$binary")
    ! grep -qw '\.symtab' <<<"$sections" || fail "/$binary is not stripped"
done

step "the programs run from the installed tree"
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_CACHE_HOME=$work/home/.cache XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=offscreen
mkdir -m 0700 "$XDG_RUNTIME_DIR"
[ "$("$root/usr/bin/shiqiuren-card" --version)" = "shiqiuren-card $version" ] \
    || fail "shiqiuren-card --version does not print $version"
"$root/usr/bin/shiqiuren" --help >/dev/null || fail "shiqiuren --help"
# --help-all is listed by --help (Qt adds it) and must print the help, not start the program.
for program in shiqiuren shiqiuren-card; do
    help_all=$(timeout 20 "$root/usr/bin/$program" --help-all 2>&1) \
        || fail "$program --help-all does not exit 0"
    grep -qF -- "--version" <<<"$help_all" || fail "$program --help-all prints no help"
done
client_version=$("$root/usr/bin/shiqiuren" --version)
grep -qF "$version" <<<"$client_version" || fail "shiqiuren --version does not print $version"
"$root/usr/bin/shiqiuren-server" --help >/dev/null || fail "shiqiuren-server --help"
"$here/smoke-server.sh" "$root" "$work/server" || fail "the installed server with its config"

step "desktop entry and AppStream metainfo"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "appstreamcli validate"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "the metainfo has no <release> for $version"

step "changelogs name this version first"
for pkg in shiqiuren shiqiuren-server; do
    top=$(zcat "$root/usr/share/doc/$pkg/changelog.Debian.gz" | head -n 1)
    [ "$top" = "$pkg (${version}-1) unstable; urgency=medium" ] \
        || fail "$pkg changelog starts with '$top', not $pkg (${version}-1)"
done

step "man pages render cleanly and match --help"
man1=$root/usr/share/man/man1
"$here/check-man-page.sh" "$man1/shiqiuren.1.gz" "$root/usr/bin/shiqiuren" || fail "shiqiuren(1)"
"$here/check-man-page.sh" "$man1/shiqiuren-card.1.gz" "$root/usr/bin/shiqiuren-card" \
    || fail "shiqiuren-card(1)"
"$here/check-man-page.sh" "$man1/shiqiuren-server.1.gz" "$root/usr/bin/shiqiuren-server" \
    || fail "shiqiuren-server(1)"

step "systemd-analyze verify: the unit has no unknown or malformed setting"
# verify ignores unknown keys with only a message, so any output is a failure. The copy points
# ExecStart at the unpacked binary, which is not under /usr/bin on this machine.
mkdir -p "$work/unit"
sed "s|/usr/bin/shiqiuren-server|$root/usr/bin/shiqiuren-server|" \
    "$root/lib/systemd/system/shiqiuren-server.service" >"$work/unit/shiqiuren-server.service"
verify=$(systemd-analyze verify --man=no "$work/unit/shiqiuren-server.service" 2>&1) \
    || fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify: $verify"

echo "package test passed: $(basename "$client") $(basename "$server")"
