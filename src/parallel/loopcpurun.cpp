#include "parallel/loopcpurun.h"

#include "parallel/cpuwork.h"
#include "trace/lanenames.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace BurgerBench {

LoopCpuRun::LoopCpuRun(const ModelSetup &setup, QObject *parent)
    : ModelRun(parent)
    , m_setup(setup)
{
    m_stepTimer.setSingleShot(true);
    m_stepTimer.setInterval(0);
    connect(&m_stepTimer, &QTimer::timeout, this, &LoopCpuRun::step);
}

bool LoopCpuRun::start(QString *error)
{
    const Scenario &s = m_setup.scenario;
    if (s.cpuTaskMs <= 0 || s.requests <= 0) {
        if (error)
            *error = QStringLiteral("CPU tasks need a count and a cpu task time");
        return false;
    }
    const qint64 rounds = CpuWork::roundsFor(s.cpuTaskMs); // calibrate before the clock
    const bool sliced = m_setup.model == RaceModel::Concurrent;
    m_sliceRounds = sliced ? std::max<qint64>(1, CpuWork::roundsFor(std::max(1, m_setup.sliceMs))) : rounds;

    RunTrace &t = m_result.trace;
    t = RunTrace();
    t.scenario = s;
    t.scenario.mode = executionModeFor(m_setup.model);
    t.startedAt = QDateTime::currentDateTimeUtc();
    t.cpuCount = QThread::idealThreadCount();
    t.taskLanes.push_back(LaneNames::eventLoop());

    m_clock.start();
    t.measuredStartNs = 0;
    // All the chores are on the list from the start; the queue wait shows who waited.
    for (int i = 0; i < s.requests; ++i)
        m_ready.push_back(Job { i, rounds, 0, QByteArray("room ") + QByteArray::number(i) });
    m_probe.start(m_clock);
    m_running = true;
    m_stepTimer.start();
    return true;
}

// One turn of the loop: run the head job for one slice (or to its end), then yield.
void LoopCpuRun::step()
{
    if (!m_running)
        return;
    if (m_cancelled || m_ready.empty()) {
        finish();
        return;
    }
    Job job = std::move(m_ready.front());
    m_ready.pop_front();
    const qint64 rounds = std::min(job.roundsLeft, m_sliceRounds);
    TaskRecord task;
    task.lane = 0;
    task.kind = TaskKind::CpuWork;
    task.queuedNs = job.readyNs;
    task.startNs = m_clock.nsecsElapsed();
    task.cpuNs = CpuWork::cpuNsOf([&] { job.digest = CpuWork::hashRounds(job.digest, rounds); });
    task.endNs = m_clock.nsecsElapsed();
    job.roundsLeft -= rounds;
    job.readyNs = task.endNs;
    m_result.trace.tasks.push_back(task);
    m_result.taskOwner.push_back(job.index);
    if (job.roundsLeft > 0)
        m_ready.push_back(std::move(job)); // round-robin: to the back of the line
    // Not a loop: the event loop gets a turn between slices (timers, the lag probe).
    m_stepTimer.start();
}

void LoopCpuRun::finish()
{
    m_probe.stop();
    RunTrace &t = m_result.trace;
    t.loopLag = m_probe.takeSamples();
    t.endNs = t.measuredStartNs; // the last task's end, below
    if (m_cancelled) {
        t.cancelled = true;
        t.abortReason = QStringLiteral("cancelled by the user");
    }
    for (const TaskRecord &task : t.tasks)
        t.endNs = std::max(t.endNs, task.endNs);
    m_running = false;
    QMetaObject::invokeMethod(this, &ModelRun::finished, Qt::QueuedConnection);
}

void LoopCpuRun::cancel()
{
    m_cancelled = true;
}

bool LoopCpuRun::isRunning() const
{
    return m_running;
}

// Nothing is ever under way here when this runs: a task (or slice) runs on this very thread,
// so a snapshot falls between two of them. That is the lesson: a frozen loop shows nothing.
ModelResult LoopCpuRun::snapshot()
{
    ModelResult shot = m_result;
    if (m_running) {
        shot.snapshotNs = m_clock.nsecsElapsed();
        shot.trace.endNs = shot.snapshotNs;
    }
    return shot;
}

ModelResult LoopCpuRun::takeResult()
{
    return std::move(m_result);
}

} // namespace BurgerBench
