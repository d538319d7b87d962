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
    bool skipped = false; // cancelled before it started
    QByteArray digest;
};

} // namespace

ParallelCpuRun::ParallelCpuRun(const ModelSetup &setup, QObject *parent)
    : ModelRun(parent)
    , m_setup(setup)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
}

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
    const QElapsedTimer clock = m_clock;
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    for (int i = 0; i < s.requests; ++i) {
        const qint64 queued = m_clock.nsecsElapsed();
        const QByteArray seed = QByteArray("room ") + QByteArray::number(i);
        QtConcurrent::run(QThreadPool::globalInstance(), [seed, rounds, clock, cancel] {
            PoolTask task;
            task.thread = QThread::currentThread();
            if (cancel->load()) {
                task.skipped = true;
                return task;
            }
            task.startNs = clock.nsecsElapsed();
            task.digest = CpuWork::hashRounds(seed, rounds);
            task.endNs = clock.nsecsElapsed();
            return task;
        }).then(this, [this, i, queued](const PoolTask &done) {
            RunTrace &tr = m_result.trace;
            if (!done.skipped) {
                TaskRecord task;
                task.lane = m_lanes.laneFor(done.thread, &tr.taskLanes, &LaneNames::pool);
                task.kind = 0;
                task.queuedNs = queued;
                task.startNs = done.startNs;
                task.endNs = done.endNs;
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

ModelResult ParallelCpuRun::takeResult()
{
    return std::move(m_result);
}

} // namespace BurgerBench
