#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include "protocol/httplinereader.h"

#include <limits>

namespace BurgerBench {

// The one decoder of HTTP/1.1 `Transfer-Encoding: chunked` bodies (RFC 9112 §7.1), shared by the
// simulator's request parser and the client's response parser. Pure and incremental: feed it the
// bytes that follow the header section, in slices of any size; it appends the decoded payload to
// the caller's buffer and stops right after the last-chunk's trailer section, so whatever follows
// (a pipelined message) stays with the caller.
//
// Lenient where real peers are: CRLF or bare LF line ends, chunk extensions (`5;name=value`) and
// trailer fields are read and dropped, OWS before an extension. Strict where it matters for
// framing: a size line that is not hex (or is empty), a bare CR or NUL in a line, chunk data not
// followed by a line end, a trailer line without `name:`. Limits: a size line over maxLineBytes,
// a trailer section over maxTrailerBytes, a body over maxBodyBytes (checked before the chunk's
// data arrives, so a huge announced size fails at once). After an error it ignores input.
//
// Cost: each byte is looked at once; payload is copied in one append per slice and chunk.
class ChunkedDecoder
{
public:
    enum class Error : quint8 {
        None,
        BadChunkSize, // not a hex size, or junk after it that is not an extension
        ChunkSizeLineTooLong, // the size line (with extensions) is over maxLineBytes
        MissingChunkCrlf, // chunk data not followed by CRLF / LF
        BadTrailer, // a trailer line that is not `name: value`, or a bare CR / NUL
        TrailersTooLarge, // the trailer section is over maxTrailerBytes
        BodyTooLarge, // the decoded body would exceed maxBodyBytes
    };
    // A short English description ("malformed chunk size", ...), for messages and logs.
    static const char *errorText(Error error);

    static constexpr qint64 NoBodyLimit = std::numeric_limits<qint64>::max() / 16;
    static constexpr qsizetype DefaultMaxLineBytes = 1024;
    static constexpr qsizetype DefaultMaxTrailerBytes = 64 * 1024;

    explicit ChunkedDecoder(qint64 maxBodyBytes = NoBodyLimit,
        qsizetype maxTrailerBytes = DefaultMaxTrailerBytes, qsizetype maxLineBytes = DefaultMaxLineBytes);

    // Consumes bytes from `data` and appends decoded payload to *body. Returns how many bytes of
    // `data` belong to the chunked body: all of them unless the body ended (done()) or failed
    // (failed()) inside this slice.
    qsizetype feed(QByteArrayView data, QByteArray *body);

    bool done() const { return m_state == State::Done; }
    bool failed() const { return m_error != Error::None; }
    Error error() const { return m_error; }
    // Payload bytes decoded so far.
    qint64 decodedBytes() const { return m_decoded; }
    // Bytes of the trailer section read so far (the simulator counts them as header bytes).
    qsizetype trailerBytes() const { return m_trailerBytes; }
    // True while inside the message (some bytes consumed, the last chunk not yet ended).
    bool isMidBody() const { return m_started && m_state != State::Done; }

    // Limits for the next message (reset() keeps them).
    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }
    void setMaxTrailerBytes(qsizetype bytes) { m_maxTrailer = bytes; }
    void reset();

private:
    enum class State : quint8 { Size, Data, DataEnd, DataEndLf, Trailer, Done, Failed };

    bool fail(Error error);
    bool sizeLine(QByteArrayView line);
    bool trailerLine(QByteArrayView line);

    qint64 m_maxBody;
    qsizetype m_maxTrailer;
    qsizetype m_maxLine;
    State m_state = State::Size;
    Error m_error = Error::None;
    bool m_started = false;
    qint64 m_remaining = 0; // bytes of the current chunk still to come
    qint64 m_decoded = 0;
    qsizetype m_trailerBytes = 0;
    qsizetype m_trailerLineStart = 0; // m_trailerBytes where the current trailer line began
    HttpLineReader m_line;
};

} // namespace BurgerBench
