#include "protocol/httpresponseparser.h"

#include "protocol/httpsyntax.h"

#include <QtGlobal>

#include <cstring>

namespace BurgerBench {

namespace {

using namespace HttpSyntax;

HttpResponseParser::Error fromChunked(ChunkedDecoder::Error e)
{
    using E = HttpResponseParser::Error;
    switch (e) {
    case ChunkedDecoder::Error::None:
        return E::None;
    case ChunkedDecoder::Error::BadChunkSize:
        return E::BadChunkSize;
    case ChunkedDecoder::Error::ChunkSizeLineTooLong:
        return E::ChunkSizeLineTooLong;
    case ChunkedDecoder::Error::MissingChunkCrlf:
        return E::MissingChunkCrlf;
    case ChunkedDecoder::Error::BadTrailer:
        return E::BadTrailer;
    case ChunkedDecoder::Error::TrailersTooLarge:
        return E::TrailersTooLarge;
    case ChunkedDecoder::Error::BodyTooLarge:
        return E::BodyTooLarge;
    }
    return E::BadChunkSize;
}

} // namespace

QByteArray HttpResponseHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (equalsNoCase(key, name))
            return value;
    }
    return {};
}

const char *HttpResponseParser::errorText(Error error)
{
    switch (error) {
    case Error::None:
        return "no error";
    case Error::BadStatusLine:
        return "malformed status line";
    case Error::BadHeaderLine:
        return "malformed header field";
    case Error::HeaderLineTooLong:
        return "response header line too long";
    case Error::TooManyHeaders:
        return "too many response header fields";
    case Error::HeaderSectionTooLarge:
        return "response header section too large";
    case Error::BadContentLength:
        return "invalid Content-Length";
    case Error::BadChunkSize:
        return ChunkedDecoder::errorText(ChunkedDecoder::Error::BadChunkSize);
    case Error::ChunkSizeLineTooLong:
        return ChunkedDecoder::errorText(ChunkedDecoder::Error::ChunkSizeLineTooLong);
    case Error::MissingChunkCrlf:
        return ChunkedDecoder::errorText(ChunkedDecoder::Error::MissingChunkCrlf);
    case Error::BadTrailer:
        return ChunkedDecoder::errorText(ChunkedDecoder::Error::BadTrailer);
    case Error::TrailersTooLarge:
        return ChunkedDecoder::errorText(ChunkedDecoder::Error::TrailersTooLarge);
    case Error::BodyTooLarge:
        return "response body too large";
    case Error::ClosedInHead:
        return "the connection closed before a complete response head";
    case Error::ClosedInBody:
        return "the connection closed in the middle of the response body";
    }
    return "unknown error";
}

bool HttpResponseParser::isLimit(Error error)
{
    switch (error) {
    case Error::HeaderLineTooLong:
    case Error::TooManyHeaders:
    case Error::HeaderSectionTooLarge:
    case Error::ChunkSizeLineTooLong:
    case Error::TrailersTooLarge:
    case Error::BodyTooLarge:
        return true;
    default:
        return false;
    }
}

HttpResponseParser::HttpResponseParser()
    : HttpResponseParser(Limits {})
{
}

HttpResponseParser::HttpResponseParser(const Limits &limits)
    : m_limits(limits)
    , m_chunked(limits.maxBodyBytes, limits.maxHeaderBytes)
{
}

void HttpResponseParser::reset()
{
    m_state = State::StatusLine;
    m_error = Error::None;
    m_framing = Framing::Unknown;
    m_headDone = false;
    m_keepAlive = true;
    m_interim = 0;
    m_headerBytes = m_lineStartBytes = 0;
    m_remaining = 0;
    m_bytesSeen = 0;
    m_excess = 0;
    m_head = {};
    m_line.clear();
    m_chunked.reset();
    m_detail.clear();
}

bool HttpResponseParser::fail(Error error, QByteArrayView detail)
{
    m_error = error;
    m_state = State::Failed;
    m_detail = detail.first(qMin<qsizetype>(detail.size(), 80)).toByteArray();
    m_line.clear();
    return false;
}

QString HttpResponseParser::errorMessage() const
{
    if (m_error == Error::None)
        return {};
    QString message = QString::fromLatin1(errorText(m_error));
    if (!m_detail.isEmpty())
        message += QStringLiteral(": \"") + QString::fromLatin1(m_detail) + QLatin1Char('"');
    return message;
}

bool HttpResponseParser::feed(QByteArrayView data, QByteArray *body)
{
    if (m_state == State::Failed)
        return false;
    m_bytesSeen += data.size();
    qsizetype pos = 0;
    while (pos < data.size()) {
        switch (m_state) {
        case State::StatusLine:
        case State::Headers: {
            const qsizetype before = pos;
            QByteArrayView line;
            // The limit of this line: its own, or what the section has left, whichever is less;
            // decided from where the line started, so any slicing gives the same error.
            const qsizetype budget = m_limits.maxHeaderBytes - m_lineStartBytes;
            const qsizetype max = qMin(m_limits.maxLineBytes, budget) + 1; // + the CR
            const HttpLineReader::Result result = m_line.take(data, &pos, &line, max);
            m_headerBytes += pos - before;
            if (result == HttpLineReader::TooLong)
                return fail(
                    budget < m_limits.maxLineBytes ? Error::HeaderSectionTooLarge : Error::HeaderLineTooLong);
            if (result == HttpLineReader::NeedMore)
                break;
            m_lineStartBytes = m_headerBytes;
            if (m_state == State::StatusLine) {
                // Empty lines before a status line are tolerated, as before a request line.
                if (!line.isEmpty() && !statusLine(line))
                    return false;
            } else if (line.isEmpty() ? !headersComplete() : !headerLine(line)) {
                return false;
            }
            break;
        }
        case State::Body: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, data.size() - pos));
            body->append(data.data() + pos, n);
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::Done;
            break;
        }
        case State::Chunked:
            pos += m_chunked.feed(data.sliced(pos), body);
            if (m_chunked.failed())
                return fail(fromChunked(m_chunked.error()));
            if (m_chunked.done())
                m_state = State::Done;
            break;
        case State::UntilClose: {
            // Bounded like the other framings: the first maxBodyBytes are kept however the bytes
            // were sliced, then the body is too large.
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, data.size() - pos));
            body->append(data.data() + pos, n);
            pos += n;
            m_remaining -= n;
            if (pos < data.size())
                return fail(Error::BodyTooLarge);
            break;
        }
        case State::Done:
            m_excess += data.size() - pos;
            pos = data.size();
            break;
        case State::Failed:
            return false;
        }
    }
    return true;
}

bool HttpResponseParser::finish()
{
    switch (m_state) {
    case State::Done:
        return true;
    case State::UntilClose:
        m_state = State::Done;
        return true;
    case State::Failed:
        return false;
    case State::StatusLine:
    case State::Headers:
        return fail(Error::ClosedInHead);
    case State::Body:
    case State::Chunked:
        return fail(Error::ClosedInBody);
    }
    return false;
}

bool HttpResponseParser::statusLine(QByteArrayView line)
{
    // HTTP-version SP 3DIGIT SP [reason-phrase]; a missing SP before an empty reason is tolerated.
    const bool ok = line.size() >= 12 && line.startsWith("HTTP/1.") && line[7] >= '0' && line[7] <= '9'
        && line[8] == ' ' && line[9] >= '1' && line[9] <= '9' && line[10] >= '0' && line[10] <= '9'
        && line[11] >= '0' && line[11] <= '9' && (line.size() == 12 || line[12] == ' ') && !hasCrOrNul(line);
    if (!ok)
        return fail(Error::BadStatusLine, line);
    m_head.versionMinor = line[7] - '0';
    m_head.status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    m_head.reason = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    m_state = State::Headers;
    return true;
}

bool HttpResponseParser::headerLine(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t')
        return fail(Error::BadHeaderLine, line); // obsolete line folding
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || hasCrOrNul(line))
        return fail(Error::BadHeaderLine, line);
    const QByteArrayView name = line.first(colon);
    for (char c : name) {
        if (!isTchar(c))
            return fail(Error::BadHeaderLine, line);
    }
    if (m_head.headers.size() >= m_limits.maxHeaders)
        return fail(Error::TooManyHeaders);
    m_head.headers.append({ name.toByteArray(), trimmedOws(line.sliced(colon + 1)).toByteArray() });
    return true;
}

bool HttpResponseParser::headersComplete()
{
    const int status = m_head.status;
    if (status >= 100 && status < 200 && status != 101) {
        // An interim response: the final one follows on the same connection.
        ++m_interim;
        m_head = {};
        m_headerBytes = m_lineStartBytes = 0;
        m_state = State::StatusLine;
        return true;
    }
    m_headDone = true;

    bool close = false;
    bool keep = false;
    bool hasTransferEncoding = false;
    bool chunkedLast = false;
    bool hasLength = false;
    qint64 length = 0;
    for (const auto &[key, value] : std::as_const(m_head.headers)) {
        if (equalsNoCase(key, "connection")) {
            forEachListElement(value, [&](QByteArrayView option) {
                close = close || equalsNoCase(option, "close");
                keep = keep || equalsNoCase(option, "keep-alive");
            });
        } else if (equalsNoCase(key, "transfer-encoding")) {
            hasTransferEncoding = true;
            forEachListElement(
                value, [&](QByteArrayView coding) { chunkedLast = equalsNoCase(coding, "chunked"); });
        } else if (equalsNoCase(key, "content-length")) {
            bool bad = value.isEmpty();
            forEachListElement(value, [&](QByteArrayView element) {
                // At most 18 digits: no overflow, and far beyond any body we accept.
                qint64 n = 0;
                bad = bad || element.size() > 18;
                for (qsizetype i = 0; !bad && i < element.size(); ++i) {
                    const char c = element[i];
                    bad = c < '0' || c > '9';
                    n = n * 10 + (c - '0');
                }
                bad = bad || (hasLength && n != length);
                hasLength = true;
                length = n;
            });
            if (bad)
                return fail(Error::BadContentLength, value);
        }
    }
    m_keepAlive = !close && (m_head.versionMinor >= 1 || keep);

    if (status == 101 || status == 204 || status == 304) {
        m_framing = Framing::None;
        m_keepAlive = m_keepAlive && status != 101;
        m_state = State::Done;
        return true;
    }
    if (hasTransferEncoding) {
        // RFC 9112 §6.3: Transfer-Encoding overrides Content-Length; a response framed both ways
        // may be an attempt at smuggling, so the connection is not reused after it.
        if (hasLength)
            m_keepAlive = false;
        if (chunkedLast) {
            m_framing = Framing::Chunked;
            m_chunked.reset();
            m_chunked.setMaxBodyBytes(m_limits.maxBodyBytes);
            m_state = State::Chunked;
        } else {
            m_framing = Framing::UntilClose; // e.g. `gzip` alone: the body runs to the close
            m_keepAlive = false;
            m_remaining = m_limits.maxBodyBytes; // what the close-delimited body may still bring
            m_state = State::UntilClose;
        }
        return true;
    }
    if (hasLength) {
        if (length > m_limits.maxBodyBytes)
            return fail(Error::BodyTooLarge);
        m_framing = Framing::ContentLength;
        m_remaining = length;
        m_state = length == 0 ? State::Done : State::Body;
        return true;
    }
    m_framing = Framing::UntilClose;
    m_keepAlive = false;
    m_remaining = m_limits.maxBodyBytes; // what the close-delimited body may still bring
    m_state = State::UntilClose;
    return true;
}

} // namespace BurgerBench
