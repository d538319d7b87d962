#include "gui/livestatistics.h"
#include "gui/storynarrator.h"
#include "gui/translations.h"
#include "trace/runtrace.h"

#include <QTest>

using namespace BurgerBench;

namespace {
constexpr qint64 ms = 1'000'000;

RequestRecord request(int index, qint64 dispatch, qint64 firstToken, qint64 end, Outcome outcome)
{
    RequestRecord r;
    r.index = quint32(index);
    r.intendedNs = dispatch < 0 ? 0 : dispatch;
    r.dispatchNs = dispatch;
    if (firstToken >= 0) {
        for (qint64 t = firstToken; t <= (end >= 0 ? end : firstToken); t += 10 * ms)
            r.tokenNs.push_back(t);
    }
    r.endNs = end;
    r.outcome = outcome;
    return r;
}
// The server's /metrics after `scrapes` answered scrapes, its last sample `running` cooking and
// `waiting` in its line, split over two models when `models` is 2 (their lines add up).
void setKitchen(RunTrace *trace, int scrapes, double running, double waiting, int models = 1)
{
    ServerMetricsRecord &m = trace->serverMetrics;
    m.url = QStringLiteral("http://127.0.0.1:1/metrics");
    m.scrapes = scrapes;
    m.series.clear();
    for (int model = 0; model < models; ++model) {
        for (const auto &[metric, value] :
            { std::pair { "running", running }, std::pair { "waiting", waiting } }) {
            ServerSeries s;
            s.metric = QLatin1String(metric);
            s.name = QStringLiteral("vllm:num_requests_") + s.metric;
            s.kind = QStringLiteral("gauge");
            s.labels = { { QStringLiteral("model_name"), QStringLiteral("m%1").arg(model) } };
            s.samples = { { 0, 0 }, { qint64(scrapes) * 100 * ms, value / models } };
            m.series.push_back(s);
        }
    }
}
} // namespace

// The story's captions come from real transitions, and the live statistics from real samples:
// pure logic, checked without widgets.
class tst_StoryNarrator : public QObject
{
    Q_OBJECT
private slots:
    void stageOf_data();
    void stageOf();
    void cashierIsFreeWhileAnOrderWaits();
    void sequentialCashierWaitsAtTheCounter();
    void failureIsToldWithItsKind();
    void blockedLoopIsToldOnce();
    void busyShopIsSummedUp();
    void closedLoopOrdersNotYetTakenAreInLine();
    void kitchenIsTheBottleneck_data();
    void kitchenIsTheBottleneck();
    void cashierIsTheBottleneck_data();
    void cashierIsTheBottleneck();
    void percentilesFromSettledRequests();
    void requestsAtOrAbovePercentile_data();
    void requestsAtOrAbovePercentile();
    void rangeStatistics();
};

void tst_StoryNarrator::stageOf_data()
{
    QTest::addColumn<qint64>("dispatch");
    QTest::addColumn<qint64>("firstToken");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("stage");
    QTest::newRow("waiting for a slot")
        << qint64(-1) << qint64(-1) << qint64(-1) << int(Outcome::Pending) << int(OrderStage::InLine);
    QTest::newRow("sent, no token yet: at the table")
        << 10 * ms << qint64(-1) << qint64(-1) << int(Outcome::InFlight) << int(OrderStage::AtTable);
    QTest::newRow("tokens arriving: eating")
        << 10 * ms << 50 * ms << qint64(-1) << int(Outcome::InFlight) << int(OrderStage::Eating);
    QTest::newRow("done: served") << 10 * ms << 50 * ms << 90 * ms << int(Outcome::Success)
                                  << int(OrderStage::Served);
    QTest::newRow("failed") << 10 * ms << qint64(-1) << 90 * ms << int(Outcome::Failed)
                            << int(OrderStage::Failed);
    QTest::newRow("cut off") << 10 * ms << qint64(-1) << 90 * ms << int(Outcome::Incomplete)
                             << int(OrderStage::Cut);
}

void tst_StoryNarrator::stageOf()
{
    QFETCH(qint64, dispatch);
    QFETCH(qint64, firstToken);
    QFETCH(qint64, end);
    QFETCH(int, outcome);
    QFETCH(int, stage);
    RunTrace trace;
    trace.requests.push_back(request(0, dispatch, firstToken, end, Outcome(outcome)));
    QCOMPARE(int(StoryNarrator::stageOf(trace, 0)), stage);
    QCOMPARE(int(StoryNarrator::stageOf(trace, 1)), int(OrderStage::Unseen));
}

void tst_StoryNarrator::cashierIsFreeWhileAnOrderWaits()
{
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Concurrent);
    RunTrace trace;
    trace.requests.push_back(request(4, 0, -1, -1, Outcome::InFlight)); // order 5 at its table
    trace.requests[0].index = 0;
    QStringList first = narrator.update(trace, { 0 }, 1 * ms);
    QCOMPARE(first.size(), 1);
    trace.requests.push_back(request(1, 5 * ms, -1, -1, Outcome::InFlight));
    const QStringList captions = narrator.update(trace, { 1 }, 6 * ms);
    QCOMPARE(captions.size(), 1);
    QCOMPARE(captions.first(),
        QStringLiteral(
            "Order 1 is waiting at the table with its number; the cashier is free and takes order 2."));
    QCOMPARE(narrator.counts().atTable, 2);
    // Nothing changed: nothing to tell.
    QVERIFY(narrator.update(trace, { 0, 1 }, 7 * ms).isEmpty());
}

void tst_StoryNarrator::sequentialCashierWaitsAtTheCounter()
{
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Sequential);
    RunTrace trace;
    trace.requests.push_back(request(0, 0, -1, -1, Outcome::InFlight));
    const QStringList captions = narrator.update(trace, { 0 }, 1 * ms);
    QCOMPARE(captions.size(), 1);
    QVERIFY(captions.first().contains(QStringLiteral("waits at the counter")));
}

void tst_StoryNarrator::failureIsToldWithItsKind()
{
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Concurrent);
    RunTrace trace;
    trace.requests.push_back(request(0, 0, -1, -1, Outcome::InFlight));
    narrator.update(trace, { 0 }, 1 * ms);
    trace.requests[0].endNs = 40 * ms;
    trace.requests[0].outcome = Outcome::Failed;
    trace.requests[0].error = ErrorKind::Http;
    trace.requests[0].httpStatus = 429;
    const QStringList captions = narrator.update(trace, { 0 }, 41 * ms);
    QCOMPARE(captions.size(), 1);
    // In words, not the report's id (issue 16).
    QVERIFY2(captions.first().contains(QStringLiteral("HTTP 429: too many requests")),
        qPrintable(captions.first()));
    QVERIFY2(!captions.first().contains(QStringLiteral("http_429")), qPrintable(captions.first()));
    QCOMPARE(narrator.counts().failed, 1);
}

void tst_StoryNarrator::blockedLoopIsToldOnce()
{
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::AntiPattern);
    RunTrace trace;
    trace.loopBusy = { { 0, 1 * ms }, { 10 * ms, 160 * ms } };
    QStringList captions = narrator.update(trace, {}, 200 * ms);
    QCOMPARE(captions.size(), 1);
    QVERIFY(captions.first().contains(QStringLiteral("150 ms")));
    QVERIFY(narrator.counts().loopBlocked);
    // The same spans again are old news.
    QVERIFY(narrator.update(trace, {}, 300 * ms).isEmpty());
    QVERIFY(!narrator.counts().loopBlocked);
}

void tst_StoryNarrator::busyShopIsSummedUp()
{
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Concurrent);
    RunTrace trace;
    std::vector<int> changed;
    for (int i = 0; i < 30; ++i) {
        trace.requests.push_back(request(i, i * ms, -1, -1, Outcome::InFlight));
        changed.push_back(i);
    }
    const QStringList captions = narrator.update(trace, changed, 40 * ms);
    QCOMPARE(captions.size(), 1);
    QVERIFY(captions.first().startsWith(QStringLiteral("Busy counter: 30 orders taken")));
}

void tst_StoryNarrator::closedLoopOrdersNotYetTakenAreInLine()
{
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Concurrent);
    RunTrace trace;
    trace.scenario.requests = 8;
    for (int i = 0; i < 3; ++i)
        trace.requests.push_back(request(i, 0, -1, -1, Outcome::InFlight));
    narrator.update(trace, { 0, 1, 2 }, 1 * ms);
    QCOMPARE(narrator.counts().atTable, 3);
    QCOMPARE(narrator.counts().inLine, 5);
}

void tst_StoryNarrator::percentilesFromSettledRequests()
{
    RunTrace trace;
    // TTFTs of 10..100 ms; one still in flight and one failed are left out.
    for (int i = 0; i < 10; ++i)
        trace.requests.push_back(
            request(i, 0, (i + 1) * 10 * ms, (i + 1) * 10 * ms + 20 * ms, Outcome::Success));
    trace.requests.push_back(request(10, 0, 5 * ms, -1, Outcome::InFlight));
    trace.requests.push_back(request(11, 0, -1, 3 * ms, Outcome::Failed));
    LiveStatistics stats;
    std::vector<int> all(12);
    for (int i = 0; i < 12; ++i)
        all[size_t(i)] = i;
    stats.update(trace, all);
    stats.update(trace, all); // counted once
    QCOMPARE(stats.sampleCount(), 10);
    const LatencyFigures f = LiveStatistics::describe(stats.snapshot());
    QCOMPARE(f.p50[int(LatencyMetric::Ttft)], 55.0);
    QCOMPARE(f.p99[int(LatencyMetric::Ttft)], 99.1);
    QCOMPARE(f.p50[int(LatencyMetric::Itl)], 10.0);
}

void tst_StoryNarrator::requestsAtOrAbovePercentile_data()
{
    QTest::addColumn<int>("metric");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<std::vector<int>>("expected");
    QTest::newRow("TTFT >= 80 ms") << int(LatencyMetric::Ttft) << 80.0 << std::vector<int> { 7, 8, 9 };
    QTest::newRow("E2EL >= 115 ms") << int(LatencyMetric::E2el) << 115.0 << std::vector<int> { 9 };
    QTest::newRow("worst gap >= 10 ms: all with two tokens or more")
        << int(LatencyMetric::Itl) << 10.0 << std::vector<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
}

void tst_StoryNarrator::requestsAtOrAbovePercentile()
{
    QFETCH(int, metric);
    QFETCH(double, threshold);
    QFETCH(std::vector<int>, expected);
    RunTrace trace;
    for (int i = 0; i < 10; ++i)
        trace.requests.push_back(
            request(i, 0, (i + 1) * 10 * ms, (i + 1) * 10 * ms + 20 * ms, Outcome::Success));
    trace.requests.push_back(request(10, 0, 500 * ms, -1, Outcome::InFlight)); // not measured yet
    QCOMPARE(LiveStatistics::requestsAtOrAbove(trace, LatencyMetric(metric), threshold), expected);
}

void tst_StoryNarrator::rangeStatistics()
{
    RunTrace trace;
    trace.requests.push_back(request(0, 0, 100 * ms, 200 * ms, Outcome::Success)); // 11 tokens
    trace.requests.push_back(request(1, 50 * ms, 150 * ms, 250 * ms, Outcome::Success));
    trace.requests.push_back(request(2, 300 * ms, -1, 400 * ms, Outcome::Failed));
    trace.loopBusy = { { 0, 50 * ms }, { 100 * ms, 150 * ms } };
    trace.loopLag = { { 120 * ms, 3 * ms }, { 400 * ms, 9 * ms } };
    const RangeStatistics s = LiveStatistics::rangeStatistics(trace, 0, 200 * ms);
    QCOMPARE(s.started, 2);
    QCOMPARE(s.finished, 1);
    QCOMPARE(s.failed, 0);
    QCOMPARE(s.tokens, qint64(11 + 6)); // request 1 has tokens at 150..200 inside
    QCOMPARE(s.peakInFlight, 2);
    QCOMPARE(s.loopBusyFraction, 0.5);
    QCOMPARE(s.maxLoopLagNs, 3 * ms);
}

void tst_StoryNarrator::kitchenIsTheBottleneck_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("models");
    QTest::addColumn<QString>("expected");
    const QString en = QStringLiteral(
        "12 orders are waiting in the kitchen: the cooks, not the cashier, are the bottleneck.");
    const QString es = QStringLiteral(
        "12 pedidos esperan en la cocina: los cocineros, no el cajero, son el cuello de botella.");
    QTest::newRow("en") << QStringLiteral("en") << 1 << en;
    QTest::newRow("es") << QStringLiteral("es") << 1 << es;
    QTest::newRow("en, two models") << QStringLiteral("en") << 2 << en;
}

// The server reports 12 orders in its line: the cooks are the bottleneck, told once (not at every
// scrape that still says so), in the language chosen.
void tst_StoryNarrator::kitchenIsTheBottleneck()
{
    QFETCH(QString, language);
    QFETCH(int, models);
    QFETCH(QString, expected);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Concurrent);
    RunTrace trace;
    trace.scenario.requests = 16;
    for (int i = 0; i < 16; ++i)
        trace.requests.push_back(request(i, 0, -1, -1, Outcome::InFlight));
    std::vector<int> all;
    all.reserve(16);
    for (int i = 0; i < 16; ++i)
        all.push_back(i);
    setKitchen(&trace, 1, 0, 0, models);
    QStringList captions = narrator.update(trace, all, 1 * ms);
    QVERIFY2(
        !captions.join(QLatin1Char('\n')).contains(expected), qPrintable(captions.join(QLatin1Char('\n'))));
    setKitchen(&trace, 2, 4, 12, models);
    captions = narrator.update(trace, {}, 200 * ms);
    QVERIFY2(captions.contains(expected), qPrintable(captions.join(QLatin1Char('\n'))));
    // Still 12 at the next scrape: old news.
    setKitchen(&trace, 3, 4, 12, models);
    QVERIFY(!narrator.update(trace, {}, 300 * ms).contains(expected));
    translations.setLanguage(QStringLiteral("en"));
}

void tst_StoryNarrator::cashierIsTheBottleneck_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << QStringLiteral("en")
                        << QStringLiteral(
                               "Nobody is waiting in the kitchen (2 cooking) while 5 orders wait in line "
                               "at the counter: the cashier, not the cooks, is the bottleneck.");
    QTest::newRow("es") << QStringLiteral("es")
                        << QStringLiteral(
                               "En la cocina no espera nadie (2 cocinando) mientras 5 pedidos esperan en "
                               "la fila del mostrador: el cajero, no los cocineros, es el cuello de "
                               "botella.");
}

// The kitchen has room (2 cooking, nobody in its line) while the line at the counter grows from 3
// to 5: the cashier is the bottleneck. A kitchen with orders waiting is never blamed on the cashier.
void tst_StoryNarrator::cashierIsTheBottleneck()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Concurrent);
    RunTrace trace;
    // Open loop: orders whose time came and that the client has not sent yet are in line.
    for (int i = 0; i < 2; ++i)
        trace.requests.push_back(request(i, 0, -1, -1, Outcome::InFlight));
    for (int i = 2; i < 5; ++i)
        trace.requests.push_back(request(i, -1, -1, -1, Outcome::Pending));
    setKitchen(&trace, 1, 2, 0);
    QStringList captions = narrator.update(trace, { 0, 1, 2, 3, 4 }, 10 * ms);
    QCOMPARE(narrator.counts().inLine, 3);
    QVERIFY2(!captions.contains(expected), qPrintable(captions.join(QLatin1Char('\n'))));
    for (int i = 5; i < 7; ++i)
        trace.requests.push_back(request(i, -1, -1, -1, Outcome::Pending));
    setKitchen(&trace, 2, 2, 0);
    captions = narrator.update(trace, { 5, 6 }, 200 * ms);
    QCOMPARE(narrator.counts().inLine, 5);
    QVERIFY2(captions.contains(expected), qPrintable(captions.join(QLatin1Char('\n'))));

    // The same line with orders waiting in the kitchen: the cooks, not the cashier.
    StoryNarrator other;
    other.reset(ExecutionMode::Concurrent);
    setKitchen(&trace, 1, 2, 3);
    other.update(trace, { 0, 1, 2, 3, 4, 5, 6 }, 10 * ms);
    setKitchen(&trace, 2, 2, 3);
    const QStringList busy = other.update(trace, {}, 200 * ms);
    QVERIFY(!busy.contains(expected));
    translations.setLanguage(QStringLiteral("en"));
}

QTEST_GUILESS_MAIN(tst_StoryNarrator)
#include "tst_storynarrator.moc"
