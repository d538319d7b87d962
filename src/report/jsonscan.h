#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <map>
#include <string>

namespace BurgerBench {

// A large JSON document read without building it whole (issue 19: a 200 MB report re-rendered
// within 1 GiB). The top-level object is scanned once for the extent of each member's value; the
// members named as streamed (the report's long arrays) keep only their extents, every other one
// is parsed into head(). A streamed array is then walked element by element, each element parsed
// on its own: the document is never held as a QJsonDocument, only one element at a time.
//
// The scan checks the structure it walks (strings, nesting, separators, nothing after the end);
// QJsonDocument checks each value it parses. An error names the byte, as QJsonParseError does.
class JsonScan
{
public:
    // `data` must outlive the scan. `streamed`: the member names to keep as extents; they must
    // be arrays.
    JsonScan(QByteArrayView data, const QStringList &streamed);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // "at byte N: what"
    const QJsonObject &head() const { return m_head; }

    bool has(const QString &key) const;
    bool isStreamed(const QString &key) const { return m_arrays.count(key) > 0; }
    // The top level is valid JSON but not an object (an array): a different document, not a broken one.
    bool topIsArray() const { return m_topIsArray; }
    qsizetype count(const QString &key) const; // elements of a streamed array, 0 if absent
    // Parses each element of a streamed array in order and passes it on with its index; stops at
    // the first element that is not valid JSON (false, error() set) or when `visit` says false.
    bool forEach(const QString &key, const std::function<bool(qsizetype, const QJsonValue &)> &visit);

private:
    struct Extent
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        qsizetype count = 0;
    };
    qsizetype skipSpace(qsizetype p) const;
    qsizetype stringEnd(qsizetype p) const; // past the closing quote, -1 if unterminated
    qsizetype valueEnd(qsizetype p) const; // past the value starting at p, -1 if it is cut off
    // Calls `element(begin, end)` for each element of the array at [begin, end); false with the
    // error set on a broken separator.
    bool walk(const Extent &array, const std::function<bool(qsizetype, qsizetype)> &element);
    bool fail(qsizetype at, const QString &what);
    void scan(const QStringList &streamed);

    QByteArrayView m_data;
    QJsonObject m_head;
    std::map<QString, Extent> m_arrays;
    QString m_error;
    bool m_topIsArray = false;
};

} // namespace BurgerBench
