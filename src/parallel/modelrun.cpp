#include "parallel/modelrun.h"

#include "parallel/blockingworkersrun.h"
#include "parallel/enginemodelrun.h"
#include "parallel/loopcpurun.h"
#include "parallel/parallelcpurun.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace BurgerBench {

QString jobStatusName(JobStatus status)
{
    switch (status) {
    case JobStatus::Pending:
        return QStringLiteral("pending");
    case JobStatus::Running:
        return QStringLiteral("running");
    case JobStatus::Done:
        return QStringLiteral("done");
    case JobStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

namespace LaneNames {
QString eventLoop()
{
    return QStringLiteral("event loop (cashier)");
}
QString pool(int number)
{
    return QStringLiteral("QtConcurrent %1").arg(number);
}
QString worker(int number)
{
    return QStringLiteral("worker %1 (cashier-cook)").arg(number);
}
QString jobWorker(int number)
{
    return QStringLiteral("job worker %1").arg(number);
}
} // namespace LaneNames

int ThreadLanes::laneFor(const void *thread, QStringList *lanes, QString (*name)(int))
{
    auto it = m_lanes.constFind(thread);
    if (it != m_lanes.constEnd())
        return it.value();
    const int lane = int(lanes->size());
    lanes->append(name(int(m_lanes.size()) + 1));
    m_lanes.insert(thread, lane);
    return lane;
}

void PoolProgress::reset(size_t count)
{
    QMutexLocker lock(&m_mutex);
    m_tasks.assign(count, {});
}

size_t PoolProgress::append()
{
    QMutexLocker lock(&m_mutex);
    m_tasks.emplace_back();
    return m_tasks.size() - 1;
}

qint64 PoolProgress::started(size_t i, const void *thread, const QElapsedTimer &clock, qint64 originNs)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = clock.nsecsElapsed() - originNs;
    m_tasks[i].thread = thread;
    m_tasks[i].startNs = now;
    return now;
}

qint64 PoolProgress::ended(size_t i, const QElapsedTimer &clock, qint64 originNs)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = clock.nsecsElapsed() - originNs;
    m_tasks[i].endNs = now;
    return now;
}

std::vector<PoolProgress::Task> PoolProgress::copy(const QElapsedTimer *clock, qint64 *now) const
{
    QMutexLocker lock(&m_mutex);
    if (clock && now)
        *now = clock->nsecsElapsed();
    return m_tasks;
}

void ModelRun::setSnapshotInterval(int ms)
{
    m_snapshotIntervalMs = std::max(0, ms);
    if (!m_snapshotTimer) {
        qRegisterMetaType<std::shared_ptr<const BurgerBench::ModelResult>>();
        m_snapshotTimer = new QTimer(this);
        connect(m_snapshotTimer, &QTimer::timeout, this, &ModelRun::emitSnapshot);
        connect(this, &ModelRun::finished, m_snapshotTimer, &QTimer::stop);
    }
    if (m_snapshotIntervalMs > 0) {
        m_snapshotTimer->start(m_snapshotIntervalMs);
    } else {
        m_snapshotTimer->stop();
    }
}

void ModelRun::emitSnapshot()
{
    if (!isRunning())
        return; // not started yet (the timer may start first), or over: takeResult() has it all
    QElapsedTimer cost;
    cost.start();
    auto shot = std::make_shared<const ModelResult>(snapshot());
    // Bound the copying: a run with thousands of records gets fewer snapshots, never more than
    // ~10 % of its thread. The race's tens of records cost microseconds: the interval stays.
    const int stretched = std::max(m_snapshotIntervalMs, int(cost.nsecsElapsed() / 100'000));
    if (stretched != m_snapshotTimer->interval())
        m_snapshotTimer->setInterval(stretched);
    emit snapshotReady(std::move(shot));
}

ExecutionMode executionModeFor(RaceModel model)
{
    switch (model) {
    case RaceModel::Sequential:
        return ExecutionMode::Sequential;
    case RaceModel::Concurrent:
        return ExecutionMode::Concurrent;
    case RaceModel::ParallelBlocking:
        return ExecutionMode::ParallelBlocking;
    case RaceModel::ParallelCpu:
        return ExecutionMode::ParallelCpu;
    case RaceModel::Mixed:
        return ExecutionMode::Mixed;
    case RaceModel::AntiPattern:
        return ExecutionMode::AntiPattern;
    case RaceModel::BackgroundJobs:
        return ExecutionMode::ParallelBlocking;
    }
    return ExecutionMode::Concurrent;
}

std::unique_ptr<ModelRun> ModelRun::create(const ModelSetup &setup, QString *error)
{
    auto fail = [error](const QString &message) -> std::unique_ptr<ModelRun> {
        if (error)
            *error = message;
        return nullptr;
    };
    const bool cpu = setup.scenario.cpuTaskMs > 0;
    const QString name = raceModelName(setup.model);
    if (setup.cpuOnly && !cpu)
        return fail(QStringLiteral("a CPU-only workload needs cpu task ms > 0"));
    switch (setup.model) {
    case RaceModel::Sequential:
        if (setup.cpuOnly)
            return std::make_unique<LoopCpuRun>(setup);
        return std::make_unique<EngineModelRun>(setup);
    case RaceModel::Concurrent:
        if (setup.cpuOnly)
            return std::make_unique<LoopCpuRun>(setup);
        if (cpu)
            return fail(QStringLiteral("concurrent with CPU work on the loop is the anti-pattern model; "
                                       "choose anti-pattern or mixed"));
        return std::make_unique<EngineModelRun>(setup);
    case RaceModel::ParallelBlocking:
    case RaceModel::BackgroundJobs:
        return std::make_unique<BlockingWorkersRun>(setup);
    case RaceModel::ParallelCpu:
        if (!setup.cpuOnly)
            return fail(
                QStringLiteral("parallel-cpu runs CPU tasks only; for requests use parallel-blocking, "
                               "for requests with post-processing use mixed"));
        return std::make_unique<ParallelCpuRun>(setup);
    case RaceModel::Mixed:
    case RaceModel::AntiPattern:
        if (setup.cpuOnly || !cpu)
            return fail(
                QStringLiteral("%1 needs requests and CPU post-processing (cpu task ms > 0)").arg(name));
        return std::make_unique<EngineModelRun>(setup);
    }
    return fail(QStringLiteral("unknown model"));
}

} // namespace BurgerBench
