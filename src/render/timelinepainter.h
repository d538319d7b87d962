#pragma once

#include "render/timelineindex.h"

#include <QColor>
#include <QFont>
#include <QLocale>
#include <QRect>
#include <QString>

#include <vector>

class QPainter;
class QPoint;

namespace BurgerBench {

struct RunTrace;

// What to draw and where. The same options drive the window, the CLI's PNG/SVG/PDF exports and
// the HTML report's picture, so a screenshot and an export of the same run look alike.
struct TimelineRenderOptions
{
    qint64 fromNs = 0;
    qint64 toNs = -1; // -1 = auto: the end of the run, or the last event while live
    qint64 nowNs = -1; // live: open phases run up to here; -1 = the trace's last event
    bool laneByRequest = true; // one lane per request; false = one lane per engine slot
    bool showLegend = true;
    bool showLoopLane = true;
    bool showKitchenLane = true; // the server's queue, when its /metrics were scraped (render/kitchenlane.h)
    bool showJobBoardLane = true; // background jobs' status board, as polled (render/jobboardlane.h)
    bool showWorkerLanes = true;
    bool showNowLine = false; // a thin line at nowNs (live runs)
    QString title;
    double laneHeight = 0; // 0 = fit every lane into the rect, at most maxAutoLaneHeight
    double maxAutoLaneHeight = 20;
    int firstLane = 0; // vertical scroll, in lanes (request/slot lanes only)
    int labelWidth = 92; // the left gutter with lane names
    int loopLaneHeight = 30;
    int kitchenLaneHeight = 30;
    int jobBoardLaneHeight = 50; // the strip, the caption row and the stacked area
    int workerLaneHeight = 16;
    qint64 loopBlockedNs = 16'000'000; // event-loop busy stretches this long are "blocked" (red):
                                       // one missed 60 Hz frame, a freeze a user can feel
    qint64 lagFullScaleNs = 100'000'000; // loop lag drawn at full lane height
    int minTickSpacing = 3; // token ticks closer than this merge (pixels)

    // Overlays (cheap: drawn over the cached picture by the window).
    int selectedRequest = -1;
    const std::vector<int> *highlighted = nullptr; // request indices; not owned
    qint64 rangeFromNs = -1; // selected time range, -1 = none
    qint64 rangeToNs = -1;
    int hoverRequest = -1;

    // Compare: a second run (B) overlaid on the same time axis, both clocks starting at 0. Each
    // request (or slot) lane splits into two rows matched by request index (or slot number):
    // this trace (A) on top in the normal legend, B below it, pale and outlined, labelled "B".
    // B's event-loop and worker lanes are not drawn. Not owned; nullptr = a single run, drawn
    // exactly as without this option.
    const RunTrace *compareTrace = nullptr;
    // Prebuilt index of compareTrace (not owned); built on the fly when null.
    const TimelineIndex *compareIndex = nullptr;
    QString labelA; // legend names of the two runs (e.g. file names); empty = "A" / "B"
    QString labelB;

    QColor background = Qt::white;
    // The axis labels' and kitchen caption's decimal separator: the window passes the UI's
    // locale; C (the default) keeps the CLI's and the report's pictures alike on every machine.
    QLocale locale = QLocale::c();
};

// How the compared run (B) is drawn: its phase fills at this opacity over the lane, and every
// request's extent outlined in compareOutlineColor().
constexpr double compareRunOpacity = 0.45;
QColor compareOutlineColor();

// Where everything goes for a given rect, font, trace and options. Cheap to compute; the window
// keeps one per (size, range, lane settings) for hit testing.
struct TimelineLayout
{
    enum class LaneKind : quint8 { None, Loop, Worker, Request };

    QRect bounds;
    QRect titleRect;
    QRect axisRect; // tick labels, above the lanes
    QRect plotRect; // where time runs: from plotRect.left() to plotRect.right() + 1
    QRect legendRect; // empty when no legend
    int labelLeft = 0;
    qint64 fromNs = 0;
    qint64 toNs = 1;
    qint64 nowNs = 0;
    bool laneByRequest = true;

    QRect loopLane; // empty when hidden
    QRect kitchenLane; // the server's queue; empty when hidden or its /metrics were not scraped
    QRect jobBoardLane; // background jobs' status board; empty when hidden or the run has no jobs
    // Task lanes that are the event loop itself (CPU work run on the loop: the anti-pattern);
    // their tasks are drawn on the loop lane. The other task lanes are the worker rows, in order.
    std::vector<int> loopTaskLanes;
    std::vector<int> workerLanes; // worker row -> index into RunTrace::taskLanes
    int workerTop = 0;
    int workerLaneHeight = 0;
    int workerLaneCount = 0;
    double requestTop = 0;
    double requestLaneHeight = 0;
    int requestLaneCount = 0;
    int firstLane = 0;
    int requestBottom = 0; // y past the last request lane pixel (clip)
    // The line while live (trace/orderline.h at nowNs; empty otherwise): orders taken by no one
    // yet (a closed loop records an order only when it takes it) get lanes of their own after the
    // recorded ones, from lineFirstLane, each drawn in the legend's "In line" up to the now line;
    // and one label beside the now line counts the line (lineLabel in lineLabelRect; empty when
    // nobody waits), with the open loop's arrivals not due yet apart.
    int lineFirstLane = 0;
    int lineNotTaken = 0;
    int lineInLine = 0;
    int lineNotDue = 0;
    QString lineLabel;
    QRect lineLabelRect;
    // Compare mode: lanes hold two rows (A above B); requestLaneCount covers both runs.
    bool compare = false;
    qint64 compareNowNs = 0; // B's open phases (if any) run up to here: B's own end

    double timeToX(qint64 timeNs) const;
    qint64 xToTime(double x) const;
    // The pixel rows [top, bottom) of a request/slot lane, or an empty pair off screen.
    int requestLaneY(int lane) const;
    int requestLaneH(int lane) const;
    int visibleRequestLanes() const; // how many request lanes fit (at least partially)
    // The pixel rows of one run inside a lane: run 0 = A, 1 = B. Without compare, run 0 is the
    // whole lane and run 1 is empty (height 0).
    int runRowY(int lane, int run) const;
    int runRowH(int lane, int run) const;
};

struct TimelineHit
{
    TimelineLayout::LaneKind kind = TimelineLayout::LaneKind::None;
    int lane = -1; // task lane (RunTrace::taskLanes index), request lane or slot
    int request = -1; // the request under the point, if any
    int task = -1; // the task under the point (worker lanes)
    int compareRequest = -1; // compare mode: the compared run's (B's) request under the point
    qint64 timeNs = 0;
    bool inPlot = false;
};

TimelineLayout timelineLayout(const QRect &rect, const QFont &font, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options);

// What is under a point: the lane, the request or task whose drawn extent covers it (with a
// few pixels of slack so thin bars can be hovered).
// In compare mode a point on a B row names B's request in compareRequest (when compareTrace and
// its index are given) and never one of A's.
TimelineHit timelineHitTest(const TimelineLayout &layout, const RunTrace &trace, const TimelineIndex &index,
    const QPoint &pos, const RunTrace *compareTrace = nullptr, const TimelineIndex *compareIndex = nullptr);

// The one timeline paint routine. Draws the title, time axis, event-loop lane, worker lanes,
// request (or slot) lanes and legend into `rect`, visiting only what overlaps the visible window,
// merging what falls into one pixel column and filling by colour in batches.
void paintTimeline(
    QPainter *painter, const QRect &rect, const RunTrace &trace, const TimelineRenderOptions &options);
// The same with a prebuilt index and layout: paintTimelineBase draws everything except the
// overlays, which paintTimelineOverlay adds (selection, highlights, hovered lane, range, now).
void paintTimeline(QPainter *painter, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options);
void paintTimelineBase(QPainter *painter, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options);
void paintTimelineOverlay(QPainter *painter, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options);

// What the request area says when the trace has no request lanes: "No requests yet", or for a run
// of CPU tasks only (the scenario says so, or tasks were recorded) "CPU tasks only: no requests".
QString emptyRequestAreaText(const RunTrace &trace);

// Lane names as the gutter shows them (task lanes: LaneNames::display in trace/lanenames.h).
QString requestLaneName(int request);
QString slotLaneName(int slot);
QString loopLaneName();
// The share of [fromNs, toNs) the event loop was idle, outside its busy spans (the cashier free),
// 0..1; -1 when the trace has no loop samples or the window is empty.
double loopIdleShare(const RunTrace &trace, qint64 fromNs, qint64 toNs);
// "idle 99.4%", in `locale`: the loop lane's second line.
QString loopIdleLabel(double idle, const QLocale &locale);

} // namespace BurgerBench
