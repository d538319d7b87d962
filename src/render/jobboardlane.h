#pragma once

#include <QLocale>
#include <QString>

class QFontMetrics;
class QPainter;
class QRect;

namespace BurgerBench {

class JobBoard;
struct RunTrace;
struct TimelineLayout;

// Background jobs' status board under the event-loop lane (trace/jobboard.h), as the client's
// polls read it: the jobs stacked by status in each pixel column, done at the bottom (Job done),
// then failed (Error), running (Job running) and pending on top (In line: a pending job waits
// its turn for a worker). At the top a strip marks each ticket handed out (a small triangle:
// the "202 Accepted" moment) and each status poll (a tick); under it a caption row names the
// board at the lane's now; the area fills the rest.
bool hasJobBoardLane(const RunTrace &trace); // the run has background jobs
QString jobBoardLaneName(); // "job board"
// "job board, polled every 100 ms: pending 4 · running 2 · done 1 · failed 1" (at atNs).
QString jobBoardCaption(const JobBoard &board, qint64 atNs, const QLocale &locale = QLocale::c());
// What the board said at `atNs` and since which poll, beside what the jobs really were then (the
// lane's tooltip): "At 260 ms the board said pending 2 · running 2 · done 0 · failed 0 (read at
// the poll at 200 ms; the next at 300 ms). The jobs themselves: pending 1 · running 2 · done 1 ·
// failed 0." Plain text, in `locale`.
QString jobBoardToolTip(const JobBoard &board, qint64 atNs, const QLocale &locale = QLocale::c());
void paintJobBoardLane(QPainter *painter, const QRect &lane, const TimelineLayout &layout,
    const RunTrace &trace, const QLocale &locale = QLocale::c());
// The strip at the top, in pixels: ticks and tickets are drawn in it.
constexpr int jobBoardStripHeight = 7;
// The caption row under the strip; the area starts below it.
int jobBoardCaptionHeight(const QFontMetrics &fm);

} // namespace BurgerBench
