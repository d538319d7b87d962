// TLS trust and the request's identity (issue 15): a loopback HTTPS server with a certificate
// signed by a CA made at test time (the openssl CLI), reached by every client that speaks https
// (the QNAM pool, the socket transport, the blocking workers' client, the metrics scraper):
// trusted with target.tls.ca_file, SSL_CERT_FILE or SSL_CERT_DIR, refused without (tls_error and
// OpenSSL's reason), --insecure accepted and said loudly by the CLI and the reports; a CA file that
// is not one refused before the run. And what each request says it is: User-Agent BurgerBench/
// VERSION unless the scenario sets its own, no Accept-Language (QNAM's neutral "*").
#include "engine/loadengine.h"
#include "engine/tlstrust.h"
#include "parallel/blockinghttp.h"
#include "scenario/scenario.h"
#include "session/metricsscraper.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace BurgerBench;

namespace {

const QByteArray SseBody = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
                           "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}\n\n"
                           "data: [DONE]\n\n";
const QByteArray MetricsBody = "# TYPE vllm:num_requests_running gauge\nvllm:num_requests_running 3\n";

// A keep-alive HTTP/1.1 server (HTTPS with a certificate and key) on a thread of its own, so the
// blocking client can wait on it from the test thread. Records every request head it reads;
// answers a POST with a two-token SSE stream and a GET with Prometheus text.
class HeadServer : public QTcpServer
{
public:
    HeadServer(const QSslCertificate &certificate, const QSslKey &key)
        : m_certificate(certificate)
        , m_key(key)
    {
    }
    QList<QByteArray> heads() const
    {
        const QMutexLocker lock(&m_lock);
        return m_heads;
    }
    int handshakes() const
    {
        const QMutexLocker lock(&m_lock);
        return m_handshakes;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = nullptr;
        if (!m_certificate.isNull()) {
            auto *ssl = new QSslSocket(this);
            ssl->setSocketDescriptor(descriptor);
            ssl->setLocalCertificate(m_certificate);
            ssl->setPrivateKey(m_key);
            connect(ssl, &QSslSocket::encrypted, this, [this] {
                const QMutexLocker lock(&m_lock);
                ++m_handshakes;
            });
            ssl->startServerEncryption();
            socket = ssl;
        } else {
            socket = new QTcpSocket(this);
            socket->setSocketDescriptor(descriptor);
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void onRead(QTcpSocket *socket)
    {
        QByteArray &buf = m_pending[socket];
        buf += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buf.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = buf.left(headEnd + 2);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buf.size() < headEnd + 4 + length)
                return;
            buf.remove(0, headEnd + 4 + length);
            {
                const QMutexLocker lock(&m_lock);
                m_heads.append(head);
            }
            const bool get = head.startsWith("GET ");
            const QByteArray body = get ? MetricsBody : SseBody;
            socket->write(QByteArray("HTTP/1.1 200 OK\r\nContent-Type: ")
                + (get ? "text/plain; version=0.0.4" : "text/event-stream")
                + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }

    QSslCertificate m_certificate; // null: plain HTTP
    QSslKey m_key;
    QHash<QTcpSocket *, QByteArray> m_pending;
    mutable QMutex m_lock; // m_heads and m_handshakes are read from the test thread
    QList<QByteArray> m_heads;
    int m_handshakes = 0;
};

// A HeadServer listening on 127.0.0.1 on its own thread for the life of this object.
class ServerThread
{
public:
    ServerThread(const QSslCertificate &certificate = QSslCertificate(), const QSslKey &key = QSslKey())
        : m_server(new HeadServer(certificate, key))
        , m_tls(!certificate.isNull())
    {
        m_server->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_server, [this] { m_server->listen(QHostAddress::LocalHost); }, Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                        .arg(m_server->serverPort()));
    }
    HeadServer *server() const { return m_server; }

private:
    QThread m_thread;
    HeadServer *m_server; // lives on m_thread
    bool m_tls;
};

Scenario smallScenario()
{
    Scenario s;
    s.name = QStringLiteral("tls");
    s.requests = 2;
    s.maxTokens = 2;
    s.timeoutS = 10;
    s.idleTimeoutS = 5;
    return s;
}

// The run's requests through the chosen client: the engine on QNAM or its sockets (driven on this
// thread), or the blocking workers' client (waiting on this thread).
QList<RequestRecord> runRequests(const QString &transport, Scenario s, const QUrl &url, QString *startError)
{
    QList<RequestRecord> out;
    if (transport == QLatin1String("blocking")) {
        if (!TlsTrust::check(s, startError))
            return out;
        BlockingHttpClient client(s, LoadEngine::endpointUrl(url, Endpoint::Chat), QByteArray());
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < s.requests; ++i) {
            RequestRecord r;
            r.index = quint32(i);
            r.id = "bb-tls-" + QByteArray::number(i);
            client.perform(&r, clock, nullptr);
            out.append(r);
        }
        return out;
    }
    s.transport = transport == QLatin1String("socket") ? Transport::Socket : Transport::Qnam;
    LoadEngine engine;
    bool finished = false;
    QObject::connect(&engine, &LoadEngine::finished, [&] { finished = true; });
    if (!engine.start(s, url, QByteArray(), startError))
        return out;
    QDeadlineTimer deadline(30000);
    while (!finished && !deadline.hasExpired())
        QTest::qWait(5);
    if (!finished) {
        *startError = QStringLiteral("the run did not finish in 30 s");
        return out;
    }
    const RunTrace trace = engine.takeTrace();
    for (const RequestRecord &r : trace.requests)
        out.append(r);
    return out;
}

// The lines of a request head with this field name (any case).
QList<QByteArray> fields(const QByteArray &head, const QByteArray &name)
{
    QList<QByteArray> out;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            out.append(line.mid(colon + 1).trimmed());
    }
    return out;
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void trust_data();
    void trust();
    void badCaFileRefused_data();
    void badCaFileRefused();
    void caFileAddsToSystemSet();
    void scenarioField();
    void scraperTrustsTheCa();
    void cliInsecureIsLoud();
    void cliCaFile();
    void identity_data();
    void identity();

private:
    QString openssl(const QStringList &args);
    QTemporaryDir m_dir;
    QString m_caPath;
    QString m_caDir; // a folder holding the CA, for SSL_CERT_DIR
    QSslCertificate m_certificate;
    QSslKey m_key;
};

QString tst_Tls::openssl(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("openssl %1: %2 %3")
            .arg(args.join(u' '), p.errorString(), QString::fromLocal8Bit(p.readAllStandardError()));
    return {};
}

void tst_Tls::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_dir.isValid());
    // A CA and a server certificate for 127.0.0.1 it signed, P-256 keys (fast to make).
    const QStringList ec { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };
    QString error = openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ec
        + QStringList { QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
            QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=BurgerBench test CA") });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = openssl(QStringList { QStringLiteral("req") } + ec
        + QStringList { QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
            QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1") });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    {
        QFile ext(m_dir.filePath(QStringLiteral("ext.cnf")));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    }
    error = openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
        QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
        QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
        QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"), QStringLiteral("2"),
        QStringLiteral("-extfile"), QStringLiteral("ext.cnf") });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    m_caPath = m_dir.filePath(QStringLiteral("ca.pem"));
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("server.pem")), QSsl::Pem);
    QCOMPARE(certificates.size(), 1);
    m_certificate = certificates.constFirst();
    QFile keyFile(m_dir.filePath(QStringLiteral("server.key")));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    m_key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    QVERIFY(!m_key.isNull());
    m_caDir = m_dir.filePath(QStringLiteral("cadir"));
    QVERIFY(QDir().mkpath(m_caDir));
    QVERIFY(QFile::copy(m_caPath, m_caDir + QStringLiteral("/test-ca.pem")));
    QFile readme(m_caDir + QStringLiteral("/README"));
    QVERIFY(readme.open(QIODevice::WriteOnly)); // a file that holds no certificate is skipped
    readme.write("not a certificate\n");
}

void tst_Tls::trust_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("trust"); // ca_file, none, insecure, SSL_CERT_FILE, SSL_CERT_DIR
    for (const char *transport : { "qnam", "socket", "blocking" }) {
        for (const char *trust : { "ca_file", "none", "insecure", "SSL_CERT_FILE", "SSL_CERT_DIR" })
            QTest::addRow("%s, %s", transport, trust)
                << QString::fromLatin1(transport) << QString::fromLatin1(trust);
    }
}

void tst_Tls::trust()
{
    QFETCH(QString, transport);
    QFETCH(QString, trust);
    ServerThread server(m_certificate, m_key);
    Scenario s = smallScenario();
    if (trust == QLatin1String("ca_file"))
        s.tlsCaFile = m_caPath;
    else if (trust == QLatin1String("insecure"))
        s.tlsInsecure = true;
    else if (trust == QLatin1String("SSL_CERT_FILE"))
        qputenv("SSL_CERT_FILE", m_caPath.toLocal8Bit());
    else if (trust == QLatin1String("SSL_CERT_DIR"))
        qputenv("SSL_CERT_DIR", m_caDir.toLocal8Bit());
    QString error;
    const QList<RequestRecord> records = runRequests(transport, s, server.url(), &error);
    qunsetenv("SSL_CERT_FILE");
    qunsetenv("SSL_CERT_DIR");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 2);
    if (trust == QLatin1String("none")) {
        for (const RequestRecord &r : records) {
            QCOMPARE(r.outcome, Outcome::Failed);
            QCOMPARE(errorKindName(r.error), QStringLiteral("tls_error"));
            // OpenSSL's reason, not a bare "handshake failed": the chain ends at an unknown issuer.
            QVERIFY2(r.errorMessage.contains(QLatin1String("issuer certificate"), Qt::CaseInsensitive),
                qPrintable(r.errorMessage));
        }
        QCOMPARE(server.server()->heads().size(), 0); // no request crossed an untrusted connection
        return;
    }
    for (const RequestRecord &r : records) {
        QVERIFY2(r.outcome == Outcome::Success, qPrintable(r.errorMessage));
        QCOMPARE(r.text, QStringLiteral("ab"));
    }
    QCOMPARE(server.server()->heads().size(), 2);
    QVERIFY(server.server()->handshakes() >= 1);
}

void tst_Tls::badCaFileRefused_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addColumn<QString>("reason");
    QTest::newRow("garbage") << QByteArray("this is not a certificate\n")
                             << QStringLiteral("holds no PEM certificate");
    QTest::newRow("a private key") << QByteArray(
        "-----BEGIN PRIVATE KEY-----\nMIGHAgEA\n-----END PRIVATE KEY-----\n")
                                   << QStringLiteral("holds no PEM certificate");
    QTest::newRow("missing") << QByteArray() << QStringLiteral("no such file");
    QTest::newRow("a folder") << QByteArray("dir") << QStringLiteral("not a regular file");
}

void tst_Tls::badCaFileRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(
        QStringLiteral("bad-%1.pem").arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-'));
    if (content == "dir") {
        QVERIFY(QDir().mkpath(path));
    } else if (!content.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    Scenario s = smallScenario();
    s.url = QUrl(QStringLiteral("https://127.0.0.1:1"));
    s.tlsCaFile = path;
    QString error;
    QVERIFY(!TlsTrust::check(s, &error));
    QVERIFY2(error.contains(path) && error.contains(reason) && error.contains(QLatin1String("--ca-file")),
        qPrintable(error));
    // The engine refuses it too (before any connection), with the same message.
    LoadEngine engine;
    QString engineError;
    QVERIFY(!engine.start(s, s.url, QByteArray(), &engineError));
    QCOMPARE(engineError, error);

    // The same through SSL_CERT_FILE, named by the variable.
    s.tlsCaFile.clear();
    qputenv("SSL_CERT_FILE", path.toLocal8Bit());
    error.clear();
    const bool ok = TlsTrust::check(s, &error);
    qunsetenv("SSL_CERT_FILE");
    QVERIFY(!ok);
    QVERIFY2(error.startsWith(QLatin1String("SSL_CERT_FILE \"") + path) && error.contains(reason),
        qPrintable(error));
}

void tst_Tls::caFileAddsToSystemSet()
{
    // Qt stops loading the system's roots on demand once a CA is added: the system's set must be
    // in the configuration, so a --ca-file never stops a public server from being trusted.
    Scenario s = smallScenario();
    s.url = QUrl(QStringLiteral("https://127.0.0.1:1"));
    s.tlsCaFile = m_caPath;
    QSslConfiguration config;
    QString error;
    QVERIFY2(TlsTrust::configuration(s, &config, &error), qPrintable(error));
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QVERIFY(!system.isEmpty()); // ca-certificates is installed with Qt's TLS backend
    QCOMPARE(config.caCertificates().size(), system.size() + 1);
    QVERIFY(config.caCertificates().contains(QSslCertificate::fromPath(m_caPath).constFirst()));
    QCOMPARE(config.peerVerifyMode(), QSslSocket::AutoVerifyPeer);
    s.tlsInsecure = true;
    QVERIFY(TlsTrust::configuration(s, &config, &error));
    QCOMPARE(config.peerVerifyMode(), QSslSocket::VerifyNone);
}

void tst_Tls::scenarioField()
{
    const QJsonObject json = QJsonDocument::fromJson(R"({"schema": "burgerbench.scenario/1",
        "load": {"requests": 1},
        "target": {"url": "https://127.0.0.1:8443", "tls": {"ca_file": "/x/ca.pem", "insecure": true}}})")
                                 .object();
    Scenario s;
    QString error;
    QVERIFY2(Scenario::fromJson(json, &s, &error), qPrintable(error));
    QCOMPARE(s.tlsCaFile, QStringLiteral("/x/ca.pem"));
    QVERIFY(s.tlsInsecure);
    const QJsonObject tls
        = s.toJson().value(QLatin1String("target")).toObject().value(QLatin1String("tls")).toObject();
    QCOMPARE(tls.value(QLatin1String("ca_file")).toString(), QStringLiteral("/x/ca.pem"));
    QCOMPARE(tls.value(QLatin1String("insecure")).toBool(), true);
    // Unset, the scenario writes what it always wrote.
    QVERIFY(!Scenario().toJson().value(QLatin1String("target")).toObject().contains(QLatin1String("tls")));

    const QJsonObject wrong = QJsonDocument::fromJson(
        R"({"schema": "burgerbench.scenario/1", "load": {"requests": 1}, "target": {"tls": {"insecure": "yes"}}})")
                                  .object();
    QVERIFY(!Scenario::fromJson(wrong, &s, &error));
    QVERIFY2(error.startsWith(QLatin1String("target.tls.insecure:")), qPrintable(error));
    const QJsonObject unknown = QJsonDocument::fromJson(
        R"({"schema": "burgerbench.scenario/1", "load": {"requests": 1}, "target": {"tls": {"ca": "x"}}})")
                                    .object();
    QVERIFY(!Scenario::fromJson(unknown, &s, &error));
    QVERIFY2(error.contains(QLatin1String("target.tls.ca")), qPrintable(error));
}

void tst_Tls::scraperTrustsTheCa()
{
    ServerThread server(m_certificate, m_key);
    ScrapeConfig config;
    config.url = QUrl(server.url().toString() + QStringLiteral("/metrics"));
    config.intervalMs = 100;
    Scenario s = smallScenario();
    s.tlsCaFile = m_caPath;
    QString error;
    QVERIFY(TlsTrust::configuration(s, &config.tls, &error));
    MetricsScraper scraper;
    scraper.start(config);
    const ServerMetricsRecord record = scraper.stop(-1);
    QVERIFY(record.scrapes >= 2); // the baseline and the final one
    QCOMPARE(record.failedScrapes, 0);
    const QList<QByteArray> heads = server.server()->heads();
    QVERIFY(!heads.isEmpty());
    QCOMPARE(
        fields(heads.constFirst(), "User-Agent"), QList<QByteArray> { "BurgerBench/" BURGERBENCH_VERSION });
}

void tst_Tls::cliInsecureIsLoud()
{
    ServerThread server(m_certificate, m_key);
    const QString bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(bin), qPrintable(bin));
    const QString json = m_dir.filePath(QStringLiteral("insecure.json"));
    const QString html = m_dir.filePath(QStringLiteral("insecure.html"));
    QProcess p;
    p.start(bin,
        { QStringLiteral("run"), QStringLiteral("--url"), server.url().toString(),
            QStringLiteral("--insecure"), QStringLiteral("--requests"), QStringLiteral("2"),
            QStringLiteral("--max-tokens"), QStringLiteral("2"), QStringLiteral("--progress"),
            QStringLiteral("off"), QStringLiteral("--json"), json });
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 0, qPrintable(out + err));
    QVERIFY2(err.contains(QLatin1String("warning: --insecure: the server's TLS certificate is not verified")),
        qPrintable(err));
    QVERIFY2(
        out.contains(QLatin1String("INSECURE: certificates not verified (--insecure)")), qPrintable(out));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(root.value(QLatin1String("meta")).toObject().value(QLatin1String("tls_insecure")).toBool(false),
        true);
    QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("completed")).toInt(), 2);

    QProcess report;
    report.start(bin, { QStringLiteral("report"), json, QStringLiteral("--html"), html });
    QVERIFY(report.waitForFinished(60000));
    QVERIFY2(report.exitCode() == 0, report.readAllStandardError().constData());
    QFile page(html);
    QVERIFY(page.open(QIODevice::ReadOnly));
    QVERIFY(page.readAll().contains("id=\"insecure\">TLS certificates were not verified (--insecure)"));
}

void tst_Tls::cliCaFile()
{
    ServerThread server(m_certificate, m_key);
    const QString bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    const QString json = m_dir.filePath(QStringLiteral("cafile.json"));
    auto run = [&](const QStringList &extra, QString *out, QString *err) {
        QProcess p;
        p.start(bin,
            QStringList { QStringLiteral("run"), QStringLiteral("--url"), server.url().toString(),
                QStringLiteral("--requests"), QStringLiteral("2"), QStringLiteral("--max-tokens"),
                QStringLiteral("2"), QStringLiteral("--progress"), QStringLiteral("off"),
                QStringLiteral("--json"), json }
                + extra);
        p.waitForFinished(60000);
        *out = QString::fromUtf8(p.readAllStandardOutput());
        *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitCode();
    };
    auto succeeded = [&] {
        QFile f(json);
        f.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("summary")).toObject();
    };
    QString out, err;
    QCOMPARE(run({ QStringLiteral("--ca-file"), m_caPath }, &out, &err), 0);
    QCOMPARE(succeeded().value(QLatin1String("completed")).toInt(), 2);
    QVERIFY2(!err.contains(QLatin1String("insecure")), qPrintable(err));
    QVERIFY2(out.contains(QLatin1String("also trusting the CAs of ") + m_caPath), qPrintable(out));

    // Without it: the run completes, every request a tls_error.
    QCOMPARE(run({}, &out, &err), 0);
    const QJsonObject summary = succeeded();
    QCOMPARE(summary.value(QLatin1String("completed")).toInt(), 0);
    QCOMPARE(summary.value(QLatin1String("errors")).toObject().value(QLatin1String("tls_error")).toInt(), 2);

    // A file that is not a CA: exit 2 before the run, naming it.
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pem"));
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("garbage");
    g.close();
    QCOMPARE(run({ QStringLiteral("--ca-file"), garbage }, &out, &err), 2);
    QVERIFY2(
        err.contains(
            QStringLiteral("--ca-file (target.tls.ca_file) \"%1\": holds no PEM certificate").arg(garbage)),
        qPrintable(err));
    QCOMPARE(server.server()->heads().size(), 2); // only the first run's requests reached it
}

void tst_Tls::identity_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("header"); // a target.headers entry "Name: value", or none
    QTest::addColumn<QByteArray>("userAgent");
    for (const char *transport : { "qnam", "socket", "blocking" }) {
        QTest::addRow("%s, default", transport)
            << QString::fromLatin1(transport) << QString() << QByteArray("BurgerBench/" BURGERBENCH_VERSION);
        QTest::addRow("%s, User-Agent set", transport)
            << QString::fromLatin1(transport) << QStringLiteral("User-Agent: custom-agent/1.0")
            << QByteArray("custom-agent/1.0");
        QTest::addRow("%s, user-agent set in lower case", transport) << QString::fromLatin1(
            transport) << QStringLiteral("user-agent: lower/2") << QByteArray("lower/2");
    }
}

void tst_Tls::identity()
{
    QFETCH(QString, transport);
    QFETCH(QString, header);
    QFETCH(QByteArray, userAgent);
    ServerThread server; // plain HTTP: what goes on the wire, read as is
    Scenario s = smallScenario();
    if (!header.isEmpty()) {
        const qsizetype colon = header.indexOf(u':');
        s.headers.insert(header.left(colon), header.mid(colon + 1).trimmed());
    }
    QString error;
    const QList<RequestRecord> records = runRequests(transport, s, server.url(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const RequestRecord &r : records)
        QVERIFY2(r.outcome == Outcome::Success, qPrintable(r.errorMessage));
    const QList<QByteArray> heads = server.server()->heads();
    QCOMPARE(heads.size(), 2);
    for (const QByteArray &head : heads) {
        QCOMPARE(fields(head, "User-Agent"), QList<QByteArray> { userAgent }); // one, ours or theirs
        // QNAM cannot leave Accept-Language out (an empty value counts as none): it sends "*",
        // which says nothing about this machine's locale; the other clients send none.
        const QList<QByteArray> language = fields(head, "Accept-Language");
        if (transport == QLatin1String("qnam"))
            QCOMPARE(language, QList<QByteArray> { "*" });
        else
            QVERIFY2(language.isEmpty(), head.constData());
    }
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
