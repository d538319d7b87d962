#include "metrics/summary.h"

#include "metrics/requestmetrics.h"
#include "trace/overlap.h"
#include "trace/runtrace.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <unordered_map>
#include <utility>

namespace BurgerBench {

namespace {

using RequestMetrics::toMs;

constexpr double NsPerS = 1e9;
constexpr qint64 BucketNs = 1'000'000'000;

// floor(a / b) for b > 0 (C++ division truncates toward zero).
qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && (a < 0))
        --q;
    return q;
}

// Peak requests in flight over [dispatch, end), ends before starts at ties (trace/overlap.h). A
// request with no end yet (still in flight when the summary is taken) stays open.
int peakConcurrency(const std::vector<const RequestRecord *> &sent)
{
    Overlap inFlight;
    for (const RequestRecord *r : sent)
        inFlight.add(r->dispatchNs, r->endNs);
    return inFlight.peak();
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
    s.client = measureClientSaturation(trace);
    s.clientLimit
        = clientVerdict(s.client, trace.scenario.transport == Transport::Socket, cpuWorkOnLoop(trace));

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

    std::vector<double> ttft, tpot, e2el, queueMs, ttfb, scheduleLatency;
    std::vector<double> firstContent;
    // Per success, for goodput: TTFT (or E2EL when there is none), TPOT (-1 = none), E2EL.
    struct Good
    {
        double ttftMs;
        double tpotMs;
        double e2elMs;
    };
    std::vector<Good> good;
    // The gaps are the one sample as large as the token events: never held, but visited from the
    // token times of these requests (Statistics::describeNs).
    std::vector<const RequestRecord *> itlRequests;

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
        if (const qint64 queue = RequestMetrics::queueNs(*r); queue >= 0)
            queueMs.push_back(toMs(queue));

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
        if (r->stoppedEarly())
            ++s.stoppedEarly;
        if (RequestMetrics::tokenCountMismatch(*r, trace.scenario.stream))
            ++s.tokenCountMismatch;
        s.reasoningEvents += r->reasoningEvents;
        if (r->reasoningTokens >= 0)
            s.reasoningTokens = std::max<qint64>(s.reasoningTokens, 0) + r->reasoningTokens;
        if (!RequestMetrics::countsInLatencies(*r))
            continue; // no start to measure from (a broken trace); counted, not timed

        if (const qint64 v = RequestMetrics::ttfbNs(*r); v >= 0)
            ttfb.push_back(toMs(v));
        if (const qint64 v = RequestMetrics::scheduleLatencyNs(*r); v >= 0)
            scheduleLatency.push_back(toMs(v));

        const bool stream = trace.scenario.stream;
        const qint64 ttftNs = RequestMetrics::ttftNs(*r, stream);
        const qint64 e2elNs = RequestMetrics::e2elNs(*r, stream);
        Good g { -1, -1, -1 };
        if (e2elNs >= 0) {
            g.e2elMs = toMs(e2elNs);
            e2el.push_back(g.e2elMs);
        }
        if (ttftNs >= 0) {
            g.ttftMs = toMs(ttftNs);
            ttft.push_back(g.ttftMs);
        } else if (!stream) {
            // Non-streaming: no TTFT (METRICS.md item 6), but for the TTFT SLO the first token
            // reached the user with the whole body.
            g.ttftMs = g.e2elMs;
        }
        if (const qint64 v = RequestMetrics::firstContentNs(*r, stream); v >= 0)
            firstContent.push_back(toMs(v));
        if (stream && r->tokenNs.size() > 1)
            itlRequests.push_back(r);
        if (const double tpotMs = RequestMetrics::tpotMs(*r, stream); !std::isnan(tpotMs)) {
            g.tpotMs = tpotMs;
            tpot.push_back(tpotMs);
        }
        // (A streamed "success" without token events has neither TTFT nor E2EL: the engine fails
        // it as no_tokens, so only a hand-made or very old trace holds one.)
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

    if (slo.any())
        s.goodput = 0; // an SLO was given: a run with no duration met it at rate 0
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
    s.itl = Statistics::describeNs(
        [&itlRequests](const std::function<void(qint64)> &visit) {
            for (const RequestRecord *r : itlRequests) {
                bool first = true;
                qint64 previous = 0;
                for (qint64 t : r->tokenNs) {
                    if (!first)
                        visit(t - previous);
                    first = false;
                    previous = t;
                }
            }
        },
        ranks);
    s.e2el = Statistics::describe(std::move(e2el), ranks);
    s.queue = Statistics::describe(std::move(queueMs), ranks);
    s.ttfb = Statistics::describe(std::move(ttfb), ranks);
    s.scheduleLatency = Statistics::describe(std::move(scheduleLatency), ranks);
    s.firstContent = Statistics::describe(std::move(firstContent), ranks);

    // Multi-turn runs: the same TTFT and E2EL, by turn index.
    int turns = 0;
    for (const RequestRecord *r : sent)
        turns = std::max(turns, r->turn + 1);
    if (turns > 0) {
        QList<double> turnRanks = ranks;
        for (double rank : { 50.0, 99.0 }) {
            if (!turnRanks.contains(rank))
                turnRanks.append(rank);
        }
        const size_t n = size_t(turns);
        std::vector<std::vector<double>> ttftByTurn(n), e2elByTurn(n);
        s.perTurn.resize(n);
        const bool stream = trace.scenario.stream;
        for (const RequestRecord *r : sent) {
            if (r->turn < 0)
                continue;
            TurnSummary &t = s.perTurn[size_t(r->turn)];
            ++t.sent;
            if (r->outcome != Outcome::Success)
                continue;
            ++t.completed;
            if (!RequestMetrics::countsInLatencies(*r))
                continue;
            if (const qint64 v = RequestMetrics::ttftNs(*r, stream); v >= 0)
                ttftByTurn[size_t(r->turn)].push_back(toMs(v));
            if (const qint64 v = RequestMetrics::e2elNs(*r, stream); v >= 0)
                e2elByTurn[size_t(r->turn)].push_back(toMs(v));
        }
        for (size_t i = 0; i < s.perTurn.size(); ++i) {
            s.perTurn[i].turn = int(i);
            s.perTurn[i].ttft = Statistics::describe(std::move(ttftByTurn[i]), turnRanks);
            s.perTurn[i].e2el = Statistics::describe(std::move(e2elByTurn[i]), turnRanks);
        }
    }
    return s;
}

} // namespace BurgerBench
