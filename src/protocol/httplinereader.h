#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>

namespace BurgerBench {

// Collects one HTTP line (ending in LF, a CR before it stripped) from slices of any size, for the
// head and chunk parsers in this folder. A line that arrives whole is returned as a view into the
// caller's slice without a copy; only a line split across slices is gathered in a small buffer.
class HttpLineReader
{
public:
    enum Result : quint8 { NeedMore, Line, TooLong };

    // Takes bytes from data[*pos..] and advances *pos past what it used. On Line, *line is the
    // line without its end, valid until the next take() or until `data` goes away. TooLong when
    // the line (without LF, with CR) exceeds maxBytes; the line is then abandoned.
    Result take(QByteArrayView data, qsizetype *pos, QByteArrayView *line, qsizetype maxBytes)
    {
        if (m_returned) {
            m_line.clear();
            m_returned = false;
        }
        const qsizetype start = *pos;
        const auto *nl
            = static_cast<const char *>(std::memchr(data.data() + start, '\n', size_t(data.size() - start)));
        const qsizetype end = nl ? qsizetype(nl - data.data()) : data.size();
        if (m_line.size() + (end - start) > maxBytes) {
            m_line.clear();
            *pos = end;
            return TooLong;
        }
        if (!nl) {
            m_line.append(data.data() + start, end - start);
            *pos = end;
            return NeedMore;
        }
        *pos = end + 1;
        if (m_line.isEmpty()) {
            *line = data.sliced(start, end - start);
        } else {
            m_line.append(data.data() + start, end - start);
            *line = m_line;
        }
        if (line->endsWith('\r'))
            line->chop(1);
        m_returned = true;
        return Line;
    }

    bool isMidLine() const { return !m_returned && !m_line.isEmpty(); }
    void clear()
    {
        m_line.clear();
        m_returned = false;
    }

private:
    QByteArray m_line;
    bool m_returned = false; // m_line holds the line handed out last: clear it on the next take
};

} // namespace BurgerBench
