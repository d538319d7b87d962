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

qint64 finalAttemptStartNs(const RequestRecord &r)
{
    if (r.attempts.empty() || r.dispatchNs < 0)
        return r.dispatchNs;
    const AttemptRecord &last = r.attempts.back();
    if (last.waitNs >= 0 && last.endNs >= 0)
        return last.endNs + last.waitNs;
    if (!r.settled() || r.endNs < 0 || last.endNs < 0)
        return -1; // still waiting for the next attempt
    // An older report (no waitNs), or cut off while it waited: the first sign of a later attempt,
    // if any. The fields of a failed attempt are reset when the next one goes out, so anything
    // after the last failed attempt's end belongs to the final one.
    qint64 first = -1;
    for (qint64 candidate : { r.sentNs, r.headersNs, r.firstByteNs, r.firstTokenNs() }) {
        if (candidate >= last.endNs && (first < 0 || candidate < first))
            first = candidate;
    }
    return first;
}

void requestSegments(const RequestRecord &r, qint64 nowNs, PhaseSegments *out, bool fromDispatch)
{
    out->clear();
    const qint64 begin = fromDispatch ? r.dispatchNs : requestVisibleStartNs(r);
    if (begin < 0)
        return;
    const bool settled = r.settled() && r.endNs >= 0;
    const qint64 end = settled ? r.endNs : qMax(qMax(nowNs, r.lastTokenNs()), begin);
    const auto add = [out](Phase phase, qint64 from, qint64 to, qint16 attempt, bool thin = false) {
        if (to > from)
            out->append({ phase, from, to, false, thin, attempt });
    };
    const auto addMarker = [out, end](Phase phase, qint16 attempt) {
        out->append({ phase, end, end, true, false, attempt });
    };

    const qint64 firstSend
        = !r.attempts.empty() && r.attempts.front().startNs >= 0 ? r.attempts.front().startNs : r.dispatchNs;
    // Ghost outline: the schedule wanted this request out earlier than it went.
    if (r.intendedNs >= 0 && !fromDispatch) {
        const qint64 ghostEnd = firstSend >= 0 ? firstSend : end;
        if (ghostEnd > r.intendedNs)
            out->append({ Phase::Ghost, r.intendedNs, ghostEnd, false, false, -1 });
    }

    // t: where the stretch before the next attempt began (the queue before the first, a wait
    // before each later one).
    qint64 t = fromDispatch ? -1 : r.intendedNs;
    qint16 attempt = 0;
    for (const AttemptRecord &a : r.attempts) {
        if (a.startNs < 0)
            continue;
        if (t >= 0)
            add(attempt == 0 ? Phase::Queued : Phase::Backoff, t, a.startNs,
                attempt == 0 ? qint16(-1) : attempt);
        const qint64 attemptEnd = a.endNs >= 0 ? a.endNs : a.startNs;
        add(Phase::Error, a.startNs, attemptEnd, attempt, true);
        t = attemptEnd;
        ++attempt;
    }

    if (r.dispatchNs < 0) {
        // Never sent (still waiting, or cut off in the queue).
        if (t >= 0)
            add(Phase::Queued, t, end, -1);
        if (settled)
            addMarker(r.outcome == Outcome::Failed ? Phase::Error : Phase::Incomplete, -1);
        return;
    }
    const qint64 start = finalAttemptStartNs(r);
    if (attempt > 0 && start < 0) {
        // Waiting for the next attempt now, or cut off while it waited.
        add(Phase::Backoff, t, end, attempt);
        if (settled)
            addMarker(r.outcome == Outcome::Failed ? Phase::Error : Phase::Incomplete, attempt);
        return;
    }
    if (t >= 0)
        add(attempt == 0 ? Phase::Queued : Phase::Backoff, t, start, attempt == 0 ? qint16(-1) : attempt);

    if (!settled && r.sentNs < 0 && r.headersNs < 0 && r.firstByteNs < 0 && r.tokenNs.empty()) {
        add(Phase::Sending, start, end, attempt);
        return;
    }
    // The moment the body was handed over; when requestSent never said so, the first sign of
    // an answer implies it.
    qint64 sent = r.sentNs >= start ? r.sentNs : -1;
    if (sent < 0) {
        sent = end;
        for (qint64 candidate : { r.headersNs, r.firstByteNs, r.firstTokenNs() }) {
            if (candidate >= start && candidate < sent)
                sent = candidate;
        }
    }
    add(Phase::Sending, start, sent, attempt);

    const qint64 firstToken = r.firstTokenNs();
    if (firstToken >= 0) {
        add(Phase::WaitingFirstToken, sent, firstToken, attempt);
        add(Phase::Streaming, firstToken, qMax(end, r.lastTokenNs()), attempt);
    } else if (r.outcome == Outcome::Success && r.firstByteNs >= sent) {
        // A non-streaming answer: the body arrives in one piece.
        add(Phase::WaitingFirstToken, sent, r.firstByteNs, attempt);
        add(Phase::Streaming, r.firstByteNs, end, attempt);
    } else {
        add(Phase::WaitingFirstToken, sent, end, attempt);
    }
    if (settled && r.outcome == Outcome::Failed)
        addMarker(Phase::Error, attempt);
    else if (settled && r.outcome == Outcome::Incomplete)
        addMarker(Phase::Incomplete, attempt);
}

} // namespace BurgerBench
