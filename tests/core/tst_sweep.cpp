// The sweep's pure parts: value lists, SLO rules, the capacity search on a synthetic monotone
// response (no network), the saturation rule on hand-built traces, repeats and their intervals,
// and the burgerbench.sweep/1 report's round trip.
#include "kitchentrace.h"
#include "reportfixture.h"

#include "metrics/summary.h"
#include "sweep/capacitysearch.h"
#include "sweep/interval.h"
#include "sweep/saturation.h"
#include "sweep/sweepreport.h"
#include "sweep/sweepspec.h"
#include "sweep/sweeptheory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

using namespace BurgerBench;
using Fixture::Ms;

Q_DECLARE_METATYPE(QList<double>)

class tst_Sweep : public QObject
{
    Q_OBJECT
private slots:
    void values_data();
    void values();
    void badValues_data();
    void badValues();
    void sloRules_data();
    void sloRules();
    void badSloRule();
    void searchConverges_data();
    void searchConverges();
    void searchStopsAtMaxSteps();
    void searchOutsideRange();
    void searchIntegers();
    void saturation_data();
    void saturation();
    void steadyRateOfBatches();
    void intervals();
    void repeatsAggregate();
    void reportRoundTrip();
    void reportRejectsOtherSchemas();
    void csvOneRowPerStep();
    // The theory beside a sweep of the built-in simulator (sweep/sweeptheory.h).
    void theory_serviceTimeAndCeiling();
    void theory_lengthFromMaxTokens();
    void theory_prefillAddsToServiceTime();
    void theory_unlimitedCapacity();
    void theory_expectedCurve();
    void theory_fromTrace();
    void theory_littleSteadyState();
    void theory_littleClosedBatch();
};

void tst_Sweep::values_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("integers");
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("list") << QStringLiteral("1,2,4") << true << QList<double> { 1, 2, 4 };
    QTest::newRow("range") << QStringLiteral("5:30:5") << false << QList<double> { 5, 10, 15, 20, 25, 30 };
    QTest::newRow("range not landing on B") << QStringLiteral("1:10:4") << true << QList<double> { 1, 5, 9 };
    QTest::newRow("fractional range counted, not accumulated")
        << QStringLiteral("0.1:1:0.3") << false << QList<double> { 0.1, 0.4, 0.7, 1.0 };
    QTest::newRow("mixed") << QStringLiteral("1, 8:16:4") << true << QList<double> { 1, 8, 12, 16 };
    QTest::newRow("fractional rate") << QStringLiteral("2.5") << false << QList<double> { 2.5 };
}

void tst_Sweep::values()
{
    QFETCH(QString, text);
    QFETCH(bool, integers);
    QFETCH(QList<double>, expected);
    QList<double> got;
    QString error;
    QVERIFY2(parseSweepValues(text, integers, &got, &error), qPrintable(error));
    QCOMPARE(got.size(), expected.size());
    for (qsizetype i = 0; i < got.size(); ++i)
        QVERIFY2(std::abs(got[i] - expected[i]) < 1e-9, qPrintable(QString::number(got[i])));
}

void tst_Sweep::badValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("integers");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QString() << false << QStringLiteral("expected a list");
    QTest::newRow("zero") << QStringLiteral("0,1") << false << QStringLiteral("\"0\" must be above 0");
    QTest::newRow("word") << QStringLiteral("1,many") << false << QStringLiteral("\"many\" is not a number");
    QTest::newRow("backwards range") << QStringLiteral("5:1:1") << false
                                     << QStringLiteral("B must not be below A");
    QTest::newRow("zero step") << QStringLiteral("1:5:0") << false << QStringLiteral("STEP must be above 0");
    QTest::newRow("two-part range") << QStringLiteral("1:5") << false
                                    << QStringLiteral("not a range A:B:STEP");
    QTest::newRow("fractional concurrency")
        << QStringLiteral("1.5") << true << QStringLiteral("whole number");
    QTest::newRow("too many") << QStringLiteral("1:100000:1") << false << QStringLiteral("more than 1000");
}

void tst_Sweep::badValues()
{
    QFETCH(QString, text);
    QFETCH(bool, integers);
    QFETCH(QString, mentions);
    QList<double> got;
    QString error;
    QVERIFY(!parseSweepValues(text, integers, &got, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.startsWith(QLatin1String("--values")), qPrintable(error));
}

void tst_Sweep::sloRules_data()
{
    // An SLO says what must hold; the rule it becomes fails exactly when it does not.
    QTest::addColumn<QString>("slo");
    QTest::addColumn<double>("ttftP99");
    QTest::addColumn<double>("throughput");
    QTest::addColumn<bool>("violated");
    QTest::newRow("<= holds at the bound") << QStringLiteral("ttft.p99<=400ms") << 400.0 << 0.0 << false;
    QTest::newRow("<= fails above") << QStringLiteral("ttft.p99<=400ms") << 400.5 << 0.0 << true;
    QTest::newRow("< fails at the bound") << QStringLiteral("ttft.p99<400ms") << 400.0 << 0.0 << true;
    QTest::newRow("seconds") << QStringLiteral("ttft.p99<=0.4s") << 399.0 << 0.0 << false;
    QTest::newRow(">= holds at the bound")
        << QStringLiteral("request_throughput>=10") << 1.0 << 10.0 << false;
    QTest::newRow(">= fails below") << QStringLiteral("request_throughput>=10") << 1.0 << 9.9 << true;
    QTest::newRow("> fails at the bound") << QStringLiteral("request_throughput>10") << 1.0 << 10.0 << true;
}

void tst_Sweep::sloRules()
{
    QFETCH(QString, slo);
    QFETCH(double, ttftP99);
    QFETCH(double, throughput);
    QFETCH(bool, violated);
    Threshold rule;
    QString error;
    QVERIFY2(parseSloRule(slo, &rule, &error), qPrintable(error));
    QCOMPARE(rule.text, slo);
    Summary s;
    s.ttft.count = 100;
    s.ttft.percentileRanks = { 99 };
    s.ttft.percentileValues = { ttftP99 };
    s.requestThroughput = throughput;
    QCOMPARE(rule.violated(s), violated);
}

void tst_Sweep::badSloRule()
{
    QList<Threshold> rules;
    QString error;
    QVERIFY(parseSloRules(QStringLiteral("ttft.p99<=400ms,error_rate<=1%,itl.p95<=50ms"), &rules, &error));
    QCOMPARE(rules.size(), 3);
    QCOMPARE(rules[1].value, 0.01);
    QVERIFY(!parseSloRules(QStringLiteral("ttft.p99<=400ms,latency<1s"), &rules, &error));
    QVERIFY2(error.startsWith(QLatin1String("--slo")) && error.contains(QLatin1String("latency")),
        qPrintable(error));
    QVERIFY(!parseSloRules(QStringLiteral("ttft.p99 about 400ms"), &rules, &error));
    QVERIFY2(error.contains(QLatin1String("what must hold")), qPrintable(error));
}

namespace {

// Runs a search against `meets` and returns it finished.
CapacitySearch runSearch(const CapacitySearch::Options &o, const std::function<bool(double)> &meets)
{
    CapacitySearch search(o);
    double v = 0;
    int guard = 0;
    while (search.next(&v) && ++guard < 1000)
        search.record(v, meets(v));
    return search;
}

} // namespace

void tst_Sweep::searchConverges_data()
{
    QTest::addColumn<double>("capacity");
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("rangeLo");
    QTest::addColumn<double>("rangeHi");
    QTest::newRow("simulator-like, from a guess below") << 23.4 << 10.0 << 0.0 << 0.0;
    QTest::newRow("from a guess above") << 23.4 << 100.0 << 0.0 << 0.0;
    QTest::newRow("within a range") << 23.4 << 1.0 << 4.0 << 64.0;
    QTest::newRow("tiny capacity") << 0.7 << 10.0 << 0.0 << 0.0;
    QTest::newRow("large capacity") << 4100.0 << 10.0 << 0.0 << 0.0;
}

void tst_Sweep::searchConverges()
{
    QFETCH(double, capacity);
    QFETCH(double, start);
    QFETCH(double, rangeLo);
    QFETCH(double, rangeHi);
    CapacitySearch::Options o;
    o.start = start;
    o.rangeLo = rangeLo;
    o.rangeHi = rangeHi;
    o.minValue = 0.01;
    o.tolerance = 0.05;
    o.maxSteps = 20;
    const CapacitySearch s = runSearch(o, [&](double v) { return v <= capacity; });
    QVERIFY(s.converged());
    QCOMPARE(QString::fromLatin1(s.stopReason()), QStringLiteral("converged"));
    QVERIFY2(s.lo() <= capacity && capacity < s.hi(),
        qPrintable(QStringLiteral("[%1, %2] misses %3").arg(s.lo()).arg(s.hi()).arg(capacity)));
    QVERIFY((s.hi() - s.lo()) / s.lo() <= 0.05);
    QCOMPARE(s.value(), s.lo());
    // Every probe's verdict is the response's, and the bracket is made of probes.
    bool loProbed = false, hiProbed = false;
    for (const CapacitySearch::Probe &p : s.probes()) {
        QCOMPARE(p.meets, p.value <= capacity);
        loProbed = loProbed || p.value == s.lo();
        hiProbed = hiProbed || p.value == s.hi();
    }
    QVERIFY(loProbed && hiProbed);
    if (capacity == 23.4 && rangeHi == 0 && start == 10)
        QVERIFY2(s.probes().size() <= 10, qPrintable(QString::number(s.probes().size())));
}

void tst_Sweep::searchStopsAtMaxSteps()
{
    CapacitySearch::Options o;
    o.start = 10;
    o.tolerance = 1e-6;
    o.maxSteps = 6;
    const CapacitySearch s = runSearch(o, [](double v) { return v <= 23.4; });
    QCOMPARE(s.probes().size(), 6);
    QVERIFY(!s.converged());
    QCOMPARE(QString::fromLatin1(s.stopReason()), QStringLiteral("max_steps"));
    QVERIFY(s.lo() <= 23.4 && 23.4 < s.hi());
    // A looser tolerance stops earlier on the same response.
    o.tolerance = 0.5;
    o.maxSteps = 10;
    const CapacitySearch loose = runSearch(o, [](double v) { return v <= 23.4; });
    QVERIFY(loose.converged());
    QVERIFY(loose.probes().size() < 6);
}

void tst_Sweep::searchOutsideRange()
{
    CapacitySearch::Options o;
    o.rangeLo = 4;
    o.rangeHi = 64;
    const CapacitySearch below = runSearch(o, [](double v) { return v <= 2; });
    QCOMPARE(below.probes().size(), 1);
    QVERIFY(std::isnan(below.value()));
    QCOMPARE(below.hi(), 4.0);
    QCOMPARE(QString::fromLatin1(below.stopReason()), QStringLiteral("below_range"));
    const CapacitySearch above = runSearch(o, [](double v) { return v <= 100; });
    QCOMPARE(above.probes().size(), 2);
    QCOMPARE(above.value(), 64.0);
    QVERIFY(std::isnan(above.hi()));
    QCOMPARE(QString::fromLatin1(above.stopReason()), QStringLiteral("above_range"));
}

void tst_Sweep::searchIntegers()
{
    CapacitySearch::Options o;
    o.integers = true;
    o.start = 1;
    o.minValue = 1;
    o.maxValue = 1000;
    o.tolerance = 0.001; // integers stop when hi - lo is 1
    o.maxSteps = 30;
    const CapacitySearch s = runSearch(o, [](double v) { return v <= 13; });
    QVERIFY(s.converged());
    QCOMPARE(s.lo(), 13.0);
    QCOMPARE(s.hi(), 14.0);
    for (const CapacitySearch::Probe &p : s.probes())
        QCOMPARE(p.value, std::round(p.value));
}

namespace {

// An open-loop step: `n` arrivals `gapMs` apart, a server that takes `serviceMs` and serves at
// most one request every `minCompletionGapMs` (its ceiling), and a client that dispatches late
// by `lateGrowthMs` more with every request.
RunTrace openLoopTrace(
    int n, double gapMs, double serviceMs, double minCompletionGapMs, double lateGrowthMs = 0)
{
    RunTrace t;
    t.scenario.rate = 1000.0 / gapMs;
    t.measuredStartNs = 0;
    qint64 lastEnd = 0;
    for (int i = 0; i < n; ++i) {
        RequestRecord r;
        r.index = quint32(i);
        r.intendedNs = qint64(i * gapMs * Ms);
        r.dispatchNs = r.intendedNs + qint64(i * lateGrowthMs * Ms);
        const qint64 natural = r.dispatchNs + qint64(serviceMs * Ms);
        r.endNs = std::max(natural, lastEnd + qint64(minCompletionGapMs * Ms));
        r.tokenNs = { r.dispatchNs + qint64(serviceMs * Ms / 3), r.endNs };
        lastEnd = r.endNs;
        r.outcome = Outcome::Success;
        r.outputTokens = 2;
        t.requests.push_back(r);
    }
    t.endNs = lastEnd;
    return t;
}

} // namespace

void tst_Sweep::saturation_data()
{
    QTest::addColumn<RunTrace>("trace");
    QTest::addColumn<bool>("openLoop");
    QTest::addColumn<bool>("rateShort");
    QTest::addColumn<bool>("queueGrowing");
    QTest::addColumn<bool>("serverQueueGrowing");
    // The simulator's ceiling 26.7/s is one completion every 37.5 ms.
    QTest::newRow("20/s under a 26.7/s ceiling")
        << openLoopTrace(60, 50, 300, 37.5) << true << false << false << false;
    QTest::newRow("40/s over a 26.7/s ceiling")
        << openLoopTrace(120, 25, 300, 37.5) << true << true << false << false;
    QTest::newRow("the same, closed loop: no rate rule")
        << openLoopTrace(120, 25, 300, 37.5) << false << false << false << false;
    // Dispatched 10 ms later with every request: the client sends at 1/60 ms while they arrive at
    // 1/50 ms, so both signs show; without the rate rule the queue alone does.
    QTest::newRow("client queue growing 10 ms a request")
        << openLoopTrace(60, 50, 300, 0, 10) << true << true << true << false;
    QTest::newRow("client queue growing, rate rule off")
        << openLoopTrace(60, 50, 300, 0, 10) << false << false << true << false;
    QTest::newRow("client queue steady 30 ms late") << [] {
        RunTrace t = openLoopTrace(60, 50, 300, 0);
        for (RequestRecord &r : t.requests)
            r.dispatchNs += 30 * Ms;
        return t;
    }() << true << false << false << false;
    // 29 arrivals a second against the 26.7/s ceiling: served 92% of them, so the rate rule
    // passes, but each order waits for the kitchen 3 ms longer than the one before (its first
    // token comes 200 ms before its end, as with TTFT 100 ms and 21 tokens of 10 ms), and the
    // server's line shows in the time to first token. A closed loop is not judged by it.
    const auto serverLine = [] {
        RunTrace t = openLoopTrace(60, 34.5, 300, 37.5);
        for (RequestRecord &r : t.requests)
            r.tokenNs = { r.endNs - 200 * Ms, r.endNs };
        return t;
    };
    QTest::newRow("server queue growing at 29/s") << serverLine() << true << false << false << true;
    QTest::newRow("server queue growing, closed loop") << serverLine() << false << false << false << false;
}

void tst_Sweep::saturation()
{
    QFETCH(RunTrace, trace);
    QFETCH(bool, openLoop);
    QFETCH(bool, rateShort);
    QFETCH(bool, queueGrowing);
    const Saturation s = Saturation::assess(trace, openLoop);
    QCOMPARE(s.rateShort, rateShort);
    QFETCH(bool, serverQueueGrowing);
    QCOMPARE(s.queueGrowing, queueGrowing);
    QCOMPARE(s.serverQueueGrowing, serverQueueGrowing);
    QCOMPARE(s.saturated, rateShort || queueGrowing || serverQueueGrowing);
    QCOMPARE(s.reason.isEmpty(), !s.saturated);
    if (openLoop && rateShort && !queueGrowing) {
        QVERIFY2(std::abs(s.completionRate - 26.67) < 0.5, qPrintable(QString::number(s.completionRate)));
        QVERIFY2(std::abs(s.arrivalRate - 40) < 0.1, qPrintable(QString::number(s.arrivalRate)));
    }
}

void tst_Sweep::steadyRateOfBatches()
{
    // Capacity 8, 0.3 s each, 64 waiting: batches of 8 every 300 ms for 3 s, 21 tokens each.
    // (n - 1) / span would say 71 / 2.4 s = 29.6/s; the ceiling is 26.7/s.
    RunTrace t;
    for (int i = 0; i < 72; ++i) {
        RequestRecord r;
        r.index = quint32(i);
        r.intendedNs = 0;
        r.dispatchNs = 0;
        r.endNs = (i / 8 + 1) * 300 * Ms + (i % 8) * 100'000;
        r.outcome = Outcome::Success;
        r.outputTokens = 21;
        t.requests.push_back(r);
    }
    const Saturation s = Saturation::assess(t, false);
    QVERIFY2(
        std::abs(s.completionRate / (8 / 0.3) - 1) < 0.02, qPrintable(QString::number(s.completionRate)));
    QVERIFY2(std::abs(s.outputRate / (21 * 8 / 0.3) - 1) < 0.02, qPrintable(QString::number(s.outputRate)));
}

void tst_Sweep::intervals()
{
    const MeanInterval m = MeanInterval::of({ 10, 12, 14 });
    QCOMPARE(m.n, 3);
    QCOMPARE(m.mean, 12.0);
    // s = 2, t(0.975, 2) = 4.303: 4.303 * 2 / sqrt(3)
    QVERIFY(std::abs(m.halfWidth - 4.303 * 2 / std::sqrt(3.0)) < 1e-9);
    QVERIFY(std::abs(m.lo - (12 - m.halfWidth)) < 1e-12 && std::abs(m.hi - (12 + m.halfWidth)) < 1e-12);
    const MeanInterval one = MeanInterval::of({ 7 });
    QCOMPARE(one.n, 1);
    QCOMPARE(one.lo, 7.0);
    QCOMPARE(one.hi, 7.0);
    const MeanInterval withNan = MeanInterval::of({ 5, std::nan(""), 7 });
    QCOMPARE(withNan.n, 2);
    QCOMPARE(withNan.mean, 6.0);
    QVERIFY(std::isnan(MeanInterval::of({}).mean));
    QCOMPARE(MeanInterval::t975(1), 12.706);
    QCOMPARE(MeanInterval::t975(30), 2.042);
    QCOMPARE(MeanInterval::t975(100000), 1.96);
    // More repeats of the same spread: a narrower interval.
    QVERIFY(MeanInterval::of({ 10, 14, 10, 14, 10, 14 }).halfWidth < MeanInterval::of({ 10, 14 }).halfWidth);
}

namespace {

SweepStep stepFrom(int point, int repeat, double value, qint64 shift, quint32 seed)
{
    SweepStep s;
    s.point = point;
    s.repeat = repeat;
    s.phase = SweepPhase::Probe;
    s.over = SweepOver::Rate;
    s.value = value;
    s.trace = Fixture::sampleTrace(12 + point, shift, seed);
    QList<double> ranks = s.trace.scenario.percentiles;
    s.summary = computeSummary(s.trace, ranks, s.trace.scenario.slo);
    return s;
}

SweepResult sampleResult()
{
    SweepResult r;
    r.profile = SweepProfile::Search;
    r.over = SweepOver::Rate;
    r.repeats = 2;
    r.tolerance = 0.05;
    r.maxSteps = 10;
    r.slo = { QStringLiteral("ttft.p99<=400ms") };
    r.targetUrl = QStringLiteral("http://127.0.0.1:8000");
    r.steps.push_back(stepFrom(0, 0, 10, 0, 1));
    r.steps.push_back(stepFrom(0, 1, 10, 0, 2));
    SweepStep hot = stepFrom(1, 0, 20, 5 * Ms, 3);
    hot.meetsSlo = false;
    hot.violations = { QStringLiteral("ttft.p99<=400ms (measured 512)") };
    hot.saturation.saturated = true;
    hot.saturation.rateShort = true;
    hot.saturation.arrivalRate = 20;
    hot.saturation.completionRate = 14.5;
    hot.saturation.reason = QStringLiteral("served 14.50 requests/s of the 20.00/s that arrived (under 90%)");
    r.steps.push_back(hot);
    r.steps.push_back(stepFrom(1, 1, 20, 0, 4));
    r.capacity.searched = true;
    r.capacity.over = SweepOver::Rate;
    r.capacity.value = 10;
    r.capacity.lo = 10;
    r.capacity.hi = 20;
    r.capacity.stopReason = QStringLiteral("max_steps");
    r.capacity.slo = r.slo;
    r.stopped = QStringLiteral("saturated at rate 20");
    r.aggregate();
    return r;
}

} // namespace

void tst_Sweep::repeatsAggregate()
{
    const SweepResult r = sampleResult();
    QCOMPARE(r.points.size(), 2);
    const SweepPoint &a = r.points[0];
    QCOMPARE(a.runs, 2);
    QCOMPARE(a.value, 10.0);
    QVERIFY(a.meetsSlo && !a.saturated);
    const QList<double> rps { r.steps[0].summary.requestThroughput, r.steps[1].summary.requestThroughput };
    QCOMPARE(a.requestThroughput.mean, (rps[0] + rps[1]) / 2);
    QCOMPARE(a.requestThroughput.halfWidth, MeanInterval::of(rps).halfWidth);
    QVERIFY(a.requestThroughput.halfWidth > 0); // the two fixtures differ
    const SweepPoint &b = r.points[1];
    QVERIFY(!b.meetsSlo && b.saturated); // one repeat of two is enough for both
    QCOMPARE(r.maxRequestThroughput, std::max(a.requestThroughput.mean, b.requestThroughput.mean));
}

void tst_Sweep::reportRoundTrip()
{
    const SweepResult r = sampleResult();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sweep.json"));
    QString error;
    QVERIFY2(SweepReport::write(path, r, &error), qPrintable(error));
    SweepResult back;
    QVERIFY2(SweepReport::read(path, &back, &error), qPrintable(error));
    QCOMPARE(back.profile, r.profile);
    QCOMPARE(back.over, r.over);
    QCOMPARE(back.repeats, 2);
    QCOMPARE(back.slo, r.slo);
    QCOMPARE(back.stopped, r.stopped);
    QCOMPARE(back.steps.size(), r.steps.size());
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const SweepStep &x = r.steps[i];
        const SweepStep &y = back.steps[i];
        QCOMPARE(y.point, x.point);
        QCOMPARE(y.repeat, x.repeat);
        QCOMPARE(y.phase, x.phase);
        QCOMPARE(y.value, x.value);
        QCOMPARE(y.meetsSlo, x.meetsSlo);
        QCOMPARE(y.violations, x.violations);
        QCOMPARE(y.saturation.saturated, x.saturation.saturated);
        QCOMPARE(y.saturation.reason, x.saturation.reason);
        QCOMPARE(y.saturation.completionRate, x.saturation.completionRate);
        const QString diff = Fixture::firstDifference(x.trace, y.trace);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("step %1: %2").arg(i).arg(diff)));
        QCOMPARE(y.summary.requestThroughput, x.summary.requestThroughput);
        QCOMPARE(y.summary.ttft.percentile(99), x.summary.ttft.percentile(99));
    }
    QCOMPARE(back.points.size(), r.points.size());
    QCOMPARE(back.points[1].saturated, true);
    QCOMPARE(back.maxRequestThroughput, r.maxRequestThroughput);
    QCOMPARE(back.capacity.searched, true);
    QCOMPARE(back.capacity.value, 10.0);
    QCOMPARE(back.capacity.lo, 10.0);
    QCOMPARE(back.capacity.hi, 20.0);
    QCOMPARE(back.capacity.stopReason, QStringLiteral("max_steps"));
    // The same result, the same bytes.
    QCOMPARE(SweepReport::toBytes(back), SweepReport::toBytes(r));
    // Each step's run is the run report object itself.
    const QJsonObject json = SweepReport::toJson(r);
    QCOMPARE(json.value(QLatin1String("schema")).toString(), QStringLiteral("burgerbench.sweep/1"));
    const QJsonObject run = json.value(QLatin1String("steps"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QLatin1String("run"))
                                .toObject();
    QCOMPARE(run.value(QLatin1String("schema")).toString(), QStringLiteral("burgerbench.run/1"));
    const QJsonObject capacity
        = json.value(QLatin1String("result")).toObject().value(QLatin1String("capacity")).toObject();
    QCOMPARE(capacity.value(QLatin1String("bracket")).toArray(), (QJsonArray { 10, 20 }));
}

void tst_Sweep::reportRejectsOtherSchemas()
{
    QJsonObject json = SweepReport::toJson(sampleResult());
    json.insert(QStringLiteral("schema"), QStringLiteral("burgerbench.run/1"));
    SweepResult back;
    QString error;
    QVERIFY(!SweepReport::fromJson(json, &back, &error));
    QVERIFY2(error.contains(QLatin1String("burgerbench.sweep/1")), qPrintable(error));
    json = SweepReport::toJson(sampleResult());
    QJsonArray steps = json.value(QLatin1String("steps")).toArray();
    QJsonObject first = steps.at(1).toObject();
    first.insert(QStringLiteral("phase"), QStringLiteral("warp"));
    steps.replace(1, first);
    json.insert(QStringLiteral("steps"), steps);
    QVERIFY(!SweepReport::fromJson(json, &back, &error));
    QVERIFY2(error.contains(QLatin1String("steps[1].phase")), qPrintable(error));
}

void tst_Sweep::csvOneRowPerStep()
{
    const SweepResult r = sampleResult();
    const QString csv = QString::fromUtf8(SweepReport::toCsv(r));
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + int(r.steps.size()));
    QCOMPARE(lines[0], SweepReport::csvColumns().join(u','));
    QVERIFY(lines[3].startsWith(QLatin1String("3,1,0,probe,rate,20,true,false,")));
    // The reason holds a comma-free sentence; a field with a comma would be quoted.
    QVERIFY(lines[3].contains(QLatin1String("served 14.50 requests/s")));
}

namespace TheoryHelpers {

SimulatorSettings issueSimulator()
{
    SimulatorSettings s;
    s.capacity = 8;
    s.ttftMs = 100;
    s.tokenIntervalMs = 10;
    s.outputTokens = 21;
    return s;
}

bool near(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::abs(b);
}

} // namespace TheoryHelpers

using namespace TheoryHelpers;

void tst_Sweep::theory_serviceTimeAndCeiling()
{
    const SimulatorTheory t = SweepTheory::simulatorTheory(issueSimulator(), 64, 0);
    QVERIFY(t.valid);
    QCOMPARE(t.capacity, 8);
    QCOMPARE(t.outputTokens, 21.0);
    // 100 ms + 20 x 10 ms: 0.3 s, 8 / 0.3 = 26.67 requests/s, x 21 tokens = 560 tokens/s.
    QVERIFY(near(t.serviceTimeS, 0.3, 1e-12));
    QVERIFY(near(t.ceilingRps, 8 / 0.3, 1e-12));
    QVERIFY(near(t.ceilingOutputTps, 8 / 0.3 * 21, 1e-12));
}

void tst_Sweep::theory_lengthFromMaxTokens()
{
    SimulatorSettings s = issueSimulator();
    s.outputTokens = 0; // the request's max_tokens decides, as in the simulator
    QCOMPARE(SweepTheory::simulatorTheory(s, 41, 0).serviceTimeS, 0.5);
    QVERIFY(near(SweepTheory::simulatorTheory(s, 0, 0).serviceTimeS, 0.25, 1e-12)); // its default 16
}

void tst_Sweep::theory_prefillAddsToServiceTime()
{
    SimulatorSettings s = issueSimulator();
    s.prefillUsPerPromptToken = 500;
    const SimulatorTheory t = SweepTheory::simulatorTheory(s, 21, 200); // 200 x 0.5 ms = 100 ms
    QVERIFY(near(t.prefillMs, 100, 1e-12));
    QVERIFY(near(t.serviceTimeS, 0.4, 1e-12));
    QVERIFY(near(t.ceilingRps, 20, 1e-12));
}

void tst_Sweep::theory_unlimitedCapacity()
{
    SimulatorSettings s = issueSimulator();
    s.capacity = 0;
    const SimulatorTheory t = SweepTheory::simulatorTheory(s, 21, 0);
    QVERIFY(t.valid);
    QVERIFY(std::isinf(t.ceilingRps));
    QCOMPARE(t.expectedRps(SweepOver::Rate, 100), 100.0);
    QVERIFY(near(t.expectedRps(SweepOver::Concurrency, 30), 100, 1e-12));
}

void tst_Sweep::theory_expectedCurve()
{
    const SimulatorTheory t = SweepTheory::simulatorTheory(issueSimulator(), 21, 0);
    QCOMPARE(t.expectedRps(SweepOver::Rate, 10), 10.0);
    QVERIFY(near(t.expectedRps(SweepOver::Rate, 40), 8 / 0.3, 1e-12));
    QVERIFY(near(t.expectedRps(SweepOver::Concurrency, 4), 4 / 0.3, 1e-12));
    QVERIFY(near(t.expectedRps(SweepOver::Concurrency, 64), 8 / 0.3, 1e-12));
    QVERIFY(std::isnan(SimulatorTheory {}.expectedRps(SweepOver::Rate, 10)));
}

void tst_Sweep::theory_fromTrace()
{
    RunTrace t = KitchenTrace::openLoop(10, 8, 100, 10, 21, 2);
    const SimulatorTheory sim = SweepTheory::simulatorTheory(t);
    QVERIFY(sim.valid);
    QVERIFY(near(sim.ceilingRps, 8 / 0.3, 1e-12));
    // The length the successes really had when the settings leave it to max_tokens.
    t.scenario.simulator.outputTokens = 0;
    for (RequestRecord &r : t.requests)
        r.outputTokens = 11;
    QVERIFY(near(SweepTheory::simulatorTheory(t).serviceTimeS, 0.2, 1e-12));
    // A real target: no theory.
    t.scenario.url = QUrl(QStringLiteral("http://127.0.0.1:8000"));
    QVERIFY(!SweepTheory::simulatorTheory(t).valid);
}

void tst_Sweep::theory_littleSteadyState()
{
    // 20/s under the 26.7/s ceiling: each stays 0.3 s, so L = 20 x 0.3 = 6 in the kitchen.
    const RunTrace t = KitchenTrace::openLoop(20, 8, 100, 10, 21, 5);
    const LittlesLaw l = SweepTheory::littlesLaw(t, 20);
    QVERIFY(l.valid);
    QVERIFY2(near(l.e2eS, 0.3, 1e-6), qPrintable(QString::number(l.e2eS)));
    QVERIFY2(near(l.rateTimesE2e, 6, 1e-6), qPrintable(QString::number(l.rateTimesE2e)));
    QVERIFY2(near(l.inFlight, 6, 0.03), qPrintable(QString::number(l.inFlight)));
    QVERIFY2(near(l.ratio, 1, 0.03), qPrintable(QString::number(l.ratio)));
    // A wrong rate shows as a ratio off 1.
    QVERIFY(near(SweepTheory::littlesLaw(t, 10).ratio, 2, 0.03));
    QVERIFY(!SweepTheory::littlesLaw(t, 0).valid);
    QVERIFY(!SweepTheory::littlesLaw(RunTrace {}, 20).valid);
}

void tst_Sweep::theory_littleClosedBatch()
{
    // 40/s into the same kitchen: the line grows, each order waits longer than the last; the
    // kitchen itself never holds more than 8, but the system (line + kitchen) holds more.
    const RunTrace t = KitchenTrace::openLoop(40, 8, 100, 10, 21, 4);
    const LittlesLaw l = SweepTheory::littlesLaw(t, 8 / 0.3);
    QVERIFY(l.valid);
    QVERIFY2(l.inFlight > 8, qPrintable(QString::number(l.inFlight)));
    QVERIFY2(l.e2eS > 0.3, qPrintable(QString::number(l.e2eS)));
}

QTEST_GUILESS_MAIN(tst_Sweep)
#include "tst_sweep.moc"
