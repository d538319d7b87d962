#pragma once

#include <QtGlobal>

#include <vector>

namespace BurgerBench {

struct RunTrace;

// How many background jobs the status board showed in each status.
struct JobBoardCounts
{
    int pending = 0;
    int running = 0;
    int done = 0;
    int failed = 0;

    int total() const { return pending + running + done + failed; }
    friend bool operator==(const JobBoardCounts &a, const JobBoardCounts &b)
    {
        return a.pending == b.pending && a.running == b.running && a.done == b.done && a.failed == b.failed;
    }
    friend bool operator!=(const JobBoardCounts &a, const JobBoardCounts &b) { return !(a == b); }
};

// The background jobs' status board as the client knew it (seed: accept now with 202 and a
// ticket, poll the status later). A job is on the board from its ticket (acceptedNs), pending;
// after that the client learns a change only when it polls (RunTrace::jobPollsNs): between two
// polls the board shows what the earlier one read. A trace without polls (a report written
// before they were recorded) shows each job's true status instead. Built once per trace; every
// query is a few binary searches.
class JobBoard
{
public:
    explicit JobBoard(const RunTrace &trace);

    bool empty() const { return m_accepted.empty(); }
    int jobs() const { return int(m_accepted.size()); }
    bool polled() const { return !m_polls.empty(); }
    const std::vector<qint64> &polls() const { return m_polls; }
    // The board at `atNs`, as the client knew it.
    JobBoardCounts seenAt(qint64 atNs) const;
    // The jobs' true statuses at `atNs` (what the workers knew).
    JobBoardCounts trueAt(qint64 atNs) const;
    // The median time between two polls, -1 with fewer than two.
    qint64 pollIntervalNs() const;

private:
    std::vector<qint64> m_accepted; // sorted
    std::vector<qint64> m_started; // sorted; a job that ended without a start counts from its end
    std::vector<qint64> m_done; // ended done, sorted
    std::vector<qint64> m_failed; // ended failed, sorted
    std::vector<qint64> m_polls; // sorted
};

} // namespace BurgerBench
