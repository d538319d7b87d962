#pragma once

#include "workload/requestplan.h"
#include "workload/workloadsettings.h"

#include <QIODevice>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace BurgerBench {

// Reads a dataset into the rows a RequestPlan sends, in bounded memory: every format is read
// row by row (a ShareGPT list item by item), so memory is the rows kept, not the file.
//   jsonl     one request a line: {"prompt": "..."} or {"messages": [{"role", "content"}...]},
//             optional "output_tokens" (a whole number from 1), "timestamp" (ms, a number from
//             0), "session_id" (a string or a whole number); blank lines are skipped.
//   csv       RFC 4180 with a header row naming the columns: prompt or messages (a JSON list as
//             above), optional output_tokens, timestamp, session_id; an empty cell is a field
//             not given. Other columns are ignored.
//   mooncake  a trace, one request a line: {"timestamp": ms, "input_length": n,
//             "output_length": n, "hash_ids": [...]}: no text; the plan synthesises a prompt of
//             input_length tokens whose 512-token blocks with equal hashes are equal text.
//   sharegpt  a JSON list of {"conversations": [{"from": "human"|"gpt"|"system", "value"}...]}:
//             the first human turn is the prompt and the gpt turn after it gives the output
//             length (its text counted by `tokens`), as vllm bench serve reads it; a conversation
//             without that pair is skipped. With multiTurn every human turn followed by a gpt
//             turn is a row, sessionId the conversation's index in the list, turn its order.
// Rows with a session id are one session's turns: turn numbers them 0, 1, ... in file order and
// the rows of a session come out together, in turn order. Sampling and the rows' order count
// sessions as one unit each: a sampled session keeps all its turns.
// format "auto" looks at the content: '[' is ShareGPT; a first line that is a JSON object with
// "input_length" or "hash_ids" is Mooncake, any other object JSONL; otherwise a first line that
// names a prompt or messages column (after `fields`) is CSV.
// Errors name the file, the line (ShareGPT: the line and the item) and what is wrong.
namespace Dataset {

constexpr qint64 MaxLineBytes = 16 * 1024 * 1024; // one JSONL line, one CSV record
constexpr qint64 MaxItemBytes = 64 * 1024 * 1024; // one ShareGPT conversation

struct Options
{
    QString format = QStringLiteral("auto"); // auto, jsonl, csv, mooncake, sharegpt
    // > 0: keep that many rows (sessions count as one), seeded: without replacement by
    // reservoir sampling (Algorithm R; fewer when the file has fewer), with replacement N
    // independent draws (a row may come more than once; its copies of a session get "#2"...).
    int sample = 0;
    bool sampleReplace = false;
    quint64 seed = 0;
    // Length filters in the target's tokens (0: none), before sampling; a row's input is its
    // input_length or its text counted by the token model, its output its output_tokens (a row
    // without one passes the output filter). A turn filtered out of a session leaves its others.
    int minInputTokens = 0;
    int maxInputTokens = 0;
    int maxOutputTokens = 0;
    bool multiTurn = false; // ShareGPT: every human turn is a row of its conversation's session
    // Other names in the file for our fields (JSONL keys, CSV columns, Mooncake keys):
    // {"prompt": "question"} reads the prompt from "question".
    QMap<QString, QString> fields;
};

// What a load read and kept, for the run's record and its log line.
struct Stats
{
    QString format; // the format read (auto resolved)
    qint64 rows = 0; // valid rows read (ShareGPT: requests it gives)
    qint64 skipped = 0; // ShareGPT conversations without a human turn answered by gpt
    qint64 tooShort = 0; // below minInputTokens
    qint64 tooLong = 0; // above maxInputTokens
    qint64 outputTooLong = 0; // above maxOutputTokens
    qint64 kept = 0; // rows kept (after filters and sampling)
    qint64 sessions = 0; // distinct sessions among the kept rows

    qint64 filtered() const { return tooShort + tooLong + outputTooLong; }
    // "1,000 of 52,341 rows kept (sampled); filtered: 12 input < 4 tokens, ..." for the log.
    QString summary(const Options &options) const;
};

// The field names `fields` may map and a format may read.
QStringList fieldNames();
// "NAME=COLUMN" of --dataset-field into fields; false with a message naming the flag's text.
bool parseField(const QString &spec, QMap<QString, QString> *fields, QString *error);
bool validFormat(const QString &format); // auto, jsonl, csv, mooncake or sharegpt

bool load(const QString &path, const Options &options, const TokenModel &tokens,
    std::vector<DatasetRow> *rows, Stats *stats, QString *error);
// From a device open for reading, `path` naming it in messages; "auto" reads its start and
// seeks back to 0 (a sequential device needs the format given).
bool load(QIODevice &device, const QString &path, const Options &options, const TokenModel &tokens,
    std::vector<DatasetRow> *rows, Stats *stats, QString *error);
// The same with defaults for everything but the format, sample and seed.
bool load(const QString &path, const QString &format, int sample, quint64 seed, const TokenModel &tokens,
    std::vector<DatasetRow> *rows, QString *error);

// The format "auto" would choose for `path` (or a device, read from where it is); false with a
// message.
bool detectFormat(
    const QString &path, QString *format, QString *error, const QMap<QString, QString> &fields = {});
bool detectFormat(QIODevice &device, const QString &path, QString *format, QString *error,
    const QMap<QString, QString> &fields = {});

// A row's prompt length in the target's tokens as the plan asks it: its input_length, or its
// prompt's (or messages' contents') UTF-8 bytes through the token model.
int inputTokens(const DatasetRow &row, const TokenModel &tokens);

} // namespace Dataset

} // namespace BurgerBench
