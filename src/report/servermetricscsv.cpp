#include "report/servermetricscsv.h"

#include "report/atomicfile.h"
#include "report/csvreport.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace BurgerBench::ServerMetricsCsv {

namespace {

QString unitOf(const ServerSeries &s)
{
    const QString &m = s.metric;
    if (m == QLatin1String("running") || m == QLatin1String("waiting"))
        return QStringLiteral("requests");
    if (m == QLatin1String("kv_cache_usage") || m == QLatin1String("prefix_cache_hit_rate"))
        return QStringLiteral("fraction");
    if (m == QLatin1String("prompt_tokens") || m == QLatin1String("generation_tokens")
        || m == QLatin1String("prefix_cache_queries") || m == QLatin1String("prefix_cache_hits"))
        return QStringLiteral("tokens");
    if (s.kind == QLatin1String("histogram") || s.kind == QLatin1String("summary")) {
        if (s.name.endsWith(QLatin1String("_sum")))
            return m == QLatin1String("ttft") || m == QLatin1String("inter_token")
                    || s.family.endsWith(QLatin1String("_seconds"))
                ? QStringLiteral("seconds")
                : QStringLiteral("value");
        if (s.name.endsWith(QLatin1String("_bucket")) || s.name.endsWith(QLatin1String("_count")))
            return QStringLiteral("count");
    }
    if (m == QLatin1String("preemptions") || s.kind == QLatin1String("counter"))
        return QStringLiteral("count");
    return QStringLiteral("value");
}

QString header(const ServerSeries &s)
{
    QString name = s.name;
    if (!s.labels.isEmpty()) {
        QStringList parts;
        for (const auto &l : s.labels) {
            QString v = l.second;
            v.replace(QLatin1String("\\"), QLatin1String("\\\\"))
                .replace(QLatin1String("\""), QLatin1String("\\\""));
            parts << QStringLiteral("%1=\"%2\"").arg(l.first, v);
        }
        name += QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    return QStringLiteral("%1 (%2)").arg(name, unitOf(s));
}

QString nsAsMs(qint64 ns)
{
    const bool negative = ns < 0;
    const qint64 a = negative ? -ns : ns;
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(a / 1'000'000)
        .arg(a % 1'000'000, 6, 10, QLatin1Char('0'));
}

QString number(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(v, 'g', 15);
}

} // namespace

QStringList columns(const RunTrace &trace)
{
    QStringList out { QStringLiteral("t_ms"), QStringLiteral("uncertainty_ms") };
    for (const ServerSeries &s : trace.serverMetrics.series)
        out << header(s);
    return out;
}

QByteArray toBytes(const RunTrace &trace)
{
    const ServerMetricsRecord &m = trace.serverMetrics;
    QStringList head;
    for (const QString &c : columns(trace))
        head << CsvReport::quoteField(c);
    QByteArray out = head.join(QLatin1Char(',')).toUtf8() + "\r\n";
    // Rows: every sample time, in order; a series' sample lands in its time's row.
    std::map<qint64, std::vector<QString>> rows;
    const size_t n = m.series.size();
    for (size_t i = 0; i < n; ++i) {
        for (const auto &p : m.series[i].samples) {
            auto &row = rows[p.first];
            if (row.empty())
                row.resize(n);
            row[i] = number(p.second);
        }
    }
    for (const auto &[t, cells] : rows) {
        QString uncertainty;
        for (const ServerScrape &s : m.log) {
            if (s.midNs() == t) {
                uncertainty = nsAsMs(s.uncertaintyNs());
                break;
            }
        }
        QStringList line { nsAsMs(t), uncertainty };
        for (const QString &c : cells)
            line << c;
        out += line.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

bool write(const QString &path, const RunTrace &trace, QString *error)
{
    if (!trace.serverMetrics.enabled()) {
        if (error)
            *error = QStringLiteral("the run has no server metrics (it was not run with --server-metrics)");
        return false;
    }
    return writeFileAtomically(path, toBytes(trace), error);
}

} // namespace BurgerBench::ServerMetricsCsv
