// Both transports, fed the same recorded bytes, produce the same record (issue 18's "done
// when"): a loopback QTcpServer replays a canned response byte for byte, and each row runs once
// through LoadEngine (QNAM, event loop) and once through BlockingHttpClient (a socket and
// protocol/'s HttpResponseParser). Both hand what they read to the one AttemptClassifier, so
// outcome, error kind, status, token event count, usage counts and text must agree.
//
// Issue 19: every row also runs through the engine's socket transport (target.transport
// "socket"), which parses with the blocking client's HttpResponseParser: it must record exactly
// what the blocking client records, and agree with the QNAM engine wherever that one can know.
//
// Where they cannot agree it is because QNAM parses HTTP itself and tells the engine only what
// it decided: the row then names the engine's kind apart (engineKind) and says why, and both
// sides still must agree on what both can know (the outcome, the status, the events before).
#include "engine/loadengine.h"
#include "parallel/blockinghttp.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <sys/socket.h>

#include <atomic>
#include <thread>

using namespace BurgerBench;

Q_DECLARE_METATYPE(BurgerBench::Outcome)
Q_DECLARE_METATYPE(BurgerBench::ErrorKind)

namespace {

enum class End : quint8 { Keep, Close, Reset };

// Serves every request on every connection with `response`, then keeps, closes or resets (RST,
// SO_LINGER 0, as the simulator's reset fault does) the connection.
class ReplayServer : public QObject
{
public:
    ReplayServer(QByteArray response, End end)
        : m_response(std::move(response))
        , m_end(end)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_server.serverPort()));
    }
    int served() const { return m_served; }

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
            ++m_served;
            socket->write(m_response);
            socket->flush();
            if (m_end == End::Close) {
                socket->disconnectFromHost();
                return;
            }
            if (m_end == End::Reset) {
                struct linger noLinger = { 1, 0 };
                ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger,
                    socklen_t(sizeof noLinger));
                socket->abort();
                return;
            }
        }
    }

    QTcpServer m_server;
    QByteArray m_response;
    End m_end;
    QHash<QTcpSocket *, QByteArray> m_pending;
    int m_served = 0;
};

Scenario scenario(bool stream, Endpoint endpoint = Endpoint::Chat)
{
    Scenario s;
    s.name = QStringLiteral("parity");
    s.endpoint = endpoint;
    s.stream = stream;
    s.concurrency = 1;
    s.requests = 1;
    s.maxTokens = 3;
    s.idleTimeoutS = 5;
    s.timeoutS = 10;
    return s;
}

QByteArray chunked(const QList<QByteArray> &pieces)
{
    QByteArray out;
    for (const QByteArray &p : pieces)
        out += QByteArray::number(p.size(), 16) + "\r\n" + p + "\r\n";
    return out + "0\r\n\r\n";
}

QByteArray token(const char *text)
{
    return QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"") + text + "\"}}]}\n\n";
}

const QByteArray SseHead
    = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
const QByteArray Usage = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}\n\n";
const QByteArray Done = "data: [DONE]\n\n";

// Spins this thread's event loop (the replay server lives on it) until pred() or the timeout.
template<typename Pred> bool waitFor(Pred pred, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!pred() && !deadline.hasExpired())
        QTest::qWait(2);
    return pred();
}

RequestRecord runEngine(
    const QByteArray &response, End end, bool stream, Transport transport, Endpoint endpoint = Endpoint::Chat)
{
    ReplayServer server(response, end);
    if (!server.listen())
        return {};
    LoadEngine engine;
    bool finished = false;
    QObject::connect(&engine, &LoadEngine::finished, [&] { finished = true; });
    QString error;
    Scenario s = scenario(stream, endpoint);
    s.transport = transport;
    if (!engine.start(s, server.url(), QByteArray(), &error))
        qFatal("engine: %s", qPrintable(error));
    if (!waitFor([&] { return finished; }, 20000) || engine.trace().requests.empty())
        return {};
    return engine.trace().requests.front();
}

RequestRecord runBlocking(
    const QByteArray &response, End end, bool stream, Endpoint endpoint = Endpoint::Chat)
{
    ReplayServer server(response, end);
    if (!server.listen())
        return {};
    RequestRecord r;
    r.id = "bb-parity";
    std::atomic<bool> done { false };
    const QUrl url = server.url();
    // The client blocks its thread; the server answers on this one.
    std::thread worker([&] {
        BlockingHttpClient client(scenario(stream, endpoint), url, QByteArray());
        QElapsedTimer clock;
        clock.start();
        client.perform(&r, clock, nullptr);
        done = true;
    });
    waitFor([&] { return done.load(); }, 20000); // the client's own 10 s deadline ends it first
    worker.join();
    return r;
}

QString describe(const RequestRecord &r)
{
    return QStringLiteral("%1/%2 status %3 tokens %4 output %5 (usage %6) prompt %7 text '%8' message '%9'")
        .arg(outcomeName(r.outcome), errorKindName(r.error, r.httpStatus))
        .arg(r.httpStatus)
        .arg(r.tokenNs.size())
        .arg(r.outputTokens)
        .arg(r.outputTokensFromUsage)
        .arg(r.promptTokens)
        .arg(r.text, r.errorMessage);
}

} // namespace

class tst_TransportParity : public QObject
{
    Q_OBJECT
private slots:
    void sameRecord_data();
    void sameRecord();
    // The Responses API (and reasoning) through the same three paths.
    void responsesRecord_data();
    void responsesRecord();
};

void tst_TransportParity::sameRecord_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("end");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<ErrorKind>("engineKind"); // what QNAM lets the engine know, when it differs
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("outputTokens");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // a part of the message both must carry (empty: any)

    const QByteArray good = chunked({ token("Hello"), token(", ") + token("world"), Usage, Done });
    QTest::newRow("good stream with usage")
        << SseHead + good << int(End::Keep) << true << Outcome::Success << ErrorKind::None << ErrorKind::None
        << 200 << 3 << 3 << QStringLiteral("Hello, world") << QString();
    QTest::newRow("good stream, close-delimited")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
            + token("a") + token("b") + Usage + Done
        << int(End::Close) << true << Outcome::Success << ErrorKind::None << ErrorKind::None << 200 << 2
        << 3 /* usage wins over the event count */ << QStringLiteral("ab") << QString();
    QTest::newRow("100 Continue before the stream")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\n") + SseHead + good << int(End::Keep) << true
        << Outcome::Success << ErrorKind::None << ErrorKind::None << 200 << 3 << 3
        << QStringLiteral("Hello, world") << QString();
    const QByteArray json = "{\"choices\":[{\"message\":{\"content\":\"whole answer\"}}],"
                            "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}";
    QTest::newRow("non-streaming JSON")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ")
            + QByteArray::number(json.size()) + "\r\n\r\n" + json
        << int(End::Keep) << false << Outcome::Success << ErrorKind::None << ErrorKind::None << 200 << 0 << 2
        << QStringLiteral("whole answer") << QString();
    const QByteArray slowDown = "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}";
    QTest::newRow("429 with Retry-After")
        << QByteArray("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Type: application/json\r\n"
                      "Content-Length: ")
            + QByteArray::number(slowDown.size()) + "\r\n\r\n" + slowDown
        << int(End::Keep) << true << Outcome::Failed << ErrorKind::Http << ErrorKind::Http << 429 << 0 << 0
        << QString() << QStringLiteral("slow down");
    QTest::newRow("500 with a text body")
        << QByteArray("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 12\r\n\r\nkitchen fire")
        << int(End::Keep) << true << Outcome::Failed << ErrorKind::Http << ErrorKind::Http << 500 << 0 << 0
        << QString() << QStringLiteral("kitchen fire");
    // Issue 15: the engine said "Unknown error" (QNAM's errorString for a redirect not followed),
    // then http_301; a redirect is its own kind, never followed, its Location in the message.
    // QNAM (ManualRedirectPolicy) hands over the status and the Location header: it can tell.
    QTest::newRow("301 without a body")
        << QByteArray(
               "HTTP/1.1 301 Moved Permanently\r\nLocation: http://elsewhere/v1\r\nContent-Length: 0\r\n\r\n")
        << int(End::Keep) << true << Outcome::Failed << ErrorKind::Redirect << ErrorKind::Redirect << 301 << 0
        << 0 << QString()
        << QStringLiteral("HTTP 301 Moved Permanently to http://elsewhere/v1; redirects are not followed");
    QTest::newRow("error event in the stream")
        << SseHead
            + chunked(
                { token("a"), "event: error\ndata: {\"error\":{\"message\":\"overloaded\"}}\n\n", Done })
        << int(End::Keep) << true << Outcome::Failed << ErrorKind::StreamError << ErrorKind::StreamError
        << 200 << 1 << 1 << QStringLiteral("a") << QStringLiteral("overloaded");
    QTest::newRow("malformed JSON chunk")
        << SseHead + chunked({ token("a"), "data: {not json\n\n", Done }) << int(End::Keep) << true
        << Outcome::Failed << ErrorKind::MalformedChunk << ErrorKind::MalformedChunk << 200 << 1 << 1
        << QStringLiteral("a") << QStringLiteral("not JSON");
    QTest::newRow("missing [DONE]") << SseHead + chunked({ token("a"), token("b"), Usage }) << int(End::Keep)
                                    << true << Outcome::Failed << ErrorKind::MissingDone
                                    << ErrorKind::MissingDone << 200 << 2 << 2 << QStringLiteral("ab")
                                    << QString();
    QTest::newRow("no token event") << SseHead + chunked({ Usage, Done }) << int(End::Keep) << true
                                    << Outcome::Failed << ErrorKind::NoTokens << ErrorKind::NoTokens << 200
                                    << 0 << 0 << QString() << QString();
    QTest::newRow("JSON where a stream was asked for")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
        << int(End::Keep) << true << Outcome::Failed << ErrorKind::BadResponse << ErrorKind::BadResponse
        << 200 << 0 << 0 << QString() << QStringLiteral("expected text/event-stream");
    // Issue 15: a reset in the middle of a chunked stream is a reset, not a missing [DONE]; the
    // events that arrived whole keep their times.
    QTest::newRow("reset mid-stream")
        << SseHead + QByteArray::number(2 * token("a").size(), 16) + "\r\n" + token("a") + token("b") + "\r\n"
            + QByteArray::number(1000, 16) + "\r\n" + token("c").left(10)
        << int(End::Reset) << true << Outcome::Failed << ErrorKind::ConnectionReset
        << ErrorKind::ConnectionReset << 200 << 2 << 2 << QStringLiteral("ab") << QString();
    QTest::newRow("closed before a response")
        << QByteArray() << int(End::Close) << true << Outcome::Failed << ErrorKind::ConnectionReset
        << ErrorKind::ConnectionReset << 0 << 0 << 0 << QString() << QString();
    // Issue 15: a bad chunk size was no_tokens. The socket transport and the blocking client see
    // the bytes and say chunked_encoding. QNAM cannot tell: Qt 6.4's getChunkSize()
    // (qhttpnetworkreply.cpp) reads the size with toLong(&ok, 16) and ignores ok, so "zz" is the
    // last chunk (size 0); the next bytes not being CRLF only force the connection closed, and the
    // reply ends without an error. All the engine can know is a stream with no token event.
    QTest::newRow("bad chunk size") << SseHead + "zz\r\n" + token("a") + "\r\n0\r\n\r\n"
                                    << int(End::Close) << true << Outcome::Failed
                                    << ErrorKind::ChunkedEncoding << ErrorKind::NoTokens << 200 << 0 << 0
                                    << QString() << QString();
    // Issue 15: a garbage status line was connection_reset. The socket transport and the blocking
    // client name it (bad_status_line, "malformed status line"). QNAM cannot tell: when
    // parseStatus() fails, Qt 6.4's readStatus() returns -1 and QHttpProtocolHandler calls
    // handleUnexpectedEOF(), which reports RemoteHostClosedError, the same error as a server that
    // closed before any byte; the engine can only say connection_reset. Neither has a status.
    QTest::newRow("garbage status line")
        << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << int(End::Close) << true << Outcome::Failed
        << ErrorKind::BadStatusLine << ErrorKind::ConnectionReset << 0 << 0 << 0 << QString()
        << QStringLiteral("malformed status line");
    // Issue 15: 20,000 response headers were bad_response. The socket transport and the blocking
    // client refuse more than 100 fields (QNAM's own limit, which the parser copies):
    // headers_too_large, and no head. QNAM cannot tell: Qt 6.4's readHeader() ignores
    // QHttpHeaderParser::parseHeaders() returning false (over 100 fields, a field over 8 KiB, or a
    // bad name), so the engine is told of a 200 with no header field and no body, which is all it
    // can judge (bad_response: not an event stream).
    QTest::newRow("20,000 response headers") <<
        [] {
            QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n";
            for (int i = 0; i < 20000; ++i)
                out += "X-H" + QByteArray::number(i) + ": v\r\n";
            return QByteArray(out + "Content-Length: 0\r\n\r\n");
        }() << int(End::Close) << true << Outcome::Failed
                                             << ErrorKind::HeadersTooLarge << ErrorKind::BadResponse << 200
                                             << 0 << 0 << QString() << QString();
    // What neither can tell: a reset in a close-delimited stream. Qt's sockets read ECONNRESET as
    // an end of file, so both see the body end where the RST came: a stream without [DONE].
    QTest::newRow("reset in a close-delimited stream")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
            + token("a") + token("b")
        << int(End::Reset) << true << Outcome::Failed << ErrorKind::MissingDone << ErrorKind::MissingDone
        << 200 << 2 << 2 << QStringLiteral("ab") << QString();
}

void tst_TransportParity::sameRecord()
{
    QFETCH(QByteArray, response);
    QFETCH(int, end);
    QFETCH(bool, stream);
    QFETCH(Outcome, outcome);
    QFETCH(ErrorKind, kind);
    QFETCH(ErrorKind, engineKind);
    QFETCH(int, status);
    QFETCH(int, tokens);
    QFETCH(int, outputTokens);
    QFETCH(QString, text);
    QFETCH(QString, message);

    const RequestRecord e = runEngine(response, End(end), stream, Transport::Qnam);
    const RequestRecord b = runBlocking(response, End(end), stream);
    const RequestRecord k = runEngine(response, End(end), stream, Transport::Socket);
    const QString both = QStringLiteral("\n  engine:   ") + describe(e) + QStringLiteral("\n  blocking: ")
        + describe(b) + QStringLiteral("\n  socket:   ") + describe(k);

    // The socket transport reads the bytes the blocking client reads, with the same parser and
    // classifier: the same record in every row, also where QNAM cannot tell.
    QVERIFY2(k.outcome == outcome && k.error == kind, qPrintable(both));
    QCOMPARE(k.outcome, b.outcome);
    QCOMPARE(k.error, b.error);
    QCOMPARE(k.httpStatus, b.httpStatus);
    QCOMPARE(k.tokenNs.size(), b.tokenNs.size());
    QCOMPARE(k.outputTokens, b.outputTokens);
    QCOMPARE(k.outputTokensFromUsage, b.outputTokensFromUsage);
    QCOMPARE(k.promptTokens, b.promptTokens);
    QCOMPARE(k.text, b.text);
    QVERIFY2(k.errorMessage.contains(message), qPrintable(both));
    QVERIFY2(k.dispatchNs >= 0 && k.endNs >= k.dispatchNs, qPrintable(both));
    if (k.headersNs >= 0)
        QVERIFY2(k.sentNs >= 0 && k.headersNs >= k.sentNs, qPrintable(both));

    for (const RequestRecord *r : { &e, &b }) {
        const bool isEngine = r == &e;
        QVERIFY2(r->outcome == outcome, qPrintable(both));
        QVERIFY2(r->error == (isEngine ? engineKind : kind), qPrintable(both));
        // QNAM has no status for a head it refused; the blocking parser may have read one.
        if (kind == engineKind || isEngine)
            QVERIFY2(r->httpStatus == status, qPrintable(both));
        if (kind != engineKind)
            continue; // the rest is compared below only where both could know it
        QVERIFY2(int(r->tokenNs.size()) == tokens, qPrintable(both));
        QVERIFY2(r->outputTokens == outputTokens, qPrintable(both));
        QVERIFY2(r->text == text, qPrintable(both));
        QVERIFY2(r->errorMessage.contains(message), qPrintable(both));
        if (outcome == Outcome::Success && outputTokens > 0)
            QVERIFY2(r->outputTokensFromUsage, qPrintable(both));
        if (outcome == Outcome::Success && stream)
            QVERIFY2(r->promptTokens == 7, qPrintable(both));
    }
    if (kind == engineKind) {
        QCOMPARE(e.outcome, b.outcome);
        QCOMPARE(e.error, b.error);
        QCOMPARE(e.httpStatus, b.httpStatus);
        QCOMPARE(e.tokenNs.size(), b.tokenNs.size());
        QCOMPARE(e.outputTokens, b.outputTokens);
        QCOMPARE(e.outputTokensFromUsage, b.outputTokensFromUsage);
        QCOMPARE(e.promptTokens, b.promptTokens);
        QCOMPARE(e.text, b.text);
        QCOMPARE(k.error, e.error);
        QCOMPARE(k.text, e.text);
    } else {
        // What both can know: it failed, and no token event was counted from the broken bytes.
        QCOMPARE(e.outcome, b.outcome);
        QCOMPARE(e.tokenNs.size(), b.tokenNs.size());
    }
}

namespace {

QByteArray responsesEvent(const char *type, const QByteArray &json)
{
    return QByteArray("event: ") + type + "\ndata: {\"type\":\"" + type + "\"," + json + "}\n\n";
}

} // namespace

void tst_TransportParity::responsesRecord_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("reasoningEvents");
    QTest::addColumn<int>("outputTokens");
    QTest::addColumn<QString>("text");

    const QByteArray created = responsesEvent("response.created", R"("response":{"status":"in_progress"})");
    const QByteArray reasoning = responsesEvent("response.reasoning_text.delta", R"("delta":"hm ")");
    const QByteArray a = responsesEvent("response.output_text.delta", R"("delta":"Hello")");
    const QByteArray b = responsesEvent("response.output_text.delta", R"("delta":", world")");
    const QByteArray completed = responsesEvent("response.completed",
        R"("response":{"status":"completed","usage":{"input_tokens":7,"output_tokens":3,)"
        R"("output_tokens_details":{"reasoning_tokens":1}}})");
    QTest::newRow("responses stream with reasoning and usage")
        << SseHead + chunked({ created, reasoning + a, b, completed }) << true << Outcome::Success
        << ErrorKind::None << 3 << 1 << 3 << QStringLiteral("hm Hello, world");
    QTest::newRow("responses stream, close-delimited")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
            + created + a + b + completed
        << true << Outcome::Success << ErrorKind::None << 2 << 0 << 3 << QStringLiteral("Hello, world");
    QTest::newRow("responses stream without response.completed")
        << SseHead + chunked({ created, a, b }) << true << Outcome::Failed << ErrorKind::MissingDone << 2 << 0
        << 2 << QStringLiteral("Hello, world");
    QTest::newRow("responses response.failed")
        << SseHead
            + chunked({ created, a,
                responsesEvent("response.failed",
                    R"("response":{"status":"failed","error":{"code":"server_error","message":"fire"}})") })
        << true << Outcome::Failed << ErrorKind::StreamError << 1 << 0 << 1 << QStringLiteral("Hello");
    const QByteArray json = R"({"object":"response","status":"completed","output":[{"type":"message",)"
                            R"("content":[{"type":"output_text","text":"whole answer"}]}],)"
                            R"("usage":{"input_tokens":7,"output_tokens":2}})";
    QTest::newRow("responses not streamed")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ")
            + QByteArray::number(json.size()) + "\r\n\r\n" + json
        << false << Outcome::Success << ErrorKind::None << 0 << 0 << 2 << QStringLiteral("whole answer");
}

void tst_TransportParity::responsesRecord()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, stream);
    QFETCH(Outcome, outcome);
    QFETCH(ErrorKind, kind);
    QFETCH(int, tokens);
    QFETCH(int, reasoningEvents);
    QFETCH(int, outputTokens);
    QFETCH(QString, text);
    const End end = response.contains("Connection: close") ? End::Close : End::Keep;
    const RequestRecord e = runEngine(response, end, stream, Transport::Qnam, Endpoint::Responses);
    const RequestRecord b = runBlocking(response, end, stream, Endpoint::Responses);
    const RequestRecord k = runEngine(response, end, stream, Transport::Socket, Endpoint::Responses);
    const QString all = QStringLiteral("\n  engine:   ") + describe(e) + QStringLiteral("\n  blocking: ")
        + describe(b) + QStringLiteral("\n  socket:   ") + describe(k);
    for (const RequestRecord *r : { &e, &b, &k }) {
        QVERIFY2(r->outcome == outcome && r->error == kind, qPrintable(all));
        QVERIFY2(int(r->tokenNs.size()) == tokens, qPrintable(all));
        QVERIFY2(r->reasoningEvents == reasoningEvents, qPrintable(all));
        QVERIFY2(r->outputTokens == outputTokens, qPrintable(all));
        QVERIFY2(r->text == text, qPrintable(all));
        if (outcome == Outcome::Success)
            QVERIFY2(r->promptTokens == 7 && r->outputTokensFromUsage, qPrintable(all));
        if (reasoningEvents > 0 && outcome == Outcome::Success)
            QVERIFY2(r->reasoningTokens == 1 && r->firstContentNs >= r->firstTokenNs(), qPrintable(all));
    }
}

QTEST_GUILESS_MAIN(tst_TransportParity)
#include "tst_transportparity.moc"
