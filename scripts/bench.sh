#!/usr/bin/env bash
# BurgerBench next to its peers (hey, wrk, h2load, static nginx) and against the simulator's
# ground truth; prints one table, each figure a ratio to a peer measured in the same run.
# Installs what is missing from Debian, builds a Release CLI in build/bench, runs on loopback only.
#
# Usage: scripts/bench.sh [--quick] [--only 1,2,3,4,5,6,7,9,10,11,12]     (see bench/README.md)
#   BENCH_BUILD_DIR=... to use another build directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BENCH_BUILD_DIR:-$here/build/bench}"

need=()
for p in build-essential cmake ninja-build qt6-base-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v hey >/dev/null || need+=(hey)
command -v wrk >/dev/null || need+=(wrk)
command -v h2load >/dev/null || need+=(nghttp2-client)
command -v python3 >/dev/null || need+=(python3)
[ -x /usr/bin/time ] || need+=(time)
/usr/bin/python3 -c "import aiohttp" 2>/dev/null || need+=(python3-aiohttp)   # section 8's Python peer
if ((${#need[@]})); then
    echo "bench: installing ${need[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    # Debian's nginx package starts a system service on port 80; the bench runs its own.
    if [[ " ${need[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null; then
        $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true
    fi
fi

# The Release CLI; the timeline paint suite too when the GUI's build dependencies are there
# (scripts/setup.sh installs them).
gui=OFF
[ "$(dpkg-query -W -f='${Status}\n' qt6-svg-dev qt6-tools-dev 2>/dev/null | grep -c 'install ok installed')" = 2 ] && gui=ON
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
      -DBURGERBENCH_BUILD_GUI=$gui -DBURGERBENCH_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" --target burgerbench-cli bench_compare bench_dataset -j"$(nproc)"
timeline=""
window=""
if [ "$gui" = ON ] && cmake --build "$build" --target help | grep -q '^bench_timeline:'; then
    cmake --build "$build" --target bench_timeline bench_timeline_window -j"$(nproc)" \
        && timeline="$build/bench/bench_timeline" && window="$build/bench/bench_timeline_window"
fi

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# 7. compare of two 100,000-request reports (20,000 with --quick) against the time to merely load
# them, in the same process (bench/compare); part of the default run and of --only lists with 7.
# 9. a 100 MB JSONL (20 MB with --quick): Dataset::load, all rows and sample 1000, against readAll
# + QJsonDocument per line, each in its own process (time, peak RSS); then the CLI's CPU with
# varied prompts against one fixed prompt (bench/dataset).
only="1,2,3,4,5,6,7,9"
quick=0
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
        --only) only="${args[i + 1]:-}" ;;
        --only=*) only="${args[i]#--only=}" ;;
        --quick) quick=1 ;;
    esac
done
if [[ ",$only," == *",7,"* ]]; then
    echo "[7] compare, two large reports (bench_compare)" >&2
    "$build/bench/bench_compare" "$([ "$quick" = 1 ] && echo 20000 || echo 100000)" 64
    echo
fi
if [[ ",$only," == *",9,"* ]]; then
    echo "[9] dataset load, and varied prompts against one (bench_dataset)" >&2
    "$build/bench/bench_dataset" "$([ "$quick" = 1 ] && echo 20 || echo 100)" --cli "$build/bin/burgerbench-cli"
    echo
fi
exec python3 "$here/bench/peers/bench.py" --cli "$build/bin/burgerbench-cli" ${timeline:+--timeline "$timeline"} \
    ${window:+--timeline-window "$window"} "$@"
