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
    MannWhitney result;
    const size_t n1 = a.size();
    const size_t n2 = b.size();
    if (n1 == 0 || n2 == 0)
        return result;
    std::vector<std::pair<double, int>> all;
    all.reserve(n1 + n2);
    for (double x : a)
        all.emplace_back(x, 0);
    for (double x : b)
        all.emplace_back(x, 1);
    std::sort(all.begin(), all.end(),
        [](const std::pair<double, int> &x, const std::pair<double, int> &y) { return x.first < y.first; });
    const double n = double(n1 + n2);
    double rankSumA = 0;
    double tieTerm = 0;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j < all.size() && all[j].first == all[i].first)
            ++j;
        const double averageRank = (double(i + 1) + double(j)) / 2.0; // ranks i+1 .. j
        for (size_t k = i; k < j; ++k)
            if (all[k].second == 0)
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
        const Distribution da = Statistics::describe(m.a, options.ranks);
        const Distribution db = Statistics::describe(m.b, options.ranks);
        const bool testable = m.a.size() >= 3 && m.b.size() >= 3;
        const MannWhitney mw = testable ? mannWhitney(m.a, m.b) : MannWhitney();
        // Bootstrap work grows with the sample size; keep a comparison of 1M ITL gaps to seconds.
        const int resamples
            = int(std::clamp(2e7 / double(m.a.size() + m.b.size() + 1), 200.0, double(options.maxResamples)));
        QList<std::pair<QString, double>> stats { { QStringLiteral("mean"), -1 } };
        for (double rank : options.ranks)
            stats.append({ QLatin1Char('p') + QString::number(rank, 'g', 12), rank });
        quint64 seed = options.seed;
        for (const auto &[stat, rank] : stats) {
            Row row;
            row.metric = QLatin1String(m.name);
            row.stat = stat;
            row.a = rank < 0 ? da.mean : da.percentile(rank);
            row.b = rank < 0 ? db.mean : db.percentile(rank);
            row.delta = row.b - row.a;
            row.percent = row.a != 0 && std::isfinite(row.a) ? 100.0 * row.delta / row.a : NAN;
            if (!testable) {
                row.verdict = Verdict::TooFewSamples;
            } else {
                row.p = mw.p;
                row.ci = bootstrapDifference(m.a, m.b, rank, resamples, seed++);
                const bool ciExcludesZero = row.ci.valid && (row.ci.low > 0 || row.ci.high < 0);
                row.verdict
                    = mw.p < options.alpha && ciExcludesZero ? Verdict::BeyondNoise : Verdict::WithinNoise;
            }
            rows.append(row);
        }
    }

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
