#include "gui/livestatistics.h"
#include "gui/storynarrator.h"
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

QTEST_GUILESS_MAIN(tst_StoryNarrator)
#include "tst_storynarrator.moc"
