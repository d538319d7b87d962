#include "protocol/chunkeddecoder.h"

#include "protocol/httpsyntax.h"

#include <cstring>

namespace BurgerBench {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

const char *ChunkedDecoder::errorText(Error error)
{
    switch (error) {
    case Error::None:
        return "no error";
    case Error::BadChunkSize:
        return "malformed chunk size";
    case Error::ChunkSizeLineTooLong:
        return "chunk size line too long";
    case Error::MissingChunkCrlf:
        return "chunk data not followed by CRLF";
    case Error::BadTrailer:
        return "malformed trailer field";
    case Error::TrailersTooLarge:
        return "trailer section too large";
    case Error::BodyTooLarge:
        return "chunked body too large";
    }
    return "unknown error";
}

ChunkedDecoder::ChunkedDecoder(qint64 maxBodyBytes, qsizetype maxTrailerBytes, qsizetype maxLineBytes)
    : m_maxBody(maxBodyBytes)
    , m_maxTrailer(maxTrailerBytes)
    , m_maxLine(maxLineBytes)
{
}

void ChunkedDecoder::reset()
{
    m_state = State::Size;
    m_error = Error::None;
    m_started = false;
    m_remaining = 0;
    m_decoded = 0;
    m_trailerBytes = 0;
    m_trailerLineStart = 0;
    m_line.clear();
}

bool ChunkedDecoder::fail(Error error)
{
    m_error = error;
    m_state = State::Failed;
    m_line.clear();
    return false;
}

qsizetype ChunkedDecoder::feed(QByteArrayView data, QByteArray *body)
{
    qsizetype pos = 0;
    if (!data.isEmpty())
        m_started = true;
    while (pos < data.size()) {
        switch (m_state) {
        case State::Size:
        case State::Trailer: {
            const bool trailer = m_state == State::Trailer;
            const qsizetype before = pos;
            // One CR before the LF is allowed on top of the limit.
            // The trailer budget is taken where the line began, so any slicing gives the same error.
            const qsizetype max = (trailer ? m_maxTrailer - m_trailerLineStart : m_maxLine) + 1;
            QByteArrayView line;
            const HttpLineReader::Result result = m_line.take(data, &pos, &line, max);
            if (trailer)
                m_trailerBytes += pos - before;
            if (result == HttpLineReader::TooLong) {
                fail(trailer ? Error::TrailersTooLarge : Error::ChunkSizeLineTooLong);
                return pos;
            }
            if (result == HttpLineReader::NeedMore)
                break;
            m_trailerLineStart = m_trailerBytes;
            const bool ok = trailer ? trailerLine(line) : sizeLine(line);
            if (!ok)
                return pos;
            if (m_state == State::Done)
                return pos;
            break;
        }
        case State::Data: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, data.size() - pos));
            body->append(data.data() + pos, n);
            pos += n;
            m_remaining -= n;
            m_decoded += n;
            if (m_remaining == 0)
                m_state = State::DataEnd;
            break;
        }
        case State::DataEnd:
            if (data[pos] == '\r') {
                m_state = State::DataEndLf;
                ++pos;
            } else if (data[pos] == '\n') {
                m_state = State::Size;
                ++pos;
            } else {
                fail(Error::MissingChunkCrlf);
                return pos;
            }
            break;
        case State::DataEndLf:
            if (data[pos] != '\n') {
                fail(Error::MissingChunkCrlf);
                return pos;
            }
            m_state = State::Size;
            ++pos;
            break;
        case State::Done:
        case State::Failed:
            return pos;
        }
    }
    return pos;
}

bool ChunkedDecoder::sizeLine(QByteArrayView line)
{
    if (line.contains('\r') || line.contains('\0'))
        return fail(Error::BadChunkSize);
    qint64 size = 0;
    qsizetype i = 0;
    for (; i < line.size(); ++i) {
        const int digit = hexValue(line[i]);
        if (digit < 0)
            break;
        size = size * 16 + digit;
        if (size > m_maxBody)
            return fail(Error::BodyTooLarge);
    }
    if (i == 0)
        return fail(Error::BadChunkSize);
    // OWS then an optional extension (";name[=value]"), which is dropped unread.
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    if (i < line.size() && line[i] != ';')
        return fail(Error::BadChunkSize);
    if (size > m_maxBody - m_decoded)
        return fail(Error::BodyTooLarge);
    if (size == 0) {
        m_state = State::Trailer;
        return true;
    }
    m_remaining = size;
    m_state = State::Data;
    return true;
}

bool ChunkedDecoder::trailerLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        m_state = State::Done;
        return true;
    }
    if (HttpSyntax::hasCrOrNul(line))
        return fail(Error::BadTrailer);
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(Error::BadTrailer);
    if (!HttpSyntax::isToken(line.first(colon)))
        return fail(Error::BadTrailer);
    return true;
}

} // namespace BurgerBench
