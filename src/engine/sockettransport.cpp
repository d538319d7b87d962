#include "engine/sockettransport.h"

#include "engine/useragent.h"

#include "protocol/attemptclassifier.h"
#include "scenario/scenario.h"

#include <QNetworkProxy>
#include <QTcpSocket>
#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

namespace BurgerBench {

ErrorKind errorKindForSocketError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return ErrorKind::ConnectionRefused;
    case QAbstractSocket::HostNotFoundError:
        return ErrorKind::HostNotFound;
    case QAbstractSocket::RemoteHostClosedError:
        return ErrorKind::ConnectionReset;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return ErrorKind::Tls;
    case QAbstractSocket::SocketTimeoutError: // only from a blocking waitFor...() call
        return ErrorKind::TimeoutTotal;
    default:
        break;
    }
    return ErrorKind::Network;
}

struct SocketTransport::Lane
{
    int index = 0;
    QTcpSocket *socket = nullptr; // this lane's connection (a child of the transport), or none
    bool up = false; // connected (TLS: encrypted)
    bool preconnecting = false; // preconnect() not settled yet
    bool carried = false; // the connection has carried a whole response
    bool busy = false; // an attempt is in progress
    bool written = false; // its request was written to the current connection
    bool sentReported = false;
    bool reused = false; // ... to a connection that had carried a response before
    bool resent = false; // ... once more, after a stale keep-alive connection closed under it
    quint64 serial = 0; // bumped when an attempt ends; a callback that changed it ended this one
    QByteArray request;
    HttpResponseParser parser;
    QByteArray body; // decoded body bytes of the current read (capacity reused)
};

QString SocketTransport::unsupported(const Scenario &scenario, const QUrl &endpoint)
{
    if (scenario.http2)
        return QStringLiteral("target.transport: \"socket\" speaks HTTP/1.1 only; HTTP/2 (target.http2) "
                              "needs transport \"qnam\"");
    if (endpoint.scheme() == QLatin1String("https")) {
#if QT_CONFIG(ssl)
        if (!QSslSocket::supportsSsl())
            return QStringLiteral("target.transport: \"socket\" cannot reach an https:// target: this Qt "
                                  "has no TLS backend (use transport \"qnam\" or an http:// URL)");
#else
        return QStringLiteral("target.transport: \"socket\" cannot reach an https:// target: this Qt was "
                              "built without TLS (use an http:// URL)");
#endif
    }
    return {};
}

QByteArray SocketTransport::requestHead(const Scenario &s, const QUrl &endpoint, const QByteArray &apiKey)
{
    QByteArray path = endpoint.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (endpoint.hasQuery())
        path += '?' + endpoint.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = endpoint.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal
    if (endpoint.port() > 0)
        host += ':' + QByteArray::number(endpoint.port());
    QByteArray head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
    head += "Content-Type: application/json\r\nAccept-Encoding: identity\r\nConnection: keep-alive\r\n";
    head += s.stream ? "Accept: text/event-stream\r\n" : "Accept: application/json\r\n";
    if (!hasHeader(s.headers, "user-agent"))
        head += "User-Agent: " + userAgent() + "\r\n";
    for (auto it = s.headers.begin(); it != s.headers.end(); ++it)
        head += it.key().toUtf8() + ": " + it.value().toUtf8() + "\r\n";
    if (!apiKey.isEmpty())
        head += "Authorization: Bearer " + apiKey + "\r\n";
    return head;
}

QByteArray SocketTransport::request(const QByteArray &head, const QByteArray &id, const QByteArray &body)
{
    QByteArray out;
    out.reserve(head.size() + id.size() + body.size() + 64);
    out += head;
    out += "X-Request-Id: ";
    out += id;
    out += "\r\nContent-Length: ";
    out += QByteArray::number(body.size());
    out += "\r\n\r\n";
    out += body;
    return out;
}

SocketTransport::SocketTransport(
    const QUrl &endpoint, int lanes, const QElapsedTimer *clock, Events events, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_tls(endpoint.scheme() == QLatin1String("https"))
    , m_clock(clock)
    , m_events(std::move(events))
{
    m_lanes.reserve(size_t(lanes));
    for (int i = 0; i < lanes; ++i) {
        auto lane = std::make_unique<Lane>();
        lane->index = i;
        m_lanes.push_back(std::move(lane));
    }
}

SocketTransport::~SocketTransport()
{
    shutdown();
}

void SocketTransport::preconnect(int laneIndex)
{
    Lane &lane = *m_lanes[size_t(laneIndex)];
    if (lane.socket)
        return;
    lane.preconnecting = true;
    open(lane);
}

// A preconnect() settled (up, or dropped after a failure). Reported queued, so the engine's
// handler (which may send on this lane) never runs inside one of the lane's socket signals.
void SocketTransport::settlePreconnect(Lane &lane)
{
    if (!lane.preconnecting)
        return;
    lane.preconnecting = false;
    const int index = lane.index;
    QMetaObject::invokeMethod(
        this, [this, index] { m_events.connected(index); }, Qt::QueuedConnection);
}

void SocketTransport::open(Lane &lane)
{
    QTcpSocket *socket = nullptr;
#if QT_CONFIG(ssl)
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(m_tlsConfiguration);
        socket = ssl;
        connect(ssl, &QSslSocket::encrypted, this, [this, &lane, ssl] { onConnected(lane, ssl); });
    }
#endif
    if (!socket) {
        socket = new QTcpSocket(this);
        connect(socket, &QTcpSocket::connected, this, [this, &lane, socket] { onConnected(lane, socket); });
    }
    socket->setProxy(QNetworkProxy::NoProxy);
    connect(socket, &QTcpSocket::bytesWritten, this, [this, &lane, socket] { onBytesWritten(lane, socket); });
    connect(socket, &QTcpSocket::readyRead, this, [this, &lane, socket] { onReadable(lane, socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, &lane, socket] { onClosed(lane, socket); });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, &lane, socket] { onError(lane, socket); });
    lane.socket = socket;
    lane.up = false;
    lane.carried = false;
    lane.written = false;
    ++m_opened;
#if QT_CONFIG(ssl)
    if (m_tls) {
        static_cast<QSslSocket *>(socket)->connectToHostEncrypted(
            m_endpoint.host(), quint16(m_endpoint.port(443)));
        return;
    }
#endif
    socket->connectToHost(m_endpoint.host(), quint16(m_endpoint.port(80)));
}

void SocketTransport::drop(Lane &lane)
{
    QTcpSocket *socket = lane.socket;
    if (!socket)
        return;
    lane.socket = nullptr;
    lane.up = false;
    lane.carried = false;
    lane.written = false;
    settlePreconnect(lane);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater(); // we may be inside one of its signals
}

void SocketTransport::send(int laneIndex, QByteArray request)
{
    Lane &lane = *m_lanes[size_t(laneIndex)];
    Q_ASSERT(!lane.busy);
    lane.request = std::move(request);
    lane.busy = true;
    lane.written = false;
    lane.sentReported = false;
    lane.reused = false;
    lane.resent = false;
    lane.parser.reset();
    if (lane.socket && lane.up)
        write(lane);
    else if (!lane.socket)
        open(lane);
    // else still connecting: onConnected() writes it
}

void SocketTransport::cancel(int laneIndex)
{
    Lane &lane = *m_lanes[size_t(laneIndex)];
    if (!lane.busy)
        return;
    lane.busy = false;
    ++lane.serial;
    lane.request.clear();
    drop(lane); // whatever the server still sends for this attempt must not reach the next
}

void SocketTransport::shutdown()
{
    for (auto &lane : m_lanes) {
        lane->preconnecting = false;
        lane->busy = false;
        ++lane->serial;
        lane->request.clear();
        drop(*lane);
    }
}

void SocketTransport::write(Lane &lane)
{
    QTcpSocket *socket = lane.socket;
    lane.written = true;
    lane.reused = lane.carried;
    const quint64 serial = lane.serial;
    socket->write(lane.request);
    socket->flush(); // to the kernel now, not on the next pass through the loop
    if (lane.serial != serial || lane.socket != socket)
        return; // the write failed and ended the attempt
    onBytesWritten(lane, socket);
}

void SocketTransport::onConnected(Lane &lane, QTcpSocket *socket)
{
    if (lane.socket != socket)
        return;
    lane.up = true;
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    settlePreconnect(lane);
    if (lane.busy && !lane.written)
        write(lane);
}

void SocketTransport::onBytesWritten(Lane &lane, QTcpSocket *socket)
{
    if (lane.socket != socket || !lane.busy || !lane.written || lane.sentReported
        || socket->bytesToWrite() > 0)
        return;
    lane.sentReported = true;
    m_events.sent(lane.index, m_clock->nsecsElapsed());
}

void SocketTransport::onReadable(Lane &lane, QTcpSocket *socket)
{
    if (lane.socket != socket)
        return;
    if (!lane.busy) {
        // Bytes nobody asked for (between requests): the connection's framing is lost.
        drop(lane);
        return;
    }
    const QByteArray data = socket->readAll(); // everything there is, in one read
    if (data.isEmpty())
        return;
    const qint64 t = m_clock->nsecsElapsed(); // one stamp for every event in it
    const quint64 serial = lane.serial;
    if (!lane.sentReported) {
        lane.sentReported = true; // answered before the kernel took the last byte
        m_events.sent(lane.index, t);
        if (lane.serial != serial)
            return;
    }
    HttpResponseParser &parser = lane.parser;
    lane.body.resize(0);
    const bool hadHead = parser.headComplete();
    const bool ok = parser.feed(data, &lane.body);
    if (!hadHead && parser.headComplete()) {
        m_events.head(lane.index, parser.head(), t);
        if (lane.serial != serial)
            return;
    }
    if (!lane.body.isEmpty()) {
        if (!m_events.body(lane.index, lane.body, t) || lane.serial != serial)
            return;
    }
    if (!ok) {
        End end { AttemptClassifier::kindFor(parser.error()), parser.errorMessage(), {} };
        drop(lane);
        finishAttempt(lane, end, t);
        return;
    }
    if (parser.done()) {
        End end;
        end.retryAfter = parser.head().header("retry-after");
        if (parser.keepAlive() && parser.excessBytes() == 0)
            lane.carried = true;
        else
            drop(lane);
        finishAttempt(lane, end, t);
    }
}

void SocketTransport::onClosed(Lane &lane, QTcpSocket *socket)
{
    if (lane.socket != socket)
        return;
    if (socket->bytesAvailable() > 0) {
        onReadable(lane, socket);
        if (lane.socket != socket)
            return;
    }
    if (!lane.busy) {
        drop(lane); // an idle keep-alive connection the server closed: the next send reopens
        return;
    }
    const qint64 t = m_clock->nsecsElapsed();
    HttpResponseParser &parser = lane.parser;
    if (lane.written && lane.reused && !lane.resent && parser.bytesSeen() == 0) {
        // The server closed the idle connection as the request went out: once more, fresh.
        lane.resent = true;
        drop(lane);
        open(lane);
        return;
    }
    drop(lane);
    if (parser.finish()) { // a close-delimited body ends here
        End end;
        end.retryAfter = parser.head().header("retry-after");
        finishAttempt(lane, end, t);
        return;
    }
    finishAttempt(lane, End { AttemptClassifier::kindFor(parser.error()), parser.errorMessage(), {} }, t);
}

void SocketTransport::onError(Lane &lane, QTcpSocket *socket)
{
    if (lane.socket != socket)
        return;
    const QAbstractSocket::SocketError error = socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onClosed(lane, socket);
        return;
    }
    if (!lane.busy) {
        drop(lane);
        return;
    }
    const qint64 t = m_clock->nsecsElapsed();
    const ErrorKind kind = errorKindForSocketError(error);
    if (kind == ErrorKind::Network && lane.written && lane.reused && !lane.resent
        && lane.parser.bytesSeen() == 0) {
        // A write to a keep-alive connection the server had closed (EPIPE): once more, fresh.
        lane.resent = true;
        drop(lane);
        open(lane);
        return;
    }
    End end { kind, socket->errorString(), {} };
    drop(lane);
    finishAttempt(lane, end, t);
}

void SocketTransport::finishAttempt(Lane &lane, const End &end, qint64 t)
{
    lane.busy = false;
    ++lane.serial;
    lane.request.clear();
    m_events.ended(lane.index, end, t);
}

} // namespace BurgerBench
