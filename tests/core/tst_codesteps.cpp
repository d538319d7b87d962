// Where a run's work stands at a moment (trace/codesteps.h), the code panel's highlighted lines:
// every step from a request's own stamps, earlier attempts and their waits, the plan not yet
// published, CPU tasks, background jobs; warm-up left out.
#include "trace/codesteps.h"

#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

RequestRecord request(qint64 dispatch, qint64 sent, const std::vector<qint64> &tokens, qint64 end)
{
    RequestRecord r;
    r.intendedNs = dispatch;
    r.dispatchNs = dispatch;
    r.sentNs = sent;
    r.tokenNs = TokenTimes(tokens);
    r.endNs = end;
    r.outcome = end >= 0 ? Outcome::Success : Outcome::InFlight;
    return r;
}

} // namespace

class tst_CodeSteps : public QObject
{
    Q_OBJECT
private slots:
    void oneRequestThroughItsSteps_data();
    void oneRequestThroughItsSteps();
    void retriedRequestWaitsBetweenAttempts();
    void unpublishedPlanIsInLineOrNotDue();
    void warmupIsLeftOut();
    void tasksAndJobs();
    void namesAreStable();
};

void tst_CodeSteps::oneRequestThroughItsSteps_data()
{
    QTest::addColumn<qint64>("at");
    QTest::addColumn<int>("step"); // -1 = settled
    // Intended 10 ms, dispatched 20 ms, sent 21 ms, tokens from 100 ms, done 200 ms.
    QTest::newRow("before it was due: in line (closed loop)") << 5 * ms << int(CodeStep::InLine);
    QTest::newRow("at its dispatch, not yet sent") << 20 * ms << int(CodeStep::Sending);
    QTest::newRow("sent, no token yet") << 50 * ms << int(CodeStep::Waiting);
    QTest::newRow("at its first token") << 100 * ms << int(CodeStep::Streaming);
    QTest::newRow("between tokens") << 150 * ms << int(CodeStep::Streaming);
    QTest::newRow("at its end: settled") << 200 * ms << -1;
}

void tst_CodeSteps::oneRequestThroughItsSteps()
{
    QFETCH(qint64, at);
    QFETCH(int, step);
    RunTrace t;
    t.scenario.requests = 1;
    RequestRecord r = request(20 * ms, 21 * ms, { 100 * ms, 150 * ms, 190 * ms }, 200 * ms);
    r.intendedNs = 10 * ms;
    t.requests.push_back(r);
    const CodeStepCounts c = codeStepsAt(t, at);
    for (int s = 0; s < CodeStepCount; ++s)
        QCOMPARE(c.count[size_t(s)], s == step ? 1 : 0);
    QCOMPARE(c.settled, step < 0 ? 1 : 0);
}

void tst_CodeSteps::retriedRequestWaitsBetweenAttempts()
{
    RunTrace t;
    t.scenario.requests = 1;
    RequestRecord r = request(400 * ms, 401 * ms, { 500 * ms }, 600 * ms);
    // First attempt 0-100 ms (a 429), waited 150 ms; second 250-300 ms, waited 100 ms; final at 400.
    r.attempts = { AttemptRecord { 0, 100 * ms, 429, ErrorKind::Http, QString(), 150 * ms },
        AttemptRecord { 250 * ms, 300 * ms, 503, ErrorKind::Http, QString(), 100 * ms } };
    t.requests.push_back(r);
    QCOMPARE(codeStepsAt(t, 50 * ms)[CodeStep::Waiting], 1);
    QCOMPARE(codeStepsAt(t, 100 * ms)[CodeStep::RetryWait], 1);
    QCOMPARE(codeStepsAt(t, 249 * ms)[CodeStep::RetryWait], 1);
    QCOMPARE(codeStepsAt(t, 260 * ms)[CodeStep::Waiting], 1);
    QCOMPARE(codeStepsAt(t, 350 * ms)[CodeStep::RetryWait], 1);
    QCOMPARE(codeStepsAt(t, 400 * ms)[CodeStep::Sending], 1);
    QCOMPARE(codeStepsAt(t, 450 * ms)[CodeStep::Waiting], 1);
    QCOMPARE(codeStepsAt(t, 550 * ms)[CodeStep::Streaming], 1);
    QCOMPARE(codeStepsAt(t, 350 * ms)[CodeStep::InLine], 0);
}

void tst_CodeSteps::unpublishedPlanIsInLineOrNotDue()
{
    // A live run of 10 has published 2 records: one in flight, one settled.
    RunTrace t;
    t.scenario.requests = 10;
    t.requests.push_back(request(0, 1 * ms, {}, -1));
    t.requests.push_back(request(0, 1 * ms, { 5 * ms }, 9 * ms));
    CodeStepCounts c = codeStepsAt(t, 10 * ms);
    QCOMPARE(c[CodeStep::Waiting], 1);
    QCOMPARE(c.settled, 1);
    QCOMPARE(c[CodeStep::InLine], 8);
    QCOMPARE(c[CodeStep::NotDue], 0);
    // Open loop: the rest are not due yet; a published one due later is not due either.
    t.scenario.rate = 10;
    RequestRecord later = request(-1, -1, {}, -1);
    later.intendedNs = 500 * ms;
    t.requests.push_back(later);
    c = codeStepsAt(t, 10 * ms);
    QCOMPARE(c[CodeStep::NotDue], 8);
    QCOMPARE(c[CodeStep::InLine], 0);
    // Due but held at a gate: in line.
    c = codeStepsAt(t, 600 * ms);
    QCOMPARE(c[CodeStep::InLine], 1);
    QCOMPARE(c[CodeStep::NotDue], 7);
    // Once the run is over nothing is left anywhere: what never started counts as settled.
    t.endNs = 700 * ms;
    c = codeStepsAt(t, 700 * ms);
    QCOMPARE(c[CodeStep::NotDue] + c[CodeStep::InLine] + c[CodeStep::Waiting], 0);
    QCOMPARE(c.settled, 3);
}

void tst_CodeSteps::warmupIsLeftOut()
{
    RunTrace t;
    t.scenario.requests = 1;
    RequestRecord w = request(0, 1 * ms, {}, -1);
    w.warmup = true;
    t.requests.push_back(w);
    t.requests.push_back(request(0, 1 * ms, { 2 * ms }, -1));
    const CodeStepCounts c = codeStepsAt(t, 5 * ms);
    QCOMPARE(c[CodeStep::Waiting], 0);
    QCOMPARE(c[CodeStep::Streaming], 1);
    QCOMPARE(c[CodeStep::InLine], 0);
}

void tst_CodeSteps::tasksAndJobs()
{
    // CPU only: two tasks on the pool, one waiting for a thread, one done.
    RunTrace cpu;
    cpu.scenario.mode = ExecutionMode::ParallelCpu;
    cpu.scenario.requests = 4;
    cpu.tasks = { TaskRecord { -1, 0, TaskKind::CpuWork, 0, 0, 100 * ms },
        TaskRecord { -1, 1, TaskKind::CpuWork, 0, 10 * ms, -1 },
        TaskRecord { -1, 0, TaskKind::CpuWork, 0, 100 * ms, 200 * ms },
        TaskRecord { -1, 1, TaskKind::CpuWork, 0, -1, -1 } };
    CodeStepCounts c = codeStepsAt(cpu, 50 * ms);
    QCOMPARE(c[CodeStep::CpuWork], 2);
    QCOMPARE(c[CodeStep::InLine], 2);
    QCOMPARE(c.settled, 0);
    c = codeStepsAt(cpu, 150 * ms);
    QCOMPARE(c[CodeStep::CpuWork], 2);
    QCOMPARE(c[CodeStep::InLine], 1);
    QCOMPARE(c.settled, 1);
    // A blocking worker holding a request is not CPU work: the request says where it is.
    RunTrace held;
    held.scenario.requests = 1;
    held.requests.push_back(request(0, -1, {}, -1));
    held.tasks = { TaskRecord { 0, 0, TaskKind::HeldWaiting, 0, 0, -1 } };
    c = codeStepsAt(held, 5 * ms);
    QCOMPARE(c[CodeStep::CpuWork], 0);
    QCOMPARE(c[CodeStep::Waiting], 1); // no "sent" stamp: waiting from its dispatch
    // Jobs: polled from acceptance until the poll has seen them end.
    RunTrace jobs;
    jobs.scenario.mode = ExecutionMode::BackgroundJobs;
    JobRecord j;
    j.acceptedNs = 0;
    j.startedNs = 10 * ms;
    j.endedNs = 90 * ms;
    j.seenEndedNs = 100 * ms;
    jobs.jobs = { j, j };
    jobs.jobs[1].seenEndedNs = 50 * ms;
    QCOMPARE(codeStepsAt(jobs, 20 * ms)[CodeStep::Polling], 2);
    QCOMPARE(codeStepsAt(jobs, 60 * ms)[CodeStep::Polling], 1);
    QCOMPARE(codeStepsAt(jobs, 100 * ms)[CodeStep::Polling], 0);
}

void tst_CodeSteps::namesAreStable()
{
    QStringList names;
    for (int s = 0; s < CodeStepCount; ++s)
        names << codeStepName(CodeStep(s));
    QCOMPARE(names,
        QStringList({ QStringLiteral("not_due"), QStringLiteral("in_line"), QStringLiteral("sending"),
            QStringLiteral("waiting"), QStringLiteral("streaming"), QStringLiteral("retry_wait"),
            QStringLiteral("cpu_work"), QStringLiteral("polling") }));
}

QTEST_GUILESS_MAIN(tst_CodeSteps)
#include "tst_codesteps.moc"
