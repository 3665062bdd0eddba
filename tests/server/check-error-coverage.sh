#!/usr/bin/env bash
# Issue #4: every error code of the contract has a test that provokes it. Each code listed in the
# server's catalogue must be asserted ("code" in quotes) by at least one HTTP suite in api/.
# `internal-error` is the one exception: it answers an unexpected exception, which a correct
# server never throws on purpose.
#   check-error-coverage.sh CATALOGUE.cpp API_TEST_DIR
set -euo pipefail
catalogue=$1 tests=$2
codes=$(grep -oE '^ *\{ "[a-z0-9-]+",' "$catalogue" | grep -oE '"[a-z0-9-]+"' | tr -d '"')
[ -n "$codes" ] || { echo "no error codes found in $catalogue" >&2; exit 1; }
missing=()
for code in $codes; do
    [ "$code" = internal-error ] && continue
    grep -rqF "\"$code\"" "$tests" || missing+=("$code")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "error codes no server test provokes: ${missing[*]}" >&2
    exit 1
fi
echo "every error code ($(echo "$codes" | wc -l)) is asserted by a server test"
