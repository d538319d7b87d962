// Live updates of the parallel models (ModelRun::snapshot, the LiveDelta protocol applied to a
// LiveTrace mirror, RaceRunner's
// modelProgress): taken mid-run they show work under way (a request dispatched and not ended, a
// task started and not ended), they are consistent at every instant (no task ends before it
// starts, never more open at once than there are workers or pool threads, one open task per
// lane), they only grow (a count never falls, a closed record never changes), and the final
// result is the last snapshot, completed.
#include "parallel/modelrun.h"
#include "parallel/race.h"
#include "session/racerunner.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <map>
#include <optional>

using namespace BurgerBench;

namespace {

struct Counts
{
    int tasksStarted = 0;
    int tasksEnded = 0;
    int openTasks = 0;
    int dispatched = 0;
    int ended = 0;
    int inFlight = 0;
    qint64 tokens = 0;
};

Counts countsOf(const ModelResult &r)
{
    Counts c;
    for (const TaskRecord &t : r.trace.tasks) {
        c.tasksStarted += t.startNs >= 0 ? 1 : 0;
        c.tasksEnded += t.endNs >= 0 ? 1 : 0;
        c.openTasks += t.startNs >= 0 && t.endNs < 0 ? 1 : 0;
    }
    for (const RequestRecord &q : r.trace.requests) {
        c.dispatched += q.dispatchNs >= 0 ? 1 : 0;
        c.ended += q.endNs >= 0 ? 1 : 0;
        c.inFlight += q.dispatchNs >= 0 && q.endNs < 0 ? 1 : 0;
        c.tokens += qint64(q.tokenNs.size());
    }
    return c;
}

// (owner, kind) -> the task; each logical task has at most one record of a kind in these models.
std::map<std::pair<qint32, TaskKind>, TaskRecord> tasksByOwner(const ModelResult &r)
{
    std::map<std::pair<qint32, TaskKind>, TaskRecord> out;
    for (size_t i = 0; i < r.trace.tasks.size(); ++i)
        out[{ r.taskOwner.at(i), r.trace.tasks[i].kind }] = r.trace.tasks[i];
    return out;
}

// Checks one snapshot on its own; `maxOpen` bounds the tasks open at once.
void checkConsistent(const ModelResult &s, int maxOpen)
{
    QVERIFY(s.snapshotNs >= 0);
    QCOMPARE(s.taskOwner.size(), s.trace.tasks.size());
    std::map<qint32, int> openOnLane;
    for (const TaskRecord &t : s.trace.tasks) {
        QVERIFY(t.startNs >= 0);
        QVERIFY2(t.startNs <= s.snapshotNs, "a task starts after the snapshot");
        QVERIFY2(t.endNs < 0 || t.endNs >= t.startNs, "a task ends before it starts");
        QVERIFY(t.lane >= 0 && t.lane < int(s.trace.taskLanes.size()));
        if (t.endNs < 0)
            ++openOnLane[t.lane];
    }
    int open = 0;
    for (const auto &[lane, n] : openOnLane) {
        QVERIFY2(n == 1, "two tasks open on one lane");
        open += n;
    }
    QVERIFY2(open <= maxOpen, qPrintable(QStringLiteral("%1 open, at most %2").arg(open).arg(maxOpen)));
    for (const RequestRecord &q : s.trace.requests) {
        if (q.dispatchNs < 0)
            continue;
        QVERIFY(q.dispatchNs <= s.snapshotNs);
        if (q.endNs < 0)
            QCOMPARE(q.outcome, Outcome::InFlight);
        else
            QVERIFY(q.endNs >= q.dispatchNs);
        for (qint64 t : q.tokenNs)
            QVERIFY(t >= q.dispatchNs && (q.endNs < 0 || t <= q.endNs));
    }
}

// `later` grows `earlier`: nothing disappears, no count falls, a closed task stays as it was.
void checkGrows(const ModelResult &earlier, const ModelResult &later, bool final)
{
    if (!final)
        QVERIFY(later.snapshotNs >= earlier.snapshotNs);
    const Counts a = countsOf(earlier);
    const Counts b = countsOf(later);
    QVERIFY(b.tasksStarted >= a.tasksStarted);
    QVERIFY(b.tasksEnded >= a.tasksEnded);
    QVERIFY(b.dispatched >= a.dispatched);
    QVERIFY(b.ended >= a.ended);
    QVERIFY(b.tokens >= a.tokens);
    const auto before = tasksByOwner(earlier);
    const auto after = tasksByOwner(later);
    for (const auto &[key, task] : before) {
        const auto it = after.find(key);
        QVERIFY2(it != after.end(), "a task vanished");
        QCOMPARE(it->second.startNs, task.startNs);
        QCOMPARE(it->second.lane, task.lane);
        if (task.endNs >= 0)
            QCOMPARE(it->second.endNs, task.endNs);
    }
    for (size_t k = 0; k < earlier.trace.requests.size(); ++k) {
        const RequestRecord &q = earlier.trace.requests[k];
        const RequestRecord &r = later.trace.requests.at(k);
        if (q.dispatchNs >= 0)
            QCOMPARE(r.dispatchNs, q.dispatchNs);
        if (q.endNs >= 0)
            QCOMPARE(r.endNs, q.endNs);
        QVERIFY(r.tokenNs.size() >= q.tokenNs.size());
        QVERIFY(std::equal(q.tokenNs.begin(), q.tokenNs.end(), r.tokenNs.begin()));
    }
}

} // namespace

class tst_ModelSnapshot : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void blockingWorkersShowWorkUnderWay();
    void parallelCpuShowsTasksRunning();
    void mixedShowsPoolWorkUnderWay();
    void snapshotCostAtRaceSize();
    void raceRunnerReportsProgress();

private:
    // Runs `setup` with snapshots every `intervalMs`; the snapshots and the final result.
    bool runWithSnapshots(const ModelSetup &setup, int intervalMs,
        std::vector<std::shared_ptr<const ModelResult>> *shots, ModelResult *final);

    std::optional<SimulatorThread> m_sim;
};

void tst_ModelSnapshot::initTestCase()
{
    SimulatorSettings sim;
    sim.ttftMs = 100;
    sim.tokenIntervalMs = 25;
    sim.outputTokens = 5; // T_io = 0.2 s
    m_sim.emplace();
    QString error;
    QVERIFY2(m_sim->start(sim, &error), qPrintable(error));
}

bool tst_ModelSnapshot::runWithSnapshots(const ModelSetup &setup, int intervalMs,
    std::vector<std::shared_ptr<const ModelResult>> *shots, ModelResult *final)
{
    m_sim->simulator()->reset();
    QString error;
    std::unique_ptr<ModelRun> run = ModelRun::create(setup, &error);
    if (!run) {
        qWarning("create: %s", qPrintable(error));
        return false;
    }
    bool afterFinish = false; // no live update may come after finished()
    QSignalSpy done(run.get(), &ModelRun::finished);
    connect(run.get(), &ModelRun::finished, this, [&afterFinish] { afterFinish = true; });
    // The live protocol: each update applied to a mirror, whose state after it is the snapshot
    // a view would draw.
    auto mirror = std::make_shared<LiveTrace>();
    connect(run.get(), &ModelRun::liveUpdate, this,
        [shots, mirror, &afterFinish](const std::shared_ptr<const LiveDelta> &delta) {
            QVERIFY2(!afterFinish, "a live update after finished()");
            mirror->apply(*delta);
            auto shot = std::make_shared<ModelResult>();
            shot->trace = mirror->trace();
            shot->trace.endNs = mirror->nowNs();
            shot->taskOwner = mirror->taskOwner();
            shot->snapshotNs = mirror->nowNs();
            shots->push_back(std::move(shot));
        });
    run->setLiveInterval(intervalMs);
    if (!run->start(&error)) {
        qWarning("start: %s", qPrintable(error));
        return false;
    }
    if (!done.wait(60'000) || done.count() != 1)
        return false;
    QTest::qWait(3 * intervalMs); // no snapshot may follow the end
    // What a snapshot costs at this size: after the end it copies the whole result.
    QElapsedTimer cost;
    cost.start();
    size_t records = 0;
    for (int i = 0; i < 20; ++i) {
        const ModelResult copy = run->snapshot();
        records = copy.trace.requests.size() + copy.trace.tasks.size();
    }
    qInfo("snapshot of %zu records: %.1f µs", records, double(cost.nsecsElapsed()) / 20 / 1000);
    *final = run->takeResult();
    return !shots->empty();
}

void tst_ModelSnapshot::blockingWorkersShowWorkUnderWay()
{
    RaceSpec spec;
    spec.n = 6;
    spec.workers = 2;
    spec.cpuTaskMs = 60; // each order: 0.2 s held waiting, then 60 ms of CPU on the same thread
    spec.simulator = m_sim->simulator()->settings();
    spec.base.maxTokens = 5;
    const ModelSetup setup = modelSetupFor(spec, RaceModel::ParallelBlocking, m_sim->url());
    std::vector<std::shared_ptr<const ModelResult>> shots;
    ModelResult final;
    QVERIFY(runWithSnapshots(setup, 30, &shots, &final));
    QCOMPARE(int(final.trace.requests.size()), 6);
    QCOMPARE(countsOf(final).tasksEnded, 12); // 6 held + 6 CPU
    QVERIFY2(shots.size() >= 5, qPrintable(QString::number(shots.size()))); // ~0.8 s at 30 ms

    int underWay = 0;
    int cpuRunning = 0;
    for (size_t i = 0; i < shots.size(); ++i) {
        checkConsistent(*shots[i], spec.workers);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("snapshot %1").arg(i)));
        const Counts c = countsOf(*shots[i]);
        QVERIFY(c.inFlight <= spec.workers);
        underWay += c.inFlight > 0 && c.openTasks > 0 ? 1 : 0;
        for (const TaskRecord &t : shots[i]->trace.tasks)
            cpuRunning += t.kind == TaskKind::CpuWork && t.endNs < 0 ? 1 : 0;
        // A request in flight is held by its worker: an open "held" span on its lane.
        for (const RequestRecord &q : shots[i]->trace.requests) {
            if (q.dispatchNs < 0 || q.endNs >= 0)
                continue;
            bool held = false;
            for (const TaskRecord &t : shots[i]->trace.tasks)
                held = held
                    || (t.kind == TaskKind::HeldWaiting && t.request == qint32(q.index) && t.endNs < 0);
            QVERIFY2(held, "a request in flight without its open held span");
        }
        if (i > 0)
            checkGrows(*shots[i - 1], *shots[i], false);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("snapshot %1 against %2").arg(i).arg(i - 1)));
    }
    QVERIFY2(underWay > 0, "no snapshot caught a request in flight");
    QVERIFY2(cpuRunning > 0, "no snapshot caught a CPU task running");
    // The first snapshot came before the end: it is not the whole run.
    QVERIFY(countsOf(*shots.front()).ended < 6);
    checkGrows(*shots.back(), final, true);
}

void tst_ModelSnapshot::parallelCpuShowsTasksRunning()
{
    RaceSpec spec;
    spec.cpuOnly = true;
    spec.n = 6;
    spec.cpuTaskMs = 120;
    const ModelSetup setup = modelSetupFor(spec, RaceModel::ParallelCpu, QUrl());
    std::vector<std::shared_ptr<const ModelResult>> shots;
    ModelResult final;
    QVERIFY(runWithSnapshots(setup, 20, &shots, &final));
    QCOMPARE(int(final.trace.tasks.size()), 6);
    QVERIFY(shots.size() >= 5);
    const int poolThreads = QThreadPool::globalInstance()->maxThreadCount();
    int running = 0;
    for (size_t i = 0; i < shots.size(); ++i) {
        checkConsistent(*shots[i], poolThreads);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("snapshot %1").arg(i)));
        running += countsOf(*shots[i]).openTasks > 0 ? 1 : 0;
        if (i > 0)
            checkGrows(*shots[i - 1], *shots[i], false);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("snapshot %1 against %2").arg(i).arg(i - 1)));
    }
    QVERIFY2(running > 0, "no snapshot caught a task running");
    QVERIFY(countsOf(*shots.front()).tasksEnded < 6);
    checkGrows(*shots.back(), final, true);
    // The lanes the snapshots named are the result's, in the same order.
    const std::vector<TaskLane> lanes = shots.back()->trace.taskLanes;
    QVERIFY(!lanes.empty() && lanes.size() <= final.trace.taskLanes.size());
    QVERIFY(std::equal(lanes.begin(), lanes.end(), final.trace.taskLanes.begin()));
}

void tst_ModelSnapshot::mixedShowsPoolWorkUnderWay()
{
    RaceSpec spec;
    spec.n = 4;
    spec.cpuTaskMs = 150; // each answer post-processed on the pool for 150 ms
    spec.simulator = m_sim->simulator()->settings();
    spec.base.maxTokens = 5;
    const ModelSetup setup = modelSetupFor(spec, RaceModel::Mixed, m_sim->url());
    std::vector<std::shared_ptr<const ModelResult>> shots;
    ModelResult final;
    QVERIFY(runWithSnapshots(setup, 20, &shots, &final));
    QCOMPARE(countsOf(final).tasksEnded, 4);
    const int poolThreads = QThreadPool::globalInstance()->maxThreadCount();
    int poolRunning = 0;
    int inFlight = 0;
    for (size_t i = 0; i < shots.size(); ++i) {
        checkConsistent(*shots[i], poolThreads);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("snapshot %1").arg(i)));
        const Counts c = countsOf(*shots[i]);
        poolRunning += c.openTasks > 0 ? 1 : 0;
        inFlight += c.inFlight > 0 ? 1 : 0;
        if (i > 0)
            checkGrows(*shots[i - 1], *shots[i], false);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("snapshot %1 against %2").arg(i).arg(i - 1)));
    }
    QVERIFY2(inFlight > 0, "no snapshot caught a request in flight");
    QVERIFY2(poolRunning > 0, "no snapshot caught post-processing running on the pool");
    checkGrows(*shots.back(), final, true);
}

void tst_ModelSnapshot::snapshotCostAtRaceSize()
{
    // The race window's largest knobs: 200 orders on 20 blocking workers, ten waves of 0.2 s.
    RaceSpec spec;
    spec.n = 200;
    spec.workers = 20;
    spec.simulator = m_sim->simulator()->settings();
    spec.base.maxTokens = 5;
    const ModelSetup setup = modelSetupFor(spec, RaceModel::ParallelBlocking, m_sim->url());
    std::vector<std::shared_ptr<const ModelResult>> shots;
    ModelResult final;
    QVERIFY(runWithSnapshots(setup, 100, &shots, &final));
    QCOMPARE(countsOf(final).ended, 200);
    for (size_t i = 1; i < shots.size(); ++i)
        checkGrows(*shots[i - 1], *shots[i], false);
    checkGrows(*shots.back(), final, true);
    // 400 records (200 requests, 200 held spans): a copy, well under a millisecond; the bound
    // is loose for a busy shared machine.
    QElapsedTimer cost;
    cost.start();
    const ModelResult copy = final;
    QVERIFY(cost.nsecsElapsed() < 50'000'000);
    QCOMPARE(copy.trace.requests.size(), size_t(200));
}

void tst_ModelSnapshot::raceRunnerReportsProgress()
{
    RaceSpec spec;
    spec.n = 4;
    spec.workers = 1; // 4 × 0.2 s one after another on one blocking worker
    spec.models = { RaceModel::ParallelBlocking };
    spec.simulator = m_sim->simulator()->settings();
    spec.base.maxTokens = 5;
    RaceRunner runner;
    QCOMPARE(runner.progressIntervalMs(), 250);
    runner.setProgressIntervalMs(50);
    std::vector<std::shared_ptr<const ModelResult>> shots;
    bool rowArrived = false;
    int progressAfterRow = 0;
    LiveTrace mirror; // as the race window's controller keeps one
    connect(&runner, &RaceRunner::modelProgress, this,
        [&](int index, const std::shared_ptr<const LiveDelta> &delta) {
            QCOMPARE(index, 0);
            mirror.apply(*delta);
            auto shot = std::make_shared<ModelResult>();
            shot->trace = mirror.trace();
            shot->snapshotNs = mirror.nowNs();
            shots.push_back(std::move(shot));
            progressAfterRow += rowArrived ? 1 : 0;
        });
    connect(&runner, &RaceRunner::entryReady, this,
        [&](int, const std::shared_ptr<const RaceEntry> &) { rowArrived = true; });
    QSignalSpy finished(&runner, &RaceRunner::finished);
    QString error;
    QVERIFY2(runner.start(spec, &error), qPrintable(error));
    QVERIFY(finished.wait(60'000));
    QVERIFY2(shots.size() >= 5, qPrintable(QString::number(shots.size()))); // ~0.8 s at 50 ms
    QCOMPARE(progressAfterRow, 0);
    bool partial = false;
    for (const auto &shot : shots) {
        const Counts c = countsOf(*shot);
        partial = partial || (c.dispatched > 0 && c.ended < 4);
    }
    QVERIFY(partial);
    QCOMPARE(countsOf(runner.entries().front().result).ended, 4);
}

QTEST_GUILESS_MAIN(tst_ModelSnapshot)
#include "tst_modelsnapshot.moc"
