#pragma once

#include "sim/simulatorsettings.h"
#include "workload/workloadsettings.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace BurgerBench {

// How requests are executed. Sequential and Concurrent run on the network event loop; the
// others are the parallel models of the teaching race.
enum class ExecutionMode : quint8 {
    Sequential, // one request at a time
    Concurrent, // N in flight on one event loop
    ParallelBlocking, // W worker threads, each doing one blocking request at a time
    ParallelCpu, // CPU-bound tasks on QtConcurrent over the cores
    Mixed, // requests on the loop, responses post-processed on QtConcurrent
    AntiPattern, // the same CPU work run on the event-loop thread
    BackgroundJobs, // jobs accepted at once, run by W blocking workers, their status polled
};

// Chat = /v1/chat/completions, Completions = /v1/completions, Responses = OpenAI's Responses API
// (/v1/responses, protocol/responsesevents.h).
enum class Endpoint : quint8 { Chat, Completions, Responses };
// How the load engine talks HTTP: QNetworkAccessManager (the default), or its own HTTP/1.1 on
// QTcpSocket in the engine thread (engine/sockettransport.h).
enum class Transport : quint8 { Qnam, Socket };
enum class ErrorPolicy : quint8 { CollectAll, FailFast };

QString executionModeName(ExecutionMode mode);
bool executionModeFromName(const QString &name, ExecutionMode *mode);
// "chat", "completions", "responses": the scenario's target.endpoint and --endpoint.
QString endpointName(Endpoint endpoint);
bool endpointFromName(const QString &name, Endpoint *endpoint);

struct Slo
{
    double ttftMs = 0; // 0 = not set
    double tpotMs = 0;
    double e2elMs = 0;
    bool any() const { return ttftMs > 0 || tpotMs > 0 || e2elMs > 0; }
};

// A run's full description. Serialised as JSON with "schema": "burgerbench.scenario/1";
// every field is validated and an unknown field is an error naming it.
struct Scenario
{
    static constexpr int SchemaVersion = 1;
    // load.concurrency's bounds: QNAM opens one HTTP thread per 6 connections, so it stops at
    // MaxQnamConcurrency; the socket transport's lanes are sockets on the engine's own loop.
    static constexpr int MaxQnamConcurrency = 1000;
    static constexpr int MaxConcurrency = 10000;
    static QString schemaId();

    QString name = QStringLiteral("Untitled");

    // Target. An empty url means the built-in simulator, started in-process.
    QUrl url;
    QString model = QStringLiteral("burger-7b");
    Endpoint endpoint = Endpoint::Chat;
    QString apiKeyEnv = QStringLiteral("OPENAI_API_KEY");
    QMap<QString, QString> headers; // extra request headers (never Authorization)
    bool http2 = false; // HTTP/2 cleartext with prior knowledge (h2c)
    Transport transport = Transport::Qnam; // target.transport: "qnam" | "socket"
    // target.tls: PEM CAs trusted besides the system's (--ca-file), and no verification at all
    // (--insecure, said loudly wherever the run is shown). engine/tlstrust.h reads them.
    QString tlsCaFile;
    bool tlsInsecure = false;
    // The server's own Prometheus metrics, scraped while the run happens (session/metricsscraper.h):
    // empty = off, "auto" = the target's origin + /metrics (the built-in simulator's when url is
    // empty), or an http:// or https:// URL.
    QString serverMetrics;
    int serverMetricsIntervalMs = 500;
    QStringList serverMetricNames; // series kept besides the known servers' vocabulary

    // Load.
    ExecutionMode mode = ExecutionMode::Concurrent;
    int concurrency = 1; // cap on requests in flight (closed loop size)
    int requests = 0; // measured requests; 0 = bounded by duration
    double durationS = 0; // 0 = bounded by requests
    double rate = 0; // open loop, requests/s; 0 = closed loop
    double burstiness = 1; // Gamma shape k; 0 = constant gaps (k = infinity)
    int warmup = 0; // warm-up requests, excluded from statistics
    // Requests between post() and "request sent" at once; more wait at the gate, recorded as
    // client queue time. Small keeps start-to-wire short (TTFT honest); 0 = no limit (raw req/s).
    int sendWindow = 4;
    quint64 seed = 42; // arrival schedule and retry jitter

    // Request.
    bool stream = true;
    int maxTokens = 64;
    bool ignoreEos = false;
    QString prompt; // empty = generated from promptTokens
    int promptTokens = 32;
    // Streamed text kept per request (characters, request.keep_text_bytes, --keep-text): the details
    // pane's answer and a multi-turn history's; 0 keeps none.
    static constexpr int KeepTextHead = 4096;
    static constexpr int KeepTextAll = 64 * 1024 * 1024;
    int keepTextBytes = KeepTextHead;

    // Varied traffic (workload/): per-request prompt lengths, max_tokens, shared prefixes or a
    // dataset; inactive by default, when every request sends the fields above.
    WorkloadSettings workload;

    // Resilience.
    double timeoutS = 600; // total deadline per attempt
    double idleTimeoutS = 60; // inactivity timeout per attempt
    int retries = 0; // extra attempts after a retryable failure
    double retryBaseMs = 250; // exponential backoff base, full jitter
    double retryMaxMs = 10000;
    double rateLimit = 0; // client token bucket, requests/s; 0 = off
    int rateLimitBurst = 1;
    ErrorPolicy errorPolicy = ErrorPolicy::CollectAll;
    qint64 maxResponseBytes = 64 * 1024 * 1024;
    // Issue 15: one streamed (SSE) line or event at most this long, enforced as bytes arrive
    // (resilience.max_event_bytes); and all attempts in flight together hold at most this many
    // body bytes not yet parsed or kept whole (resilience.max_buffered_bytes): past it, the
    // attempt holding the most is failed (buffer_budget).
    qint64 maxEventBytes = 1024 * 1024;
    qint64 maxBufferedBytes = 256 * 1024 * 1024;

    // Parallel models (docs/race.md).
    int workers = 4; // blocking workers (parallel-blocking, background-jobs)
    double cpuTaskMs = 0; // CPU work per task/response, calibrated at start
    bool cpuOnly = false; // the workload is `requests` CPU tasks, no requests (implied by parallel-cpu)
    int cpuSliceMs = 20; // concurrent CPU-only: how long a task runs before yielding to the loop
    int jobFailEvery = 0; // background-jobs on the simulator: every k-th job's call fails (0 = none)
    int jobPollMs = 100; // background-jobs: the client's status poll interval

    // Metrics.
    QList<double> percentiles { 50, 90, 95, 99 };
    Slo slo;

    // Built-in simulator (used when url is empty, or by `simulate`).
    SimulatorSettings simulator;

    bool usesSimulator() const { return url.isEmpty(); }
    // The workload is `requests` CPU tasks and no requests: asked for, or implied by parallel-cpu.
    bool cpuTasksOnly() const { return cpuOnly || mode == ExecutionMode::ParallelCpu; }

    // Parses and validates; on failure returns false and sets *error to a message naming the
    // offending field, e.g. "concurrency: must be an integer from 1 to 1000 (got 0)".
    static bool fromJson(const QJsonObject &json, Scenario *out, QString *error);
    static bool load(const QString &path, Scenario *out, QString *error);
    QJsonObject toJson() const;
    // Checks cross-field rules (also done by fromJson); used after CLI flags override fields.
    bool validate(QString *error) const;
    // The workload section's rules (part of validate()).
    bool validateWorkload(QString *error) const;
    // Multi-turn sessions and timestamped replay (part of validateWorkload()).
    bool validateSessions(QString *error) const;
};

} // namespace BurgerBench
