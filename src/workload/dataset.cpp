#include "workload/dataset.h"

#include "workload/promptsynth.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <random>

namespace BurgerBench::Dataset {

namespace {

// Algorithm R over the rows as they come: the first `sample` rows fill the reservoir, row n
// (0-based) then replaces a random slot with probability sample / (n + 1).
class Reservoir
{
public:
    Reservoir(int sample, quint64 seed, std::vector<DatasetRow> *rows)
        : m_sample(sample)
        , m_rng(mixSeed(seed, 5))
        , m_rows(rows)
    {
    }

    void offer(DatasetRow row)
    {
        if (m_sample <= 0 || qint64(m_rows->size()) < m_sample) {
            m_rows->push_back(std::move(row));
        } else {
            const quint64 j = m_rng() % quint64(m_seen + 1);
            if (j < quint64(m_sample))
                (*m_rows)[size_t(j)] = std::move(row);
        }
        ++m_seen;
    }

private:
    int m_sample;
    std::mt19937_64 m_rng;
    std::vector<DatasetRow> *m_rows;
    qint64 m_seen = 0;
};

// A row's fields; false with what is wrong (the caller adds where).
bool readRow(const QJsonObject &o, DatasetRow *row, QString *what)
{
    const QJsonValue prompt = o.value(QLatin1String("prompt"));
    const QJsonValue messages = o.value(QLatin1String("messages"));
    if (!prompt.isUndefined() && !messages.isUndefined()) {
        *what = QStringLiteral("has both \"prompt\" and \"messages\"; give one");
        return false;
    }
    if (!prompt.isUndefined()) {
        if (!prompt.isString() || prompt.toString().isEmpty()) {
            *what = QStringLiteral("\"prompt\" must be a non-empty string");
            return false;
        }
        row->prompt = prompt.toString();
    } else if (!messages.isUndefined()) {
        if (!messages.isArray() || messages.toArray().isEmpty()) {
            *what = QStringLiteral("\"messages\" must be a non-empty list of {\"role\", \"content\"}");
            return false;
        }
        const QJsonArray list = messages.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject m = list.at(i).toObject();
            if (!list.at(i).isObject() || !m.value(QLatin1String("role")).isString()
                || !m.value(QLatin1String("content")).isString()) {
                *what = QStringLiteral("messages[%1] must be {\"role\": string, \"content\": string}").arg(i);
                return false;
            }
        }
        row->messages = list;
    } else {
        *what = QStringLiteral("missing \"prompt\" (or \"messages\")");
        return false;
    }
    const QJsonValue out = o.value(QLatin1String("output_tokens"));
    if (!out.isUndefined()) {
        const double d = out.toDouble();
        if (!out.isDouble() || d != std::floor(d) || d < 1 || d > 1e6) {
            *what = QStringLiteral("\"output_tokens\" must be a whole number from 1 to 1000000");
            return false;
        }
        row->outputTokens = int(d);
    }
    return true;
}

bool loadJsonl(QFile &file, const QString &path, Reservoir &reservoir, qint64 *count, QString *error)
{
    qint64 line = 0;
    while (!file.atEnd()) {
        ++line;
        // One byte past the cap tells a line that is too long from one that just fits.
        QByteArray bytes = file.readLine(MaxLineBytes + 2);
        if (bytes.size() > MaxLineBytes + 1 || (bytes.size() == MaxLineBytes + 1 && !bytes.endsWith('\n'))) {
            *error = QStringLiteral("%1:%2: line longer than %3 MiB")
                         .arg(path)
                         .arg(line)
                         .arg(MaxLineBytes >> 20);
            return false;
        }
        if (bytes.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("%1:%2: not valid JSON at column %3: %4")
                         .arg(path)
                         .arg(line)
                         .arg(parseError.offset + 1)
                         .arg(parseError.errorString());
            return false;
        }
        if (!doc.isObject()) {
            *error = QStringLiteral("%1:%2: a row must be a JSON object").arg(path).arg(line);
            return false;
        }
        DatasetRow row;
        QString what;
        if (!readRow(doc.object(), &row, &what)) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(what);
            return false;
        }
        reservoir.offer(std::move(row));
        ++*count;
    }
    return true;
}

bool loadShareGpt(QFile &file, const QString &path, const TokenModel &tokens, Reservoir &reservoir,
    qint64 *count, QString *error)
{
    if (file.size() > MaxShareGptBytes) {
        *error = QStringLiteral("%1: a ShareGPT file is one JSON document, read whole; this one is over "
                                "%2 MiB (convert it to JSONL to stream it)")
                     .arg(path)
                     .arg(MaxShareGptBytes >> 20);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: not valid JSON at byte %2: %3")
                     .arg(path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (!doc.isArray()) {
        *error = QStringLiteral("%1: ShareGPT is a JSON list of {\"conversations\": [...]}").arg(path);
        return false;
    }
    const QJsonArray items = doc.array();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue conv = items.at(i).toObject().value(QLatin1String("conversations"));
        if (!items.at(i).isObject() || !conv.isArray()) {
            *error
                = QStringLiteral("%1: item %2: missing \"conversations\" (a list of {\"from\", \"value\"})")
                      .arg(path)
                      .arg(i);
            return false;
        }
        const QJsonArray turns = conv.toArray();
        QString prompt;
        for (qsizetype t = 0; t < turns.size(); ++t) {
            const QJsonObject turn = turns.at(t).toObject();
            const QJsonValue from = turn.value(QLatin1String("from"));
            const QJsonValue value = turn.value(QLatin1String("value"));
            if (!from.isString() || !value.isString()) {
                *error
                    = QStringLiteral("%1: item %2: conversations[%3] must be {\"from\": string, \"value\": "
                                     "string}")
                          .arg(path)
                          .arg(i)
                          .arg(t);
                return false;
            }
            const QString who = from.toString();
            if (prompt.isEmpty()) {
                if (who == QLatin1String("human") || who == QLatin1String("user"))
                    prompt = value.toString();
            } else if (who == QLatin1String("gpt") || who == QLatin1String("assistant")) {
                DatasetRow row;
                row.prompt = prompt;
                TokenModel bare = tokens;
                bare.overheadTokens = 0;
                row.outputTokens = std::max(1, bare.tokensFor(value.toString().toUtf8().size()));
                reservoir.offer(std::move(row));
                ++*count;
                break;
            }
        }
    }
    return true;
}

} // namespace

bool detectFormat(const QString &path, QString *format, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString());
        return false;
    }
    char c = 0;
    bool any = false;
    while (file.getChar(&c)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        any = true;
        if (c == '[') {
            *format = QStringLiteral("sharegpt");
            return true;
        }
        if (c == '{') {
            *format = QStringLiteral("jsonl");
            return true;
        }
        break;
    }
    *error = !any ? QStringLiteral("%1: the dataset is empty").arg(path)
                  : QStringLiteral(
                      "%1: cannot tell the format (a JSONL row starts with '{', a ShareGPT list with '['); "
                      "give --dataset-format jsonl or sharegpt")
                        .arg(path);
    return false;
}

bool load(const QString &path, const QString &formatIn, int sample, quint64 seed, const TokenModel &tokens,
    std::vector<DatasetRow> *rows, QString *error)
{
    QString format = formatIn.isEmpty() ? QStringLiteral("auto") : formatIn;
    if (format != QLatin1String("auto") && format != QLatin1String("jsonl")
        && format != QLatin1String("sharegpt")) {
        *error = QStringLiteral("dataset format: must be auto, jsonl or sharegpt (got \"%1\")").arg(format);
        return false;
    }
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("%1: not a regular file").arg(path);
        return false;
    }
    if (format == QLatin1String("auto") && !detectFormat(path, &format, error))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString());
        return false;
    }
    rows->clear();
    Reservoir reservoir(sample, seed, rows);
    qint64 count = 0;
    const bool ok = format == QLatin1String("jsonl")
        ? loadJsonl(file, path, reservoir, &count, error)
        : loadShareGpt(file, path, tokens, reservoir, &count, error);
    if (!ok) {
        rows->clear();
        return false;
    }
    if (rows->empty()) {
        *error = format == QLatin1String("jsonl")
            ? QStringLiteral("%1: the dataset has no rows").arg(path)
            : QStringLiteral("%1: no conversation has a human turn followed by a gpt turn").arg(path);
        return false;
    }
    return true;
}

} // namespace BurgerBench::Dataset
