#include "metrics/summary.h"
#include "metrics/threshold.h"

#include <QTest>

#include <cmath>

using namespace BurgerBench;

class tst_Threshold : public QObject
{
    Q_OBJECT
private slots:
    void parseAndEvaluate_data();
    void parseAndEvaluate();
    void clientBusyWithoutProbe();
    void rejects_data();
    void rejects();
};

static Summary sampleSummary()
{
    Summary s;
    s.sent = 100;
    s.completed = 97;
    s.failed = 2;
    s.incomplete = 1;
    s.requestThroughput = 12.5;
    s.durationS = 8;
    s.ttft.count = 97;
    s.ttft.mean = 210;
    s.ttft.median = 205;
    s.ttft.max = 480;
    s.ttft.percentileRanks = { 50, 99 };
    s.ttft.percentileValues = { 205, 450 };
    s.client.measured = true;
    s.client.busyMax = 0.75;
    s.clientLimit.limited = true;
    return s;
}

void tst_Threshold::parseAndEvaluate_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("violated");
    QTest::addColumn<double>("measured");

    QTest::newRow("p99 above limit in ms") << QStringLiteral("ttft.p99>400ms") << true << 450.0;
    QTest::newRow("p99 below limit in s") << QStringLiteral("ttft.p99>0.5s") << false << 450.0;
    QTest::newRow("default unit is ms") << QStringLiteral("ttft.mean>=210") << true << 210.0;
    QTest::newRow("microseconds") << QStringLiteral("ttft.median<205001us") << true << 205.0;
    QTest::newRow("failed count") << QStringLiteral("failed>0") << true << 2.0;
    QTest::newRow("error rate percent") << QStringLiteral("error_rate>5%") << false << 0.02;
    QTest::newRow("error rate fraction") << QStringLiteral("error_rate>=0.02") << true << 0.02;
    QTest::newRow("throughput floor") << QStringLiteral("request_throughput<20") << true << 12.5;
    QTest::newRow("spaces allowed") << QStringLiteral(" completed != 97 ") << false << 97.0;
    QTest::newRow("percentile not computed fails") << QStringLiteral("ttft.p90>1s") << true << std::nan("");
    QTest::newRow("client busy percent") << QStringLiteral("client_busy>70%") << true << 0.75;
    QTest::newRow("client busy fraction") << QStringLiteral("client_busy>0.8") << false << 0.75;
    QTest::newRow("client limited") << QStringLiteral("client_limited>0") << true << 1.0;
    QTest::newRow("no samples fails") << QStringLiteral("itl.p50>1ms") << true << std::nan("");
}

void tst_Threshold::parseAndEvaluate()
{
    QFETCH(QString, rule);
    QFETCH(bool, violated);
    QFETCH(double, measured);
    Threshold t;
    QString error;
    QVERIFY2(Threshold::parse(rule, &t, &error), qPrintable(error));
    double got = 0;
    QCOMPARE(t.violated(sampleSummary(), &got), violated);
    if (std::isnan(measured))
        QVERIFY(std::isnan(got));
    else
        QCOMPARE(got, measured);
}

void tst_Threshold::clientBusyWithoutProbe()
{
    // A run without the loop probe (an old report) has no client figure: the rule fails, as a rule
    // on any missing sample does, rather than passing on a made-up 0.
    Summary s = sampleSummary();
    s.client = ClientSaturation();
    Threshold t;
    QString error;
    QVERIFY2(Threshold::parse(QStringLiteral("client_busy>70%"), &t, &error), qPrintable(error));
    double got = 0;
    QVERIFY(t.violated(s, &got));
    QVERIFY(std::isnan(got));
}

void tst_Threshold::rejects_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("message");
    QTest::newRow("garbage") << QStringLiteral("fast please") << QStringLiteral("expected METRIC");
    QTest::newRow("unknown metric") << QStringLiteral("latency.p99>1s")
                                    << QStringLiteral("unknown metric \"latency\"");
    QTest::newRow("missing statistic") << QStringLiteral("ttft>1s") << QStringLiteral("needs a statistic");
    QTest::newRow("bad statistic") << QStringLiteral("ttft.avg>1s") << QStringLiteral("unknown statistic");
    QTest::newRow("percentile over 100")
        << QStringLiteral("ttft.p101>1s") << QStringLiteral("must be p0 to p100");
    QTest::newRow("percent on duration") << QStringLiteral("ttft.p99>5%") << QStringLiteral("not %");
    QTest::newRow("statistic on scalar") << QStringLiteral("failed.p99>0") << QStringLiteral("takes no .p99");
    QTest::newRow("percent on a count")
        << QStringLiteral("failed>5%") << QStringLiteral("only error_rate and client_busy take %");
    QTest::newRow("unit on count") << QStringLiteral("failed>3ms") << QStringLiteral("takes no unit");
}

void tst_Threshold::rejects()
{
    QFETCH(QString, rule);
    QFETCH(QString, message);
    Threshold t;
    QString error;
    QVERIFY(!Threshold::parse(rule, &t, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.contains(rule), "the message must quote the rule");
}

QTEST_GUILESS_MAIN(tst_Threshold)
#include "tst_threshold.moc"
