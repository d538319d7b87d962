// compare in O(n log n) (issue 19, item 6): the sorted-merge rank test and the bootstrap that
// draws a large side's statistic without drawing its n values give the figures the literal
// algorithm gave. A small comparison is bit for bit the same; on large traces every figure but the
// confidence interval is the same to the last bit, the verdicts are the same, and each interval
// agrees with the literal bootstrap's within a third of its width. No timing here: the time is
// bench/compare's.
#include "metrics/statistics.h"
#include "report/compare.h"
#include "reportfixture.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace BurgerBench;
using Fixture::Ms;

namespace {

// `n` streamed successes, TTFT lognormal around ttftMs, `tokens` tokens with lognormal gaps.
RunTrace synthetic(int n, double ttftMs, int tokens, quint32 seed)
{
    RunTrace t;
    t.scenario.requests = n;
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> ttft(std::log(ttftMs), 0.2);
    std::lognormal_distribution<double> gap(std::log(20.0), 0.1);
    for (int i = 0; i < n; ++i) {
        RequestRecord r
            = Fixture::success(quint32(i), qint64(i) * 10 * Ms, qint64(ttft(rng) * 1e6), tokens, 0, i % 64);
        std::vector<qint64> times = r.tokenNs.toVector();
        for (int k = 1; k < tokens; ++k)
            times[size_t(k)] = times[size_t(k) - 1] + qint64(gap(rng) * 1e6);
        r.tokenNs = TokenTimes(times);
        r.endNs = r.tokenNs.back() + 120'000;
        t.requests.push_back(std::move(r));
    }
    t.measuredStartNs = 0;
    t.endNs = t.requests.back().endNs;
    return t;
}

// The comparison as the literal algorithm made it before: every resample drawn, sizes clamped.
struct Literal
{
    double p;
    Compare::Interval ci;
};
Literal literalRow(const std::vector<double> &a, const std::vector<double> &b, double rank, quint64 seed,
    const Compare::Options &options)
{
    const int resamples
        = int(std::clamp(2e7 / double(a.size() + b.size() + 1), 200.0, double(options.maxResamples)));
    return { Compare::mannWhitney(a, b).p, Compare::bootstrapDifference(a, b, rank, resamples, seed) };
}

double rank(const Compare::Row &row)
{
    return row.stat == QLatin1String("mean") ? -1 : row.stat.mid(1).toDouble();
}

void checkAgainstLiteral(const RunTrace &ta, const RunTrace &tb, bool exact)
{
    const Compare::Options options;
    const QList<Compare::Row> rows = Compare::compare(ta, tb, options);
    const Compare::Samples sa = Compare::collectSamples(ta);
    const Compare::Samples sb = Compare::collectSamples(tb);
    const std::map<QString, std::pair<const std::vector<double> *, const std::vector<double> *>> samples {
        { QStringLiteral("ttft_ms"), { &sa.ttft, &sb.ttft } },
        { QStringLiteral("tpot_ms"), { &sa.tpot, &sb.tpot } },
        { QStringLiteral("itl_ms"), { &sa.itl, &sb.itl } },
        { QStringLiteral("e2el_ms"), { &sa.e2el, &sb.e2el } }
    };
    int checked = 0;
    std::map<QString, quint64> seeds;
    for (const Compare::Row &row : rows) {
        if (row.stat.isEmpty())
            continue;
        const auto &[a, b] = samples.at(row.metric);
        // The literal reference costs ~2e7 draws a statistic: on large traces two metrics (the
        // per-request TTFT and the per-token ITL) keep the test to seconds.
        if (!exact && row.metric != QLatin1String("ttft_ms") && row.metric != QLatin1String("itl_ms")) {
            QCOMPARE(row.a,
                rank(row) < 0 ? Statistics::describe(*a, options.ranks).mean
                              : Statistics::describe(*a, options.ranks).percentile(rank(row)));
            ++checked;
            continue;
        }
        const double rank = ::rank(row);
        const Distribution da = Statistics::describe(*a, options.ranks);
        const Distribution db = Statistics::describe(*b, options.ranks);
        QCOMPARE(row.a, rank < 0 ? da.mean : da.percentile(rank));
        QCOMPARE(row.b, rank < 0 ? db.mean : db.percentile(rank));
        const quint64 seed = seeds.count(row.metric) ? seeds[row.metric] : options.seed;
        seeds[row.metric] = seed + 1;
        const Literal literal = literalRow(*a, *b, rank, seed, options);
        QCOMPARE(row.p, literal.p);
        QVERIFY(row.ci.valid && literal.ci.valid);
        const QString what = row.metric + QLatin1Char(' ') + row.stat
            + QStringLiteral(": CI [%1, %2], literal [%3, %4]")
                  .arg(row.ci.low)
                  .arg(row.ci.high)
                  .arg(literal.ci.low)
                  .arg(literal.ci.high);
        if (exact) {
            QVERIFY2(row.ci.low == literal.ci.low && row.ci.high == literal.ci.high, qPrintable(what));
        } else {
            // Two bootstraps of the same law, each with its own random draws: the ends agree
            // within a third of the interval's width (the literal one has 200 to 1,000 resamples;
            // a 2.5% end of so few is itself that noisy).
            const double width = std::max(literal.ci.high - literal.ci.low, 1e-9);
            QVERIFY2(std::abs(row.ci.low - literal.ci.low) <= width / 3 + 1e-9, qPrintable(what));
            QVERIFY2(std::abs(row.ci.high - literal.ci.high) <= width / 3 + 1e-9, qPrintable(what));
        }
        const bool excludesZero = literal.ci.low > 0 || literal.ci.high < 0;
        const Compare::Verdict literalVerdict = literal.p < options.alpha && excludesZero
            ? Compare::Verdict::BeyondNoise
            : Compare::Verdict::WithinNoise;
        QVERIFY2(row.verdict == literalVerdict, qPrintable(what));
        ++checked;
    }
    QCOMPARE(checked, 4 * 5); // four metrics, mean and four percentiles each
}

} // namespace

class TestCompareLarge : public QObject
{
    Q_OBJECT
private slots:
    void mergeRankTestIsTheSortedOne();
    void smallSidesDrawAsBefore();
    void smallCompareBitForBit();
    void largeCompareSameFigures();
    void largeSideAgainstSmallSide();
};

void TestCompareLarge::mergeRankTestIsTheSortedOne()
{
    // With ties across and within the samples, and samples of unequal sizes.
    std::mt19937_64 rng(3);
    for (int round = 0; round < 20; ++round) {
        std::vector<double> a(size_t(5 + rng() % 300)), b(size_t(5 + rng() % 300));
        for (double &x : a)
            x = double(rng() % 50);
        for (double &x : b)
            x = double(rng() % 60) / (round % 2 ? 1.0 : 3.0);
        std::vector<double> sa = a, sb = b;
        std::sort(sa.begin(), sa.end());
        std::sort(sb.begin(), sb.end());
        // The reference: ranks of the pooled sort, as the test always did.
        std::vector<std::pair<double, int>> all;
        all.reserve(a.size() + b.size());
        for (double x : a)
            all.emplace_back(x, 0);
        for (double x : b)
            all.emplace_back(x, 1);
        std::sort(all.begin(), all.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
        double rankSumA = 0;
        for (size_t i = 0; i < all.size();) {
            size_t j = i;
            while (j < all.size() && all[j].first == all[i].first)
                ++j;
            for (size_t k = i; k < j; ++k)
                if (all[k].second == 0)
                    rankSumA += (double(i + 1) + double(j)) / 2.0;
            i = j;
        }
        const Compare::MannWhitney m = Compare::mannWhitneySorted(sa, sb);
        QCOMPARE(m.u, rankSumA - double(a.size()) * double(a.size() + 1) / 2.0);
        const Compare::MannWhitney unsorted = Compare::mannWhitney(a, b);
        QCOMPARE(m.u, unsorted.u);
        QCOMPARE(m.z, unsorted.z);
        QCOMPARE(m.p, unsorted.p);
    }
}

void TestCompareLarge::smallSidesDrawAsBefore()
{
    std::mt19937_64 rng(5);
    std::vector<double> a(800), b(1200);
    for (double &x : a)
        x = 100 + double(rng() % 1000) / 10;
    for (double &x : b)
        x = 103 + double(rng() % 1000) / 10;
    std::vector<double> sa = a, sb = b;
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    for (double rank : { -1.0, 50.0, 99.0 }) {
        const Compare::Interval literal = Compare::bootstrapDifference(a, b, rank, 700, 11);
        const Compare::Interval sorted = Compare::bootstrapDifferenceSorted(a, sa, b, sb, rank, 700, 11);
        QCOMPARE(sorted.low, literal.low);
        QCOMPARE(sorted.high, literal.high);
    }
}

void TestCompareLarge::smallCompareBitForBit()
{
    checkAgainstLiteral(synthetic(300, 200, 8, 1), synthetic(400, 210, 8, 2), true);
}

void TestCompareLarge::largeCompareSameFigures()
{
    // 11,000 against 11,000 requests of 4 tokens: every sample above the literal limit (10,000).
    checkAgainstLiteral(synthetic(11'000, 200, 4, 1), synthetic(11'000, 204, 4, 2), false);
    // The same run twice: every difference is 0 and within noise.
    const RunTrace same = synthetic(11'000, 200, 4, 9);
    for (const Compare::Row &row : Compare::compare(same, same))
        if (!row.stat.isEmpty()) {
            QCOMPARE(row.delta, 0.0);
            QCOMPARE(int(row.verdict), int(Compare::Verdict::WithinNoise));
        }
}

void TestCompareLarge::largeSideAgainstSmallSide()
{
    // One side literal (400 samples), the other drawn (12,000): the mixed path.
    checkAgainstLiteral(synthetic(400, 200, 4, 3), synthetic(12'000, 230, 4, 4), false);
}

QTEST_GUILESS_MAIN(TestCompareLarge)
#include "tst_comparelarge.moc"
