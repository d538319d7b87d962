#pragma once

#include <QString>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

namespace BurgerBench {

struct Scenario;

// A connection's TLS configuration as a value any class can hold without an #if of its own:
// Qt's QSslConfiguration, or nothing in a Qt built without TLS.
#if QT_CONFIG(ssl)
using TlsConfiguration = QSslConfiguration;
inline TlsConfiguration defaultTlsConfiguration()
{
    return QSslConfiguration::defaultConfiguration();
}
#else
struct TlsConfiguration
{
};
inline TlsConfiguration defaultTlsConfiguration()
{
    return {};
}
#endif

// Whom a run's TLS connections trust, one answer for every client that speaks https: the QNAM
// pool, the socket transport, the blocking workers and the metrics scraper.
//
// Trusted: the system's CAs (Qt's default), plus the certificates of SSL_CERT_FILE and of every
// file in the SSL_CERT_DIR folders (':'-separated) when those are set, plus target.tls.ca_file
// (--ca-file). Qt's OpenSSL backend reads neither variable itself (it looks in its own list of
// system folders), so they are loaded here; unlike OpenSSL, which replaces its default file with
// SSL_CERT_FILE, they are added to the system's set, never replace it. target.tls.insecure
// (--insecure) turns verification off altogether.
//
// Each file must be a regular file under MaxCaFileBytes holding at least one PEM certificate; a
// file that is not is refused before the run, naming the file (or variable) and why.
class TlsTrust
{
public:
    static constexpr qint64 MaxCaFileBytes = 16 * 1024 * 1024;

    // Checks every file the scenario's trust would load (as configuration() does, so a run never
    // starts with a file it then cannot read). Without TLS support in Qt, ca_file and insecure
    // are refused. True when there is nothing to check.
    static bool check(const Scenario &scenario, QString *error);

    // The TLS configuration for the scenario's connections (see above); false with *error when a
    // file cannot be used (or, without TLS in Qt, when the scenario asks for ca_file or insecure).
    static bool configuration(const Scenario &scenario, TlsConfiguration *out, QString *error);
};

} // namespace BurgerBench
