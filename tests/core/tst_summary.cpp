#include "metrics/summary.h"
#include "trace/runtrace.h"

#include <QTest>

#include <cmath>

using namespace BurgerBench;

namespace {

// Traces are written in milliseconds for readability; the trace holds nanoseconds.
constexpr qint64 ms(qint64 v)
{
    return v * 1'000'000;
}

RequestRecord request(
    Outcome outcome, qint64 dispatchMs, qint64 endMs, std::initializer_list<qint64> tokensMs = {})
{
    RequestRecord r;
    r.outcome = outcome;
    r.dispatchNs = ms(dispatchMs);
    r.intendedNs = r.dispatchNs;
    r.endNs = ms(endMs);
    for (qint64 t : tokensMs)
        r.tokenNs.push_back(ms(t));
    if (outcome == Outcome::Success) {
        r.httpStatus = 200;
        r.outputTokens = int(r.tokenNs.size());
        r.outputTokensFromUsage = true;
    }
    return r;
}

RequestRecord failed(ErrorKind kind, int httpStatus, qint64 dispatchMs, qint64 endMs,
    std::initializer_list<qint64> tokensMs = {})
{
    RequestRecord r = request(Outcome::Failed, dispatchMs, endMs, tokensMs);
    r.error = kind;
    r.httpStatus = httpStatus;
    return r;
}

RequestRecord incomplete(
    ErrorKind kind, qint64 dispatchMs, qint64 endMs, std::initializer_list<qint64> tokensMs = {})
{
    RequestRecord r = request(Outcome::Incomplete, dispatchMs, endMs, tokensMs);
    r.error = kind;
    return r;
}

const QList<double> Ranks { 50, 90 };

// A streaming run, 2 s measured (1000 ms .. 3000 ms), every kind of request. Intervals:
//   W1 warm-up  [ 900, 1500) tokens 1100 1200 1300      success   (excluded everywhere)
//   W2 warm-up  [ 950, 1000)                            http_503  (excluded everywhere)
//   A           [1000, 1310) tokens 1100 1150 1200 1300 success, 4 tokens, prompt 10
//   B           [1200, 1520) tokens 1400 1500           success, 5 tokens (usage), prompt 20
//   C           [1310, 1750) token  1700                success, 1 token, prompt 30
//   D           [1520, 1600)                            http_500
//   E           [2000, 2250) tokens 2100 .. 2220 step 20 (7) stream_error
//   F           [2500, 3000) token  2600                incomplete, run_ended
//   G           [2900, 3000)                            incomplete, cancelled
RunTrace streamingTrace()
{
    RunTrace t;
    t.scenario.stream = true;
    t.measuredStartNs = ms(1000);
    t.endNs = ms(3000);

    RequestRecord w1 = request(Outcome::Success, 900, 1500, { 1100, 1200, 1300 });
    w1.warmup = true;
    w1.promptTokens = 1000;
    w1.outputTokensFromUsage = false;
    RequestRecord w2 = failed(ErrorKind::Http, 503, 950, 1000);
    w2.warmup = true;

    RequestRecord a = request(Outcome::Success, 1000, 1310, { 1100, 1150, 1200, 1300 });
    a.firstByteNs = ms(1090);
    a.promptTokens = 10;
    RequestRecord b = request(Outcome::Success, 1200, 1520, { 1400, 1500 });
    b.intendedNs = ms(1000); // waited 200 ms at the concurrency gate
    b.firstByteNs = ms(1380);
    b.outputTokens = 5; // the server's usage: several tokens per event
    b.promptTokens = 20;
    RequestRecord c = request(Outcome::Success, 1310, 1750, { 1700 });
    c.intendedNs = ms(1300);
    c.firstByteNs = ms(1690);
    c.promptTokens = 30;
    RequestRecord d = failed(ErrorKind::Http, 500, 1520, 1600);
    d.intendedNs = ms(1500);
    d.firstByteNs = ms(1590); // a failure: not in the TTFB distribution
    RequestRecord e
        = failed(ErrorKind::StreamError, 200, 2000, 2250, { 2100, 2120, 2140, 2160, 2180, 2200, 2220 });
    e.outputTokens = 7; // failures never reach the token totals
    RequestRecord f = incomplete(ErrorKind::RunEnded, 2500, 3000, { 2600 });
    RequestRecord g = incomplete(ErrorKind::Cancelled, 2900, 3000);
    g.intendedNs = ms(2800);

    t.requests = { w1, w2, a, b, c, d, e, f, g };
    for (std::size_t i = 0; i < t.requests.size(); ++i)
        t.requests[i].index = quint32(i);
    return t;
}

void compareDistribution(const Distribution &d, int count, double mean, double median, double stddev,
    double min, double max, double p90)
{
    QCOMPARE(d.count, count);
    QCOMPARE(d.mean, mean);
    QCOMPARE(d.median, median);
    QCOMPARE(d.stddev, stddev);
    QCOMPARE(d.min, min);
    QCOMPARE(d.max, max);
    QCOMPARE(d.percentile(50), median);
    QCOMPARE(d.percentile(90), p90);
}

} // namespace

class tst_Summary : public QObject
{
    Q_OBJECT

private slots:
    void streamingCounts();
    void streamingLatencies();
    void streamingExtras();
    void goodput_data();
    void goodput();
    void nonStreamingRun();
    void durationFallback();
    void tokenBucketsAlignedAtMeasuredStart();
    void touchingIntervalsDoNotOverlap_data();
    void touchingIntervalsDoNotOverlap();
    void unsettledRequests();
    void tokenCountSource();
    void streamedSuccessWithoutTokensIsNotTimed();
    void emptyTrace();
};

void tst_Summary::streamingCounts()
{
    const Summary s = computeSummary(streamingTrace(), Ranks, {});
    QCOMPARE(s.definitions, QStringLiteral("vllm-compatible"));
    QCOMPARE(s.sent, 7); // A..G; the warm-ups W1, W2 are not measured
    QCOMPARE(s.completed, 3); // A B C
    QCOMPARE(s.failed, 2); // D E
    QCOMPARE(s.incomplete, 2); // F G
    const QMap<QString, int> errors { { QStringLiteral("http_500"), 1 },
        { QStringLiteral("stream_error"), 1 }, { QStringLiteral("run_ended"), 1 },
        { QStringLiteral("cancelled"), 1 } }; // no http_503: W2 is warm-up
    QCOMPARE(s.errors, errors);

    QCOMPARE(s.durationS, 2.0); // 3000 - 1000 ms
    QCOMPARE(s.requestThroughput, 1.5); // 3 / 2 s
    QCOMPARE(s.totalOutputTokens, qint64(10)); // 4 + 5 + 1; E's 7 and W1's 3 excluded
    QCOMPARE(s.totalPromptTokens, qint64(60)); // 10 + 20 + 30; W1's 1000 excluded
    QCOMPARE(s.outputThroughput, 5.0); // 10 / 2
    QCOMPARE(s.totalTokenThroughput, 35.0); // (60 + 10) / 2
    QVERIFY2(std::isnan(s.goodput), "no SLO given: no goodput, not 0");
    QVERIFY(s.outputTokensFromUsage); // W1 counted events, but it is warm-up

    // At 1200: A B (W1 would make 3). At 1310 A ends as C starts and at 1520 B ends as D
    // starts: ends first, so 2 each time, not 3.
    QCOMPARE(s.peakConcurrency, 2);
    // Buckets from 1000 ms: [1000, 2000) A 4 + B 2 + C 1 = 7 (10 with W1's);
    // [2000, 3000) E 7 + F 1 = 8: failed and incomplete requests' token events count.
    QCOMPARE(s.peakTokensPerS, 8.0);
}

void tst_Summary::streamingLatencies()
{
    const Summary s = computeSummary(streamingTrace(), Ranks, {});
    // TTFT: A 1100-1000 = 100, B 1400-1200 = 200, C 1700-1310 = 390.
    // Sorted [100, 200, 390]; mean 230; p90 pos 1.8: 200 + 0.8 * 190 = 352;
    // std sqrt(((-130)^2 + (-30)^2 + 160^2) / 3) = sqrt(43400 / 3) = 120.27745701779143.
    compareDistribution(s.ttft, 3, 230, 200, 120.27745701779143, 100, 390, 352);
    // E2EL: A 1300-1000 = 300, B 1500-1200 = 300, C 1700-1310 = 390. Mean 330; p90 pos 1.8:
    // 300 + 0.8 * 90 = 372; std sqrt((30^2 + 30^2 + 60^2) / 3) = sqrt(1800) = 42.42640687119285.
    compareDistribution(s.e2el, 3, 330, 300, 42.42640687119285, 300, 390, 372);
    // ITL pooled from successes: A 50 50 100, B 100 (E's gaps are a failure's). [50 50 100 100]:
    // mean 75, median pos 1.5 = 75, p90 pos 2.7 = 100, std 25.
    compareDistribution(s.itl, 4, 75, 75, 25, 50, 100, 100);
    // TPOT: A (300-100)/(4-1) = 66.667, B (300-200)/(5-1) = 25, C has 1 token: none.
    // mean 45.833, median pos 0.5 = 45.833, p90 pos 0.9: 25 + 0.9 * 41.667 = 62.5, std 20.833.
    compareDistribution(s.tpot, 2, 275.0 / 6, 275.0 / 6, 125.0 / 6, 25, 200.0 / 3, 62.5);
}

void tst_Summary::streamingExtras()
{
    const Summary s = computeSummary(streamingTrace(), Ranks, {});
    // Queue (every dispatched measured request): A 0, B 200, C 10, D 20, E 0, F 0, G 100.
    // Sorted [0 0 0 10 20 100 200]: median pos 3 = 10; p90 pos 5.4: 100 + 0.4 * 100 = 140;
    // mean 330 / 7; std 70.65293153644707.
    compareDistribution(s.queue, 7, 330.0 / 7, 10, 70.65293153644707, 0, 200, 140);
    // TTFB of successes: A 90, B 180, C 380 (D's 70 excluded). p90 pos 1.8: 180 + 0.8 * 200 = 340;
    // mean 650 / 3; std 121.19772641798562.
    compareDistribution(s.ttfb, 3, 650.0 / 3, 180, 121.19772641798562, 90, 380, 340);
    // End - intended of successes: A 1310-1000 = 310, B 1520-1000 = 520, C 1750-1300 = 450.
    // Sorted [310 450 520]: p90 pos 1.8: 450 + 0.8 * 70 = 506; mean 1280 / 3; std 87.3053390247253.
    compareDistribution(s.scheduleLatency, 3, 1280.0 / 3, 450, 87.3053390247253, 310, 520, 506);
}

void tst_Summary::goodput_data()
{
    QTest::addColumn<double>("ttftMs");
    QTest::addColumn<double>("tpotMs");
    QTest::addColumn<double>("e2elMs");
    QTest::addColumn<double>("goodput");

    // Successes: A ttft 100 tpot 66.7 e2el 300; B 200 / 25 / 300; C 390 / none / 390. Duration 2 s.
    QTest::newRow("no slo, no goodput") << 0.0 << 0.0 << 0.0 << qQNaN();
    QTest::newRow("ttft equal to the slo meets it") << 200.0 << 0.0 << 0.0 << 1.0; // A B
    QTest::newRow("request without tpot meets tpot slo") << 0.0 << 30.0 << 0.0 << 1.0; // B C
    QTest::newRow("e2el") << 0.0 << 0.0 << 300.0 << 1.0; // A B
    QTest::newRow("every slo must hold") << 150.0 << 70.0 << 0.0 << 0.5; // A only
    QTest::newRow("tpot and e2el") << 0.0 << 50.0 << 400.0 << 1.0; // B C
    QTest::newRow("all loose") << 1000.0 << 1000.0 << 1000.0 << 1.5; // A B C
    QTest::newRow("none meets") << 50.0 << 0.0 << 0.0 << 0.0;
}

void tst_Summary::goodput()
{
    QFETCH(double, ttftMs);
    QFETCH(double, tpotMs);
    QFETCH(double, e2elMs);
    Slo slo;
    slo.ttftMs = ttftMs;
    slo.tpotMs = tpotMs;
    slo.e2elMs = e2elMs;
    const Summary s = computeSummary(streamingTrace(), Ranks, slo);
    QFETCH(double, goodput);
    if (std::isnan(goodput))
        QVERIFY2(std::isnan(s.goodput), qPrintable(QString::number(s.goodput)));
    else
        QCOMPARE(s.goodput, goodput);
    QCOMPARE(s.requestThroughput, 1.5); // SLOs never change the other figures
}

void tst_Summary::nonStreamingRun()
{
    // stream: false, measured 0 .. 1000 ms:
    //   N1 [  0, 200) body read at 200, 16 tokens, prompt 8
    //   N2 [100, 600) body read at 600, 32 tokens, prompt 8
    //   N3 [200, 210) http_429
    RunTrace t;
    t.scenario.stream = false;
    t.measuredStartNs = 0;
    t.endNs = ms(1000);
    RequestRecord n1 = request(Outcome::Success, 0, 200);
    n1.firstByteNs = ms(150);
    n1.outputTokens = 16;
    n1.promptTokens = 8;
    RequestRecord n2 = request(Outcome::Success, 100, 600);
    n2.firstByteNs = ms(500);
    n2.outputTokens = 32;
    n2.promptTokens = 8;
    t.requests = { n1, n2, failed(ErrorKind::Http, 429, 200, 210) };

    Slo slo;
    slo.ttftMs = 300; // no TTFT without streaming: the first token came with the body (E2EL)
    const Summary s = computeSummary(t, Ranks, slo);
    QCOMPARE(s.completed, 2);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.errors, (QMap<QString, int> { { QStringLiteral("http_429"), 1 } }));
    QCOMPARE(s.ttft.count, 0); // TTFT is absent for non-streaming requests
    QVERIFY(std::isnan(s.ttft.mean));
    QVERIFY(std::isnan(s.ttft.percentile(90)));
    QCOMPARE(s.tpot.count, 0);
    QCOMPARE(s.itl.count, 0);
    // E2EL = body read - start: 200, 500. Mean 350, median 350, p90 pos 0.9: 200 + 0.9 * 300 = 470.
    compareDistribution(s.e2el, 2, 350, 350, 150, 200, 500, 470);
    QCOMPARE(s.ttfb.count, 2); // 150, 400
    QCOMPARE(s.ttfb.max, 400.0);
    QCOMPARE(s.durationS, 1.0);
    QCOMPARE(s.outputThroughput, 48.0); // 16 + 32
    QCOMPARE(s.totalTokenThroughput, 64.0); // 48 + 16
    QCOMPARE(s.goodput, 1.0); // N1 (200 <= 300) only
    QCOMPARE(s.peakTokensPerS, 0.0); // no token events
    QCOMPARE(s.peakConcurrency, 2); // N1 ends at 200 as N3 starts: N2 + N3
}

void tst_Summary::durationFallback()
{
    // No run marks (an older trace): duration = last measured end - first measured dispatch,
    // 3000 - 1000 = 2 s; the warm-up from 0 ms does not stretch it.
    RunTrace t;
    RequestRecord w = request(Outcome::Success, 0, 500, { 100 });
    w.warmup = true;
    t.requests = { w, request(Outcome::Success, 1000, 1600, { 1100, 1200 }),
        request(Outcome::Success, 1200, 3000, { 1300, 2900 }) };
    const Summary s = computeSummary(t, Ranks, {});
    QCOMPARE(s.durationS, 2.0);
    QCOMPARE(s.requestThroughput, 1.0);
    QCOMPARE(s.outputThroughput, 2.0); // 4 tokens / 2 s
    // Buckets from the first measured dispatch (1000): [1000, 2000) holds 1100 1200 1300.
    QCOMPARE(s.peakTokensPerS, 3.0);
}

void tst_Summary::tokenBucketsAlignedAtMeasuredStart()
{
    // Measured start 500 ms: buckets [500, 1500) = 600 1400 1450 (3) and [1500, 2500) =
    // 1600 1700 1800 (3). Buckets aligned at 0 would put 1400..1800 together (5).
    RunTrace t;
    t.measuredStartNs = ms(500);
    t.endNs = ms(2000);
    t.requests = { request(Outcome::Success, 500, 1500, { 600, 1400, 1450 }),
        request(Outcome::Success, 1500, 2000, { 1600, 1700, 1800 }) };
    const Summary s = computeSummary(t, Ranks, {});
    QCOMPARE(s.peakTokensPerS, 3.0);
}

void tst_Summary::touchingIntervalsDoNotOverlap_data()
{
    QTest::addColumn<QList<qint64>>("intervalsMs"); // start, end, start, end, ...
    QTest::addColumn<int>("peak");

    QTest::newRow("end equals next start") << QList<qint64> { 0, 100, 100, 200 } << 1;
    QTest::newRow("chain of touching") << QList<qint64> { 0, 100, 100, 200, 200, 300 } << 1;
    QTest::newRow("overlap by one ms") << QList<qint64> { 0, 101, 100, 200 } << 2;
    QTest::newRow("same start") << QList<qint64> { 0, 100, 0, 50, 0, 10 } << 3;
    QTest::newRow("nested") << QList<qint64> { 0, 1000, 100, 200, 150, 160, 300, 400 } << 3;
    QTest::newRow("two end as two start") << QList<qint64> { 0, 100, 50, 100, 100, 200, 100, 150 } << 2;
    // [50, 50) is empty: a request that ends as it starts is never in flight.
    QTest::newRow("zero-length request") << QList<qint64> { 0, 100, 50, 50 } << 1;
}

void tst_Summary::touchingIntervalsDoNotOverlap()
{
    QFETCH(QList<qint64>, intervalsMs);
    QFETCH(int, peak);
    RunTrace t;
    t.measuredStartNs = 0;
    t.endNs = ms(1000);
    for (qsizetype i = 0; i + 1 < intervalsMs.size(); i += 2)
        t.requests.push_back(
            request(Outcome::Success, intervalsMs.at(i), intervalsMs.at(i + 1), { intervalsMs.at(i) }));
    QCOMPARE(computeSummary(t, Ranks, {}).peakConcurrency, peak);
}

void tst_Summary::unsettledRequests()
{
    // A summary taken while requests are unsettled: in flight counts as incomplete (the run
    // ended under it) and stays in flight for the concurrency sweep; a request never dispatched
    // was not sent and is in no category.
    RunTrace t;
    t.measuredStartNs = 0;
    t.endNs = ms(1000);
    RequestRecord done = request(Outcome::Success, 0, 500, { 100, 200 });
    RequestRecord flying = request(Outcome::InFlight, 100, -1, { 300 });
    flying.endNs = -1;
    RequestRecord queued; // Pending, never dispatched
    queued.intendedNs = ms(200);
    t.requests = { done, flying, queued, request(Outcome::Success, 600, 900, { 700 }) };
    const Summary s = computeSummary(t, Ranks, {});
    QCOMPARE(s.sent, 3);
    QCOMPARE(s.completed, 2);
    QCOMPARE(s.failed, 0);
    QCOMPARE(s.incomplete, 1);
    QCOMPARE(s.errors, (QMap<QString, int> { { QStringLiteral("run_ended"), 1 } }));
    QCOMPARE(s.peakConcurrency, 2); // the in-flight one overlaps both successes
    QCOMPARE(s.queue.count, 3); // the undispatched request has no queue time yet
}

void tst_Summary::tokenCountSource()
{
    RunTrace t;
    t.measuredStartNs = 0;
    t.endNs = ms(1000);
    RequestRecord a = request(Outcome::Success, 0, 500, { 100, 200 });
    a.promptTokens = 5;
    RequestRecord b = request(Outcome::Success, 0, 500, { 100, 200, 300 });
    b.outputTokensFromUsage = false; // counted token events
    b.promptTokens = -1; // unknown: skipped, not subtracted
    RequestRecord c = failed(ErrorKind::TimeoutIdle, 0, 0, 900);
    c.outputTokensFromUsage = false; // a failure does not decide the flag
    t.requests = { a, b, c };
    Summary s = computeSummary(t, Ranks, {});
    QVERIFY(!s.outputTokensFromUsage);
    QCOMPARE(s.totalOutputTokens, qint64(5));
    QCOMPARE(s.totalPromptTokens, qint64(5));
    QCOMPARE(s.errors, (QMap<QString, int> { { QStringLiteral("timeout_idle"), 1 } }));

    t.requests = { a, c };
    s = computeSummary(t, Ranks, {});
    QVERIFY(s.outputTokensFromUsage);
}

void tst_Summary::streamedSuccessWithoutTokensIsNotTimed()
{
    // A contradiction the engine should never record (no token event is a no_tokens failure):
    // it is counted, but a streamed request without token events has no first or last token,
    // so it must not fall back to the non-streaming E2EL.
    RunTrace t;
    t.scenario.stream = true;
    t.measuredStartNs = 0;
    t.endNs = ms(1000);
    t.requests = { request(Outcome::Success, 0, 800), request(Outcome::Success, 0, 500, { 100, 300 }) };
    const Summary s = computeSummary(t, Ranks, {});
    QCOMPARE(s.completed, 2);
    QCOMPARE(s.e2el.count, 1);
    QCOMPARE(s.e2el.max, 300.0);
    QCOMPARE(s.ttft.count, 1);
}

void tst_Summary::emptyTrace()
{
    const Summary s = computeSummary(RunTrace {}, Ranks, {});
    QCOMPARE(s.sent, 0);
    QCOMPARE(s.completed, 0);
    QCOMPARE(s.durationS, 0.0);
    QCOMPARE(s.requestThroughput, 0.0);
    QCOMPARE(s.peakConcurrency, 0);
    QCOMPARE(s.peakTokensPerS, 0.0);
    QCOMPARE(s.ttft.count, 0);
    QVERIFY(std::isnan(s.e2el.median));
    QVERIFY(s.errors.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Summary)
#include "tst_summary.moc"
