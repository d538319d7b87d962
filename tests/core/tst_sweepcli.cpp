// `burgerbench-cli sweep` as a user runs it, against its in-process simulator with capacity 8,
// TTFT 100 ms, 10 ms a token and 21 tokens (0.3 s a request: a ceiling of 8 / 0.3 = 26.7
// requests/s): the Done-when, bad usage, and a sweep interrupted mid-way. Steps are 2-3 s
// so the suite stays quick.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <signal.h>

namespace {

constexpr double Ceiling = 8 / 0.3;

QStringList simulatorFlags()
{
    return { QStringLiteral("--sim-capacity"), QStringLiteral("8"), QStringLiteral("--sim-ttft-ms"),
        QStringLiteral("100"), QStringLiteral("--sim-token-interval-ms"), QStringLiteral("10"),
        QStringLiteral("--sim-output-tokens"), QStringLiteral("21"), QStringLiteral("--max-tokens"),
        QStringLiteral("21"), QStringLiteral("--progress"), QStringLiteral("plain") };
}

} // namespace

class tst_SweepCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badUsage_data();
    void badUsage();
    void autoFindsTheCeiling();
    void searchFindsCapacityAtTheCeiling();
    void rateListStopsPastTheCeiling();
    void interruptKeepsFinishedSteps();
    void deadTargetEndsTheSweep();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result cli(const QStringList &args);
    QJsonObject readJson(const QString &path);
    QString m_bin;
    QTemporaryDir m_dir;
};

void tst_SweepCli::initTestCase()
{
    m_bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(m_bin), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(m_bin)));
    QVERIFY(m_dir.isValid());
}

tst_SweepCli::Result tst_SweepCli::cli(const QStringList &args)
{
    QProcess p;
    p.start(m_bin, QStringList { QStringLiteral("sweep") } + args);
    Result r;
    if (!p.waitForFinished(180'000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject tst_SweepCli::readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void tst_SweepCli::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString d = QStringLiteral("--duration");
    const QString two = QStringLiteral("2s");
    QTest::newRow("no profile") << QStringList { d, two } << QStringLiteral("--profile is required");
    QTest::newRow("unknown profile") << QStringList { QStringLiteral("--profile"), QStringLiteral("ramp") }
                                     << QStringLiteral("\"ramp\"");
    QTest::newRow("rate without values") << QStringList { QStringLiteral("--profile"), QStringLiteral("rate"),
        d, two } << QStringLiteral("needs --values");
    QTest::newRow("bad values") << QStringList { QStringLiteral("--profile"), QStringLiteral("rate"),
        QStringLiteral("--values"), QStringLiteral("5:1:1"), d, two }
                                << QStringLiteral("B must not be below A");
    QTest::newRow("fractional concurrency") << QStringList { QStringLiteral("--profile"),
        QStringLiteral("concurrency"), QStringLiteral("--values"), QStringLiteral("1,2.5"), d, two }
                                            << QStringLiteral("whole number");
    QTest::newRow("search without slo") << QStringList { QStringLiteral("--profile"),
        QStringLiteral("search"), QStringLiteral("--rate"), QStringLiteral("5"), d, two }
                                        << QStringLiteral("needs --slo");
    QTest::newRow("bad slo") << QStringList { QStringLiteral("--profile"), QStringLiteral("search"),
        QStringLiteral("--slo"), QStringLiteral("ttft.p99<=fast"), QStringLiteral("--rate"),
        QStringLiteral("5"), d, two }
                             << QStringLiteral("--slo \"ttft.p99<=fast\"");
    QTest::newRow("over on a rate list") << QStringList { QStringLiteral("--profile"), QStringLiteral("rate"),
        QStringLiteral("--values"), QStringLiteral("1"), QStringLiteral("--over"), QStringLiteral("rate"), d,
        two } << QStringLiteral("only --profile search");
    QTest::newRow("tolerance of 2") << QStringList { QStringLiteral("--profile"), QStringLiteral("search"),
        QStringLiteral("--slo"), QStringLiteral("ttft.p99<=400ms"), QStringLiteral("--rate"),
        QStringLiteral("5"), QStringLiteral("--tolerance"), QStringLiteral("2"), d, two }
                                    << QStringLiteral("--tolerance");
    QTest::newRow("a run flag's own check") << QStringList { QStringLiteral("--profile"),
        QStringLiteral("rate"), QStringLiteral("--values"), QStringLiteral("1"), QStringLiteral("--duration"),
        QStringLiteral("soon") } << QStringLiteral("--duration");
    QTest::newRow("no end to a step") << QStringList { QStringLiteral("--profile"), QStringLiteral("rate"),
        QStringLiteral("--values"), QStringLiteral("1"), QStringLiteral("--requests"), QStringLiteral("0") }
                                      << QStringLiteral("--requests or --duration");
}

void tst_SweepCli::badUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
}

void tst_SweepCli::autoFindsTheCeiling()
{
    const QString json = m_dir.filePath(QStringLiteral("auto.json"));
    const QString csv = m_dir.filePath(QStringLiteral("auto.csv"));
    const Result r
        = cli(QStringList { QStringLiteral("--profile"), QStringLiteral("auto"), QStringLiteral("--steps"),
                  QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("3s"),
                  QStringLiteral("--json"), json, QStringLiteral("--csv"), csv }
            + simulatorFlags());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    // Progress names the step, its value and the time left.
    QVERIFY2(r.err.contains(QLatin1String("step 2/3: concurrency 64")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("left")), qPrintable(r.err));
    const QJsonObject o = readJson(json);
    QCOMPARE(o.value(QLatin1String("schema")).toString(), QStringLiteral("burgerbench.sweep/1"));
    const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps.at(0).toObject().value(QLatin1String("phase")).toString(), QStringLiteral("synchronous"));
    QCOMPARE(steps.at(1).toObject().value(QLatin1String("phase")).toString(), QStringLiteral("throughput"));
    for (const auto &s : steps)
        QCOMPARE(
            s.toObject().value(QLatin1String("run")).toObject().value(QLatin1String("schema")).toString(),
            QStringLiteral("burgerbench.run/1"));
    // The one rate step lies between the two measured rates (3.3/s one at a time, ~26.7/s).
    const double rate = steps.at(2).toObject().value(QLatin1String("value")).toDouble();
    QVERIFY2(rate > 5 && rate < 20, qPrintable(QString::number(rate)));
    const double max = o.value(QLatin1String("result"))
                           .toObject()
                           .value(QLatin1String("max_request_throughput"))
                           .toDouble();
    QVERIFY2(std::abs(max / Ceiling - 1) <= 0.05,
        qPrintable(QStringLiteral("%1 against %2").arg(max).arg(Ceiling)));
    QVERIFY(r.out.contains(QLatin1String("Max request throughput")));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines
        = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(2).startsWith(QLatin1String("2,1,0,throughput,concurrency,64,")));
}

void tst_SweepCli::searchFindsCapacityAtTheCeiling()
{
    const QString json = m_dir.filePath(QStringLiteral("search.json"));
    const Result r
        = cli(QStringList { QStringLiteral("--profile"), QStringLiteral("search"), QStringLiteral("--slo"),
                  QStringLiteral("ttft.p99<=400ms"), QStringLiteral("--over"), QStringLiteral("rate"),
                  QStringLiteral("--values"), QStringLiteral("5,40"), QStringLiteral("--duration"),
                  QStringLiteral("2s"), QStringLiteral("--json"), json }
            + simulatorFlags());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QJsonObject o = readJson(json);
    const QJsonObject capacity
        = o.value(QLatin1String("result")).toObject().value(QLatin1String("capacity")).toObject();
    QCOMPARE(capacity.value(QLatin1String("over")).toString(), QStringLiteral("rate"));
    QCOMPARE(
        capacity.value(QLatin1String("slo")).toArray().at(0).toString(), QStringLiteral("ttft.p99<=400ms"));
    const double value = capacity.value(QLatin1String("value")).toDouble();
    const QJsonArray bracket = capacity.value(QLatin1String("bracket")).toArray();
    const double lo = bracket.at(0).toDouble();
    const double hi = bracket.at(1).toDouble();
    const QString what = QStringLiteral("capacity %1 in [%2, %3]\n%4").arg(value).arg(lo).arg(hi).arg(r.out);
    // Rate steps arrive at constant intervals, so what arrived is what the search set. Past the
    // ceiling the kitchen's line grows; a 2 s step sees it from about 4% over the ceiling (the
    // server-queue rule, docs/sweep.md), so the capacity is the ceiling to within that: never
    // more than 4% above it, and no lower than the bracket's 5% below.
    const double arrived = capacity.value(QLatin1String("arrival_rate")).toDouble();
    QVERIFY2(
        std::abs(arrived / value - 1) < 0.01, qPrintable(QStringLiteral("arrived %1; ").arg(arrived) + what));
    QVERIFY2(value >= 0.95 * Ceiling && value <= 1.04 * Ceiling, qPrintable(what));
    QCOMPARE(value, lo);
    QVERIFY2(hi > lo && (hi - lo) / lo <= 0.05, qPrintable(what));
    QVERIFY(capacity.value(QLatin1String("converged")).toBool());
    const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
    QVERIFY2(steps.size() <= 10, qPrintable(what));
    // Every probe is in the report, with its verdict; the bracket's ends are probes that met
    // and missed the SLO.
    bool loMet = false, hiMissed = false;
    for (const auto &v : steps) {
        const QJsonObject s = v.toObject();
        QCOMPARE(s.value(QLatin1String("phase")).toString(), QStringLiteral("probe"));
        const bool ok
            = s.value(QLatin1String("meets_slo")).toBool() && !s.value(QLatin1String("saturated")).toBool();
        loMet = loMet || (s.value(QLatin1String("value")).toDouble() == lo && ok);
        hiMissed = hiMissed || (s.value(QLatin1String("value")).toDouble() == hi && !ok);
    }
    QVERIFY2(loMet && hiMissed, qPrintable(what));
    QVERIFY(r.out.contains(QLatin1String("Capacity (ttft.p99<=400ms): rate")));
}

void tst_SweepCli::rateListStopsPastTheCeiling()
{
    const QString json = m_dir.filePath(QStringLiteral("rates.json"));
    const Result r
        = cli(QStringList { QStringLiteral("--profile"), QStringLiteral("rate"), QStringLiteral("--values"),
                  QStringLiteral("10,40,50"), QStringLiteral("--duration"), QStringLiteral("2s"),
                  QStringLiteral("--json"), json }
            + simulatorFlags());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QJsonObject o = readJson(json);
    const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 2); // 50/s is not run
    QCOMPARE(steps.at(0).toObject().value(QLatin1String("saturated")).toBool(), false);
    const QJsonObject past = steps.at(1).toObject();
    QCOMPARE(past.value(QLatin1String("value")).toDouble(), 40.0);
    QCOMPARE(past.value(QLatin1String("saturated")).toBool(), true);
    const double served = past.value(QLatin1String("saturation"))
                              .toObject()
                              .value(QLatin1String("completion_rate"))
                              .toDouble();
    QVERIFY2(served < 0.9 * 40 && std::abs(served / Ceiling - 1) < 0.1, qPrintable(QString::number(served)));
    QVERIFY2(o.value(QLatin1String("stopped")).toString().contains(QLatin1String("saturated at rate 40")),
        qPrintable(o.value(QLatin1String("stopped")).toString()));
    QVERIFY(r.out.contains(QLatin1String("SATURATED")));
}

void tst_SweepCli::interruptKeepsFinishedSteps()
{
    const QString json = m_dir.filePath(QStringLiteral("cancelled.json"));
    QProcess p;
    p.start(m_bin,
        QStringList { QStringLiteral("sweep"), QStringLiteral("--profile"), QStringLiteral("rate"),
            QStringLiteral("--values"), QStringLiteral("10,11,12,13"), QStringLiteral("--duration"),
            QStringLiteral("2s"), QStringLiteral("--json"), json }
            + simulatorFlags());
    QVERIFY(p.waitForStarted());
    QString err;
    // Interrupt once the second step is running.
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += QString::fromUtf8(p.readAllStandardError()), err.contains(QLatin1String("step 2/4"))),
        30'000);
    QTest::qWait(500);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(30'000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 3);
    const QJsonObject o = readJson(json);
    QCOMPARE(o.value(QLatin1String("schema")).toString(), QStringLiteral("burgerbench.sweep/1"));
    QCOMPARE(o.value(QLatin1String("cancelled")).toBool(), true);
    const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 1); // the finished step; the cut-off one measured no level
    QCOMPARE(steps.at(0).toObject().value(QLatin1String("value")).toDouble(), 10.0);
    QVERIFY(steps.at(0)
                .toObject()
                .value(QLatin1String("run"))
                .toObject()
                .value(QLatin1String("requests"))
                .toArray()
                .size()
        > 3);
}

void tst_SweepCli::deadTargetEndsTheSweep()
{
    // Port 1 refuses every connection: the first step serves nothing and the sweep ends there.
    const QString json = m_dir.filePath(QStringLiteral("dead.json"));
    const Result r = cli({ QStringLiteral("--profile"), QStringLiteral("rate"), QStringLiteral("--values"),
        QStringLiteral("5,10"), QStringLiteral("--duration"), QStringLiteral("1s"), QStringLiteral("--url"),
        QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--progress"), QStringLiteral("off"),
        QStringLiteral("--json"), json });
    QCOMPARE(r.exitCode, 3);
    const QJsonObject o = readJson(json);
    const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.at(0).toObject().value(QLatin1String("target_failed")).toBool(), true);
    QVERIFY2(o.value(QLatin1String("stopped")).toString().contains(QLatin1String("no request succeeded")),
        qPrintable(o.value(QLatin1String("stopped")).toString()));
}

QTEST_GUILESS_MAIN(tst_SweepCli)
#include "tst_sweepcli.moc"
