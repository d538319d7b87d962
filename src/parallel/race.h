#pragma once

#include "metrics/summary.h"
#include "parallel/modelrun.h"
#include "parallel/theory.h"
#include "sim/simulatorsettings.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <memory>
#include <vector>

namespace BurgerBench {

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

// A named race with the story it tells. The title and story are English source texts, which
// translations/burgerbench_*.ts translate in context RacePresetContext.
constexpr const char *RacePresetContext = "BurgerBench::RacePreset";
struct RacePreset
{
    QString name;
    const char *title = "";
    const char *story = "";
    RaceSpec spec;

    // In the installed translator's language (QCoreApplication::translate).
    QString translatedTitle() const;
    QString translatedStory() const;
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
    // The share of the sequential work this model really does (speedup = sequential × share /
    // measured): background jobs whose call fails at once cost nothing, so with every k-th failing
    // it is (N − ⌊N/k⌋) / N; 1 for every other model.
    double sequentialShare = 1;
    // CPU work (TaskKind::CpuWork) on two clocks. cpuBusyS: the thread CPU time the tasks got (a
    // task recorded without it counts its wall span); cpuWallS: their wall spans; cpuAskedS: the
    // CPU they asked for, ∫ min(tasks running, cores) dt, what an idle machine would have given.
    double cpuBusyS = 0;
    double cpuWallS = 0;
    double cpuAskedS = 0;
    double heldS = 0; // sum of the "held while waiting" durations (TaskKind::HeldWaiting)
    double avgParallelism = 0; // cpuBusyS / measuredS: cores the run got on average
    double coresAsked = 0; // cpuAskedS / measuredS: cores it asked for on average
    // cpuBusyS / cpuAskedS (at most 1; 1 when nothing was asked or the CPU time is unknown).
    double cpuShare = 1;
    // The machine gave noticeably less CPU than the model needed (other load): share below
    // RaceFigures::StarvedShare and at least RaceFigures::StarvedMinS of CPU missing.
    bool cpuStarved = false;
    double maxLoopLagMs = 0; // worst lag of the event-loop probe
    int peakTasksAtOnce = 0; // most CPU tasks running at one instant (recorded)
    bool ran = false;
    QString error; // why this model did not run
};

// Figures computed from a recorded trace (pure; tested on hand-made traces).
namespace RaceFigures {
double measuredWallS(const RunTrace &trace);
double busyS(const RunTrace &trace, TaskKind kind); // summed wall spans
// Thread CPU time of the CPU tasks; a task recorded without it (-1) counts its wall span.
double cpuTimeS(const RunTrace &trace);
// ∫ min(CPU tasks running, cores) dt: the CPU the tasks would have got on an idle machine.
double cpuAskedS(const RunTrace &trace, int cores);
// Whether CPU work that got `gotS` of CPU time where it asked for `askedS` was short of it
// (other load): less than StarvedShare of it, and at least StarvedMinS missing.
constexpr double StarvedShare = 0.85;
constexpr double StarvedMinS = 0.05;
bool cpuStarved(double gotS, double askedS);
double maxLoopLagMs(const RunTrace &trace);
int peakAtOnce(const RunTrace &trace, TaskKind kind); // exact sweep, ends before starts at ties
// Fills measured, busy, parallelism, lag and efficiency of `entry` from its trace and theory.
void fill(RaceEntry *entry);
} // namespace RaceFigures

// The workload as the theory sees it.
TheoryInput theoryInputFor(const RaceSpec &spec, double ioS, int cores);
// The Scenario a model of the race runs (requests, cap, rate, workers, cpu, simulator ...): every
// model runs through RunSession like any other scenario, so a race row is an ordinary run.
Scenario scenarioFor(const RaceSpec &spec, RaceModel model);
// The same as a ModelSetup against `target` (tests drive a ModelRun directly with it).
ModelSetup modelSetupFor(const RaceSpec &spec, RaceModel model, const QUrl &target);

// The race's figures as JSON (schema "burgerbench.race/1"), without the full run reports, which
// the caller adds under "run" with JsonReport when it links the report library.
QJsonObject raceEntryToJson(const RaceEntry &entry);
QJsonObject raceSpecToJson(const RaceSpec &spec);

} // namespace BurgerBench

Q_DECLARE_METATYPE(std::shared_ptr<const BurgerBench::RaceEntry>)
