#!/usr/bin/env bash
# Starts and stops the project's own pcscd (foreground, by PID) with the vsmartcard vpcd readers
# "Virtual PCD 00 00" (TCP 35963) and "Virtual PCD 00 01" (35964), or with no reader at all.
#
#   pcsc-stack.sh start [--empty] | stop | restart [--empty] | ensure | release | status
#
# State lives in $SHIQIUREN_STACK_DIR (default: build/pcsc-stack): pcscd.pid, pcscd.log, conf/.
# `ensure`/`release` are for ctest fixtures: they start a stack only when none of ours runs, and
# stop only a stack that `ensure` started. Only one pcscd can own /run/pcscd on a machine.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state=${SHIQIUREN_STACK_DIR:-$here/../../build/pcsc-stack}
mkdir -p "$state"
state=$(cd "$state" && pwd)
pidfile=$state/pcscd.pid
socket=/run/pcscd/pcscd.comm

# A live pcscd with that PID: a zombie (not yet reaped by PID 1) or a recycled PID is not one.
alive_pcscd() {
    local pid=$1
    [ -n "$pid" ] && grep -q '^pcscd$' "/proc/$pid/comm" 2>/dev/null \
        && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null
}

our_pid() {
    [ -s "$pidfile" ] || return 1
    local pid
    pid=$(cat "$pidfile")
    alive_pcscd "$pid" && echo "$pid"
}

foreign_pcscd() {
    [ -r /run/pcscd/pcscd.pid ] || return 1
    local pid
    pid=$(tr -d '\0\n' < /run/pcscd/pcscd.pid)
    alive_pcscd "$pid" && echo "$pid"
}

write_config() {
    rm -rf "$state/conf"
    mkdir -p "$state/conf"
    [ "${1:-}" = "--empty" ] && return 0
    local driver=/usr/lib/pcsc/drivers/serial/libifdvpcd.so
    [ -e "$driver" ] || { echo "vsmartcard-vpcd is not installed ($driver missing)" >&2; exit 1; }
    cat > "$state/conf/vpcd" <<CONF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:0x8C7B
LIBPATH      $driver
CHANNELID    0x8C7B
CONF
}

start() {
    if pid=$(our_pid); then
        echo "pcscd already running (pid $pid)" >&2
        return 0
    fi
    if pid=$(foreign_pcscd); then
        echo "another pcscd (pid $pid) owns /run/pcscd; stop it first (it is not ours)" >&2
        exit 1
    fi
    rm -rf /run/pcscd # stale socket and pid file of a killed run
    write_config "${1:-}"
    # setsid: the daemon must not die with the shell or test that asked for it; we stop it by PID.
    setsid pcscd --foreground --debug -c "$state/conf" > "$state/pcscd.log" 2>&1 < /dev/null &
    echo $! > "$pidfile"
    for _ in $(seq 1 250); do
        [ -S "$socket" ] && return 0
        kill -0 "$(cat "$pidfile")" 2>/dev/null || { cat "$state/pcscd.log" >&2; rm -f "$pidfile"; exit 1; }
        sleep 0.02
    done
    echo "pcscd did not come up within 5 s" >&2
    exit 1
}

stop() {
    local pid
    if pid=$(our_pid); then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 250); do
            alive_pcscd "$pid" || break
            sleep 0.02
        done
        if alive_pcscd "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$pidfile"
}

case "${1:-}" in
start) start "${2:-}" ;;
stop) stop ;; # a test may stop the stack; whoever started it still stops it at the end
restart) stop; start "${2:-}" ;; # keeps who started the stack: `release` still stops it
ensure)
    if ! our_pid > /dev/null; then
        start
        touch "$state/started-by-fixture"
    fi
    ;;
release)
    if [ -e "$state/started-by-fixture" ]; then
        stop
        rm -f "$state/started-by-fixture"
    fi
    ;;
status) if pid=$(our_pid); then echo "running (pid $pid)"; else echo "stopped"; exit 1; fi ;;
*) echo "usage: $0 start [--empty] | stop | restart [--empty] | ensure | release | status" >&2; exit 2 ;;
esac
