#pragma once

#include <QString>

namespace BurgerBench {

// The number and text formatting the HTML pages share (the run report, the sweep report): one
// definition, so both pages write a figure the same way.
namespace HtmlFormat {

QString esc(const QString &s); // HTML-escaped
QString num(double v, int decimals); // fixed decimals; "–" for NaN/inf
QString ms(double v); // milliseconds, decimals by magnitude (3 below 10, 2 below 100, else 1)
QString px(double v); // an SVG coordinate, 0.1 px
double niceStep(double range, int target); // 1, 2 or 5 × 10^k: about `target` ticks over `range`
QString tickLabel(double v, double step); // as many decimals as `step` needs (at most 6)

} // namespace HtmlFormat

} // namespace BurgerBench
