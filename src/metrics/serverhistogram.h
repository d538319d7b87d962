#pragma once

#include "trace/servermetrics.h"

#include <QString>

#include <limits>
#include <utility>
#include <vector>

namespace BurgerBench {

// One cumulative histogram bucket: the count of observations <= le (le = +Inf for the last).
struct HistogramBucket
{
    double le = 0;
    double count = 0;
};

// Prometheus' histogram_quantile over cumulative buckets sorted by le: linear interpolation inside
// the bucket holding rank q * total (the first bucket's lower edge is 0); a rank in the +Inf bucket
// gives the highest finite bound. NaN when there are no observations or no buckets.
double histogramQuantile(const std::vector<HistogramBucket> &buckets, double q);

// A server histogram's change over a window of the run: each bucket's count at the last scrape at
// or before `toNs` less its count at the last scrape at or before `fromNs` (the first scrape when
// none is that early), summed over label sets that differ only beyond `le` (several models, engines).
struct ServerHistogramWindow
{
    QString metric; // vocabulary key, e.g. "ttft"
    QString family; // raw family name, e.g. "vllm:time_to_first_token_seconds"
    qint64 fromNs = 0; // the scrapes the difference is taken between
    qint64 toNs = 0;
    std::vector<HistogramBucket> buckets; // cumulative, by le
    double count = 0; // observations in the window (the +Inf bucket)
    double sum = 0; // their sum (the _sum series' difference; NaN without one)

    double mean() const { return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN(); }

    double quantile(double q) const { return histogramQuantile(buckets, q); }
    // The bucket holding `value`: index into buckets (size() - 1 for +Inf).
    int bucketOf(double value) const;
};

// False when the record has no bucket series for `metric` or fewer than one scrape with them.
bool serverHistogramWindow(const ServerMetricsRecord &record, const QString &metric, qint64 fromNs,
    qint64 toNs, ServerHistogramWindow *out);

// The run's window: from the last scrape at or before `measuredStartNs` (the run's first measured
// dispatch; the baseline scrape before the run clock's zero when there is no later one) to the
// final scrape after the run.
bool runHistogramWindow(const ServerMetricsRecord &record, const QString &metric, qint64 measuredStartNs,
    ServerHistogramWindow *out);

// A counter as a rate per second between consecutive samples (at the later one's time). A decrease
// (the server restarted) starts over: no rate is given for that step.
std::vector<std::pair<qint64, double>> counterRates(const ServerSeries &series);

// A series' last value at or before `atNs`; NaN when it has none that early.
double seriesValueAt(const ServerSeries &series, qint64 atNs);

} // namespace BurgerBench
