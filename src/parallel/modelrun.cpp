#include "parallel/modelrun.h"

#include "parallel/blockingworkersrun.h"
#include "parallel/enginemodelrun.h"
#include "parallel/loopcpurun.h"
#include "parallel/parallelcpurun.h"
#include "trace/lanenames.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace BurgerBench {

int ThreadLanes::laneFor(const void *thread, std::vector<TaskLane> *lanes, LaneKind kind)
{
    auto it = m_lanes.constFind(thread);
    if (it != m_lanes.constEnd())
        return it.value();
    const int lane = int(lanes->size());
    lanes->push_back(LaneNames::lane(kind, int(m_lanes.size()) + 1));
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

void ModelRun::setLiveInterval(int ms)
{
    m_liveIntervalMs = std::max(0, ms);
    if (!m_liveTimer) {
        qRegisterMetaType<std::shared_ptr<const BurgerBench::LiveDelta>>();
        m_liveTimer = new QTimer(this);
        connect(m_liveTimer, &QTimer::timeout, this, &ModelRun::emitLive);
        connect(this, &ModelRun::finished, m_liveTimer, &QTimer::stop);
    }
    if (m_liveIntervalMs > 0) {
        m_liveTimer->start(m_liveIntervalMs);
    } else {
        m_liveTimer->stop();
    }
}

Progress ModelRun::progress()
{
    const ModelResult shot = snapshot();
    return progressOf(shot.trace, std::max<qint64>(0, shot.snapshotNs));
}

void ModelRun::emitLive()
{
    if (!isRunning())
        return; // not started yet (the timer may start first), or over: takeResult() has it all
    QElapsedTimer cost;
    cost.start();
    const ModelResult shot = snapshot();
    std::shared_ptr<LiveDelta> delta
        = m_differ.diff(shot.trace, shot.taskOwner, std::max<qint64>(0, shot.snapshotNs));
    // Bound the copying: a run with thousands of records gets fewer updates, never more than
    // ~10 % of its thread. The race's tens of records cost microseconds: the interval stays.
    const int stretched = std::max(m_liveIntervalMs, int(cost.nsecsElapsed() / 100'000));
    if (stretched != m_liveTimer->interval())
        m_liveTimer->setInterval(stretched);
    emit liveUpdate(std::shared_ptr<const LiveDelta>(std::move(delta)));
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
        return ExecutionMode::BackgroundJobs;
    }
    return ExecutionMode::Concurrent;
}

RaceModel raceModelFor(ExecutionMode mode)
{
    switch (mode) {
    case ExecutionMode::Sequential:
        return RaceModel::Sequential;
    case ExecutionMode::Concurrent:
        return RaceModel::Concurrent;
    case ExecutionMode::ParallelBlocking:
        return RaceModel::ParallelBlocking;
    case ExecutionMode::ParallelCpu:
        return RaceModel::ParallelCpu;
    case ExecutionMode::Mixed:
        return RaceModel::Mixed;
    case ExecutionMode::AntiPattern:
        return RaceModel::AntiPattern;
    case ExecutionMode::BackgroundJobs:
        return RaceModel::BackgroundJobs;
    }
    return RaceModel::Concurrent;
}

ModelSetup ModelSetup::fromScenario(const Scenario &scenario, const QUrl &target, const QByteArray &apiKey)
{
    ModelSetup setup;
    setup.model = raceModelFor(scenario.mode);
    setup.scenario = scenario;
    setup.target = target;
    setup.apiKey = apiKey;
    // parallel-cpu has no other workload: its tasks are the scenario's "requests".
    setup.cpuOnly = scenario.cpuTasksOnly();
    setup.failEvery
        = scenario.usesSimulator() ? scenario.jobFailEvery : 0; // faults exist in the simulator only
    setup.pollMs = scenario.jobPollMs;
    setup.sliceMs = scenario.cpuSliceMs;
    return setup;
}

bool ModelRun::check(const ModelSetup &setup, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const bool cpu = setup.scenario.cpuTaskMs > 0;
    const QString name = raceModelName(setup.model);
    // Each message starts with the scenario field to change, as every refusal of a scenario does.
    if (setup.cpuOnly && !cpu)
        return fail(QStringLiteral("load.cpu_task_ms: a CPU-only workload is about CPU work; give each task "
                                   "some (e.g. 100 ms)"));
    switch (setup.model) {
    case RaceModel::Sequential:
        return true;
    case RaceModel::Concurrent:
        if (!setup.cpuOnly && cpu)
            return fail(QStringLiteral("load.mode: concurrent with CPU work on the loop is the anti-pattern "
                                       "model; choose anti-pattern or mixed"));
        return true;
    case RaceModel::ParallelBlocking:
    case RaceModel::BackgroundJobs:
        return true;
    case RaceModel::ParallelCpu:
        if (!setup.cpuOnly)
            return fail(QStringLiteral("load.mode: parallel-cpu runs CPU tasks only; for requests use "
                                       "parallel-blocking, for requests with post-processing use mixed"));
        return true;
    case RaceModel::Mixed:
    case RaceModel::AntiPattern:
        if (setup.cpuOnly)
            return fail(QStringLiteral("load.mode: %1 post-processes responses: it needs requests, not CPU "
                                       "tasks only")
                            .arg(name));
        if (!cpu)
            return fail(
                QStringLiteral("load.cpu_task_ms: %1 is about CPU work; give each response some (e.g. "
                               "100 ms)")
                    .arg(name));
        return true;
    }
    return fail(QStringLiteral("unknown model"));
}

bool ModelRun::runsOnEngine(const ModelSetup &setup)
{
    switch (setup.model) {
    case RaceModel::Sequential:
    case RaceModel::Concurrent:
        return !setup.cpuOnly;
    case RaceModel::Mixed:
    case RaceModel::AntiPattern:
        return true;
    case RaceModel::ParallelBlocking:
    case RaceModel::ParallelCpu:
    case RaceModel::BackgroundJobs:
        return false;
    }
    return false;
}

std::unique_ptr<ModelRun> ModelRun::create(const ModelSetup &setup, QString *error)
{
    if (!check(setup, error))
        return nullptr;
    if (runsOnEngine(setup))
        return std::make_unique<EngineModelRun>(setup);
    switch (setup.model) {
    case RaceModel::Sequential:
    case RaceModel::Concurrent:
        return std::make_unique<LoopCpuRun>(setup); // CPU tasks only, on this thread
    case RaceModel::ParallelBlocking:
    case RaceModel::BackgroundJobs:
        return std::make_unique<BlockingWorkersRun>(setup);
    case RaceModel::ParallelCpu:
        return std::make_unique<ParallelCpuRun>(setup);
    case RaceModel::Mixed:
    case RaceModel::AntiPattern:
        break; // on the engine, above
    }
    if (error)
        *error = QStringLiteral("unknown model");
    return nullptr;
}

} // namespace BurgerBench
