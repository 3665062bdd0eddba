# The demo the main job runs (scripts/run): the programs it needs, and waiting for the server.
# Sourced after scripts/lib/deps.sh.

# Configures build/ (or $SHIQIUREN_BUILD_DIR) and builds only the programs of the demo: the
# client, the reference server, the virtual card and the card tool (the tests are not needed to
# run it). $SHIQIUREN_BUILD_JOBS limits the parallel jobs (default: every core).
build_demo_programs() {
    local top=$1 build=$2
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
    cmake --build "$build" --parallel "${SHIQIUREN_BUILD_JOBS:-$(nproc)}" \
        --target shiqiuren shiqiuren-server shiqiuren-card virtual-card
}

# Waits until HOST:PORT accepts a connection (bash's /dev/tcp: no curl needed), at most ~10 s,
# and fails early when process PID is gone.
wait_for_port() {
    local host=$1 port=$2 pid=$3
    for _ in $(seq 1 200); do
        if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

# Stops process PID (TERM, then KILL after 5 s) and reaps it.
stop_pid() {
    local pid=$1
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
