#include "metrics/summary.h"

#include "trace/runtrace.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <utility>

namespace BurgerBench {

namespace {

constexpr double NsPerMs = 1e6;
constexpr double NsPerS = 1e9;
constexpr qint64 BucketNs = 1'000'000'000;

double toMs(qint64 ns)
{
    return static_cast<double>(ns) / NsPerMs;
}

// floor(a / b) for b > 0 (C++ division truncates toward zero).
qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && (a < 0))
        --q;
    return q;
}

// Peak requests in flight: an exact sweep over [dispatch, end). At equal times ends are
// processed before starts, so a request that starts the instant another ends does not overlap
// it. A request with no end yet (still in flight when the summary is taken) stays open.
int peakConcurrency(const std::vector<const RequestRecord *> &sent)
{
    std::vector<std::pair<qint64, int>> edges; // (time, -1 end | +1 start): ends sort first
    edges.reserve(sent.size() * 2);
    for (const RequestRecord *r : sent) {
        edges.emplace_back(r->dispatchNs, +1);
        if (r->endNs >= 0)
            edges.emplace_back(std::max(r->endNs, r->dispatchNs), -1);
    }
    std::sort(edges.begin(), edges.end());
    int current = 0;
    int peak = 0;
    for (const auto &edge : edges) {
        current += edge.second;
        peak = std::max(peak, current);
    }
    return peak;
}

// The busiest 1-second bucket of token events; buckets are aligned at `originNs`.
int peakTokenBucket(const std::vector<const RequestRecord *> &measured, qint64 originNs)
{
    std::unordered_map<qint64, int> buckets;
    int peak = 0;
    for (const RequestRecord *r : measured) {
        for (qint64 t : r->tokenNs) {
            const int n = ++buckets[floorDiv(t - originNs, BucketNs)];
            peak = std::max(peak, n);
        }
    }
    return peak;
}

} // namespace

Summary computeSummary(const RunTrace &trace, const QList<double> &ranks, const Slo &slo)
{
    Summary s;
    s.definitions = trace.definitions;

    std::vector<const RequestRecord *> measured; // not warm-up (METRICS.md item 11)
    std::vector<const RequestRecord *> sent; // measured and dispatched
    measured.reserve(trace.requests.size());
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup)
            continue;
        measured.push_back(&r);
        if (r.dispatchNs >= 0)
            sent.push_back(&r);
    }
    s.sent = int(sent.size());

    std::vector<double> ttft, tpot, itl, e2el, queue, ttfb, scheduleLatency;
    // Per success, for goodput: TTFT (or E2EL when there is none), TPOT (-1 = none), E2EL.
    struct Good
    {
        double ttftMs;
        double tpotMs;
        double e2elMs;
    };
    std::vector<Good> good;

    for (const RequestRecord *r : measured) {
        // Never dispatched and never settled: nothing was sent, so it is not "incomplete" either
        // (the request was not cut off, it never began). Everything else that is not a success
        // or a failure, including requests still in flight, is incomplete.
        if (r->outcome == Outcome::Pending && r->dispatchNs < 0)
            continue;
        if (r->outcome == Outcome::Failed || r->outcome == Outcome::Incomplete
            || r->outcome == Outcome::InFlight || r->outcome == Outcome::Pending) {
            if (r->outcome == Outcome::Failed)
                ++s.failed;
            else
                ++s.incomplete;
            // A request still unsettled at summary time carries no kind yet: the run ended under it.
            const ErrorKind kind
                = (r->error == ErrorKind::None && !r->settled()) ? ErrorKind::RunEnded : r->error;
            ++s.errors[errorKindName(kind, r->httpStatus)];
        }

        // Client queue time is the client's own delay before the request reached the network,
        // so it is shown for every dispatched request whatever became of it.
        if (r->queueNs() >= 0)
            queue.push_back(toMs(r->queueNs()));

        if (r->outcome != Outcome::Success)
            continue;
        // Successes only from here: failures are excluded from every latency statistic and
        // every throughput numerator (METRICS.md item 10).
        ++s.completed;
        if (r->outputTokens >= 0)
            s.totalOutputTokens += r->outputTokens;
        if (r->promptTokens >= 0)
            s.totalPromptTokens += r->promptTokens;
        if (!r->outputTokensFromUsage)
            s.outputTokensFromUsage = false;
        if (r->dispatchNs < 0)
            continue; // no start to measure from (a broken trace); counted, not timed
        const qint64 start = r->dispatchNs;

        if (r->firstByteNs >= 0)
            ttfb.push_back(toMs(r->firstByteNs - start));
        if (r->intendedNs >= 0 && r->endNs >= 0)
            scheduleLatency.push_back(toMs(r->endNs - r->intendedNs));

        Good g { -1, -1, -1 };
        if (trace.scenario.stream && !r->tokenNs.empty()) {
            const qint64 ttftNs = r->tokenNs.front() - start;
            const qint64 e2elNs = r->tokenNs.back() - start;
            g.ttftMs = toMs(ttftNs);
            g.e2elMs = toMs(e2elNs);
            ttft.push_back(g.ttftMs);
            e2el.push_back(g.e2elMs);
            for (std::size_t i = 1; i < r->tokenNs.size(); ++i)
                itl.push_back(toMs(r->tokenNs[i] - r->tokenNs[i - 1]));
            if (r->outputTokens > 1) {
                g.tpotMs = toMs(e2elNs - ttftNs) / double(r->outputTokens - 1);
                tpot.push_back(g.tpotMs);
            }
        } else if (!trace.scenario.stream && r->endNs >= 0) {
            // Non-streaming: the response fully read; no TTFT (METRICS.md item 6). (A streamed
            // "success" without token events cannot happen: the engine fails it as no_tokens.)
            g.e2elMs = toMs(r->endNs - start);
            e2el.push_back(g.e2elMs);
            // For the TTFT SLO the first token reached the user with the whole body.
            g.ttftMs = g.e2elMs;
        }
        good.push_back(g);
    }

    // Duration (METRICS.md item 11); without the run's marks, the measured requests' span.
    qint64 durationNs = -1;
    if (trace.measuredStartNs >= 0 && trace.endNs >= 0) {
        durationNs = trace.endNs - trace.measuredStartNs;
    } else {
        qint64 first = std::numeric_limits<qint64>::max();
        qint64 last = -1;
        for (const RequestRecord *r : sent) {
            first = std::min(first, r->dispatchNs);
            last = std::max(last, r->endNs);
        }
        if (last >= 0 && first <= last)
            durationNs = last - first;
    }
    s.durationS = durationNs > 0 ? double(durationNs) / NsPerS : 0;

    if (s.durationS > 0) {
        s.requestThroughput = s.completed / s.durationS;
        s.outputThroughput = double(s.totalOutputTokens) / s.durationS;
        s.totalTokenThroughput = double(s.totalPromptTokens + s.totalOutputTokens) / s.durationS;
        if (slo.any()) {
            int goodCount = 0;
            for (const Good &g : good) {
                // A request without TPOT (one output token) meets the TPOT SLO; a value equal
                // to the SLO meets it (vLLM's `slo >= value`).
                const bool ttftOk = slo.ttftMs <= 0 || (g.ttftMs >= 0 && g.ttftMs <= slo.ttftMs);
                const bool tpotOk = slo.tpotMs <= 0 || g.tpotMs < 0 || g.tpotMs <= slo.tpotMs;
                const bool e2elOk = slo.e2elMs <= 0 || (g.e2elMs >= 0 && g.e2elMs <= slo.e2elMs);
                if (ttftOk && tpotOk && e2elOk)
                    ++goodCount;
            }
            s.goodput = goodCount / s.durationS;
        }
    }

    s.peakConcurrency = peakConcurrency(sent);
    qint64 origin = trace.measuredStartNs;
    if (origin < 0) {
        for (const RequestRecord *r : sent)
            origin = origin < 0 ? r->dispatchNs : std::min(origin, r->dispatchNs);
    }
    s.peakTokensPerS = origin >= 0 ? peakTokenBucket(measured, origin) : 0;

    s.ttft = Statistics::describe(std::move(ttft), ranks);
    s.tpot = Statistics::describe(std::move(tpot), ranks);
    s.itl = Statistics::describe(std::move(itl), ranks);
    s.e2el = Statistics::describe(std::move(e2el), ranks);
    s.queue = Statistics::describe(std::move(queue), ranks);
    s.ttfb = Statistics::describe(std::move(ttfb), ranks);
    s.scheduleLatency = Statistics::describe(std::move(scheduleLatency), ranks);
    return s;
}

} // namespace BurgerBench
