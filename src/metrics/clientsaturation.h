#pragma once

#include "trace/runtrace.h"

#include <QString>

namespace BurgerBench {

// The client's own saturation over the measured window (METRICS.md, "Client busy"): the engine
// thread's busy fraction per 1 s window, its loop lag and how late dispatches were against their
// intended times. One engine thread today.
struct ClientSaturation
{
    bool measured = false; // the trace held busy spans or lag samples in the measured window
    double busyMax = 0; // the busiest 1 s (sliding; the whole window if shorter), 0..1
    double busyMean = 0; // busy time / measured window
    double loopLagP99Ms = 0;
    double loopLagMaxMs = 0;
    double dispatchLateP99Ms = 0; // dispatchNs - intendedNs over measured requests
};

struct ClientVerdict
{
    // What would lift the limit, for a reader to say in its own words.
    enum class Hint { None, SocketTransport, CpuOnLoop };
    bool limited = false;
    QString reason; // English, for reports; empty when not limited
    Hint hint = Hint::None;
};

ClientSaturation measureClientSaturation(const RunTrace &trace);
// Limited when busyMax >= 0.70 or loop lag p99 > 10 ms (METRICS.md). The reason says what to do:
// when the run itself put CPU work on the event loop (cpuOnLoop: the lesson's cashier cooking),
// that work is what kept the loop busy; otherwise, on QNAM (socketTransport false), that
// --transport socket would help.
ClientVerdict clientVerdict(const ClientSaturation &s, bool socketTransport, bool cpuOnLoop = false);
// True when the trace holds CPU work on its event-loop lane (trace/runtrace.h LaneKind::EventLoop).
bool cpuWorkOnLoop(const RunTrace &trace);

} // namespace BurgerBench
