#pragma once

#include "metrics/statistics.h"

#include <QtGlobal>

#include <vector>

namespace BurgerBench {

struct RunTrace;
struct Summary;

enum class LatencyMetric : quint8 { Ttft, Itl, E2el, Queue };
constexpr int LatencyMetricCount = 4;

// The headline latencies at p50 and p99, in ms (NaN = no sample yet), by LatencyMetric: TTFT, ITL,
// E2EL and the client queue time (Summary::queue: dispatch - intended, every dispatched request).
struct LatencyFigures
{
    double p50[LatencyMetricCount];
    double p99[LatencyMetricCount];
    int samples = 0;
    bool final = false; // from computeSummary on the engine's final trace
    LatencyFigures();
    static LatencyFigures fromSummary(const Summary &summary);
};

// Figures for a dragged time range [fromNs, toNs].
struct RangeStatistics
{
    qint64 fromNs = 0;
    qint64 toNs = 0;
    int started = 0; // dispatched inside the range
    int finished = 0; // settled successfully inside the range
    int failed = 0;
    qint64 tokens = 0; // token events inside the range
    int peakInFlight = 0;
    double loopBusyFraction = 0; // share of the range the event loop was busy
    qint64 maxLoopLagNs = 0;
    double seconds() const { return double(toNs - fromNs) / 1e9; }
};

// Latency samples gathered as requests settle during a live run, so the statistics panel can show
// p50/p99 several times a second without recomputing the whole summary. The percentiles
// themselves are computed on a worker (see StatsPanel), from copies taken by snapshot().
// Thread affinity: GUI thread.
class LiveStatistics
{
public:
    void reset();
    // Takes the samples of requests in `changed` that settled successfully since last time.
    void update(const RunTrace &trace, const std::vector<int> &changed);
    // Copies of the sample vectors, for a worker: [ttft, itl, e2el, queue] in ms.
    std::vector<std::vector<double>> snapshot() const;
    int sampleCount() const { return int(m_e2el.size()); }
    static LatencyFigures describe(std::vector<std::vector<double>> samples);

    static RangeStatistics rangeStatistics(const RunTrace &trace, qint64 fromNs, qint64 toNs);
    // Requests whose `metric` is at least `thresholdMs` (for ITL: whose largest gap is), i.e. the
    // requests at or behind a percentile: those a click on "p99" highlights.
    static std::vector<int> requestsAtOrAbove(
        const RunTrace &trace, LatencyMetric metric, double thresholdMs);

private:
    std::vector<char> m_counted;
    std::vector<double> m_ttft;
    std::vector<double> m_itl;
    std::vector<double> m_e2el;
    std::vector<double> m_queue;
};

} // namespace BurgerBench
