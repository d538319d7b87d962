#include "sweep/interval.h"

#include <cmath>

namespace BurgerBench {

double MeanInterval::t975(int df)
{
    // t(0.975, df) for df = 1..30 (standard tables); above 30 the few that matter, then 1.96.
    static const double table[] = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
        2.060, 2.056, 2.052, 2.048, 2.045, 2.042 };
    if (df < 1)
        return std::nan("");
    if (df <= 30)
        return table[df - 1];
    if (df <= 40)
        return 2.021;
    if (df <= 60)
        return 2.000;
    if (df <= 120)
        return 1.980;
    return 1.960;
}

MeanInterval MeanInterval::of(const QList<double> &values)
{
    MeanInterval m;
    double sum = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        sum += v;
        ++m.n;
    }
    if (m.n == 0) {
        m.mean = m.lo = m.hi = std::nan("");
        return m;
    }
    m.mean = sum / m.n;
    if (m.n > 1) {
        double squares = 0;
        for (double v : values) {
            if (!std::isnan(v))
                squares += (v - m.mean) * (v - m.mean);
        }
        const double s = std::sqrt(squares / (m.n - 1));
        m.halfWidth = t975(m.n - 1) * s / std::sqrt(double(m.n));
    }
    m.lo = m.mean - m.halfWidth;
    m.hi = m.mean + m.halfWidth;
    return m;
}

} // namespace BurgerBench
