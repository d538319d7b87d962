#include "workload/dataset.h"
#include "workload/lengthdistribution.h"
#include "workload/promptsynth.h"
#include "workload/requestplan.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace BurgerBench;

class tst_Workload : public QObject
{
    Q_OBJECT
private slots:
    void parseErrors_data();
    void parseErrors();
    void moments_data();
    void moments();
    void clampingAndRanges();
    void mixWeights();
    void sameSeedSameSamples();
    void synthTextHitsBytes();
    void planLengthsAndPrefixes();
    void planFallbacks();
    void dataset_data();
    void dataset();
    void datasetSampleIsSeededAndBounded();
};

void tst_Workload::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // a part of the error that says what is wrong
    QTest::newRow("empty") << ""
                           << "empty; expected N";
    QTest::newRow("zero") << "0"
                          << "whole number from 1";
    QTest::newRow("fraction") << "12.5"
                              << "whole number";
    QTest::newRow("word") << "lots"
                          << "whole number";
    QTest::newRow("uniform one arg") << "uniform:5"
                                     << "uniform takes two lengths";
    QTest::newRow("uniform reversed") << "uniform:9,3"
                                      << "A must not be above B";
    QTest::newRow("normal no std") << "normal:512"
                                   << "normal takes MEAN,STD";
    QTest::newRow("normal negative std") << "normal:512,-1"
                                         << "STD must be a number";
    QTest::newRow("normal three args") << "normal:512,1,2"
                                       << "normal takes MEAN,STD";
    QTest::newRow("normal min above max") << "normal:512,10,600,500"
                                          << "MIN must not be above MAX";
    QTest::newRow("lognormal zero mean") << "lognormal:0,5"
                                         << "MEAN must be a number above 0";
    QTest::newRow("unknown kind") << "gamma:2,3"
                                  << "unknown distribution \"gamma\"";
    QTest::newRow("mix item without weight") << "128:30,1024"
                                             << "\"1024\" is not LENGTH:WEIGHT";
    QTest::newRow("mix bad weight") << "128:x,1024:70"
                                    << "the weight must be a number";
    QTest::newRow("mix zero weights") << "128:0,1024:0"
                                      << "weights add up to 0";
    QTest::newRow("too long") << "2000000"
                              << "from 1 to 1000000";
}

void tst_Workload::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    LengthDistribution d;
    QString error;
    QVERIFY(!LengthDistribution::parse(text, QStringLiteral("--input-tokens"), &d, &error));
    QVERIFY2(error.startsWith(QLatin1String("--input-tokens: ")), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.contains(u'"' + text + u'"'), qPrintable(error)); // quotes what was given
}

void tst_Workload::moments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("stdev");
    QTest::newRow("fixed") << "64" << 64.0 << 0.0;
    QTest::newRow("uniform") << "uniform:100,300" << 200.0 << std::sqrt((201.0 * 201.0 - 1) / 12);
    QTest::newRow("normal") << "normal:512,128" << 512.0 << 128.0;
    QTest::newRow("lognormal") << "lognormal:300,150" << 300.0 << 150.0;
    QTest::newRow("mix") << "128:30,1024:70" << 0.3 * 128 + 0.7 * 1024 << std::sqrt(0.3 * 0.7) * (1024 - 128);
}

void tst_Workload::moments()
{
    QFETCH(QString, text);
    QFETCH(double, mean);
    QFETCH(double, stdev);
    LengthDistribution d;
    QString error;
    QVERIFY2(LengthDistribution::parse(text, QStringLiteral("x"), &d, &error), qPrintable(error));
    std::mt19937_64 rng(7);
    constexpr int N = 20000;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < N; ++i) {
        const double v = d.sample(rng);
        sum += v;
        sum2 += v * v;
    }
    const double m = sum / N;
    const double s = std::sqrt(std::max(0.0, sum2 / N - m * m));
    QVERIFY2(std::abs(m - mean) <= 0.02 * mean, qPrintable(QStringLiteral("mean %1 vs %2").arg(m).arg(mean)));
    if (stdev == 0)
        QCOMPARE(s, 0.0);
    else
        QVERIFY2(std::abs(s - stdev) <= 0.10 * stdev,
            qPrintable(QStringLiteral("std %1 vs %2").arg(s).arg(stdev)));
    QCOMPARE(d.text(), text);
}

void tst_Workload::clampingAndRanges()
{
    LengthDistribution d;
    QString error;
    // Wide normal clamped to [400, 600]: no sample outside, and both bounds are hit.
    QVERIFY(
        LengthDistribution::parse(QStringLiteral("normal:500,400,400,600"), QStringLiteral("x"), &d, &error));
    std::mt19937_64 rng(1);
    int atMin = 0, atMax = 0;
    for (int i = 0; i < 5000; ++i) {
        const int v = d.sample(rng);
        QVERIFY(v >= 400 && v <= 600);
        atMin += v == 400;
        atMax += v == 600;
    }
    QVERIFY(atMin > 1000 && atMax > 1000);
    // Without bounds a normal never goes below 1 token.
    QVERIFY(LengthDistribution::parse(QStringLiteral("normal:5,50"), QStringLiteral("x"), &d, &error));
    for (int i = 0; i < 2000; ++i)
        QVERIFY(d.sample(rng) >= 1);
    // uniform:A,B reaches both ends and nothing past them.
    QVERIFY(LengthDistribution::parse(QStringLiteral("uniform:3,5"), QStringLiteral("x"), &d, &error));
    int seen[8] = {};
    for (int i = 0; i < 3000; ++i) {
        const int v = d.sample(rng);
        QVERIFY(v >= 3 && v <= 5);
        ++seen[v];
    }
    QVERIFY(seen[3] > 800 && seen[4] > 800 && seen[5] > 800);
}

void tst_Workload::mixWeights()
{
    LengthDistribution d;
    QString error;
    QVERIFY(LengthDistribution::parse(QStringLiteral("10:1, 20:2 ,30:1"), QStringLiteral("x"), &d, &error));
    std::mt19937_64 rng(3);
    int counts[3] = {};
    constexpr int N = 20000;
    for (int i = 0; i < N; ++i) {
        const int v = d.sample(rng);
        QVERIFY(v == 10 || v == 20 || v == 30);
        ++counts[v / 10 - 1];
    }
    QVERIFY(std::abs(counts[0] / double(N) - 0.25) < 0.015);
    QVERIFY(std::abs(counts[1] / double(N) - 0.50) < 0.015);
    QVERIFY(std::abs(counts[2] / double(N) - 0.25) < 0.015);
    QCOMPARE(d.nominalMean(), 20.0);
}

void tst_Workload::sameSeedSameSamples()
{
    LengthDistribution d;
    QString error;
    QVERIFY(LengthDistribution::parse(QStringLiteral("lognormal:200,80"), QStringLiteral("x"), &d, &error));
    std::mt19937_64 a(99), b(99), c(100);
    QList<int> x, y, z;
    for (int i = 0; i < 50; ++i) {
        x << d.sample(a);
        y << d.sample(b);
        z << d.sample(c);
    }
    QCOMPARE(x, y);
    QVERIFY(x != z);
    // Our own transform: a fixed mt19937_64 state gives these values on every platform.
    std::mt19937_64 r(42);
    const double n = standardNormal(r);
    std::mt19937_64 r2(42);
    const double u1 = unitUniform(r2), u2 = unitUniform(r2);
    QCOMPARE(n, std::sqrt(-2 * std::log(u1)) * std::cos(2 * 3.14159265358979323846 * u2));
}

void tst_Workload::synthTextHitsBytes()
{
    std::mt19937_64 rng(5);
    for (int bytes : { 1, 7, 100, 1000, 20000 }) {
        const QString t = PromptSynth::text(rng, bytes);
        QVERIFY2(std::abs(t.size() - bytes) <= 8,
            qPrintable(QStringLiteral("%1 for %2").arg(t.size()).arg(bytes)));
        QVERIFY(!t.startsWith(u' ') && !t.endsWith(u' '));
    }
    QVERIFY(PromptSynth::text(rng, 0).isEmpty());
    TokenModel m { 3.5, 10, CountSource::Tokenize };
    QCOMPARE(m.bytesFor(110), 350);
    QCOMPARE(m.tokensFor(350), 110);
    QCOMPARE(m.bytesFor(5), 0); // shorter than the overhead: no text
}

void tst_Workload::planLengthsAndPrefixes()
{
    WorkloadSettings w;
    w.inputTokens = QStringLiteral("normal:512,128");
    w.outputTokens = QStringLiteral("uniform:10,20");
    w.prefixTokens = 100;
    w.prefixGroups = 3;
    w.tokens = { 4.0, 0, CountSource::Estimated };
    QString error;
    const auto plan = RequestPlan::build(w, 42, {}, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->prefixes().size(), 3);
    QSet<int> groups;
    double sum = 0;
    for (quint32 i = 0; i < 2000; ++i) {
        const PlannedRequest p = plan->at(i);
        QVERIFY(p.outputTokens >= 10 && p.outputTokens <= 20);
        QVERIFY(p.inputTokens >= 100);
        QVERIFY(p.prompt.startsWith(plan->prefixes().at(p.prefixGroup)));
        // The text is as long as the token model says the asked length is (within a word).
        QVERIFY2(std::abs(p.prompt.size() - 4.0 * p.inputTokens) <= 16,
            qPrintable(QStringLiteral("%1 bytes for %2 tokens").arg(p.prompt.size()).arg(p.inputTokens)));
        groups.insert(p.prefixGroup);
        sum += p.inputTokens;
    }
    QCOMPARE(groups.size(), 3);
    QVERIFY(std::abs(sum / 2000 - 512) < 0.02 * 512);
    // Lengths without the text (a record made before its first attempt) are the same lengths.
    for (quint32 i = 0; i < 50; ++i) {
        const PlannedRequest bare = plan->at(i, false);
        QVERIFY(bare.prompt.isEmpty());
        QCOMPARE(bare.inputTokens, plan->at(i).inputTokens);
        QCOMPARE(bare.outputTokens, plan->at(i).outputTokens);
        QCOMPARE(bare.prefixGroup, plan->at(i).prefixGroup);
    }
    // Same seed, same request; another index, another text.
    const auto again = RequestPlan::build(w, 42, {}, &error);
    QCOMPARE(again->at(17).prompt, plan->at(17).prompt);
    QCOMPARE(again->at(17).outputTokens, plan->at(17).outputTokens);
    QVERIFY(plan->at(17).prompt != plan->at(18).prompt);
    // Another seed plans other traffic.
    QVERIFY(RequestPlan::build(w, 43, {}, &error)->at(17).prompt != plan->at(17).prompt);

    w.inputTokens = QStringLiteral("normal:512");
    QVERIFY(!RequestPlan::build(w, 42, {}, &error));
    QVERIFY2(error.startsWith(QLatin1String("workload.input_tokens: ")), qPrintable(error));
}

void tst_Workload::planFallbacks()
{
    WorkloadSettings w;
    w.outputTokens = QStringLiteral("128:50,256:50");
    QString error;
    RequestPlan::Fallback fallback;
    fallback.prompt = QStringLiteral("the scenario's own prompt");
    auto plan = RequestPlan::build(w, 1, fallback, &error);
    QVERIFY(plan);
    QCOMPARE(plan->at(3).prompt, fallback.prompt);
    QCOMPARE(plan->at(3).inputTokens, -1); // not planned: the scenario's text as it is
    QSet<int> outs;
    for (quint32 i = 0; i < 100; ++i)
        outs.insert(plan->at(i).outputTokens);
    QCOMPARE(outs, (QSet<int> { 128, 256 }));

    w = WorkloadSettings();
    w.inputTokens = QStringLiteral("50");
    fallback = {};
    fallback.maxTokens = 7;
    plan = RequestPlan::build(w, 1, fallback, &error);
    QCOMPARE(plan->at(0).outputTokens, 7);
    QCOMPARE(plan->at(0).inputTokens, 50);
}

static QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

void tst_Workload::dataset_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("rows"); // -1: an error
    QTest::addColumn<QString>("expect"); // the error's tail, or row 0's prompt
    QTest::addColumn<int>("output0");

    QTest::newRow("jsonl prompts") << QByteArray("{\"prompt\": \"hello there\", \"output_tokens\": 12}\n\n"
                                                 "{\"prompt\": \"second\"}\n")
                                   << "auto" << 2 << "hello there" << 12;
    QTest::newRow("jsonl messages") << QByteArray(
        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
                                    << "jsonl" << 1 << "" << -1;
    QTest::newRow("jsonl bad json") << QByteArray("{\"prompt\": \"a\"}\n{\"prompt\": \n") << "auto" << -1
                                    << ":2: not valid JSON at column" << 0;
    QTest::newRow("jsonl missing prompt") << QByteArray("{\"prompt\": \"a\"}\n{\"text\": \"b\"}\n") << "auto"
                                          << -1 << ":2: missing \"prompt\" (or \"messages\")" << 0;
    QTest::newRow("jsonl bad output") << QByteArray("{\"prompt\": \"a\", \"output_tokens\": 0}") << "auto"
                                      << -1 << ":1: \"output_tokens\" must be a whole number" << 0;
    QTest::newRow("jsonl bad message") << QByteArray("{\"messages\": [{\"role\": \"user\"}]}") << "auto" << -1
                                       << ":1: messages[0] must be" << 0;
    QTest::newRow("jsonl not object") << QByteArray("{\"prompt\": \"a\"}\n[1]\n") << "jsonl" << -1
                                      << ":2: a row must be a JSON object" << 0;
    QTest::newRow("empty file") << QByteArray("  \n") << "auto" << -1 << "the dataset is empty" << 0;
    QTest::newRow("jsonl only blank lines")
        << QByteArray("\n\n") << "jsonl" << -1 << "the dataset has no rows" << 0;
    QTest::newRow("unknown content") << QByteArray("question,answer\n") << "auto" << -1
                                     << "cannot tell the format" << 0;
    QTest::newRow("unknown format") << QByteArray("{}") << "parquet" << -1
                                    << "must be auto, jsonl, csv, mooncake or sharegpt (got \"parquet\")"
                                    << 0;
    // ShareGPT: the first human turn, the gpt turn after it gives the output (4 bytes a token).
    QTest::newRow("sharegpt") << QByteArray(
        "[{\"conversations\": [{\"from\": \"system\", \"value\": \"be nice\"},"
        "{\"from\": \"human\", \"value\": \"make a burger\"},"
        "{\"from\": \"gpt\", \"value\": \"0123456789abcdef0123456789abcdef\"},"
        "{\"from\": \"human\", \"value\": \"another\"}]},"
        "{\"conversations\": [{\"from\": \"human\", \"value\": \"no answer\"}]}]")
                              << "auto" << 1 << "make a burger" << 8;
    QTest::newRow("sharegpt no conversations")
        << QByteArray("[{\"conversations\": []}, {\"id\": 3}]") << "sharegpt" << -1
        << "item 1: missing \"conversations\"" << 0;
    QTest::newRow("sharegpt bad turn") << QByteArray("[{\"conversations\": [{\"from\": \"human\"}]}]")
                                       << "auto" << -1 << "item 0: conversations[0] must be" << 0;
    QTest::newRow("sharegpt no pairs") << QByteArray("[{\"conversations\": []}]") << "auto" << -1
                                       << "no conversation has a human turn followed by a gpt turn" << 0;
}

void tst_Workload::dataset()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(int, rows);
    QFETCH(QString, expect);
    QFETCH(int, output0);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("data.jsonl"), content);
    std::vector<DatasetRow> out;
    QString error;
    const bool ok = Dataset::load(path, format, 0, 42, TokenModel(), &out, &error);
    if (rows < 0) {
        QVERIFY(!ok);
        QVERIFY(out.empty());
        QVERIFY2(error.contains(expect), qPrintable(error));
        if (format != QLatin1String("parquet"))
            QVERIFY2(error.startsWith(path), qPrintable(error)); // names the file
        return;
    }
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(int(out.size()), rows);
    QCOMPARE(out[0].prompt, expect);
    QCOMPARE(out[0].outputTokens, output0);
    if (expect.isEmpty())
        QCOMPARE(out[0].messages.size(), 1);
}

void tst_Workload::datasetSampleIsSeededAndBounded()
{
    QTemporaryDir dir;
    QByteArray content;
    for (int i = 0; i < 5000; ++i)
        content += "{\"prompt\": \"row " + QByteArray::number(i) + "\"}\n";
    const QString path = writeFile(dir, QStringLiteral("big.jsonl"), content);
    std::vector<DatasetRow> a, b, c;
    QString error;
    QVERIFY(Dataset::load(path, QStringLiteral("auto"), 100, 42, TokenModel(), &a, &error));
    QVERIFY(Dataset::load(path, QStringLiteral("auto"), 100, 42, TokenModel(), &b, &error));
    QVERIFY(Dataset::load(path, QStringLiteral("auto"), 100, 43, TokenModel(), &c, &error));
    QCOMPARE(a.size(), size_t(100));
    bool same = true, differs = false;
    int late = 0; // rows from the second half: a reservoir, not the first 100 lines
    for (size_t i = 0; i < a.size(); ++i) {
        same = same && a[i].prompt == b[i].prompt;
        differs = differs || a[i].prompt != c[i].prompt;
        late += a[i].prompt.mid(4).toInt() >= 2500;
    }
    QVERIFY(same);
    QVERIFY(differs);
    QVERIFY2(late > 30 && late < 70, qPrintable(QString::number(late)));
    // A line past the cap is named, not read into memory whole.
    QByteArray huge = "{\"prompt\": \"ok\"}\n{\"prompt\": \"";
    huge += QByteArray(Dataset::MaxLineBytes + 10, 'x');
    huge += "\"}\n";
    const QString hugePath = writeFile(dir, QStringLiteral("huge.jsonl"), huge);
    QVERIFY(!Dataset::load(hugePath, QStringLiteral("auto"), 0, 1, TokenModel(), &a, &error));
    QVERIFY2(error.endsWith(QLatin1String("huge.jsonl:2: line longer than 16 MiB")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Workload)
#include "tst_workload.moc"
