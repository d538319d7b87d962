#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs the whole suite with ctest.
# BURGERBENCH_PRESET picks the CMake preset (default dev, build/dev); CI sets ci (dev + -Werror,
# build/ci). Extra arguments go to ctest, e.g. scripts/test.sh -R tst_loadengine
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${BURGERBENCH_PRESET:-dev}"
"$here/scripts/setup.sh" "$preset"
export QT_QPA_PLATFORM=offscreen
cd "$here"
ctest --preset "$preset" "$@"
