#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace BurgerBench {

// One Server-Sent Event: the `event:` field (empty = "message") and the `data:` lines joined
// with '\n'. Bytes, not text: an event may have been split inside a UTF-8 sequence on the wire,
// so decoding happens only once the event is whole.
struct SseEvent
{
    QByteArray event;
    QByteArray data;
};

// Incremental SSE parser (WHATWG event-stream rules, lenient like real clients):
// LF, CRLF and CR line ends; "data:" with or without one space; multi-line data; ':' comment
// and ping lines ignored; `event:` names kept; `id:`/`retry:` ignored; events split at any byte
// or many per feed. finish() flushes a last event that had no blank line after it.
// Cost: amortised O(bytes); the buffer is compacted, never rescanned from the start.
class SseParser
{
public:
    // Appends bytes and appends every completed event to *out. Returns the number appended.
    int feed(QByteArrayView bytes, std::vector<SseEvent> *out);
    // End of stream: dispatches a pending event that has data (a stream may end without the
    // final blank line). Returns the number appended.
    int finish(std::vector<SseEvent> *out);
    void reset();
    // Bytes held waiting for the end of a line (for the response-size cap and tests).
    qsizetype pendingBytes() const { return m_buffer.size() - m_pos; }
    // Everything held between feeds: the unfinished line and the event's data so far.
    qsizetype heldBytes() const { return pendingBytes() + m_data.size(); }

    // Issue 15: a cap on one line and on one event's data (0 = none, the default). Checked at the
    // end of every feed and as each data line joins its event, so between feeds the parser never
    // holds more than the cap (within a feed: the cap plus that feed's bytes). Past it the parser
    // drops what it held, overflowed() turns true and further input is ignored until reset().
    void setMaxEventBytes(qsizetype bytes) { m_maxEventBytes = bytes; }
    bool overflowed() const { return m_overflowed; }

private:
    void processLine(QByteArrayView line, std::vector<SseEvent> *out, int *count);
    void overflow();

    QByteArray m_buffer;
    qsizetype m_pos = 0; // start of the unconsumed part of m_buffer
    qsizetype m_scan = 0; // bytes in [m_pos, m_scan) hold no line end: never rescanned
    bool m_skipLf = false; // last byte seen was CR: a following LF belongs to it
    bool m_bomChecked = false; // a UTF-8 BOM at the very start of the stream has been dropped
    QByteArray m_data;
    QByteArray m_event;
    bool m_hasData = false;
    qsizetype m_maxEventBytes = 0;
    bool m_overflowed = false;
};

} // namespace BurgerBench
