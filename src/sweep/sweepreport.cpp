#include "sweep/sweepreport.h"

#include "report/atomicfile.h"
#include "report/csvreport.h"
#include "report/jsonreport.h"
#include "report/secretscrub.h"
#include "sweep/sweeptheory.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace BurgerBench::SweepReport {

namespace {

// JSON has no NaN: an unknown figure is null.
QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

double numOf(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : std::nan("");
}

QJsonObject intervalJson(const MeanInterval &m)
{
    return { { QStringLiteral("mean"), num(m.mean) }, { QStringLiteral("lo"), num(m.lo) },
        { QStringLiteral("hi"), num(m.hi) }, { QStringLiteral("n"), m.n } };
}

QJsonValue littleJson(const LittlesLaw &l)
{
    if (!l.valid)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject { { QStringLiteral("in_flight"), num(l.inFlight) },
        { QStringLiteral("rate"), num(l.rate) }, { QStringLiteral("e2e_s"), num(l.e2eS) },
        { QStringLiteral("rate_x_e2e"), num(l.rateTimesE2e) }, { QStringLiteral("ratio"), num(l.ratio) } };
}

// Null unless the steps ran against the built-in simulator (sweep/sweeptheory.h).
QJsonValue theoryJson(const SweepResult &r)
{
    const SimulatorTheory t = SweepTheory::simulatorTheory(r);
    if (!t.valid)
        return QJsonValue(QJsonValue::Null);
    QJsonArray expected;
    for (const SweepStep &s : r.steps)
        expected.append(num(t.expectedRps(s.over, s.value)));
    return QJsonObject { { QStringLiteral("capacity"), t.capacity }, { QStringLiteral("ttft_ms"), t.ttftMs },
        { QStringLiteral("token_interval_ms"), t.tokenIntervalMs },
        { QStringLiteral("output_tokens"), t.outputTokens }, { QStringLiteral("prefill_ms"), t.prefillMs },
        { QStringLiteral("service_time_s"), t.serviceTimeS },
        { QStringLiteral("ceiling_rps"), num(t.ceilingRps) },
        { QStringLiteral("ceiling_output_tps"), num(t.ceilingOutputTps) },
        { QStringLiteral("expected_rps"), expected } };
}

QString fmt(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 10) : QString();
}

} // namespace

QString schemaId()
{
    return QStringLiteral("burgerbench.sweep/1");
}

bool isSweep(const QJsonObject &json)
{
    return json.value(QLatin1String("schema")).toString() == schemaId();
}

QJsonObject toJson(const SweepResult &r)
{
    const SecretScrubber scrub;
    QJsonArray slo;
    for (const QString &s : r.slo)
        slo.append(s);
    QJsonArray steps;
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const SweepStep &s = r.steps[i];
        QJsonArray violations;
        for (const QString &v : s.violations)
            violations.append(v);
        QJsonObject o {
            { QStringLiteral("index"), int(i) },
            { QStringLiteral("point"), s.point },
            { QStringLiteral("repeat"), s.repeat },
            { QStringLiteral("phase"), sweepPhaseName(s.phase) },
            { QStringLiteral("over"), sweepOverName(s.over) },
            { QStringLiteral("value"), s.value },
            { QStringLiteral("saturated"), s.saturation.saturated },
            { QStringLiteral("saturation"),
                QJsonObject { { QStringLiteral("rate_short"), s.saturation.rateShort },
                    { QStringLiteral("queue_growing"), s.saturation.queueGrowing },
                    { QStringLiteral("server_queue_growing"), s.saturation.serverQueueGrowing },
                    { QStringLiteral("arrival_rate"), s.saturation.arrivalRate },
                    { QStringLiteral("completion_rate"), s.saturation.completionRate },
                    { QStringLiteral("output_rate"), s.saturation.outputRate },
                    { QStringLiteral("lateness_first_ms"), s.saturation.latenessFirstMs },
                    { QStringLiteral("lateness_last_ms"), s.saturation.latenessLastMs },
                    { QStringLiteral("ttft_first_ms"), s.saturation.ttftFirstMs },
                    { QStringLiteral("ttft_last_ms"), s.saturation.ttftLastMs },
                    { QStringLiteral("ttft_trend_ms_per_s"), num(s.saturation.ttftTrendMsPerS) },
                    { QStringLiteral("ttft_trend_se_ms_per_s"), num(s.saturation.ttftTrendSeMsPerS) },
                    { QStringLiteral("ttft_trending"), s.saturation.ttftTrending },
                    { QStringLiteral("reason"), s.saturation.reason } } },
            { QStringLiteral("meets_slo"), s.meetsSlo },
            { QStringLiteral("violations"), violations },
            { QStringLiteral("target_failed"), s.targetFailed },
            { QStringLiteral("little"), littleJson(SweepTheory::littlesLaw(s)) },
        };
        if (!s.error.isEmpty()) {
            o.insert(QStringLiteral("error"), scrub.text(s.error));
            o.insert(QStringLiteral("run"), QJsonValue(QJsonValue::Null));
        } else {
            o.insert(QStringLiteral("run"), JsonReport::toJson(s.trace, s.summary));
        }
        steps.append(o);
    }
    QJsonArray points;
    for (const SweepPoint &p : r.points) {
        points.append(QJsonObject {
            { QStringLiteral("over"), sweepOverName(p.over) },
            { QStringLiteral("value"), p.value },
            { QStringLiteral("phase"), sweepPhaseName(p.phase) },
            { QStringLiteral("runs"), p.runs },
            { QStringLiteral("saturated"), p.saturated },
            { QStringLiteral("meets_slo"), p.meetsSlo },
            { QStringLiteral("request_throughput"), intervalJson(p.requestThroughput) },
            { QStringLiteral("output_throughput"), intervalJson(p.outputThroughput) },
            { QStringLiteral("arrival_rate"), intervalJson(p.arrivalRate) },
            { QStringLiteral("ttft_p50_ms"), intervalJson(p.ttftP50) },
            { QStringLiteral("ttft_p99_ms"), intervalJson(p.ttftP99) },
            { QStringLiteral("itl_p50_ms"), intervalJson(p.itlP50) },
            { QStringLiteral("itl_p99_ms"), intervalJson(p.itlP99) },
            { QStringLiteral("e2el_p50_ms"), intervalJson(p.e2elP50) },
            { QStringLiteral("e2el_p99_ms"), intervalJson(p.e2elP99) },
        });
    }
    QJsonObject result {
        { QStringLiteral("max_request_throughput"), r.maxRequestThroughput },
        { QStringLiteral("max_output_throughput"), r.maxOutputThroughput },
    };
    if (r.capacity.searched) {
        const SweepCapacity &c = r.capacity;
        QJsonArray cslo;
        for (const QString &s : c.slo)
            cslo.append(s);
        QJsonArray probes;
        for (const SweepStep &s : r.steps) {
            if (s.phase == SweepPhase::Probe && s.repeat == 0)
                probes.append(s.value);
        }
        result.insert(QStringLiteral("capacity"),
            QJsonObject { { QStringLiteral("over"), sweepOverName(c.over) },
                { QStringLiteral("value"), num(c.value) },
                { QStringLiteral("bracket"), QJsonArray { num(c.lo), num(c.hi) } },
                { QStringLiteral("arrival_rate"), num(c.arrivalRate) }, { QStringLiteral("slo"), cslo },
                { QStringLiteral("converged"), c.converged }, { QStringLiteral("stop_reason"), c.stopReason },
                { QStringLiteral("probes"), probes } });
    } else {
        result.insert(QStringLiteral("capacity"), QJsonValue(QJsonValue::Null));
    }
    return {
        { QStringLiteral("schema"), schemaId() },
        { QStringLiteral("profile"), sweepProfileName(r.profile) },
        { QStringLiteral("over"), sweepOverName(r.over) },
        { QStringLiteral("repeats"), r.repeats },
        { QStringLiteral("auto_steps"), r.autoSteps },
        { QStringLiteral("tolerance"), r.tolerance },
        { QStringLiteral("max_steps"), r.maxSteps },
        { QStringLiteral("slo"), slo },
        { QStringLiteral("target_url"), scrub.url(r.targetUrl) },
        { QStringLiteral("cancelled"), r.cancelled },
        { QStringLiteral("stopped"),
            r.stopped.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(scrub.text(r.stopped)) },
        { QStringLiteral("steps"), steps },
        { QStringLiteral("points"), points },
        { QStringLiteral("result"), result },
        { QStringLiteral("theory"), theoryJson(r) },
    };
}

QByteArray toBytes(const SweepResult &result)
{
    return QJsonDocument(toJson(result)).toJson(QJsonDocument::Indented);
}

bool write(const QString &path, const SweepResult &result, QString *error)
{
    return writeFileAtomically(path, toBytes(result), error);
}

bool fromJson(const QJsonObject &json, SweepResult *out, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!isSweep(json))
        return fail(QStringLiteral("schema: expected \"%1\" (got \"%2\")")
                        .arg(schemaId(), json.value(QLatin1String("schema")).toString()));
    SweepResult r;
    if (!sweepProfileFromName(json.value(QLatin1String("profile")).toString(), &r.profile))
        return fail(
            QStringLiteral("profile: unknown \"%1\"").arg(json.value(QLatin1String("profile")).toString()));
    if (!sweepOverFromName(json.value(QLatin1String("over")).toString(), &r.over))
        return fail(QStringLiteral("over: expected rate or concurrency"));
    r.repeats = json.value(QLatin1String("repeats")).toInt(1);
    r.autoSteps = json.value(QLatin1String("auto_steps")).toInt();
    r.tolerance = json.value(QLatin1String("tolerance")).toDouble();
    r.maxSteps = json.value(QLatin1String("max_steps")).toInt();
    for (const auto &v : json.value(QLatin1String("slo")).toArray())
        r.slo.append(v.toString());
    r.targetUrl = json.value(QLatin1String("target_url")).toString();
    r.cancelled = json.value(QLatin1String("cancelled")).toBool();
    r.stopped = json.value(QLatin1String("stopped")).toString();
    const QJsonValue stepsValue = json.value(QLatin1String("steps"));
    if (!stepsValue.isArray())
        return fail(QStringLiteral("steps: expected an array"));
    const QJsonArray steps = stepsValue.toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject o = steps.at(i).toObject();
        const QString where = QStringLiteral("steps[%1]").arg(i);
        SweepStep s;
        s.point = o.value(QLatin1String("point")).toInt(-1);
        s.repeat = o.value(QLatin1String("repeat")).toInt();
        if (s.point < 0)
            return fail(where + QStringLiteral(".point: expected a whole number from 0"));
        if (!sweepPhaseFromName(o.value(QLatin1String("phase")).toString(), &s.phase))
            return fail(where
                + QStringLiteral(".phase: unknown \"%1\"").arg(o.value(QLatin1String("phase")).toString()));
        if (!sweepOverFromName(o.value(QLatin1String("over")).toString(), &s.over))
            return fail(where + QStringLiteral(".over: expected rate or concurrency"));
        if (!o.value(QLatin1String("value")).isDouble())
            return fail(where + QStringLiteral(".value: expected a number"));
        s.value = o.value(QLatin1String("value")).toDouble();
        const QJsonObject sat = o.value(QLatin1String("saturation")).toObject();
        s.saturation.saturated = o.value(QLatin1String("saturated")).toBool();
        s.saturation.rateShort = sat.value(QLatin1String("rate_short")).toBool();
        s.saturation.queueGrowing = sat.value(QLatin1String("queue_growing")).toBool();
        s.saturation.serverQueueGrowing = sat.value(QLatin1String("server_queue_growing")).toBool();
        s.saturation.arrivalRate = sat.value(QLatin1String("arrival_rate")).toDouble();
        s.saturation.completionRate = sat.value(QLatin1String("completion_rate")).toDouble();
        s.saturation.outputRate = sat.value(QLatin1String("output_rate")).toDouble();
        s.saturation.latenessFirstMs = sat.value(QLatin1String("lateness_first_ms")).toDouble();
        s.saturation.latenessLastMs = sat.value(QLatin1String("lateness_last_ms")).toDouble();
        s.saturation.ttftFirstMs = sat.value(QLatin1String("ttft_first_ms")).toDouble();
        s.saturation.ttftLastMs = sat.value(QLatin1String("ttft_last_ms")).toDouble();
        s.saturation.ttftTrendMsPerS = numOf(sat.value(QLatin1String("ttft_trend_ms_per_s")));
        s.saturation.ttftTrendSeMsPerS = numOf(sat.value(QLatin1String("ttft_trend_se_ms_per_s")));
        s.saturation.ttftTrending = sat.value(QLatin1String("ttft_trending")).toBool();
        s.saturation.reason = sat.value(QLatin1String("reason")).toString();
        s.meetsSlo = o.value(QLatin1String("meets_slo")).toBool(true);
        for (const auto &v : o.value(QLatin1String("violations")).toArray())
            s.violations.append(v.toString());
        s.targetFailed = o.value(QLatin1String("target_failed")).toBool();
        s.error = o.value(QLatin1String("error")).toString();
        const QJsonValue run = o.value(QLatin1String("run"));
        if (run.isObject()) {
            QString runError;
            if (!JsonReport::fromJson(run.toObject(), &s.trace, &runError))
                return fail(where + QStringLiteral(".run: ") + runError);
            QList<double> ranks = s.trace.scenario.percentiles;
            for (double rank : { 50.0, 99.0 }) {
                if (!ranks.contains(rank))
                    ranks.append(rank);
            }
            s.summary = computeSummary(s.trace, ranks, s.trace.scenario.slo);
        } else if (s.error.isEmpty()) {
            return fail(where + QStringLiteral(".run: expected the step's run report"));
        }
        r.steps.push_back(std::move(s));
    }
    const QJsonObject result = json.value(QLatin1String("result")).toObject();
    const QJsonValue capacity = result.value(QLatin1String("capacity"));
    if (capacity.isObject()) {
        const QJsonObject c = capacity.toObject();
        SweepCapacity &cap = r.capacity;
        cap.searched = true;
        if (!sweepOverFromName(c.value(QLatin1String("over")).toString(), &cap.over))
            return fail(QStringLiteral("result.capacity.over: expected rate or concurrency"));
        cap.value = numOf(c.value(QLatin1String("value")));
        const QJsonArray bracket = c.value(QLatin1String("bracket")).toArray();
        if (bracket.size() != 2)
            return fail(QStringLiteral("result.capacity.bracket: expected [lo, hi]"));
        cap.lo = numOf(bracket.at(0));
        cap.hi = numOf(bracket.at(1));
        cap.converged = c.value(QLatin1String("converged")).toBool();
        cap.arrivalRate = numOf(c.value(QLatin1String("arrival_rate")));
        cap.stopReason = c.value(QLatin1String("stop_reason")).toString();
        for (const auto &v : c.value(QLatin1String("slo")).toArray())
            cap.slo.append(v.toString());
    }
    r.aggregate();
    *out = std::move(r);
    return true;
}

bool read(const QString &path, SweepResult *out, QString *error)
{
    QByteArray bytes;
    if (!readWholeFile(path, &bytes, error))
        return false;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: not a JSON object (%2)").arg(path, parseError.errorString());
        return false;
    }
    QString why;
    if (!fromJson(doc.object(), out, &why)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    return true;
}

QStringList csvColumns()
{
    return { QStringLiteral("step"), QStringLiteral("point"), QStringLiteral("repeat"),
        QStringLiteral("phase"), QStringLiteral("over"), QStringLiteral("value"), QStringLiteral("saturated"),
        QStringLiteral("meets_slo"), QStringLiteral("sent"), QStringLiteral("completed"),
        QStringLiteral("failed"), QStringLiteral("request_throughput"), QStringLiteral("output_throughput"),
        QStringLiteral("arrival_rate"), QStringLiteral("completion_rate"), QStringLiteral("output_rate"),
        QStringLiteral("ttft_p50_ms"), QStringLiteral("ttft_p99_ms"), QStringLiteral("itl_p50_ms"),
        QStringLiteral("itl_p99_ms"), QStringLiteral("e2el_p50_ms"), QStringLiteral("e2el_p99_ms"),
        QStringLiteral("saturation"), QStringLiteral("error") };
}

QByteArray toCsv(const SweepResult &r)
{
    QString out = csvColumns().join(u',') + QStringLiteral("\r\n");
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const SweepStep &s = r.steps[i];
        const Summary &m = s.summary;
        const bool ran = s.error.isEmpty();
        QStringList row { QString::number(i + 1), QString::number(s.point), QString::number(s.repeat),
            sweepPhaseName(s.phase), sweepOverName(s.over), fmt(s.value),
            s.saturation.saturated ? QStringLiteral("true") : QStringLiteral("false"),
            s.meetsSlo ? QStringLiteral("true") : QStringLiteral("false"),
            ran ? QString::number(m.sent) : QString(), ran ? QString::number(m.completed) : QString(),
            ran ? QString::number(m.failed) : QString(), ran ? fmt(m.requestThroughput) : QString(),
            ran ? fmt(m.outputThroughput) : QString(), fmt(s.saturation.arrivalRate),
            fmt(s.saturation.completionRate), fmt(s.saturation.outputRate), fmt(m.ttft.percentile(50)),
            fmt(m.ttft.percentile(99)), fmt(m.itl.percentile(50)), fmt(m.itl.percentile(99)),
            fmt(m.e2el.percentile(50)), fmt(m.e2el.percentile(99)),
            CsvReport::quoteField(s.saturation.reason), CsvReport::quoteField(s.error) };
        out += row.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

bool writeCsv(const QString &path, const SweepResult &result, QString *error)
{
    return writeFileAtomically(path, toCsv(result), error);
}

} // namespace BurgerBench::SweepReport
