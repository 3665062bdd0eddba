#!/usr/bin/env bash
# Installs the npm tools pinned in a package.json + package-lock.json (this folder's, or the one
# named) into a private folder (the build tree, never the source tree or the user's npm globals),
# with `npm ci` so the lock decides every version. Later runs find the same lock installed and
# need no network.
# Usage: install-tools.sh <tools folder> [<package folder>]
#        (prints the tools folder's node_modules/.bin on success)
# Exit status 3: no usable Node.js here (missing, or older than the package asks), so a test can
# skip rather than fail.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 <tools folder> [<package folder>]" >&2
    exit 2
fi
here=$(cd "${2:-$(dirname "$0")}" && pwd)
tools=$1

# @redocly/cli 2.x declares node >=20.19 (or >=22.12) and npm >=10; Prism 5.14 node >=18.20.1,
# which Debian 12's own nodejs (18.20) meets. A package.json's "engines.node" (">=X.Y") decides.
required=$(sed -n 's/.*"node": *">= *\([0-9]*\)\.\([0-9]*\).*/\1 \2/p' "$here/package.json" | head -1)
read -r required_major required_minor <<<"${required:-20 19}"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    # No nodejs package at all, so nothing to conflict with (NodeSource's nodejs conflicts with
    # Debian's npm): Debian's own nodejs and npm (18.20 on Debian 12), when we may.
    if command -v apt-get >/dev/null 2>&1 &&
        ! dpkg-query -W -f='${Status}' nodejs 2>/dev/null | grep -q 'install ok installed'; then
        sudo=()
        [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
        echo "install-tools: installing Debian's nodejs and npm" >&2
        { "${sudo[@]}" apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
                --no-install-recommends nodejs npm; } >&2 || true
    fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install-tools: needs node (>= ${required_major}.${required_minor}) and npm on PATH" \
        "(Debian: apt-get install nodejs npm; NodeSource's nodejs 20 or 22 for newer)" >&2
    exit 3
fi
if ! node -e "const [a, b] = process.versions.node.split('.').map(Number);
              process.exit(a > ${required_major} || (a === ${required_major} && b >= ${required_minor}) ? 0 : 1)"; then
    echo "install-tools: node $(node --version) is too old; the pinned tools need" \
        ">= ${required_major}.${required_minor} (NodeSource's nodejs 20 or 22)" >&2
    exit 3
fi

mkdir -p "$tools"
tools=$(cd "$tools" && pwd)
# One installer at a time: ctest may start several tests that use these tools together.
exec 9>"$tools/.install.lock"
flock 9

installed_lock="$tools/node_modules/.package-lock.json"
if [ -f "$tools/package-lock.json" ] && cmp -s "$here/package-lock.json" "$tools/package-lock.json" &&
    [ -f "$installed_lock" ]; then
    echo "$tools/node_modules/.bin"
    exit 0
fi

cp "$here/package.json" "$here/package-lock.json" "$tools/"
# --ignore-scripts: nothing from the registry runs at install time; the pinned tools need no build.
if ! (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2); then
    rm -f "$tools/package-lock.json" # so the next run tries again
    echo "install-tools: 'npm ci' in $tools failed (the first install needs the npm registry)" >&2
    exit 1
fi
echo "$tools/node_modules/.bin"
