#include "scenario/scenario.h"

#include "scenario/jsonkeys.h"

#include "protocol/httpsyntax.h"
#include "workload/dataset.h"
#include "workload/lengthdistribution.h"
#include "workload/sessionplan.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace BurgerBench {

namespace {

struct ModeName
{
    ExecutionMode mode;
    const char *name;
};
constexpr ModeName modeNames[] = {
    { ExecutionMode::Sequential, "sequential" },
    { ExecutionMode::Concurrent, "concurrent" },
    { ExecutionMode::ParallelBlocking, "parallel-blocking" },
    { ExecutionMode::ParallelCpu, "parallel-cpu" },
    { ExecutionMode::Mixed, "mixed" },
    { ExecutionMode::AntiPattern, "anti-pattern" },
    { ExecutionMode::BackgroundJobs, "background-jobs" },
};

// Reads one JSON object section field by field. Every read marks the key as known; finish()
// reports the first key nobody asked for, so a typo ("concurency") is an error naming it.
class SectionReader
{
public:
    SectionReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {
    }

    bool ok() const { return m_ok; }

    QString fieldPath(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    bool fail(const QString &key, const QString &message)
    {
        if (m_ok) {
            *m_error = fieldPath(key) + QStringLiteral(": ") + message;
            m_ok = false;
        }
        return false;
    }

    // Returns true if the key is present (and marks it known).
    bool has(const QString &key)
    {
        m_known.insert(key);
        return m_object.contains(key);
    }

    void number(const QString &key, double *out, double min, double max)
    {
        if (!m_ok || !has(key))
            return;
        const QJsonValue v = m_object.value(key);
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            fail(key, QStringLiteral("must be a number"));
            return;
        }
        const double d = v.toDouble();
        if (d < min || d > max) {
            fail(key, QStringLiteral("must be from %1 to %2 (got %3)").arg(min).arg(max).arg(d));
            return;
        }
        *out = d;
    }

    template<typename Int> void integer(const QString &key, Int *out, double min, double max)
    {
        if (!m_ok || !has(key))
            return;
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d)) {
            fail(key, QStringLiteral("must be an integer"));
            return;
        }
        if (d < min || d > max) {
            fail(key,
                QStringLiteral("must be an integer from %1 to %2 (got %3)")
                    .arg(min, 0, 'f', 0)
                    .arg(max, 0, 'f', 0)
                    .arg(d, 0, 'g', 17));
            return;
        }
        *out = Int(d);
    }

    void boolean(const QString &key, bool *out)
    {
        if (!m_ok || !has(key))
            return;
        const QJsonValue v = m_object.value(key);
        if (!v.isBool()) {
            fail(key, QStringLiteral("must be true or false"));
            return;
        }
        *out = v.toBool();
    }

    void string(const QString &key, QString *out)
    {
        if (!m_ok || !has(key))
            return;
        const QJsonValue v = m_object.value(key);
        if (!v.isString()) {
            fail(key, QStringLiteral("must be a string"));
            return;
        }
        *out = v.toString();
    }

    // A nested object section; returns false when absent or (with an error) not an object.
    bool section(const QString &key, QJsonObject *out)
    {
        if (!m_ok || !has(key))
            return false;
        const QJsonValue v = m_object.value(key);
        if (!v.isObject())
            return fail(key, QStringLiteral("must be an object"));
        *out = v.toObject();
        return true;
    }

    void finish()
    {
        if (!m_ok)
            return;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_known.contains(it.key())) {
                fail(it.key(), QStringLiteral("unknown field"));
                return;
            }
        }
    }

    const QJsonObject &object() const { return m_object; }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    QSet<QString> m_known;
    bool m_ok = true;
};

bool readSimulator(const QJsonObject &json, const QString &path, SimulatorSettings *sim, QString *error)
{
    SectionReader r(json, path, error);
    r.number(QStringLiteral("ttft_ms"), &sim->ttftMs, 0, 3600e3);
    r.number(QStringLiteral("token_interval_ms"), &sim->tokenIntervalMs, 0, 60e3);
    r.number(QStringLiteral("jitter_ms"), &sim->jitterMs, 0, 60e3);
    r.integer(QStringLiteral("output_tokens"), &sim->outputTokens, 0, 1e6);
    r.integer(QStringLiteral("reasoning_tokens"), &sim->reasoningTokens, 0, 1e6);
    r.number(QStringLiteral("prefill_us_per_prompt_token"), &sim->prefillUsPerPromptToken, 0, 1e6);
    r.integer(QStringLiteral("capacity"), &sim->capacity, 0, 1e6);
    r.integer(QStringLiteral("kv_cache_tokens"), &sim->kvCacheTokens, 0, 1e12);
    r.boolean(QStringLiteral("tokenize_endpoint"), &sim->tokenizeEndpoint);
    r.integer(QStringLiteral("max_model_len"), &sim->maxModelLen, 1, 1e8);
    r.integer(QStringLiteral("seed"), &sim->seed, 0, 4294967295.0);
    QJsonObject faults;
    if (r.section(QStringLiteral("faults"), &faults)) {
        SectionReader f(faults, r.fieldPath(QStringLiteral("faults")), error);
        SimulatorFaults &x = sim->faults;
        f.number(QStringLiteral("http_429"), &x.http429, 0, 1);
        f.number(QStringLiteral("http_500"), &x.http500, 0, 1);
        f.number(QStringLiteral("http_503"), &x.http503, 0, 1);
        f.number(QStringLiteral("reset"), &x.reset, 0, 1);
        f.number(QStringLiteral("stall"), &x.stall, 0, 1);
        f.number(QStringLiteral("malformed"), &x.malformed, 0, 1);
        f.number(QStringLiteral("stream_error"), &x.streamError, 0, 1);
        f.number(QStringLiteral("missing_done"), &x.missingDone, 0, 1);
        f.integer(QStringLiteral("retry_after_s"), &x.retryAfterSeconds, 0, 3600);
        f.number(QStringLiteral("stall_s"), &x.stallSeconds, 0, 3600);
        f.finish();
        if (!f.ok())
            return false;
        const double total = x.http429 + x.http500 + x.http503 + x.reset + x.stall + x.malformed
            + x.streamError + x.missingDone;
        if (total > 1.0 + 1e-9)
            return r.fail(
                QStringLiteral("faults"), QStringLiteral("probabilities add up to %1; at most 1").arg(total));
    }
    r.finish();
    return r.ok();
}

QJsonObject simulatorToJson(const SimulatorSettings &s)
{
    const SimulatorFaults &f = s.faults;
    return QJsonObject {
        { QStringLiteral("ttft_ms"), s.ttftMs },
        { QStringLiteral("token_interval_ms"), s.tokenIntervalMs },
        { QStringLiteral("jitter_ms"), s.jitterMs },
        { QStringLiteral("output_tokens"), s.outputTokens },
        { QStringLiteral("reasoning_tokens"), s.reasoningTokens },
        { QStringLiteral("prefill_us_per_prompt_token"), s.prefillUsPerPromptToken },
        { QStringLiteral("capacity"), s.capacity },
        { QStringLiteral("kv_cache_tokens"), double(s.kvCacheTokens) },
        { QStringLiteral("tokenize_endpoint"), s.tokenizeEndpoint },
        { QStringLiteral("max_model_len"), s.maxModelLen },
        { QStringLiteral("seed"), double(s.seed) },
        { QStringLiteral("faults"),
            QJsonObject {
                { QStringLiteral("http_429"), f.http429 },
                { QStringLiteral("http_500"), f.http500 },
                { QStringLiteral("http_503"), f.http503 },
                { QStringLiteral("reset"), f.reset },
                { QStringLiteral("stall"), f.stall },
                { QStringLiteral("malformed"), f.malformed },
                { QStringLiteral("stream_error"), f.streamError },
                { QStringLiteral("missing_done"), f.missingDone },
                { QStringLiteral("retry_after_s"), f.retryAfterSeconds },
                { QStringLiteral("stall_s"), f.stallSeconds },
            } },
    };
}

QJsonObject datasetFieldsJson(const QMap<QString, QString> &fields)
{
    QJsonObject o;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

QString executionModeName(ExecutionMode mode)
{
    for (const ModeName &m : modeNames) {
        if (m.mode == mode)
            return QString::fromLatin1(m.name);
    }
    return QStringLiteral("concurrent");
}

bool executionModeFromName(const QString &name, ExecutionMode *mode)
{
    for (const ModeName &m : modeNames) {
        if (name == QLatin1String(m.name)) {
            *mode = m.mode;
            return true;
        }
    }
    return false;
}

QString endpointName(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Completions:
        return QStringLiteral("completions");
    case Endpoint::Responses:
        return QStringLiteral("responses");
    case Endpoint::Chat:
        break;
    }
    return QStringLiteral("chat");
}

bool endpointFromName(const QString &name, Endpoint *endpoint)
{
    for (Endpoint e : { Endpoint::Chat, Endpoint::Completions, Endpoint::Responses }) {
        if (name == endpointName(e)) {
            *endpoint = e;
            return true;
        }
    }
    return false;
}

QString Scenario::schemaId()
{
    return QStringLiteral("burgerbench.scenario/%1").arg(SchemaVersion);
}

bool Scenario::fromJson(const QJsonObject &json, Scenario *out, QString *error)
{
    Scenario s;
    SectionReader top(json, QString(), error);

    QString schema = schemaId();
    top.string(QStringLiteral("schema"), &schema);
    if (top.ok() && schema != schemaId())
        return top.fail(QStringLiteral("schema"),
            QStringLiteral("unsupported schema \"%1\" (this version reads \"%2\")").arg(schema, schemaId()));
    top.string(QStringLiteral("name"), &s.name);

    QJsonObject section;
    if (top.section(QStringLiteral("target"), &section)) {
        SectionReader r(section, QStringLiteral("target"), error);
        QString url;
        r.string(QStringLiteral("url"), &url);
        if (r.ok() && !url.isEmpty()) {
            s.url = QUrl(url, QUrl::StrictMode);
            if (!s.url.isValid()
                || (s.url.scheme() != QLatin1String("http") && s.url.scheme() != QLatin1String("https"))
                || s.url.host().isEmpty())
                r.fail(QStringLiteral("url"),
                    QStringLiteral("must be an http:// or https:// URL with a host (got \"%1\")").arg(url));
        }
        r.string(QStringLiteral("model"), &s.model);
        if (r.ok() && s.model.isEmpty())
            r.fail(QStringLiteral("model"), QStringLiteral("must not be empty"));
        QString endpoint = QStringLiteral("chat");
        r.string(QStringLiteral("endpoint"), &endpoint);
        if (r.ok() && !endpointFromName(endpoint, &s.endpoint))
            r.fail(QStringLiteral("endpoint"),
                QStringLiteral("must be \"chat\", \"completions\" or \"responses\" (got \"%1\")")
                    .arg(endpoint));
        r.string(QStringLiteral("api_key_env"), &s.apiKeyEnv);
        QJsonObject headers;
        if (r.section(QStringLiteral("headers"), &headers)) {
            for (auto it = headers.begin(); it != headers.end(); ++it) {
                if (!it.value().isString()) {
                    r.fail(QStringLiteral("headers.") + it.key(), QStringLiteral("must be a string"));
                    break;
                }
                s.headers.insert(it.key(), it.value().toString());
            }
        }
        QJsonObject tls;
        if (r.section(QStringLiteral("tls"), &tls)) {
            SectionReader t(tls, QStringLiteral("target.tls"), error);
            t.string(QStringLiteral("ca_file"), &s.tlsCaFile);
            t.boolean(QStringLiteral("insecure"), &s.tlsInsecure);
            t.finish();
            if (!t.ok())
                return false;
        }
        r.boolean(QStringLiteral("http2"), &s.http2);
        QString transport = QStringLiteral("qnam");
        r.string(QStringLiteral("transport"), &transport);
        if (r.ok()) {
            if (transport == QLatin1String("qnam"))
                s.transport = Transport::Qnam;
            else if (transport == QLatin1String("socket"))
                s.transport = Transport::Socket;
            else
                r.fail(QStringLiteral("transport"),
                    QStringLiteral("must be \"qnam\" or \"socket\" (got \"%1\")").arg(transport));
        }
        r.string(QStringLiteral("server_metrics"), &s.serverMetrics);
        r.integer(QStringLiteral("server_metrics_interval_ms"), &s.serverMetricsIntervalMs, 50, 60000);
        if (r.ok() && r.has(QStringLiteral("server_metric_names"))) {
            const QJsonValue names = section.value(QStringLiteral("server_metric_names"));
            const QJsonArray list = names.toArray();
            for (const QJsonValue name : list) {
                if (!name.isString()) {
                    r.fail(
                        QStringLiteral("server_metric_names"), QStringLiteral("must be an array of strings"));
                    break;
                }
                s.serverMetricNames.append(name.toString());
            }
            if (!names.isArray())
                r.fail(QStringLiteral("server_metric_names"), QStringLiteral("must be an array of strings"));
        }
        r.finish();
        if (!r.ok())
            return false;
    }

    if (top.section(QStringLiteral("load"), &section)) {
        SectionReader r(section, QStringLiteral("load"), error);
        QString mode;
        r.string(QStringLiteral("mode"), &mode);
        if (r.ok() && !mode.isEmpty() && !executionModeFromName(mode, &s.mode))
            r.fail(QStringLiteral("mode"),
                QStringLiteral("must be one of sequential, concurrent, parallel-blocking, parallel-cpu, "
                               "mixed, anti-pattern, background-jobs (got \"%1\")")
                    .arg(mode));
        r.integer(QStringLiteral("concurrency"), &s.concurrency, 1, Scenario::MaxConcurrency);
        r.integer(QStringLiteral("requests"), &s.requests, 0, 10e6);
        r.number(QStringLiteral("duration_s"), &s.durationS, 0, 7 * 24 * 3600);
        r.number(QStringLiteral("rate"), &s.rate, 0, 1e6);
        r.number(QStringLiteral("burstiness"), &s.burstiness, 0, 1e6);
        r.integer(QStringLiteral("warmup"), &s.warmup, 0, 1e6);
        r.integer(QStringLiteral("send_window"), &s.sendWindow, 0, 1000);
        r.integer(QStringLiteral("seed"), &s.seed, 0, 9007199254740992.0);
        r.integer(QStringLiteral("workers"), &s.workers, 1, 256);
        r.number(QStringLiteral("cpu_task_ms"), &s.cpuTaskMs, 0, 600e3);
        r.boolean(QStringLiteral("cpu_only"), &s.cpuOnly);
        r.integer(QStringLiteral("cpu_slice_ms"), &s.cpuSliceMs, 1, 10e3);
        r.integer(QStringLiteral("job_fail_every"), &s.jobFailEvery, 0, 1e6);
        r.integer(QStringLiteral("job_poll_ms"), &s.jobPollMs, 1, 60e3);
        r.finish();
        if (!r.ok())
            return false;
    }

    if (top.section(QStringLiteral("request"), &section)) {
        SectionReader r(section, QStringLiteral("request"), error);
        r.boolean(QStringLiteral("stream"), &s.stream);
        r.integer(QStringLiteral("max_tokens"), &s.maxTokens, 1, 1e6);
        r.boolean(QStringLiteral("ignore_eos"), &s.ignoreEos);
        r.string(QStringLiteral("prompt"), &s.prompt);
        r.integer(QStringLiteral("prompt_tokens"), &s.promptTokens, 0, 1e6);
        r.integer(QStringLiteral("keep_text_bytes"), &s.keepTextBytes, 0, Scenario::KeepTextAll);
        r.finish();
        if (!r.ok())
            return false;
    }

    if (top.section(QStringLiteral("workload"), &section)) {
        SectionReader r(section, QStringLiteral("workload"), error);
        WorkloadSettings &w = s.workload;
        r.string(QStringLiteral("input_tokens"), &w.inputTokens);
        r.string(QStringLiteral("output_tokens"), &w.outputTokens);
        r.integer(QStringLiteral("prefix_tokens"), &w.prefixTokens, 0, 1e6);
        r.integer(QStringLiteral("prefix_groups"), &w.prefixGroups, 1, 1e6);
        r.string(QStringLiteral("dataset"), &w.dataset);
        r.string(QStringLiteral("dataset_format"), &w.datasetFormat);
        r.integer(QStringLiteral("dataset_sample"), &w.datasetSample, 0, 1e8);
        r.boolean(QStringLiteral("dataset_sample_replace"), &w.datasetSampleReplace);
        r.integer(QStringLiteral("dataset_min_input"), &w.datasetMinInput, 0, 1e6);
        r.integer(QStringLiteral("dataset_max_input"), &w.datasetMaxInput, 0, 1e6);
        r.integer(QStringLiteral("dataset_max_output"), &w.datasetMaxOutput, 0, 1e6);
        QJsonObject fields;
        if (r.section(QStringLiteral("dataset_fields"), &fields)) {
            for (auto it = fields.begin(); it != fields.end() && r.ok(); ++it) {
                if (!Dataset::fieldNames().contains(it.key()))
                    r.fail(QStringLiteral("dataset_fields"),
                        QStringLiteral("\"%1\" is not a field; the fields are %2")
                            .arg(it.key(), Dataset::fieldNames().join(QStringLiteral(", "))));
                else if (!it.value().isString() || it.value().toString().isEmpty())
                    r.fail(QStringLiteral("dataset_fields"),
                        QStringLiteral("\"%1\" must name the file's key or column (a non-empty string)")
                            .arg(it.key()));
                else
                    w.datasetFields.insert(it.key(), it.value().toString());
            }
        }
        r.boolean(QStringLiteral("multi_turn"), &w.multiTurn);
        r.integer(QStringLiteral("sessions"), &w.sessions, 0, 1e6);
        r.integer(QStringLiteral("turns"), &w.turns, 0, 1000);
        r.string(QStringLiteral("think_time"), &w.thinkTime);
        r.string(QStringLiteral("replay"), &w.replay);
        r.number(QStringLiteral("time_scale"), &w.timeScale, 1e-6, 1e6);
        r.finish();
        if (!r.ok())
            return false;
    }

    if (top.section(QStringLiteral("resilience"), &section)) {
        SectionReader r(section, QStringLiteral("resilience"), error);
        r.number(QStringLiteral("timeout_s"), &s.timeoutS, 0.001, 24 * 3600);
        r.number(QStringLiteral("idle_timeout_s"), &s.idleTimeoutS, 0.001, 24 * 3600);
        r.integer(QStringLiteral("retries"), &s.retries, 0, 100);
        r.number(QStringLiteral("retry_base_ms"), &s.retryBaseMs, 0, 3600e3);
        r.number(QStringLiteral("retry_max_ms"), &s.retryMaxMs, 0, 3600e3);
        r.number(QStringLiteral("rate_limit"), &s.rateLimit, 0, 1e6);
        r.integer(QStringLiteral("rate_limit_burst"), &s.rateLimitBurst, 1, 1e6);
        QString policy;
        r.string(QStringLiteral("error_policy"), &policy);
        if (r.ok() && !policy.isEmpty()) {
            if (policy == QLatin1String("collect-all"))
                s.errorPolicy = ErrorPolicy::CollectAll;
            else if (policy == QLatin1String("fail-fast"))
                s.errorPolicy = ErrorPolicy::FailFast;
            else
                r.fail(QStringLiteral("error_policy"),
                    QStringLiteral("must be \"collect-all\" or \"fail-fast\" (got \"%1\")").arg(policy));
        }
        r.integer(QStringLiteral("max_response_bytes"), &s.maxResponseBytes, 1024, 1e12);
        r.integer(QStringLiteral("max_event_bytes"), &s.maxEventBytes, 1024, 1024.0 * 1024 * 1024);
        r.integer(QStringLiteral("max_buffered_bytes"), &s.maxBufferedBytes, 1024 * 1024,
            1024.0 * 1024 * 1024 * 1024);
        r.finish();
        if (!r.ok())
            return false;
    }

    if (top.section(QStringLiteral("metrics"), &section)) {
        SectionReader r(section, QStringLiteral("metrics"), error);
        if (r.has(QStringLiteral("percentiles"))) {
            const QJsonValue v = section.value(QStringLiteral("percentiles"));
            if (!v.isArray() || v.toArray().isEmpty()) {
                r.fail(QStringLiteral("percentiles"), QStringLiteral("must be a non-empty array of numbers"));
            } else {
                s.percentiles.clear();
                for (const auto &p : v.toArray()) {
                    if (!p.isDouble() || p.toDouble() < 0 || p.toDouble() > 100) {
                        r.fail(QStringLiteral("percentiles"),
                            QStringLiteral("each must be a number from 0 to 100"));
                        break;
                    }
                    s.percentiles.append(p.toDouble());
                }
            }
        }
        QJsonObject slo;
        if (r.section(QStringLiteral("slo"), &slo)) {
            SectionReader sr(slo, QStringLiteral("metrics.slo"), error);
            sr.number(QStringLiteral("ttft_ms"), &s.slo.ttftMs, 0, 1e9);
            sr.number(QStringLiteral("tpot_ms"), &s.slo.tpotMs, 0, 1e9);
            sr.number(QStringLiteral("e2el_ms"), &s.slo.e2elMs, 0, 1e9);
            sr.finish();
            if (!sr.ok())
                return false;
        }
        r.finish();
        if (!r.ok())
            return false;
    }

    if (top.section(QStringLiteral("simulator"), &section)) {
        if (!readSimulator(section, QStringLiteral("simulator"), &s.simulator, error))
            return false;
    }

    top.finish();
    if (!top.ok())
        return false;
    if (!s.validate(error))
        return false;
    *out = s;
    return true;
}

bool Scenario::validate(QString *error) const
{
    auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    if (concurrency < 1 || concurrency > MaxConcurrency)
        return fail(QStringLiteral("load.concurrency: must be an integer from 1 to %1 (got %2)")
                        .arg(MaxConcurrency)
                        .arg(concurrency));
    if (concurrency > MaxQnamConcurrency && transport != Transport::Socket
        && (mode == ExecutionMode::Concurrent || mode == ExecutionMode::Mixed
            || mode == ExecutionMode::AntiPattern))
        return fail(
            QStringLiteral("load.concurrency: %1 streams need target.transport \"socket\" (--transport "
                           "socket); QNAM (the default) opens one HTTP thread per 6 connections and "
                           "stops at %2")
                .arg(concurrency)
                .arg(MaxQnamConcurrency));
    // Sessions end when their turns do, and a timestamped replay when its rows do (a dataset
    // without timestamps is refused at the start, when its rows are read).
    const bool endsByItself = workload.sessionRun()
        || (!workload.dataset.isEmpty() && workload.replay != QLatin1String("off") && rate <= 0);
    if (requests <= 0 && durationS <= 0 && !endsByItself)
        return fail(QStringLiteral("load: set requests or duration_s (both are 0, the run would never end)"));
    if (rate < 0)
        return fail(QStringLiteral("load.rate: must not be negative"));
    if (burstiness < 0)
        return fail(QStringLiteral("load.burstiness: must not be negative (0 means constant gaps)"));
    if (!url.isEmpty()) {
        if (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            return fail(
                QStringLiteral("target.url: must be an http:// or https:// URL with a host (got \"%1\")")
                    .arg(url.toString(QUrl::RemoveUserInfo)));
    }
    if (transport == Transport::Socket && http2)
        return fail(QStringLiteral("target.transport: \"socket\" speaks HTTP/1.1 only; HTTP/2 (target.http2) "
                                   "needs transport \"qnam\""));
    if (!serverMetrics.isEmpty() && serverMetrics != QLatin1String("auto")) {
        const QUrl metrics(serverMetrics, QUrl::StrictMode);
        if (!metrics.isValid()
            || (metrics.scheme() != QLatin1String("http") && metrics.scheme() != QLatin1String("https"))
            || metrics.host().isEmpty())
            return fail(
                QStringLiteral("target.server_metrics: must be \"auto\" or an http:// or https:// URL "
                               "with a host (got \"%1\")")
                    .arg(metrics.toString(QUrl::RemoveUserInfo)));
    }
    if (serverMetricsIntervalMs < 50 || serverMetricsIntervalMs > 60000)
        return fail(
            QStringLiteral("target.server_metrics_interval_ms: must be an integer from 50 to 60000 (got %1)")
                .arg(serverMetricsIntervalMs));
    for (const QString &name : serverMetricNames) {
        static const QRegularExpression metricName(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
        if (!metricName.match(name).hasMatch())
            return fail(QStringLiteral("target.server_metric_names: \"%1\" is not a Prometheus metric name "
                                       "(letters, digits, '_' and ':', not starting with a digit)")
                            .arg(name));
    }
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const QString key = it.key().toLower();
        if (key == QLatin1String("authorization"))
            return fail(QStringLiteral("target.headers.%1: the API key comes from the environment variable "
                                       "named by api_key_env, never from the scenario")
                            .arg(it.key()));
        // A header name is an RFC 9110 token; anything else (a colon, a space, CR or LF) would let
        // a scenario write its own request lines onto the wire.
        // (Anything outside Latin-1 becomes '?', which is not a token character either.)
        if (!HttpSyntax::isToken(key.toLatin1()))
            return fail(
                QStringLiteral("target.headers: \"%1\" is not a valid header name (letters, digits and "
                               "!#$%&'*+-.^_`|~ only)")
                    .arg(QString(it.key())
                             .replace(u'\r', QLatin1String("\\r"))
                             .replace(u'\n', QLatin1String("\\n"))));
        const QString &value = it.value();
        if (value.contains(u'\r') || value.contains(u'\n') || value.contains(QChar(0)))
            return fail(
                QStringLiteral("target.headers.%1: the value holds a line break or NUL, which would end the "
                               "header and start another on the wire")
                    .arg(it.key()));
        // Framing and the fields the client itself must own to measure honestly.
        static const char *const owned[] = { "content-length", "transfer-encoding", "host", "connection",
            "keep-alive", "te", "trailer", "upgrade", "accept-encoding", "x-request-id" };
        for (const char *name : owned) {
            if (key == QLatin1String(name))
                return fail(
                    QStringLiteral("target.headers.%1: set by BurgerBench itself (framing, connection "
                                   "handling and the request id it matches server logs with)")
                        .arg(it.key()));
        }
    }
    if (apiKeyEnv.contains(u'=') || apiKeyEnv.contains(u' '))
        return fail(QStringLiteral("target.api_key_env: must be an environment variable name (got \"%1\")")
                        .arg(apiKeyEnv));
    if (retryMaxMs < retryBaseMs)
        return fail(QStringLiteral("resilience.retry_max_ms: must be at least retry_base_ms"));
    if (percentiles.isEmpty())
        return fail(QStringLiteral("metrics.percentiles: must not be empty"));
    return validateWorkload(error);
}

bool Scenario::validateWorkload(QString *error) const
{
    const WorkloadSettings &w = workload;
    LengthDistribution d;
    if (!w.inputTokens.isEmpty()
        && !LengthDistribution::parse(w.inputTokens, QStringLiteral("workload.input_tokens"), &d, error))
        return false;
    if (!w.outputTokens.isEmpty()
        && !LengthDistribution::parse(w.outputTokens, QStringLiteral("workload.output_tokens"), &d, error))
        return false;
    auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    if (w.prefixTokens < 0 || w.prefixTokens > LengthDistribution::MaxLength)
        return fail(QStringLiteral("workload.prefix_tokens: must be a whole number from 0 to %1 (got %2)")
                        .arg(LengthDistribution::MaxLength)
                        .arg(w.prefixTokens));
    if (w.prefixGroups < 1)
        return fail(
            QStringLiteral("workload.prefix_groups: must be at least 1 (got %1)").arg(w.prefixGroups));
    if (!Dataset::validFormat(w.datasetFormat))
        return fail(QStringLiteral(
            "workload.dataset_format: must be auto, jsonl, csv, mooncake or sharegpt (got \"%1\")")
                        .arg(w.datasetFormat));
    if (w.dataset.isEmpty()
        && (w.datasetSampleReplace || w.datasetMinInput > 0 || w.datasetMaxInput > 0 || w.datasetMaxOutput > 0
            || !w.datasetFields.isEmpty()))
        return fail(QStringLiteral("workload.dataset_*: sampling, filters and fields need workload.dataset"));
    if (w.datasetSampleReplace && w.datasetSample <= 0)
        return fail(QStringLiteral("workload.dataset_sample_replace: needs workload.dataset_sample"));
    if (w.datasetMaxInput > 0 && w.datasetMinInput > w.datasetMaxInput)
        return fail(QStringLiteral("workload.dataset_min_input: must not be above dataset_max_input"));
    if (w.datasetSample < 0)
        return fail(QStringLiteral("workload.dataset_sample: must not be negative"));
    if (w.dataset.isEmpty() && w.datasetSample > 0)
        return fail(QStringLiteral("workload.dataset_sample: needs workload.dataset"));
    if (!w.dataset.isEmpty() && (!w.inputTokens.isEmpty() || w.prefixTokens > 0))
        return fail(QStringLiteral("workload.dataset: the prompts come from the dataset; unset input_tokens "
                                   "and prefix_tokens"));
    if (!prompt.isEmpty() && !w.inputTokens.isEmpty())
        return fail(QStringLiteral("workload.input_tokens: prompts are synthesised to these lengths; unset "
                                   "request.prompt"));
    if (w.active() && cpuTasksOnly())
        return fail(QStringLiteral("workload: a CPU-only run sends no requests"));
    return validateSessions(error);
}

bool Scenario::validateSessions(QString *error) const
{
    const WorkloadSettings &w = workload;
    auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    if (w.sessions < 0 || w.sessions > 1'000'000)
        return fail(QStringLiteral("workload.sessions: must be a whole number from 0 to 1000000 (got %1)")
                        .arg(w.sessions));
    if (w.turns < 0 || w.turns > 1000)
        return fail(
            QStringLiteral("workload.turns: must be a whole number from 0 to 1000 (got %1)").arg(w.turns));
    if (w.dataset.isEmpty()) {
        if (w.multiTurn && w.sessions == 0)
            return fail(
                QStringLiteral("workload.multi_turn: needs a conversation dataset (workload.dataset) or "
                               "synthetic sessions (workload.sessions and workload.turns)"));
        if (w.sessions > 0 && w.turns < 1)
            return fail(
                QStringLiteral("workload.turns: synthetic sessions need the turns of each conversation, "
                               "from 1 to 1000 (got %1)")
                    .arg(w.turns));
    } else if (w.sessions > 0 && !w.multiTurn) {
        return fail(
            QStringLiteral("workload.sessions: with a dataset, set workload.multi_turn so its rows are "
                           "read as conversations"));
    }
    if (w.turns > 0 && !w.sessionRun())
        return fail(QStringLiteral("workload.turns: needs workload.sessions (synthetic conversations) or "
                                   "workload.multi_turn with a conversation dataset"));
    if (!w.thinkTime.isEmpty()) {
        if (!w.sessionRun())
            return fail(
                QStringLiteral("workload.think_time: only multi-turn sessions think between turns; set "
                               "workload.sessions or workload.multi_turn"));
        LengthDistribution think;
        if (!parseThinkTime(w.thinkTime, &think, error))
            return false;
    }
    if (w.replay != QLatin1String("auto") && w.replay != QLatin1String("on")
        && w.replay != QLatin1String("off"))
        return fail(QStringLiteral("workload.replay: must be auto, on or off (got \"%1\")").arg(w.replay));
    if (!std::isfinite(w.timeScale) || w.timeScale <= 0 || w.timeScale > 1e6)
        return fail(
            QStringLiteral("workload.time_scale: must be a number above 0 and at most 1000000 (got %1)")
                .arg(w.timeScale));
    if (w.replay == QLatin1String("on")) {
        if (w.dataset.isEmpty())
            return fail(
                QStringLiteral("workload.replay: on replays a dataset's timestamps; set workload.dataset"));
        if (rate > 0)
            return fail(
                QStringLiteral("workload.replay: on sends each row at its timestamp; set load.rate to 0 "
                               "(or replay to off)"));
        if (w.sessionRun())
            return fail(
                QStringLiteral("workload.replay: a session's turns follow its answers, not timestamps; "
                               "set replay to off (or auto) with multi-turn sessions"));
    }
    if (w.timeScale != 1.0
        && (w.dataset.isEmpty() || w.replay == QLatin1String("off") || w.sessionRun() || rate > 0))
        return fail(QStringLiteral("workload.time_scale: stretches a timestamped replay (a dataset with "
                                   "timestamps, workload.replay auto or on, load.rate 0, no sessions)"));
    if (w.sessionRun()) {
        if (requests > 0)
            return fail(
                QStringLiteral("load.requests: a multi-turn run sends every turn of its sessions; set it "
                               "to 0 (the sessions decide how many requests)"));
        if (rate > 0)
            return fail(QStringLiteral("load.rate: a session's next turn follows its answer and think time "
                                       "(closed loop); set it to 0"));
    }
    return true;
}

bool Scenario::load(const QString &path, Scenario *out, QString *error)
{
    // A scenario is a small regular file: never read a device, a FIFO or an endless stream.
    constexpr qint64 MaxScenarioBytes = 16 * 1024 * 1024;
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("%1: not a regular file (a scenario is a JSON file)").arg(path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.read(MaxScenarioBytes + 1);
    if (bytes.size() > MaxScenarioBytes) {
        *error = QStringLiteral("%1: larger than %2 MiB; a scenario is a small JSON file")
                     .arg(path)
                     .arg(MaxScenarioBytes >> 20);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: not valid JSON at byte %2: %3")
                     .arg(path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("%1: the scenario must be a JSON object").arg(path);
        return false;
    }
    // A file says what it is, and says each thing once: JSON parsers keep only the last of two
    // equal keys, so a duplicate would silently run something the reader did not see.
    if (!doc.object().contains(QLatin1String("schema"))) {
        *error = QStringLiteral("%1: no \"schema\" field; a scenario file begins {\"schema\": \"%2\", ...}")
                     .arg(path, schemaId());
        return false;
    }
    const QString duplicate = firstDuplicateKey(bytes);
    if (!duplicate.isEmpty()) {
        *error = QStringLiteral("%1: %2: given twice; JSON keeps only the last, so say it once")
                     .arg(path, duplicate);
        return false;
    }
    QString fieldError;
    if (!fromJson(doc.object(), out, &fieldError)) {
        *error = QStringLiteral("%1: %2").arg(path, fieldError);
        return false;
    }
    return true;
}

QJsonObject Scenario::toJson() const
{
    QJsonObject headerObject;
    for (auto it = headers.begin(); it != headers.end(); ++it)
        headerObject.insert(it.key(), it.value());
    QJsonArray ranks;
    for (double p : percentiles)
        ranks.append(p);

    QJsonObject out {
        { QStringLiteral("schema"), schemaId() },
        { QStringLiteral("name"), name },
        { QStringLiteral("target"),
            QJsonObject {
                { QStringLiteral("url"), url.toString(QUrl::RemoveUserInfo) },
                { QStringLiteral("model"), model },
                { QStringLiteral("endpoint"), endpointName(endpoint) },
                { QStringLiteral("api_key_env"), apiKeyEnv },
                { QStringLiteral("headers"), headerObject },
                { QStringLiteral("http2"), http2 },
                { QStringLiteral("transport"),
                    transport == Transport::Socket ? QStringLiteral("socket") : QStringLiteral("qnam") },
                { QStringLiteral("server_metrics"), serverMetrics },
                { QStringLiteral("server_metrics_interval_ms"), serverMetricsIntervalMs },
                { QStringLiteral("server_metric_names"), QJsonArray::fromStringList(serverMetricNames) },
            } },
        { QStringLiteral("load"),
            QJsonObject {
                { QStringLiteral("mode"), executionModeName(mode) },
                { QStringLiteral("concurrency"), concurrency },
                { QStringLiteral("requests"), requests },
                { QStringLiteral("duration_s"), durationS },
                { QStringLiteral("rate"), rate },
                { QStringLiteral("burstiness"), burstiness },
                { QStringLiteral("warmup"), warmup },
                { QStringLiteral("send_window"), sendWindow },
                { QStringLiteral("seed"), double(seed) },
                { QStringLiteral("workers"), workers },
                { QStringLiteral("cpu_task_ms"), cpuTaskMs },
                { QStringLiteral("cpu_only"), cpuOnly },
                { QStringLiteral("cpu_slice_ms"), cpuSliceMs },
                { QStringLiteral("job_fail_every"), jobFailEvery },
                { QStringLiteral("job_poll_ms"), jobPollMs },
            } },
        { QStringLiteral("request"),
            QJsonObject {
                { QStringLiteral("stream"), stream },
                { QStringLiteral("max_tokens"), maxTokens },
                { QStringLiteral("ignore_eos"), ignoreEos },
                { QStringLiteral("prompt"), prompt },
                { QStringLiteral("prompt_tokens"), promptTokens },
                { QStringLiteral("keep_text_bytes"), keepTextBytes },
            } },
        { QStringLiteral("resilience"),
            QJsonObject {
                { QStringLiteral("timeout_s"), timeoutS },
                { QStringLiteral("idle_timeout_s"), idleTimeoutS },
                { QStringLiteral("retries"), retries },
                { QStringLiteral("retry_base_ms"), retryBaseMs },
                { QStringLiteral("retry_max_ms"), retryMaxMs },
                { QStringLiteral("rate_limit"), rateLimit },
                { QStringLiteral("rate_limit_burst"), rateLimitBurst },
                { QStringLiteral("error_policy"),
                    errorPolicy == ErrorPolicy::FailFast ? QStringLiteral("fail-fast")
                                                         : QStringLiteral("collect-all") },
                { QStringLiteral("max_response_bytes"), double(maxResponseBytes) },
                { QStringLiteral("max_event_bytes"), double(maxEventBytes) },
                { QStringLiteral("max_buffered_bytes"), double(maxBufferedBytes) },
            } },
        { QStringLiteral("metrics"),
            QJsonObject {
                { QStringLiteral("percentiles"), ranks },
                { QStringLiteral("slo"),
                    QJsonObject {
                        { QStringLiteral("ttft_ms"), slo.ttftMs },
                        { QStringLiteral("tpot_ms"), slo.tpotMs },
                        { QStringLiteral("e2el_ms"), slo.e2elMs },
                    } },
            } },
        { QStringLiteral("simulator"), simulatorToJson(simulator) },
    };
    // Only when set: a run without a workload writes the scenario it always wrote.
    if (workload.active()) {
        out.insert(QStringLiteral("workload"),
            QJsonObject {
                { QStringLiteral("input_tokens"), workload.inputTokens },
                { QStringLiteral("output_tokens"), workload.outputTokens },
                { QStringLiteral("prefix_tokens"), workload.prefixTokens },
                { QStringLiteral("prefix_groups"), workload.prefixGroups },
                { QStringLiteral("dataset"), workload.dataset },
                { QStringLiteral("dataset_format"), workload.datasetFormat },
                { QStringLiteral("dataset_sample"), workload.datasetSample },
                { QStringLiteral("dataset_sample_replace"), workload.datasetSampleReplace },
                { QStringLiteral("dataset_min_input"), workload.datasetMinInput },
                { QStringLiteral("dataset_max_input"), workload.datasetMaxInput },
                { QStringLiteral("dataset_max_output"), workload.datasetMaxOutput },
                { QStringLiteral("dataset_fields"), datasetFieldsJson(workload.datasetFields) },
                { QStringLiteral("multi_turn"), workload.multiTurn },
                { QStringLiteral("sessions"), workload.sessions },
                { QStringLiteral("turns"), workload.turns },
                { QStringLiteral("think_time"), workload.thinkTime },
                { QStringLiteral("replay"), workload.replay },
                { QStringLiteral("time_scale"), workload.timeScale },
            });
    }
    // Only when set, likewise; an insecure run says so in every report made from its scenario.
    if (!tlsCaFile.isEmpty() || tlsInsecure) {
        QJsonObject target = out.value(QStringLiteral("target")).toObject();
        target.insert(QStringLiteral("tls"),
            QJsonObject {
                { QStringLiteral("ca_file"), tlsCaFile }, { QStringLiteral("insecure"), tlsInsecure } });
        out.insert(QStringLiteral("target"), target);
    }
    return out;
}

} // namespace BurgerBench
