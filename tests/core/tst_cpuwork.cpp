// Real CPU work: calibrated iterated SHA-256. The cost must be work (CPU time on the calling
// thread), roughly what was asked for, and deterministic in what it computes.
#include "parallel/cpuwork.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

using namespace BurgerBench;

class tst_CpuWork : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void calibratedCost_data();
    void calibratedCost();
    void hashRoundsIsIteratedSha256_data();
    void hashRoundsIsIteratedSha256();
    void roundsForScales_data();
    void roundsForScales();
    void taskCpuTimeIsNotItsWallTime();
};

void tst_CpuWork::initTestCase()
{
    const double rate = CpuWork::roundsPerMs();
    // A SHA-256 of 32 bytes costs well under a microsecond and well over a nanosecond.
    QVERIFY2(rate > 10 && rate < 1e6, qPrintable(QString::number(rate)));
}

void tst_CpuWork::calibratedCost_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<double>("minMs");
    QTest::addColumn<double>("maxMs");
    // Generous: two noisy shared cores. The CPU time is the sharper check (a sleep would burn
    // none); wall time only bounds it from above.
    QTest::newRow("50 ms") << 50.0 << 25.0 << 200.0;
    QTest::newRow("120 ms") << 120.0 << 60.0 << 480.0;
}

void tst_CpuWork::calibratedCost()
{
    QFETCH(double, ms);
    QFETCH(double, minMs);
    QFETCH(double, maxMs);
    QElapsedTimer wall;
    wall.start();
    const qint64 cpu0 = CpuWork::threadCpuNs();
    const QByteArray digest = CpuWork::burn("order 42", ms);
    const double cpuMs = double(CpuWork::threadCpuNs() - cpu0) / 1e6;
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    QCOMPARE(digest.size(), 32);
    QVERIFY2(cpuMs >= minMs && cpuMs <= maxMs, qPrintable(QStringLiteral("cpu %1 ms").arg(cpuMs)));
    QVERIFY2(
        wallMs >= cpuMs * 0.95 && wallMs <= maxMs * 2, qPrintable(QStringLiteral("wall %1 ms").arg(wallMs)));
}

void tst_CpuWork::hashRoundsIsIteratedSha256_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<int>("rounds");
    QTest::newRow("one round") << QByteArray("burger") << 1;
    QTest::newRow("two rounds") << QByteArray("burger") << 2;
    QTest::newRow("five rounds, empty seed") << QByteArray() << 5;
}

void tst_CpuWork::hashRoundsIsIteratedSha256()
{
    QFETCH(QByteArray, seed);
    QFETCH(int, rounds);
    QByteArray expected = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
    for (int i = 1; i < rounds; ++i)
        expected = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    QCOMPARE(CpuWork::hashRounds(seed, rounds), expected);
    QVERIFY(CpuWork::hashRounds(seed, rounds + 1) != expected);
}

void tst_CpuWork::roundsForScales_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<bool>("zero");
    QTest::newRow("0 ms") << 0.0 << true;
    QTest::newRow("negative") << -5.0 << true;
    QTest::newRow("a microsecond") << 0.001 << false;
    QTest::newRow("10 ms") << 10.0 << false;
}

void tst_CpuWork::roundsForScales()
{
    QFETCH(double, ms);
    QFETCH(bool, zero);
    const qint64 rounds = CpuWork::roundsFor(ms);
    if (zero) {
        QCOMPARE(rounds, 0);
        QVERIFY(CpuWork::burn("x", ms).isEmpty());
        return;
    }
    QVERIFY(rounds >= 1);
    // Twice the time, about twice the rounds.
    const qint64 twice = CpuWork::roundsFor(2 * ms);
    QVERIFY2(twice >= 2 * rounds - 1 && twice <= 2 * rounds + 1,
        qPrintable(QStringLiteral("%1 vs %2").arg(twice).arg(rounds)));
}

void tst_CpuWork::taskCpuTimeIsNotItsWallTime()
{
    // What a task records as its CPU time (cpuNsOf, as every model times its work): a task that
    // sleeps 100 ms, then computes 50 ms of CPU, got about a third of its wall time as CPU. Summed
    // wall time would say all of it. Load only stretches the wall time, so the bound holds on a
    // busy machine too; the lower bound shows the computing was counted.
    QElapsedTimer wall;
    wall.start();
    const qint64 cpuNs = CpuWork::cpuNsOf([] {
        QThread::msleep(100);
        CpuWork::burn("a chore that naps first", 50);
    });
    const qint64 wallNs = wall.nsecsElapsed();
    const QString seen
        = QStringLiteral("cpu %1 ms, wall %2 ms").arg(double(cpuNs) / 1e6).arg(double(wallNs) / 1e6);
    QVERIFY2(wallNs >= 142'500'000, qPrintable(seen)); // 150 ms less 5 %
    QVERIFY2(cpuNs < wallNs * 8 / 10, qPrintable(seen));
    QVERIFY2(cpuNs >= 25'000'000, qPrintable(seen));
}

QTEST_GUILESS_MAIN(tst_CpuWork)
#include "tst_cpuwork.moc"
