#include "session/racerunner.h"

#include "parallel/cpuwork.h"
#include "session/runsession.h"
#include "sim/simulator.h"

#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

// Between two models: let the previous one's sockets close and its pool threads go idle.
constexpr int PauseBetweenModelsMs = 150;

double finiteOr(double v, double fallback)
{
    return std::isfinite(v) ? v : fallback;
}

} // namespace

RaceRunner::RaceRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<BurgerBench::JobStatus>();
    qRegisterMetaType<BurgerBench::RaceModel>();
    qRegisterMetaType<std::shared_ptr<const BurgerBench::RaceEntry>>();
    qRegisterMetaType<std::shared_ptr<const BurgerBench::LiveDelta>>();
}

RaceRunner::~RaceRunner()
{
    if (m_session)
        m_session->cancel();
    m_session.reset(); // joins any worker threads
}

bool RaceRunner::start(const RaceSpec &spec, QString *error)
{
    if (m_running) {
        if (error)
            *error = QStringLiteral("a race is already running");
        return false;
    }
    if (!spec.validate(error))
        return false;
    m_spec = spec;
    m_entries.clear();
    m_entries.resize(size_t(spec.models.size()));
    for (qsizetype i = 0; i < spec.models.size(); ++i)
        m_entries[size_t(i)].model = spec.models.at(i);
    if (!spec.cpuOnly && spec.url.isEmpty()) {
        m_simulator = std::make_shared<SimulatorThread>();
        if (!m_simulator->start(spec.simulator, error)) {
            m_simulator.reset();
            return false;
        }
    }
    // Calibrate the CPU work now, outside every model's clock.
    if (spec.cpuTaskMs > 0)
        CpuWork::roundsPerMs();
    m_current = -1;
    m_cancelled = false;
    m_running = true;
    QTimer::singleShot(0, this, &RaceRunner::runNext);
    return true;
}

void RaceRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_session)
        m_session->cancel();
}

bool RaceRunner::isRunning() const
{
    return m_running;
}

std::vector<RaceEntry> RaceRunner::takeEntries()
{
    return std::move(m_entries);
}

void RaceRunner::runNext()
{
    for (;;) {
        ++m_current;
        if (m_cancelled || m_current >= int(m_entries.size())) {
            finishRace();
            return;
        }
        RaceEntry &entry = m_entries[size_t(m_current)];
        QString error;
        RunRequest request;
        request.scenario = scenarioFor(m_spec, entry.model);
        request.apiKey = m_spec.apiKey;
        request.simulator = m_simulator;
        if (m_simulator)
            m_simulator->simulator()->reset();
        m_session = std::make_unique<RunSession>();
        connect(
            m_session.get(), &RunSession::finished, this, &RaceRunner::onModelFinished, Qt::QueuedConnection);
        const int index = m_current;
        connect(m_session.get(), &RunSession::jobStatusChanged, this,
            [this, index](int job, JobStatus status) { emit jobStatusChanged(index, job, status); });
        connect(m_session.get(), &RunSession::liveUpdate, this,
            [this, index](
                const std::shared_ptr<const LiveDelta> &delta) { emit modelProgress(index, delta); });
        m_session->setLiveInterval(m_progressIntervalMs);
        emit modelStarted(m_current, entry.model);
        if (m_session->start(request, &error))
            return;
        m_session.reset();
        entry.error = error;
        emit modelFinished(m_current);
        emit entryReady(m_current, std::make_shared<const RaceEntry>(entry));
    }
}

void RaceRunner::onModelFinished()
{
    if (!m_session)
        return;
    RaceEntry &entry = m_entries[size_t(m_current)];
    RunResult result = m_session->takeResult();
    m_session.reset();
    entry.result.trace = std::move(result.trace);
    entry.result.taskOwner = std::move(result.taskOwner);
    entry.ran = true;
    const RunTrace &trace = entry.result.trace;
    if (!trace.requests.empty())
        entry.summary = std::move(result.summary);

    // T_io: known for the simulator; for a real endpoint given, or estimated from the median
    // E2EL of the first model that ran requests.
    const int cores = std::max(1, trace.cpuCount > 0 ? trace.cpuCount : QThread::idealThreadCount());
    double io = 0;
    if (!m_spec.cpuOnly) {
        if (m_spec.url.isEmpty()) {
            io = m_spec.simulatedIoS();
        } else if (m_spec.ioOverrideS > 0) {
            io = m_spec.ioOverrideS;
        } else {
            for (const RaceEntry &e : m_entries) {
                if (e.ran && e.summary.e2el.count > 0) {
                    io = finiteOr(e.summary.e2el.median, 0) / 1000.0;
                    entry.ioEstimated = true;
                    break;
                }
            }
        }
    }
    entry.ioS = io;
    entry.theory = theoreticalWall(entry.model, theoryInputFor(m_spec, io, cores));
    entry.sequentialShare = sequentialShare(entry.model, theoryInputFor(m_spec, io, cores));
    RaceFigures::fill(&entry);

    // Speed-ups against the measured sequential row when there is one (it may come later: all
    // rows are refreshed each time), else against the theoretical sequential time.
    double sequentialS = 0;
    bool fromTheory = false;
    for (const RaceEntry &e : m_entries) {
        if (e.ran && e.model == RaceModel::Sequential && e.measuredS > 0)
            sequentialS = e.measuredS;
    }
    if (sequentialS <= 0) {
        sequentialS = theoreticalWall(RaceModel::Sequential, theoryInputFor(m_spec, io, cores)).wallS;
        fromTheory = true;
    }
    for (RaceEntry &e : m_entries) {
        if (!e.ran || e.measuredS <= 0)
            continue;
        e.speedup = sequentialS * e.sequentialShare / e.measuredS;
        e.speedupFromTheory = fromTheory;
    }
    emit modelFinished(m_current);
    emit entryReady(m_current, std::make_shared<const RaceEntry>(entry));
    QTimer::singleShot(PauseBetweenModelsMs, this, &RaceRunner::runNext);
}

void RaceRunner::finishRace()
{
    m_running = false;
    if (m_simulator) {
        m_simulator->stop();
        m_simulator.reset();
    }
    QMetaObject::invokeMethod(this, &RaceRunner::finished, Qt::QueuedConnection);
}

} // namespace BurgerBench
