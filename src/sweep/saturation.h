#pragma once

#include "trace/runtrace.h"

#include <QString>

namespace BurgerBench {

// Whether a step ran past what the target serves (the kitchen's ceiling: more customers a minute
// than it can cook, and the line only grows). Two signs, read from the step's own trace:
//   - rate: open loop, the measured requests finished at under `MinAchievedRatio` of the rate
//     they arrived at. Both rates come from the same requests' times, the rates of their
//     intended starts and of their completions, so neither the schedule's Poisson noise nor the
//     in-flight requests cut off by a duration's end reads as a shortfall (each rate is the
//     slope of the running count against time: saturation.cpp says why);
//   - queue: the client's queue keeps growing: the mean lateness (dispatch - intended) of the
//     last third of the measured requests, in intended order, exceeds the first third's by more
//     than max(GrowthFloorMs, GrowthSpanFraction of the step's span).
struct Saturation
{
    static constexpr double MinAchievedRatio = 0.9;
    static constexpr double GrowthFloorMs = 50;
    static constexpr double GrowthSpanFraction = 0.05;
    // The rate rule needs this many arrivals and completions (fewer: not judged).
    static constexpr size_t MinArrivals = 10;
    static constexpr size_t MinCompletions = 5;

    bool saturated = false;
    bool rateShort = false;
    bool queueGrowing = false;
    double arrivalRate = 0; // measured requests/s offered (open loop), 0 if unknown
    double completionRate = 0; // successes/s (the slope of their running count)
    // Output tokens/s, the slope of the successes' running token count. With the
    // completion rate, the step's steady-state throughput: unlike the run's request_throughput
    // (completed / duration) it does not count the requests a duration's end cut off against
    // the step, which in a 3 s step at 64 in flight is a tenth of its work.
    double outputRate = 0;
    double latenessFirstMs = 0; // mean client lateness, first third
    double latenessLastMs = 0; // last third
    QString reason; // one sentence, empty when not saturated

    // `openLoop`: the step ran at a rate (the rate rule applies only then).
    static Saturation assess(const RunTrace &trace, bool openLoop);
};

} // namespace BurgerBench
