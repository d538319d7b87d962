#include "render/requestphases.h"

#include "trace/runtrace.h"

namespace BurgerBench {

qint64 requestVisibleStartNs(const RequestRecord &r)
{
    if (r.intendedNs >= 0)
        return r.intendedNs;
    if (!r.attempts.empty() && r.attempts.front().startNs >= 0)
        return r.attempts.front().startNs;
    return r.dispatchNs;
}

qint64 requestVisibleEndNs(const RequestRecord &r, qint64 nowNs)
{
    if (requestVisibleStartNs(r) < 0)
        return -1;
    if (r.endNs >= 0)
        return r.endNs;
    return qMax(nowNs, r.lastTokenNs());
}

void requestSegments(const RequestRecord &r, qint64 nowNs, PhaseSegments *out, bool fromDispatch)
{
    out->clear();
    const qint64 begin = fromDispatch ? r.dispatchNs : requestVisibleStartNs(r);
    if (begin < 0)
        return;
    const bool settled = r.settled() && r.endNs >= 0;
    const qint64 end = settled ? r.endNs : qMax(qMax(nowNs, r.lastTokenNs()), begin);
    const auto add = [out](Phase phase, qint64 from, qint64 to, bool thin = false) {
        if (to > from)
            out->append({ phase, from, to, false, thin });
    };
    const auto addMarker = [out, end](Phase phase) { out->append({ phase, end, end, true, false }); };

    const qint64 firstSend
        = !r.attempts.empty() && r.attempts.front().startNs >= 0 ? r.attempts.front().startNs : r.dispatchNs;
    // Ghost outline: the schedule wanted this request out earlier than it went.
    if (r.intendedNs >= 0 && !fromDispatch) {
        const qint64 ghostEnd = firstSend >= 0 ? firstSend : end;
        if (ghostEnd > r.intendedNs)
            out->append({ Phase::Ghost, r.intendedNs, ghostEnd, false, false });
    }

    qint64 t = fromDispatch ? -1 : r.intendedNs;
    for (const AttemptRecord &a : r.attempts) {
        if (fromDispatch)
            break;
        if (a.startNs < 0)
            continue;
        if (t >= 0)
            add(Phase::Queued, t, a.startNs);
        const qint64 attemptEnd = a.endNs >= 0 ? a.endNs : a.startNs;
        add(Phase::Error, a.startNs, attemptEnd, true);
        t = attemptEnd;
    }

    if (r.dispatchNs < 0) {
        // Never sent (still waiting, or cut off in the queue).
        if (t >= 0)
            add(Phase::Queued, t, end);
        if (settled)
            addMarker(r.outcome == Outcome::Failed ? Phase::Error : Phase::Incomplete);
        return;
    }
    if (t >= 0)
        add(Phase::Queued, t, r.dispatchNs);

    if (!settled && r.sentNs < 0 && r.headersNs < 0 && r.firstByteNs < 0 && r.tokenNs.empty()) {
        add(Phase::Sending, r.dispatchNs, end);
        return;
    }
    // The moment the body was handed over; when uploadProgress never said so, the first sign of
    // an answer implies it.
    qint64 sent = r.sentNs;
    if (sent < 0) {
        sent = end;
        for (qint64 candidate : { r.headersNs, r.firstByteNs, r.firstTokenNs() }) {
            if (candidate >= r.dispatchNs && candidate < sent)
                sent = candidate;
        }
    }
    add(Phase::Sending, r.dispatchNs, sent);

    const qint64 firstToken = r.firstTokenNs();
    if (firstToken >= 0) {
        add(Phase::WaitingFirstToken, sent, firstToken);
        add(Phase::Streaming, firstToken, qMax(end, r.lastTokenNs()));
    } else if (r.outcome == Outcome::Success && r.firstByteNs >= sent) {
        // A non-streaming answer: the body arrives in one piece.
        add(Phase::WaitingFirstToken, sent, r.firstByteNs);
        add(Phase::Streaming, r.firstByteNs, end);
    } else {
        add(Phase::WaitingFirstToken, sent, end);
    }
    if (settled && r.outcome == Outcome::Failed)
        addMarker(Phase::Error);
    else if (settled && r.outcome == Outcome::Incomplete)
        addMarker(Phase::Incomplete);
}

} // namespace BurgerBench
