#!/usr/bin/env bash
# Installs the npm tools pinned in this folder's package.json + package-lock.json into a private
# folder (the build tree, never the source tree or the user's npm globals), with `npm ci` so the
# lock decides every version. Later runs find the same lock installed and need no network.
# Usage: install-tools.sh <tools folder>      (prints the folder's node_modules/.bin on success)
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 <tools folder>" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
tools=$1

# @redocly/cli 2.x declares node >=20.19 (or >=22.12) and npm >=10. Debian 12's own nodejs is 18
# and its npm package conflicts with NodeSource's nodejs, so the check names what to install.
required_major=20 required_minor=19
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install-tools: needs node (>= ${required_major}.${required_minor}) and npm on PATH;" \
        "Debian 12's nodejs 18 is too old, use NodeSource's nodejs 20 or 22" >&2
    exit 1
fi
if ! node -e "const [a, b] = process.versions.node.split('.').map(Number);
              process.exit(a > ${required_major} || (a === ${required_major} && b >= ${required_minor}) ? 0 : 1)"; then
    echo "install-tools: node $(node --version) is too old; the pinned tools need" \
        ">= ${required_major}.${required_minor} (NodeSource's nodejs 20 or 22)" >&2
    exit 1
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
