#pragma once

// Pixel helpers the GUI tests share to check what is drawn.

#include <QColor>
#include <QHash>
#include <QImage>
#include <QRect>

namespace TestPixels {

// The share of the pixels of `box` that are exactly `colour`.
inline double share(const QImage &image, const QRect &box, const QColor &colour)
{
    int hits = 0;
    int total = 0;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        for (int x = box.left(); x <= box.right(); ++x) {
            ++total;
            hits += QColor(image.pixel(x, y)).rgb() == colour.rgb() ? 1 : 0;
        }
    }
    return total ? double(hits) / total : 0;
}

// The most common colour of the 3×3 pixels around (x, y): a tick or an edge under the point
// does not decide it.
inline QColor colourAt(const QImage &image, int x, int y)
{
    QHash<QRgb, int> counts;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
            ++counts[image.pixel(x + dx, y + dy) & 0xffffff];
    QRgb best = 0;
    int n = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > n) {
            n = it.value();
            best = it.key();
        }
    }
    return QColor(best);
}

} // namespace TestPixels
