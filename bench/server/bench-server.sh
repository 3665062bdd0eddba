#!/usr/bin/env bash
# The reference server under load (docs/performance.md, "The server under load"): requests per
# second and p99 latency of the vacancy list, a create and a card login, measured with wrk on
# loopback against shiqiuren-server on a private PostgreSQL, side by side in one run:
#   1 instance, --workers 0   (everything on the event loop; only when the build has --workers)
#   1 instance                (the server's default)
#   2 instances               (one database; two wrk processes, one per instance)
#
#   bench/server/bench-server.sh [--seconds S] [--connections C] [--logins N] [--server BIN]
#                                [-- SERVER ARGS…]
#
# --seconds: per measurement (default 10); --connections: in total, split over the instances
# (default 8); --logins: signed card logins prepared per login measurement (default 500 a
# second; a run that uses them all up stops early and says so).
# --server: measure that shiqiuren-server binary instead of building build/bin's.
# Anything after `--` goes to every server instance. Needs wrk (scripts/lib/deps.sh
# ensure_bench_packages installs it) and a configured build/ (cmake -S . -B build -G Ninja).
# Starts its own PostgreSQL under build/bench-postgres and stops everything it started, by PID.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${SHIQIUREN_BUILD_DIR:-$top/build}
seconds=10
connections=8
logins=
server=
server_args=()
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --logins) logins=$2; shift 2 ;;
    --server) server=$(realpath "$2"); shift 2 ;;
    --) shift; server_args=("$@"); break ;;
    *) echo "usage: $0 [--seconds S] [--connections C] [--logins N] [--server BIN] [-- SERVER ARGS...]" >&2; exit 2 ;;
    esac
done

logins=${logins:-$((seconds * 500))}
source "$top/scripts/lib/deps.sh"
ensure_bench_packages
if [ -z "$server" ]; then
    cmake --build "$build" --target shiqiuren-server bench-login-tokens > /dev/null
    server=$build/bin/shiqiuren-server
else
    cmake --build "$build" --target bench-login-tokens > /dev/null
fi
pki=$build/test-pki
[ -d "$pki/trust" ] || "$top/tests/pki/make-test-pki.sh" "$pki" > /dev/null
origin=https://recruit.example.gov.tw

export SHIQIUREN_PG_DIR=${SHIQIUREN_BENCH_PG_DIR:-$build/bench-postgres}
export SHIQIUREN_PG_PORT=${SHIQIUREN_BENCH_PG_PORT:-55532}
pg=$top/tests/support/postgres-stack.sh
work=$(mktemp -d)
server_pids=()
stop_servers() {
    local pid
    for pid in "${server_pids[@]}"; do
        kill -TERM "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    server_pids=()
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_servers
    "$pg" stop || true
    rm -rf "$work"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
"$pg" start 2> /dev/null

# CPU ticks (user + system) of a process and, for the postmaster, of all its children.
ticks_of() {
    awk '{ print $14 + $15 }' "/proc/$1/stat" 2> /dev/null || echo 0
}
postgres_ticks() {
    local post total=0 pid
    post=$(head -n 1 "$SHIQIUREN_PG_DIR/data/postmaster.pid")
    for pid in $post $(pgrep -P "$post" || true); do
        total=$((total + $(ticks_of "$pid")))
    done
    echo "$total"
}
server_ticks() {
    local total=0 pid
    for pid in "${server_pids[@]}"; do total=$((total + $(ticks_of "$pid"))); done
    echo "$total"
}
hz=$(getconf CLK_TCK)
# Busy and total ticks of the whole machine (every core, every process: other work too).
machine_ticks() {
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

# Starts one instance on database URL $1 (password in $2); appends its URL to $work/urls.
start_instance() {
    local n=${#server_pids[@]}
    rm -f "$work/server$n.out" # the last setup's: its "listening on" is not this one's
    PGPASSWORD=$2 "$server" --listen 127.0.0.1:0 --db "$1" --origin "$origin" \
        --trust "$pki/trust" --crl "$pki/moica-ca.crl.pem" --crl "$pki/gca-ca.crl.der" \
        --seed "$top/tests/server/seed/test.json" "${extra[@]}" "${server_args[@]}" \
        > "$work/server$n.out" 2> "$work/server$n.log" &
    server_pids+=($!)
    for _ in $(seq 1 300); do
        if grep -q 'listening on ' "$work/server$n.out"; then
            sed -n 's/.*listening on //p' "$work/server$n.out" | head -n 1 >> "$work/urls"
            return 0
        fi
        kill -0 "${server_pids[$n]}" 2> /dev/null || break
        sleep 0.1
    done
    echo "the server did not start:" >&2
    cat "$work/server$n.log" >&2
    exit 1
}

# wrk's figures: requests/s, p99 in ms, non-2xx answers.
parse_wrk() {
    awk '
        /Requests\/sec:/ { rps = $2 }
        /^ +99%/ { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
                   p99 = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : v }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        / requests in / { requests = $1 }
        END { printf "%s %s %s %s\n", rps, p99, bad + 0, requests + 0 }' "$1"
}

# One measurement: script $1 against every instance at once; prints rps, p99 (worst instance),
# non-2xx, server CPU %, PostgreSQL CPU %, mean backends waiting for a lock.
measure() {
    local script=$1 count i url pids=() lock_samples=0 lock_sum=0
    mapfile -t urls < "$work/urls"
    count=${#urls[@]}
    local server_before pg_before started busy_before all_before
    read -r busy_before all_before < <(machine_ticks)
    server_before=$(server_ticks)
    pg_before=$(postgres_ticks)
    started=$(date +%s%N)
    for i in "${!urls[@]}"; do
        BENCH_DIR=$work BENCH_SEED=$i BENCH_SLICE=$i BENCH_SLICES=$count \
            wrk -t1 -c$((connections / count)) -d"${seconds}s" --latency \
            -s "$top/bench/server/$script.lua" "${urls[$i]}" > "$work/wrk$i.txt" 2>&1 &
        pids+=($!)
    done
    while kill -0 "${pids[0]}" 2> /dev/null; do
        local waiting
        waiting=$(psql "$db_url" -XAtc "SELECT count(*) FROM pg_stat_activity WHERE \
            datname = current_database() AND wait_event_type = 'Lock'" 2> /dev/null || echo 0)
        lock_sum=$((lock_sum + waiting))
        lock_samples=$((lock_samples + 1))
        sleep 0.5
    done
    for i in "${!pids[@]}"; do wait "${pids[$i]}"; done
    local elapsed server_cpu pg_cpu busy_after all_after machine
    elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
    read -r busy_after all_after < <(machine_ticks)
    machine=$(( (busy_after - busy_before) * 100 * $(nproc) / (all_after - all_before) ))
    server_cpu=$(( ($(server_ticks) - server_before) * 100000 / hz / elapsed ))
    pg_cpu=$(( ($(postgres_ticks) - pg_before) * 100000 / hz / elapsed ))
    local rps=0 p99=0 bad=0 requests=0 server_spent pg_spent
    server_spent=$(($(server_ticks) - server_before))
    pg_spent=$(($(postgres_ticks) - pg_before))
    for i in "${!urls[@]}"; do
        read -r r p b q < <(parse_wrk "$work/wrk$i.txt")
        requests=$((requests + q))
        rps=$(awk -v a="$rps" -v b="$r" 'BEGIN { print a + b }')
        p99=$(awk -v a="$p99" -v b="$p" 'BEGIN { print (b > a) ? b : a }')
        bad=$((bad + b))
    done
    echo "$requests" > "$work/requests"
    awk -v s="$lock_sum" -v n="$lock_samples" -v r="$rps" -v p="$p99" -v b="$bad" \
        -v sc="$server_cpu" -v pc="$pg_cpu" -v m="$machine" -v q="$requests" -v hz="$hz" \
        -v st="$server_spent" -v pt="$pg_spent" 'BEGIN {
        printf "%10.0f %9.1f %8d %7d%% %7d%% %7d%% %6.2f %6.2f %6.2f\n", r, p, b, sc, pc, m,
            (n ? s / n : 0), (q ? st * 1000 / hz / q : 0), (q ? pt * 1000 / hz / q : 0) }'
}

has_workers=0
"$server" --help 2>&1 | grep -q -- '--workers' && has_workers=1
setups=()
[ $has_workers -eq 0 ] || setups+=("1 instance, --workers 0|1|--workers 0")
setups+=("1 instance|1|" "2 instances|2|")
[ $has_workers -eq 1 ] || echo "(this build has no --workers option: the one-thread row is left out)"

echo "shiqiuren-server under wrk: ${seconds}s per figure, $connections connections in total," \
    "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
printf "%-24s %-7s %10s %9s %8s %8s %8s %8s %6s %6s %6s\n" setup request "req/s" "p99 ms" \
    non-2xx server postgres machine locks "srv/r" "pg/r"
n=0
for setup in "${setups[@]}"; do
    IFS='|' read -r name instances extra_text <<< "$setup"
    read -r -a extra <<< "$extra_text"
    n=$((n + 1))
    db_url=$("$pg" newdb "bench_$n" 2> /dev/null)
    password=$(sed -n 's|postgresql://[^:]*:\([^@]*\)@.*|\1|p' <<< "$db_url")
    plain_url=$(sed 's|://\([^:]*\):[^@]*@|://\1@|' <<< "$db_url")
    : > "$work/urls"
    for _ in $(seq 1 "$instances"); do start_instance "$plain_url" "$password"; done
    first=$(head -n 1 "$work/urls")
    "$build/bin/bench-login-tokens" --server "$first" --pki "$pki" --origin "$origin" \
        --logins 0 --out "$work" > /dev/null
    # 300 vacancies first, so the list counts and pages real rows.
    token=$(cat "$work/session")
    for _ in $(seq 1 300); do
        curl -s -o /dev/null -X POST "$first/api/v1/vacancies" -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' --data-binary @"$work/vacancy.json" \
            -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"
    done
    for request in list create login; do
        if [ $request = login ]; then
            "$build/bin/bench-login-tokens" --server "$first" --pki "$pki" --origin "$origin" \
                --logins "$logins" --out "$work" > /dev/null
        fi
        line=$(measure $request)
        printf "%-24s %-7s %s\n" "$name" "$request" "$line"
        if [ $request = login ] && [ "$(cat "$work/requests")" -ge $((logins - connections)) ]; then
            echo "    (the prepared logins ran out before the time: give more with --logins)"
        fi
    done
    stop_servers
done
echo "server, postgres: CPU of the instances / of PostgreSQL as % of one core; machine: every" \
    "process on every core ($(nproc)00% = all busy, wrk and other work included); locks: mean" \
    "backends waiting for a lock, sampled every 0.5 s; srv/r, pg/r: CPU ms per request of the" \
    "instances and of PostgreSQL"
