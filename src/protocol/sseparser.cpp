#include "protocol/sseparser.h"

namespace BurgerBench {

namespace {

// Compact once at least this many consumed bytes sit in front of the buffer and they are at
// least half of it: the memmove then costs no more than the bytes already consumed, which keeps
// feed() amortised O(n) while a long unterminated line is still arriving.
constexpr qsizetype CompactThreshold = 4096;

constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr qsizetype BomSize = 3;

} // namespace

int SseParser::feed(QByteArrayView bytes, std::vector<SseEvent> *out)
{
    if (bytes.isEmpty() || m_overflowed)
        return 0;
    m_buffer.append(bytes.data(), bytes.size());

    if (!m_bomChecked) {
        // The BOM may itself arrive split across feeds: wait until three bytes (or a mismatch)
        // decide it.
        const qsizetype have = m_buffer.size() - m_pos;
        const qsizetype n = qMin(have, BomSize);
        if (QByteArrayView(m_buffer.constData() + m_pos, n) != QByteArrayView(Bom, n)) {
            m_bomChecked = true;
        } else if (have >= BomSize) {
            m_pos += BomSize;
            m_scan = m_pos;
            m_bomChecked = true;
        } else {
            return 0;
        }
    }

    int count = 0;
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    while (m_scan < size && !m_overflowed) {
        if (m_skipLf) {
            // A CR ended the previous line; an LF right after it (perhaps at the start of this
            // feed) is part of the same line end.
            m_skipLf = false;
            if (data[m_scan] == '\n') {
                ++m_scan;
                m_pos = m_scan;
                continue;
            }
        }
        qsizetype i = m_scan;
        while (i < size && data[i] != '\n' && data[i] != '\r')
            ++i;
        if (i == size) {
            // No line end yet: remember how far we looked so the next feed does not rescan.
            m_scan = size;
            break;
        }
        processLine(QByteArrayView(data + m_pos, i - m_pos), out, &count);
        m_skipLf = data[i] == '\r';
        m_scan = m_pos = i + 1;
    }

    if (m_overflowed || (m_maxEventBytes > 0 && m_buffer.size() - m_pos > m_maxEventBytes)) {
        // One line (or event) past the cap: nothing of it is kept, and nothing after it is read.
        overflow();
        return count;
    }
    if (m_pos == m_buffer.size()) {
        m_buffer.truncate(0); // keeps the capacity for the next feed
        m_pos = m_scan = 0;
    } else if (m_pos >= CompactThreshold && m_pos * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_scan -= m_pos;
        m_pos = 0;
    }
    return count;
}

void SseParser::overflow()
{
    m_overflowed = true;
    m_buffer = QByteArray(); // the memory itself goes, not only the size
    m_data = QByteArray();
    m_pos = m_scan = 0;
    m_hasData = false;
}

int SseParser::finish(std::vector<SseEvent> *out)
{
    if (m_overflowed) {
        reset();
        return 0;
    }
    int count = 0;
    // A last line without a line end (a BOM prefix that never completed counts as such too).
    if (m_pos < m_buffer.size())
        processLine(QByteArrayView(m_buffer.constData() + m_pos, m_buffer.size() - m_pos), out, &count);
    // A last event without the blank line after it: real servers do this when they close the
    // stream right after the final data line.
    processLine(QByteArrayView(), out, &count);
    reset();
    return count;
}

void SseParser::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_scan = 0;
    m_skipLf = false;
    m_bomChecked = false;
    m_data.clear();
    m_event.clear();
    m_hasData = false;
    m_overflowed = false;
}

void SseParser::processLine(QByteArrayView line, std::vector<SseEvent> *out, int *count)
{
    if (line.isEmpty()) {
        // Dispatch. Per WHATWG an event with no data line is dropped, but its name is still reset.
        if (m_hasData) {
            out->push_back(SseEvent { m_event, m_data });
            ++*count;
        }
        m_data.clear();
        m_event.clear();
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return; // comment or keep-alive ping

    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }

    if (field == "data") {
        if (m_maxEventBytes > 0 && m_data.size() + value.size() + 1 > m_maxEventBytes) {
            m_overflowed = true; // feed() drops the buffers once this line is done with
            return;
        }
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value.data(), value.size());
        m_hasData = true;
    } else if (field == "event") {
        m_event = value.toByteArray();
    }
    // id, retry and unknown fields are ignored: a load tester never reconnects.
}

} // namespace BurgerBench
