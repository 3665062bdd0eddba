#!/usr/bin/env bash
# The client program must not need Qt Network, Qt Print Support, PC/SC-lite or libcrypto to
# start; the network and print modules must need their Qt library (else the check above proves
# nothing).
set -uo pipefail
client=$1 module=$2 print_module=$3
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
status=0
for library in libQt6Network libQt6PrintSupport libpcsclite libcrypto; do
    if needed "$client" | grep -q "^$library"; then
        echo "$client needs $library at start-up"; status=1
    fi
done
needed "$module" | grep -q '^libQt6Network' || { echo "$module does not need libQt6Network"; status=1; }
needed "$print_module" | grep -q '^libQt6PrintSupport' \
    || { echo "$print_module does not need libQt6PrintSupport"; status=1; }
[ $status -eq 0 ] && echo "start-up libraries: $(needed "$client" | tr '\n' ' ')"
exit $status
