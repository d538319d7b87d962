#include "gui/timelineviewstate.h"

#include "render/timelinecoordinates.h"

#include <algorithm>

namespace BurgerBench {

TimelineViewState::TimelineViewState(QObject *parent)
    : QObject(parent)
{
}

qint64 TimelineViewState::fitEnd() const
{
    // A little headroom so the last bar does not touch the edge; at least one second so an
    // empty run shows a readable axis.
    return std::max<qint64>(1'000'000'000, m_extentNs + m_extentNs / 50);
}

void TimelineViewState::applyRange(qint64 fromNs, qint64 toNs)
{
    qint64 span = std::clamp(toNs - fromNs, MinSpanNs, MaxSpanNs);
    fromNs = std::max<qint64>(0, fromNs);
    toNs = fromNs + span;
    if (fromNs == m_fromNs && toNs == m_toNs)
        return;
    m_fromNs = fromNs;
    m_toNs = toNs;
    emit visibleRangeChanged(m_fromNs, m_toNs);
}

void TimelineViewState::setFit(bool fit)
{
    if (m_fit == fit)
        return;
    m_fit = fit;
    emit fitModeChanged(m_fit);
}

void TimelineViewState::setExtent(qint64 extentNs)
{
    extentNs = std::max<qint64>(0, extentNs);
    if (extentNs == m_extentNs)
        return;
    m_extentNs = extentNs;
    if (m_fit) {
        applyRange(0, fitEnd());
    } else if (m_follow && m_extentNs > m_toNs) {
        const qint64 span = spanNs();
        applyRange(m_extentNs - span + span / 50, m_extentNs + span / 50);
    }
}

void TimelineViewState::setVisibleRange(qint64 fromNs, qint64 toNs)
{
    setFit(false);
    applyRange(fromNs, toNs);
}

void TimelineViewState::zoom(double factor, qint64 anchorNs)
{
    if (factor <= 0)
        return;
    qint64 from = m_fromNs;
    qint64 to = m_toNs;
    zoomAround(anchorNs, factor, MinSpanNs, &from, &to);
    if (from < 0) {
        to -= from;
        from = 0;
    }
    if (factor > 1 && from == 0 && to >= fitEnd()) {
        // Zoomed out past the whole run: that is fit-all.
        fitAll();
        return;
    }
    // Zoomed into the past, away from the live edge: stay there, do not snap back to it as the
    // run grows (zooming around the edge keeps following it).
    if (m_extentNs > to)
        setFollowLive(false);
    setVisibleRange(from, to);
}

void TimelineViewState::pan(qint64 deltaNs)
{
    if (deltaNs == 0)
        return;
    const qint64 span = spanNs();
    const qint64 from = std::max<qint64>(0, m_fromNs + deltaNs);
    setFollowLive(false);
    setVisibleRange(from, from + span);
}

void TimelineViewState::fitAll()
{
    setFit(true);
    applyRange(0, fitEnd());
}

void TimelineViewState::setFollowLive(bool follow)
{
    if (m_follow == follow)
        return;
    m_follow = follow;
    emit followLiveChanged(m_follow);
    if (m_follow && !m_fit && m_extentNs > m_toNs) {
        const qint64 span = spanNs();
        applyRange(m_extentNs - span + span / 50, m_extentNs + span / 50);
    }
}

void TimelineViewState::setLaneByRequest(bool byRequest)
{
    if (m_laneByRequest == byRequest)
        return;
    m_laneByRequest = byRequest;
    emit laneByRequestChanged(m_laneByRequest);
    setFirstLane(0);
}

void TimelineViewState::setFirstLane(int lane)
{
    lane = std::max(0, lane);
    if (lane == m_firstLane)
        return;
    m_firstLane = lane;
    emit firstLaneChanged(m_firstLane);
}

void TimelineViewState::setSelectedRequest(int request)
{
    request = std::max(-1, request);
    if (request == m_selectedRequest)
        return;
    m_selectedRequest = request;
    emit selectedRequestChanged(m_selectedRequest);
}

void TimelineViewState::setRange(qint64 fromNs, qint64 toNs)
{
    if (fromNs > toNs)
        std::swap(fromNs, toNs);
    if (fromNs < 0 || toNs <= fromNs) {
        fromNs = -1;
        toNs = -1;
    }
    if (fromNs == m_rangeFromNs && toNs == m_rangeToNs)
        return;
    m_rangeFromNs = fromNs;
    m_rangeToNs = toNs;
    emit rangeChanged(m_rangeFromNs, m_rangeToNs);
}

void TimelineViewState::reset()
{
    m_extentNs = 0;
    setSelectedRequest(-1);
    clearRange();
    setFirstLane(0);
    setFollowLive(true);
    fitAll();
}

} // namespace BurgerBench
