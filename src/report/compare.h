#pragma once

#include "trace/runtrace.h"

#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace BurgerBench {

// Side-by-side comparison of runs, and whether each difference is beyond run-to-run noise.
//
// The rule: a latency statistic differs beyond noise when BOTH
//   1. the Mann-Whitney U test on the two runs' exact samples rejects "same distribution" at
//      p < 0.05 (two-sided, normal approximation with tie and continuity corrections, as
//      scipy.stats.mannwhitneyu(method="asymptotic")), and
//   2. the 95% bootstrap confidence interval of the difference in that statistic (B - A;
//      percentile method, fixed seed, so the verdict is reproducible) excludes 0.
// Run-level figures (throughputs, counts, duration) are one number per run: no test can tell
// noise from a change with one sample each, so they are shown with their change and "n/a".
namespace Compare {

struct Samples
{
    std::vector<double> ttft, tpot, itl, e2el; // ms, successful measured requests (METRICS.md)
};
// The samples computeSummary describes, taken the same way.
Samples collectSamples(const RunTrace &trace);

struct MannWhitney
{
    double u = 0; // U statistic of the first sample
    double z = 0;
    double p = 1; // two-sided
};
MannWhitney mannWhitney(const std::vector<double> &a, const std::vector<double> &b);
// The same on samples already sorted ascending: one merge, O(n).
MannWhitney mannWhitneySorted(const std::vector<double> &sortedA, const std::vector<double> &sortedB);

struct Interval
{
    double low = 0;
    double high = 0;
    bool valid = false;
};
// 95% CI of statistic(b) - statistic(a); `rank` is a percentile (50 = median) or -1 for the mean.
// Every resample drawn literally: O(resamples x n).
Interval bootstrapDifference(
    const std::vector<double> &a, const std::vector<double> &b, double rank, int resamples, quint64 seed);
// What compare() uses: a side of at most 10,000 samples is resampled literally, with the same draws
// as bootstrapDifference (so both give the same interval when both sides are that small); a larger
// side draws each resample's statistic from its exact distribution in O(1) (a percentile through
// the order statistics of uniforms, Beta(k, n + 1 - k)) or, for the mean, from the normal law of
// the central limit. `sortedX` is `x` sorted ascending.
Interval bootstrapDifferenceSorted(const std::vector<double> &a, const std::vector<double> &sortedA,
    const std::vector<double> &b, const std::vector<double> &sortedB, double rank, int resamples,
    quint64 seed);
// Resamples per statistic: options.maxResamples, fewer when a literal side would make it slow.
int resamplesFor(size_t na, size_t nb, int maxResamples);

enum class Verdict { BeyondNoise, WithinNoise, NotTestable, TooFewSamples };
QString verdictText(Verdict v);

struct Row
{
    QString metric; // "ttft_ms"
    QString stat; // "mean", "p99", "" for run-level figures
    double a = 0;
    double b = 0;
    double delta = 0; // b - a
    double percent = 0; // 100 * (b - a) / a; NaN when a is 0
    double p = -1; // Mann-Whitney p for the metric, -1 = not tested
    Interval ci; // of the difference
    Verdict verdict = Verdict::NotTestable;
};

QList<double> defaultRanks(); // 50, 90, 95, 99

struct Options
{
    QList<double> ranks = defaultRanks();
    double alpha = 0.05;
    int maxResamples = 2000;
    quint64 seed = 20240521;
    // Called as each stage starts (the CLI prints it on stderr once a compare takes over a second).
    std::function<void(const QString &stage)> progress;
};

QList<Row> compare(const RunTrace &a, const RunTrace &b, const Options &options = Options());
// A plain-text table for a terminal, with the rule spelled out underneath.
QString formatTable(
    const QString &nameA, const QString &nameB, const QList<Row> &rows, const Options &options);
QString ruleText(const Options &options);

} // namespace Compare

} // namespace BurgerBench
