#include "trace/orderline.h"

namespace BurgerBench {

namespace {

bool at(qint64 stamp, qint64 nowNs)
{
    return stamp >= 0 && stamp <= nowNs;
}

bool over(const RunTrace &trace, qint64 nowNs)
{
    return trace.endNs >= 0 && nowNs >= trace.endNs;
}

bool openLoop(const RunTrace &trace)
{
    return trace.scenario.rate > 0;
}

} // namespace

LinePlace linePlaceOf(const RunTrace &trace, const RequestRecord &r, qint64 nowNs)
{
    if (r.warmup)
        return LinePlace::None;
    if (at(r.endNs, nowNs) || (over(trace, nowNs) && r.endNs < 0))
        return LinePlace::None; // settled (a record cut off in the queue too)
    const qint64 firstStart = firstSendNs(r);
    if (at(firstStart, nowNs))
        return LinePlace::None; // out of the line: sent, or between attempts
    if (openLoop(trace) && r.intendedNs > nowNs)
        return LinePlace::NotDue;
    return LinePlace::AtGate;
}

OrderLine orderLineAt(const RunTrace &trace, qint64 nowNs)
{
    OrderLine line;
    int known = 0;
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup)
            continue;
        ++known;
        switch (linePlaceOf(trace, r, nowNs)) {
        case LinePlace::AtGate:
            ++line.atGate;
            break;
        case LinePlace::NotDue:
            ++line.notDue;
            break;
        case LinePlace::None:
            break;
        }
    }
    // A live run publishes a record once the engine creates it (closed loop: when it takes the
    // order; open loop: when it is due): the rest of the plan has none yet.
    const Scenario &s = trace.scenario;
    if (!over(trace, nowNs) && !s.cpuTasksOnly() && s.requests > known)
        (openLoop(trace) ? line.notDue : line.notTaken) += s.requests - known;
    return line;
}

} // namespace BurgerBench
