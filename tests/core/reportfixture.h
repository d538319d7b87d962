#pragma once

// Hand-built run traces for the report tests (tst_jsonreport, tst_csvreport, tst_chrometrace,
// tst_htmlreport, tst_compare, tst_merge, tst_secretscrub). Header-only so each test stays one
// translation unit and links only bb_report.

#include "trace/runtrace.h"

#include <QTest>
#include <QTimeZone>

#include <random>

namespace BurgerBench::Fixture {

constexpr qint64 Ms = 1'000'000;

// One successful streamed request: dispatched at `dispatch`, first token after `ttft`, then
// `tokens - 1` more every `gap` (+ a deterministic jitter), all in ns.
inline RequestRecord success(
    quint32 index, qint64 dispatch, qint64 ttft, int tokens, qint64 gap, int lane, qint64 jitter = 0)
{
    RequestRecord r;
    r.index = index;
    r.id = "bb-" + QByteArray::number(index);
    r.lane = lane;
    r.intendedNs = dispatch - (index % 3) * 250'000;
    r.dispatchNs = dispatch;
    r.sentNs = dispatch + 150'000;
    r.headersNs = dispatch + ttft / 2;
    r.firstByteNs = r.headersNs + 10'000;
    qint64 t = dispatch + ttft;
    for (int i = 0; i < tokens; ++i) {
        r.tokenNs.push_back(t);
        t += gap + ((i * 7919 + qint64(index) * 104729) % 5) * jitter;
    }
    r.endNs = r.tokenNs.back() + 120'000;
    r.httpStatus = 200;
    r.outcome = Outcome::Success;
    r.promptTokens = 32 + int(index % 5);
    r.outputTokens = tokens;
    r.outputTokensFromUsage = true;
    r.text = QStringLiteral("burger %1 with cheese").arg(index);
    return r;
}

// A small but varied run: successes on `lanes` lanes, one 429 that was retried, one reset,
// an incomplete request, a warm-up request, loop spans, lag samples and worker tasks.
inline RunTrace sampleTrace(int successes = 12, qint64 shift = 0, quint32 seed = 1)
{
    RunTrace t;
    t.scenario.name = QStringLiteral("fixture");
    t.scenario.requests = successes + 3;
    t.scenario.concurrency = 4;
    t.scenario.percentiles = { 50, 90, 95, 99, 99.9 };
    t.targetUrl = QStringLiteral("http://127.0.0.1:8000/v1/chat/completions");
    t.startedAt = QDateTime(QDate(2026, 11, 22), QTime(10, 30, 15, 250), QTimeZone::utc());
    t.cpuCount = 8;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<qint64> ttftJitter(0, 40 * Ms);

    RequestRecord warm = success(0, shift + 0, 150 * Ms, 4, 20 * Ms, 0);
    warm.warmup = true;
    t.requests.push_back(warm);
    t.measuredStartNs = shift + 300 * Ms;
    qint64 end = 0;
    for (int i = 0; i < successes; ++i) {
        const quint32 index = quint32(t.requests.size());
        const qint64 dispatch = shift + 300 * Ms + (i / 4) * 900 * Ms + (i % 4) * 3 * Ms;
        RequestRecord r
            = success(index, dispatch, 180 * Ms + ttftJitter(rng), 8 + i % 5, 20 * Ms, i % 4, 1 * Ms);
        end = std::max(end, r.endNs);
        t.requests.push_back(r);
    }
    {
        RequestRecord r;
        r.index = quint32(t.requests.size());
        r.id = "bb-429";
        r.lane = 1;
        r.intendedNs = shift + 310 * Ms;
        r.dispatchNs = shift + 700 * Ms;
        r.sentNs = r.dispatchNs + 100'000;
        r.headersNs = r.dispatchNs + 5 * Ms;
        r.firstByteNs = r.headersNs;
        r.endNs = r.dispatchNs + 6 * Ms;
        r.httpStatus = 429;
        r.outcome = Outcome::Failed;
        r.error = ErrorKind::Http;
        r.errorMessage = QStringLiteral("Too Many Requests, \"slow down\"\nretry after 1 s");
        r.retries = 1;
        r.attempts.push_back(AttemptRecord {
            shift + 320 * Ms, shift + 330 * Ms, 429, ErrorKind::Http, QStringLiteral("first attempt: 429") });
        r.promptTokens = 32;
        t.requests.push_back(r);
        end = std::max(end, r.endNs);
    }
    {
        RequestRecord r = success(quint32(t.requests.size()), shift + 800 * Ms, 190 * Ms, 3, 20 * Ms, 2);
        r.id = "bb-reset";
        r.outcome = Outcome::Failed;
        r.error = ErrorKind::ConnectionReset;
        r.errorMessage = QStringLiteral("Connection closed, by peer");
        r.outputTokens = 3;
        r.outputTokensFromUsage = false;
        t.requests.push_back(r);
        end = std::max(end, r.endNs);
    }
    {
        RequestRecord r = success(quint32(t.requests.size()), shift + 900 * Ms, 200 * Ms, 2, 20 * Ms, 3);
        r.id = "bb-cut";
        r.outcome = Outcome::Incomplete;
        r.error = ErrorKind::RunEnded;
        r.httpStatus = 200;
        // Cut off at the run's end, after its tokens (a report's reader refuses a token time
        // outside [dispatch, end]; with few successes the run would otherwise end before them).
        end = std::max(end, r.tokenNs.back() + 1 * Ms);
        r.endNs = end;
        r.outputTokens = 2;
        r.outputTokensFromUsage = false;
        t.requests.push_back(r);
    }
    t.endNs = end;
    for (qint64 at = 0; at < end - shift; at += 50 * Ms) {
        t.loopBusy.push_back(Span { shift + at, shift + at + 200'000 + (at / Ms % 7) * 10'000 });
        t.loopLag.push_back(LagSample { shift + at + 1 * Ms, 30'000 + (at / Ms % 11) * 1000 });
    }
    t.taskLanes = { TaskLane { LaneKind::Worker, 1, 0 }, TaskLane { LaneKind::Worker, 2, 0 } };
    for (int i = 0; i < 6; ++i) {
        TaskRecord task;
        task.request = 1 + i;
        task.lane = i % 2;
        task.kind = i % 2 ? TaskKind::HeldWaiting : TaskKind::CpuWork;
        task.queuedNs = shift + 400 * Ms + i * 100 * Ms;
        task.startNs = task.queuedNs + 1 * Ms;
        task.endNs = task.startNs + 40 * Ms;
        if (task.kind == TaskKind::CpuWork)
            task.cpuNs = 30 * Ms + i; // the thread got 3/4 of its wall span as CPU
        t.tasks.push_back(task);
    }
    return t;
}

// Field-by-field equality with a message naming the first difference (RunTrace has no ==).
inline QString firstDifference(const RunTrace &a, const RunTrace &b)
{
#define BB_DIFF(expr, what)                                                                                  \
    if (!(expr))                                                                                             \
        return QStringLiteral(what);
    BB_DIFF(a.scenario.toJson() == b.scenario.toJson(), "scenario")
    BB_DIFF(a.targetUrl == b.targetUrl, "targetUrl")
    BB_DIFF(a.definitions == b.definitions, "definitions")
    BB_DIFF(a.startedAt == b.startedAt, "startedAt")
    BB_DIFF(a.measuredStartNs == b.measuredStartNs, "measuredStartNs")
    BB_DIFF(a.endNs == b.endNs, "endNs")
    BB_DIFF(a.cancelled == b.cancelled, "cancelled")
    BB_DIFF(a.abortReason == b.abortReason, "abortReason")
    BB_DIFF(a.cpuCount == b.cpuCount, "cpuCount")
    BB_DIFF(a.requests.size() == b.requests.size(), "requests.size")
    for (size_t i = 0; i < a.requests.size(); ++i) {
        const RequestRecord &x = a.requests[i];
        const RequestRecord &y = b.requests[i];
        const QString at = QStringLiteral("requests[%1].").arg(i);
#define BB_RDIFF(field)                                                                                      \
    do {                                                                                                     \
        if (!(x.field == y.field))                                                                           \
            return at + QStringLiteral(#field);                                                              \
    } while (false)
        BB_RDIFF(index);
        BB_RDIFF(id);
        BB_RDIFF(warmup);
        BB_RDIFF(lane);
        BB_RDIFF(intendedNs);
        BB_RDIFF(dispatchNs);
        BB_RDIFF(sentNs);
        BB_RDIFF(headersNs);
        BB_RDIFF(firstByteNs);
        BB_RDIFF(endNs);
        BB_RDIFF(tokenNs);
        BB_RDIFF(httpStatus);
        BB_RDIFF(outcome);
        BB_RDIFF(error);
        BB_RDIFF(errorMessage);
        BB_RDIFF(promptTokens);
        BB_RDIFF(outputTokens);
        BB_RDIFF(outputTokensFromUsage);
        BB_RDIFF(retries);
        BB_RDIFF(text);
        BB_RDIFF(attempts.size());
        for (size_t k = 0; k < x.attempts.size(); ++k) {
            BB_RDIFF(attempts[k].startNs);
            BB_RDIFF(attempts[k].endNs);
            BB_RDIFF(attempts[k].httpStatus);
            BB_RDIFF(attempts[k].error);
            BB_RDIFF(attempts[k].message);
        }
#undef BB_RDIFF
    }
    BB_DIFF(a.loopBusy.size() == b.loopBusy.size(), "loopBusy.size")
    for (size_t i = 0; i < a.loopBusy.size(); ++i)
        BB_DIFF(a.loopBusy[i].startNs == b.loopBusy[i].startNs && a.loopBusy[i].endNs == b.loopBusy[i].endNs,
            "loopBusy")
    BB_DIFF(a.loopLag.size() == b.loopLag.size(), "loopLag.size")
    for (size_t i = 0; i < a.loopLag.size(); ++i)
        BB_DIFF(a.loopLag[i].atNs == b.loopLag[i].atNs && a.loopLag[i].lagNs == b.loopLag[i].lagNs, "loopLag")
    BB_DIFF(a.taskLanes == b.taskLanes, "taskLanes")
    BB_DIFF(a.tasks.size() == b.tasks.size(), "tasks.size")
    for (size_t i = 0; i < a.tasks.size(); ++i) {
        const TaskRecord &x = a.tasks[i];
        const TaskRecord &y = b.tasks[i];
        BB_DIFF(x.request == y.request && x.lane == y.lane && x.kind == y.kind && x.queuedNs == y.queuedNs
                && x.startNs == y.startNs && x.endNs == y.endNs && x.cpuNs == y.cpuNs,
            "tasks")
    }
#undef BB_DIFF
    return QString();
}

} // namespace BurgerBench::Fixture
