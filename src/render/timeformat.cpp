#include "render/timeformat.h"

#include <cmath>

namespace BurgerBench {

namespace {

struct Unit
{
    double ns;
    const char16_t *name;
};

const Unit units[] = { { 1e9, u"s" }, { 1e6, u"ms" }, { 1e3, u"µs" }, { 1, u"ns" } };

// `locale` without its thousands separator (see the header).
QLocale ungrouped(const QLocale &locale)
{
    QLocale l = locale;
    l.setNumberOptions(l.numberOptions() | QLocale::OmitGroupSeparator);
    return l;
}

QString number(double value, int significant, const QLocale &locale)
{
    const double magnitude = value == 0 ? 0 : std::floor(std::log10(std::fabs(value)));
    const int decimals = std::max(0, significant - 1 - int(magnitude));
    QString text = ungrouped(locale).toString(value, 'f', decimals);
    // Trailing zeros go ("1.50" -> "1.5", "2.00" -> "2"); the separator is one or more
    // characters depending on the locale.
    const QString point = locale.decimalPoint();
    const QString zero = locale.zeroDigit();
    if (decimals > 0 && text.contains(point)) {
        while (text.endsWith(zero))
            text.chop(zero.size());
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

} // namespace

QString formatDuration(qint64 ns, const QLocale &locale)
{
    const double abs = std::fabs(double(ns));
    for (const Unit &unit : units) {
        if (abs >= unit.ns || unit.ns == 1)
            return number(double(ns) / unit.ns, 3, locale) + QLatin1Char(' ') + QString::fromUtf16(unit.name);
    }
    return QString();
}

QString formatAxisTime(qint64 ns, qint64 stepNs, const QLocale &locale)
{
    if (ns == 0)
        return QStringLiteral("0");
    // One unit for the whole axis, picked from the step so labels stay short: a 250 ms step
    // reads "0.25 s, 0.5 s", a 50 ms step "50 ms, 100 ms".
    const Unit *unit = &units[3];
    for (const Unit &u : units) {
        if (double(stepNs) >= u.ns / 10) {
            unit = &u;
            break;
        }
    }
    const double stepInUnit = double(stepNs) / unit->ns;
    int decimals = 0;
    while (decimals < 3
        && std::fabs(
               stepInUnit * std::pow(10.0, decimals) - std::round(stepInUnit * std::pow(10.0, decimals)))
            > 1e-6)
        ++decimals;
    return ungrouped(locale).toString(double(ns) / unit->ns, 'f', decimals) + QLatin1Char(' ')
        + QString::fromUtf16(unit->name);
}

QString formatMs(double ms, const QLocale &locale)
{
    if (std::isnan(ms))
        return QStringLiteral("–");
    if (std::fabs(ms) >= 1000)
        return number(ms / 1000, 3, locale) + QStringLiteral(" s");
    return number(ms, 3, locale) + QStringLiteral(" ms");
}

} // namespace BurgerBench
