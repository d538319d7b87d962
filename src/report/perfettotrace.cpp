#include "report/perfettotrace.h"

#include "report/atomicfile.h"
#include "report/secretscrub.h"
#include "report/servermetricstracks.h"
#include "trace/lanenames.h"
#include "trace/overlap.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <queue>

namespace BurgerBench {
namespace PerfettoTrace {

namespace {

// Field numbers of protos/perfetto/trace/... (trace.proto, trace_packet.proto,
// trace_packet_defaults.proto, clock_snapshot.proto, track_event/track_descriptor.proto,
// track_event/process_descriptor.proto, track_event/thread_descriptor.proto,
// track_event/counter_descriptor.proto, track_event/track_event.proto,
// track_event/debug_annotation.proto, interned_data/interned_data.proto).
namespace Field {
constexpr int TracePacket = 1; // Trace.packet

constexpr int ClockSnapshot = 6; // TracePacket
constexpr int Timestamp = 8;
constexpr int SequenceId = 10; // trusted_packet_sequence_id
constexpr int TrackEvent = 11;
constexpr int InternedData = 12;
constexpr int SequenceFlags = 13;
constexpr int TimestampClockId = 58;
constexpr int Defaults = 59; // trace_packet_defaults
constexpr int TrackDescriptor = 60;

constexpr int DefaultsClockId = 58; // TracePacketDefaults.timestamp_clock_id
constexpr int DefaultsTrackEvent = 11; // TracePacketDefaults.track_event_defaults
constexpr int DefaultsTrackUuid = 11; // TrackEventDefaults.track_uuid

constexpr int SnapshotClock = 1; // ClockSnapshot.clocks
constexpr int ClockId = 1; // ClockSnapshot.Clock
constexpr int ClockTimestamp = 2;
constexpr int ClockIncremental = 3;

constexpr int TrackUuid = 1; // TrackDescriptor
constexpr int TrackName = 2;
constexpr int TrackProcess = 3;
constexpr int TrackThread = 4;
constexpr int TrackParent = 5;
constexpr int TrackCounter = 8;
constexpr int ProcessPid = 1; // ProcessDescriptor
constexpr int ProcessName = 6;
constexpr int ThreadPid = 1; // ThreadDescriptor
constexpr int ThreadTid = 2;
constexpr int ThreadName = 5;
constexpr int CounterUnit = 3; // CounterDescriptor.unit

constexpr int EventCategoryIids = 3; // TrackEvent
constexpr int EventAnnotations = 4;
constexpr int EventType = 9;
constexpr int EventNameIid = 10;
constexpr int EventCounterValue = 30;
constexpr int EventDoubleCounterValue = 44;

constexpr int AnnotationNameIid = 1; // DebugAnnotation
constexpr int AnnotationBool = 2;
constexpr int AnnotationInt = 4;
constexpr int AnnotationDouble = 5;
constexpr int AnnotationString = 6;

constexpr int InternedCategories = 1; // InternedData.event_categories
constexpr int InternedNames = 2; // InternedData.event_names
constexpr int InternedAnnotationNames = 3; // InternedData.debug_annotation_names
constexpr int InternedIid = 1; // EventName, EventCategory, DebugAnnotationName
constexpr int InternedName = 2;
} // namespace Field

enum EventType : quint64 { SliceBegin = 1, SliceEnd = 2, Instant = 3, Counter = 4 };
enum SequenceFlag : quint64 { IncrementalStateCleared = 1 };
constexpr quint64 BootTimeClock = 6; // BuiltinClocks.BOOTTIME
constexpr quint64 SequenceClock = 64; // the first sequence-scoped clock id
constexpr quint64 UnitCount = 2; // CounterDescriptor.Unit.UNIT_COUNT

constexpr int LoopTid = 1; // as the JSON trace
constexpr int WorkerTidBase = 100;
constexpr qint64 TokenBucketNs = 100'000'000;
constexpr qint64 BlockedLoopNs = 16'000'000;

// A protobuf message being written: varints, fixed64 doubles and length-delimited fields.
class Proto
{
public:
    void varint(quint64 v)
    {
        char buf[10];
        int n = 0;
        do {
            buf[n] = char((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
            v >>= 7;
            ++n;
        } while (v != 0);
        m_bytes.append(buf, n);
    }
    void tag(int field, int wireType) { varint((quint64(field) << 3) | quint64(wireType)); }
    void u(int field, quint64 v)
    {
        tag(field, 0);
        varint(v);
    }
    void i(int field, qint64 v) { u(field, quint64(v)); } // int64: two's complement, 10 bytes if < 0
    void d(int field, double v)
    {
        tag(field, 1);
        quint64 bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        char buf[8];
        for (char &c : buf) {
            c = char(bits & 0xff);
            bits >>= 8;
        }
        m_bytes.append(buf, 8);
    }
    void bytes(int field, const QByteArray &b)
    {
        tag(field, 2);
        varint(quint64(b.size()));
        m_bytes.append(b);
    }
    void str(int field, const QString &s) { bytes(field, s.toUtf8()); }
    void msg(int field, const Proto &p) { bytes(field, p.m_bytes); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    const QByteArray &data() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

struct Annotation
{
    const char *name;
    enum { Int, Double, Bool, String } kind;
    qint64 i = 0;
    double d = 0;
    QString s;
};
Annotation intArg(const char *name, qint64 v)
{
    return { name, Annotation::Int, v, 0, {} };
}
Annotation doubleArg(const char *name, double v)
{
    return { name, Annotation::Double, 0, v, {} };
}
Annotation boolArg(const char *name, bool v)
{
    return { name, Annotation::Bool, v ? 1 : 0, 0, {} };
}
Annotation stringArg(const char *name, const QString &v)
{
    return { name, Annotation::String, 0, 0, v };
}

// One track, written as its own packet sequence (see the header): packets in time order, each
// timestamp the ns since the previous packet's.
class Sequence
{
public:
    Sequence(quint32 id, quint64 trackUuid, const Proto &descriptor)
        : m_id(id)
    {
        // Incremental state cleared; the defaults (this track, clock 64); clock 64 = BOOTTIME 0.
        Proto first;
        first.u(Field::Timestamp, 0);
        first.u(Field::TimestampClockId, BootTimeClock);
        first.u(Field::SequenceId, m_id);
        first.u(Field::SequenceFlags, IncrementalStateCleared);
        Proto trackDefaults;
        trackDefaults.u(Field::DefaultsTrackUuid, trackUuid);
        Proto defaults;
        defaults.u(Field::DefaultsClockId, SequenceClock);
        defaults.msg(Field::DefaultsTrackEvent, trackDefaults);
        first.msg(Field::Defaults, defaults);
        Proto boot;
        boot.u(Field::ClockId, BootTimeClock);
        boot.u(Field::ClockTimestamp, 0);
        Proto incremental;
        incremental.u(Field::ClockId, SequenceClock);
        incremental.u(Field::ClockTimestamp, 0);
        incremental.u(Field::ClockIncremental, 1);
        Proto snapshot;
        snapshot.msg(Field::SnapshotClock, boot);
        snapshot.msg(Field::SnapshotClock, incremental);
        first.msg(Field::ClockSnapshot, snapshot);
        put(first);

        Proto track;
        track.u(Field::SequenceId, m_id);
        track.msg(Field::TrackDescriptor, descriptor);
        put(track);
    }

    qint64 lastNs() const { return m_lastNs; }
    bool hasEvents() const { return m_events > 0; }

    void begin(
        qint64 atNs, const QString &name, const char *category, const std::vector<Annotation> &args = {})
    {
        event(atNs, SliceBegin, &name, category, args);
    }
    void end(qint64 atNs, const std::vector<Annotation> &args = {})
    {
        event(atNs, SliceEnd, nullptr, nullptr, args);
    }
    void instant(qint64 atNs, const QString &name) { event(atNs, Instant, &name, nullptr, {}); }
    void counter(qint64 atNs, qint64 value)
    {
        Proto e;
        e.u(Field::EventType, Counter);
        e.i(Field::EventCounterValue, value);
        packet(atNs, e, Proto());
    }
    void counter(qint64 atNs, double value)
    {
        Proto e;
        e.u(Field::EventType, Counter);
        e.d(Field::EventDoubleCounterValue, value);
        packet(atNs, e, Proto());
    }

    QByteArray take() { return std::move(m_out); }

private:
    void put(const Proto &packet)
    {
        // Trace.packet, appended as it is written.
        Proto wrapper;
        wrapper.msg(Field::TracePacket, packet);
        m_out.append(wrapper.data());
    }

    static quint64 intern(QHash<QString, quint64> &table, const QString &value, int field, Proto &interned)
    {
        auto it = table.constFind(value);
        if (it != table.constEnd())
            return *it;
        const quint64 iid = quint64(table.size()) + 1;
        table.insert(value, iid);
        Proto entry;
        entry.u(Field::InternedIid, iid);
        entry.str(Field::InternedName, value);
        interned.msg(field, entry);
        return iid;
    }

    void event(qint64 atNs, EventType type, const QString *name, const char *category,
        const std::vector<Annotation> &args)
    {
        Proto interned;
        Proto e;
        e.u(Field::EventType, type);
        if (category)
            e.u(Field::EventCategoryIids,
                intern(m_categories, QLatin1String(category), Field::InternedCategories, interned));
        if (name)
            e.u(Field::EventNameIid, intern(m_names, *name, Field::InternedNames, interned));
        for (const Annotation &a : args) {
            Proto d;
            d.u(Field::AnnotationNameIid,
                intern(m_annotationNames, QLatin1String(a.name), Field::InternedAnnotationNames, interned));
            switch (a.kind) {
            case Annotation::Int:
                d.i(Field::AnnotationInt, a.i);
                break;
            case Annotation::Double:
                d.d(Field::AnnotationDouble, a.d);
                break;
            case Annotation::Bool:
                d.u(Field::AnnotationBool, quint64(a.i));
                break;
            case Annotation::String:
                d.str(Field::AnnotationString, a.s);
                break;
            }
            e.msg(Field::EventAnnotations, d);
        }
        packet(atNs, e, interned);
    }

    void packet(qint64 atNs, const Proto &event, const Proto &interned)
    {
        // Never backwards: a delta is unsigned. Callers give each track's events in time order.
        const qint64 at = std::max(atNs, m_lastNs);
        ++m_events;
        Proto p;
        p.u(Field::Timestamp, quint64(at - m_lastNs));
        m_lastNs = at;
        p.u(Field::SequenceId, m_id);
        if (!interned.isEmpty())
            p.msg(Field::InternedData, interned);
        p.msg(Field::TrackEvent, event);
        put(p);
    }

    quint32 m_id;
    qint64 m_lastNs = 0;
    qint64 m_events = 0;
    QHash<QString, quint64> m_names;
    QHash<QString, quint64> m_categories;
    QHash<QString, quint64> m_annotationNames;
    QByteArray m_out;
};

class Writer
{
public:
    quint64 newUuid() { return m_nextUuid++; }
    Sequence &sequence(quint64 uuid, const Proto &descriptor)
    {
        m_sequences.push_back(std::make_unique<Sequence>(m_nextSequence++, uuid, descriptor));
        return *m_sequences.back();
    }
    // A descriptor on its own (the process track, which holds no events).
    void descriptor(const Proto &descriptor)
    {
        Proto p;
        p.msg(Field::TrackDescriptor, descriptor);
        Proto wrapper;
        wrapper.msg(Field::TracePacket, p);
        m_head.append(wrapper.data());
    }
    QByteArray take()
    {
        QByteArray out = std::move(m_head);
        for (const auto &s : m_sequences)
            out.append(s->take());
        m_sequences.clear();
        return out;
    }

private:
    quint64 m_nextUuid = 1;
    quint32 m_nextSequence = 1;
    QByteArray m_head;
    std::vector<std::unique_ptr<Sequence>> m_sequences;
};

Proto threadDescriptor(quint64 uuid, int pid, int tid, const QString &name)
{
    Proto thread;
    thread.i(Field::ThreadPid, pid);
    thread.i(Field::ThreadTid, tid);
    thread.str(Field::ThreadName, name);
    Proto d;
    d.u(Field::TrackUuid, uuid);
    d.msg(Field::TrackThread, thread);
    return d;
}

Proto childDescriptor(quint64 uuid, quint64 parent, const QString &name, bool counter, bool countUnit = false)
{
    Proto d;
    d.u(Field::TrackUuid, uuid);
    d.u(Field::TrackParent, parent);
    d.str(Field::TrackName, name);
    if (counter) {
        Proto c;
        if (countUnit)
            c.u(Field::CounterUnit, UnitCount);
        d.msg(Field::TrackCounter, c);
    }
    return d;
}

void writeRun(Writer &w, const RunTrace &t, int pid, const QString &label, const SecretScrubber &scrub)
{
    const quint64 processUuid = w.newUuid();
    {
        Proto process;
        process.i(Field::ProcessPid, pid);
        process.str(Field::ProcessName, label);
        Proto d;
        d.u(Field::TrackUuid, processUuid);
        d.msg(Field::TrackProcess, process);
        w.descriptor(d);
    }
    auto counterTrack = [&](const QString &name, bool countUnit) -> Sequence & {
        const quint64 uuid = w.newUuid();
        return w.sequence(uuid, childDescriptor(uuid, processUuid, name, true, countUnit));
    };

    // Requests, in the order they began, each on its engine lane's track when that lane is free by
    // then, else on the first "queued" track that is (a request waits before it gets a lane).
    struct Placed
    {
        const RequestRecord *r;
        qint64 begin;
        qint64 end;
    };
    std::vector<Placed> placed;
    placed.reserve(t.requests.size());
    for (const RequestRecord &r : t.requests) {
        qint64 begin = -1;
        qint64 end = -1;
        if (ChromeTrace::requestSpan(r, &begin, &end))
            placed.push_back({ &r, begin, end });
    }
    std::stable_sort(
        placed.begin(), placed.end(), [](const Placed &a, const Placed &b) { return a.begin < b.begin; });
    std::map<int, Sequence *> laneTracks;
    std::vector<Sequence *> queuedTracks;
    using Free = std::pair<qint64, size_t>; // (last end, index into queuedTracks)
    std::priority_queue<Free, std::vector<Free>, std::greater<>> freeQueued;
    auto requestTrack = [&](const Placed &p) -> Sequence & {
        if (p.r->lane >= 0) {
            auto it = laneTracks.find(p.r->lane);
            if (it == laneTracks.end()) {
                const quint64 uuid = w.newUuid();
                it = laneTracks
                         .emplace(p.r->lane,
                             &w.sequence(uuid,
                                 childDescriptor(
                                     uuid, processUuid, QStringLiteral("lane %1").arg(p.r->lane), false)))
                         .first;
            }
            if (!it->second->hasEvents() || it->second->lastNs() < p.begin)
                return *it->second;
        }
        if (!freeQueued.empty() && freeQueued.top().first < p.begin) {
            const size_t index = freeQueued.top().second;
            freeQueued.pop();
            freeQueued.push({ p.end, index });
            return *queuedTracks[index];
        }
        const quint64 uuid = w.newUuid();
        queuedTracks.push_back(&w.sequence(uuid,
            childDescriptor(
                uuid, processUuid, QStringLiteral("queued %1").arg(queuedTracks.size() + 1), false)));
        freeQueued.push({ p.end, queuedTracks.size() - 1 });
        return *queuedTracks.back();
    };

    Overlap inFlight, queued;
    std::vector<qint64> failures;
    std::map<qint64, qint64> tokenBuckets;
    const QString top = QStringLiteral("request");
    const QString token = QStringLiteral("token");
    for (const Placed &p : placed) {
        const RequestRecord &r = *p.r;
        Sequence &s = requestTrack(p);
        std::vector<Annotation> beginArgs { intArg("req", qint64(r.index)),
            stringArg("id", QString::fromUtf8(r.id)), intArg("lane", r.lane),
            stringArg("model", t.scenario.model) };
        if (r.warmup)
            beginArgs.push_back(boolArg("warmup", true));
        if (r.intendedNs >= 0)
            beginArgs.push_back(doubleArg("intended_start_us", double(r.intendedNs) / 1000.0));
        if (r.promptTokens >= 0)
            beginArgs.push_back(intArg("prompt_tokens", r.promptTokens));
        std::vector<Annotation> endArgs { intArg("status", r.httpStatus),
            stringArg("outcome", outcomeName(r.outcome)), intArg("retries", r.retries) };
        if (r.outputTokens >= 0)
            endArgs.push_back(intArg("completion_tokens", r.outputTokens));
        if (r.error != ErrorKind::None) {
            endArgs.push_back(stringArg("error", errorKindName(r.error, r.httpStatus)));
            endArgs.push_back(stringArg("message", scrub.text(r.errorMessage)));
        }
        std::vector<ChromeTrace::PhaseSlice> phases
            = ChromeTrace::phasesOf(r, p.begin, p.end, t.scenario.stream);
        if (!phases.empty() && r.outcome != Outcome::Success && r.error != ErrorKind::None)
            phases.back().name += QStringLiteral(" (%1: %2)")
                                      .arg(outcomeName(r.outcome), errorKindName(r.error, r.httpStatus));
        s.begin(p.begin, top, "req", beginArgs);
        for (const ChromeTrace::PhaseSlice &ph : phases) {
            s.begin(ph.startNs, ph.name, "req");
            if (ph.name.startsWith(QLatin1String("streaming "))) {
                for (qint64 tok : r.tokenNs)
                    if (tok >= ph.startNs && tok < ph.endNs)
                        s.instant(tok, token);
            }
            s.end(ph.endNs);
        }
        s.end(p.end, endArgs);

        if (r.dispatchNs >= 0)
            inFlight.add(r.dispatchNs, r.endNs);
        if (r.intendedNs >= 0)
            queued.add(r.intendedNs, r.dispatchNs >= 0 ? r.dispatchNs : r.endNs);
        if (r.outcome == Outcome::Failed && r.endNs >= 0)
            failures.push_back(r.endNs);
        for (qint64 tok : r.tokenNs)
            ++tokenBuckets[tok >= 0 ? tok / TokenBucketNs : 0];
    }

    // The event loop: slices must nest on a thread, so a span starting before the previous one
    // ended is clipped to start where it ended (as in the JSON trace).
    {
        const quint64 uuid = w.newUuid();
        Sequence &loop
            = w.sequence(uuid, threadDescriptor(uuid, pid, LoopTid, QStringLiteral("event loop (cashier)")));
        std::vector<Span> busy = t.loopBusy;
        std::sort(
            busy.begin(), busy.end(), [](const Span &a, const Span &b) { return a.startNs < b.startNs; });
        qint64 lastEnd = std::numeric_limits<qint64>::min();
        const QString busyName = QStringLiteral("loop busy");
        const QString blockedName = QStringLiteral("loop blocked");
        for (const Span &span : busy) {
            const qint64 start = std::max(span.startNs, lastEnd);
            if (span.endNs <= start)
                continue;
            loop.begin(start, span.endNs - start >= BlockedLoopNs ? blockedName : busyName, "cpu");
            loop.end(span.endNs);
            lastEnd = span.endNs;
        }
    }

    // Worker lanes, clipped the same way per lane.
    const std::vector<const TaskRecord *> tasks = ChromeTrace::drawableTasksByLane(t);
    std::vector<Sequence *> workers(t.taskLanes.size(), nullptr);
    for (size_t lane = 0; lane < t.taskLanes.size(); ++lane) {
        const quint64 uuid = w.newUuid();
        workers[lane] = &w.sequence(uuid,
            threadDescriptor(uuid, pid, WorkerTidBase + int(lane), LaneNames::english(t.taskLanes[lane])));
    }
    int lane = -1;
    qint64 lastEnd = std::numeric_limits<qint64>::min();
    for (const TaskRecord *task : tasks) {
        if (task->lane != lane) {
            lane = task->lane;
            lastEnd = std::numeric_limits<qint64>::min();
        }
        const qint64 start = std::max(task->startNs, lastEnd);
        if (task->endNs <= start)
            continue;
        const QString req = task->request >= 0 ? QStringLiteral(" #%1").arg(task->request) : QString();
        std::vector<Annotation> args { intArg("request", task->request) };
        if (task->queuedNs >= 0)
            args.push_back(doubleArg("waited_us", double(start - task->queuedNs) / 1000.0));
        Sequence &s = *workers[size_t(lane)];
        if (task->kind == TaskKind::HeldWaiting)
            s.begin(start, QStringLiteral("blocked: waiting for server") + req, "phase", args);
        else
            s.begin(start, QStringLiteral("cpu work") + req, "cpu", args);
        s.end(task->endNs);
        lastEnd = task->endNs;
    }

    // Counters, as the JSON trace's.
    auto steps = [&](const QString &name, const Overlap &intervals) {
        Sequence &c = counterTrack(name, true);
        c.counter(0, qint64(0));
        for (const auto &[at, value] : intervals.steps())
            c.counter(at, qint64(value));
    };
    steps(QStringLiteral("in_flight"), inFlight);
    steps(QStringLiteral("queued"), queued);
    if (!tokenBuckets.empty()) {
        Sequence &c = counterTrack(QStringLiteral("tokens_per_s"), false);
        qint64 previous = -2;
        for (const auto &[bucket, count] : tokenBuckets) {
            if (bucket != previous + 1 && previous >= -1)
                c.counter((previous + 1) * TokenBucketNs, qint64(0));
            c.counter(bucket * TokenBucketNs, count * (1'000'000'000 / TokenBucketNs));
            previous = bucket;
        }
        c.counter((previous + 1) * TokenBucketNs, qint64(0));
    }
    {
        std::sort(failures.begin(), failures.end());
        Sequence &c = counterTrack(QStringLiteral("errors"), true);
        c.counter(0, qint64(0));
        for (size_t i = 0; i < failures.size(); ++i)
            if (i + 1 == failures.size() || failures[i + 1] != failures[i])
                c.counter(failures[i], qint64(i) + 1);
    }
    if (!t.loopLag.empty()) {
        std::vector<LagSample> lag = t.loopLag;
        std::stable_sort(
            lag.begin(), lag.end(), [](const LagSample &a, const LagSample &b) { return a.atNs < b.atNs; });
        Sequence &c = counterTrack(QStringLiteral("loop_lag_ms"), false);
        for (const LagSample &s : lag)
            c.counter(s.atNs, double(s.lagNs) / 1e6);
    }
    for (const ServerCounterTrack &track : serverCounterTracks(t.serverMetrics)) { // servermetricstracks.h
        Sequence &c = counterTrack(QString::fromUtf8(track.name), false);
        for (const auto &[at, value] : track.points)
            c.counter(at, value);
    }
}

} // namespace

bool wantsProtobuf(const QString &path)
{
    return path.endsWith(QLatin1String(".pftrace"), Qt::CaseInsensitive);
}

QByteArray toBytes(const QList<ChromeTrace::Run> &runs)
{
    Writer w;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunTrace &t = *runs.at(i).trace;
        const SecretScrubber scrub(t.scenario.apiKeyEnv);
        QString label = runs.at(i).label.isEmpty() ? ChromeTrace::processLabel(t) : runs.at(i).label;
        if (runs.size() > 1 && runs.at(i).label.isEmpty())
            label = QString(QChar(char16_t(u'A' + i % 26))) + QStringLiteral(") ") + label;
        writeRun(w, t, int(i) + 1, scrub.text(label), scrub);
    }
    return w.take();
}

QByteArray toBytes(const RunTrace &trace)
{
    return PerfettoTrace::toBytes(QList<ChromeTrace::Run> { ChromeTrace::Run { &trace, QString() } });
}

bool write(const QString &path, const QList<ChromeTrace::Run> &runs, QString *error)
{
    return writeFileAtomically(path, PerfettoTrace::toBytes(runs), error);
}

bool write(const QString &path, const RunTrace &trace, QString *error)
{
    return writeFileAtomically(path, PerfettoTrace::toBytes(trace), error);
}

} // namespace PerfettoTrace
} // namespace BurgerBench
