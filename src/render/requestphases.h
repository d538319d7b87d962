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
};

// Stack storage: a request has at most a handful of phases plus two per retried attempt.
using PhaseSegments = QVarLengthArray<PhaseSegment, 12>;

// The phases of a request as the timeline draws them:
//   intended -> first send          Queued (and a Ghost outline over the same stretch)
//   earlier attempts                Error (thin), the backoff between them Queued
//   dispatch -> sent                Sending
//   sent -> first token             WaitingFirstToken
//   first token -> end              Streaming (a non-streaming body: first byte -> end)
//   failed / incomplete             an Error / Incomplete marker at the end
// A request still in flight runs its open phase up to nowNs. Segments come in time order, the
// Ghost outline (if any) first.
// With fromDispatch, only what happens once the request holds a slot (no queue, ghost, retries).
void requestSegments(
    const RequestRecord &request, qint64 nowNs, PhaseSegments *out, bool fromDispatch = false);

// First and last moment the timeline draws for the request; -1 when it has not begun.
qint64 requestVisibleStartNs(const RequestRecord &request);
qint64 requestVisibleEndNs(const RequestRecord &request, qint64 nowNs);

} // namespace BurgerBench
