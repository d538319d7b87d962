#pragma once

#include "trace/runtrace.h"

#include <array>

namespace BurgerBench {

// Where the work of a run stands at one moment, in the words of the few lines of code the lesson
// shows beside the picture (gui/codepanel.h): how many orders are not due yet, in line at a
// client gate, being sent, waiting for the kitchen, receiving tokens, waiting to retry, being
// crunched on a thread, or (background jobs) left to the status poll. Computed from the trace
// alone, so a live run, a finished one and a saved one opened again give the same answer for
// the same moment.
enum class CodeStep : quint8 {
    NotDue, // open loop: the schedule has not reached it yet
    InLine, // due, held at a client gate (concurrency cap, rate limit, a free worker, a core)
    Sending, // dispatched, the request not yet handed to the socket
    Waiting, // sent, no token yet: the server is thinking (the thread is free on the loop)
    Streaming, // tokens arriving
    RetryWait, // a failed attempt's backoff or Retry-After wait
    CpuWork, // a CPU task or post-processing running on some thread
    Polling, // a background job accepted and not yet seen finished: the client polls its status
};
constexpr int CodeStepCount = int(CodeStep::Polling) + 1;

struct CodeStepCounts
{
    std::array<int, CodeStepCount> count {};
    int settled = 0; // requests (or CPU-only tasks) finished by then, whatever their outcome

    int operator[](CodeStep step) const { return count[size_t(step)]; }
};

// The counts at `nowNs` on the run's clock. Warm-up requests are left out, as from every figure.
// Requests the trace does not hold yet (a live run publishes a record once it moves) count as
// not due (open loop) or in line (closed loop) while the run has not ended.
CodeStepCounts codeStepsAt(const RunTrace &trace, qint64 nowNs);

// "not_due", "in_line", ...: stable names for tests and logs.
QString codeStepName(CodeStep step);

} // namespace BurgerBench
