#include "protocol/attemptclassifier.h"

#include "protocol/openaichunk.h"
#include "protocol/responsesevents.h"

namespace BurgerBench {

namespace {

bool isIncomplete(ErrorKind kind)
{
    return kind == ErrorKind::Cancelled || kind == ErrorKind::FailFast || kind == ErrorKind::RunEnded;
}

// The statuses that ask a client to go elsewhere (RFC 9110 section 15.4); 300, 304 and 305 do not.
bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool startsWithNoCase(QByteArrayView s, QByteArrayView prefix)
{
    return s.size() >= prefix.size() && qstrnicmp(s.data(), prefix.size(), prefix.data(), prefix.size()) == 0;
}

} // namespace

AttemptClassifier::AttemptClassifier()
    : AttemptClassifier(Options())
{
}

AttemptClassifier::AttemptClassifier(const Options &options)
    : m_options(options)
{
    m_sse.setMaxEventBytes(m_options.maxEventBytes);
}

void AttemptClassifier::setOptions(const Options &options)
{
    m_options = options;
    m_sse.setMaxEventBytes(m_options.maxEventBytes);
}

QString AttemptClassifier::eventTooLargeMessage() const
{
    return QStringLiteral("one stream line or event was longer than the %1-byte cap (max_event_bytes)")
        .arg(m_options.maxEventBytes);
}

void AttemptClassifier::begin(RequestRecord &record)
{
    m_sse.reset();
    m_events.clear();
    m_body.clear();
    m_reason.clear();
    m_location.clear();
    m_status = 0;
    m_eventStream = false;
    m_sawDone = false;
    m_usagePrompt = m_usageCompletion = m_usageCached = m_usageReasoning = -1;
    m_streamError = ErrorKind::None;
    m_streamErrorMessage.clear();
    m_transportError = ErrorKind::None;
    m_transportMessage.clear();
    m_abortKind = ErrorKind::None;
    m_abortMessage.clear();
    record.tokenNs.clear();
    record.text.clear();
    record.httpStatus = 0;
    record.outputTokens = -1;
    record.outputTokensFromUsage = false;
    record.promptTokensFromUsage = false;
    record.cachedTokens = -1;
    record.reasoningEvents = 0;
    record.reasoningTokens = -1;
    record.firstContentNs = -1;
}

void AttemptClassifier::onHead(RequestRecord &record, int status, QByteArrayView reason,
    QByteArrayView contentType, QByteArrayView location)
{
    m_status = status;
    record.httpStatus = status;
    m_reason = reason.toByteArray();
    m_location = location.toByteArray();
    m_eventStream = startsWithNoCase(contentType.trimmed(), "text/event-stream");
}

int AttemptClassifier::onBody(RequestRecord &record, QByteArrayView bytes, qint64 nowNs)
{
    if (bytes.isEmpty())
        return 0;
    if (httpOk() && m_options.stream && m_eventStream) {
        // A read may hold many events, or half of one.
        m_events.clear();
        m_sse.feed(bytes, &m_events);
        return handleEvents(record, nowNs);
    }
    // A body to classify whole: an expected non-streaming completion in full, anything else
    // (an error page, an unexpected content type) only as much as a message needs.
    if (m_body.size() < m_options.keepErrorBodyBytes || (httpOk() && !m_options.stream))
        m_body.append(bytes.data(), bytes.size());
    return 0;
}

int AttemptClassifier::handleEvents(RequestRecord &r, qint64 nowNs)
{
    int tokens = 0;
    for (const SseEvent &event : m_events) {
        const ChunkInfo info = m_options.responses ? parseResponsesEvent(event.data, event.event)
                                                   : parseStreamChunk(event.data, event.event);
        switch (info.kind) {
        case ChunkInfo::Token:
            r.tokenNs.push_back(nowNs);
            ++tokens;
            if (info.reasoning)
                ++r.reasoningEvents;
            else if (r.firstContentNs < 0 && !info.text.isEmpty())
                r.firstContentNs = nowNs; // the answer's first text, not a role-only chunk
            if (r.text.size() < m_options.keepTextBytes)
                r.text += QStringView(info.text).left(m_options.keepTextBytes - r.text.size());
            break;
        case ChunkInfo::Done:
            m_sawDone = true;
            break;
        case ChunkInfo::Error:
            streamProblem(ErrorKind::StreamError, info.errorMessage);
            break;
        case ChunkInfo::Malformed:
            if (m_streamError == ErrorKind::None)
                streamProblem(ErrorKind::MalformedChunk,
                    QStringLiteral("not JSON: ") + QString::fromUtf8(event.data.left(120)));
            break;
        case ChunkInfo::UsageOnly:
        case ChunkInfo::Other:
            break;
        }
        if (info.promptTokens >= 0)
            m_usagePrompt = info.promptTokens;
        if (info.completionTokens >= 0)
            m_usageCompletion = info.completionTokens;
        if (info.cachedTokens >= 0)
            m_usageCached = info.cachedTokens;
        if (info.reasoningTokens >= 0)
            m_usageReasoning = info.reasoningTokens;
    }
    return tokens;
}

void AttemptClassifier::streamProblem(ErrorKind kind, const QString &message)
{
    if (m_streamError != ErrorKind::None)
        return;
    m_streamError = kind;
    m_streamErrorMessage = message;
}

void AttemptClassifier::onTransportError(ErrorKind kind, const QString &message)
{
    if (m_transportError != ErrorKind::None || kind == ErrorKind::None)
        return;
    m_transportError = kind;
    m_transportMessage = message;
}

ErrorKind AttemptClassifier::kindFor(HttpResponseParser::Error error)
{
    using E = HttpResponseParser::Error;
    switch (error) {
    case E::None:
        return ErrorKind::None;
    case E::ClosedInHead:
    case E::ClosedInBody:
        return ErrorKind::ConnectionReset;
    case E::BadStatusLine:
        return ErrorKind::BadStatusLine;
    case E::HeaderLineTooLong:
    case E::TooManyHeaders:
    case E::HeaderSectionTooLarge:
        return ErrorKind::HeadersTooLarge;
    case E::BadChunkSize:
    case E::ChunkSizeLineTooLong:
    case E::MissingChunkCrlf:
    case E::BadTrailer:
    case E::TrailersTooLarge:
        return ErrorKind::ChunkedEncoding;
    case E::BodyTooLarge:
        return ErrorKind::ResponseTooLarge;
    case E::BadHeaderLine:
    case E::BadContentLength:
        return ErrorKind::BadResponse;
    }
    return ErrorKind::BadResponse;
}

void AttemptClassifier::onHttpError(const HttpResponseParser &parser)
{
    onTransportError(kindFor(parser.error()), parser.errorMessage());
}

void AttemptClassifier::abort(ErrorKind kind, const QString &message)
{
    if (m_abortKind != ErrorKind::None || kind == ErrorKind::None)
        return;
    m_abortKind = kind;
    m_abortMessage = message;
}

ChunkInfo AttemptClassifier::parseBody(QByteArrayView body) const
{
    return m_options.responses ? parseResponsesBody(body) : parseCompletionBody(body);
}

QString AttemptClassifier::httpMessage() const
{
    const ChunkInfo info = parseCompletionBody(m_body);
    if (info.kind == ChunkInfo::Error && !info.errorMessage.isEmpty())
        return info.errorMessage;
    QString message = QString::fromUtf8(m_body.left(200)).trimmed();
    if (!message.isEmpty())
        return message;
    // An empty body (a redirect, a bare 503): say what the status line said.
    message = QStringLiteral("HTTP %1").arg(m_status);
    if (!m_reason.isEmpty())
        message += QLatin1Char(' ') + QString::fromLatin1(m_reason);
    if (!m_location.isEmpty())
        message
            += QStringLiteral(" (Location: ") + QString::fromLatin1(m_location.left(200)) + QLatin1Char(')');
    return message;
}

AttemptVerdict AttemptClassifier::finish(RequestRecord &r, qint64 nowNs)
{
    AttemptVerdict v;
    const bool streamed = httpOk() && m_options.stream && m_eventStream;
    if (m_abortKind != ErrorKind::None) {
        v.outcome = isIncomplete(m_abortKind) ? Outcome::Incomplete : Outcome::Failed;
        v.error = m_abortKind;
        v.message = m_abortMessage;
    } else if (headSeen() && isRedirect(m_status)) {
        // Never followed (QNAM runs with ManualRedirectPolicy, the socket transport has no
        // redirect logic): where it pointed is the message; httpStatus keeps the code.
        v.error = ErrorKind::Redirect;
        v.message = QStringLiteral("HTTP %1").arg(m_status);
        if (!m_reason.isEmpty())
            v.message += QLatin1Char(' ') + QString::fromLatin1(m_reason);
        v.message += m_location.isEmpty() ? QStringLiteral(", without a Location; redirects are not followed")
                                          : QStringLiteral(" to %1; redirects are not followed")
                                                .arg(QString::fromLatin1(m_location.left(500)));
    } else if (headSeen() && !httpOk()) {
        v.error = ErrorKind::Http;
        v.message = httpMessage();
    } else if (streamed && m_sse.overflowed()) {
        v.error = ErrorKind::EventTooLarge;
        v.message = eventTooLargeMessage();
    } else if (m_transportError != ErrorKind::None) {
        // A 2xx cut short, bytes that broke HTTP, or no response at all. Events that did arrive
        // whole keep their token times; a half event is dropped with the connection.
        v.error = m_transportError;
        v.message = m_transportMessage;
    } else if (!headSeen()) {
        v.error = ErrorKind::ConnectionReset;
        v.message = QStringLiteral("the connection closed before a response");
    } else if (m_options.stream) {
        if (streamed) {
            m_events.clear();
            m_sse.finish(&m_events);
            handleEvents(r, nowNs);
        }
        if (!m_eventStream) {
            const ChunkInfo info = parseBody(m_body);
            v.error = info.kind == ChunkInfo::Error ? ErrorKind::StreamError : ErrorKind::BadResponse;
            v.message = info.kind == ChunkInfo::Error
                ? info.errorMessage
                : QStringLiteral("expected text/event-stream, got \"%1\"")
                      .arg(QString::fromUtf8(m_body.left(120)));
        } else if (m_streamError != ErrorKind::None) {
            v.error = m_streamError;
            v.message = m_streamErrorMessage;
        } else if (r.tokenNs.empty()) {
            v.error = ErrorKind::NoTokens;
            v.message = QStringLiteral("the stream carried no token event");
        } else if (!m_sawDone) {
            v.error = ErrorKind::MissingDone;
            v.message = m_options.responses ? QStringLiteral("the stream ended without response.completed")
                                            : QStringLiteral("the stream ended without data: [DONE]");
        } else {
            v.outcome = Outcome::Success;
        }
    } else {
        const ChunkInfo info = parseBody(m_body);
        if (info.kind == ChunkInfo::Token) {
            v.outcome = Outcome::Success;
            m_usagePrompt = info.promptTokens;
            m_usageCompletion = info.completionTokens;
            m_usageCached = info.cachedTokens;
            m_usageReasoning = info.reasoningTokens;
            r.text = info.text.left(m_options.keepTextBytes);
        } else if (info.kind == ChunkInfo::Error) {
            v.error = ErrorKind::StreamError;
            v.message = info.errorMessage;
        } else {
            v.error = ErrorKind::BadResponse;
            v.message = (m_options.responses ? QStringLiteral("not an OpenAI response: \"%1\"")
                                             : QStringLiteral("not an OpenAI completion: \"%1\""))
                            .arg(QString::fromUtf8(m_body.left(120)));
        }
    }

    if (v.outcome == Outcome::Success) {
        if (m_usagePrompt >= 0)
            r.promptTokens = m_usagePrompt;
        r.promptTokensFromUsage = m_usagePrompt >= 0;
        r.cachedTokens = m_usageCached;
        r.reasoningTokens = m_usageReasoning;
        r.outputTokensFromUsage = m_usageCompletion >= 0;
        r.outputTokens = m_usageCompletion >= 0 ? m_usageCompletion : int(r.tokenNs.size());
    } else if (r.outputTokens < 0) {
        r.outputTokens = int(r.tokenNs.size());
    }
    return v;
}

} // namespace BurgerBench
