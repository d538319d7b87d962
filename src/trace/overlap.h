#pragma once

#include <QtGlobal>

#include <utility>
#include <vector>

namespace BurgerBench {

// The one "how many at once" sweep (METRICS.md item 15): requests in flight, CPU tasks running,
// requests being sent, the HTML report's in-flight chart and the Perfetto counters all count
// half-open intervals [start, end) with it. At equal times ends are taken before starts, so an
// interval that starts the instant another ends does not overlap it.
class Overlap
{
public:
    // An interval with end < 0 is still open: it never ends within the sweep. An end before its
    // start is taken as the start (an empty interval).
    void add(qint64 startNs, qint64 endNs);
    bool isEmpty() const { return m_edges.empty(); }

    // The most intervals holding at any one instant.
    int peak() const;
    // The step function: (time, intervals holding from that time on), one point per distinct
    // edge time, in time order; the count is 0 before the first point.
    std::vector<std::pair<qint64, int>> steps() const;

private:
    void sort() const;
    // (time, -1 end | +1 start): sorted, ends come first at a tie.
    mutable std::vector<std::pair<qint64, int>> m_edges;
    mutable bool m_sorted = true;
};

} // namespace BurgerBench
