#!/usr/bin/env bash
# The contract walk (ctest `server_contract_walk`, label `contract`): installs Stoplight Prism and
# Ajv at the versions pinned in proxy/package-lock.json, runs the walk (test_contract_walk: every
# operation through Prism's validating proxy in front of the real server), then check-walk.js over
# what the walk wrote down. Exit 77 (ctest: skipped) when this machine has no usable Node.js.
# Usage: run-walk.sh <tools folder> <test_contract_walk binary> <openapi.yaml>
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 <tools folder> <test_contract_walk binary> <openapi.yaml>" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
tools=$1 walk=$2 spec=$3

status=0
bin=$("$here/install-tools.sh" "$tools" "$here/proxy") || status=$?
if [ $status -eq 3 ]; then
    echo "SKIPPED: the contract walk needs Node.js >= 18.20 with npm (see the message above)" >&2
    exit 77
elif [ $status -ne 0 ]; then
    exit $status
fi

record=$tools/walk-record.jsonl
rm -f "$record"
SHIQIUREN_PRISM=$bin/prism SHIQIUREN_CONTRACT_RECORD=$record "$walk" --reporter compact
NODE_PATH=$tools/node_modules node "$here/check-walk.js" "$spec" "$record"
