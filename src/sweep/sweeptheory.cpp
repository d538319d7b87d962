#include "sweep/sweeptheory.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace BurgerBench {

namespace {

// As src/sim/simulator.cpp: the length when neither the settings nor the request give one.
constexpr int SimulatorDefaultOutputTokens = 16;
constexpr double Inf = std::numeric_limits<double>::infinity();

} // namespace

double SimulatorTheory::expectedRps(SweepOver over, double value) const
{
    if (!valid || !(value >= 0))
        return std::nan("");
    if (over == SweepOver::Rate)
        return std::min(value, ceilingRps);
    const double busy = capacity > 0 ? std::min(value, double(capacity)) : value;
    return busy / serviceTimeS;
}

namespace SweepTheory {

SimulatorTheory simulatorTheory(const SimulatorSettings &settings, int maxTokens, double uncachedPromptTokens)
{
    SimulatorTheory t;
    t.capacity = std::max(0, settings.capacity);
    t.ttftMs = settings.ttftMs;
    t.tokenIntervalMs = settings.tokenIntervalMs;
    t.outputTokens = settings.outputTokens > 0 ? settings.outputTokens
        : maxTokens > 0                        ? maxTokens
                                               : SimulatorDefaultOutputTokens;
    t.prefillMs = settings.prefillUsPerPromptToken * std::max(0.0, uncachedPromptTokens) / 1000.0;
    t.serviceTimeS = (t.ttftMs + t.prefillMs + (t.outputTokens - 1) * t.tokenIntervalMs) / 1000.0;
    t.valid = t.serviceTimeS > 0 && std::isfinite(t.serviceTimeS);
    if (t.valid) {
        t.ceilingRps = t.capacity > 0 ? t.capacity / t.serviceTimeS : Inf;
        t.ceilingOutputTps = t.ceilingRps * t.outputTokens;
    }
    return t;
}

SimulatorTheory simulatorTheory(const RunTrace &trace)
{
    if (!trace.scenario.usesSimulator())
        return {};
    double output = 0;
    double uncached = 0;
    int n = 0;
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup || r.outcome != Outcome::Success || r.outputTokens <= 0)
            continue;
        output += r.outputTokens;
        uncached += std::max(0, r.promptTokens) - std::max(0, r.cachedTokens);
        ++n;
    }
    if (n == 0)
        return simulatorTheory(
            trace.scenario.simulator, trace.scenario.maxTokens, trace.scenario.promptTokens);
    // The measured mean length stands in for max_tokens only when the settings do not fix it.
    SimulatorTheory t = simulatorTheory(
        trace.scenario.simulator, int(std::lround(output / n)), std::max(0.0, uncached / n));
    if (trace.scenario.simulator.outputTokens <= 0 && t.valid) {
        t.outputTokens = output / n;
        t.serviceTimeS = (t.ttftMs + t.prefillMs + (t.outputTokens - 1) * t.tokenIntervalMs) / 1000.0;
        t.valid = t.serviceTimeS > 0;
        t.ceilingRps = t.capacity > 0 && t.valid ? t.capacity / t.serviceTimeS : Inf;
        t.ceilingOutputTps = t.ceilingRps * t.outputTokens;
    }
    return t;
}

LittlesLaw littlesLaw(const RunTrace &trace, double rate)
{
    LittlesLaw l;
    struct Stay
    {
        qint64 from = 0;
        qint64 to = 0;
    };
    std::vector<Stay> stays;
    double e2eSum = 0;
    int successes = 0;
    qint64 firstDispatch = std::numeric_limits<qint64>::max();
    qint64 lastDispatch = std::numeric_limits<qint64>::min();
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup || r.dispatchNs < 0)
            continue;
        firstDispatch = std::min(firstDispatch, r.dispatchNs);
        lastDispatch = std::max(lastDispatch, r.dispatchNs);
        qint64 to = -1;
        if (r.outcome == Outcome::Success && r.lastTokenNs() >= r.dispatchNs) {
            to = r.lastTokenNs();
            e2eSum += double(to - r.dispatchNs) / 1e9;
            ++successes;
        } else {
            to = r.endNs >= r.dispatchNs ? r.endNs : trace.endNs; // cut off: in the system to the end
        }
        if (to >= r.dispatchNs)
            stays.push_back({ r.dispatchNs, to });
    }
    if (successes < 3 || !(rate > 0) || lastDispatch <= firstDispatch)
        return l;
    l.e2eS = e2eSum / successes;
    l.rate = rate;
    qint64 from = firstDispatch + qint64(l.e2eS * 1e9);
    qint64 to = lastDispatch;
    if (to <= from) {
        from = firstDispatch;
        to = lastDispatch;
    }
    double area = 0; // request-seconds inside [from, to]
    for (const Stay &s : stays) {
        const qint64 a = std::max(s.from, from);
        const qint64 b = std::min(s.to, to);
        if (b > a)
            area += double(b - a) / 1e9;
    }
    l.inFlight = area / (double(to - from) / 1e9);
    l.rateTimesE2e = l.rate * l.e2eS;
    l.ratio = l.rateTimesE2e > 0 ? l.inFlight / l.rateTimesE2e : std::nan("");
    l.valid = l.rateTimesE2e > 0;
    return l;
}

LittlesLaw littlesLaw(const SweepStep &step)
{
    if (!step.error.isEmpty())
        return {};
    const double rate = step.saturation.completionRate > 0 ? step.saturation.completionRate
                                                           : step.summary.requestThroughput;
    return littlesLaw(step.trace, rate);
}

SimulatorTheory simulatorTheory(const SweepResult &result)
{
    for (const SweepStep &s : result.steps) {
        if (s.error.isEmpty() && s.trace.scenario.usesSimulator())
            return simulatorTheory(s.trace);
    }
    return {};
}

} // namespace SweepTheory

} // namespace BurgerBench
