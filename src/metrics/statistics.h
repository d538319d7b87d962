#pragma once

#include <QList>

#include <functional>
#include <vector>

namespace BurgerBench {

// Descriptive statistics of exact samples (METRICS.md item 14).
struct Distribution
{
    int count = 0;
    double mean = 0;
    double median = 0;
    double stddev = 0; // population standard deviation
    double min = 0;
    double max = 0;
    QList<double> percentileRanks; // e.g. 50, 90, 95, 99
    QList<double> percentileValues; // same order
    double percentile(double rank) const; // value for a listed rank, NaN if not listed
};

namespace Statistics {
// numpy.percentile's default "linear" method on ascending-sorted samples; rank in [0, 100].
// The one percentile of the project: every statistic, chart and comparison calls one of these.
double percentileSorted(const std::vector<double> &sorted, double rank);
// The same value from unsorted samples in O(n) (nth_element); reorders `samples`. For the
// bootstrap's thousands of resamples, where sorting each would dominate.
double percentileUnsorted(std::vector<double> &samples, double rank);
// Sorts a copy and describes it; an empty input gives count 0 and NaN values.
Distribution describe(std::vector<double> samples, const QList<double> &ranks);

// Calls its argument once for each sample, in nanoseconds; every call must visit the same samples.
using NsSamples = std::function<void(const std::function<void(qint64)> &visit)>;
// describe() of the samples in milliseconds without ever holding them: for a sample as large as a
// run's token events (the pooled ITL), where a vector of doubles would be 8 B an event on top of
// the trace. Each figure is exact: min, max and every percentile are order statistics found by a
// radix selection (a pass over the samples per byte of their range, at most 9), the mean is the
// integer sum divided once (describe()'s double sum can differ from it in the last bits), and the
// standard deviation is describe()'s second pass.
Distribution describeNs(const NsSamples &samples, const QList<double> &ranks);
} // namespace Statistics

} // namespace BurgerBench
