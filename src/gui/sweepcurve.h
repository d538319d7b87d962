#pragma once

#include "sweep/sweepresult.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QWidget>

namespace BurgerBench {

// The axes of a sweep chart: linear, from 0 to a round maximum, and the plot rectangle they map
// onto. Pure maths, so a test computes where a value must be drawn without asking the widget.
struct SweepChartAxes
{
    QRectF plot; // widget coordinates
    double xMax = 1;
    double yMax = 1;
    double xStep = 1; // tick spacing
    double yStep = 1;

    QPointF toPixel(double x, double y) const
    {
        return { plot.left() + x / xMax * plot.width(), plot.bottom() - y / yMax * plot.height() };
    }
    double xToPixel(double x) const { return plot.left() + x / xMax * plot.width(); }
    double yToPixel(double y) const { return plot.bottom() - y / yMax * plot.height(); }
    // A round maximum at or above `v` (1, 2 or 5 × 10^k steps, about 5 ticks) and its step.
    static void niceRange(double v, double *max, double *step);
};

// What the built-in simulator's settings say the curve must be (the kitchen: S cooks, T seconds an
// order): the throughput ceiling S/T and, below it, achieved = offered (open loop) or c/T (closed
// loop of c). Unknown (a real target) when !known; S = 0 (unlimited) has no ceiling.
struct SweepCurveTheory
{
    bool known = false;
    int capacity = 0; // S, 0 = unlimited
    double serviceS = 0; // T
    double ceiling = 0; // S / T requests/s, 0 when unlimited
    // What T is made of: the first token, then (tokens - 1) intervals.
    double ttftMs = 0;
    double tokenIntervalMs = 0;
    double outputTokens = 0;
};

// One chart of a sweep, drawn with QPainter as the steps finish:
//   - Throughput: achieved requests/s (steady state, each point's mean) against the offered load
//     (requests/s for a rate profile, requests in flight for a concurrency profile; auto's
//     closed-loop steps at the rate they achieved, which is what a closed loop offers), with
//     the theory's curve and ceiling beside it, and a search's capacity and bracket;
//   - Latency: TTFT p50 and p99 (ms) against achieved requests/s, with the SLO rules on TTFT as
//     dashed lines and the ceiling as a vertical line.
// Saturated points have a red ring, points that missed the SLO are hollow. A click on a point
// emits pointClicked(point index into SweepResult::points).
class SweepCurve : public QWidget
{
    Q_OBJECT
public:
    enum class Kind : quint8 { Throughput, Latency };

    explicit SweepCurve(Kind kind, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    // Not owned; must outlive the chart or be replaced. Call refresh() when it changed.
    void setResult(const SweepResult *result);
    void setTheory(const SweepCurveTheory &theory);
    // The result grew (a step finished) or ended: recompute the axes and repaint.
    void refresh();
    // Outlines one point (the one whose step the main window shows); -1: none.
    void setSelectedPoint(int point);
    int selectedPoint() const { return m_selected; }

    // Where each series is drawn (tests, hit testing).
    const SweepChartAxes &axes() const { return m_axes; }
    int seriesCount() const { return m_kind == Kind::Throughput ? 1 : 2; }
    QString seriesName(int series) const;
    QColor seriesColour(int series) const;
    // The point's value on each axis; false when the point has none (e.g. no TTFT sample).
    bool pointValue(int point, int series, double *x, double *y) const;
    // The point's centre in widget coordinates; a null point when it has none.
    QPointF pointPosition(int point, int series = 0) const;
    // The point within a few pixels of `pos` (any series), -1 if none.
    int pointAt(const QPointF &pos) const;

    static QColor saturatedColour() { return QColor(0xc0, 0x39, 0x2b); }
    static QColor sloColour() { return QColor(0xd9, 0x8b, 0x00); }
    static QColor capacityColour() { return QColor(0x2e, 0x7d, 0x6f); }
    static QColor theoryColour() { return QColor(0x80, 0x86, 0x92); }
    static constexpr double PointRadius = 4.5;
    static constexpr double SaturatedRingRadius = 8;

    QSize sizeHint() const override { return { 560, 340 }; }
    QSize minimumSizeHint() const override { return { 300, 220 }; }

signals:
    void pointClicked(int point);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void layoutAxes();
    QString title() const;
    QString xLabel() const;
    QString yLabel() const;
    // The offered load of a point on the throughput chart's x axis.
    double offeredX(const SweepPoint &point) const;
    // The TTFT SLO values (ms) and their rule texts.
    QList<QPair<double, QString>> ttftSloLines() const;

    Kind m_kind;
    const SweepResult *m_result = nullptr; // not owned
    SweepCurveTheory m_theory;
    SweepChartAxes m_axes;
    int m_selected = -1;
    int m_hover = -1;
};

} // namespace BurgerBench
