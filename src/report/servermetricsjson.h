#pragma once

#include "trace/runtrace.h"

#include <QJsonObject>
#include <QString>

namespace BurgerBench::ServerMetricsJson {

// The run report's "server_metrics" object (docs/report-schema.md): url, interval_ms, scrapes,
// failed_scrapes, late_ticks, dropped_samples, server, scrape_log, series (each with its samples
// [[t_ns, value], …] and, for counters, rates [[t_ns, per_s], …]) and histograms (the server's
// TTFT and inter-token percentiles over the run's window, ms). Written only for a run that scraped.
QJsonObject toJson(const RunTrace &trace);
// Reads it back (rates and histograms are derived, and recomputed from the series); errors name the
// field, e.g. "server_metrics.series[2].samples[5]".
bool fromJson(const QJsonValue &json, ServerMetricsRecord *out, QString *error);

} // namespace BurgerBench::ServerMetricsJson
