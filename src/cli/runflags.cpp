#include "cli/runflags.h"

#include "workload/dataset.h"
#include "workload/lengthdistribution.h"
#include "workload/sessionplan.h"

#include <QCoreApplication>

#include <utility>

namespace BurgerBench::Cli {

namespace {

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

// The URL as typed, for a message, with any user:password@ cut out. (QUrl's own RemoveUserInfo
// gives "" for a URL it cannot parse, and the message then showed nothing of what was wrong.)
QString withoutUserInfo(const QString &text)
{
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    const qsizetype hostStart = scheme < 0 ? 0 : scheme + 3;
    qsizetype hostEnd = text.indexOf(u'/', hostStart);
    if (hostEnd < 0)
        hostEnd = text.size();
    const qsizetype at = text.lastIndexOf(u'@', hostEnd - 1);
    if (at < hostStart)
        return text;
    return text.left(hostStart) + QStringLiteral("***@") + text.mid(at + 1);
}

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

void FlagReader::seconds(const QString &name, double *out, double max)
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
        error = QStringLiteral("--%1: expected a positive duration such as 30, 30s, 500ms or 2m (got \"%2\")")
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

void FlagReader::bytes(const QString &name, qint64 *out, qint64 min, qint64 max)
{
    if (!error.isEmpty() || !parser.isSet(name))
        return;
    QString text = parser.value(name).trimmed();
    qint64 scale = 1;
    for (const auto &[suffix, factor] : { std::pair { "KiB", qint64(1) << 10 },
             std::pair { "MiB", qint64(1) << 20 }, std::pair { "GiB", qint64(1) << 30 } }) {
        if (text.endsWith(QLatin1String(suffix))) {
            scale = factor;
            text.chop(3);
            break;
        }
    }
    bool ok = false;
    const qint64 n = text.trimmed().toLongLong(&ok);
    auto shown = [](qint64 b) {
        return b % (qint64(1) << 30) == 0 ? QStringLiteral("%1 GiB").arg(b >> 30)
            : b % (qint64(1) << 20) == 0  ? QStringLiteral("%1 MiB").arg(b >> 20)
            : b % 1024 == 0               ? QStringLiteral("%1 KiB").arg(b >> 10)
                                          : QStringLiteral("%1 bytes").arg(b);
    };
    if (!ok || n < 0 || n > max / scale || n * scale < min) {
        error = QStringLiteral(
            "--%1: expected a size from %2 to %3, such as 1048576, 512KiB or 1MiB (got \"%4\")")
                    .arg(name, shown(min), shown(max), parser.value(name));
        return;
    }
    *out = n * scale;
}

QList<QCommandLineOption> scenarioOptions()
{
    return {
        { QStringLiteral("scenario"), QStringLiteral("Scenario JSON file; flags override its fields."),
            QStringLiteral("file") },
        { QStringLiteral("url"),
            QStringLiteral("Target base URL (http://host:port or .../v1) or full endpoint URL."),
            QStringLiteral("url") },
        { QStringLiteral("model"), QStringLiteral("Model name sent in each request."),
            QStringLiteral("name") },
        { QStringLiteral("endpoint"),
            QStringLiteral("chat (default), completions or responses (OpenAI's Responses API)."),
            QStringLiteral("kind") },
        { QStringLiteral("api-key-env"),
            QStringLiteral("Environment variable holding the API key (default OPENAI_API_KEY)."),
            QStringLiteral("name") },
        { QStringLiteral("header"), QStringLiteral("Extra request header, repeatable."),
            QStringLiteral("name:value") },
        { QStringLiteral("http2"), QStringLiteral("Use HTTP/2 (h2c prior knowledge on http://).") },
        { QStringLiteral("ca-file"),
            QStringLiteral("Also trust the CA certificates in this PEM file for https:// (besides the "
                           "system's, SSL_CERT_FILE and SSL_CERT_DIR)."),
            QStringLiteral("file") },
        { QStringLiteral("insecure"),
            QStringLiteral("Do not verify the server's TLS certificate (said in the summary and the "
                           "reports).") },
        { QStringLiteral("transport"),
            QStringLiteral("How the engine talks HTTP: qnam (default, QNetworkAccessManager) or socket "
                           "(its own HTTP/1.1 on one keep-alive socket per lane, less CPU a token)."),
            QStringLiteral("qnam|socket") },
        { QStringLiteral("server-metrics"),
            QStringLiteral("Scrape the server's Prometheus metrics during the run: a URL, or auto (the "
                           "target's origin + /metrics; the built-in simulator's without --url)."),
            QStringLiteral("url|auto") },
        { QStringLiteral("server-metrics-interval"),
            QStringLiteral("Time between scrapes, 50ms to 60s (default 500ms)."), QStringLiteral("time") },
        { QStringLiteral("server-metric"),
            QStringLiteral("Also keep this Prometheus series from the scrapes. Repeatable."),
            QStringLiteral("name") },
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
        { QStringLiteral("concurrency"),
            QStringLiteral("Requests in flight at once, 1 to 1000 (to 10000 with --transport socket)."),
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
        { QStringLiteral("input-tokens"),
            QStringLiteral(
                "Prompt lengths in the target's tokens, per request: N, uniform:A,B, "
                "normal:MEAN,STD[,MIN,MAX], lognormal:MEAN,STD[,MIN,MAX] or a mix 128:30,1024:70."),
            QStringLiteral("dist") },
        { QStringLiteral("output-tokens"),
            QStringLiteral("max_tokens per request, as a distribution like --input-tokens."),
            QStringLiteral("dist") },
        { QStringLiteral("prefix-tokens"),
            QStringLiteral("Start every prompt with a shared system prompt of this many tokens."),
            QStringLiteral("n") },
        { QStringLiteral("prefix-groups"),
            QStringLiteral("How many different shared prefixes (default 1); each request picks one."),
            QStringLiteral("n") },
        { QStringLiteral("dataset"),
            QStringLiteral("Prompts from a file: JSONL, CSV, a Mooncake trace (JSONL) or ShareGPT JSON."),
            QStringLiteral("file") },
        { QStringLiteral("dataset-format"),
            QStringLiteral("auto (default: from the content), jsonl, csv, mooncake or sharegpt."),
            QStringLiteral("format") },
        { QStringLiteral("dataset-sample"),
            QStringLiteral("Keep N rows of the dataset, seeded reservoir sampling (default: all)."),
            QStringLiteral("n") },
        { QStringLiteral("dataset-sample-replace"),
            QStringLiteral(
                "--dataset-sample draws with replacement (N may exceed the rows; a row may repeat).") },
        { QStringLiteral("dataset-min-input"),
            QStringLiteral("Drop dataset rows whose prompt is under N tokens (before sampling)."),
            QStringLiteral("n") },
        { QStringLiteral("dataset-max-input"),
            QStringLiteral("Drop dataset rows whose prompt is over N tokens (before sampling)."),
            QStringLiteral("n") },
        { QStringLiteral("dataset-max-output"),
            QStringLiteral("Drop dataset rows whose output length is over N tokens (before sampling)."),
            QStringLiteral("n") },
        { QStringLiteral("dataset-field"),
            QStringLiteral("Read field NAME from the file's COLUMN (JSONL key, CSV column), e.g. "
                           "prompt=question; repeatable."),
            QStringLiteral("name=column") },
        { QStringLiteral("multi-turn"),
            QStringLiteral("The dataset's conversations are sessions: each turn carries the history with "
                           "the real answers.") },
        { QStringLiteral("sessions"),
            QStringLiteral("Multi-turn: U users, one conversation each (synthetic with --turns; with "
                           "--multi-turn, at most U of the dataset's). --concurrency counts users."),
            QStringLiteral("n") },
        { QStringLiteral("turns"),
            QStringLiteral("Multi-turn: turns per conversation (synthetic), or at most this many."),
            QStringLiteral("n") },
        { QStringLiteral("think-time"),
            QStringLiteral("Multi-turn: ms between an answer's end and the next turn, as a distribution "
                           "like --input-tokens (e.g. 500, uniform:200,800)."),
            QStringLiteral("dist") },
        { QStringLiteral("replay"),
            QStringLiteral("Send dataset rows at their timestamps: auto (default: when every row has "
                           "one), on or off."),
            QStringLiteral("mode") },
        { QStringLiteral("time-scale"), QStringLiteral("Replay: trace time x this (0.5 = twice as fast)."),
            QStringLiteral("x") },
        { QStringLiteral("warmup"), QStringLiteral("Warm-up requests, excluded from statistics."),
            QStringLiteral("n") },
        { QStringLiteral("timeout"), QStringLiteral("Total deadline per attempt (e.g. 600s)."),
            QStringLiteral("time") },
        { QStringLiteral("idle-timeout"), QStringLiteral("Inactivity timeout per attempt (e.g. 60s)."),
            QStringLiteral("time") },
        { QStringLiteral("retries"),
            QStringLiteral("Retries for retryable failures (backoff with jitter, honours Retry-After)."),
            QStringLiteral("n") },
        { QStringLiteral("max-event-bytes"),
            QStringLiteral("Longest streamed line or event, e.g. 1MiB (default); longer fails the "
                           "request (event_too_large)."),
            QStringLiteral("size") },
        { QStringLiteral("max-buffered-bytes"),
            QStringLiteral("Body bytes all requests in flight may hold unparsed, e.g. 256MiB (default); "
                           "past it the one holding most fails (buffer_budget)."),
            QStringLiteral("size") },
        { QStringLiteral("keep-text"),
            QStringLiteral("Streamed text kept in the trace per request: none, head (default: the first "
                           "4096 characters) or all (up to 64 Mi characters)."),
            QStringLiteral("none|head|all") },
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
        { QStringLiteral("sim-ttft-ms"), QStringLiteral("Simulator: time to first token."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-token-interval-ms"), QStringLiteral("Simulator: time between tokens."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-jitter-ms"), QStringLiteral("Simulator: +- jitter on each token interval."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-output-tokens"),
            QStringLiteral(
                "Simulator: tokens per response (0 = max_tokens; 0 by default with --output-tokens or "
                "--dataset)."),
            QStringLiteral("n") },
        { QStringLiteral("sim-reasoning-tokens"),
            QStringLiteral("Simulator: the first N tokens of a chat or responses answer are reasoning."),
            QStringLiteral("n") },
        { QStringLiteral("sim-capacity"),
            QStringLiteral("Simulator: sequences served at once (0 = unlimited)."), QStringLiteral("n") },
        { QStringLiteral("sim-prefill-us"),
            QStringLiteral("Simulator: extra TTFT per uncached prompt token, microseconds."),
            QStringLiteral("us") },
        { QStringLiteral("sim-kv-cache-tokens"),
            QStringLiteral("Simulator: prefix cache capacity in tokens (512-token blocks; 0 = off)."),
            QStringLiteral("n") },
        { QStringLiteral("sim-no-tokenize"),
            QStringLiteral("Simulator: answer POST /tokenize with 404, like servers without it.") },
        { QStringLiteral("sim-fault"),
            QStringLiteral("Simulator fault probability, e.g. http_429=0.1. Repeatable."),
            QStringLiteral("name=p") },
    };
}

bool scenarioFromFlags(const QCommandLineParser &parser, Scenario *out, QString *error)
{
    Scenario &scenario = *out;
    scenario.name = QStringLiteral("Command line");
    scenario.requests = 100;
    scenario.concurrency = 8;
    if (parser.isSet(QStringLiteral("scenario"))) {
        QString loadError;
        if (!Scenario::load(parser.value(QStringLiteral("scenario")), &scenario, &loadError))
            return fail(error, loadError);
    }

    FlagReader f { parser, {} };
    if (parser.isSet(QStringLiteral("url"))) {
        const QString text = parser.value(QStringLiteral("url"));
        scenario.url = QUrl(text, QUrl::StrictMode);
        if (!scenario.url.isValid() || scenario.url.host().isEmpty()
            || (scenario.url.scheme() != QLatin1String("http")
                && scenario.url.scheme() != QLatin1String("https")))
            return fail(error,
                QStringLiteral("--url: expected http://host[:port][/path] or https://... (got \"%1\")")
                    .arg(withoutUserInfo(text)));
    }
    if (parser.isSet(QStringLiteral("model")))
        scenario.model = parser.value(QStringLiteral("model"));
    if (parser.isSet(QStringLiteral("endpoint"))) {
        const QString e = parser.value(QStringLiteral("endpoint"));
        if (!endpointFromName(e, &scenario.endpoint))
            return fail(error,
                QStringLiteral("--endpoint: expected chat, completions or responses (got \"%1\")").arg(e));
    }
    if (parser.isSet(QStringLiteral("api-key-env")))
        scenario.apiKeyEnv = parser.value(QStringLiteral("api-key-env"));
    for (const QString &h : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = h.indexOf(u':');
        if (colon <= 0)
            return fail(error, QStringLiteral("--header: expected name:value (got \"%1\")").arg(h));
        scenario.headers.insert(h.left(colon).trimmed(), h.mid(colon + 1).trimmed());
    }
    if (parser.isSet(QStringLiteral("http2")))
        scenario.http2 = true;
    if (parser.isSet(QStringLiteral("ca-file"))) {
        scenario.tlsCaFile = parser.value(QStringLiteral("ca-file"));
        if (scenario.tlsCaFile.isEmpty())
            return fail(error, QStringLiteral("--ca-file: expected a file name (got \"\")"));
    }
    if (parser.isSet(QStringLiteral("insecure")))
        scenario.tlsInsecure = true;
    if (parser.isSet(QStringLiteral("transport"))) {
        const QString t = parser.value(QStringLiteral("transport"));
        if (t == QLatin1String("qnam"))
            scenario.transport = Transport::Qnam;
        else if (t == QLatin1String("socket"))
            scenario.transport = Transport::Socket;
        else
            return fail(error, QStringLiteral("--transport: expected qnam or socket (got \"%1\")").arg(t));
    }
    if (parser.isSet(QStringLiteral("keep-text"))) {
        const QString k = parser.value(QStringLiteral("keep-text"));
        if (k == QLatin1String("none"))
            scenario.keepTextBytes = 0;
        else if (k == QLatin1String("head"))
            scenario.keepTextBytes = Scenario::KeepTextHead;
        else if (k == QLatin1String("all"))
            scenario.keepTextBytes = Scenario::KeepTextAll;
        else
            return fail(error, QStringLiteral("--keep-text: expected none, head or all (got \"%1\")").arg(k));
    }
    if (parser.isSet(QStringLiteral("server-metrics"))) {
        const QString text = parser.value(QStringLiteral("server-metrics"));
        const QUrl metrics(text, QUrl::StrictMode);
        if (text != QLatin1String("auto")
            && (!metrics.isValid() || metrics.host().isEmpty()
                || (metrics.scheme() != QLatin1String("http") && metrics.scheme() != QLatin1String("https"))))
            return fail(error,
                QStringLiteral("--server-metrics: expected auto or an http:// or https:// URL (got \"%1\")")
                    .arg(metrics.toString(QUrl::RemoveUserInfo)));
        scenario.serverMetrics = text;
    }
    if (parser.isSet(QStringLiteral("server-metrics-interval"))) {
        FlagReader interval { parser, {} };
        double seconds = 0;
        interval.seconds(QStringLiteral("server-metrics-interval"), &seconds, 24 * 3600);
        if (!interval.error.isEmpty())
            return fail(error, interval.error);
        if (seconds < 0.05 || seconds > 60)
            return fail(error,
                QStringLiteral("--server-metrics-interval: expected 50ms to 60s (got \"%1\")")
                    .arg(parser.value(QStringLiteral("server-metrics-interval"))));
        scenario.serverMetricsIntervalMs = int(std::lround(seconds * 1000));
    }
    scenario.serverMetricNames.append(parser.values(QStringLiteral("server-metric")));
    if (parser.isSet(QStringLiteral("mode"))) {
        const QString m = parser.value(QStringLiteral("mode"));
        if (!executionModeFromName(m, &scenario.mode))
            return fail(error,
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
    f.number(QStringLiteral("concurrency"), &scenario.concurrency, 1, Scenario::MaxConcurrency);
    f.number(QStringLiteral("workers"), &scenario.workers, 1, 256);
    f.number(QStringLiteral("cpu-task-ms"), &scenario.cpuTaskMs, 0, 600e3);
    f.number(QStringLiteral("rate"), &scenario.rate, 0, 1e6);
    f.number(QStringLiteral("send-window"), &scenario.sendWindow, 0, 1000);
    f.number(QStringLiteral("burstiness"), &scenario.burstiness, 0, 1e6);
    if (parser.isSet(QStringLiteral("stream")) && parser.isSet(QStringLiteral("no-stream")))
        return fail(error, QStringLiteral("--stream and --no-stream contradict each other"));
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
    for (const char *name : { "input-tokens", "output-tokens" }) {
        const QString flag = QLatin1String(name);
        if (!parser.isSet(flag))
            continue;
        LengthDistribution dist;
        QString distError;
        if (!LengthDistribution::parse(parser.value(flag), QStringLiteral("--") + flag, &dist, &distError))
            return fail(error, distError);
        (flag == QLatin1String("input-tokens") ? scenario.workload.inputTokens
                                               : scenario.workload.outputTokens)
            = dist.text();
    }
    f.number(QStringLiteral("prefix-tokens"), &scenario.workload.prefixTokens, 0, 1e6);
    f.number(QStringLiteral("prefix-groups"), &scenario.workload.prefixGroups, 1, 1e6);
    if (parser.isSet(QStringLiteral("dataset")))
        scenario.workload.dataset = parser.value(QStringLiteral("dataset"));
    if (parser.isSet(QStringLiteral("dataset-format"))) {
        const QString format = parser.value(QStringLiteral("dataset-format"));
        if (!Dataset::validFormat(format))
            return fail(error,
                QStringLiteral(
                    "--dataset-format: expected auto, jsonl, csv, mooncake or sharegpt (got \"%1\")")
                    .arg(format));
        scenario.workload.datasetFormat = format;
    }
    f.number(QStringLiteral("dataset-sample"), &scenario.workload.datasetSample, 0, 1e8);
    if (parser.isSet(QStringLiteral("dataset-sample-replace")))
        scenario.workload.datasetSampleReplace = true;
    f.number(QStringLiteral("dataset-min-input"), &scenario.workload.datasetMinInput, 0, 1e6);
    f.number(QStringLiteral("dataset-max-input"), &scenario.workload.datasetMaxInput, 0, 1e6);
    f.number(QStringLiteral("dataset-max-output"), &scenario.workload.datasetMaxOutput, 0, 1e6);
    for (const QString &spec : parser.values(QStringLiteral("dataset-field"))) {
        QString fieldError;
        if (!Dataset::parseField(spec, &scenario.workload.datasetFields, &fieldError))
            return fail(error, fieldError);
    }
    if (parser.isSet(QStringLiteral("multi-turn")))
        scenario.workload.multiTurn = true;
    f.number(QStringLiteral("sessions"), &scenario.workload.sessions, 0, 1e6);
    f.number(QStringLiteral("turns"), &scenario.workload.turns, 0, 1000);
    // Sessions decide how many requests a run sends (sessions x turns): the command line's default
    // of 100 requests gives way unless --requests says otherwise (which validation then refuses).
    if ((parser.isSet(QStringLiteral("sessions")) || parser.isSet(QStringLiteral("multi-turn")))
        && !parser.isSet(QStringLiteral("requests")))
        scenario.requests = 0;
    if (parser.isSet(QStringLiteral("think-time"))) {
        LengthDistribution think;
        QString thinkError;
        if (!parseThinkTime(parser.value(QStringLiteral("think-time")), &think, &thinkError,
                QStringLiteral("--think-time")))
            return fail(error, thinkError);
        scenario.workload.thinkTime = think.text();
    }
    if (parser.isSet(QStringLiteral("replay"))) {
        const QString replay = parser.value(QStringLiteral("replay"));
        if (replay != QLatin1String("auto") && replay != QLatin1String("on")
            && replay != QLatin1String("off"))
            return fail(error, QStringLiteral("--replay: expected auto, on or off (got \"%1\")").arg(replay));
        scenario.workload.replay = replay;
    }
    f.number(QStringLiteral("time-scale"), &scenario.workload.timeScale, 1e-6, 1e6);
    f.number(QStringLiteral("warmup"), &scenario.warmup, 0, 1e6);
    f.seconds(QStringLiteral("timeout"), &scenario.timeoutS, 24 * 3600); // as resilience.timeout_s
    f.seconds(QStringLiteral("idle-timeout"), &scenario.idleTimeoutS, 24 * 3600);
    f.number(QStringLiteral("retries"), &scenario.retries, 0, 100);
    // As resilience.max_event_bytes and resilience.max_buffered_bytes.
    f.bytes(QStringLiteral("max-event-bytes"), &scenario.maxEventBytes, 1024, qint64(1) << 30);
    f.bytes(
        QStringLiteral("max-buffered-bytes"), &scenario.maxBufferedBytes, qint64(1) << 20, qint64(1) << 40);
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
    // Varied output lengths are asked with max_tokens: the built-in simulator follows them unless
    // --sim-output-tokens fixes its answers' length.
    if ((parser.isSet(QStringLiteral("output-tokens")) || parser.isSet(QStringLiteral("dataset")))
        && !parser.isSet(QStringLiteral("sim-output-tokens")))
        scenario.simulator.outputTokens = 0;
    f.number(QStringLiteral("sim-output-tokens"), &scenario.simulator.outputTokens, 0, 1e6);
    f.number(QStringLiteral("sim-reasoning-tokens"), &scenario.simulator.reasoningTokens, 0, 1e6);
    f.number(QStringLiteral("sim-capacity"), &scenario.simulator.capacity, 0, 1e6);
    f.number(QStringLiteral("sim-prefill-us"), &scenario.simulator.prefillUsPerPromptToken, 0, 1e6);
    f.number(QStringLiteral("sim-kv-cache-tokens"), &scenario.simulator.kvCacheTokens, 0, 1e12);
    if (parser.isSet(QStringLiteral("sim-no-tokenize")))
        scenario.simulator.tokenizeEndpoint = false;
    if (!f.error.isEmpty())
        return fail(error, f.error);
    for (const QString &spec : parser.values(QStringLiteral("sim-fault"))) {
        QString faultError;
        if (!applyFaultFlag(spec, &scenario.simulator.faults, &faultError))
            return fail(error, faultError);
    }
    if (parser.isSet(QStringLiteral("percentiles"))) {
        scenario.percentiles.clear();
        for (const QString &p : parser.value(QStringLiteral("percentiles")).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const double v = p.trimmed().toDouble(&ok);
            if (!ok || v < 0 || v > 100)
                return fail(
                    error, QStringLiteral("--percentiles: \"%1\" is not a number from 0 to 100").arg(p));
            scenario.percentiles.append(v);
        }
    }
    return true;
}

bool thresholdsFromFlags(const QCommandLineParser &parser, QList<Threshold> *out, QString *error)
{
    for (const QString &rule : parser.values(QStringLiteral("fail-if"))) {
        Threshold t;
        if (!Threshold::parse(rule, &t, error))
            return false;
        out->append(t);
    }
    return true;
}

bool checkGoodputRules(const QList<Threshold> &rules, const Slo &slo, const QString &flag, QString *error)
{
    if (slo.any())
        return true;
    for (const Threshold &t : rules) {
        if (t.metric == QLatin1String("goodput"))
            return fail(error,
                QStringLiteral("%1 %2: goodput counts the requests meeting every SLO, and no SLO is "
                               "given: add --slo-ttft, --slo-tpot or --slo-e2el (or the scenario's "
                               "metrics.slo)")
                    .arg(flag, t.text));
    }
    return true;
}

QList<double> percentilesFor(const Scenario &scenario, const QList<Threshold> &thresholds)
{
    QList<double> ranks = scenario.percentiles;
    for (const Threshold &t : thresholds) {
        if (t.statistic.startsWith(u'p')) {
            const double rank = t.statistic.mid(1).toDouble();
            if (!ranks.contains(rank))
                ranks.append(rank);
        }
    }
    return ranks;
}

} // namespace BurgerBench::Cli
