#pragma once

#include "trace/legendtable.h"

#include <QBrush>
#include <QColor>
#include <QString>

#include <vector>

class QFont;
class QPainter;
class QRect;

namespace BurgerBench {

// The window and the exported images draw phases with these styles, made from the one legend
// table (trace/legendtable.h) that the HTML report reads too.
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

// The legend: a row (wrapping as needed) of swatches with their labels. `phases` empty =
// legendPhases(false). Returns the height needed for `width`; paintLegend draws into rect and
// returns the same height.
int legendHeight(const QFont &font, int width, const std::vector<Phase> &phases = {});
int paintLegend(QPainter *painter, const QRect &rect, const std::vector<Phase> &phases = {});
// Every phase, in the legend's reading order.
std::vector<Phase> allPhases();
// What a legend lists: all phases, the kitchen's two only beside a kitchen lane, the job board's
// two only beside a job board lane.
std::vector<Phase> legendPhases(bool withKitchen, bool withJobBoard = false);

} // namespace BurgerBench
