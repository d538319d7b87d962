#pragma once

#include "render/legend.h"

#include <QVarLengthArray>

namespace BurgerBench {

struct RequestRecord;

// One coloured stretch of a request's life, derived from its RequestRecord (times in ns from the
// run start). A marker is drawn as a small fixed-width box ending at endNs (error, incomplete).
struct PhaseSegment
{
    Phase phase = Phase::Queued;
    qint64 startNs = 0;
    qint64 endNs = 0;
    bool marker = false;
    bool thin = false; // drawn at half height (an earlier, failed attempt)
    // Which attempt the stretch belongs to, 0-based (attempt k failed = RequestRecord::attempts[k],
    // attempt attempts.size() the final one); a Backoff stretch belongs to the attempt it waits
    // for. -1 before the first attempt (queue, ghost).
    qint16 attempt = -1;
};

// Stack storage: a request has at most a handful of phases plus two per retried attempt.
using PhaseSegments = QVarLengthArray<PhaseSegment, 12>;

// The phases of a request as the timeline draws them:
//   intended -> first send          Queued (and a Ghost outline over the same stretch)
//   earlier attempts                Error (thin), the waits after them Backoff
//   final attempt's start -> sent   Sending
//   sent -> first token             WaitingFirstToken
//   first token -> end              Streaming (a non-streaming body: first byte -> end)
//   failed / incomplete             an Error / Incomplete marker at the end
// A request still in flight runs its open phase (a backoff too) up to nowNs. Segments come in
// time order, the Ghost outline (if any) first.
// The final attempt starts where the last failed one's measured wait ends (AttemptRecord::waitNs);
// a report written before waits were recorded does not say, and there the wait runs to the first
// sign of the final attempt (sent, headers, first byte or token).
// With fromDispatch, only what happens once the request holds a slot: no queue or ghost (the
// attempts and their waits hold the slot, so they stay).
void requestSegments(
    const RequestRecord &request, qint64 nowNs, PhaseSegments *out, bool fromDispatch = false);

// When the attempt that the request's scalar fields (sentNs, tokens...) describe went out:
// dispatchNs without retries; -1 while the request waits between attempts or was never sent.
qint64 finalAttemptStartNs(const RequestRecord &request);

// First and last moment the timeline draws for the request; -1 when it has not begun.
qint64 requestVisibleStartNs(const RequestRecord &request);
qint64 requestVisibleEndNs(const RequestRecord &request, qint64 nowNs);

} // namespace BurgerBench
