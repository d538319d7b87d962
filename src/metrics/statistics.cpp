#include "metrics/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace BurgerBench {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
// Ranks come from JSON and the command line (e.g. 99.9); compare them with a tolerance.
constexpr double RankEpsilon = 1e-9;

} // namespace

double Distribution::percentile(double rank) const
{
    const qsizetype n = qMin(percentileRanks.size(), percentileValues.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (std::abs(percentileRanks.at(i) - rank) <= RankEpsilon)
            return percentileValues.at(i);
    }
    return NaN;
}

namespace Statistics {

namespace {

// numpy's _lerp, operation for operation (a + (b-a)t, or b - (b-a)(1-t) from t = 0.5 on, which
// is exact at t = 1 and monotonic), so the figures match numpy to the last bit.
double lerp(double a, double b, double t)
{
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// numpy's "linear" method: virtual index (n - 1) * q between the two closest ranks, n >= 2.
struct RankPosition
{
    std::size_t lo;
    std::size_t hi;
    double t;
};

RankPosition rankPosition(std::size_t n, double rank)
{
    const double q = std::clamp(rank / 100.0, 0.0, 1.0);
    const double pos = static_cast<double>(n - 1) * q;
    const double lowerPos = std::floor(pos);
    const auto lo = static_cast<std::size_t>(lowerPos);
    return { lo, qMin(lo + 1, n - 1), pos - lowerPos };
}

} // namespace

double percentileSorted(const std::vector<double> &sorted, double rank)
{
    const std::size_t n = sorted.size();
    if (n == 0 || std::isnan(rank))
        return NaN;
    if (n == 1)
        return sorted.front();
    const RankPosition p = rankPosition(n, rank);
    return lerp(sorted[p.lo], sorted[p.hi], p.t);
}

double percentileUnsorted(std::vector<double> &samples, double rank)
{
    const std::size_t n = samples.size();
    if (n == 0 || std::isnan(rank))
        return NaN;
    if (n == 1)
        return samples.front();
    const RankPosition p = rankPosition(n, rank);
    const auto lo = samples.begin() + static_cast<std::ptrdiff_t>(p.lo);
    std::nth_element(samples.begin(), lo, samples.end());
    // After nth_element everything past `lo` is >= it: the next rank is their minimum.
    const double b = p.hi == p.lo ? *lo : *std::min_element(lo + 1, samples.end());
    return lerp(*lo, b, p.t);
}

Distribution describe(std::vector<double> samples, const QList<double> &ranks)
{
    Distribution d;
    d.percentileRanks = ranks;
    d.count = static_cast<int>(samples.size());
    if (samples.empty()) {
        d.mean = d.median = d.stddev = d.min = d.max = NaN;
        d.percentileValues.fill(NaN, ranks.size());
        return d;
    }
    std::sort(samples.begin(), samples.end());

    double sum = 0;
    for (double v : samples)
        sum += v;
    d.mean = sum / static_cast<double>(samples.size());
    // Two passes like numpy.std (ddof = 0): no catastrophic cancellation for large offsets.
    double squares = 0;
    for (double v : samples)
        squares += (v - d.mean) * (v - d.mean);
    d.stddev = std::sqrt(squares / static_cast<double>(samples.size()));

    d.min = samples.front();
    d.max = samples.back();
    d.median = percentileSorted(samples, 50);
    d.percentileValues.reserve(ranks.size());
    for (double rank : ranks)
        d.percentileValues.append(percentileSorted(samples, rank));
    return d;
}

} // namespace Statistics

} // namespace BurgerBench
