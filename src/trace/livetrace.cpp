#include "trace/livetrace.h"

#include "trace/orderline.h"

#include <algorithm>
#include <queue>

namespace BurgerBench {

Progress progressOf(const RunTrace &trace, qint64 nowNs, bool plannedFromRecords)
{
    Progress p;
    p.planned = plannedFromRecords ? 0 : trace.scenario.requests;
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup)
            continue;
        p.planned += plannedFromRecords ? 1 : 0;
        if (r.dispatchNs < 0)
            continue;
        ++p.dispatched;
        p.inFlight += r.settled() ? 0 : 1;
        p.completed += r.outcome == Outcome::Success ? 1 : 0;
        p.failed += r.outcome == Outcome::Failed ? 1 : 0;
        p.incomplete += r.outcome == Outcome::Incomplete ? 1 : 0;
        p.tokens += qint64(r.tokenNs.size());
    }
    for (const TaskRecord &t : trace.tasks) {
        p.tasksStarted += t.startNs >= 0 ? 1 : 0;
        p.tasksEnded += t.endNs >= 0 ? 1 : 0;
    }
    const OrderLine line = orderLineAt(trace, nowNs);
    p.queued = line.inLine();
    p.notDue = line.notDue;
    p.elapsedNs = std::max<qint64>(0, nowNs);
    if (!trace.loopLag.empty())
        p.lastLoopLagNs = trace.loopLag.back().lagNs;
    return p;
}

void LiveTrace::reset(RunTrace base)
{
    m_trace = std::move(base);
    m_taskOwner.clear();
    m_changed.clear();
    m_progress = Progress();
    m_progress.planned = m_trace.scenario.requests;
    m_nowNs = 0;
}

void LiveTrace::applyServerMetrics(const LiveServerMetrics &update)
{
    ServerMetricsRecord &mine = m_trace.serverMetrics;
    std::vector<ServerSeries> series = std::move(mine.series);
    std::vector<ServerScrape> log = std::move(mine.log);
    mine = update.counters;
    mine.series = std::move(series);
    mine.log = std::move(log);
    for (size_t i = 0; i < update.series.size() && i < update.seriesIndex.size(); ++i) {
        const ServerSeries &moved = update.series[i];
        const size_t index = size_t(std::max(0, update.seriesIndex[i]));
        if (index >= mine.series.size())
            mine.series.resize(index + 1);
        if (mine.series[index].name.isEmpty()) { // first seen: its name, family, kind and labels
            ServerSeries &fresh = mine.series[index];
            fresh.name = moved.name;
            fresh.family = moved.family;
            fresh.metric = moved.metric;
            fresh.kind = moved.kind;
            fresh.labels = moved.labels;
        }
        auto &samples = mine.series[index].samples;
        samples.insert(samples.end(), moved.samples.begin(), moved.samples.end());
    }
}

void LiveTrace::apply(const LiveDelta &delta)
{
    m_changed.clear();
    for (size_t i = 0; i < delta.requests.size(); ++i) {
        const RequestRecord &update = delta.requests[i];
        const size_t index = update.index;
        if (index >= m_trace.requests.size())
            m_trace.requests.resize(index + 1);
        RequestRecord &mine = m_trace.requests[index];
        // Keep the token times we already have up to the delta's offset, then add the new ones.
        TokenTimes tokens = std::move(mine.tokenNs);
        const size_t offset = i < delta.tokenOffset.size() ? size_t(delta.tokenOffset[i]) : tokens.size();
        tokens.resize(std::min(tokens.size(), offset));
        tokens.append(update.tokenNs);
        QString text = std::move(mine.text);
        mine = update;
        mine.tokenNs = std::move(tokens);
        if (update.text.isEmpty())
            mine.text = std::move(text);
        m_changed.push_back(int(index));
    }
    m_trace.loopBusy.insert(m_trace.loopBusy.end(), delta.loopBusy.begin(), delta.loopBusy.end());
    m_trace.loopLag.insert(m_trace.loopLag.end(), delta.loopLag.begin(), delta.loopLag.end());
    m_trace.jobPollsNs.insert(m_trace.jobPollsNs.end(), delta.jobPolls.begin(), delta.jobPolls.end());
    if (delta.tasksKept >= 0) {
        const size_t kept = std::min(size_t(delta.tasksKept), m_trace.tasks.size());
        m_trace.tasks.resize(kept);
        m_trace.tasks.insert(m_trace.tasks.end(), delta.tasks.begin(), delta.tasks.end());
        m_taskOwner.resize(kept, -1);
        m_taskOwner.insert(m_taskOwner.end(), delta.taskOwner.begin(), delta.taskOwner.end());
        m_taskOwner.resize(m_trace.tasks.size(), -1);
    }
    if (delta.lanesChanged)
        m_trace.taskLanes = delta.taskLanes;
    if (delta.jobsChanged)
        m_trace.jobs = delta.jobs;
    if (delta.server)
        applyServerMetrics(*delta.server);
    m_progress = delta.progress;
    m_nowNs = delta.nowNs;
}

std::shared_ptr<LiveDelta> LiveDiffer::diff(
    const RunTrace &now, const std::vector<qint32> &taskOwner, qint64 nowNs)
{
    const std::vector<JobRecord> &jobs = now.jobs;
    auto delta = std::make_shared<LiveDelta>();
    delta->nowNs = nowNs;
    if (m_seen.size() < now.requests.size())
        m_seen.resize(now.requests.size());
    for (size_t i = 0; i < now.requests.size(); ++i) {
        const RequestRecord &r = now.requests[i];
        Seen &seen = m_seen[i];
        const bool moved = seen.dispatchNs != r.dispatchNs || seen.sentNs != r.sentNs
            || seen.headersNs != r.headersNs || seen.firstByteNs != r.firstByteNs || seen.endNs != r.endNs
            || seen.outcome != r.outcome || seen.tokens != r.tokenNs.size()
            || seen.attempts != r.attempts.size()
            || (!r.attempts.empty() && seen.lastWaitNs != r.attempts.back().waitNs);
        if (!moved)
            continue;
        // A retry restarts the stream: then the whole token vector again.
        const size_t from = seen.tokens <= r.tokenNs.size() ? seen.tokens : 0;
        RequestRecord copy = r;
        copy.index = quint32(i);
        copy.tokenNs.assign(r.tokenNs.begin() + qsizetype(from), r.tokenNs.end());
        if (!r.settled())
            copy.text.clear();
        delta->tokenOffset.push_back(int(from));
        delta->requests.push_back(std::move(copy));
        seen = { r.dispatchNs, r.sentNs, r.headersNs, r.firstByteNs, r.endNs, r.outcome, r.tokenNs.size(),
            r.attempts.size(), r.attempts.empty() ? qint64(-1) : r.attempts.back().waitNs };
    }
    // Loop spans and lag samples are append-only in every model.
    m_busy = std::min(m_busy, now.loopBusy.size());
    delta->loopBusy.assign(now.loopBusy.begin() + qsizetype(m_busy), now.loopBusy.end());
    m_busy = now.loopBusy.size();
    m_lag = std::min(m_lag, now.loopLag.size());
    delta->loopLag.assign(now.loopLag.begin() + qsizetype(m_lag), now.loopLag.end());
    m_lag = now.loopLag.size();
    m_polls = std::min(m_polls, now.jobPollsNs.size());
    delta->jobPolls.assign(now.jobPollsNs.begin() + qsizetype(m_polls), now.jobPollsNs.end());
    m_polls = now.jobPollsNs.size();

    const bool tasksMoved = now.tasks.size() != m_tasks.size()
        || !std::equal(now.tasks.begin(), now.tasks.end(), m_tasks.begin(),
            [](const TaskRecord &a, const TaskRecord &b) {
                return a.request == b.request && a.lane == b.lane && a.kind == b.kind
                    && a.queuedNs == b.queuedNs && a.startNs == b.startNs && a.endNs == b.endNs;
            });
    if (tasksMoved) {
        delta->tasksKept = 0;
        delta->tasks = now.tasks;
        delta->taskOwner = taskOwner;
        delta->taskOwner.resize(now.tasks.size(), -1);
        m_tasks = now.tasks;
    }
    if (now.taskLanes != m_lanes) {
        delta->lanesChanged = true;
        delta->taskLanes = now.taskLanes;
        m_lanes = now.taskLanes;
    }
    bool jobsMoved = jobs.size() != m_jobs.size();
    for (size_t i = 0; !jobsMoved && i < jobs.size(); ++i) {
        const JobRecord &a = jobs[i];
        const JobRecord &b = m_jobs[i];
        jobsMoved = a.status != b.status || a.acceptedNs != b.acceptedNs || a.startedNs != b.startedNs
            || a.endedNs != b.endedNs || a.seenEndedNs != b.seenEndedNs;
    }
    if (jobsMoved) {
        delta->jobsChanged = true;
        delta->jobs = jobs;
        m_jobs = jobs;
    }
    delta->progress = progressOf(now, nowNs);
    return delta;
}

qint64 estimateLeftNs(const RunTrace &trace, qint64 nowNs, int planned)
{
    std::vector<qint64> took;
    std::vector<qint64> inFlight; // dispatch moments
    std::vector<qint64> due; // not dispatched yet: when each may go (0 = now)
    int settled = 0; // measured ones (warm-up requests are not in `planned`)
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup)
            continue;
        if (r.settled()) {
            ++settled;
            if (r.dispatchNs >= 0 && r.endNs >= r.dispatchNs)
                took.push_back(r.endNs - r.dispatchNs);
        } else if (r.dispatchNs >= 0) {
            inFlight.push_back(r.dispatchNs);
        } else {
            due.push_back(std::max<qint64>(0, r.intendedNs - nowNs));
        }
    }
    if (took.empty())
        return -1;
    std::nth_element(took.begin(), took.begin() + qsizetype(took.size() / 2), took.end());
    const qint64 typical = took[took.size() / 2];
    // Planned ones the trace has no record of yet (a closed loop records an order when it takes it).
    const int unrecorded = std::max(0, planned - settled - int(inFlight.size()) - int(due.size()));
    due.insert(due.end(), size_t(unrecorded), 0);
    if (inFlight.empty() && due.empty())
        return 0;
    std::sort(due.begin(), due.end());
    // The lanes: the requests the mode lets be in flight at once (one, the workers under the cap,
    // or the cap), and never fewer than are in flight now. Each frees when its request ends.
    const Scenario &sc = trace.scenario;
    int width = std::max(1, sc.concurrency);
    if (sc.mode == ExecutionMode::Sequential)
        width = 1;
    else if (sc.mode == ExecutionMode::ParallelBlocking || sc.mode == ExecutionMode::BackgroundJobs)
        width = std::max(1, sc.concurrency > 0 ? std::min(sc.workers, sc.concurrency) : sc.workers);
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> lanes;
    for (const qint64 dispatch : inFlight)
        lanes.push(std::max<qint64>(0, dispatch + typical - nowNs));
    for (int k = int(inFlight.size()); k < width; ++k)
        lanes.push(0);
    qint64 left = 0;
    for (const qint64 at : due) {
        const qint64 start = std::max(lanes.top(), at);
        lanes.pop();
        lanes.push(start + typical);
    }
    while (!lanes.empty()) {
        left = std::max(left, lanes.top());
        lanes.pop();
    }
    return left;
}

} // namespace BurgerBench
