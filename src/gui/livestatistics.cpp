#include "gui/livestatistics.h"

#include "metrics/summary.h"
#include "trace/runtrace.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace BurgerBench {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

bool measured(const RequestRecord &r)
{
    return !r.warmup && r.outcome == Outcome::Success && r.dispatchNs >= 0;
}

double e2elMs(const RequestRecord &r)
{
    const qint64 last = r.lastTokenNs() >= 0 ? r.lastTokenNs() : r.endNs;
    return last >= 0 ? double(last - r.dispatchNs) / 1e6 : nan;
}
} // namespace

LatencyFigures::LatencyFigures()
{
    std::fill(std::begin(p50), std::end(p50), nan);
    std::fill(std::begin(p99), std::end(p99), nan);
}

LatencyFigures LatencyFigures::fromSummary(const Summary &s)
{
    LatencyFigures f;
    const Distribution *d[3] = { &s.ttft, &s.itl, &s.e2el };
    for (int i = 0; i < 3; ++i) {
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
        if (!measured(r))
            continue;
        if (r.firstTokenNs() >= 0)
            m_ttft.push_back(double(r.firstTokenNs() - r.dispatchNs) / 1e6);
        for (size_t k = 1; k < r.tokenNs.size(); ++k)
            m_itl.push_back(double(r.tokenNs[k] - r.tokenNs[k - 1]) / 1e6);
        const double e2el = e2elMs(r);
        if (!std::isnan(e2el))
            m_e2el.push_back(e2el);
    }
}

std::vector<std::vector<double>> LiveStatistics::snapshot() const
{
    return { m_ttft, m_itl, m_e2el };
}

LatencyFigures LiveStatistics::describe(std::vector<std::vector<double>> samples)
{
    LatencyFigures f;
    for (size_t i = 0; i < 3 && i < samples.size(); ++i) {
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
    std::vector<std::pair<qint64, int>> edges;
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
        if (r.dispatchNs <= toNs && end >= fromNs) {
            edges.emplace_back(std::max(r.dispatchNs, fromNs), +1);
            edges.emplace_back(std::min(end, toNs), -1);
        }
    }
    // Ends before starts at ties, as METRICS.md item 15 counts peaks.
    std::sort(edges.begin(), edges.end());
    int inFlight = 0;
    for (const auto &edge : edges) {
        inFlight += edge.second;
        s.peakInFlight = std::max(s.peakInFlight, inFlight);
    }
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
        if (!measured(r))
            continue;
        double value = nan;
        switch (metric) {
        case LatencyMetric::Ttft:
            value = r.firstTokenNs() >= 0 ? double(r.firstTokenNs() - r.dispatchNs) / 1e6 : nan;
            break;
        case LatencyMetric::E2el:
            value = e2elMs(r);
            break;
        case LatencyMetric::Itl: {
            qint64 worst = -1;
            for (size_t k = 1; k < r.tokenNs.size(); ++k)
                worst = std::max(worst, r.tokenNs[k] - r.tokenNs[k - 1]);
            value = worst >= 0 ? double(worst) / 1e6 : nan;
            break;
        }
        }
        // A hair of tolerance: the percentile may interpolate to exactly a sample's value.
        if (!std::isnan(value) && value >= thresholdMs - 1e-9)
            out.push_back(int(i));
    }
    return out;
}

} // namespace BurgerBench
