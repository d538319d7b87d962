#!/bin/sh
# Waits until a Kubernetes Job has finished, whichever way, and says which.
#
#   deploy/k8s/wait-job.sh JOB [TIMEOUT_SECONDS]      (default 7200; NAMESPACE=... to pick one)
#
# Exit 0 and "JOB: complete" when every pod succeeded; exit 1 and "JOB: failed (REASON)" plus each
# failed pod's exit code when the Job failed (a worker exits 1 when a --fail-if threshold failed,
# 2 for a bad scenario, 3 when aborted; with backoffLimit 0 one failed worker fails the Job);
# exit 2 on a timeout or when kubectl cannot read the Job. A `kubectl wait` for the Complete
# condition alone would block for its whole timeout on a failed Job.
set -u
if [ $# -lt 1 ]; then
    echo "usage: wait-job.sh JOB [TIMEOUT_SECONDS]" >&2
    exit 2
fi
job="$1"
timeout="${2:-7200}"
interval="${WAIT_JOB_INTERVAL:-5}"
set --
if [ -n "${NAMESPACE:-}" ]; then set -- -n "$NAMESPACE"; fi
deadline=$(($(date +%s) + timeout))
while :; do
    # One line per true condition: "TYPE REASON". Complete and Failed are final (newer clusters
    # first add SuccessCriteriaMet / FailureTarget, which are not).
    if ! conditions="$(kubectl get job "$job" "$@" -o \
        'jsonpath={range .status.conditions[?(@.status=="True")]}{.type}{" "}{.reason}{"\n"}{end}')"; then
        echo "wait-job: cannot read job/$job with kubectl" >&2
        exit 2
    fi
    complete="$(printf '%s\n' "$conditions" | grep '^Complete' || true)"
    failed="$(printf '%s\n' "$conditions" | grep '^Failed' || true)"
    if [ -n "$complete" ]; then
        echo "$job: complete"
        exit 0
    fi
    if [ -n "$failed" ]; then
        reason="$(printf '%s\n' "$failed" | head -n 1 | cut -d' ' -f2-)"
        echo "$job: failed (${reason:-no reason given})"
        kubectl get pods "$@" -l "job-name=$job" -o \
            'jsonpath={range .items[*]}{.metadata.name}{" "}{.status.containerStatuses[0].state.terminated.exitCode}{"\n"}{end}' |
            while read -r pod code; do
                [ -n "$pod" ] && echo "  $pod: exit ${code:-none (not finished)}"
            done
        exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "wait-job: job/$job neither complete nor failed after ${timeout} s" >&2
        exit 2
    fi
    sleep "$interval"
done
