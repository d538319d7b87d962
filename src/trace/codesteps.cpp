#include "trace/codesteps.h"

#include "trace/orderline.h"

namespace BurgerBench {

namespace {

bool at(qint64 stamp, qint64 nowNs)
{
    return stamp >= 0 && stamp <= nowNs;
}

// Where one unsettled, started request stands: in an earlier attempt, in the wait after one, or
// in its final attempt (the record's own stamps).
CodeStep stepOfStarted(const RequestRecord &r, qint64 nowNs)
{
    for (size_t i = 0; i < r.attempts.size(); ++i) {
        const AttemptRecord &a = r.attempts[i];
        if (!at(a.startNs, nowNs))
            break;
        if (a.endNs < 0 || nowNs < a.endNs)
            return CodeStep::Waiting; // the attempt keeps no finer stamps
        const qint64 next = i + 1 < r.attempts.size() ? r.attempts[i + 1].startNs : r.dispatchNs;
        if (!at(next, nowNs))
            return CodeStep::RetryWait;
    }
    if (at(r.firstTokenNs(), nowNs))
        return CodeStep::Streaming;
    // Sent once the body was handed over; a client that keeps no such stamp (the blocking
    // workers) is waiting from its dispatch on, as is one whose server already answered.
    if (r.sentNs > nowNs && !at(r.headersNs, nowNs) && !at(r.firstByteNs, nowNs))
        return CodeStep::Sending;
    return CodeStep::Waiting;
}

} // namespace

CodeStepCounts codeStepsAt(const RunTrace &trace, qint64 nowNs)
{
    CodeStepCounts c;
    auto add = [&c](CodeStep step) { ++c.count[size_t(step)]; };
    const bool over = trace.endNs >= 0 && nowNs >= trace.endNs;

    // Not started yet: in line or not due, by the one definition the views share (trace/orderline.h).
    const OrderLine line = orderLineAt(trace, nowNs);
    c.count[size_t(CodeStep::InLine)] += line.inLine();
    c.count[size_t(CodeStep::NotDue)] += line.notDue;
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup)
            continue;
        if (at(r.endNs, nowNs) || (over && r.endNs < 0)) {
            ++c.settled;
            continue;
        }
        const qint64 firstStart = firstSendNs(r);
        if (at(firstStart, nowNs))
            add(stepOfStarted(r, nowNs));
    }

    const bool cpuOnly = trace.requests.empty();
    for (const TaskRecord &t : trace.tasks) {
        if (t.kind != TaskKind::CpuWork)
            continue; // a blocking worker holding a request: the request says where it is
        if (at(t.startNs, nowNs) && (t.endNs < 0 || nowNs < t.endNs))
            add(CodeStep::CpuWork);
        else if (cpuOnly && at(t.queuedNs, nowNs) && !at(t.startNs, nowNs))
            add(CodeStep::InLine);
        else if (cpuOnly && at(t.endNs, nowNs))
            ++c.settled;
    }

    for (const JobRecord &j : trace.jobs) {
        if (at(j.acceptedNs, nowNs) && !at(j.seenEndedNs, nowNs) && !over)
            add(CodeStep::Polling);
    }
    return c;
}

QString codeStepName(CodeStep step)
{
    switch (step) {
    case CodeStep::NotDue:
        return QStringLiteral("not_due");
    case CodeStep::InLine:
        return QStringLiteral("in_line");
    case CodeStep::Sending:
        return QStringLiteral("sending");
    case CodeStep::Waiting:
        return QStringLiteral("waiting");
    case CodeStep::Streaming:
        return QStringLiteral("streaming");
    case CodeStep::RetryWait:
        return QStringLiteral("retry_wait");
    case CodeStep::CpuWork:
        return QStringLiteral("cpu_work");
    case CodeStep::Polling:
        return QStringLiteral("polling");
    }
    return QString();
}

} // namespace BurgerBench
