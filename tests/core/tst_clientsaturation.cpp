#include "metrics/clientsaturation.h"

#include <QTest>

using namespace BurgerBench;

class tst_ClientSaturation : public QObject
{
    Q_OBJECT
private slots:
    void busyWindows();
    void busiestSecondSlides();
    void lagAndLateness();
    void verdict();
    void cpuOnLoopFromLanes();
};

static constexpr qint64 kS = 1'000'000'000;

// Two seconds measured: 0.8 s busy in the first, 0.2 s in the second.
void tst_ClientSaturation::busyWindows()
{
    RunTrace t;
    t.measuredStartNs = 0;
    t.endNs = 2 * kS;
    t.loopBusy = { Span { 0, 8 * kS / 10 }, Span { kS, kS + 2 * kS / 10 } };
    const ClientSaturation s = measureClientSaturation(t);
    QVERIFY(s.measured);
    QCOMPARE(qRound(s.busyMax * 100), 80);
    QCOMPARE(qRound(s.busyMean * 100), 50);
}

void tst_ClientSaturation::busiestSecondSlides()
{
    // 0.9 s of work across the 1 s mark: fixed windows would see 40% and 50%, the busiest second
    // holds all of it.
    RunTrace t;
    t.measuredStartNs = 0;
    t.endNs = 3 * kS;
    t.loopBusy = { Span { 6 * kS / 10, 15 * kS / 10 } };
    QCOMPARE(qRound(measureClientSaturation(t).busyMax * 100), 90);
    // Many short spans: 5 ms busy every 10 ms for 1.5 s is 50% in every second.
    t.loopBusy.clear();
    for (qint64 at = kS; at < 25 * kS / 10; at += 10'000'000)
        t.loopBusy.push_back(Span { at, at + 5'000'000 });
    QCOMPARE(qRound(measureClientSaturation(t).busyMax * 100), 50);
    // A run shorter than a second is measured over its own length.
    t.endNs = kS / 2;
    t.loopBusy = { Span { 0, kS / 4 } };
    QCOMPARE(qRound(measureClientSaturation(t).busyMax * 100), 50);
}

void tst_ClientSaturation::lagAndLateness()
{
    RunTrace t;
    t.measuredStartNs = 0;
    t.endNs = kS;
    for (int i = 0; i < 100; ++i)
        t.loopLag.push_back(LagSample { i * 10'000'000LL, i == 99 ? 40'000'000LL : 1'000'000LL });
    t.loopLag.push_back(LagSample { 2 * kS, 500'000'000LL }); // after the window: ignored
    RequestRecord r;
    r.intendedNs = 100;
    r.dispatchNs = 100 + 3'000'000;
    t.requests.push_back(r);
    const ClientSaturation s = measureClientSaturation(t);
    QCOMPARE(s.loopLagMaxMs, 40.0);
    QCOMPARE(s.loopLagP99Ms, 1.0); // the one 40 ms sample of 100 sits above the p99 rank
    QCOMPARE(s.dispatchLateP99Ms, 3.0);
}

void tst_ClientSaturation::verdict()
{
    ClientSaturation s;
    s.busyMax = 0.34;
    s.loopLagP99Ms = 0.8;
    QVERIFY(!clientVerdict(s, false).limited);
    s.busyMax = 0.71;
    ClientVerdict v = clientVerdict(s, false);
    QVERIFY(v.limited);
    QVERIFY(v.reason.contains(QStringLiteral("busy")));
    QVERIFY(v.reason.contains(QStringLiteral("--transport socket")));
    v = clientVerdict(s, true);
    QVERIFY(!v.reason.contains(QStringLiteral("--transport socket")));
    s.busyMax = 0.1;
    s.loopLagP99Ms = 12;
    v = clientVerdict(s, true);
    QVERIFY(v.limited);
    QVERIFY(v.reason.contains(QStringLiteral("loop lag")));
    // The run's own CPU work on the loop is named instead of a transport that would not help.
    v = clientVerdict(s, false, true);
    QVERIFY(v.reason.contains(QStringLiteral("CPU work ran on the event loop")));
    QVERIFY(!v.reason.contains(QStringLiteral("--transport socket")));
}

void tst_ClientSaturation::cpuOnLoopFromLanes()
{
    RunTrace t;
    t.taskLanes.push_back(TaskLane { LaneKind::Pool, 1, 0 });
    t.tasks.push_back(TaskRecord { -1, 0, TaskKind::CpuWork, 0, 0, 10 });
    QVERIFY(!cpuWorkOnLoop(t)); // a pool thread's work leaves the loop free
    t.taskLanes.push_back(TaskLane { LaneKind::EventLoop, 1, 0 });
    t.tasks.push_back(TaskRecord { -1, 1, TaskKind::HeldWaiting, 0, 0, 10 });
    QVERIFY(!cpuWorkOnLoop(t)); // waiting is not work
    t.tasks.push_back(TaskRecord { -1, 1, TaskKind::CpuWork, 0, 0, 10 });
    QVERIFY(cpuWorkOnLoop(t));
}

QTEST_GUILESS_MAIN(tst_ClientSaturation)
#include "tst_clientsaturation.moc"
