#include "metrics/clientsaturation.h"

#include <QTest>

using namespace BurgerBench;

class tst_ClientSaturation : public QObject
{
    Q_OBJECT
private slots:
    void busyWindows();
    void lagAndLateness();
    void verdict();
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
}

QTEST_GUILESS_MAIN(tst_ClientSaturation)
#include "tst_clientsaturation.moc"
