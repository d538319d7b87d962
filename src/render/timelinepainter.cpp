#include "render/timelinepainter.h"

#include "render/jobboardlane.h"
#include "render/kitchenlane.h"
#include "render/legend.h"
#include "render/requestphases.h"
#include "render/timeformat.h"
#include "render/timelinecoordinates.h"
#include "trace/lanenames.h"
#include "trace/orderline.h"
#include "trace/runtrace.h"
#include "trace/shownnumber.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLine>
#include <QPainter>
#include <QtMath>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <optional>

namespace BurgerBench {

namespace {

const QColor gridColor(0xe4, 0xe4, 0xe4);
const QColor stripeColor(0xf6, 0xf6, 0xf8);
const QColor labelColor(0x44, 0x44, 0x44);
// On a worker lane: the line between two orders back to back, and an order's number in its bar.
const QColor taskBoundaryColor(0xff, 0xff, 0xff, 0xe0);
const QColor taskNumberColor(0xff, 0xff, 0xff);
const QColor separatorColor(0xc8, 0xc8, 0xc8);
const QColor selectionColor(0x1f, 0x5f, 0xd0);
const QColor highlightColor(0xff, 0x8c, 0x00);

// Rects of one phase, merged as they come: a rect that starts inside or right after the previous
// one on the same rows extends it. Events arrive in time order per lane, so everything that falls
// into one pixel column collapses into one rect (Qt Creator's per-pixel merging).
struct RectBatch
{
    std::vector<QRect> rects;

    void add(int x0, int x1, int y, int h)
    {
        if (x1 <= x0)
            x1 = x0 + 1;
        if (!rects.empty()) {
            QRect &last = rects.back();
            if (last.y() == y && last.height() == h && x0 <= last.right() + 1 && x1 > last.left()) {
                if (x1 - 1 > last.right())
                    last.setRight(x1 - 1);
                if (x0 < last.left())
                    last.setLeft(x0);
                return;
            }
        }
        rects.emplace_back(x0, y, x1 - x0, h);
    }
};

struct Batches
{
    std::array<RectBatch, PhaseCount> fill;
    RectBatch thinError;
    std::array<RectBatch, PhaseCount> markers;
    RectBatch ghosts;
    std::vector<QLine> ticks;
};

// Pixel column of a time, clamped well inside int range so far-off events do not overflow.
int columnOf(const TimelineLayout &layout, qint64 t)
{
    const double x = layout.timeToX(t);
    return int(std::floor(qBound(-1e6, x, 1e7)));
}

constexpr int lineSwatchWidth = 18;

// The timeline's count of the line (TimelineLayout::lineLabel); empty when nobody waits.
QString lineLabelText(int inLine, int notDue)
{
    const QString waiting
        = QCoreApplication::translate("BurgerBench::Timeline", "%n in line", nullptr, inLine);
    const QString later
        = QCoreApplication::translate("BurgerBench::Timeline", "%n not due yet", nullptr, notDue);
    if (inLine > 0 && notDue > 0)
        return QCoreApplication::translate("BurgerBench::Timeline", "%1 · %2", "in line · not due yet")
            .arg(waiting, later);
    return inLine > 0 ? waiting : (notDue > 0 ? later : QString());
}

int insetFor(int h)
{
    return h >= 10 ? 2 : (h >= 5 ? 1 : 0);
}

int minSendingWidth(int h)
{
    return h >= 5 ? 4 : 1; // its outline and two columns of fill
}

void addRequest(Batches &b, const TimelineLayout &layout, const RequestRecord &r, int y, int h,
    const TimelineRenderOptions &options, PhaseSegments &segments, bool fromDispatch = false)
{
    requestSegments(r, layout.nowNs, &segments, fromDispatch);
    const int inset = insetFor(h);
    const int plotLeft = layout.plotRect.left();
    const int plotRight = layout.plotRect.right() + 1;
    for (const PhaseSegment &s : segments) {
        if (s.endNs < layout.fromNs || s.startNs > layout.toNs)
            continue;
        const int x0 = std::max(plotLeft - 1, columnOf(layout, s.startNs));
        const int x1 = std::min(plotRight + 1, columnOf(layout, s.endNs));
        if (s.marker) {
            const int w = std::max(3, std::min(6, h));
            b.markers[int(s.phase)].add(x1 - w + 1, x1 + 1, y, h);
            continue;
        }
        if (s.phase == Phase::Ghost) {
            if (h >= 5)
                b.ghosts.add(x0, std::max(x1, x0 + 1), y, h);
            continue;
        }
        if (s.thin) {
            b.thinError.add(x0, x1, y + h / 4, std::max(1, h / 2));
            continue;
        }
        if (s.phase == Phase::Sending) {
            // A few ms of sending among seconds of waiting would vanish into one column, or into
            // the hatching after it: it keeps a minimum width, drawn over what follows.
            b.fill[int(s.phase)].add(x0, std::max(x1, x0 + minSendingWidth(h)), y + inset, h - 2 * inset);
            continue;
        }
        b.fill[int(s.phase)].add(x0, x1, y + inset, h - 2 * inset);
        if (s.phase == Phase::Streaming && h >= 5 && !r.tokenNs.empty()) {
            // One tick per token, but never closer than minTickSpacing pixels: jump by binary
            // search to the first token that lands on a new column, so a million tokens cost
            // a few hundred steps per visible bar.
            const auto &tokens = r.tokenNs;
            const qint64 lo = std::max(layout.fromNs, s.startNs);
            const qint64 hi = std::min(layout.toNs, s.endNs);
            auto it = std::lower_bound(tokens.begin(), tokens.end(), lo);
            int lastX = INT_MIN / 2;
            const int spacing = std::max(1, options.minTickSpacing);
            const int tickTop = y + inset + 1;
            const int tickBottom = y + h - inset - 2;
            while (it != tokens.end() && *it <= hi) {
                const int x = columnOf(layout, *it);
                if (x >= lastX + spacing) {
                    b.ticks.emplace_back(x, tickTop, x, tickBottom);
                    lastX = x;
                }
                const qint64 next = layout.xToTime(double(lastX + spacing));
                if (*it >= next)
                    ++it;
                else
                    it = std::lower_bound(it + 1, tokens.end(), next);
            }
        }
    }
}

void drawLaneLabel(QPainter *painter, const TimelineLayout &layout, int y, int h, const QString &text)
{
    // The gutter is capped at a third of the view: a longer name is elided inside it, keeping
    // its start ("worker 1 (cash…"), not cut at the view's edge.
    const QRect box(layout.labelLeft, y, layout.plotRect.left() - layout.labelLeft - 6, h);
    painter->drawText(box, Qt::AlignRight | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(text, Qt::ElideRight, std::max(0, box.width())));
}

void paintAxis(QPainter *painter, const TimelineLayout &layout, const QLocale &locale)
{
    const QFontMetrics fm(painter->font());
    const QRect &plot = layout.plotRect;
    const qint64 range = layout.toNs - layout.fromNs;
    const int minSpacing = fm.horizontalAdvance(QStringLiteral("0.000 ms")) + 18;
    const qint64 step = tickStep(range, plot.width(), minSpacing);
    qint64 t
        = layout.fromNs >= 0 ? ((layout.fromNs + step - 1) / step) * step : -((-layout.fromNs) / step) * step;

    painter->setPen(gridColor);
    std::vector<QLine> grid;
    std::vector<std::pair<int, qint64>> labels;
    for (; t <= layout.toNs; t += step) {
        const int x = columnOf(layout, t);
        if (x < plot.left() || x > plot.right())
            continue;
        grid.emplace_back(x, plot.top(), x, plot.bottom());
        labels.emplace_back(x, t);
    }
    painter->drawLines(grid.data(), int(grid.size()));
    painter->setPen(labelColor);
    const QRect &axis = layout.axisRect;
    for (const auto &[x, tick] : labels) {
        painter->drawLine(x, axis.bottom() - 3, x, axis.bottom());
        const QString text = formatAxisTime(tick, step, locale);
        const int w = fm.horizontalAdvance(text);
        const int left = std::clamp(x - w / 2, layout.bounds.left() + 2, layout.bounds.right() - w - 2);
        painter->drawText(
            QRect(left, axis.top(), w + 2, axis.height() - 4), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    painter->setPen(separatorColor);
    painter->drawLine(plot.left(), axis.bottom(), plot.right(), axis.bottom());
}

void paintLoopLane(QPainter *painter, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options)
{
    const QRect lane = layout.loopLane;
    painter->fillRect(lane, stripeColor);
    painter->setPen(labelColor);
    // Its name, and under it how idle the cashier was over what is shown (up to now).
    const qint64 shownTo = std::min(layout.toNs, std::max(layout.nowNs, trace.endNs));
    const double idle = loopIdleShare(trace, std::max<qint64>(0, layout.fromNs), shownTo);
    QFont small = painter->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    const QFontMetrics fm(painter->font());
    const QFontMetrics smallFm(small);
    if (idle >= 0 && lane.height() >= fm.height() + smallFm.height() - 4) {
        const int nameH = lane.height() - smallFm.height();
        drawLaneLabel(painter, layout, lane.top(), nameH, loopLaneName());
        painter->save();
        painter->setFont(small);
        drawLaneLabel(
            painter, layout, lane.top() + nameH - 2, smallFm.height(), loopIdleLabel(idle, options.locale));
        painter->restore();
    } else {
        drawLaneLabel(painter, layout, lane.top(), lane.height(), loopLaneName());
    }

    const int busyH = std::max(2, lane.height() / 2);
    RectBatch busy;
    RectBatch blocked;
    // Busy time per pixel column: a loop that wakes for 20 µs per token must look mostly idle
    // with thin ticks, not solid green because every column saw some wake-up. Each column's bar
    // is as tall as the share of its time the loop was busy (at least one pixel).
    const int plotLeft = layout.plotRect.left();
    const int columns = layout.plotRect.width();
    std::vector<qint64> busyNs(size_t(columns) + 1, 0);
    const auto addBusy = [&](qint64 from, qint64 to) {
        from = std::max(from, layout.fromNs);
        to = std::min(to, layout.toNs);
        if (to <= from)
            return;
        int c = std::clamp(columnOf(layout, from) - plotLeft, 0, columns);
        const int cEnd = std::clamp(columnOf(layout, to) - plotLeft, 0, columns);
        if (c == cEnd) {
            // The common case when zoomed out: a wake-up inside one column.
            busyNs[size_t(c)] += to - from;
            return;
        }
        for (; c <= cEnd; ++c) {
            const qint64 colFrom = std::max(from, layout.xToTime(double(plotLeft + c)));
            const qint64 colTo = std::min(to, layout.xToTime(double(plotLeft + c + 1)));
            busyNs[size_t(c)] += std::max<qint64>(colTo > colFrom ? colTo - colFrom : 0, c == cEnd ? 1 : 0);
        }
    };
    const auto [first, last] = sortedWindow(
        trace.loopBusy, layout.fromNs, layout.toNs, [](const Span &s) { return s.startNs; },
        [](const Span &s) { return s.endNs; });
    for (int i = first; i < last; ++i) {
        const Span &s = trace.loopBusy[size_t(i)];
        if (s.endNs - s.startNs >= options.loopBlockedNs)
            blocked.add(columnOf(layout, s.startNs), columnOf(layout, s.endNs), lane.top(), lane.height());
        else
            addBusy(s.startNs, s.endNs);
    }
    // CPU work the loop thread ran itself (the anti-pattern): while it computes, nothing else on
    // the loop moves, so a long one is drawn as a blocked loop.
    for (int laneIndex : layout.loopTaskLanes) {
        if (laneIndex >= index.taskLaneCount())
            continue;
        const TimelineIndex::Lane &lane = index.taskLane(laneIndex);
        const auto [tf, tl] = lane.window(layout.fromNs, layout.toNs);
        for (int k = tf; k < tl; ++k) {
            const TaskRecord &task = trace.tasks[lane.items[size_t(k)]];
            const qint64 end = task.endNs >= 0 ? task.endNs : layout.nowNs;
            if (end < layout.fromNs)
                continue;
            const int x0 = columnOf(layout, task.startNs);
            const int x1 = columnOf(layout, end);
            if (end - task.startNs >= options.loopBlockedNs || task.kind == TaskKind::HeldWaiting)
                blocked.add(x0, x1, layout.loopLane.top(), layout.loopLane.height());
            else
                addBusy(task.startNs, end);
        }
    }
    const double nsPerColumn = double(layout.toNs - layout.fromNs) / std::max(1, columns);
    for (int c = 0; c <= columns; ++c) {
        if (busyNs[size_t(c)] <= 0)
            continue;
        const double share = std::min(1.0, double(busyNs[size_t(c)]) / std::max(1.0, nsPerColumn));
        const int h = std::max(1, int(std::lround(share * busyH)));
        busy.add(plotLeft + c, plotLeft + c + 1, lane.top(), h);
    }
    fillPhaseRects(painter, busy.rects.data(), int(busy.rects.size()), Phase::CpuWork);
    fillPhaseRects(painter, blocked.rects.data(), int(blocked.rects.size()), Phase::BlockedHeld);

    // Lag: the worst sample per pixel column, as bars growing up from the lane's bottom.
    const auto [lf, ll] = sortedWindow(
        trace.loopLag, layout.fromNs, layout.toNs, [](const LagSample &s) { return s.atNs; },
        [](const LagSample &s) { return s.atNs; });
    const int maxBar = lane.height() - 2;
    RectBatch lagBars;
    int column = INT_MIN;
    qint64 worst = 0;
    // Lag under 1% of full scale is timer noise, not a busy loop.
    const qint64 noiseNs = options.lagFullScaleNs / 100;
    const auto flush = [&]() {
        if (column == INT_MIN || worst <= noiseNs)
            return;
        const double ratio
            = std::min(1.0, double(worst) / double(std::max<qint64>(1, options.lagFullScaleNs)));
        const int h = int(std::ceil(ratio * maxBar));
        if (h > 0)
            lagBars.rects.emplace_back(column, lane.bottom() - h + 1, 1, h);
    };
    for (int k = lf; k < ll; ++k) {
        const LagSample &s = trace.loopLag[size_t(k)];
        const int x = columnOf(layout, s.atNs);
        if (x != column) {
            flush();
            column = x;
            worst = 0;
        }
        worst = std::max(worst, s.lagNs);
    }
    flush();
    // Lag bars are drawn 1 px wide per column; widen isolated ones so they stay visible.
    for (QRect &r : lagBars.rects)
        r.setWidth(2);
    fillPhaseRects(painter, lagBars.rects.data(), int(lagBars.rects.size()), Phase::LoopLag);
}

void paintWorkerLanes(
    QPainter *painter, const TimelineLayout &layout, const RunTrace &trace, const TimelineIndex &index)
{
    RectBatch cpu;
    RectBatch held;
    struct TaskMark
    {
        QRect rect;
        qint32 request;
    };
    std::vector<TaskMark> marks;
    const int h = layout.workerLaneHeight;
    const QFontMetrics fm(painter->font());
    const bool labels = h >= fm.height() - 4;
    painter->setPen(labelColor);
    for (int row = 0; row < layout.workerLaneCount; ++row) {
        const int l = layout.workerLanes[size_t(row)];
        const int y = layout.workerTop + row * h;
        if (row % 2 == 0)
            painter->fillRect(QRect(layout.plotRect.left(), y, layout.plotRect.width(), h), stripeColor);
        if (labels) {
            const QString name = size_t(l) < trace.taskLanes.size()
                ? LaneNames::display(trace.taskLanes[size_t(l)])
                : QCoreApplication::translate("BurgerBench::Timeline", "worker %1").arg(shownNumber(l));
            drawLaneLabel(painter, layout, y, h, name);
        }
        if (l >= index.taskLaneCount())
            continue;
        const TimelineIndex::Lane &lane = index.taskLane(l);
        const auto [first, last] = lane.window(layout.fromNs, layout.toNs);
        const int inset = insetFor(h);
        for (int i = first; i < last; ++i) {
            const TaskRecord &task = trace.tasks[lane.items[size_t(i)]];
            const qint64 end = task.endNs >= 0 ? task.endNs : layout.nowNs;
            if (end < layout.fromNs)
                continue;
            RectBatch &batch = task.kind == TaskKind::HeldWaiting ? held : cpu;
            const int x0 = columnOf(layout, task.startNs);
            const int x1 = columnOf(layout, end);
            batch.add(x0, x1, y + inset, h - 2 * inset);
            marks.push_back({ QRect(x0, y + inset, std::max(1, x1 - x0), h - 2 * inset), task.request });
        }
    }
    fillPhaseRects(painter, cpu.rects.data(), int(cpu.rects.size()), Phase::CpuWork);
    fillPhaseRects(painter, held.rects.data(), int(held.rects.size()), Phase::BlockedHeld);
    // Where one order ends and the next begins on a worker: a light line at each task's start
    // (back to back they would read as one bar), and the order's number inside when it fits.
    painter->save();
    painter->setPen(QPen(taskBoundaryColor, 1));
    const int plotLeft = layout.plotRect.left();
    const int plotRight = layout.plotRect.right();
    for (const TaskMark &mark : marks) {
        if (mark.rect.width() >= 4 && mark.rect.left() > plotLeft && mark.rect.left() <= plotRight)
            painter->drawLine(mark.rect.left(), mark.rect.top(), mark.rect.left(), mark.rect.bottom());
    }
    // The numbers in a smaller type than the lane names: they sit inside the bar's inset.
    QFont small = painter->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    const QFontMetrics smallFm(small);
    painter->setFont(small);
    painter->setPen(taskNumberColor);
    for (const TaskMark &mark : marks) {
        if (mark.request < 0)
            continue;
        const QRect inside = mark.rect.intersected(layout.plotRect).adjusted(2, 0, -1, 0);
        const QString number = requestLaneName(mark.request);
        if (smallFm.horizontalAdvance(number) + 2 <= inside.width() && inside.height() >= smallFm.ascent())
            painter->drawText(inside, Qt::AlignCenter, number);
    }
    painter->restore();
}

// Adds what one request (or slot) lane of `trace` shows in rows [y, y + h) to the batches, and
// with `outlines` each drawn request's extent (the compared run's outline).
void collectLaneBars(Batches &b, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options, int lane, int y, int h,
    PhaseSegments &segments, RectBatch *outlines = nullptr)
{
    const auto outline = [&](qint64 start, qint64 end) {
        if (!outlines)
            return;
        const int x0 = std::max(layout.plotRect.left() - 1, columnOf(layout, start));
        const int x1 = std::min(layout.plotRect.right() + 2, columnOf(layout, end));
        // One pixel outside the fill's inset, so the outline frames the bar.
        const int pad = std::max(0, insetFor(h) - 1);
        outlines->add(x0, std::max(x1, x0 + 3), y + pad, h - 2 * pad);
    };
    if (layout.laneByRequest) {
        if (lane >= int(trace.requests.size()))
            return; // compare: the other run has more requests
        const RequestRecord &r = trace.requests[size_t(lane)];
        const qint64 start = requestVisibleStartNs(r);
        const qint64 end = requestVisibleEndNs(r, layout.nowNs);
        if (start < 0 || start > layout.toNs || end < layout.fromNs)
            return;
        addRequest(b, layout, r, y, h, options, segments);
        outline(start, end);
    } else if (lane < index.slotCount()) {
        const TimelineIndex::Lane &slot = index.slot(lane);
        const auto [first, last] = slot.window(layout.fromNs, layout.toNs);
        int i = first;
        while (i < last) {
            const RequestRecord &r = trace.requests[slot.items[size_t(i)]];
            const qint64 end = requestVisibleEndNs(r, layout.nowNs);
            if (end >= layout.fromNs) {
                // A slot lane shows the request from the moment it holds the slot: its
                // queue time belongs to no slot (the request lanes show it).
                addRequest(b, layout, r, y, h, options, segments, true);
                outline(r.dispatchNs, end);
            }
            // Requests on one slot never overlap: those that start and end inside the
            // column this one ended in are covered by it (per-pixel merging); jump to the
            // first that starts in a later column.
            const qint64 nextT = layout.xToTime(double(columnOf(layout, std::max(end, r.dispatchNs)) + 1));
            const auto from = slot.starts.begin() + i + 1;
            const int next
                = int(std::lower_bound(from, slot.starts.begin() + last, nextT) - slot.starts.begin());
            // One step back: a request starting before nextT may still reach past it.
            i = std::max(i + 1, next - 1);
        }
    }
}

void flushLaneBars(QPainter *painter, const Batches &b)
{
    // Sending last but one: its minimum width may reach over the wait that follows it.
    const Phase order[]
        = { Phase::Queued, Phase::Backoff, Phase::WaitingFirstToken, Phase::Sending, Phase::Streaming };
    for (Phase p : order)
        fillPhaseRects(painter, b.fill[int(p)].rects.data(), int(b.fill[int(p)].rects.size()), p);
    if (!b.ticks.empty()) {
        painter->setPen(QPen(phaseStyle(Phase::Streaming).tick, 1));
        painter->drawLines(b.ticks.data(), int(b.ticks.size()));
    }
    fillPhaseRects(painter, b.thinError.rects.data(), int(b.thinError.rects.size()), Phase::Error);
    fillPhaseRects(painter, b.ghosts.rects.data(), int(b.ghosts.rects.size()), Phase::Ghost);
    for (Phase p : { Phase::Incomplete, Phase::Error })
        fillPhaseRects(painter, b.markers[int(p)].rects.data(), int(b.markers[int(p)].rects.size()), p);
}

// The compared run's rows: B's bars in the same legend at compareRunOpacity, each request's
// extent outlined, so "the other run" reads at a glance even in grey scale.
void paintCompareRows(QPainter *painter, const TimelineLayout &layout, const RunTrace &compare,
    const TimelineIndex &compareIndex, const TimelineRenderOptions &options, int firstLane, int lastLane)
{
    TimelineLayout bl = layout;
    bl.nowNs = layout.compareNowNs;
    Batches b;
    RectBatch outlines;
    PhaseSegments segments;
    for (int lane = firstLane; lane < lastLane; ++lane) {
        const int h = layout.runRowH(lane, 1);
        if (h <= 0)
            continue;
        collectLaneBars(b, bl, compare, compareIndex, options, lane, layout.runRowY(lane, 1), h, segments,
            h >= 4 ? &outlines : nullptr);
    }
    painter->save();
    painter->setOpacity(compareRunOpacity);
    flushLaneBars(painter, b);
    painter->restore();
    painter->save();
    QPen pen(compareOutlineColor(), 1);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    for (const QRect &r : outlines.rects)
        painter->drawRect(r.adjusted(0, 0, -1, -1));
    painter->restore();
}

void paintRequestLanes(QPainter *painter, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options, const TimelineIndex *compareIndex)
{
    const QFontMetrics fm(painter->font());
    const int firstLane = layout.firstLane;
    const int lastLane = std::min(layout.requestLaneCount, firstLane + layout.visibleRequestLanes());
    const QRect &plot = layout.plotRect;

    // Stripes and labels; when lanes are thinner than a line of text, label every k-th lane.
    painter->setPen(labelColor);
    const double lh = layout.requestLaneHeight;
    int labelEvery = 1;
    for (const int minEvery = int(std::ceil((fm.height() + 2) / std::max(lh, 0.01)));
         labelEvery < minEvery;) {
        // 1, 2, 5, 10, 20, 50... so the labels read as a scale.
        const int digits = labelEvery;
        labelEvery = (QByteArray::number(digits).startsWith('2')) ? labelEvery / 2 * 5 : labelEvery * 2;
    }
    // A lane a little thinner than a line of text still gets its name, in a smaller type,
    // rather than every other lane going unnamed.
    painter->save();
    if (labelEvery == 2) {
        QFont small = painter->font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        if (lh >= QFontMetrics(small).height() - 2) {
            painter->setFont(small);
            labelEvery = 1;
        }
    }
    for (int lane = firstLane; lane < lastLane; ++lane) {
        const int y = layout.requestLaneY(lane);
        const int h = layout.requestLaneH(lane);
        if (lh >= 4 && lane % 2 == 0)
            painter->fillRect(QRect(plot.left(), y, plot.width(), h), stripeColor);
        if ((lane + 1) % labelEvery == 0 || labelEvery == 1) {
            const QString name = layout.laneByRequest ? requestLaneName(lane) : slotLaneName(lane);
            // Compare: the lane's name sits on its A row when that row holds a line of text.
            const int textH = painter->fontMetrics().height();
            const int rowH = layout.compare && layout.runRowH(lane, 0) >= textH ? layout.runRowH(lane, 0) : h;
            const int labelH = std::max(rowH, textH);
            const int labelY = std::max(int(layout.requestTop), y + (rowH - labelH) / 2);
            drawLaneLabel(painter, layout, labelY, labelH, name);
        }
    }
    painter->restore();
    if (layout.compare && labelEvery == 1 && layout.runRowH(firstLane, 1) >= fm.height() - 2) {
        painter->save();
        QFont small = painter->font();
        small.setBold(true);
        painter->setFont(small);
        painter->setPen(compareOutlineColor());
        for (int lane = firstLane; lane < lastLane; ++lane)
            drawLaneLabel(painter, layout, layout.runRowY(lane, 1), layout.runRowH(lane, 1),
                QCoreApplication::translate("BurgerBench::Timeline", "B", "the compared run's row"));
        painter->restore();
    }

    Batches b;
    PhaseSegments segments;
    for (int lane = firstLane; lane < lastLane; ++lane)
        collectLaneBars(b, layout, trace, index, options, lane, layout.runRowY(lane, 0),
            layout.runRowH(lane, 0), segments);
    // Orders no one has taken yet: in line now. Their record (made when they are taken) says
    // when they began to count as due, so no past is drawn for them, only where they are now: a
    // stub of the line's colour that ends at the now line, as every other order in line does.
    const int lineEnd = std::min(layout.lineFirstLane + layout.lineNotTaken, lastLane);
    if (layout.laneByRequest && layout.lineNotTaken > 0) {
        const int nowX = columnOf(layout, layout.nowNs) + 1;
        for (int lane = std::max(firstLane, layout.lineFirstLane); lane < lineEnd; ++lane) {
            const int y = layout.runRowY(lane, 0);
            const int h = layout.runRowH(lane, 0);
            const int inset = insetFor(h);
            b.fill[int(Phase::Queued)].add(nowX - std::max(10, 2 * h), nowX, y + inset, h - 2 * inset);
        }
    }
    flushLaneBars(painter, b);
    if (layout.compare && options.compareTrace && compareIndex)
        paintCompareRows(painter, layout, *options.compareTrace, *compareIndex, options, firstLane, lastLane);
}

// The drawn extent of a request on its lane, or an empty rect when it is not on screen.
QRect requestExtent(
    const TimelineLayout &layout, const TimelineIndex &index, const RunTrace &trace, int request)
{
    if (request < 0 || size_t(request) >= trace.requests.size())
        return {};
    const RequestRecord &r = trace.requests[size_t(request)];
    const int lane = layout.laneByRequest ? request : index.slotOfRequest(request);
    if (lane < layout.firstLane || lane >= layout.requestLaneCount
        || lane >= layout.firstLane + layout.visibleRequestLanes())
        return {};
    const qint64 start = layout.laneByRequest ? requestVisibleStartNs(r) : r.dispatchNs;
    const qint64 end = requestVisibleEndNs(r, layout.nowNs);
    if (start < 0 || end < layout.fromNs || start > layout.toNs)
        return {};
    const int x0 = std::max(layout.plotRect.left() - 2, columnOf(layout, start));
    const int x1 = std::min(layout.plotRect.right() + 2, columnOf(layout, end));
    return QRect(x0, layout.runRowY(lane, 0), std::max(1, x1 - x0 + 1), layout.runRowH(lane, 0));
}

// The compared run's index: the caller's, or one built into `own`.
const TimelineIndex *compareIndexFor(const TimelineRenderOptions &options, std::optional<TimelineIndex> &own)
{
    if (!options.compareTrace)
        return nullptr;
    if (options.compareIndex)
        return options.compareIndex;
    own.emplace(*options.compareTrace);
    return &*own;
}

QString compareRunLabel(int run, const QString &name)
{
    // The legend line: which row is which run, and how each is drawn.
    return run == 0
        ? QCoreApplication::translate("BurgerBench::Timeline", "A, upper row: %1")
              .arg(name.isEmpty() ? QStringLiteral("A") : name)
        : QCoreApplication::translate("BurgerBench::Timeline", "B, lower row (pale, outlined): %1")
              .arg(name.isEmpty() ? QStringLiteral("B") : name);
}

int compareLegendRowHeight(const QFontMetrics &fm)
{
    return std::max(fm.height(), 12) + 6;
}

// One row above the phase legend: a swatch and the name of each run.
void paintCompareLegend(QPainter *painter, const QRect &rect, const TimelineRenderOptions &options)
{
    const QFontMetrics fm(painter->font());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const int half = rect.width() / 2;
    for (int run = 0; run < 2; ++run) {
        const int left = rect.left() + run * half;
        const QRect box(left, rect.top() + (rect.height() - 12) / 2, 26, 12);
        if (run == 0) {
            fillPhaseRect(painter, box, Phase::Streaming);
        } else {
            painter->save();
            painter->setOpacity(compareRunOpacity);
            fillPhaseRect(painter, box.adjusted(1, 1, -1, -1), Phase::Streaming);
            painter->restore();
            painter->setPen(compareOutlineColor());
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(box.adjusted(0, 0, -1, -1));
        }
        painter->setPen(run == 0 ? QColor(0x22, 0x22, 0x22) : compareOutlineColor());
        const QRect text(box.right() + 6, rect.top(), half - box.width() - 16, rect.height());
        const QString label = compareRunLabel(run, run == 0 ? options.labelA : options.labelB);
        painter->drawText(
            text, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(label, Qt::ElideMiddle, text.width()));
    }
    painter->restore();
}

} // namespace

QColor compareOutlineColor()
{
    return QColor(0x0b, 0x6e, 0x79); // teal: no phase uses it
}

double TimelineLayout::timeToX(qint64 timeNs) const
{
    return timeToPixel(timeNs, fromNs, toNs, plotRect.left(), plotRect.width());
}

qint64 TimelineLayout::xToTime(double x) const
{
    return pixelToTime(x, fromNs, toNs, plotRect.left(), plotRect.width());
}

int TimelineLayout::requestLaneY(int lane) const
{
    return int(std::floor(laneTop(lane, requestTop, requestLaneHeight, firstLane)));
}

int TimelineLayout::requestLaneH(int lane) const
{
    const int next = int(std::floor(laneTop(lane + 1, requestTop, requestLaneHeight, firstLane)));
    return std::max(1, next - requestLaneY(lane));
}

int TimelineLayout::runRowY(int lane, int run) const
{
    const int y = requestLaneY(lane);
    return run == 0 ? y : y + runRowH(lane, 0);
}

int TimelineLayout::runRowH(int lane, int run) const
{
    const int h = requestLaneH(lane);
    if (!compare)
        return run == 0 ? h : 0;
    // A gets the odd pixel: it is the run the overlays (selection, hover) are drawn on.
    return run == 0 ? h - h / 2 : h / 2;
}

int TimelineLayout::visibleRequestLanes() const
{
    if (requestLaneHeight <= 0)
        return 0;
    return int(std::ceil((requestBottom - requestTop) / requestLaneHeight));
}

QString emptyRequestAreaText(const RunTrace &trace)
{
    // A run of CPU tasks only does its work on the lanes above: never "not yet", even before its
    // first task or when it was stopped before one ended.
    return trace.tasks.empty() && !trace.scenario.cpuOnly
        ? QCoreApplication::translate("BurgerBench::Timeline", "No requests yet")
        : QCoreApplication::translate("BurgerBench::Timeline", "CPU tasks only: no requests");
}

QString requestLaneName(int request)
{
    return QCoreApplication::translate("BurgerBench::Timeline", "#%1").arg(shownNumber(request));
}

QString slotLaneName(int slot)
{
    return QCoreApplication::translate("BurgerBench::Timeline", "slot %1").arg(shownNumber(slot));
}

QString loopLaneName()
{
    return QCoreApplication::translate("BurgerBench::Timeline", "event loop");
}

double loopIdleShare(const RunTrace &trace, qint64 fromNs, qint64 toNs)
{
    if (trace.loopBusy.empty() || toNs <= fromNs)
        return -1;
    qint64 busy = 0;
    const auto clipped = [&](qint64 start, qint64 end) {
        const qint64 a = std::max(start, fromNs);
        const qint64 b = std::min(end, toNs);
        return b > a ? b - a : 0;
    };
    // The busy spans run from the loop's wake-up to its next wait, so CPU work it ran itself is
    // inside them already. Only those touching the window: this runs on every repaint.
    const auto [first, last] = sortedWindow(
        trace.loopBusy, fromNs, toNs, [](const Span &s) { return s.startNs; },
        [](const Span &s) { return s.endNs; });
    for (int i = first; i < last; ++i)
        busy += clipped(trace.loopBusy[size_t(i)].startNs, trace.loopBusy[size_t(i)].endNs);
    return std::clamp(1.0 - double(busy) / double(toNs - fromNs), 0.0, 1.0);
}

QString loopIdleLabel(double idle, const QLocale &locale)
{
    return QCoreApplication::translate("BurgerBench::Timeline", "idle %1%")
        .arg(locale.toString(100.0 * idle, 'f', 1));
}

TimelineLayout timelineLayout(const QRect &rect, const QFont &font, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options)
{
    std::optional<TimelineIndex> ownCompareIndex;
    const TimelineIndex *compareIndex = compareIndexFor(options, ownCompareIndex);
    TimelineLayout l;
    l.compare = compareIndex != nullptr;
    const QFontMetrics fm(font);
    l.bounds = rect;
    l.laneByRequest = options.laneByRequest;
    l.labelLeft = rect.left() + 4;
    // The gutter fits the longest lane name it will show (translations differ in length).
    int gutter = options.labelWidth;
    int requestLanes = int(trace.requests.size());
    int slotLanes = index.slotCount();
    if (options.nowNs >= 0) {
        // Live: the orders still waiting to be sent, by the definition the story and the
        // statistics read (trace/orderline.h).
        const OrderLine line = orderLineAt(trace, options.nowNs);
        l.lineFirstLane = requestLanes;
        l.lineNotTaken = line.notTaken;
        l.lineInLine = line.inLine();
        l.lineNotDue = line.notDue;
        requestLanes += line.notTaken;
    }
    if (l.compare) {
        requestLanes = std::max(requestLanes, int(options.compareTrace->requests.size()));
        slotLanes = std::max(slotLanes, compareIndex->slotCount());
    }
    int longest = fm.horizontalAdvance(requestLaneName(std::max<int>(9, requestLanes)));
    if (options.showLoopLane)
        longest = std::max(longest, fm.horizontalAdvance(loopLaneName()));
    const bool hasJobBoard = options.showJobBoardLane && hasJobBoardLane(trace);
    if (hasJobBoard)
        longest = std::max(longest, fm.horizontalAdvance(jobBoardLaneName()));
    if (options.showWorkerLanes) {
        for (const TaskLane &lane : trace.taskLanes)
            longest = std::max(longest, fm.horizontalAdvance(LaneNames::display(lane)));
    }
    if (!options.laneByRequest)
        longest = std::max(longest, fm.horizontalAdvance(slotLaneName(std::max(9, slotLanes))));
    gutter = std::max(gutter, longest + 14);
    const int plotLeft = rect.left() + std::min(gutter, rect.width() / 3);
    const int plotWidth = std::max(1, rect.right() - 10 - plotLeft + 1);

    int y = rect.top() + 4;
    if (!options.title.isEmpty()) {
        l.titleRect = QRect(rect.left() + 8, y, rect.width() - 16, fm.height() + 4);
        y = l.titleRect.bottom() + 5;
    }
    int bottom = rect.bottom() - 2;
    const bool hasKitchen = options.showKitchenLane && hasKitchenLane(trace.serverMetrics);
    if (options.showLegend) {
        const int lh = legendHeight(font, rect.width() - 16, legendPhases(hasKitchen, hasJobBoard))
            + (l.compare ? compareLegendRowHeight(fm) : 0);
        l.legendRect = QRect(rect.left() + 8, rect.bottom() - 4 - lh + 1, rect.width() - 16, lh);
        bottom = l.legendRect.top() - 8;
    }
    l.axisRect = QRect(plotLeft, y, plotWidth, fm.height() + 8);
    y = l.axisRect.bottom() + 1;
    const int plotTop = y;
    y += 3;
    if (options.showLoopLane) {
        l.loopLane = QRect(plotLeft, y, plotWidth, options.loopLaneHeight);
        y = l.loopLane.bottom() + 1 + 5;
    }
    if (hasKitchen) {
        l.kitchenLane = QRect(plotLeft, y, plotWidth, options.kitchenLaneHeight);
        y = l.kitchenLane.bottom() + 1 + 5;
    }
    if (hasJobBoard) {
        l.jobBoardLane = QRect(plotLeft, y, plotWidth, options.jobBoardLaneHeight);
        y = l.jobBoardLane.bottom() + 1 + 5;
    }
    const int taskLaneCount = std::max<int>(int(trace.taskLanes.size()), index.taskLaneCount());
    for (int lane = 0; lane < taskLaneCount; ++lane) {
        const bool loop = size_t(lane) < trace.taskLanes.size()
            && trace.taskLanes[size_t(lane)].kind == LaneKind::EventLoop;
        if (loop && options.showLoopLane)
            l.loopTaskLanes.push_back(lane);
        else if (options.showWorkerLanes)
            l.workerLanes.push_back(lane);
    }
    l.workerLaneCount = int(l.workerLanes.size());
    if (l.workerLaneCount > 0) {
        // Workers get at most a third of what is left; the requests are the main story.
        const int share = std::max(3, (bottom - y) / 3 / l.workerLaneCount);
        l.workerLaneHeight = std::min(options.workerLaneHeight, share);
        l.workerTop = y;
        y += l.workerLaneCount * l.workerLaneHeight + 5;
    }
    l.requestTop = y;
    l.requestBottom = std::max(y, bottom);
    l.requestLaneCount = options.laneByRequest ? requestLanes : slotLanes;
    const double available = l.requestBottom - l.requestTop;
    if (options.laneHeight > 0)
        l.requestLaneHeight = options.laneHeight;
    else
        l.requestLaneHeight = l.requestLaneCount > 0
            // Compare: two rows per lane, so a lane may grow a little taller.
            ? std::min(options.maxAutoLaneHeight * (l.compare ? 1.6 : 1.0), available / l.requestLaneCount)
            : options.maxAutoLaneHeight;
    l.firstLane = std::clamp(options.firstLane, 0, std::max(0, l.requestLaneCount - 1));
    l.plotRect = QRect(plotLeft, plotTop, plotWidth, std::max(1, l.requestBottom - plotTop));

    l.nowNs = options.nowNs >= 0 ? options.nowNs : std::max(index.lastEventNs(), trace.endNs);
    // A finished run of background jobs: the client's last poll (which saw the last job over)
    // comes just after the last job ended, and it is an event of the run too.
    if (options.nowNs < 0 && !trace.jobPollsNs.empty())
        l.nowNs = std::max(l.nowNs, trace.jobPollsNs.back());
    l.fromNs = options.fromNs;
    qint64 to = options.toNs;
    if (l.compare)
        l.compareNowNs = std::max(compareIndex->lastEventNs(), options.compareTrace->endNs);
    if (to < 0)
        to = std::max({ trace.endNs, index.lastEventNs(), options.nowNs, l.compareNowNs, l.nowNs });
    l.toNs = std::max(l.fromNs + 1000, to);
    l.lineLabel = lineLabelText(l.lineInLine, l.lineNotDue);
    if (!l.lineLabel.isEmpty() && l.requestBottom > l.requestTop) {
        // Right-aligned to the now line, just under the last lane when there is room, else at
        // the bottom of the lanes.
        const int w = fm.horizontalAdvance(l.lineLabel) + lineSwatchWidth + 10;
        const int h = fm.height() + 4;
        const int nowX
            = std::clamp(int(std::floor(l.timeToX(l.nowNs))), l.plotRect.left(), l.plotRect.right());
        const int lanesEnd
            = int(std::ceil(l.requestTop + (l.requestLaneCount - l.firstLane) * l.requestLaneHeight)) + 2;
        const int top
            = std::clamp(lanesEnd, int(l.requestTop), std::max(int(l.requestTop), l.requestBottom - h));
        // Over the lanes it keeps clear of the stubs at the now line (at least 10 px wide).
        const int gap = top < lanesEnd ? 14 : 3;
        const int left = std::max(l.plotRect.left(), nowX - w - gap);
        l.lineLabelRect = QRect(left, top, std::min(w, l.plotRect.right() - left + 1), h);
    }
    return l;
}

namespace {

// The request drawn on a request/slot lane between lo and hi, or -1.
int requestOnLane(const TimelineLayout &layout, const RunTrace &trace, const TimelineIndex &index, int lane,
    qint64 lo, qint64 hi)
{
    if (layout.laneByRequest) {
        if (lane >= int(trace.requests.size()))
            return -1;
        const RequestRecord &r = trace.requests[size_t(lane)];
        const qint64 start = requestVisibleStartNs(r);
        if (start >= 0 && start <= hi && requestVisibleEndNs(r, layout.nowNs) >= lo)
            return lane;
    } else if (lane < index.slotCount()) {
        const TimelineIndex::Lane &slot = index.slot(lane);
        const auto [first, last] = slot.window(lo, hi);
        for (int i = last - 1; i >= first; --i) {
            const RequestRecord &r = trace.requests[slot.items[size_t(i)]];
            if (r.dispatchNs <= hi && requestVisibleEndNs(r, layout.nowNs) >= lo)
                return int(slot.items[size_t(i)]);
        }
    }
    return -1;
}

} // namespace

TimelineHit timelineHitTest(const TimelineLayout &layout, const RunTrace &trace, const TimelineIndex &index,
    const QPoint &pos, const RunTrace *compareTrace, const TimelineIndex *compareIndex)
{
    TimelineHit hit;
    hit.timeNs = layout.xToTime(pos.x());
    hit.inPlot = pos.x() >= layout.plotRect.left() && pos.x() <= layout.plotRect.right();
    const qint64 slack = std::max<qint64>(0, layout.xToTime(pos.x() + 3) - hit.timeNs);
    const qint64 lo = hit.timeNs - slack;
    const qint64 hi = hit.timeNs + slack;

    if (!layout.loopLane.isEmpty() && pos.y() >= layout.loopLane.top()
        && pos.y() <= layout.loopLane.bottom()) {
        hit.kind = TimelineLayout::LaneKind::Loop;
        return hit;
    }
    if (layout.workerLaneCount > 0 && pos.y() >= layout.workerTop
        && pos.y() < layout.workerTop + layout.workerLaneCount * layout.workerLaneHeight) {
        hit.kind = TimelineLayout::LaneKind::Worker;
        const int row = (pos.y() - layout.workerTop) / std::max(1, layout.workerLaneHeight);
        hit.lane = layout.workerLanes[size_t(std::clamp(row, 0, layout.workerLaneCount - 1))];
        if (hit.lane < index.taskLaneCount()) {
            const TimelineIndex::Lane &lane = index.taskLane(hit.lane);
            const auto [first, last] = lane.window(lo, hi);
            for (int i = last - 1; i >= first; --i) {
                const TaskRecord &task = trace.tasks[lane.items[size_t(i)]];
                const qint64 end = task.endNs >= 0 ? task.endNs : layout.nowNs;
                if (task.startNs <= hi && end >= lo) {
                    hit.task = int(lane.items[size_t(i)]);
                    hit.request = task.request;
                    break;
                }
            }
        }
        return hit;
    }
    if (pos.y() >= layout.requestBottom)
        return hit;
    const int lane = laneAt(
        pos.y(), layout.requestTop, layout.requestLaneHeight, layout.firstLane, layout.requestLaneCount);
    if (lane < 0)
        return hit;
    hit.kind = TimelineLayout::LaneKind::Request;
    hit.lane = lane;
    if (layout.compare && pos.y() >= layout.runRowY(lane, 1)) {
        if (compareTrace && compareIndex) {
            TimelineLayout bl = layout;
            bl.nowNs = layout.compareNowNs;
            hit.compareRequest = requestOnLane(bl, *compareTrace, *compareIndex, lane, lo, hi);
        }
        return hit;
    }
    hit.request = requestOnLane(layout, trace, index, lane, lo, hi);
    return hit;
}

void paintTimelineBase(QPainter *painter, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    painter->fillRect(layout.bounds, options.background);

    if (!layout.titleRect.isEmpty()) {
        QFont bold = painter->font();
        bold.setBold(true);
        painter->save();
        painter->setFont(bold);
        painter->setPen(QColor(0x22, 0x22, 0x22));
        painter->drawText(layout.titleRect, Qt::AlignLeft | Qt::AlignVCenter, options.title);
        painter->restore();
    }
    paintAxis(painter, layout, options.locale);

    const QRect lanesClip(layout.labelLeft, layout.plotRect.top(),
        layout.plotRect.right() - layout.labelLeft + 1, layout.plotRect.height());
    painter->setClipRect(lanesClip);
    if (!layout.loopLane.isEmpty())
        paintLoopLane(painter, layout, trace, index, options);
    if (!layout.kitchenLane.isEmpty())
        paintKitchenLane(painter, layout.kitchenLane, layout, trace.serverMetrics, options.locale);
    if (!layout.jobBoardLane.isEmpty())
        paintJobBoardLane(painter, layout.jobBoardLane, layout, trace, options.locale);
    if (layout.workerLaneCount > 0)
        paintWorkerLanes(painter, layout, trace, index);
    // Lane content must not bleed into the gutter when zoomed: clip content to the plot, but
    // let labels use the gutter (they are drawn first, inside paintRequestLanes, so clip later).
    painter->setClipRect(QRect(layout.labelLeft, static_cast<int>(layout.requestTop),
        layout.plotRect.right() - layout.labelLeft + 1,
        std::max(0, layout.requestBottom - static_cast<int>(layout.requestTop))));
    if (layout.requestLaneCount == 0) {
        painter->setPen(labelColor);
        painter->drawText(
            QRect(layout.plotRect.left(), static_cast<int>(layout.requestTop), layout.plotRect.width(),
                std::max(20, layout.requestBottom - int(layout.requestTop))),
            Qt::AlignCenter, emptyRequestAreaText(trace));
    } else {
        std::optional<TimelineIndex> ownCompareIndex;
        const TimelineIndex *compareIndex
            = layout.compare ? compareIndexFor(options, ownCompareIndex) : nullptr;
        paintRequestLanes(painter, layout, trace, index, options, compareIndex);
    }
    painter->setClipping(false);
    if (!layout.lineLabelRect.isEmpty()) {
        // The count of the line beside the now line, with the legend's "In line" swatch (or the
        // ghost's outline when only arrivals not due yet are counted).
        const QRect r = layout.lineLabelRect;
        painter->fillRect(r, options.background);
        const QRect swatch(r.left() + 3, r.top() + (r.height() - 10) / 2, lineSwatchWidth - 4, 10);
        if (layout.lineInLine > 0)
            fillPhaseRect(painter, swatch, Phase::Queued);
        else
            fillPhaseRect(painter, swatch, Phase::Ghost);
        painter->setPen(labelColor);
        painter->drawText(
            r.adjusted(lineSwatchWidth + 3, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter, layout.lineLabel);
    }

    // Separators between the lane groups.
    painter->setPen(separatorColor);
    if (layout.workerLaneCount > 0) {
        const int y = layout.workerTop - 3;
        painter->drawLine(layout.labelLeft, y, layout.plotRect.right(), y);
    }
    if (layout.requestLaneCount > 0) {
        const int y = int(layout.requestTop) - 3;
        painter->drawLine(layout.labelLeft, y, layout.plotRect.right(), y);
    }
    if (!layout.legendRect.isEmpty()) {
        QRect phases = layout.legendRect;
        if (layout.compare) {
            const int rowH = compareLegendRowHeight(QFontMetrics(painter->font()));
            paintCompareLegend(painter, QRect(phases.left(), phases.top(), phases.width(), rowH), options);
            phases.setTop(phases.top() + rowH);
        }
        paintLegend(
            painter, phases, legendPhases(!layout.kitchenLane.isEmpty(), !layout.jobBoardLane.isEmpty()));
    }
    painter->restore();
}

void paintTimelineOverlay(QPainter *painter, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setClipRect(QRect(layout.plotRect.left() - 2, layout.plotRect.top(), layout.plotRect.width() + 4,
        layout.plotRect.height()));

    if (options.rangeFromNs >= 0 && options.rangeToNs > options.rangeFromNs) {
        const int x0 = columnOf(layout, options.rangeFromNs);
        const int x1 = columnOf(layout, options.rangeToNs);
        QColor shade = selectionColor;
        shade.setAlpha(40);
        const QRect band(x0, layout.plotRect.top(), std::max(1, x1 - x0), layout.plotRect.height());
        painter->fillRect(band, shade);
        painter->setPen(QPen(selectionColor, 1, Qt::DashLine));
        painter->drawLine(x0, band.top(), x0, band.bottom());
        painter->drawLine(x1, band.top(), x1, band.bottom());
    }
    if (options.highlighted) {
        painter->setPen(QPen(highlightColor, 2));
        painter->setBrush(Qt::NoBrush);
        for (int request : *options.highlighted) {
            const QRect r = requestExtent(layout, index, trace, request);
            if (!r.isEmpty())
                painter->drawRect(r.adjusted(0, 0, -1, -1));
        }
    }
    if (options.hoverRequest >= 0) {
        const QRect r = requestExtent(layout, index, trace, options.hoverRequest);
        if (!r.isEmpty()) {
            painter->setPen(QPen(QColor(0x22, 0x22, 0x22), 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(r.adjusted(-1, -1, 0, 0));
        }
    }
    if (options.selectedRequest >= 0) {
        const QRect r = requestExtent(layout, index, trace, options.selectedRequest);
        if (!r.isEmpty()) {
            QColor band = selectionColor;
            band.setAlpha(28);
            painter->fillRect(
                QRect(layout.plotRect.left(), r.top(), layout.plotRect.width(), r.height()), band);
            painter->setPen(QPen(selectionColor, 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(r.adjusted(-1, -1, 0, 0));
        }
    }
    if (options.showNowLine && layout.nowNs >= layout.fromNs && layout.nowNs <= layout.toNs) {
        const int x = columnOf(layout, layout.nowNs);
        painter->setPen(QPen(QColor(0xd0, 0x30, 0x30), 1));
        painter->drawLine(x, layout.plotRect.top(), x, layout.plotRect.bottom());
    }
    painter->restore();
}

void paintTimeline(QPainter *painter, const TimelineLayout &layout, const RunTrace &trace,
    const TimelineIndex &index, const TimelineRenderOptions &options)
{
    paintTimelineBase(painter, layout, trace, index, options);
    paintTimelineOverlay(painter, layout, trace, index, options);
}

void paintTimeline(
    QPainter *painter, const QRect &rect, const RunTrace &trace, const TimelineRenderOptions &options)
{
    const TimelineIndex index(trace);
    // Build the compared run's index once for the layout and the painting.
    std::optional<TimelineIndex> ownCompareIndex;
    TimelineRenderOptions o = options;
    o.compareIndex = compareIndexFor(options, ownCompareIndex);
    const TimelineLayout layout = timelineLayout(rect, painter->font(), trace, index, o);
    paintTimeline(painter, layout, trace, index, o);
}

} // namespace BurgerBench
