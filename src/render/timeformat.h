#pragma once

#include <QLocale>
#include <QString>

namespace BurgerBench {

// Durations as people read them. `locale` gives the decimal separator: the window passes the
// UI's (QLocale(), which Translations sets from the chosen language: "1,5 s" in Spanish); the
// default, C, keeps exported pictures and other files the same on every machine ("1.5 s").
// Thousands are never grouped, so "1234 s" cannot be read as 1.234 s in either language.

// "1.25 s", "340 ms", "12.5 µs", "80 ns": three significant digits, unit chosen by magnitude.
QString formatDuration(qint64 ns, const QLocale &locale = QLocale::c());
// An axis label for time `ns` when ticks are `stepNs` apart: the unit and decimals follow the
// step so neighbouring labels differ ("1.5 s", "2 s", "2.5 s").
QString formatAxisTime(qint64 ns, qint64 stepNs, const QLocale &locale = QLocale::c());
// Milliseconds as the statistics panels show them ("12.3 ms", "1.2 s"); "–" for NaN.
QString formatMs(double ms, const QLocale &locale = QLocale::c());

} // namespace BurgerBench
