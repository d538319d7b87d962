#include "parallel/blockinghttp.h"

#include "engine/requestbody.h"
#include "engine/sockettransport.h"
#include "engine/tlstrust.h"
#include "engine/useragent.h"
#include "protocol/attemptclassifier.h"
#include "protocol/httpresponseparser.h"

#include <QNetworkProxy>
#include <QTcpSocket>
#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

// Waits are cut into slices this long so a cancel or a deadline is noticed promptly; the
// thread still does nothing but wait (poll() in the kernel) during each slice.
constexpr int WaitSliceMs = 50;

} // namespace

BlockingHttpClient::BlockingHttpClient(const Scenario &scenario, const QUrl &endpoint,
    const QByteArray &apiKey, std::shared_ptr<const RequestPlan> plan)
    : m_scenario(scenario)
    , m_endpoint(endpoint)
    , m_apiKey(apiKey)
{
    // The plan was read (and its errors reported) by whoever shares it; without one there is
    // nothing here that can fail.
    QString unused;
    m_bodies.init(scenario, &unused, std::move(plan));
    if (endpoint.scheme() == QLatin1String("https"))
        TlsTrust::configuration(scenario, &m_tls, &m_tlsError);
}

BlockingHttpClient::~BlockingHttpClient() = default;

void BlockingHttpClient::dropSocket()
{
    if (m_socket) {
        m_socket->abort();
        m_socket.reset();
    }
}

bool BlockingHttpClient::connectSocket(int timeoutMs, QString *error, ErrorKind *kind)
{
    dropSocket();
    const bool tls = m_endpoint.scheme() == QLatin1String("https");
#if QT_CONFIG(ssl)
    if (tls) {
        auto *ssl = new QSslSocket;
        m_socket.reset(ssl);
        ssl->setProxy(QNetworkProxy::NoProxy);
        if (!m_tlsError.isEmpty()) {
            *error = m_tlsError;
            *kind = ErrorKind::Tls;
            dropSocket();
            return false;
        }
        ssl->setSslConfiguration(m_tls);
        ssl->connectToHostEncrypted(m_endpoint.host(), quint16(m_endpoint.port(443)));
        if (!ssl->waitForEncrypted(timeoutMs)) {
            *error = ssl->errorString();
            *kind = ssl->error() == QAbstractSocket::SocketTimeoutError
                ? ErrorKind::TimeoutTotal
                : errorKindForSocketError(ssl->error());
            dropSocket();
            return false;
        }
        return true;
    }
#else
    if (tls) {
        *error = QStringLiteral("this Qt has no TLS support");
        *kind = ErrorKind::Tls;
        return false;
    }
#endif
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->setProxy(QNetworkProxy::NoProxy);
    m_socket->connectToHost(m_endpoint.host(), quint16(m_endpoint.port(80)));
    if (!m_socket->waitForConnected(timeoutMs)) {
        *error = m_socket->errorString();
        *kind = m_socket->error() == QAbstractSocket::SocketTimeoutError
            ? ErrorKind::TimeoutTotal
            : errorKindForSocketError(m_socket->error());
        dropSocket();
        return false;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return true;
}

bool BlockingHttpClient::preconnect(int timeoutMs)
{
    QString error;
    ErrorKind kind = ErrorKind::None;
    return connectSocket(timeoutMs, &error, &kind);
}

void BlockingHttpClient::perform(RequestRecord *record, const QElapsedTimer &clock,
    const std::atomic<bool> *cancel, const QByteArray &extraHeaders, const Progress &progress)
{
    RequestRecord &r = *record;
    const Scenario &s = m_scenario;
    const QByteArray body = m_bodies.body(r.index, &r);
    r.outcome = Outcome::InFlight;

    QByteArray path = m_endpoint.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (m_endpoint.hasQuery())
        path += '?' + m_endpoint.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = m_endpoint.host(QUrl::FullyEncoded).toLatin1();
    if (m_endpoint.port() > 0)
        host += ':' + QByteArray::number(m_endpoint.port());
    QByteArray request;
    request.reserve(512 + body.size());
    request += "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
    request += "Content-Type: application/json\r\nAccept-Encoding: identity\r\n";
    request += s.stream ? "Accept: text/event-stream\r\n" : "Accept: application/json\r\n";
    if (!hasHeader(s.headers, "user-agent"))
        request += "User-Agent: " + userAgent() + "\r\n"; // as the engine's; no Accept-Language
    request += "X-Request-Id: " + r.id + "\r\n";
    for (auto it = s.headers.begin(); it != s.headers.end(); ++it)
        request += it.key().toUtf8() + ": " + it.value().toUtf8() + "\r\n";
    if (!m_apiKey.isEmpty())
        request += "Authorization: Bearer " + m_apiKey + "\r\n";
    request += extraHeaders;
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
    request += body;

    const qint64 totalNs = qint64(s.timeoutS * 1e9);
    const qint64 idleNs = qint64(s.idleTimeoutS * 1e9);

    // What the bytes mean is the classifier's (protocol/, shared with the engine); this
    // function only reads them, times them and reports what the connection did.
    AttemptClassifier::Options options;
    options.stream = s.stream;
    options.keepTextBytes = s.keepTextBytes;
    options.responses = s.endpoint == Endpoint::Responses;
    options.maxEventBytes = qsizetype(s.maxEventBytes);
    AttemptClassifier classify(options);
    classify.begin(r);
    auto end = [&](qint64 t) {
        const AttemptVerdict verdict = classify.finish(r, t);
        r.outcome = verdict.outcome;
        r.error = verdict.error;
        r.errorMessage = verdict.message;
        r.endNs = t;
    };
    auto cut = [&](ErrorKind kind, const QString &message) {
        dropSocket();
        classify.abort(kind, message);
        end(clock.nsecsElapsed());
    };

    // METRICS.md item 2: the request starts just before it is handed to the network stack
    // (connecting included when there is no open connection, as for the engine's pool).
    r.dispatchNs = clock.nsecsElapsed();
    if (progress)
        progress(r);
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool reused = m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
        if (!reused) {
            QString error;
            ErrorKind kind = ErrorKind::None;
            if (!connectSocket(int(std::min<qint64>(totalNs / 1'000'000, 30'000)), &error, &kind)) {
                classify.onTransportError(kind, error);
                end(clock.nsecsElapsed());
                return;
            }
        }
        m_socket->write(request);
        while (m_socket->bytesToWrite() > 0) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return cut(ErrorKind::Cancelled, QString());
            if (!m_socket->waitForBytesWritten(WaitSliceMs)
                && m_socket->state() != QAbstractSocket::ConnectedState)
                break;
        }
        if (m_socket->state() != QAbstractSocket::ConnectedState && reused && attempt == 0) {
            dropSocket(); // the server closed the idle keep-alive connection: open a fresh one
            continue;
        }
        r.sentNs = clock.nsecsElapsed();
        if (progress)
            progress(r);

        HttpResponseParser http;
        QByteArray body; // decoded body bytes of this read
        qint64 bytes = 0;
        qint64 lastActivity = r.sentNs;
        bool closed = false;

        while (!http.done()) {
            if (progress)
                progress(r); // what the last read (or nothing, a wait slice) brought
            if (m_socket->bytesAvailable() == 0) {
                if (cancel && cancel->load(std::memory_order_relaxed))
                    return cut(ErrorKind::Cancelled, QString());
                const qint64 now = clock.nsecsElapsed();
                if (now - r.dispatchNs > totalNs)
                    return cut(
                        ErrorKind::TimeoutTotal, QStringLiteral("not finished within %1 s").arg(s.timeoutS));
                if (now - lastActivity > idleNs)
                    return cut(
                        ErrorKind::TimeoutIdle, QStringLiteral("no bytes for %1 s").arg(s.idleTimeoutS));
                // The thread blocks here: this is "standing at the counter".
                if (!m_socket->waitForReadyRead(WaitSliceMs)) {
                    if (m_socket->state() == QAbstractSocket::ConnectedState
                        && m_socket->bytesAvailable() == 0)
                        continue; // a slice ran out; keep waiting
                    if (m_socket->bytesAvailable() == 0) {
                        closed = true;
                        break;
                    }
                }
            }
            const qint64 t = clock.nsecsElapsed();
            const QByteArray data = m_socket->readAll();
            if (data.isEmpty())
                continue;
            if (r.firstByteNs < 0)
                r.firstByteNs = t;
            lastActivity = t;
            bytes += data.size();
            if (bytes > s.maxResponseBytes)
                return cut(ErrorKind::ResponseTooLarge,
                    QStringLiteral("response larger than %1 bytes").arg(s.maxResponseBytes));
            const bool hadHead = http.headComplete();
            body.clear();
            const bool ok = http.feed(data, &body);
            if (!hadHead && http.headComplete()) {
                r.headersNs = t;
                const HttpResponseHead &head = http.head();
                classify.onHead(
                    r, head.status, head.reason, head.header("content-type"), head.header("location"));
            }
            classify.onBody(r, body, t);
            if (classify.eventTooLarge())
                return cut(ErrorKind::EventTooLarge, classify.eventTooLargeMessage());
            if (!ok) {
                dropSocket();
                classify.onHttpError(http);
                end(t);
                return;
            }
        }

        const qint64 t = clock.nsecsElapsed();
        if (closed && !http.finish()) {
            dropSocket();
            if (http.bytesSeen() == 0 && reused && attempt == 0)
                continue; // a stale keep-alive connection closed under us before any answer
            classify.onHttpError(http);
            end(t);
            return;
        }
        if (!http.keepAlive())
            dropSocket();
        end(t);
        return;
    }
    classify.onTransportError(
        ErrorKind::ConnectionReset, QStringLiteral("the connection closed before a response"));
    end(clock.nsecsElapsed());
}

} // namespace BurgerBench
