#!/usr/bin/env bash
# The client program must not need Qt Network, PC/SC-lite or libcrypto to start; the network
# module must need Qt Network (else the check above proves nothing).
set -uo pipefail
client=$1 module=$2
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
status=0
for library in libQt6Network libpcsclite libcrypto; do
    if needed "$client" | grep -q "^$library"; then
        echo "$client needs $library at start-up"; status=1
    fi
done
needed "$module" | grep -q '^libQt6Network' || { echo "$module does not need libQt6Network"; status=1; }
[ $status -eq 0 ] && echo "start-up libraries: $(needed "$client" | tr '\n' ' ')"
exit $status
