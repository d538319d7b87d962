#include "report/compare.h"

#include "metrics/requestmetrics.h"
#include "metrics/statistics.h"
#include "metrics/summary.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <random>

namespace BurgerBench {
namespace Compare {

namespace {

double mean(const std::vector<double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x;
    return v.empty() ? NAN : sum / double(v.size());
}

double statistic(std::vector<double> &v, double rank)
{
    return rank < 0 ? mean(v) : Statistics::percentileUnsorted(v, rank);
}

// numpy's "linear" percentile position and _lerp, as metrics/statistics.cpp computes them.
struct RankPosition
{
    size_t lo;
    size_t hi;
    double t;
};
RankPosition rankPosition(size_t n, double rank)
{
    const double q = std::clamp(rank / 100.0, 0.0, 1.0);
    const double pos = double(n - 1) * q;
    const double lowerPos = std::floor(pos);
    const auto lo = size_t(lowerPos);
    return { lo, std::min(lo + 1, n - 1), pos - lowerPos };
}
double lerp(double a, double b, double t)
{
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// Draws from the generator itself (no std:: distributions: their output differs between standard
// libraries, and the verdict must be the same on every machine).
double uniformOpen(std::mt19937_64 &rng) // (0, 1)
{
    return (double(rng() >> 11) + 0.5) * 0x1.0p-53;
}
double standardNormal(std::mt19937_64 &rng) // Box-Muller, one of the pair
{
    const double u = uniformOpen(rng);
    const double v = uniformOpen(rng);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * 3.14159265358979323846 * v);
}
double gammaDraw(double shape, std::mt19937_64 &rng) // Marsaglia-Tsang, shape >= 1
{
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        const double x = standardNormal(rng);
        const double v = 1.0 + c * x;
        if (v <= 0)
            continue;
        const double v3 = v * v * v;
        const double u = uniformOpen(rng);
        if (std::log(u) < 0.5 * x * x + d - d * v3 + d * std::log(v3))
            return d * v3;
    }
}

// One side of the bootstrap: a replicate of the statistic of a resample of `n` drawn with
// replacement. A small side (at most ExactBootstrapSide samples) is resampled literally, as it
// always was; a large side draws the replicate from its exact distribution without drawing the n
// values: the k-th smallest of a resample of a sorted sample is sorted[floor(n U(k))], U(k) the
// k-th smallest of n uniforms, which is Beta(k, n + 1 - k); the next one up is
// U(k) + (1 - U(k)) (1 - W^(1 / (n - k))). A mean's replicate is normal with the sample's variance
// over n (ddof 0, the bootstrap's own): at 10,000 samples and more the central limit holds.
constexpr size_t ExactBootstrapSide = 10'000;
class Side
{
public:
    Side(const std::vector<double> &samples, const std::vector<double> *sorted, double rank)
        : m_samples(samples)
        , m_sorted(sorted)
        , m_rank(rank)
        , m_exact(samples.size() <= ExactBootstrapSide || !sorted)
    {
        if (m_exact) {
            m_buffer.resize(samples.size());
        } else if (rank < 0) {
            m_mean = mean(samples);
            double squares = 0;
            for (double x : samples)
                squares += (x - m_mean) * (x - m_mean);
            m_meanSd = std::sqrt(squares / double(samples.size())) / std::sqrt(double(samples.size()));
        }
    }
    bool exact() const { return m_exact; }
    size_t size() const { return m_samples.size(); }
    double draw(std::mt19937_64 &rng)
    {
        const size_t n = m_samples.size();
        if (m_exact) {
            for (double &x : m_buffer)
                x = m_samples[size_t(rng() % n)];
            return statistic(m_buffer, m_rank);
        }
        if (m_rank < 0)
            return m_mean + m_meanSd * standardNormal(rng);
        const std::vector<double> &sorted = *m_sorted;
        const RankPosition p = rankPosition(n, m_rank);
        const double k = double(p.lo + 1); // 1-based order
        const double x = gammaDraw(k, rng);
        const double u = x / (x + gammaDraw(double(n) + 1.0 - k, rng));
        auto at = [&](double uk) { return sorted[std::min(n - 1, size_t(std::floor(double(n) * uk)))]; };
        const double lo = at(u);
        if (p.hi == p.lo)
            return lo;
        const double next = u + (1.0 - u) * (1.0 - std::pow(uniformOpen(rng), 1.0 / (double(n) - k)));
        return lerp(lo, at(std::min(next, 1.0)), p.t);
    }

private:
    const std::vector<double> &m_samples;
    const std::vector<double> *m_sorted;
    double m_rank;
    bool m_exact;
    std::vector<double> m_buffer;
    double m_mean = 0;
    double m_meanSd = 0;
};

Interval bootstrapSides(Side &a, Side &b, int resamples, quint64 seed)
{
    Interval ci;
    if (a.size() < 2 || b.size() < 2 || resamples < 10)
        return ci;
    std::mt19937_64 rng(seed);
    std::vector<double> diffs;
    diffs.reserve(size_t(resamples));
    for (int i = 0; i < resamples; ++i) {
        const double va = a.draw(rng);
        diffs.push_back(b.draw(rng) - va);
    }
    std::sort(diffs.begin(), diffs.end());
    ci.low = Statistics::percentileSorted(diffs, 2.5);
    ci.high = Statistics::percentileSorted(diffs, 97.5);
    ci.valid = true;
    return ci;
}

QString fmt(double v, int decimals = 3)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    return QString::number(v, 'f', decimals);
}

QString signedFmt(double v, int decimals = 3)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    return (v >= 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', decimals);
}

} // namespace

QList<double> defaultRanks()
{
    return { 50, 90, 95, 99 };
}

Samples collectSamples(const RunTrace &trace)
{
    // The summary's samples (METRICS.md items 5-10), from the same per-request definitions;
    // tst_compare checks they agree.
    Samples s;
    const bool stream = trace.scenario.stream;
    for (const RequestRecord &r : trace.requests) {
        if (!RequestMetrics::countsInLatencies(r))
            continue;
        if (const qint64 ttft = RequestMetrics::ttftNs(r, stream); ttft >= 0)
            s.ttft.push_back(RequestMetrics::toMs(ttft));
        if (const qint64 e2el = RequestMetrics::e2elNs(r, stream); e2el >= 0)
            s.e2el.push_back(RequestMetrics::toMs(e2el));
        if (stream) {
            for (qint64 gap : RequestMetrics::itlGapsNs(r))
                s.itl.push_back(RequestMetrics::toMs(gap));
        }
        if (const double tpot = RequestMetrics::tpotMs(r, stream); !std::isnan(tpot))
            s.tpot.push_back(tpot);
    }
    return s;
}

MannWhitney mannWhitney(const std::vector<double> &a, const std::vector<double> &b)
{
    std::vector<double> sa = a;
    std::vector<double> sb = b;
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    return mannWhitneySorted(sa, sb);
}

MannWhitney mannWhitneySorted(const std::vector<double> &a, const std::vector<double> &b)
{
    MannWhitney result;
    const size_t n1 = a.size();
    const size_t n2 = b.size();
    if (n1 == 0 || n2 == 0)
        return result;
    // One merge of the two sorted samples: each run of equal values is one tie group, ranked
    // i+1 .. j together (the sums add up group by group in ascending order, as a sort of the
    // pooled sample would).
    const double n = double(n1 + n2);
    double rankSumA = 0;
    double tieTerm = 0;
    size_t ia = 0;
    size_t ib = 0;
    size_t i = 0; // pooled rank - 1 of the group's first value
    while (ia < n1 || ib < n2) {
        const double v = ib >= n2 || (ia < n1 && a[ia] <= b[ib]) ? a[ia] : b[ib];
        size_t inA = 0;
        while (ia < n1 && a[ia] == v) {
            ++ia;
            ++inA;
        }
        size_t inB = 0;
        while (ib < n2 && b[ib] == v) {
            ++ib;
            ++inB;
        }
        const size_t j = i + inA + inB;
        const double averageRank = (double(i + 1) + double(j)) / 2.0; // ranks i+1 .. j
        for (size_t k = 0; k < inA; ++k)
            rankSumA += averageRank;
        const double t = double(j - i);
        tieTerm += t * t * t - t;
        i = j;
    }
    result.u = rankSumA - double(n1) * double(n1 + 1) / 2.0;
    const double mu = double(n1) * double(n2) / 2.0;
    const double variance = double(n1) * double(n2) / 12.0 * ((n + 1.0) - tieTerm / (n * (n - 1.0)));
    if (!(variance > 0)) {
        result.z = 0;
        result.p = 1;
        return result;
    }
    const double diff = result.u - mu;
    const double corrected = std::max(0.0, std::abs(diff) - 0.5); // continuity correction
    result.z = std::copysign(corrected / std::sqrt(variance), diff);
    result.p = std::min(1.0, std::erfc(std::abs(result.z) / std::sqrt(2.0)));
    return result;
}

Interval bootstrapDifference(
    const std::vector<double> &a, const std::vector<double> &b, double rank, int resamples, quint64 seed)
{
    Interval ci;
    if (a.size() < 2 || b.size() < 2 || resamples < 10)
        return ci;
    // A fixed generator and modulo draws (not std::uniform_int_distribution, whose output
    // differs between standard libraries) so the verdict is the same on every machine.
    std::mt19937_64 rng(seed);
    std::vector<double> diffs;
    diffs.reserve(size_t(resamples));
    std::vector<double> sa(a.size()), sb(b.size());
    for (int i = 0; i < resamples; ++i) {
        for (double &x : sa)
            x = a[size_t(rng() % a.size())];
        for (double &x : sb)
            x = b[size_t(rng() % b.size())];
        diffs.push_back(statistic(sb, rank) - statistic(sa, rank));
    }
    std::sort(diffs.begin(), diffs.end());
    ci.low = Statistics::percentileSorted(diffs, 2.5);
    ci.high = Statistics::percentileSorted(diffs, 97.5);
    ci.valid = true;
    return ci;
}

Interval bootstrapDifferenceSorted(const std::vector<double> &a, const std::vector<double> &sortedA,
    const std::vector<double> &b, const std::vector<double> &sortedB, double rank, int resamples,
    quint64 seed)
{
    Side sa(a, &sortedA, rank);
    Side sb(b, &sortedB, rank);
    return bootstrapSides(sa, sb, resamples, seed);
}

int resamplesFor(size_t na, size_t nb, int maxResamples)
{
    // Literal resampling costs its sample size per resample: keep that to ~2e7 draws per statistic
    // (a comparison of 1M literal samples to seconds). A large side costs O(1) per resample.
    const size_t literal = (na <= ExactBootstrapSide ? na : 0) + (nb <= ExactBootstrapSide ? nb : 0);
    if (literal == 0)
        return maxResamples;
    return int(std::clamp(2e7 / double(literal + 1), 200.0, double(maxResamples)));
}

QString verdictText(Verdict v)
{
    switch (v) {
    case Verdict::BeyondNoise:
        return QStringLiteral("beyond noise");
    case Verdict::WithinNoise:
        return QStringLiteral("within noise");
    case Verdict::NotTestable:
        return QStringLiteral("n/a (one value per run)");
    case Verdict::TooFewSamples:
        return QStringLiteral("too few samples");
    }
    return QString();
}

QList<Row> compare(const RunTrace &ta, const RunTrace &tb, const Options &options)
{
    QList<Row> rows;
    auto progress = [&](const QString &what) {
        if (options.progress)
            options.progress(what);
    };
    progress(QStringLiteral("collecting samples"));
    const Samples sa = collectSamples(ta);
    const Samples sb = collectSamples(tb);
    const struct
    {
        const char *name;
        const std::vector<double> &a;
        const std::vector<double> &b;
    } metrics[] = { { "ttft_ms", sa.ttft, sb.ttft }, { "tpot_ms", sa.tpot, sb.tpot },
        { "itl_ms", sa.itl, sb.itl }, { "e2el_ms", sa.e2el, sb.e2el } };
    for (const auto &m : metrics) {
        if (m.a.empty() && m.b.empty())
            continue;
        progress(QStringLiteral("%1: %2 against %3 samples")
                     .arg(QLatin1String(m.name))
                     .arg(qulonglong(m.a.size()))
                     .arg(qulonglong(m.b.size())));
        // Each sample sorted once: the distribution, the rank test (one merge) and the bootstrap of
        // a large side all read the sorted copy. O(n log n) in all.
        std::vector<double> sortedA = m.a;
        std::vector<double> sortedB = m.b;
        std::sort(sortedA.begin(), sortedA.end());
        std::sort(sortedB.begin(), sortedB.end());
        // The figures Statistics::describe gives (its mean sums the sorted samples in order),
        // without its copy and second sort.
        auto sortedMean = [](const std::vector<double> &sorted) {
            double sum = 0;
            for (double v : sorted)
                sum += v;
            return sorted.empty() ? NAN : sum / double(sorted.size());
        };
        const double meanA = sortedMean(sortedA);
        const double meanB = sortedMean(sortedB);
        const bool testable = m.a.size() >= 3 && m.b.size() >= 3;
        const MannWhitney mw = testable ? mannWhitneySorted(sortedA, sortedB) : MannWhitney();
        const int resamples = resamplesFor(m.a.size(), m.b.size(), options.maxResamples);
        QList<std::pair<QString, double>> stats { { QStringLiteral("mean"), -1 } };
        for (double rank : options.ranks)
            stats.append({ QLatin1Char('p') + QString::number(rank, 'g', 12), rank });
        quint64 seed = options.seed;
        for (const auto &[stat, rank] : stats) {
            Row row;
            row.metric = QLatin1String(m.name);
            row.stat = stat;
            row.a = rank < 0 ? meanA : Statistics::percentileSorted(sortedA, rank);
            row.b = rank < 0 ? meanB : Statistics::percentileSorted(sortedB, rank);
            row.delta = row.b - row.a;
            row.percent = row.a != 0 && std::isfinite(row.a) ? 100.0 * row.delta / row.a : NAN;
            if (!testable) {
                row.verdict = Verdict::TooFewSamples;
            } else {
                row.p = mw.p;
                row.ci = bootstrapDifferenceSorted(m.a, sortedA, m.b, sortedB, rank, resamples, seed++);
                const bool ciExcludesZero = row.ci.valid && (row.ci.low > 0 || row.ci.high < 0);
                row.verdict
                    = mw.p < options.alpha && ciExcludesZero ? Verdict::BeyondNoise : Verdict::WithinNoise;
            }
            rows.append(row);
        }
    }

    progress(QStringLiteral("run-level figures"));
    const Summary a = computeSummary(ta, options.ranks, ta.scenario.slo);
    const Summary b = computeSummary(tb, options.ranks, tb.scenario.slo);
    const QList<std::pair<const char *, std::pair<double, double>>> runLevel {
        { "completed", { a.completed, b.completed } },
        { "failed", { a.failed, b.failed } },
        { "incomplete", { a.incomplete, b.incomplete } },
        { "duration_s", { a.durationS, b.durationS } },
        { "request_throughput", { a.requestThroughput, b.requestThroughput } },
        { "output_throughput", { a.outputThroughput, b.outputThroughput } },
        { "total_token_throughput", { a.totalTokenThroughput, b.totalTokenThroughput } },
        { "goodput", { a.goodput, b.goodput } },
        { "peak_concurrency", { a.peakConcurrency, b.peakConcurrency } },
        { "peak_tokens_per_s", { a.peakTokensPerS, b.peakTokensPerS } },
    };
    for (const auto &[name, values] : runLevel) {
        Row row;
        row.metric = QLatin1String(name);
        row.a = values.first;
        row.b = values.second;
        row.delta = row.b - row.a;
        row.percent = row.a != 0 ? 100.0 * row.delta / row.a : NAN;
        row.verdict = Verdict::NotTestable;
        rows.append(row);
    }
    return rows;
}

QString ruleText(const Options &options)
{
    return QStringLiteral(
        "Rule: a latency statistic differs beyond run-to-run noise when both (1) the Mann-Whitney U test on "
        "the exact samples gives p < %1 (two-sided, normal approximation with tie and continuity "
        "corrections) and (2) the 95%% bootstrap confidence interval of B - A for that statistic (up to %2 "
        "resamples, fixed seed) excludes 0. Run-level figures are one number per run: repeat the runs to "
        "judge their noise.")
        .arg(options.alpha)
        .arg(options.maxResamples)
        .replace(QLatin1String("%%"), QLatin1String("%"));
}

QString formatTable(
    const QString &nameA, const QString &nameB, const QList<Row> &rows, const Options &options)
{
    QStringList lines;
    lines << QStringLiteral("A (baseline): %1").arg(nameA) << QStringLiteral("B:            %1").arg(nameB)
          << QString();
    const QString header = QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8")
                               .arg(QStringLiteral("metric"), -23)
                               .arg(QStringLiteral("stat"), -6)
                               .arg(QStringLiteral("A"), 12)
                               .arg(QStringLiteral("B"), 12)
                               .arg(QStringLiteral("change"), 22)
                               .arg(QStringLiteral("p"), 8)
                               .arg(QStringLiteral("95% CI of B-A"), 24)
                               .arg(QStringLiteral("verdict"));
    lines << header << QString(header.size(), QLatin1Char('-'));
    for (const Row &r : rows) {
        const bool count = r.stat.isEmpty()
            && (r.metric == QLatin1String("completed") || r.metric == QLatin1String("failed")
                || r.metric == QLatin1String("incomplete") || r.metric == QLatin1String("peak_concurrency")
                || r.metric == QLatin1String("peak_tokens_per_s"));
        const int decimals = count ? 0 : 3;
        const QString change = signedFmt(r.delta, decimals)
            + (std::isfinite(r.percent) ? QStringLiteral(" (%1%)").arg(signedFmt(r.percent, 1)) : QString());
        const QString p = r.p < 0 ? QStringLiteral("–")
            : r.p < 0.001         ? QStringLiteral("<0.001")
                                  : fmt(r.p, 3);
        const QString ci = r.ci.valid
            ? QStringLiteral("[%1, %2]").arg(signedFmt(r.ci.low), signedFmt(r.ci.high))
            : QStringLiteral("–");
        lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8")
                     .arg(r.metric, -23)
                     .arg(r.stat, -6)
                     .arg(fmt(r.a, decimals), 12)
                     .arg(fmt(r.b, decimals), 12)
                     .arg(change, 22)
                     .arg(p, 8)
                     .arg(ci, 24)
                     .arg(verdictText(r.verdict));
    }
    lines << QString() << ruleText(options);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace Compare
} // namespace BurgerBench
