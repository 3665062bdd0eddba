#!/usr/bin/env bash
# Proves check-man-page.sh bites: a page that matches its program passes, and each kind of
# drift (an option only in --help, an option only in the page) and a page groff warns about
# is refused. Usage: check-man-page-selftest.sh CHECKER FIXTURE_DIR
set -uo pipefail
checker=$1
fixtures=$2
fake=$fixtures/fake-help.sh
status=0
expect() { # expect pass|fail DESCRIPTION PAGE HELP_TEXT
    local want=$1 what=$2 page=$3 text=$4 out got=pass
    out=$("$checker" "$page" "$fake" "$text" 2>&1) || got=fail
    if [ "$got" != "$want" ]; then
        echo "$what: expected $want, got $got"; printf '%s\n' "$out"; status=1
    fi
}
expect pass "a page matching --help" "$fixtures/fake.1" "  --alpha  --beta-gamma N"
expect fail "an option only in --help" "$fixtures/fake.1" "  --alpha  --beta-gamma N  --delta"
expect fail "an option only in the page" "$fixtures/fake.1" "  --alpha"
expect fail "a page groff warns about" "$fixtures/fake-warns.1" "  --alpha  --beta-gamma N"
exit $status
