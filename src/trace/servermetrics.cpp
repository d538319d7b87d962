#include "trace/servermetrics.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace BurgerBench {

QStringList distinguishingLabels(const std::vector<const ServerSeries *> &series)
{
    QStringList out;
    if (series.size() < 2) {
        for (size_t i = 0; i < series.size(); ++i)
            out << QString();
        return out;
    }
    // The keys whose value differs somewhere (a key missing from a series counts as "").
    QStringList keys;
    for (const ServerSeries *s : series) {
        for (const auto &l : s->labels) {
            if (l.first != QLatin1String("le") && !keys.contains(l.first))
                keys << l.first;
        }
    }
    QStringList varying;
    for (const QString &key : std::as_const(keys)) {
        const QString first = series.front()->label(key);
        for (const ServerSeries *s : series) {
            if (s->label(key) != first) {
                varying << key;
                break;
            }
        }
    }
    for (const ServerSeries *s : series) {
        QStringList parts;
        for (const QString &key : std::as_const(varying))
            parts << key + QLatin1Char('=') + s->label(key);
        out << parts.join(QStringLiteral(", "));
    }
    return out;
}

std::vector<std::pair<qint64, double>> sumOfSeries(const std::vector<const ServerSeries *> &series)
{
    std::map<qint64, std::vector<std::pair<size_t, double>>> changes; // time -> (series, value)
    for (size_t i = 0; i < series.size(); ++i) {
        for (const auto &[at, value] : series[i]->samples)
            changes[at].emplace_back(i, std::isfinite(value) ? value : 0.0);
    }
    std::vector<double> current(series.size(), 0.0);
    std::vector<std::pair<qint64, double>> out;
    out.reserve(changes.size());
    for (const auto &[at, updates] : changes) {
        for (const auto &[i, value] : updates)
            current[i] = value;
        double total = 0;
        for (double v : current)
            total += v;
        out.emplace_back(at, total);
    }
    return out;
}

} // namespace BurgerBench
