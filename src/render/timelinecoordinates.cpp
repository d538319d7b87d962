#include "render/timelinecoordinates.h"

#include <QtMath>

#include <cmath>

namespace BurgerBench {

namespace {
double spanOf(qint64 fromNs, qint64 toNs)
{
    return toNs > fromNs ? double(toNs - fromNs) : 1.0;
}
} // namespace

double timeToPixel(qint64 timeNs, qint64 fromNs, qint64 toNs, double left, double width)
{
    return left + double(timeNs - fromNs) * width / spanOf(fromNs, toNs);
}

qint64 pixelToTime(double x, qint64 fromNs, qint64 toNs, double left, double width)
{
    if (width <= 0)
        return fromNs;
    return fromNs + qint64(std::llround((x - left) * spanOf(fromNs, toNs) / width));
}

int laneAt(double y, double top, double laneHeight, int firstLane, int laneCount)
{
    if (laneHeight <= 0 || y < top)
        return -1;
    const double lane = std::floor((y - top) / laneHeight) + firstLane;
    if (lane < 0 || lane >= laneCount)
        return -1;
    return int(lane);
}

double laneTop(int lane, double top, double laneHeight, int firstLane)
{
    return top + double(lane - firstLane) * laneHeight;
}

qint64 tickStep(qint64 rangeNs, double width, double minPixelsPerTick)
{
    if (rangeNs <= 0 || width <= 0)
        return 1;
    const double maxTicks = qMax(1.0, width / qMax(1.0, minPixelsPerTick));
    const double raw = double(rangeNs) / maxTicks;
    double magnitude = std::pow(10.0, std::floor(std::log10(qMax(raw, 1.0))));
    for (;;) {
        for (double m : { 1.0, 2.0, 5.0 }) {
            if (m * magnitude >= raw)
                return qMax<qint64>(1, qint64(std::llround(m * magnitude)));
        }
        magnitude *= 10;
    }
}

void zoomAround(qint64 anchorNs, double factor, qint64 minSpanNs, qint64 *fromNs, qint64 *toNs)
{
    const double span = spanOf(*fromNs, *toNs);
    double newSpan = qMax(double(qMax<qint64>(1, minSpanNs)), span * factor);
    const double before = double(anchorNs - *fromNs) / span;
    const qint64 newFrom = anchorNs - qint64(std::llround(before * newSpan));
    *fromNs = newFrom;
    *toNs = newFrom + qint64(std::llround(newSpan));
}

} // namespace BurgerBench
