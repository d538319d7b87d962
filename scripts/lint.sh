#!/usr/bin/env bash
# Lint (CI, after the test suite): installs what is missing, then
#   1. format: every C++ file of the tree (tracked, or new and not ignored) against the committed
#      .clang-format (clang-format-14 --dry-run --Werror); names each file that is not formatted.
#   2. tidy: clang-tidy-14 with the committed .clang-tidy on every .cpp of a build's compile
#      database (default build/ci; configured and built first if it has none), both cores at once;
#      prints each finding once (a header's findings come once, not once per .cpp including it).
# Either part failing fails the script; both always run.
#
# Usage: scripts/lint.sh [--format-only | --tidy-only] [files...]   (default: the whole tree)
#   LINT_BUILD_DIR=build/h-build  to read another tree's compile_commands.json
#   LINT_JOBS=N                   clang-tidy processes at once (default: nproc)
#   LINT_TIDY_ARGS="..."          more clang-tidy arguments, e.g. --checks=-*,bugprone-use-after-move
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build="${LINT_BUILD_DIR:-build/ci}"
jobs="${LINT_JOBS:-$(nproc)}"
do_format=1 do_tidy=1
case "${1:-}" in
    --format-only) do_format=1 do_tidy=0; shift ;;
    --tidy-only) do_format=0 do_tidy=1; shift ;;
esac

packages=(clang-format-14 clang-tidy-14 git python3)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "lint: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The files: as given, or every C++ file git knows of or would add (build/ is ignored).
if (($#)); then
    files=("$@")
else
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h' |
                         sort -u | while read -r f; do [ -f "$f" ] && echo "$f"; done)
fi

status=0
if ((do_format)); then
    start=$SECONDS
    mapfile -t unformatted < <(printf '%s\0' "${files[@]}" |
        xargs -0 -n 8 -P "$jobs" sh -c 'for f; do clang-format-14 --dry-run --Werror "$f" >/dev/null 2>&1 || echo "$f"; done' sh |
        sort)
    if ((${#unformatted[@]})); then
        printf 'lint: not formatted (clang-format-14 -i FILE):\n' >&2
        printf '    %s\n' "${unformatted[@]}" >&2
        echo "lint: format: ${#unformatted[@]} of ${#files[@]} files not formatted ($((SECONDS - start)) s)" >&2
        status=1
    else
        echo "lint: format: ${#files[@]} files formatted ($((SECONDS - start)) s)" >&2
    fi
fi

if ((do_tidy)); then
    start=$SECONDS
    if [ ! -f "$build/compile_commands.json" ]; then
        echo "lint: no $build/compile_commands.json: building the ci preset first" >&2
        "$here/scripts/setup.sh" ci
        build=build/ci
    fi
    # The .cpp files the compile database holds (generated moc/qrc files under build/ excluded),
    # limited to the files asked for.
    mapfile -t tus < <(python3 - "$build/compile_commands.json" "$here" "${files[@]}" <<'PY'
import json, os, sys
db, root, wanted = sys.argv[1], sys.argv[2], {os.path.abspath(f) for f in sys.argv[3:]}
seen = set()
for entry in json.load(open(db)):
    path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    if path.endswith(".cpp") and path.startswith(root + "/") and not path.startswith(root + "/build/") \
            and path in wanted and path not in seen:
        seen.add(path)
        print(path)
PY
    )
    logs="$(mktemp -d)"
    trap 'rm -rf "$logs"' EXIT
    # The compile database is gcc's: clang's -pedantic also reports Qt's logging macros
    # (qCWarning(category) << ...: a variadic macro given no variadic argument), which gcc's does
    # not; that one clang-only warning is off, every other compiler warning counts.
    export LINT_TIDY_ARGS="${LINT_TIDY_ARGS:-}"
    printf '%s\0' "${tus[@]}" | xargs -0 -n 1 -P "$jobs" sh -c '
        root="$1" build="$2" logs="$3" file="$4"
        out="$logs/$(echo "$file" | tr / _).log"
        # shellcheck disable=SC2086 # LINT_TIDY_ARGS is a list of words
        clang-tidy-14 -p "$build" --quiet --header-filter="^$root/(src|tests|bench|fuzz)/" \
            --extra-arg=-Wno-gnu-zero-variadic-macro-arguments $LINT_TIDY_ARGS "$file" >"$out" 2>&1 ||
            echo "$file" >>"$logs/failed"' sh "$here" "$build" "$logs"
    # One line per finding (file:line:col: warning|error: text [check]), deduplicated.
    findings="$(cat "$logs"/*.log 2>/dev/null | grep -E '^/.*:[0-9]+:[0-9]+: (warning|error): ' |
                sed -e "s|^$here/||" -e 's/,-warnings-as-errors\]$/]/' | sort -u || true)"
    if [ -n "$findings" ] || [ -f "$logs/failed" ]; then
        if [ -n "$findings" ]; then
            echo "$findings" >&2
            # Full context (notes, the offending lines) for each: LINT_VERBOSE=1.
            [ -n "${LINT_VERBOSE:-}" ] && cat "$logs"/*.log >&2
        fi
        n=0; [ -n "$findings" ] && n="$(echo "$findings" | wc -l)"
        echo "lint: tidy: $n findings in ${#tus[@]} files ($((SECONDS - start)) s)" >&2
        status=1
    else
        echo "lint: tidy: ${#tus[@]} files clean ($((SECONDS - start)) s)" >&2
    fi
fi
exit "$status"
