#pragma once

#include "render/timelineindex.h"
#include "render/timelinepainter.h"

#include <QAbstractScrollArea>
#include <QPixmap>

#include <vector>

namespace BurgerBench {

struct RunTrace;
class TimelineViewState;

// The live timeline: a custom-painted scroll area over the shared render routine. It keeps a
// picture of the lanes keyed on (size, visible range, lane settings, trace revision) and paints
// hover, selection, highlights and the selected range over it, so moving the mouse never walks
// the events again. Horizontal scroll bar = time, vertical = lanes.
//
// Mouse: wheel zooms around the pointer (Shift+wheel scrolls lanes, Ctrl+wheel changes the lane
// height), drag pans, Shift+drag or a drag on the time axis selects a range, click selects a
// request. Keys: + / - zoom, F fits, arrows pan. Pinch zooms on touchpads that send it.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    TimelineViewState *state() const { return m_state; }

    // The trace shown; not owned: the RunController (or a test) keeps it alive and calls
    // traceChanged() after every change to it.
    void setTrace(const RunTrace *trace);
    const RunTrace *trace() const { return m_trace; }
    void traceChanged();
    const TimelineIndex &index() const { return m_index; }

    // Compare: a second run drawn under this one, lane by lane, on the same time axis (see
    // TimelineRenderOptions::compareTrace). Not owned: the caller keeps it alive until it calls
    // setCompareTrace(nullptr). `labelB` names it in the legend.
    void setCompareTrace(const RunTrace *trace, const QString &labelB = QString());
    const RunTrace *compareTrace() const { return m_compareTrace; }
    const TimelineIndex &compareIndex() const { return m_compareIndex; }
    // The legend's name for the run shown (A) while comparing.
    void setRunLabel(const QString &labelA);

    // While live, open phases run up to nowNs and a "now" line is drawn.
    void setLive(bool live, qint64 nowNs = -1);
    bool isLive() const { return m_live; }
    void setHighlighted(std::vector<int> requests);
    const std::vector<int> &highlighted() const { return m_highlighted; }

    // 0 = fit all lanes into the view; otherwise pixels per lane (scrolls vertically).
    void setLaneHeight(double height);
    double laneHeight() const { return m_laneHeight; }
    // The legend under the lanes (on by default); off where one legend serves several views.
    void setShowLegend(bool show);
    bool showsLegend() const { return m_showLegend; }
    // The lane-name gutter is at least this wide (0: the painter's default), so timelines
    // stacked on one time axis can line their plots up.
    void setMinimumLabelWidth(int width);

    void zoomIn();
    void zoomOut();
    void fitAll();

    int hoveredRequest() const { return m_hoverRequest; }
    const TimelineLayout &layoutForTesting()
    {
        ensureLayout();
        return m_layout;
    }
    TimelineRenderOptions renderOptions() const;
    // Tooltip text for a request (also used by the details pane header).
    static QString requestToolTip(const RunTrace &trace, int request);

    QSize sizeHint() const override { return { 900, 520 }; }
    QSize minimumSizeHint() const override { return { 320, 200 }; }

signals:
    void requestActivated(int request);
    // A click on the compared run's (B's) row: `request` indexes the compare trace.
    void compareRequestActivated(int request);
    void rangeSelected(qint64 fromNs, qint64 toNs);
    void hoveredRequestChanged(int request);
    // The moment under the pointer, on the run's clock; -1 when the pointer left the plot.
    void hoveredTimeChanged(qint64 atNs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void invalidate();
    void ensureLayout();
    void syncScrollBars();
    void onHorizontalScroll(int value);
    void onVerticalScroll(int value);
    void setHover(int request);

    enum class Drag : quint8 { None, Pending, Pan, Range };

    TimelineViewState *m_state; // owned (child QObject)
    const RunTrace *m_trace = nullptr;
    TimelineIndex m_index;
    const RunTrace *m_compareTrace = nullptr; // not owned
    TimelineIndex m_compareIndex;
    QString m_labelA;
    QString m_labelB;
    quint64 m_revision = 0;
    bool m_live = false;
    qint64 m_nowNs = -1;
    double m_laneHeight = 0;
    bool m_showLegend = true;
    int m_minimumLabelWidth = 0;
    std::vector<int> m_highlighted;
    int m_hoverRequest = -1;

    // The cached picture and the layout it was painted with; invalid when the key changes.
    struct CacheKey
    {
        QSize size;
        qint64 fromNs = -1;
        qint64 toNs = -1;
        int firstLane = -1;
        bool byRequest = true;
        double laneHeight = -1;
        quint64 revision = ~0ull;
        qreal dpr = 0;
        bool operator==(const CacheKey &o) const
        {
            return size == o.size && fromNs == o.fromNs && toNs == o.toNs && firstLane == o.firstLane
                && byRequest == o.byRequest && laneHeight == o.laneHeight && revision == o.revision
                && dpr == o.dpr;
        }
    };
    CacheKey m_cacheKey;
    QPixmap m_cache;
    CacheKey m_layoutKey;
    TimelineLayout m_layout;

    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    qint64 m_pressFromNs = 0;
    qint64 m_pressTimeNs = 0;
    bool m_syncingScrollBars = false;
};

} // namespace BurgerBench
