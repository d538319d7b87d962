#!/usr/bin/env bash
# Installs what is missing (Debian bookworm, as root or with sudo), configures and builds.
# Usage: scripts/setup.sh [preset]   (default preset: dev)
#        scripts/setup.sh --deps-only   installs the packages and stops
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${1:-dev}"

packages=(build-essential cmake ninja-build pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
          qt6-translations-l10n libgl-dev libqt6svg6 fonts-dejavu-core
          python3 poppler-utils    # python3: check_trace.py, gendocs.py; poppler-utils: pdftoppm (report tests)
          python3-aiohttp          # bench/peers/aiohttp_client.py, the Python peer of scripts/bench.sh section 8
          libxml2-utils librsvg2-bin desktop-file-utils appstream man-db
          protobuf-compiler    # protoc --decode_raw: tst_perfettotrace reads the .pftrace back
          openssl              # tst_tls makes its CA and server certificate with the openssl CLI
          chromium)            # headless: tst_sweephtml opens the sweep and run HTML pages
          # xmllint (JUnit schema test), rsvg-convert (PNG icons), desktop-file-validate and
          # appstreamcli (install test), man (the install test renders the man pages)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "$preset" = "--deps-only" ] && exit 0

cd "$here"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)"
