#include "metrics/summary.h"
#include "report/jsonreport.h"
#include "report/merge.h"
#include "reportfixture.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace BurgerBench;
using Fixture::Ms;

namespace {

// A worker's run: `n` streamed successes with TTFTs and gaps from its own generator, so the
// two workers' distributions differ in shape (one fast and tight, one slow with a long tail).
RunTrace worker(int n, quint32 seed, double ttftMean, double tailProbability, const QDateTime &started)
{
    RunTrace t;
    t.scenario.requests = n;
    t.scenario.seed = seed;
    t.scenario.percentiles = { 50, 90, 95, 99, 99.9 };
    t.startedAt = started;
    t.cpuCount = 4;
    std::mt19937 rng(seed);
    std::exponential_distribution<double> ttft(1.0 / ttftMean);
    std::bernoulli_distribution tail(tailProbability);
    std::uniform_int_distribution<int> tokens(2, 12);
    for (int i = 0; i < n; ++i) {
        const qint64 t0 = qint64(i) * 7 * Ms;
        const double ms = ttft(rng) + (tail(rng) ? 900 : 0);
        RequestRecord r = Fixture::success(
            quint32(i), t0, qint64(ms * 1e6) + 1, tokens(rng), 15 * Ms + i % 7 * 100'000, i % 8, 300'000);
        r.id = "w" + QByteArray::number(seed) + "-" + QByteArray::number(i);
        if (i % 17 == 5) {
            r.outcome = Outcome::Failed;
            r.error = ErrorKind::Http;
            r.httpStatus = 503;
        }
        t.requests.push_back(r);
        t.endNs = std::max(t.endNs, r.endNs);
    }
    t.measuredStartNs = 0;
    t.loopBusy = { { 0, 1 * Ms }, { 5 * Ms, 6 * Ms } };
    t.taskLanes = { TaskLane { LaneKind::Worker, 1, 0 } };
    t.tasks = { TaskRecord { 1, 0, TaskKind::CpuWork, 2 * Ms, 3 * Ms, 4 * Ms } };
    return t;
}

const QDateTime T0 = QDateTime(QDate(2026, 11, 22), QTime(9, 0, 0, 0), QTimeZone::utc());

// The union of the two runs' samples as one hand-built run on one clock.
RunTrace handUnion(const RunTrace &a, const RunTrace &b, qint64 offsetB)
{
    RunTrace u = a;
    for (RequestRecord r : b.requests) {
        r.dispatchNs += offsetB;
        r.intendedNs += offsetB;
        r.endNs += offsetB;
        r.tokenNs.shift(offsetB);
        u.requests.push_back(r);
    }
    u.endNs = std::max(a.endNs, b.endNs + offsetB);
    return u;
}

} // namespace

class TestMerge : public QObject
{
    Q_OBJECT
private slots:
    void exactPercentiles_data();
    void exactPercentiles();
    void notAnAverageOfPercentiles();
    void offsetsRecordedAndReversible();
    void throughFiles();
    void refusesDifferentDefinitions();
    void wallClockNeedsStartTimes();
    void refusesOneRunTwice();
    void namesScenarioDifferences();
};

void TestMerge::exactPercentiles_data()
{
    QTest::addColumn<int>("align");
    QTest::addColumn<qint64>("startGapMs");
    QTest::newRow("wall clock, B started 2.5 s later") << int(Merge::Align::WallClock) << qint64(2500);
    QTest::newRow("wall clock, same start") << int(Merge::Align::WallClock) << qint64(0);
    QTest::newRow("aligned at zero") << int(Merge::Align::Zero) << qint64(2500);
}

void TestMerge::exactPercentiles()
{
    QFETCH(int, align);
    QFETCH(qint64, startGapMs);
    const RunTrace a = worker(300, 1, 120, 0.0, T0);
    const RunTrace b = worker(200, 2, 300, 0.05, T0.addMSecs(startGapMs));
    Merge::Result merged;
    QString error;
    QVERIFY2(Merge::merge({ { QStringLiteral("a.json"), a, {} }, { QStringLiteral("b.json"), b, {} } },
                 Merge::Align(align), &merged, &error),
        qPrintable(error));
    const qint64 offset = align == int(Merge::Align::WallClock) ? startGapMs * Ms : 0;
    const RunTrace u = handUnion(a, b, offset);
    const QList<double> ranks { 50, 90, 95, 99, 99.9 };
    const Summary sm = computeSummary(merged.trace, ranks, Slo());
    const Summary su = computeSummary(u, ranks, Slo());
    const std::pair<const Distribution *, const Distribution *> pairs[]
        = { { &sm.ttft, &su.ttft }, { &sm.tpot, &su.tpot }, { &sm.itl, &su.itl }, { &sm.e2el, &su.e2el } };
    for (const auto &[m, x] : pairs) {
        QCOMPARE(m->count, x->count);
        QCOMPARE(m->percentileValues, x->percentileValues); // exact, not fuzzy
        QCOMPARE(m->median, x->median);
        QCOMPARE(m->min, x->min);
        QCOMPARE(m->max, x->max);
        QVERIFY(qFuzzyCompare(m->mean, x->mean));
    }
    QCOMPARE(sm.completed, su.completed);
    QCOMPARE(sm.failed, su.failed);
    QCOMPARE(sm.errors, su.errors);
    QCOMPARE(sm.peakConcurrency, su.peakConcurrency);
    QCOMPARE(sm.durationS, su.durationS);
    QCOMPARE(sm.totalOutputTokens, su.totalOutputTokens);
}

void TestMerge::notAnAverageOfPercentiles()
{
    // Why merging recomputes: the p99 of the union is not the mean of the two p99s.
    const RunTrace a = worker(300, 1, 120, 0.0, T0);
    const RunTrace b = worker(200, 2, 300, 0.05, T0);
    Merge::Result merged;
    QString error;
    QVERIFY(Merge::merge({ { QStringLiteral("a"), a, {} }, { QStringLiteral("b"), b, {} } },
        Merge::Align::Zero, &merged, &error));
    const double p99 = computeSummary(merged.trace, { 99 }, Slo()).ttft.percentile(99);
    const double averaged = (computeSummary(a, { 99 }, Slo()).ttft.percentile(99)
                                + computeSummary(b, { 99 }, Slo()).ttft.percentile(99))
        / 2;
    QVERIFY2(std::abs(p99 - averaged) > 10, qPrintable(QStringLiteral("%1 vs %2").arg(p99).arg(averaged)));
}

void TestMerge::offsetsRecordedAndReversible()
{
    const RunTrace a = worker(20, 1, 120, 0, T0.addMSecs(1500));
    const RunTrace b = worker(10, 2, 300, 0, T0);
    Merge::Result merged;
    QString error;
    QVERIFY(Merge::merge({ { QStringLiteral("a.json"), a, {} }, { QStringLiteral("b.json"), b, {} } },
        Merge::Align::WallClock, &merged, &error));
    QCOMPARE(merged.mergedFrom.size(), 2);
    const QJsonObject ea = merged.mergedFrom.at(0).toObject();
    const QJsonObject eb = merged.mergedFrom.at(1).toObject();
    QCOMPARE(ea.value(QLatin1String("file")).toString(), QStringLiteral("a.json"));
    QCOMPARE(ea.value(QLatin1String("offset_ns")).toInteger(), 1500 * Ms); // a started 1.5 s after b
    QCOMPARE(eb.value(QLatin1String("offset_ns")).toInteger(), qint64(0));
    QCOMPARE(ea.value(QLatin1String("started_at")).toString(), QStringLiteral("2026-11-22T09:00:01.500Z"));
    QCOMPARE(eb.value(QLatin1String("first_index")).toInteger(), qint64(20));
    QCOMPARE(merged.trace.startedAt, T0);
    QCOMPARE(int(merged.trace.requests.size()), 30);
    // Subtracting the offset gives back each run's own clock.
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(merged.trace.requests[size_t(i)].dispatchNs - 1500 * Ms, a.requests[size_t(i)].dispatchNs);
        QCOMPARE(merged.trace.requests[size_t(i)].tokenNs.back() - 1500 * Ms,
            a.requests[size_t(i)].tokenNs.back());
    }
    QCOMPARE(merged.trace.requests[20].dispatchNs, b.requests[0].dispatchNs);
    QCOMPARE(merged.trace.requests[25].index, 25u);
    QCOMPARE(merged.trace.requests[20].id, b.requests[0].id); // ids kept for matching server logs
    // Lanes and worker lanes of the runs do not collide.
    QCOMPARE(merged.trace.requests[20].lane, b.requests[0].lane + 8);
    QCOMPARE(merged.trace.taskLanes,
        (std::vector<TaskLane> { TaskLane { LaneKind::Worker, 1, 1 }, TaskLane { LaneKind::Worker, 1, 2 } }));
    QCOMPARE(merged.trace.tasks[1].lane, 1);
    QCOMPARE(merged.trace.tasks[1].request, 21);
    QCOMPARE(merged.trace.cpuCount, 8);
    QCOMPARE(merged.trace.measuredStartNs, qint64(0));
    QCOMPARE(merged.trace.scenario.requests, 30);
    QVERIFY(merged.warnings.isEmpty()); // differing seeds are not worth a warning
}

void TestMerge::throughFiles()
{
    QTemporaryDir dir;
    const RunTrace a = worker(50, 1, 120, 0, T0);
    const RunTrace b = worker(40, 2, 200, 0.1, T0.addMSecs(100));
    QString error;
    const QString pa = dir.filePath(QStringLiteral("a.json"));
    const QString pb = dir.filePath(QStringLiteral("b.json"));
    QVERIFY(JsonReport::write(pa, a, computeSummary(a, a.scenario.percentiles, Slo()), &error));
    QVERIFY(JsonReport::write(pb, b, computeSummary(b, b.scenario.percentiles, Slo()), &error));
    QList<Merge::Input> inputs;
    for (const QString &p : { pa, pb }) {
        Merge::Input in;
        in.file = p;
        QVERIFY2(JsonReport::read(p, &in.trace, &error, &in.meta), qPrintable(error));
        inputs << in;
    }
    Merge::Result merged;
    QVERIFY(Merge::merge(inputs, Merge::Align::WallClock, &merged, &error));
    const QString all = dir.filePath(QStringLiteral("all.json"));
    const Summary s = computeSummary(merged.trace, merged.trace.scenario.percentiles, Slo());
    QVERIFY(JsonReport::write(
        all, merged.trace, s, &error, { { QStringLiteral("merged_from"), merged.mergedFrom } }));
    RunTrace back;
    QJsonObject meta;
    QVERIFY2(JsonReport::read(all, &back, &error, &meta), qPrintable(error));
    QCOMPARE(meta.value(QLatin1String("merged_from")).toArray().size(), 2);
    QCOMPARE(computeSummary(back, back.scenario.percentiles, Slo()).ttft.percentileValues,
        s.ttft.percentileValues);
    const Summary su = computeSummary(handUnion(a, b, 100 * Ms), a.scenario.percentiles, Slo());
    QCOMPARE(s.ttft.percentileValues, su.ttft.percentileValues);
    QCOMPARE(s.itl.percentileValues, su.itl.percentileValues);

    // Merging a merged file keeps the earlier parts.
    Merge::Input again;
    again.file = all;
    again.trace = back;
    again.meta = meta;
    Merge::Result twice;
    QVERIFY(Merge::merge({ again, inputs.first() }, Merge::Align::WallClock, &twice, &error));
    QCOMPARE(twice.mergedFrom.at(0).toObject().value(QLatin1String("parts")).toArray().size(), 2);
}

void TestMerge::refusesDifferentDefinitions()
{
    RunTrace a = worker(5, 1, 100, 0, T0);
    RunTrace b = worker(5, 2, 100, 0, T0);
    b.definitions = QStringLiteral("genai-perf");
    Merge::Result merged;
    QString error;
    QVERIFY(!Merge::merge({ { QStringLiteral("a.json"), a, {} }, { QStringLiteral("b.json"), b, {} } },
        Merge::Align::Zero, &merged, &error));
    QVERIFY2(error.startsWith(QLatin1String("b.json: metric definitions")), qPrintable(error));
    QVERIFY(!Merge::merge({}, Merge::Align::Zero, &merged, &error));
}

void TestMerge::wallClockNeedsStartTimes()
{
    RunTrace a = worker(5, 1, 100, 0, T0);
    RunTrace b = worker(5, 2, 100, 0, QDateTime());
    Merge::Result merged;
    QString error;
    QVERIFY(!Merge::merge({ { QStringLiteral("a.json"), a, {} }, { QStringLiteral("b.json"), b, {} } },
        Merge::Align::WallClock, &merged, &error));
    QVERIFY2(error.contains(QLatin1String("b.json")) && error.contains(QLatin1String("--align zero")),
        qPrintable(error));
    QVERIFY(Merge::merge({ { QStringLiteral("a.json"), a, {} }, { QStringLiteral("b.json"), b, {} } },
        Merge::Align::Zero, &merged, &error));
}

void TestMerge::refusesOneRunTwice()
{
    const RunTrace a = worker(50, 1, 120, 0.0, T0);
    const RunTrace b = worker(50, 2, 120, 0.0, T0); // same start, other requests: two runs
    Merge::Result merged;
    QString error;
    QVERIFY2(Merge::merge({ { QStringLiteral("a.json"), a, {} }, { QStringLiteral("b.json"), b, {} } },
                 Merge::Align::WallClock, &merged, &error),
        qPrintable(error));
    QVERIFY(!Merge::merge({ { QStringLiteral("a.json"), a, {} }, { QStringLiteral("b.json"), b, {} },
                              { QStringLiteral("copy-of-a.json"), a, {} } },
        Merge::Align::Zero, &merged, &error));
    QVERIFY2(
        error.contains(QStringLiteral("a.json and copy-of-a.json hold the same run")), qPrintable(error));
}

void TestMerge::namesScenarioDifferences()
{
    Scenario a;
    Scenario b = a;
    b.seed = a.seed + 1; // workers of one job differ in seed and requests: no difference
    b.requests = a.requests + 10;
    QVERIFY(Merge::scenarioDifferences(a, b).isEmpty());
    b.concurrency = a.concurrency * 2;
    b.maxTokens = a.maxTokens + 1;
    const QStringList differ = Merge::scenarioDifferences(a, b);
    QVERIFY2(differ.size() == 2, qPrintable(differ.join(u',')));
    QVERIFY(differ.contains(QStringLiteral("load.concurrency")));
    QVERIFY2(differ.at(0).endsWith(QLatin1String("max_tokens"))
            || differ.at(1).endsWith(QLatin1String("max_tokens")),
        qPrintable(differ.join(u',')));
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
