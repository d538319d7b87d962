#include "parallel/race.h"

#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

// ---- RaceSpec --------------------------------------------------------------------------------

double RaceSpec::simulatedIoS() const
{
    const int tokens = simulator.outputTokens > 0 ? simulator.outputTokens : std::max(1, base.maxTokens);
    return (simulator.ttftMs + simulator.prefillUsPerPromptToken * base.promptTokens / 1000.0
               + (tokens - 1) * simulator.tokenIntervalMs)
        / 1000.0;
}

bool RaceSpec::validate(QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (models.isEmpty())
        return fail(QStringLiteral("models: at least one model"));
    if (n < 1 || n > 1000)
        return fail(QStringLiteral("requests: must be from 1 to 1000 (got %1)").arg(n));
    if (!(cpuTaskMs >= 0) || cpuTaskMs > 600e3)
        return fail(QStringLiteral("cpu task ms: must be from 0 to 600000 (got %1)").arg(cpuTaskMs));
    if (cpuOnly && cpuTaskMs <= 0)
        return fail(QStringLiteral("cpu task ms: a CPU-only race needs a CPU time per task"));
    if (concurrency < 0 || concurrency > 1000)
        return fail(QStringLiteral("concurrency: must be from 0 (no cap) to 1000 (got %1)").arg(concurrency));
    if (workers < 1 || workers > 256)
        return fail(QStringLiteral("workers: must be from 1 to 256 (got %1)").arg(workers));
    if (rateLimit < 0 || arrivalRate < 0 || rateLimitBurst < 1)
        return fail(QStringLiteral("rate limit and arrival rate must not be negative, burst at least 1"));
    if (simulator.capacity < 0)
        return fail(QStringLiteral("server capacity must not be negative"));
    if (!url.isEmpty() && (!url.isValid() || url.host().isEmpty()))
        return fail(QStringLiteral("url: expected http://host[:port][/path]"));
    for (RaceModel model : models) {
        TheoryInput in = theoryInputFor(*this, cpuOnly ? 0 : 1.0, 2);
        const Theory t = theoreticalWall(model, in);
        if (!t.valid)
            return fail(QStringLiteral("%1: %2").arg(raceModelName(model), t.error));
    }
    return true;
}

// ---- Setup and theory inputs -------------------------------------------------------------------

TheoryInput theoryInputFor(const RaceSpec &spec, double ioS, int cores)
{
    TheoryInput in;
    in.n = spec.n;
    in.ioS = spec.cpuOnly ? 0 : ioS;
    in.cpuS = spec.cpuTaskMs / 1000.0;
    in.gapS = spec.arrivalRate > 0 ? 1.0 / spec.arrivalRate : 0;
    in.cap = spec.concurrency;
    in.workers = spec.workers;
    in.serverCapacity = spec.url.isEmpty() ? spec.simulator.capacity : 0;
    in.rateLimit = spec.rateLimit;
    in.rateLimitBurst = spec.rateLimitBurst;
    in.cores = cores;
    in.failEvery = spec.url.isEmpty() ? spec.failEvery : 0; // faults only exist in the simulator
    return in;
}

Scenario scenarioFor(const RaceSpec &spec, RaceModel model)
{
    Scenario s = spec.base;
    s.name = spec.name + QStringLiteral(" / ") + raceModelName(model);
    s.url = spec.url;
    s.mode = executionModeFor(model);
    s.cpuOnly = spec.cpuOnly;
    s.jobFailEvery = spec.failEvery;
    s.requests = spec.n;
    s.durationS = 0;
    s.warmup = 0;
    s.concurrency = spec.concurrency > 0 ? spec.concurrency : std::min(spec.n, 1000);
    s.rate = spec.arrivalRate;
    s.burstiness = 0; // constant gaps: the theory's arrivals exactly
    s.rateLimit = spec.cpuOnly ? 0 : spec.rateLimit; // CPU tasks send nothing to limit
    s.rateLimitBurst = spec.rateLimitBurst;
    s.workers = spec.workers;
    s.cpuTaskMs = spec.cpuTaskMs;
    s.simulator = spec.simulator;
    if (spec.url.isEmpty() && spec.simulator.outputTokens > 0)
        s.maxTokens = spec.simulator.outputTokens;
    if (spec.cpuOnly)
        s.rate = 0; // every task is handed out at t = 0
    return s;
}

ModelSetup modelSetupFor(const RaceSpec &spec, RaceModel model, const QUrl &target)
{
    ModelSetup setup = ModelSetup::fromScenario(scenarioFor(spec, model), target, spec.apiKey);
    // The race's words, not the scenario's: parallel-cpu on a workload of requests is refused
    // (RaceSpec::validate, ModelRun::check), never turned into CPU tasks.
    setup.cpuOnly = spec.cpuOnly;
    return setup;
}

// ---- Figures -----------------------------------------------------------------------------------

double RaceFigures::measuredWallS(const RunTrace &trace)
{
    // From the run's measured start (every model sets it: the engine just before its first
    // dispatch, the others at their clock's zero, when all the work is handed out) to the last
    // recorded end of a request or a task.
    qint64 start = trace.measuredStartNs;
    qint64 end = trace.endNs;
    for (const TaskRecord &t : trace.tasks) {
        if (trace.measuredStartNs < 0 && t.queuedNs >= 0 && (start < 0 || t.queuedNs < start))
            start = t.queuedNs;
        end = std::max(end, t.endNs);
    }
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup || r.dispatchNs < 0)
            continue;
        if (trace.measuredStartNs < 0 && (start < 0 || r.dispatchNs < start))
            start = r.dispatchNs;
        end = std::max(end, r.endNs);
    }
    if (start < 0 || end < start)
        return 0;
    return double(end - start) / 1e9;
}

double RaceFigures::busyS(const RunTrace &trace, TaskKind kind)
{
    qint64 sum = 0;
    for (const TaskRecord &t : trace.tasks) {
        if (t.kind == kind && t.startNs >= 0 && t.endNs >= t.startNs)
            sum += t.endNs - t.startNs;
    }
    return double(sum) / 1e9;
}

double RaceFigures::cpuTimeS(const RunTrace &trace)
{
    qint64 sum = 0;
    for (const TaskRecord &t : trace.tasks) {
        if (t.kind != TaskKind::CpuWork || t.startNs < 0 || t.endNs < t.startNs)
            continue;
        sum += t.cpuNs >= 0 ? t.cpuNs : t.endNs - t.startNs;
    }
    return double(sum) / 1e9;
}

double RaceFigures::cpuAskedS(const RunTrace &trace, int cores)
{
    std::vector<std::pair<qint64, int>> edges; // (time, +1 start / -1 end); ends first at ties
    for (const TaskRecord &t : trace.tasks) {
        if (t.kind == TaskKind::CpuWork && t.startNs >= 0 && t.endNs > t.startNs) {
            edges.emplace_back(t.startNs, +1);
            edges.emplace_back(t.endNs, -1);
        }
    }
    std::sort(edges.begin(), edges.end());
    const int c = std::max(1, cores);
    qint64 asked = 0;
    int running = 0;
    for (size_t i = 0; i < edges.size(); ++i) {
        if (i > 0)
            asked += qint64(std::min(running, c)) * (edges[i].first - edges[i - 1].first);
        running += edges[i].second;
    }
    return double(asked) / 1e9;
}

bool RaceFigures::cpuStarved(double gotS, double askedS)
{
    return askedS > 0 && gotS < askedS * StarvedShare && askedS - gotS >= StarvedMinS;
}

double RaceFigures::maxLoopLagMs(const RunTrace &trace)
{
    qint64 worst = 0;
    for (const LagSample &s : trace.loopLag)
        worst = std::max(worst, s.lagNs);
    return double(worst) / 1e6;
}

int RaceFigures::peakAtOnce(const RunTrace &trace, TaskKind kind)
{
    BurgerBench::Overlap running; // trace/overlap.h: ends before starts at ties
    for (const TaskRecord &t : trace.tasks) {
        if (t.kind == kind && t.startNs >= 0 && t.endNs > t.startNs)
            running.add(t.startNs, t.endNs);
    }
    return running.peak();
}

void RaceFigures::fill(RaceEntry *e)
{
    const RunTrace &t = e->result.trace;
    e->measuredS = measuredWallS(t);
    e->cpuBusyS = cpuTimeS(t);
    e->cpuWallS = busyS(t, TaskKind::CpuWork);
    e->cpuAskedS = cpuAskedS(t, t.cpuCount > 0 ? t.cpuCount : QThread::idealThreadCount());
    e->heldS = busyS(t, TaskKind::HeldWaiting);
    e->avgParallelism = e->measuredS > 0 ? e->cpuBusyS / e->measuredS : 0;
    e->coresAsked = e->measuredS > 0 ? e->cpuAskedS / e->measuredS : 0;
    e->cpuShare = e->cpuAskedS > 0 ? std::min(1.0, e->cpuBusyS / e->cpuAskedS) : 1.0;
    e->cpuStarved = cpuStarved(e->cpuBusyS, e->cpuAskedS);
    e->maxLoopLagMs = maxLoopLagMs(t);
    e->peakTasksAtOnce = peakAtOnce(t, TaskKind::CpuWork);
    e->efficiency = e->measuredS > 0 && e->theory.valid ? e->theory.wallS / e->measuredS : 0;
}

// ---- JSON --------------------------------------------------------------------------------------

QJsonObject raceSpecToJson(const RaceSpec &spec)
{
    QJsonArray models;
    for (RaceModel m : spec.models)
        models.append(raceModelName(m));
    QJsonObject o {
        { QStringLiteral("name"), spec.name },
        { QStringLiteral("models"), models },
        { QStringLiteral("n"), spec.n },
        { QStringLiteral("cpu_only"), spec.cpuOnly },
        { QStringLiteral("cpu_task_ms"), spec.cpuTaskMs },
        { QStringLiteral("concurrency_cap"), spec.concurrency },
        { QStringLiteral("rate_limit"), spec.rateLimit },
        { QStringLiteral("rate_limit_burst"), spec.rateLimitBurst },
        { QStringLiteral("arrival_rate"), spec.arrivalRate },
        { QStringLiteral("workers"), spec.workers },
        { QStringLiteral("fail_every"), spec.failEvery },
        { QStringLiteral("target"),
            spec.url.isEmpty() ? QStringLiteral("built-in simulator")
                               : spec.url.toString(QUrl::RemoveUserInfo) },
    };
    if (spec.url.isEmpty()) {
        o.insert(QStringLiteral("simulator"),
            QJsonObject { { QStringLiteral("ttft_ms"), spec.simulator.ttftMs },
                { QStringLiteral("token_interval_ms"), spec.simulator.tokenIntervalMs },
                { QStringLiteral("output_tokens"), spec.simulator.outputTokens },
                { QStringLiteral("capacity"), spec.simulator.capacity },
                { QStringLiteral("io_s"), spec.simulatedIoS() } });
    }
    return o;
}

QJsonObject raceEntryToJson(const RaceEntry &e)
{
    QJsonObject o {
        { QStringLiteral("model"), raceModelName(e.model) },
        { QStringLiteral("ran"), e.ran },
    };
    if (!e.error.isEmpty())
        o.insert(QStringLiteral("error"), e.error);
    if (!e.ran)
        return o;
    o.insert(QStringLiteral("measured_s"), e.measuredS);
    o.insert(QStringLiteral("theoretical_s"), e.theory.wallS);
    o.insert(QStringLiteral("formula"), e.theory.formula);
    o.insert(QStringLiteral("theory_lanes"), e.theory.lanes);
    o.insert(QStringLiteral("io_s"), e.ioS);
    o.insert(QStringLiteral("io_estimated"), e.ioEstimated);
    o.insert(QStringLiteral("efficiency"), e.efficiency);
    o.insert(QStringLiteral("speedup_vs_sequential"), e.speedup);
    QString basis = e.speedupFromTheory ? QStringLiteral("theoretical sequential")
                                        : QStringLiteral("measured sequential");
    if (e.sequentialShare < 1)
        basis += QStringLiteral(" x %1 (the jobs that do their work)").arg(e.sequentialShare, 0, 'g', 4);
    o.insert(QStringLiteral("speedup_basis"), basis);
    o.insert(QStringLiteral("sequential_share"), e.sequentialShare);
    o.insert(QStringLiteral("cpu_busy_s"), e.cpuBusyS);
    o.insert(QStringLiteral("cpu_wall_s"), e.cpuWallS);
    o.insert(QStringLiteral("cpu_asked_s"), e.cpuAskedS);
    o.insert(QStringLiteral("held_waiting_s"), e.heldS);
    o.insert(QStringLiteral("avg_parallelism"), e.avgParallelism);
    o.insert(QStringLiteral("cores_asked"), e.coresAsked);
    o.insert(QStringLiteral("cpu_share"), e.cpuShare);
    o.insert(QStringLiteral("cpu_starved"), e.cpuStarved);
    o.insert(QStringLiteral("peak_cpu_tasks_at_once"), e.peakTasksAtOnce);
    o.insert(QStringLiteral("max_loop_lag_ms"), e.maxLoopLagMs);
    o.insert(QStringLiteral("cpu_count"), e.result.trace.cpuCount);
    QJsonArray owners;
    for (qint32 owner : e.result.taskOwner)
        owners.append(owner);
    o.insert(QStringLiteral("task_owner"), owners);
    if (!e.result.trace.jobs.empty()) {
        QJsonArray jobs;
        auto ns = [](qint64 v) { return v >= 0 ? QJsonValue(double(v)) : QJsonValue(QJsonValue::Null); };
        for (const JobRecord &j : e.result.trace.jobs) {
            QJsonObject jo { { QStringLiteral("id"), QString::fromLatin1(j.id) },
                { QStringLiteral("status"), jobStatusName(j.status) },
                { QStringLiteral("accepted_ns"), ns(j.acceptedNs) },
                { QStringLiteral("started_ns"), ns(j.startedNs) },
                { QStringLiteral("ended_ns"), ns(j.endedNs) },
                { QStringLiteral("seen_ended_ns"), ns(j.seenEndedNs) },
                { QStringLiteral("request"), j.request } };
            if (!j.message.isEmpty())
                jo.insert(QStringLiteral("message"), j.message);
            jobs.append(jo);
        }
        o.insert(QStringLiteral("jobs"), jobs);
    }
    return o;
}

} // namespace BurgerBench
