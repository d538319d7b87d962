#include "gui/livestatistics.h"

#include "metrics/requestmetrics.h"
#include "metrics/summary.h"
#include "trace/overlap.h"
#include "trace/runtrace.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace BurgerBench {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
} // namespace

LatencyFigures::LatencyFigures()
{
    std::fill(std::begin(p50), std::end(p50), nan);
    std::fill(std::begin(p99), std::end(p99), nan);
}

LatencyFigures LatencyFigures::fromSummary(const Summary &s)
{
    LatencyFigures f;
    const Distribution *d[LatencyMetricCount] = { &s.ttft, &s.itl, &s.e2el, &s.queue };
    for (int i = 0; i < LatencyMetricCount; ++i) {
        if (d[i]->count == 0)
            continue;
        const double p50 = d[i]->percentile(50);
        f.p50[i] = std::isnan(p50) ? d[i]->median : p50;
        f.p99[i] = d[i]->percentile(99);
    }
    f.samples = s.e2el.count;
    f.final = true;
    return f;
}

void LiveStatistics::reset()
{
    m_counted.clear();
    m_ttft.clear();
    m_itl.clear();
    m_e2el.clear();
    m_queue.clear();
}

void LiveStatistics::update(const RunTrace &trace, const std::vector<int> &changed)
{
    if (m_counted.size() < trace.requests.size())
        m_counted.resize(trace.requests.size(), 0);
    for (int index : changed) {
        if (index < 0 || size_t(index) >= trace.requests.size() || m_counted[size_t(index)])
            continue;
        const RequestRecord &r = trace.requests[size_t(index)];
        if (!r.settled())
            continue;
        m_counted[size_t(index)] = 1;
        // Client queue time for every dispatched measured request, whatever became of it, as the
        // summary counts it.
        if (!r.warmup) {
            if (const qint64 queue = RequestMetrics::queueNs(r); queue >= 0)
                m_queue.push_back(RequestMetrics::toMs(queue));
        }
        if (!RequestMetrics::countsInLatencies(r))
            continue;
        // The summary's definitions (metrics/requestmetrics.h), so the live p50/p99 become the
        // final ones without a jump when the run ends.
        const bool stream = trace.scenario.stream;
        if (const qint64 ttft = RequestMetrics::ttftNs(r, stream); ttft >= 0)
            m_ttft.push_back(RequestMetrics::toMs(ttft));
        if (stream) {
            for (qint64 gap : RequestMetrics::itlGapsNs(r))
                m_itl.push_back(RequestMetrics::toMs(gap));
        }
        if (const qint64 e2el = RequestMetrics::e2elNs(r, stream); e2el >= 0)
            m_e2el.push_back(RequestMetrics::toMs(e2el));
    }
}

std::vector<std::vector<double>> LiveStatistics::snapshot() const
{
    return { m_ttft, m_itl, m_e2el, m_queue };
}

LatencyFigures LiveStatistics::describe(std::vector<std::vector<double>> samples)
{
    LatencyFigures f;
    for (size_t i = 0; i < size_t(LatencyMetricCount) && i < samples.size(); ++i) {
        std::vector<double> &v = samples[i];
        if (v.empty())
            continue;
        std::sort(v.begin(), v.end());
        f.p50[i] = Statistics::percentileSorted(v, 50);
        f.p99[i] = Statistics::percentileSorted(v, 99);
    }
    f.samples = samples.size() > 2 ? int(samples[2].size()) : 0;
    return f;
}

RangeStatistics LiveStatistics::rangeStatistics(const RunTrace &trace, qint64 fromNs, qint64 toNs)
{
    RangeStatistics s;
    s.fromNs = fromNs;
    s.toNs = toNs;
    const auto inside = [&](qint64 t) { return t >= fromNs && t <= toNs; };
    Overlap inFlight; // clipped to the range
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup || r.dispatchNs < 0)
            continue;
        s.started += inside(r.dispatchNs) ? 1 : 0;
        if (r.endNs >= 0 && inside(r.endNs)) {
            s.finished += r.outcome == Outcome::Success ? 1 : 0;
            s.failed += r.outcome == Outcome::Failed ? 1 : 0;
        }
        const auto lo = std::lower_bound(r.tokenNs.begin(), r.tokenNs.end(), fromNs);
        const auto hi = std::upper_bound(lo, r.tokenNs.end(), toNs);
        s.tokens += hi - lo;
        const qint64 end = r.endNs >= 0 ? r.endNs : std::numeric_limits<qint64>::max();
        if (r.dispatchNs <= toNs && end >= fromNs)
            inFlight.add(std::max(r.dispatchNs, fromNs), std::min(end, toNs));
    }
    s.peakInFlight = inFlight.peak();
    qint64 busy = 0;
    for (const Span &span : trace.loopBusy) {
        const qint64 a = std::max(span.startNs, fromNs);
        const qint64 b = std::min(span.endNs, toNs);
        if (b > a)
            busy += b - a;
    }
    s.loopBusyFraction = toNs > fromNs ? double(busy) / double(toNs - fromNs) : 0;
    for (const LagSample &lag : trace.loopLag) {
        if (inside(lag.atNs))
            s.maxLoopLagNs = std::max(s.maxLoopLagNs, lag.lagNs);
    }
    return s;
}

std::vector<int> LiveStatistics::requestsAtOrAbove(
    const RunTrace &trace, LatencyMetric metric, double thresholdMs)
{
    std::vector<int> out;
    if (std::isnan(thresholdMs))
        return out;
    for (size_t i = 0; i < trace.requests.size(); ++i) {
        const RequestRecord &r = trace.requests[i];
        if (metric == LatencyMetric::Queue ? r.warmup : !RequestMetrics::countsInLatencies(r))
            continue;
        const bool stream = trace.scenario.stream;
        double value = nan;
        switch (metric) {
        case LatencyMetric::Ttft:
            value = RequestMetrics::toMs(RequestMetrics::ttftNs(r, stream));
            break;
        case LatencyMetric::E2el:
            value = RequestMetrics::toMs(RequestMetrics::e2elNs(r, stream));
            break;
        case LatencyMetric::Itl:
            value = stream ? RequestMetrics::toMs(RequestMetrics::maxItlNs(r)) : nan;
            break;
        case LatencyMetric::Queue:
            value = RequestMetrics::queueNs(r) >= 0 ? RequestMetrics::toMs(RequestMetrics::queueNs(r)) : nan;
            break;
        }
        // A hair of tolerance: the percentile may interpolate to exactly a sample's value.
        if (!std::isnan(value) && value >= thresholdMs - 1e-9)
            out.push_back(int(i));
    }
    return out;
}

} // namespace BurgerBench
