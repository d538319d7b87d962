// run --junit and --summary-json as CI reads them: the real CLI on the built-in simulator, its
// JUnit XML validated with xmllint against tests/junit/junit.xsd (the Jenkins/Ant format) and
// read back case by case, its summary JSON read back verdict by verdict. Pass, fail and an
// interrupted run.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <csignal>

#include <unistd.h>

namespace {

struct Case
{
    QString name;
    QString classname;
    bool failed = false;
    QString failureType;
    QString message; // the failure's message, or a passed case's system-out
};

struct Suite
{
    int tests = -1;
    int failures = -1;
    QList<Case> cases;
};

Suite readJunit(const QByteArray &xml)
{
    Suite suite;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        if (r.name() == QLatin1String("testsuite")) {
            suite.tests = r.attributes().value(QLatin1String("tests")).toInt();
            suite.failures = r.attributes().value(QLatin1String("failures")).toInt();
        } else if (r.name() == QLatin1String("testcase")) {
            Case c;
            c.name = r.attributes().value(QLatin1String("name")).toString();
            c.classname = r.attributes().value(QLatin1String("classname")).toString();
            suite.cases << c;
        } else if (r.name() == QLatin1String("failure") && !suite.cases.isEmpty()) {
            suite.cases.last().failed = true;
            suite.cases.last().failureType = r.attributes().value(QLatin1String("type")).toString();
            suite.cases.last().message = r.attributes().value(QLatin1String("message")).toString();
        } else if (r.name() == QLatin1String("system-out") && !suite.cases.isEmpty()) {
            suite.cases.last().message = r.readElementText();
        }
    }
    if (r.hasError())
        qWarning("JUnit XML does not parse: %s", qPrintable(r.errorString()));
    return suite;
}

} // namespace

class tst_JunitReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void schemaRejectsWhatItShould();
    void passingRun();
    void failingRule();
    void interruptedRunFailsRunCompleted();
    void unwritableReportExitsThree();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result cli(const QStringList &args);
    // xmllint --schema tests/junit/junit.xsd: "" when valid, else what xmllint said.
    QString validate(const QString &file);
    QByteArray readFile(const QString &path);
    QString m_bin;
    QString m_xsd;
    QString m_xmllint;
    QTemporaryDir m_dir;
};

void tst_JunitReport::initTestCase()
{
    m_bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(m_bin), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(m_bin)));
    m_xsd = qEnvironmentVariable("BURGERBENCH_SOURCE") + QStringLiteral("/tests/junit/junit.xsd");
    QVERIFY2(QFile::exists(m_xsd), qPrintable(m_xsd));
    m_xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
    QVERIFY2(!m_xmllint.isEmpty(), "xmllint not found: scripts/setup.sh installs libxml2-utils");
    QVERIFY(m_dir.isValid());
}

tst_JunitReport::Result tst_JunitReport::cli(const QStringList &args)
{
    QProcess p;
    p.start(m_bin, args);
    Result r;
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished();
        qWarning("timed out: %s", qPrintable(args.join(u' ')));
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString tst_JunitReport::validate(const QString &file)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_xmllint, { QStringLiteral("--noout"), QStringLiteral("--schema"), m_xsd, file });
    if (!p.waitForFinished(30'000))
        return QStringLiteral("xmllint timed out");
    const QString said = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 ? QString() : said;
}

QByteArray tst_JunitReport::readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void tst_JunitReport::schemaRejectsWhatItShould()
{
    // The schema is only a check if it can fail: a case without a name, a count that is not a
    // number and an unknown child are each refused.
    const QList<QByteArray> bad {
        "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase classname=\"c\"/></testsuite></testsuites>",
        "<testsuites><testsuite name=\"s\" tests=\"one\"><testcase name=\"t\" "
        "classname=\"c\"/></testsuite></testsuites>",
        "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"t\" "
        "classname=\"c\"><oops/></testcase>"
        "</testsuite></testsuites>",
    };
    int i = 0;
    for (const QByteArray &xml : bad) {
        const QString path = m_dir.filePath(QStringLiteral("bad-%1.xml").arg(i++));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(xml);
        f.close();
        QVERIFY2(!validate(path).isEmpty(), xml.constData());
    }
    const QString good = m_dir.filePath(QStringLiteral("good.xml"));
    QFile f(good);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"1\"><testcase name=\"t\" classname=\"c\">"
        "<failure message=\"m\" type=\"x\">text</failure></testcase></testsuite></testsuites>");
    f.close();
    QCOMPARE(validate(good), QString());
}

void tst_JunitReport::passingRun()
{
    const QString xml = m_dir.filePath(QStringLiteral("pass.xml"));
    const QString json = m_dir.filePath(QStringLiteral("pass.json"));
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("8"),
        QStringLiteral("--concurrency"), QStringLiteral("4"), QStringLiteral("--sim-ttft-ms"),
        QStringLiteral("20"), QStringLiteral("--progress"), QStringLiteral("off"),
        QStringLiteral("--fail-if"), QStringLiteral("failed>0"), QStringLiteral("--fail-if"),
        QStringLiteral("ttft.p99>5s"), QStringLiteral("--junit"), xml, QStringLiteral("--summary-json"),
        json });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(validate(xml), QString());
    const Suite suite = readJunit(readFile(xml));
    QCOMPARE(suite.tests, 3);
    QCOMPARE(suite.failures, 0);
    QCOMPARE(suite.cases.size(), 3);
    QCOMPARE(suite.cases.at(0).name, QStringLiteral("run completed"));
    QVERIFY(!suite.cases.at(0).failed);
    QVERIFY2(suite.cases.at(0).message.contains(QLatin1String("8 completed")),
        qPrintable(suite.cases.at(0).message));
    QCOMPARE(suite.cases.at(1).name, QStringLiteral("--fail-if failed>0"));
    QVERIFY(!suite.cases.at(1).failed);
    QVERIFY2(suite.cases.at(1).message.startsWith(
                 QLatin1String("failed measured 0; the run fails when it is > 0: passed")),
        qPrintable(suite.cases.at(1).message));
    QCOMPARE(suite.cases.at(2).name, QStringLiteral("--fail-if ttft.p99>5s"));
    QVERIFY(!suite.cases.at(2).failed);
    QVERIFY2(suite.cases.at(2).message.contains(QLatin1String("ttft.p99 measured "))
            && suite.cases.at(2).message.contains(QLatin1String("> 5000 ms: passed")),
        qPrintable(suite.cases.at(2).message));

    const QJsonObject root = QJsonDocument::fromJson(readFile(json)).object();
    QCOMPARE(root.value(QStringLiteral("schema")).toString(), QStringLiteral("burgerbench.summary/1"));
    QCOMPARE(root.value(QStringLiteral("passed")).toBool(false), true);
    QCOMPARE(
        root.value(QStringLiteral("run")).toObject().value(QStringLiteral("completed")).toBool(false), true);
    const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("completed")).toInt(), 8);
    const double ttftMedian
        = summary.value(QStringLiteral("ttft_ms")).toObject().value(QStringLiteral("median")).toDouble();
    QVERIFY2(ttftMedian >= 20 && ttftMedian < 1000, qPrintable(QString::number(ttftMedian)));
    const QJsonArray rules = root.value(QStringLiteral("thresholds")).toArray();
    QCOMPARE(rules.size(), 2);
    const QJsonObject p99 = rules.at(1).toObject();
    QCOMPARE(p99.value(QStringLiteral("rule")).toString(), QStringLiteral("ttft.p99>5s"));
    QCOMPARE(p99.value(QStringLiteral("limit")).toDouble(), 5000.0);
    QCOMPARE(p99.value(QStringLiteral("unit")).toString(), QStringLiteral("ms"));
    QVERIFY(p99.value(QStringLiteral("measured")).toDouble() >= 20);
    QCOMPARE(p99.value(QStringLiteral("passed")).toBool(false), true);
    // Small: the summary, not the run (no per-request records).
    QVERIFY2(readFile(json).size() < 8192, qPrintable(QString::number(readFile(json).size())));
}

void tst_JunitReport::failingRule()
{
    const QString xml = m_dir.filePath(QStringLiteral("fail.xml"));
    const QString json = m_dir.filePath(QStringLiteral("fail.json"));
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("6"),
        QStringLiteral("--concurrency"), QStringLiteral("3"), QStringLiteral("--sim-ttft-ms"),
        QStringLiteral("60"), QStringLiteral("--progress"), QStringLiteral("off"),
        QStringLiteral("--fail-if"), QStringLiteral("ttft.median>10ms"), QStringLiteral("--fail-if"),
        QStringLiteral("error_rate>1%"), QStringLiteral("--junit"), xml, QStringLiteral("--summary-json"),
        json });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(validate(xml), QString());
    const Suite suite = readJunit(readFile(xml));
    QCOMPARE(suite.tests, 3);
    QCOMPARE(suite.failures, 1);
    QVERIFY(!suite.cases.at(0).failed); // the run itself completed
    const Case &ttft = suite.cases.at(1);
    QCOMPARE(ttft.name, QStringLiteral("--fail-if ttft.median>10ms"));
    QVERIFY(ttft.failed);
    QCOMPARE(ttft.failureType, QStringLiteral("threshold"));
    // "ttft.median measured 61.2 ms; the run fails when it is > 10 ms: failed"
    const QRegularExpression shape(
        QStringLiteral("^ttft\\.median measured ([0-9.]+) ms; the run fails when it is > 10 ms: failed$"));
    const QRegularExpressionMatch m = shape.match(ttft.message);
    QVERIFY2(m.hasMatch(), qPrintable(ttft.message));
    QVERIFY2(m.captured(1).toDouble() >= 60, qPrintable(ttft.message));
    QVERIFY(!suite.cases.at(2).failed);
    QVERIFY2(suite.cases.at(2).message.startsWith(
                 QLatin1String("error_rate measured 0%; the run fails when it is > 1%")),
        qPrintable(suite.cases.at(2).message));

    const QJsonObject root = QJsonDocument::fromJson(readFile(json)).object();
    QCOMPARE(root.value(QStringLiteral("passed")).toBool(true), false);
    const QJsonArray rules = root.value(QStringLiteral("thresholds")).toArray();
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules.at(0).toObject().value(QStringLiteral("passed")).toBool(true), false);
    QVERIFY(
        qAbs(rules.at(0).toObject().value(QStringLiteral("measured")).toDouble() - m.captured(1).toDouble())
        < 0.01);
    QCOMPARE(rules.at(1).toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("fraction"));
    QCOMPARE(rules.at(1).toObject().value(QStringLiteral("limit")).toDouble(), 0.01);
    QCOMPARE(rules.at(1).toObject().value(QStringLiteral("passed")).toBool(false), true);
}

void tst_JunitReport::interruptedRunFailsRunCompleted()
{
    const QString xml = m_dir.filePath(QStringLiteral("aborted.xml"));
    const QString json = m_dir.filePath(QStringLiteral("aborted.json"));
    QProcess p;
    p.start(m_bin,
        { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("50"),
            QStringLiteral("--concurrency"), QStringLiteral("5"), QStringLiteral("--sim-ttft-ms"),
            QStringLiteral("2000"), QStringLiteral("--progress"), QStringLiteral("off"),
            QStringLiteral("--fail-if"), QStringLiteral("failed>0"), QStringLiteral("--junit"), xml,
            QStringLiteral("--summary-json"), json });
    QVERIFY(p.waitForStarted());
    QTest::qWait(800);
    ::kill(pid_t(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(20'000));
    QCOMPARE(p.exitCode(), 3);
    QCOMPARE(validate(xml), QString());
    const Suite suite = readJunit(readFile(xml));
    QCOMPARE(suite.tests, 2);
    QCOMPARE(suite.failures, 1);
    QCOMPARE(suite.cases.at(0).name, QStringLiteral("run completed"));
    QVERIFY(suite.cases.at(0).failed);
    QCOMPARE(suite.cases.at(0).failureType, QStringLiteral("cancelled"));
    QVERIFY2(suite.cases.at(0).message.contains(QLatin1String("cancelled")),
        qPrintable(suite.cases.at(0).message));
    QVERIFY(!suite.cases.at(1).failed); // cancelled requests are incomplete, not failed

    const QJsonObject root = QJsonDocument::fromJson(readFile(json)).object();
    QCOMPARE(root.value(QStringLiteral("passed")).toBool(true), false);
    const QJsonObject run = root.value(QStringLiteral("run")).toObject();
    QCOMPARE(run.value(QStringLiteral("completed")).toBool(true), false);
    QCOMPARE(run.value(QStringLiteral("cancelled")).toBool(false), true);
    QCOMPARE(root.value(QStringLiteral("summary")).toObject().value(QStringLiteral("incomplete")).toInt(), 5);
}

void tst_JunitReport::unwritableReportExitsThree()
{
    const QString xml = m_dir.filePath(QStringLiteral("no-such-dir/out.xml"));
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("2"),
        QStringLiteral("--progress"), QStringLiteral("off"), QStringLiteral("--junit"), xml });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(xml.toUtf8()), r.err.constData());
    QVERIFY(!QFile::exists(xml));
}

QTEST_GUILESS_MAIN(tst_JunitReport)
#include "tst_junitreport.moc"
