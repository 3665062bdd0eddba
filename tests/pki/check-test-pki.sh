#!/usr/bin/env bash
# Checks that a generated test PKI means what the tests rely on, using only the openssl CLI:
# chains, validity, CRL and OCSP answers, and identity.env as a shell file.
#
# Usage: check-test-pki.sh PKIDIR
set -euo pipefail
pki=${1:?usage: $0 PKIDIR}
cd "$pki"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect_verify CERT INTERMEDIATE WANT [extra openssl verify options]: WANT is "OK" or the error
# text openssl prints.
expect_verify() {
    local cert=$1 intermediate=$2 want=$3
    shift 3
    local got
    got=$(openssl verify "$@" -CAfile trust/grca.pem -untrusted "$intermediate" "$cert" 2>&1 || true)
    [[ $got == *"$want"* ]] || fail "verify $cert via $intermediate: want '$want', got: $got"
}

expect_verify citizen-sign.pem moica-ca.pem "citizen-sign.pem: OK"
expect_verify citizen-enc.pem moica-ca.pem "citizen-enc.pem: OK"
expect_verify ocsp-signer.pem moica-ca.pem "ocsp-signer.pem: OK"
expect_verify agency-sign.pem gca-ca.pem "agency-sign.pem: OK"
expect_verify citizen-sign.pem gca-ca.pem "unable to get local issuer certificate"
expect_verify expired.pem moica-ca.pem "certificate has expired"
expect_verify not-yet-valid.pem moica-ca.pem "certificate is not yet valid"
expect_verify revoked.pem moica-ca.pem "revoked.pem: OK"
expect_verify revoked.pem moica-ca.pem "certificate revoked" -crl_check -CRLfile moica-ca.crl.pem
expect_verify citizen-sign.pem moica-ca.pem "citizen-sign.pem: OK" -crl_check \
    -CRLfile moica-ca.crl.pem
expect_verify agency-sign.pem gca-ca.pem "agency-sign.pem: OK" -crl_check -CRLfile gca-ca.crl.pem

for ca in grca moica-ca gca-ca; do
    cmp -s "$ca.pem" "trust/$ca.pem" || fail "trust/$ca.pem differs from $ca.pem"
done

# The responder answers from the index without a network port: request in, response out.
openssl ocsp -issuer moica-ca.pem -cert revoked.pem -cert citizen-sign.pem -cert expired.pem \
    -no_nonce -reqout "$scratch/request.der" >/dev/null 2>&1
openssl ocsp -index moica-ca.index.txt -CA moica-ca.pem -rsigner ocsp-signer.pem \
    -rkey ocsp-signer.key -reqin "$scratch/request.der" -respout "$scratch/response.der" \
    -ndays 1 >/dev/null 2>&1
status=$(openssl ocsp -respin "$scratch/response.der" -issuer moica-ca.pem -cert revoked.pem \
    -cert citizen-sign.pem -cert expired.pem -CAfile trust/grca.pem -verify_other moica-ca.pem \
    2>&1 || true)
[[ $status == *"Response verify OK"* ]] || fail "OCSP response does not verify: $status"
[[ $status == *"revoked.pem: revoked"* ]] || fail "OCSP does not report revoked.pem revoked"
[[ $status == *"citizen-sign.pem: good"* ]] || fail "OCSP does not report citizen-sign.pem good"
[[ $status == *"expired.pem: good"* ]] || fail "OCSP does not know expired.pem"

# identity.env must be a valid shell file whose facts agree with the certificates.
if (
    # shellcheck source=/dev/null
    source ./identity.env
    same() { [[ $2 == "$3" ]] || { echo "FAIL: identity.env $1: '$2' is not '$3'" >&2 && exit 1; }; }
    same ID_LAST_FOUR "$ID_LAST_FOUR" "${ID_NUMBER: -4}"
    same CITIZEN_SIGN_SUBJECT "$CITIZEN_SIGN_SUBJECT" "CN=$HOLDER_NAME,C=TW"
    same AGENCY_SIGN_SUBJECT "$AGENCY_SIGN_SUBJECT" "CN=$AGENCY_NAME,O=$AGENCY_NAME,C=TW"
    same GRCA_ISSUER "$GRCA_ISSUER" "$GRCA_SUBJECT"
    same REVOKED_SERIAL "$REVOKED_SERIAL" \
        "$(openssl crl -in moica-ca.crl.pem -noout -text | sed -n 's/^ *Serial Number: //p')"
    # Everything moica-ca issued except `unlisted` (the responder answers `unknown` for it).
    same "index entries" "$(grep -c . moica-ca.index.txt)" 11
    same "unlisted is not in the index" "$(grep -c "$UNLISTED_SERIAL" moica-ca.index.txt)" 0
    same "index status of revoked" "$(grep "$REVOKED_SERIAL" moica-ca.index.txt | cut -c1)" R
); then :; else failures=$((failures + 1)); fi

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "test PKI in $pki checks out"
