#pragma once

#include <QByteArray>
#include <QString>

namespace BurgerBench {

// What every request says it is, unless target.headers (--header "User-Agent: ...") says
// otherwise: "BurgerBench/" and the version --version reports, so a server's log tells a load
// test from real traffic (QNAM alone would send "Mozilla/5.0").
inline QByteArray userAgent()
{
    return QByteArrayLiteral("BurgerBench/" BURGERBENCH_VERSION);
}

// Whether the scenario's own headers name a field (names compared case-insensitively).
template<typename Map> bool hasHeader(const Map &headers, const char *name)
{
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace BurgerBench
