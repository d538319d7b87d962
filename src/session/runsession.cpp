#include "session/runsession.h"

#include "engine/requestbody.h"
#include "engine/tlstrust.h"
#include "engine/tokenprobe.h"
#include "parallel/cpuwork.h"
#include "session/metricsscraper.h"
#include "sim/simulator.h"
#include "workload/sessionplan.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QMetaObject>

Q_LOGGING_CATEGORY(lcSession, "burgerbench.session", QtWarningMsg)

namespace BurgerBench {

RunSession::RunSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const BurgerBench::LiveDelta>>();
    qRegisterMetaType<BurgerBench::JobStatus>();
}

RunSession::~RunSession()
{
    if (m_run && m_run->isRunning())
        m_run->cancel();
    m_run.reset(); // joins any worker threads
    m_simulator.reset(); // ours, or our share of the caller's
}

bool RunSession::check(const Scenario &scenario, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QString message;
    if (!scenario.validate(&message))
        return fail(message);
    if (!TlsTrust::check(scenario, &message)) // the CA files, read now rather than mid-run
        return fail(message);
    const ModelSetup setup = ModelSetup::fromScenario(scenario, QUrl(), QByteArray());
    if (!ModelRun::check(setup, &message))
        return fail(message);
    if (ModelRun::runsOnEngine(setup))
        return true;

    // The fields these models would silently ignore: refuse them, naming the field and why.
    const QString mode = executionModeName(scenario.mode);
    const QString what = setup.cpuOnly ? QStringLiteral("%1 with CPU tasks only").arg(mode) : mode;
    if (scenario.workload.sessionRun())
        return fail(QStringLiteral("workload.sessions: multi-turn sessions run on the load engine (modes "
                                   "sequential, concurrent, mixed, anti-pattern), not %1")
                        .arg(what));
    if (scenario.workload.replay == QLatin1String("on"))
        return fail(QStringLiteral("workload.replay: a timestamped replay runs on the load engine (modes "
                                   "sequential, concurrent, mixed, anti-pattern), not %1")
                        .arg(what));
    if (scenario.durationS > 0)
        return fail(QStringLiteral("load.duration_s: %1 runs a fixed number of orders and cannot stop on a "
                                   "duration; use load.requests (or the sequential, concurrent, mixed or "
                                   "anti-pattern modes)")
                        .arg(what));
    if (scenario.requests <= 0)
        return fail(QStringLiteral("load.requests: %1 runs a fixed number of %2; set load.requests")
                        .arg(what, setup.cpuOnly ? QStringLiteral("tasks") : QStringLiteral("requests")));
    if (scenario.warmup > 0)
        return fail(QStringLiteral("load.warmup: %1 has no warm-up requests; set it to 0").arg(what));
    if (setup.cpuOnly) {
        if (scenario.rate > 0)
            return fail(
                QStringLiteral("load.rate: %1 hands every task out at the start; set it to 0").arg(what));
        if (scenario.rateLimit > 0)
            return fail(QStringLiteral("resilience.rate_limit: %1 sends no requests to limit; set it to 0")
                            .arg(what));
        return true;
    }
    if (scenario.rate > 0 && scenario.burstiness != 0)
        return fail(
            QStringLiteral("load.burstiness: %1 sends open-loop arrivals with constant gaps only; set "
                           "load.burstiness to 0 (got %2)")
                .arg(what)
                .arg(scenario.burstiness));
    if (scenario.retries > 0)
        return fail(
            QStringLiteral("resilience.retries: %1's blocking client does not retry; set it to 0").arg(what));
    if (scenario.errorPolicy == ErrorPolicy::FailFast)
        return fail(QStringLiteral("resilience.error_policy: %1 runs every order to its end; use collect-all")
                        .arg(what));
    if (scenario.http2)
        return fail(QStringLiteral("target.http2: %1's blocking client speaks HTTP/1.1 only").arg(what));
    return true;
}

bool RunSession::start(const RunRequest &request, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_running)
        return fail(QStringLiteral("a run is already in progress"));
    QString message;
    if (!check(request.scenario, &message))
        return fail(message);
    m_scenario = request.scenario;
    m_datasetNote.clear();
    m_ranks = m_scenario.percentiles;
    for (double rank : request.extraPercentiles) {
        if (!m_ranks.contains(rank))
            m_ranks.append(rank);
    }
    m_result = RunResult();

    ModelSetup setup = ModelSetup::fromScenario(m_scenario, QUrl(), request.apiKey);
    m_model = setup.model;
    m_target = QUrl();
    m_simulator.reset();
    if (!setup.cpuOnly) {
        if (!m_scenario.usesSimulator()) {
            m_target = m_scenario.url;
        } else if (request.simulator) {
            m_simulator = request.simulator; // the caller's: it resets it between runs
            m_target = m_simulator->url();
        } else {
            // Ours for this run; start() blocks only until it listens on its own thread.
            auto simulator = std::make_shared<SimulatorThread>();
            if (!simulator->start(m_scenario.simulator, &message))
                return fail(QStringLiteral("cannot start the built-in simulator: %1").arg(message));
            m_simulator = std::move(simulator);
            m_target = m_simulator->url();
        }
    }
    setup.target = m_target;
    if (!setup.cpuOnly && m_scenario.workload.active()) {
        // Before any clock runs: how the target counts tokens, then the plan read once (its
        // dataset included) for whichever model sends it.
        const TokenProbe::Result probe = TokenProbe::measure(m_scenario, m_target, request.apiKey);
        qCDebug(lcSession) << "token counts:" << countSourceName(probe.model.source)
                           << probe.model.bytesPerToken << "bytes/token +" << probe.model.overheadTokens
                           << probe.note;
        m_scenario.workload.tokens = probe.model;
        setup.scenario.workload.tokens = probe.model;
        setup.plan = RequestBody::plan(setup.scenario, &message);
        m_datasetNote = setup.plan ? setup.plan->datasetNote() : QString();
        if (!setup.plan) {
            m_simulator.reset();
            return fail(message);
        }
        // A dataset with timestamps replays on them (workload.replay auto): only the engine can.
        std::vector<ReplayArrival> arrivals;
        if (!ModelRun::runsOnEngine(setup)
            && (!replayArrivals(setup.plan->rows(), m_scenario.workload, m_scenario.rate, &arrivals, &message)
                || !arrivals.empty())) {
            m_simulator.reset();
            return fail(arrivals.empty()
                    ? message
                    : QStringLiteral("workload.replay: the dataset has timestamps, and a "
                                     "replay runs on the load engine, not %1; set "
                                     "workload.replay to off (--replay off)")
                          .arg(executionModeName(m_scenario.mode)));
        }
    }
    // Calibrate the CPU work now (~0.2 s once per process), before any model's clock runs.
    if (m_scenario.cpuTaskMs > 0)
        CpuWork::roundsPerMs();

    m_run = ModelRun::create(setup, &message);
    if (!m_run) {
        m_simulator.reset();
        return fail(message);
    }
    connect(m_run.get(), &ModelRun::finished, this, &RunSession::onModelFinished, Qt::QueuedConnection);
    connect(m_run.get(), &ModelRun::liveUpdate, this, &RunSession::publishLive);
    connect(m_run.get(), &ModelRun::jobStatusChanged, this, &RunSession::jobStatusChanged);
    m_run->setLiveInterval(m_liveIntervalMs);
    qCDebug(lcSession) << "start" << m_scenario.name << raceModelName(m_model) << m_target;
    // The server's own /metrics: the baseline scrape is taken here, before the model's clock runs.
    const QUrl metricsUrl = serverMetricsUrl(m_scenario.serverMetrics, m_target);
    m_scraper.reset();
    m_liveOriginMonotonicNs = -1;
    if (metricsUrl.isValid()) {
        ScrapeConfig config;
        config.url = metricsUrl;
        config.intervalMs = m_scenario.serverMetricsIntervalMs;
        for (const QString &name : std::as_const(m_scenario.serverMetricNames))
            config.extraNames.append(name.toUtf8());
        QString unused; // check() refused a trust file that cannot be read
        if (metricsUrl.scheme() == QLatin1String("https"))
            TlsTrust::configuration(m_scenario, &config.tls, &unused);
        m_scraper = std::make_unique<MetricsScraper>();
        m_scraper->start(config);
    }
    if (!m_run->start(&message)) {
        m_scraper.reset();
        m_run.reset();
        m_simulator.reset();
        return fail(message);
    }
    m_running = true;
    return true;
}

void RunSession::publishLive(const std::shared_ptr<const LiveDelta> &delta)
{
    if (!m_scraper || !delta) {
        emit liveUpdate(delta);
        return;
    }
    // The run's clock zero, read once from the first update (its nowNs was read a moment ago on
    // this thread): the live samples' times; the final record is aligned on the trace's own origin.
    if (m_liveOriginMonotonicNs < 0)
        m_liveOriginMonotonicNs = QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs() - delta->nowNs;
    std::shared_ptr<const LiveServerMetrics> server = m_scraper->takeLive(m_liveOriginMonotonicNs);
    if (!server) {
        emit liveUpdate(delta);
        return;
    }
    auto withServer = std::make_shared<LiveDelta>(*delta);
    withServer->server = std::move(server);
    emit liveUpdate(std::shared_ptr<const LiveDelta>(std::move(withServer)));
}

void RunSession::cancel()
{
    if (m_run && m_running)
        m_run->cancel();
}

Progress RunSession::progress() const
{
    if (m_run && m_running)
        return m_run->progress();
    Progress p = progressOf(m_result.trace, m_result.trace.endNs);
    return p;
}

void RunSession::onModelFinished()
{
    if (!m_run)
        return;
    ModelResult result = m_run->takeResult();
    m_run.reset();
    m_result.trace = std::move(result.trace);
    m_result.taskOwner = std::move(result.taskOwner);
    RunTrace &trace = m_result.trace;
    // The run as asked for: the scenario the user gave (a model may have adjusted its own copy,
    // e.g. the mode a race model records), and where the requests went, without credentials.
    trace.scenario.mode = m_scenario.mode;
    if (trace.targetUrl.isEmpty() && m_target.isValid())
        trace.targetUrl = m_target.toString(QUrl::RemoveUserInfo);
    trace.datasetNote = m_datasetNote;
    if (m_scraper) { // a final scrape, while the simulator still runs
        trace.serverMetrics = m_scraper->stop(trace.clockOriginMonotonicNs);
        m_scraper.reset();
    }
    m_result.summary = computeSummary(trace, m_ranks, m_scenario.slo);
    m_simulator.reset();
    m_running = false;
    qCDebug(lcSession) << "finished" << trace.requests.size() << "requests" << trace.tasks.size() << "tasks";
    emit finished();
}

RunResult RunSession::takeResult()
{
    return std::move(m_result);
}

} // namespace BurgerBench
