#!/usr/bin/env bash
# The whole test suite under ThreadSanitizer (documented, not in CI: the first run builds Qt).
#
# TSan only understands synchronisation it can see. Debian's Qt is not instrumented, so every
# object handed between threads through Qt (a queued signal, a BlockingQueuedConnection, a QFuture)
# reports as a race (1,488 reports, 2026-11-27). This script therefore builds qtbase 6.4.2 itself,
# from Debian's own source package (the same version and patches as qt6-base-dev), with
# `-sanitize thread` (Core, Network, Concurrent, Test, Gui, Widgets; ~25 min on 2 cores, once), and
# builds BurgerBench against it. Qt Svg and the translation tools come from Debian (Qt Svg only
# serialises what the GUI thread paints).
#
# Then: two canaries (a correct hand-off through Qt must not report, a plain race must, with the
# suppressions loaded), then every ctest suite. Any report fails the suite that made it: TSan exits
# with 66. tests/sanitizers/tsan.supp lists the races inside Qt Network itself, each explained.
#
# Usage: scripts/tsan.sh [ctest args...]       e.g. scripts/tsan.sh -R tst_loadengine
#   BURGERBENCH_TSAN_QT=DIR    where the TSan Qt is installed (default build/qt-<version>-tsan)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

"$here/scripts/setup.sh" --deps-only
qt_packages=(dpkg-dev libglib2.0-dev libpcre2-dev libzstd-dev libdouble-conversion-dev libb2-dev
             libicu-dev libssl-dev zlib1g-dev libfontconfig-dev libfreetype-dev libpng-dev
             libharfbuzz-dev)
missing=()
for p in "${qt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "tsan: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

version="$(dpkg-query -W -f='${Version}' qt6-base-dev)"        # e.g. 6.4.2+dfsg-10
upstream="${version%%+*}"; upstream="${upstream%%-*}"            # 6.4.2
qt="${BURGERBENCH_TSAN_QT:-$here/build/qt-$upstream-tsan}"
stamp="$qt/burgerbench-tsan.stamp"
qt_flags=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-g1 -DCMAKE_CXX_FLAGS=-g1
          -DFEATURE_sanitize_thread=ON -DFEATURE_rpath=ON
          -DQT_BUILD_TESTS=OFF -DQT_BUILD_EXAMPLES=OFF
          -DFEATURE_gui=ON -DFEATURE_widgets=ON -DFEATURE_xcb=OFF
          -DFEATURE_opengl=OFF -DFEATURE_vulkan=OFF -DFEATURE_eglfs=OFF -DFEATURE_linuxfb=OFF
          -DFEATURE_vnc=OFF -DFEATURE_xkbcommon=OFF -DFEATURE_printsupport=OFF -DFEATURE_dbus=OFF
          -DFEATURE_sql=OFF -DFEATURE_glib=ON -DFEATURE_icu=ON -DFEATURE_ssl=ON
          -DFEATURE_libproxy=OFF -DFEATURE_system_pcre2=ON -DFEATURE_doubleconversion=ON
          -DFEATURE_fontconfig=ON -DFEATURE_system_freetype=ON -DFEATURE_system_png=ON
          -DFEATURE_system_harfbuzz=ON)
want="qt6-base $version ${qt_flags[*]}"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    work="$here/build/qt-$upstream-tsan-work"
    rm -rf "$work" && mkdir -p "$work"
    (
        cd "$work"
        if ! apt-get source --download-only "qt6-base=$version" >/dev/null 2>&1; then
            # The source package needs a deb-src line; add Debian's, for bookworm main only.
            echo "tsan: adding a deb-src entry for bookworm (apt-get source qt6-base)" >&2
            printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
                | $SUDO tee /etc/apt/sources.list.d/burgerbench-deb-src.sources >/dev/null
            $SUDO apt-get update -qq
            apt-get source --download-only "qt6-base=$version" >/dev/null
        fi
        dpkg-source -x qt6-base_*.dsc src >extract.log 2>&1 || { tail -20 extract.log >&2; exit 1; }
        echo "tsan: building qtbase $version with -sanitize thread into $qt (once; ~25 min on 2 cores)" >&2
        step() { local log="$1"; shift; "$@" >"$log" 2>&1 || { tail -40 "$log" >&2; echo "tsan: failed, see $work/$log" >&2; exit 1; }; }
        step configure.log cmake -G Ninja -S src -B build -DCMAKE_INSTALL_PREFIX="$qt" "${qt_flags[@]}"
        step build.log cmake --build build -j"$(nproc)"
        step install.log cmake --install build
    )
    echo "$want" >"$stamp"
    rm -rf "$work"
fi

debian_cmake=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/cmake
cmake --preset tsan -DCMAKE_PREFIX_PATH="$qt" \
      -DQt6Svg_DIR="$debian_cmake/Qt6Svg" -DQt6LinguistTools_DIR="$debian_cmake/Qt6LinguistTools" >/dev/null
cmake --build --preset tsan -j"$(nproc)"

# Every test binary must load the instrumented QtCore, not Debian's.
loaded="$(ldd build/tsan/tests/tst_loadengine | awk '/libQt6Core/ {print $3}')"
case "$loaded" in
    "$qt"/*) ;;
    *) echo "tsan: tst_loadengine loads $loaded, not the TSan Qt in $qt" >&2; exit 1 ;;
esac

export QT_QPA_PLATFORM=offscreen
# halt_on_error=0: a suite reports every race it meets, then exits 66 and fails.
export TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 history_size=4 suppressions=$here/tests/sanitizers/tsan.supp"
ctest --test-dir build/tsan --output-on-failure -R '^tsan_canary_'
ctest --test-dir build/tsan --output-on-failure --timeout 900 "$@"
