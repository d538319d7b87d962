#include "render/timelineindex.h"

#include "render/requestphases.h"
#include "trace/runtrace.h"

#include <algorithm>

namespace BurgerBench {

namespace {

struct Item
{
    quint32 index;
    qint64 start;
    qint64 end;
};

void buildLane(std::vector<Item> &items, TimelineIndex::Lane *lane)
{
    // Requests and tasks arrive nearly in start order, so this sort is close to linear.
    std::stable_sort(
        items.begin(), items.end(), [](const Item &a, const Item &b) { return a.start < b.start; });
    lane->items.resize(items.size());
    lane->starts.resize(items.size());
    lane->maxEnds.resize(items.size());
    qint64 maxEnd = std::numeric_limits<qint64>::min();
    for (size_t i = 0; i < items.size(); ++i) {
        lane->items[i] = items[i].index;
        lane->starts[i] = items[i].start;
        maxEnd = std::max(maxEnd, items[i].end);
        lane->maxEnds[i] = maxEnd;
    }
}

} // namespace

std::pair<int, int> TimelineIndex::Lane::window(qint64 fromNs, qint64 toNs) const
{
    const int first = int(std::lower_bound(maxEnds.begin(), maxEnds.end(), fromNs) - maxEnds.begin());
    const int last = int(std::upper_bound(starts.begin(), starts.end(), toNs) - starts.begin());
    return { first, std::max(first, last) };
}

int TimelineIndex::slotOfRequest(int request) const
{
    if (request < 0 || size_t(request) >= m_slotOfRequest.size())
        return -1;
    return m_slotOfRequest[size_t(request)];
}

void TimelineIndex::rebuild(const RunTrace &trace)
{
    m_requestCount = int(trace.requests.size());
    qint64 last = 0;
    const auto see = [&last](qint64 t) { last = std::max(last, t); };

    std::vector<std::vector<Item>> slotItems;
    m_slotOfRequest.assign(trace.requests.size(), -1);
    for (size_t i = 0; i < trace.requests.size(); ++i) {
        const RequestRecord &r = trace.requests[i];
        for (qint64 t : { r.intendedNs, r.dispatchNs, r.sentNs, r.firstByteNs, r.endNs, r.lastTokenNs() })
            see(t);
        const qint64 start = requestVisibleStartNs(r);
        if (r.lane < 0 || start < 0 || r.dispatchNs < 0)
            continue;
        if (size_t(r.lane) >= slotItems.size())
            slotItems.resize(size_t(r.lane) + 1);
        // Slot lanes show the request from the moment it holds the slot.
        const qint64 end = r.endNs >= 0 ? r.endNs : OpenEnd;
        slotItems[size_t(r.lane)].push_back({ quint32(i), r.dispatchNs, end });
        m_slotOfRequest[i] = r.lane;
    }
    m_slots.assign(slotItems.size(), Lane());
    for (size_t s = 0; s < slotItems.size(); ++s)
        buildLane(slotItems[s], &m_slots[s]);

    std::vector<std::vector<Item>> taskLanes(size_t(trace.taskLanes.size()));
    for (size_t i = 0; i < trace.tasks.size(); ++i) {
        const TaskRecord &task = trace.tasks[i];
        if (task.lane < 0 || task.startNs < 0)
            continue;
        if (size_t(task.lane) >= taskLanes.size())
            taskLanes.resize(size_t(task.lane) + 1);
        see(task.startNs);
        see(task.endNs);
        taskLanes[size_t(task.lane)].push_back(
            { quint32(i), task.startNs, task.endNs >= 0 ? task.endNs : OpenEnd });
    }
    m_taskLanes.assign(taskLanes.size(), Lane());
    for (size_t l = 0; l < taskLanes.size(); ++l)
        buildLane(taskLanes[l], &m_taskLanes[l]);

    if (!trace.loopBusy.empty())
        see(trace.loopBusy.back().endNs);
    if (!trace.loopLag.empty())
        see(trace.loopLag.back().atNs);
    see(trace.endNs);
    m_lastEventNs = last;
}

} // namespace BurgerBench
