#include "trace/jobboard.h"

#include "trace/runtrace.h"

#include <algorithm>

namespace BurgerBench {

namespace {

int countUpTo(const std::vector<qint64> &sorted, qint64 t)
{
    return int(std::upper_bound(sorted.begin(), sorted.end(), t) - sorted.begin());
}

} // namespace

JobBoard::JobBoard(const RunTrace &trace)
{
    for (const JobRecord &job : trace.jobs) {
        if (job.acceptedNs < 0)
            continue;
        m_accepted.push_back(job.acceptedNs);
        const bool ended
            = job.endedNs >= 0 && (job.status == JobStatus::Done || job.status == JobStatus::Failed);
        qint64 started = job.startedNs;
        if (ended && (started < 0 || started > job.endedNs))
            started = job.endedNs;
        if (started >= 0)
            m_started.push_back(std::max(started, job.acceptedNs));
        if (ended)
            (job.status == JobStatus::Done ? m_done : m_failed)
                .push_back(std::max(job.endedNs, job.acceptedNs));
    }
    for (std::vector<qint64> *v : { &m_accepted, &m_started, &m_done, &m_failed })
        std::sort(v->begin(), v->end());
    m_polls = trace.jobPollsNs;
    std::sort(m_polls.begin(), m_polls.end());
}

JobBoardCounts JobBoard::trueAt(qint64 atNs) const
{
    JobBoardCounts c;
    const int accepted = countUpTo(m_accepted, atNs);
    const int started = std::min(accepted, countUpTo(m_started, atNs));
    c.done = countUpTo(m_done, atNs);
    c.failed = countUpTo(m_failed, atNs);
    c.running = std::max(0, started - c.done - c.failed);
    c.pending = accepted - started;
    return c;
}

JobBoardCounts JobBoard::seenAt(qint64 atNs) const
{
    if (m_polls.empty())
        return trueAt(atNs);
    const auto poll = std::upper_bound(m_polls.begin(), m_polls.end(), atNs);
    // Before the first poll every ticket handed out reads pending (the 202's status).
    JobBoardCounts c;
    if (poll != m_polls.begin())
        c = trueAt(*std::prev(poll));
    c.pending += countUpTo(m_accepted, atNs) - c.total();
    return c;
}

qint64 JobBoard::pollIntervalNs() const
{
    if (m_polls.size() < 2)
        return -1;
    std::vector<qint64> gaps;
    gaps.reserve(m_polls.size() - 1);
    for (size_t i = 1; i < m_polls.size(); ++i)
        gaps.push_back(m_polls[i] - m_polls[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + qsizetype(gaps.size() / 2), gaps.end());
    return gaps[gaps.size() / 2];
}

} // namespace BurgerBench
