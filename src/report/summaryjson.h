#pragma once

#include "metrics/summary.h"
#include "metrics/threshold.h"
#include "trace/runtrace.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace BurgerBench {

// `run --summary-json F`: the summary and the thresholds' verdicts, small and stable for
// dashboards ("schema": "burgerbench.summary/1"; keys sorted, a figure with no sample is null):
//   run         {completed, cancelled, abort_reason, scenario, target, started_at, definitions}
//   summary     counts, throughputs, tokens, peak_concurrency, errors by kind, and for ttft tpot
//               itl e2el queue ttfb schedule_latency {count mean median std min max pNN...} in ms
//               client {measured, busy_max, busy_mean, loop_lag_p99_ms, loop_lag_max_ms,
//               dispatch_late_p99_ms, client_limited, reason}
//   thresholds  [{rule, metric, statistic, op, limit, measured, unit, passed, message}]
//   passed      the run completed and every rule passed (exit code 0)
namespace SummaryJson {

// summary.client, the same in the full report (jsonreport.h) and here: busy fractions 0..1.
QJsonObject clientToJson(const Summary &summary);

QJsonObject toJson(const RunTrace &trace, const Summary &summary, const QList<Threshold> &thresholds);
QByteArray toBytes(const RunTrace &trace, const Summary &summary, const QList<Threshold> &thresholds);
// Atomically (atomicfile.h); false with a message naming the path.
bool write(const QString &path, const RunTrace &trace, const Summary &summary,
    const QList<Threshold> &thresholds, QString *error);

} // namespace SummaryJson

} // namespace BurgerBench
