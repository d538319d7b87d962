#pragma once

#include "workload/requestplan.h"
#include "workload/workloadsettings.h"

#include <QString>

#include <vector>

namespace BurgerBench {

// Reads a dataset into the rows a RequestPlan sends, in bounded memory for JSONL.
//   jsonl     one request a line: {"prompt": "..."} or {"messages": [{"role", "content"}...]},
//             optional "output_tokens" (a whole number from 1); blank lines are skipped.
//   sharegpt  a JSON list of {"conversations": [{"from": "human"|"gpt"|"system", "value"}...]}:
//             the first human turn is the prompt and the gpt turn after it gives the output
//             length (its text counted by `tokens`), as vllm bench serve reads it; a conversation
//             without that pair is skipped.
// format "auto" looks at the first byte that is not white space: '[' is ShareGPT, '{' JSONL.
// sample > 0 keeps that many rows by seeded reservoir sampling (Algorithm R): a JSONL file is
// streamed line by line, each line at most MaxLineBytes, so memory is the sample, not the file.
// Every row is checked, kept or not. Errors name the file, the line (JSONL) or the item
// (ShareGPT) and what is wrong.
namespace Dataset {

constexpr qint64 MaxLineBytes = 16 * 1024 * 1024;
constexpr qint64 MaxShareGptBytes = qint64(1) << 30; // one JSON document: read whole

bool load(const QString &path, const QString &format, int sample, quint64 seed, const TokenModel &tokens,
    std::vector<DatasetRow> *rows, QString *error);

// The format "auto" would choose for `path` ("jsonl" or "sharegpt"); false with a message.
bool detectFormat(const QString &path, QString *format, QString *error);

} // namespace Dataset

} // namespace BurgerBench
