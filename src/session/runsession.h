#pragma once

#include "metrics/summary.h"
#include "parallel/modelrun.h"
#include "scenario/scenario.h"
#include "trace/livetrace.h"
#include "trace/runtrace.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace BurgerBench {

class MetricsScraper;
class SimulatorThread;

// What a run is asked to do.
struct RunRequest
{
    Scenario scenario; // validated again by start()
    QByteArray apiKey; // read from the environment by the caller; sent as a Bearer token, stored nowhere
    // A simulator someone else runs (the race serves all its models from one, reset between
    // them); null: the session starts its own when the scenario has no URL and sends requests.
    std::shared_ptr<SimulatorThread> simulator;
    // Percentiles the summary computes besides the scenario's (the CLI's --fail-if ranks).
    QList<double> extraPercentiles;
};

// What a run leaves behind: the trace (requests, tasks, lanes, loop, background jobs), the
// logical owner of each task record, and the summary computed from the trace.
struct RunResult
{
    RunTrace trace;
    std::vector<qint32> taskOwner;
    Summary summary;
};

// One run of one scenario, the same wherever it is started: `burgerbench-cli run`, the main
// window (RunController, on a thread of its own), the race (one session per model) and, later,
// sweeps. It is the one place that
//   - decides whether the scenario's mode can run its workload, and says why not (check());
//   - turns the scenario into an execution model (sequential, concurrent, parallel-blocking,
//     parallel-cpu, mixed, anti-pattern, background-jobs: ModelRun::create);
//   - owns the in-process simulator when the scenario has no URL;
//   - publishes one live protocol (LiveDelta, see trace/livetrace.h) whatever the model;
//   - returns one result (trace, tasks, jobs, summary).
//
// Thread affinity: lives on the thread it runs on (the "cashier": the CLI's main thread, the
// app's engine thread, the race runner's thread); its model and the model's timers are created
// there, in start(). finished() is emitted once, queued, after start() returned true.
class RunSession : public QObject
{
    Q_OBJECT
public:
    explicit RunSession(QObject *parent = nullptr);
    ~RunSession() override;

    // Whether `scenario` can run as it says, or a message naming what is wrong: its own
    // validation, whether its mode can run its workload, and the fields its model would ignore
    // (a duration, warm-up or retries for the blocking workers ...): never a run that does less
    // than the file says.
    static bool check(const Scenario &scenario, QString *error);

    // Publishes liveUpdate() every `ms` milliseconds while running (0 = off, the default); set
    // it before start().
    void setLiveInterval(int ms) { m_liveIntervalMs = ms; }

    bool start(const RunRequest &request, QString *error = nullptr);
    // Stops dispatching, cuts off what is in flight (recorded as incomplete), then finishes.
    void cancel();
    bool isRunning() const { return m_running; }
    // The counters as of now (this thread).
    Progress progress() const;
    // Where the requests go: the scenario's URL or the simulator's; empty for CPU-only work.
    QUrl target() const { return m_target; }
    const Scenario &scenario() const { return m_scenario; }
    // The execution model the scenario's mode runs as.
    RaceModel model() const { return m_model; }

    // After finished().
    RunResult takeResult();

signals:
    void liveUpdate(std::shared_ptr<const BurgerBench::LiveDelta> delta);
    void jobStatusChanged(int job, BurgerBench::JobStatus status);
    void finished();

private:
    void onModelFinished();
    // The model's live delta, with what the scraper gathered since the last one (if it scrapes).
    void publishLive(const std::shared_ptr<const LiveDelta> &delta);

    Scenario m_scenario;
    QString m_datasetNote; // the plan's Dataset::Stats line, for the trace
    QList<double> m_ranks;
    std::shared_ptr<SimulatorThread> m_simulator;
    QUrl m_target;
    RaceModel m_model = RaceModel::Concurrent;
    std::unique_ptr<ModelRun> m_run;
    std::unique_ptr<MetricsScraper> m_scraper; // scenario.serverMetrics: the server's /metrics
    qint64 m_liveOriginMonotonicNs = -1; // the run's zero as the live scraper samples use it
    RunResult m_result;
    int m_liveIntervalMs = 0;
    bool m_running = false;
};

} // namespace BurgerBench
