#include "protocol/prometheustext.h"

#include <QHash>

#include <cmath>
#include <limits>

namespace BurgerBench {

namespace {

struct KindName
{
    PromKind kind;
    const char *name;
};

constexpr KindName KindNames[] = {
    { PromKind::Untyped, "untyped" },
    { PromKind::Counter, "counter" },
    { PromKind::Gauge, "gauge" },
    { PromKind::Histogram, "histogram" },
    { PromKind::Summary, "summary" },
};

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isLabelStart(char c)
{
    return c != ':' && isNameStart(c);
}

bool isLabelChar(char c)
{
    return c != ':' && isNameChar(c);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isMetricName(QByteArrayView name)
{
    if (name.isEmpty() || !isNameStart(name.front()))
        return false;
    for (char c : name) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

// A cursor over one line.
struct Cursor
{
    QByteArrayView line;
    qsizetype pos = 0;

    bool atEnd() const { return pos >= line.size(); }
    char peek() const { return atEnd() ? '\0' : line[pos]; }
    void skipBlanks()
    {
        while (!atEnd() && isBlank(line[pos]))
            ++pos;
    }
    QByteArrayView token() // up to the next blank or the end
    {
        const qsizetype from = pos;
        while (!atEnd() && !isBlank(line[pos]))
            ++pos;
        return line.sliced(from, pos - from);
    }
};

QString quoted(QByteArrayView bytes)
{
    constexpr qsizetype Shown = 40;
    QString text = QString::fromUtf8(bytes.first(qMin(bytes.size(), Shown)));
    if (bytes.size() > Shown)
        text += QStringLiteral("…");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString unescapeHelp(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '\\' || text[i + 1] == 'n')) {
            out.append(text[i + 1] == 'n' ? '\n' : '\\');
            ++i;
        } else {
            out.append(text[i]);
        }
    }
    return QString::fromUtf8(out);
}

class Parser
{
public:
    Parser(const PromLimits &limits, PromParseResult *result)
        : m_limits(limits)
        , r(*result)
    {
    }

    // false: stop (a cap was reached or `# EOF`).
    bool line(QByteArrayView text, int number);

private:
    bool comment(Cursor &c, int number);
    bool sample(Cursor &c, int number);
    bool labels(Cursor &c, PromLabels *out, QString *error) const;
    void resolveFamily(PromSample &s) const;
    void error(int number, const QString &message)
    {
        ++r.badLines;
        if (int(r.errors.size()) < m_limits.maxErrors)
            r.errors.push_back(PromError { number, message });
    }
    void truncate(int number, const QString &message)
    {
        r.truncated = true;
        if (int(r.errors.size()) < m_limits.maxErrors)
            r.errors.push_back(PromError { number, message });
    }
    // The family `name`, created when new; -1 when the family cap is reached.
    int family(QByteArrayView name, int number);

    const PromLimits &m_limits;
    PromParseResult &r;
    QHash<QByteArray, int> m_families; // name -> index into r.families
    QHash<QByteArray, bool> m_typed; // names with a # TYPE line seen
    QHash<QByteArray, bool> m_helped; // names with a # HELP line seen
};

int Parser::family(QByteArrayView name, int number)
{
    const QByteArray key = name.toByteArray();
    const auto it = m_families.constFind(key);
    if (it != m_families.constEnd())
        return it.value();
    if (int(r.families.size()) >= m_limits.maxFamilies) {
        if (!r.truncated)
            truncate(number,
                QStringLiteral("more than %1 metric families: the rest are ignored")
                    .arg(m_limits.maxFamilies));
        return -1;
    }
    r.families.push_back(PromFamily { key, PromKind::Untyped, QString() });
    m_families.insert(key, int(r.families.size()) - 1);
    return int(r.families.size()) - 1;
}

bool Parser::line(QByteArrayView text, int number)
{
    if (text.endsWith('\r'))
        text.chop(1);
    Cursor c { text };
    c.skipBlanks();
    if (c.atEnd())
        return true;
    if (c.peek() == '#')
        return comment(c, number);
    return sample(c, number);
}

bool Parser::comment(Cursor &c, int number)
{
    ++c.pos; // '#'
    c.skipBlanks();
    const QByteArrayView keyword = c.token();
    if (keyword == "EOF" && c.atEnd())
        return false; // OpenMetrics: nothing after it counts
    const bool help = keyword == "HELP";
    if (!help && keyword != "TYPE")
        return true; // a plain comment
    c.skipBlanks();
    const QByteArrayView name = c.token();
    if (!isMetricName(name)) {
        error(number,
            QStringLiteral("# %1: %2 is not a metric name")
                .arg(QString::fromLatin1(keyword.toByteArray()), quoted(name)));
        return true;
    }
    c.skipBlanks();
    const QByteArrayView rest = c.line.sliced(c.pos);
    const QByteArray key = name.toByteArray();
    if (help) {
        if (m_helped.contains(key)) {
            error(number, QStringLiteral("a second # HELP for %1").arg(quoted(name)));
            return true;
        }
        const int f = family(name, number);
        if (f < 0)
            return true;
        m_helped.insert(key, true);
        r.families[std::size_t(f)].help = unescapeHelp(rest);
        return true;
    }
    QByteArrayView kindName = rest;
    while (!kindName.isEmpty() && isBlank(kindName.back()))
        kindName.chop(1);
    PromKind kind = PromKind::Untyped;
    if (!promKindFromName(kindName, &kind)) {
        error(number, QStringLiteral("# TYPE %1: unknown type %2").arg(quoted(name), quoted(kindName)));
        return true;
    }
    if (m_typed.contains(key)) {
        error(number, QStringLiteral("a second # TYPE for %1").arg(quoted(name)));
        return true;
    }
    const int f = family(name, number);
    if (f < 0)
        return true;
    m_typed.insert(key, true);
    r.families[std::size_t(f)].kind = kind;
    return true;
}

bool Parser::labels(Cursor &c, PromLabels *out, QString *error) const
{
    ++c.pos; // '{'
    for (;;) {
        c.skipBlanks();
        if (c.peek() == '}') {
            ++c.pos;
            return true;
        }
        const qsizetype from = c.pos;
        if (!isLabelStart(c.peek())) {
            *error = c.atEnd()
                ? QStringLiteral("the label set is not closed with '}'")
                : QStringLiteral("a label name cannot start with '%1'").arg(QLatin1Char(c.peek()));
            return false;
        }
        while (!c.atEnd() && isLabelChar(c.peek()))
            ++c.pos;
        const QByteArrayView name = c.line.sliced(from, c.pos - from);
        c.skipBlanks();
        if (c.peek() != '=') {
            *error = QStringLiteral("label %1 has no '='").arg(quoted(name));
            return false;
        }
        ++c.pos;
        c.skipBlanks();
        if (c.peek() != '"') {
            *error = QStringLiteral("the value of label %1 is not quoted").arg(quoted(name));
            return false;
        }
        ++c.pos;
        QByteArray value;
        bool closed = false;
        while (!c.atEnd()) {
            const char ch = c.line[c.pos++];
            if (ch == '"') {
                closed = true;
                break;
            }
            if (ch != '\\') {
                value.append(ch);
                continue;
            }
            const char next = c.peek();
            if (next == '\\' || next == '"') {
                value.append(next);
            } else if (next == 'n') {
                value.append('\n');
            } else {
                *error = QStringLiteral("the value of label %1 has an unknown escape '\\%2'")
                             .arg(quoted(name), c.atEnd() ? QString() : QString(QLatin1Char(next)));
                return false;
            }
            ++c.pos;
        }
        if (!closed) {
            *error = QStringLiteral("the value of label %1 has no closing quote").arg(quoted(name));
            return false;
        }
        for (const auto &label : std::as_const(*out)) {
            if (label.first == name) {
                *error = QStringLiteral("label %1 appears twice").arg(quoted(name));
                return false;
            }
        }
        if (out->size() >= m_limits.maxLabels) {
            *error = QStringLiteral("more than %1 labels").arg(m_limits.maxLabels);
            return false;
        }
        out->append({ name.toByteArray(), value });
        c.skipBlanks();
        if (c.peek() == ',') {
            ++c.pos;
            continue;
        }
        if (c.peek() == '}') {
            ++c.pos;
            return true;
        }
        *error = c.atEnd() ? QStringLiteral("the label set is not closed with '}'")
                           : QStringLiteral("expected ',' or '}' after label %1").arg(quoted(name));
        return false;
    }
}

// A sample belongs to the typed family it names, or whose suffixed form it is (foo_bucket of a
// histogram foo; foo_total of an OpenMetrics counter foo); otherwise it is its own untyped family.
void Parser::resolveFamily(PromSample &s) const
{
    auto typedKind = [this](QByteArrayView name, PromKind *kind) {
        const auto it = m_families.constFind(name.toByteArray());
        if (it == m_families.constEnd() || !m_typed.contains(name.toByteArray()))
            return false;
        *kind = r.families[std::size_t(it.value())].kind;
        return true;
    };
    PromKind kind = PromKind::Untyped;
    if (typedKind(s.name, &kind)) {
        s.family = s.name;
        s.kind = kind;
        return;
    }
    struct Suffix
    {
        const char *text;
        bool histogram, summary, counter;
    };
    static constexpr Suffix Suffixes[] = {
        { "_bucket", true, false, false },
        { "_count", true, true, false },
        { "_sum", true, true, false },
        { "_created", true, true, true },
        { "_total", false, false, true },
    };
    for (const Suffix &suffix : Suffixes) {
        const QByteArrayView tail(suffix.text);
        if (!s.name.endsWith(tail) || s.name.size() == tail.size())
            continue;
        const QByteArrayView base = QByteArrayView(s.name).chopped(tail.size());
        if (!typedKind(base, &kind))
            continue;
        if ((kind == PromKind::Histogram && suffix.histogram) || (kind == PromKind::Summary && suffix.summary)
            || (kind == PromKind::Counter && suffix.counter)) {
            s.family = base.toByteArray();
            s.kind = kind;
            return;
        }
    }
    s.family = s.name;
    s.kind = PromKind::Untyped;
}

bool Parser::sample(Cursor &c, int number)
{
    const qsizetype from = c.pos;
    if (!isNameStart(c.peek())) {
        error(number,
            QStringLiteral("a line must start with a metric name or '#', not %1")
                .arg(quoted(c.line.sliced(c.pos))));
        return true;
    }
    while (!c.atEnd() && isNameChar(c.peek()))
        ++c.pos;
    PromSample s;
    s.name = c.line.sliced(from, c.pos - from).toByteArray();
    c.skipBlanks();
    if (c.peek() == '{') {
        QString message;
        if (!labels(c, &s.labels, &message)) {
            error(number, QStringLiteral("%1: %2").arg(quoted(s.name), message));
            return true;
        }
        c.skipBlanks();
    }
    const QByteArrayView valueToken = c.token();
    if (valueToken.isEmpty()) {
        error(number, QStringLiteral("%1 has no value").arg(quoted(s.name)));
        return true;
    }
    if (!parsePromNumber(valueToken, &s.value)) {
        error(number, QStringLiteral("%1: %2 is not a number").arg(quoted(s.name), quoted(valueToken)));
        return true;
    }
    c.skipBlanks();
    if (!c.atEnd() && c.peek() != '#') {
        const QByteArrayView ts = c.token();
        bool ok = false;
        const qint64 ms = ts.size() <= 19 ? ts.toLongLong(&ok) : 0;
        bool digits = !ts.isEmpty();
        for (qsizetype i = 0; i < ts.size(); ++i)
            digits = digits && ((ts[i] >= '0' && ts[i] <= '9') || (i == 0 && ts[i] == '-' && ts.size() > 1));
        if (!ok || !digits) {
            error(number,
                QStringLiteral("%1: the timestamp %2 is not an integer number of milliseconds")
                    .arg(quoted(s.name), quoted(ts)));
            return true;
        }
        s.hasTimestamp = true;
        s.timestampMs = ms;
        c.skipBlanks();
    }
    // OpenMetrics exemplars (` # {trace_id="…"} 1`) are read past; anything else is an error.
    if (!c.atEnd() && c.peek() != '#') {
        error(number,
            QStringLiteral("%1: unexpected %2 after the value")
                .arg(quoted(s.name), quoted(c.line.sliced(c.pos))));
        return true;
    }
    resolveFamily(s);
    if (s.kind == PromKind::Histogram && s.name.endsWith("_bucket") && s.label("le").isNull()) {
        error(number, QStringLiteral("%1: a histogram bucket without an \"le\" label").arg(quoted(s.name)));
        return true;
    }
    if (s.kind == PromKind::Histogram && s.name.endsWith("_bucket")) {
        double le = 0;
        if (!parsePromNumber(s.label("le"), &le)) {
            error(number,
                QStringLiteral("%1: le=%2 is not a number").arg(quoted(s.name), quoted(s.label("le"))));
            return true;
        }
    }
    if (s.kind == PromKind::Summary && s.name == s.family && s.label("quantile").isNull()) {
        error(number,
            QStringLiteral("%1: a summary quantile without a \"quantile\" label").arg(quoted(s.name)));
        return true;
    }
    if (int(r.samples.size()) >= m_limits.maxSamples) {
        truncate(
            number, QStringLiteral("more than %1 samples: the rest are dropped").arg(m_limits.maxSamples));
        return false;
    }
    r.samples.push_back(std::move(s));
    return true;
}

} // namespace

QByteArray PromSample::label(QByteArrayView key) const
{
    for (const auto &l : labels) {
        if (l.first == key)
            return l.second.isNull() ? QByteArray("") : l.second;
    }
    return QByteArray();
}

QString promKindName(PromKind kind)
{
    for (const KindName &k : KindNames) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return QStringLiteral("untyped");
}

bool promKindFromName(QByteArrayView name, PromKind *kind)
{
    for (const KindName &k : KindNames) {
        if (name == k.name) {
            *kind = k.kind;
            return true;
        }
    }
    if (name == "unknown") { // OpenMetrics
        *kind = PromKind::Untyped;
        return true;
    }
    return false;
}

bool parsePromNumber(QByteArrayView token, double *value)
{
    if (token.isEmpty() || token.size() > 64)
        return false;
    QByteArrayView body = token;
    bool negative = false;
    if (body.front() == '+' || body.front() == '-') {
        negative = body.front() == '-';
        body = body.sliced(1);
    }
    const QByteArray lower = body.toByteArray().toLower();
    if (lower == "inf" || lower == "infinity") {
        *value
            = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    if (lower == "nan") {
        if (body.size() != token.size())
            return false; // "+NaN" is not a number the format knows
        *value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    bool digit = false;
    for (char ch : body) {
        if (ch >= '0' && ch <= '9')
            digit = true;
        else if (ch != '.' && ch != 'e' && ch != 'E' && ch != '+' && ch != '-')
            return false;
    }
    if (!digit)
        return false;
    bool ok = false;
    const double v = token.toByteArray().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return false;
    *value = v;
    return true;
}

PromParseResult parsePrometheusText(QByteArrayView text, const PromLimits &limits)
{
    PromParseResult result;
    if (text.size() > limits.maxBytes) {
        result.refused = true;
        result.errors.push_back(PromError { 0,
            QStringLiteral("the exposition is %1 bytes, more than the limit of %2")
                .arg(text.size())
                .arg(limits.maxBytes) });
        return result;
    }
    Parser parser(limits, &result);
    qsizetype from = 0;
    int number = 0;
    while (from < text.size()) {
        qsizetype end = text.indexOf('\n', from);
        if (end < 0)
            end = text.size();
        ++number;
        if (!parser.line(text.sliced(from, end - from), number))
            break;
        from = end + 1;
    }
    return result;
}

} // namespace BurgerBench
