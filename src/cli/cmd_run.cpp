#include "cli/commands.h"
#include "cli/summaryprinter.h"

#include "metrics/summary.h"
#include "metrics/threshold.h"
#include "session/runsession.h"

#if __has_include("report/jsonreport.h")
#include "report/csvreport.h"
#include "report/jsonreport.h"
#define BURGERBENCH_HAVE_JSON_REPORT 1
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <optional>

#include <unistd.h>

namespace BurgerBench::Cli {

namespace {

// Parses one numeric flag; a bad value is an error naming the flag.
struct FlagReader
{
    QCommandLineParser &parser;
    QString error;

    template<typename T> void number(const QString &name, T *out, double min, double max)
    {
        if (!error.isEmpty() || !parser.isSet(name))
            return;
        bool ok = false;
        const double v = parser.value(name).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < min || v > max) {
            error = QStringLiteral("--%1: expected a number from %2 to %3 (got \"%4\")")
                        .arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(parser.value(name));
            return;
        }
        if constexpr (std::is_integral_v<T>) {
            if (v != std::floor(v)) {
                error = QStringLiteral("--%1: expected a whole number (got \"%2\")")
                            .arg(name, parser.value(name));
                return;
            }
        }
        *out = T(v);
    }

    // Seconds, with an optional unit: "90", "90s", "1500ms", "2m", "1h".
    void seconds(const QString &name, double *out, double max)
    {
        if (!error.isEmpty() || !parser.isSet(name))
            return;
        QString text = parser.value(name).trimmed();
        double scale = 1;
        if (text.endsWith(QLatin1String("ms"))) {
            scale = 0.001;
            text.chop(2);
        } else if (text.endsWith(u's')) {
            text.chop(1);
        } else if (text.endsWith(u'm')) {
            scale = 60;
            text.chop(1);
        } else if (text.endsWith(u'h')) {
            scale = 3600;
            text.chop(1);
        }
        bool ok = false;
        const double v = text.toDouble(&ok) * scale;
        if (!ok || !std::isfinite(v) || v <= 0) {
            error = QStringLiteral(
                "--%1: expected a positive duration such as 30, 30s, 500ms or 2m (got \"%2\")")
                        .arg(name, parser.value(name));
            return;
        }
        if (v > max) {
            error = QStringLiteral("--%1: at most %2 s (%3 h) (got \"%4\")")
                        .arg(name)
                        .arg(max, 0, 'f', 0)
                        .arg(max / 3600, 0, 'f', 0)
                        .arg(parser.value(name));
            return;
        }
        *out = v;
    }
};

bool applyFaultFlag(const QString &spec, SimulatorFaults *faults, QString *error)
{
    const qsizetype eq = spec.indexOf(u'=');
    const QString name = spec.left(eq).trimmed();
    bool ok = false;
    const double p = eq > 0 ? spec.mid(eq + 1).toDouble(&ok) : 0;
    if (eq <= 0 || !ok || p < 0 || p > 1) {
        *error = QStringLiteral(
            "--sim-fault: expected NAME=PROBABILITY with a probability from 0 to 1 (got \"%1\")")
                     .arg(spec);
        return false;
    }
    struct
    {
        const char *name;
        double SimulatorFaults::*field;
    } const table[] = { { "http_429", &SimulatorFaults::http429 }, { "http_500", &SimulatorFaults::http500 },
        { "http_503", &SimulatorFaults::http503 }, { "reset", &SimulatorFaults::reset },
        { "stall", &SimulatorFaults::stall }, { "malformed", &SimulatorFaults::malformed },
        { "stream_error", &SimulatorFaults::streamError },
        { "missing_done", &SimulatorFaults::missingDone } };
    for (const auto &entry : table) {
        if (name == QLatin1String(entry.name)) {
            faults->*entry.field = p;
            return true;
        }
    }
    *error = QStringLiteral("--sim-fault: unknown fault \"%1\" (http_429, http_500, http_503, reset, stall, "
                            "malformed, stream_error, missing_done)")
                 .arg(name);
    return false;
}

} // namespace

int cmdRun(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burgerbench-cli run"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURGERBENCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fire concurrent requests at an OpenAI-compatible endpoint and measure every streamed token.\n"
        "Without --url the built-in simulator is started in-process."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> options {
        { QStringLiteral("scenario"), QStringLiteral("Scenario JSON file; flags override its fields."),
            QStringLiteral("file") },
        { QStringLiteral("url"),
            QStringLiteral("Target base URL (http://host:port or .../v1) or full endpoint URL."),
            QStringLiteral("url") },
        { QStringLiteral("model"), QStringLiteral("Model name sent in each request."),
            QStringLiteral("name") },
        { QStringLiteral("endpoint"), QStringLiteral("chat (default) or completions."),
            QStringLiteral("kind") },
        { QStringLiteral("api-key-env"),
            QStringLiteral("Environment variable holding the API key (default OPENAI_API_KEY)."),
            QStringLiteral("name") },
        { QStringLiteral("header"), QStringLiteral("Extra request header, repeatable."),
            QStringLiteral("name:value") },
        { QStringLiteral("http2"), QStringLiteral("Use HTTP/2 (h2c prior knowledge on http://).") },
        { QStringLiteral("mode"),
            QStringLiteral("Execution model: sequential, concurrent (default), parallel-blocking, "
                           "parallel-cpu, mixed, anti-pattern or background-jobs (docs/race.md)."),
            QStringLiteral("mode") },
        { QStringLiteral("workers"),
            QStringLiteral("Blocking worker threads (parallel-blocking, background-jobs; default 4)."),
            QStringLiteral("n") },
        { QStringLiteral("cpu-task-ms"),
            QStringLiteral("CPU work per task or per response, ms of real CPU (parallel-cpu, mixed, "
                           "anti-pattern, sequential)."),
            QStringLiteral("ms") },
        { QStringLiteral("cpu-only"),
            QStringLiteral(
                "The workload is --requests CPU tasks and no requests (implied by parallel-cpu).") },
        { QStringLiteral("requests"), QStringLiteral("Measured requests."), QStringLiteral("n") },
        { QStringLiteral("duration"), QStringLiteral("Run for this long instead (e.g. 30s, 2m)."),
            QStringLiteral("time") },
        { QStringLiteral("concurrency"), QStringLiteral("Requests in flight at once, 1 to 1000."),
            QStringLiteral("n") },
        { QStringLiteral("rate"), QStringLiteral("Open loop: arrivals per second (0 = closed loop)."),
            QStringLiteral("r") },
        { QStringLiteral("send-window"),
            QStringLiteral("Requests being sent at once (default 4; 0 = no limit: more raw req/s, TTFT "
                           "includes the client's own send queue)."),
            QStringLiteral("n") },
        { QStringLiteral("burstiness"),
            QStringLiteral("Gamma shape of the arrival gaps (1 = Poisson, 0 = constant)."),
            QStringLiteral("k") },
        { QStringLiteral("stream"), QStringLiteral("Stream the responses (default).") },
        { QStringLiteral("no-stream"), QStringLiteral("Ask for whole responses.") },
        { QStringLiteral("max-tokens"), QStringLiteral("Output tokens asked for."), QStringLiteral("n") },
        { QStringLiteral("ignore-eos"), QStringLiteral("Ask for fixed-length outputs (ignore_eos).") },
        { QStringLiteral("prompt"), QStringLiteral("Prompt text."), QStringLiteral("text") },
        { QStringLiteral("prompt-tokens"), QStringLiteral("Generate a prompt of this many words."),
            QStringLiteral("n") },
        { QStringLiteral("warmup"), QStringLiteral("Warm-up requests, excluded from statistics."),
            QStringLiteral("n") },
        { QStringLiteral("timeout"), QStringLiteral("Total deadline per attempt (e.g. 600s)."),
            QStringLiteral("time") },
        { QStringLiteral("idle-timeout"), QStringLiteral("Inactivity timeout per attempt (e.g. 60s)."),
            QStringLiteral("time") },
        { QStringLiteral("retries"),
            QStringLiteral("Retries for retryable failures (backoff with jitter, honours Retry-After)."),
            QStringLiteral("n") },
        { QStringLiteral("rate-limit"),
            QStringLiteral("Client rate limit, requests per second (token bucket)."), QStringLiteral("r") },
        { QStringLiteral("rate-limit-burst"), QStringLiteral("Token bucket size."), QStringLiteral("n") },
        { QStringLiteral("fail-fast"), QStringLiteral("The first failure cancels the rest of the run.") },
        { QStringLiteral("percentiles"), QStringLiteral("Comma-separated percentiles (default 50,90,95,99)."),
            QStringLiteral("list") },
        { QStringLiteral("slo-ttft"), QStringLiteral("Goodput SLO on TTFT, ms."), QStringLiteral("ms") },
        { QStringLiteral("slo-tpot"), QStringLiteral("Goodput SLO on TPOT, ms."), QStringLiteral("ms") },
        { QStringLiteral("slo-e2el"), QStringLiteral("Goodput SLO on E2EL, ms."), QStringLiteral("ms") },
        { QStringLiteral("seed"), QStringLiteral("Seed of the arrival schedule and retry jitter."),
            QStringLiteral("n") },
        { QStringLiteral("json"), QStringLiteral("Write the full run as JSON (atomically)."),
            QStringLiteral("file") },
        { QStringLiteral("csv"), QStringLiteral("Write one CSV row per request (atomically)."),
            QStringLiteral("file") },
        { QStringLiteral("fail-if"),
            QStringLiteral("Exit 1 if this holds, e.g. ttft.p99>500ms, failed>0, error_rate>1%. Repeatable."),
            QStringLiteral("rule") },
        { QStringLiteral("progress"), QStringLiteral("auto (default), tty, plain or off."),
            QStringLiteral("how") },
        { QStringLiteral("sim-ttft-ms"), QStringLiteral("Simulator: time to first token."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-token-interval-ms"), QStringLiteral("Simulator: time between tokens."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-jitter-ms"), QStringLiteral("Simulator: +- jitter on each token interval."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-output-tokens"),
            QStringLiteral("Simulator: tokens per response (0 = max_tokens)."), QStringLiteral("n") },
        { QStringLiteral("sim-capacity"),
            QStringLiteral("Simulator: sequences served at once (0 = unlimited)."), QStringLiteral("n") },
        { QStringLiteral("sim-fault"),
            QStringLiteral("Simulator fault probability, e.g. http_429=0.1. Repeatable."),
            QStringLiteral("name=p") },
    };
    parser.addOptions(options);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(parser.errorText()));
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Ok;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("burgerbench-cli %s\n", BURGERBENCH_VERSION);
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "burgerbench-cli run: unexpected argument \"%s\"\n",
            qPrintable(parser.positionalArguments().constFirst()));
        return BadUsage;
    }

    auto usageError = [](const QString &message) {
        std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(message));
        return int(BadUsage);
    };

    Scenario scenario;
    scenario.name = QStringLiteral("Command line");
    scenario.requests = 100;
    scenario.concurrency = 8;
    if (parser.isSet(QStringLiteral("scenario"))) {
        QString error;
        if (!Scenario::load(parser.value(QStringLiteral("scenario")), &scenario, &error))
            return usageError(error);
    }

    FlagReader f { parser, {} };
    if (parser.isSet(QStringLiteral("url"))) {
        const QString text = parser.value(QStringLiteral("url"));
        scenario.url = QUrl(text, QUrl::StrictMode);
        if (!scenario.url.isValid() || scenario.url.host().isEmpty()
            || (scenario.url.scheme() != QLatin1String("http")
                && scenario.url.scheme() != QLatin1String("https")))
            return usageError(
                QStringLiteral("--url: expected http://host[:port][/path] or https://... (got \"%1\")")
                    .arg(QUrl(text).toString(QUrl::RemoveUserInfo)));
    }
    if (parser.isSet(QStringLiteral("model")))
        scenario.model = parser.value(QStringLiteral("model"));
    if (parser.isSet(QStringLiteral("endpoint"))) {
        const QString e = parser.value(QStringLiteral("endpoint"));
        if (e == QLatin1String("chat"))
            scenario.endpoint = Endpoint::Chat;
        else if (e == QLatin1String("completions"))
            scenario.endpoint = Endpoint::Completions;
        else
            return usageError(QStringLiteral("--endpoint: expected chat or completions (got \"%1\")").arg(e));
    }
    if (parser.isSet(QStringLiteral("api-key-env")))
        scenario.apiKeyEnv = parser.value(QStringLiteral("api-key-env"));
    for (const QString &h : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = h.indexOf(u':');
        if (colon <= 0)
            return usageError(QStringLiteral("--header: expected name:value (got \"%1\")").arg(h));
        scenario.headers.insert(h.left(colon).trimmed(), h.mid(colon + 1).trimmed());
    }
    if (parser.isSet(QStringLiteral("http2")))
        scenario.http2 = true;
    if (parser.isSet(QStringLiteral("mode"))) {
        const QString m = parser.value(QStringLiteral("mode"));
        if (!executionModeFromName(m, &scenario.mode))
            return usageError(
                QStringLiteral("--mode: expected sequential, concurrent, parallel-blocking, parallel-cpu, "
                               "mixed, anti-pattern or background-jobs (got \"%1\")")
                    .arg(m));
    }
    if (parser.isSet(QStringLiteral("cpu-only")))
        scenario.cpuOnly = true;
    f.number(QStringLiteral("requests"), &scenario.requests, 0, 10e6);
    if (parser.isSet(QStringLiteral("duration"))) {
        f.seconds(QStringLiteral("duration"), &scenario.durationS, 7 * 24 * 3600); // as load.duration_s
        if (!parser.isSet(QStringLiteral("requests")))
            scenario.requests = 0;
    }
    f.number(QStringLiteral("concurrency"), &scenario.concurrency, 1, 1000);
    f.number(QStringLiteral("workers"), &scenario.workers, 1, 256);
    f.number(QStringLiteral("cpu-task-ms"), &scenario.cpuTaskMs, 0, 600e3);
    f.number(QStringLiteral("rate"), &scenario.rate, 0, 1e6);
    f.number(QStringLiteral("send-window"), &scenario.sendWindow, 0, 1000);
    f.number(QStringLiteral("burstiness"), &scenario.burstiness, 0, 1e6);
    if (parser.isSet(QStringLiteral("stream")) && parser.isSet(QStringLiteral("no-stream")))
        return usageError(QStringLiteral("--stream and --no-stream contradict each other"));
    if (parser.isSet(QStringLiteral("stream")))
        scenario.stream = true;
    if (parser.isSet(QStringLiteral("no-stream")))
        scenario.stream = false;
    f.number(QStringLiteral("max-tokens"), &scenario.maxTokens, 1, 1e6);
    if (parser.isSet(QStringLiteral("ignore-eos")))
        scenario.ignoreEos = true;
    if (parser.isSet(QStringLiteral("prompt")))
        scenario.prompt = parser.value(QStringLiteral("prompt"));
    f.number(QStringLiteral("prompt-tokens"), &scenario.promptTokens, 0, 1e6);
    f.number(QStringLiteral("warmup"), &scenario.warmup, 0, 1e6);
    f.seconds(QStringLiteral("timeout"), &scenario.timeoutS, 24 * 3600); // as resilience.timeout_s
    f.seconds(QStringLiteral("idle-timeout"), &scenario.idleTimeoutS, 24 * 3600);
    f.number(QStringLiteral("retries"), &scenario.retries, 0, 100);
    f.number(QStringLiteral("rate-limit"), &scenario.rateLimit, 0, 1e6);
    f.number(QStringLiteral("rate-limit-burst"), &scenario.rateLimitBurst, 1, 1e6);
    if (parser.isSet(QStringLiteral("fail-fast")))
        scenario.errorPolicy = ErrorPolicy::FailFast;
    f.number(QStringLiteral("slo-ttft"), &scenario.slo.ttftMs, 0, 1e9);
    f.number(QStringLiteral("slo-tpot"), &scenario.slo.tpotMs, 0, 1e9);
    f.number(QStringLiteral("slo-e2el"), &scenario.slo.e2elMs, 0, 1e9);
    f.number(QStringLiteral("seed"), &scenario.seed, 0, 9007199254740992.0);
    f.number(QStringLiteral("sim-ttft-ms"), &scenario.simulator.ttftMs, 0, 3600e3);
    f.number(QStringLiteral("sim-token-interval-ms"), &scenario.simulator.tokenIntervalMs, 0, 60e3);
    f.number(QStringLiteral("sim-jitter-ms"), &scenario.simulator.jitterMs, 0, 60e3);
    f.number(QStringLiteral("sim-output-tokens"), &scenario.simulator.outputTokens, 0, 1e6);
    f.number(QStringLiteral("sim-capacity"), &scenario.simulator.capacity, 0, 1e6);
    if (!f.error.isEmpty())
        return usageError(f.error);
    {
        const QString progress = parser.value(QStringLiteral("progress"));
        if (!progress.isEmpty() && progress != QLatin1String("auto") && progress != QLatin1String("tty")
            && progress != QLatin1String("plain") && progress != QLatin1String("off"))
            return usageError(
                QStringLiteral("--progress: expected auto, tty, plain or off (got \"%1\")").arg(progress));
    }
    for (const QString &spec : parser.values(QStringLiteral("sim-fault"))) {
        QString error;
        if (!applyFaultFlag(spec, &scenario.simulator.faults, &error))
            return usageError(error);
    }
    if (parser.isSet(QStringLiteral("percentiles"))) {
        scenario.percentiles.clear();
        for (const QString &p : parser.value(QStringLiteral("percentiles")).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const double v = p.trimmed().toDouble(&ok);
            if (!ok || v < 0 || v > 100)
                return usageError(
                    QStringLiteral("--percentiles: \"%1\" is not a number from 0 to 100").arg(p));
            scenario.percentiles.append(v);
        }
    }
    QList<Threshold> thresholds;
    for (const QString &rule : parser.values(QStringLiteral("fail-if"))) {
        Threshold t;
        QString error;
        if (!Threshold::parse(rule, &t, &error))
            return usageError(error);
        thresholds.append(t);
    }
    {
        // The scenario's own rules and whether its mode can run its workload as written: the
        // same check the desktop app and the race make (RunSession::check).
        QString error;
        if (!RunSession::check(scenario, &error))
            return usageError(error);
    }
    if (scenario.usesSimulator() && scenario.http2)
        return usageError(QStringLiteral("--http2: the built-in simulator speaks HTTP/1.1 only"));
#ifndef BURGERBENCH_HAVE_JSON_REPORT
    if (parser.isSet(QStringLiteral("json")) || parser.isSet(QStringLiteral("csv")))
        return usageError(QStringLiteral("--json/--csv: this build has no report writers"));
#endif

    raiseFileLimit();
    installInterruptHandler();

    // The key is read here, handed to the engine, and written nowhere.
    const QByteArray apiKey = qgetenv(scenario.apiKeyEnv.toLocal8Bit().constData());

    // Every mode runs through the one orchestrator the app and the race use: same scenario, same
    // work (CPU tasks, worker threads, held waits, background jobs), same record.
    QList<double> ranks = scenario.percentiles;
    for (const Threshold &t : thresholds) {
        if (t.statistic.startsWith(u'p')) {
            const double rank = t.statistic.mid(1).toDouble();
            if (!ranks.contains(rank))
                ranks.append(rank);
        }
    }
    RunSession session;
    RunRequest request;
    request.scenario = scenario;
    request.apiKey = apiKey;
    request.extraPercentiles = ranks;
    {
        QString error;
        if (!session.start(request, &error)) {
            std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(error));
            return error.startsWith(QLatin1String("cannot start the built-in simulator")) ? int(Aborted)
                                                                                          : int(BadUsage);
        }
    }

    // Live progress on stderr: redrawn in place on a terminal, one plain line a second otherwise.
    QString progressMode = parser.value(QStringLiteral("progress"));
    if (progressMode.isEmpty() || progressMode == QLatin1String("auto"))
        progressMode = isatty(STDERR_FILENO) ? QStringLiteral("tty") : QStringLiteral("plain");
    const bool tty = progressMode == QLatin1String("tty");
    QTimer progressTimer;
    qint64 lastTokens = 0;
    qint64 lastNs = 0;
    if (progressMode != QLatin1String("off")) {
        progressTimer.setInterval(tty ? 250 : 1000);
        QObject::connect(&progressTimer, &QTimer::timeout, [&] {
            const Progress p = session.progress();
            const double dt = double(p.elapsedNs - lastNs) / 1e9;
            const double tokensPerS = dt > 0 ? double(p.tokens - lastTokens) / dt : 0;
            lastTokens = p.tokens;
            lastNs = p.elapsedNs;
            const QString line = progressLine(p, tokensPerS);
            if (tty)
                std::fprintf(stderr, "\r\033[K%s", qPrintable(line));
            else
                std::fprintf(stderr, "%s\n", qPrintable(line));
            std::fflush(stderr);
        });
        progressTimer.start();
    }

    QTimer interruptPoll;
    int interruptsSeen = 0;
    QObject::connect(&interruptPoll, &QTimer::timeout, [&] {
        if (pollInterrupted() && interruptsSeen == 0) {
            interruptsSeen = 1;
            std::fprintf(stderr, "\nburgerbench-cli run: interrupted; cancelling (the record is kept)\n");
            session.cancel();
        }
    });
    interruptPoll.start(100);

    QObject::connect(&session, &RunSession::finished, &app, &QCoreApplication::quit);
    app.exec();
    progressTimer.stop();
    if (tty)
        std::fputs("\r\033[K", stderr);

    RunResult result = session.takeResult();
    const RunTrace &trace = result.trace;
    const Summary &summary = result.summary;
    std::fputs(qPrintable(formatSummary(trace, summary, scenario.percentiles)), stdout);
    std::fflush(stdout);

    int exitCode = trace.cancelled || !trace.abortReason.isEmpty() ? Aborted : Ok;
#ifdef BURGERBENCH_HAVE_JSON_REPORT
    if (parser.isSet(QStringLiteral("json"))) {
        QString error;
        if (!JsonReport::write(parser.value(QStringLiteral("json")), trace, summary, &error)) {
            std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(error));
            exitCode = Aborted;
        }
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        QString error;
        if (!CsvReport::write(parser.value(QStringLiteral("csv")), trace, &error)) {
            std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(error));
            exitCode = Aborted;
        }
    }
#endif
    bool thresholdFailed = false;
    for (const Threshold &t : thresholds) {
        double measured = 0;
        if (t.violated(summary, &measured)) {
            thresholdFailed = true;
            std::fprintf(stderr, "FAIL --fail-if %s (measured %s)\n", qPrintable(t.text),
                std::isnan(measured) ? "nothing: no sample" : qPrintable(QString::number(measured, 'g', 6)));
        }
    }
    if (exitCode == Ok && thresholdFailed)
        exitCode = ThresholdFailed;
    return exitCode;
}

} // namespace BurgerBench::Cli
