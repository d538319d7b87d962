#pragma once

// Sweeps over a recorded trace shared by engine and GUI tests (header-only: tests stay one
// translation unit each).

#include "trace/overlap.h"
#include "trace/runtrace.h"

namespace BurgerBench::TraceSweep {

// The most requests between dispatch (post) and "request sent" at any one instant: what the send
// window bounds. -1 if a request lacks either time or was sent before it was dispatched.
inline int peakBeingSent(const RunTrace &trace)
{
    Overlap sending; // trace/overlap.h, the sweep the reports use
    for (const RequestRecord &q : trace.requests) {
        if (q.dispatchNs < 0 || q.sentNs < q.dispatchNs)
            return -1;
        sending.add(q.dispatchNs, q.sentNs);
    }
    return sending.peak();
}

} // namespace BurgerBench::TraceSweep
