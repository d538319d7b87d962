// The engine's socket transport (issue 19, target.transport "socket"): one keep-alive
// connection per lane, counted by the server; a fresh connection when the server closed the
// last one; failures recorded with the QNAM path's kinds; the engine's cancel, idle and total
// deadlines and retries on this path; the scenario field and what the transport refuses.
#include "engine/loadengine.h"
#include "scenario/scenario.h"
#include "sim/simulator.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <sys/socket.h>

#include <algorithm>
#include <functional>

using namespace BurgerBench;

namespace {

QByteArray token(const char *text)
{
    return QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"") + text + "\"}}]}\n\n";
}

QByteArray chunk(const QByteArray &piece)
{
    return QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
}

const QByteArray SseHead
    = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";

QByteArray goodStream()
{
    return SseHead + chunk(token("a") + token("b")) + chunk("data: [DONE]\n\n") + "0\r\n\r\n";
}

// A loopback server on the test thread: counts connections and requests, and answers the n-th
// request (from 0, over all connections) with whatever `answer` does to its socket.
class ScriptServer : public QObject
{
public:
    using Answer = std::function<void(QTcpSocket *socket, int n)>;
    explicit ScriptServer(Answer answer)
        : m_answer(std::move(answer))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int connections() const { return m_connections; }
    int requests() const { return m_requests; }

private:
    void onRead(QTcpSocket *socket)
    {
        QByteArray &buf = m_pending[socket];
        buf += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buf.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buf.left(headEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buf.size() < headEnd + 4 + length)
                return;
            buf.remove(0, headEnd + 4 + length);
            m_answer(socket, m_requests++);
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
        }
    }

    QTcpServer m_server;
    Answer m_answer;
    QHash<QTcpSocket *, QByteArray> m_pending;
    int m_connections = 0;
    int m_requests = 0;
};

void reset(QTcpSocket *socket)
{
    struct linger noLinger = { 1, 0 };
    ::setsockopt(
        int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger, socklen_t(sizeof noLinger));
    socket->abort();
}

Scenario socketScenario(int concurrency, int requests)
{
    Scenario s;
    s.name = QStringLiteral("socket");
    s.transport = Transport::Socket;
    s.concurrency = concurrency;
    s.requests = requests;
    s.maxTokens = 2;
    s.idleTimeoutS = 5;
    s.timeoutS = 10;
    return s;
}

// Runs the engine on this thread (the server answers on it too) until it finishes.
RunTrace runEngine(const Scenario &s, const QUrl &url, int cancelAfterMs = -1)
{
    LoadEngine engine;
    bool finished = false;
    QObject::connect(&engine, &LoadEngine::finished, [&] { finished = true; });
    QString error;
    if (!engine.start(s, url, QByteArray(), &error)) {
        qWarning("engine: %s", qPrintable(error));
        return {};
    }
    if (cancelAfterMs >= 0)
        QTimer::singleShot(cancelAfterMs, &engine, [&engine] { engine.cancel(); });
    QDeadlineTimer deadline(30000);
    while (!finished && !deadline.hasExpired())
        QTest::qWait(2);
    if (!finished)
        return {};
    return engine.takeTrace();
}

int count(const RunTrace &t, Outcome outcome)
{
    return int(std::count_if(t.requests.begin(), t.requests.end(),
        [outcome](const RequestRecord &r) { return r.outcome == outcome; }));
}

} // namespace

class tst_SocketTransport : public QObject
{
    Q_OBJECT
private slots:
    void keepAliveOneConnectionPerLane_data();
    void keepAliveOneConnectionPerLane();
    void connectionCloseReconnects();
    void serverClosesIdleConnection();
    void sameKindsAsQnam_data();
    void sameKindsAsQnam();
    void cancelMidStream();
    void idleTimeout();
    void totalTimeout();
    void retryAfter503();
    void againstSimulator();
    void scenarioField();
    void refusesHttp2();
};

void tst_SocketTransport::keepAliveOneConnectionPerLane_data()
{
    QTest::addColumn<int>("lanes");
    QTest::addColumn<int>("requests");
    QTest::newRow("1 lane, 12 requests") << 1 << 12;
    QTest::newRow("4 lanes, 40 requests") << 4 << 40;
    // More lanes than the engine opens at once before the clock (32): every lane still gets one.
    QTest::newRow("80 lanes, 160 requests") << 80 << 160;
}

void tst_SocketTransport::keepAliveOneConnectionPerLane()
{
    QFETCH(int, lanes);
    QFETCH(int, requests);
    ScriptServer server([](QTcpSocket *socket, int) { socket->write(goodStream()); });
    QVERIFY(server.listen());
    const RunTrace t = runEngine(socketScenario(lanes, requests), server.url());
    QCOMPARE(int(t.requests.size()), requests);
    QCOMPARE(count(t, Outcome::Success), requests);
    for (const RequestRecord &r : t.requests) {
        QCOMPARE(int(r.tokenNs.size()), 2);
        QCOMPARE(r.text, QStringLiteral("ab"));
        QVERIFY(r.dispatchNs <= r.sentNs && r.sentNs <= r.headersNs && r.headersNs <= r.endNs);
    }
    QCOMPARE(server.requests(), requests);
    QCOMPARE(server.connections(), lanes); // by the server's count: one keep-alive connection a lane
}

void tst_SocketTransport::connectionCloseReconnects()
{
    // Connection: close after every response: each next request opens a fresh connection.
    ScriptServer server([](QTcpSocket *socket, int) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n"
            + chunk(token("a") + "data: [DONE]\n\n") + "0\r\n\r\n");
        socket->disconnectFromHost();
    });
    QVERIFY(server.listen());
    const RunTrace t = runEngine(socketScenario(1, 5), server.url());
    QCOMPARE(count(t, Outcome::Success), 5);
    QCOMPARE(server.requests(), 5);
    QCOMPARE(server.connections(), 5);
}

void tst_SocketTransport::serverClosesIdleConnection()
{
    // A keep-alive response (no Connection: close), then the server closes the connection. The
    // next request either sees the close first (and reconnects) or is written into the closing
    // connection (and is written once more on a fresh one): every request succeeds either way,
    // each on a connection of its own, and none counts as a retry.
    ScriptServer server([](QTcpSocket *socket, int) {
        socket->write(goodStream());
        socket->disconnectFromHost();
    });
    QVERIFY(server.listen());
    const RunTrace t = runEngine(socketScenario(1, 6), server.url());
    QCOMPARE(count(t, Outcome::Success), 6);
    for (const RequestRecord &r : t.requests) {
        QCOMPARE(r.retries, 0);
        QCOMPARE(int(r.tokenNs.size()), 2);
    }
    QVERIFY2(server.connections() >= 6, qPrintable(QString::number(server.connections())));
}

void tst_SocketTransport::sameKindsAsQnam_data()
{
    QTest::addColumn<int>("script"); // 0 refused, 1 reset mid-stream, 2 closed mid-stream, 3 closed before
    QTest::addColumn<ErrorKind>("kind");
    QTest::newRow("connection refused") << 0 << ErrorKind::ConnectionRefused;
    QTest::newRow("reset mid-stream") << 1 << ErrorKind::ConnectionReset;
    QTest::newRow("server closes mid-stream") << 2 << ErrorKind::ConnectionReset;
    QTest::newRow("closed before a response") << 3 << ErrorKind::ConnectionReset;
}

void tst_SocketTransport::sameKindsAsQnam()
{
    QFETCH(int, script);
    QFETCH(ErrorKind, kind);
    ScriptServer server([script](QTcpSocket *socket, int) {
        if (script == 3) {
            socket->disconnectFromHost();
            return;
        }
        socket->write(SseHead + chunk(token("a")) + "400\r\n" + token("b").left(5));
        socket->flush();
        if (script == 1)
            reset(socket);
        else
            socket->disconnectFromHost();
    });
    QUrl url;
    if (script == 0) {
        QTcpServer closed; // a port nobody listens on any more
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
    } else {
        QVERIFY(server.listen());
        url = server.url();
    }
    Scenario s = socketScenario(1, 1);
    const RunTrace viaSocket = runEngine(s, url);
    s.transport = Transport::Qnam;
    const RunTrace viaQnam = runEngine(s, url);
    QCOMPARE(viaSocket.requests.size(), size_t(1));
    QCOMPARE(viaQnam.requests.size(), size_t(1));
    const RequestRecord &k = viaSocket.requests.front();
    const RequestRecord &q = viaQnam.requests.front();
    QCOMPARE(k.outcome, Outcome::Failed);
    QCOMPARE(k.error, kind);
    QCOMPARE(q.error, kind);
    QCOMPARE(k.tokenNs.size(), q.tokenNs.size());
    QCOMPARE(int(k.tokenNs.size()), script == 1 || script == 2 ? 1 : 0);
}

void tst_SocketTransport::cancelMidStream()
{
    // One token, then nothing: the cancel cuts the attempt on the socket.
    ScriptServer server([](QTcpSocket *socket, int) {
        socket->write(SseHead + chunk(token("a")));
        socket->flush();
    });
    QVERIFY(server.listen());
    const RunTrace t = runEngine(socketScenario(2, 4), server.url(), 300);
    QVERIFY(t.cancelled);
    QCOMPARE(t.abortReason, QStringLiteral("cancelled by the user"));
    QVERIFY(!t.requests.empty());
    for (const RequestRecord &r : t.requests) {
        QCOMPARE(r.outcome, Outcome::Incomplete);
        QCOMPARE(r.error, ErrorKind::Cancelled);
    }
    QCOMPARE(int(t.requests.front().tokenNs.size()), 1);
}

void tst_SocketTransport::idleTimeout()
{
    ScriptServer server([](QTcpSocket *socket, int) {
        socket->write(SseHead + chunk(token("a")));
        socket->flush();
    });
    QVERIFY(server.listen());
    Scenario s = socketScenario(1, 1);
    s.idleTimeoutS = 0.3;
    const RunTrace t = runEngine(s, server.url());
    QCOMPARE(t.requests.size(), size_t(1));
    const RequestRecord &r = t.requests.front();
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.error, ErrorKind::TimeoutIdle);
    QCOMPARE(r.errorMessage, QStringLiteral("no bytes for 0.3 s"));
    QVERIFY(r.endNs - r.dispatchNs >= 250'000'000); // not before the idle time (order of magnitude)
    QVERIFY(!t.cancelled);
}

void tst_SocketTransport::totalTimeout()
{
    // A token every 40 ms forever: never idle, but never done.
    auto *trickle = new QTimer;
    QList<QPointer<QTcpSocket>> streams;
    QObject::connect(trickle, &QTimer::timeout, [&streams] {
        for (const QPointer<QTcpSocket> &socket : streams) {
            if (socket)
                socket->write(chunk(token("x")));
        }
    });
    ScriptServer server([&streams](QTcpSocket *socket, int) {
        socket->write(SseHead);
        streams.append(socket);
    });
    QVERIFY(server.listen());
    trickle->start(40);
    Scenario s = socketScenario(1, 1);
    s.timeoutS = 0.5;
    s.idleTimeoutS = 5;
    const RunTrace t = runEngine(s, server.url());
    delete trickle;
    QCOMPARE(t.requests.size(), size_t(1));
    const RequestRecord &r = t.requests.front();
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.error, ErrorKind::TimeoutTotal);
    QVERIFY(r.tokenNs.size() >= 3);
}

void tst_SocketTransport::retryAfter503()
{
    ScriptServer server([](QTcpSocket *socket, int n) {
        if (n == 0)
            socket->write(
                "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 4\r\n\r\nbusy");
        else
            socket->write(goodStream());
    });
    QVERIFY(server.listen());
    Scenario s = socketScenario(1, 1);
    s.retries = 2;
    s.retryBaseMs = 1;
    const RunTrace t = runEngine(s, server.url());
    QCOMPARE(t.requests.size(), size_t(1));
    const RequestRecord &r = t.requests.front();
    QCOMPARE(r.outcome, Outcome::Success);
    QCOMPARE(r.retries, 1);
    QCOMPARE(r.attempts.size(), size_t(1));
    QCOMPARE(r.attempts.front().httpStatus, 503);
    // Retry-After: 1 s is honoured (the backoff alone would be a millisecond).
    QVERIFY(r.endNs - r.attempts.front().endNs >= 900'000'000);
    QCOMPARE(server.connections(), 1); // the retry reused the lane's connection
}

void tst_SocketTransport::againstSimulator()
{
    SimulatorSettings sim;
    sim.ttftMs = 5;
    sim.tokenIntervalMs = 2;
    sim.outputTokens = 16;
    SimulatorThread server;
    QString error;
    QVERIFY2(server.start(sim, &error), qPrintable(error));
    Scenario s = socketScenario(8, 64);
    s.maxTokens = 16;
    for (bool stream : { true, false }) {
        s.stream = stream;
        const RunTrace t = runEngine(s, server.url());
        QCOMPARE(int(t.requests.size()), 64);
        QCOMPARE(count(t, Outcome::Success), 64);
        for (const RequestRecord &r : t.requests) {
            QCOMPARE(r.outputTokens, 16);
            QCOMPARE(int(r.tokenNs.size()), stream ? 16 : 0);
            QVERIFY(r.lane >= 0 && r.lane < 8);
        }
    }
}

void tst_SocketTransport::scenarioField()
{
    Scenario s;
    QCOMPARE(s.transport, Transport::Qnam); // QNAM stays the default
    s.requests = 1;
    s.transport = Transport::Socket;
    const QJsonObject json = s.toJson();
    QCOMPARE(json.value(QStringLiteral("target")).toObject().value(QStringLiteral("transport")).toString(),
        QStringLiteral("socket"));
    Scenario back;
    QString error;
    QVERIFY2(Scenario::fromJson(json, &back, &error), qPrintable(error));
    QCOMPARE(back.transport, Transport::Socket);

    QJsonObject bad = json;
    QJsonObject target = bad.value(QStringLiteral("target")).toObject();
    target.insert(QStringLiteral("transport"), QStringLiteral("carrier-pigeon"));
    bad.insert(QStringLiteral("target"), target);
    QVERIFY(!Scenario::fromJson(bad, &back, &error));
    QVERIFY2(error.contains(QStringLiteral("target.transport")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("carrier-pigeon")), qPrintable(error));
}

void tst_SocketTransport::refusesHttp2()
{
    Scenario s = socketScenario(1, 1);
    s.http2 = true;
    QString error;
    QVERIFY(!s.validate(&error));
    QVERIFY2(error.startsWith(QStringLiteral("target.transport:")), qPrintable(error));
    LoadEngine engine;
    QVERIFY(!engine.start(s, QUrl(QStringLiteral("http://127.0.0.1:9")), QByteArray(), &error));
    QVERIFY2(error.contains(QStringLiteral("HTTP/1.1 only")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_SocketTransport)
#include "tst_sockettransport.moc"
