#pragma once

#include "metrics/summary.h"
#include "trace/livetrace.h"
#include "trace/runtrace.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>

class QThread;
class QTimer;

namespace BurgerBench {

class RunSession;

// Runs one scenario at a time without ever blocking the GUI thread for the run's sake.
//
// The run is a RunSession (src/session), the same orchestrator `burgerbench-cli run` uses, so a
// scenario does the same work here as there. The session lives on a thread of its own (the
// "cashier"), so painting never delays one of its timestamps; its built-in simulator, when the
// scenario has no URL, on another. Live deltas (one protocol for every execution model) arrive
// here queued and are applied to the GUI's own copy of the trace (LiveTrace), which the timeline
// reads. When the run finishes, its final trace replaces the copy: it is authoritative.
//
// Thread affinity: lives on the GUI thread; never touches the session except through queued
// invocations (one BlockingQueued call to create it on its thread, one to take the final trace
// when it is idle).
class RunController : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8 { Idle, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // Starts a run; false with *error when it cannot start (bad target, simulator failed).
    bool start(const Scenario &scenario, QString *error = nullptr);
    // Asks the engine to cancel; returns at once. finished() follows.
    void stop();
    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Idle; }

    // The GUI's copy of the trace: live while running, the session's final trace after finished().
    const RunTrace &trace() const { return m_live.trace(); }
    const Progress &progress() const { return m_progress; }
    qint64 nowNs() const { return m_nowNs; }
    // Only the last live delta's changes: indices of requests that changed.
    const std::vector<int> &changedRequests() const { return m_changed; }
    // True when the run reports as it goes (every liveIntervalMs(), whatever the execution
    // model); false with an interval of 0.
    bool isLive() const { return m_liveIntervalMs > 0; }
    // Wall time since the run started (also for runs without live updates).
    qint64 elapsedNs() const { return m_replay ? m_nowNs : m_clock.isValid() ? m_clock.nsecsElapsed() : 0; }
    // Requests per second and tokens per second over the last second of live updates.
    double recentRequestRate() const;
    double recentTokenRate() const;
    // Seconds left, estimated from the progress so far; negative when unknown.
    double etaSeconds() const;
    int liveIntervalMs() const { return m_liveIntervalMs; }
    void setLiveIntervalMs(int ms) { m_liveIntervalMs = ms; }

    // Replaces the trace (e.g. a saved one opened for viewing); only while idle.
    void setTrace(RunTrace trace);

    // Replay: plays a finished trace back as if it were running now (trace/replay.h), `speed`
    // times as fast as it ran (0.25 = a quarter; 0 = paused), with the same signals as a live run:
    // traceUpdated at every live interval, finished at the end with the whole trace. Only while
    // idle; stop() ends it at once, showing the whole run.
    bool replay(RunTrace full, double speed, QString *error = nullptr);
    bool isReplaying() const { return m_replay != nullptr; }
    double replaySpeed() const { return m_replaySpeed; }
    void setReplaySpeed(double speed); // 0 pauses
    // Pauses and moves to the next moment something was recorded.
    void stepReplay();
    // Moves the replay's cursor to `atNs` (earlier or later), keeping its speed.
    void seekReplay(qint64 atNs);
    qint64 replayEndNs() const { return m_replayEndNs; }
    // How fast the run's clock moves against the wall clock: 1 live, the speed in a replay.
    double clockRate() const { return m_replay ? m_replaySpeed : 1.0; }

signals:
    void started();
    // A live delta was merged; changedRequests() says which requests moved.
    void traceUpdated();
    // The run ended (finished, cancelled or failed to start on the engine thread); trace() is final.
    void finished();
    void failed(const QString &message);
    void stateChanged(BurgerBench::RunController::State state);

private:
    void mergeDelta(const std::shared_ptr<const LiveDelta> &delta);
    void noteRates();
    void onSessionFinished();
    void setState(State state);
    void teardown();
    void onReplayTick();
    void publishReplay(qint64 atNs);
    void finishReplay();

    State m_state = State::Idle;
    LiveTrace m_live;
    Progress m_progress;
    qint64 m_nowNs = 0;
    std::vector<int> m_changed;
    int m_liveIntervalMs = 100;

    // Owned; the session is deleted on its own thread when that thread ends.
    QThread *m_thread = nullptr;
    QPointer<RunSession> m_session;
    QElapsedTimer m_clock;
    quint64 m_runId = 0;

    struct RateSample
    {
        qint64 atNs;
        int settled;
        qint64 tokens;
    };
    std::deque<RateSample> m_rates;

    // Replay (null when not replaying): the whole trace, where its cursor stands, how fast.
    std::shared_ptr<const RunTrace> m_replay;
    QTimer *m_replayTimer = nullptr;
    QElapsedTimer m_replayTick;
    double m_replaySpeed = 1;
    qint64 m_replayEndNs = 0;
    double m_replayCarryNs = 0; // the cursor's fraction of a ns left over from the last tick
    struct Seen
    {
        Outcome outcome;
        qint64 dispatchNs;
        qint64 endNs;
        size_t tokens;
        size_t attempts;
        friend bool operator==(const Seen &a, const Seen &b)
        {
            return a.outcome == b.outcome && a.dispatchNs == b.dispatchNs && a.endNs == b.endNs
                && a.tokens == b.tokens && a.attempts == b.attempts;
        }
    };
    std::vector<Seen> m_replaySeen;
};

} // namespace BurgerBench

Q_DECLARE_METATYPE(BurgerBench::RunController::State)
