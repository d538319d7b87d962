#!/usr/bin/env bash
# ctest install_layout: `cmake --install` of the build tree into a staging folder (DESTDIR, prefix
# /usr, as the .deb lays it out), then every file the install promises, desktop-file-validate,
# appstreamcli validate, the man pages through man, and the installed programs: --version with
# the git revision and the installed translations, the app offscreen in Spanish from the staged
# bin/ reading the staged catalogues (and the built-in copy once they are gone).
# Usage: check_install.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR="$stage" cmake --install "$build" --prefix /usr >"$stage.log" 2>&1 || { cat "$stage.log"; fail "cmake --install"; }
rm -f "$stage.log"
root="$stage/usr"
cd "$root"

gui=0
[ -x "$build/bin/burgerbench" ] && gui=1
expected=(bin/burgerbench-cli
          share/burgerbench/translations/burgerbench_en.qm share/burgerbench/translations/burgerbench_es.qm
          share/burgerbench/scenarios/burger-shop.json share/burgerbench/scenarios/modes/mixed.json
          share/man/man1/burgerbench-cli.1.gz share/man/man1/burgerbench-cli-run.1.gz
          share/man/man1/burgerbench-cli-simulate.1.gz
          share/bash-completion/completions/burgerbench-cli share/zsh/vendor-completions/_burgerbench-cli
          share/fish/vendor_completions.d/burgerbench-cli.fish
          share/doc/burgerbench/copyright share/doc/burgerbench/README.md)
if ((gui)); then
    expected+=(bin/burgerbench share/applications/burgerbench.desktop
               share/metainfo/org.example.BurgerBench.metainfo.xml
               share/icons/hicolor/scalable/apps/burgerbench.svg share/man/man1/burgerbench.1.gz
               share/bash-completion/completions/burgerbench)
    for size in 16 24 32 48 64 128 256 512; do
        expected+=("share/icons/hicolor/${size}x${size}/apps/burgerbench.png")
    done
fi
for f in "${expected[@]}"; do
    [ -s "$f" ] || fail "not installed: $f"
done
# One man page per sub-command the CLI lists.
for cmd in $("$build/bin/burgerbench-cli" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF>1 {print $1}'); do
    [ -s "share/man/man1/burgerbench-cli-$cmd.1.gz" ] || fail "no man page for burgerbench-cli $cmd"
done
# Nothing outside the GNU layout (bin, share), and nothing from the build tree's own paths.
others="$(find . -mindepth 1 -maxdepth 1 ! -name bin ! -name share)"
[ -z "$others" ] || fail "installed outside bin/ and share/: $others"

if ((gui)); then
    # PNG icons at the size their folder names.
    for size in 16 48 256; do
        python3 - "share/icons/hicolor/${size}x${size}/apps/burgerbench.png" "$size" <<'PY' \
            || fail "icon ${size}x${size} is not a ${size}x${size} PNG"
import struct, sys
head = open(sys.argv[1], "rb").read(24)
size = int(sys.argv[2])
sys.exit(0 if head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (size, size) else 1)
PY
    done
    desktop-file-validate share/applications/burgerbench.desktop
    grep -q '^Categories=Development;Education;$' share/applications/burgerbench.desktop || fail "desktop categories"
    grep -q '^Name\[es\]=' share/applications/burgerbench.desktop || fail "no Spanish Name"
    grep -q '^Comment\[es\]=' share/applications/burgerbench.desktop || fail "no Spanish Comment"
    appstreamcli validate --no-net --explain share/metainfo/org.example.BurgerBench.metainfo.xml
fi

# The man pages render, and say what --help says.
MANWIDTH=100 man -l share/man/man1/burgerbench-cli-run.1.gz 2>/dev/null | grep -q -- '--concurrency' \
    || fail "man burgerbench-cli-run does not render --concurrency"

# --version: the version, a git revision, the installed catalogues.
version="$(bin/burgerbench-cli --version)"
echo "$version"
echo "$version" | grep -Eq '^burgerbench-cli [0-9]+\.[0-9]+\.[0-9]+ \(git [^)]+\)$' || fail "--version: $version"
echo "$version" | grep -qx "translations: $root/share/burgerbench/translations" \
    || fail "--version does not name the installed translations: $version"

if ((gui)); then
    export QT_QPA_PLATFORM=offscreen
    # Under ASan (scripts/sanitize.sh) the app runs here without the leak check: this test is about
    # the installed files, not the app's allocations at exit (not measured under LSan here).
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
    help_es="$(bin/burgerbench --language es --help)"
    echo "$help_es" | grep -q 'Idioma de la interfaz' || fail "the installed app's --help is not in Spanish"
    shot="$stage/es.png"
    bin/burgerbench --language es --screenshot "$shot" --quit-when-done --timeout 60 >/dev/null 2>&1 \
        || fail "the installed app did not start offscreen in Spanish"
    [ -s "$shot" ] || fail "the installed app drew nothing"
fi
# Without the installed catalogues, the built-in copies answer (the build tree's path).
rm -rf share/burgerbench/translations
bin/burgerbench-cli --version | grep -qx 'translations: built in' || fail "no fallback to the built-in catalogues"
echo "install layout OK: ${#expected[@]} files checked under $root"
