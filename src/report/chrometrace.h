#pragma once

#include "trace/runtrace.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace BurgerBench {

// Chrome JSON trace as Perfetto's importer reads it (../shared/TRACE_FORMAT.md section 2):
//   - every request an async slice (cat "req", its own id, constant name "request") holding its
//     phases in order: earlier attempts and backoff, "queued (client)", "connect+send",
//     "waiting: TTFT", "streaming N tok" with one "token" instant per token event, "finishing";
//   - the event-loop thread (tid 1) with an X slice per busy span;
//   - one thread per worker lane (tid 100 + lane) with X slices for its tasks;
//   - counters in_flight, queued, tokens_per_s, errors and loop_lag_ms.
// All maths in integer ns, printed as µs with 3 decimals. Several runs go into one trace as
// several processes (pid 1, 2, ...), e.g. for a side-by-side comparison.
namespace ChromeTrace {

struct Run
{
    const RunTrace *trace = nullptr; // not owned
    QString label; // process name; empty = derived from the scenario
};

QByteArray toBytes(const QList<Run> &runs);
QByteArray toBytes(const RunTrace &trace);
bool write(const QString &path, const RunTrace &trace, QString *error);
bool write(const QString &path, const QList<Run> &runs, QString *error);

// A request's phases in time order, each clamped to start where the previous ended (the JSON and
// the protobuf trace draw the same ones), and the span [begin, end] its slice covers; false when
// it never became eligible (nothing to draw).
struct PhaseSlice
{
    QString name;
    qint64 startNs;
    qint64 endNs;
};
std::vector<PhaseSlice> phasesOf(const RequestRecord &r, qint64 begin, qint64 end, bool stream);
bool requestSpan(const RequestRecord &r, qint64 *begin, qint64 *end);
// The tasks a trace can draw (a known lane, a start, a positive length), by lane, then by start:
// both traces clip each lane's tasks in this order.
std::vector<const TaskRecord *> drawableTasksByLane(const RunTrace &trace);

// The default process name, e.g. "concurrent: 1 event loop, 64 in flight".
QString processLabel(const RunTrace &trace);

} // namespace ChromeTrace

} // namespace BurgerBench
