#include "report/jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace BurgerBench {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

JsonScan::JsonScan(QByteArrayView data, const QStringList &streamed)
    : m_data(data)
{
    scan(streamed);
}

bool JsonScan::has(const QString &key) const
{
    return m_arrays.count(key) > 0 || m_head.contains(key);
}

qsizetype JsonScan::count(const QString &key) const
{
    const auto it = m_arrays.find(key);
    return it == m_arrays.end() ? 0 : it->second.count;
}

bool JsonScan::fail(qsizetype at, const QString &what)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("at byte %1: %2").arg(at).arg(what);
    return false;
}

qsizetype JsonScan::skipSpace(qsizetype p) const
{
    while (p < m_data.size() && isSpace(m_data[p]))
        ++p;
    return p;
}

qsizetype JsonScan::stringEnd(qsizetype p) const
{
    for (qsizetype q = p + 1; q < m_data.size(); ++q) {
        if (m_data[q] == '\\')
            ++q; // the escaped character, whatever it is: QJsonDocument checks it
        else if (m_data[q] == '"')
            return q + 1;
    }
    return -1;
}

qsizetype JsonScan::valueEnd(qsizetype p) const
{
    if (p >= m_data.size())
        return -1;
    const char first = m_data[p];
    if (first == '"')
        return stringEnd(p);
    if (first == '{' || first == '[') {
        int depth = 0;
        for (qsizetype q = p; q < m_data.size(); ++q) {
            const char c = m_data[q];
            if (c == '"') {
                q = stringEnd(q);
                if (q < 0)
                    return -1;
                --q;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return q + 1;
            }
        }
        return -1;
    }
    qsizetype q = p;
    while (
        q < m_data.size() && !isSpace(m_data[q]) && m_data[q] != ',' && m_data[q] != ']' && m_data[q] != '}')
        ++q;
    return q == p ? -1 : q;
}

bool JsonScan::walk(const Extent &array, const std::function<bool(qsizetype, qsizetype)> &element)
{
    qsizetype p = skipSpace(array.begin + 1);
    if (p < array.end && m_data[p] == ']')
        return true;
    while (true) {
        const qsizetype end = valueEnd(p);
        if (end < 0 || end > array.end)
            return fail(p, QStringLiteral("an array element is cut off"));
        if (!element(p, end))
            return false;
        p = skipSpace(end);
        if (p < array.end && m_data[p] == ',') {
            p = skipSpace(p + 1);
            continue;
        }
        if (p == array.end - 1 && m_data[p] == ']')
            return true;
        return fail(p, QStringLiteral("expected ',' or ']' after an array element"));
    }
}

void JsonScan::scan(const QStringList &streamed)
{
    qsizetype p = skipSpace(0);
    if (p >= m_data.size() || m_data[p] != '{') {
        m_topIsArray = p < m_data.size() && m_data[p] == '[';
        fail(p,
            p < m_data.size() ? QStringLiteral("the top level is not an object")
                              : QStringLiteral("no document"));
        return;
    }
    p = skipSpace(p + 1);
    if (p < m_data.size() && m_data[p] == '}') {
        if (skipSpace(p + 1) != m_data.size())
            fail(skipSpace(p + 1), QStringLiteral("garbage after the document"));
        return;
    }
    while (true) {
        if (p >= m_data.size() || m_data[p] != '"') {
            fail(p, QStringLiteral("expected a member name"));
            return;
        }
        const qsizetype keyEnd = stringEnd(p);
        if (keyEnd < 0) {
            fail(p, QStringLiteral("unterminated string"));
            return;
        }
        // The name, escapes and all, decoded by the parser itself.
        QJsonParseError keyError;
        const QJsonDocument keyDoc
            = QJsonDocument::fromJson('[' + m_data.sliced(p, keyEnd - p).toByteArray() + ']', &keyError);
        if (keyError.error != QJsonParseError::NoError) {
            fail(p, keyError.errorString());
            return;
        }
        const QString key = keyDoc.array().at(0).toString();
        p = skipSpace(keyEnd);
        if (p >= m_data.size() || m_data[p] != ':') {
            fail(p, QStringLiteral("expected ':' after a member name"));
            return;
        }
        p = skipSpace(p + 1);
        const qsizetype end = valueEnd(p);
        if (end < 0) {
            fail(p, QStringLiteral("a value is cut off"));
            return;
        }
        if (streamed.contains(key) && m_data[p] == '[') {
            Extent extent { p, end, 0 };
            if (!walk(extent, [&extent](qsizetype, qsizetype) {
                    ++extent.count;
                    return true;
                }))
                return;
            m_arrays[key] = extent;
            m_head.remove(key);
        } else {
            // Wrapped so that any value parses, a scalar too; one byte earlier in the error.
            QJsonParseError valueError;
            const QJsonDocument doc
                = QJsonDocument::fromJson('[' + m_data.sliced(p, end - p).toByteArray() + ']', &valueError);
            if (valueError.error != QJsonParseError::NoError) {
                fail(p + std::max(0, valueError.offset - 1), valueError.errorString());
                return;
            }
            m_head.insert(key, doc.array().at(0));
            m_arrays.erase(key);
        }
        p = skipSpace(end);
        if (p < m_data.size() && m_data[p] == ',') {
            p = skipSpace(p + 1);
            continue;
        }
        if (p < m_data.size() && m_data[p] == '}') {
            if (skipSpace(p + 1) != m_data.size())
                fail(skipSpace(p + 1), QStringLiteral("garbage after the document"));
            return;
        }
        fail(p, QStringLiteral("expected ',' or '}' after a member"));
        return;
    }
}

bool JsonScan::forEach(const QString &key, const std::function<bool(qsizetype, const QJsonValue &)> &visit)
{
    const auto it = m_arrays.find(key);
    if (it == m_arrays.end()) {
        // Not streamed (or absent): the head's array, if it holds one.
        const QJsonArray a = m_head.value(key).toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!visit(i, a.at(i)))
                return false;
        }
        return true;
    }
    qsizetype index = 0;
    return walk(it->second, [&](qsizetype begin, qsizetype end) {
        const QByteArrayView slice = m_data.sliced(begin, end - begin);
        QJsonParseError error;
        QJsonValue value;
        if (slice.front() == '{' || slice.front() == '[') {
            const QJsonDocument doc = QJsonDocument::fromJson(slice.toByteArray(), &error);
            if (error.error != QJsonParseError::NoError)
                return fail(begin + error.offset, error.errorString());
            value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        } else {
            const QJsonDocument doc = QJsonDocument::fromJson('[' + slice.toByteArray() + ']', &error);
            if (error.error != QJsonParseError::NoError)
                return fail(begin + std::max(0, error.offset - 1), error.errorString());
            value = doc.array().at(0);
        }
        return visit(index++, value);
    });
}

} // namespace BurgerBench
