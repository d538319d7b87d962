#include "gui/sweepcurve.h"

#include "report/htmlformat.h"
#include "sweep/sweepspec.h"

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

// The HTML sweep page's colours (sweep/sweephtml.cpp), so the two curves read alike.
const QColor MeasuredColour(0x4e, 0x59, 0x93);
const QColor P99Colour(0x86, 0x3f, 0xb0);
const QColor AxisColour(0x55, 0x5b, 0x66);
const QColor GridColour(0xe4, 0xe6, 0xea);

constexpr int MarginLeft = 58;
constexpr int MarginRight = 18;
constexpr int MarginBottom = 42;
constexpr int TitleTop = 6;
constexpr double HitRadius = 9;

QString tickText(double v, double step)
{
    const int decimals = step >= 1 ? 0 : std::min(6, int(std::ceil(-std::log10(step) - 1e-9)));
    return QLocale().toString(v, 'f', decimals);
}

bool finite(double v)
{
    return std::isfinite(v);
}

} // namespace

void SweepChartAxes::niceRange(double v, double *max, double *step)
{
    if (!(v > 0) || !std::isfinite(v))
        v = 1;
    double s = HtmlFormat::niceStep(v, 5);
    if (!(s > 0))
        s = v / 5;
    *step = s;
    *max = std::ceil(v / s - 1e-9) * s;
    if (*max < v)
        *max += s;
}

SweepCurve::SweepCurve(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SweepCurve::setResult(const SweepResult *result)
{
    m_result = result;
    m_selected = -1;
    m_hover = -1;
    refresh();
}

void SweepCurve::setTheory(const SweepCurveTheory &theory)
{
    m_theory = theory;
    refresh();
}

void SweepCurve::refresh()
{
    layoutAxes();
    update();
}

void SweepCurve::setSelectedPoint(int point)
{
    if (m_selected == point)
        return;
    m_selected = point;
    update();
}

QString SweepCurve::seriesName(int series) const
{
    if (m_kind == Kind::Throughput)
        return tr("achieved requests/s");
    return series == 0 ? tr("TTFT p50") : tr("TTFT p99");
}

QColor SweepCurve::seriesColour(int series) const
{
    return m_kind == Kind::Latency && series == 1 ? P99Colour : MeasuredColour;
}

QString SweepCurve::title() const
{
    return m_kind == Kind::Throughput ? tr("Served against offered")
                                      : tr("Time to first token against served");
}

QString SweepCurve::xLabel() const
{
    if (m_kind == Kind::Latency)
        return tr("achieved requests/s");
    if (!m_result)
        return tr("offered load");
    if (m_result->profile == SweepProfile::Auto)
        return tr("offered requests/s (closed-loop steps at the rate they achieved)");
    return m_result->over == SweepOver::Rate ? tr("offered requests/s")
                                             : tr("offered concurrency (requests in flight)");
}

QString SweepCurve::yLabel() const
{
    return m_kind == Kind::Throughput ? tr("requests/s") : tr("ms");
}

double SweepCurve::offeredX(const SweepPoint &point) const
{
    if (point.over == SweepOver::Rate)
        return point.value;
    // A closed loop offers what it achieves; on auto's rate axis it sits at that rate.
    if (m_result && m_result->profile == SweepProfile::Auto)
        return point.requestThroughput.mean;
    return point.value;
}

bool SweepCurve::pointValue(int point, int series, double *x, double *y) const
{
    if (!m_result || point < 0 || point >= m_result->points.size() || series < 0 || series >= seriesCount())
        return false;
    const SweepPoint &p = m_result->points.at(point);
    if (m_kind == Kind::Throughput) {
        *x = offeredX(p);
        *y = p.requestThroughput.mean;
    } else {
        const MeanInterval &ttft = series == 0 ? p.ttftP50 : p.ttftP99;
        if (ttft.n <= 0)
            return false;
        *x = p.requestThroughput.mean;
        *y = ttft.mean;
    }
    return finite(*x) && finite(*y) && *x >= 0 && *y >= 0;
}

QPointF SweepCurve::pointPosition(int point, int series) const
{
    double x = 0;
    double y = 0;
    if (!pointValue(point, series, &x, &y))
        return {};
    return m_axes.toPixel(x, y);
}

int SweepCurve::pointAt(const QPointF &pos) const
{
    if (!m_result)
        return -1;
    int best = -1;
    double bestD = HitRadius;
    for (int i = 0; i < m_result->points.size(); ++i) {
        for (int s = 0; s < seriesCount(); ++s) {
            double x = 0;
            double y = 0;
            if (!pointValue(i, s, &x, &y))
                continue;
            const QPointF c = m_axes.toPixel(x, y);
            const double d = std::hypot(c.x() - pos.x(), c.y() - pos.y());
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
    }
    return best;
}

QList<QPair<double, QString>> SweepCurve::ttftSloLines() const
{
    QList<QPair<double, QString>> lines;
    if (!m_result)
        return lines;
    for (const QString &text : m_result->slo) {
        Threshold t;
        QString error;
        // The report keeps each rule as written; read back, a TTFT rule gives its line (ms).
        if (parseSloRule(text, &t, &error) && t.metric == QLatin1String("ttft") && finite(t.value))
            lines.append({ t.value, text });
    }
    return lines;
}

void SweepCurve::layoutAxes()
{
    const QFontMetrics fm(font());
    const int titleH = fm.height() + 4;
    // The legend sits in one row under the title, two when the chart is too narrow for it (the
    // painter wraps it the same way).
    const int legendRowH = fm.height() + 4;
    int legendW = 0;
    for (int s = 0; s < seriesCount(); ++s)
        legendW += fm.horizontalAdvance(seriesName(s)) + 34;
    legendW += m_theory.known ? fm.horizontalAdvance(tr("theory")) + 34 : 0;
    legendW += fm.horizontalAdvance(tr("saturated")) + 34;
    const int available = std::max(1, width() - MarginLeft - MarginRight);
    const int rows = legendW > available ? 2 : 1;
    const int top = TitleTop + titleH + rows * legendRowH + 6;
    m_axes.plot = QRectF(MarginLeft, top, std::max(10, width() - MarginLeft - MarginRight),
        std::max(10, height() - top - MarginBottom));

    double xMax = 0;
    double yMax = 0;
    if (m_result) {
        for (int i = 0; i < m_result->points.size(); ++i) {
            for (int s = 0; s < seriesCount(); ++s) {
                double x = 0;
                double y = 0;
                if (!pointValue(i, s, &x, &y))
                    continue;
                xMax = std::max(xMax, x);
                yMax = std::max(yMax, y);
            }
        }
        if (m_kind == Kind::Throughput && m_result->capacity.searched
            && m_result->capacity.over == m_result->over) {
            for (double v : { m_result->capacity.value, m_result->capacity.hi })
                if (finite(v))
                    xMax = std::max(xMax, v);
        }
        if (m_kind == Kind::Latency) {
            for (const auto &line : ttftSloLines())
                yMax = std::max(yMax, line.first);
        }
    }
    if (m_theory.known && m_theory.ceiling > 0) {
        if (m_kind == Kind::Throughput)
            yMax = std::max(yMax, m_theory.ceiling);
        else
            xMax = std::max(xMax, m_theory.ceiling);
    }
    SweepChartAxes::niceRange(xMax * 1.05, &m_axes.xMax, &m_axes.xStep);
    SweepChartAxes::niceRange(yMax * 1.1, &m_axes.yMax, &m_axes.yStep);
}

void SweepCurve::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetrics fm(font());
    const QRectF plot = m_axes.plot;
    const QColor text = palette().color(QPalette::Text);

    // Title, then the legend.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(text);
    p.drawText(QPointF(MarginLeft, TitleTop + fm.ascent()), title());
    p.setFont(font());
    {
        double x = MarginLeft;
        double y = TitleTop + fm.height() + 4 + fm.ascent();
        auto advance = [&](int w) {
            if (x + w > width() - MarginRight && x > MarginLeft) {
                x = MarginLeft;
                y += fm.height() + 4;
            }
        };
        for (int s = 0; s < seriesCount(); ++s) {
            const QString name = seriesName(s);
            advance(fm.horizontalAdvance(name) + 34);
            p.setPen(Qt::NoPen);
            p.setBrush(seriesColour(s));
            p.drawEllipse(QPointF(x + 6, y - fm.ascent() / 2.0 + 1), PointRadius, PointRadius);
            p.setPen(text);
            p.drawText(QPointF(x + 16, y), name);
            x += fm.horizontalAdvance(name) + 34;
        }
        if (m_theory.known) {
            const QString name = tr("theory");
            advance(fm.horizontalAdvance(name) + 34);
            p.setPen(QPen(theoryColour(), 1.6, Qt::DashLine));
            p.drawLine(QPointF(x, y - fm.ascent() / 2.0 + 1), QPointF(x + 12, y - fm.ascent() / 2.0 + 1));
            p.setPen(text);
            p.drawText(QPointF(x + 16, y), name);
            x += fm.horizontalAdvance(name) + 34;
        }
        const QString sat = tr("saturated");
        advance(fm.horizontalAdvance(sat) + 34);
        p.setPen(QPen(saturatedColour(), 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(x + 6, y - fm.ascent() / 2.0 + 1), 5.5, 5.5);
        p.setPen(text);
        p.drawText(QPointF(x + 16, y), sat);
    }

    // Grid and ticks.
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(GridColour, 1));
    for (double v = m_axes.yStep; v <= m_axes.yMax + 1e-9; v += m_axes.yStep)
        p.drawLine(QPointF(plot.left(), m_axes.yToPixel(v)), QPointF(plot.right(), m_axes.yToPixel(v)));
    for (double v = m_axes.xStep; v <= m_axes.xMax + 1e-9; v += m_axes.xStep)
        p.drawLine(QPointF(m_axes.xToPixel(v), plot.top()), QPointF(m_axes.xToPixel(v), plot.bottom()));
    p.setPen(QPen(AxisColour, 1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    for (double v = 0; v <= m_axes.yMax + 1e-9; v += m_axes.yStep) {
        const QString t = tickText(v, m_axes.yStep);
        const double y = m_axes.yToPixel(v);
        p.drawText(QRectF(0, y - fm.height() / 2.0, MarginLeft - 6, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, t);
    }
    for (double v = 0; v <= m_axes.xMax + 1e-9; v += m_axes.xStep) {
        const QString t = tickText(v, m_axes.xStep);
        const double x = m_axes.xToPixel(v);
        p.drawText(QRectF(x - 40, plot.bottom() + 3, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop, t);
    }
    p.drawText(QRectF(plot.left(), plot.bottom() + fm.height() + 5, plot.width(), fm.height()),
        Qt::AlignHCenter | Qt::AlignTop, fm.elidedText(xLabel(), Qt::ElideRight, int(plot.width())));
    p.save();
    p.translate(12, plot.center().y());
    p.rotate(-90);
    p.drawText(
        QRectF(-plot.height() / 2, -fm.ascent(), plot.height(), fm.height() + 2), Qt::AlignHCenter, yLabel());
    p.restore();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setClipRect(
        plot.adjusted(-SaturatedRingRadius - 2, -SaturatedRingRadius - 2, SaturatedRingRadius + 2, 2));

    // A search's bracket (shaded) and capacity (a line), under everything else.
    if (m_result && m_result->capacity.searched) {
        const SweepCapacity &c = m_result->capacity;
        p.setPen(Qt::NoPen);
        if (m_kind == Kind::Throughput && c.over == m_result->over && finite(c.lo) && finite(c.hi)) {
            QColor shade = capacityColour();
            shade.setAlphaF(0.14);
            const double x0 = m_axes.xToPixel(c.lo);
            const double x1 = m_axes.xToPixel(c.hi);
            p.fillRect(QRectF(x0, plot.top(), std::max(1.0, x1 - x0), plot.height()), shade);
        }
        double capX = std::nan("");
        if (m_kind == Kind::Throughput && c.over == m_result->over)
            capX = c.value;
        else if (m_kind == Kind::Latency) {
            for (const SweepPoint &pt : m_result->points)
                if (pt.over == c.over && pt.value == c.value)
                    capX = pt.requestThroughput.mean;
        }
        if (finite(capX)) {
            const double x = m_axes.xToPixel(capX);
            p.setPen(QPen(capacityColour(), 1.8));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            p.drawText(QPointF(x + 4, plot.top() + fm.ascent() + 2), tr("capacity"));
        }
    }

    // The theory: the ceiling S/T and the ideal curve under it.
    if (m_theory.known && m_result) {
        p.setPen(QPen(theoryColour(), 1.6, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        const double c = m_theory.ceiling;
        if (m_kind == Kind::Throughput) {
            QPainterPath path;
            path.moveTo(m_axes.toPixel(0, 0));
            const bool closed
                = m_result->over == SweepOver::Concurrency && m_result->profile != SweepProfile::Auto;
            // Open loop: achieved = offered up to the ceiling; a closed loop of n: n / T.
            const double slope = closed ? (m_theory.serviceS > 0 ? 1 / m_theory.serviceS : 0) : 1;
            if (c > 0 && slope > 0) {
                const double knee = c / slope;
                if (knee < m_axes.xMax) {
                    path.lineTo(m_axes.toPixel(knee, c));
                    path.lineTo(m_axes.toPixel(m_axes.xMax, c));
                } else {
                    path.lineTo(m_axes.toPixel(m_axes.xMax, m_axes.xMax * slope));
                }
            } else if (slope > 0) {
                path.lineTo(m_axes.toPixel(m_axes.xMax, m_axes.xMax * slope));
            }
            p.drawPath(path);
            if (c > 0) {
                const QString label = tr("ceiling S/T = %1/s").arg(QLocale().toString(c, 'f', 1));
                p.setPen(theoryColour().darker(130));
                const double y = m_axes.yToPixel(c);
                p.drawText(QPointF(plot.right() - fm.horizontalAdvance(label) - 4, y - 4), label);
            }
        } else if (c > 0) {
            const double x = m_axes.xToPixel(c);
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            const QString label = tr("ceiling %1/s").arg(QLocale().toString(c, 'f', 1));
            p.setPen(theoryColour().darker(130));
            const double lx = std::max(plot.left() + 2, x - fm.horizontalAdvance(label) - 4);
            p.drawText(QPointF(lx, plot.top() + fm.ascent() + 2), label);
        }
    }

    // SLO lines (latency chart: rules on TTFT).
    if (m_kind == Kind::Latency) {
        for (const auto &line : ttftSloLines()) {
            const double y = m_axes.yToPixel(line.first);
            p.setPen(QPen(sloColour(), 1.5, Qt::DashLine));
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            p.setPen(sloColour().darker(120));
            p.drawText(QPointF(plot.left() + 4, y - 4), tr("SLO %1").arg(line.second));
        }
    }

    if (!m_result || m_result->points.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("The curve grows here as the steps finish."));
        return;
    }

    // The measured series: lines between points in order of x, then the markers.
    for (int s = 0; s < seriesCount(); ++s) {
        QList<QPointF> pts;
        for (int i = 0; i < m_result->points.size(); ++i) {
            double x = 0;
            double y = 0;
            if (pointValue(i, s, &x, &y))
                pts.append(m_axes.toPixel(x, y));
        }
        std::sort(pts.begin(), pts.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
        QColor line = seriesColour(s);
        line.setAlphaF(0.55);
        p.setPen(QPen(line, 1.6));
        for (int i = 1; i < pts.size(); ++i)
            p.drawLine(pts[i - 1], pts[i]);
    }
    for (int i = 0; i < m_result->points.size(); ++i) {
        const SweepPoint &pt = m_result->points.at(i);
        for (int s = 0; s < seriesCount(); ++s) {
            double x = 0;
            double y = 0;
            if (!pointValue(i, s, &x, &y))
                continue;
            const QPointF c = m_axes.toPixel(x, y);
            // A 95% interval of the repeats, as a whisker.
            const MeanInterval &iv = m_kind == Kind::Throughput ? pt.requestThroughput
                : s == 0                                        ? pt.ttftP50
                                                                : pt.ttftP99;
            if (iv.n > 1 && iv.halfWidth > 0) {
                p.setPen(QPen(seriesColour(s), 1.2));
                p.drawLine(m_axes.toPixel(x, std::max(0.0, iv.lo)), m_axes.toPixel(x, iv.hi));
            }
            if (pt.saturated) {
                p.setPen(QPen(saturatedColour(), 2.2));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, SaturatedRingRadius, SaturatedRingRadius);
            }
            p.setPen(QPen(seriesColour(s), 1.6));
            // Missed the SLO: hollow.
            p.setBrush(pt.meetsSlo ? QBrush(seriesColour(s)) : QBrush(palette().color(QPalette::Base)));
            p.drawEllipse(c, PointRadius, PointRadius);
            if (i == m_selected || i == m_hover) {
                p.setPen(QPen(text, 1.2, i == m_selected ? Qt::SolidLine : Qt::DotLine));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, PointRadius + 3, PointRadius + 3);
            }
        }
    }
}

void SweepCurve::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutAxes();
}

void SweepCurve::mouseMoveEvent(QMouseEvent *event)
{
    const int point = pointAt(event->position());
    if (point != m_hover) {
        m_hover = point;
        setCursor(point >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    if (point < 0 || !m_result) {
        QToolTip::hideText();
        return;
    }
    const SweepPoint &pt = m_result->points.at(point);
    const QString level = pt.over == SweepOver::Rate
        ? tr("rate %1/s").arg(QLocale().toString(pt.value, 'g', 4))
        : tr("concurrency %1").arg(QLocale().toString(pt.value, 'f', 0));
    QString tip
        = tr("%1: %2 requests/s served, TTFT p50 %3 ms, p99 %4 ms")
              .arg(level, QLocale().toString(pt.requestThroughput.mean, 'f', 2),
                  QLocale().toString(pt.ttftP50.mean, 'f', 1), QLocale().toString(pt.ttftP99.mean, 'f', 1));
    if (pt.saturated)
        tip += QLatin1Char('\n') + tr("Saturated: the line grew through the step.");
    if (!pt.meetsSlo)
        tip += QLatin1Char('\n') + tr("Missed the SLO.");
    tip += QLatin1Char('\n') + tr("Click: show this step's timeline in the main window.");
    QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

void SweepCurve::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const int point = pointAt(event->position());
    if (point < 0)
        return;
    setSelectedPoint(point);
    emit pointClicked(point);
}

void SweepCurve::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
