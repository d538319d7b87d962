#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cstring>

// HTTP's small syntax rules (RFC 9110 §5.6), shared by every parser and validator that reads or
// writes header fields: the response parser, the chunked decoder's trailers, the simulator's
// request parser and the scenario's header check. Header-only: pure functions of bytes.
namespace BurgerBench::HttpSyntax {

// A token character (tchar).
inline bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// A non-empty run of tchars: a valid field name or method.
inline bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

inline bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

// A CR or NUL: never allowed inside a field line (a bare LF already ends it).
inline bool hasCrOrNul(QByteArrayView s)
{
    return s.contains('\r') || s.contains('\0');
}

// Without leading and trailing optional whitespace (SP, HTAB).
inline QByteArrayView trimmedOws(QByteArrayView s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && (s[begin] == ' ' || s[begin] == '\t'))
        ++begin;
    while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        --end;
    return s.sliced(begin, end - begin);
}

// Calls f(element) for each comma-separated, OWS-trimmed, non-empty element of a list header.
template<typename F> void forEachListElement(QByteArrayView value, F f)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        const QByteArrayView element = trimmedOws(value.sliced(start, comma - start));
        if (!element.isEmpty())
            f(element);
        start = comma + 1;
    }
}

} // namespace BurgerBench::HttpSyntax
