#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace BurgerBench {

// Real CPU work for the parallel models: iterated SHA-256 (each round hashes the previous
// digest, so no round can be skipped or vectorised away). A cost is given in milliseconds and
// turned into a number of rounds by a calibration made once per process on this machine.
//
// The calibration counts rounds per millisecond of the calling thread's *CPU* time, not wall
// time: on a busy machine a descheduled thread does not make the work look cheaper, so
// "500 ms of CPU" stays the same amount of work whatever else the machine is doing. Wall time
// is what the models then measure, honestly, with whatever contention there is.
//
// Thread-safe: calibration is guarded by a mutex; the work itself touches no shared state.
namespace CpuWork {

// Rounds per CPU millisecond; the first call calibrates (~0.2 s of CPU on the calling thread).
double roundsPerMs();
// Measures again and replaces the cached figure; returns it.
double calibrate();
// Rounds that cost about `ms` of CPU (at least 1 for any ms > 0, 0 for ms <= 0).
qint64 roundsFor(double ms);
// Hashes `seed`, then each digest in turn, `rounds` times; returns the last digest.
QByteArray hashRounds(QByteArrayView seed, qint64 rounds);
// Burns about `ms` of CPU on the calling thread and returns the digest (never a sleep).
QByteArray burn(QByteArrayView seed, double ms);
// CPU time consumed so far by the calling thread, in ns (CLOCK_THREAD_CPUTIME_ID).
qint64 threadCpuNs();
// Runs `work` on the calling thread; the thread CPU time it took, in ns. What a task records as
// its CPU time (TaskRecord::cpuNs) next to its wall span: a thread that waits for a core (or
// sleeps) meanwhile gets wall time, not CPU time.
template<typename Work> qint64 cpuNsOf(Work &&work)
{
    const qint64 before = threadCpuNs();
    work();
    return threadCpuNs() - before;
}

} // namespace CpuWork

} // namespace BurgerBench
