// libFuzzer target for the dataset readers (workload/dataset, workload/csvreader): arbitrary
// bytes read from a QBuffer (Dataset::load's device entry point, so no file per run) as each
// format in turn, auto, jsonl, csv, mooncake and sharegpt, then again with a sample.
//
// The first byte picks the options: bits 0-1 the sample (1, 3 or 1000; 0 reads every row),
// bit 2 with replacement, bit 3 multiTurn, bit 4 length filters, bit 5 a field mapping
// (prompt=question, output_tokens=n), bit 6 a token model of 1.5 bytes a token and 7 tokens of
// overhead, bit 7 the seed. The rest is the file.
//
// Checks, aborting on a mismatch so libFuzzer keeps the input:
//   - a failed load says why (a message naming the file) and leaves no rows;
//   - a load that succeeds keeps at least one row, stats.kept is the rows given, every row has a
//     prompt, messages or an input length, an output length of -1 or from 1; the resolved format
//     is the one asked (auto: one of the four);
//   - without a sample every valid row not filtered out is kept; with one, without replacement,
//     min(sample, units) units (a row of its own, or a session) are kept and no more rows than
//     read; with replacement exactly `sample` units;
//   - a session's rows come out together, numbered 0, 1, ... in order;
//   - auto gives what the format it chose gives;
//   - a UTF-8 byte-order mark in front of a file that starts with ASCII changes nothing: the
//     same success or failure, the same rows read and kept.
//
// Built by fuzz/CMakeLists.txt (BURGERBENCH_FUZZ=ON, clang); scripts/fuzz-smoke.sh runs it.
#include "workload/dataset.h"

#include <QBuffer>
#include <QSet>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace BurgerBench;

namespace {

const QString Path = QStringLiteral("fuzz.data");

[[noreturn]] void fail(const char *what, const QString &format, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz_dataset (%s): %s\n%s\n", qPrintable(format), what, qPrintable(detail));
    std::abort();
}

struct Result
{
    bool ok = false;
    std::vector<DatasetRow> rows;
    Dataset::Stats stats;
    QString error;
};

Result load(const QByteArray &data, const Dataset::Options &options, const TokenModel &tokens)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    Result r;
    r.ok = Dataset::load(buffer, Path, options, tokens, &r.rows, &r.stats, &r.error);
    return r;
}

// Rows of their own plus sessions: what sampling counts.
qint64 units(const Result &r)
{
    qint64 n = 0;
    for (const DatasetRow &row : r.rows)
        n += row.sessionId.isEmpty() ? 1 : 0;
    return n + r.stats.sessions;
}

void check(const Result &r, const Dataset::Options &options, const TokenModel &tokens)
{
    const QString &format = options.format;
    if (!r.ok) {
        if (r.error.isEmpty())
            fail("failed without a message", format);
        if (!r.error.startsWith(Path))
            fail("the message does not name the file", format, r.error);
        if (!r.rows.empty())
            fail("failed but left rows", format, r.error);
        return;
    }
    if (r.rows.empty())
        fail("succeeded with no rows", format);
    if (r.stats.kept != qint64(r.rows.size()))
        fail("stats.kept is not the rows given", format, r.stats.summary(options));
    static const QStringList formats = { QStringLiteral("jsonl"), QStringLiteral("csv"),
        QStringLiteral("mooncake"), QStringLiteral("sharegpt") };
    if (format == QLatin1String("auto") ? !formats.contains(r.stats.format) : r.stats.format != format)
        fail("resolved to another format", format, r.stats.format);
    const qint64 passed = r.stats.rows - r.stats.filtered();
    if (passed < 0 || r.stats.skipped < 0)
        fail("negative counts", format, r.stats.summary(options));
    if (options.sample <= 0) {
        if (r.stats.kept != passed)
            fail("without a sample, a valid row that passed the filters was not kept", format,
                r.stats.summary(options));
    } else if (!options.sampleReplace) {
        if (r.stats.kept > passed || units(r) > options.sample)
            fail("the sample without replacement kept too much", format, r.stats.summary(options));
    } else if (units(r) != options.sample) {
        fail("the sample with replacement did not keep `sample` units", format, r.stats.summary(options));
    }
    QSet<QString> done;
    QString current;
    int nextTurn = 0;
    for (const DatasetRow &row : r.rows) {
        if (row.prompt.isEmpty() && row.messages.isEmpty() && row.inputTokens < 1)
            fail("a row with no prompt, messages or input length", format);
        if (row.outputTokens == 0 || row.outputTokens < -1)
            fail("a row's output length is out of range", format, QString::number(row.outputTokens));
        if (Dataset::inputTokens(row, tokens) < 0)
            fail("a negative input length", format);
        if (row.sessionId != current) {
            if (!current.isEmpty())
                done.insert(current);
            current = row.sessionId;
            nextTurn = 0;
            if (!current.isEmpty() && done.contains(current))
                fail("a session's rows are not together", format, current);
        }
        if (!current.isEmpty() && row.turn != nextTurn++)
            fail("a session's turns are not 0, 1, ... in order", format, current);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const unsigned control = data[0];
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    Dataset::Options options;
    static const int samples[] = { 0, 1, 3, 1000 };
    const int sample = samples[control & 3];
    options.sampleReplace = (control & 4) != 0;
    options.multiTurn = (control & 8) != 0;
    if (control & 16) {
        options.minInputTokens = 2;
        options.maxInputTokens = 40;
        options.maxOutputTokens = 100;
    }
    if (control & 32) {
        options.fields.insert(QStringLiteral("prompt"), QStringLiteral("question"));
        options.fields.insert(QStringLiteral("output_tokens"), QStringLiteral("n"));
    }
    TokenModel tokens;
    if (control & 64) {
        tokens.bytesPerToken = 1.5;
        tokens.overheadTokens = 7;
    }
    options.seed = (control & 128) ? 0x9e3779b97f4a7c15ULL : 1;

    static const QString formats[] = { QStringLiteral("auto"), QStringLiteral("jsonl"), QStringLiteral("csv"),
        QStringLiteral("mooncake"), QStringLiteral("sharegpt") };
    Result automatic;
    for (const QString &format : formats) {
        options.format = format;
        options.sample = 0;
        const Result all = load(bytes, options, tokens);
        check(all, options, tokens);
        if (format == QLatin1String("auto"))
            automatic = all;
        else if (automatic.ok && automatic.stats.format == format
            && (!all.ok || all.rows.size() != automatic.rows.size()
                || all.stats.rows != automatic.stats.rows))
            fail("auto and the format it chose disagree", format, all.error);

        if (!bytes.isEmpty() && uchar(bytes.front()) < 0x80) {
            const Result bom = load(QByteArrayLiteral("\xEF\xBB\xBF") + bytes, options, tokens);
            if (bom.ok != all.ok || bom.rows.size() != all.rows.size() || bom.stats.rows != all.stats.rows)
                fail("a byte-order mark in front changed the load", format, bom.error + u'\n' + all.error);
        }

        if (sample <= 0)
            continue;
        options.sample = sample;
        const Result sampled = load(bytes, options, tokens);
        check(sampled, options, tokens);
        // Sampling comes after reading: the same rows are read, valid or not.
        if (sampled.ok != all.ok || (all.ok && sampled.stats.rows != all.stats.rows))
            fail("a sample read other rows than the whole load", format, sampled.error + all.error);
        if (all.ok && !options.sampleReplace && units(sampled) != std::min<qint64>(sample, units(all)))
            fail("the sample without replacement did not keep min(sample, units)", format,
                sampled.stats.summary(options) + u'\n' + all.stats.summary(options));
    }
    return 0;
}
