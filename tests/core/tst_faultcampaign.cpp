// The fault campaign, scaled to fit CI: every way a server or a network can let a load tester
// down, and the proof that BurgerBench accounts for every request it issued under each of them
// (completed + failed + incomplete = sent, each failure under its own error kind, nothing left in
// flight). The 10,000-request version is bench/peers/bench.py section 6 (scripts/bench.sh).
#include "engine/loadengine.h"
#include "metrics/summary.h"
#include "sim/simulator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

using namespace BurgerBench;

namespace {

Scenario campaignScenario(int requests, int concurrency)
{
    Scenario s;
    s.name = QStringLiteral("fault campaign");
    s.requests = requests;
    s.concurrency = concurrency;
    s.maxTokens = 8;
    s.idleTimeoutS = 0.3;
    s.timeoutS = 20;
    return s;
}

SimulatorSettings fastSim()
{
    SimulatorSettings sim;
    sim.ttftMs = 5;
    sim.tokenIntervalMs = 2;
    sim.outputTokens = 8;
    return sim;
}

// Runs the engine to the end (or `cancelAfterMs`, or `duringRun` at that moment) and returns the
// trace; fails the test if the run never finishes.
RunTrace runEngine(const Scenario &s, const QUrl &url, int cancelAfterMs = -1,
    const std::function<void(LoadEngine &)> &duringRun = {})
{
    LoadEngine engine;
    QSignalSpy finished(&engine, &LoadEngine::finished);
    QString error;
    if (!engine.start(s, url, {}, &error)) {
        qWarning("start failed: %s", qPrintable(error));
        return {};
    }
    if (cancelAfterMs >= 0) {
        QTimer::singleShot(cancelAfterMs, &engine, [&engine, duringRun] {
            if (duringRun)
                duringRun(engine);
            else
                engine.cancel();
        });
    }
    if (!finished.wait(60'000))
        qWarning("the run did not finish");
    return engine.takeTrace();
}

// The accounting every fault must leave intact.
void checkAccounting(const RunTrace &trace, int issued)
{
    QCOMPARE(int(trace.requests.size()), issued);
    const Summary summary = computeSummary(trace, { 50 }, {});
    QCOMPARE(summary.sent, issued);
    QCOMPARE(summary.completed + summary.failed + summary.incomplete, summary.sent);
    int errors = 0;
    for (auto it = summary.errors.begin(); it != summary.errors.end(); ++it)
        errors += it.value();
    QCOMPARE(errors, summary.failed + summary.incomplete);
    for (const RequestRecord &r : trace.requests) {
        QVERIFY2(r.settled(), r.id.constData());
        QVERIFY2(r.endNs >= 0, r.id.constData());
        if (r.outcome == Outcome::Success)
            QCOMPARE(r.error, ErrorKind::None);
        else
            QVERIFY2(r.error != ErrorKind::None, r.id.constData());
    }
}

QString kindOf(const RequestRecord &r)
{
    return r.outcome == Outcome::Success ? QStringLiteral("success") : errorKindName(r.error, r.httpStatus);
}

// A server that accepts, reads a request and then trickles its response headers one byte a
// second: bytes keep coming, but no response ever starts.
class TrickleServer : public QObject
{
public:
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int requestsSeen() const { return m_requests; }

    TrickleServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray data = socket->readAll();
                    if (data.contains("\r\n\r\n") && !socket->property("trickling").toBool()) {
                        socket->setProperty("trickling", true);
                        ++m_requests;
                        m_sockets.emplace_back(socket);
                    }
                });
            }
        });
        m_tick.setInterval(1000);
        connect(&m_tick, &QTimer::timeout, this, [this] {
            static const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
            for (QTcpSocket *socket : m_sockets) {
                const int sent = socket->property("sent").toInt();
                if (socket->state() == QAbstractSocket::ConnectedState && sent < head.size()) {
                    socket->write(head.constData() + sent, 1);
                    socket->setProperty("sent", sent + 1);
                }
            }
        });
        m_tick.start();
    }

private:
    QTcpServer m_server;
    QTimer m_tick;
    std::vector<QPointer<QTcpSocket>> m_sockets;
    int m_requests = 0;
};

} // namespace

class tst_FaultCampaign : public QObject
{
    Q_OBJECT
private slots:
    void everyFaultAtTenPercent();
    void simulatorKilledMidRun();
    void clientCancelledMidRun();
    void responseLargerThanCap();
    void headersTrickled();
};

void tst_FaultCampaign::everyFaultAtTenPercent()
{
    SimulatorSettings sim = fastSim();
    SimulatorFaults &f = sim.faults;
    f.http429 = f.http500 = f.http503 = f.reset = f.stall = f.malformed = f.streamError = f.missingDone = 0.1;
    f.stallSeconds = 2; // longer than the idle timeout (0.3 s): only that can end a stall
    f.retryAfterSeconds = 1;
    sim.seed = 6;
    SimulatorThread server;
    QVERIFY(server.start(sim));
    const int requests = 400;
    const RunTrace trace = runEngine(campaignScenario(requests, 32), server.url());
    checkAccounting(trace, requests);
    QVERIFY(!trace.cancelled);

    // The simulator's own record says which fault each request drew; the client must report
    // exactly that fault under its own kind. A stall shows up there as client_closed: the
    // client hung up on it, as it should.
    const std::map<QString, QString> expected {
        { QStringLiteral("none"), QStringLiteral("success") },
        { QStringLiteral("http_429"), QStringLiteral("http_429") },
        { QStringLiteral("http_500"), QStringLiteral("http_500") },
        { QStringLiteral("http_503"), QStringLiteral("http_503") },
        { QStringLiteral("reset"), QStringLiteral("connection_reset") },
        { QStringLiteral("client_closed"), QStringLiteral("timeout_idle") },
        { QStringLiteral("malformed"), QStringLiteral("malformed_chunk") },
        { QStringLiteral("stream_error"), QStringLiteral("stream_error") },
        { QStringLiteral("missing_done"), QStringLiteral("missing_done") },
    };
    const QJsonObject stats = server.simulator()->stats();
    std::map<QByteArray, QString> drawn;
    for (const auto &v : stats.value(QStringLiteral("requests")).toArray()) {
        const QJsonObject o = v.toObject();
        drawn[o.value(QStringLiteral("id")).toString().toLatin1()]
            = o.value(QStringLiteral("fault")).toString();
    }
    std::map<QString, int> perKind;
    int neverArrived = 0;
    for (const RequestRecord &r : trace.requests) {
        if (!drawn.count(r.id)) {
            // HTTP/1.1's keep-alive race: the server closed a connection (after a reset or an
            // error) just as the client reused it. The request never arrived and has to be
            // reported as a transport failure without a response, not as anything the server said.
            qInfo("%s never reached the simulator: %s (%s)", r.id.constData(), qPrintable(kindOf(r)),
                qPrintable(r.errorMessage));
            QVERIFY2(r.error == ErrorKind::ConnectionReset || r.error == ErrorKind::Network,
                qPrintable(kindOf(r)));
            QCOMPARE(r.headersNs, -1);
            ++neverArrived;
            continue;
        }
        const QString fault = drawn[r.id];
        QVERIFY2(expected.count(fault), qPrintable(fault));
        const QString kind = kindOf(r);
        QVERIFY2(kind == expected.at(fault),
            qPrintable(
                QStringLiteral("%1: fault %2 reported as %3").arg(QString::fromLatin1(r.id), fault, kind)));
        if (r.outcome != Outcome::Success)
            QVERIFY2(!r.errorMessage.isEmpty() || r.error == ErrorKind::MissingDone,
                "a failure says what happened");
        ++perKind[kind];
    }
    // Every fault kind occurred (400 draws at 10% each: ~40 of each) and so did successes.
    for (const auto &[fault, kind] : expected)
        QVERIFY2(perKind[kind] > 5, qPrintable(QStringLiteral("%1: %2").arg(kind).arg(perKind[kind])));
    QVERIFY2(neverArrived <= requests / 50, qPrintable(QString::number(neverArrived)));
    QCOMPARE(stats.value(QStringLiteral("requests_received")).toInt(), requests - neverArrived);
    const Summary summary = computeSummary(trace, { 50 }, {});
    QCOMPARE(summary.completed, perKind[QStringLiteral("success")]);
    QCOMPARE(summary.incomplete, 0);
}

void tst_FaultCampaign::simulatorKilledMidRun()
{
    SimulatorSettings sim = fastSim();
    sim.ttftMs = 20;
    sim.tokenIntervalMs = 20;
    sim.outputTokens = 20; // ~400 ms per request: the kill lands mid-stream
    auto server = std::make_unique<SimulatorThread>();
    QVERIFY(server->start(sim));
    const int requests = 200;
    Scenario s = campaignScenario(requests, 16);
    s.idleTimeoutS = 2;
    const RunTrace trace = runEngine(s, server->url(), 600, [&server](LoadEngine &) { server->stop(); });
    checkAccounting(trace, requests);
    const Summary summary = computeSummary(trace, { 50 }, {});
    QVERIFY2(summary.completed >= 16, "the first round finished before the kill");
    QVERIFY2(summary.failed > 0, "requests after the kill failed");
    // Cut streams are resets; requests sent after the kill find nothing listening.
    for (auto it = summary.errors.begin(); it != summary.errors.end(); ++it) {
        QVERIFY2(it.key() == QLatin1String("connection_reset")
                || it.key() == QLatin1String("connection_refused")
                || it.key() == QLatin1String("network_error"),
            qPrintable(it.key()));
    }
    QVERIFY(summary.errors.value(QStringLiteral("connection_reset")) > 0);
}

void tst_FaultCampaign::clientCancelledMidRun()
{
    SimulatorSettings sim = fastSim();
    sim.tokenIntervalMs = 10;
    sim.outputTokens = 30;
    SimulatorThread server;
    QVERIFY(server.start(sim));
    const int requests = 300;
    const RunTrace trace = runEngine(campaignScenario(requests, 24), server.url(), 500);
    QVERIFY(trace.cancelled);
    // Only the requests issued before the cancel are in the record; every one of them settled.
    const int issued = int(trace.requests.size());
    QVERIFY(issued < requests);
    checkAccounting(trace, issued);
    const Summary summary = computeSummary(trace, { 50 }, {});
    QCOMPARE(summary.failed, 0);
    // The in-flight ones, no more (a lane may be between two requests at that instant).
    QVERIFY2(summary.incomplete >= 20 && summary.incomplete <= 24,
        qPrintable(QString::number(summary.incomplete)));
    QCOMPARE(summary.errors.value(QStringLiteral("cancelled")), summary.incomplete);
    QTRY_COMPARE(server.simulator()->stats().value(QStringLiteral("in_progress")).toInt(), 0);
}

void tst_FaultCampaign::responseLargerThanCap()
{
    SimulatorSettings sim = fastSim();
    sim.outputTokens = 200; // ~30 KB of SSE
    SimulatorThread server;
    QVERIFY(server.start(sim));
    Scenario s = campaignScenario(20, 4);
    s.maxTokens = 200;
    s.maxResponseBytes = 4096;
    const RunTrace trace = runEngine(s, server.url());
    checkAccounting(trace, 20);
    const Summary summary = computeSummary(trace, { 50 }, {});
    QCOMPARE(summary.errors.value(QStringLiteral("response_too_large")), 20);
    for (const RequestRecord &r : trace.requests) {
        QCOMPARE(r.error, ErrorKind::ResponseTooLarge);
        QVERIFY2(
            r.errorMessage.contains(QLatin1String("larger than 4096 bytes")), qPrintable(r.errorMessage));
    }
}

void tst_FaultCampaign::headersTrickled()
{
    TrickleServer server;
    QVERIFY(server.listen());
    Scenario s = campaignScenario(4, 4);
    s.idleTimeoutS = 0.5;
    const RunTrace trace = runEngine(s, server.url());
    checkAccounting(trace, 4);
    QCOMPARE(server.requestsSeen(), 4);
    for (const RequestRecord &r : trace.requests) {
        // A byte a second is not a response: the inactivity timeout ends it, not the deadline.
        QCOMPARE(r.error, ErrorKind::TimeoutIdle);
        QCOMPARE(r.outcome, Outcome::Failed);
        QVERIFY(r.endNs - r.dispatchNs >= 500'000'000);
        QVERIFY(r.endNs - r.dispatchNs < 5'000'000'000);
    }
}

QTEST_GUILESS_MAIN(tst_FaultCampaign)
#include "tst_faultcampaign.moc"
