#!/usr/bin/env bash
# Runs a test that needs the suite's PostgreSQL, or skips it (exit 77, ctest's SKIP_RETURN_CODE)
# with the reason when the suite runs without one.
set -euo pipefail
if [ -z "${SHIQIUREN_PG_STACK:-}" ]; then
    echo "SKIPPED: no PostgreSQL for this run: SHIQIUREN_PG_STACK is not set (scripts/test starts" \
        "tests/support/postgres-stack.sh and sets it)"
    exit 77
fi
if ! "$SHIQIUREN_PG_STACK" status > /dev/null 2>&1; then
    echo "SKIPPED: the test PostgreSQL is not running ($SHIQIUREN_PG_STACK start)"
    exit 77
fi
exec "$@"
