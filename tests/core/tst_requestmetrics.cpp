// The per-request latencies of METRICS.md (metrics/requestmetrics.h), the one sweep
// (trace/overlap.h) and the shown-number helper, at the edges where copies used to drift: no
// token, one token, retries, warm-up, failed, incomplete, non-streaming, never sent.

#include "metrics/requestmetrics.h"
#include "metrics/statistics.h"
#include "metrics/summary.h"
#include "trace/overlap.h"
#include "trace/runtrace.h"
#include "trace/shownnumber.h"

#include <QTest>

#include <cmath>

using namespace BurgerBench;

namespace {

constexpr qint64 ms(qint64 v)
{
    return v * 1'000'000;
}

// A request recorded in ms: intended, dispatch, first byte, end, tokens; -1 = did not happen.
RequestRecord record(Outcome outcome, qint64 intendedMs, qint64 dispatchMs, qint64 firstByteMs, qint64 endMs,
    std::initializer_list<qint64> tokensMs, int outputTokens)
{
    RequestRecord r;
    r.outcome = outcome;
    r.intendedNs = intendedMs < 0 ? -1 : ms(intendedMs);
    r.dispatchNs = dispatchMs < 0 ? -1 : ms(dispatchMs);
    r.firstByteNs = firstByteMs < 0 ? -1 : ms(firstByteMs);
    r.endNs = endMs < 0 ? -1 : ms(endMs);
    for (qint64 t : tokensMs)
        r.tokenNs.push_back(ms(t));
    r.outputTokens = outputTokens;
    return r;
}

const double NaN = std::numeric_limits<double>::quiet_NaN();

using Intervals = QList<QPair<qint64, qint64>>; // (start, end) in ns; end -1 = still open

bool sameMs(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) < 1e-9;
}

} // namespace

class TestRequestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void latencies_data();
    void latencies();
    void summaryPoolsTheSameValues();
    void tokenCountMismatch_data();
    void tokenCountMismatch();
    void overlap_data();
    void overlap();
    void overlapSteps();
    void shownNumbers();
};

void TestRequestMetrics::latencies_data()
{
    QTest::addColumn<RequestRecord>("r");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("counts");
    QTest::addColumn<qint64>("ttft");
    QTest::addColumn<qint64>("e2el");
    QTest::addColumn<double>("tpotMs");
    QTest::addColumn<qint64>("maxItl");
    QTest::addColumn<int>("gaps");
    QTest::addColumn<qint64>("queue");
    QTest::addColumn<qint64>("ttfb");
    QTest::addColumn<qint64>("schedule");

    // intended 0, sent at 10, first byte 40, tokens 50 60 80 100, body ends at 105 (usage, [DONE]).
    const RequestRecord many = record(Outcome::Success, 0, 10, 40, 105, { 50, 60, 80, 100 }, 4);
    QTest::newRow("four tokens") << many << true << true << ms(40) << ms(90) << 50.0 / 3 << ms(20) << 3
                                 << ms(10) << ms(30) << ms(105);
    // E2EL ends at the last token event, never at the usage chunk or close (METRICS.md item 6);
    // usage counts 9 tokens in the same 4 events: TPOT divides by 8, the gaps stay 3.
    RequestRecord usage = many;
    usage.outputTokens = 9;
    QTest::newRow("usage count beyond events") << usage << true << true << ms(40) << ms(90) << 50.0 / 8
                                               << ms(20) << 3 << ms(10) << ms(30) << ms(105);
    QTest::newRow("one token: no TPOT, no gap")
        << record(Outcome::Success, 0, 0, 30, 45, { 40 }, 1) << true << true << ms(40) << ms(40) << NaN
        << qint64(-1) << 0 << qint64(0) << ms(30) << ms(45);
    // A stream that carried no token event has neither TTFT nor E2EL (the engine fails it as
    // no_tokens; the CSV and the comparison used to take its end as an E2EL).
    QTest::newRow("stream without tokens")
        << record(Outcome::Success, 0, 5, 20, 30, {}, 0) << true << true << qint64(-1) << qint64(-1) << NaN
        << qint64(-1) << 0 << ms(5) << ms(15) << ms(30);
    // Non-streaming: E2EL is the body fully read, TTFT is absent.
    QTest::newRow("non-streaming") << record(Outcome::Success, 0, 10, 60, 90, {}, 32) << false << true
                                   << qint64(-1) << ms(80) << NaN << qint64(-1) << 0 << ms(10) << ms(50)
                                   << ms(90);
    // Retried: the scalar fields are the final attempt's, so TTFT counts from the last dispatch
    // and the queue from the schedule to that dispatch (backoff included).
    RequestRecord retried = record(Outcome::Success, 0, 300, 320, 400, { 330, 390 }, 2);
    retried.retries = 1;
    retried.attempts.push_back({ ms(0), ms(100), 503, ErrorKind::Http, QString() });
    QTest::newRow("retried") << retried << true << true << ms(30) << ms(90) << 60.0 << ms(60) << 1 << ms(300)
                             << ms(20) << ms(400);
    RequestRecord warmup = many;
    warmup.warmup = true;
    QTest::newRow("warm-up: values, not counted") << warmup << true << false << ms(40) << ms(90) << 50.0 / 3
                                                  << ms(20) << 3 << ms(10) << ms(30) << ms(105);
    // A failed stream still has the moments it reached (the details pane shows them); it is not
    // counted in any statistic.
    QTest::newRow("failed mid-stream")
        << record(Outcome::Failed, 0, 10, 40, 200, { 50, 70 }, 2) << true << false << ms(40) << ms(60) << 20.0
        << ms(20) << 1 << ms(10) << ms(30) << ms(200);
    QTest::newRow("failed before a byte")
        << record(Outcome::Failed, 0, 10, -1, 20, {}, 0) << true << false << qint64(-1) << qint64(-1) << NaN
        << qint64(-1) << 0 << ms(10) << qint64(-1) << ms(20);
    QTest::newRow("incomplete, cut off")
        << record(Outcome::Incomplete, 0, 10, 40, 70, { 50, 65 }, 2) << true << false << ms(40) << ms(55)
        << 15.0 << ms(15) << 1 << ms(10) << ms(30) << ms(70);
    QTest::newRow("in flight, not settled")
        << record(Outcome::InFlight, 0, 10, 40, -1, { 50 }, -1) << true << false << ms(40) << ms(40) << NaN
        << qint64(-1) << 0 << ms(10) << ms(30) << qint64(-1);
    QTest::newRow("never sent") << record(Outcome::Pending, 0, -1, -1, -1, {}, -1) << true << false
                                << qint64(-1) << qint64(-1) << NaN << qint64(-1) << 0 << qint64(-1)
                                << qint64(-1) << qint64(-1);
    // A success whose start was lost (a broken trace) is counted by the summary, never timed.
    QTest::newRow("success without a start")
        << record(Outcome::Success, 0, -1, 40, 90, { 50, 60 }, 2) << true << false << qint64(-1) << qint64(-1)
        << NaN << ms(10) << 1 << qint64(-1) << qint64(-1) << ms(90);
}

void TestRequestMetrics::latencies()
{
    QFETCH(RequestRecord, r);
    QFETCH(bool, stream);
    QFETCH(bool, counts);
    QCOMPARE(RequestMetrics::countsInLatencies(r), counts);
    QFETCH(qint64, ttft);
    QCOMPARE(RequestMetrics::ttftNs(r, stream), ttft);
    QFETCH(qint64, e2el);
    QCOMPARE(RequestMetrics::e2elNs(r, stream), e2el);
    const double tpot = RequestMetrics::tpotMs(r, stream);
    QFETCH(double, tpotMs);
    QVERIFY2(sameMs(tpot, tpotMs), qPrintable(QStringLiteral("%1 vs %2").arg(tpot).arg(tpotMs)));
    QFETCH(qint64, maxItl);
    QCOMPARE(RequestMetrics::maxItlNs(r), maxItl);
    QFETCH(int, gaps);
    QCOMPARE(int(RequestMetrics::itlGapsNs(r).size()), gaps);
    QFETCH(qint64, queue);
    QCOMPARE(RequestMetrics::queueNs(r), queue);
    QFETCH(qint64, ttfb);
    QCOMPARE(RequestMetrics::ttfbNs(r), ttfb);
    QFETCH(qint64, schedule);
    QCOMPARE(RequestMetrics::scheduleLatencyNs(r), schedule);
    // Missing is NaN in ms, never 0 or -0.000001.
    QVERIFY(std::isnan(RequestMetrics::toMs(-1)));
    QCOMPARE(RequestMetrics::toMs(ms(3) + 500'000), 3.5);
}

// The summary is the per-request values pooled: the same numbers, not a second derivation.
void TestRequestMetrics::summaryPoolsTheSameValues()
{
    RunTrace trace;
    trace.scenario.stream = true;
    trace.requests.push_back(record(Outcome::Success, 0, 10, 40, 105, { 50, 60, 80, 100 }, 4));
    trace.requests.push_back(record(Outcome::Success, 5, 20, 30, 45, { 40 }, 1));
    trace.requests.push_back(record(Outcome::Success, 0, 5, 20, 30, {}, 0)); // no token event
    trace.requests.push_back(record(Outcome::Failed, 0, 10, 40, 200, { 50, 70 }, 2));
    RequestRecord warm = record(Outcome::Success, 0, 0, 1, 500, { 100, 499 }, 2);
    warm.warmup = true;
    trace.requests.push_back(warm);
    const QList<double> ranks { 50 };
    const Summary s = computeSummary(trace, ranks, Slo());

    std::vector<double> ttft, e2el, tpot, itl, queue;
    for (const RequestRecord &r : trace.requests) {
        if (!r.warmup && r.dispatchNs >= 0)
            queue.push_back(RequestMetrics::toMs(RequestMetrics::queueNs(r)));
        if (!RequestMetrics::countsInLatencies(r))
            continue;
        if (RequestMetrics::ttftNs(r, true) >= 0)
            ttft.push_back(RequestMetrics::toMs(RequestMetrics::ttftNs(r, true)));
        if (RequestMetrics::e2elNs(r, true) >= 0)
            e2el.push_back(RequestMetrics::toMs(RequestMetrics::e2elNs(r, true)));
        if (!std::isnan(RequestMetrics::tpotMs(r, true)))
            tpot.push_back(RequestMetrics::tpotMs(r, true));
        for (qint64 gap : RequestMetrics::itlGapsNs(r))
            itl.push_back(RequestMetrics::toMs(gap));
    }
    QCOMPARE(s.completed, 3);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.ttft.count, 2); // the stream without tokens is counted, never timed
    QCOMPARE(s.ttft.mean, Statistics::describe(ttft, ranks).mean);
    QCOMPARE(s.e2el.count, 2);
    QCOMPARE(s.e2el.max, 90.0);
    QCOMPARE(s.e2el.mean, Statistics::describe(e2el, ranks).mean);
    QCOMPARE(s.tpot.count, 1);
    QCOMPARE(s.tpot.mean, Statistics::describe(tpot, ranks).mean);
    QCOMPARE(s.itl.count, 3);
    QCOMPARE(s.itl.median, Statistics::describe(itl, ranks).median);
    QCOMPARE(s.queue.count, 4); // every dispatched measured request, the failure included
    QCOMPARE(s.queue.mean, Statistics::describe(queue, ranks).mean);
}

void TestRequestMetrics::tokenCountMismatch_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("usage"); // usage.completion_tokens, -1 = not sent
    QTest::addColumn<int>("reasoningEvents");
    QTest::addColumn<int>("reasoningTokens"); // usage's reasoning_tokens, -1 = not sent
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("mismatch");
    QTest::newRow("usage 9 over 5 events") << 5 << 9 << 0 << -1 << true << true;
    QTest::newRow("one event per token") << 5 << 5 << 0 << -1 << true << false;
    QTest::newRow("a role-only first chunk") << 6 << 5 << 0 << -1 << true << false;
    QTest::newRow("role-only and finish-only chunks") << 7 << 5 << 0 << -1 << true << false;
    QTest::newRow("three events more than the usage") << 8 << 5 << 0 << -1 << true << true;
    QTest::newRow("usage 1 over 5 events") << 5 << 1 << 0 << -1 << true << true;
    QTest::newRow("no usage: the events are the count") << 5 << -1 << 0 << -1 << true << false;
    QTest::newRow("not streamed: no events to disagree") << 0 << 9 << 0 << -1 << false << false;
    // Responses API / reasoning models: the usage counts reasoning tokens. Streamed, they are
    // token events too; hidden, usage - reasoning_tokens is what was streamed.
    QTest::newRow("reasoning hidden, counted in the usage") << 5 << 9 << 0 << 4 << true << false;
    QTest::newRow("reasoning streamed and counted") << 9 << 9 << 4 << 4 << true << false;
    QTest::newRow("reasoning streamed, usage short") << 5 << 9 << 2 << 4 << true << true;
    QTest::newRow("hidden reasoning does not explain it") << 5 << 9 << 0 << 2 << true << true;
}

void TestRequestMetrics::tokenCountMismatch()
{
    QFETCH(int, events);
    QFETCH(int, usage);
    QFETCH(int, reasoningEvents);
    QFETCH(int, reasoningTokens);
    QFETCH(bool, stream);
    QFETCH(bool, mismatch);
    RequestRecord r = record(Outcome::Success, 0, 0, 10, 200, {}, usage < 0 ? events : usage);
    for (int i = 0; i < events; ++i)
        r.tokenNs.push_back(ms(20 + 10 * i));
    r.outputTokensFromUsage = usage >= 0;
    r.reasoningEvents = reasoningEvents;
    r.reasoningTokens = reasoningTokens;
    QCOMPARE(RequestMetrics::tokenCountMismatch(r, stream), mismatch);
    // Only a success's usage is read: a failed request is not flagged.
    r.outcome = Outcome::Failed;
    QVERIFY(!RequestMetrics::tokenCountMismatch(r, stream));

    // The summary counts the flagged successes (stream is the scenario's).
    RunTrace t;
    t.scenario.stream = stream;
    r.outcome = Outcome::Success;
    t.requests = { r, r };
    t.requests[1].outputTokens = events; // agrees
    t.requests[1].reasoningTokens = -1;
    const Summary s = computeSummary(t, { 50 }, Slo {});
    QCOMPARE(s.tokenCountMismatch, mismatch ? 1 : 0);
}

void TestRequestMetrics::overlap_data()
{
    // Intervals as (start, end) in ns; end -1 = still open.
    QTest::addColumn<Intervals>("intervals");
    QTest::addColumn<int>("peak");
    QTest::newRow("none") << Intervals {} << 0;
    QTest::newRow("one") << Intervals { { 0, 10 } } << 1;
    QTest::newRow("nested") << Intervals { { 0, 10 }, { 2, 5 }, { 3, 4 } } << 3;
    // [0, 10) and [10, 20) touch but never overlap: ends before starts at a tie.
    QTest::newRow("touching") << Intervals { { 0, 10 }, { 10, 20 }, { 20, 30 } } << 1;
    QTest::newRow("same start") << Intervals { { 5, 10 }, { 5, 6 } } << 2;
    QTest::newRow("empty interval") << Intervals { { 5, 5 }, { 0, 10 } } << 1;
    // An end before the start (a broken record) is an empty interval, not a negative one.
    QTest::newRow("end before start") << Intervals { { 8, 3 }, { 0, 10 } } << 1;
    QTest::newRow("open stays open") << Intervals { { 0, -1 }, { 100, 200 } } << 2;
}

void TestRequestMetrics::overlap()
{
    QFETCH(Intervals, intervals);
    Overlap o;
    for (const auto &i : intervals)
        o.add(i.first, i.second);
    QCOMPARE(o.isEmpty(), intervals.isEmpty());
    QFETCH(int, peak);
    QCOMPARE(o.peak(), peak);
}

void TestRequestMetrics::overlapSteps()
{
    Overlap o;
    o.add(10, 20);
    o.add(20, 30); // hands over at 20: the level stays 1, one point
    o.add(15, -1); // open
    const std::vector<std::pair<qint64, int>> expected { { 10, 1 }, { 15, 2 }, { 20, 2 }, { 30, 1 } };
    QCOMPARE(o.steps(), expected);
    o.add(0, 5); // adding after a sweep sorts again
    QCOMPARE(o.steps().front(), (std::pair<qint64, int>(0, 1)));
    QCOMPARE(o.peak(), 2);
}

void TestRequestMetrics::shownNumbers()
{
    QCOMPARE(shownNumber(0), qint64(1));
    QCOMPARE(shownNumber(41), qint64(42));
}

QTEST_GUILESS_MAIN(TestRequestMetrics)
#include "tst_requestmetrics.moc"
