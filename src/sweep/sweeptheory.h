#pragma once

#include "sim/simulatorsettings.h"
#include "sweep/sweepresult.h"
#include "sweep/sweepspec.h"
#include "trace/runtrace.h"

#include <cmath>

namespace BurgerBench {

// What queueing theory expects of a sweep against the built-in simulator, and Little's law checked
// on every step. Pure: no network, no clock; the app (the sweep window) and the sweep page read it.
//
// The simulator times a request (src/sim/simulator.cpp, SimConnection::admitted and
// nextTokenTarget) from the moment it gets one of `capacity` slots: the first token is due
// TTFT + prefill later (prefill = prefillUsPerPromptToken x the prompt tokens its prefix cache does
// not hold), token i at first + i x token interval (jitter is +-uniform, mean 0), and the slot is
// released after the last token. So a request holds a slot for
//     T = TTFT + prefill + (output tokens - 1) x token interval
// and S slots serve at most S / T requests a second: the kitchen's ceiling. Below it an open loop
// at rate lambda is served at lambda; a closed loop of c in flight at min(c, S) / T.
struct SimulatorTheory
{
    bool valid = false; // false: no simulator settings (a real target) or T <= 0
    int capacity = 0; // S; 0 = unlimited (no ceiling)
    double ttftMs = 0;
    double tokenIntervalMs = 0;
    double outputTokens = 0; // per request
    double prefillMs = 0; // mean prefill per request
    double serviceTimeS = 0; // T
    // S / T requests/s and S / T x output tokens tokens/s; +inf with unlimited capacity.
    double ceilingRps = 0;
    double ceilingOutputTps = 0;

    // The achieved requests/s theory expects at an offered level: min(lambda, S / T) for a rate,
    // min(c, S) / T for a concurrency. NaN when not valid.
    double expectedRps(SweepOver over, double value) const;
};

// Little's law for one step: the mean number of requests in the system L (from dispatch to the
// last token, as E2EL counts them; a failure to its end), time-averaged over the step's steady
// window, against the achieved rate lambda times the mean E2EL W. The window starts one mean W
// after the first measured dispatch (before that the kitchen is still filling) and ends at the last
// measured dispatch (after it the load drains); a step too short for that uses the whole span.
// In a steady state L = lambda W (ratio 1); a line that keeps growing breaks it.
struct LittlesLaw
{
    bool valid = false; // false: too few successes (under 3) or no span
    double inFlight = 0; // L, measured
    double rate = 0; // lambda, requests/s (the step's steady-state completion rate)
    double e2eS = 0; // W, mean E2EL of the successes, s
    double rateTimesE2e = 0; // lambda x W
    double ratio = 0; // L / (lambda x W)
};

namespace SweepTheory {

// From the simulator's settings: `maxTokens` is the request's max_tokens (used when the settings
// do not fix the length, as the simulator does; 16 when neither says), `uncachedPromptTokens` the
// mean prompt tokens per request its prefix cache does not hold.
SimulatorTheory simulatorTheory(
    const SimulatorSettings &settings, int maxTokens, double uncachedPromptTokens);
// From a step's run: the scenario's simulator settings when it ran against the built-in simulator
// (invalid otherwise), with the output and uncached prompt tokens its successes really had (their
// means; the scenario's max_tokens and prompt length when there were none).
SimulatorTheory simulatorTheory(const RunTrace &trace);

// `rate`: the step's achieved requests/s (the sweep's steady-state completion rate).
LittlesLaw littlesLaw(const RunTrace &trace, double rate);
// A step's: its steady-state completion rate as lambda (the run's request_throughput when the step
// had too few completions for a slope, as the sweep's points do).
LittlesLaw littlesLaw(const SweepStep &step);
// The sweep's theory: the first step's that ran against the built-in simulator (invalid when none did).
SimulatorTheory simulatorTheory(const SweepResult &result);

} // namespace SweepTheory

} // namespace BurgerBench
