#pragma once

#include "sweep/capacitysearch.h"
#include "sweep/sweepresult.h"
#include "sweep/sweepspec.h"
#include "trace/livetrace.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>

namespace BurgerBench {

class RunSession;
class SimulatorThread;

// Runs a sweep, step after step, on the thread it lives on (the CLI's main thread): every step
// is an ordinary run through a RunSession, as `burgerbench-cli run` makes it. Without a URL one
// built-in simulator (on its own thread) serves every step and is reset between them, as the
// race does. A step that saturates ends the climb (nothing higher is run); a step whose target
// fails (no request succeeded) ends the sweep with the steps so far; cancel() stops the running
// step and keeps the finished ones (the cut-off step is dropped, it measured no level).
class SweepRunner : public QObject
{
    Q_OBJECT
public:
    explicit SweepRunner(QObject *parent = nullptr);
    ~SweepRunner() override;

    bool start(const SweepSpec &spec, QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_running; }

    // Runs the sweep plans at most (a search: maxSteps · repeats); the count of steps so far.
    int plannedSteps() const;
    int stepsDone() const { return int(m_result.steps.size()); }
    // The running step's counters and how long it has run, ms (-1 between steps).
    Progress stepProgress() const;
    qint64 stepElapsedMs() const;
    // Mean wall time of the finished steps, ms (0 before the first).
    double meanStepMs() const;

    const SweepResult &result() const { return m_result; }
    SweepResult takeResult() { return std::move(m_result); }

signals:
    // `index`: the step's 0-based number; `planned`: plannedSteps() then.
    void stepStarted(int index, int planned, BurgerBench::SweepOver over, double value);
    void stepFinished(int index);
    void finished();

private:
    struct Level
    {
        SweepOver over;
        double value;
        SweepPhase phase;
    };
    std::optional<Level> nextLevel();
    void runNext();
    void onStepFinished();
    void pointDone();
    void finishSweep();

    SweepSpec m_spec;
    SweepResult m_result;
    std::shared_ptr<SimulatorThread> m_simulator;
    std::unique_ptr<RunSession> m_session;
    std::unique_ptr<CapacitySearch> m_search;
    QList<Level> m_pending; // list profiles, auto's rate steps
    std::optional<Level> m_current; // the point being repeated
    int m_currentPoint = -1;
    int m_repeat = 0;
    int m_autoStage = 0; // auto: 0 synchronous, 1 throughput, 2 rates
    QElapsedTimer m_stepClock;
    double m_stepMsTotal = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_stop = false;
};

} // namespace BurgerBench
