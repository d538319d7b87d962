#include "sweep/saturation.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace BurgerBench {

namespace {

// Events per second: the least-squares slope of the running count against time. A slope, not
// (n - 1) / span: a server of S slots finishes its requests in batches of S, and a span from the
// first batch to the last counts one batch too many (29.4/s for a 26.7/s ceiling in a 3 s step).
// `weights` (tokens) make it a rate of those instead; empty: each event counts 1. 0 below 3 events.
double slopeRate(std::vector<std::pair<qint64, qint64>> events)
{
    if (events.size() < 3)
        return 0;
    std::sort(events.begin(), events.end());
    const double n = double(events.size());
    double meanX = 0;
    double meanY = 0;
    double running = 0;
    std::vector<double> ys;
    ys.reserve(events.size());
    for (const auto &[t, w] : events) {
        running += double(w);
        ys.push_back(running);
        meanX += double(t - events.front().first) / 1e9;
        meanY += running;
    }
    meanX /= n;
    meanY /= n;
    double sxy = 0;
    double sxx = 0;
    for (size_t i = 0; i < events.size(); ++i) {
        const double dx = double(events[i].first - events.front().first) / 1e9 - meanX;
        sxy += dx * (ys[i] - meanY);
        sxx += dx * dx;
    }
    return sxx > 0 ? sxy / sxx : 0;
}

double lateMs(qint64 intendedNs, qint64 dispatchNs)
{
    return double(std::max<qint64>(0, dispatchNs - intendedNs)) / 1e6;
}

// How a figure moved through a step: the means of its first and last thirds, in intended order,
// and whether the last exceeds the first by more than max(GrowthFloorMs, spanFraction of the
// span). One measure for the client's lateness and the server's time to first token.
struct Growth
{
    bool judged = false; // fewer than 6 rows: not judged
    double firstMs = 0;
    double lastMs = 0;
    bool growing = false;
};

Growth growthThroughStep(std::vector<std::pair<qint64, double>> rows, double spanFraction)
{
    Growth g;
    if (rows.size() < 6)
        return g;
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    const size_t third = rows.size() / 3;
    auto mean = [&rows](size_t from, size_t to) {
        double sum = 0;
        for (size_t i = from; i < to; ++i)
            sum += rows[i].second;
        return sum / double(to - from);
    };
    g.judged = true;
    g.firstMs = mean(0, third);
    g.lastMs = mean(rows.size() - third, rows.size());
    const double spanMs = double(rows.back().first - rows.front().first) / 1e6;
    g.growing = g.lastMs - g.firstMs > std::max(Saturation::GrowthFloorMs, spanFraction * spanMs);
    return g;
}

// A figure's trend through a step: the least-squares slope of the means of TrendBatches batches
// of consecutive rows (intended order) against their mean intended times, in ms per s, and its
// standard error from the batches' residuals (batch means: correlated noise between neighbours
// widens the error instead of reading as a trend).
struct Trend
{
    bool judged = false;
    double slope = 0; // ms per s
    double se = 0;
};

Trend trendThroughStep(std::vector<std::pair<qint64, double>> rows)
{
    Trend t;
    if (rows.size() < Saturation::MinTrendRequests)
        return t;
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    const size_t batches = std::min<size_t>(size_t(Saturation::TrendBatches), rows.size() / 3);
    std::vector<std::pair<double, double>> means; // (s since the first, ms)
    for (size_t b = 0; b < batches; ++b) {
        const size_t from = b * rows.size() / batches;
        const size_t to = (b + 1) * rows.size() / batches;
        double x = 0;
        double y = 0;
        for (size_t i = from; i < to; ++i) {
            x += double(rows[i].first - rows.front().first) / 1e9;
            y += rows[i].second;
        }
        means.emplace_back(x / double(to - from), y / double(to - from));
    }
    const double n = double(means.size());
    double mx = 0;
    double my = 0;
    for (const auto &[x, y] : means) {
        mx += x;
        my += y;
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (const auto &[x, y] : means) {
        sxx += (x - mx) * (x - mx);
        sxy += (x - mx) * (y - my);
    }
    if (!(sxx > 0))
        return t;
    t.slope = sxy / sxx;
    double residuals = 0;
    for (const auto &[x, y] : means) {
        const double r = y - (my + t.slope * (x - mx));
        residuals += r * r;
    }
    t.se = std::sqrt(residuals / (n - 2) / sxx);
    t.judged = true;
    return t;
}

} // namespace

Saturation Saturation::assess(const RunTrace &trace, bool openLoop)
{
    Saturation s;
    std::vector<std::pair<qint64, double>> rows; // (intended, client lateness ms)
    std::vector<std::pair<qint64, qint64>> arrivals; // (intended, 1)
    std::vector<std::pair<qint64, qint64>> completions; // (end, 1) of each success
    std::vector<std::pair<qint64, qint64>> tokensAt; // (end, output tokens) of each success
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup || r.intendedNs < 0)
            continue;
        arrivals.emplace_back(r.intendedNs, 1);
        if (r.dispatchNs >= 0)
            rows.emplace_back(r.intendedNs, lateMs(r.intendedNs, r.dispatchNs));
        if (r.outcome == Outcome::Success && r.endNs >= 0) {
            completions.emplace_back(r.endNs, 1);
            tokensAt.emplace_back(r.endNs, std::max<qint64>(0, r.outputTokens));
        }
    }
    // Requests never dispatched (cut off while queued at the client) are the most late of all:
    // count them as late as the run's end, so a queue that never drained still shows.
    const qint64 runEnd = trace.endNs;
    for (const RequestRecord &r : trace.requests) {
        if (!r.warmup && r.intendedNs >= 0 && r.dispatchNs < 0 && runEnd > r.intendedNs)
            rows.emplace_back(r.intendedNs, lateMs(r.intendedNs, runEnd));
    }
    s.arrivalRate = slopeRate(arrivals);
    s.completionRate = slopeRate(completions);
    s.outputRate = slopeRate(tokensAt);
    // A handful of requests gives slopes too noisy to call a shortfall on; a step that served
    // nothing at all is the target's failure, judged by the runner (SweepStep::targetFailed).
    if (openLoop && arrivals.size() >= MinArrivals && completions.size() >= MinCompletions)
        s.rateShort = s.completionRate < MinAchievedRatio * s.arrivalRate;
    if (const Growth g = growthThroughStep(std::move(rows), GrowthSpanFraction); g.judged) {
        s.latenessFirstMs = g.firstMs;
        s.latenessLastMs = g.lastMs;
        s.queueGrowing = g.growing;
    }
    if (openLoop) {
        std::vector<std::pair<qint64, double>> ttfts; // (intended, TTFT ms) of each success
        for (const RequestRecord &r : trace.requests) {
            if (!r.warmup && r.intendedNs >= 0 && r.outcome == Outcome::Success && r.dispatchNs >= 0
                && r.firstTokenNs() >= 0)
                ttfts.emplace_back(r.intendedNs, double(r.firstTokenNs() - r.dispatchNs) / 1e6);
        }
        if (const Trend t = trendThroughStep(ttfts); t.judged) {
            s.ttftTrendMsPerS = t.slope;
            s.ttftTrendSeMsPerS = t.se;
            s.ttftTrending = t.slope > std::max(TrendFloorMsPerS, TrendSigmas * t.se);
        }
        if (const Growth g = growthThroughStep(std::move(ttfts), ServerGrowthSpanFraction); g.judged) {
            s.ttftFirstMs = g.firstMs;
            s.ttftLastMs = g.lastMs;
            s.serverQueueGrowing = g.growing;
        }
        s.serverQueueGrowing = s.serverQueueGrowing || s.ttftTrending;
    }
    s.saturated = s.rateShort || s.queueGrowing || s.serverQueueGrowing;
    if (s.rateShort)
        s.reason = QStringLiteral("served %1 requests/s of the %2/s that arrived (under %3%)")
                       .arg(s.completionRate, 0, 'f', 2)
                       .arg(s.arrivalRate, 0, 'f', 2)
                       .arg(MinAchievedRatio * 100, 0, 'f', 0);
    if (s.queueGrowing) {
        if (!s.reason.isEmpty())
            s.reason += QStringLiteral("; ");
        s.reason += QStringLiteral("the client queue grew from %1 ms to %2 ms late")
                        .arg(s.latenessFirstMs, 0, 'f', 0)
                        .arg(s.latenessLastMs, 0, 'f', 0);
    }
    if (s.serverQueueGrowing) {
        if (!s.reason.isEmpty())
            s.reason += QStringLiteral("; ");
        s.reason += QStringLiteral("the server's queue grew: time to first token from %1 ms to %2 ms")
                        .arg(s.ttftFirstMs, 0, 'f', 0)
                        .arg(s.ttftLastMs, 0, 'f', 0);
        if (s.ttftTrending)
            s.reason += QStringLiteral(", rising %1 ms a second (± %2)")
                            .arg(s.ttftTrendMsPerS, 0, 'f', 1)
                            .arg(s.ttftTrendSeMsPerS, 0, 'f', 1);
    }
    return s;
}

} // namespace BurgerBench
