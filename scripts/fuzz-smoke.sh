#!/usr/bin/env bash
# Fuzz smoke run (CI): builds the libFuzzer targets with clang + ASan + UBSan in build/fuzz and
# runs each for FUZZ_SECONDS (default 60) on its committed seed corpus (fuzz/corpus/<name>/).
# New inputs go to a scratch directory, never into the repository; a crash leaves its input in
# build/fuzz/artifacts/ and fails the script. The long run is in fuzz/README.md.
#
# Usage: scripts/fuzz-smoke.sh [name ...]     (default: sse httpresponse httprequest scenario prometheus dataset)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$here/build/fuzz}"
seconds="${FUZZ_SECONDS:-60}"
names=("$@")
((${#names[@]})) || names=(sse httpresponse httprequest scenario prometheus dataset)

missing=()
for p in clang libclang-rt-14-dev cmake ninja-build qt6-base-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "fuzz-smoke: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DBURGERBENCH_FUZZ=ON \
      -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
      -DBUILD_TESTING=OFF -DBURGERBENCH_BUILD_GUI=OFF -DBURGERBENCH_BUILD_BENCHMARKS=OFF >/dev/null
targets=()
for n in "${names[@]}"; do targets+=("fuzz_$n"); done
cmake --build "$build" --target "${targets[@]}" -j"$(nproc)"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
mkdir -p "$build/artifacts"
status=0
for n in "${names[@]}"; do
    scratch="$(mktemp -d)"
    echo "== fuzz_$n: ${seconds}s on fuzz/corpus/$n" >&2
    if ! "$build/fuzz/fuzz_$n" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$build/artifacts/${n}-" "$scratch" "$here/fuzz/corpus/$n" 2>"$build/fuzz_$n.log"; then
        echo "fuzz-smoke: fuzz_$n FAILED; last lines of $build/fuzz_$n.log:" >&2
        tail -40 "$build/fuzz_$n.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$build/fuzz_$n.log" | tail -2 >&2 || true
    fi
    rm -rf "$scratch"
done
if [ "$status" -eq 0 ]; then
    echo "fuzz-smoke: ${#names[@]} passed, 0 failed"
fi
exit "$status"
