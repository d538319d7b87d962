#include "report/servermetricsjson.h"

#include "metrics/serverhistogram.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace BurgerBench::ServerMetricsJson {

namespace {

// JSON has no NaN or infinities; a server may report them (vLLM's hit rate of -1 is a number, but
// an idle summary quantile is NaN): written as the exposition's own spelling.
QJsonValue value(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return v;
}

bool readValue(const QJsonValue &v, double *out)
{
    if (v.isDouble()) {
        *out = v.toDouble();
        return true;
    }
    const QString s = v.toString();
    if (s == QLatin1String("NaN"))
        *out = std::numeric_limits<double>::quiet_NaN();
    else if (s == QLatin1String("+Inf"))
        *out = std::numeric_limits<double>::infinity();
    else if (s == QLatin1String("-Inf"))
        *out = -std::numeric_limits<double>::infinity();
    else
        return false;
    return true;
}

QJsonArray pairs(const std::vector<std::pair<qint64, double>> &points)
{
    QJsonArray out;
    for (const auto &p : points)
        out.append(QJsonArray { double(p.first), value(p.second) });
    return out;
}

bool fail(QString *error, const QString &where, const QString &message)
{
    if (error)
        *error = QStringLiteral("server_metrics") + where + QStringLiteral(": ") + message;
    return false;
}

} // namespace

QJsonObject toJson(const RunTrace &trace)
{
    const ServerMetricsRecord &m = trace.serverMetrics;
    QJsonObject o;
    o.insert(QLatin1String("url"), m.url);
    o.insert(QLatin1String("interval_ms"), m.intervalMs);
    o.insert(QLatin1String("scrapes"), m.scrapes);
    o.insert(QLatin1String("failed_scrapes"), m.failedScrapes);
    o.insert(QLatin1String("late_ticks"), m.lateTicks);
    o.insert(QLatin1String("dropped_samples"), double(m.droppedSamples));
    o.insert(QLatin1String("server"), m.server);
    QJsonArray log;
    for (const ServerScrape &s : m.log) {
        log.append(QJsonArray { double(s.sentNs), double(s.receivedNs), s.httpStatus,
            s.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(s.error) });
    }
    o.insert(QLatin1String("scrape_log"), log);
    QJsonArray series;
    for (const ServerSeries &s : m.series) {
        QJsonObject labels;
        for (const auto &l : s.labels)
            labels.insert(l.first, l.second);
        QJsonObject so { { QLatin1String("name"), s.name }, { QLatin1String("family"), s.family },
            { QLatin1String("metric"), s.metric }, { QLatin1String("kind"), s.kind },
            { QLatin1String("labels"), labels }, { QLatin1String("samples"), pairs(s.samples) } };
        if (s.kind == QLatin1String("counter"))
            so.insert(QLatin1String("rates"), pairs(counterRates(s)));
        series.append(so);
    }
    o.insert(QLatin1String("series"), series);
    QJsonArray histograms;
    for (const QString &metric : { QStringLiteral("ttft"), QStringLiteral("inter_token") }) {
        ServerHistogramWindow w;
        if (!runHistogramWindow(m, metric, trace.measuredStartNs, &w))
            continue;
        QJsonObject h { { QLatin1String("metric"), metric }, { QLatin1String("family"), w.family },
            { QLatin1String("from_ns"), double(w.fromNs) }, { QLatin1String("to_ns"), double(w.toNs) },
            { QLatin1String("count"), w.count },
            { QLatin1String("mean_ms"),
                w.count > 0 ? value(w.mean() * 1e3) : QJsonValue(QJsonValue::Null) } };
        for (double rank : trace.scenario.percentiles) {
            const double q = w.quantile(rank / 100);
            h.insert(QStringLiteral("p%1_ms").arg(rank),
                std::isnan(q) ? QJsonValue(QJsonValue::Null) : value(q * 1e3));
        }
        histograms.append(h);
    }
    o.insert(QLatin1String("histograms"), histograms);
    return o;
}

bool fromJson(const QJsonValue &json, ServerMetricsRecord *out, QString *error)
{
    if (!json.isObject())
        return fail(error, QString(), QStringLiteral("must be an object"));
    const QJsonObject o = json.toObject();
    ServerMetricsRecord m;
    m.url = o.value(QLatin1String("url")).toString();
    if (m.url.isEmpty())
        return fail(error, QStringLiteral(".url"), QStringLiteral("must be a non-empty string"));
    m.intervalMs = o.value(QLatin1String("interval_ms")).toInt();
    m.scrapes = o.value(QLatin1String("scrapes")).toInt();
    m.failedScrapes = o.value(QLatin1String("failed_scrapes")).toInt();
    m.lateTicks = o.value(QLatin1String("late_ticks")).toInt();
    m.droppedSamples = qint64(o.value(QLatin1String("dropped_samples")).toDouble());
    m.server = o.value(QLatin1String("server")).toString();
    if (m.scrapes < 0 || m.failedScrapes < 0 || m.failedScrapes > m.scrapes)
        return fail(error, QStringLiteral(".failed_scrapes"), QStringLiteral("must be from 0 to scrapes"));
    const QJsonArray log = o.value(QLatin1String("scrape_log")).toArray();
    for (qsizetype i = 0; i < log.size(); ++i) {
        const QJsonArray a = log.at(i).toArray();
        if (a.size() != 4 || !a.at(0).isDouble() || !a.at(1).isDouble())
            return fail(error, QStringLiteral(".scrape_log[%1]").arg(i),
                QStringLiteral("must be [sent_ns, received_ns, http_status, error or null]"));
        ServerScrape s;
        s.sentNs = qint64(a.at(0).toDouble());
        s.receivedNs = qint64(a.at(1).toDouble());
        s.httpStatus = a.at(2).toInt();
        s.ok = a.at(3).isNull();
        s.error = a.at(3).toString();
        m.log.push_back(s);
    }
    const QJsonArray series = o.value(QLatin1String("series")).toArray();
    for (qsizetype i = 0; i < series.size(); ++i) {
        const QString where = QStringLiteral(".series[%1]").arg(i);
        const QJsonObject so = series.at(i).toObject();
        ServerSeries s;
        s.name = so.value(QLatin1String("name")).toString();
        s.family = so.value(QLatin1String("family")).toString();
        s.metric = so.value(QLatin1String("metric")).toString();
        s.kind = so.value(QLatin1String("kind")).toString();
        if (s.name.isEmpty())
            return fail(error, where + QStringLiteral(".name"), QStringLiteral("must be a non-empty string"));
        const QJsonObject labels = so.value(QLatin1String("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            s.labels.append({ it.key(), it.value().toString() });
        const QJsonArray samples = so.value(QLatin1String("samples")).toArray();
        for (qsizetype j = 0; j < samples.size(); ++j) {
            const QJsonArray p = samples.at(j).toArray();
            double v = 0;
            if (p.size() != 2 || !p.at(0).isDouble() || !readValue(p.at(1), &v))
                return fail(error, where + QStringLiteral(".samples[%1]").arg(j),
                    QStringLiteral("must be [t_ns, value]"));
            const qint64 t = qint64(p.at(0).toDouble());
            if (!s.samples.empty() && t < s.samples.back().first)
                return fail(error, where + QStringLiteral(".samples[%1]").arg(j),
                    QStringLiteral("out of time order"));
            s.samples.emplace_back(t, v);
        }
        m.series.push_back(std::move(s));
    }
    *out = std::move(m);
    return true;
}

} // namespace BurgerBench::ServerMetricsJson
