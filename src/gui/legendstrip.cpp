#include "gui/legendstrip.h"

#include "render/legend.h"

#include <QEvent>
#include <QPainter>

namespace BurgerBench {

namespace {
constexpr int Margin = 4;
}

LegendStrip::LegendStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void LegendStrip::setShowsJobBoard(bool shows)
{
    if (shows == m_jobBoard)
        return;
    m_jobBoard = shows;
    updateGeometry();
    update();
}

int LegendStrip::heightForWidth(int width) const
{
    return legendHeight(font(), std::max(1, width - 2 * Margin), legendPhases(false, m_jobBoard))
        + 2 * Margin;
}

QSize LegendStrip::sizeHint() const
{
    // Before the first resize the width is Qt's default; assume a wide window then.
    const int width = testAttribute(Qt::WA_Resized) ? this->width() : 1200;
    return { width, heightForWidth(width) };
}

QSize LegendStrip::minimumSizeHint() const
{
    return { 200, sizeHint().height() };
}

void LegendStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (height() != heightForWidth(width()))
        updateGeometry(); // wrapped into more (or fewer) rows: ask the layout for that height
}

void LegendStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    paintLegend(&painter, rect().adjusted(Margin, Margin, -Margin, -Margin), legendPhases(false, m_jobBoard));
}

void LegendStrip::changeEvent(QEvent *event)
{
    // The phase names are translated, and their width decides how the legend wraps.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
