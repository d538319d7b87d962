#include "metrics/summary.h"
#include "report/chrometrace.h"
#include "report/compare.h"
#include "report/csvreport.h"
#include "report/htmlreport.h"
#include "report/jsonreport.h"
#include "report/merge.h"
#include "report/secretscrub.h"
#include "report/timelineimage.h"
#include "reportfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;

namespace {

// Planted before anything reads the environment (initTestCase), as a user's shell would.
const char *const PlantedKey = "sk-test-PLANTED-0123456789abcdef";
const char *const PlantedPassword = "hunter2-PLANTED-pw";
const char *const OtherToken = "tok_PLANTED_in_a_custom_var_42"; // BURGER_API_TOKEN: no "sk-" shape

// Strings that must never appear in any output.
QList<QByteArray> forbidden()
{
    return { PlantedKey, PlantedPassword, OtherToken, "PLANTED", "Bearer sk-", "alice:" };
}

RunTrace leakyTrace()
{
    RunTrace t = Fixture::sampleTrace(8);
    const QString key = QString::fromLatin1(PlantedKey);
    t.targetUrl = QStringLiteral("http://alice:%1@127.0.0.1:9/v1/chat/completions?api_key=%2&model=x")
                      .arg(QLatin1String(PlantedPassword), key);
    t.scenario.url = QUrl(t.targetUrl);
    t.scenario.headers.insert(QStringLiteral("X-Api-Key"), key);
    t.scenario.headers.insert(
        QStringLiteral("X-Trace"), QStringLiteral("token %1").arg(QLatin1String(OtherToken)));
    t.scenario.name = QStringLiteral("run against http://alice:%1@host/").arg(QLatin1String(PlantedPassword));
    t.requests[1].errorMessage
        = QStringLiteral("Error transferring %1 - server replied: Unauthorized").arg(t.targetUrl);
    t.requests[2].errorMessage = QStringLiteral("sent header Authorization: Bearer %1").arg(key);
    t.requests[2].outcome = Outcome::Failed;
    t.requests[2].error = ErrorKind::Http;
    t.requests[2].httpStatus = 401;
    t.requests[3].text = QStringLiteral("the model echoed %1 and %2").arg(key, QLatin1String(OtherToken));
    t.requests[9].attempts[0].message = QStringLiteral("401 for key %1").arg(key);
    t.abortReason = QStringLiteral("stopped; Authorization=Bearer %1").arg(key);
    return t;
}

QString leaks(const QByteArray &bytes)
{
    QStringList found;
    for (const QByteArray &f : forbidden())
        if (bytes.contains(f))
            found << QString::fromLatin1(f);
    return found.join(QStringLiteral(", "));
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromLatin1(i);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSecretScrub : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void text_data();
    void text();
    void url_data();
    void url();
    void scenarioJson();
    void everyWriter_data();
    void everyWriter();
    void laneNameFromAnOldReport();
    void cliOutputsAndLogs_data();
    void cliOutputsAndLogs();
};

void TestSecretScrub::initTestCase()
{
    qputenv("OPENAI_API_KEY", PlantedKey);
    qputenv("BURGER_API_TOKEN", OtherToken);
    qputenv("SHORT_TOKEN", "abc"); // too short to be worth redacting
}

void TestSecretScrub::text_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString key = QString::fromLatin1(PlantedKey);
    QTest::newRow("planted env key") << QStringLiteral("key=") + key + QStringLiteral(" end")
                                     << QStringLiteral("key=[REDACTED] end");
    QTest::newRow("custom token variable")
        << QStringLiteral("x ") + QLatin1String(OtherToken) << QStringLiteral("x [REDACTED]");
    QTest::newRow("authorization header") << QStringLiteral("Authorization: Bearer abcdefghijkl")
                                          << QStringLiteral("Authorization: [REDACTED]");
    QTest::newRow("bearer alone") << QStringLiteral("used bearer abcdefghijkl")
                                  << QStringLiteral("used bearer [REDACTED]");
    QTest::newRow("x-api-key header")
        << QStringLiteral("x-api-key: qwertyuiop") << QStringLiteral("x-api-key: [REDACTED]");
    QTest::newRow("unknown sk- key") << QStringLiteral("key sk-proj-AbCdEf123456")
                                     << QStringLiteral("key sk-[REDACTED]");
    QTest::newRow("url user info") << QStringLiteral("GET http://bob:pw1234@h:8000/v1 failed")
                                   << QStringLiteral("GET http://h:8000/v1 failed");
    QTest::newRow("query key") << QStringLiteral("https://h/v1?api_key=zzzzzz&x=1")
                               << QStringLiteral("https://h/v1?api_key=[REDACTED]&x=1");
    QTest::newRow("benign text unchanged")
        << QStringLiteral("burger 1 with cheese, 20 tokens, max_tokens=64")
        << QStringLiteral("burger 1 with cheese, 20 tokens, max_tokens=64");
    QTest::newRow("benign url unchanged") << QStringLiteral("http://127.0.0.1:8000/v1/chat/completions")
                                          << QStringLiteral("http://127.0.0.1:8000/v1/chat/completions");
    QTest::newRow("short env value not redacted") << QStringLiteral("abc def") << QStringLiteral("abc def");
}

void TestSecretScrub::text()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SecretScrubber().text(input), expected);
}

void TestSecretScrub::url_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("user and password") << QStringLiteral("https://u:p%40ss@api.example.com/v1")
                                       << QStringLiteral("https://api.example.com/v1");
    QTest::newRow("secret query, others kept")
        << QStringLiteral("http://h/v1?key=abc&token=def&model=m")
        << QStringLiteral("http://h/v1?key=[REDACTED]&token=[REDACTED]&model=m");
    QTest::newRow("clean") << QStringLiteral("http://127.0.0.1:8000/v1")
                           << QStringLiteral("http://127.0.0.1:8000/v1");
    QTest::newRow("empty") << QString() << QString();
}

void TestSecretScrub::url()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SecretScrubber().url(input), expected);
}

void TestSecretScrub::scenarioJson()
{
    const RunTrace t = leakyTrace();
    const QJsonObject s = SecretScrubber().scenario(t.scenario.toJson());
    const QByteArray bytes = QJsonDocument(s).toJson();
    QVERIFY2(leaks(bytes).isEmpty(), qPrintable(leaks(bytes)));
    const QJsonObject target = s.value(QLatin1String("target")).toObject();
    QCOMPARE(target.value(QLatin1String("api_key_env")).toString(), QStringLiteral("OPENAI_API_KEY"));
    QCOMPARE(target.value(QLatin1String("headers")).toObject().value(QLatin1String("X-Api-Key")).toString(),
        QStringLiteral("[REDACTED]"));
    QVERIFY(target.value(QLatin1String("url")).toString().startsWith(QLatin1String("http://127.0.0.1:9/v1")));
    QCOMPARE(s.value(QLatin1String("load")), t.scenario.toJson().value(QLatin1String("load")));
}

void TestSecretScrub::everyWriter_data()
{
    QTest::addColumn<QString>("writer");
    for (const char *w : { "json", "csv", "chrome trace", "chrome trace (two runs)", "html en", "html es",
             "html built-in timeline", "svg", "png", "pdf", "compare table", "merged json" })
        QTest::newRow(w) << QString::fromLatin1(w);
}

void TestSecretScrub::everyWriter()
{
    QFETCH(QString, writer);
    const RunTrace t = leakyTrace();
    const Summary s = computeSummary(t, t.scenario.percentiles, t.scenario.slo);
    // Sanity: the input really carries every planted secret.
    QByteArray input = t.targetUrl.toUtf8() + t.requests[3].text.toUtf8();
    QVERIFY(input.contains(PlantedKey) && input.contains(PlantedPassword) && input.contains(OtherToken));

    QByteArray out;
    QString error;
    if (writer == QLatin1String("json")) {
        out = JsonReport::toBytes(t, s);
    } else if (writer == QLatin1String("csv")) {
        out = CsvReport::toBytes(t);
    } else if (writer == QLatin1String("chrome trace")) {
        out = ChromeTrace::toBytes(t);
    } else if (writer == QLatin1String("chrome trace (two runs)")) {
        out = ChromeTrace::toBytes({ { &t, QString() }, { &t, t.scenario.name } });
    } else if (writer.startsWith(QLatin1String("html"))) {
        HtmlReport::Options o;
        o.language = writer.endsWith(QLatin1String("es")) ? Language::Spanish : Language::English;
        o.useRenderer = !writer.contains(QLatin1String("built-in"));
        out = HtmlReport::toBytes(t, s, o);
    } else if (writer == QLatin1String("svg") || writer == QLatin1String("png")
        || writer == QLatin1String("pdf")) {
        TimelineImage::Format f;
        QVERIFY(TimelineImage::formatFromSuffix(QStringLiteral("x.") + writer, &f));
        out = TimelineImage::render(f, t, TimelineImage::Options(), &error);
#ifdef BURGERBENCH_HAVE_RENDER
        QVERIFY2(!out.isEmpty(), qPrintable(error));
        if (writer == QLatin1String("svg"))
            QVERIFY(out.contains("worker 1 (cashier-cook)")); // the lanes were drawn, named by kind
#else
        QVERIFY(out.isEmpty() && !error.isEmpty()); // no images in this build, and it says so
#endif
    } else if (writer == QLatin1String("compare table")) {
        out = Compare::formatTable(t.targetUrl, t.scenario.name, Compare::compare(t, t), Compare::Options())
                  .toUtf8();
        out = SecretScrubber().text(QString::fromUtf8(out)).toUtf8(); // what cmdCompare prints
    } else if (writer == QLatin1String("merged json")) {
        Merge::Result m;
        RunTrace second = t; // another worker's run (one run twice is refused)
        second.startedAt = t.startedAt.addSecs(1);
        QVERIFY(Merge::merge({ { t.targetUrl, t, {} }, { QStringLiteral("b.json"), second, {} } },
            Merge::Align::Zero, &m, &error));
        out = JsonReport::toBytes(m.trace, s, { { QStringLiteral("merged_from"), m.mergedFrom } });
    }
    QVERIFY2(leaks(out).isEmpty(), qPrintable(writer + QStringLiteral(" leaks: ") + leaks(out)));
}

// Lanes are kinds and numbers, so no free text of a run reaches a lane name any more. The one way
// in is an older report (names only) whose name was edited: the reader refuses it and does not
// quote it back in the error.
void TestSecretScrub::laneNameFromAnOldReport()
{
    const RunTrace t = leakyTrace();
    const Summary s = computeSummary(t, t.scenario.percentiles, t.scenario.slo);
    QJsonObject root = QJsonDocument::fromJson(JsonReport::toBytes(t, s)).object();
    root.remove(QStringLiteral("task_lane_kinds"));
    QJsonArray names = root.value(QLatin1String("task_lanes")).toArray();
    names[0] = QStringLiteral("worker %1").arg(QLatin1String(OtherToken));
    root.insert(QStringLiteral("task_lanes"), names);
    RunTrace back;
    QString error;
    QVERIFY(!JsonReport::fromJson(root, &back, &error));
    QVERIFY2(error.startsWith(QLatin1String("task_lanes[0]: ")), qPrintable(error));
    QVERIFY2(leaks(error.toUtf8()).isEmpty(), qPrintable(error));
}

void TestSecretScrub::cliOutputsAndLogs_data()
{
    // %R = leaky run, %S = a second leaky run, %B = bad report, %O = output dir
    QTest::addColumn<QStringList>("args");
    QTest::newRow("report to every format")
        << list({ "report", "%R", "--html", "%O/r.html", "--trace", "%O/t.json", "--csv", "%O/r.csv",
               "--json", "%O/r.json", "--svg", "%O/t.svg", "--png", "%O/t.png", "--pdf", "%O/t.pdf" });
    QTest::newRow("report in Spanish") << list({ "report", "%R", "--html", "%O/es.html", "--lang", "es" });
    QTest::newRow("report summary on stdout") << list({ "report", "%R" });
    QTest::newRow("report of a bad file quoting the key") << list({ "report", "%B" });
    QTest::newRow("compare") << list(
        { "compare", "%R", "%R", "--json", "%O/c.json", "--trace", "%O/c.trace.json" });
    QTest::newRow("merge") << list({ "merge", "%R", "%S", "-o", "%O/m.json" });
}

void TestSecretScrub::cliOutputsAndLogs()
{
    QFETCH(QStringList, args);
    const QString bin = qEnvironmentVariable("BURGERBENCH_BIN");
    QVERIFY2(!bin.isEmpty(),
        "BURGERBENCH_BIN is not set; run through ctest (it points at the built burgerbench-cli)");
    const QString cli = QDir(bin).filePath(QStringLiteral("burgerbench-cli"));
    QVERIFY2(QFileInfo(cli).isExecutable(),
        qPrintable(cli + QStringLiteral(" is missing: build the burgerbench-cli target")));

    QTemporaryDir dir;
    // A saved run whose raw bytes carry secrets: written clean, then the secrets put back in, as a
    // report produced by an older or foreign tool might hold them.
    const RunTrace t = leakyTrace();
    QByteArray raw = JsonReport::toBytes(t, computeSummary(t, t.scenario.percentiles, t.scenario.slo));
    raw.replace("\"burger 4 with cheese\"", QByteArray(QByteArray("\"echo ") + PlantedKey + "\""));
    raw.replace("\"Connection closed, by peer\"",
        QByteArray(QByteArray("\"Authorization: Bearer ") + PlantedKey + "\""));
    QVERIFY(raw.contains(PlantedKey));
    const QString runPath = dir.filePath(QStringLiteral("leaky.json"));
    const QString badPath = dir.filePath(QStringLiteral("bad.json"));
    const QString secondPath = dir.filePath(QStringLiteral("leaky-2.json"));
    {
        RunTrace second = t;
        second.startedAt = t.startedAt.addSecs(1);
        QByteArray raw2
            = JsonReport::toBytes(second, computeSummary(second, t.scenario.percentiles, t.scenario.slo));
        raw2.replace("\"burger 4 with cheese\"", QByteArray(QByteArray("\"echo ") + PlantedKey + "\""));
        QFile f(secondPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(raw2);
    }
    {
        QFile f(runPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(raw);
        QFile b(badPath);
        QVERIFY(b.open(QIODevice::WriteOnly));
        QByteArray bad = raw;
        bad.replace("\"outcome\":\"success\"", QByteArray(QByteArray("\"outcome\":\"") + PlantedKey + "\""));
        b.write(bad);
    }
    QStringList resolved;
    for (QString a : args)
        resolved << a.replace(QLatin1String("%R"), runPath)
                        .replace(QLatin1String("%S"), secondPath)
                        .replace(QLatin1String("%B"), badPath)
                        .replace(QLatin1String("%O"), dir.path());
    QProcess p;
    p.start(cli, resolved);
    QVERIFY(p.waitForFinished(120000));
    const QByteArray log = p.readAllStandardOutput() + p.readAllStandardError();
    bool expectFailure = args.contains(QStringLiteral("%B"));
#ifndef BURGERBENCH_HAVE_RENDER
    expectFailure = expectFailure || args.contains(QStringLiteral("--png")); // no images in this build
#endif
    QVERIFY2((p.exitCode() == 2) == expectFailure, log.constData());
    QVERIFY2(leaks(log).isEmpty(), qPrintable(QStringLiteral("log leaks: ") + leaks(log)));
    const QStringList outputs = QDir(dir.path()).entryList(QDir::Files);
    int checked = 0;
    for (const QString &name : outputs) {
        if (name == QLatin1String("leaky.json") || name == QLatin1String("leaky-2.json")
            || name == QLatin1String("bad.json"))
            continue;
        const QByteArray bytes = readAll(dir.filePath(name));
        QVERIFY2(!bytes.isEmpty(), qPrintable(name));
        QVERIFY2(leaks(bytes).isEmpty(), qPrintable(name + QStringLiteral(" leaks: ") + leaks(bytes)));
        ++checked;
    }
    const int expectedOutputs = int(std::count_if(
        args.begin(), args.end(), [](const QString &a) { return a.startsWith(QLatin1String("%O/")); }));
#ifndef BURGERBENCH_HAVE_RENDER
    if (args.contains(QStringLiteral("--png")))
        return; // image flags fail in a build without the render library (exit 2 is checked above)
#endif
    QCOMPARE(checked, expectedOutputs);
}

QTEST_MAIN(TestSecretScrub)
#include "tst_secretscrub.moc"
