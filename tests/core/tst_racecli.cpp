// `burgerbench-cli race` as a user runs it: exit codes, the table, and the JSON with measured and
// theoretical figures per model (a tiny race so the suite stays quick).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class tst_RaceCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badUsage_data();
    void badUsage();
    void listsPresets();
    void tinyRaceWritesJson();
    void jsonOntoFifoIsWrittenThrough();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result cli(const QStringList &args);
    QString m_bin;
};

void tst_RaceCli::initTestCase()
{
    m_bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(m_bin), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(m_bin)));
}

tst_RaceCli::Result tst_RaceCli::cli(const QStringList &args)
{
    QProcess p;
    p.start(m_bin, QStringList { QStringLiteral("race") } + args);
    Result r;
    if (!p.waitForFinished(120'000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void tst_RaceCli::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no preset") << QStringList {} << QStringLiteral("--preset");
    QTest::newRow("unknown preset") << QStringList { QStringLiteral("--preset"), QStringLiteral("pizza") }
                                    << QStringLiteral("pizza");
    QTest::newRow("unknown model") << QStringList { QStringLiteral("--preset"), QStringLiteral("burgers"),
        QStringLiteral("--models"), QStringLiteral("turbo") }
                                   << QStringLiteral("turbo");
    QTest::newRow("model that cannot run the workload") << QStringList { QStringLiteral("--preset"),
        QStringLiteral("burgers"), QStringLiteral("--models"), QStringLiteral("parallel-cpu") }
                                                        << QStringLiteral("parallel-cpu");
    QTest::newRow("zero workers") << QStringList { QStringLiteral("--preset"), QStringLiteral("burgers"),
        QStringLiteral("--workers"), QStringLiteral("0") }
                                  << QStringLiteral("--workers");
    QTest::newRow("unexpected argument")
        << QStringList { QStringLiteral("--preset"), QStringLiteral("burgers"), QStringLiteral("now") }
        << QStringLiteral("now");
}

void tst_RaceCli::badUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void tst_RaceCli::listsPresets()
{
    const Result r = cli({ QStringLiteral("--list") });
    QCOMPARE(r.exitCode, 0);
    for (const char *name :
        { "burgers", "clean-the-house", "web-ml", "blocking-the-cashier", "background-jobs" })
        QVERIFY2(r.out.contains(QLatin1String(name)), name);
}

void tst_RaceCli::tinyRaceWritesJson()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("race.json"));
    // 3 orders of 0.05 + 2 × 0.01 = 0.07 s through the burgers models, with 2 workers.
    const Result r = cli({ QStringLiteral("--preset"), QStringLiteral("burgers"),
        QStringLiteral("--requests"), QStringLiteral("3"), QStringLiteral("--workers"), QStringLiteral("2"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("50"), QStringLiteral("--sim-token-interval-ms"),
        QStringLiteral("10"), QStringLiteral("--sim-output-tokens"), QStringLiteral("3"),
        QStringLiteral("--json"), path, QStringLiteral("--story"), QStringLiteral("es") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("Ocho pedidos")));
    for (const char *model : { "sequential", "concurrent", "parallel-blocking" })
        QVERIFY2(r.out.contains(QLatin1String(model)), model);
    QVERIFY2(r.out.contains(QStringLiteral("N·T = 3 × 0.070 s")), qPrintable(r.out));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QLatin1String("schema")).toString(), QStringLiteral("burgerbench.race/1"));
    QVERIFY(root.value(QLatin1String("cpu_count")).toInt() >= 1);
    const QJsonArray models = root.value(QLatin1String("models")).toArray();
    QCOMPARE(models.size(), 3);
    const double theory[] = { 0.21, 0.07, 0.14 };
    for (int i = 0; i < 3; ++i) {
        const QJsonObject m = models.at(i).toObject();
        QVERIFY(m.value(QLatin1String("ran")).toBool());
        QVERIFY(qAbs(m.value(QLatin1String("theoretical_s")).toDouble() - theory[i]) < 1e-9);
        const double measured = m.value(QLatin1String("measured_s")).toDouble();
        QVERIFY2(measured >= theory[i] * 0.95, qPrintable(QString::number(measured)));
        QVERIFY(m.value(QLatin1String("efficiency")).toDouble() > 0);
        const QJsonObject run = m.value(QLatin1String("run")).toObject();
        QCOMPARE(run.value(QLatin1String("requests")).toArray().size(), 3);
    }
    const QJsonObject blocking = models.at(2).toObject().value(QLatin1String("run")).toObject();
    QCOMPARE(blocking.value(QLatin1String("task_lanes")).toArray().size(), 2);
    QCOMPARE(blocking.value(QLatin1String("tasks")).toArray().size(), 3);
}

// The race file goes through the run reports' writer: onto a FIFO it is written through (a
// rename over it would have replaced it with a regular file), its reader gets the JSON and the
// FIFO stays a FIFO.
void tst_RaceCli::jsonOntoFifoIsWrittenThrough()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("race.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess reader; // blocks opening the FIFO until the race writes its file
    reader.start(QStringLiteral("cat"), { fifo });
    QVERIFY(reader.waitForStarted());
    const Result r = cli({ QStringLiteral("--preset"), QStringLiteral("burgers"),
        QStringLiteral("--requests"), QStringLiteral("2"), QStringLiteral("--workers"), QStringLiteral("2"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("5"), QStringLiteral("--sim-token-interval-ms"),
        QStringLiteral("1"), QStringLiteral("--sim-output-tokens"), QStringLiteral("2"),
        QStringLiteral("--json"), fifo });
    QCOMPARE(r.exitCode, 0);
    if (!reader.waitForFinished(10'000))
        reader.kill();
    QJsonParseError parse {};
    QJsonDocument::fromJson(reader.readAllStandardOutput(), &parse);
    QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(parse.errorString()));
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));
}

QTEST_GUILESS_MAIN(tst_RaceCli)
#include "tst_racecli.moc"
