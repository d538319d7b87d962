#pragma once

#include <QString>

namespace BurgerBench {

// Integer-ns time printed without floating-point error: a float division of ns values once
// produced overlapping slices in a generated trace (TRACE_FORMAT.md 3.3).
namespace TimeFormat {

// 1234567 ns -> "1.234567" (ms, 6 decimals).
QString nsAsMs(qint64 ns);
// 1234567 ns -> "1234.567" (µs, 3 decimals), the Chrome trace's ts unit.
QString nsAsUs(qint64 ns);
QByteArray nsAsUsBytes(qint64 ns);

} // namespace TimeFormat

} // namespace BurgerBench
