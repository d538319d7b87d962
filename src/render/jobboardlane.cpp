#include "render/jobboardlane.h"

#include "render/legend.h"
#include "render/timeformat.h"
#include "render/timelinepainter.h"
#include "trace/jobboard.h"
#include "trace/runtrace.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPolygon>

#include <algorithm>
#include <array>
#include <cmath>

namespace BurgerBench {

namespace {

const QColor tickColour(0x33, 0x33, 0x33);

QString countsText(const JobBoardCounts &c, const QLocale &locale)
{
    return QCoreApplication::translate(
        "BurgerBench::Timeline", "pending %1 · running %2 · done %3 · failed %4")
        .arg(locale.toString(c.pending), locale.toString(c.running), locale.toString(c.done),
            locale.toString(c.failed));
}

} // namespace

bool hasJobBoardLane(const RunTrace &trace)
{
    return !trace.jobs.empty();
}

QString jobBoardLaneName()
{
    return QCoreApplication::translate("BurgerBench::Timeline", "job board");
}

QString jobBoardCaption(const JobBoard &board, qint64 atNs, const QLocale &locale)
{
    const QString counts = countsText(board.seenAt(atNs), locale);
    if (!board.polled())
        return QCoreApplication::translate(
            "BurgerBench::Timeline", "job board (no polls recorded: true statuses): %1")
            .arg(counts);
    const qint64 every = board.pollIntervalNs();
    if (every <= 0)
        return QCoreApplication::translate("BurgerBench::Timeline", "job board, polled once: %1").arg(counts);
    return QCoreApplication::translate("BurgerBench::Timeline", "job board, polled every %1 (ticks): %2")
        .arg(formatDuration(every, locale), counts);
}

QString jobBoardToolTip(const JobBoard &board, qint64 atNs, const QLocale &locale)
{
    const QString at = formatDuration(atNs, locale);
    const QString seen = countsText(board.seenAt(atNs), locale);
    const QString truth = countsText(board.trueAt(atNs), locale);
    if (!board.polled())
        return QCoreApplication::translate("BurgerBench::Timeline",
            "At %1 the jobs were: %2. (No polls were recorded: these are their true statuses.)")
            .arg(at, truth);
    const std::vector<qint64> &polls = board.polls();
    const auto next = std::upper_bound(polls.begin(), polls.end(), atNs);
    QString when;
    if (next == polls.begin())
        when = QCoreApplication::translate("BurgerBench::Timeline",
            "before the first poll, every ticket reads pending; the first poll at %1")
                   .arg(formatDuration(*next, locale));
    else if (next == polls.end())
        when = QCoreApplication::translate("BurgerBench::Timeline", "read at the last poll, at %1")
                   .arg(formatDuration(*std::prev(next), locale));
    else
        when = QCoreApplication::translate("BurgerBench::Timeline", "read at the poll at %1; the next at %2")
                   .arg(formatDuration(*std::prev(next), locale), formatDuration(*next, locale));
    return QCoreApplication::translate(
        "BurgerBench::Timeline", "At %1 the board said %2 (%3). The jobs themselves: %4.")
        .arg(at, seen, when, truth);
}

void paintJobBoardLane(QPainter *painter, const QRect &lane, const TimelineLayout &layout,
    const RunTrace &trace, const QLocale &locale)
{
    const JobBoard board(trace);
    painter->fillRect(lane, QColor(0xf4, 0xf4, 0xf4));
    painter->setPen(QColor(0x55, 0x55, 0x55));
    painter->drawText(
        QRect(layout.labelLeft, lane.top(), layout.plotRect.left() - layout.labelLeft - 6, lane.height()),
        Qt::AlignRight | Qt::AlignVCenter, jobBoardLaneName());
    if (board.empty())
        return;

    const QFontMetrics fm = painter->fontMetrics();
    const QRect strip(lane.left(), lane.top(), lane.width(), jobBoardStripHeight);
    const QRect captionRow(lane.left(), strip.bottom() + 1, lane.width(), jobBoardCaptionHeight(fm));
    const QRect area(lane.left(), captionRow.bottom() + 1, lane.width(), lane.bottom() - captionRow.bottom());
    painter->fillRect(strip, Qt::white);
    painter->fillRect(captionRow, Qt::white);

    // Columns of equal counts become one rect per status, batched by phase.
    const double full = std::max(1, board.jobs());
    const int height = area.height() - 1;
    constexpr std::array<Phase, 4> order { Phase::JobDone, Phase::Error, Phase::JobRunning, Phase::Queued };
    std::array<std::vector<QRect>, 4> rects;
    const int lastX = std::min(lane.right(), int(std::floor(layout.timeToX(layout.nowNs))));
    auto addRun = [&](int x0, int x1, const JobBoardCounts &c) {
        const std::array<int, 4> n { c.done, c.failed, c.running, c.pending };
        int cumulative = 0;
        for (size_t i = 0; i < order.size(); ++i) {
            const int below = int(std::lround(cumulative / full * height));
            cumulative += n[i];
            const int above = int(std::lround(cumulative / full * height));
            if (above > below)
                rects[i].push_back(QRect(x0, area.bottom() - above + 1, x1 - x0 + 1, above - below));
        }
    };
    int runStart = -1;
    JobBoardCounts runCounts;
    for (int x = lane.left(); x <= lastX; ++x) {
        const JobBoardCounts c = board.seenAt(layout.xToTime(x));
        if (runStart >= 0 && c == runCounts)
            continue;
        if (runStart >= 0)
            addRun(runStart, x - 1, runCounts);
        runStart = x;
        runCounts = c;
    }
    if (runStart >= 0)
        addRun(runStart, lastX, runCounts);
    for (size_t i = 0; i < order.size(); ++i)
        fillPhaseRects(painter, rects[i].data(), int(rects[i].size()), order[i]);

    // The polls: a tick each in the strip (one per pixel column), up to now.
    painter->setPen(tickColour);
    int lastTick = lane.left() - 1;
    for (const qint64 t : board.polls()) {
        if (t < layout.fromNs || t > layout.nowNs)
            continue;
        const int x = int(std::floor(layout.timeToX(t)));
        if (x > lane.right())
            break;
        if (x == lastTick)
            continue;
        lastTick = x;
        painter->drawLine(x, strip.top() + 2, x, strip.bottom());
    }
    // The tickets: a small triangle where each was handed out (at once, usually: one).
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(QColor(0x1c, 0x3c, 0x86));
    painter->setPen(Qt::NoPen);
    int lastTicket = -100;
    for (const JobRecord &job : trace.jobs) {
        if (job.acceptedNs < layout.fromNs || job.acceptedNs > layout.toNs)
            continue;
        const int x = int(std::floor(layout.timeToX(job.acceptedNs)));
        if (x - lastTicket < 4 || x > lane.right())
            continue;
        lastTicket = x;
        painter->drawPolygon(
            QPolygon({ QPoint(x - 3, strip.top()), QPoint(x + 3, strip.top()), QPoint(x, strip.bottom()) }));
    }
    painter->setBrush(Qt::NoBrush);

    // The caption in its own row between the strip and the area, elided to the lane.
    const QString caption = fm.elidedText(
        jobBoardCaption(board, layout.nowNs, locale), Qt::ElideRight, std::max(0, captionRow.width() - 8));
    painter->setPen(QColor(0x22, 0x22, 0x22));
    painter->drawText(captionRow.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, caption);
}

int jobBoardCaptionHeight(const QFontMetrics &fm)
{
    return fm.height() + 1;
}

} // namespace BurgerBench
