#include "parallel/cpuwork.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QMutex>

#include <algorithm>
#include <cmath>

#include <time.h>

namespace BurgerBench::CpuWork {

namespace {

QMutex calibrationMutex;
double cachedRoundsPerMs = 0; // guarded by calibrationMutex

// One trial: hash in batches until ~40 ms of thread CPU time has gone; rounds per CPU ms.
double trial()
{
    constexpr qint64 Batch = 256;
    constexpr qint64 TargetNs = 30'000'000;
    QByteArray digest = QByteArrayLiteral("calibration");
    const qint64 cpu0 = threadCpuNs();
    qint64 rounds = 0;
    qint64 spent = 0;
    do {
        digest = hashRounds(digest, Batch);
        rounds += Batch;
        spent = threadCpuNs() - cpu0;
    } while (spent < TargetNs);
    return double(rounds) / (double(spent) / 1e6);
}

double measure()
{
    // Warm the code, the caches and the clock frequency first, then keep the fastest of five
    // trials: interference (another process on the shared caches, a frequency dip) only ever
    // makes a trial slower.
    hashRounds("warm-up", 20'000);
    double best = 0;
    for (int i = 0; i < 5; ++i)
        best = std::max(best, trial());
    return best;
}

} // namespace

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000LL + qint64(ts.tv_nsec);
}

double roundsPerMs()
{
    QMutexLocker lock(&calibrationMutex);
    if (cachedRoundsPerMs <= 0)
        cachedRoundsPerMs = measure();
    return cachedRoundsPerMs;
}

double calibrate()
{
    const double measured = measure();
    QMutexLocker lock(&calibrationMutex);
    cachedRoundsPerMs = measured;
    return measured;
}

qint64 roundsFor(double ms)
{
    if (!(ms > 0))
        return 0;
    return std::max<qint64>(1, qint64(std::llround(ms * roundsPerMs())));
}

QByteArray hashRounds(QByteArrayView seed, qint64 rounds)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(seed);
    QByteArray digest = hash.result();
    for (qint64 i = 1; i < rounds; ++i) {
        hash.reset();
        hash.addData(digest);
        digest = hash.result();
    }
    return digest;
}

QByteArray burn(QByteArrayView seed, double ms)
{
    const qint64 rounds = roundsFor(ms);
    if (rounds <= 0)
        return {};
    return hashRounds(seed, rounds);
}

} // namespace BurgerBench::CpuWork
