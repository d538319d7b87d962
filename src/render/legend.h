#pragma once

#include <QBrush>
#include <QColor>
#include <QString>

#include <vector>

class QFont;
class QPainter;
class QRect;

namespace BurgerBench {

// The one visual vocabulary of BurgerBench (../shared/TEACHING.md): the timeline window, the
// exported images and the HTML report all draw phases with these styles. Every phase has a
// colour AND a pattern or outline, so the picture still reads in grey scale or for a reader who
// does not tell red from green.
enum class Phase : quint8 {
    Queued, // in line at a client-side gate (yellow, dotted)
    Sending, // building and sending the request: real work (short solid green)
    WaitingFirstToken, // sitting at the table with a number: in flight, no thread held (hatched)
    Streaming, // burgers arriving: purple, one tick per token
    CpuWork, // somebody is cooking: solid green on a worker or the loop lane
    BlockedHeld, // a thread held while it only waits, or the loop frozen (red, striped)
    Error, // failed attempt or failure marker (dark red, cross-hatched)
    Ghost, // intended start to real send: a dashed outline, no fill
    Incomplete, // cut off by a cancel or the end of the run (grey, hatched)
    LoopLag, // how late the event loop's timer fired (orange bars)
};
constexpr int PhaseCount = int(Phase::LoopLag) + 1;

struct PhaseStyle
{
    QColor fill; // invalid colour = no fill
    QColor pattern; // colour of the overlay pattern (if any)
    Qt::BrushStyle patternStyle = Qt::NoBrush;
    QColor outline; // invalid colour = no outline
    Qt::PenStyle outlineStyle = Qt::SolidLine;
    QColor tick; // streaming: the per-token tick colour
};

const PhaseStyle &phaseStyle(Phase phase);
// Short translated name ("In line", "Waiting for first token"...) and a one-line meaning.
QString phaseLabel(Phase phase);
QString phaseDescription(Phase phase);

// Fills `count` rects with the phase's fill, overlay pattern and outline, as one batch per layer.
// The caller turns antialiasing off for crisp boxes.
void fillPhaseRects(QPainter *painter, const QRect *rects, int count, Phase phase);
void fillPhaseRect(QPainter *painter, const QRect &rect, Phase phase);

// The legend: a row (wrapping as needed) of swatches with their labels. `phases` empty = all.
// Returns the height needed for `width`; paintLegend draws into rect and returns the same height.
int legendHeight(const QFont &font, int width, const std::vector<Phase> &phases = {});
int paintLegend(QPainter *painter, const QRect &rect, const std::vector<Phase> &phases = {});
std::vector<Phase> allPhases();

} // namespace BurgerBench
