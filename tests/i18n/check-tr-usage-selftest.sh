#!/usr/bin/env bash
# Proves check-tr-usage.py bites: every PLANTED line of the bad fixture is reported (and nothing
# else), and the good fixture passes. Usage: check-tr-usage-selftest.sh SCRIPT FIXTURE_DIR
set -uo pipefail
script=$1
fixtures=$2
status=0
out=$(python3 "$script" "$fixtures/skips_tr.fixture")
if [ $? -ne 1 ]; then
    echo "the planted bad strings were not refused"; status=1
fi
expected=$(grep -n 'PLANTED$' "$fixtures/skips_tr.fixture" | grep -v '^1:' | cut -d: -f1 | sort -n)
reported=$(printf '%s\n' "$out" | grep -o '^[^:]*:[0-9]*:' | cut -d: -f2 | sort -n)
if [ "$expected" != "$reported" ]; then
    echo "planted lines: $(echo $expected)"; echo "reported lines: $(echo $reported)"
    printf '%s\n' "$out"; status=1
fi
if ! python3 "$script" "$fixtures/uses_tr.fixture"; then
    echo "the good fixture was refused"; status=1
fi
exit $status
