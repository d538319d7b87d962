#include "engine/arrivalschedule.h"

#include <random>

namespace BurgerBench {

std::vector<qint64> ArrivalSchedule::generate(
    double rate, double burstiness, int count, qint64 durationNs, quint64 seed)
{
    std::vector<qint64> out;
    if (rate <= 0 || (count <= 0 && durationNs <= 0))
        return out;
    // Cap a duration-bound schedule so a typo (rate 1e6 for a week) cannot exhaust memory.
    const qint64 hardCap = 50'000'000;
    if (count > 0)
        out.reserve(size_t(count));
    std::mt19937_64 rng(seed);
    const double meanGapNs = 1e9 / rate;
    std::gamma_distribution<double> gamma(
        burstiness > 0 ? burstiness : 1.0, burstiness > 0 ? meanGapNs / burstiness : meanGapNs);
    double t = 0;
    for (qint64 i = 0; i < hardCap; ++i) {
        if (count > 0 && qint64(out.size()) >= count)
            break;
        if (count <= 0 && qint64(t) >= durationNs)
            break;
        out.push_back(qint64(t));
        t += burstiness > 0 ? gamma(rng) : meanGapNs;
    }
    return out;
}

} // namespace BurgerBench
