#include "metrics/summary.h"
#include "report/chrometrace.h"
#include "reportfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;
using Fixture::Ms;

namespace {

enum class Case {
    Sample,
    EmptyRun,
    TokenAtEnd,
    ZeroLengthPhases,
    OverlappingLoopSpans,
    NeverDispatched,
    TwoRuns,
    Retries
};

RunTrace traceFor(Case c)
{
    RunTrace t = Fixture::sampleTrace();
    switch (c) {
    case Case::Sample:
    case Case::TwoRuns:
        break;
    case Case::EmptyRun:
        t = RunTrace();
        break;
    case Case::TokenAtEnd:
        // The last token event and the settle time coincide to the ns.
        for (RequestRecord &r : t.requests)
            if (!r.tokenNs.empty())
                r.endNs = r.tokenNs.back();
        break;
    case Case::ZeroLengthPhases:
        // dispatch == sent == headers == first token; intended == dispatch.
        for (RequestRecord &r : t.requests) {
            if (r.tokenNs.empty())
                continue;
            r.intendedNs = r.dispatchNs = r.sentNs = r.headersNs = r.firstByteNs = r.tokenNs.front();
        }
        break;
    case Case::OverlappingLoopSpans:
        // As after a merge of two runs: loop spans of both interleave and overlap.
        for (size_t i = 0, n = t.loopBusy.size(); i < n; ++i)
            t.loopBusy.push_back(Span { t.loopBusy[i].startNs + 100'000, t.loopBusy[i].endNs + 5 * Ms });
        t.tasks.push_back(TaskRecord { 2, 0, TaskKind::CpuWork, 400 * Ms, 401 * Ms + 10 * Ms, 470 * Ms });
        break;
    case Case::NeverDispatched: {
        RequestRecord queuedOnly;
        queuedOnly.index = quint32(t.requests.size());
        queuedOnly.id = "bb-queued";
        queuedOnly.intendedNs = 500 * Ms;
        queuedOnly.endNs = 900 * Ms;
        queuedOnly.outcome = Outcome::Incomplete;
        queuedOnly.error = ErrorKind::Cancelled;
        t.requests.push_back(queuedOnly);
        RequestRecord pending; // never eligible: not drawn
        pending.index = quint32(t.requests.size());
        t.requests.push_back(pending);
        break;
    }
    case Case::Retries: {
        RequestRecord &r = t.requests[13];
        r.attempts.push_back(
            AttemptRecord { 400 * Ms, 420 * Ms, 503, ErrorKind::Http, QStringLiteral("busy") });
        r.attempts.push_back(AttemptRecord { 600 * Ms, -1, 0, ErrorKind::ConnectionReset, QString() });
        r.retries = 3;
        break;
    }
    }
    return t;
}

QString checkerPath()
{
    const QString source = qEnvironmentVariable("BURGERBENCH_SOURCE");
    return source.isEmpty() ? QString()
                            : QDir(source).absoluteFilePath(QStringLiteral("../shared/tools/check_trace.py"));
}

} // namespace

Q_DECLARE_METATYPE(Case)

class TestChromeTrace : public QObject
{
    Q_OBJECT
private slots:
    void passesCheckTrace_data();
    void passesCheckTrace();
    void shape();
    void phasesNestInOrder();
    void integerMicroseconds();
    void countersMatchTheSummary();
    void deterministic();
    void twoRunsTwoProcesses();
};

void TestChromeTrace::passesCheckTrace_data()
{
    QTest::addColumn<Case>("which");
    QTest::newRow("sample run") << Case::Sample;
    QTest::newRow("empty run") << Case::EmptyRun;
    QTest::newRow("last token at the settle time") << Case::TokenAtEnd;
    QTest::newRow("zero-length phases") << Case::ZeroLengthPhases;
    QTest::newRow("overlapping loop spans and tasks") << Case::OverlappingLoopSpans;
    QTest::newRow("queued, never dispatched") << Case::NeverDispatched;
    QTest::newRow("two runs side by side") << Case::TwoRuns;
    QTest::newRow("several retried attempts") << Case::Retries;
}

void TestChromeTrace::passesCheckTrace()
{
    QFETCH(Case, which);
    const QString checker = checkerPath();
    QVERIFY2(!checker.isEmpty(), "BURGERBENCH_SOURCE is not set; run through ctest (it sets it to the repo)");
    QVERIFY2(
        QFileInfo::exists(checker), qPrintable(QStringLiteral("check_trace.py not found at ") + checker));
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(),
        "python3 is not on PATH: it is needed to run check_trace.py (apt-get install python3)");

    const RunTrace t = traceFor(which);
    const RunTrace other = Fixture::sampleTrace(5, 0, 7);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    QString error;
    if (which == Case::TwoRuns)
        QVERIFY2(
            ChromeTrace::write(path, { { &t, QString() }, { &other, QStringLiteral("B) other") } }, &error),
            qPrintable(error));
    else
        QVERIFY2(ChromeTrace::write(path, t, &error), qPrintable(error));
    // Every token event is in the trace, whatever the edge case.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    qsizetype expectedTokens = 0;
    for (const RequestRecord &r : t.requests)
        expectedTokens += qsizetype(r.tokenNs.size());
    if (which == Case::TwoRuns)
        for (const RequestRecord &r : other.requests)
            expectedTokens += qsizetype(r.tokenNs.size());
    QCOMPARE(bytes.count("\"name\":\"token\""), expectedTokens);

    QProcess p;
    p.start(python, { checker, path });
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("problems: 0")), qPrintable(out));
}

static QJsonArray eventsOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object().value(QLatin1String("traceEvents")).toArray();
}

void TestChromeTrace::shape()
{
    const RunTrace t = Fixture::sampleTrace();
    const QByteArray bytes = ChromeTrace::toBytes(t);
    QJsonParseError pe;
    const QJsonObject root = QJsonDocument::fromJson(bytes, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(root.value(QLatin1String("displayTimeUnit")).toString(), QStringLiteral("ms"));
    QCOMPARE(root.value(QLatin1String("otherData")).toObject().value(QLatin1String("ts_unit")).toString(),
        QStringLiteral("us"));
    const QJsonArray events = root.value(QLatin1String("traceEvents")).toArray();
    int requestsBegun = 0, tokens = 0, loopSlices = 0, workerSlices = 0;
    QSet<QString> ids, metaNames, counters, threadNames;
    for (const auto &v : events) {
        const QJsonObject e = v.toObject();
        const QString ph = e.value(QLatin1String("ph")).toString();
        const QString name = e.value(QLatin1String("name")).toString();
        if (ph == QLatin1String("b") && name == QLatin1String("request")) {
            ++requestsBegun;
            QCOMPARE(e.value(QLatin1String("cat")).toString(), QStringLiteral("req"));
            ids.insert(e.value(QLatin1String("id")).toString());
            QVERIFY(e.value(QLatin1String("args")).toObject().contains(QLatin1String("req")));
        }
        if (ph == QLatin1String("n") && name == QLatin1String("token"))
            ++tokens;
        if (ph == QLatin1String("X") && e.value(QLatin1String("tid")).toInt() == 1)
            ++loopSlices;
        if (ph == QLatin1String("X") && e.value(QLatin1String("tid")).toInt() >= 100)
            ++workerSlices;
        if (ph == QLatin1String("M"))
            metaNames.insert(name);
        if (ph == QLatin1String("M") && name == QLatin1String("thread_name"))
            threadNames.insert(
                e.value(QLatin1String("args")).toObject().value(QLatin1String("name")).toString());
        if (ph == QLatin1String("C"))
            counters.insert(name);
    }
    QCOMPARE(requestsBegun, int(t.requests.size()));
    QCOMPARE(ids.size(), requestsBegun); // one id per request
    int expectedTokens = 0;
    for (const RequestRecord &r : t.requests)
        expectedTokens += int(r.tokenNs.size());
    QCOMPARE(tokens, expectedTokens);
    QCOMPARE(loopSlices, int(t.loopBusy.size()));
    QCOMPARE(workerSlices, int(t.tasks.size()));
    for (const char *m : { "process_name", "process_sort_index", "thread_name", "thread_sort_index" })
        QVERIFY2(metaNames.contains(QLatin1String(m)), m);
    QVERIFY(threadNames.contains(QStringLiteral("event loop (cashier)")));
    QVERIFY(threadNames.contains(QStringLiteral("worker 1 (cashier-cook)")));
    for (const char *c : { "in_flight", "tokens_per_s", "queued", "errors", "loop_lag_ms" })
        QVERIFY2(counters.contains(QLatin1String(c)), c);
}

void TestChromeTrace::phasesNestInOrder()
{
    // Request 1 of the fixture: queued (client) -> connect+send -> waiting: TTFT -> streaming.
    const RunTrace t = Fixture::sampleTrace();
    const RequestRecord &r = t.requests[1];
    const QJsonArray events = eventsOf(ChromeTrace::toBytes(t));
    QString id;
    QStringList sequence;
    for (const auto &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("ph")).toString() == QLatin1String("b")
            && e.value(QLatin1String("name")).toString() == QLatin1String("request")
            && e.value(QLatin1String("args")).toObject().value(QLatin1String("req")).toInt() == 1)
            id = e.value(QLatin1String("id")).toString();
        if (!id.isEmpty() && e.value(QLatin1String("id")).toString() == id
            && e.value(QLatin1String("ph")).toString() != QLatin1String("n"))
            sequence << e.value(QLatin1String("ph")).toString() + QLatin1Char(' ')
                    + e.value(QLatin1String("name")).toString();
    }
    const QString streaming = QStringLiteral("streaming %1 tok").arg(r.outputTokens);
    const QStringList expected { QStringLiteral("b request"), QStringLiteral("b queued (client)"),
        QStringLiteral("e queued (client)"), QStringLiteral("b connect+send"),
        QStringLiteral("e connect+send"), QStringLiteral("b waiting: TTFT"),
        QStringLiteral("e waiting: TTFT"), QStringLiteral("b ") + streaming, QStringLiteral("e ") + streaming,
        QStringLiteral("e request") };
    QCOMPARE(sequence, expected);
}

void TestChromeTrace::integerMicroseconds()
{
    RunTrace t;
    RequestRecord r = Fixture::success(0, 1'234'567, 1'000'001, 2, 999, 0);
    r.intendedNs = 1'234'567;
    t.requests.push_back(r);
    const QByteArray bytes = ChromeTrace::toBytes(t);
    // Every ts/dur is printed with exactly three decimals.
    const QRegularExpression number(QStringLiteral("\"(ts|dur)\":(-?[0-9]+(\\.[0-9]*)?)"));
    auto it = number.globalMatch(QString::fromUtf8(bytes));
    int seen = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        QVERIFY2(QRegularExpression(QStringLiteral("^-?[0-9]+\\.[0-9]{3}$")).match(m.captured(2)).hasMatch(),
            qPrintable(m.captured(0)));
        ++seen;
    }
    QVERIFY(seen > 5);
    QVERIFY(bytes.contains("\"name\":\"request\",\"ts\":1234.567"));
    // first token at 1234567 + 1000001 = 2234568 ns
    QVERIFY(bytes.contains("\"name\":\"token\",\"ts\":2234.568"));
    QVERIFY(bytes.contains("\"name\":\"token\",\"ts\":2235.567"));
}

void TestChromeTrace::countersMatchTheSummary()
{
    RunTrace t = Fixture::sampleTrace(16);
    t.requests.erase(t.requests.begin()); // no warm-up: the counter covers every request
    const Summary s = computeSummary(t, { 50 }, Slo());
    int peak = 0;
    qint64 tokensIn = 0;
    for (const auto &v : eventsOf(ChromeTrace::toBytes(t))) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("ph")).toString() != QLatin1String("C"))
            continue;
        const QJsonObject args = e.value(QLatin1String("args")).toObject();
        if (e.value(QLatin1String("name")).toString() == QLatin1String("in_flight"))
            peak = std::max(peak, args.value(QLatin1String("requests")).toInt());
        if (e.value(QLatin1String("name")).toString() == QLatin1String("tokens_per_s"))
            tokensIn += args.value(QLatin1String("value")).toInteger() / 10; // 100 ms buckets
    }
    QCOMPARE(peak, s.peakConcurrency);
    qint64 expected = 0;
    for (const RequestRecord &r : t.requests)
        expected += qint64(r.tokenNs.size());
    QCOMPARE(tokensIn, expected);
}

void TestChromeTrace::deterministic()
{
    QCOMPARE(ChromeTrace::toBytes(Fixture::sampleTrace()), ChromeTrace::toBytes(Fixture::sampleTrace()));
}

void TestChromeTrace::twoRunsTwoProcesses()
{
    const RunTrace a = Fixture::sampleTrace(4);
    const RunTrace b = Fixture::sampleTrace(4);
    QSet<int> pids;
    QSet<QString> idsA, idsB, processNames;
    for (const auto &v : eventsOf(ChromeTrace::toBytes({ { &a, QString() }, { &b, QString() } }))) {
        const QJsonObject e = v.toObject();
        const int pid = e.value(QLatin1String("pid")).toInt();
        pids.insert(pid);
        if (e.value(QLatin1String("ph")).toString() == QLatin1String("b"))
            (pid == 1 ? idsA : idsB).insert(e.value(QLatin1String("id")).toString());
        if (e.value(QLatin1String("name")).toString() == QLatin1String("process_name"))
            processNames.insert(
                e.value(QLatin1String("args")).toObject().value(QLatin1String("name")).toString());
    }
    QCOMPARE(pids, (QSet<int> { 1, 2 }));
    QVERIFY(!idsA.isEmpty());
    QVERIFY(!idsA.intersects(idsB)); // (cat, id) is global in Perfetto
    QVERIFY(processNames.contains(QStringLiteral("A) concurrent: 1 event loop, 4 in flight")));
    QVERIFY(processNames.contains(QStringLiteral("B) concurrent: 1 event loop, 4 in flight")));
}

QTEST_GUILESS_MAIN(TestChromeTrace)
#include "tst_chrometrace.moc"
