#include "report/timeformat.h"

namespace BurgerBench {
namespace TimeFormat {

namespace {

QByteArray fixed(qint64 value, qint64 scale, int decimals)
{
    const bool negative = value < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    const quint64 whole = magnitude / quint64(scale);
    const quint64 frac = magnitude % quint64(scale);
    QByteArray out;
    if (negative)
        out += '-';
    out += QByteArray::number(whole);
    out += '.';
    const QByteArray f = QByteArray::number(frac);
    out += QByteArray(decimals - f.size(), '0') + f;
    return out;
}

} // namespace

QString nsAsMs(qint64 ns)
{
    return QString::fromLatin1(fixed(ns, 1000000, 6));
}

QString nsAsUs(qint64 ns)
{
    return QString::fromLatin1(fixed(ns, 1000, 3));
}

QByteArray nsAsUsBytes(qint64 ns)
{
    return fixed(ns, 1000, 3);
}

} // namespace TimeFormat
} // namespace BurgerBench
