#pragma once

#include <QtGlobal>

namespace BurgerBench {

// Pure coordinate maths of the timeline, shared by the painter, the widget's hit testing and
// the exports, and tested on their own (tests/core/tst_timelinecoordinates.cpp).
// The visible time window is [fromNs, toNs]; it maps onto [left, left + width] pixels. A
// degenerate window (toNs <= fromNs) is treated as one nanosecond wide so nothing divides by 0.

double timeToPixel(qint64 timeNs, qint64 fromNs, qint64 toNs, double left, double width);
// Inverse of timeToPixel, rounded to the nearest nanosecond.
qint64 pixelToTime(double x, qint64 fromNs, qint64 toNs, double left, double width);

// Lanes are rows of `laneHeight` pixels (may be fractional when many lanes share a pixel row)
// starting at `top`, the first visible one being `firstLane`. Returns the lane index under y,
// or -1 above the first visible lane or at/after laneCount.
int laneAt(double y, double top, double laneHeight, int firstLane, int laneCount);
double laneTop(int lane, double top, double laneHeight, int firstLane);

// A "nice" tick step (1, 2 or 5 times a power of ten nanoseconds) so that ticks on a window of
// rangeNs drawn over `width` pixels are at least minPixelsPerTick apart.
qint64 tickStep(qint64 rangeNs, double width, double minPixelsPerTick);

// A zoom by `factor` (< 1 zooms in) around the time under `anchorNs`, which keeps its pixel.
// The result is clamped to at least minSpanNs wide.
void zoomAround(qint64 anchorNs, double factor, qint64 minSpanNs, qint64 *fromNs, qint64 *toNs);

} // namespace BurgerBench
