// The workload flags as a user types them: the real binary through QProcess against its built-in
// simulator, the saved report's per-request asked/achieved lengths, and bad input refused by name
// with exit 2.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_WorkloadCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void syntheticLengths();
    void datasets_data();
    void datasets();
    void badInput_data();
    void badInput();

private:
    struct Result
    {
        int exitCode = -1;
        QString err;
    };
    Result cli(const QStringList &args);
    QJsonObject report(const QString &path);
    QString m_bin;
    QTemporaryDir m_dir;
};

void tst_WorkloadCli::initTestCase()
{
    m_bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(m_bin), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(m_bin)));
    QVERIFY(m_dir.isValid());
}

tst_WorkloadCli::Result tst_WorkloadCli::cli(const QStringList &args)
{
    QProcess p;
    p.start(m_bin, args);
    p.waitForFinished(120'000);
    Result r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject tst_WorkloadCli::report(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void tst_WorkloadCli::syntheticLengths()
{
    const QString json = m_dir.filePath(QStringLiteral("synthetic.json"));
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("40"),
        QStringLiteral("--concurrency"), QStringLiteral("8"), QStringLiteral("--input-tokens"),
        QStringLiteral("uniform:100,300"), QStringLiteral("--output-tokens"), QStringLiteral("4:50,9:50"),
        QStringLiteral("--prefix-tokens"), QStringLiteral("64"), QStringLiteral("--prefix-groups"),
        QStringLiteral("2"), QStringLiteral("--sim-ttft-ms"), QStringLiteral("1"),
        QStringLiteral("--sim-token-interval-ms"), QStringLiteral("0"), QStringLiteral("--progress"),
        QStringLiteral("off"), QStringLiteral("--json"), json });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject root = report(json);
    QCOMPARE(root.value(QLatin1String("meta"))
                 .toObject()
                 .value(QLatin1String("token_counts"))
                 .toObject()
                 .value(QLatin1String("source")),
        QJsonValue(QStringLiteral("tokenize")));
    const QJsonObject workload
        = root.value(QLatin1String("scenario")).toObject().value(QLatin1String("workload")).toObject();
    QCOMPARE(workload.value(QLatin1String("input_tokens")).toString(), QStringLiteral("uniform:100,300"));
    QCOMPARE(workload.value(QLatin1String("prefix_groups")).toInt(), 2);
    const QJsonArray requests = root.value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 40);
    QSet<int> outputs;
    for (const auto &v : requests) {
        const QJsonObject o = v.toObject();
        const int asked = o.value(QLatin1String("asked_input_tokens")).toInt();
        QVERIFY(asked >= 100 && asked <= 300);
        const int askedOut = o.value(QLatin1String("asked_output_tokens")).toInt();
        outputs.insert(askedOut);
        // The simulator follows max_tokens (--output-tokens makes it, unless --sim-output-tokens).
        QCOMPARE(o.value(QLatin1String("output_tokens")).toInt(), askedOut);
        QCOMPARE(o.value(QLatin1String("stopped_early")).toBool(), false);
        QCOMPARE(o.value(QLatin1String("prompt_tokens_source")).toString(), QStringLiteral("usage"));
        QVERIFY(std::abs(o.value(QLatin1String("prompt_tokens")).toInt() - asked) <= 3 + 0.12 * asked);
    }
    QCOMPARE(outputs, (QSet<int> { 4, 9 }));
}

void tst_WorkloadCli::datasets_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QList<int>>("outputs"); // asked output tokens, request by request
    QTest::addColumn<QString>("note"); // the end of meta.dataset (the summary's Dataset line)
    QTest::addColumn<int>("replayed"); // meta.replayed_rows (0: absent)
    QTest::newRow("jsonl") << QByteArray(
        "{\"prompt\": \"Describe the perfect burger\", \"output_tokens\": 12}\n"
        "{\"messages\": [{\"role\": \"user\", \"content\": \"Two, please\"}], "
        "\"output_tokens\": 5}\n{\"prompt\": \"What goes with fries?\"}\n")
                           << QStringList { QStringLiteral("--max-tokens"), QStringLiteral("7") }
                           << QList<int> { 12, 5, 7, 12, 5, 7 }
                           << QStringLiteral(" (jsonl): 3 of 3 rows kept") << 0;
    // Columns mapped by name; a length filter drops one row and says so; the rest cycle.
    QTest::newRow("csv") << QByteArray("question,answer_len\n\"Two burgers, \"\"extra\"\" pickles\",8\n"
                                       "\"Fries, large\",20\nMilkshake,10\n\"Salad\nno onions\",12\n")
                         << QStringList { QStringLiteral("--dataset-field"),
                                QStringLiteral("prompt=question"), QStringLiteral("--dataset-field"),
                                QStringLiteral("output_tokens=answer_len"),
                                QStringLiteral("--dataset-max-output"), QStringLiteral("12") }
                         << QList<int> { 8, 10, 12, 8, 10, 12 }
                         << QStringLiteral(" (csv): 3 of 4 rows kept; filtered out 1 output above 12 tokens")
                         << 0;
    // A Mooncake trace: lengths and hash blocks, replayed on its timestamps.
    QByteArray trace;
    for (int i = 0; i < 8; ++i)
        trace += QStringLiteral(
                     R"({"timestamp": %1, "input_length": 600, "output_length": %2, "hash_ids": [1]})")
                     .arg(10 * i)
                     .arg(4 + i)
                     .toUtf8()
            + '\n';
    QTest::newRow("mooncake") << trace << QStringList {} << QList<int> { 4, 5, 6, 7, 8, 9 }
                              << QStringLiteral(" (mooncake): 8 of 8 rows kept") << 6;
    // The gpt turn's length (86 bytes) in the simulator's tokens is the output length.
    QTest::newRow("sharegpt") << QByteArray(
        "[{\"conversations\": [{\"from\": \"human\", \"value\": \"Burgers?\"},"
        "{\"from\": \"gpt\", \"value\": \""
        + QByteArray(40, 'a')
        + "\"}]}]") << QStringList { QStringLiteral("--dataset-format"), QStringLiteral("sharegpt") }
                              << QList<int> {} << QStringLiteral(" (sharegpt): 1 of 1 row kept") << 0;
}

void tst_WorkloadCli::datasets()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, extra);
    QFETCH(QList<int>, outputs);
    QFETCH(QString, note);
    QFETCH(int, replayed);
    const QString data
        = m_dir.filePath(QStringLiteral("data-%1").arg(QLatin1String(QTest::currentDataTag())));
    QFile f(data);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const QString json = data + QStringLiteral(".report.json");
    const Result r
        = cli(QStringList { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("6"),
                  QStringLiteral("--dataset"), data, QStringLiteral("--sim-ttft-ms"), QStringLiteral("1"),
                  QStringLiteral("--sim-token-interval-ms"), QStringLiteral("0"),
                  QStringLiteral("--progress"), QStringLiteral("off"), QStringLiteral("--json"), json }
            + extra);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject root = report(json);
    const QJsonObject meta = root.value(QLatin1String("meta")).toObject();
    QVERIFY2(meta.value(QLatin1String("dataset")).toString().endsWith(note),
        qPrintable(meta.value(QLatin1String("dataset")).toString()));
    QCOMPARE(meta.value(QLatin1String("replayed_rows")).toInt(), replayed);
    const QJsonArray requests = root.value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 6);
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QJsonObject o = requests.at(i).toObject();
        const int asked = o.value(QLatin1String("asked_output_tokens")).toInt();
        if (!outputs.isEmpty())
            QCOMPARE(asked, outputs.at(i));
        else
            QVERIFY2(asked >= 5 && asked <= 20, qPrintable(QString::number(asked))); // 40 letters: ~10 tokens
        QCOMPARE(o.value(QLatin1String("output_tokens")).toInt(), asked);
    }
}

void tst_WorkloadCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("distribution") << QStringList {
        QStringLiteral("--input-tokens"), QStringLiteral("normal:512")
    } << "--input-tokens: normal takes MEAN,STD or MEAN,STD,MIN,MAX (got \"normal:512\")";
    QTest::newRow("output zero") << QStringList { QStringLiteral("--output-tokens"),
        QStringLiteral("0") } << "--output-tokens: a fixed length must be a whole number from 1 to 1000000";
    QTest::newRow("format") << QStringList {
        QStringLiteral("--dataset"), QStringLiteral("x"), QStringLiteral("--dataset-format"),
        QStringLiteral("parquet")
    } << "--dataset-format: expected auto, jsonl, csv, mooncake or sharegpt (got \"parquet\")";
    QTest::newRow("missing file") << QStringList { QStringLiteral("--dataset"),
        QStringLiteral("/nonexistent/d.jsonl") }
                                  << "/nonexistent/d.jsonl: cannot open";
    QTest::newRow("malformed row") << QStringList { QStringLiteral("--dataset"), QStringLiteral("@bad") }
                                   << ":2: \"prompt\" must be a non-empty string";
    QTest::newRow("empty dataset") << QStringList { QStringLiteral("--dataset"), QStringLiteral("@empty") }
                                   << ": the dataset is empty";
}

void tst_WorkloadCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    for (QString &a : args) {
        if (a.startsWith(u'@')) { // a file the row writes
            const QString path = m_dir.filePath(a.mid(1) + QStringLiteral(".jsonl"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(a == QLatin1String("@bad") ? QByteArray("{\"prompt\": \"ok\"}\n{\"prompt\": 3}\n")
                                               : QByteArray("\n"));
            a = path;
        }
    }
    const Result r = cli(
        QStringList { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("2") } + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_WorkloadCli)
#include "tst_workloadcli.moc"
