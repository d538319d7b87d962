#pragma once

#include "metrics/clientsaturation.h"
#include "metrics/statistics.h"
#include "scenario/scenario.h"

#include <QMap>
#include <QString>

#include <limits>

namespace BurgerBench {

struct RunTrace;

// One turn index of a multi-turn run (RequestRecord::turn): every session's k-th request.
struct TurnSummary
{
    int turn = 0; // 0-based
    int sent = 0; // measured requests of this turn dispatched
    int completed = 0;
    Distribution ttft; // ranks 50 and 99 (and the run's)
    Distribution e2el;
};

// The run's figures, computed from the recorded trace exactly as METRICS.md defines them.
// Warm-up requests are excluded everywhere. Latencies are in milliseconds.
struct Summary
{
    QString definitions = QStringLiteral("vllm-compatible");
    int sent = 0; // measured requests dispatched at least once
    int completed = 0;
    int failed = 0;
    int incomplete = 0;
    double durationS = 0;
    double requestThroughput = 0; // completed / duration
    double outputThroughput = 0; // sum output tokens / duration
    double totalTokenThroughput = 0; // (prompt + output) / duration
    // Completed meeting every SLO / duration; NaN without an SLO (nothing to meet: no figure, not
    // 0), which every writer shows as null or "no SLO given".
    double goodput = std::numeric_limits<double>::quiet_NaN();
    qint64 totalPromptTokens = 0;
    qint64 totalOutputTokens = 0;
    bool outputTokensFromUsage = true; // false if any success counted token events instead
    // Successes with fewer output tokens than their workload's max_tokens (RequestRecord::
    // stoppedEarly): counted here and kept in every statistic.
    int stoppedEarly = 0;
    // Streamed successes whose usage disagrees with their token events
    // (RequestMetrics::tokenCountMismatch): counted and flagged, kept in every statistic.
    int tokenCountMismatch = 0;
    int peakConcurrency = 0; // exact sweep over [dispatch, end), ends before starts
    double peakTokensPerS = 0; // busiest 1-second bucket of token events
    QMap<QString, int> errors; // errorKindName -> count (failed and incomplete)

    Distribution ttft; // first token - start
    Distribution tpot; // (e2el - ttft) / (output tokens - 1), requests with > 1 token
    Distribution itl; // all gaps between consecutive token events, pooled
    Distribution e2el; // last token (or body read) - start
    // Extras, labelled as such in reports.
    Distribution queue; // client queue time (dispatch - intended)
    Distribution ttfb; // first byte - start
    Distribution scheduleLatency; // end - intended start
    // Reasoning over successes (RequestRecord::reasoningEvents, reasoningTokens): the token events
    // that carried reasoning, and the usage's reasoning_tokens summed (-1: no success sent any).
    qint64 reasoningEvents = 0;
    qint64 reasoningTokens = -1;
    Distribution firstContent; // extra: time to first content (answer) token - start
    // Multi-turn runs: TTFT and E2EL by turn index (with a prefix cache, a later turn's TTFT
    // should not grow with its history); empty for a run without sessions.
    std::vector<TurnSummary> perTurn;
    // The client's own saturation over the measured window and whether it limited the
    // measurement (METRICS.md, "Client busy"): from the trace's loop_busy and loop_lag, so a
    // re-read report gives the same verdict.
    ClientSaturation client;
    ClientVerdict clientLimit;

    // No request succeeded: the token figures (throughputs in tok/s, TTFT, ITL, TPOT, E2EL) have
    // nothing to describe. They stay 0 / empty here (a sweep plots a collapsed step at 0 tok/s);
    // the reports write null and say "no successful request" instead of printing zeros.
    bool tokenFigures() const { return completed > 0; }
};

Summary computeSummary(const RunTrace &trace, const QList<double> &ranks, const Slo &slo);

} // namespace BurgerBench
