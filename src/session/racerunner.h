#pragma once

#include "parallel/race.h"
#include "trace/livetrace.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

namespace BurgerBench {

class RunSession;
class SimulatorThread;

// Runs a race, model after model, on the thread it lives on (each model's "cashier"): in the CLI
// the main thread, in the app a thread of its own like the LoadEngine. Every model is an ordinary
// run: its scenario (scenarioFor) goes through a RunSession, exactly as `burgerbench-cli run`
// and the main window run it. Each model starts on a fresh clock at 0, so the GUI can stack the
// timelines on one time axis. With no url, one built-in simulator (on its own thread) serves the
// whole race and is reset between models.
class RaceRunner : public QObject
{
    Q_OBJECT
public:
    explicit RaceRunner(QObject *parent = nullptr);
    ~RaceRunner() override;

    bool start(const RaceSpec &spec, QString *error = nullptr);
    void cancel();
    bool isRunning() const;

    const RaceSpec &spec() const { return m_spec; }
    // Rows so far, one per model in spec order; a row is complete after modelFinished(index).
    const std::vector<RaceEntry> &entries() const { return m_entries; }
    std::vector<RaceEntry> takeEntries();

    // How often the running model's progress is reported (modelProgress), in ms; 0 = never.
    // Takes effect from the next model. 250 ms by default: four frames a second grow the bars
    // smoothly enough, and a race's records (tens) cost microseconds to copy.
    void setProgressIntervalMs(int ms) { m_progressIntervalMs = ms; }
    int progressIntervalMs() const { return m_progressIntervalMs; }

signals:
    void modelStarted(int index, BurgerBench::RaceModel model);
    // The running model's session's live updates (trace/livetrace.h), every progressIntervalMs()
    // while it runs, for a receiver on another thread to apply to its own LiveTrace (the model
    // starts on a fresh one at modelStarted()). The row comes with entryReady(), after the last.
    void modelProgress(int index, std::shared_ptr<const BurgerBench::LiveDelta> delta);
    void modelFinished(int index);
    // The same row as an immutable copy, for a receiver on another thread (the GUI): the runner
    // keeps writing entries() on its own thread, so read those only there or after finished().
    void entryReady(int index, std::shared_ptr<const BurgerBench::RaceEntry> entry);
    void jobStatusChanged(int index, int job, BurgerBench::JobStatus status);
    void finished();

private:
    void runNext();
    void onModelFinished();
    void finishRace();

    RaceSpec m_spec;
    std::vector<RaceEntry> m_entries;
    std::shared_ptr<SimulatorThread> m_simulator;
    std::unique_ptr<RunSession> m_session;
    int m_current = -1;
    int m_progressIntervalMs = 250;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace BurgerBench
