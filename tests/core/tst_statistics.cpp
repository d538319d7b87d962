#include "metrics/statistics.h"

#include <QTest>

#include <QRandomGenerator>

#include <cmath>
#include <limits>

using namespace BurgerBench;

// Expected values are numpy's: np.percentile(x, q) (method "linear"), np.mean, np.median and
// np.std (ddof = 0), worked out by hand in the comments: pos = q/100 * (n - 1),
// value = s[floor(pos)] + (s[floor(pos) + 1] - s[floor(pos)]) * (pos - floor(pos)).
class tst_Statistics : public QObject
{
    Q_OBJECT

private slots:
    void percentileSorted_data();
    void percentileSorted();
    void describe_data();
    void describe();
    void describeEmpty();
    void percentileLookup();
    void describeNsIsDescribe_data();
    void describeNsIsDescribe();
    void describeNsEmpty();
    void describeNsVisitsOnePassAByte();
};

void tst_Statistics::percentileSorted_data()
{
    QTest::addColumn<QList<double>>("sorted");
    QTest::addColumn<double>("rank");
    QTest::addColumn<double>("expected");

    const QList<double> four { 1, 2, 3, 4 };
    QTest::newRow("1..4 p0 is the min") << four << 0.0 << 1.0;
    QTest::newRow("1..4 p25") << four << 25.0 << 1.75; // pos 0.75: 1 + 0.75 * 1
    QTest::newRow("1..4 p50") << four << 50.0 << 2.5; // pos 1.5: 2 + 0.5 * 1
    QTest::newRow("1..4 p90") << four << 90.0 << 3.7; // pos 2.7: 3 + 0.7 * 1
    QTest::newRow("1..4 p99") << four << 99.0 << 3.97; // pos 2.97: 3 + 0.97 * 1
    QTest::newRow("1..4 p100 is the max") << four << 100.0 << 4.0;

    const QList<double> five { 15, 20, 35, 40, 50 };
    QTest::newRow("15..50 p10") << five << 10.0 << 17.0; // pos 0.4: 15 + 0.4 * 5
    QTest::newRow("15..50 p40") << five << 40.0 << 29.0; // pos 1.6: 20 + 0.6 * 15
    QTest::newRow("15..50 p50 on a sample") << five << 50.0 << 35.0; // pos 2 exactly
    QTest::newRow("15..50 p90") << five << 90.0 << 46.0; // pos 3.6: 40 + 0.6 * 10
    QTest::newRow("15..50 p95") << five << 95.0 << 48.0; // pos 3.8: 40 + 0.8 * 10
    QTest::newRow("15..50 p99") << five << 99.0 << 49.6; // pos 3.96: 40 + 0.96 * 10

    QTest::newRow("two samples p99.9") << QList<double> { 10, 20 } << 99.9 << 19.99; // pos 0.999
    QTest::newRow("two samples p50") << QList<double> { 10, 20 } << 50.0 << 15.0;
    QTest::newRow("ties") << QList<double> { 5, 5, 5, 9 } << 50.0 << 5.0; // pos 1.5 between 5 and 5
    QTest::newRow("ties then jump") << QList<double> { 5, 5, 5, 9 } << 90.0 << 7.8; // pos 2.7: 5 + 0.7 * 4
    QTest::newRow("single sample any rank") << QList<double> { 7 } << 90.0 << 7.0;
    QTest::newRow("single sample p0") << QList<double> { 7 } << 0.0 << 7.0;
    QTest::newRow("negative values") << QList<double> { -4, -2, 0 } << 75.0 << -1.0; // pos 1.5
}

void tst_Statistics::percentileSorted()
{
    QFETCH(QList<double>, sorted);
    QFETCH(double, rank);
    QFETCH(double, expected);
    const std::vector<double> samples(sorted.cbegin(), sorted.cend());
    QCOMPARE(Statistics::percentileSorted(samples, rank), expected);
}

void tst_Statistics::describe_data()
{
    QTest::addColumn<QList<double>>("samples");
    QTest::addColumn<QList<double>>("ranks");
    QTest::addColumn<QList<double>>("percentiles");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("stddev");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");

    const QList<double> defaultRanks { 50, 90, 95, 99 };
    // mean 2.5; deviations 1.5 .5 .5 1.5 -> squares sum 5; std = sqrt(5 / 4) = 1.118033988749895
    QTest::newRow("1..4 unsorted") << QList<double> { 3, 1, 4, 2 } << defaultRanks
                                   << QList<double> { 2.5, 3.7, 3.85, 3.97 } << 2.5 << 2.5
                                   << 1.118033988749895 << 1.0 << 4.0;
    // mean 160 / 5 = 32; deviations -17 -12 3 8 18 -> 289 + 144 + 9 + 64 + 324 = 830;
    // std = sqrt(830 / 5) = sqrt(166) = 12.884098726725126
    QTest::newRow("15..50 unsorted") << QList<double> { 40, 15, 50, 20, 35 } << QList<double> { 40, 90 }
                                     << QList<double> { 29, 46 } << 32.0 << 35.0 << 12.884098726725126 << 15.0
                                     << 50.0;
    // np.std([7]) == 0; every percentile is the sample.
    QTest::newRow("single sample") << QList<double> { 7 } << defaultRanks << QList<double> { 7, 7, 7, 7 }
                                   << 7.0 << 7.0 << 0.0 << 7.0 << 7.0;
    // Population, not sample, std: np.std([2, 4]) = 1 (ddof = 1 would give 1.414...).
    QTest::newRow("population std") << QList<double> { 2, 4 } << QList<double> { 50 } << QList<double> { 3 }
                                    << 3.0 << 3.0 << 1.0 << 2.0 << 4.0;
    // A one-pass E[x^2] - E[x]^2 loses everything at this offset; two passes give
    // the same 1.118033988749895 as 1..4.
    QTest::newRow("large offset std")
        << QList<double> { 1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4 } << QList<double> { 90 }
        << QList<double> { 1e9 + 3.7 } << 1e9 + 2.5 << 1e9 + 2.5 << 1.118033988749895 << 1e9 + 1 << 1e9 + 4;
    QTest::newRow("no ranks") << QList<double> { 1, 2 } << QList<double> {} << QList<double> {} << 1.5 << 1.5
                              << 0.5 << 1.0 << 2.0;
}

void tst_Statistics::describe()
{
    QFETCH(QList<double>, samples);
    QFETCH(QList<double>, ranks);
    QFETCH(QList<double>, percentiles);

    const Distribution d = Statistics::describe(std::vector<double>(samples.cbegin(), samples.cend()), ranks);
    QCOMPARE(d.count, int(samples.size()));
    QTEST(d.mean, "mean");
    QTEST(d.median, "median");
    QTEST(d.stddev, "stddev");
    QTEST(d.min, "min");
    QTEST(d.max, "max");
    QCOMPARE(d.percentileRanks, ranks);
    QCOMPARE(d.percentileValues.size(), percentiles.size());
    for (qsizetype i = 0; i < percentiles.size(); ++i)
        QCOMPARE(d.percentileValues.at(i), percentiles.at(i));
}

void tst_Statistics::describeEmpty()
{
    const Distribution d = Statistics::describe({}, { 50, 99 });
    QCOMPARE(d.count, 0);
    QVERIFY(std::isnan(d.mean));
    QVERIFY(std::isnan(d.median));
    QVERIFY(std::isnan(d.stddev));
    QVERIFY(std::isnan(d.min));
    QVERIFY(std::isnan(d.max));
    QCOMPARE(d.percentileRanks, (QList<double> { 50, 99 }));
    QCOMPARE(d.percentileValues.size(), 2);
    QVERIFY(std::isnan(d.percentileValues.at(0)));
    QVERIFY(std::isnan(d.percentileValues.at(1)));
    QVERIFY(std::isnan(Statistics::percentileSorted({}, 50)));
}

void tst_Statistics::percentileLookup()
{
    const Distribution d = Statistics::describe({ 15, 20, 35, 40, 50 }, { 40, 90, 99.9 });
    QCOMPARE(d.percentile(40), 29.0);
    QCOMPARE(d.percentile(90), 46.0);
    // 99.9 parsed from "p99.9" or computed as 100 - 0.1 is still the listed rank.
    QCOMPARE(d.percentile(100 - 0.1), d.percentileValues.at(2));
    QCOMPARE(d.percentile(99.9), 49.96); // pos 3.996: 40 + 0.996 * 10
    QVERIFY(std::isnan(d.percentile(50))); // not listed
    QVERIFY(std::isnan(d.percentile(40.01)));
}

// describeNs() never holds its samples: it must give describe()'s figures of the same samples in
// ms, bit for bit for every order statistic (min, max, median, each percentile), to the last few
// bits for the mean and standard deviation.
void tst_Statistics::describeNsIsDescribe_data()
{
    QTest::addColumn<QList<qint64>>("ns");
    QRandomGenerator random(19);
    const auto draw = [&random](int n, qint64 low, qint64 high) {
        QList<qint64> values;
        for (int i = 0; i < n; ++i)
            values.append(low + qint64(random.bounded(double(high - low))));
        return values;
    };
    QTest::newRow("one sample") << QList<qint64> { 1'234'567 };
    QTest::newRow("two samples") << QList<qint64> { 5'000'000, 1'000'000 };
    QTest::newRow("all equal") << QList<qint64>(1000, 20'000'000);
    QTest::newRow("token gaps around 1 ms") << draw(20'000, 900'000, 1'200'000);
    QTest::newRow("wide: 1 ns to 10 s") << draw(5'000, 1, 10'000'000'000);
    QTest::newRow("few distinct values, many duplicates") << [&random] {
        QList<qint64> values;
        for (int i = 0; i < 3'001; ++i)
            values.append(qint64(random.bounded(4)) * 1'000'000);
        return values;
    }();
    QTest::newRow("negative and positive") << QList<qint64> { -5, 3, -2'000'000, 7'000'000, 0 };
    QTest::newRow("the whole range of qint64") << QList<qint64> { std::numeric_limits<qint64>::min() / 2, 0,
        std::numeric_limits<qint64>::max() / 2 };
}

void tst_Statistics::describeNsIsDescribe()
{
    QFETCH(QList<qint64>, ns);
    const QList<double> ranks { 0, 10, 50, 90, 95, 99, 99.9, 100 };
    std::vector<double> ms;
    for (qint64 v : ns)
        ms.push_back(double(v) / 1e6);
    const Distribution expected = Statistics::describe(ms, ranks);
    const Distribution d = Statistics::describeNs(
        [&ns](const std::function<void(qint64)> &visit) {
            for (qint64 v : ns)
                visit(v);
        },
        ranks);
    QCOMPARE(d.count, expected.count);
    QCOMPARE(d.min, expected.min);
    QCOMPARE(d.max, expected.max);
    QCOMPARE(d.median, expected.median);
    QCOMPARE(d.percentileRanks, ranks);
    QCOMPARE(d.percentileValues, expected.percentileValues);
    const double scale = std::max(std::abs(expected.min), std::abs(expected.max));
    QVERIFY2(std::abs(d.mean - expected.mean) <= 1e-12 * scale,
        qPrintable(
            QStringLiteral("mean %1, describe() %2").arg(d.mean, 0, 'g', 17).arg(expected.mean, 0, 'g', 17)));
    QVERIFY2(std::abs(d.stddev - expected.stddev) <= 1e-9 * std::max(scale, 1e-9),
        qPrintable(QStringLiteral("stddev %1, describe() %2")
                       .arg(d.stddev, 0, 'g', 17)
                       .arg(expected.stddev, 0, 'g', 17)));
}

void tst_Statistics::describeNsEmpty()
{
    const Distribution d = Statistics::describeNs([](const std::function<void(qint64)> &) {}, { 50, 99 });
    QCOMPARE(d.count, 0);
    QVERIFY(std::isnan(d.mean));
    QVERIFY(std::isnan(d.median));
    QVERIFY(std::isnan(d.min));
    QCOMPARE(d.percentileValues.size(), 2);
    QVERIFY(std::isnan(d.percentileValues.at(1)));
}

// The price of holding nothing: passes over the samples, not memory. A range of 2^20 ns takes the
// first pass (count, min, max, sum), the standard deviation's, and three of selection.
void tst_Statistics::describeNsVisitsOnePassAByte()
{
    int passes = 0;
    const Distribution d = Statistics::describeNs(
        [&passes](const std::function<void(qint64)> &visit) {
            ++passes;
            for (qint64 v = 0; v <= (qint64(1) << 20); v += 1024)
                visit(v);
        },
        { 50, 99 });
    QCOMPARE(d.count, 1025);
    QCOMPARE(d.max, double(qint64(1) << 20) / 1e6);
    QCOMPARE(passes, 2 + 3);
}

QTEST_GUILESS_MAIN(tst_Statistics)
#include "tst_statistics.moc"
