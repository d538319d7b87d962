#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and runs BurgerBench on its
# built-in simulator. With a display it opens the desktop app; without one it runs the
# "Burger shop" demo headless and prints the summary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh" dev
bin="$here/build/dev/bin"
if [ -x "$bin/burgerbench" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    exec "$bin/burgerbench" "$@"
fi
echo "run: no display found; running the Burger shop demo with the headless CLI" >&2
exec "$bin/burgerbench-cli" run --scenario "$here/resources/scenarios/burger-shop.json" "$@"
