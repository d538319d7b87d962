// The theoretical wall times of the race, each against its closed form worked out by hand
// (docs/race.md). The schedule behind them is exact for the idealised workload, so these are
// exact comparisons, not tolerances.
#include "parallel/theory.h"

#include <QTest>

using namespace BurgerBench;

Q_DECLARE_METATYPE(BurgerBench::RaceModel)

namespace {

TheoryInput input(int n, double io, double cpu)
{
    TheoryInput in;
    in.n = n;
    in.ioS = io;
    in.cpuS = cpu;
    in.cores = 2;
    in.workers = 4;
    return in;
}

} // namespace

class tst_ParallelTheory : public QObject
{
    Q_OBJECT
private slots:
    void closedForms_data();
    void closedForms();
    void invalidCombinations_data();
    void invalidCombinations();
    void modelNamesRoundTrip();
};

void tst_ParallelTheory::closedForms_data()
{
    QTest::addColumn<RaceModel>("model");
    QTest::addColumn<TheoryInput>("in");
    QTest::addColumn<double>("expected");
    QTest::addColumn<int>("lanes");

    const TheoryInput burgers = input(8, 2.0, 0);
    QTest::newRow("sequential: N·T") << RaceModel::Sequential << burgers << 16.0 << 1;
    QTest::newRow("concurrent: T") << RaceModel::Concurrent << burgers << 2.0 << 8;
    QTest::newRow("parallel-blocking W=4: ⌈8/4⌉·T") << RaceModel::ParallelBlocking << burgers << 4.0 << 4;
    TheoryInput w3 = burgers;
    w3.workers = 3;
    QTest::newRow("parallel-blocking W=3: ⌈8/3⌉·T") << RaceModel::ParallelBlocking << w3 << 6.0 << 3;
    TheoryInput capped = burgers;
    capped.cap = 3;
    QTest::newRow("concurrent cap 3: ⌈8/3⌉·T") << RaceModel::Concurrent << capped << 6.0 << 3;
    TheoryInput wCap = burgers;
    wCap.cap = 2;
    QTest::newRow("parallel-blocking W=4 cap 2: ⌈8/2⌉·T") << RaceModel::ParallelBlocking << wCap << 8.0 << 2;
    TheoryInput server = burgers;
    server.serverCapacity = 4;
    QTest::newRow("concurrent, server capacity 4: ⌈8/4⌉·T") << RaceModel::Concurrent << server << 4.0 << 4;
    TheoryInput bucket = burgers;
    bucket.rateLimit = 2;
    bucket.rateLimitBurst = 1;
    QTest::newRow("concurrent, 2/s bucket: (N−B)/R + T") << RaceModel::Concurrent << bucket << 3.5 + 2.0 << 8;
    TheoryInput burst = bucket;
    burst.rateLimitBurst = 4;
    QTest::newRow("concurrent, 2/s bucket of 4: (8−4)/2 + T")
        << RaceModel::Concurrent << burst << 2.0 + 2.0 << 8;
    TheoryInput slowArrivals = input(4, 1.0, 0);
    slowArrivals.gapS = 2.0;
    QTest::newRow("sequential, arrivals slower than T: (N−1)·g + T")
        << RaceModel::Sequential << slowArrivals << 7.0 << 1;

    const TheoryInput house = input(8, 0, 0.5);
    QTest::newRow("sequential CPU: N·T_cpu") << RaceModel::Sequential << house << 4.0 << 1;
    QTest::newRow("concurrent CPU: N·T_cpu, one thread") << RaceModel::Concurrent << house << 4.0 << 1;
    QTest::newRow("parallel-cpu 2 cores: N·T/2") << RaceModel::ParallelCpu << house << 2.0 << 2;
    TheoryInput fourCores = house;
    fourCores.cores = 4;
    QTest::newRow("parallel-cpu 4 cores: N·T/4") << RaceModel::ParallelCpu << fourCores << 1.0 << 4;
    TheoryInput three = input(3, 0, 0.5);
    QTest::newRow("parallel-cpu 3 tasks on 2 cores: ⌈3/2⌉·T") << RaceModel::ParallelCpu << three << 1.0 << 2;
    QTest::newRow("parallel-blocking CPU, 4 workers on 2 cores: ⌈8/4⌉·T·2")
        << RaceModel::ParallelBlocking << house << 2.0 << 4;

    const TheoryInput webMl = input(8, 2.0, 0.5);
    QTest::newRow("sequential web+ML: N·(T_io + T_cpu)") << RaceModel::Sequential << webMl << 20.0 << 1;
    QTest::newRow("parallel-blocking web+ML: ⌈8/4⌉·(T_io + T_cpu·4/2)")
        << RaceModel::ParallelBlocking << webMl << 6.0 << 4;
    QTest::newRow("background jobs = blocking pool") << RaceModel::BackgroundJobs << webMl << 6.0 << 4;
    TheoryInput failing = input(8, 1.0, 0.2);
    failing.workers = 2;
    failing.failEvery = 4;
    // Jobs 4 and 8 fail at once: 1, 3, 6 on one worker, 2, 5, 7 on the other: 3 × 1.2 s.
    QTest::newRow("background jobs, every 4th failing at once")
        << RaceModel::BackgroundJobs << failing << 3.6 << 2;
    TheoryInput notJobs = failing;
    QTest::newRow("failures only apply to background jobs")
        << RaceModel::ParallelBlocking << notJobs << 4.8 << 2;
    QTest::newRow("mixed: T_io + ⌈8/2⌉·T_cpu") << RaceModel::Mixed << webMl << 4.0 << 8;
    QTest::newRow("anti-pattern: T_io + N·T_cpu") << RaceModel::AntiPattern << webMl << 6.0 << 8;
    TheoryInput staggered = webMl;
    staggered.gapS = 0.25;
    QTest::newRow("mixed, arrivals every 0.25 s: 7·g + T_io + T_cpu")
        << RaceModel::Mixed << staggered << 1.75 + 2.0 + 0.5 << 8;
    QTest::newRow("anti-pattern, arrivals every 0.25 s: T_io + N·T_cpu")
        << RaceModel::AntiPattern << staggered << 6.0 << 8;
    TheoryInput antiCap = webMl;
    antiCap.cap = 4;
    // Two waves; the second wave's lanes free up only after the first wave's CPU on the loop:
    // request 4 starts when request 0's CPU ends (2.5 s), but the loop is busy until 4.0 s, so it
    // is dispatched at 4.0; waves of CPU: 2.0–4.0, then 6.0–8.0.
    QTest::newRow("anti-pattern cap 4: the blocked loop delays the refills")
        << RaceModel::AntiPattern << antiCap << 8.0 << 4;
}

void tst_ParallelTheory::closedForms()
{
    QFETCH(RaceModel, model);
    QFETCH(TheoryInput, in);
    QFETCH(double, expected);
    QFETCH(int, lanes);
    const Theory t = theoreticalWall(model, in);
    QVERIFY2(t.valid, qPrintable(t.error));
    QVERIFY2(
        qAbs(t.wallS - expected) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(t.wallS).arg(expected)));
    QCOMPARE(t.lanes, lanes);
    QVERIFY(!t.formula.isEmpty());
}

void tst_ParallelTheory::invalidCombinations_data()
{
    QTest::addColumn<RaceModel>("model");
    QTest::addColumn<TheoryInput>("in");
    QTest::newRow("parallel-cpu with requests") << RaceModel::ParallelCpu << input(8, 2.0, 0);
    QTest::newRow("mixed without CPU work") << RaceModel::Mixed << input(8, 2.0, 0);
    QTest::newRow("anti-pattern without requests") << RaceModel::AntiPattern << input(8, 0, 0.5);
    QTest::newRow("concurrent with CPU on the loop") << RaceModel::Concurrent << input(8, 2.0, 0.5);
    QTest::newRow("nothing to do") << RaceModel::Sequential << input(8, 0, 0);
    QTest::newRow("no tasks") << RaceModel::Sequential << input(0, 2.0, 0);
}

void tst_ParallelTheory::invalidCombinations()
{
    QFETCH(RaceModel, model);
    QFETCH(TheoryInput, in);
    const Theory t = theoreticalWall(model, in);
    QVERIFY(!t.valid);
    QVERIFY(!t.error.isEmpty());
}

void tst_ParallelTheory::modelNamesRoundTrip()
{
    const RaceModel all[] = { RaceModel::Sequential, RaceModel::Concurrent, RaceModel::ParallelBlocking,
        RaceModel::ParallelCpu, RaceModel::Mixed, RaceModel::AntiPattern, RaceModel::BackgroundJobs };
    QSet<QString> names;
    for (RaceModel m : all) {
        const QString name = raceModelName(m);
        names.insert(name);
        RaceModel back = RaceModel::Sequential;
        QVERIFY(raceModelFromName(name, &back));
        QCOMPARE(back, m);
    }
    QCOMPARE(names.size(), 7);
    RaceModel unused;
    QVERIFY(!raceModelFromName(QStringLiteral("parallel"), &unused));
}

QTEST_GUILESS_MAIN(tst_ParallelTheory)
#include "tst_paralleltheory.moc"
