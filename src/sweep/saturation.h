#pragma once

#include "trace/runtrace.h"

#include <QString>

#include <cmath>

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
//     than max(GrowthFloorMs, GrowthSpanFraction of the step's span);
//   - server queue (open loop): the target's own line keeps growing, which the client sees as
//     time to first token: the mean TTFT of the last third of the successes, in intended order,
//     exceeds the first third's by more than max(GrowthFloorMs, ServerGrowthSpanFraction of the
//     step's span). Offered δ above the ceiling, the line adds about δ·T to a T-long step's TTFT
//     (two thirds of that between the thirds' means), so a 2 s step sees 4% over the ceiling and
//     a 60 s step 1.5%. A rate just above the ceiling
//     passes the 90% rule in a short step (29 arrivals a second served at 26.6) while the
//     kitchen's line grows by 2.4 orders a second; this rule sees it. Not for closed loops,
//     whose first requests find the kitchen empty and the later ones a full line by design.
//     The thirds' test misses a rate just over the ceiling (26.9/s against 26.7/s: TTFT rises
//     15 ms through a 2 s step, under its 50 ms floor), so the server queue also counts as
//     growing when TTFT's trend through the step, the least-squares slope of TTFT against the
//     intended start, exceeds both TrendFloorMsPerS and TrendSigmas standard errors of that
//     slope. Offered rho x the ceiling, a line served first come first served makes each order
//     wait (rho - 1) s longer per second of the step: 26.9/s is a slope of 7.8 ms/s. The error
//     comes from batch means (the step cut into TrendBatches runs of consecutive requests, the
//     slope fitted to their means), so noise that lingers over several requests, as a real
//     server's does, widens it instead of passing for a trend.
struct Saturation
{
    static constexpr double MinAchievedRatio = 0.9;
    static constexpr double GrowthFloorMs = 50;
    static constexpr double GrowthSpanFraction = 0.05;
    static constexpr double ServerGrowthSpanFraction = 0.01;
    // The rate rule needs this many arrivals and completions (fewer: not judged).
    static constexpr size_t MinArrivals = 10;
    static constexpr size_t MinCompletions = 5;
    static constexpr double TrendFloorMsPerS = 2; // 0.2% over the ceiling
    static constexpr double TrendSigmas = 3;
    static constexpr int TrendBatches = 10;
    static constexpr size_t MinTrendRequests = 12; // 4 batches of 3

    bool saturated = false;
    bool rateShort = false;
    bool queueGrowing = false;
    bool serverQueueGrowing = false;
    double arrivalRate = 0; // measured requests/s offered (open loop), 0 if unknown
    double completionRate = 0; // successes/s (the slope of their running count)
    // Output tokens/s, the slope of the successes' running token count. With the
    // completion rate, the step's steady-state throughput: unlike the run's request_throughput
    // (completed / duration) it does not count the requests a duration's end cut off against
    // the step, which in a 3 s step at 64 in flight is a tenth of its work.
    double outputRate = 0;
    double latenessFirstMs = 0; // mean client lateness, first third
    double latenessLastMs = 0; // last third
    double ttftFirstMs = 0; // mean TTFT of the successes, first third (open loop)
    double ttftLastMs = 0; // last third
    // TTFT's trend through the step (ms per s of intended start) and its standard error; NaN when
    // not judged (closed loop, fewer than MinTrendRequests successes).
    double ttftTrendMsPerS = std::nan("");
    double ttftTrendSeMsPerS = std::nan("");
    bool ttftTrending = false; // the trend exceeded its floor and TrendSigmas errors
    QString reason; // one sentence, empty when not saturated

    // `openLoop`: the step ran at a rate (the rate rule applies only then).
    static Saturation assess(const RunTrace &trace, bool openLoop);
};

} // namespace BurgerBench
