#include "gui/racecontroller.h"

#include <QThread>

namespace BurgerBench {

RaceController::RaceController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const BurgerBench::RaceEntry>>();
    qRegisterMetaType<BurgerBench::RaceModel>();
    qRegisterMetaType<std::shared_ptr<const BurgerBench::LiveDelta>>();
}

RaceController::~RaceController()
{
    if (m_runner) {
        // The window is closing mid-race: cancel and wait for the runner's thread, the only
        // place we block, because the window is about to go.
        QMetaObject::invokeMethod(m_runner.data(), &RaceRunner::cancel, Qt::BlockingQueuedConnection);
    }
    if (m_thread) {
        m_thread->quit();
        m_thread->wait(); // the runner is deleted on its thread as the thread ends
        delete m_thread;
    }
}

bool RaceController::start(const RaceSpec &spec, QString *error)
{
    if (m_thread) {
        if (error)
            *error = tr("A race is already running.");
        return false;
    }
    QString message;
    if (!spec.validate(&message)) {
        if (error)
            *error = message;
        return false;
    }
    m_spec = spec;
    m_entries.assign(size_t(spec.models.size()), nullptr);
    m_current = -1;
    m_stopping = false;
    const quint64 raceId = ++m_raceId;

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("BurgerBench race"));
    auto *runner = new RaceRunner;
    runner->moveToThread(m_thread);
    m_runner = runner;
    connect(m_thread, &QThread::finished, runner, &QObject::deleteLater);
    connect(
        runner, &RaceRunner::modelStarted, this,
        [this, raceId](int index, RaceModel) {
            if (raceId != m_raceId)
                return;
            m_current = index;
            m_live.reset();
            RunTrace base; // a CPU-only row's live trace knows it has no requests to wait for
            base.scenario.cpuOnly = m_spec.cpuOnly;
            m_mirror.reset(base);
            m_modelClock.start();
            emit modelStarted(index);
        },
        Qt::QueuedConnection);
    connect(
        runner, &RaceRunner::modelProgress, this,
        [this, raceId](int index, const std::shared_ptr<const LiveDelta> &delta) {
            // Queued behind modelStarted and ahead of the row's entryReady: only the running model's.
            if (raceId != m_raceId || index != m_current)
                return;
            // Applied here, not on the runner's thread: that thread is the model's event loop.
            // The window points into an immutable copy (a race's tens of records).
            m_mirror.apply(*delta);
            auto shot = std::make_shared<ModelResult>();
            shot->trace = m_mirror.trace();
            shot->trace.endNs = m_mirror.nowNs();
            shot->taskOwner = m_mirror.taskOwner();
            shot->snapshotNs = m_mirror.nowNs();
            m_live = std::move(shot);
            emit modelProgress(index);
        },
        Qt::QueuedConnection);
    connect(
        runner, &RaceRunner::entryReady, this,
        [this, raceId](int index, const std::shared_ptr<const RaceEntry> &entry) {
            if (raceId != m_raceId || index < 0 || size_t(index) >= m_entries.size())
                return;
            m_entries[size_t(index)] = entry;
            // A later row refreshes the speed-ups of the earlier ones on the runner (the
            // sequential row may come last); copy those figures into the rows we hold.
            for (auto &held : m_entries) {
                if (!held || held == entry || !held->ran || held->measuredS <= 0 || entry->speedup <= 0)
                    continue;
                const double sequentialS = entry->speedup * entry->measuredS / entry->sequentialShare;
                auto copy = std::make_shared<RaceEntry>(*held);
                copy->speedup = sequentialS * copy->sequentialShare / copy->measuredS;
                copy->speedupFromTheory = entry->speedupFromTheory;
                held = std::move(copy);
            }
            if (index == m_current) {
                m_current = -1;
                m_live.reset();
            }
            emit entryReady(index);
        },
        Qt::QueuedConnection);
    connect(
        runner, &RaceRunner::finished, this,
        [this, raceId] {
            if (raceId != m_raceId)
                return;
            teardown();
            emit finished();
        },
        Qt::QueuedConnection);
    m_thread->start();

    QPointer<RaceController> self(this);
    QMetaObject::invokeMethod(
        runner,
        [runner, spec, self, raceId] {
            QString startError;
            if (runner->start(spec, &startError))
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, startError, raceId] {
                    if (!self || raceId != self->m_raceId)
                        return;
                    emit self->failed(startError);
                    self->teardown();
                    emit self->finished();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    emit started();
    return true;
}

void RaceController::stop()
{
    if (!m_runner || m_stopping)
        return;
    m_stopping = true;
    QMetaObject::invokeMethod(m_runner.data(), &RaceRunner::cancel, Qt::QueuedConnection);
}

void RaceController::teardown()
{
    m_runner.clear();
    m_current = -1;
    m_live.reset();
    m_stopping = false;
    if (m_thread) {
        // The runner (its simulator, its model threads) is deleted on its own thread when the
        // thread's loop ends; the thread object follows.
        QThread *thread = m_thread;
        m_thread = nullptr;
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->quit();
    }
}

} // namespace BurgerBench
