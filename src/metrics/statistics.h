#pragma once

#include <QList>

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
} // namespace Statistics

} // namespace BurgerBench
