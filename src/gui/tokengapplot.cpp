#include "gui/tokengapplot.h"

#include "metrics/requestmetrics.h"
#include "metrics/statistics.h"
#include "render/legend.h"
#include "render/timeformat.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

TokenGapPlot::TokenGapPlot(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TokenGapPlot::setTokens(const TokenTimes &tokenNs)
{
    m_gapsNs = RequestMetrics::itlGapsNs(tokenNs);
    m_maxNs = m_gapsNs.empty() ? 0 : *std::max_element(m_gapsNs.begin(), m_gapsNs.end());
    // The median as every statistic takes it (numpy's linear percentile, metrics/statistics.h).
    std::vector<double> sorted(m_gapsNs.begin(), m_gapsNs.end());
    std::sort(sorted.begin(), sorted.end());
    m_medianNs = sorted.empty() ? 0 : qint64(std::llround(Statistics::percentileSorted(sorted, 50)));
    update();
}

void TokenGapPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QFontMetrics fm(font());
    if (m_gapsNs.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No gaps: fewer than two tokens."));
        return;
    }
    const QString maxText = formatDuration(m_maxNs, QLocale());
    const int left = fm.horizontalAdvance(maxText) + 8;
    const QRect plot(left, fm.height() / 2 + 2, width() - left - 6, height() - fm.height() - 8);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(0, plot.top() - fm.height() / 2, left - 4, fm.height()),
        Qt::AlignRight | Qt::AlignVCenter, maxText);
    p.drawText(QRect(0, plot.bottom() - fm.height() / 2, left - 4, fm.height()),
        Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    p.drawText(
        QRect(plot.left(), plot.bottom() + 2, plot.width(), fm.height()), Qt::AlignLeft, tr("token 2"));
    p.drawText(QRect(plot.left(), plot.bottom() + 2, plot.width(), fm.height()), Qt::AlignRight,
        tr("token %1").arg(m_gapsNs.size() + 1));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());

    // One bar per gap; when gaps outnumber pixels, the tallest gap of each column wins (a stall
    // must never be averaged away).
    const int n = int(m_gapsNs.size());
    const double perGap = double(plot.width()) / n;
    const QColor bar = phaseStyle(Phase::Streaming).fill;
    std::vector<QRect> rects;
    int column = -1;
    qint64 worst = 0;
    int columnStart = 0;
    int columnEnd = 0;
    const auto flush = [&]() {
        if (column < 0)
            return;
        const int h = std::max(1, int(double(worst) / double(std::max<qint64>(1, m_maxNs)) * plot.height()));
        rects.emplace_back(columnStart, plot.bottom() - h + 1, std::max(1, columnEnd - columnStart), h);
    };
    for (int i = 0; i < n; ++i) {
        const int x0 = plot.left() + int(i * perGap);
        const int x1 = plot.left() + int((i + 1) * perGap) - (perGap >= 4 ? 1 : 0);
        if (x0 != column) {
            flush();
            column = x0;
            columnStart = x0;
            worst = 0;
        }
        columnEnd = std::max(x1, x0 + 1);
        worst = std::max(worst, m_gapsNs[size_t(i)]);
    }
    flush();
    p.setPen(Qt::NoPen);
    p.setBrush(bar);
    p.drawRects(rects.data(), int(rects.size()));

    const int medianY
        = plot.bottom() - int(double(m_medianNs) / double(std::max<qint64>(1, m_maxNs)) * plot.height());
    p.setPen(QPen(QColor(0xe6, 0x7e, 0x22), 1, Qt::DashLine));
    p.drawLine(plot.left(), medianY, plot.right(), medianY);
    // The label sits on a pale box so the bars behind it do not hide it.
    const QString median = tr("median %1").arg(formatDuration(m_medianNs, QLocale()));
    const int w = fm.horizontalAdvance(median) + 8;
    const int labelY = std::max(plot.top(), medianY - fm.height() - 2);
    const QRect label(plot.right() - w, labelY, w, fm.height());
    QColor pale = palette().color(QPalette::Base);
    pale.setAlpha(220);
    p.fillRect(label, pale);
    p.setPen(QColor(0xb3, 0x5a, 0x00));
    p.drawText(label, Qt::AlignCenter, median);
}

} // namespace BurgerBench
