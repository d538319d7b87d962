#pragma once

#include "report/chrometrace.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace BurgerBench {

// The run as a Perfetto protobuf trace (a `perfetto.protos.Trace`: repeated TracePacket, field 1),
// encoded by hand (no libprotobuf). What it draws is what the Chrome JSON trace draws
// (report/chrometrace.h), in a form ~5-10x smaller:
//   - per run a process track (pid 1, 2, ...); under it the event-loop thread (tid 1) with its
//     busy spans, one thread per worker lane (tid 100 + lane) with its tasks, one track per
//     engine lane with its requests (a "request" slice holding the phases in order, a "token"
//     instant per token event), extra "queued N" tracks for requests that waited while their
//     lane was busy, and counter tracks in_flight, queued, tokens_per_s, errors, loop_lag_ms and
//     the server's own series;
//   - every track is its own packet sequence: the first packet clears incremental state
//     (SEQ_INCREMENTAL_STATE_CLEARED) and carries the defaults (the track, and the sequence's clock
//     64) and a ClockSnapshot tying clock 64 to BOOTTIME at 0; the next one the TrackDescriptor;
//     later packets give only the time since the previous one (clock 64 is incremental). They are
//     not flagged SEQ_NEEDS_INCREMENTAL_STATE: the file is written whole, its state never lost,
//     and the flag (which only makes a reader skip packets after a loss; trace processor applies
//     defaults and interning either way) would cost 2 of a token packet's ~14 bytes;
//   - event names and categories are interned (InternedData), each once per sequence, where first
//     used; the debug annotations' names likewise.
// Timestamps in ns from each run's start, as the JSON trace's µs.
namespace PerfettoTrace {

QByteArray toBytes(const QList<ChromeTrace::Run> &runs);
QByteArray toBytes(const RunTrace &trace);
bool write(const QString &path, const RunTrace &trace, QString *error);
bool write(const QString &path, const QList<ChromeTrace::Run> &runs, QString *error);

// A path ending in .pftrace (any case) asks for this format; anything else for the JSON one.
bool wantsProtobuf(const QString &path);

} // namespace PerfettoTrace

} // namespace BurgerBench
