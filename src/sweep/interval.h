#pragma once

#include <QList>

namespace BurgerBench {

// The mean of a point's repeats and its 95% confidence interval, mean ± t(0.975, n - 1) · s / √n
// with s the sample standard deviation (Student's t: a handful of repeats is no normal sample).
// One value: the interval is that value (no spread known). NaN values are skipped.
struct MeanInterval
{
    int n = 0;
    double mean = 0;
    double lo = 0;
    double hi = 0;
    double halfWidth = 0;

    static MeanInterval of(const QList<double> &values);
    // Student's t quantile for a two-sided 95% interval with `df` degrees of freedom (df >= 1).
    static double t975(int df);
};

} // namespace BurgerBench
