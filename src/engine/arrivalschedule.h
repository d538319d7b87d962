#pragma once

#include <QtGlobal>

#include <vector>

namespace BurgerBench {

// Open-loop arrival times (METRICS.md item 16): gaps drawn from Gamma(shape k, scale 1/(R*k)),
// so the mean gap is 1/R whatever k; k = 1 is a Poisson process, larger k is more regular,
// k = 0 stands for k = infinity (constant gaps of 1/R). The whole schedule is computed before
// the run starts and each request is dispatched at its absolute offset, so a slow client can't
// quietly stretch the schedule.
namespace ArrivalSchedule {
// Offsets in ns from the start of the measured phase; the first arrival is at 0.
// `count` arrivals, or, when count == 0, every arrival before `durationNs`.
std::vector<qint64> generate(double rate, double burstiness, int count, qint64 durationNs, quint64 seed);
} // namespace ArrivalSchedule

} // namespace BurgerBench
