#include "report/chrometrace.h"

#include "report/atomicfile.h"
#include "report/secretscrub.h"
#include "report/servermetricstracks.h"
#include "report/timeformat.h"
#include "trace/lanenames.h"
#include "trace/shownnumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace BurgerBench {
namespace ChromeTrace {

namespace {

constexpr int LoopTid = 1;
constexpr int WorkerTidBase = 100;
constexpr qint64 TokenBucketNs = 100'000'000; // tokens_per_s sampled every 100 ms
constexpr qint64 BlockedLoopNs = 16'000'000; // a loop stretch this long missed a 60 Hz frame

QByteArray str(const QString &s)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray { s }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray obj(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray ts(qint64 ns)
{
    return TimeFormat::nsAsUsBytes(ns);
}

// Accumulates events, one per line, so a diff of two traces reads well.
class Writer
{
public:
    void raw(const QByteArray &event)
    {
        m_out += m_first ? "\n" : ",\n";
        m_out += event;
        m_first = false;
    }
    void meta(int pid, int tid, const char *name, const QJsonObject &args)
    {
        QByteArray e = "{\"ph\":\"M\",\"pid\":" + QByteArray::number(pid);
        if (tid >= 0)
            e += ",\"tid\":" + QByteArray::number(tid);
        e += ",\"name\":\"" + QByteArray(name) + "\",\"args\":" + obj(args) + '}';
        raw(e);
    }
    void async(char ph, int pid, const QByteArray &id, const QString &name, qint64 atNs,
        const QJsonObject &args = {})
    {
        QByteArray e = "{\"ph\":\"" + QByteArray(1, ph) + "\",\"pid\":" + QByteArray::number(pid)
            + ",\"tid\":" + QByteArray::number(LoopTid) + ",\"cat\":\"req\",\"id\":\"" + id
            + "\",\"name\":" + str(name) + ",\"ts\":" + ts(atNs);
        if (!args.isEmpty())
            e += ",\"args\":" + obj(args);
        raw(e + '}');
    }
    void complete(int pid, int tid, const char *cat, const QString &name, qint64 startNs, qint64 endNs,
        const QJsonObject &args = {})
    {
        QByteArray e = "{\"ph\":\"X\",\"pid\":" + QByteArray::number(pid)
            + ",\"tid\":" + QByteArray::number(tid) + ",\"cat\":\"" + QByteArray(cat)
            + "\",\"name\":" + str(name) + ",\"ts\":" + ts(startNs) + ",\"dur\":" + ts(endNs - startNs);
        if (!args.isEmpty())
            e += ",\"args\":" + obj(args);
        raw(e + '}');
    }
    void counter(int pid, const char *name, qint64 atNs, const char *key, const QByteArray &value)
    {
        raw("{\"ph\":\"C\",\"pid\":" + QByteArray::number(pid) + ",\"name\":\"" + QByteArray(name)
            + "\",\"ts\":" + ts(atNs) + ",\"args\":{\"" + QByteArray(key) + "\":" + value + "}}");
    }
    QByteArray take() { return m_out; }

private:
    QByteArray m_out;
    bool m_first = true;
};

// Step-function counter from the sweep's steps (trace/overlap.h): at equal times the edges net
// out before a value is emitted, as the peak-concurrency figure counts them.
void emitSteps(Writer &w, int pid, const char *name, const Overlap &intervals, qint64 origin)
{
    w.counter(pid, name, origin, "requests", "0");
    for (const auto &[at, value] : intervals.steps())
        w.counter(pid, name, at, "requests", QByteArray::number(value));
}

// The server's own /metrics (RunTrace::serverMetrics) as counter tracks beside the client's: the
// kitchen's queue and cooks, its KV cache, its token rate; one per label set, and the total when a
// server reports several (report/servermetricstracks.h).
void emitServerCounters(Writer &w, int pid, const ServerMetricsRecord &m)
{
    for (const ServerCounterTrack &track : serverCounterTracks(m)) {
        for (const auto &[at, value] : track.points)
            w.counter(pid, track.name.constData(), at, track.argKey.constData(),
                QByteArray::number(value, 'g', 10));
    }
}

void writeRun(Writer &w, const RunTrace &t, int pid, const QString &label, const SecretScrubber &scrub)
{
    w.meta(pid, -1, "process_name", { { QStringLiteral("name"), label } });
    w.meta(pid, -1, "process_sort_index", { { QStringLiteral("sort_index"), pid } });
    w.meta(
        pid, LoopTid, "thread_name", { { QStringLiteral("name"), QStringLiteral("event loop (cashier)") } });
    w.meta(pid, LoopTid, "thread_sort_index", { { QStringLiteral("sort_index"), 0 } });
    for (qsizetype lane = 0; lane < qsizetype(t.taskLanes.size()); ++lane) {
        w.meta(pid, WorkerTidBase + int(lane), "thread_name",
            { { QStringLiteral("name"), LaneNames::english(t.taskLanes[size_t(lane)]) } });
        w.meta(pid, WorkerTidBase + int(lane), "thread_sort_index",
            { { QStringLiteral("sort_index"), int(lane) + 1 } });
    }

    // Requests: async slices. The id carries the pid so two runs in one trace never share a
    // track (the (cat, id) key is global in Perfetto).
    Overlap inFlight, queued; // trace/overlap.h
    std::vector<qint64> failures;
    std::map<qint64, qint64> tokenBuckets;
    for (size_t i = 0; i < t.requests.size(); ++i) {
        const RequestRecord &r = t.requests[i];
        qint64 begin = -1;
        qint64 end = -1;
        if (!requestSpan(r, &begin, &end))
            continue; // never became eligible: nothing to draw

        const QByteArray id = "0x" + QByteArray::number((qint64(pid) << 32) | qint64(i + 1), 16);
        QJsonObject beginArgs { { QStringLiteral("req"), qint64(r.index) },
            { QStringLiteral("id"), QString::fromUtf8(r.id) }, { QStringLiteral("lane"), r.lane },
            { QStringLiteral("model"), t.scenario.model } };
        if (r.warmup)
            beginArgs.insert(QStringLiteral("warmup"), true);
        if (r.intendedNs >= 0)
            beginArgs.insert(QStringLiteral("intended_start_us"), double(r.intendedNs) / 1000.0);
        if (r.promptTokens >= 0)
            beginArgs.insert(QStringLiteral("prompt_tokens"), r.promptTokens);
        QJsonObject endArgs { { QStringLiteral("status"), r.httpStatus },
            { QStringLiteral("outcome"), outcomeName(r.outcome) }, { QStringLiteral("retries"), r.retries } };
        if (r.outputTokens >= 0)
            endArgs.insert(QStringLiteral("completion_tokens"), r.outputTokens);
        if (r.error != ErrorKind::None) {
            endArgs.insert(QStringLiteral("error"), errorKindName(r.error, r.httpStatus));
            endArgs.insert(QStringLiteral("message"), scrub.text(r.errorMessage));
        }

        std::vector<PhaseSlice> phases = phasesOf(r, begin, end, t.scenario.stream);
        if (!phases.empty() && r.outcome != Outcome::Success && r.error != ErrorKind::None)
            phases.back().name += QStringLiteral(" (%1: %2)")
                                      .arg(outcomeName(r.outcome), errorKindName(r.error, r.httpStatus));
        const QString top = QStringLiteral("request");
        w.async('b', pid, id, top, begin, beginArgs);
        for (const PhaseSlice &p : phases) {
            w.async('b', pid, id, p.name, p.startNs);
            if (p.name.startsWith(QLatin1String("streaming "))) {
                for (size_t k = 0; k < r.tokenNs.size(); ++k)
                    if (r.tokenNs[k] >= p.startNs && r.tokenNs[k] < p.endNs)
                        w.async('n', pid, id, QStringLiteral("token"), r.tokenNs[k],
                            { { QStringLiteral("i"), qint64(k) } });
            }
            w.async('e', pid, id, p.name, p.endNs);
        }
        w.async('e', pid, id, top, end, endArgs);

        if (r.dispatchNs >= 0)
            inFlight.add(r.dispatchNs, r.endNs);
        if (r.intendedNs >= 0)
            queued.add(r.intendedNs, r.dispatchNs >= 0 ? r.dispatchNs : r.endNs);
        if (r.outcome == Outcome::Failed && r.endNs >= 0)
            failures.push_back(r.endNs);
        for (qint64 tok : r.tokenNs)
            ++tokenBuckets[tok >= 0 ? tok / TokenBucketNs : 0];
    }

    // The event loop: X slices must nest on a thread, so a span starting before the previous
    // one ended (merged runs, nested event loops) is clipped to start where it ended.
    std::vector<Span> busy = t.loopBusy;
    std::sort(busy.begin(), busy.end(), [](const Span &a, const Span &b) { return a.startNs < b.startNs; });
    qint64 lastEnd = std::numeric_limits<qint64>::min();
    for (const Span &s : busy) {
        const qint64 start = std::max(s.startNs, lastEnd);
        if (s.endNs <= start)
            continue;
        const bool blocked = s.endNs - start >= BlockedLoopNs;
        w.complete(pid, LoopTid, "cpu",
            blocked ? QStringLiteral("loop blocked") : QStringLiteral("loop busy"), start, s.endNs);
        lastEnd = s.endNs;
    }

    // Worker lanes, clipped the same way per lane.
    const std::vector<const TaskRecord *> tasks = drawableTasksByLane(t);
    int lane = -1;
    for (const TaskRecord *task : tasks) {
        if (task->lane != lane) {
            lane = task->lane;
            lastEnd = std::numeric_limits<qint64>::min();
        }
        const qint64 start = std::max(task->startNs, lastEnd);
        if (task->endNs <= start)
            continue;
        const QString req = task->request >= 0 ? QStringLiteral(" #%1").arg(task->request) : QString();
        QJsonObject args { { QStringLiteral("request"), task->request } };
        if (task->queuedNs >= 0)
            args.insert(QStringLiteral("waited_us"), double(start - task->queuedNs) / 1000.0);
        if (task->kind == TaskKind::HeldWaiting)
            w.complete(pid, WorkerTidBase + lane, "phase",
                QStringLiteral("blocked: waiting for server") + req, start, task->endNs, args);
        else
            w.complete(
                pid, WorkerTidBase + lane, "cpu", QStringLiteral("cpu work") + req, start, task->endNs, args);
        lastEnd = task->endNs;
    }

    // Counters.
    emitSteps(w, pid, "in_flight", inFlight, 0);
    emitSteps(w, pid, "queued", queued, 0);
    if (!tokenBuckets.empty()) {
        qint64 previous = -2;
        for (const auto &[bucket, count] : tokenBuckets) {
            if (bucket != previous + 1 && previous >= -1)
                w.counter(pid, "tokens_per_s", (previous + 1) * TokenBucketNs, "value", "0");
            w.counter(pid, "tokens_per_s", bucket * TokenBucketNs, "value",
                QByteArray::number(count * (1'000'000'000 / TokenBucketNs)));
            previous = bucket;
        }
        w.counter(pid, "tokens_per_s", (previous + 1) * TokenBucketNs, "value", "0");
    }
    std::sort(failures.begin(), failures.end());
    w.counter(pid, "errors", 0, "count", "0");
    for (size_t i = 0; i < failures.size(); ++i)
        if (i + 1 == failures.size() || failures[i + 1] != failures[i])
            w.counter(pid, "errors", failures[i], "count", QByteArray::number(qint64(i) + 1));
    for (const LagSample &s : t.loopLag)
        w.counter(pid, "loop_lag_ms", s.atNs, "value", TimeFormat::nsAsMs(s.lagNs).toLatin1());
    emitServerCounters(w, pid, t.serverMetrics);
}

} // namespace

// The request's phases in time order, each clamped to start where the previous ended, so they
// nest inside the request slice by construction (TRACE_FORMAT.md 3.3). Empty phases are dropped:
// a b and an e at one timestamp would be sorted e-first and unmatch.
std::vector<PhaseSlice> phasesOf(const RequestRecord &r, qint64 begin, qint64 end, bool stream)
{
    std::vector<PhaseSlice> phases;
    qint64 cursor = begin;
    auto add = [&](const QString &name, qint64 from, qint64 to) {
        from = std::max(from, cursor);
        to = std::min(std::max(to, from), end);
        if (to > from) {
            phases.push_back(PhaseSlice { name, from, to });
            cursor = to;
        }
    };
    for (size_t k = 0; k < r.attempts.size(); ++k) {
        const AttemptRecord &a = r.attempts[k];
        if (a.startNs < 0)
            continue;
        add(k == 0 ? QStringLiteral("queued (client)") : QStringLiteral("backoff"), cursor, a.startNs);
        const QString kind
            = a.error == ErrorKind::None ? QStringLiteral("failed") : errorKindName(a.error, a.httpStatus);
        add(QStringLiteral("attempt %1: %2").arg(shownNumber(qint64(k))).arg(kind), a.startNs,
            a.endNs >= 0 ? a.endNs : a.startNs);
    }
    if (r.dispatchNs < 0) {
        add(QStringLiteral("queued (client)"), cursor, end);
        return phases;
    }
    add(r.attempts.empty() ? QStringLiteral("queued (client)") : QStringLiteral("backoff"), cursor,
        r.dispatchNs);
    qint64 sent = r.sentNs;
    if (sent < 0) {
        // uploadProgress never said so: the first sign of an answer implies the body was out.
        sent = end;
        for (qint64 c : { r.headersNs, r.firstByteNs, r.firstTokenNs() })
            if (c >= r.dispatchNs && c < sent)
                sent = c;
    }
    add(QStringLiteral("connect+send"), r.dispatchNs, sent);
    const qint64 firstToken = r.firstTokenNs();
    if (firstToken >= 0 && stream) {
        add(QStringLiteral("waiting: TTFT"), sent, firstToken);
        const int tokens = r.outputTokens > 0 ? r.outputTokens : int(r.tokenNs.size());
        add(QStringLiteral("streaming %1 tok").arg(tokens), firstToken, end);
    } else if (r.firstByteNs >= sent && r.outcome == Outcome::Success) {
        add(QStringLiteral("waiting: response"), sent, r.firstByteNs);
        add(QStringLiteral("reading body"), r.firstByteNs, end);
    } else {
        add(QStringLiteral("waiting: TTFT"), sent, end);
    }
    return phases;
}

std::vector<const TaskRecord *> drawableTasksByLane(const RunTrace &t)
{
    std::vector<const TaskRecord *> tasks;
    for (const TaskRecord &task : t.tasks)
        if (task.lane >= 0 && size_t(task.lane) < t.taskLanes.size() && task.startNs >= 0
            && task.endNs > task.startNs)
            tasks.push_back(&task);
    std::stable_sort(tasks.begin(), tasks.end(), [](const TaskRecord *a, const TaskRecord *b) {
        return a->lane != b->lane ? a->lane < b->lane : a->startNs < b->startNs;
    });
    return tasks;
}

bool requestSpan(const RequestRecord &r, qint64 *beginOut, qint64 *endOut)
{
    qint64 begin = -1;
    for (qint64 c :
        { r.intendedNs, r.attempts.empty() ? qint64(-1) : r.attempts.front().startNs, r.dispatchNs })
        if (c >= 0 && (begin < 0 || c < begin))
            begin = c;
    if (begin < 0)
        return false;
    qint64 end = std::max({ r.endNs, r.lastTokenNs(), r.dispatchNs, begin });
    for (const AttemptRecord &a : r.attempts)
        end = std::max(end, a.endNs);
    // A token event at the very end would sort after the closing e; a 1 ns nudge keeps it
    // inside its slice (Perfetto orders equal timestamps ends first).
    if (!r.tokenNs.empty() && end <= r.lastTokenNs())
        end = r.lastTokenNs() + 1;
    if (end <= begin)
        end = begin + 1;
    *beginOut = begin;
    *endOut = end;
    return true;
}

QString processLabel(const RunTrace &t)
{
    const Scenario &s = t.scenario;
    switch (s.mode) {
    case ExecutionMode::Sequential:
        return QStringLiteral("sequential: 1 request at a time");
    case ExecutionMode::Concurrent:
        return QStringLiteral("concurrent: 1 event loop, %1 in flight").arg(s.concurrency);
    case ExecutionMode::ParallelBlocking:
        return QStringLiteral("parallel: %1 blocking workers").arg(s.workers);
    case ExecutionMode::ParallelCpu:
        return QStringLiteral("parallel CPU: %1 workers on %2 cores").arg(s.workers).arg(t.cpuCount);
    case ExecutionMode::Mixed:
        return QStringLiteral("both: event loop, %1 in flight + worker pool").arg(s.concurrency);
    case ExecutionMode::AntiPattern:
        return QStringLiteral("anti-pattern: CPU work on the event loop");
    case ExecutionMode::BackgroundJobs:
        return QStringLiteral("background jobs: %1 workers, status polled").arg(s.workers);
    }
    return executionModeName(s.mode);
}

QByteArray toBytes(const QList<Run> &runs)
{
    Writer w;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunTrace &t = *runs.at(i).trace;
        const SecretScrubber scrub(t.scenario.apiKeyEnv);
        QString label = runs.at(i).label.isEmpty() ? processLabel(t) : runs.at(i).label;
        if (runs.size() > 1 && runs.at(i).label.isEmpty())
            label = QString(QChar(char16_t(u'A' + i % 26))) + QStringLiteral(") ") + label;
        writeRun(w, t, int(i) + 1, scrub.text(label), scrub);
    }
    QJsonObject other { { QStringLiteral("tool"), QStringLiteral("BurgerBench " BURGERBENCH_VERSION) },
        { QStringLiteral("ts_unit"), QStringLiteral("us") },
        { QStringLiteral("clock"), QStringLiteral("us from each run's start") } };
    if (runs.size() == 1) {
        const RunTrace &t = *runs.first().trace;
        other.insert(QStringLiteral("mode"), executionModeName(t.scenario.mode));
        other.insert(QStringLiteral("definitions"), t.definitions);
        other.insert(QStringLiteral("target_url"), SecretScrubber(t.scenario.apiKeyEnv).url(t.targetUrl));
        if (t.startedAt.isValid())
            other.insert(QStringLiteral("started_at"), t.startedAt.toUTC().toString(Qt::ISODateWithMs));
    } else {
        other.insert(QStringLiteral("mode"), QStringLiteral("compare"));
    }
    return "{\"displayTimeUnit\":\"ms\",\"otherData\":" + obj(other) + ",\"traceEvents\":[" + w.take()
        + "\n]}\n";
}

QByteArray toBytes(const RunTrace &trace)
{
    return toBytes(QList<Run> { Run { &trace, QString() } });
}

bool write(const QString &path, const QList<Run> &runs, QString *error)
{
    return writeFileAtomically(path, toBytes(runs), error);
}

bool write(const QString &path, const RunTrace &trace, QString *error)
{
    return writeFileAtomically(path, toBytes(trace), error);
}

} // namespace ChromeTrace
} // namespace BurgerBench
