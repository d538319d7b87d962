#include "trace/orderline.h"
#include "trace/playback.h"

#include <QTest>

using namespace BurgerBench;

namespace {
constexpr qint64 ms = 1'000'000;

// Order i: made at 100*i ms, sent 10 ms later, first token 50 ms after that, a token every
// 10 ms, done 100 ms after it was sent.
RequestRecord order(int i)
{
    RequestRecord r;
    r.index = quint32(i);
    r.intendedNs = qint64(i) * 100 * ms;
    r.dispatchNs = r.intendedNs + 10 * ms;
    r.sentNs = r.dispatchNs + 1 * ms;
    r.headersNs = r.dispatchNs + 20 * ms;
    r.firstByteNs = r.dispatchNs + 50 * ms;
    for (qint64 t = r.dispatchNs + 50 * ms; t <= r.dispatchNs + 100 * ms; t += 10 * ms)
        r.tokenNs.push_back(t);
    r.endNs = r.dispatchNs + 100 * ms;
    r.httpStatus = 200;
    r.outcome = Outcome::Success;
    r.outputTokens = 6;
    r.outputTokensFromUsage = true;
    return r;
}

RunTrace threeOrders()
{
    RunTrace trace;
    trace.scenario.requests = 3;
    trace.scenario.concurrency = 1;
    trace.measuredStartNs = 10 * ms;
    for (int i = 0; i < 3; ++i)
        trace.requests.push_back(order(i));
    trace.endNs = trace.requests.back().endNs;
    trace.loopBusy = { Span { 5 * ms, 15 * ms }, Span { 110 * ms, 130 * ms } };
    trace.loopLag = { LagSample { 50 * ms, 1 * ms }, LagSample { 150 * ms, 2 * ms } };
    return trace;
}
} // namespace

// A replay shows the run as a live run would have shown it at each moment (trace/playback.h).
class tst_Playback : public QObject
{
    Q_OBJECT
private slots:
    void recordsAppearWhenMade();
    void stampsAndTokensUpToTheMoment();
    void attemptsAndWaits();
    void tasksJobsAndLoop();
    void theEndIsTheWholeRun();
    void stepsFromEventToEvent();
};

void tst_Playback::recordsAppearWhenMade()
{
    const RunTrace full = threeOrders();
    QCOMPARE(traceAt(full, -1).requests.size(), size_t(0));
    QCOMPARE(traceAt(full, 0).requests.size(), size_t(1));
    QCOMPARE(traceAt(full, 150 * ms).requests.size(), size_t(2));
    QCOMPARE(traceAt(full, 250 * ms).requests.size(), size_t(3));
    // The line as the live views count it: at 5 ms order 1 is made and not sent, the other two
    // not taken yet.
    const RunTrace early = traceAt(full, 5 * ms);
    QCOMPARE(early.requests.front().dispatchNs, qint64(-1));
    QCOMPARE(early.requests.front().outcome, Outcome::Pending);
    QCOMPARE(orderLineAt(early, 5 * ms).inLine(), 3);
    QCOMPARE(early.measuredStartNs, qint64(-1));
    QCOMPARE(early.endNs, qint64(-1));

    // A record made later than one after it (a later turn of a conversation, say) is an empty
    // placeholder until then: its lane stays blank, the ones after keep their numbers.
    RunTrace shuffled = full;
    shuffled.requests[1].intendedNs = 220 * ms;
    shuffled.requests[1].dispatchNs = 230 * ms;
    const RunTrace at = traceAt(shuffled, 215 * ms);
    QCOMPARE(at.requests.size(), size_t(3));
    QCOMPARE(at.requests[1].index, quint32(1));
    QCOMPARE(at.requests[1].intendedNs, qint64(-1));
    QCOMPARE(at.requests[1].outcome, Outcome::Pending);
    QVERIFY(at.requests[1].tokenNs.empty());
    QCOMPARE(at.requests[2].dispatchNs, 210 * ms);
}

void tst_Playback::stampsAndTokensUpToTheMoment()
{
    const RunTrace full = threeOrders();
    // Order 0 sent at 10 ms, headers at 30, tokens from 60 to 110 ms, done at 110.
    RequestRecord r = traceAt(full, 25 * ms).requests[0];
    QCOMPARE(r.dispatchNs, 10 * ms);
    QCOMPARE(r.sentNs, 11 * ms);
    QCOMPARE(r.headersNs, qint64(-1));
    QCOMPARE(r.httpStatus, 0);
    QCOMPARE(r.outcome, Outcome::InFlight);
    QVERIFY(r.tokenNs.empty());
    r = traceAt(full, 85 * ms).requests[0];
    QCOMPARE(r.headersNs, 30 * ms);
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.tokenNs.toVector(), (std::vector<qint64> { 60 * ms, 70 * ms, 80 * ms }));
    QCOMPARE(r.endNs, qint64(-1));
    QCOMPARE(r.outputTokens, -1); // the usage comes at the end
    QCOMPARE(r.outcome, Outcome::InFlight);
    r = traceAt(full, 110 * ms).requests[0];
    QCOMPARE(r.outcome, Outcome::Success);
    QCOMPARE(r.tokenNs.size(), size_t(6));
    QCOMPARE(r.outputTokens, 6);
}

void tst_Playback::attemptsAndWaits()
{
    RunTrace full = threeOrders();
    // Order 0 failed at 10..40 ms (HTTP 503), waited 30 ms, failed again at 70..90, waited 20:
    // its last attempt went out at 110 ms.
    RequestRecord &r = full.requests[0];
    r.attempts = { AttemptRecord { 10 * ms, 40 * ms, 503, ErrorKind::Http, QString(), 30 * ms },
        AttemptRecord { 70 * ms, 90 * ms, 503, ErrorKind::Http, QString(), 20 * ms } };
    r.retries = 2;
    r.dispatchNs = 110 * ms;
    r.tokenNs = TokenTimes { 160 * ms, 170 * ms };
    r.endNs = 170 * ms;

    RequestRecord at = traceAt(full, 20 * ms).requests[0]; // in the first attempt
    QVERIFY(at.attempts.empty());
    QCOMPARE(at.dispatchNs, 10 * ms);
    QCOMPARE(at.outcome, Outcome::InFlight);
    at = traceAt(full, 50 * ms).requests[0]; // waiting after it
    QCOMPARE(at.attempts.size(), size_t(1));
    QCOMPARE(at.attempts[0].endNs, 40 * ms);
    QCOMPARE(at.attempts[0].waitNs, qint64(-1)); // still waiting
    QCOMPARE(at.dispatchNs, qint64(-1));
    QCOMPARE(at.outcome, Outcome::InFlight);
    QCOMPARE(linePlaceOf(full, at, 50 * ms), LinePlace::None); // not in line: between tries
    at = traceAt(full, 80 * ms).requests[0]; // in the second attempt
    QCOMPARE(at.attempts.size(), size_t(1));
    QCOMPARE(at.attempts[0].waitNs, 30 * ms);
    QCOMPARE(at.dispatchNs, 70 * ms);
    at = traceAt(full, 100 * ms).requests[0]; // waiting after the second
    QCOMPARE(at.attempts.size(), size_t(2));
    QCOMPARE(at.attempts[1].waitNs, qint64(-1));
    at = traceAt(full, 165 * ms).requests[0]; // the last attempt, streaming
    QCOMPARE(at.attempts.size(), size_t(2));
    QCOMPARE(at.attempts[1].waitNs, 20 * ms);
    QCOMPARE(at.dispatchNs, 110 * ms);
    QCOMPARE(at.tokenNs.size(), size_t(1));
}

void tst_Playback::tasksJobsAndLoop()
{
    RunTrace full = threeOrders();
    full.taskLanes = { TaskLane { LaneKind::Pool, 1 } };
    full.tasks = { TaskRecord { 0, 0, TaskKind::CpuWork, 100 * ms, 120 * ms, 150 * ms, 30 * ms } };
    JobRecord job;
    job.id = "job-000001";
    job.status = JobStatus::Done;
    job.acceptedNs = 5 * ms;
    job.startedNs = 50 * ms;
    job.endedNs = 90 * ms;
    job.seenEndedNs = 100 * ms;
    full.jobs = { job };

    RunTrace at = traceAt(full, 110 * ms);
    QCOMPARE(at.tasks.size(), size_t(1));
    QCOMPARE(at.tasks[0].startNs, qint64(-1)); // queued, not started
    QCOMPARE(at.tasks[0].endNs, qint64(-1));
    at = traceAt(full, 130 * ms);
    QCOMPARE(at.tasks[0].startNs, 120 * ms);
    QCOMPARE(at.tasks[0].endNs, qint64(-1));
    QCOMPARE(at.tasks[0].cpuNs, qint64(-1));
    QCOMPARE(traceAt(full, 99 * ms).tasks.size(), size_t(0));

    QCOMPARE(traceAt(full, 1 * ms).jobs.size(), size_t(0));
    QCOMPARE(traceAt(full, 10 * ms).jobs[0].status, JobStatus::Pending);
    QCOMPARE(traceAt(full, 60 * ms).jobs[0].status, JobStatus::Running);
    QCOMPARE(traceAt(full, 95 * ms).jobs[0].status, JobStatus::Done);
    QCOMPARE(traceAt(full, 95 * ms).jobs[0].seenEndedNs, qint64(-1));

    at = traceAt(full, 120 * ms);
    QCOMPARE(at.loopBusy.size(), size_t(2));
    QCOMPARE(at.loopBusy[1].endNs, 120 * ms); // still busy: cut at the moment
    QCOMPARE(at.loopLag.size(), size_t(1));
}

void tst_Playback::theEndIsTheWholeRun()
{
    const RunTrace full = threeOrders();
    QCOMPARE(playbackEndNs(full), full.endNs);
    const RunTrace at = traceAt(full, playbackEndNs(full));
    QCOMPARE(at.requests.size(), full.requests.size());
    for (size_t i = 0; i < at.requests.size(); ++i) {
        QCOMPARE(at.requests[i].outcome, full.requests[i].outcome);
        QCOMPARE(at.requests[i].tokenNs, full.requests[i].tokenNs);
        QCOMPARE(at.requests[i].endNs, full.requests[i].endNs);
    }
    QCOMPARE(at.endNs, full.endNs);
    QCOMPARE(at.measuredStartNs, full.measuredStartNs);
    QCOMPARE(at.loopBusy.size(), full.loopBusy.size());
}

void tst_Playback::stepsFromEventToEvent()
{
    const RunTrace full = threeOrders();
    QCOMPARE(nextEventAfter(full, -1), qint64(0)); // order 0 made
    QCOMPARE(nextEventAfter(full, 0), 10 * ms); // sent
    QCOMPARE(nextEventAfter(full, 10 * ms), 11 * ms); // handed to the socket
    QCOMPARE(nextEventAfter(full, 60 * ms), 70 * ms); // the next token
    // Stepping from the start visits every moment once and ends at the run's end.
    qint64 t = -1;
    int steps = 0;
    qint64 last = -1;
    while ((t = nextEventAfter(full, t)) >= 0) {
        QVERIFY(t > last);
        last = t;
        ++steps;
    }
    QCOMPARE(last, full.endNs);
    QVERIFY2(steps >= 3 * 6, qPrintable(QString::number(steps))); // at least the tokens
}

QTEST_GUILESS_MAIN(tst_Playback)
#include "tst_playback.moc"
