// "About N s left" (issue 16 item 9): the run's own schedule played forward, so a run that goes
// in rounds counts the round under way instead of a share of the elapsed time ("4.06 s left"
// when 1.5 s was left).

#include "trace/livetrace.h"
#include "trace/runtrace.h"

#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

// `n` requests of 2 s, `width` at a time, in rounds from 0; the trace as it stood at `nowMs`.
RunTrace rounds(int n, int width, qint64 nowMs, ExecutionMode mode = ExecutionMode::Concurrent)
{
    RunTrace t;
    t.scenario.mode = mode;
    t.scenario.concurrency = width;
    t.scenario.workers = width;
    t.scenario.requests = n;
    for (int k = 0; k < n; ++k) {
        const qint64 start = (k / width) * 2000;
        if (start > nowMs)
            break; // a closed loop records an order when it takes it
        RequestRecord r;
        r.index = quint32(k);
        r.intendedNs = start * ms;
        r.dispatchNs = start * ms;
        if (start + 2000 <= nowMs) {
            r.endNs = (start + 2000) * ms;
            r.outcome = Outcome::Success;
        } else {
            r.outcome = Outcome::InFlight;
        }
        t.requests.push_back(r);
    }
    return t;
}

} // namespace

class tst_EstimateLeft : public QObject
{
    Q_OBJECT
private slots:
    void roundsCountTheRoundUnderWay_data();
    void roundsCountTheRoundUnderWay();
    void nothingSettledNothingToLearnFrom();
    void openLoopWaitsForItsArrivals();
};

void tst_EstimateLeft::roundsCountTheRoundUnderWay_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<qint64>("leftMs");
    // 8 × 2 s, 2 at a time: four rounds, 8 s. At 5.9 s the third round ends in 0.1 s, then one
    // more (a share of the elapsed time, 5.9 × 4 / 4, said 5.9 s).
    QTest::newRow("rounds, late in a round")
        << 8 << 2 << int(ExecutionMode::Concurrent) << qint64(5900) << qint64(2100);
    QTest::newRow("rounds, early in a round")
        << 8 << 2 << int(ExecutionMode::Concurrent) << qint64(4100) << qint64(3900);
    QTest::newRow("sequential") << 4 << 1 << int(ExecutionMode::Sequential) << qint64(2500) << qint64(5500);
    QTest::newRow("blocking workers")
        << 6 << 3 << int(ExecutionMode::ParallelBlocking) << qint64(3000) << qint64(1000);
    QTest::newRow("last round") << 4 << 2 << int(ExecutionMode::Concurrent) << qint64(3500) << qint64(500);
}

void tst_EstimateLeft::roundsCountTheRoundUnderWay()
{
    QFETCH(int, n);
    QFETCH(int, width);
    QFETCH(int, mode);
    QFETCH(qint64, nowMs);
    QFETCH(qint64, leftMs);
    const RunTrace t = rounds(n, width, nowMs, ExecutionMode(mode));
    QCOMPARE(estimateLeftNs(t, nowMs * ms, n), leftMs * ms);
}

void tst_EstimateLeft::nothingSettledNothingToLearnFrom()
{
    // Warm-up requests are not planned ones: two settled warm-ups change nothing.
    RunTrace warmed = rounds(8, 2, 5900);
    for (int k = 0; k < 2; ++k) {
        RequestRecord w;
        w.warmup = true;
        w.dispatchNs = 0;
        w.endNs = 2000 * ms;
        w.outcome = Outcome::Success;
        warmed.requests.push_back(w);
    }
    QCOMPARE(estimateLeftNs(warmed, 5900 * ms, 8), 2100 * ms);

    const RunTrace t = rounds(8, 2, 1000);
    QCOMPARE(estimateLeftNs(t, 1000 * ms, 8), qint64(-1));
    // All settled: nothing left.
    const RunTrace done = rounds(4, 2, 4000);
    QCOMPARE(estimateLeftNs(done, 4000 * ms, 4), qint64(0));
}

void tst_EstimateLeft::openLoopWaitsForItsArrivals()
{
    // Two requests of 1 s done, one due at 10 s not sent yet: it cannot end before 11 s.
    RunTrace t;
    t.scenario.concurrency = 4;
    t.scenario.requests = 3;
    for (int k = 0; k < 3; ++k) {
        RequestRecord r;
        r.index = quint32(k);
        r.intendedNs = qint64(k == 2 ? 10'000 : k * 1000) * ms;
        if (k < 2) {
            r.dispatchNs = r.intendedNs;
            r.endNs = r.dispatchNs + 1000 * ms;
            r.outcome = Outcome::Success;
        }
        t.requests.push_back(r);
    }
    QCOMPARE(estimateLeftNs(t, 3000 * ms, 3), 8000 * ms);
}

QTEST_GUILESS_MAIN(tst_EstimateLeft)
#include "tst_estimateleft.moc"
