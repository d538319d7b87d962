// Dataset readers (workload/dataset.h): every format row by row, every error message with its
// file and line, field mapping, sessions, sampling with and without replacement, length filters,
// and the Mooncake hash blocks as the simulator's tokenizer and prefix cache see them.
#include "sim/prefixcache.h"
#include "sim/simtokenizer.h"
#include "workload/csvreader.h"
#include "workload/dataset.h"
#include "workload/promptsynth.h"
#include "workload/requestplan.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace BurgerBench;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

// One row as a short text: p:prompt m:messages out: in: h:hashes ts: s:session#turn.
QString describe(const DatasetRow &r)
{
    QStringList parts;
    if (!r.prompt.isEmpty())
        parts << QStringLiteral("p:") + r.prompt;
    if (!r.messages.isEmpty())
        parts << QStringLiteral("m:%1").arg(r.messages.size());
    if (r.outputTokens >= 0)
        parts << QStringLiteral("out:%1").arg(r.outputTokens);
    if (r.inputTokens >= 0)
        parts << QStringLiteral("in:%1").arg(r.inputTokens);
    if (!r.hashIds.empty()) {
        QStringList h;
        for (quint64 x : r.hashIds)
            h << QString::number(x);
        parts << QStringLiteral("h:") + h.join(u',');
    }
    if (r.timestampMs >= 0)
        parts << QStringLiteral("ts:%1").arg(r.timestampMs);
    if (!r.sessionId.isEmpty())
        parts << QStringLiteral("s:%1#%2").arg(r.sessionId).arg(r.turn);
    return parts.join(u' ');
}

QString describeAll(const std::vector<DatasetRow> &rows)
{
    QStringList all;
    for (const DatasetRow &r : rows)
        all << describe(r);
    return all.join(QStringLiteral(" / "));
}

// A tokenizer-calibrated model: the simulator's bytes per token on the plan's own text.
TokenModel simModel()
{
    std::mt19937_64 rng(1);
    const QString text = PromptSynth::text(rng, 200000);
    TokenModel m;
    m.bytesPerToken = double(text.size()) / SimTokenizer::count(text);
    m.overheadTokens = SimTokenizer::TokensPerMessage + SimTokenizer::GenerationPromptTokens;
    m.source = CountSource::Tokenize;
    return m;
}

std::vector<qint32> chatTokens(const QString &prompt)
{
    return SimTokenizer::tokenizeChat(QJsonArray { QJsonObject {
        { QStringLiteral("role"), QStringLiteral("user") }, { QStringLiteral("content"), prompt } } });
}

} // namespace

class tst_Dataset : public QObject
{
    Q_OBJECT
private slots:
    void formats_data();
    void formats();
    void errorsNameFileAndLine_data();
    void errorsNameFileAndLine();
    void openErrors();
    void fieldFlag_data();
    void fieldFlag();
    void csvReaderPieces();
    void shareGptStreamsLargeItems();
    void sampleWithoutReplacementKeepsFileOrder();
    void sampleWithReplacement();
    void sessionsSampleAsUnits();
    void filtersCountedAndReported();
    void hashBlocksShareText();
    void traceLengthsFollowTheRow();
};

void tst_Dataset::formats_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("fields"); // NAME=COLUMN;...
    QTest::addColumn<bool>("multiTurn");
    QTest::addColumn<QString>("detected");
    QTest::addColumn<QString>("rows"); // describeAll

    QTest::newRow("jsonl") << QByteArray("{\"prompt\": \"hi\", \"output_tokens\": 12, \"timestamp\": 5.4}\n\n"
                                         "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
                                         "\"session_id\": 7}\r\n{\"prompt\": \"b\", \"session_id\": 7}")
                           << "auto"
                           << "" << false << "jsonl"
                           << "p:hi out:12 ts:5 / m:1 s:7#0 / p:b s:7#1";
    QTest::newRow("jsonl sessions together in turn order") << QByteArray(
        "{\"prompt\": \"a1\", \"session_id\": \"a\"}\n{\"prompt\": \"b1\", \"session_id\": \"b\"}\n"
        "{\"prompt\": \"solo\"}\n{\"prompt\": \"a2\", \"session_id\": \"a\"}\n")
                                                           << "jsonl"
                                                           << "" << false << "jsonl"
                                                           << "p:a1 s:a#0 / p:a2 s:a#1 / p:b1 s:b#0 / p:solo";
    QTest::newRow("jsonl mapped") << QByteArray("{\"question\": \"why\", \"max\": 3, \"prompt\": 1}\n")
                                  << "auto"
                                  << "prompt=question;output_tokens=max" << false << "jsonl"
                                  << "p:why out:3";
    QTest::newRow("mooncake") << QByteArray(
        "{\"timestamp\": 0, \"input_length\": 1100, \"output_length\": 52, "
        "\"hash_ids\": [1, 2, 3]}\n"
        "{\"timestamp\": 27, \"input_length\": 600, \"output_length\": 1, "
        "\"hash_ids\": [1]}\n{\"input_length\": 4, \"output_length\": 2}\n")
                              << "auto"
                              << "" << false << "mooncake"
                              << "out:52 in:1100 h:1,2,3 ts:0 / out:1 in:600 h:1 ts:27 / out:2 in:4";
    QTest::newRow("mooncake detected by hash_ids")
        << QByteArray("{\"hash_ids\": [], \"input_length\": 9, \"output_length\": 3}") << "auto"
        << "" << false << "mooncake"
        << "out:3 in:9";
    QTest::newRow("mooncake mapped") << QByteArray("{\"in\": 10, \"out\": 3}") << "mooncake"
                                     << "input_length=in;output_length=out" << false << "mooncake"
                                     << "out:3 in:10";
    QTest::newRow("csv") << QByteArray("\xEF\xBB\xBFid,prompt,output_tokens,timestamp,session_id\r\n"
                                       "1,\"hello, \"\"chef\"\"\",12,100,u1\r\n"
                                       "2,\"two\nlines\",,,u1\r\n\r\n"
                                       "3,plain,,250,\n")
                         << "auto"
                         << "" << false << "csv"
                         << "p:hello, \"chef\" out:12 ts:100 s:u1#0 / p:two\nlines s:u1#1 / p:plain ts:250";
    QTest::newRow("csv messages") << QByteArray(
        "messages\n\"[{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"hi\"\"}]\"")
                                  << "auto"
                                  << "" << false << "csv"
                                  << "m:1";
    QTest::newRow("csv mapped") << QByteArray("question,answer_len\nwhat,7\n") << "auto"
                                << "prompt=question;output_tokens=answer_len" << false << "csv"
                                << "p:what out:7";
    // 32 bytes of answer at 4 bytes a token: 8.
    const QByteArray share = "[{\"conversations\": [{\"from\": \"system\", \"value\": \"be nice\"},"
                             "{\"from\": \"human\", \"value\": \"make a burger\"},"
                             "{\"from\": \"gpt\", \"value\": \"0123456789abcdef0123456789abcdef\"},"
                             "{\"from\": \"human\", \"value\": \"another\"},"
                             "{\"from\": \"gpt\", \"value\": \"abcd\"}]},\n"
                             " {\"conversations\": [{\"from\": \"human\", \"value\": \"no answer\"}]},\n"
                             " {\"conversations\": [{\"from\": \"user\", \"value\": \"q [ { \\\" ]\"},"
                             "{\"from\": \"assistant\", \"value\": \"12345678\"}]}]\n";
    QTest::newRow("sharegpt") << share << "auto"
                              << "" << false << "sharegpt"
                              << "p:make a burger out:8 / p:q [ { \" ] out:2";
    QTest::newRow("sharegpt multi-turn") << share << "sharegpt"
                                         << "" << true << "sharegpt"
                                         << "p:make a burger out:8 s:0#0 / p:another out:1 s:0#1 / "
                                            "p:q [ { \" ] out:2 s:2#0";
}

void tst_Dataset::formats()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(QString, fields);
    QFETCH(bool, multiTurn);
    QFETCH(QString, detected);
    QFETCH(QString, rows);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("data"), content);
    Dataset::Options options;
    options.format = format;
    options.multiTurn = multiTurn;
    QString error;
    for (const QString &spec : fields.split(u';', Qt::SkipEmptyParts))
        QVERIFY2(Dataset::parseField(spec, &options.fields, &error), qPrintable(error));
    QString auto_;
    QVERIFY2(Dataset::detectFormat(path, &auto_, &error, options.fields), qPrintable(error));
    QCOMPARE(auto_, detected);
    std::vector<DatasetRow> out;
    Dataset::Stats stats;
    QVERIFY2(Dataset::load(path, options, TokenModel(), &out, &stats, &error), qPrintable(error));
    QCOMPARE(describeAll(out), rows);
    QCOMPARE(stats.format, detected);
    QCOMPARE(stats.kept, qint64(out.size()));
}

void tst_Dataset::errorsNameFileAndLine_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("fields");
    // What follows the file's path in the error; a trailing "..." compares only the start.
    QTest::addColumn<QString>("expect");

    // JSONL
    QTest::newRow("jsonl bad json") << QByteArray("{\"prompt\": \"a\"}\n{\"prompt\": \n") << "auto"
                                    << ""
                                    << ":2: not valid JSON at column ...";
    QTest::newRow("jsonl not object") << QByteArray("{\"prompt\": \"a\"}\n[1]\n") << "jsonl"
                                      << ""
                                      << ":2: a row must be a JSON object";
    QTest::newRow("jsonl both") << QByteArray("\n\n{\"prompt\": \"a\", \"messages\": []}") << "auto"
                                << ""
                                << ":3: has both \"prompt\" and \"messages\"; give one";
    QTest::newRow("jsonl empty prompt") << QByteArray("{\"prompt\": \"\"}") << "auto"
                                        << ""
                                        << ":1: \"prompt\" must be a non-empty string";
    QTest::newRow("jsonl empty messages")
        << QByteArray("{\"messages\": []}") << "auto"
        << ""
        << ":1: \"messages\" must be a non-empty list of {\"role\", \"content\"}";
    QTest::newRow("jsonl bad message")
        << QByteArray("{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"user\"}]}")
        << "auto"
        << ""
        << ":1: messages[1] must be {\"role\": string, \"content\": string}";
    QTest::newRow("jsonl missing prompt") << QByteArray("{\"prompt\": \"a\"}\n{\"text\": \"b\"}\n") << "auto"
                                          << ""
                                          << ":2: missing \"prompt\" (or \"messages\")";
    QTest::newRow("jsonl missing mapped prompt") << QByteArray("{\"prompt\": \"a\"}\n") << "jsonl"
                                                 << "prompt=q"
                                                 << ":1: missing \"q\" (or \"messages\")";
    QTest::newRow("jsonl bad output") << QByteArray("{\"prompt\": \"a\", \"output_tokens\": 2.5}") << "auto"
                                      << ""
                                      << ":1: \"output_tokens\" must be a whole number from 1 to 1000000";
    QTest::newRow("jsonl bad timestamp") << QByteArray("{\"prompt\": \"a\", \"timestamp\": -1}") << "auto"
                                         << ""
                                         << ":1: \"timestamp\" must be a time in ms from 0";
    QTest::newRow("jsonl bad session") << QByteArray("{\"prompt\": \"a\", \"session_id\": [1]}") << "auto"
                                       << ""
                                       << ":1: \"session_id\" must be a non-empty string or a whole number";
    QTest::newRow("jsonl only blank lines") << QByteArray("\n\n") << "jsonl"
                                            << ""
                                            << ": the dataset has no rows";
    // Mooncake
    QTest::newRow("mooncake missing input")
        << QByteArray("{\"output_length\": 3, \"hash_ids\": [1]}") << "auto"
        << ""
        << ":1: missing \"input_length\"";
    QTest::newRow("mooncake bad input") << QByteArray("{\"input_length\": 0, \"output_length\": 3}") << "auto"
                                        << ""
                                        << ":1: \"input_length\" must be a whole number from 1 to 1000000";
    QTest::newRow("mooncake missing output") << QByteArray("{\"input_length\": 3}") << "auto"
                                             << ""
                                             << ":1: missing \"output_length\"";
    QTest::newRow("mooncake bad output")
        << QByteArray("{\"input_length\": 3, \"output_length\": \"7\"}") << "auto"
        << ""
        << ":1: \"output_length\" must be a whole number from 1 to 1000000";
    QTest::newRow("mooncake hashes not list")
        << QByteArray("{\"input_length\": 3, \"output_length\": 1, \"hash_ids\": 4}") << "mooncake"
        << ""
        << ":1: \"hash_ids\" must be a list of whole numbers";
    QTest::newRow("mooncake too many hashes")
        << QByteArray("{\"input_length\": 513, \"output_length\": 1, \"hash_ids\": [1, 2, 3]}") << "auto"
        << ""
        << ":1: \"hash_ids\" has 3 blocks, more than \"input_length\" of 513 tokens needs (512 tokens a "
           "block)";
    QTest::newRow("mooncake bad hash")
        << QByteArray("{\"input_length\": 600, \"output_length\": 1, \"hash_ids\": [1, -2]}") << "auto"
        << ""
        << ":1: hash_ids[1] must be a whole number from 0 to 2^53";
    QTest::newRow("mooncake bad timestamp")
        << QByteArray("{\"input_length\": 6, \"output_length\": 1, \"timestamp\": \"x\"}") << "auto"
        << ""
        << ":1: \"timestamp\" must be a time in ms from 0";
    // CSV
    QTest::newRow("csv no prompt column")
        << QByteArray("a,b\n1,2\n") << "csv"
        << ""
        << ":1: the header has no \"prompt\" or \"messages\" column (it has: a, b)";
    QTest::newRow("csv duplicate column") << QByteArray("prompt,prompt\n1,2\n") << "csv"
                                          << ""
                                          << ":1: the header names column \"prompt\" twice";
    QTest::newRow("csv field count") << QByteArray("prompt,output_tokens\nok,1\nthree,1,2\n") << "auto"
                                     << ""
                                     << ":3: 3 fields, the header has 2";
    QTest::newRow("csv quote not closed") << QByteArray("prompt\nok\n\"open\nstill\n") << "auto"
                                          << ""
                                          << ":3: a quoted field opened on line 3 is not closed";
    QTest::newRow("csv text after quote") << QByteArray("prompt,x\n\"a\"b,1\n") << "auto"
                                          << ""
                                          << ":2: field 1: text after its closing quote";
    QTest::newRow("csv stray quote")
        << QByteArray("x,prompt\n1,ab\"c\n") << "auto"
        << ""
        << ":2: field 2: a quote inside an unquoted field (quote the whole field and double the quote)";
    QTest::newRow("csv bad messages") << QByteArray("messages\n[{]\n") << "auto"
                                      << ""
                                      << ":2: the messages cell is not valid JSON at byte ...";
    QTest::newRow("csv bad output") << QByteArray("prompt,output_tokens\nhi,many\n") << "auto"
                                    << ""
                                    << ":2: \"output_tokens\" must be a whole number from 1 to 1000000";
    QTest::newRow("csv bad session line after multi-line")
        << QByteArray("prompt,timestamp\n\"a\nb\",1\nc,soon\n") << "auto"
        << ""
        << ":4: \"timestamp\" must be a time in ms from 0";
    QTest::newRow("csv header only") << QByteArray("prompt,output_tokens\n") << "auto"
                                     << ""
                                     << ": the dataset has no rows";
    QTest::newRow("csv empty") << QByteArray("") << "csv"
                               << ""
                               << ": the dataset is empty";
    // ShareGPT
    QTest::newRow("sharegpt not a list")
        << QByteArray("  {\"conversations\": []}") << "sharegpt"
        << ""
        << ":1: a ShareGPT file is a JSON list of {\"conversations\": [...]} (it "
           "starts with '[')";
    QTest::newRow("sharegpt no conversations")
        << QByteArray("[{\"conversations\": []},\n {\"id\": 3}]") << "sharegpt"
        << ""
        << ":2: item 1: missing \"conversations\" (a list of {\"from\", \"value\"})";
    QTest::newRow("sharegpt scalar item")
        << QByteArray("[\n\"x\"]") << "sharegpt"
        << ""
        << ":2: item 0: missing \"conversations\" (a list of {\"from\", \"value\"})";
    QTest::newRow("sharegpt bad turn")
        << QByteArray("[{\"conversations\": [{\"from\": \"human\"}]}]") << "auto"
        << ""
        << ":1: item 0: conversations[0] must be {\"from\": string, \"value\": string}";
    QTest::newRow("sharegpt bad json in item")
        << QByteArray("[{\"conversations\": []},\n{\"conversations\":\n [}]") << "auto"
        << ""
        << ":3: item 1: not valid JSON at byte ...";
    QTest::newRow("sharegpt cut off") << QByteArray("[{\"conversations\": [{\"from\": \"human\"") << "auto"
                                      << ""
                                      << ":1: the file ends inside the list (item 0 or its ']' is cut off)";
    QTest::newRow("sharegpt no closing bracket")
        << QByteArray("[{\"conversations\": []}\n") << "auto"
        << ""
        << ":2: the file ends inside the list (item 1 or its ']' is cut off)";
    QTest::newRow("sharegpt missing comma") << QByteArray("[{\"conversations\": []} {}]") << "auto"
                                            << ""
                                            << ":1: expected ',' or ']' after item 0";
    QTest::newRow("sharegpt trailing comma") << QByteArray("[{\"conversations\": []},]") << "auto"
                                             << ""
                                             << ":1: item 1 is missing (a ',' with no value after it)";
    QTest::newRow("sharegpt text after list") << QByteArray("[]\n]") << "auto"
                                              << ""
                                              << ":2: text after the list's closing ']'";
    QTest::newRow("sharegpt no pairs") << QByteArray("[{\"conversations\": []}]") << "auto"
                                       << ""
                                       << ": no conversation has a human turn followed by a gpt turn";
    QTest::newRow("sharegpt empty list") << QByteArray("[ ]") << "auto"
                                         << ""
                                         << ": no conversation has a human turn followed by a gpt turn";
    // Detection and format names
    QTest::newRow("empty file") << QByteArray("  \n") << "auto"
                                << ""
                                << ": the dataset is empty";
    QTest::newRow("unknown content")
        << QByteArray("question,answer\n") << "auto"
        << ""
        << ": cannot tell the format (a JSONL or Mooncake row starts with '{', a ShareGPT list with '[', a "
           "CSV "
           "header names a \"prompt\" or \"messages\" column); give --dataset-format jsonl, csv, mooncake or "
           "sharegpt";
}

void tst_Dataset::errorsNameFileAndLine()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(QString, fields);
    QFETCH(QString, expect);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("rows.data"), content);
    Dataset::Options options;
    options.format = format;
    QString error;
    for (const QString &spec : fields.split(u';', Qt::SkipEmptyParts))
        QVERIFY(Dataset::parseField(spec, &options.fields, &error));
    std::vector<DatasetRow> out(3);
    QVERIFY(!Dataset::load(path, options, TokenModel(), &out, nullptr, &error));
    QVERIFY(out.empty());
    QVERIFY2(error.startsWith(path), qPrintable(error));
    const QString tail = error.mid(path.size());
    if (expect.endsWith(QLatin1String("...")))
        QVERIFY2(tail.startsWith(expect.chopped(3)), qPrintable(tail));
    else
        QCOMPARE(tail, expect);
}

void tst_Dataset::openErrors()
{
    QTemporaryDir dir;
    std::vector<DatasetRow> out;
    QString error;
    QVERIFY(!Dataset::load(dir.path(), QStringLiteral("auto"), 0, 1, TokenModel(), &out, &error));
    QCOMPARE(error, dir.path() + QStringLiteral(": not a regular file"));
    const QString missing = dir.filePath(QStringLiteral("missing.jsonl"));
    QVERIFY(!Dataset::load(missing, QStringLiteral("jsonl"), 0, 1, TokenModel(), &out, &error));
    QVERIFY2(error.startsWith(missing + QStringLiteral(": cannot open (")), qPrintable(error));
    const QString path = writeFile(dir, QStringLiteral("a.jsonl"), "{\"prompt\": \"a\"}");
    QVERIFY(!Dataset::load(path, QStringLiteral("parquet"), 0, 1, TokenModel(), &out, &error));
    QCOMPARE(error,
        QStringLiteral("dataset format: must be auto, jsonl, csv, mooncake or sharegpt (got \"parquet\")"));
    // A line past the cap is named, not read into memory whole.
    QByteArray huge = "{\"input_length\": 5, \"output_length\": 1}\n{\"prompt\": \"";
    huge += QByteArray(Dataset::MaxLineBytes + 10, 'x');
    huge += "\"}\n";
    const QString hugePath = writeFile(dir, QStringLiteral("huge.jsonl"), huge);
    QVERIFY(!Dataset::load(hugePath, QStringLiteral("mooncake"), 0, 1, TokenModel(), &out, &error));
    QCOMPARE(error, hugePath + QStringLiteral(":2: line longer than 16 MiB"));
}

void tst_Dataset::fieldFlag_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expect"); // the error, or NAME->COLUMN
    QTest::newRow("ok") << "prompt=question"
                        << "prompt->question";
    QTest::newRow("spaces") << " output_tokens = len "
                            << "output_tokens->len";
    QTest::newRow("column with =") << "prompt=a=b"
                                   << "prompt->a=b";
    QTest::newRow("no =") << "prompt"
                          << "--dataset-field: expected NAME=COLUMN, like prompt=question (got \"prompt\")";
    QTest::newRow("no column") << "prompt="
                               << "--dataset-field: expected NAME=COLUMN, like prompt=question (got "
                                  "\"prompt=\")";
    QTest::newRow("unknown")
        << "answer=x"
        << "--dataset-field: \"answer\" is not a field; the fields are prompt, messages, "
           "output_tokens, timestamp, session_id, input_length, output_length, hash_ids";
}

void tst_Dataset::fieldFlag()
{
    QFETCH(QString, spec);
    QFETCH(QString, expect);
    QMap<QString, QString> fields;
    QString error;
    if (Dataset::parseField(spec, &fields, &error)) {
        QCOMPARE(fields.size(), 1);
        QCOMPARE(fields.firstKey() + QStringLiteral("->") + fields.first(), expect);
    } else {
        QCOMPARE(error, expect);
        QVERIFY(fields.isEmpty());
    }
}

void tst_Dataset::csvReaderPieces()
{
    // Records across the reader's 64 KiB chunks, CR LF and LF, and the record-size cap.
    QByteArray csv = "prompt,n\r\n";
    for (int i = 0; i < 20000; ++i)
        csv += "\"row " + QByteArray::number(i) + ", \"\"quoted\"\"\"," + QByteArray::number(i)
            + (i % 2 ? "\n" : "\r\n");
    QBuffer buffer(&csv);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer, 64);
    QStringList fields;
    QVERIFY(reader.next(&fields));
    QCOMPARE(fields, QStringList({ QStringLiteral("prompt"), QStringLiteral("n") }));
    for (int i = 0; i < 20000; ++i) {
        QVERIFY2(reader.next(&fields), qPrintable(reader.error()));
        QCOMPARE(reader.line(), qint64(i + 2));
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(0), QStringLiteral("row %1, \"quoted\"").arg(i));
        QCOMPARE(fields.at(1).toInt(), i);
    }
    QVERIFY(!reader.next(&fields));
    QVERIFY(reader.error().isEmpty());
    QByteArray longRecord = "prompt\n" + QByteArray(100, 'x') + "\n";
    QBuffer longBuffer(&longRecord);
    QVERIFY(longBuffer.open(QIODevice::ReadOnly));
    CsvReader capped(&longBuffer, 64);
    QVERIFY(capped.next(&fields));
    QVERIFY(!capped.next(&fields));
    QCOMPARE(capped.error(), QStringLiteral("record longer than 0 MiB"));
    QCOMPARE(capped.line(), qint64(2));
}

void tst_Dataset::shareGptStreamsLargeItems()
{
    // Items bigger than the scanner's 64 KiB reads, with escapes and brackets inside strings.
    QByteArray file = "[";
    for (int i = 0; i < 30; ++i) {
        if (i)
            file += ",\n";
        const QByteArray body = QByteArray(10000 + i * 100, 'a') + "\\\"]}[{";
        file += "{\"conversations\": [{\"from\": \"human\", \"value\": \"" + QByteArray::number(i) + body
            + "\"}, {\"from\": \"gpt\", \"value\": \"" + QByteArray(400, 'b') + "\"}]}";
    }
    file += "]";
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("big.json"), file);
    std::vector<DatasetRow> out;
    Dataset::Stats stats;
    Dataset::Options options;
    QString error;
    QVERIFY2(Dataset::load(path, options, TokenModel(), &out, &stats, &error), qPrintable(error));
    QCOMPARE(int(out.size()), 30);
    for (int i = 0; i < 30; ++i) {
        QVERIFY(out[size_t(i)].prompt.startsWith(QString::number(i) + u'a'));
        QVERIFY(out[size_t(i)].prompt.endsWith(QLatin1String("\"]}[{")));
        QCOMPARE(out[size_t(i)].outputTokens, 100);
    }
    QCOMPARE(stats.rows, qint64(30));
}

void tst_Dataset::sampleWithoutReplacementKeepsFileOrder()
{
    QTemporaryDir dir;
    QByteArray content;
    for (int i = 0; i < 5000; ++i)
        content += "{\"prompt\": \"row " + QByteArray::number(i)
            + "\", \"timestamp\": " + QByteArray::number(i) + "}\n";
    const QString path = writeFile(dir, QStringLiteral("big.jsonl"), content);
    Dataset::Options options;
    options.sample = 100;
    options.seed = 42;
    std::vector<DatasetRow> a, b, c;
    Dataset::Stats stats;
    QString error;
    QVERIFY(Dataset::load(path, options, TokenModel(), &a, &stats, &error));
    QVERIFY(Dataset::load(path, options, TokenModel(), &b, nullptr, &error));
    options.seed = 43;
    QVERIFY(Dataset::load(path, options, TokenModel(), &c, nullptr, &error));
    QCOMPARE(a.size(), size_t(100));
    QCOMPARE(describeAll(a), describeAll(b));
    QVERIFY(describeAll(a) != describeAll(c));
    std::set<qint64> distinct;
    int late = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        distinct.insert(a[i].timestampMs);
        if (i)
            QVERIFY(a[i].timestampMs > a[i - 1].timestampMs); // file order: a trace stays in time order
        late += a[i].timestampMs >= 2500;
    }
    QCOMPARE(distinct.size(), size_t(100));
    QVERIFY2(late > 30 && late < 70, qPrintable(QString::number(late)));
    QCOMPARE(stats.rows, qint64(5000));
    QCOMPARE(stats.kept, qint64(100));
    QCOMPARE(
        stats.summary(options), QStringLiteral("100 of 5,000 rows kept, sample 100 without replacement"));
    // More asked than there are: all of them, once each.
    options.sample = 9000;
    QVERIFY(Dataset::load(path, options, TokenModel(), &a, &stats, &error));
    QCOMPARE(a.size(), size_t(5000));
}

void tst_Dataset::sampleWithReplacement()
{
    QTemporaryDir dir;
    QByteArray content;
    for (int i = 0; i < 10; ++i)
        content += "{\"prompt\": \"r" + QByteArray::number(i) + "\", \"timestamp\": " + QByteArray::number(i)
            + "}\n";
    const QString path = writeFile(dir, QStringLiteral("small.jsonl"), content);
    Dataset::Options options;
    options.sample = 20000;
    options.sampleReplace = true;
    options.seed = 9;
    std::vector<DatasetRow> a, b;
    QString error;
    QVERIFY(Dataset::load(path, options, TokenModel(), &a, nullptr, &error));
    QVERIFY(Dataset::load(path, options, TokenModel(), &b, nullptr, &error));
    QCOMPARE(a.size(), size_t(20000));
    QCOMPARE(describeAll(a), describeAll(b));
    // Each of the 10 rows about 2,000 times (binomial sd ~42), in file order.
    std::vector<int> counts(10);
    for (size_t i = 0; i < a.size(); ++i) {
        ++counts[size_t(a[i].timestampMs)];
        if (i)
            QVERIFY(a[i].timestampMs >= a[i - 1].timestampMs);
    }
    for (int n : counts)
        QVERIFY2(n > 1800 && n < 2200, qPrintable(QString::number(n)));
}

void tst_Dataset::sessionsSampleAsUnits()
{
    // 200 sessions of 3 turns, interleaved in the file; a sample keeps whole sessions.
    QByteArray content;
    for (int t = 0; t < 3; ++t)
        for (int s = 0; s < 200; ++s)
            content += "{\"prompt\": \"s" + QByteArray::number(s) + "t" + QByteArray::number(t)
                + "\", \"session_id\": \"u" + QByteArray::number(s) + "\"}\n";
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("sessions.jsonl"), content);
    Dataset::Options options;
    options.sample = 10;
    options.seed = 3;
    std::vector<DatasetRow> out;
    Dataset::Stats stats;
    QString error;
    QVERIFY(Dataset::load(path, options, TokenModel(), &out, &stats, &error));
    QCOMPARE(out.size(), size_t(30));
    QCOMPARE(stats.sessions, qint64(10));
    for (size_t i = 0; i < out.size(); ++i) {
        const DatasetRow &r = out[i];
        QCOMPARE(r.turn, int(i % 3));
        QCOMPARE(r.sessionId, out[i - i % 3].sessionId);
        QCOMPARE(r.prompt, QStringLiteral("s%1t%2").arg(r.sessionId.mid(1)).arg(r.turn));
    }
    // With replacement, a session drawn twice comes twice, its copy named apart.
    options.sample = 400;
    options.sampleReplace = true;
    QVERIFY(Dataset::load(path, options, TokenModel(), &out, &stats, &error));
    QCOMPARE(out.size(), size_t(1200));
    std::set<QString> ids;
    for (const DatasetRow &r : out)
        ids.insert(r.sessionId);
    QCOMPARE(ids.size(), size_t(400));
    QCOMPARE(stats.sessions, qint64(400));
    QVERIFY(std::any_of(ids.begin(), ids.end(), [](const QString &id) { return id.contains(u'#'); }));
}

void tst_Dataset::filtersCountedAndReported()
{
    // Prompts of 4, 40 and 400 bytes (1, 10 and 100 tokens at 4 bytes a token).
    QByteArray content;
    for (int i = 0; i < 30; ++i) {
        const int bytes = i % 3 == 0 ? 4 : i % 3 == 1 ? 40 : 400;
        content += "{\"prompt\": \"" + QByteArray(bytes, 'x')
            + "\", \"output_tokens\": " + QByteArray::number(10 + i) + "}\n";
    }
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("lengths.jsonl"), content);
    Dataset::Options options;
    options.minInputTokens = 4;
    options.maxInputTokens = 50;
    options.maxOutputTokens = 30;
    std::vector<DatasetRow> out;
    Dataset::Stats stats;
    QString error;
    QVERIFY2(Dataset::load(path, options, TokenModel(), &out, &stats, &error), qPrintable(error));
    // Kept: 10-token prompts with output <= 30: i = 1, 4, ..., 19 (outputs 11..29).
    QCOMPARE(out.size(), size_t(7));
    for (const DatasetRow &r : out) {
        QCOMPARE(r.prompt.size(), 40);
        QVERIFY(r.outputTokens <= 30);
    }
    QCOMPARE(stats.tooShort, qint64(10));
    QCOMPARE(stats.tooLong, qint64(10));
    QCOMPARE(stats.outputTooLong, qint64(3));
    QCOMPARE(stats.summary(options),
        QStringLiteral("7 of 30 rows kept; filtered out 10 input below 4 tokens, 10 input above 50 tokens, 3 "
                       "output above 30 tokens"));
    options.minInputTokens = 200;
    options.maxInputTokens = 0;
    options.maxOutputTokens = 0;
    QVERIFY(!Dataset::load(path, options, TokenModel(), &out, &stats, &error));
    QCOMPARE(error,
        path
            + QStringLiteral(
                ": every row was filtered out (0 of 30 rows kept; filtered out 30 input below 200 tokens)"));
}

void tst_Dataset::hashBlocksShareText()
{
    // Two trace rows sharing hash_ids [1, 2]: their first 1,024 tokens, as the simulator's
    // tokenizer counts them through its chat template, are the same, and its prefix cache
    // reports the second row's first two blocks cached.
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("trace.jsonl"),
        "{\"timestamp\": 0, \"input_length\": 1500, \"output_length\": 8, \"hash_ids\": [1, 2, 3]}\n"
        "{\"timestamp\": 10, \"input_length\": 1300, \"output_length\": 8, \"hash_ids\": [1, 2, 4]}\n"
        "{\"timestamp\": 20, \"input_length\": 1300, \"output_length\": 8, \"hash_ids\": [5, 2, 4]}\n");
    const TokenModel model = simModel();
    std::vector<DatasetRow> rows;
    QString error;
    QVERIFY(Dataset::load(path, QStringLiteral("auto"), 0, 1, model, &rows, &error));
    WorkloadSettings w;
    w.tokens = model;
    const auto plan = RequestPlan::build(w, 77, {}, &error, rows);
    QVERIFY(plan);
    const PlannedRequest a = plan->at(0), b = plan->at(1), c = plan->at(2);
    QCOMPARE(a.inputTokens, 1500);
    QCOMPARE(b.inputTokens, 1300);
    const std::vector<qint32> ta = chatTokens(a.prompt), tb = chatTokens(b.prompt), tc = chatTokens(c.prompt);
    QVERIFY(ta.size() > 1100 && tb.size() > 1100);
    QVERIFY(std::equal(ta.begin(), ta.begin() + 1024, tb.begin()));
    QVERIFY(!std::equal(ta.begin(), ta.begin() + 1100, tb.begin())); // block 3 differs
    QVERIFY(!std::equal(tb.begin() + 3, tb.begin() + 64, tc.begin() + 3)); // block 1 differs
    // The same plan seed gives the same text; another seed, other text.
    QCOMPARE(RequestPlan::build(w, 77, {}, &error, rows)->at(1).prompt, b.prompt);
    QVERIFY(RequestPlan::build(w, 78, {}, &error, rows)->at(1).prompt != b.prompt);
    PrefixCache cache(1 << 20);
    QCOMPARE(cache.admit(PrefixCache::blockHashes(ta), int(ta.size())), 0);
    QCOMPARE(cache.admit(PrefixCache::blockHashes(tb), int(tb.size())), 1024);
    // The third shares block 2's text but not block 1's: a chained cache holds none of it.
    QCOMPARE(cache.admit(PrefixCache::blockHashes(tc), int(tc.size())), 0);
}

void tst_Dataset::traceLengthsFollowTheRow()
{
    // Prompt lengths as the simulator counts them follow input_length (within 2% for every
    // length), with the margin on full blocks taken back by the last one.
    const TokenModel model = simModel();
    std::vector<DatasetRow> rows;
    for (int n : { 20, 511, 512, 513, 1024, 1500, 4000, 9000 }) {
        DatasetRow r;
        r.inputTokens = n;
        r.outputTokens = 1;
        for (int k = 0; k < (n + 511) / 512; ++k)
            r.hashIds.push_back(quint64(100 + k));
        rows.push_back(r);
    }
    WorkloadSettings w;
    w.tokens = model;
    QString error;
    const auto plan = RequestPlan::build(w, 5, {}, &error, rows);
    for (quint32 i = 0; i < rows.size(); ++i) {
        const PlannedRequest p = plan->at(i);
        const int got = int(chatTokens(p.prompt).size());
        const int asked = rows[i].inputTokens;
        QVERIFY2(std::abs(got - asked) <= std::max(3, asked / 50),
            qPrintable(QStringLiteral("asked %1, the simulator counts %2").arg(asked).arg(got)));
        QCOMPARE(p.outputTokens, 1);
        QVERIFY(plan->at(i, false).prompt.isEmpty()); // lengths only: no text synthesised
        QCOMPARE(plan->at(i, false).inputTokens, asked);
    }
}

QTEST_GUILESS_MAIN(tst_Dataset)
#include "tst_dataset.moc"
