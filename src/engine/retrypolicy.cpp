#include "engine/retrypolicy.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

bool RetryPolicy::isRetryable(ErrorKind kind, int httpStatus)
{
    switch (kind) {
    case ErrorKind::Http:
        return httpStatus == 408 || httpStatus == 409 || httpStatus == 425 || httpStatus == 429
            || httpStatus >= 500;
    case ErrorKind::ConnectionRefused:
    case ErrorKind::ConnectionReset:
    case ErrorKind::Network:
    case ErrorKind::TimeoutIdle:
    case ErrorKind::TimeoutTotal:
        return true;
    default:
        return false;
    }
}

qint64 RetryPolicy::backoffNs(int attempt, double baseMs, double maxMs, double uniform01)
{
    const double ceilingMs = std::min(maxMs, baseMs * std::pow(2.0, std::max(0, attempt - 1)));
    return qint64(std::clamp(uniform01, 0.0, 1.0) * ceilingMs * 1e6);
}

qint64 RetryPolicy::retryAfterNs(const QByteArray &header, const QDateTime &now)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return seconds >= 0 ? qint64(seconds * 1e9) : -1;
    // HTTP-date (RFC 9110 IMF-fixdate), e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(when)) * 1'000'000;
}

} // namespace BurgerBench
