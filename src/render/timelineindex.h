#pragma once

#include <QtGlobal>

#include <limits>
#include <utility>
#include <vector>

namespace BurgerBench {

struct RunTrace;

// Flat, time-sorted lookup arrays over a RunTrace, so the painter and the hit tests visit only
// what overlaps the visible window (Qt Creator's TimelineModel firstIndex/lastIndex idea).
// Built in O(n log n) from the trace; rebuild it whenever the trace changes (the GUI does on
// every live update, the exports once). Holds indices only, never pointers into the trace.
class TimelineIndex
{
public:
    static constexpr qint64 OpenEnd = std::numeric_limits<qint64>::max();

    // One lane's items sorted by start, with the running maximum of their ends so that the first
    // item overlapping a window is a binary search away even when items have different lengths.
    struct Lane
    {
        std::vector<quint32> items;
        std::vector<qint64> starts;
        std::vector<qint64> maxEnds;
        // [first, last) of `items` that may overlap [fromNs, toNs].
        std::pair<int, int> window(qint64 fromNs, qint64 toNs) const;
    };

    TimelineIndex() = default;
    explicit TimelineIndex(const RunTrace &trace) { rebuild(trace); }
    void rebuild(const RunTrace &trace);

    // Engine slots (RequestRecord::lane). Requests not yet on a slot are in no lane.
    int slotCount() const { return int(m_slots.size()); }
    const Lane &slot(int slot) const { return m_slots[size_t(slot)]; }
    int slotOfRequest(int request) const;

    int taskLaneCount() const { return int(m_taskLanes.size()); }
    const Lane &taskLane(int lane) const { return m_taskLanes[size_t(lane)]; }

    // The latest moment anything in the trace happened (for an automatic window end).
    qint64 lastEventNs() const { return m_lastEventNs; }
    int requestCount() const { return m_requestCount; }

private:
    std::vector<Lane> m_slots;
    std::vector<int> m_slotOfRequest;
    std::vector<Lane> m_taskLanes;
    qint64 m_lastEventNs = 0;
    int m_requestCount = 0;
};

// The index range [first, last) of a sorted, non-overlapping span-like array (loop busy spans,
// lag samples, token times) that may touch [fromNs, toNs].
template<typename T, typename StartOf, typename EndOf>
std::pair<int, int> sortedWindow(
    const std::vector<T> &items, qint64 fromNs, qint64 toNs, StartOf startOf, EndOf endOf);

} // namespace BurgerBench

#include <algorithm>

namespace BurgerBench {

template<typename T, typename StartOf, typename EndOf>
std::pair<int, int> sortedWindow(
    const std::vector<T> &items, qint64 fromNs, qint64 toNs, StartOf startOf, EndOf endOf)
{
    const auto first = std::partition_point(
        items.begin(), items.end(), [&](const T &item) { return endOf(item) < fromNs; });
    const auto last
        = std::partition_point(first, items.end(), [&](const T &item) { return startOf(item) <= toNs; });
    return { int(first - items.begin()), int(last - items.begin()) };
}

} // namespace BurgerBench
