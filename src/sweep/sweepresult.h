#pragma once

#include "metrics/summary.h"
#include "sweep/interval.h"
#include "sweep/saturation.h"
#include "sweep/sweepspec.h"
#include "trace/runtrace.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace BurgerBench {

// Which part of a profile a step belongs to.
enum class SweepPhase { Level, Synchronous, Throughput, Probe };
QString sweepPhaseName(SweepPhase phase);
bool sweepPhaseFromName(const QString &name, SweepPhase *out);

// One run of a sweep: an ordinary run at one load level.
struct SweepStep
{
    int point = 0; // index into SweepResult::points
    int repeat = 0; // 0-based
    SweepPhase phase = SweepPhase::Level;
    SweepOver over = SweepOver::Rate;
    double value = 0; // offered: requests/s (rate) or requests in flight (concurrency)
    RunTrace trace;
    Summary summary;
    Saturation saturation;
    bool meetsSlo = true; // no SLO rule violated (true without rules)
    QStringList violations; // "ttft.p99<=400ms (measured 512.3)"
    // No request succeeded though some were sent: the target is down or refuses everything.
    bool targetFailed = false;
    QString error; // the run could not start
};

// The repeats of one level, summarised.
struct SweepPoint
{
    SweepOver over = SweepOver::Rate;
    double value = 0;
    SweepPhase phase = SweepPhase::Level;
    int runs = 0;
    bool saturated = false; // any repeat saturated
    bool meetsSlo = true; // every repeat met the SLO
    // Steady-state rates of each repeat (Saturation::completionRate, outputRate), falling back
    // to the run's request_throughput and output_throughput when a step has too few completions.
    MeanInterval requestThroughput;
    MeanInterval outputThroughput;
    // Open loop: the rate the requests really arrived at (Saturation::arrivalRate). A Poisson
    // schedule of a few dozen arrivals lands well off the nominal value; one seed, the same
    // relative draw at every level.
    MeanInterval arrivalRate;
    MeanInterval ttftP50, ttftP99, itlP50, itlP99, e2elP50, e2elP99; // ms
};

struct SweepCapacity
{
    bool searched = false;
    SweepOver over = SweepOver::Rate;
    double value = 0; // NaN: no level met the SLO
    double lo = 0; // NaN when unknown
    double hi = 0; // NaN: no level failed (capacity at least lo)
    double arrivalRate = 0; // rate: what really arrived at `value` (its point's mean), NaN if unknown
    bool converged = false;
    QString stopReason; // CapacitySearch::stopReason()
    QStringList slo; // the rules as written
};

struct SweepResult
{
    SweepProfile profile = SweepProfile::Rate;
    SweepOver over = SweepOver::Rate;
    int repeats = 1;
    int autoSteps = 0;
    double tolerance = 0;
    int maxSteps = 0;
    QStringList slo;
    QString targetUrl; // without credentials
    std::vector<SweepStep> steps;
    QList<SweepPoint> points;
    SweepCapacity capacity;
    double maxRequestThroughput = 0; // the best point's mean, requests/s
    double maxOutputThroughput = 0; // tokens/s
    bool cancelled = false;
    QString stopped; // why the sweep ended before its plan, empty if it did not

    // Recomputes points (from the steps' summaries and flags) and the maxima.
    void aggregate();
};

} // namespace BurgerBench
