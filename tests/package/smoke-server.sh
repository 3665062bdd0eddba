#!/usr/bin/env bash
# Starts the installed shiqiuren-server with the installed configuration file (the command line
# overriding what a test cannot use: the state folder, /etc's trust folder, the port), asks
# /api/v1/health over loopback, has the installed client ask it too, and stops it by PID. Proves
# the packaged binary runs with the packaged --config file, that Qt's SQLite driver is there,
# and that the client finds its network module where the package put it.
# Usage: smoke-server.sh INSTALL_ROOT WORK_DIR
set -uo pipefail
root=$1
work=$2
rm -rf "$work" && mkdir -p "$work/trust"
# A throwaway self-signed CA: the server refuses to start without one trust anchor.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
    -subj "/CN=package test anchor" -keyout "$work/ca.key" -out "$work/trust/ca.pem" \
    >/dev/null 2>&1 || { echo "openssl could not make the test anchor" >&2; exit 1; }

"$root/usr/bin/shiqiuren-server" --config "$root/etc/shiqiuren-server/server.conf" \
    --listen 127.0.0.1:0 --db "$work/server.sqlite" --trust "$work/trust" \
    --origin http://127.0.0.1:8443 >"$work/stdout" 2>"$work/stderr" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
url=
for _ in $(seq 100); do
    url=$(sed -n 's/^shiqiuren-server listening on //p' "$work/stdout")
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "the installed server did not start:" >&2
    cat "$work/stderr" >&2
    exit 1
fi
port=${url##*:}
port=${port%%/*}
exec 3<>"/dev/tcp/127.0.0.1/$port" || { echo "cannot connect to $url" >&2; exit 1; }
printf 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3
status_line=$(head -n 1 <&3 | tr -d '\r')
exec 3<&-
case $status_line in
"HTTP/1.1 200"*) echo "installed server answered /api/v1/health: $status_line" ;;
*) echo "GET $url/api/v1/health answered: $status_line" >&2; exit 1 ;;
esac

# The installed client reaches it too: its requests go out through the network module it opens
# from the installed tree (<libdir>/shiqiuren), so a module left out of the package shows here.
client_line=$(timeout 60 "$root/usr/bin/shiqiuren" --store "$work/client.sqlite" \
    --settings "$work/client.conf" --server "http://127.0.0.1:$port" --quit-after-ms 4000 \
    2>"$work/client-stderr" | sed -n 's/^shiqiuren: //p')
case $client_line in
*connection=online*) echo "installed client reached it: $client_line" ;;
*) echo "the installed client did not reach $url: '$client_line'" >&2
   cat "$work/client-stderr" >&2; exit 1 ;;
esac
