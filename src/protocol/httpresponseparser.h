#pragma once

#include "protocol/chunkeddecoder.h"
#include "protocol/httplinereader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

namespace BurgerBench {

// The head of one final HTTP/1.x response.
struct HttpResponseHead
{
    int status = 0;
    int versionMinor = 1; // HTTP/1.<versionMinor>
    QByteArray reason; // the reason phrase as sent (may be empty)
    QList<std::pair<QByteArray, QByteArray>> headers; // names as sent, values OWS-trimmed

    // Case-insensitive lookup of the first header with this name; empty when absent.
    QByteArray header(QByteArrayView name) const;
};

// A pure, incremental HTTP/1.1 response parser (RFC 9112), the client-side sibling of the
// simulator's request parser. Feed it what the socket delivered, in slices of any size; it hands
// out the decoded body bytes as they come. It never touches a socket: the blocking client, the
// tests and the fuzzer drive it directly.
//
// Head: status line `HTTP/1.x NNN reason`, CRLF or bare LF line ends, header fields kept with
// their names as sent; interim 1xx responses (100 Continue, 103 Early Hints, ...) are skipped,
// 101 is final and has no body. Limits (Qt's own defaults, so the blocking client refuses what
// QNetworkAccessManager refuses): header fields per head, bytes per line and per head section.
// Body framing: none for 1xx/204/304, `Transfer-Encoding: chunked` (through the one
// ChunkedDecoder), Content-Length (repeated equal values allowed), else until the connection
// closes (finish()). After an error the parser ignores input; each error has a name.
class HttpResponseParser
{
public:
    enum class Error : quint8 {
        None,
        BadStatusLine, // not `HTTP/1.x NNN ...`
        BadHeaderLine, // no `name:`, a bad name, obsolete folding, a bare CR or NUL
        HeaderLineTooLong, // one line over Limits::maxLineBytes
        TooManyHeaders, // more than Limits::maxHeaders fields
        HeaderSectionTooLarge, // the head over Limits::maxHeaderBytes
        BadContentLength, // not a decimal number, or two different values
        BadChunkSize, // the chunked errors, as ChunkedDecoder names them
        ChunkSizeLineTooLong,
        MissingChunkCrlf,
        BadTrailer,
        TrailersTooLarge,
        BodyTooLarge, // the body (Content-Length, chunks or up to the close) over Limits::maxBodyBytes
        ClosedInHead, // finish() before the head was complete (nothing at all: bytesSeen() == 0)
        ClosedInBody, // finish() before a Content-Length or chunked body was complete
    };
    // A short English description, e.g. "malformed status line".
    static const char *errorText(Error error);
    // True for the errors that are a limit of ours, not a broken response.
    static bool isLimit(Error error);

    enum class Framing : quint8 { Unknown, None, ContentLength, Chunked, UntilClose };

    struct Limits
    {
        int maxHeaders = 100; // Qt 6's QHttpHeaderParser: MAX_HEADER_FIELDS
        qsizetype maxLineBytes = 100 * 1024; // MAX_HEADER_FIELD_SIZE
        qsizetype maxHeaderBytes = 256 * 1024; // MAX_TOTAL_HEADER_SIZE
        qint64 maxBodyBytes = ChunkedDecoder::NoBodyLimit;
    };

    HttpResponseParser();
    explicit HttpResponseParser(const Limits &limits);

    // Appends wire bytes; decoded body bytes are appended to *body. Returns false once in error.
    // Bytes after the end of the response are counted (excessBytes()) and otherwise ignored.
    bool feed(QByteArrayView data, QByteArray *body);
    // The peer closed the connection: ends a close-delimited body, else an error unless done().
    bool finish();

    bool headComplete() const { return m_headDone; }
    bool done() const { return m_state == State::Done; }
    bool failed() const { return m_error != Error::None; }
    Error error() const { return m_error; }
    // errorText() with what was wrong, e.g. `malformed status line: "garbage"`.
    QString errorMessage() const;

    const HttpResponseHead &head() const { return m_head; }
    Framing framing() const { return m_framing; }
    // Whether the connection may carry another request once done().
    bool keepAlive() const { return m_keepAlive; }
    int interimResponses() const { return m_interim; }
    qint64 bytesSeen() const { return m_bytesSeen; }
    qint64 excessBytes() const { return m_excess; }

    // Ready for the next response on the same connection (limits kept).
    void reset();

private:
    enum class State : quint8 { StatusLine, Headers, Body, Chunked, UntilClose, Done, Failed };

    bool fail(Error error, QByteArrayView detail = {});
    bool statusLine(QByteArrayView line);
    bool headerLine(QByteArrayView line);
    bool headersComplete();

    Limits m_limits;
    State m_state = State::StatusLine;
    Error m_error = Error::None;
    Framing m_framing = Framing::Unknown;
    bool m_headDone = false;
    bool m_keepAlive = true;
    int m_interim = 0;
    qsizetype m_headerBytes = 0; // of the head being read
    qsizetype m_lineStartBytes = 0; // m_headerBytes where the current line began
    qint64 m_remaining = 0; // Content-Length bytes still to come; close-delimited: bytes still allowed
    qint64 m_bytesSeen = 0;
    qint64 m_excess = 0;
    HttpResponseHead m_head;
    HttpLineReader m_line;
    ChunkedDecoder m_chunked;
    QByteArray m_detail; // what the error was about, for errorMessage()
};

} // namespace BurgerBench
