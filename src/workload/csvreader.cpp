#include "workload/csvreader.h"

namespace BurgerBench {

namespace {

constexpr qint64 ChunkBytes = 64 * 1024;

} // namespace

CsvReader::CsvReader(QIODevice *device, qint64 maxRecordBytes)
    : m_device(device)
    , m_maxRecordBytes(maxRecordBytes)
{
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray more = m_device->read(ChunkBytes);
    if (more.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_buffer += more;
    if (m_first) {
        m_first = false;
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }
    return true;
}

bool CsvReader::next(QStringList *fields)
{
    fields->clear();
    m_error.clear();
    // Blank lines between records are not records.
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill())
            return false;
        const char c = m_buffer.at(m_pos);
        if (c == '\n') {
            ++m_pos;
            ++m_line;
        } else if (c == '\r') {
            ++m_pos;
        } else {
            break;
        }
    }
    m_recordLine = m_line;
    QByteArray field;
    qint64 recordBytes = 0;
    bool quoted = false; // inside a quoted field
    bool wasQuoted = false; // the current field was quoted and has closed
    auto at = [this](char *out) {
        if (m_pos >= m_buffer.size() && !fill())
            return false;
        *out = m_buffer.at(m_pos);
        return true;
    };
    for (;;) {
        char c = 0;
        if (!at(&c)) {
            if (quoted) {
                m_error = QStringLiteral("a quoted field opened on line %1 is not closed").arg(m_recordLine);
                return false;
            }
            fields->append(QString::fromUtf8(field));
            return true;
        }
        if (++recordBytes > m_maxRecordBytes) {
            m_error = QStringLiteral("record longer than %1 MiB").arg(m_maxRecordBytes >> 20);
            return false;
        }
        ++m_pos;
        if (quoted) {
            if (c == '"') {
                char d = 0;
                if (at(&d) && d == '"') {
                    ++m_pos;
                    field += '"';
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                if (c == '\n')
                    ++m_line;
                field += c;
            }
            continue;
        }
        if (c == ',') {
            fields->append(QString::fromUtf8(field));
            field.clear();
            wasQuoted = false;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (c == '\r') {
                char d = 0;
                if (at(&d) && d == '\n')
                    ++m_pos;
            }
            ++m_line;
            fields->append(QString::fromUtf8(field));
            return true;
        }
        if (wasQuoted) {
            m_error = QStringLiteral("field %1: text after its closing quote").arg(fields->size() + 1);
            return false;
        }
        if (c == '"') {
            if (!field.isEmpty()) {
                m_error = QStringLiteral("field %1: a quote inside an unquoted field (quote the whole field "
                                         "and double the quote)")
                              .arg(fields->size() + 1);
                return false;
            }
            quoted = true;
            continue;
        }
        field += c;
    }
}

} // namespace BurgerBench
