#pragma once

#include "scenario/scenario.h"
#include "trace/runtrace.h"

#include <QCoreApplication>
#include <QString>

namespace BurgerBench {

// What held a run's orders up, told in the story's words (../shared/TEACHING.md).
enum class StoryBottleneck : quint8 {
    None, // nothing to say: no order, or an empty run
    Kitchen, // the server's own time: every order was sent at once and waited only for it
    KitchenLine, // the server queued orders (its /metrics said some waited in its kitchen)
    Line, // the client's limit on orders at once (Sequential: one; a concurrency cap; the workers)
    Cashier, // CPU work or a blocking call on the event loop held everything else up
    ThisComputer, // the client's event loop was saturated (METRICS.md "Client busy")
    Cores, // CPU work: as many helpers at once as there are cores, no more
    Helpers, // CPU work: fewer helpers than cores, so cores stood idle
    Failures, // nothing was served
};

// A run's story in figures, computed from its own trace alone, so a live run's end, a saved run
// opened again and a report give the same story. Times are ns on the run's clock; -1: unknown.
struct RunStoryFacts
{
    ExecutionMode mode = ExecutionMode::Concurrent;
    bool cpuOnly = false; // the work was CPU tasks, no requests
    int orders = 0; // measured requests (warm-up left out)
    int served = 0;
    int failed = 0;
    int cut = 0; // incomplete: the run ended or was stopped first
    QString commonError; // the most common failure in words (requestdescription.h), if any
    int commonErrorCount = 0;
    qint64 wallNs = 0; // the measured window: first dispatch to the last order settled
    qint64 typicalNs = -1; // median served order, from its first send to its end
    qint64 summedNs = 0; // the served orders' times added up: what one at a time would take
    int peakInFlight = 0; // most orders sent and not settled at one moment
    int limit = 0; // the client's cap on orders at once (1 in Sequential mode, the workers, ...)
    int waitedInLine = 0; // orders that waited in line (before their first send) noticeably
    qint64 longestLineNs = 0; // the longest such wait
    int retried = 0; // orders that needed more than one try
    int extraTries = 0; // their tries after the first
    qint64 retryWaitNs = 0; // the waits between tries, added up
    double loopIdle = -1; // fraction of the measured window the event loop was idle; -1: unknown
    qint64 loopBlockedNs = 0; // loop busy spans of 16 ms or more, added up
    qint64 longestBlockNs = 0;
    bool clientLimited = false; // the client's verdict (metrics/clientsaturation.h)
    int kitchenWaitingMax = -1; // most orders the server said were waiting; -1: not scraped
    // CPU work (tasks).
    int tasks = 0;
    qint64 taskCpuNs = -1; // thread CPU time the tasks got, added up; -1: not measured
    qint64 taskWorkNs = 0; // the tasks' wall spans added up
    qint64 taskWallNs = 0; // first task start to last task end
    int helpers = 0; // lanes that ran CPU work
    int cores = 0;
    // Background jobs.
    int jobs = 0;
    int jobsFailed = 0;
    qint64 slowestAcceptNs = -1; // the longest a submit call took to hand back its ticket
    qint64 lastJobEndNs = -1;
    StoryBottleneck bottleneck = StoryBottleneck::None;
};

RunStoryFacts runStoryFacts(const RunTrace &trace);

// The story's sentences about one run ("This run: …") and about a scenario not run yet ("This
// scenario: …", its plan, with the simulator's expected times when it is the target).
class RunStory
{
    Q_DECLARE_TR_FUNCTIONS(BurgerBench::RunStory)
public:
    static QString text(const RunStoryFacts &facts);
    // `replaying`: a saved run of it is being played back, not about to run.
    static QString plan(const Scenario &scenario, bool replaying = false);
};

} // namespace BurgerBench
