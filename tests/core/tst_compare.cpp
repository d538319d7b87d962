#include "metrics/statistics.h"
#include "metrics/summary.h"
#include "report/compare.h"
#include "reportfixture.h"

#include <QTest>

#include <cmath>

using namespace BurgerBench;
using Fixture::Ms;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

// A run of `n` streamed successes whose TTFT is ttftMs + i * stepMs (i = 0..n-1).
RunTrace run(int n, double ttftMs, double stepMs, qint64 gapNs = 20 * Ms)
{
    RunTrace t;
    t.scenario.requests = n;
    for (int i = 0; i < n; ++i) {
        const qint64 ttft = qint64(std::llround((ttftMs + i * stepMs) * 1e6));
        t.requests.push_back(Fixture::success(quint32(i), qint64(i) * 10 * Ms, ttft, 5, gapNs, i % 4));
    }
    t.measuredStartNs = 0;
    t.endNs = t.requests.back().endNs;
    return t;
}

const Compare::Row *find(const QList<Compare::Row> &rows, const QString &metric, const QString &stat)
{
    for (const Compare::Row &r : rows)
        if (r.metric == metric && r.stat == stat)
            return &r;
    return nullptr;
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT
private slots:
    void mannWhitney_data();
    void mannWhitney();
    void bootstrapConstantShift();
    void bootstrapIsReproducible();
    void arithmetic_data();
    void arithmetic();
    void verdicts_data();
    void verdicts();
    void samplesMatchSummary();
    void tableSpellsOutTheRule();
};

void TestCompare::mannWhitney_data()
{
    QTest::addColumn<std::vector<double>>("a");
    QTest::addColumn<std::vector<double>>("b");
    QTest::addColumn<double>("u");
    QTest::addColumn<double>("z");
    QTest::addColumn<double>("p");
    // Expected values from an independent implementation of scipy's asymptotic method
    // (continuity and tie corrections); the first is scipy's documented 0.01219.
    QTest::newRow("separated") << std::vector<double> { 1, 2, 3, 4, 5 }
                               << std::vector<double> { 6, 7, 8, 9, 10 } << 0.0 << -2.5067182457620487
                               << 0.012185780355344818;
    QTest::newRow("ties") << std::vector<double> { 1, 2, 2, 3 } << std::vector<double> { 2, 3, 3, 4 } << 3.0
                          << -1.365698202000489 << 0.17203370892182296;
    QTest::newRow("interleaved, unequal sizes")
        << std::vector<double> { 3.1, 1.2, 5.5, 2.2, 9.0, 4.4 } << std::vector<double> { 2.0, 8.8, 7.7, 6.6 }
        << 8.0 << -0.7462025072446364 << 0.45554509378933006;
    QTest::newRow("all equal: no evidence")
        << std::vector<double> { 5, 5, 5 } << std::vector<double> { 5, 5, 5 } << 4.5 << 0.0 << 1.0;
    QTest::newRow("reversed gives +z")
        << std::vector<double> { 6, 7, 8, 9, 10 } << std::vector<double> { 1, 2, 3, 4, 5 } << 25.0
        << 2.5067182457620487 << 0.012185780355344818;
}

void TestCompare::mannWhitney()
{
    QFETCH(std::vector<double>, a);
    QFETCH(std::vector<double>, b);
    QFETCH(double, u);
    QFETCH(double, z);
    QFETCH(double, p);
    const Compare::MannWhitney mw = Compare::mannWhitney(a, b);
    QCOMPARE(mw.u, u);
    QVERIFY2(std::abs(mw.z - z) < 1e-12, qPrintable(QString::number(mw.z, 'g', 17)));
    QVERIFY2(std::abs(mw.p - p) < 1e-12, qPrintable(QString::number(mw.p, 'g', 17)));
}

void TestCompare::bootstrapConstantShift()
{
    const std::vector<double> a(20, 10.0);
    const std::vector<double> b(30, 12.5);
    for (double rank : { -1.0, 50.0, 99.0 }) {
        const Compare::Interval ci = Compare::bootstrapDifference(a, b, rank, 500, 1);
        QVERIFY(ci.valid);
        QCOMPARE(ci.low, 2.5);
        QCOMPARE(ci.high, 2.5);
    }
    QVERIFY(!Compare::bootstrapDifference({ 1 }, { 2, 3 }, 50, 500, 1).valid);
}

void TestCompare::bootstrapIsReproducible()
{
    std::vector<double> a, b;
    for (int i = 0; i < 200; ++i) {
        a.push_back(100 + (i * 37) % 23);
        b.push_back(103 + (i * 53) % 29);
    }
    const Compare::Interval x = Compare::bootstrapDifference(a, b, 90, 1000, 7);
    const Compare::Interval y = Compare::bootstrapDifference(a, b, 90, 1000, 7);
    QCOMPARE(x.low, y.low);
    QCOMPARE(x.high, y.high);
    QVERIFY(x.low <= x.high);
    // The observed difference of the statistic lies inside its own interval.
    const double observed
        = Statistics::describe(b, { 90 }).percentile(90) - Statistics::describe(a, { 90 }).percentile(90);
    QVERIFY2(x.low <= observed && observed <= x.high,
        qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(observed).arg(x.low).arg(x.high)));
}

void TestCompare::arithmetic_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("stat");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("delta");
    QTest::addColumn<double>("percent");
    // A: TTFT 100..119 ms (20 requests), B: 150..169 ms; 5 tokens 20 ms apart in both.
    QTest::newRow("ttft mean") << "ttft_ms"
                               << "mean" << 109.5 << 159.5 << 50.0 << 100.0 * 50.0 / 109.5;
    QTest::newRow("ttft p50") << "ttft_ms"
                              << "p50" << 109.5 << 159.5 << 50.0 << 100.0 * 50.0 / 109.5;
    QTest::newRow("ttft p90") << "ttft_ms"
                              << "p90" << 117.1 << 167.1 << 50.0 << 100.0 * 50.0 / 117.1;
    QTest::newRow("itl unchanged") << "itl_ms"
                                   << "p99" << 20.0 << 20.0 << 0.0 << 0.0;
    QTest::newRow("completed") << "completed"
                               << "" << 20.0 << 20.0 << 0.0 << 0.0;
}

void TestCompare::arithmetic()
{
    QFETCH(QString, metric);
    QFETCH(QString, stat);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, delta);
    QFETCH(double, percent);
    const QList<Compare::Row> rows = Compare::compare(run(20, 100, 1), run(20, 150, 1));
    const Compare::Row *row = find(rows, metric, stat);
    QVERIFY(row);
    QVERIFY2(std::abs(row->a - a) < 1e-9, qPrintable(QString::number(row->a, 'g', 17)));
    QVERIFY2(std::abs(row->b - b) < 1e-9, qPrintable(QString::number(row->b, 'g', 17)));
    QVERIFY(std::abs(row->delta - delta) < 1e-9);
    QVERIFY2(std::abs(row->percent - percent) < 1e-9, qPrintable(QString::number(row->percent, 'g', 17)));
}

void TestCompare::verdicts_data()
{
    QTest::addColumn<double>("shiftMs");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("stat");
    QTest::addColumn<int>("verdict");
    QTest::newRow("clear shift, mean") << 50.0 << "ttft_ms"
                                       << "mean" << int(Compare::Verdict::BeyondNoise);
    QTest::newRow("clear shift, p99") << 50.0 << "ttft_ms"
                                      << "p99" << int(Compare::Verdict::BeyondNoise);
    QTest::newRow("same run") << 0.0 << "ttft_ms"
                              << "p50" << int(Compare::Verdict::WithinNoise);
    QTest::newRow("tiny shift inside the spread") << 0.5 << "ttft_ms"
                                                  << "p50" << int(Compare::Verdict::WithinNoise);
    QTest::newRow("unchanged metric") << 50.0 << "itl_ms"
                                      << "mean" << int(Compare::Verdict::WithinNoise);
    QTest::newRow("run-level figure") << 50.0 << "request_throughput"
                                      << "" << int(Compare::Verdict::NotTestable);
}

void TestCompare::verdicts()
{
    QFETCH(double, shiftMs);
    QFETCH(QString, metric);
    QFETCH(QString, stat);
    QFETCH(int, verdict);
    const QList<Compare::Row> rows = Compare::compare(run(40, 100, 1), run(40, 100 + shiftMs, 1));
    const Compare::Row *row = find(rows, metric, stat);
    QVERIFY(row);
    QCOMPARE(int(row->verdict), verdict);
    if (verdict == int(Compare::Verdict::BeyondNoise)) {
        QVERIFY(row->p < 0.05);
        QVERIFY(row->ci.low > 0);
    }
    // Too few samples to test: two requests each.
    const QList<Compare::Row> few = Compare::compare(run(2, 100, 1), run(2, 200, 1));
    QCOMPARE(int(find(few, QStringLiteral("ttft_ms"), QStringLiteral("mean"))->verdict),
        int(Compare::Verdict::TooFewSamples));
}

void TestCompare::samplesMatchSummary()
{
    const RunTrace t = Fixture::sampleTrace(20);
    const QList<double> ranks { 50, 90, 99 };
    const Summary s = computeSummary(t, ranks, Slo());
    const Compare::Samples samples = Compare::collectSamples(t);
    const std::pair<const std::vector<double> *, const Distribution *> pairs[] = { { &samples.ttft, &s.ttft },
        { &samples.tpot, &s.tpot }, { &samples.itl, &s.itl }, { &samples.e2el, &s.e2el } };
    for (const auto &[v, d] : pairs) {
        QCOMPARE(int(v->size()), d->count);
        const Distribution mine = Statistics::describe(*v, ranks);
        QCOMPARE(mine.percentileValues, d->percentileValues);
    }
}

void TestCompare::tableSpellsOutTheRule()
{
    const Compare::Options options;
    const QString table = Compare::formatTable(QStringLiteral("a.json"), QStringLiteral("b.json"),
        Compare::compare(run(30, 100, 1), run(30, 160, 1)), options);
    QVERIFY(table.contains(QLatin1String("A (baseline): a.json")));
    QVERIFY(table.contains(QLatin1String("Mann-Whitney")));
    QVERIFY(table.contains(QLatin1String("bootstrap")));
    QVERIFY(table.contains(QLatin1String("beyond noise")));
    QVERIFY(table.contains(QLatin1String("n/a (one value per run)")));
    QVERIFY(table.contains(QLatin1String("+60.000")));
    QVERIFY(!table.contains(QLatin1String("%%")));
}

QTEST_GUILESS_MAIN(TestCompare)
#include "tst_compare.moc"
