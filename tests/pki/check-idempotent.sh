#!/usr/bin/env bash
# Checks make-test-pki.sh's contract with parallel ctest runs: racing runs both succeed and leave
# one complete PKI, a current PKI is kept as is, a stale one is replaced, nothing is left behind.
#
# Usage: check-idempotent.sh GENERATOR SCRATCHDIR
set -euo pipefail
generator=${1:?usage: $0 GENERATOR SCRATCHDIR}
scratch=${2:?usage: $0 GENERATOR SCRATCHDIR}
rm -rf "$scratch"
mkdir -p "$scratch"
out=$scratch/pki

fingerprint() { sha256sum "$out/citizen-sign.der" | cut -d' ' -f1; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Two runs racing for the same directory.
"$generator" "$out" &
first=$!
"$generator" "$out" &
second=$!
wait $first || fail "first of two parallel runs failed"
wait $second || fail "second of two parallel runs failed"
[[ -f $out/.complete && -f $out/identity.env && -f $out/trust/grca.pem ]] ||
    fail "parallel runs left an incomplete PKI"

# A current PKI is kept: keys are random, so a regeneration would change the certificate.
before=$(fingerprint)
"$generator" "$out"
[[ $(fingerprint) == "$before" ]] || fail "a second run regenerated a current PKI"

# A PKI made by another version of the script is replaced.
echo "script-sha256=stale" >"$out/.complete"
"$generator" "$out"
[[ $(fingerprint) != "$before" ]] || fail "a stale PKI was not regenerated"
[[ $(<"$out/.complete") == "script-sha256=$(sha256sum "$generator" | cut -d' ' -f1)" ]] ||
    fail ".complete does not record the script's sha256"

leftovers=$(find "$scratch" -mindepth 1 -maxdepth 1 ! -name pki ! -name pki.lock)
[[ -z $leftovers ]] || fail "temporary directories left behind: $leftovers"
rm -rf "$scratch"
echo "make-test-pki.sh is idempotent"
