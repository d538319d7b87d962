#pragma once

#include <QObject>

namespace BurgerBench {

// What part of the run the timeline shows and what is selected: a small QObject with no
// widgets (Qt Creator's TimelineZoomControl, hotspot's FilterAndZoomStack), so the zoom/pan
// rules are tested on their own. Every setter clamps, and signals fire only on a real change.
//
// Fit mode shows the whole run and grows with it; follow-live keeps the window's width and
// slides it so "now" stays at the right edge. Zooming keeps following; panning stops both.
class TimelineViewState : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MinSpanNs = 10'000; // 10 µs: a few token gaps
    static constexpr qint64 MaxSpanNs = 24LL * 3600 * 1'000'000'000; // a day

    explicit TimelineViewState(QObject *parent = nullptr);

    qint64 fromNs() const { return m_fromNs; }
    qint64 toNs() const { return m_toNs; }
    qint64 spanNs() const { return m_toNs - m_fromNs; }
    qint64 extentNs() const { return m_extentNs; }
    bool fitMode() const { return m_fit; }
    bool followLive() const { return m_follow; }
    bool laneByRequest() const { return m_laneByRequest; }
    int firstLane() const { return m_firstLane; }
    int selectedRequest() const { return m_selectedRequest; }
    qint64 rangeFromNs() const { return m_rangeFromNs; }
    qint64 rangeToNs() const { return m_rangeToNs; }
    bool hasRange() const { return m_rangeToNs > m_rangeFromNs && m_rangeFromNs >= 0; }

    // The run's extent so far (0 .. extentNs); in fit or follow mode the window moves with it.
    void setExtent(qint64 extentNs);
    // Sets the window; leaves fit mode. Clamped to [MinSpanNs, MaxSpanNs] wide and to start >= 0.
    void setVisibleRange(qint64 fromNs, qint64 toNs);
    // factor < 1 zooms in. The anchor keeps its place on screen.
    void zoom(double factor, qint64 anchorNs);
    void zoomIn(qint64 anchorNs) { zoom(1 / zoomStep, anchorNs); }
    void zoomOut(qint64 anchorNs) { zoom(zoomStep, anchorNs); }
    void pan(qint64 deltaNs);
    void fitAll();
    void setFollowLive(bool follow);
    void setLaneByRequest(bool byRequest);
    void setFirstLane(int lane);
    void setSelectedRequest(int request);
    void setRange(qint64 fromNs, qint64 toNs); // normalised (from <= to); (-1, -1) clears
    void clearRange() { setRange(-1, -1); }
    // Back to a fresh run: fit, following, nothing selected.
    void reset();

    static constexpr double zoomStep = 1.25;

signals:
    void visibleRangeChanged(qint64 fromNs, qint64 toNs);
    void fitModeChanged(bool fit);
    void followLiveChanged(bool follow);
    void laneByRequestChanged(bool byRequest);
    void firstLaneChanged(int lane);
    void selectedRequestChanged(int request);
    void rangeChanged(qint64 fromNs, qint64 toNs);

private:
    void applyRange(qint64 fromNs, qint64 toNs);
    void setFit(bool fit);
    qint64 fitEnd() const;

    qint64 m_fromNs = 0;
    qint64 m_toNs = 1'000'000'000;
    qint64 m_extentNs = 0;
    bool m_fit = true;
    bool m_follow = true;
    bool m_laneByRequest = true;
    int m_firstLane = 0;
    int m_selectedRequest = -1;
    qint64 m_rangeFromNs = -1;
    qint64 m_rangeToNs = -1;
};

} // namespace BurgerBench
