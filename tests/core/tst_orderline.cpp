// The one definition of "in line" (trace/orderline.h) that the story, the statistics, the
// timeline and the code panel share: held at a client gate, or (closed loop) not taken yet; an
// open loop's arrivals not due yet apart; sent orders, settled ones and warm-up never.
#include "trace/codesteps.h"
#include "trace/livetrace.h"
#include "trace/orderline.h"

#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

RequestRecord record(qint64 intended, qint64 dispatch, qint64 end = -1)
{
    RequestRecord r;
    r.intendedNs = intended;
    r.dispatchNs = dispatch;
    r.sentNs = dispatch >= 0 ? dispatch + 1 * ms : -1;
    r.endNs = end;
    r.outcome = end >= 0 ? Outcome::Success : (dispatch >= 0 ? Outcome::InFlight : Outcome::Pending);
    return r;
}

// Sequential, 8 orders of 2 s: #1 and #2 served, #3 on its way at 5 s; the engine has not taken
// the other five (a closed loop records an order when it takes it).
RunTrace sequentialAtFiveSeconds()
{
    RunTrace t;
    t.scenario.mode = ExecutionMode::Sequential;
    t.scenario.requests = 8;
    t.scenario.concurrency = 1;
    t.requests
        = { record(0, 0, 2000 * ms), record(2000 * ms, 2000 * ms, 4000 * ms), record(4000 * ms, 4000 * ms) };
    return t;
}

} // namespace

class tst_OrderLine : public QObject
{
    Q_OBJECT
private slots:
    void sequentialOrdersNotTakenAreInLine();
    void openLoop_data();
    void openLoop();
    void retriedRequestIsNotInLine();
    void warmupAndTheEndOfTheRun();
    void progressAndCodeStepsAgree();
};

void tst_OrderLine::sequentialOrdersNotTakenAreInLine()
{
    const RunTrace t = sequentialAtFiveSeconds();
    const OrderLine line = orderLineAt(t, 5000 * ms);
    QCOMPARE(line.notTaken, 5);
    QCOMPARE(line.atGate, 0);
    QCOMPARE(line.notDue, 0);
    QCOMPARE(line.inLine(), 5);
    // #3 is out of the line from its dispatch on, not before: the closed loop's record before its
    // send is held at the gate.
    QCOMPARE(orderLineAt(t, 3999 * ms).atGate, 1);
    QCOMPARE(linePlaceOf(t, t.requests[2], 3999 * ms), LinePlace::AtGate);
    QCOMPARE(linePlaceOf(t, t.requests[2], 4000 * ms), LinePlace::None);
    QCOMPARE(linePlaceOf(t, t.requests[0], 5000 * ms), LinePlace::None);
    // A duration-bound run has no plan to count: only the records.
    RunTrace bounded = t;
    bounded.scenario.requests = 0;
    QCOMPARE(orderLineAt(bounded, 5000 * ms).inLine(), 0);
}

void tst_OrderLine::openLoop_data()
{
    // 6 arrivals every 200 ms from 0; one slot; each order takes 500 ms. By then, the engine has
    // recorded the arrivals that were due (at 0, 200, 400, 600), sent #1 at 0 and #2 at 500.
    QTest::addColumn<qint64>("at");
    QTest::addColumn<int>("atGate");
    QTest::addColumn<int>("notDue");
    QTest::newRow("at 100 ms: #2 to #6 not due") << 100 * ms << 0 << 5;
    QTest::newRow("at 450 ms: #2 and #3 wait for the slot") << 450 * ms << 2 << 3;
    QTest::newRow("at 650 ms: #2 sent, #3 and #4 wait") << 650 * ms << 2 << 2;
}

void tst_OrderLine::openLoop()
{
    QFETCH(qint64, at);
    QFETCH(int, atGate);
    QFETCH(int, notDue);
    RunTrace t;
    t.scenario.rate = 5;
    t.scenario.requests = 6;
    t.scenario.concurrency = 1;
    // What a live trace holds at `at`: the records of the arrivals due by then.
    const qint64 dispatch[] = { 0, 500 * ms, -1, -1 };
    for (int i = 0; i < 4; ++i) {
        const qint64 intended = i * 200 * ms;
        if (intended > at)
            break;
        t.requests.push_back(record(intended, dispatch[i] <= at ? dispatch[i] : -1));
    }
    const OrderLine line = orderLineAt(t, at);
    QCOMPARE(line.atGate, atGate);
    QCOMPARE(line.notDue, notDue);
    QCOMPARE(line.notTaken, 0); // an open loop's plan not recorded yet is not due, never "not taken"
    QCOMPARE(line.inLine(), atGate);

    // A record made ahead of its time (a saved run looked at before its arrival) is not due.
    RunTrace whole = t;
    whole.requests.clear();
    for (int i = 0; i < 6; ++i)
        whole.requests.push_back(record(i * 200 * ms, -1));
    QCOMPARE(orderLineAt(whole, 450 * ms).notDue, 3);
    QCOMPARE(orderLineAt(whole, 450 * ms).atGate, 3);
    QCOMPARE(linePlaceOf(whole, whole.requests[5], 450 * ms), LinePlace::NotDue);
}

void tst_OrderLine::retriedRequestIsNotInLine()
{
    // Its first attempt went out at 100 ms and failed; it waits to retry, then the final one goes.
    RunTrace t;
    t.scenario.requests = 1;
    RequestRecord r = record(0, 400 * ms);
    r.attempts = { AttemptRecord { 100 * ms, 200 * ms, 429, ErrorKind::Http, QString(), 200 * ms } };
    t.requests.push_back(r);
    QCOMPARE(orderLineAt(t, 50 * ms).atGate, 1);
    QCOMPARE(orderLineAt(t, 150 * ms).inLine(), 0); // in its first attempt
    QCOMPARE(orderLineAt(t, 300 * ms).inLine(), 0); // waiting to retry: the backoff, not the line
}

void tst_OrderLine::warmupAndTheEndOfTheRun()
{
    RunTrace t = sequentialAtFiveSeconds();
    RequestRecord warm = record(0, -1);
    warm.warmup = true;
    t.requests.insert(t.requests.begin(), warm);
    QCOMPARE(orderLineAt(t, 5000 * ms).inLine(), 5); // the warm-up is not an order of the plan
    // Cancelled at 5 s: what never went out was cut off; nobody is in line any more.
    t.endNs = 5000 * ms;
    RequestRecord queued = record(4500 * ms, -1, 5000 * ms);
    queued.outcome = Outcome::Incomplete;
    t.requests.push_back(queued);
    QCOMPARE(orderLineAt(t, 4999 * ms).atGate, 1);
    QCOMPARE(orderLineAt(t, 5000 * ms).inLine(), 0);
    QCOMPARE(orderLineAt(t, 5000 * ms).notDue, 0);
}

void tst_OrderLine::progressAndCodeStepsAgree()
{
    // The statistics' "In line" (Progress::queued) and the code panel's lines count the same.
    const RunTrace t = sequentialAtFiveSeconds();
    const Progress p = progressOf(t, 5000 * ms);
    QCOMPARE(p.queued, 5);
    QCOMPARE(p.notDue, 0);
    const CodeStepCounts c = codeStepsAt(t, 5000 * ms);
    QCOMPARE(c[CodeStep::InLine], 5);
    QCOMPARE(c[CodeStep::NotDue], 0);

    RunTrace open;
    open.scenario.rate = 5;
    open.scenario.requests = 6;
    open.requests = { record(0, 0), record(200 * ms, -1), record(400 * ms, -1) };
    const Progress q = progressOf(open, 450 * ms);
    QCOMPARE(q.queued, 2);
    QCOMPARE(q.notDue, 3);
    QCOMPARE(codeStepsAt(open, 450 * ms)[CodeStep::InLine], 2);
    QCOMPARE(codeStepsAt(open, 450 * ms)[CodeStep::NotDue], 3);
}

QTEST_GUILESS_MAIN(tst_OrderLine)
#include "tst_orderline.moc"
