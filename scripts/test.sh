#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs the whole suite with ctest.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh" dev
export QT_QPA_PLATFORM=offscreen
cd "$here"
ctest --preset dev "$@"
