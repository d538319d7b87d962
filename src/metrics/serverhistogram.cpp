#include "metrics/serverhistogram.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

double histogramQuantile(const std::vector<HistogramBucket> &buckets, double q)
{
    if (buckets.empty() || !(q >= 0 && q <= 1))
        return std::numeric_limits<double>::quiet_NaN();
    const double total = buckets.back().count;
    if (!(total > 0))
        return std::numeric_limits<double>::quiet_NaN();
    const double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const HistogramBucket &b = buckets[i];
        if (b.count >= rank && b.count > lowerCount) {
            if (std::isinf(b.le))
                return i == 0 ? std::numeric_limits<double>::quiet_NaN() : buckets[i - 1].le;
            if (i == 0 && b.le <= 0)
                return b.le;
            return lowerBound + (b.le - lowerBound) * (rank - lowerCount) / (b.count - lowerCount);
        }
        lowerBound = b.le;
        lowerCount = b.count;
    }
    return buckets.size() >= 2 ? buckets[buckets.size() - 2].le : std::numeric_limits<double>::quiet_NaN();
}

int ServerHistogramWindow::bucketOf(double value) const
{
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        if (value <= buckets[i].le)
            return int(i);
    }
    return int(buckets.size()) - 1;
}

double seriesValueAt(const ServerSeries &series, qint64 atNs)
{
    const auto it = std::upper_bound(series.samples.begin(), series.samples.end(), atNs,
        [](qint64 t, const std::pair<qint64, double> &s) { return t < s.first; });
    if (it == series.samples.begin())
        return std::numeric_limits<double>::quiet_NaN();
    return std::prev(it)->second;
}

bool serverHistogramWindow(const ServerMetricsRecord &record, const QString &metric, qint64 fromNs,
    qint64 toNs, ServerHistogramWindow *out)
{
    // The scrapes the difference is taken between: the last at or before each end of the window
    // among those that returned this histogram (a failed scrape has no samples).
    std::vector<qint64> times;
    QString family;
    for (const ServerSeries &s : record.series) {
        if (s.metric != metric || !s.name.endsWith(QLatin1String("_bucket")))
            continue;
        family = s.family;
        for (const auto &sample : s.samples)
            times.push_back(sample.first);
    }
    if (times.empty())
        return false;
    std::sort(times.begin(), times.end());
    auto lastAtOrBefore = [&times](qint64 t, qint64 fallback) {
        const auto it = std::upper_bound(times.begin(), times.end(), t);
        return it == times.begin() ? fallback : *std::prev(it);
    };
    const qint64 from = lastAtOrBefore(fromNs, times.front());
    const qint64 to = lastAtOrBefore(toNs, times.front());

    QMap<double, double> byLe; // le -> count difference, summed over label sets
    for (const ServerSeries &s : record.series) {
        if (s.metric != metric || !s.name.endsWith(QLatin1String("_bucket")))
            continue;
        const QString leText = s.label(QStringLiteral("le"));
        bool ok = false;
        double le = leText.toDouble(&ok);
        if (leText == QLatin1String("+Inf") || leText == QLatin1String("Inf")
            || leText == QLatin1String("inf"))
            le = std::numeric_limits<double>::infinity();
        else if (!ok)
            continue;
        const double atTo = seriesValueAt(s, to);
        const double atFrom = seriesValueAt(s, from);
        if (std::isnan(atTo))
            continue;
        byLe[le] += atTo - (std::isnan(atFrom) ? 0 : atFrom); // a series first seen later started at 0
    }
    if (byLe.isEmpty())
        return false;
    out->metric = metric;
    out->family = family;
    out->fromNs = from;
    out->toNs = to;
    out->buckets.clear();
    for (auto it = byLe.cbegin(); it != byLe.cend(); ++it)
        out->buckets.push_back(HistogramBucket { it.key(), std::max(0.0, it.value()) });
    out->count = std::isinf(out->buckets.back().le) ? out->buckets.back().count : 0;
    out->sum = std::numeric_limits<double>::quiet_NaN();
    for (const ServerSeries &s : record.series) {
        if (s.metric != metric || !s.name.endsWith(QLatin1String("_sum")) || s.family != family)
            continue;
        const double atTo = seriesValueAt(s, to);
        const double atFrom = seriesValueAt(s, from);
        if (std::isnan(atTo))
            continue;
        out->sum = (std::isnan(out->sum) ? 0 : out->sum) + atTo - (std::isnan(atFrom) ? 0 : atFrom);
    }
    return true;
}

bool runHistogramWindow(const ServerMetricsRecord &record, const QString &metric, qint64 measuredStartNs,
    ServerHistogramWindow *out)
{
    return serverHistogramWindow(
        record, metric, std::max<qint64>(0, measuredStartNs), std::numeric_limits<qint64>::max(), out);
}

std::vector<std::pair<qint64, double>> counterRates(const ServerSeries &series)
{
    std::vector<std::pair<qint64, double>> rates;
    for (std::size_t i = 1; i < series.samples.size(); ++i) {
        const auto &a = series.samples[i - 1];
        const auto &b = series.samples[i];
        if (b.first <= a.first || b.second < a.second)
            continue;
        rates.emplace_back(b.first, (b.second - a.second) * 1e9 / double(b.first - a.first));
    }
    return rates;
}

} // namespace BurgerBench
