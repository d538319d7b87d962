#include "parallel/parallelcpurun.h"

#include "parallel/cpuwork.h"

#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace BurgerBench {

namespace {

struct PoolTask
{
    const void *thread = nullptr;
    qint64 startNs = -1;
    qint64 endNs = -1;
    qint64 cpuNs = -1; // the pool thread's CPU time over the task
    bool skipped = false; // cancelled before it started
    QByteArray digest;
};

} // namespace

ParallelCpuRun::ParallelCpuRun(const ModelSetup &setup, QObject *parent)
    : ModelRun(parent)
    , m_setup(setup)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
    , m_live(std::make_shared<PoolProgress>())
{
}

ParallelCpuRun::~ParallelCpuRun() = default;

bool ParallelCpuRun::start(QString *error)
{
    const Scenario &s = m_setup.scenario;
    if (s.cpuTaskMs <= 0 || s.requests <= 0) {
        if (error)
            *error = QStringLiteral("CPU tasks need a count and a cpu task time");
        return false;
    }
    const qint64 rounds = CpuWork::roundsFor(s.cpuTaskMs);
    RunTrace &t = m_result.trace;
    t = RunTrace();
    t.scenario = s;
    t.scenario.mode = ExecutionMode::ParallelCpu;
    t.startedAt = QDateTime::currentDateTimeUtc();
    t.cpuCount = QThread::idealThreadCount();

    m_clock.start();
    t.measuredStartNs = 0;
    m_probe.start(m_clock);
    m_running = true;
    m_outstanding = s.requests;
    m_live->reset(size_t(s.requests)); // no pool thread has one yet
    m_queuedNs.assign(size_t(s.requests), -1);
    const QElapsedTimer clock = m_clock;
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const std::shared_ptr<PoolProgress> live = m_live;
    for (int i = 0; i < s.requests; ++i) {
        const qint64 queued = m_clock.nsecsElapsed();
        m_queuedNs[size_t(i)] = queued;
        const QByteArray seed = QByteArray("room ") + QByteArray::number(i);
        QtConcurrent::run(QThreadPool::globalInstance(), [seed, rounds, clock, cancel, live, i] {
            PoolTask task;
            task.thread = QThread::currentThread();
            if (cancel->load()) {
                task.skipped = true;
                return task;
            }
            task.startNs = live->started(size_t(i), task.thread, clock);
            task.cpuNs = CpuWork::cpuNsOf([&] { task.digest = CpuWork::hashRounds(seed, rounds); });
            task.endNs = live->ended(size_t(i), clock);
            return task;
        }).then(this, [this, i, queued](const PoolTask &done) {
            RunTrace &tr = m_result.trace;
            if (!done.skipped) {
                TaskRecord task;
                task.lane = m_lanes.laneFor(done.thread, &tr.taskLanes, LaneKind::Pool);
                task.kind = TaskKind::CpuWork;
                task.queuedNs = queued;
                task.startNs = done.startNs;
                task.endNs = done.endNs;
                task.cpuNs = done.cpuNs;
                tr.tasks.push_back(task);
                m_result.taskOwner.push_back(i);
                tr.endNs = std::max(tr.endNs, done.endNs);
            }
            if (--m_outstanding == 0) {
                m_probe.stop();
                tr.loopLag = m_probe.takeSamples();
                if (tr.endNs < 0)
                    tr.endNs = tr.measuredStartNs;
                m_running = false;
                emit finished();
            }
        });
    }
    return true;
}

void ParallelCpuRun::cancel()
{
    if (!m_running)
        return;
    m_cancel->store(true);
    m_result.trace.cancelled = true;
    m_result.trace.abortReason = QStringLiteral("cancelled by the user");
}

bool ParallelCpuRun::isRunning() const
{
    return m_running;
}

ModelResult ParallelCpuRun::snapshot()
{
    if (!m_running)
        return m_result;
    // Every task a pool thread has started, in task order, each on its thread's lane (numbered
    // here if no result from that thread came back yet: the same lanes the result will have).
    qint64 now = 0;
    const std::vector<PoolProgress::Task> tasks = m_live->copy(&m_clock, &now);
    ModelResult shot;
    shot.snapshotNs = now;
    for (size_t i = 0; i < tasks.size(); ++i) {
        if (tasks[i].startNs < 0)
            continue;
        TaskRecord task;
        task.lane = m_lanes.laneFor(tasks[i].thread, &m_result.trace.taskLanes, LaneKind::Pool);
        task.kind = TaskKind::CpuWork;
        task.queuedNs = m_queuedNs[i];
        task.startNs = tasks[i].startNs;
        task.endNs = tasks[i].endNs;
        shot.trace.tasks.push_back(task);
        shot.taskOwner.push_back(qint32(i));
    }
    RunTrace header = m_result.trace;
    header.tasks = std::move(shot.trace.tasks);
    shot.trace = std::move(header);
    shot.trace.endNs = now;
    return shot;
}

ModelResult ParallelCpuRun::takeResult()
{
    return std::move(m_result);
}

} // namespace BurgerBench
