#include "render/legend.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QRect>

#include <algorithm>
#include <array>

namespace BurgerBench {

namespace {

QColor colour(quint32 rgb)
{
    return rgb == NoColour ? QColor() : QColor(QRgb(rgb));
}

Qt::BrushStyle brushStyle(PhasePattern pattern)
{
    switch (pattern) {
    case PhasePattern::None:
        return Qt::NoBrush;
    case PhasePattern::Dots:
        return Qt::Dense6Pattern;
    case PhasePattern::BackDiagonal:
        return Qt::BDiagPattern;
    case PhasePattern::ForwardDiagonal:
        return Qt::FDiagPattern;
    case PhasePattern::Horizontal:
        return Qt::HorPattern;
    case PhasePattern::Cross:
        return Qt::DiagCrossPattern;
    case PhasePattern::Vertical:
        return Qt::VerPattern;
    }
    return Qt::NoBrush;
}

// The QPainter form of the one legend table (trace/legendtable.h).
std::array<PhaseStyle, PhaseCount> makeStyles()
{
    std::array<PhaseStyle, PhaseCount> s;
    for (int p = 0; p < PhaseCount; ++p) {
        const PhaseLook &look = phaseLook(Phase(p));
        s[size_t(p)] = { colour(look.fill), colour(look.pattern), brushStyle(look.patternKind),
            colour(look.outline), look.dashedOutline ? Qt::DashLine : Qt::SolidLine, colour(look.tick) };
    }
    return s;
}

constexpr int swatchWidth = 26;
constexpr int swatchHeight = 12;
constexpr int itemSpacing = 14;

} // namespace

const PhaseStyle &phaseStyle(Phase phase)
{
    static const std::array<PhaseStyle, PhaseCount> styles = makeStyles();
    return styles[int(phase)];
}

QString phaseLabel(Phase phase)
{
    return QCoreApplication::translate(LegendContext, phaseLabelSource(phase));
}

QString phaseDescription(Phase phase)
{
    return QCoreApplication::translate(LegendContext, phaseDescriptionSource(phase));
}

std::vector<Phase> allPhases()
{
    // The legend's reading order: a request's life (its retries' waits and failures beside it),
    // then threads and the loop, then the server's kitchen.
    return { Phase::Queued, Phase::Ghost, Phase::Sending, Phase::WaitingFirstToken, Phase::Streaming,
        Phase::Backoff, Phase::Error, Phase::Incomplete, Phase::CpuWork, Phase::BlockedHeld, Phase::LoopLag,
        Phase::KitchenCooking, Phase::KitchenWaiting, Phase::JobRunning, Phase::JobDone };
}

std::vector<Phase> legendPhases(bool withKitchen, bool withJobBoard)
{
    std::vector<Phase> phases = allPhases();
    if (!withKitchen)
        phases.erase(std::remove_if(phases.begin(), phases.end(), isKitchenPhase), phases.end());
    if (!withJobBoard)
        phases.erase(std::remove_if(phases.begin(), phases.end(), isJobBoardPhase), phases.end());
    return phases;
}

void fillPhaseRects(QPainter *painter, const QRect *rects, int count, Phase phase)
{
    if (count <= 0)
        return;
    const PhaseStyle &style = phaseStyle(phase);
    painter->save();
    painter->setPen(Qt::NoPen);
    if (style.fill.isValid()) {
        painter->setBrush(style.fill);
        painter->drawRects(rects, count);
    }
    if (style.patternStyle != Qt::NoBrush) {
        painter->setBrush(QBrush(style.pattern, style.patternStyle));
        painter->drawRects(rects, count);
    }
    if (style.outline.isValid()) {
        QPen pen(style.outline, 1, style.outlineStyle);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        // drawRects() with a pen strokes one pixel outside width/height; shrink so the outline
        // stays inside the box it belongs to.
        for (int i = 0; i < count; ++i) {
            const QRect &r = rects[i];
            if (r.width() >= 3 && r.height() >= 3)
                painter->drawRect(r.adjusted(0, 0, -1, -1));
        }
    }
    painter->restore();
}

void fillPhaseRect(QPainter *painter, const QRect &rect, Phase phase)
{
    fillPhaseRects(painter, &rect, 1, phase);
}

namespace {

void paintSwatch(QPainter *painter, const QRect &box, Phase phase)
{
    switch (phase) {
    case Phase::Streaming: {
        fillPhaseRect(painter, box, phase);
        painter->setPen(phaseStyle(phase).tick);
        for (int x = box.left() + 3; x < box.right(); x += 4)
            painter->drawLine(x, box.top() + 2, x, box.bottom() - 2);
        break;
    }
    case Phase::Ghost: {
        // On the timeline the outline runs over the yellow of the line; alone it is the slate
        // dashes, doubled to read at swatch size (a yellow inside made it a second "In line").
        fillPhaseRect(painter, box, phase);
        fillPhaseRect(painter, box.adjusted(1, 1, -1, -1), phase);
        break;
    }
    case Phase::LoopLag: {
        painter->fillRect(box, QColor(0xf2, 0xf2, 0xf2));
        const int heights[] = { 2, 5, 3, 9, 12, 4, 2 };
        int x = box.left() + 1;
        for (int h : heights) {
            painter->fillRect(QRect(x, box.bottom() - h + 1, 3, h), phaseStyle(phase).fill);
            x += 4;
        }
        break;
    }
    default:
        fillPhaseRect(painter, box, phase);
        break;
    }
}

template<typename Visit>
int layoutLegend(const QFontMetrics &fm, int width, const std::vector<Phase> &phases, Visit visit)
{
    const int rowHeight = qMax(fm.height(), swatchHeight) + 4;
    int x = 0;
    int y = 0;
    for (Phase phase : phases) {
        const int itemWidth = swatchWidth + 5 + fm.horizontalAdvance(phaseLabel(phase));
        if (x > 0 && x + itemWidth > width) {
            x = 0;
            y += rowHeight;
        }
        visit(phase, x, y, rowHeight);
        x += itemWidth + itemSpacing;
    }
    return phases.empty() ? 0 : y + rowHeight;
}

} // namespace

int legendHeight(const QFont &font, int width, const std::vector<Phase> &phases)
{
    const QFontMetrics fm(font);
    return layoutLegend(
        fm, width, phases.empty() ? legendPhases(false) : phases, [](Phase, int, int, int) {});
}

int paintLegend(QPainter *painter, const QRect &rect, const std::vector<Phase> &phases)
{
    const QFontMetrics fm(painter->font());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const int height = layoutLegend(fm, rect.width(), phases.empty() ? legendPhases(false) : phases,
        [&](Phase phase, int x, int y, int rowHeight) {
            const QRect box(
                rect.left() + x, rect.top() + y + (rowHeight - swatchHeight) / 2, swatchWidth, swatchHeight);
            paintSwatch(painter, box, phase);
            painter->setPen(QColor(0x22, 0x22, 0x22));
            painter->drawText(QRect(box.right() + 6, rect.top() + y, rect.width(), rowHeight),
                Qt::AlignLeft | Qt::AlignVCenter, phaseLabel(phase));
        });
    painter->restore();
    return height;
}

} // namespace BurgerBench
