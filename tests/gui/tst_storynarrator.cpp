#include "gui/livestatistics.h"
#include "gui/requestdescription.h"
#include "gui/runstory.h"
#include "gui/storynarrator.h"
#include "gui/translations.h"
#include "metrics/summary.h"
#include "trace/runtrace.h"

#include <QTest>

#include <numeric>

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
    void busySummariesAtMostOnceASecond();
    void stallWithoutCpuWorkIsNotCooking();
    void closedLoopOrdersNotYetTakenAreInLine();
    void kitchenIsTheBottleneck_data();
    void kitchenIsTheBottleneck();
    void cashierIsTheBottleneck_data();
    void cashierIsTheBottleneck();
    void percentilesFromSettledRequests();
    void queueTimeIsCountedLikeTheSummary();
    void requestsAtOrAbovePercentile_data();
    void requestsAtOrAbovePercentile();
    void rangeStatistics();
    void runStoryTellsItsOwnRun_data();
    void runStoryTellsItsOwnRun();
    void runStoryCountsRetriesAndFailures();
    void runStoryOfCpuWork();
    void loopIdleOnlyWhenItsBusyTimeWasMeasured();
    void runStoryInSpanish();
    void planTellsTheScenario();
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

// At 1,000 streams every live update is busy: one summary a second of the run, with all that
// happened since the last, not a line every update.
void tst_StoryNarrator::busySummariesAtMostOnceASecond()
{
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Concurrent);
    RunTrace trace;
    QStringList told;
    int next = 0;
    for (qint64 t = 0; t <= 1000 * ms; t += 50 * ms) { // 21 updates, 12 orders taken in each
        std::vector<int> changed;
        for (int i = 0; i < 12; ++i, ++next) {
            trace.requests.push_back(request(next, t, -1, -1, Outcome::InFlight));
            changed.push_back(next);
        }
        told << narrator.update(trace, changed, t);
    }
    QCOMPARE(told.size(), 2);
    QVERIFY2(told.at(0).startsWith(QStringLiteral("Busy counter: 12 orders taken")), qPrintable(told.at(0)));
    QVERIFY2(told.at(1).startsWith(QStringLiteral("Busy counter: 240 orders taken")), qPrintable(told.at(1)));
}

// A stall of the loop in a run without CPU work on it is not "the cashier cooking".
void tst_StoryNarrator::stallWithoutCpuWorkIsNotCooking()
{
    StoryNarrator narrator;
    narrator.reset(ExecutionMode::Concurrent);
    RunTrace trace;
    trace.loopBusy = { { 10 * ms, 60 * ms } };
    QStringList captions = narrator.update(trace, {}, 100 * ms);
    QCOMPARE(captions.size(), 1);
    QVERIFY2(!captions.first().contains(QStringLiteral("cook")), qPrintable(captions.first()));
    QVERIFY2(captions.first().contains(QStringLiteral("held up for 50 ms")), qPrintable(captions.first()));
    // With CPU work on the loop's own lane, it is.
    StoryNarrator cooking;
    cooking.reset(ExecutionMode::Concurrent);
    trace.taskLanes = { TaskLane { LaneKind::EventLoop, 1 } };
    trace.tasks = { TaskRecord { -1, 0, TaskKind::CpuWork, 10 * ms, 10 * ms, 60 * ms, 50 * ms } };
    captions = cooking.update(trace, {}, 100 * ms);
    QCOMPARE(captions.size(), 1);
    QVERIFY2(
        captions.first().contains(QStringLiteral("to cook at the counter")), qPrintable(captions.first()));
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

// Issue 16 item 9: the live statistics show the client queue time too, for every dispatched
// request (failures included), as the summary counts it, so the figure does not jump at the end.
void tst_StoryNarrator::queueTimeIsCountedLikeTheSummary()
{
    RunTrace trace;
    trace.scenario.requests = 10;
    for (int i = 0; i < 10; ++i) {
        RequestRecord r = request(i, (i + 1) * 10 * ms, (i + 1) * 10 * ms + 20 * ms,
            (i + 1) * 10 * ms + 40 * ms, i == 9 ? Outcome::Failed : Outcome::Success);
        r.intendedNs = 0; // all due at once: order i waited (i + 1) * 10 ms
        if (i == 9)
            r.tokenNs.clear();
        trace.requests.push_back(r);
    }
    trace.measuredStartNs = 0;
    trace.endNs = 150 * ms;
    LiveStatistics stats;
    std::vector<int> all(10);
    std::iota(all.begin(), all.end(), 0);
    stats.update(trace, all);
    const LatencyFigures live = LiveStatistics::describe(stats.snapshot());
    const LatencyFigures final = LatencyFigures::fromSummary(computeSummary(trace, { 50, 99 }, {}));
    const int q = int(LatencyMetric::Queue);
    QCOMPARE(live.p50[q], 55.0);
    QCOMPARE(live.p50[q], final.p50[q]);
    QCOMPARE(live.p99[q], final.p99[q]);
    // A click on its p99 lights the requests that waited that long: the failed one too.
    QCOMPARE(
        LiveStatistics::requestsAtOrAbove(trace, LatencyMetric::Queue, 90.0), (std::vector<int> { 8, 9 }));
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

namespace {
// `count` orders of `each` ns, `atOnce` of them in flight, one round after another (a closed
// loop: every customer is at the shop when it opens).
RunTrace roundsTrace(ExecutionMode mode, int count, int atOnce, qint64 each)
{
    RunTrace trace;
    trace.scenario.mode = mode;
    trace.scenario.concurrency = atOnce;
    trace.scenario.workers = atOnce;
    trace.scenario.requests = count;
    trace.measuredStartNs = 0;
    for (int i = 0; i < count; ++i) {
        const qint64 start = qint64(i / atOnce) * each;
        RequestRecord r = request(i, start, start + each / 2, start + each, Outcome::Success);
        r.intendedNs = start; // a closed loop records an order when it takes it
        trace.requests.push_back(r);
        trace.endNs = std::max(trace.endNs, start + each);
    }
    return trace;
}
} // namespace

void tst_StoryNarrator::runStoryTellsItsOwnRun_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("atOnce");
    QTest::addColumn<int>("bottleneck");
    QTest::addColumn<int>("waited");
    QTest::addColumn<QStringList>("says");
    QTest::newRow("sequential: a staircase")
        << int(ExecutionMode::Sequential) << 4 << 1 << int(StoryBottleneck::Line) << 3
        << QStringList { QStringLiteral("This run: 4 orders, 4 served, each in about 500 ms."),
               QStringLiteral("Their times add up to 2 s and the run took 2 s"),
               QStringLiteral("one order at a time, so 3 orders waited in line, the longest 1.5 s.") };
    QTest::newRow("concurrent: all at once")
        << int(ExecutionMode::Concurrent) << 8 << 8 << int(StoryBottleneck::Kitchen) << 0
        << QStringList { QStringLiteral("This run: 8 orders, 8 served, each in about 500 ms."),
               QStringLiteral("Their times add up to 4 s, yet the run took 500 ms, 8.0× faster than one at a "
                              "time: up to 8 were in flight at once."),
               QStringLiteral("The bottleneck was the kitchen") };
    QTest::newRow("concurrent, capped: the line")
        << int(ExecutionMode::Concurrent) << 12 << 4 << int(StoryBottleneck::Line) << 8
        << QStringList { QStringLiteral("This run: 12 orders"), QStringLiteral("4.0× faster"),
               QStringLiteral("up to 4 were in flight"),
               QStringLiteral("only 4 at a time, so 8 orders waited in line, the longest 1 s.") };
    QTest::newRow("blocking workers")
        << int(ExecutionMode::ParallelBlocking) << 6 << 3 << int(StoryBottleneck::Line) << 3
        << QStringList { QStringLiteral("3.0× faster"), QStringLiteral("only 3 at a time") };
}

// The story of a run is computed from its trace: different runs tell different figures, and the
// bottleneck is the one the trace shows.
void tst_StoryNarrator::runStoryTellsItsOwnRun()
{
    QFETCH(int, mode);
    QFETCH(int, count);
    QFETCH(int, atOnce);
    QFETCH(int, bottleneck);
    QFETCH(int, waited);
    QFETCH(QStringList, says);
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    const RunTrace trace = roundsTrace(ExecutionMode(mode), count, atOnce, 500 * ms);
    const RunStoryFacts facts = runStoryFacts(trace);
    QCOMPARE(facts.orders, count);
    QCOMPARE(facts.served, count);
    QCOMPARE(facts.typicalNs, 500 * ms);
    QCOMPARE(facts.summedNs, qint64(count) * 500 * ms);
    QCOMPARE(facts.peakInFlight, std::min(count, atOnce));
    QCOMPARE(facts.waitedInLine, waited);
    QCOMPARE(int(facts.bottleneck), bottleneck);
    const QString text = RunStory::text(facts);
    for (const QString &part : says)
        QVERIFY2(text.contains(part), qPrintable(text + QStringLiteral("\n  lacks: ") + part));
}

// Blocking workers and jobs: the run's thread samples its lag but records no busy spans, so
// nothing measured how idle it was; the story must not say "idle 100.0%" (the loop lane shows no
// figure either). With busy spans it says it, and the figure is theirs.
void tst_StoryNarrator::loopIdleOnlyWhenItsBusyTimeWasMeasured()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    RunTrace trace = roundsTrace(ExecutionMode::ParallelBlocking, 4, 2, 500 * ms);
    trace.loopBusy.clear();
    for (qint64 t = 0; t < 1000 * ms; t += 100 * ms)
        trace.loopLag.push_back({ t, 1 * ms });
    const RunStoryFacts unmeasured = runStoryFacts(trace);
    QVERIFY(unmeasured.loopIdle < 0);
    QVERIFY2(
        !RunStory::text(unmeasured).contains(QLatin1String("idle")), qPrintable(RunStory::text(unmeasured)));

    trace.loopBusy.push_back({ 0, 100 * ms }); // 10% of the second busy
    const RunStoryFacts measured = runStoryFacts(trace);
    QVERIFY2(std::abs(measured.loopIdle - 0.9) < 1e-6, qPrintable(QString::number(measured.loopIdle)));
}

void tst_StoryNarrator::runStoryCountsRetriesAndFailures()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    RunTrace trace = roundsTrace(ExecutionMode::Concurrent, 5, 5, 200 * ms);
    // Order 1 failed twice (HTTP 503) before it was served: the waits between tries are counted
    // and its time runs from its first try.
    RequestRecord &retried = trace.requests[1];
    retried.attempts = { AttemptRecord { 0, 50 * ms, 503, ErrorKind::Http, QString(), 100 * ms },
        AttemptRecord { 150 * ms, 180 * ms, 503, ErrorKind::Http, QString(), 120 * ms } };
    retried.dispatchNs = 300 * ms;
    retried.endNs = 500 * ms;
    trace.endNs = 500 * ms;
    for (int i : { 3, 4 }) {
        RequestRecord &r = trace.requests[size_t(i)];
        r.outcome = Outcome::Failed;
        r.error = ErrorKind::ConnectionRefused;
        r.tokenNs.clear();
    }
    RunStoryFacts facts = runStoryFacts(trace);
    QCOMPARE(facts.served, 3);
    QCOMPARE(facts.failed, 2);
    QCOMPARE(facts.retried, 1);
    QCOMPARE(facts.extraTries, 2);
    QCOMPARE(facts.retryWaitNs, 220 * ms);
    QCOMPARE(facts.typicalNs, 200 * ms);
    QCOMPARE(facts.summedNs, 900 * ms); // 200 + 500 (from the first try) + 200
    QCOMPARE(facts.commonErrorCount, 2);
    QCOMPARE(facts.commonError, errorKindLabel(ErrorKind::ConnectionRefused));
    const QString text = RunStory::text(facts);
    QVERIFY2(
        text.contains(QStringLiteral("1 order needed another try (2 more in all), waiting 220 ms between "
                                     "tries.")),
        qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("2 went wrong, most often: ") + facts.commonError), qPrintable(text));

    // Nothing served: the failures are the story, not the kitchen's speed.
    for (RequestRecord &r : trace.requests) {
        r.outcome = Outcome::Failed;
        r.error = ErrorKind::ConnectionRefused;
    }
    facts = runStoryFacts(trace);
    QCOMPARE(facts.bottleneck, StoryBottleneck::Failures);
    QVERIFY(RunStory::text(facts).contains(QStringLiteral("This run: 5 orders, none served.")));
    QVERIFY(RunStory::text(facts).contains(QStringLiteral("Nothing was served")));

    // The server's own count of orders waiting in its kitchen names it.
    trace = roundsTrace(ExecutionMode::Concurrent, 8, 8, 200 * ms);
    setKitchen(&trace, 3, 4, 3, 2);
    facts = runStoryFacts(trace);
    QCOMPARE(facts.kitchenWaitingMax, 3);
    QCOMPARE(facts.bottleneck, StoryBottleneck::KitchenLine);
    QVERIFY(RunStory::text(facts).contains(QStringLiteral("up to 3 orders waited there for a cook")));

    // The cashier cooking at the counter for a fifth of the run.
    trace = roundsTrace(ExecutionMode::Concurrent, 8, 8, 500 * ms);
    trace.loopBusy
        = { Span { 100 * ms, 160 * ms }, Span { 200 * ms, 240 * ms }, Span { 300 * ms, 301 * ms } };
    facts = runStoryFacts(trace);
    QCOMPARE(facts.loopBlockedNs, 100 * ms);
    QCOMPARE(facts.longestBlockNs, 60 * ms);
    QCOMPARE(facts.bottleneck, StoryBottleneck::Cashier);
    QVERIFY2(RunStory::text(facts).contains(QStringLiteral("it cooked at the counter for 100 ms in all (the "
                                                           "longest 60 ms)")),
        qPrintable(RunStory::text(facts)));
}

void tst_StoryNarrator::runStoryOfCpuWork()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    RunTrace trace;
    trace.scenario.mode = ExecutionMode::ParallelCpu;
    trace.cpuCount = 2;
    trace.taskLanes = { TaskLane { LaneKind::Pool, 1 }, TaskLane { LaneKind::Pool, 2 } };
    // Four rooms of 100 ms of CPU each, two at a time: 200 ms.
    for (int i = 0; i < 4; ++i) {
        TaskRecord task;
        task.lane = i % 2;
        task.startNs = qint64(i / 2) * 100 * ms;
        task.endNs = task.startNs + 100 * ms;
        task.cpuNs = 100 * ms;
        trace.tasks.push_back(task);
    }
    RunStoryFacts facts = runStoryFacts(trace);
    QVERIFY(facts.cpuOnly);
    QCOMPARE(facts.tasks, 4);
    QCOMPARE(facts.taskCpuNs, 400 * ms);
    QCOMPARE(facts.taskWallNs, 200 * ms);
    QCOMPARE(facts.helpers, 2);
    QCOMPARE(facts.bottleneck, StoryBottleneck::Cores);
    QString text = RunStory::text(facts);
    QVERIFY2(text.contains(QStringLiteral("This run: 4 rooms cleaned, 400 ms of work in all, by 2 helpers in "
                                          "200 ms.")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("about 400 ms: 2.0× faster")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("The bottleneck was the cores")), qPrintable(text));

    // The machine gave each task half a core: the figures are the CPU time the tasks got.
    for (TaskRecord &task : trace.tasks)
        task.cpuNs = 50 * ms;
    trace.cpuCount = 4;
    facts = runStoryFacts(trace);
    QCOMPARE(facts.taskCpuNs, 200 * ms);
    QCOMPARE(facts.bottleneck, StoryBottleneck::ThisComputer);
    text = RunStory::text(facts);
    QVERIFY2(text.contains(QStringLiteral("would need about as long")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("the helpers had a core for only 50.0% of the time they ran")),
        qPrintable(text));

    // A full core each, on a machine of four: two helpers left two cores idle.
    for (TaskRecord &task : trace.tasks)
        task.cpuNs = 100 * ms;
    facts = runStoryFacts(trace);
    QCOMPARE(facts.bottleneck, StoryBottleneck::Helpers);
    text = RunStory::text(facts);
    QVERIFY2(text.contains(QStringLiteral("the helpers: 2 helpers at once, while the machine has 4 cores")),
        qPrintable(text));
}

void tst_StoryNarrator::runStoryInSpanish()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("es")));
    const RunStoryFacts facts = runStoryFacts(roundsTrace(ExecutionMode::Concurrent, 12, 4, 1500 * ms));
    const QString text = RunStory::text(facts);
    // In words and numbers of the language: 4,0× and 1,5 s, no English left.
    QVERIFY2(text.contains(QStringLiteral("4,0×")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1,5 s")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("This run")) && !text.contains(QStringLiteral("bottleneck")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("12 pedidos")), qPrintable(text));
    translations.setLanguage(QStringLiteral("en"));
}

void tst_StoryNarrator::planTellsTheScenario()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    Scenario s;
    s.mode = ExecutionMode::Concurrent;
    s.requests = 8;
    s.concurrency = 4;
    s.simulator.ttftMs = 200;
    s.simulator.tokenIntervalMs = 20;
    s.simulator.outputTokens = 11;
    QString text = RunStory::plan(s);
    QVERIFY2(
        text.contains(QStringLiteral("This scenario: 8 orders, at most 4 at a time.")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("about 400 ms an order: its first token after 200 ms, then 10 tokens "
                                     "20 ms apart.")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("One at a time that would be 3.2 s; 4 at a time, about 800 ms.")),
        qPrintable(text));
    s.mode = ExecutionMode::Sequential;
    text = RunStory::plan(s);
    QVERIFY2(text.contains(QStringLiteral("at most 1 at a time")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("One at a time, that is about 3.2 s.")), qPrintable(text));
    // Another target: no simulator figures to promise.
    s.url = QUrl(QStringLiteral("http://llm.example:8000/v1"));
    text = RunStory::plan(s);
    QVERIFY2(text.contains(QStringLiteral("The kitchen is llm.example.")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("simulator")));
}

QTEST_GUILESS_MAIN(tst_StoryNarrator)
#include "tst_storynarrator.moc"
