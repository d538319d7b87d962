#!/usr/bin/env bash
# ctest bash_completion: the generated bash completion (deploy/linux/gendocs.py, from the CLI's
# own --help) completes what a user types: `burgerbench-cli run --con` -> --concurrency, the
# commands after the program name, a value-taking option's file argument, and nothing else.
# Usage: check_completion.sh BUILD_DIR
set -euo pipefail
comp="$1/deploy/docs/completions/burgerbench-cli.bash"
[ -s "$comp" ] || { echo "FAIL: no $comp (target burgerbench_docs)" >&2; exit 1; }
# shellcheck disable=SC1090
source "$comp"
complete_words() { # words..., the last one being completed
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _burgerbench_cli
    printf '%s\n' "${COMPREPLY[@]}" | sort
}
fails=0
expect() { # what, expected (newline-separated), words...
    local what="$1" want="$2"
    shift 2
    local got
    got="$(complete_words "$@")"
    if [ "$got" != "$want" ]; then
        echo "FAIL: $what: completing '$*' gave [${got//$'\n'/ }], expected [${want//$'\n'/ }]" >&2
        fails=$((fails + 1))
    else
        echo "ok: $what: '$*' -> ${got//$'\n'/ }"
    fi
}
expect "run --con" "--concurrency" burgerbench-cli run --con
expect "simulate's options are its own" "" burgerbench-cli simulate --concurr
# The commands the CLI's own --help lists that start with "r" (run, race, report ...).
commands_r="$("$1/bin/burgerbench-cli" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF>1 && $1 ~ /^r/ {print $1}' | sort)"
[ -n "$commands_r" ] || { echo "FAIL: no command starting with r in burgerbench-cli --help" >&2; exit 1; }
expect "commands" "$commands_r" burgerbench-cli r
cd "$(mktemp -d)"
touch scenario-a.json scenario-b.json
expect "--scenario takes a file" "$(printf 'scenario-a.json\nscenario-b.json')" burgerbench-cli run --scenario scen
exit $((fails > 0))
