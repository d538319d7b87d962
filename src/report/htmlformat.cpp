#include "report/htmlformat.h"

#include <cmath>

namespace BurgerBench {
namespace HtmlFormat {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString num(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QString ms(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    const double a = std::abs(v);
    return QString::number(v, 'f', a < 10 ? 3 : a < 100 ? 2 : 1);
}

QString px(double v)
{
    return QString::number(v, 'f', 1);
}

double niceStep(double range, int target)
{
    if (!(range > 0))
        return 1;
    const double raw = range / target;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

QString tickLabel(double v, double step)
{
    int decimals = 0;
    while (decimals < 6
        && std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    return QString::number(v, 'f', decimals);
}

} // namespace HtmlFormat
} // namespace BurgerBench
