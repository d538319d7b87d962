#pragma once

#include "trace/runtrace.h"

namespace BurgerBench {

// The orders waiting for the client to send them at one moment: the one definition of "in line"
// that the story picture, the live statistics, the timeline and the code panel all read, so at
// any moment they give the same numbers.
//
// "In line" keeps the legend's meaning (trace/legendtable.h, Phase::Queued): waiting before the
// request is sent, for a free slot (the concurrency cap; in Sequential mode the one cashier) or
// the rate limiter. An order already sent and waiting for its first token is not in line, even if
// the server queues it: our stamps cannot tell the server's queue from its work (that is the
// legend's "Waiting for first token", the story's "At tables"; the server's own queue is the
// kitchen lane, from its /metrics). An open-loop arrival whose time has not come is not in line
// either: its customer is not at the shop yet ("not due yet", as the code panel says).
struct OrderLine
{
    // Recorded and due, no attempt started by then, not settled: held at a client gate (an
    // open-loop arrival waiting for a slot or a token, a closed-loop record before its send).
    int atGate = 0;
    // Closed loop: planned orders the engine has not taken yet. It records an order only when a
    // slot frees up, so these have no record while the run goes on; each waits for a free slot.
    int notTaken = 0;
    // Open loop: planned arrivals whose time has not come (recorded with a later intendedNs, or
    // not recorded yet: the engine records an arrival when it is due).
    int notDue = 0;

    int inLine() const { return atGate + notTaken; }
};

// When the order first went out: its first attempt's start (a retried record's scalar fields
// describe its last attempt), else its dispatch; -1 if it never did. Before it, an order is in
// line; the story, the replay and the code panel count from it too.
inline qint64 firstSendNs(const RequestRecord &r)
{
    return !r.attempts.empty() && r.attempts.front().startNs >= 0 ? r.attempts.front().startNs : r.dispatchNs;
}

// The line at `nowNs` on the run's clock. Warm-up requests are left out, as from every figure.
// Once the run is over (trace.endNs reached) nobody is in line: what never went out was cut off.
// Computed from the trace alone, so a live run, a finished one and a saved one opened again give
// the same answer for the same moment.
OrderLine orderLineAt(const RunTrace &trace, qint64 nowNs);

// Where one record stands in the line at `nowNs`: waiting at a gate, not due, or neither (sent,
// settled, or a warm-up request). For a record of `trace`.
enum class LinePlace : quint8 { None, AtGate, NotDue };
LinePlace linePlaceOf(const RunTrace &trace, const RequestRecord &request, qint64 nowNs);

} // namespace BurgerBench
