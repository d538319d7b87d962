#include "trace/playback.h"

#include "trace/orderline.h"

#include <algorithm>
#include <limits>

namespace BurgerBench {

namespace {

// When the engine made the record: when the order became eligible (a closed loop takes it then,
// an open loop's arrival is due then), else when it was first sent.
qint64 createdNs(const RequestRecord &r)
{
    return r.intendedNs >= 0 ? r.intendedNs : firstSendNs(r);
}

bool after(qint64 t, qint64 nowNs)
{
    return t > nowNs;
}

// The record in flight in its current attempt (started at `startNs`), nothing of it back yet.
void inAttempt(RequestRecord *r, qint64 startNs)
{
    r->dispatchNs = startNs;
    r->sentNs = -1;
    r->headersNs = -1;
    r->firstByteNs = -1;
    r->tokenNs.clear();
    r->httpStatus = 0;
}

void unsettle(RequestRecord *r)
{
    r->endNs = -1;
    r->outcome = r->dispatchNs >= 0 ? Outcome::InFlight : Outcome::Pending;
    r->error = ErrorKind::None;
    r->errorMessage.clear();
    r->outputTokens = -1;
    r->outputTokensFromUsage = false;
    r->promptTokensFromUsage = false;
    r->cachedTokens = -1;
    r->reasoningTokens = -1;
}

RequestRecord requestAt(const RequestRecord &full, qint64 nowNs)
{
    RequestRecord r = full;
    // Earlier attempts that had started by now; one still under way is the record's own.
    size_t started = 0;
    while (started < full.attempts.size() && !after(full.attempts[started].startNs, nowNs))
        ++started;
    r.attempts.resize(started);
    if (started > 0 && after(r.attempts.back().endNs, nowNs)) {
        const qint64 start = r.attempts.back().startNs;
        r.attempts.pop_back();
        inAttempt(&r, start);
        r.retries = int(r.attempts.size());
        unsettle(&r);
        return r;
    }
    if (started > 0 && (started < full.attempts.size() || after(full.dispatchNs, nowNs))) {
        // Between attempts: the last one failed, the next has not gone out.
        AttemptRecord &last = r.attempts.back();
        last.waitNs = -1; // still waiting
        inAttempt(&r, -1);
        r.retries = int(r.attempts.size());
        unsettle(&r);
        r.outcome = Outcome::InFlight;
        return r;
    }
    if (after(r.dispatchNs, nowNs)) { // made, not sent yet: in line
        inAttempt(&r, -1);
        unsettle(&r);
        return r;
    }
    for (qint64 *stamp : { &r.sentNs, &r.headersNs, &r.firstByteNs }) {
        if (after(*stamp, nowNs))
            *stamp = -1;
    }
    if (r.headersNs < 0)
        r.httpStatus = 0;
    const auto tokens = std::upper_bound(full.tokenNs.begin(), full.tokenNs.end(), nowNs);
    r.tokenNs.resize(size_t(tokens - full.tokenNs.begin()));
    if (after(r.firstContentNs, nowNs))
        r.firstContentNs = -1;
    if (after(full.endNs, nowNs)) {
        unsettle(&r);
        r.reasoningEvents = 0;
    }
    return r;
}

template<typename T, typename At> std::vector<T> upTo(const std::vector<T> &items, qint64 nowNs, At at)
{
    std::vector<T> out;
    for (const T &item : items) {
        if (!after(at(item), nowNs))
            out.push_back(item);
    }
    return out;
}

void consider(qint64 t, qint64 nowNs, qint64 *next)
{
    if (t > nowNs && t < *next)
        *next = t;
}

} // namespace

RunTrace traceAt(const RunTrace &full, qint64 nowNs)
{
    RunTrace out;
    out.scenario = full.scenario;
    out.targetUrl = full.targetUrl;
    out.definitions = full.definitions;
    out.startedAt = full.startedAt;
    out.clockOriginMonotonicNs = full.clockOriginMonotonicNs;
    out.replayedRows = full.replayedRows;
    out.datasetNote = full.datasetNote;
    out.cpuCount = full.cpuCount;
    out.taskLanes = full.taskLanes;
    out.measuredStartNs = after(full.measuredStartNs, nowNs) ? -1 : full.measuredStartNs;
    const bool over = full.endNs >= 0 && !after(full.endNs, nowNs);
    out.endNs = over ? full.endNs : -1;
    out.cancelled = over && full.cancelled;
    out.abortReason = over ? full.abortReason : QString();

    // Records up to the last one made by now; an earlier one not made yet is a placeholder.
    size_t made = 0;
    for (size_t i = 0; i < full.requests.size(); ++i) {
        const qint64 created = createdNs(full.requests[i]);
        if (created >= 0 && !after(created, nowNs))
            made = i + 1;
    }
    out.requests.reserve(made);
    for (size_t i = 0; i < made; ++i) {
        const RequestRecord &r = full.requests[i];
        const qint64 created = createdNs(r);
        if (created >= 0 && !after(created, nowNs)) {
            out.requests.push_back(requestAt(r, nowNs));
        } else {
            RequestRecord placeholder;
            placeholder.index = r.index;
            placeholder.id = r.id;
            placeholder.warmup = r.warmup;
            placeholder.session = r.session;
            placeholder.turn = r.turn;
            out.requests.push_back(std::move(placeholder));
        }
    }

    out.loopBusy = upTo(full.loopBusy, nowNs, [](const Span &s) { return s.startNs; });
    for (Span &span : out.loopBusy)
        span.endNs = std::min(span.endNs, nowNs);
    out.loopLag = upTo(full.loopLag, nowNs, [](const LagSample &s) { return s.atNs; });

    out.tasks = upTo(
        full.tasks, nowNs, [](const TaskRecord &t) { return t.queuedNs >= 0 ? t.queuedNs : t.startNs; });
    for (TaskRecord &task : out.tasks) {
        if (after(task.startNs, nowNs))
            task.startNs = -1;
        if (task.startNs < 0 || after(task.endNs, nowNs)) {
            task.endNs = -1;
            task.cpuNs = -1;
        }
    }

    out.jobs = upTo(full.jobs, nowNs, [](const JobRecord &j) { return j.acceptedNs; });
    for (JobRecord &job : out.jobs) {
        if (after(job.endedNs, nowNs)) {
            job.endedNs = -1;
            job.message.clear();
            job.status = after(job.startedNs, nowNs) ? JobStatus::Pending : JobStatus::Running;
        }
        if (after(job.startedNs, nowNs))
            job.startedNs = -1;
        if (after(job.seenEndedNs, nowNs))
            job.seenEndedNs = -1;
    }

    out.jobPollsNs.assign(
        full.jobPollsNs.begin(), std::upper_bound(full.jobPollsNs.begin(), full.jobPollsNs.end(), nowNs));

    const ServerMetricsRecord &server = full.serverMetrics;
    out.serverMetrics = server;
    ServerMetricsRecord &cut = out.serverMetrics;
    cut.log = upTo(server.log, nowNs, [](const ServerScrape &s) { return s.receivedNs; });
    if (!server.log.empty()) {
        cut.scrapes = int(cut.log.size());
        cut.failedScrapes
            = int(std::count_if(cut.log.begin(), cut.log.end(), [](const ServerScrape &s) { return !s.ok; }));
    }
    for (ServerSeries &series : cut.series) {
        const auto end = std::upper_bound(series.samples.begin(), series.samples.end(), nowNs,
            [](qint64 t, const std::pair<qint64, double> &sample) { return t < sample.first; });
        series.samples.erase(end, series.samples.end());
    }
    return out;
}

qint64 nextEventAfter(const RunTrace &full, qint64 nowNs)
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const RequestRecord &r : full.requests) {
        for (const qint64 t : { r.intendedNs, r.dispatchNs, r.sentNs, r.headersNs, r.firstByteNs, r.endNs })
            consider(t, nowNs, &next);
        for (const AttemptRecord &a : r.attempts) {
            consider(a.startNs, nowNs, &next);
            consider(a.endNs, nowNs, &next);
        }
        const auto token = std::upper_bound(r.tokenNs.begin(), r.tokenNs.end(), nowNs);
        if (token != r.tokenNs.end())
            consider(*token, nowNs, &next);
    }
    for (const TaskRecord &t : full.tasks) {
        consider(t.startNs, nowNs, &next);
        consider(t.endNs, nowNs, &next);
    }
    for (const JobRecord &j : full.jobs) {
        for (const qint64 t : { j.acceptedNs, j.startedNs, j.endedNs, j.seenEndedNs })
            consider(t, nowNs, &next);
    }
    // A status poll is an event too: the job board changes only there.
    const auto poll = std::upper_bound(full.jobPollsNs.begin(), full.jobPollsNs.end(), nowNs);
    if (poll != full.jobPollsNs.end())
        consider(*poll, nowNs, &next);
    consider(full.endNs, nowNs, &next);
    return next == std::numeric_limits<qint64>::max() ? -1 : next;
}

qint64 playbackEndNs(const RunTrace &full)
{
    qint64 end = std::max<qint64>(0, full.endNs);
    for (const RequestRecord &r : full.requests)
        end = std::max(end, r.endNs);
    for (const TaskRecord &t : full.tasks)
        end = std::max(end, t.endNs);
    for (const JobRecord &j : full.jobs)
        end = std::max({ end, j.endedNs, j.seenEndedNs });
    if (!full.jobPollsNs.empty())
        end = std::max(end, full.jobPollsNs.back());
    return end;
}

} // namespace BurgerBench
