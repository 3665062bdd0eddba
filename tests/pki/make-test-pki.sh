#!/usr/bin/env bash
# Generates the test PKI (GRCA -> MOICA / GCA -> card certificates, CRLs, an OCSP responder
# database) into OUTDIR. Nothing private is committed: every run makes fresh keys.
#
# Usage: make-test-pki.sh OUTDIR
#
# Idempotent: OUTDIR/.complete records the sha256 of this script; a matching stamp means "already
# generated", so ctest fixtures cost nothing after the first run. A new tree is built in a temp dir
# next to OUTDIR and renamed into place under a lock, so parallel runs never see half a PKI.
set -euo pipefail

if [[ $# -ne 1 || -z $1 ]]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
out=${1%/}
script=$(readlink -f "${BASH_SOURCE[0]}")
stamp="script-sha256=$(sha256sum "$script" | cut -d' ' -f1)"

is_current() { [[ -f $out/.complete && $(<"$out/.complete") == "$stamp" ]]; }
is_current && exit 0

mkdir -p "$(dirname "$out")"
exec 9>"$out.lock"
flock 9
is_current && exit 0 # another run finished while we waited for the lock

work=$(mktemp -d "$out.tmp.XXXXXX")
chmod 755 "$work" # mktemp makes it private; only the keys need to be
trap 'rm -rf "$work" "$work.stale"' EXIT
build=$work/.build # CA databases, CSRs, config, logs: not part of the output
mkdir -p "$build"
export PKI_WORK=$work PKI_BUILD=$build

# Runs an openssl command with its chatter in a log that is shown only on failure. No command here
# prints key material (no -text on keys), so the log is safe to show.
run() {
    local log
    log=$(mktemp "$build/log.XXXXXX")
    if ! "$@" >"$log" 2>&1; then
        echo "make-test-pki: failed: $*" >&2
        cat "$log" >&2
        return 1
    fi
}

ocsp_url=http://127.0.0.1:18888
crl_base=http://127.0.0.1:18888/crl
# End-entity validity: from yesterday (tolerates clock skew) for five years, like a real card.
valid_from=$(date -u -d '-1 day' +%Y%m%d%H%M%SZ)
valid_to=$(date -u -d '+5 years' +%Y%m%d%H%M%SZ)
ca_from=20180101000000Z
ca_to=20471231235959Z

# --- keys (the slow part: generate in parallel) --------------------------------------------------
ca_keys=(grca moica-ca gca-ca xca-ca ocsp-signer)
card_keys=(citizen-sign citizen-enc agency-sign expired revoked not-yet-valid)
pids=()
for name in "${ca_keys[@]}" "${card_keys[@]}"; do
    (umask 077 && run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
        -out "$work/$name.key") &
    pids+=($!)
done
# A card key too short for a login (the server wants RSA of at least 2048 bits).
(umask 077 && run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 \
    -out "$work/weak-key.key") &
pids+=($!)
for pid in "${pids[@]}"; do wait "$pid"; done
# The card emulator loads traditional PKCS#1 DER.
for name in "${card_keys[@]}"; do
    (umask 077 && run openssl rsa -in "$work/$name.key" -traditional -outform DER \
        -out "$work/$name.pkcs1.der")
done

# --- openssl configuration ----------------------------------------------------------------------
cnf=$build/openssl.cnf
{
    cat <<'EOF'
[ req ]
distinguished_name = req_dn
string_mask = utf8only
utf8 = yes
[ req_dn ]

[ policy_any ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = optional

[ ext_root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ ext_sub_ca ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ ext_ocsp_signer ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = OCSPSigning
noCheck = ignored
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
EOF
    # One CA section per issuer; `openssl ca -name` picks it.
    for ca in grca moica-ca gca-ca xca-ca; do
        cat <<EOF

[ ca_$ca ]
dir = \$ENV::PKI_BUILD/$ca
database = \$dir/index.txt
new_certs_dir = \$dir/new
rand_serial = yes
crlnumber = \$dir/crlnumber
certificate = \$ENV::PKI_WORK/$ca.pem
private_key = \$ENV::PKI_WORK/$ca.key
default_md = sha256
default_crl_days = 3650
policy = policy_any
unique_subject = no
preserve = yes
email_in_dn = no
string_mask = utf8only
utf8 = yes
EOF
    done
} >"$cnf"

# leaf_extensions NAME CA KEY_USAGE SDA_OID SDA_VALUE [POLICY [EXTRA]]: a card certificate's
# extension section, with the subject directory attributes (2.5.29.9) spelled out as DER for
# openssl's generator. POLICY defaults to GPKI assurance level 3 (2.16.886.101.0.3.3, what MOICA
# and GCA issue under); "none" leaves the extension out. EXTRA is one more extension line.
leaf_extensions() {
    local name=$1 ca=$2 usage=$3 oid=$4 value=$5 policy=${6:-2.16.886.101.0.3.3} extra=${7:-}
    local policy_line="certificatePolicies = $policy"
    [[ $policy == none ]] && policy_line=""
    cat <<EOF

[ ext_$name ]
basicConstraints = CA:FALSE
keyUsage = critical, $usage
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
$policy_line
$extra
crlDistributionPoints = URI:$crl_base/$ca.crl
authorityInfoAccess = OCSP;URI:$ocsp_url
2.5.29.9 = ASN1:SEQUENCE:sda_$name
[ sda_$name ]
attribute = SEQUENCE:sda_${name}_attribute
[ sda_${name}_attribute ]
type = OID:$oid
values = SET:sda_${name}_values
[ sda_${name}_values ]
value = PRINTABLESTRING:$value
EOF
}

# issue NAME CA SUBJECT EXTENSIONS START END [KEY]: CSR + `openssl ca`, then the DER copy. KEY
# (default NAME) names the key pair, so a forged variant can share a real card's key.
issue() {
    local name=$1 ca=$2 subject=$3 extensions=$4 start=$5 end=$6 key=${7:-$1}
    local selfsign=()
    [[ $ca == "$name" ]] && selfsign=(-selfsign -keyfile "$work/$name.key")
    run openssl req -new -utf8 -config "$cnf" -key "$work/$key.key" -subj "$subject" \
        -out "$build/$name.csr"
    run openssl ca -batch -notext -config "$cnf" -name "ca_$ca" "${selfsign[@]}" \
        -in "$build/$name.csr" -out "$work/$name.pem" -extfile "$cnf" -extensions "$extensions" \
        -startdate "$start" -enddate "$end"
    run openssl x509 -in "$work/$name.pem" -outform DER -out "$work/$name.der"
}

holder_name=王小明
id_number=A123456789
id_last_four=${id_number: -4}
agency_code=A29000000G
agency_name=測試機關
citizen_oid=2.16.886.1.100.2.51
agency_oid=2.16.886.1.100.2.102

{
    leaf_extensions citizen-sign moica-ca "digitalSignature, nonRepudiation" $citizen_oid "$id_last_four"
    leaf_extensions citizen-enc moica-ca "keyEncipherment, dataEncipherment" $citizen_oid "$id_last_four"
    leaf_extensions expired moica-ca "digitalSignature, nonRepudiation" $citizen_oid 1111
    leaf_extensions revoked moica-ca "digitalSignature, nonRepudiation" $citizen_oid 2222
    leaf_extensions not-yet-valid moica-ca "digitalSignature, nonRepudiation" $citizen_oid 3333
    leaf_extensions agency-sign gca-ca "digitalSignature" $agency_oid "$agency_code"
    # Variants, each refused for one reason (eku-client is accepted for one).
    leaf_extensions eku-client moica-ca "digitalSignature" $citizen_oid 4444 \
        2.16.886.101.0.3.3 "extendedKeyUsage = clientAuth"
    leaf_extensions eku-email moica-ca "digitalSignature" $citizen_oid 5555 \
        2.16.886.101.0.3.3 "extendedKeyUsage = emailProtection"
    leaf_extensions policy-level1 moica-ca "digitalSignature" $citizen_oid 6666 2.16.886.101.0.3.1
    leaf_extensions no-policy moica-ca "digitalSignature" $citizen_oid 7777 none
    leaf_extensions weak-key moica-ca "digitalSignature" $citizen_oid 8888
    leaf_extensions unlisted moica-ca "digitalSignature" $citizen_oid 9999
    leaf_extensions xca-card xca-ca "digitalSignature" $agency_oid "$agency_code"
    cat <<EOF

[ crl_idp ]
issuingDistributionPoint = critical, @crl_idp_point
[ crl_idp_point ]
fullname = URI:$crl_base/moica-ca-part1.crl
onlyuser = TRUE
[ crl_unknown_critical ]
1.3.6.1.4.1.55555.1 = critical, ASN1:NULL
EOF
} >>"$cnf"

for ca in grca moica-ca gca-ca xca-ca; do
    mkdir -p "$build/$ca/new"
    touch "$build/$ca/index.txt"
    echo 1000 >"$build/$ca/crlnumber"
done

# --- certificates -------------------------------------------------------------------------------
issue grca grca "/C=TW/O=行政院/CN=Test Government Root Certification Authority" ext_root \
    $ca_from $ca_to
issue moica-ca grca "/C=TW/O=行政院/OU=內政部憑證管理中心/CN=Test MOICA" ext_sub_ca $ca_from $ca_to
issue gca-ca grca "/C=TW/O=行政院/OU=政府憑證管理中心/CN=Test GCA" ext_sub_ca $ca_from $ca_to
issue xca-ca grca "/C=TW/O=行政院/OU=組織及團體憑證管理中心/CN=Test XCA" ext_sub_ca $ca_from $ca_to

issue citizen-sign moica-ca "/C=TW/CN=$holder_name" ext_citizen-sign "$valid_from" "$valid_to"
issue citizen-enc moica-ca "/C=TW/CN=$holder_name" ext_citizen-enc "$valid_from" "$valid_to"
issue expired moica-ca "/C=TW/CN=過期測試" ext_expired 20190101000000Z 20200101000000Z
issue revoked moica-ca "/C=TW/CN=撤銷測試" ext_revoked "$valid_from" "$valid_to"
issue not-yet-valid moica-ca "/C=TW/CN=未生效測試" ext_not-yet-valid 20990101000000Z 21031231235959Z
issue ocsp-signer moica-ca "/C=TW/O=行政院/OU=內政部憑證管理中心/CN=Test MOICA OCSP Responder" \
    ext_ocsp_signer "$valid_from" "$valid_to"
issue agency-sign gca-ca "/C=TW/O=$agency_name/CN=$agency_name" ext_agency-sign \
    "$valid_from" "$valid_to"
issue eku-client moica-ca "/C=TW/CN=用途測試" ext_eku-client "$valid_from" "$valid_to" citizen-sign
issue eku-email moica-ca "/C=TW/CN=郵件測試" ext_eku-email "$valid_from" "$valid_to" citizen-sign
issue policy-level1 moica-ca "/C=TW/CN=政策測試" ext_policy-level1 "$valid_from" "$valid_to" \
    citizen-sign
issue no-policy moica-ca "/C=TW/CN=無政策測試" ext_no-policy "$valid_from" "$valid_to" citizen-sign
issue weak-key moica-ca "/C=TW/CN=短金鑰測試" ext_weak-key "$valid_from" "$valid_to"
issue unlisted moica-ca "/C=TW/CN=未登錄測試" ext_unlisted "$valid_from" "$valid_to" citizen-sign
issue xca-card xca-ca "/C=TW/O=$agency_name/CN=$agency_name" ext_xca-card "$valid_from" \
    "$valid_to" agency-sign

certs=(grca moica-ca gca-ca xca-ca citizen-sign citizen-enc agency-sign expired revoked
    not-yet-valid ocsp-signer eku-client eku-email policy-level1 no-policy weak-key unlisted
    xca-card)

# A card emulator keeps each certificate in a 0x700-byte slot.
for name in "${certs[@]}"; do
    size=$(stat -c %s "$work/$name.der")
    if ((size > 1792)); then
        echo "make-test-pki: $name.der is $size bytes, more than a card slot (1792)" >&2
        exit 1
    fi
done

# --- revocation ---------------------------------------------------------------------------------
# moica-ca's CRL from before `revoked` was revoked (the CRL reload tests swap it for the next).
run openssl ca -batch -config "$cnf" -name ca_moica-ca -gencrl -out "$work/moica-ca.before.crl.pem"
run openssl ca -batch -config "$cnf" -name ca_moica-ca -revoke "$work/revoked.pem" \
    -crl_reason keyCompromise
for ca in moica-ca gca-ca xca-ca; do
    run openssl ca -batch -config "$cnf" -name "ca_$ca" -gencrl -out "$work/$ca.crl.pem"
    run openssl crl -in "$work/$ca.crl.pem" -outform DER -out "$work/$ca.crl.der"
done
# CRLs the server must refuse: a partitioned one (issuingDistributionPoint) and one with a
# critical extension nobody knows.
run openssl ca -batch -config "$cnf" -name ca_moica-ca -gencrl -crlexts crl_idp \
    -out "$work/moica-ca.idp.crl.pem"
run openssl ca -batch -config "$cnf" -name ca_moica-ca -gencrl -crlexts crl_unknown_critical \
    -out "$work/moica-ca.critical.crl.pem"
# The responder database: every certificate moica-ca issued, `revoked` marked R, except
# `unlisted`, which the responder therefore answers `unknown` for.
unlisted_serial=$(openssl x509 -in "$work/unlisted.pem" -noout -serial | cut -d= -f2)
grep -v -P "\t${unlisted_serial}\t" "$build/moica-ca/index.txt" >"$work/moica-ca.index.txt"
cp "$build/moica-ca/index.txt.attr" "$work/moica-ca.index.txt.attr"

# trust/ is what the server normally trusts; trust-xca/ adds a third issuing CA that is
# configured for neither kind of card.
mkdir "$work/trust" "$work/trust-xca"
cp "$work/grca.pem" "$work/moica-ca.pem" "$work/gca-ca.pem" "$work/trust/"
cp "$work/trust/"* "$work/xca-ca.pem" "$work/trust-xca/"

# --- facts for the tests ------------------------------------------------------------------------
# fact KEY VALUE: one shell-style line; values with spaces or shell syntax are single-quoted.
fact() {
    local value=$2
    if [[ $value == *"'"* ]]; then
        echo "make-test-pki: cannot quote $1" >&2
        exit 1
    fi
    local unsafe='[][:space:]"$`\;&|<>()*?#~!{}[]'
    if [[ $value =~ $unsafe ]]; then
        value="'$value'"
    fi
    printf '%s=%s\n' "$1" "$value"
}
iso8601() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
{
    fact HOLDER_NAME "$holder_name"
    fact ID_NUMBER "$id_number"
    fact ID_LAST_FOUR "$id_last_four"
    fact AGENCY_CODE "$agency_code"
    fact AGENCY_NAME "$agency_name"
    fact OCSP_URL "$ocsp_url"
    for name in "${certs[@]}"; do
        key=${name^^}
        key=${key//-/_}
        while IFS='=' read -r field value; do
            case $field in
            serial) fact "${key}_SERIAL" "$value" ;;
            "sha256 Fingerprint") fact "${key}_SHA256" "${value//:/}" ;;
            notBefore) fact "${key}_NOT_BEFORE" "$(iso8601 "$value")" ;;
            notAfter) fact "${key}_NOT_AFTER" "$(iso8601 "$value")" ;;
            subject) fact "${key}_SUBJECT" "$value" ;;
            issuer) fact "${key}_ISSUER" "$value" ;;
            esac
        done < <(openssl x509 -in "$work/$name.pem" -noout -serial -fingerprint -sha256 \
            -startdate -enddate -subject -issuer -nameopt RFC2253,-esc_msb)
    done
} >"$work/identity.env"

# --- publish atomically -------------------------------------------------------------------------
rm -rf "$build"
printf '%s\n' "$stamp" >"$work/.complete"
if [[ -e $out ]]; then
    mv -T "$out" "$work.stale"
fi
mv -T "$work" "$out"
rm -rf "$work.stale"
