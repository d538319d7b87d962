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

namespace {

double nsToMs(qint64 ns)
{
    return double(ns) / 1e6;
}

// The k-th smallest (0-based) of the samples for each k in `ks`, all at once: a most-significant-
// byte-first radix selection on the offsets from `min`. Each pass visits the samples once and
// counts, for every target whose value's higher bytes are already known, the samples sharing those
// bytes by their next byte; that fixes one more byte of each target. `bits` is the width of
// max - min.
std::vector<qint64> selectNs(
    const Statistics::NsSamples &samples, qint64 min, int bits, const std::vector<quint64> &ks)
{
    constexpr int Digit = 8;
    constexpr int Buckets = 1 << Digit;
    struct Target
    {
        quint64 rank; // among the samples that share `prefix`
        quint64 prefix; // the bytes of (value - min) above `shift` + Digit found so far
    };
    std::vector<Target> targets;
    targets.reserve(ks.size());
    for (quint64 k : ks)
        targets.push_back({ k, 0 });
    const auto above = [](quint64 u, int shift) { return shift >= 64 ? quint64(0) : u >> shift; };

    for (int shift = ((bits + Digit - 1) / Digit - 1) * Digit; shift >= 0; shift -= Digit) {
        // Targets with one prefix share one histogram.
        std::vector<quint64> prefixes;
        for (const Target &t : targets) {
            if (std::find(prefixes.begin(), prefixes.end(), t.prefix) == prefixes.end())
                prefixes.push_back(t.prefix);
        }
        std::vector<quint64> counts(prefixes.size() * Buckets, 0);
        samples([&](qint64 v) {
            const auto u = quint64(v) - quint64(min);
            const quint64 high = above(u, shift + Digit);
            for (std::size_t p = 0; p < prefixes.size(); ++p) {
                if (prefixes[p] == high) {
                    ++counts[p * Buckets + ((u >> shift) & (Buckets - 1))];
                    break;
                }
            }
        });
        for (Target &t : targets) {
            const auto p
                = std::size_t(std::find(prefixes.begin(), prefixes.end(), t.prefix) - prefixes.begin());
            int bucket = 0;
            while (bucket < Buckets - 1 && t.rank >= counts[p * Buckets + std::size_t(bucket)]) {
                t.rank -= counts[p * Buckets + std::size_t(bucket)];
                ++bucket;
            }
            t.prefix = (t.prefix << Digit) | quint64(bucket);
        }
    }
    std::vector<qint64> values;
    values.reserve(targets.size());
    for (const Target &t : targets)
        values.push_back(qint64(quint64(min) + t.prefix));
    return values;
}

} // namespace

Distribution describeNs(const NsSamples &samples, const QList<double> &ranks)
{
    Distribution d;
    d.percentileRanks = ranks;
    quint64 n = 0;
    qint64 min = std::numeric_limits<qint64>::max();
    qint64 max = std::numeric_limits<qint64>::min();
    qint64 sum = 0; // of token gaps: at most streams × duration, centuries from overflowing
    samples([&](qint64 v) {
        ++n;
        min = std::min(min, v);
        max = std::max(max, v);
        sum += v;
    });
    d.count = static_cast<int>(n);
    if (n == 0) {
        d.mean = d.median = d.stddev = d.min = d.max = NaN;
        d.percentileValues.fill(NaN, ranks.size());
        return d;
    }
    d.mean = nsToMs(sum) / static_cast<double>(n);
    double squares = 0;
    samples([&](qint64 v) { squares += (nsToMs(v) - d.mean) * (nsToMs(v) - d.mean); });
    d.stddev = std::sqrt(squares / static_cast<double>(n));
    d.min = nsToMs(min);
    d.max = nsToMs(max);

    // The order statistics each rank interpolates between (numpy's "linear"), selected together.
    QList<double> all = ranks;
    all.prepend(50); // the median
    std::vector<quint64> ks;
    std::vector<RankPosition> positions;
    for (double rank : all) {
        const RankPosition p
            = n == 1 || std::isnan(rank) ? RankPosition { 0, 0, 0 } : rankPosition(std::size_t(n), rank);
        positions.push_back(p);
        for (quint64 k : { quint64(p.lo), quint64(p.hi) }) {
            if (std::find(ks.begin(), ks.end(), k) == ks.end())
                ks.push_back(k);
        }
    }
    int bits = 0;
    for (auto range = quint64(max) - quint64(min); range != 0; range >>= 1)
        ++bits;
    const std::vector<qint64> selected
        = bits == 0 ? std::vector<qint64>(ks.size(), min) : selectNs(samples, min, bits, ks);
    const auto valueAt = [&](std::size_t k) {
        return nsToMs(selected[std::size_t(std::find(ks.begin(), ks.end(), quint64(k)) - ks.begin())]);
    };
    for (qsizetype i = 0; i < all.size(); ++i) {
        const RankPosition &p = positions[std::size_t(i)];
        const double value = std::isnan(all.at(i)) ? NaN : lerp(valueAt(p.lo), valueAt(p.hi), p.t);
        if (i == 0)
            d.median = value;
        else
            d.percentileValues.append(value);
    }
    return d;
}

} // namespace Statistics

} // namespace BurgerBench
