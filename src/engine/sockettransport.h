#pragma once

#include "engine/tlstrust.h"
#include "protocol/httpresponseparser.h"
#include "trace/runtrace.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

class QTcpSocket;

namespace BurgerBench {

struct Scenario;

// What a socket's error is, in the kinds QNAM's path records for the same failures
// (loadengine.cpp kindForNetworkError); the socket transport and the blocking client
// (parallel/blockinghttp) both read their sockets' errors through it.
ErrorKind errorKindForSocketError(QAbstractSocket::SocketError error);

// The load engine's second transport (`target.transport: "socket"`): HTTP/1.1, or HTTPS through
// QSslSocket, on one keep-alive QTcpSocket per lane, driven by the calling thread's event loop.
// No QNetworkReply per request and no hop to an HTTP thread: a request is written straight to
// its lane's socket, and each readyRead reads everything the socket holds, stamps the clock
// once, and feeds protocol/'s HttpResponseParser (chunked decoding included), whose decoded body
// the engine hands to the same AttemptClassifier the QNAM path uses.
//
// Connections: a lane keeps its connection between requests and opens a new one when the
// server closed it (Connection: close, or an idle close noticed between requests). A request
// written to a connection the server had just closed, with no byte of an answer, is written
// once more on a fresh connection (what QNAM and the blocking client do too).
//
// Errors a lane reports (End::error), the same kinds QNAM's path records: a refused connect
// ConnectionRefused, an unknown host HostNotFound, a close or reset before the response ended
// ConnectionReset, a TLS failure Tls, bytes that break HTTP their exact kind
// (AttemptClassifier::kindFor: BadStatusLine, HeadersTooLarge, ChunkedEncoding, else
// BadResponse), anything else Network. Deadlines, cancellation and the size
// cap are the engine's: it cuts an attempt with cancel().
//
// Thread affinity: the thread that created it, whose event loop must run.
class SocketTransport : public QObject
{
    Q_OBJECT
public:
    struct End
    {
        ErrorKind error = ErrorKind::None; // None: a complete response
        QString message;
        QByteArray retryAfter; // the response's Retry-After header, if any
    };
    // The engine's side of each lane, called on this thread. `t` is the lane's one clock stamp
    // of the read that produced the call. body() returns false when the engine ended the attempt
    // in it (cancel() was called): nothing more is read for that attempt.
    struct Events
    {
        std::function<void(int lane)> connected; // preconnect() settled (up or failed)
        std::function<void(int lane, qint64 t)> sent; // the whole request left for the kernel
        std::function<void(int lane, const HttpResponseHead &head, qint64 t)> head;
        std::function<bool(int lane, QByteArrayView body, qint64 t)> body;
        std::function<void(int lane, const End &end, qint64 t)> ended;
    };

    // Why this transport cannot run a target, or an empty string: HTTP/2, https without TLS.
    static QString unsupported(const Scenario &scenario, const QUrl &endpoint);
    // The request head up to, without, the per-request X-Request-Id and Content-Length lines;
    // holds the API key when there is one (drop it when the run ends). User-Agent is ours
    // (engine/useragent.h) unless the scenario's headers set one; no Accept-Language.
    static QByteArray requestHead(const Scenario &scenario, const QUrl &endpoint, const QByteArray &apiKey);
    // requestHead + the id + the body: one complete request.
    static QByteArray request(const QByteArray &head, const QByteArray &id, const QByteArray &body);

    SocketTransport(const QUrl &endpoint, int lanes, const QElapsedTimer *clock, Events events,
        QObject *parent = nullptr);
    ~SocketTransport() override;

    // https: the TLS configuration of every connection opened from now on (engine/tlstrust.h);
    // Qt's default without it.
    void setTlsConfiguration(const TlsConfiguration &configuration) { m_tlsConfiguration = configuration; }

    // Opens the lane's connection ahead of its first request; Events::connected when it settles.
    void preconnect(int lane);
    // Sends one complete request on the lane (idle: no attempt in progress).
    void send(int lane, QByteArray request);
    // Ends the lane's attempt now: its connection is dropped, no event follows.
    void cancel(int lane);
    // Closes every connection; no event follows.
    void shutdown();

    // Connections opened so far (all lanes), for tests and the log.
    int connectionsOpened() const { return m_opened; }

private:
    struct Lane;
    void open(Lane &lane);
    void drop(Lane &lane);
    void settlePreconnect(Lane &lane);
    void write(Lane &lane);
    void onConnected(Lane &lane, QTcpSocket *socket);
    void onBytesWritten(Lane &lane, QTcpSocket *socket);
    void onReadable(Lane &lane, QTcpSocket *socket);
    void onClosed(Lane &lane, QTcpSocket *socket);
    void onError(Lane &lane, QTcpSocket *socket);
    void finishAttempt(Lane &lane, const End &end, qint64 t);

    QUrl m_endpoint;
    bool m_tls = false;
    TlsConfiguration m_tlsConfiguration = defaultTlsConfiguration();
    const QElapsedTimer *m_clock;
    Events m_events;
    std::vector<std::unique_ptr<Lane>> m_lanes;
    int m_opened = 0;
};

} // namespace BurgerBench
