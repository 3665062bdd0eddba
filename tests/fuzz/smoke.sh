#!/usr/bin/env bash
# The `fuzz` label: builds the fuzz targets with clang (a build of their own: smartcard/, core's
# parsing part and the server library, instrumented for libFuzzer, ASan and UBSan) and runs each
# one a fixed number of executions over its committed corpus (and its dictionary, when it has one). Any crash, leak, hang or sanitizer report fails the test and leaves
# the input in OUT/crashes/TARGET/. Usage: smoke.sh SOURCE_DIR OUT_DIR TARGET...
set -euo pipefail
src=$1
out=$2
shift 2
runs=${SHIQIUREN_FUZZ_RUNS:-20000}
# A fuzz build configured before the Qt-side targets existed was smartcard/ only: reconfigure it.
if [ ! -f "$out/build.ninja" ] || grep -q '^SHIQIUREN_SMARTCARD_ONLY:BOOL=ON' "$out/CMakeCache.txt"; then
    launcher=()
    if command -v ccache >/dev/null 2>&1; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    CXX=${CXX_FOR_FUZZ:-clang++} cmake -S "$src" -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSHIQIUREN_SMARTCARD_ONLY=OFF -DSHIQIUREN_FUZZ=ON -DSHIQIUREN_HARDENING=OFF \
        "${launcher[@]}" >/dev/null
fi
cmake --build "$out" --target fuzz_targets -- -j"${SHIQIUREN_FUZZ_BUILD_JOBS:-2}"
status=0
for target in "$@"; do
    work=$out/corpus/$target
    crashes=$out/crashes/$target
    mkdir -p "$work" "$crashes"
    dict=()
    if [ -f "$src/tests/fuzz/dict/$target.dict" ]; then
        dict=(-dict="$src/tests/fuzz/dict/$target.dict")
    fi
    # New inputs go to the scratch corpus; the committed one is only read.
    if ! "$out/bin/fuzz_$target" -runs="$runs" -seed=1 -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 "${dict[@]}" \
        "$work" "$src/tests/fuzz/corpus/$target" >"$out/$target.log" 2>&1; then
        echo "fuzz_$target failed; its input is in $crashes, its log in $out/$target.log" >&2
        tail -40 "$out/$target.log" >&2
        status=1
    else
        echo "fuzz_$target: $(grep -E 'stat::number_of_executed_units' "$out/$target.log" | awk '{print $2}') runs, $(grep -oE 'cov: [0-9]+' "$out/$target.log" | tail -1)"
    fi
done
exit $status
