#include "render/legend.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QRect>

#include <array>

namespace BurgerBench {

namespace {

// Colours follow the tracing tools learners may meet later (Tracy, Perfetto, the Visual Studio
// Concurrency Visualizer): green runs, yellow waits its turn, red is blocked, purple is I/O.
// The patterns carry the same meaning without colour.
std::array<PhaseStyle, PhaseCount> makeStyles()
{
    std::array<PhaseStyle, PhaseCount> s;
    s[int(Phase::Queued)]
        = { QColor(0xf4, 0xc4, 0x30), QColor(0x9a, 0x74, 0x00), Qt::Dense6Pattern, {}, Qt::SolidLine, {} };
    s[int(Phase::Sending)]
        = { QColor(0x2e, 0xa0, 0x4f), {}, Qt::NoBrush, QColor(0x14, 0x5a, 0x2a), Qt::SolidLine, {} };
    s[int(Phase::WaitingFirstToken)] = { QColor(0xec, 0xee, 0xf8), QColor(0x7b, 0x86, 0xbd), Qt::BDiagPattern,
        QColor(0x4e, 0x59, 0x93), Qt::SolidLine, {} };
    s[int(Phase::Streaming)]
        = { QColor(0x86, 0x3f, 0xb0), {}, Qt::NoBrush, {}, Qt::SolidLine, QColor(0xe6, 0xd2, 0xf2) };
    s[int(Phase::CpuWork)] = { QColor(0x2e, 0xa0, 0x4f), {}, Qt::NoBrush, {}, Qt::SolidLine, {} };
    s[int(Phase::BlockedHeld)]
        = { QColor(0xe0, 0x3c, 0x31), QColor(0x8c, 0x12, 0x0c), Qt::HorPattern, {}, Qt::SolidLine, {} };
    s[int(Phase::Error)]
        = { QColor(0x6e, 0x0e, 0x0e), QColor(0xf0, 0xa8, 0xa8), Qt::DiagCrossPattern, {}, Qt::SolidLine, {} };
    s[int(Phase::Ghost)] = { {}, {}, Qt::NoBrush, QColor(0x44, 0x44, 0x44), Qt::DashLine, {} };
    s[int(Phase::Incomplete)]
        = { QColor(0xa6, 0xa6, 0xa6), QColor(0x5e, 0x5e, 0x5e), Qt::FDiagPattern, {}, Qt::SolidLine, {} };
    s[int(Phase::LoopLag)] = { QColor(0xe6, 0x7e, 0x22), {}, Qt::NoBrush, {}, Qt::SolidLine, {} };
    return s;
}

const char *const phaseLabels[PhaseCount] = {
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "In line"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Sending"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Waiting for first token"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Streaming (tick = token)"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "CPU work"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Blocked / held"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Error"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Ghost: intended start"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Incomplete"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Event-loop lag"),
};

const char *const phaseDescriptions[PhaseCount] = {
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "Waiting in line for a free slot or the rate limiter, before the request is sent."),
    QT_TRANSLATE_NOOP(
        "BurgerBench::Legend", "Building the request and handing it to the network: real work."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "Sent; waiting for the server's first token. No thread is busy: this is the table "
        "with the order number."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Tokens arriving; each tick is one token event."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "A thread computing: the cook at work."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "A thread held while it only waits, or the event loop frozen by work it should not do."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "A failed attempt, or where the request failed."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "From when the schedule wanted to send the request to when it really went out."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Cut off by a cancel, fail-fast or the end of the run."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "How late the event loop's timer fired: the loop was busy."),
};

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
    return QCoreApplication::translate("BurgerBench::Legend", phaseLabels[int(phase)]);
}

QString phaseDescription(Phase phase)
{
    return QCoreApplication::translate("BurgerBench::Legend", phaseDescriptions[int(phase)]);
}

std::vector<Phase> allPhases()
{
    std::vector<Phase> phases;
    for (int p = 0; p < PhaseCount; ++p)
        phases.push_back(Phase(p));
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
        QRect inner = box.adjusted(2, 2, -2, -2);
        fillPhaseRect(painter, inner, Phase::Queued);
        fillPhaseRect(painter, box, phase);
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
    return layoutLegend(fm, width, phases.empty() ? allPhases() : phases, [](Phase, int, int, int) {});
}

int paintLegend(QPainter *painter, const QRect &rect, const std::vector<Phase> &phases)
{
    const QFontMetrics fm(painter->font());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const int height = layoutLegend(fm, rect.width(), phases.empty() ? allPhases() : phases,
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
