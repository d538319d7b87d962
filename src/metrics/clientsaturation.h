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
    double busyMax = 0; // the highest busy fraction of any full 1 s window, 0..1
    double busyMean = 0; // busy time / measured window
    double loopLagP99Ms = 0;
    double loopLagMaxMs = 0;
    double dispatchLateP99Ms = 0; // dispatchNs - intendedNs over measured requests
};

struct ClientVerdict
{
    bool limited = false;
    QString reason; // empty when not limited
};

ClientSaturation measureClientSaturation(const RunTrace &trace);
// Limited when busyMax >= 0.70 or loop lag p99 > 10 ms (METRICS.md); when the transport is QNAM
// (socketTransport false) the reason adds that --transport socket would help.
ClientVerdict clientVerdict(const ClientSaturation &s, bool socketTransport);

} // namespace BurgerBench
