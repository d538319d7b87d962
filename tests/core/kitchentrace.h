#pragma once

// A step against an ideal kitchen, built by hand (no network, no clock): open-loop arrivals at a
// constant rate, `capacity` slots served first come first served, each request holding its slot
// for TTFT + (tokens - 1) x interval, as the built-in simulator times them. Its ceiling is
// capacity / that service time.
#include "trace/runtrace.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <vector>

namespace KitchenTrace {

inline BurgerBench::RunTrace openLoop(
    double rate, int capacity, double ttftMs, double intervalMs, int tokens, double durationS)
{
    using namespace BurgerBench;
    constexpr qint64 Ms = 1'000'000;
    RunTrace t;
    t.scenario.rate = rate;
    t.scenario.maxTokens = tokens;
    t.scenario.simulator.capacity = capacity;
    t.scenario.simulator.ttftMs = ttftMs;
    t.scenario.simulator.tokenIntervalMs = intervalMs;
    t.scenario.simulator.outputTokens = tokens;
    t.measuredStartNs = 0;
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> freeAt;
    for (int i = 0; i < capacity; ++i)
        freeAt.push(0);
    const int n = int(std::floor(rate * durationS));
    for (int i = 0; i < n; ++i) {
        RequestRecord r;
        r.index = quint32(i);
        r.intendedNs = qint64(std::llround(i / rate * 1e9));
        r.dispatchNs = r.intendedNs;
        const qint64 start = std::max(r.dispatchNs, freeAt.top());
        freeAt.pop();
        for (int k = 0; k < tokens; ++k)
            r.tokenNs.push_back(start + qint64(std::llround((ttftMs + k * intervalMs) * double(Ms))));
        r.endNs = r.tokenNs.back();
        freeAt.push(r.endNs);
        r.outcome = Outcome::Success;
        r.httpStatus = 200;
        r.promptTokens = 32;
        r.outputTokens = tokens;
        t.endNs = std::max(t.endNs, r.endNs);
        t.requests.push_back(r);
    }
    return t;
}

} // namespace KitchenTrace
