#!/usr/bin/env bash
# deploy/k8s/wait-job.sh against a fake kubectl: a complete Job exits 0 saying "complete", a failed
# one exits 1 saying "failed" with its reason and each pod's exit code, a Job that never finishes
# times out with exit 2, an unreadable one exits 2. And the docs and manifests no longer tell
# anyone to wait for "complete" alone (it blocks for its whole timeout on a failed Job).
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/kubectl" <<'FAKE'
#!/bin/sh
# FAKE_STATE: complete | failed | running | broken. "get pods" lists two workers.
case "$2" in
    job)
        case "$FAKE_STATE" in
            complete) printf 'SuccessCriteriaMet CompletionsReached\nComplete CompletionsReached\n' ;;
            failed) printf 'FailureTarget BackoffLimitExceeded\nFailed BackoffLimitExceeded\n' ;;
            running) printf '' ;;
            broken) echo 'Error from server (NotFound): jobs.batch "x" not found' >&2; exit 1 ;;
        esac ;;
    pods) printf 'burgerbench-workers-0-abc 0\nburgerbench-workers-1-def 1\n' ;;
esac
FAKE
chmod +x "$work/kubectl"
export PATH="$work:$PATH" WAIT_JOB_INTERVAL=1
fail() { echo "FAIL: $*" >&2; exit 1; }

set +e
out="$(FAKE_STATE=complete sh "$src/deploy/k8s/wait-job.sh" burgerbench-workers 10 2>&1)"; rc=$?
[ $rc -eq 0 ] || fail "complete: exit $rc ($out)"
[ "$out" = "burgerbench-workers: complete" ] || fail "complete: said '$out'"

out="$(FAKE_STATE=failed sh "$src/deploy/k8s/wait-job.sh" burgerbench-workers 10 2>&1)"; rc=$?
[ $rc -eq 1 ] || fail "failed: exit $rc ($out)"
grep -q '^burgerbench-workers: failed (BackoffLimitExceeded)$' <<<"$out" || fail "failed: said '$out'"
grep -q 'burgerbench-workers-1-def: exit 1' <<<"$out" || fail "failed: no pod exit code in '$out'"

start=$(date +%s)
out="$(FAKE_STATE=running sh "$src/deploy/k8s/wait-job.sh" burgerbench-workers 2 2>&1)"; rc=$?
[ $rc -eq 2 ] || fail "running: exit $rc ($out)"
grep -q 'neither complete nor failed after 2 s' <<<"$out" || fail "running: said '$out'"
[ $(($(date +%s) - start)) -le 6 ] || fail "running: the timeout took too long"

out="$(FAKE_STATE=broken sh "$src/deploy/k8s/wait-job.sh" burgerbench-workers 10 2>&1)"; rc=$?
[ $rc -eq 2 ] || fail "broken: exit $rc ($out)"
grep -q 'cannot read job/burgerbench-workers' <<<"$out" || fail "broken: said '$out'"
set -e

if grep -rn -- '--for=condition=complete' "$src/deploy/k8s" "$src/README.md" "$src/docs"; then
    fail "the lines above still wait for 'complete' alone"
fi
grep -q 'wait-job.sh burgerbench-workers' "$src/deploy/k8s/README.md" || fail "deploy/k8s/README.md does not use wait-job.sh"
echo "wait-job.sh: complete, failed, timeout and unreadable all told apart"
