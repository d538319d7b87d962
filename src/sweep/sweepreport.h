#pragma once

#include "sweep/sweepresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace BurgerBench {

// The sweep report, schema "burgerbench.sweep/1" (docs/sweep.md): the plan, steps[] (each with
// the value offered, saturated, and its full run report as `run`, the same object
// `burgerbench-cli run --json` writes), points[] (repeats summarised: mean and 95% interval), and
// result {max_request_throughput, max_output_throughput, capacity}. Credentials are scrubbed as
// in a run report.
namespace SweepReport {

QString schemaId(); // "burgerbench.sweep/1"

QJsonObject toJson(const SweepResult &result);
QByteArray toBytes(const SweepResult &result);
// Atomically (report/atomicfile.h).
bool write(const QString &path, const SweepResult &result, QString *error);

// Reads a report back: each step's run through the run report's reader, its summary recomputed
// from its trace; the flags and the capacity as written. Errors name the file and the field.
bool fromJson(const QJsonObject &json, SweepResult *out, QString *error);
bool read(const QString &path, SweepResult *out, QString *error);
// True when `json` claims to be a sweep report.
bool isSweep(const QJsonObject &json);

// One row per step: step, point, repeat, phase, over, value, saturated, meets_slo, and the
// step's figures (throughput, TTFT/ITL/E2EL p50 and p99 ...), RFC 4180 like the run CSV.
QStringList csvColumns();
QByteArray toCsv(const SweepResult &result);
bool writeCsv(const QString &path, const SweepResult &result, QString *error);

} // namespace SweepReport

} // namespace BurgerBench
