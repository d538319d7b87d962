#pragma once

#include "metrics/summary.h"
#include "parallel/modelrun.h"
#include "parallel/theory.h"
#include "sim/simulatorsettings.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

namespace BurgerBench {

class SimulatorThread;

// One workload, and the models to run it through. The knobs a learner moves to shift the
// bottleneck: the concurrency cap (the semaphore), the token-bucket rate limit and the
// simulator's own capacity.
struct RaceSpec
{
    QString name = QStringLiteral("custom");
    QList<RaceModel> models;
    int n = 8; // requests, or CPU tasks when cpuOnly
    bool cpuOnly = false; // CPU tasks without requests ("cleaning the house")
    double cpuTaskMs = 0; // CPU work per task / per response (calibrated, real)
    SimulatorSettings simulator; // the I/O side: ttft, token interval, output tokens, capacity
    QUrl url; // empty: the built-in simulator, started for the race
    QByteArray apiKey; // for a real url; sent as a Bearer token, stored nowhere
    double ioOverrideS = 0; // T_io for the theory with a real url (0: estimated from the race)
    int concurrency = 0; // the semaphore: requests in flight at once; 0 = no cap
    double rateLimit = 0; // token bucket, requests/s; 0 = off
    int rateLimitBurst = 1;
    double arrivalRate = 0; // open loop, constant gaps (requests/s); 0 = all at t = 0
    int workers = 4; // blocking workers / job workers
    int failEvery = 0; // background jobs: every k-th job's request fails (simulator only)
    Scenario base; // request fields: model name, stream, max tokens, timeouts

    // T_io of one request on an idle simulator: ttft + prefill + (tokens − 1) · interval.
    double simulatedIoS() const;
    bool validate(QString *error) const;
};

// A named race with the story it tells, in English and Spanish.
struct RacePreset
{
    QString name;
    QString titleEn;
    QString titleEs;
    QString storyEn;
    QString storyEs;
    RaceSpec spec;
};

QList<RacePreset> racePresets();
bool racePreset(const QString &name, RacePreset *out);

// One model's row: the recorded run, the theory beside it, and what follows from both.
struct RaceEntry
{
    RaceModel model = RaceModel::Sequential;
    ModelResult result; // trace (+ task owners, jobs)
    Summary summary; // computeSummary of the trace (requests only; empty for CPU-only)
    Theory theory;
    double ioS = 0; // T_io the theory used
    bool ioEstimated = false; // T_io came from the measured E2EL (real endpoint)
    double measuredS = 0; // wall time from the recorded times: first start to last end
    double efficiency = 0; // theory / measured (1.0 = as fast as the ideal)
    double speedup = 0; // sequential wall / this wall
    bool speedupFromTheory = false; // no sequential row: against the theoretical N·T
    double cpuBusyS = 0; // sum of the CPU task durations (kind 0)
    double heldS = 0; // sum of the "held while waiting" durations (kind 1)
    double avgParallelism = 0; // cpuBusyS / measuredS: cores kept busy on average
    double maxLoopLagMs = 0; // worst lag of the event-loop probe
    int peakTasksAtOnce = 0; // most CPU tasks running at one instant (recorded)
    bool ran = false;
    QString error; // why this model did not run
};

// Figures computed from a recorded trace (pure; tested on hand-made traces).
namespace RaceFigures {
double measuredWallS(const RunTrace &trace);
double busyS(const RunTrace &trace, quint8 kind);
double maxLoopLagMs(const RunTrace &trace);
int peakAtOnce(const RunTrace &trace, quint8 kind); // exact sweep, ends before starts at ties
// Fills measured, busy, parallelism, lag and efficiency of `entry` from its trace and theory.
void fill(RaceEntry *entry);
} // namespace RaceFigures

// The workload as the theory sees it.
TheoryInput theoryInputFor(const RaceSpec &spec, double ioS, int cores);
// The Scenario a model runs with (requests, cap, rate, workers, cpu, simulator ...).
ModelSetup modelSetupFor(const RaceSpec &spec, RaceModel model, const QUrl &target);

// The race's figures as JSON (schema "burgerbench.race/1"), without the full run reports, which
// the caller adds under "run" with JsonReport when it links the report library.
QJsonObject raceEntryToJson(const RaceEntry &entry);
QJsonObject raceSpecToJson(const RaceSpec &spec);

// Runs a race, model after model, on the thread it lives on (each model's "cashier"): in the CLI
// the main thread, in the app a thread of its own like the LoadEngine. Each model starts on a
// fresh clock at 0, so the GUI can stack the timelines on one time axis. With no url, one
// built-in simulator (on its own thread) serves the whole race and is reset between models.
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
    // smoothly enough, and a race's snapshot (tens of records) costs microseconds.
    void setProgressIntervalMs(int ms) { m_progressIntervalMs = ms; }
    int progressIntervalMs() const { return m_progressIntervalMs; }

signals:
    void modelStarted(int index, BurgerBench::RaceModel model);
    // The running model's records so far (ModelRun::snapshot(): requests in flight and tasks
    // running are open), every progressIntervalMs() while it runs, as an immutable value for a
    // receiver on another thread. The row itself comes with entryReady(), after the last one.
    void modelProgress(int index, std::shared_ptr<const BurgerBench::ModelResult> snapshot);
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
    std::unique_ptr<SimulatorThread> m_simulator;
    QUrl m_target;
    std::unique_ptr<ModelRun> m_run;
    int m_current = -1;
    int m_progressIntervalMs = 250;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace BurgerBench

Q_DECLARE_METATYPE(std::shared_ptr<const BurgerBench::RaceEntry>)
