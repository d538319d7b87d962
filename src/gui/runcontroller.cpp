#include "gui/runcontroller.h"

#include "parallel/modelrun.h"
#include "sim/simulator.h"

#include <QLoggingCategory>
#include <QThread>
#include <QtConcurrent>

Q_LOGGING_CATEGORY(lcRun, "burgerbench.gui.run", QtWarningMsg)

namespace BurgerBench {

RunController::RunController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const LiveDelta>>();
    qRegisterMetaType<BurgerBench::RunController::State>();
    qRegisterMetaType<std::shared_ptr<const BurgerBench::ModelResult>>();
}

RunController::~RunController()
{
    if (m_engine) {
        // The window is closing mid-run: cancel and wait for the engine thread, the only place
        // we block, because the process is about to go.
        QMetaObject::invokeMethod(m_engine.data(), &LoadEngine::cancel, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(m_engine.data(), &QObject::deleteLater, Qt::QueuedConnection);
    }
    if (m_model) {
        QMetaObject::invokeMethod(m_model.data(), &ModelRun::cancel, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(m_model.data(), &QObject::deleteLater, Qt::QueuedConnection);
    }
    if (m_engineThread) {
        m_engineThread->quit();
        m_engineThread->wait();
        delete m_engineThread;
    }
    m_simulator.reset();
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
    QString message;
    if (!scenario.validate(&message)) {
        if (error)
            *error = message;
        return false;
    }
    QUrl target = scenario.url;
    QByteArray apiKey;
    if (scenario.usesSimulator()) {
        // Started here: it blocks only until the server listens on its own thread (a few ms).
        auto simulator = std::make_shared<SimulatorThread>();
        if (!simulator->start(scenario.simulator, &message)) {
            if (error)
                *error = tr("The built-in simulator did not start: %1").arg(message);
            return false;
        }
        target = simulator->url();
        m_simulator = std::move(simulator);
    } else if (!scenario.apiKeyEnv.isEmpty()) {
        // Read from the environment at start and handed to the engine; never stored.
        apiKey = qgetenv(scenario.apiKeyEnv.toLocal8Bit().constData());
    }

    m_trace = RunTrace();
    m_trace.scenario = scenario;
    m_trace.targetUrl = target.toString(QUrl::RemoveUserInfo);
    m_progress = Progress();
    m_progress.planned = scenario.requests;
    m_nowNs = 0;
    m_rates.clear();
    m_changed.clear();
    const quint64 runId = ++m_runId;

    m_clock.start();
    const bool parallelModel
        = scenario.mode != ExecutionMode::Sequential && scenario.mode != ExecutionMode::Concurrent;
    if (parallelModel)
        return startModel(scenario, target, apiKey, runId, error);
    m_live = true;

    m_engineThread = new QThread;
    m_engineThread->setObjectName(QStringLiteral("BurgerBench engine"));
    auto *engine = new LoadEngine;
    engine->moveToThread(m_engineThread);
    m_engine = engine;
    connect(m_engineThread, &QThread::finished, engine, &QObject::deleteLater);
    connect(
        engine, &LoadEngine::liveUpdate, this,
        [this, runId](const std::shared_ptr<const LiveDelta> &delta) {
            if (runId == m_runId)
                mergeDelta(delta);
        },
        Qt::QueuedConnection);
    connect(
        engine, &LoadEngine::finished, this,
        [this, runId] {
            if (runId == m_runId)
                onEngineFinished();
        },
        Qt::QueuedConnection);
    m_engineThread->start();
    setState(State::Starting);

    const int interval = m_liveIntervalMs;
    QPointer<RunController> self(this);
    QMetaObject::invokeMethod(
        engine,
        [engine, scenario, target, apiKey, interval, self, runId] {
            engine->setLiveInterval(interval);
            QString startError;
            if (!engine->start(scenario, target, apiKey, &startError)) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, startError, runId] {
                        if (!self || runId != self->m_runId)
                            return;
                        emit self->failed(startError);
                        self->teardown();
                        self->setState(State::Idle);
                        emit self->finished();
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
    setState(State::Running);
    emit started();
    return true;
}

bool RunController::startModel(
    const Scenario &scenario, const QUrl &target, const QByteArray &apiKey, quint64 runId, QString *error)
{
    m_live = m_liveIntervalMs > 0;
    ModelSetup setup;
    setup.model = RaceModel(int(scenario.mode)); // the first six race models are the execution modes
    setup.scenario = scenario;
    setup.target = target;
    setup.apiKey = apiKey;
    setup.cpuOnly = scenario.mode == ExecutionMode::ParallelCpu;
    m_engineThread = new QThread;
    m_engineThread->setObjectName(QStringLiteral("BurgerBench model run"));
    // The models keep timers as members: they must be created on the thread they run on, not
    // moved there. A brief blocking call; the thread is idle and the constructor small.
    auto *anchor = new QObject;
    anchor->moveToThread(m_engineThread);
    // Connected before start(): the new thread emits started() from its connection list, which
    // a connect() made after start() would be growing at the same time (ThreadSanitizer).
    connect(m_engineThread, &QThread::finished, anchor, &QObject::deleteLater);
    m_engineThread->start();
    QString message;
    ModelRun *run = nullptr;
    const int interval = m_liveIntervalMs;
    QMetaObject::invokeMethod(
        anchor,
        [&setup, &message, &run, interval] {
            run = ModelRun::create(setup, &message).release();
            if (run)
                run->setSnapshotInterval(interval); // its timer on its own thread
        },
        Qt::BlockingQueuedConnection);
    if (!run) {
        if (error)
            *error = message;
        teardown();
        return false;
    }
    m_model = run; // deleted on its thread when that thread ends
    connect(m_engineThread, &QThread::finished, run, &QObject::deleteLater);
    connect(
        run, &ModelRun::snapshotReady, this,
        [this, runId](const std::shared_ptr<const ModelResult> &snapshot) {
            if (runId == m_runId && m_state != State::Idle)
                mergeSnapshot(snapshot);
        },
        Qt::QueuedConnection);
    connect(
        run, &ModelRun::finished, this,
        [this, runId] {
            if (runId == m_runId)
                onEngineFinished();
        },
        Qt::QueuedConnection);
    setState(State::Starting);
    QPointer<RunController> self(this);
    QMetaObject::invokeMethod(
        run,
        [run, self, runId] {
            QString startError;
            if (!run->start(&startError)) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, startError, runId] {
                        if (!self || runId != self->m_runId)
                            return;
                        emit self->failed(startError);
                        self->teardown();
                        self->setState(State::Idle);
                        emit self->finished();
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
    setState(State::Running);
    emit started();
    return true;
}

void RunController::stop()
{
    if (m_state == State::Idle)
        return;
    if (m_engine) {
        setState(State::Stopping);
        QMetaObject::invokeMethod(m_engine.data(), &LoadEngine::cancel, Qt::QueuedConnection);
    } else if (m_model) {
        setState(State::Stopping);
        QMetaObject::invokeMethod(m_model.data(), &ModelRun::cancel, Qt::QueuedConnection);
    }
}

void RunController::mergeDelta(const std::shared_ptr<const LiveDelta> &delta)
{
    m_changed.clear();
    for (size_t i = 0; i < delta->requests.size(); ++i) {
        const RequestRecord &update = delta->requests[i];
        const size_t index = update.index;
        if (index >= m_trace.requests.size())
            m_trace.requests.resize(index + 1);
        RequestRecord &mine = m_trace.requests[index];
        // Keep the token times we already have up to the delta's offset, then add the new ones.
        std::vector<qint64> tokens = std::move(mine.tokenNs);
        const size_t offset = i < delta->tokenOffset.size() ? size_t(delta->tokenOffset[i]) : tokens.size();
        tokens.resize(std::min(tokens.size(), offset));
        tokens.insert(tokens.end(), update.tokenNs.begin(), update.tokenNs.end());
        QString text = std::move(mine.text);
        mine = update;
        mine.tokenNs = std::move(tokens);
        if (update.text.isEmpty())
            mine.text = std::move(text);
        m_changed.push_back(int(index));
    }
    m_trace.loopBusy.insert(m_trace.loopBusy.end(), delta->loopBusy.begin(), delta->loopBusy.end());
    m_trace.loopLag.insert(m_trace.loopLag.end(), delta->loopLag.begin(), delta->loopLag.end());
    m_progress = delta->progress;
    m_nowNs = delta->nowNs;
    noteRates();
    emit traceUpdated();
}

void RunController::noteRates()
{
    m_rates.push_back({ m_nowNs, m_progress.completed + m_progress.failed, m_progress.tokens });
    while (m_rates.size() > 2 && m_rates.front().atNs < m_nowNs - 1'000'000'000)
        m_rates.pop_front();
}

// A parallel model's snapshot replaces our copy of the trace whole (the models keep no delta
// state; at the window's sizes the copy is tens of µs, and the model stretches its interval if
// it gets expensive). The requests whose stamps or token count moved are the changed ones.
void RunController::mergeSnapshot(const std::shared_ptr<const ModelResult> &snapshot)
{
    const RunTrace &next = snapshot->trace;
    m_changed.clear();
    for (size_t i = 0; i < next.requests.size(); ++i) {
        const RequestRecord &n = next.requests[i];
        if (n.dispatchNs < 0)
            continue;
        const RequestRecord *o = i < m_trace.requests.size() ? &m_trace.requests[i] : nullptr;
        if (!o || o->dispatchNs != n.dispatchNs || o->sentNs != n.sentNs || o->headersNs != n.headersNs
            || o->firstByteNs != n.firstByteNs || o->endNs != n.endNs || o->outcome != n.outcome
            || o->tokenNs.size() != n.tokenNs.size())
            m_changed.push_back(int(i));
    }
    const QString targetUrl = m_trace.targetUrl;
    m_trace = next;
    if (m_trace.targetUrl.isEmpty())
        m_trace.targetUrl = targetUrl;

    Progress p;
    p.planned = m_trace.scenario.requests;
    for (const RequestRecord &r : m_trace.requests) {
        if (r.warmup || r.dispatchNs < 0)
            continue;
        ++p.dispatched;
        p.inFlight += r.settled() ? 0 : 1;
        p.completed += r.outcome == Outcome::Success ? 1 : 0;
        p.failed += r.outcome == Outcome::Failed ? 1 : 0;
        p.incomplete += r.outcome == Outcome::Incomplete ? 1 : 0;
        p.tokens += qint64(r.tokenNs.size());
    }
    p.elapsedNs = snapshot->snapshotNs;
    if (!m_trace.loopLag.empty())
        p.lastLoopLagNs = m_trace.loopLag.back().lagNs;
    m_progress = p;
    m_nowNs = snapshot->snapshotNs;
    noteRates();
    emit traceUpdated();
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
    const Scenario &s = m_trace.scenario;
    const double elapsed = double(m_progress.elapsedNs) / 1e9;
    if (s.durationS > 0 && (s.requests <= 0))
        return std::max(0.0, s.durationS - elapsed);
    const int planned = m_progress.planned > 0 ? m_progress.planned : s.requests;
    const int settled = m_progress.completed + m_progress.failed + m_progress.incomplete;
    if (planned <= 0 || settled <= 0 || elapsed <= 0)
        return -1;
    return elapsed * double(planned - settled) / double(settled);
}

void RunController::onEngineFinished()
{
    if (m_engine) {
        // The engine is idle now; taking its trace is a move, done on its own thread.
        RunTrace final;
        LoadEngine *engine = m_engine.data();
        QMetaObject::invokeMethod(
            engine, [engine, &final] { final = engine->takeTrace(); }, Qt::BlockingQueuedConnection);
        m_trace = std::move(final);
    } else if (m_model) {
        RunTrace final;
        ModelRun *run = m_model.data();
        QMetaObject::invokeMethod(
            run, [run, &final] { final = run->takeResult().trace; }, Qt::BlockingQueuedConnection);
        m_trace = std::move(final);
    }
    // Progress as of the end: counted from the authoritative trace.
    Progress p;
    p.planned = m_trace.scenario.requests;
    for (const RequestRecord &r : m_trace.requests) {
        if (r.warmup)
            continue;
        p.dispatched += r.dispatchNs >= 0 ? 1 : 0;
        p.completed += r.outcome == Outcome::Success ? 1 : 0;
        p.failed += r.outcome == Outcome::Failed ? 1 : 0;
        p.incomplete += r.outcome == Outcome::Incomplete ? 1 : 0;
        p.tokens += qint64(r.tokenNs.size());
    }
    p.elapsedNs = std::max({ m_trace.endNs, m_nowNs, qint64(0) });
    // After the run, the figure that matters is the worst lag the loop had.
    for (const LagSample &lag : m_trace.loopLag)
        p.lastLoopLagNs = std::max(p.lastLoopLagNs, lag.lagNs);
    m_progress = p;
    m_changed.clear();
    teardown();
    setState(State::Idle);
    emit finished();
}

void RunController::teardown()
{
    m_engine.clear();
    m_model.clear();
    if (m_engineThread) {
        // The engine is deleted on its own thread when the thread's loop ends.
        QThread *thread = m_engineThread;
        m_engineThread = nullptr;
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->quit();
    }
    if (m_simulator) {
        // Stopping the simulator joins its thread; do that off the GUI thread.
        std::shared_ptr<SimulatorThread> simulator = std::move(m_simulator);
        (void)QtConcurrent::run([simulator]() mutable { simulator.reset(); });
    }
}

void RunController::setTrace(RunTrace trace)
{
    if (m_state != State::Idle)
        return;
    m_trace = std::move(trace);
    m_changed.clear();
    // The figures a finished run of this trace would have left behind.
    m_progress = Progress();
    for (const RequestRecord &r : m_trace.requests) {
        if (r.warmup)
            continue;
        ++m_progress.planned;
        m_progress.dispatched += r.dispatchNs >= 0 ? 1 : 0;
        m_progress.completed += r.outcome == Outcome::Success ? 1 : 0;
        m_progress.failed += r.outcome == Outcome::Failed ? 1 : 0;
        m_progress.incomplete += r.outcome == Outcome::Incomplete ? 1 : 0;
        m_progress.tokens += qint64(r.tokenNs.size());
    }
    m_progress.elapsedNs = std::max<qint64>(0, m_trace.endNs);
    m_nowNs = m_progress.elapsedNs;
    emit traceUpdated();
    emit finished();
}

} // namespace BurgerBench
