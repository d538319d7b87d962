// Two sweeps compared (sweep/sweepcompare.h): level rows matched by `over` and offered value, the
// change, the capacity's noise verdict by the repeats' intervals and by bracket overlap, both ways,
// and no verdict when a side did not search; then `burgerbench-cli compare a.json b.json` on two
// real sweeps against the built-in simulator, its table and its JSON against the two files' steps,
// and a run report mixed with a sweep report refused.
#include "sweep/sweepcompare.h"
#include "sweep/sweepreport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace BurgerBench;
using SweepCompare::Verdict;

Q_DECLARE_METATYPE(BurgerBench::SweepCompare::Verdict)
Q_DECLARE_METATYPE(BurgerBench::SweepResult)

namespace {

// A level from its repeats' achieved requests/s; the latencies follow the rate so a row that
// read the wrong point would show it.
SweepPoint point(SweepOver over, double value, const QList<double> &rps)
{
    SweepPoint p;
    p.over = over;
    p.value = value;
    p.runs = int(rps.size());
    p.requestThroughput = MeanInterval::of(rps);
    p.ttftP50 = MeanInterval::of({ 100 + value });
    p.ttftP99 = MeanInterval::of({ 200 + value });
    p.e2elP99 = MeanInterval::of({ 1000 + 10 * value });
    return p;
}

SweepResult sweepOf(const QList<SweepPoint> &points)
{
    SweepResult r;
    r.points = points;
    for (const SweepPoint &p : points)
        r.maxRequestThroughput = std::max(r.maxRequestThroughput, p.requestThroughput.mean);
    return r;
}

// A search over rate that found `value` within [lo, hi], its capacity level repeated as `rps`.
SweepResult searchOf(double value, double lo, double hi, const QList<double> &rps)
{
    SweepResult r = sweepOf({ point(SweepOver::Rate, value, rps) });
    r.profile = SweepProfile::Search;
    r.capacity.searched = true;
    r.capacity.over = SweepOver::Rate;
    r.capacity.value = value;
    r.capacity.lo = lo;
    r.capacity.hi = hi;
    return r;
}

// json.a.b... by keys.
QJsonValue field(QJsonValue v, std::initializer_list<const char *> keys)
{
    for (const char *key : keys)
        v = v.toObject().value(QLatin1String(key));
    return v;
}

bool near(double a, double b, double rel = 1e-9)
{
    return std::abs(a - b) <= rel * std::max(1.0, std::abs(b));
}

} // namespace

class tst_SweepCompare : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void levelsMatchByOverAndValue();
    void levelChangeIsBAgainstA();
    void levelVerdict_data();
    void levelVerdict();
    void capacityVerdict_data();
    void capacityVerdict();
    void capacityNotJudged_data();
    void capacityNotJudged();
    // As a user runs it.
    void cliComparesTwoSweeps();
    void cliRefusesAMix();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result cli(const QStringList &args);
    QString m_bin;
    QTemporaryDir m_dir;
    QString m_a, m_b; // the two sweeps cliComparesTwoSweeps ran, read by cliRefusesAMix
};

void tst_SweepCompare::initTestCase()
{
    m_bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY(m_dir.isValid());
}

tst_SweepCompare::Result tst_SweepCompare::cli(const QStringList &args)
{
    QProcess p;
    p.start(m_bin, args);
    Result r;
    if (!p.waitForFinished(120'000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// Rate 20 and concurrency 4 ran in both; rate 10 only in A, rate 30 only in B, and B's
// concurrency 10 is not A's rate 10. The rows come sorted, rate before concurrency.
void tst_SweepCompare::levelsMatchByOverAndValue()
{
    const SweepResult a = sweepOf({ point(SweepOver::Concurrency, 4, { 7 }),
        point(SweepOver::Rate, 10, { 9.9 }), point(SweepOver::Rate, 20, { 19.5 }) });
    const SweepResult b = sweepOf({ point(SweepOver::Rate, 20, { 19.8 }), point(SweepOver::Rate, 30, { 28 }),
        point(SweepOver::Concurrency, 10, { 12 }), point(SweepOver::Concurrency, 4, { 8 }) });
    const SweepCompare::Result r = SweepCompare::compare(a, b);
    QCOMPARE(r.rows.size(), qsizetype(2));
    QCOMPARE(r.rows.at(0).over, SweepOver::Rate);
    QCOMPARE(r.rows.at(0).value, 20.0);
    QCOMPARE(r.rows.at(0).a.rps, 19.5);
    QCOMPARE(r.rows.at(0).b.rps, 19.8);
    QCOMPARE(r.rows.at(0).a.ttftP99, 220.0);
    QCOMPARE(r.rows.at(1).over, SweepOver::Concurrency);
    QCOMPARE(r.rows.at(1).value, 4.0);
    QCOMPARE(r.rows.at(1).a.rps, 7.0);
    QCOMPARE(r.rows.at(1).b.rps, 8.0);
    QCOMPARE(r.rows.at(1).b.e2elP99, 1040.0);
    QCOMPARE(r.maxRpsA, 19.5);
    QCOMPARE(r.maxRpsB, 28.0);
    // Neither sweep searched: no capacity, and said so.
    QVERIFY(!r.capacity);
    QCOMPARE(r.capacityVerdict, Verdict::NotJudged);
    QVERIFY2(r.capacityMethod.startsWith(QLatin1String("not judged")), qPrintable(r.capacityMethod));

    const QString table = SweepCompare::formatTable(QStringLiteral("a.json"), QStringLiteral("b.json"), r);
    QVERIFY(table.startsWith(QLatin1String("Sweeps: A = a.json, B = b.json\n")));
    QVERIFY2(table.contains(QRegularExpression(QStringLiteral("\\nrate 20/s +19\\.50 +19\\.80 "))),
        qPrintable(table));
    QVERIFY2(
        table.contains(QRegularExpression(QStringLiteral("\\nc=4 +7\\.00 +8\\.00 "))), qPrintable(table));
    QVERIFY(!table.contains(QLatin1String("rate 10/s")));
    QVERIFY(!table.contains(QLatin1String("c=10")));
    QVERIFY(!table.contains(QLatin1String("rate 30/s")));
}

// The change is B - A: the table and the JSON say the same.
void tst_SweepCompare::levelChangeIsBAgainstA()
{
    const SweepResult a = sweepOf({ point(SweepOver::Rate, 20, { 16 }) });
    SweepResult b = sweepOf({ point(SweepOver::Rate, 20, { 20 }) });
    b.points[0].ttftP99 = MeanInterval::of({ 150 });
    b.points[0].e2elP99 = MeanInterval::of({ 900 });
    const SweepCompare::Result r = SweepCompare::compare(a, b);
    QCOMPARE(r.rows.size(), qsizetype(1));
    const QString table = SweepCompare::formatTable(QStringLiteral("a"), QStringLiteral("b"), r);
    QVERIFY2(table.contains(QLatin1String("+4.00 (+25.0%)")), qPrintable(table)); // 16 -> 20 req/s
    QVERIFY2(table.contains(QLatin1String("-300.0 (-25.0%)")), qPrintable(table)); // E2EL p99 1200 -> 900
    const QJsonObject row = SweepCompare::toJson(QStringLiteral("a"), QStringLiteral("b"), r)
                                .value(QLatin1String("levels"))
                                .toArray()
                                .at(0)
                                .toObject();
    QCOMPARE(row.value(QLatin1String("over")).toString(), QStringLiteral("rate"));
    QCOMPARE(row.value(QLatin1String("value")).toDouble(), 20.0);
    QCOMPARE(row.value(QLatin1String("request_throughput_delta")).toDouble(), 4.0);
    QCOMPARE(row.value(QLatin1String("ttft_p99_delta_ms")).toDouble(), -70.0);
    QCOMPARE(row.value(QLatin1String("e2el_p99_delta_ms")).toDouble(), -300.0);
    QCOMPARE(
        row.value(QLatin1String("a")).toObject().value(QLatin1String("request_throughput")).toDouble(), 16.0);
    // One run a side: no interval, no verdict.
    QVERIFY(
        row.value(QLatin1String("a")).toObject().value(QLatin1String("request_throughput_ci95")).isNull());
    QCOMPARE(row.value(QLatin1String("verdict")).toString(), QStringLiteral("n/a"));
}

void tst_SweepCompare::levelVerdict_data()
{
    QTest::addColumn<QList<double>>("a");
    QTest::addColumn<QList<double>>("b");
    QTest::addColumn<Verdict>("verdict");
    // 3 repeats: mean ± 4.30 · s / √3. {10, 10.2, 9.8}: 10 ± 0.50; {12, 12.2, 11.8}: 12 ± 0.50.
    QTest::newRow("B faster, intervals apart")
        << QList<double> { 10, 10.2, 9.8 } << QList<double> { 12, 12.2, 11.8 } << Verdict::BeyondNoise;
    QTest::newRow("B slower, intervals apart")
        << QList<double> { 12, 12.2, 11.8 } << QList<double> { 10, 10.2, 9.8 } << Verdict::BeyondNoise;
    // {10.3, 10.5, 10.1}: 10.3 ± 0.50 overlaps 10 ± 0.50.
    QTest::newRow("B faster, intervals overlap")
        << QList<double> { 10, 10.2, 9.8 } << QList<double> { 10.3, 10.5, 10.1 } << Verdict::WithinNoise;
    QTest::newRow("B slower, intervals overlap")
        << QList<double> { 10.3, 10.5, 10.1 } << QList<double> { 10, 10.2, 9.8 } << Verdict::WithinNoise;
    // A wide spread hides even a large change of the means.
    QTest::newRow("wide intervals") << QList<double> { 5, 15 } << QList<double> { 9, 21 }
                                    << Verdict::WithinNoise;
    QTest::newRow("A without repeats")
        << QList<double> { 10 } << QList<double> { 12, 12.2, 11.8 } << Verdict::NotJudged;
    QTest::newRow("B without repeats")
        << QList<double> { 10, 10.2, 9.8 } << QList<double> { 30 } << Verdict::NotJudged;
}

void tst_SweepCompare::levelVerdict()
{
    QFETCH(QList<double>, a);
    QFETCH(QList<double>, b);
    QFETCH(Verdict, verdict);
    const SweepCompare::Result r = SweepCompare::compare(
        sweepOf({ point(SweepOver::Concurrency, 8, a) }), sweepOf({ point(SweepOver::Concurrency, 8, b) }));
    QCOMPARE(r.rows.size(), qsizetype(1));
    QCOMPARE(r.rows.at(0).rpsVerdict, verdict);
    QCOMPARE(r.rows.at(0).a.rps, MeanInterval::of(a).mean);
    QCOMPARE(r.rows.at(0).b.rps, MeanInterval::of(b).mean);
    const QString text = SweepCompare::verdictText(verdict);
    const QString table = SweepCompare::formatTable(QStringLiteral("a"), QStringLiteral("b"), r);
    QVERIFY2(
        table.contains(QRegularExpression(QStringLiteral("\\nc=8 .* %1\\n").arg(text))), qPrintable(table));
    QCOMPARE(SweepCompare::toJson(QStringLiteral("a"), QStringLiteral("b"), r)
                 .value(QLatin1String("levels"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("verdict"))
                 .toString(),
        text);
}

void tst_SweepCompare::capacityVerdict_data()
{
    QTest::addColumn<SweepResult>("a");
    QTest::addColumn<SweepResult>("b");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("method");
    // With repeats at both capacity levels, their achieved requests/s intervals decide, whatever
    // the brackets say.
    QTest::newRow("repeats apart, B higher")
        << searchOf(20, 19, 21, { 19.8, 20, 20.2 }) << searchOf(20.5, 19.5, 21.5, { 22.8, 23, 23.2 })
        << Verdict::BeyondNoise << "repeats' 95% intervals";
    QTest::newRow("repeats apart, B lower")
        << searchOf(20.5, 19.5, 21.5, { 22.8, 23, 23.2 }) << searchOf(20, 19, 21, { 19.8, 20, 20.2 })
        << Verdict::BeyondNoise << "repeats' 95% intervals";
    QTest::newRow("repeats overlap, disjoint brackets")
        << searchOf(20, 19, 21, { 19.8, 20, 20.2 }) << searchOf(30, 29, 31, { 19.9, 20.1, 20.3 })
        << Verdict::WithinNoise << "repeats' 95% intervals";
    // Without repeats, the brackets.
    QTest::newRow("brackets apart, B higher") << searchOf(20, 19, 21, { 20 }) << searchOf(25, 24, 26, { 25 })
                                              << Verdict::BeyondNoise << "bracket overlap";
    QTest::newRow("brackets apart, B lower") << searchOf(25, 24, 26, { 25 }) << searchOf(20, 19, 21, { 20 })
                                             << Verdict::BeyondNoise << "bracket overlap";
    QTest::newRow("brackets overlap, B higher")
        << searchOf(20, 19, 22, { 20 }) << searchOf(21, 20.5, 23, { 21 }) << Verdict::WithinNoise
        << "bracket overlap";
    QTest::newRow("brackets overlap, B lower")
        << searchOf(21, 20.5, 23, { 21 }) << searchOf(20, 19, 22, { 20 }) << Verdict::WithinNoise
        << "bracket overlap";
    // No level failed in A: its capacity is at least 20, so B's [24, 26] may be the same.
    QTest::newRow("A unbounded above")
        << searchOf(20, 20, std::nan(""), { 20 }) << searchOf(25, 24, 26, { 25 }) << Verdict::WithinNoise
        << "bracket overlap";
    // One side repeated, the other not: the brackets.
    QTest::newRow("repeats on one side only")
        << searchOf(20, 19, 21, { 19.8, 20, 20.2 }) << searchOf(25, 24, 26, { 25 }) << Verdict::BeyondNoise
        << "bracket overlap";
}

void tst_SweepCompare::capacityVerdict()
{
    QFETCH(SweepResult, a);
    QFETCH(SweepResult, b);
    QFETCH(Verdict, verdict);
    QFETCH(QString, method);
    const SweepCompare::Result r = SweepCompare::compare(a, b);
    QVERIFY(r.capacity);
    QCOMPARE(r.capacityVerdict, verdict);
    QVERIFY2(r.capacityMethod.startsWith(method), qPrintable(r.capacityMethod));
    QCOMPARE(r.capacityDelta, b.capacity.value - a.capacity.value);
    QVERIFY(near(r.capacityPercent, 100 * (b.capacity.value - a.capacity.value) / a.capacity.value));
    const QJsonObject cap = SweepCompare::toJson(QStringLiteral("a"), QStringLiteral("b"), r)
                                .value(QLatin1String("capacity"))
                                .toObject();
    QCOMPARE(cap.value(QLatin1String("verdict")).toString(), SweepCompare::verdictText(verdict));
    QCOMPARE(cap.value(QLatin1String("delta")).toDouble(), b.capacity.value - a.capacity.value);
    QCOMPARE(
        cap.value(QLatin1String("a")).toObject().value(QLatin1String("value")).toDouble(), a.capacity.value);
    QCOMPARE(
        cap.value(QLatin1String("b")).toObject().value(QLatin1String("bracket")).toArray().at(0).toDouble(),
        b.capacity.lo);
    const QString table = SweepCompare::formatTable(QStringLiteral("a"), QStringLiteral("b"), r);
    QVERIFY2(table.contains(QStringLiteral(": %1 (%2").arg(SweepCompare::verdictText(verdict), method)),
        qPrintable(table));
}

void tst_SweepCompare::capacityNotJudged_data()
{
    QTest::addColumn<SweepResult>("a");
    QTest::addColumn<SweepResult>("b");
    QTest::addColumn<bool>("capacity");
    QTest::addColumn<QString>("why");
    const SweepResult plain = sweepOf({ point(SweepOver::Rate, 20, { 20 }) });
    QTest::newRow("A did not search") << plain << searchOf(25, 24, 26, { 25 }) << false << "not both";
    QTest::newRow("B did not search") << searchOf(25, 24, 26, { 25 }) << plain << false << "not both";
    SweepResult none = searchOf(20, 19, 21, { 20 });
    none.capacity.value = std::nan("");
    QTest::newRow("B found no level")
        << searchOf(25, 24, 26, { 25 }) << none << true << "a side found no level";
    SweepResult overConcurrency = searchOf(4, 3, 5, { 20 });
    overConcurrency.capacity.over = SweepOver::Concurrency;
    QTest::newRow("different over") << searchOf(25, 24, 26, { 25 }) << overConcurrency << true
                                    << "one searched over rate";
}

void tst_SweepCompare::capacityNotJudged()
{
    QFETCH(SweepResult, a);
    QFETCH(SweepResult, b);
    QFETCH(bool, capacity);
    QFETCH(QString, why);
    const SweepCompare::Result r = SweepCompare::compare(a, b);
    QCOMPARE(r.capacity, capacity);
    QCOMPARE(r.capacityVerdict, Verdict::NotJudged);
    QVERIFY2(r.capacityMethod.startsWith(QLatin1String("not judged: ") + why), qPrintable(r.capacityMethod));
    const QJsonObject cap = SweepCompare::toJson(QStringLiteral("a"), QStringLiteral("b"), r)
                                .value(QLatin1String("capacity"))
                                .toObject();
    QCOMPARE(cap.value(QLatin1String("verdict")).toString(), QStringLiteral("n/a"));
    QCOMPARE(cap.value(QLatin1String("a")).isNull(), !a.capacity.searched);
    QCOMPARE(cap.value(QLatin1String("b")).isNull(), !b.capacity.searched);
    if (!capacity)
        QVERIFY(cap.value(QLatin1String("delta")).isNull());
}

// Concurrency 1 and 4 against a kitchen of 2 slots, then of 4 (TTFT 100 ms, 10 ms a token, 21
// tokens: 0.3 s a request). At c=1 both serve about 3.3 requests/s; at c=4 the first is capped at
// 2 / 0.3 = 6.7, the second serves 4 / 0.3 = 13.3.
void tst_SweepCompare::cliComparesTwoSweeps()
{
    QVERIFY2(QFile::exists(m_bin), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(m_bin)));
    m_a = m_dir.filePath(QStringLiteral("a.json"));
    m_b = m_dir.filePath(QStringLiteral("b.json"));
    for (const auto &[capacity, path] : { std::pair { "2", m_a }, std::pair { "4", m_b } }) {
        const Result sweep = cli({ QStringLiteral("sweep"), QStringLiteral("--profile"),
            QStringLiteral("concurrency"), QStringLiteral("--values"), QStringLiteral("1,4"),
            QStringLiteral("--duration"), QStringLiteral("2s"), QStringLiteral("--sim-capacity"),
            QLatin1String(capacity), QStringLiteral("--sim-ttft-ms"), QStringLiteral("100"),
            QStringLiteral("--sim-token-interval-ms"), QStringLiteral("10"),
            QStringLiteral("--sim-output-tokens"), QStringLiteral("21"), QStringLiteral("--max-tokens"),
            QStringLiteral("21"), QStringLiteral("--progress"), QStringLiteral("off"),
            QStringLiteral("--json"), path });
        QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.out + sweep.err));
    }
    const QString json = m_dir.filePath(QStringLiteral("cmp.json"));
    const QString html = m_dir.filePath(QStringLiteral("cmp.html"));
    const Result cmp = cli({ QStringLiteral("compare"), m_a, m_b, QStringLiteral("--json"), json,
        QStringLiteral("--html"), html });
    QVERIFY2(cmp.exitCode == 0, qPrintable(cmp.out + cmp.err));
    QVERIFY2(
        cmp.out.startsWith(QStringLiteral("Sweeps: A = %1, B = %2\n").arg(m_a, m_b)), qPrintable(cmp.out));
    // Not the run comparison's table.
    QVERIFY(!cmp.out.contains(QLatin1String("Mann-Whitney")));

    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject out = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(out.value(QLatin1String("schema")).toString(), QStringLiteral("burgerbench.sweep-compare/1"));
    QCOMPARE(out.value(QLatin1String("a")).toString(), m_a);
    QCOMPARE(out.value(QLatin1String("b")).toString(), m_b);
    const QJsonArray levels = out.value(QLatin1String("levels")).toArray();
    QCOMPARE(levels.size(), qsizetype(2));

    // Each row against the step that level ran in each file (one repeat: the step is the point).
    auto stepsOf = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("steps")).toArray()
            : QJsonArray();
    };
    const QJsonArray stepsA = stepsOf(m_a);
    const QJsonArray stepsB = stepsOf(m_b);
    QCOMPARE(stepsA.size(), qsizetype(2));
    QCOMPARE(stepsB.size(), qsizetype(2));
    const QStringList lines = cmp.out.split(u'\n');
    for (int i = 0; i < 2; ++i) {
        const QJsonObject row = levels.at(i).toObject();
        QCOMPARE(row.value(QLatin1String("over")).toString(), QStringLiteral("concurrency"));
        QCOMPARE(row.value(QLatin1String("value")).toDouble(), i == 0 ? 1.0 : 4.0);
        double rps[2] = {};
        for (int side = 0; side < 2; ++side) {
            const QJsonObject step = (side == 0 ? stepsA : stepsB).at(i).toObject();
            QCOMPARE(
                step.value(QLatin1String("value")).toDouble(), row.value(QLatin1String("value")).toDouble());
            const QJsonObject got = row.value(side == 0 ? QLatin1String("a") : QLatin1String("b")).toObject();
            // The steady-state rate, else the run's own throughput.
            const QJsonObject summary
                = step.value(QLatin1String("run")).toObject().value(QLatin1String("summary")).toObject();
            double expected = step.value(QLatin1String("saturation"))
                                  .toObject()
                                  .value(QLatin1String("completion_rate"))
                                  .toDouble();
            if (!(expected > 0))
                expected = summary.value(QLatin1String("request_throughput")).toDouble();
            rps[side] = got.value(QLatin1String("request_throughput")).toDouble();
            QVERIFY2(near(rps[side], expected, 1e-9),
                qPrintable(QStringLiteral("%1 vs %2").arg(rps[side]).arg(expected)));
            for (const auto &[key, metric] : { std::pair { "ttft_p50_ms", "ttft_ms" },
                     std::pair { "ttft_p99_ms", "ttft_ms" }, std::pair { "e2el_p99_ms", "e2el_ms" } }) {
                const QString rank = QString::fromLatin1(key).contains(QLatin1String("p50"))
                    ? QStringLiteral("p50")
                    : QStringLiteral("p99");
                const double want = summary.value(QLatin1String(metric)).toObject().value(rank).toDouble();
                const double have = got.value(QLatin1String(key)).toDouble();
                QVERIFY2(want > 0 && near(have, want, 1e-6),
                    qPrintable(QStringLiteral("%1: %2 vs %3").arg(QLatin1String(key)).arg(have).arg(want)));
            }
        }
        QVERIFY(near(row.value(QLatin1String("request_throughput_delta")).toDouble(), rps[1] - rps[0]));
        // The printed row: the level, then A's and B's req/s to two decimals.
        const QString level = i == 0 ? QStringLiteral("c=1") : QStringLiteral("c=4");
        const QStringList printed = lines.filter(QRegularExpression(QStringLiteral("^%1 ").arg(level)));
        QCOMPARE(printed.size(), qsizetype(1));
        const QStringList cells = printed.first().split(u' ', Qt::SkipEmptyParts);
        QCOMPARE(cells.at(1), QString::number(rps[0], 'f', 2));
        QCOMPARE(cells.at(2), QString::number(rps[1], 'f', 2));
        QCOMPARE(cells.last(), QStringLiteral("n/a")); // one repeat a side
    }
    // The kitchen shows: the same at c=1, twice the throughput at c=4.
    const double c1a = field(levels.at(0), { "a", "request_throughput" }).toDouble();
    const double c1b = field(levels.at(0), { "b", "request_throughput" }).toDouble();
    const double c4a = field(levels.at(1), { "a", "request_throughput" }).toDouble();
    const double c4b = field(levels.at(1), { "b", "request_throughput" }).toDouble();
    QVERIFY2(std::abs(c1b - c1a) < 0.15 * c1a, qPrintable(QStringLiteral("%1 vs %2").arg(c1a).arg(c1b)));
    QVERIFY2(c4b > 1.6 * c4a, qPrintable(QStringLiteral("%1 vs %2").arg(c4a).arg(c4b)));
    QVERIFY(field(levels.at(1), { "a", "saturated" }).toBool() || c4a < 7.5);
    // Neither searched.
    QCOMPARE(field(out, { "capacity", "verdict" }).toString(), QStringLiteral("n/a"));
    QVERIFY(cmp.out.contains(QLatin1String("Capacity: not judged: not both sweeps are capacity searches")));
    // The JSON is what the module gives for the two files as read back.
    SweepResult a;
    SweepResult b;
    QString error;
    QVERIFY2(SweepReport::read(m_a, &a, &error), qPrintable(error));
    QVERIFY2(SweepReport::read(m_b, &b, &error), qPrintable(error));
    QCOMPARE(out, SweepCompare::toJson(m_a, m_b, SweepCompare::compare(a, b)));
    QCOMPARE(cmp.out, SweepCompare::formatTable(m_a, m_b, SweepCompare::compare(a, b)));
    // The page names both files.
    QFile page(html);
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(page.readAll());
    QVERIFY(doc.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(doc.contains(m_a.toHtmlEscaped()) && doc.contains(m_b.toHtmlEscaped()));
}

// A run report and a sweep report: refused with both names, exit code 2, nothing written.
void tst_SweepCompare::cliRefusesAMix()
{
    if (m_a.isEmpty() || !QFile::exists(m_a)) { // run alone (-functions, a filter): make them here
        cliComparesTwoSweeps();
        if (QTest::currentTestFailed())
            return;
    }
    // A step's `run` is the object `run --json` writes.
    QFile f(m_a);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject run = QJsonDocument::fromJson(f.readAll())
                                .object()
                                .value(QLatin1String("steps"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QLatin1String("run"))
                                .toObject();
    QVERIFY(!run.isEmpty());
    const QString runPath = m_dir.filePath(QStringLiteral("run.json"));
    QFile r(runPath);
    QVERIFY(r.open(QIODevice::WriteOnly));
    r.write(QJsonDocument(run).toJson());
    r.close();
    const QString json = m_dir.filePath(QStringLiteral("mix.json"));
    for (const QStringList &files : { QStringList { runPath, m_b }, QStringList { m_b, runPath } }) {
        const Result mix = cli(QStringList { QStringLiteral("compare") } + files
            + QStringList { QStringLiteral("--json"), json });
        QCOMPARE(mix.exitCode, 2);
        QVERIFY2(
            mix.err.contains(
                QStringLiteral("%1 is a sweep report (burgerbench.sweep/1) but %2 is not").arg(m_b, runPath)),
            qPrintable(mix.err));
        QVERIFY(mix.out.isEmpty());
        QVERIFY(!QFile::exists(json));
    }
    // Two runs still go to the run comparison.
    const Result runs = cli({ QStringLiteral("compare"), runPath, runPath });
    QVERIFY2(runs.exitCode == 0, qPrintable(runs.err));
    QVERIFY(!runs.out.startsWith(QLatin1String("Sweeps:")));
    // The sweep-only page is refused for runs.
    const Result html = cli({ QStringLiteral("compare"), runPath, runPath, QStringLiteral("--html"),
        m_dir.filePath(QStringLiteral("x.html")) });
    QCOMPARE(html.exitCode, 2);
    QVERIFY2(html.err.contains(QLatin1String("--html: only for two sweep reports")), qPrintable(html.err));
}

QTEST_GUILESS_MAIN(tst_SweepCompare)
#include "tst_sweepcompare.moc"
