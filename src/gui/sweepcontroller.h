#pragma once

#include "sweep/sweepresult.h"
#include "sweep/sweepspec.h"
#include "trace/livetrace.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QThread;

namespace BurgerBench {

class SweepRunner;

// Runs one sweep at a time without blocking the GUI thread, the way RunController runs a
// RunSession: the SweepRunner (src/sweep, the same one `burgerbench-cli sweep` drives) lives on a
// thread of its own, where it creates each step's RunSession and its simulator, so painting never
// delays one of their timestamps. A finished step arrives here as a copy and is appended to the
// GUI's own SweepResult (points re-aggregated), which the sweep window draws; when the sweep ends
// the runner's final result (capacity, stop reason) replaces it.
//
// Thread affinity: lives on the GUI thread; touches the runner only through queued invocations.
// Signals of an earlier sweep that arrive after a new one started are dropped (sweep id).
class SweepController : public QObject
{
    Q_OBJECT
public:
    explicit SweepController(QObject *parent = nullptr);
    ~SweepController() override;

    // Starts a sweep; false with *error when the spec is invalid or a sweep is running. The
    // runner may still fail on its thread (the simulator does not start): failed() and
    // finished() follow then.
    bool start(const SweepSpec &spec, QString *error = nullptr);
    // Asks the runner to cancel; returns at once. The running step is dropped, the finished
    // ones are kept, finished() follows.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    bool isCancelling() const { return m_cancelling; }

    const SweepSpec &spec() const { return m_spec; }
    // The steps finished so far (points aggregated); the runner's final result after finished().
    const SweepResult &result() const { return m_result; }

    // The running step: its 0-based index, the steps planned then (at most, for a search), its
    // level; -1 between steps and after the sweep.
    int currentStep() const { return m_currentStep; }
    int plannedSteps() const { return m_planned; }
    SweepOver currentOver() const { return m_currentOver; }
    double currentValue() const { return m_currentValue; }
    // The running step's counters (polled from the runner's thread a few times a second).
    const Progress &stepProgress() const { return m_progress; }
    // Seconds left for the whole sweep: the running step's rest and the planned steps after it at
    // the mean wall time of the finished ones (before the first: the step's duration); negative
    // when unknown.
    double timeLeftS() const;

signals:
    void started();
    void stepStarted(int index);
    void stepFinished(int index);
    void progressChanged();
    void failed(const QString &message);
    void finished();

private:
    void poll();
    void teardown();

    SweepSpec m_spec;
    SweepResult m_result;
    QThread *m_thread = nullptr; // owned; the runner is deleted on it when it ends
    QPointer<SweepRunner> m_runner;
    quint64 m_sweepId = 0;
    bool m_cancelling = false;
    int m_currentStep = -1;
    int m_planned = 0;
    SweepOver m_currentOver = SweepOver::Rate;
    double m_currentValue = 0;
    double m_meanStepMs = 0;
    Progress m_progress;
    QElapsedTimer m_stepClock; // GUI clock, for the estimate only
    QTimer m_poll;
};

} // namespace BurgerBench
