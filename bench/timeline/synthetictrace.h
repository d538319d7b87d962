#pragma once

#include "trace/runtrace.h"

#include <QRandomGenerator>

#include <algorithm>

namespace BurgerBench {

// A deterministic fake run for benchmarks and pictures: `requests` requests over `concurrency`
// slots (closed loop, all eligible at 0, or open loop at `rate` requests/s), each with a TTFT and
// `tokens` token events; one event-loop busy span per token; optional CPU tasks on workers.
struct SyntheticTraceSpec
{
    int requests = 100;
    int concurrency = 8;
    int tokens = 16;
    double rate = 0; // requests/s; 0 = all eligible at time 0
    double ttftMs = 100;
    double tokenIntervalMs = 10;
    double jitterMs = 2;
    int workers = 0; // worker lanes with one CPU task per request
    double cpuMs = 5;
    double failureRate = 0;
    quint32 seed = 7;
};

inline RunTrace makeSyntheticTrace(const SyntheticTraceSpec &spec)
{
    RunTrace trace;
    trace.scenario.name = QStringLiteral("synthetic");
    trace.scenario.concurrency = spec.concurrency;
    trace.scenario.requests = spec.requests;
    QRandomGenerator rng(spec.seed);
    const auto ms = [](double v) { return qint64(v * 1e6); };
    const auto jitter
        = [&]() { return spec.jitterMs > 0 ? ms(spec.jitterMs * (rng.generateDouble() * 2 - 1)) : 0; };

    std::vector<qint64> slotFree(size_t(std::max(1, spec.concurrency)), 0);
    std::vector<qint64> workerFree(size_t(std::max(0, spec.workers)), 0);
    trace.requests.resize(size_t(spec.requests));
    std::vector<Span> busy;
    for (int i = 0; i < spec.requests; ++i) {
        RequestRecord &r = trace.requests[size_t(i)];
        r.index = quint32(i);
        r.id = QByteArray::number(i);
        r.intendedNs = spec.rate > 0 ? qint64(double(i) / spec.rate * 1e9) : 0;
        const auto slot = std::min_element(slotFree.begin(), slotFree.end());
        r.lane = qint32(slot - slotFree.begin());
        r.dispatchNs = std::max(r.intendedNs, *slot);
        r.sentNs = r.dispatchNs + 150'000;
        r.headersNs = r.sentNs + ms(spec.ttftMs) + jitter();
        r.firstByteNs = r.headersNs;
        const bool fails = spec.failureRate > 0 && rng.generateDouble() < spec.failureRate;
        qint64 t = r.headersNs + 50'000;
        const int tokens = fails ? spec.tokens / 3 : spec.tokens;
        r.tokenNs.reserve(size_t(tokens));
        for (int k = 0; k < tokens; ++k) {
            r.tokenNs.push_back(t);
            busy.push_back({ t, t + 20'000 });
            t += std::max<qint64>(100'000, ms(spec.tokenIntervalMs) + jitter());
        }
        r.endNs = (r.tokenNs.empty() ? t : r.tokenNs.back()) + 80'000;
        r.outcome = fails ? Outcome::Failed : Outcome::Success;
        r.error = fails ? ErrorKind::ConnectionReset : ErrorKind::None;
        r.httpStatus = 200;
        r.outputTokens = tokens;
        busy.push_back({ r.dispatchNs, r.dispatchNs + 60'000 });
        *slot = r.endNs;
        if (spec.workers > 0) {
            const auto worker = std::min_element(workerFree.begin(), workerFree.end());
            TaskRecord task;
            task.request = i;
            task.lane = qint32(worker - workerFree.begin());
            task.queuedNs = r.endNs;
            task.startNs = std::max(r.endNs, *worker);
            task.endNs = task.startNs + ms(spec.cpuMs);
            *worker = task.endNs;
            trace.tasks.push_back(task);
        }
    }
    for (int w = 0; w < spec.workers; ++w)
        trace.taskLanes.push_back(TaskLane { LaneKind::Worker, qint32(w + 1), 0 });
    std::sort(busy.begin(), busy.end(), [](const Span &a, const Span &b) { return a.startNs < b.startNs; });
    // The loop's busy spans never overlap: merge the ones that touch.
    for (const Span &s : busy) {
        if (!trace.loopBusy.empty() && s.startNs <= trace.loopBusy.back().endNs)
            trace.loopBusy.back().endNs = std::max(trace.loopBusy.back().endNs, s.endNs);
        else
            trace.loopBusy.push_back(s);
    }
    qint64 end = 0;
    for (const RequestRecord &r : trace.requests)
        end = std::max(end, r.endNs);
    for (qint64 t = 0; t < end; t += 10'000'000)
        trace.loopLag.push_back({ t, qint64(rng.bounded(300'000)) });
    trace.measuredStartNs = 0;
    trace.endNs = end;
    return trace;
}

// How many drawable spans a trace holds: request phases, token ticks, loop spans and tasks.
inline qint64 spanCount(const RunTrace &trace)
{
    qint64 n = qint64(trace.loopBusy.size()) + qint64(trace.tasks.size());
    for (const RequestRecord &r : trace.requests)
        n += 4 + qint64(r.tokenNs.size());
    return n;
}

} // namespace BurgerBench
