#pragma once

#include "parallel/theory.h"
#include "scenario/scenario.h"
#include "trace/jobrecord.h"
#include "trace/livetrace.h"
#include "trace/runtrace.h"
#include "workload/requestplan.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QTimer;

#include <atomic>
#include <memory>
#include <vector>

namespace BurgerBench {

// One model of a race: what to run and against what.
struct ModelSetup
{
    RaceModel model = RaceModel::Sequential;
    // requests (= tasks for CPU-only), concurrency (the cap), rate (> 0: open loop with constant
    // gaps), rateLimit/rateLimitBurst, workers, cpuTaskMs, the request fields. The mode is set
    // from `model` by the run.
    Scenario scenario;
    QUrl target; // base or endpoint URL; unused for CPU-only workloads
    QByteArray apiKey; // sent as a Bearer token, stored nowhere
    bool cpuOnly = false; // CPU tasks without requests ("cleaning the house")
    int failEvery = 0; // background jobs: every k-th job's request asks the simulator for a 500
    int pollMs = 100; // background jobs: the client's status poll interval
    int sliceMs = 20; // concurrent CPU-only: how long a task runs before yielding to the loop
    // The scenario's workload as planned before the clock (RunSession reads the dataset and
    // measures the target's tokens once); null = the run plans it from the scenario itself.
    std::shared_ptr<const RequestPlan> plan;

    // What a scenario asks for: its mode as the model, its CPU-only flag and job knobs. The one
    // translation from the scenario's words to a model's (RunSession and the race use it).
    static ModelSetup fromScenario(const Scenario &scenario, const QUrl &target, const QByteArray &apiKey);
};

// What a model run leaves behind.
struct ModelResult
{
    RunTrace trace;
    // Parallel to trace.tasks: the logical task (or request) each record belongs to. A CPU task
    // that runs in several slices (concurrent CPU-only) has one record per slice.
    std::vector<qint32> taskOwner;
    // A snapshot taken while the run was going (ModelRun::snapshot): when, on the run's clock;
    // -1 for a finished run's result.
    qint64 snapshotNs = -1;
};

// Runs one model on the thread it lives on (its "event loop (cashier)"), creating whatever
// worker threads the model needs, and emits finished() once (queued) when everything it started
// has ended. Workers hand their records back as values; only this object writes the result.
class ModelRun : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Creates the run for setup.model; nullptr with *error when the model cannot run this
    // workload (e.g. parallel-cpu asked to do requests).
    static std::unique_ptr<ModelRun> create(const ModelSetup &setup, QString *error);

    virtual bool start(QString *error) = 0;
    // Stops dispatching, cuts off what is in flight (recorded as incomplete), then finishes.
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;
    // After finished().
    virtual ModelResult takeResult() = 0;

    // What the run has recorded so far, consistent at one instant (snapshotNs, also the trace's
    // endNs): finished records as they will be in the result, those under way open, as
    // LoadEngine's records show them (a request dispatched and not ended: end -1, outcome
    // in flight; a task started and not ended: end -1, drawn up to "now"), a blocking worker's
    // "held" span from its dispatch. The run's own thread only, while it runs. Costs one copy
    // of the records (a few µs for a race's tens of records).
    virtual ModelResult snapshot() = 0;
    // The counters as of now; the run's thread only. By default counted from a snapshot().
    virtual Progress progress();
    // Publishes liveUpdate() every `ms` milliseconds while the run runs (0: never, the default);
    // set it before start(). By default each update is the difference between two snapshots
    // (LiveDiffer), and the interval stretches to ten times what the last one cost, so live views
    // never take more than ~10 % of the run's thread. Models on the LoadEngine use its own deltas.
    virtual void setLiveInterval(int ms);
    int liveInterval() const { return m_liveIntervalMs; }

    // Whether `setup` can run, or why not (the checks create() makes, without creating).
    static bool check(const ModelSetup &setup, QString *error);
    // Whether create() runs `setup` on the LoadEngine (EngineModelRun), which honours every load
    // field; the other models run a fixed set of orders handed out at the start.
    static bool runsOnEngine(const ModelSetup &setup);

signals:
    void finished();
    // The live protocol (trace/livetrace.h): what changed since the last update, as an immutable
    // value for receivers on other threads.
    void liveUpdate(std::shared_ptr<const BurgerBench::LiveDelta> delta);
    // Background jobs: a status change as the client's poll saw it.
    void jobStatusChanged(int job, BurgerBench::JobStatus status);

private:
    void emitLive();

    QTimer *m_liveTimer = nullptr; // child, created by setLiveInterval()
    int m_liveIntervalMs = 0;
    LiveDiffer m_differ;
};

// Numbers the threads a run sees (pool threads, workers) in order of first appearance and adds
// a lane of `kind` for each (named by trace/lanenames.h). Not thread-safe: used on the run's own
// thread, with the thread identity handed back by the work as a value.
class ThreadLanes
{
public:
    int laneFor(const void *thread, std::vector<TaskLane> *lanes, LaneKind kind);

private:
    QHash<const void *, int> m_lanes;
};

// Where each task on the thread pool stands, for snapshots: the pool thread running task i
// stamps its start and end on the run's clock; the run's thread copies them all. Stamps are taken
// under the lock, so a copy whose `now` is read under the same lock holds no time after `now`.
// Shared (std::shared_ptr) with the pool tasks, which may outlive the run.
class PoolProgress
{
public:
    struct Task
    {
        const void *thread = nullptr;
        qint64 startNs = -1;
        qint64 endNs = -1;
    };
    void reset(size_t count); // `count` tasks, none started
    size_t append(); // one more task, not started: its index
    // On the pool thread: stamp task i as started / ended now (clock minus originNs); returns now.
    qint64 started(size_t i, const void *thread, const QElapsedTimer &clock, qint64 originNs = 0);
    qint64 ended(size_t i, const QElapsedTimer &clock, qint64 originNs = 0);
    // On the run's thread: every task as stamped; with `clock`, *now is read under the same lock.
    std::vector<Task> copy(const QElapsedTimer *clock = nullptr, qint64 *now = nullptr) const;

private:
    mutable QMutex m_mutex;
    std::vector<Task> m_tasks;
};

// The two vocabularies, mapped name by name (never by enum order): a race model as the mode the
// trace's scenario records, and a scenario's mode as the model that runs it.
ExecutionMode executionModeFor(RaceModel model);
RaceModel raceModelFor(ExecutionMode mode);

} // namespace BurgerBench

Q_DECLARE_METATYPE(BurgerBench::JobStatus)
Q_DECLARE_METATYPE(std::shared_ptr<const BurgerBench::ModelResult>)
