#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the reference server's tests, started and stopped
# by PID. It never touches a system-wide PostgreSQL (Debian's `postgresql` service): only the
# postmaster whose PID is in our own data directory's postmaster.pid, and whose working directory
# is that data directory, is ever signalled.
#
#   postgres-stack.sh start | stop | restart | status | url | newdb NAME | dropdb NAME
#
# State lives in $SHIQIUREN_PG_DIR (default: build/postgres), owned by the `postgres` system user
# when run as root (PostgreSQL refuses to run as root):
#   data/            the cluster (initdb -E UTF8, trust on the unix socket, scram on 127.0.0.1)
#   run/             the unix socket (or the directory named in socketdir, when the path is long)
#   port             the TCP port in use: $SHIQIUREN_PG_PORT, else the remembered one, else 55432;
#                    the next free one when that is taken
#   password         the generated password of role `shiqiuren` (mode 0600)
#   postgres.log     the server's log
#
# `url` prints postgresql://shiqiuren:PASSWORD@127.0.0.1:PORT/shiqiuren_test. `newdb NAME` drops
# and recreates database NAME (owned by `shiqiuren`) and prints its URL, so each test run can start
# from an empty database; `dropdb NAME` drops it. The cluster is fsync=off: a crash loses data.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state=${SHIQIUREN_PG_DIR:-$here/../../build/postgres}
mkdir -p "$state"
state=$(cd "$state" && pwd)
data=$state/data
portfile=$state/port
pwfile=$state/password
logfile=$state/postgres.log
role=shiqiuren
database=shiqiuren_test
admin=postgres # the bootstrap superuser initdb creates

bindir=
for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && bindir=$dir # the glob sorts, so the newest major version wins
done
if [ -z "$bindir" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2
    exit 1
fi

# Runs a server program as the unprivileged owner of the cluster: `postgres` when we are root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$state" && runuser -u postgres -- "$@")
    else
        (cd "$state" && "$@")
    fi
}

socket_dir() {
    if [ -s "$state/socketdir" ]; then cat "$state/socketdir"; else echo "$state/run"; fi
}

port() { cat "$portfile" 2>/dev/null || echo "${SHIQIUREN_PG_PORT:-55432}"; }

# Our postmaster: alive (not a zombie), named postgres, and working in our data directory — a
# recycled PID or somebody else's PostgreSQL is never one.
our_pid() {
    [ -s "$data/postmaster.pid" ] || return 1
    local pid
    pid=$(head -n 1 "$data/postmaster.pid")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    grep -Eq '^(postgres|postmaster)$' "/proc/$pid/comm" 2>/dev/null || return 1
    ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null || return 1
    [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$data" ] || return 1
    echo "$pid"
}

port_in_use() {
    ss -Htln "sport = :$1" 2>/dev/null | grep -q . && return 0
    (exec 3<> "/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# psql as the superuser over the private unix socket (trust).
admin_sql() {
    psql -X -q -v ON_ERROR_STOP=1 -h "$(socket_dir)" -p "$(port)" -U "$admin" -d postgres "$@"
}

valid_name() {
    [[ $1 =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || {
        echo "database name '$1': use lower-case letters, digits and _ (at most 63)" >&2
        exit 2
    }
}

url_for() {
    echo "postgresql://$role:$(cat "$pwfile")@127.0.0.1:$(port)/$1"
}

# A fresh cluster: initdb, our configuration, then (on first start) the role and database.
init_cluster() {
    rm -rf "$data" "$state/run" "$state/socketdir" "$state/initialized"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$state"
        chmod 0700 "$state"
        if ! runuser -u postgres -- test -w "$state"; then
            echo "the postgres user cannot reach $state (a parent directory is closed);" \
                "set SHIQIUREN_PG_DIR to a directory it can reach" >&2
            exit 1
        fi
    fi
    local sockdir=$state/run
    # A unix socket path holds at most 107 bytes; a deep build directory gets one under /tmp.
    if [ $((${#sockdir} + 20)) -gt 100 ]; then
        sockdir=$(mktemp -d /tmp/shiqiuren-pg.XXXXXX)
        echo "$sockdir" > "$state/socketdir"
    fi
    mkdir -p "$sockdir"
    chmod 0700 "$sockdir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$sockdir"
    as_owner "$bindir/initdb" -D "$data" -U "$admin" -E UTF8 --locale=C --auth-local=trust \
        --auth-host=scram-sha-256 --no-instructions > "$state/initdb.log" 2>&1 || {
        cat "$state/initdb.log" >&2
        exit 1
    }
    as_owner tee -a "$data/postgresql.conf" > /dev/null <<CONF

# shiqiuren test cluster (tests/support/postgres-stack.sh): private, throw-away, fast
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockdir'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 60
password_encryption = 'scram-sha-256'
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
CONF
    as_owner tee "$data/pg_hba.conf" > /dev/null <<HBA
# shiqiuren test cluster: the private socket is trusted, TCP only on 127.0.0.1 with a password
local all all                trust
host  all all 127.0.0.1/32   scram-sha-256
HBA
    if [ ! -s "$pwfile" ]; then
        (umask 077 && head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$pwfile")
    fi
    chmod 0600 "$pwfile"
}

# Creates role and database once the server runs; the marker says the cluster is complete.
setup_cluster() {
    admin_sql <<SQL
CREATE ROLE $role LOGIN PASSWORD '$(cat "$pwfile")';
CREATE DATABASE $database OWNER $role;
SQL
    touch "$state/initialized"
}

wait_ready() {
    for _ in $(seq 1 150); do
        pg_isready -q -h 127.0.0.1 -p "$(port)" -d postgres && return 0
        sleep 0.1
    done
    echo "PostgreSQL did not become ready within 15 s (log: $logfile)" >&2
    tail -n 20 "$logfile" >&2 || true
    exit 1
}

# Starts the postmaster on the first free port from `port`; remembers the port that worked.
start_server() {
    local try=$1 attempt
    for attempt in $(seq 1 20); do
        if port_in_use "$try"; then
            try=$((try + 1))
            continue
        fi
        : > "$logfile"
        [ "$(id -u)" -ne 0 ] || chown postgres: "$logfile"
        if as_owner "$bindir/pg_ctl" start -D "$data" -l "$logfile" -w -t 30 -s \
            -o "-p $try" > /dev/null 2>&1; then
            echo "$try" > "$portfile"
            return 0
        fi
        if grep -q 'Address already in use' "$logfile"; then # lost a race for the port
            try=$((try + 1))
            continue
        fi
        echo "PostgreSQL failed to start (log: $logfile):" >&2
        tail -n 20 "$logfile" >&2 || true
        exit 1
    done
    echo "no free TCP port for PostgreSQL near $1 (attempt $attempt)" >&2
    exit 1
}

start() {
    local pid
    if pid=$(our_pid); then
        wait_ready
        echo "postgres already running (pid $pid, port $(port))" >&2
        return 0
    fi
    local fresh=0 major
    major=$(basename "$(dirname "$bindir")")
    # Not set up completely, or made by another major version: throw-away, so made anew.
    if [ ! -e "$state/initialized" ] || [ "$(cat "$data/PG_VERSION" 2>/dev/null)" != "$major" ]; then
        init_cluster
        fresh=1
    fi
    # A killed run's lock files: our_pid said no postmaster of ours holds them (postgres itself
    # would take a zombie's PID for a live postmaster and refuse to start).
    rm -f "$data/postmaster.pid" "$(socket_dir)"/.s.PGSQL.*
    mkdir -p "$(socket_dir)"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$(socket_dir)"
    start_server "${SHIQIUREN_PG_PORT:-$(port)}"
    wait_ready
    [ $fresh -eq 0 ] || setup_cluster
    echo "postgres running (pid $(our_pid), port $(port))" >&2
}

stop() {
    local pid
    pid=$(our_pid) || return 0
    as_owner "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 20 -s > /dev/null 2>&1 || true
    # pg_ctl gave up or could not run: the postmaster by PID, immediate shutdown, then KILL.
    if our_pid > /dev/null; then kill -QUIT "$pid" 2>/dev/null || true; fi
    for _ in $(seq 1 100); do
        our_pid > /dev/null || return 0
        sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null || true
}

require_running() {
    our_pid > /dev/null || {
        echo "the test PostgreSQL is not running (start it: $0 start)" >&2
        exit 1
    }
}

case "${1:-}" in
start) start ;;
stop) stop ;;
restart) stop; start ;;
status) if pid=$(our_pid); then echo "running (pid $pid, port $(port))"; else echo "stopped"; exit 1; fi ;;
url) require_running; url_for "$database" ;;
newdb)
    [ $# -eq 2 ] || { echo "usage: $0 newdb NAME" >&2; exit 2; }
    valid_name "$2"
    require_running
    admin_sql -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $2 WITH (FORCE)" \
        -c "CREATE DATABASE $2 OWNER $role"
    url_for "$2"
    ;;
dropdb)
    [ $# -eq 2 ] || { echo "usage: $0 dropdb NAME" >&2; exit 2; }
    valid_name "$2"
    require_running
    admin_sql -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $2 WITH (FORCE)"
    ;;
*) echo "usage: $0 start | stop | restart | status | url | newdb NAME | dropdb NAME" >&2; exit 2 ;;
esac
