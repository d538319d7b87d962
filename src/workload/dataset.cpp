#include "workload/dataset.h"

#include "workload/csvreader.h"
#include "workload/lengthdistribution.h"
#include "workload/promptsynth.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <random>

namespace BurgerBench::Dataset {

namespace {

constexpr int BlockTokens = 512; // a Mooncake hash_ids block
constexpr double MaxHash = 9007199254740992.0; // 2^53: every whole number a JSON double holds

QString fieldKey(const Options &o, const char *name)
{
    const QString n = QLatin1String(name);
    return o.fields.value(n, n);
}

QString quoted(const QString &key)
{
    return u'"' + key + u'"';
}

qsizetype utf8Bytes(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < 0x80)
            n += 1;
        else if (c < 0x800)
            n += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < s.size()
            && QChar::isLowSurrogate(s.at(i + 1).unicode())) {
            n += 4;
            ++i;
        } else {
            n += 3;
        }
    }
    return n;
}

// A whole number from lo to hi, or false.
bool wholeNumber(const QJsonValue &v, double lo, double hi, double *out)
{
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < lo || d > hi)
        return false;
    *out = d;
    return true;
}

using Getter = std::function<QJsonValue(const QString &key)>;

// The optional fields every row format shares: timestamp and session_id.
bool readTimingAndSession(const Getter &get, const Options &opt, DatasetRow *row, QString *what)
{
    const QString tsKey = fieldKey(opt, "timestamp");
    const QJsonValue ts = get(tsKey);
    if (!ts.isUndefined()) {
        const double d = ts.toDouble();
        if (!ts.isDouble() || !std::isfinite(d) || d < 0 || d > 1e15) {
            *what = quoted(tsKey) + QStringLiteral(" must be a time in ms from 0");
            return false;
        }
        row->timestampMs = qint64(std::llround(d));
    }
    const QString sessionKey = fieldKey(opt, "session_id");
    const QJsonValue session = get(sessionKey);
    if (!session.isUndefined()) {
        double d = 0;
        if (session.isString() && !session.toString().isEmpty())
            row->sessionId = session.toString();
        else if (wholeNumber(session, -MaxHash, MaxHash, &d))
            row->sessionId = QString::number(qint64(d));
        else {
            *what = quoted(sessionKey) + QStringLiteral(" must be a non-empty string or a whole number");
            return false;
        }
    }
    return true;
}

// A JSONL or CSV row: prompt or messages, output_tokens, timestamp, session_id.
bool readRequestRow(const Getter &get, const Options &opt, DatasetRow *row, QString *what)
{
    const QString promptKey = fieldKey(opt, "prompt");
    const QString messagesKey = fieldKey(opt, "messages");
    const QJsonValue prompt = get(promptKey);
    const QJsonValue messages = get(messagesKey);
    if (!prompt.isUndefined() && !messages.isUndefined()) {
        *what = QStringLiteral("has both %1 and %2; give one").arg(quoted(promptKey), quoted(messagesKey));
        return false;
    }
    if (!prompt.isUndefined()) {
        if (!prompt.isString() || prompt.toString().isEmpty()) {
            *what = quoted(promptKey) + QStringLiteral(" must be a non-empty string");
            return false;
        }
        row->prompt = prompt.toString();
    } else if (!messages.isUndefined()) {
        if (!messages.isArray() || messages.toArray().isEmpty()) {
            *what = quoted(messagesKey)
                + QStringLiteral(" must be a non-empty list of {\"role\", \"content\"}");
            return false;
        }
        const QJsonArray list = messages.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject m = list.at(i).toObject();
            if (!list.at(i).isObject() || !m.value(QLatin1String("role")).isString()
                || !m.value(QLatin1String("content")).isString()) {
                *what = QStringLiteral("%1[%2] must be {\"role\": string, \"content\": string}")
                            .arg(messagesKey)
                            .arg(i);
                return false;
            }
        }
        row->messages = list;
    } else {
        *what = QStringLiteral("missing %1 (or %2)").arg(quoted(promptKey), quoted(messagesKey));
        return false;
    }
    const QString outKey = fieldKey(opt, "output_tokens");
    const QJsonValue out = get(outKey);
    if (!out.isUndefined()) {
        double d = 0;
        if (!wholeNumber(out, 1, LengthDistribution::MaxLength, &d)) {
            *what = quoted(outKey) + QStringLiteral(" must be a whole number from 1 to 1000000");
            return false;
        }
        row->outputTokens = int(d);
    }
    return readTimingAndSession(get, opt, row, what);
}

// A Mooncake trace row: input_length, output_length, hash_ids, timestamp (and session_id).
bool readTraceRow(const Getter &get, const Options &opt, DatasetRow *row, QString *what)
{
    const QString inKey = fieldKey(opt, "input_length");
    const QString outKey = fieldKey(opt, "output_length");
    const QString hashKey = fieldKey(opt, "hash_ids");
    double d = 0;
    const QJsonValue in = get(inKey);
    if (in.isUndefined()) {
        *what = QStringLiteral("missing ") + quoted(inKey);
        return false;
    }
    if (!wholeNumber(in, 1, LengthDistribution::MaxLength, &d)) {
        *what = quoted(inKey) + QStringLiteral(" must be a whole number from 1 to 1000000");
        return false;
    }
    row->inputTokens = int(d);
    const QJsonValue out = get(outKey);
    if (out.isUndefined()) {
        *what = QStringLiteral("missing ") + quoted(outKey);
        return false;
    }
    if (!wholeNumber(out, 1, LengthDistribution::MaxLength, &d)) {
        *what = quoted(outKey) + QStringLiteral(" must be a whole number from 1 to 1000000");
        return false;
    }
    row->outputTokens = int(d);
    const QJsonValue hashes = get(hashKey);
    if (!hashes.isUndefined()) {
        if (!hashes.isArray()) {
            *what = quoted(hashKey) + QStringLiteral(" must be a list of whole numbers");
            return false;
        }
        const QJsonArray list = hashes.toArray();
        const qsizetype blocks = (row->inputTokens + BlockTokens - 1) / BlockTokens;
        if (list.size() > blocks) {
            *what = QStringLiteral("%1 has %2 blocks, more than %3 of %4 tokens needs (%5 tokens a block)")
                        .arg(quoted(hashKey))
                        .arg(list.size())
                        .arg(quoted(inKey))
                        .arg(row->inputTokens)
                        .arg(BlockTokens);
            return false;
        }
        row->hashIds.reserve(size_t(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!wholeNumber(list.at(i), 0, MaxHash, &d)) {
                *what = QStringLiteral("%1[%2] must be a whole number from 0 to 2^53").arg(hashKey).arg(i);
                return false;
            }
            row->hashIds.push_back(quint64(d));
        }
    }
    return readTimingAndSession(get, opt, row, what);
}

// Filters, then sampling over units (a row of its own, or every turn of one session), then the
// rows out in file order. Memory: the units kept, plus one small entry per session seen.
class Sink
{
public:
    Sink(const Options &options, const TokenModel &tokens, Stats *stats)
        : m_options(options)
        , m_tokens(tokens)
        , m_stats(stats)
        , m_rng(mixSeed(options.seed, 5))
    {
        if (m_options.sampleReplace && m_options.sample > 0)
            m_slots.resize(size_t(m_options.sample));
    }

    void offer(DatasetRow row)
    {
        ++m_stats->rows;
        const int input = inputTokens(row, m_tokens);
        if (m_options.minInputTokens > 0 && input < m_options.minInputTokens) {
            ++m_stats->tooShort;
            return;
        }
        if (m_options.maxInputTokens > 0 && input > m_options.maxInputTokens) {
            ++m_stats->tooLong;
            return;
        }
        if (m_options.maxOutputTokens > 0 && row.outputTokens > m_options.maxOutputTokens) {
            ++m_stats->outputTooLong;
            return;
        }
        if (!row.sessionId.isEmpty()) {
            auto it = m_sessions.find(row.sessionId);
            if (it != m_sessions.end()) {
                row.turn = it->turns++;
                if (const auto unit = it->unit.lock())
                    unit->rows.push_back(std::move(row));
                return;
            }
            row.turn = 0;
            const QString id = row.sessionId;
            auto unit = std::make_shared<Unit>();
            unit->rows.push_back(std::move(row));
            admit(unit);
            m_sessions.insert(id, Session { 1, unit });
            return;
        }
        auto unit = std::make_shared<Unit>();
        unit->rows.push_back(std::move(row));
        admit(std::move(unit));
    }

    void finish(std::vector<DatasetRow> *out)
    {
        std::vector<std::shared_ptr<Unit>> taken;
        for (auto &s : m_slots) {
            if (s)
                taken.push_back(std::move(s));
        }
        m_slots.clear();
        m_sessions.clear();
        std::stable_sort(
            taken.begin(), taken.end(), [](const auto &a, const auto &b) { return a->order < b->order; });
        out->clear();
        const Unit *previous = nullptr;
        int copy = 1;
        for (const auto &unit : taken) {
            copy = unit.get() == previous ? copy + 1 : 1;
            previous = unit.get();
            for (const DatasetRow &row : unit->rows) {
                out->push_back(row);
                if (copy > 1 && !row.sessionId.isEmpty())
                    out->back().sessionId += QStringLiteral("#%1").arg(copy);
            }
            m_stats->sessions += unit->rows.front().sessionId.isEmpty() ? 0 : 1;
        }
        m_stats->kept = qint64(out->size());
    }

private:
    struct Unit
    {
        qint64 order = 0;
        std::vector<DatasetRow> rows;
    };
    struct Session
    {
        int turns = 0;
        std::weak_ptr<Unit> unit; // expired: the session is not in the sample
    };

    void admit(std::shared_ptr<Unit> unit)
    {
        const qint64 n = m_seen++;
        unit->order = n;
        const int sample = m_options.sample;
        if (sample <= 0) {
            m_slots.push_back(std::move(unit));
        } else if (!m_options.sampleReplace) {
            // Algorithm R: the first `sample` units fill the reservoir, unit n (0-based) then
            // replaces a random slot with probability sample / (n + 1).
            if (qint64(m_slots.size()) < sample) {
                m_slots.push_back(std::move(unit));
            } else {
                const quint64 j = m_rng() % quint64(n + 1);
                if (j < quint64(sample))
                    m_slots[size_t(j)] = std::move(unit);
            }
        } else if (n == 0) {
            std::fill(m_slots.begin(), m_slots.end(), unit);
        } else {
            // With replacement: `sample` independent reservoirs of one, each taking unit n with
            // probability p = 1 / (n + 1). The slots it takes are found by geometric jumps, so
            // a unit costs O(slots taken), not O(sample).
            const double p = 1.0 / double(n + 1);
            const double logQ = std::log1p(-p);
            qint64 slot = -1;
            for (;;) {
                const double u = (double(m_rng() >> 11) + 0.5) * 0x1.0p-53;
                const double jump = std::floor(std::log(u) / logQ);
                if (jump >= double(sample - slot - 1))
                    break;
                slot += qint64(jump) + 1;
                m_slots[size_t(slot)] = unit;
            }
        }
    }

    const Options &m_options;
    const TokenModel &m_tokens;
    Stats *m_stats;
    std::mt19937_64 m_rng;
    std::vector<std::shared_ptr<Unit>> m_slots;
    QHash<QString, Session> m_sessions;
    qint64 m_seen = 0;
};

QString at(const QString &path, qint64 line)
{
    return QStringLiteral("%1:%2: ").arg(path).arg(line);
}

// A line of at most `limit` bytes, read in pieces: QIODevice::readLine(n) allocates n bytes up
// front, 16 MiB for every short line.
QByteArray readLineUpTo(QIODevice &file, qint64 limit)
{
    QByteArray bytes;
    while (bytes.size() < limit && !bytes.endsWith('\n')) {
        const QByteArray piece = file.readLine(std::min<qint64>(64 * 1024, limit - bytes.size()));
        if (piece.isEmpty())
            break;
        bytes.append(piece);
    }
    return bytes;
}

// Reads lines of at most MaxLineBytes; false with an error past that.
bool readLine(QIODevice &file, const QString &path, qint64 line, QByteArray *bytes, QString *error)
{
    // One byte past the cap tells a line that is too long from one that just fits.
    *bytes = readLineUpTo(file, MaxLineBytes + 2);
    if (bytes->size() > MaxLineBytes + 1 || (bytes->size() == MaxLineBytes + 1 && !bytes->endsWith('\n'))) {
        *error = at(path, line) + QStringLiteral("line longer than %1 MiB").arg(MaxLineBytes >> 20);
        return false;
    }
    return true;
}

bool loadJsonLines(
    QIODevice &file, const QString &path, bool trace, const Options &opt, Sink &sink, QString *error)
{
    qint64 line = 0;
    QByteArray bytes;
    while (!file.atEnd()) {
        ++line;
        if (!readLine(file, path, line, &bytes, error))
            return false;
        if (bytes.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = at(path, line)
                + QStringLiteral("not valid JSON at column %1: %2")
                      .arg(parseError.offset + 1)
                      .arg(parseError.errorString());
            return false;
        }
        if (!doc.isObject()) {
            *error = at(path, line) + QStringLiteral("a row must be a JSON object");
            return false;
        }
        const QJsonObject o = doc.object();
        const Getter get = [&o](const QString &key) { return o.value(key); };
        DatasetRow row;
        QString what;
        if (!(trace ? readTraceRow(get, opt, &row, &what) : readRequestRow(get, opt, &row, &what))) {
            *error = at(path, line) + what;
            return false;
        }
        sink.offer(std::move(row));
    }
    return true;
}

// A CSV cell as the JSON value the row reader checks: messages is JSON text, numbers are
// numbers when they parse (else left as text, for the reader's message), the rest strings.
bool cellValue(const QString &name, const QString &cell, QJsonValue *out, QString *what)
{
    if (name == QLatin1String("messages")) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(cell.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *what = QStringLiteral("the messages cell is not valid JSON at byte %1: %2")
                        .arg(parseError.offset + 1)
                        .arg(parseError.errorString());
            return false;
        }
        *out = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        return true;
    }
    if (name == QLatin1String("output_tokens") || name == QLatin1String("timestamp")) {
        bool ok = false;
        const double d = cell.trimmed().toDouble(&ok);
        *out = ok ? QJsonValue(d) : QJsonValue(cell);
        return true;
    }
    *out = cell;
    return true;
}

bool loadCsv(QIODevice &file, const QString &path, const Options &opt, Sink &sink, QString *error)
{
    CsvReader csv(&file, MaxLineBytes);
    QStringList header;
    if (!csv.next(&header)) {
        *error = csv.error().isEmpty() ? QStringLiteral("%1: the dataset is empty").arg(path)
                                       : at(path, csv.line()) + csv.error();
        return false;
    }
    // Column index by our field name; columns we do not read are ignored.
    QHash<QString, qsizetype> columns;
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header.indexOf(header.at(i)) != i) {
            *error = at(path, csv.line())
                + QStringLiteral("the header names column \"%1\" twice").arg(header.at(i));
            return false;
        }
    }
    for (const QString &name : fieldNames()) {
        const qsizetype i = header.indexOf(fieldKey(opt, name.toLatin1().constData()));
        if (i >= 0)
            columns.insert(name, i);
    }
    if (!columns.contains(QStringLiteral("prompt")) && !columns.contains(QStringLiteral("messages"))) {
        *error = at(path, csv.line())
            + QStringLiteral("the header has no %1 or %2 column (it has: %3)")
                  .arg(quoted(fieldKey(opt, "prompt")), quoted(fieldKey(opt, "messages")),
                      header.join(QStringLiteral(", ")));
        return false;
    }
    QStringList cells;
    while (csv.next(&cells)) {
        if (cells.size() != header.size()) {
            *error = at(path, csv.line())
                + QStringLiteral("%1 fields, the header has %2").arg(cells.size()).arg(header.size());
            return false;
        }
        QHash<QString, QJsonValue> values;
        QString what;
        for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
            const QString &cell = cells.at(it.value());
            if (cell.isEmpty())
                continue; // an empty cell is a field not given
            QJsonValue v;
            if (!cellValue(it.key(), cell, &v, &what)) {
                *error = at(path, csv.line()) + what;
                return false;
            }
            values.insert(fieldKey(opt, it.key().toLatin1().constData()), v);
        }
        const Getter get = [&values](const QString &key) { return values.value(key, QJsonValue::Undefined); };
        DatasetRow row;
        if (!readRequestRow(get, opt, &row, &what)) {
            *error = at(path, csv.line()) + what;
            return false;
        }
        sink.offer(std::move(row));
    }
    if (!csv.error().isEmpty()) {
        *error = at(path, csv.line()) + csv.error();
        return false;
    }
    return true;
}

// The items of a top-level JSON list one at a time: a small scanner finds each item's extent
// (strings and nesting), so only one item is in memory; QJsonDocument parses it.
class JsonListReader
{
public:
    explicit JsonListReader(QIODevice *device)
        : m_device(device)
    {
    }

    // The list's '['; false with a message.
    bool begin(QString *error)
    {
        if (peek() == 0xEF) { // a UTF-8 byte-order mark
            for (int i = 0; i < 3 && peek() >= 0; ++i)
                ++m_pos;
        }
        skipSpace();
        if (peek() != '[') {
            *error = QStringLiteral(
                "a ShareGPT file is a JSON list of {\"conversations\": [...]} (it starts with '[')");
            return false;
        }
        ++m_pos;
        return true;
    }

    // The next item's bytes and the line it starts on; false at the list's end (error empty)
    // or on an error.
    bool next(QByteArray *item, qint64 *line, QString *error)
    {
        item->clear();
        skipSpace();
        int c = peek();
        if (m_items > 0) {
            if (c == ']') {
                ++m_pos;
                return end(error);
            }
            if (c != ',') {
                *error = c < 0 ? notClosed()
                               : QStringLiteral("expected ',' or ']' after item %1").arg(m_items - 1);
                return false;
            }
            ++m_pos;
            skipSpace();
            c = peek();
        } else if (c == ']') {
            ++m_pos;
            return end(error);
        }
        *line = m_line;
        if (c < 0) {
            *error = notClosed();
            return false;
        }
        if (c == ']' || c == ',') {
            *error = QStringLiteral("item %1 is missing (a ',' with no value after it)").arg(m_items);
            return false;
        }
        const char first = char(c);
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        for (;;) {
            c = peek();
            if (c < 0) {
                if (first != '{' && first != '[' && first != '"')
                    break; // a scalar item at the end of the file: the ']' is missing
                *error = notClosed();
                return false;
            }
            const char ch = char(c);
            if (first != '{' && first != '[' && first != '"' && (ch == ',' || ch == ']' || isSpace(ch)))
                break; // the end of a scalar item
            if (item->size() >= MaxItemBytes) {
                *error = QStringLiteral("item %1 is longer than %2 MiB").arg(m_items).arg(MaxItemBytes >> 20);
                return false;
            }
            item->append(ch);
            ++m_pos;
            if (ch == '\n')
                ++m_line;
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (ch == '\\')
                    escaped = true;
                else if (ch == '"') {
                    inString = false;
                    if (depth == 0)
                        break; // a string item
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                ++depth;
            } else if ((ch == '}' || ch == ']') && --depth == 0) {
                break;
            }
        }
        ++m_items;
        return true;
    }

    qint64 line() const { return m_line; }
    qint64 items() const { return m_items; }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

    int peek()
    {
        if (m_pos >= m_buffer.size()) {
            m_buffer = m_device->read(64 * 1024);
            m_pos = 0;
            if (m_buffer.isEmpty())
                return -1;
        }
        return static_cast<unsigned char>(m_buffer.at(m_pos));
    }

    void skipSpace()
    {
        for (int c = peek(); c >= 0 && isSpace(char(c)); c = peek()) {
            if (c == '\n')
                ++m_line;
            ++m_pos;
        }
    }

    bool end(QString *error)
    {
        skipSpace();
        if (peek() >= 0) {
            *error = QStringLiteral("text after the list's closing ']'");
            return false;
        }
        return false;
    }

    QString notClosed() const
    {
        return QStringLiteral("the file ends inside the list (item %1 or its ']' is cut off)").arg(m_items);
    }

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_items = 0;
};

bool loadShareGpt(QIODevice &file, const QString &path, const Options &opt, const TokenModel &tokens,
    Sink &sink, Stats *stats, QString *error)
{
    JsonListReader list(&file);
    if (!list.begin(error)) {
        *error = at(path, list.line()) + *error;
        return false;
    }
    TokenModel bare = tokens;
    bare.overheadTokens = 0;
    QByteArray bytes;
    qint64 line = 1;
    QString listError;
    while (list.next(&bytes, &line, &listError)) {
        const qint64 i = list.items() - 1;
        const QString where = at(path, line) + QStringLiteral("item %1: ").arg(i);
        if (!bytes.startsWith('{')) {
            *error = where + QStringLiteral("missing \"conversations\" (a list of {\"from\", \"value\"})");
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const qint64 errorLine = line + bytes.left(parseError.offset).count('\n');
            *error = QStringLiteral("%1:%2: item %3: not valid JSON at byte %4 of the item: %5")
                         .arg(path)
                         .arg(errorLine)
                         .arg(i)
                         .arg(parseError.offset + 1)
                         .arg(parseError.errorString());
            return false;
        }
        const QJsonValue conv = doc.object().value(QLatin1String("conversations"));
        if (!doc.isObject() || !conv.isArray()) {
            *error = where + QStringLiteral("missing \"conversations\" (a list of {\"from\", \"value\"})");
            return false;
        }
        const QJsonArray turns = conv.toArray();
        QString prompt;
        int rowsHere = 0;
        for (qsizetype t = 0; t < turns.size(); ++t) {
            const QJsonObject turn = turns.at(t).toObject();
            const QJsonValue from = turn.value(QLatin1String("from"));
            const QJsonValue value = turn.value(QLatin1String("value"));
            if (!from.isString() || !value.isString()) {
                *error = where
                    + QStringLiteral("conversations[%1] must be {\"from\": string, \"value\": string}")
                          .arg(t);
                return false;
            }
            const QString who = from.toString();
            if (who == QLatin1String("human") || who == QLatin1String("user")) {
                if (prompt.isEmpty() || opt.multiTurn)
                    prompt = value.toString();
            } else if (!prompt.isEmpty()
                && (who == QLatin1String("gpt") || who == QLatin1String("assistant"))) {
                DatasetRow row;
                row.prompt = prompt;
                row.outputTokens = std::max(1, bare.tokensFor(utf8Bytes(value.toString())));
                if (opt.multiTurn)
                    row.sessionId = QString::number(i);
                sink.offer(std::move(row));
                ++rowsHere;
                prompt.clear();
                if (!opt.multiTurn)
                    break;
            }
        }
        if (rowsHere == 0)
            ++stats->skipped;
    }
    if (!listError.isEmpty()) {
        *error = at(path, list.line()) + listError;
        return false;
    }
    return true;
}

// 52341 as "52,341".
QString number(qint64 n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return n < 0 ? u'-' + digits : digits;
}

} // namespace

QStringList fieldNames()
{
    return { QStringLiteral("prompt"), QStringLiteral("messages"), QStringLiteral("output_tokens"),
        QStringLiteral("timestamp"), QStringLiteral("session_id"), QStringLiteral("input_length"),
        QStringLiteral("output_length"), QStringLiteral("hash_ids") };
}

bool parseField(const QString &spec, QMap<QString, QString> *fields, QString *error)
{
    const qsizetype eq = spec.indexOf(u'=');
    const QString name = spec.left(eq).trimmed();
    const QString column = eq < 0 ? QString() : spec.mid(eq + 1).trimmed();
    if (eq < 0 || name.isEmpty() || column.isEmpty()) {
        *error = QStringLiteral("--dataset-field: expected NAME=COLUMN, like prompt=question (got \"%1\")")
                     .arg(spec);
        return false;
    }
    if (!fieldNames().contains(name)) {
        *error = QStringLiteral("--dataset-field: \"%1\" is not a field; the fields are %2")
                     .arg(name, fieldNames().join(QStringLiteral(", ")));
        return false;
    }
    fields->insert(name, column);
    return true;
}

bool validFormat(const QString &format)
{
    static const QStringList formats = { QStringLiteral("auto"), QStringLiteral("jsonl"),
        QStringLiteral("csv"), QStringLiteral("mooncake"), QStringLiteral("sharegpt") };
    return formats.contains(format);
}

int inputTokens(const DatasetRow &row, const TokenModel &tokens)
{
    if (row.inputTokens >= 0)
        return row.inputTokens;
    qsizetype bytes = utf8Bytes(row.prompt);
    for (const auto &m : row.messages)
        bytes += utf8Bytes(m.toObject().value(QLatin1String("content")).toString());
    return tokens.tokensFor(bytes);
}

QString Stats::summary(const Options &options) const
{
    QString s
        = QStringLiteral("%1 of %2 %3 kept")
              .arg(number(kept), number(rows), rows == 1 ? QLatin1String("row") : QLatin1String("rows"));
    if (sessions > 0)
        s += QStringLiteral(" (%1 sessions)").arg(number(sessions));
    if (options.sample > 0)
        s += QStringLiteral(", sample %1 %2 replacement")
                 .arg(number(options.sample),
                     options.sampleReplace ? QLatin1String("with") : QLatin1String("without"));
    QStringList why;
    if (tooShort > 0)
        why << QStringLiteral("%1 input below %2 tokens").arg(number(tooShort)).arg(options.minInputTokens);
    if (tooLong > 0)
        why << QStringLiteral("%1 input above %2 tokens").arg(number(tooLong)).arg(options.maxInputTokens);
    if (outputTooLong > 0)
        why << QStringLiteral("%1 output above %2 tokens")
                   .arg(number(outputTooLong))
                   .arg(options.maxOutputTokens);
    if (!why.isEmpty())
        s += QStringLiteral("; filtered out ") + why.join(QStringLiteral(", "));
    if (skipped > 0)
        s += QStringLiteral("; %1 conversations without a human turn answered by gpt skipped")
                 .arg(number(skipped));
    return s;
}

bool detectFormat(const QString &path, QString *format, QString *error, const QMap<QString, QString> &fields)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString());
        return false;
    }
    return detectFormat(file, path, format, error, fields);
}

bool detectFormat(QIODevice &file, const QString &path, QString *format, QString *error,
    const QMap<QString, QString> &fields)
{
    Options opt;
    opt.fields = fields;
    char c = 0;
    bool any = false;
    qint64 skipped = 0;
    while (file.getChar(&c)) {
        // White space, and a UTF-8 byte-order mark's three bytes.
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || (skipped < 3 && (c & 0x80))) {
            ++skipped;
            continue;
        }
        any = true;
        break;
    }
    if (!any) {
        *error = QStringLiteral("%1: the dataset is empty").arg(path);
        return false;
    }
    if (c == '[') {
        *format = QStringLiteral("sharegpt");
        return true;
    }
    file.ungetChar(c);
    const QByteArray first = readLineUpTo(file, MaxLineBytes + 1);
    if (c == '{') {
        const QJsonObject o = QJsonDocument::fromJson(first).object();
        *format = o.contains(fieldKey(opt, "input_length")) || o.contains(fieldKey(opt, "hash_ids"))
            ? QStringLiteral("mooncake")
            : QStringLiteral("jsonl");
        return true;
    }
    QBuffer buffer;
    buffer.setData(first);
    buffer.open(QIODevice::ReadOnly);
    CsvReader csv(&buffer, MaxLineBytes);
    QStringList header;
    if (csv.next(&header)
        && (header.contains(fieldKey(opt, "prompt")) || header.contains(fieldKey(opt, "messages")))) {
        *format = QStringLiteral("csv");
        return true;
    }
    *error = QStringLiteral("%1: cannot tell the format (a JSONL or Mooncake row starts with '{', a ShareGPT "
                            "list with '[', a CSV header names a \"%2\" or \"%3\" column); give "
                            "--dataset-format jsonl, csv, mooncake or sharegpt")
                 .arg(path, fieldKey(opt, "prompt"), fieldKey(opt, "messages"));
    return false;
}

bool load(const QString &path, const Options &options, const TokenModel &tokens,
    std::vector<DatasetRow> *rows, Stats *stats, QString *error)
{
    rows->clear();
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("%1: not a regular file").arg(path);
        return false;
    }
    QFile file(path);
    if (validFormat(options.format.isEmpty() ? QStringLiteral("auto") : options.format)
        && !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString());
        return false;
    }
    return load(file, path, options, tokens, rows, stats, error);
}

bool load(QIODevice &file, const QString &path, const Options &options, const TokenModel &tokens,
    std::vector<DatasetRow> *rows, Stats *stats, QString *error)
{
    Stats local;
    Stats &st = stats ? *stats : local;
    st = Stats();
    rows->clear();
    QString format = options.format.isEmpty() ? QStringLiteral("auto") : options.format;
    if (!validFormat(format)) {
        *error = QStringLiteral("dataset format: must be auto, jsonl, csv, mooncake or sharegpt (got \"%1\")")
                     .arg(format);
        return false;
    }
    if (format == QLatin1String("auto")) {
        if (!detectFormat(file, path, &format, error, options.fields))
            return false;
        if (!file.seek(0)) {
            *error = QStringLiteral("%1: cannot read it again after telling its format (%2)")
                         .arg(path, file.errorString());
            return false;
        }
    }
    st.format = format;
    Sink sink(options, tokens, &st);
    bool ok = false;
    if (format == QLatin1String("jsonl") || format == QLatin1String("mooncake"))
        ok = loadJsonLines(file, path, format == QLatin1String("mooncake"), options, sink, error);
    else if (format == QLatin1String("csv"))
        ok = loadCsv(file, path, options, sink, error);
    else
        ok = loadShareGpt(file, path, options, tokens, sink, &st, error);
    if (!ok) {
        rows->clear();
        return false;
    }
    sink.finish(rows);
    if (rows->empty()) {
        if (st.filtered() > 0)
            *error = QStringLiteral("%1: every row was filtered out (%2)").arg(path, st.summary(options));
        else if (format == QLatin1String("sharegpt"))
            *error = QStringLiteral("%1: no conversation has a human turn followed by a gpt turn").arg(path);
        else
            *error = QStringLiteral("%1: the dataset has no rows").arg(path);
        return false;
    }
    return true;
}

bool load(const QString &path, const QString &format, int sample, quint64 seed, const TokenModel &tokens,
    std::vector<DatasetRow> *rows, QString *error)
{
    Options options;
    options.format = format;
    options.sample = sample;
    options.seed = seed;
    return load(path, options, tokens, rows, nullptr, error);
}

} // namespace BurgerBench::Dataset
