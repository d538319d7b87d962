#pragma once

#include "trace/runtrace.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace BurgerBench {

// The server's scraped metrics (RunTrace::serverMetrics) as CSV, RFC 4180 like the run CSV
// (report/csvreport.h): one row per sample time (a scrape's midpoint on the run's clock), one column
// per series. The header names each column and its unit: `t_ms` (ms from the run start, from integer
// ns, 6 decimals), `uncertainty_ms` (half the scrape's round trip), then
// `name{label="value",…} (unit)` per series in the report's order, the unit from the vocabulary
// (running/waiting: requests, KV cache and hit rate: fraction, token counters: tokens, histogram
// sums: seconds, bucket and count series and other counters: count, anything else: value). An
// empty cell: that series had no sample at that time; NaN and ±Inf as the exposition writes them.
namespace ServerMetricsCsv {

QStringList columns(const RunTrace &trace);
QByteArray toBytes(const RunTrace &trace);
// Atomically; false with a message when the run has no server metrics.
bool write(const QString &path, const RunTrace &trace, QString *error);

} // namespace ServerMetricsCsv

} // namespace BurgerBench
