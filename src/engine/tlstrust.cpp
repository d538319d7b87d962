#include "engine/tlstrust.h"

#include "scenario/scenario.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslSocket>
#endif

namespace BurgerBench {

namespace {

#if QT_CONFIG(ssl)
// Where a file's certificates came from, for the messages: "--ca-file/target.tls.ca_file
// \"x.pem\"", "SSL_CERT_FILE \"x.pem\"".
struct Source
{
    QString what; // the option or variable
    QString path;
    QString name() const { return QStringLiteral("%1 \"%2\"").arg(what, path); }
};

// The file's bytes, or false with a message: it must be a regular file under the cap.
bool readCaFile(const Source &source, QByteArray *out, QString *error)
{
    const QFileInfo info(source.path);
    if (!info.exists()) {
        *error = QStringLiteral("%1: no such file").arg(source.name());
        return false;
    }
    if (!info.isFile()) {
        *error = QStringLiteral("%1: not a regular file").arg(source.name());
        return false;
    }
    if (info.size() > TlsTrust::MaxCaFileBytes) {
        *error = QStringLiteral("%1: larger than %2 MiB; a CA file holds a few certificates")
                     .arg(source.name())
                     .arg(TlsTrust::MaxCaFileBytes >> 20);
        return false;
    }
    QFile file(source.path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(source.name(), file.errorString());
        return false;
    }
    *out = file.read(TlsTrust::MaxCaFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("%1: %2").arg(source.name(), file.errorString());
        return false;
    }
    return true;
}

bool loadFile(const Source &source, QList<QSslCertificate> *out, QString *error)
{
    QByteArray bytes;
    if (!readCaFile(source, &bytes, error))
        return false;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QStringLiteral("%1: holds no PEM certificate (expected \"-----BEGIN CERTIFICATE-----\" "
                                "blocks)")
                     .arg(source.name());
        return false;
    }
    *out += certificates;
    return true;
}

// Every certificate in the folders of an SSL_CERT_DIR value. Files that hold none (an OpenSSL
// folder also keeps CRLs and READMEs) are skipped; a folder that is not there is an error.
bool loadDirs(const QString &value, QList<QSslCertificate> *out, QString *error)
{
    const QStringList dirs = value.split(u':', Qt::SkipEmptyParts);
    for (const QString &path : dirs) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            *error
                = QStringLiteral("SSL_CERT_DIR \"%1\": %2")
                      .arg(path,
                          info.exists() ? QStringLiteral("not a folder") : QStringLiteral("no such folder"));
            return false;
        }
        const QFileInfoList files = QDir(path).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &file : files) {
            if (file.size() > TlsTrust::MaxCaFileBytes)
                continue;
            QFile f(file.filePath());
            if (f.open(QIODevice::ReadOnly))
                *out += QSslCertificate::fromData(f.readAll(), QSsl::Pem);
        }
    }
    return true;
}

bool usesTls(const Scenario &s)
{
    return s.url.scheme() == QLatin1String("https") || s.serverMetrics.startsWith(QLatin1String("https:"));
}
#endif

} // namespace

bool TlsTrust::check(const Scenario &scenario, QString *error)
{
#if QT_CONFIG(ssl)
    if (scenario.tlsCaFile.isEmpty() && !scenario.tlsInsecure && !usesTls(scenario))
        return true;
#endif
    TlsConfiguration unused;
    return configuration(scenario, &unused, error);
}

bool TlsTrust::configuration(const Scenario &scenario, TlsConfiguration *out, QString *error)
{
#if !QT_CONFIG(ssl)
    *out = {};
    if (!scenario.tlsCaFile.isEmpty() || scenario.tlsInsecure) {
        *error = QStringLiteral("target.tls: this Qt was built without TLS support");
        return false;
    }
    return true;
#else
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> extra;
    const QString certFile = qEnvironmentVariable("SSL_CERT_FILE");
    if (!certFile.isEmpty() && !loadFile({ QStringLiteral("SSL_CERT_FILE"), certFile }, &extra, error))
        return false;
    const QString certDir = qEnvironmentVariable("SSL_CERT_DIR");
    if (!certDir.isEmpty() && !loadDirs(certDir, &extra, error))
        return false;
    if (!scenario.tlsCaFile.isEmpty()
        && !loadFile({ QStringLiteral("--ca-file (target.tls.ca_file)"), scenario.tlsCaFile }, &extra, error))
        return false;
    if (!extra.isEmpty()) {
        // Adding a CA turns off Qt's loading of the system's roots on demand, which would leave
        // only these trusted: the system's set is loaded in full first, so they are added to it.
        config.setCaCertificates(QSslConfiguration::systemCaCertificates() + extra);
    }
    if (scenario.tlsInsecure)
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    *out = config;
    return true;
#endif
}

} // namespace BurgerBench
