#include "gui/sweepcontroller.h"

#include "session/runsession.h"
#include "sweep/sweeprunner.h"

#include <QThread>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

// How often the running step's counters are asked for: the progress line, not a measurement.
constexpr int PollIntervalMs = 250;

} // namespace

SweepController::SweepController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<BurgerBench::SweepOver>();
    m_poll.setInterval(PollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &SweepController::poll);
}

SweepController::~SweepController()
{
    if (m_runner) {
        // The window is closing mid-sweep: cancel and wait for the runner's thread, the only
        // place we block, because the window is about to go.
        QMetaObject::invokeMethod(m_runner.data(), &SweepRunner::cancel, Qt::BlockingQueuedConnection);
    }
    if (m_thread) {
        m_thread->quit();
        m_thread->wait(); // the runner (its session, its simulator) is deleted on its thread
        delete m_thread;
    }
}

bool SweepController::start(const SweepSpec &spec, QString *error)
{
    if (m_thread) {
        if (error)
            *error = tr("A sweep is already running.");
        return false;
    }
    // What the runner would refuse, refused here with its message, before any thread starts.
    QString message;
    if (!spec.validate(&message)
        || !RunSession::check(
            spec.scenarioAt(spec.over, spec.values.isEmpty() ? 1 : spec.values.first()), &message)) {
        if (error)
            *error = message;
        return false;
    }
    m_spec = spec;
    m_result = SweepResult();
    m_result.profile = spec.profile;
    m_result.repeats = spec.repeats;
    m_result.over = spec.profile == SweepProfile::Concurrency ? SweepOver::Concurrency
        : spec.profile == SweepProfile::Search                ? spec.over
                                                              : SweepOver::Rate;
    for (const Threshold &t : spec.slo)
        m_result.slo.append(t.text);
    m_cancelling = false;
    m_currentStep = -1;
    m_planned = 0;
    m_meanStepMs = 0;
    m_progress = Progress();
    const quint64 sweepId = ++m_sweepId;

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("BurgerBench sweep"));
    // The runner creates each step's RunSession on the thread it lives on, which must be the
    // thread those sessions run on: it is moved there before anything else happens.
    auto *runner = new SweepRunner;
    runner->moveToThread(m_thread);
    m_runner = runner;
    connect(m_thread, &QThread::finished, runner, &QObject::deleteLater);
    QPointer<SweepController> self(this);
    // These three run on the runner's thread (the runner is their context), where its result may
    // be read; what they read is copied to the GUI thread.
    connect(runner, &SweepRunner::stepStarted, runner,
        [runner, self, sweepId](int index, int planned, SweepOver over, double value) {
            const double meanMs = runner->meanStepMs();
            QMetaObject::invokeMethod(
                self.data(),
                [self, sweepId, index, planned, over, value, meanMs] {
                    if (!self || sweepId != self->m_sweepId)
                        return;
                    self->m_currentStep = index;
                    self->m_planned = planned;
                    self->m_currentOver = over;
                    self->m_currentValue = value;
                    self->m_meanStepMs = meanMs;
                    self->m_progress = Progress();
                    self->m_stepClock.start();
                    emit self->stepStarted(index);
                },
                Qt::QueuedConnection);
        });
    connect(runner, &SweepRunner::stepFinished, runner, [runner, self, sweepId](int index) {
        const auto &steps = runner->result().steps;
        if (index < 0 || size_t(index) >= steps.size())
            return;
        auto step = std::make_shared<const SweepStep>(steps[size_t(index)]);
        const double meanMs = runner->meanStepMs();
        QMetaObject::invokeMethod(
            self.data(),
            [self, sweepId, index, step, meanMs] {
                if (!self || sweepId != self->m_sweepId)
                    return;
                if (size_t(index) != self->m_result.steps.size())
                    return; // out of order cannot happen on one queue; never index past the end
                self->m_result.steps.push_back(*step);
                self->m_result.aggregate();
                self->m_meanStepMs = meanMs;
                emit self->stepFinished(index);
            },
            Qt::QueuedConnection);
    });
    connect(runner, &SweepRunner::finished, runner, [runner, self, sweepId] {
        auto result = std::make_shared<SweepResult>(runner->takeResult());
        QMetaObject::invokeMethod(
            self.data(),
            [self, sweepId, result] {
                if (!self || sweepId != self->m_sweepId)
                    return;
                self->m_result = std::move(*result);
                self->teardown();
                emit self->finished();
            },
            Qt::QueuedConnection);
    });
    m_thread->start();

    QMetaObject::invokeMethod(
        runner,
        [runner, spec, self, sweepId] {
            QString startError;
            if (runner->start(spec, &startError))
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, startError, sweepId] {
                    if (!self || sweepId != self->m_sweepId)
                        return;
                    emit self->failed(startError);
                    self->teardown();
                    emit self->finished();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    m_poll.start();
    emit started();
    return true;
}

void SweepController::cancel()
{
    if (!m_runner || m_cancelling)
        return;
    m_cancelling = true;
    QMetaObject::invokeMethod(m_runner.data(), &SweepRunner::cancel, Qt::QueuedConnection);
    emit progressChanged();
}

void SweepController::poll()
{
    if (!m_runner)
        return;
    SweepRunner *runner = m_runner.data();
    QPointer<SweepController> self(this);
    const quint64 sweepId = m_sweepId;
    QMetaObject::invokeMethod(
        runner,
        [runner, self, sweepId] {
            const Progress p = runner->stepProgress();
            QMetaObject::invokeMethod(
                self.data(),
                [self, sweepId, p] {
                    if (!self || sweepId != self->m_sweepId || !self->m_thread)
                        return;
                    self->m_progress = p;
                    emit self->progressChanged();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

double SweepController::timeLeftS() const
{
    if (!m_thread || m_currentStep < 0)
        return -1;
    const Scenario &base = m_spec.base;
    const double elapsedS = m_stepClock.isValid() ? double(m_stepClock.elapsed()) / 1000 : 0;
    const double guessS = base.durationS > 0 ? base.durationS : -1;
    const double perStepS = m_meanStepMs > 0 ? m_meanStepMs / 1000 : guessS;
    const Progress &p = m_progress;
    const int settled = p.completed + p.failed + p.incomplete;
    double thisStepLeft = -1;
    if (base.durationS > 0)
        thisStepLeft = std::max(0.0, base.durationS - double(p.elapsedNs) / 1e9);
    else if (p.planned > 0 && settled > 0)
        thisStepLeft = elapsedS * double(p.planned - settled) / double(settled);
    else if (perStepS > 0)
        thisStepLeft = std::max(0.0, perStepS - elapsedS);
    if (thisStepLeft < 0 || perStepS < 0)
        return -1;
    return thisStepLeft + std::max(0, m_planned - m_currentStep - 1) * perStepS;
}

void SweepController::teardown()
{
    m_poll.stop();
    m_runner.clear();
    m_cancelling = false;
    m_currentStep = -1;
    if (m_thread) {
        // The runner is deleted on its own thread when the thread's loop ends; the thread object
        // follows.
        QThread *thread = m_thread;
        m_thread = nullptr;
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->quit();
    }
}

} // namespace BurgerBench
