#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace BurgerBench {

// Reads RFC 4180 CSV one record at a time from a device, in bounded memory: fields separated
// by commas, records by CRLF or LF; a field in double quotes may hold commas, line breaks and
// "" (one quote). Text is UTF-8 (a leading byte-order mark is skipped). A record is at most
// maxRecordBytes; a longer one is an error, read no further than that. Errors say what is
// wrong; line() is where the record that failed (or the last one read) starts, 1-based.
class CsvReader
{
public:
    explicit CsvReader(QIODevice *device, qint64 maxRecordBytes = 16 * 1024 * 1024);

    // The next record's fields; false at the end (error() empty) or on an error.
    bool next(QStringList *fields);
    const QString &error() const { return m_error; }
    qint64 line() const { return m_recordLine; }

private:
    bool fill(); // more bytes into m_buffer; false at the end of the device

    QIODevice *m_device;
    qint64 m_maxRecordBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1; // the line m_pos is on
    qint64 m_recordLine = 0;
    bool m_first = true;
    bool m_eof = false;
    QString m_error;
};

} // namespace BurgerBench
