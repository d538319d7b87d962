#pragma once

#include <QDeadlineTimer>
#include <QElapsedTimer>

namespace BurgerBench {

// The host's monotonic clock (CLOCK_MONOTONIC on Linux), in ns, at `timer`'s zero; -1 when the
// timer reads another clock. Two processes on one host that publish this can lay their
// timestamps on one axis (the run report's meta.clock_origin_monotonic_ns, the simulator's
// GET /sim/stats). Header-only, so the simulator needs no trace library for it.
inline qint64 clockOriginMonotonicNs(const QElapsedTimer &timer)
{
    if (!timer.isValid() || timer.clockType() != QElapsedTimer::MonotonicClock)
        return -1;
    return QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs() - timer.nsecsElapsed();
}

} // namespace BurgerBench
