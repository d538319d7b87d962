#!/usr/bin/env bash
# Builds the packages from a configured and built tree: the .deb (dependencies from
# dpkg-shlibdeps) and the .tar.gz, then lintian on the .deb (fails on an error, not on a warning).
# Usage: scripts/package.sh [build dir]   (default build/dev; CI passes build/ci)
# docs/packaging.md: what each step does, and installing/removing the .deb by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build/dev}"
[ -f "$build/CPackConfig.cmake" ] || { echo "package: $build is not a configured build tree" >&2; exit 2; }
if ! command -v lintian >/dev/null; then
    echo "package: installing lintian" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends lintian >/dev/null
fi
cd "$build"
cpack -G DEB >cpack-deb.log 2>&1 || { cat cpack-deb.log >&2; exit 1; }
cpack -G TGZ >cpack-tgz.log 2>&1 || { cat cpack-tgz.log >&2; exit 1; }
deb="$(ls -t burgerbench_*.deb | head -n1)"
tgz="$(ls -t burgerbench-*.tar.gz | head -n1)"
echo "package: $build/$deb ($(du -k "$deb" | cut -f1) KiB), $build/$tgz ($(du -k "$tgz" | cut -f1) KiB)"
echo "package: Depends: $(dpkg-deb -f "$deb" Depends)"
# --fail-on error: a warning is reported, an error fails. (As root lintian says it should not be.)
status=0
report="$(lintian --fail-on error "$deb" 2>&1)" || status=$?
echo "$report" | grep -v 'running with root privileges' || true
if [ "$status" -ne 0 ]; then
    echo "package: lintian found errors" >&2
    exit 1
fi
echo "package: lintian: no errors"
