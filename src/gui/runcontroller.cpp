#include "gui/runcontroller.h"

#include "session/runsession.h"
#include "trace/orderline.h"
#include "trace/playback.h"

#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRun, "burgerbench.gui.run", QtWarningMsg)

namespace BurgerBench {

RunController::RunController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const LiveDelta>>();
    qRegisterMetaType<BurgerBench::RunController::State>();
}

RunController::~RunController()
{
    if (m_session) {
        // The window is closing mid-run: cancel and wait for the session's thread, the only place
        // we block, because the process is about to go.
        QMetaObject::invokeMethod(m_session.data(), &RunSession::cancel, Qt::BlockingQueuedConnection);
    }
    if (m_thread) {
        m_thread->quit();
        m_thread->wait(); // deletes the session (and its simulator) on its thread
        delete m_thread;
    }
}

void RunController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool RunController::start(const Scenario &scenario, QString *error)
{
    if (m_state != State::Idle) {
        if (error)
            *error = tr("A run is already in progress.");
        return false;
    }
    // What the CLI would refuse, refused here with the same message, before any thread starts.
    QString message;
    if (!RunSession::check(scenario, &message)) {
        if (error)
            *error = message;
        return false;
    }
    RunRequest request;
    request.scenario = scenario;
    if (!scenario.usesSimulator() && !scenario.apiKeyEnv.isEmpty()) {
        // Read from the environment at start and handed to the session; never stored.
        request.apiKey = qgetenv(scenario.apiKeyEnv.toLocal8Bit().constData());
    }

    RunTrace base;
    base.scenario = scenario;
    m_live.reset(std::move(base));
    m_progress = Progress();
    m_progress.planned = scenario.requests;
    m_nowNs = 0;
    m_rates.clear();
    m_changed.clear();
    const quint64 runId = ++m_runId;
    m_clock.start();

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("BurgerBench run"));
    // The session creates its model, timers and engine on the thread it lives on: it must be
    // created there, not moved. An anchor object on the idle thread makes that one brief
    // blocking call. Connected before start(): the new thread emits started() from its connection
    // list, which a connect() made after start() would be growing at the same time (ThreadSanitizer).
    auto *anchor = new QObject;
    anchor->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, anchor, &QObject::deleteLater);
    m_thread->start();
    RunSession *session = nullptr;
    const int interval = m_liveIntervalMs;
    QMetaObject::invokeMethod(
        anchor,
        [&session, interval] {
            session = new RunSession;
            session->setLiveInterval(interval);
        },
        Qt::BlockingQueuedConnection);
    m_session = session;
    connect(m_thread, &QThread::finished, session, &QObject::deleteLater);
    connect(
        session, &RunSession::liveUpdate, this,
        [this, runId](const std::shared_ptr<const LiveDelta> &delta) {
            if (runId == m_runId && m_state != State::Idle)
                mergeDelta(delta);
        },
        Qt::QueuedConnection);
    connect(
        session, &RunSession::finished, this,
        [this, runId] {
            if (runId == m_runId)
                onSessionFinished();
        },
        Qt::QueuedConnection);
    setState(State::Starting);

    // Started on its own thread: the simulator's start, the CPU work's calibration and the first
    // dispatches never wait for the GUI, nor the GUI for them.
    QPointer<RunController> self(this);
    QMetaObject::invokeMethod(
        session,
        [session, request, self, runId] {
            QString startError;
            const bool ok = session->start(request, &startError);
            const QString target = session->target().toString(QUrl::RemoveUserInfo);
            QMetaObject::invokeMethod(
                self.data(),
                [self, ok, startError, target, runId] {
                    if (!self || runId != self->m_runId)
                        return;
                    if (ok) {
                        self->m_live.trace().targetUrl = target;
                        return;
                    }
                    emit self->failed(startError);
                    self->teardown();
                    self->setState(State::Idle);
                    emit self->finished();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    setState(State::Running);
    emit started();
    return true;
}

void RunController::stop()
{
    if (m_replay) {
        finishReplay();
        return;
    }
    if (m_state == State::Idle || !m_session)
        return;
    setState(State::Stopping);
    QMetaObject::invokeMethod(m_session.data(), &RunSession::cancel, Qt::QueuedConnection);
}

void RunController::mergeDelta(const std::shared_ptr<const LiveDelta> &delta)
{
    m_live.apply(*delta);
    m_changed = m_live.changed();
    m_progress = delta->progress;
    m_nowNs = delta->nowNs;
    // The line as the story and the timeline count it, from the same trace at the same moment.
    const OrderLine line = orderLineAt(m_live.trace(), m_nowNs);
    m_progress.queued = line.inLine();
    m_progress.notDue = line.notDue;
    noteRates();
    emit traceUpdated();
}

void RunController::noteRates()
{
    m_rates.push_back({ m_nowNs, m_progress.completed + m_progress.failed, m_progress.tokens });
    while (m_rates.size() > 2 && m_rates.front().atNs < m_nowNs - 1'000'000'000)
        m_rates.pop_front();
}

double RunController::recentRequestRate() const
{
    if (m_rates.size() < 2)
        return 0;
    const double dt = double(m_rates.back().atNs - m_rates.front().atNs) / 1e9;
    return dt > 0 ? double(m_rates.back().settled - m_rates.front().settled) / dt : 0;
}

double RunController::recentTokenRate() const
{
    if (m_rates.size() < 2)
        return 0;
    const double dt = double(m_rates.back().atNs - m_rates.front().atNs) / 1e9;
    return dt > 0 ? double(m_rates.back().tokens - m_rates.front().tokens) / dt : 0;
}

double RunController::etaSeconds() const
{
    const Scenario &s = m_live.trace().scenario;
    const double elapsed = double(m_progress.elapsedNs) / 1e9;
    if (s.durationS > 0 && (s.requests <= 0) && !m_replay)
        return std::max(0.0, s.durationS - elapsed);
    const int planned = m_progress.planned > 0 ? m_progress.planned : s.requests;
    const bool cpuOnly = s.cpuTasksOnly();
    const int settled
        = cpuOnly ? m_progress.tasksEnded : m_progress.completed + m_progress.failed + m_progress.incomplete;
    if (planned <= 0 || settled <= 0 || elapsed <= 0)
        return -1;
    // Requests: the run's own schedule played forward (rounds count the one under way); CPU
    // tasks: the share of the elapsed time.
    const qint64 leftNs = cpuOnly ? -1 : estimateLeftNs(m_live.trace(), m_progress.elapsedNs, planned);
    const double left
        = leftNs >= 0 ? double(leftNs) / 1e9 : elapsed * double(planned - settled) / double(settled);
    if (m_replay) // the run's seconds, at the replay's speed; none while paused
        return m_replaySpeed > 0 ? left / m_replaySpeed : -1;
    return left;
}

void RunController::onSessionFinished()
{
    if (m_session) {
        // The session is idle now; taking its result is a move, done on its own thread.
        RunResult result;
        RunSession *session = m_session.data();
        QMetaObject::invokeMethod(
            session, [session, &result] { result = session->takeResult(); }, Qt::BlockingQueuedConnection);
        m_live.reset(std::move(result.trace));
    }
    // Progress as of the end: counted from the authoritative trace.
    const RunTrace &trace = m_live.trace();
    Progress p = progressOf(trace, std::max({ trace.endNs, m_nowNs, qint64(0) }));
    // After the run, the figure that matters is the worst lag the loop had.
    for (const LagSample &lag : trace.loopLag)
        p.lastLoopLagNs = std::max(p.lastLoopLagNs, lag.lagNs);
    m_progress = p;
    m_changed.clear();
    teardown();
    setState(State::Idle);
    emit finished();
}

void RunController::teardown()
{
    m_session.clear();
    if (m_thread) {
        // The session (and the simulator it owns, whose stop joins a thread) is deleted on its own
        // thread when the thread's loop ends, never on the GUI thread.
        QThread *thread = m_thread;
        m_thread = nullptr;
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->quit();
    }
}

void RunController::setTrace(RunTrace trace)
{
    if (m_state != State::Idle)
        return;
    m_live.reset(std::move(trace));
    m_changed.clear();
    // The figures a finished run of this trace would have left behind.
    const RunTrace &t = m_live.trace();
    m_progress = progressOf(t, std::max<qint64>(0, t.endNs), true);
    m_progress.lastLoopLagNs = 0;
    m_nowNs = m_progress.elapsedNs;
    emit traceUpdated();
    emit finished();
}

bool RunController::replay(RunTrace full, double speed, QString *error)
{
    if (m_state != State::Idle) {
        if (error)
            *error = tr("A run is already in progress.");
        return false;
    }
    if (full.requests.empty() && full.tasks.empty() && full.jobs.empty()) {
        if (error)
            *error = tr("The run has nothing to replay: no request, task or job was recorded.");
        return false;
    }
    m_replayEndNs = BurgerBench::playbackEndNs(full);
    m_replay = std::make_shared<const RunTrace>(std::move(full));
    m_replaySpeed = std::max(0.0, speed);
    m_replayCarryNs = 0;
    m_replaySeen.clear();
    m_rates.clear();
    m_clock.start();
    if (!m_replayTimer) {
        m_replayTimer = new QTimer(this);
        m_replayTimer->setTimerType(Qt::PreciseTimer);
        connect(m_replayTimer, &QTimer::timeout, this, &RunController::onReplayTick);
    }
    m_replayTimer->setInterval(std::max(10, m_liveIntervalMs));
    setState(State::Running);
    emit started();
    publishReplay(0);
    m_replayTick.start();
    m_replayTimer->start();
    return true;
}

void RunController::setReplaySpeed(double speed)
{
    if (!m_replay)
        return;
    onReplayTick(); // the time so far at the old speed
    if (!m_replay)
        return; // that tick reached the end
    m_replaySpeed = std::max(0.0, speed);
}

void RunController::stepReplay()
{
    if (!m_replay)
        return;
    m_replaySpeed = 0;
    const qint64 next = nextEventAfter(*m_replay, m_nowNs);
    if (next < 0 || next >= m_replayEndNs) {
        finishReplay();
        return;
    }
    m_replayTick.restart();
    publishReplay(next);
}

void RunController::seekReplay(qint64 atNs)
{
    if (!m_replay)
        return;
    m_replayTick.restart();
    m_replayCarryNs = 0;
    publishReplay(std::clamp<qint64>(atNs, 0, m_replayEndNs));
}

void RunController::onReplayTick()
{
    if (!m_replay)
        return;
    const double advance = double(m_replayTick.nsecsElapsed()) * m_replaySpeed + m_replayCarryNs;
    m_replayTick.restart();
    const qint64 whole = qint64(advance);
    m_replayCarryNs = advance - double(whole);
    const qint64 cursor = std::min(m_replayEndNs, m_nowNs + whole);
    if (cursor >= m_replayEndNs) {
        finishReplay();
        return;
    }
    if (whole > 0)
        publishReplay(cursor);
}

void RunController::publishReplay(qint64 atNs)
{
    RunTrace at = traceAt(*m_replay, atNs);
    m_changed.clear();
    m_replaySeen.resize(std::max(m_replaySeen.size(), at.requests.size()),
        Seen { Outcome::Pending, -2, -2, size_t(-1), size_t(-1) });
    for (size_t i = 0; i < m_replaySeen.size(); ++i) {
        Seen now { Outcome::Pending, -1, -1, 0, 0 };
        if (i < at.requests.size()) {
            const RequestRecord &r = at.requests[i];
            now = Seen { r.outcome, r.dispatchNs, r.endNs, r.tokenNs.size(), r.attempts.size() };
        }
        if (!(now == m_replaySeen[i])) {
            m_replaySeen[i] = now;
            m_changed.push_back(int(i));
        }
    }
    m_live.reset(std::move(at));
    m_progress = progressOf(m_live.trace(), atNs);
    m_nowNs = atNs;
    noteRates();
    emit traceUpdated();
}

void RunController::finishReplay()
{
    if (!m_replay)
        return;
    m_replayTimer->stop();
    std::shared_ptr<const RunTrace> full = std::move(m_replay);
    m_replay.reset();
    m_live.reset(*full);
    m_changed.clear();
    const RunTrace &trace = m_live.trace();
    Progress p = progressOf(trace, std::max<qint64>(0, trace.endNs), true);
    for (const LagSample &lag : trace.loopLag)
        p.lastLoopLagNs = std::max(p.lastLoopLagNs, lag.lagNs);
    m_progress = p;
    m_nowNs = m_progress.elapsedNs;
    setState(State::Idle);
    emit traceUpdated();
    emit finished();
}

} // namespace BurgerBench
