// RunSession, the one orchestrator: every mode's scenario file runs through it and records its
// work (requests, CPU tasks with their durations, worker lanes, held waits, background jobs); a
// mode that cannot run its workload says why, naming the field; the live protocol (LiveDelta
// applied to a LiveTrace) never shows what the final record contradicts.
#include "session/runsession.h"
#include "sim/simulator.h"
#include "trace/livetrace.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace BurgerBench;

class tst_RunSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void check_data();
    void check();
    void everyModeRecordsItsWork_data();
    void everyModeRecordsItsWork();
    void liveDiffer();
    void sharedSimulatorIsNotStopped();
    void cancelEndsTheRun();

private:
    Scenario modeFile(const QString &mode);
    QString m_modes;
};

void tst_RunSession::initTestCase()
{
    const QString source = qEnvironmentVariable("BURGERBENCH_SOURCE");
    QVERIFY2(!source.isEmpty(), "BURGERBENCH_SOURCE is not set; run through ctest");
    m_modes = source + QStringLiteral("/resources/scenarios/modes");
    QVERIFY(QDir(m_modes).exists());
}

Scenario tst_RunSession::modeFile(const QString &mode)
{
    Scenario s;
    QString error;
    if (!Scenario::load(m_modes + u'/' + mode + QStringLiteral(".json"), &s, &error))
        qWarning("%s", qPrintable(error));
    return s;
}

void tst_RunSession::check_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("change"); // field=value applied to the mode's file
    QTest::addColumn<QString>("field"); // "" = accepted; else the field the message must name

    const QStringList modes { QStringLiteral("sequential"), QStringLiteral("concurrent"),
        QStringLiteral("parallel-blocking"), QStringLiteral("parallel-cpu"), QStringLiteral("mixed"),
        QStringLiteral("anti-pattern"), QStringLiteral("background-jobs") };
    for (const QString &m : modes)
        QTest::addRow("%s as shipped", qPrintable(m)) << m << QString() << QString();

    QTest::newRow("parallel-blocking for a duration") << "parallel-blocking"
                                                      << "duration"
                                                      << "load.duration_s";
    QTest::newRow("background-jobs with warm-up") << "background-jobs"
                                                  << "warmup"
                                                  << "load.warmup";
    QTest::newRow("parallel-blocking with retries") << "parallel-blocking"
                                                    << "retries"
                                                    << "resilience.retries";
    QTest::newRow("parallel-blocking, Poisson arrivals") << "parallel-blocking"
                                                         << "poisson"
                                                         << "load.burstiness";
    QTest::newRow("parallel-blocking, constant arrivals") << "parallel-blocking"
                                                          << "constant"
                                                          << "";
    QTest::newRow("parallel-blocking, fail-fast") << "parallel-blocking"
                                                  << "failfast"
                                                  << "resilience.error_policy";
    QTest::newRow("parallel-cpu with a rate") << "parallel-cpu"
                                              << "poisson"
                                              << "load.rate";
    QTest::newRow("parallel-cpu without CPU work") << "parallel-cpu"
                                                   << "nocpu"
                                                   << "load.cpu_task_ms";
    QTest::newRow("mixed without CPU work") << "mixed"
                                            << "nocpu"
                                            << "load.cpu_task_ms";
    QTest::newRow("anti-pattern without CPU work") << "anti-pattern"
                                                   << "nocpu"
                                                   << "load.cpu_task_ms";
    QTest::newRow("concurrent with CPU work") << "concurrent"
                                              << "cpu"
                                              << "load.mode";
    QTest::newRow("sequential with CPU work (on the loop)") << "sequential"
                                                            << "cpu"
                                                            << "";
    QTest::newRow("sequential, CPU tasks only") << "sequential"
                                                << "cpuonly"
                                                << "";
    QTest::newRow("concurrent for a duration") << "concurrent"
                                               << "duration"
                                               << "";
    QTest::newRow("mixed with retries") << "mixed"
                                        << "retries"
                                        << "";
}

void tst_RunSession::check()
{
    QFETCH(QString, mode);
    QFETCH(QString, change);
    QFETCH(QString, field);
    Scenario s = modeFile(mode);
    QCOMPARE(executionModeName(s.mode), mode);
    if (change == QLatin1String("duration")) {
        s.requests = 0;
        s.durationS = 2;
    } else if (change == QLatin1String("warmup")) {
        s.warmup = 2;
    } else if (change == QLatin1String("retries")) {
        s.retries = 2;
    } else if (change == QLatin1String("poisson")) {
        s.rate = 5;
        s.burstiness = 1;
    } else if (change == QLatin1String("constant")) {
        s.rate = 5;
        s.burstiness = 0;
    } else if (change == QLatin1String("failfast")) {
        s.errorPolicy = ErrorPolicy::FailFast;
    } else if (change == QLatin1String("nocpu")) {
        s.cpuTaskMs = 0;
    } else if (change == QLatin1String("cpu")) {
        s.cpuTaskMs = 20;
    } else if (change == QLatin1String("cpuonly")) {
        s.cpuTaskMs = 20;
        s.cpuOnly = true;
    }
    QString error;
    const bool ok = RunSession::check(s, &error);
    if (field.isEmpty()) {
        QVERIFY2(ok, qPrintable(error));
    } else {
        QVERIFY2(!ok, "accepted a scenario its model cannot run as written");
        QVERIFY2(error.startsWith(field + u':'), qPrintable(error));
        // start() refuses it the same way, before any work.
        RunSession session;
        RunRequest request;
        request.scenario = s;
        QString startError;
        QVERIFY(!session.start(request, &startError));
        QCOMPARE(startError, error);
        QVERIFY(!session.isRunning());
    }
}

void tst_RunSession::everyModeRecordsItsWork_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("cpuTasks");
    QTest::addColumn<int>("heldWaits");
    QTest::addColumn<int>("laneKind"); // every lane's LaneKind; -1 = no lanes
    QTest::addColumn<int>("jobs");
    const int none = -1;
    QTest::newRow("sequential") << "sequential" << 4 << 0 << 0 << none << 0;
    QTest::newRow("concurrent") << "concurrent" << 8 << 0 << 0 << none << 0;
    QTest::newRow("parallel-blocking") << "parallel-blocking" << 8 << 0 << 8 << int(LaneKind::Worker) << 0;
    QTest::newRow("parallel-cpu") << "parallel-cpu" << 0 << 4 << 0 << int(LaneKind::Pool) << 0;
    QTest::newRow("mixed") << "mixed" << 6 << 6 << 0 << int(LaneKind::Pool) << 0;
    QTest::newRow("anti-pattern") << "anti-pattern" << 4 << 4 << 0 << int(LaneKind::EventLoop) << 0;
    QTest::newRow("background-jobs") << "background-jobs" << 6 << 0 << 6 << int(LaneKind::JobWorker) << 6;
}

void tst_RunSession::everyModeRecordsItsWork()
{
    QFETCH(QString, mode);
    QFETCH(int, requests);
    QFETCH(int, cpuTasks);
    QFETCH(int, heldWaits);
    QFETCH(int, laneKind);
    QFETCH(int, jobs);
    const Scenario scenario = modeFile(mode);

    RunSession session;
    session.setLiveInterval(40);
    LiveTrace mirror;
    int updates = 0;
    bool afterFinish = false;
    connect(&session, &RunSession::liveUpdate, this, [&](const std::shared_ptr<const LiveDelta> &delta) {
        QVERIFY2(!afterFinish, "a live update after finished()");
        mirror.apply(*delta);
        ++updates;
        // What a view draws mid-run is consistent: no task ends before it starts, none on a lane
        // that does not exist.
        for (const TaskRecord &t : mirror.trace().tasks) {
            QVERIFY(t.lane >= 0 && size_t(t.lane) < mirror.trace().taskLanes.size());
            QVERIFY(t.endNs < 0 || t.endNs >= t.startNs);
        }
    });
    QSignalSpy finished(&session, &RunSession::finished);
    connect(&session, &RunSession::finished, this, [&] { afterFinish = true; });
    RunRequest request;
    request.scenario = scenario;
    QString error;
    QVERIFY2(session.start(request, &error), qPrintable(error));
    QVERIFY(session.isRunning());
    const bool cpuOnly = mode == QLatin1String("parallel-cpu");
    QCOMPARE(session.target().isEmpty(), cpuOnly); // the simulator only when there are requests
    QVERIFY(finished.wait(60'000));
    QTest::qWait(100); // nothing may follow finished()
    QCOMPARE(finished.count(), 1);
    QVERIFY(!session.isRunning());
    QVERIFY2(updates > 0, "no live update for a run of several hundred ms");

    const RunResult result = session.takeResult();
    const RunTrace &t = result.trace;
    QCOMPARE(t.scenario.mode, scenario.mode);
    QCOMPARE(int(t.requests.size()), requests);
    for (const RequestRecord &r : t.requests)
        QCOMPARE(r.outcome, Outcome::Success);
    int cpu = 0;
    int held = 0;
    for (const TaskRecord &task : t.tasks) {
        QVERIFY(task.startNs >= 0 && task.endNs >= task.startNs);
        QVERIFY(task.lane >= 0 && size_t(task.lane) < t.taskLanes.size());
        if (task.kind == TaskKind::CpuWork) {
            ++cpu;
            // Real CPU work of cpu_task_ms, measured on the wall clock: never less than half of it
            // (the calibration counts CPU time; wall time is at least that on a busy machine).
            QVERIFY2(double(task.endNs - task.startNs) / 1e6 >= scenario.cpuTaskMs * 0.5,
                qPrintable(QStringLiteral("a %1 ms task took %2 ms")
                               .arg(scenario.cpuTaskMs)
                               .arg(double(task.endNs - task.startNs) / 1e6)));
            if (!cpuOnly) {
                // Post-processing starts after its response ended.
                QVERIFY(task.request >= 0 && task.request < int(t.requests.size()));
                QVERIFY(task.startNs >= t.requests[size_t(task.request)].endNs);
            }
        } else {
            ++held;
            // A held worker waits for exactly one request, from its dispatch to its end.
            QVERIFY(task.request >= 0 && task.request < int(t.requests.size()));
        }
    }
    QCOMPARE(cpu, cpuTasks);
    QCOMPARE(held, heldWaits);
    if (laneKind < 0) {
        QVERIFY(t.taskLanes.empty());
    } else {
        QVERIFY(!t.taskLanes.empty());
        for (size_t l = 0; l < t.taskLanes.size(); ++l) {
            QCOMPARE(int(t.taskLanes[l].kind), laneKind);
            QCOMPARE(t.taskLanes[l].number, laneKind == int(LaneKind::EventLoop) ? 1 : qint32(l + 1));
        }
    }
    QCOMPARE(int(t.jobs.size()), jobs);
    for (const JobRecord &j : t.jobs) {
        QCOMPARE(j.status, JobStatus::Done);
        QVERIFY(j.acceptedNs >= 0 && j.startedNs >= j.acceptedNs && j.endedNs >= j.startedNs);
    }
    QCOMPARE(result.summary.completed, requests);

    // The mirror never contradicts the record: every request it saw settled is settled the same
    // way with the same stamps and tokens, and it has no request or task the record lacks.
    QVERIFY(mirror.trace().requests.size() <= t.requests.size());
    for (size_t i = 0; i < mirror.trace().requests.size(); ++i) {
        const RequestRecord &m = mirror.trace().requests[i];
        if (!m.settled())
            continue;
        const RequestRecord &f = t.requests[i];
        QCOMPARE(m.outcome, f.outcome);
        QCOMPARE(m.dispatchNs, f.dispatchNs);
        QCOMPARE(m.endNs, f.endNs);
        QCOMPARE(m.tokenNs, f.tokenNs);
    }
    // Open tasks in the last update end later: the record has at least as many.
    QVERIFY(mirror.trace().tasks.size() <= t.tasks.size());
}

void tst_RunSession::liveDiffer()
{
    // Two snapshots of a hand-made run: only what moved is sent, tokens from where they left off.
    RunTrace a;
    a.requests.resize(3);
    for (quint32 i = 0; i < 3; ++i)
        a.requests[i].index = i;
    a.requests[0].dispatchNs = 10;
    a.requests[0].outcome = Outcome::InFlight;
    a.requests[0].tokenNs = { 100, 120 };
    a.taskLanes = { TaskLane { LaneKind::Worker, 1, 0 } };
    TaskRecord held;
    held.request = 0;
    held.lane = 0;
    held.kind = TaskKind::HeldWaiting;
    held.queuedNs = 10;
    held.startNs = 10;
    a.tasks.push_back(held);
    LiveDiffer differ;
    LiveTrace mirror;
    auto d1 = differ.diff(a, { 0 }, 150);
    QCOMPARE(int(d1->requests.size()), 1); // requests 1 and 2 have not started: nothing to send
    QCOMPARE(d1->tasksKept, 0);
    QVERIFY(d1->lanesChanged);
    mirror.apply(*d1);
    QCOMPARE(mirror.trace().requests[0].tokenNs, (std::vector<qint64> { 100, 120 }));
    QCOMPARE(mirror.progress().inFlight, 1);

    RunTrace b = a;
    b.requests[0].tokenNs.push_back(140);
    b.requests[0].endNs = 150;
    b.requests[0].outcome = Outcome::Success;
    b.requests[0].text = QStringLiteral("burger");
    b.tasks[0].endNs = 150;
    auto d2 = differ.diff(b, { 0 }, 160);
    QCOMPARE(int(d2->requests.size()), 1);
    QCOMPARE(d2->tokenOffset.front(), 2);
    QCOMPARE(d2->requests.front().tokenNs, (std::vector<qint64> { 140 }));
    QVERIFY(!d2->lanesChanged);
    mirror.apply(*d2);
    QCOMPARE(mirror.trace().requests[0].tokenNs, (std::vector<qint64> { 100, 120, 140 }));
    QCOMPARE(mirror.trace().requests[0].text, QStringLiteral("burger"));
    QCOMPARE(mirror.trace().tasks.front().endNs, qint64(150));
    QCOMPARE(mirror.progress().completed, 1);
    QCOMPARE(mirror.changed(), (std::vector<int> { 0 }));

    auto d3 = differ.diff(b, { 0 }, 170); // nothing moved
    QVERIFY(d3->requests.empty());
    QCOMPARE(d3->tasksKept, -1);
    mirror.apply(*d3);
    QVERIFY(mirror.changed().empty());
    QCOMPARE(mirror.nowNs(), qint64(170));
}

void tst_RunSession::sharedSimulatorIsNotStopped()
{
    // The race serves all its models from one simulator: a session given one uses it and leaves
    // it running.
    auto sim = std::make_shared<SimulatorThread>();
    SimulatorSettings settings;
    settings.ttftMs = 20;
    settings.tokenIntervalMs = 5;
    settings.outputTokens = 3;
    QString error;
    QVERIFY2(sim->start(settings, &error), qPrintable(error));
    const QUrl url = sim->url();
    for (int round = 0; round < 2; ++round) {
        RunSession session;
        QSignalSpy finished(&session, &RunSession::finished);
        RunRequest request;
        request.scenario = modeFile(QStringLiteral("concurrent"));
        request.simulator = sim;
        QVERIFY2(session.start(request, &error), qPrintable(error));
        QCOMPARE(session.target(), sim->url());
        QVERIFY(finished.wait(30'000));
        QCOMPARE(session.takeResult().summary.completed, 8);
    }
    QCOMPARE(sim->url(), url); // stop() would have cleared it
}

void tst_RunSession::cancelEndsTheRun()
{
    Scenario s = modeFile(QStringLiteral("parallel-blocking"));
    s.simulator.ttftMs = 2000; // each request waits 2 s for its first token
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunRequest request;
    request.scenario = s;
    QString error;
    QVERIFY2(session.start(request, &error), qPrintable(error));
    QTest::qWait(200);
    session.cancel();
    QVERIFY(finished.wait(10'000));
    const RunTrace t = session.takeResult().trace;
    int incomplete = 0;
    for (const RequestRecord &r : t.requests)
        incomplete += r.outcome == Outcome::Incomplete ? 1 : 0;
    QVERIFY2(incomplete > 0, "a cancel 0.2 s into 2 s requests cut none off");
}

QTEST_GUILESS_MAIN(tst_RunSession)
#include "tst_runsession.moc"
