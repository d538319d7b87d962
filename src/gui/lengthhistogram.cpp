#include "gui/lengthhistogram.h"

#include <QPainter>

#include <algorithm>

namespace BurgerBench {

LengthHistogram::LengthHistogram(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(minimumSizeHint().height());
    setAccessibleName(tr("Input lengths of the sampled rows"));
}

void LengthHistogram::setValues(std::vector<int> values)
{
    m_values = std::move(values);
    m_bins = LengthBins::cover(m_values, 20);
    m_counts = m_bins.counts(m_values);
    m_maxCount = m_counts.empty() ? 0 : *std::max_element(m_counts.begin(), m_counts.end());
    update();
}

QColor LengthHistogram::barColour()
{
    return QColor(0x4e, 0x59, 0x93); // the report's achieved-input colour
}

QRect LengthHistogram::plotRect() const
{
    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(QString::number(std::max(m_maxCount, 10))) + 8;
    return QRect(left, fm.height() / 2 + 2, width() - left - 8, height() - 2 * fm.height() - 6);
}

QRect LengthHistogram::barRect(int bin) const
{
    if (bin < 0 || bin >= m_bins.count || m_counts[size_t(bin)] == 0 || m_maxCount == 0)
        return QRect();
    const QRect plot = plotRect();
    const double w = double(plot.width()) / m_bins.count;
    const int x0 = plot.left() + int(bin * w);
    const int x1 = plot.left() + int((bin + 1) * w);
    const int h = std::max(1, int(double(m_counts[size_t(bin)]) / m_maxCount * plot.height()));
    // One pixel of gap between neighbours when the bars are wide enough for it.
    return QRect(x0, plot.bottom() - h + 1, std::max(1, x1 - x0 - (w >= 4 ? 1 : 0)), h);
}

void LengthHistogram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_values.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No rows to show."));
        return;
    }
    const QFontMetrics fm(font());
    const QRect plot = plotRect();
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(0, plot.top() - fm.height() / 2, plot.left() - 4, fm.height()),
        Qt::AlignRight | Qt::AlignVCenter, QString::number(m_maxCount));
    p.drawText(QRect(0, plot.bottom() - fm.height() / 2, plot.left() - 4, fm.height()),
        Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    const QRect below(plot.left(), plot.bottom() + 2, plot.width(), fm.height());
    p.drawText(below, Qt::AlignLeft, QString::number(m_bins.from(0)));
    p.drawText(below, Qt::AlignRight, QString::number(m_bins.to(m_bins.count - 1)));
    p.drawText(QRect(plot.left(), below.bottom() + 1, plot.width(), fm.height()), Qt::AlignHCenter,
        tr("input tokens (%1 rows)").arg(qsizetype(m_values.size())));
    for (int b = 0; b < m_bins.count; ++b) {
        const QRect r = barRect(b);
        if (!r.isEmpty())
            p.fillRect(r, barColour());
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
}

} // namespace BurgerBench
