#pragma once

// Sweeps over a recorded trace shared by engine and GUI tests (header-only: tests stay one
// translation unit each).

#include "trace/runtrace.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace BurgerBench::TraceSweep {

// The most requests between dispatch (post) and "request sent" at any one instant: what the send
// window bounds. -1 if a request lacks either time or was sent before it was dispatched.
inline int peakBeingSent(const RunTrace &trace)
{
    std::vector<std::pair<qint64, int>> edges; // (time, +1 posted / -1 sent); -1 sorts first
    for (const RequestRecord &q : trace.requests) {
        if (q.dispatchNs < 0 || q.sentNs < q.dispatchNs)
            return -1;
        edges.push_back({ q.dispatchNs, +1 });
        edges.push_back({ q.sentNs, -1 });
    }
    std::sort(edges.begin(), edges.end());
    int sending = 0;
    int peak = 0;
    for (const auto &e : edges)
        peak = std::max(peak, sending += e.second);
    return peak;
}

} // namespace BurgerBench::TraceSweep
