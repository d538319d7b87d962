#include "sim/httprequestparser.h"

#include "protocol/httpsyntax.h"

#include <QtGlobal>

namespace BurgerBench {

using namespace HttpSyntax;

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (equalsNoCase(key, name))
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (equalsNoCase(header.first, name))
            return true;
    }
    return false;
}

bool HttpRequest::keepAlive() const
{
    bool close = false;
    bool keep = false;
    for (const auto &[key, value] : headers) {
        if (!equalsNoCase(key, "connection"))
            continue;
        forEachListElement(value, [&](QByteArrayView option) {
            if (equalsNoCase(option, "close"))
                close = true;
            else if (equalsNoCase(option, "keep-alive"))
                keep = true;
        });
    }
    if (close)
        return false;
    return versionMinor >= 1 || keep;
}

HttpRequestParser::HttpRequestParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes)
    : m_maxHeaderBytes(maxHeaderBytes)
    , m_maxBodyBytes(maxBodyBytes)
{
}

void HttpRequestParser::reset()
{
    m_buf.clear();
    m_pos = 0;
    m_scan = 0;
    m_state = State::RequestLine;
    m_headerBytes = 0;
    m_remaining = 0;
    m_expectContinue = false;
    m_current = {};
    m_chunked.reset();
    m_ready.clear();
    m_errorStatus = 0;
    m_errorMessage.clear();
}

bool HttpRequestParser::feed(QByteArrayView data)
{
    if (hasError())
        return false;
    m_buf.append(data);
    while (step()) { }
    if (hasError()) {
        m_buf.clear();
        m_pos = m_scan = 0;
        return false;
    }
    // Compact only when most of the buffer is consumed: amortised linear in the input.
    if (m_pos == m_buf.size()) {
        if (m_buf.capacity() > 256 * 1024)
            m_buf.clear();
        else
            m_buf.resize(0);
        m_pos = m_scan = 0;
    } else if (m_pos > m_buf.size() / 2) {
        m_buf.remove(0, m_pos);
        m_scan -= m_pos;
        m_pos = 0;
    }
    return true;
}

HttpRequest HttpRequestParser::takeRequest()
{
    Q_ASSERT(!m_ready.empty());
    HttpRequest request = std::move(m_ready.front());
    m_ready.pop_front();
    return request;
}

bool HttpRequestParser::takeExpectContinue()
{
    const bool expect = m_expectContinue;
    m_expectContinue = false;
    return expect;
}

bool HttpRequestParser::isMidRequest() const
{
    return m_state != State::RequestLine || m_pos < m_buf.size();
}

bool HttpRequestParser::fail(int status, const QString &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    return false;
}

// Reads one line ending in '\n' (a preceding '\r' is stripped). Returns false when no complete
// line is buffered yet, or on error (line longer than maxLineBytes, NUL or bare CR).
bool HttpRequestParser::readLine(QByteArrayView &line, qsizetype maxLineBytes)
{
    const qsizetype newline = m_buf.indexOf('\n', m_scan);
    if (newline < 0) {
        m_scan = m_buf.size();
        if (m_buf.size() - m_pos > maxLineBytes)
            return fail(400, QStringLiteral("header section too large"));
        return false;
    }
    if (newline + 1 - m_pos > maxLineBytes)
        return fail(400, QStringLiteral("header section too large"));
    line = QByteArrayView(m_buf).sliced(m_pos, newline - m_pos);
    if (line.endsWith('\r'))
        line.chop(1);
    m_pos = m_scan = newline + 1;
    if (line.contains('\r') || line.contains('\0'))
        return fail(400, QStringLiteral("bare CR or NUL in the header section"));
    return true;
}

bool HttpRequestParser::step()
{
    switch (m_state) {
    case State::RequestLine:
    case State::Headers: {
        const qsizetype start = m_pos;
        QByteArrayView line;
        if (!readLine(line, m_maxHeaderBytes - m_headerBytes))
            return false;
        m_headerBytes += m_pos - start;
        if (m_state == State::RequestLine)
            return line.isEmpty() ? true : parseRequestLine(line);
        return line.isEmpty() ? headersComplete() : parseHeaderLine(line);
    }
    case State::Body: {
        const qsizetype available = m_buf.size() - m_pos;
        if (available == 0)
            return false;
        const qsizetype n = qsizetype(qMin<qint64>(m_remaining, available));
        m_current.body.append(m_buf.constData() + m_pos, n);
        m_pos += n;
        m_scan = m_pos;
        m_remaining -= n;
        if (m_remaining > 0)
            return false;
        finishRequest();
        return true;
    }
    case State::Chunked: {
        if (m_pos == m_buf.size())
            return false;
        // m_buf is not touched while the decoder reads the view.
        m_pos += m_chunked.feed(QByteArrayView(m_buf).sliced(m_pos), &m_current.body);
        m_scan = m_pos;
        if (m_chunked.failed())
            return chunkedFailed();
        if (!m_chunked.done())
            return false;
        m_headerBytes += m_chunked.trailerBytes();
        finishRequest();
        return true;
    }
    }
    return false;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, QStringLiteral("malformed request line"));
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method))
        return fail(400, QStringLiteral("malformed method"));
    if (version == "HTTP/1.1")
        m_current.versionMinor = 1;
    else if (version == "HTTP/1.0")
        m_current.versionMinor = 0;
    else
        return fail(400, QStringLiteral("unsupported HTTP version"));
    if (target.isEmpty())
        return fail(400, QStringLiteral("empty request target"));
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return fail(400, QStringLiteral("control character in request target"));
    }

    QByteArrayView path = target;
    // origin-form ("/...") and asterisk-form (OPTIONS *) are kept as they are.
    if (!path.startsWith('/') && path != "*") {
        // absolute-form: scheme://authority/path
        const qsizetype schemeEnd = path.indexOf("://");
        if (schemeEnd <= 0)
            return fail(400, QStringLiteral("malformed request target"));
        const qsizetype slash = path.indexOf('/', schemeEnd + 3);
        path = slash < 0 ? QByteArrayView("/") : path.sliced(slash);
    }
    const qsizetype query = path.indexOf('?');
    if (query >= 0)
        path.truncate(query);

    m_current.method = method.toByteArray();
    m_current.target = target.toByteArray();
    m_current.path = path.toByteArray();
    m_state = State::Headers;
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t')
        return fail(400, QStringLiteral("obsolete header line folding"));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(400, QStringLiteral("malformed header field"));
    m_current.headers.append(
        { line.first(colon).toByteArray(), trimmedOws(line.sliced(colon + 1)).toByteArray() });
    return true;
}

bool HttpRequestParser::headersComplete()
{
    bool chunked = false;
    bool hasTransferEncoding = false;
    bool hasLength = false;
    qint64 length = 0;
    for (const auto &[key, value] : std::as_const(m_current.headers)) {
        if (equalsNoCase(key, "transfer-encoding")) {
            hasTransferEncoding = true;
            bool other = false;
            forEachListElement(value, [&](QByteArrayView coding) {
                if (equalsNoCase(coding, "chunked") && !chunked)
                    chunked = true;
                else
                    other = true;
            });
            if (other)
                return fail(400, QStringLiteral("unsupported transfer coding"));
        } else if (equalsNoCase(key, "content-length")) {
            if (value.isEmpty() || value.size() > 18)
                return fail(value.size() > 18 ? 413 : 400, QStringLiteral("invalid Content-Length"));
            qint64 n = 0;
            for (char c : value) {
                if (c < '0' || c > '9')
                    return fail(400, QStringLiteral("invalid Content-Length"));
                n = n * 10 + (c - '0');
            }
            if (hasLength && n != length)
                return fail(400, QStringLiteral("conflicting Content-Length headers"));
            hasLength = true;
            length = n;
        }
    }
    if (hasTransferEncoding && hasLength)
        return fail(400, QStringLiteral("both Transfer-Encoding and Content-Length"));
    if (hasTransferEncoding && !chunked)
        return fail(400, QStringLiteral("unsupported transfer coding"));

    const bool expectContinue = equalsNoCase(m_current.header("expect"), "100-continue");
    if (chunked) {
        // Trailers count toward the header section's limit, body bytes toward the body's.
        m_chunked.reset();
        m_chunked.setMaxBodyBytes(m_maxBodyBytes);
        m_chunked.setMaxTrailerBytes(m_maxHeaderBytes - m_headerBytes);
        m_state = State::Chunked;
        m_expectContinue = expectContinue;
        return true;
    }
    if (length > m_maxBodyBytes)
        return fail(413, QStringLiteral("request body too large"));
    if (length == 0) {
        finishRequest();
        return true;
    }
    m_current.body.reserve(qsizetype(qMin<qint64>(length, 64 * 1024)));
    m_remaining = length;
    m_state = State::Body;
    m_expectContinue = expectContinue && m_buf.size() == m_pos;
    return true;
}

bool HttpRequestParser::chunkedFailed()
{
    switch (m_chunked.error()) {
    case ChunkedDecoder::Error::BodyTooLarge:
        return fail(413, QStringLiteral("request body too large"));
    case ChunkedDecoder::Error::TrailersTooLarge:
        return fail(400, QStringLiteral("header section too large"));
    default:
        return fail(400, QString::fromLatin1(ChunkedDecoder::errorText(m_chunked.error())));
    }
}

void HttpRequestParser::finishRequest()
{
    m_ready.push_back(std::move(m_current));
    m_current = {};
    m_headerBytes = 0;
    m_remaining = 0;
    m_expectContinue = false;
    m_state = State::RequestLine;
}

} // namespace BurgerBench
