#include "parallel/blockinghttp.h"

#include "engine/requestbody.h"
#include "protocol/openaichunk.h"
#include "protocol/sseparser.h"

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

// Incremental HTTP/1.1 response parser: head, then a chunked, Content-Length or close-delimited
// body, handing out the decoded body bytes.
class ResponseParser
{
public:
    enum State : quint8 { Head, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Body, UntilClose, Done, Error };

    State state = Head;
    int status = 0;
    bool eventStream = false;
    bool keepAlive = true;
    QByteArray retryAfter;
    QString error;

    bool headDone() const { return state != Head && state != Error; }
    bool done() const { return state == Done; }

    // Appends wire bytes; appends decoded body bytes to *body.
    void feed(const QByteArray &data, QByteArray *body)
    {
        m_buf.append(data);
        bool progress = true;
        while (progress && state != Done && state != Error) {
            progress = false;
            switch (state) {
            case Head: {
                const qsizetype end = m_buf.indexOf("\r\n\r\n", m_pos);
                if (end < 0)
                    break;
                parseHead(QByteArrayView(m_buf).sliced(m_pos, end - m_pos));
                m_pos = end + 4;
                progress = true;
                break;
            }
            case ChunkSize: {
                const qsizetype eol = m_buf.indexOf("\r\n", m_pos);
                if (eol < 0)
                    break;
                QByteArray line = m_buf.mid(m_pos, eol - m_pos);
                m_pos = eol + 2;
                const qsizetype semi = line.indexOf(';');
                if (semi >= 0)
                    line.truncate(semi);
                bool ok = false;
                m_remaining = line.trimmed().toLongLong(&ok, 16);
                if (!ok || m_remaining < 0) {
                    fail(QStringLiteral("bad chunk size"));
                    break;
                }
                state = m_remaining == 0 ? Trailers : ChunkData;
                progress = true;
                break;
            }
            case ChunkData:
            case Body: {
                const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buf.size() - m_pos));
                if (take > 0) {
                    body->append(QByteArrayView(m_buf).sliced(m_pos, take));
                    m_pos += take;
                    m_remaining -= take;
                }
                if (m_remaining == 0) {
                    state = state == ChunkData ? ChunkDataEnd : Done;
                    progress = true;
                }
                break;
            }
            case ChunkDataEnd:
                if (m_buf.size() - m_pos < 2)
                    break;
                if (m_buf.at(m_pos) != '\r' || m_buf.at(m_pos + 1) != '\n') {
                    fail(QStringLiteral("chunk not followed by CRLF"));
                    break;
                }
                m_pos += 2;
                state = ChunkSize;
                progress = true;
                break;
            case Trailers: {
                const qsizetype eol = m_buf.indexOf("\r\n", m_pos);
                if (eol < 0)
                    break;
                const bool empty = eol == m_pos;
                m_pos = eol + 2;
                if (empty)
                    state = Done;
                progress = true;
                break;
            }
            case UntilClose:
                body->append(QByteArrayView(m_buf).sliced(m_pos));
                m_pos = m_buf.size();
                break;
            case Done:
            case Error:
                break;
            }
        }
        // Compact: the consumed prefix is never looked at again.
        if (m_pos > 0) {
            m_buf.remove(0, m_pos);
            m_pos = 0;
        }
    }

    // The peer closed the connection: the end of a close-delimited body, else a cut.
    void closed()
    {
        if (state == UntilClose)
            state = Done;
    }

private:
    void fail(const QString &why)
    {
        state = Error;
        error = why;
    }

    void parseHead(QByteArrayView head)
    {
        const QList<QByteArray> lines = head.toByteArray().split('\n');
        const QByteArray statusLine = lines.value(0).trimmed();
        // "HTTP/1.1 200 OK"
        const QList<QByteArray> parts = statusLine.split(' ');
        bool ok = false;
        status = parts.size() >= 2 ? parts.at(1).toInt(&ok) : 0;
        if (!statusLine.startsWith("HTTP/1.") || !ok) {
            fail(QStringLiteral("not an HTTP/1.x response: \"%1\"")
                     .arg(QString::fromLatin1(statusLine.left(80))));
            return;
        }
        keepAlive = !statusLine.startsWith("HTTP/1.0");
        bool chunked = false;
        qint64 length = -1;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-type")
                eventStream = value.toLower().startsWith("text/event-stream");
            else if (name == "transfer-encoding")
                chunked = value.toLower().contains("chunked");
            else if (name == "content-length")
                length = value.toLongLong();
            else if (name == "connection")
                keepAlive = !value.toLower().contains("close")
                    && (keepAlive || value.toLower().contains("keep-alive"));
            else if (name == "retry-after")
                retryAfter = value;
        }
        if (chunked) {
            state = ChunkSize;
        } else if (length >= 0) {
            m_remaining = length;
            state = length == 0 ? Done : Body;
        } else {
            state = UntilClose;
            keepAlive = false;
        }
    }

    QByteArray m_buf;
    qsizetype m_pos = 0;
    qint64 m_remaining = 0;
};

ErrorKind kindForSocketError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return ErrorKind::ConnectionRefused;
    case QAbstractSocket::HostNotFoundError:
        return ErrorKind::HostNotFound;
    case QAbstractSocket::RemoteHostClosedError:
        return ErrorKind::ConnectionReset;
    case QAbstractSocket::SslHandshakeFailedError:
        return ErrorKind::Tls;
    case QAbstractSocket::SocketTimeoutError:
        return ErrorKind::TimeoutTotal;
    default:
        break;
    }
    return ErrorKind::Network;
}

} // namespace

BlockingHttpClient::BlockingHttpClient(
    const Scenario &scenario, const QUrl &endpoint, const QByteArray &apiKey)
    : m_scenario(scenario)
    , m_endpoint(endpoint)
    , m_apiKey(apiKey)
{
    const RequestBody built = RequestBody::build(scenario);
    m_body = built.json;
    m_plannedPromptTokens = built.promptTokens;
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
        ssl->connectToHostEncrypted(m_endpoint.host(), quint16(m_endpoint.port(443)));
        if (!ssl->waitForEncrypted(timeoutMs)) {
            *error = ssl->errorString();
            *kind = ssl->error() == QAbstractSocket::SocketTimeoutError ? ErrorKind::TimeoutTotal
                                                                        : kindForSocketError(ssl->error());
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
            : kindForSocketError(m_socket->error());
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
    r.promptTokens = m_plannedPromptTokens;
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
    request.reserve(512 + m_body.size());
    request += "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
    request += "Content-Type: application/json\r\nAccept-Encoding: identity\r\n";
    request += s.stream ? "Accept: text/event-stream\r\n" : "Accept: application/json\r\n";
    request += "X-Request-Id: " + r.id + "\r\n";
    for (auto it = s.headers.begin(); it != s.headers.end(); ++it)
        request += it.key().toUtf8() + ": " + it.value().toUtf8() + "\r\n";
    if (!m_apiKey.isEmpty())
        request += "Authorization: Bearer " + m_apiKey + "\r\n";
    request += extraHeaders;
    request += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
    request += m_body;

    const qint64 totalNs = qint64(s.timeoutS * 1e9);
    const qint64 idleNs = qint64(s.idleTimeoutS * 1e9);

    auto finish = [&](Outcome outcome, ErrorKind kind, const QString &message) {
        r.outcome = outcome;
        r.error = kind;
        r.errorMessage = message;
        r.endNs = clock.nsecsElapsed();
        if (outcome != Outcome::Success && r.outputTokens < 0)
            r.outputTokens = int(r.tokenNs.size());
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
                finish(Outcome::Failed, kind, error);
                return;
            }
        }
        m_socket->write(request);
        while (m_socket->bytesToWrite() > 0) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                dropSocket();
                finish(Outcome::Incomplete, ErrorKind::Cancelled, QString());
                return;
            }
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

        ResponseParser http;
        SseParser sse;
        std::vector<SseEvent> events;
        QByteArray body; // decoded body bytes of this read
        QByteArray fullBody; // non-streaming or error body
        qint64 bytes = 0;
        qint64 lastActivity = r.sentNs;
        bool sawDone = false;
        ErrorKind streamError = ErrorKind::None;
        QString streamErrorMessage;
        int usagePrompt = -1;
        int usageCompletion = -1;
        bool httpOk = false;
        bool gotBytes = false;

        while (!http.done()) {
            if (progress)
                progress(r); // what the last read (or nothing, a wait slice) brought
            if (m_socket->bytesAvailable() == 0) {
                if (cancel && cancel->load(std::memory_order_relaxed)) {
                    dropSocket();
                    finish(Outcome::Incomplete, ErrorKind::Cancelled, QString());
                    return;
                }
                const qint64 now = clock.nsecsElapsed();
                if (now - r.dispatchNs > totalNs) {
                    dropSocket();
                    finish(Outcome::Failed, ErrorKind::TimeoutTotal,
                        QStringLiteral("not finished within %1 s").arg(s.timeoutS));
                    return;
                }
                if (now - lastActivity > idleNs) {
                    dropSocket();
                    finish(Outcome::Failed, ErrorKind::TimeoutIdle,
                        QStringLiteral("no bytes for %1 s").arg(s.idleTimeoutS));
                    return;
                }
                // The thread blocks here: this is "standing at the counter".
                if (!m_socket->waitForReadyRead(WaitSliceMs)) {
                    if (m_socket->state() == QAbstractSocket::ConnectedState
                        && m_socket->bytesAvailable() == 0)
                        continue; // a slice ran out; keep waiting
                    if (m_socket->bytesAvailable() == 0) {
                        http.closed();
                        break;
                    }
                }
            }
            const qint64 t = clock.nsecsElapsed();
            const QByteArray data = m_socket->readAll();
            if (data.isEmpty())
                continue;
            gotBytes = true;
            if (r.firstByteNs < 0)
                r.firstByteNs = t;
            lastActivity = t;
            bytes += data.size();
            if (bytes > s.maxResponseBytes) {
                dropSocket();
                finish(Outcome::Failed, ErrorKind::ResponseTooLarge,
                    QStringLiteral("response larger than %1 bytes").arg(s.maxResponseBytes));
                return;
            }
            const bool hadHead = http.headDone();
            body.clear();
            http.feed(data, &body);
            if (http.state == ResponseParser::Error) {
                dropSocket();
                finish(Outcome::Failed, ErrorKind::BadResponse, http.error);
                return;
            }
            if (!hadHead && http.headDone()) {
                r.headersNs = t;
                r.httpStatus = http.status;
                httpOk = http.status >= 200 && http.status < 300;
            }
            if (body.isEmpty())
                continue;
            if (httpOk && s.stream && http.eventStream) {
                events.clear();
                sse.feed(body, &events);
                for (const SseEvent &event : events) {
                    const ChunkInfo info = parseStreamChunk(event.data, event.event);
                    switch (info.kind) {
                    case ChunkInfo::Token:
                        r.tokenNs.push_back(t);
                        if (r.text.size() < s.keepTextBytes)
                            r.text += info.text.left(s.keepTextBytes - r.text.size());
                        break;
                    case ChunkInfo::Done:
                        sawDone = true;
                        break;
                    case ChunkInfo::Error:
                        if (streamError == ErrorKind::None) {
                            streamError = ErrorKind::StreamError;
                            streamErrorMessage = info.errorMessage;
                        }
                        break;
                    case ChunkInfo::Malformed:
                        if (streamError == ErrorKind::None) {
                            streamError = ErrorKind::MalformedChunk;
                            streamErrorMessage
                                = QStringLiteral("not JSON: ") + QString::fromUtf8(event.data.left(120));
                        }
                        break;
                    case ChunkInfo::UsageOnly:
                    case ChunkInfo::Other:
                        break;
                    }
                    if (info.promptTokens >= 0)
                        usagePrompt = info.promptTokens;
                    if (info.completionTokens >= 0)
                        usageCompletion = info.completionTokens;
                }
            } else if (fullBody.size() < 1024 * 1024 || (httpOk && !s.stream)) {
                fullBody += body;
            }
        }

        if (!http.done()) {
            dropSocket();
            if (!gotBytes && reused && attempt == 0)
                continue; // a stale keep-alive connection closed under us before any answer
            finish(Outcome::Failed, ErrorKind::ConnectionReset,
                http.headDone() ? QStringLiteral("the connection closed in the middle of the response")
                                : QStringLiteral("the connection closed before a response"));
            return;
        }
        const qint64 t = clock.nsecsElapsed();
        if (!http.keepAlive)
            dropSocket();

        if (!httpOk) {
            const ChunkInfo info = parseCompletionBody(fullBody);
            QString message = info.kind == ChunkInfo::Error && !info.errorMessage.isEmpty()
                ? info.errorMessage
                : QString::fromUtf8(fullBody.left(200)).trimmed();
            finish(Outcome::Failed, ErrorKind::Http, message);
            r.endNs = t;
            return;
        }
        Outcome outcome = Outcome::Failed;
        ErrorKind kind = ErrorKind::None;
        QString message;
        if (s.stream) {
            if (http.eventStream) {
                events.clear();
                sse.finish(&events);
                for (const SseEvent &event : events) {
                    const ChunkInfo info = parseStreamChunk(event.data, event.event);
                    if (info.kind == ChunkInfo::Token)
                        r.tokenNs.push_back(t);
                    else if (info.kind == ChunkInfo::Done)
                        sawDone = true;
                }
            }
            if (!http.eventStream) {
                const ChunkInfo info = parseCompletionBody(fullBody);
                kind = info.kind == ChunkInfo::Error ? ErrorKind::StreamError : ErrorKind::BadResponse;
                message = info.kind == ChunkInfo::Error
                    ? info.errorMessage
                    : QStringLiteral("expected text/event-stream, got \"%1\"")
                          .arg(QString::fromUtf8(fullBody.left(120)));
            } else if (streamError != ErrorKind::None) {
                kind = streamError;
                message = streamErrorMessage;
            } else if (r.tokenNs.empty()) {
                kind = ErrorKind::NoTokens;
                message = QStringLiteral("the stream carried no token event");
            } else if (!sawDone) {
                kind = ErrorKind::MissingDone;
                message = QStringLiteral("the stream ended without data: [DONE]");
            } else {
                outcome = Outcome::Success;
            }
        } else {
            const ChunkInfo info = parseCompletionBody(fullBody);
            if (info.kind == ChunkInfo::Token) {
                outcome = Outcome::Success;
                usagePrompt = info.promptTokens;
                usageCompletion = info.completionTokens;
                if (r.text.isEmpty())
                    r.text = info.text.left(s.keepTextBytes);
            } else if (info.kind == ChunkInfo::Error) {
                kind = ErrorKind::StreamError;
                message = info.errorMessage;
            } else {
                kind = ErrorKind::BadResponse;
                message = QStringLiteral("not an OpenAI completion: \"%1\"")
                              .arg(QString::fromUtf8(fullBody.left(120)));
            }
        }
        if (outcome == Outcome::Success) {
            if (usagePrompt >= 0)
                r.promptTokens = usagePrompt;
            r.outputTokensFromUsage = usageCompletion >= 0;
            r.outputTokens = usageCompletion >= 0 ? usageCompletion : int(r.tokenNs.size());
        }
        finish(outcome, kind, message);
        r.endNs = t;
        return;
    }
    finish(Outcome::Failed, ErrorKind::ConnectionReset,
        QStringLiteral("the connection closed before a response"));
}

} // namespace BurgerBench
