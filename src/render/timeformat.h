#pragma once

#include <QString>

namespace BurgerBench {

// "1.25 s", "340 ms", "12.5 µs", "80 ns": three significant digits, unit chosen by magnitude.
QString formatDuration(qint64 ns);
// An axis label for time `ns` when ticks are `stepNs` apart: the unit and decimals follow the
// step so neighbouring labels differ ("1.5 s", "2 s", "2.5 s").
QString formatAxisTime(qint64 ns, qint64 stepNs);
// Milliseconds as the statistics panels show them ("12.3 ms", "1.20 s"); "–" for NaN.
QString formatMs(double ms);

} // namespace BurgerBench
