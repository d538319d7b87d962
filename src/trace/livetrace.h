#pragma once

#include "trace/jobrecord.h"
#include "trace/runtrace.h"

#include <QMetaType>
#include <QStringList>

#include <memory>
#include <vector>

namespace BurgerBench {

// Counters for live display; a cheap value type.
struct Progress
{
    int planned = 0; // measured requests planned (0 when bounded by duration)
    int dispatched = 0; // measured requests that have started
    // In line (trace/orderline.h, OrderLine::inLine): waiting to be sent, at a client-side gate
    // (concurrency cap, rate limit) or, in a closed loop, not taken yet. The engine keeps its own
    // count of the open loop's gate; the views take this one from the trace (progressOf, and the
    // window's RunController on each live update), so it agrees with the story and the timeline.
    int queued = 0;
    int notDue = 0; // open loop: arrivals whose time has not come (OrderLine::notDue)
    int inFlight = 0;
    int completed = 0;
    int failed = 0;
    int incomplete = 0;
    qint64 tokens = 0; // token events so far (measured requests)
    qint64 elapsedNs = 0;
    qint64 lastLoopLagNs = 0;
    bool warmingUp = false;
    // Work that is not a request (the parallel models): CPU tasks and held waits.
    int tasksStarted = 0;
    int tasksEnded = 0;
};

// The counters a trace stands at `nowNs` (its measured requests and tasks; `planned` from the
// scenario, or the requests recorded when `plannedFromRecords`). One definition for the live
// views, the end of a run and a saved run opened for viewing.
Progress progressOf(const RunTrace &trace, qint64 nowNs, bool plannedFromRecords = false);

// How long a request-bounded run still has at nowNs, in ns (-1 when nothing has settled yet to
// learn from). The run's own schedule played forward: a typical request takes the median time of
// the settled ones (dispatch to end); those in flight finish that long after their dispatch;
// the rest (planned − settled − in flight) go, one after another, to whichever of the lanes in
// flight frees first, none before its arrival is due. So a run that goes in rounds counts the
// round under way, not a share of the elapsed time.
qint64 estimateLeftNs(const RunTrace &trace, qint64 nowNs, int planned);

// The live protocol: what changed since the previous update, for a mirror on another thread
// (LiveTrace). Every execution model publishes it the same way through RunSession, so the CLI,
// the main window and the race read one stream. Crosses threads as an immutable value
// (std::shared_ptr<const LiveDelta>).
//
// `requests` holds copies of the records that changed, each with only the token times that are
// new since the last update (their position in the full vector is tokenOffset[i]); a record's
// text comes once it has settled. Loop spans and lag samples are the new ones. Tasks are
// append-only once they end, so the mirror keeps its first `tasksKept` and appends `tasks`
// (finished ones new since the last update, then those still running, which the next update
// replaces); -1 = no task changed. Lanes and jobs come whole when they changed.
// The server's /metrics scraped since the previous update: RunSession adds them to the model's
// delta from its MetricsScraper (its own thread and connection). The counters as they stand (no
// log, no series), then one entry per series that moved: a series first seen with its name, labels
// and samples so far, a known one with only its new samples. Times are on the run's clock as the
// session estimates it while running; the final trace's record replaces them.
struct LiveServerMetrics
{
    ServerMetricsRecord counters;
    std::vector<int> seriesIndex; // parallel to `series`: its index in the record's series
    std::vector<ServerSeries> series;
};

struct LiveDelta
{
    std::vector<RequestRecord> requests;
    std::vector<int> tokenOffset;
    std::vector<Span> loopBusy;
    std::vector<LagSample> loopLag;
    qint32 tasksKept = -1;
    std::vector<TaskRecord> tasks;
    std::vector<qint32> taskOwner; // parallel to `tasks`: the logical task or request of each
    bool lanesChanged = false;
    std::vector<TaskLane> taskLanes;
    bool jobsChanged = false;
    std::vector<JobRecord> jobs;
    std::vector<qint64> jobPolls; // appended to RunTrace::jobPollsNs
    Progress progress;
    qint64 nowNs = 0;
    std::shared_ptr<const LiveServerMetrics> server; // null: nothing scraped since the last update
};

// A copy of a running trace kept up to date from LiveDeltas; after the run the final trace
// replaces it (it is authoritative). Not thread-safe: lives on the receiving thread.
class LiveTrace
{
public:
    // Starts over from `base` (scenario, target URL, ...; its records if any).
    void reset(RunTrace base);
    void apply(const LiveDelta &delta);

    const RunTrace &trace() const { return m_trace; }
    RunTrace &trace() { return m_trace; }
    const std::vector<qint32> &taskOwner() const { return m_taskOwner; }
    // The requests the last apply() changed.
    const std::vector<int> &changed() const { return m_changed; }
    const Progress &progress() const { return m_progress; }
    qint64 nowNs() const { return m_nowNs; }

private:
    void applyServerMetrics(const LiveServerMetrics &update);

    RunTrace m_trace;
    std::vector<qint32> m_taskOwner;
    std::vector<int> m_changed;
    Progress m_progress;
    qint64 m_nowNs = 0;
};

// Turns a series of whole snapshots of a run (what a parallel model has recorded at one
// instant) into LiveDeltas: only the requests whose stamps, outcome or token count moved, with
// their new token times; the tasks whole (these models run tens to thousands of them).
// Lives on the producing thread.
class LiveDiffer
{
public:
    std::shared_ptr<LiveDelta> diff(const RunTrace &now, const std::vector<qint32> &taskOwner, qint64 nowNs);

private:
    struct Seen
    {
        qint64 dispatchNs = -1;
        qint64 sentNs = -1;
        qint64 headersNs = -1;
        qint64 firstByteNs = -1;
        qint64 endNs = -1;
        Outcome outcome = Outcome::Pending;
        size_t tokens = 0;
        size_t attempts = 0;
        qint64 lastWaitNs = -1; // the last attempt's waitNs: set when the next attempt goes out
    };
    std::vector<Seen> m_seen;
    size_t m_busy = 0;
    size_t m_lag = 0;
    size_t m_polls = 0;
    std::vector<TaskLane> m_lanes;
    std::vector<TaskRecord> m_tasks;
    std::vector<JobRecord> m_jobs;
};

} // namespace BurgerBench

Q_DECLARE_METATYPE(std::shared_ptr<const BurgerBench::LiveDelta>)
