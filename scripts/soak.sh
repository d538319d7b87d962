#!/usr/bin/env bash
# Soak: 256 streams for 30 minutes (SOAK_DURATION, seconds or with m/h) against the simulator in
# its own process, RSS sampled every 10 s against the bytes the trace holds; prints the growth of
# RSS minus trace (target <= 5%). Builds bench_soak (Release) in build/bench. Loopback only.
#
# Usage: scripts/soak.sh [duration]     e.g. scripts/soak.sh 3m
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BENCH_BUILD_DIR:-$here/build/bench}"
duration="${1:-${SOAK_DURATION:-30m}}"
case "$duration" in
    *h) seconds=$(( ${duration%h} * 3600 )) ;;
    *m) seconds=$(( ${duration%m} * 60 )) ;;
    *s) seconds=${duration%s} ;;
    *) seconds=$duration ;;
esac

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
      -DBURGERBENCH_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" --target burgerbench-cli bench_soak -j"$(nproc)"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

urlfile="$(mktemp)"
"$build/bin/burgerbench-cli" simulate --ttft-ms 200 --token-interval-ms 20 --output-tokens 64 >"$urlfile" &
sim=$!
trap 'kill "$sim" 2>/dev/null || true; rm -f "$urlfile"' EXIT
for _ in $(seq 100); do [ -s "$urlfile" ] && break; sleep 0.1; done
url="$(head -1 "$urlfile")"
[ -n "$url" ] || { echo "soak: the simulator did not start" >&2; exit 1; }
echo "soak: 256 streams for ${seconds}s against $url (TTFT 200 ms, 20 ms x 64 tokens)"
# The simulator keeps every request's ground truth: reset it now and then so it stays small
# (it is not what is measured).
( while kill -0 "$sim" 2>/dev/null; do sleep 60; curl -s -X POST "$url/sim/reset" >/dev/null || true; done ) &
resetter=$!
trap 'kill "$sim" "$resetter" 2>/dev/null || true; rm -f "$urlfile"' EXIT
"$build/bench/bench_soak" --url "$url" --duration "$seconds" --concurrency 256 --sample 10
