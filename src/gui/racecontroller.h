#pragma once

#include "parallel/race.h"
#include "session/racerunner.h"
#include "trace/livetrace.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class QThread;

namespace BurgerBench {

// Runs one race at a time without blocking the GUI thread, the way RunController runs a
// LoadEngine: the RaceRunner lives on a thread of its own (the models' "cashier"), so painting
// never delays one of its timestamps. Finished rows arrive as immutable copies
// (std::shared_ptr<const RaceEntry>) and are kept here for the views, which point into them.
//
// Thread affinity: lives on the GUI thread; touches the runner only through queued invocations.
// Signals of an earlier race that arrive after a new one started are dropped (race id).
class RaceController : public QObject
{
    Q_OBJECT
public:
    explicit RaceController(QObject *parent = nullptr);
    ~RaceController() override;

    // Starts a race; false with *error when the spec is invalid or a race is running. The
    // runner may still fail on its own thread (the simulator does not start): failed() and
    // finished() follow then.
    bool start(const RaceSpec &spec, QString *error = nullptr);
    // Asks the runner to cancel; returns at once. The model in flight is cut off (its row keeps
    // what it recorded), the rest do not run, finished() follows.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }
    bool isStopping() const { return m_stopping; }

    const RaceSpec &spec() const { return m_spec; }
    // One slot per model in spec order; null until that model's row arrived.
    const std::vector<std::shared_ptr<const RaceEntry>> &entries() const { return m_entries; }
    // The model running now (-1: none) and how long ago it started, on the GUI's clock: only
    // for the "running…" indicator; the row's figures come from the runner's own clocks.
    int currentModel() const { return m_current; }
    // The running model's records so far (the last modelProgress), null when none came yet or
    // `index` is not running: requests in flight and tasks running are open (end -1).
    std::shared_ptr<const ModelResult> liveResult(int index) const
    {
        return index == m_current ? m_live : nullptr;
    }
    qint64 currentElapsedNs() const { return m_current >= 0 ? m_modelClock.nsecsElapsed() : 0; }

signals:
    void started();
    void modelStarted(int index);
    // liveResult(index) has new records (every RaceRunner::progressIntervalMs() while it runs).
    void modelProgress(int index);
    void entryReady(int index);
    void failed(const QString &message);
    void finished();

private:
    void teardown();

    RaceSpec m_spec;
    std::vector<std::shared_ptr<const RaceEntry>> m_entries;
    // Owned; the runner is deleted on its own thread when that thread ends.
    QThread *m_thread = nullptr;
    QPointer<RaceRunner> m_runner;
    quint64 m_raceId = 0;
    int m_current = -1;
    std::shared_ptr<const ModelResult> m_live; // the running model's records as of its last update
    LiveTrace m_mirror; // the running model's live updates applied, on this (the GUI) thread
    bool m_stopping = false;
    QElapsedTimer m_modelClock;
};

} // namespace BurgerBench
