#pragma once

#include "protocol/chunkeddecoder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <deque>
#include <utility>

namespace BurgerBench {

// One complete HTTP/1.x request as the simulator sees it.
struct HttpRequest
{
    QByteArray method; // as sent, e.g. "POST" (methods are case-sensitive)
    QByteArray target; // as sent, e.g. "/v1/models?x=1"
    QByteArray path; // the target without query (and without scheme://authority)
    int versionMinor = 1; // HTTP/1.<versionMinor>
    QList<std::pair<QByteArray, QByteArray>> headers; // names as sent, values trimmed
    QByteArray body; // de-chunked

    // Case-insensitive lookup of the first header with this name; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // HTTP/1.1 keeps the connection unless `Connection: close`; HTTP/1.0 only with keep-alive.
    bool keepAlive() const;
};

// A pure, incremental HTTP/1.x request parser: feed it bytes as they arrive and take zero or more
// complete requests out. It never touches a socket, so the tests and the fuzzer drive it directly.
//
// Accepts Content-Length and `Transfer-Encoding: chunked` bodies (decoded by protocol/'s
// ChunkedDecoder, which the client's response parser uses too; trailers are read and dropped),
// CRLF or bare LF line ends, and empty lines before a request line (RFC 9112 §2.2). Rejects, with a
// status and a message: a bad request line, a header line without a colon or with a space before
// it, obsolete line folding, NUL or bare CR, both Content-Length and Transfer-Encoding, other
// transfer codings, conflicting Content-Lengths, a header section over maxHeaderBytes (400) and a
// body over maxBodyBytes (413). After an error the parser stays in error and ignores input.
//
// Cost: every byte is scanned once; the buffer is compacted only when more than half of it has
// been consumed, so feeding a request one byte at a time stays linear.
class HttpRequestParser
{
public:
    static constexpr qsizetype DefaultMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype DefaultMaxBodyBytes = 16 * 1024 * 1024;

    explicit HttpRequestParser(
        qsizetype maxHeaderBytes = DefaultMaxHeaderBytes, qsizetype maxBodyBytes = DefaultMaxBodyBytes);

    // Returns false when the input stream is (or already was) in error. Requests completed before
    // the error stay available.
    bool feed(QByteArrayView data);

    bool hasRequest() const { return !m_ready.empty(); }
    qsizetype readyCount() const { return qsizetype(m_ready.size()); }
    HttpRequest takeRequest(); // precondition: hasRequest()

    bool hasError() const { return m_errorStatus != 0; }
    int errorStatus() const { return m_errorStatus; } // 400 or 413; 0 when fine
    QString errorMessage() const { return m_errorMessage; }

    // True once per request whose headers asked for `Expect: 100-continue` and whose body has
    // not fully arrived yet: the server should send `100 Continue`.
    bool takeExpectContinue();

    // True while part of a request has been received (the connection is mid-request).
    bool isMidRequest() const;

    void reset();

private:
    enum class State { RequestLine, Headers, Body, Chunked };

    bool step();
    bool readLine(QByteArrayView &line, qsizetype maxLineBytes);
    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool headersComplete();
    bool chunkedFailed();
    void finishRequest();
    bool fail(int status, const QString &message);

    qsizetype m_maxHeaderBytes;
    qsizetype m_maxBodyBytes;

    QByteArray m_buf;
    qsizetype m_pos = 0; // first unconsumed byte
    qsizetype m_scan = 0; // where the search for the next '\n' resumes
    State m_state = State::RequestLine;
    qsizetype m_headerBytes = 0; // of the current request (request line + headers + trailers)
    qint64 m_remaining = 0; // body or chunk bytes still expected
    bool m_expectContinue = false;
    HttpRequest m_current;
    ChunkedDecoder m_chunked; // the one chunked decoder (protocol/), shared with the client
    std::deque<HttpRequest> m_ready;

    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace BurgerBench
