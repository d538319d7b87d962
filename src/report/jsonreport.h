#pragma once

#include "metrics/summary.h"
#include "trace/runtrace.h"

#include <QJsonObject>
#include <QString>

namespace BurgerBench {

// The run report: the source of truth every other format is rendered from
// (docs/report-schema.md). Times are integer ns from the run start; absent moments are null.
namespace JsonReport {

QString schemaId(); // "burgerbench.run/1"

QJsonObject toJson(const RunTrace &trace, const Summary &summary, const QJsonObject &extraMeta = {});
// Writes toJson() atomically, credentials scrubbed, in a stable byte layout (same trace and
// summary, same bytes).
// `extraMeta` keys are added to "meta" (e.g. merged_from).
bool write(const QString &path, const RunTrace &trace, const Summary &summary, QString *error,
    const QJsonObject &extraMeta = {});
QByteArray toBytes(const RunTrace &trace, const Summary &summary, const QJsonObject &extraMeta = {});

// Reads a report back into a trace; the summary is not read, callers recompute it from the
// trace (computeSummary), so a report can never disagree with its own samples. `meta`, if given,
// receives the "meta" object (e.g. merged_from). Errors name the file and the offending field.
bool read(const QString &path, RunTrace *trace, QString *error, QJsonObject *meta = nullptr);
bool fromJson(const QJsonObject &json, RunTrace *trace, QString *error, QJsonObject *meta = nullptr);

QJsonObject summaryToJson(const Summary &summary);
QJsonObject distributionToJson(const Distribution &distribution);
// "p50", "p99.9": the key for a percentile rank.
QString percentileKey(double rank);

} // namespace JsonReport

} // namespace BurgerBench
