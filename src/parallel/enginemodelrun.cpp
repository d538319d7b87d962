#include "parallel/enginemodelrun.h"

#include "engine/loadengine.h"
#include "parallel/cpuwork.h"
#include "trace/lanenames.h"

#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace BurgerBench {

namespace {

// What a pool thread hands back: values only, on the run's clock.
struct PoolWork
{
    const void *thread = nullptr;
    qint64 startNs = -1;
    qint64 endNs = -1;
    qint64 cpuNs = -1; // the pool thread's CPU time over the work
    QByteArray digest;
};

} // namespace

EngineModelRun::EngineModelRun(const ModelSetup &setup, QObject *parent)
    : ModelRun(parent)
    , m_setup(setup)
    , m_poolLive(std::make_shared<PoolProgress>())
{
}

EngineModelRun::~EngineModelRun()
{
    if (m_engine && m_engine->isRunning())
        m_engine->cancel();
    // Pool continuations hold a pointer to the engine as their context: once it is gone Qt
    // drops them, and the pool work itself touches nothing of ours.
}

qint64 EngineModelRun::engineNow() const
{
    return m_clock.nsecsElapsed() - m_engineOriginNs;
}

bool EngineModelRun::start(QString *error)
{
    Scenario s = m_setup.scenario;
    s.mode = executionModeFor(m_setup.model);
    const bool cpu = s.cpuTaskMs > 0;
    m_rounds = CpuWork::roundsFor(s.cpuTaskMs); // calibrates now, before any clock runs

    m_engine = new LoadEngine(this);
    connect(m_engine, &LoadEngine::finished, this, &EngineModelRun::onEngineFinished);
    if (m_liveMs > 0) {
        m_engine->setLiveInterval(m_liveMs);
        m_engine->setLiveDecorator([this](LiveDelta &delta) { decorateLive(delta); });
        connect(m_engine, &LoadEngine::liveUpdate, this, &ModelRun::liveUpdate);
    }
    if (cpu) {
        if (m_setup.model == RaceModel::Mixed)
            m_engine->setCompletionHook([this](quint32 index) { postProcessOnPool(index); });
        else // Sequential with post-processing, AntiPattern: on this very thread
            m_engine->setCompletionHook([this](quint32 index) { postProcessOnLoop(index); });
    }

    m_engine->setPlan(m_setup.plan);
    m_clock.start();
    const qint64 before = m_clock.nsecsElapsed();
    if (!m_engine->start(s, m_setup.target, m_setup.apiKey, error))
        return false;
    const qint64 after = m_clock.nsecsElapsed();
    // The engine's clock started somewhere in [before, after] of ours. start() dispatches the
    // first requests itself, each stamped just before its post(); so at `after` the engine's
    // clock read at least the last of those stamps, and its origin is at most after − stamp:
    // the error is one post() call (~0.3 ms). Without a dispatch, take the earliest bound.
    qint64 lastDispatch = -1;
    for (const RequestRecord &r : m_engine->trace().requests)
        lastDispatch = std::max(lastDispatch, r.dispatchNs);
    m_engineOriginNs = lastDispatch >= 0 ? std::max(before, after - lastDispatch) : before;

    if (cpu) {
        RunTrace &trace = m_engine->mutableTrace();
        if (m_setup.model != RaceModel::Mixed) {
            m_loopLane = int(trace.taskLanes.size());
            trace.taskLanes.push_back(LaneNames::eventLoop());
        }
    }
    m_running = true;
    return true;
}

void EngineModelRun::postProcessOnLoop(quint32 index)
{
    RunTrace &trace = m_engine->mutableTrace();
    const RequestRecord &r = trace.requests[index];
    if (r.warmup)
        return; // warm-up answers are thrown away, not post-processed
    const QByteArray text = r.text.toUtf8() + r.id;
    TaskRecord task;
    task.request = qint32(index);
    task.lane = m_loopLane;
    task.kind = TaskKind::CpuWork;
    task.queuedNs = r.endNs;
    // The clock offset is exact to a fraction of a millisecond; never start before the answer.
    task.startNs = std::max(task.queuedNs, engineNow());
    // The anti-pattern itself: the cashier cleans the house while everyone waits.
    task.cpuNs = CpuWork::cpuNsOf([&] { CpuWork::hashRounds(text, m_rounds); });
    task.endNs = std::max(task.startNs, engineNow());
    trace.tasks.push_back(task);
    m_taskOwner.push_back(qint32(index));
}

void EngineModelRun::postProcessOnPool(quint32 index)
{
    RunTrace &trace = m_engine->mutableTrace();
    const RequestRecord &r = trace.requests[index];
    if (r.warmup)
        return;
    const QByteArray text = r.text.toUtf8() + r.id;
    const qint64 queued = r.endNs;
    const qint64 rounds = m_rounds;
    const QElapsedTimer clock = m_clock; // a copy reads the same clock
    const qint64 origin = m_engineOriginNs;
    const size_t slot = m_pool.size();
    m_pool.push_back({ index, queued, false });
    m_poolLive->append(); // index `slot`, as m_pool's
    const std::shared_ptr<PoolProgress> live = m_poolLive;
    m_engine->holdFinish();
    QtConcurrent::run(QThreadPool::globalInstance(), [text, rounds, clock, origin, live, slot] {
        PoolWork work;
        work.thread = QThread::currentThread();
        work.startNs = live->started(slot, work.thread, clock, origin);
        work.cpuNs = CpuWork::cpuNsOf([&] { work.digest = CpuWork::hashRounds(text, rounds); });
        work.endNs = live->ended(slot, clock, origin);
        return work;
    }).then(m_engine, [this, index, queued, slot](const PoolWork &work) {
        m_pool[slot].delivered = true;
        RunTrace &tr = m_engine->mutableTrace();
        TaskRecord task;
        task.request = qint32(index);
        task.lane = m_poolLanes.laneFor(work.thread, &tr.taskLanes, LaneKind::Pool);
        task.kind = TaskKind::CpuWork;
        task.queuedNs = queued;
        task.startNs = std::max(queued, work.startNs);
        task.endNs = std::max(task.startNs, work.endNs);
        task.cpuNs = work.cpuNs;
        tr.tasks.push_back(task);
        m_taskOwner.push_back(qint32(index));
        m_engine->releaseFinish();
    });
}

void EngineModelRun::onEngineFinished()
{
    m_result.trace = m_engine->takeTrace();
    m_result.taskOwner = std::move(m_taskOwner);
    m_running = false;
    emit finished();
}

void EngineModelRun::cancel()
{
    if (m_engine && m_engine->isRunning())
        m_engine->cancel();
}

bool EngineModelRun::isRunning() const
{
    return m_running;
}

// The engine's trace as it stands (its requests in flight are open: dispatched, end -1), the
// tasks recorded so far, and mixed mode's pool jobs under way. The anti-pattern's CPU work never
// runs while this does (same thread): it appears when it is done.
std::vector<TaskRecord> EngineModelRun::runningPoolTasks(qint64 *nowNs)
{
    // Mixed mode's jobs running on the pool (started, result not back yet): open tasks on their
    // pool thread's lane, numbered now if that thread had no result back yet (as it will be).
    qint64 clockNow = 0;
    const std::vector<PoolProgress::Task> jobs = m_poolLive->copy(nowNs ? &m_clock : nullptr, &clockNow);
    if (nowNs)
        *nowNs = clockNow - m_engineOriginNs;
    std::vector<TaskRecord> running;
    for (size_t i = 0; i < jobs.size() && i < m_pool.size(); ++i) {
        if (m_pool[i].delivered || jobs[i].startNs < 0)
            continue;
        TaskRecord task;
        task.request = qint32(m_pool[i].request);
        task.lane = m_poolLanes.laneFor(jobs[i].thread, &m_engine->mutableTrace().taskLanes, LaneKind::Pool);
        task.kind = TaskKind::CpuWork;
        task.queuedNs = m_pool[i].queuedNs;
        task.startNs = std::max(task.queuedNs, jobs[i].startNs);
        task.endNs = jobs[i].endNs >= 0 ? std::max(task.startNs, jobs[i].endNs) : -1;
        running.push_back(task);
    }
    return running;
}

// The engine's trace as it stands (its requests in flight are open: dispatched, end -1), the
// tasks recorded so far, and mixed mode's pool jobs under way. The anti-pattern's CPU work never
// runs while this does (same thread): it appears when it is done.
ModelResult EngineModelRun::snapshot()
{
    if (!m_running || !m_engine)
        return m_result;
    const std::vector<TaskRecord> running = runningPoolTasks();
    ModelResult shot;
    shot.trace = m_engine->trace();
    shot.taskOwner = m_taskOwner;
    for (const TaskRecord &task : running) {
        shot.trace.tasks.push_back(task);
        shot.taskOwner.push_back(task.request);
    }
    shot.snapshotNs = std::max<qint64>(0, engineNow());
    shot.trace.endNs = shot.snapshotNs;
    return shot;
}

Progress EngineModelRun::progress()
{
    if (!m_engine)
        return {};
    Progress p = m_engine->progress();
    if (m_running) {
        const RunTrace &trace = m_engine->trace();
        p.tasksEnded = int(trace.tasks.size());
        p.tasksStarted = p.tasksEnded + int(runningPoolTasks().size());
    }
    return p;
}

void EngineModelRun::setLiveInterval(int ms)
{
    // The engine reads it when it starts; this run creates the engine in start().
    m_liveMs = std::max(0, ms);
}

// On the engine's thread, inside its live update: the tasks that ended since the last update
// (append-only in the engine's trace), then those still running on the pool, which the next
// update replaces; the lanes when a new one appeared.
void EngineModelRun::decorateLive(LiveDelta &delta)
{
    if (m_setup.scenario.cpuTaskMs <= 0)
        return;
    // The update's "now" must not be earlier than a pool task it shows started: the pool threads
    // stamp on their own, after the engine read its clock for this update. Moving "now" later is
    // exact for everything else: the engine's records cannot change while this runs on its thread.
    qint64 poolNow = -1;
    const std::vector<TaskRecord> running = runningPoolTasks(&poolNow);
    if (poolNow > delta.nowNs) {
        delta.nowNs = poolNow;
        delta.progress.elapsedNs = poolNow;
    }
    const RunTrace &trace = m_engine->trace();
    if (m_tasksPublished < trace.tasks.size() || !running.empty() || m_runningPublished > 0) {
        delta.tasksKept = qint32(std::min(m_tasksPublished, trace.tasks.size()));
        delta.tasks.assign(trace.tasks.begin() + qsizetype(delta.tasksKept), trace.tasks.end());
        delta.taskOwner.assign(
            m_taskOwner.begin() + qsizetype(std::min(size_t(delta.tasksKept), m_taskOwner.size())),
            m_taskOwner.end());
        delta.taskOwner.resize(delta.tasks.size(), -1);
        for (const TaskRecord &task : running) {
            delta.tasks.push_back(task);
            delta.taskOwner.push_back(task.request);
        }
        m_tasksPublished = trace.tasks.size();
        m_runningPublished = running.size();
    }
    if (trace.taskLanes != m_lanesPublished) {
        delta.lanesChanged = true;
        delta.taskLanes = trace.taskLanes;
        m_lanesPublished = trace.taskLanes;
    }
    delta.progress.tasksEnded = int(trace.tasks.size());
    delta.progress.tasksStarted = delta.progress.tasksEnded + int(running.size());
}

ModelResult EngineModelRun::takeResult()
{
    return std::move(m_result);
}

} // namespace BurgerBench
