#!/bin/bash
# Builds the libFuzzer targets (clang, ASan + UBSan) into build-fuzz/ and runs every fuzz_*
# target for SECONDS_EACH seconds (default 60). Fails as soon as a target reports a finding;
# the crashing input is kept in build-fuzz/fuzz-artifacts/.
#   scripts/fuzz.sh [SECONDS_EACH] [-DOPTION=...]     (options go to cmake, after the defaults)
# Environment: JOBS (parallel build jobs, default: number of CPUs), FUZZ_BUILD (build folder),
# FUZZERS (space-separated target names to run instead of all).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
build="${FUZZ_BUILD:-$root/build-fuzz}"
jobs="${JOBS:-$(nproc)}"

if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    echo "usage: scripts/fuzz.sh [SECONDS_EACH] [-DOPTION=...]   (a positive number of seconds)" >&2
    exit 2
fi
for tool in clang clang++ cmake ninja; do
    if ! command -v "$tool" >/dev/null; then
        echo "fuzz.sh: $tool not found (scripts/install-deps.sh installs it)" >&2
        exit 2
    fi
done

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DREDISTORE_BUILD_FUZZERS=ON -DREDISTORE_SANITIZE=ON \
    -DREDISTORE_BUILD_GUI=OFF -DREDISTORE_BUILD_QML=OFF -DREDISTORE_BUILD_HTTP=OFF \
    -DREDISTORE_BUILD_EXAMPLES=OFF -DREDISTORE_BUILD_TOOLS=OFF "$@" >/dev/null
cmake --build "$build" -j "$jobs" --target redistore_fuzzers

if [ -n "${FUZZERS:-}" ]; then
    targets=()
    for name in $FUZZERS; do targets+=("$build/tests/fuzz/$name"); done
else
    mapfile -t targets < <(find "$build/tests/fuzz" -maxdepth 1 -type f -executable -name 'fuzz_*' | sort)
fi
if [ "${#targets[@]}" -eq 0 ]; then
    echo "fuzz.sh: no fuzz_* targets were built" >&2
    exit 1
fi

mkdir -p "$build/fuzz-artifacts"
failed=()
for target in "${targets[@]}"; do
    name="$(basename "$target")"
    corpus="$build/fuzz-corpus/$name" # grows run after run; the seeds stay untouched
    mkdir -p "$corpus"
    seeds=()
    if [ -d "$root/tests/fuzz/corpus/$name" ]; then seeds+=("$root/tests/fuzz/corpus/$name"); fi
    echo "== $name: ${seconds}s"
    if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-artifacts/$name-" "$corpus" "${seeds[@]}" \
        >"$build/fuzz-artifacts/$name.log" 2>&1; then
        failed+=("$name")
        echo "   FINDING: see $build/fuzz-artifacts/$name.log and $build/fuzz-artifacts/$name-*"
        tail -n 30 "$build/fuzz-artifacts/$name.log"
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/fuzz-artifacts/$name.log" |
            sed 's/^/   /'
        echo "   corpus: $(find "$corpus" -type f | wc -l) inputs"
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz.sh: findings in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${seconds}s each, no findings"
