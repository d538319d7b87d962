#include "report/csvreport.h"
#include "reportfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;

// A strict RFC 4180 reader, independent of the writer, to check what a spreadsheet would see.
static QList<QStringList> parseCsv(const QByteArray &bytes, QString *error)
{
    QList<QStringList> rows;
    const QString s = QString::fromUtf8(bytes);
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < s.size() && s.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (fieldStarted) {
                *error = QStringLiteral("quote inside an unquoted field at %1").arg(i);
                return {};
            }
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= s.size() || s.at(i + 1) != QLatin1Char('\n')) {
                *error = QStringLiteral("bare CR at %1").arg(i);
                return {};
            }
            row << field;
            rows << row;
            row.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == QLatin1Char('\n')) {
            *error = QStringLiteral("bare LF outside quotes at %1").arg(i);
            return {};
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        *error = QStringLiteral("unterminated quote");
    if (!field.isEmpty() || !row.isEmpty())
        *error = QStringLiteral("last line without CRLF");
    return rows;
}

class TestCsvReport : public QObject
{
    Q_OBJECT
private slots:
    void quoting_data();
    void quoting();
    void rowsAndColumns();
    void values_data();
    void values();
    void writesAtomically();
    void deterministic();
    void streamedARowAtATime();
};

void TestCsvReport::quoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("spaces kept") << QStringLiteral(" a ") << QStringLiteral(" a ");
}

void TestCsvReport::quoting()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(CsvReport::quoteField(field), expected);
}

void TestCsvReport::rowsAndColumns()
{
    const RunTrace t = Fixture::sampleTrace();
    QString error;
    const QList<QStringList> rows = parseCsv(CsvReport::toBytes(t), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), qsizetype(t.requests.size()) + 1);
    QCOMPARE(rows.first(), CsvReport::columns());
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), CsvReport::columns().size());
    for (const char *c : { "id", "warmup", "outcome", "error", "status", "intended_ms", "dispatch_ms",
             "sent_ms", "headers_ms", "first_byte_ms", "first_token_ms", "last_token_ms", "end_ms", "ttft_ms",
             "e2el_ms", "tpot_ms", "queue_ms", "prompt_tokens", "output_tokens", "retries" })
        QVERIFY2(CsvReport::columns().contains(QLatin1String(c)), c);
    // The 429 message holds a comma, quotes and a newline and survives intact.
    const int msg = int(CsvReport::columns().indexOf(QStringLiteral("error_message")));
    QCOMPARE(rows.at(14).at(msg), t.requests[13].errorMessage);
}

void TestCsvReport::values_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("expected");
    using namespace Fixture;
    const RunTrace t = sampleTrace();
    const RequestRecord &ok = t.requests[1];
    auto ms = [](qint64 ns) -> QString {
        return QString::number(ns / 1000000) + QLatin1Char('.')
            + QStringLiteral("%1").arg(ns % 1000000, 6, 10, QLatin1Char('0'));
    };
    QTest::newRow("dispatch") << 1 << QStringLiteral("dispatch_ms") << ms(ok.dispatchNs);
    QTest::newRow("ttft exact to the ns")
        << 1 << QStringLiteral("ttft_ms") << ms(ok.tokenNs.front() - ok.dispatchNs);
    QTest::newRow("e2el to last token")
        << 1 << QStringLiteral("e2el_ms") << ms(ok.tokenNs.back() - ok.dispatchNs);
    QTest::newRow("tpot") << 1 << QStringLiteral("tpot_ms")
                          << QString::number(
                                 double(ok.tokenNs.back() - ok.tokenNs.front()) / 1e6 / (ok.outputTokens - 1),
                                 'f', 6);
    QTest::newRow("queue") << 1 << QStringLiteral("queue_ms") << ms(ok.dispatchNs - ok.intendedNs);
    QTest::newRow("warm-up flagged") << 0 << QStringLiteral("warmup") << QStringLiteral("1");
    QTest::newRow("measured not flagged") << 1 << QStringLiteral("warmup") << QStringLiteral("0");
    QTest::newRow("failure kind") << 13 << QStringLiteral("error") << QStringLiteral("http_429");
    QTest::newRow("failure status") << 13 << QStringLiteral("status") << QStringLiteral("429");
    QTest::newRow("failure has no ttft") << 13 << QStringLiteral("ttft_ms") << QString();
    QTest::newRow("failure has no e2el") << 13 << QStringLiteral("e2el_ms") << QString();
    QTest::newRow("retries") << 13 << QStringLiteral("retries") << QStringLiteral("1");
    QTest::newRow("no tokens, empty cell") << 13 << QStringLiteral("first_token_ms") << QString();
    QTest::newRow("incomplete") << 15 << QStringLiteral("outcome") << QStringLiteral("incomplete");
    QTest::newRow("token event source")
        << 14 << QStringLiteral("output_tokens_source") << QStringLiteral("token_events");
}

void TestCsvReport::values()
{
    QFETCH(int, row);
    QFETCH(QString, column);
    QFETCH(QString, expected);
    QString error;
    const QList<QStringList> rows = parseCsv(CsvReport::toBytes(Fixture::sampleTrace()), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const qsizetype c = CsvReport::columns().indexOf(column);
    QVERIFY(c >= 0);
    QCOMPARE(rows.at(row + 1).at(c), expected);
}

void TestCsvReport::writesAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    QString error;
    const RunTrace t = Fixture::sampleTrace(3);
    QVERIFY2(CsvReport::write(path, t, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), CsvReport::toBytes(t));
    // A directory that does not exist: false, and the message names the path.
    const QString bad = dir.filePath(QStringLiteral("no/such/dir/run.csv"));
    QVERIFY(!CsvReport::write(bad, t, &error));
    QVERIFY2(error.contains(bad), qPrintable(error));
}

void TestCsvReport::deterministic()
{
    QCOMPARE(CsvReport::toBytes(Fixture::sampleTrace()), CsvReport::toBytes(Fixture::sampleTrace()));
}

// Issue 19 item 5: the table is written a row at a time, never whole in memory: the pieces are
// the header and one row each, a sink that refuses stops it, and a file written in many blocks
// is the same bytes.
void TestCsvReport::streamedARowAtATime()
{
    const RunTrace t = Fixture::sampleTrace(5);
    QList<QByteArray> pieces;
    QVERIFY(CsvReport::produce(t, [&](const QByteArray &piece) {
        pieces << piece;
        return true;
    }));
    QCOMPARE(pieces.size(), int(t.requests.size()) + 1);
    for (const QByteArray &piece : std::as_const(pieces))
        QVERIFY(piece.endsWith("\r\n"));
    QCOMPARE(pieces.join(), CsvReport::toBytes(t));
    int taken = 0;
    QVERIFY(!CsvReport::produce(t, [&](const QByteArray &) { return ++taken < 2; }));
    QCOMPARE(taken, 2);

    // Far more than one block of the atomic writer (about a MiB).
    const RunTrace big = Fixture::sampleTrace(12000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    QString error;
    QVERIFY2(CsvReport::write(path, big, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray written = f.readAll();
    QVERIFY2(written.size() > 1 << 20, qPrintable(QString::number(written.size())));
    QCOMPARE(written, CsvReport::toBytes(big));
}

QTEST_GUILESS_MAIN(TestCsvReport)
#include "tst_csvreport.moc"
