#include "render/kitchenlane.h"

#include "render/legend.h"
#include "render/timelinepainter.h"
#include "trace/servermetrics.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

using Points = std::vector<std::pair<qint64, double>>;

double peak(const Points &points)
{
    double p = 0;
    for (const auto &s : points) {
        if (std::isfinite(s.second))
            p = std::max(p, s.second);
    }
    return p;
}

// The step function value of `points` at `t`: its last sample at or before t (0 before the first).
double valueAt(const Points &points, qint64 t)
{
    const auto it = std::upper_bound(points.begin(), points.end(), t,
        [](qint64 at, const std::pair<qint64, double> &s) { return at < s.first; });
    if (it == points.begin())
        return 0;
    const double v = std::prev(it)->second;
    return std::isfinite(v) ? std::max(0.0, v) : 0;
}

// A metric over all its label sets: the one series as it is, several summed (the whole kitchen).
Points total(const ServerMetricsRecord &metrics, const QString &metric)
{
    const std::vector<const ServerSeries *> all = metrics.findAll(metric);
    if (all.size() == 1)
        return all.front()->samples;
    return sumOfSeries(all);
}

// The highest peak over the label sets (a share like the KV cache's does not add up).
double highestPeak(const ServerMetricsRecord &metrics, const QString &metric)
{
    double p = 0;
    for (const ServerSeries *s : metrics.findAll(metric))
        p = std::max(p, peak(s->samples));
    return p;
}

} // namespace

// The legend's kitchen phases (trace/legendtable.h), so the lane has its legend entry.
QColor kitchenCookingColor()
{
    return phaseStyle(Phase::KitchenCooking).fill;
}

QColor kitchenWaitingColor()
{
    return phaseStyle(Phase::KitchenWaiting).fill;
}

bool hasKitchenLane(const ServerMetricsRecord &metrics)
{
    return metrics.find(QStringLiteral("running")) || metrics.find(QStringLiteral("waiting"));
}

QString kitchenLaneName()
{
    return QCoreApplication::translate("BurgerBench::Timeline", "kitchen");
}

QString kitchenCaption(const ServerMetricsRecord &metrics, const QLocale &locale)
{
    // Gauges summed over label sets can be fractional (an average running count).
    const auto shown = [&locale](double v) { return locale.toString(v, 'g', 6); };
    const QString running = QStringLiteral("running");
    const QString waiting = QStringLiteral("waiting");
    QStringList parts;
    if (metrics.find(running))
        parts << QCoreApplication::translate("BurgerBench::Timeline", "cooking %1")
                     .arg(shown(peak(total(metrics, running))));
    if (metrics.find(waiting))
        parts << QCoreApplication::translate("BurgerBench::Timeline", "waiting %1")
                     .arg(shown(peak(total(metrics, waiting))));
    if (metrics.find(QStringLiteral("kv_cache_usage")))
        parts << QCoreApplication::translate("BurgerBench::Timeline", "KV cache %1%")
                     .arg(std::lround(highestPeak(metrics, QStringLiteral("kv_cache_usage")) * 100));
    // Several label sets (a server with two models): the totals, then each one's own peaks.
    const std::vector<const ServerSeries *> queues
        = metrics.findAll(waiting).empty() ? metrics.findAll(running) : metrics.findAll(waiting);
    if (queues.size() < 2)
        return QCoreApplication::translate("BurgerBench::Timeline", "kitchen: %1 (peaks)")
            .arg(parts.join(QStringLiteral(", ")));
    const QStringList names = distinguishingLabels(queues);
    QStringList each;
    for (size_t i = 0; i < queues.size(); ++i) {
        const QString &key = names.at(qsizetype(i));
        QStringList own;
        for (const QString &metric : { running, waiting }) {
            for (const ServerSeries *s : metrics.findAll(metric)) {
                if (s->labels == queues[i]->labels) {
                    own << (metric == running
                            ? QCoreApplication::translate("BurgerBench::Timeline", "cooking %1")
                            : QCoreApplication::translate("BurgerBench::Timeline", "waiting %1"))
                               .arg(shown(peak(s->samples)));
                    break;
                }
            }
        }
        each << QStringLiteral("%1: %2").arg(key, own.join(QStringLiteral(", ")));
    }
    return QCoreApplication::translate(
        "BurgerBench::Timeline", "kitchen: %1 (peaks, %2 label sets summed; %3)")
        .arg(parts.join(QStringLiteral(", ")))
        .arg(int(queues.size()))
        .arg(each.join(QStringLiteral("; ")));
}

void paintKitchenLane(QPainter *painter, const QRect &lane, const TimelineLayout &layout,
    const ServerMetricsRecord &metrics, const QLocale &locale)
{
    const Points running = total(metrics, QStringLiteral("running"));
    const Points waiting = total(metrics, QStringLiteral("waiting"));
    painter->fillRect(lane, QColor(0xf4, 0xf4, 0xf4));
    painter->setPen(QColor(0x55, 0x55, 0x55));
    painter->drawText(
        QRect(layout.labelLeft, lane.top(), layout.plotRect.left() - layout.labelLeft - 6, lane.height()),
        Qt::AlignRight | Qt::AlignVCenter, kitchenLaneName());

    // One column at a time: the value at the column's start (a step function between scrapes).
    const double full = std::max(1.0, peak(running) + peak(waiting));
    const int height = lane.height() - 2;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int x = lane.left(); x <= lane.right(); ++x) {
        const qint64 t = layout.xToTime(x);
        const double cook = valueAt(running, t);
        const double wait = valueAt(waiting, t);
        const int cookH = int(std::lround(cook / full * height));
        const int waitH = int(std::lround(wait / full * height));
        const int base = lane.bottom();
        if (cookH > 0)
            painter->fillRect(QRect(x, base - cookH + 1, 1, cookH), kitchenCookingColor());
        if (waitH > 0)
            painter->fillRect(QRect(x, base - cookH - waitH + 1, 1, waitH), kitchenWaitingColor());
    }
    painter->restore();
    // The caption on a pale box, readable over the queue it describes.
    // Elided to the lane (a narrow window, long label sets), so it never ends mid-word unmarked.
    const QFontMetrics fm = painter->fontMetrics();
    const QString caption
        = fm.elidedText(kitchenCaption(metrics, locale), Qt::ElideRight, std::max(0, lane.width() - 8));
    const QRect box(lane.left() + 2, lane.top() + 1, fm.horizontalAdvance(caption) + 6, fm.height());
    painter->fillRect(box.intersected(lane), QColor(255, 255, 255, 200));
    painter->setPen(QColor(0x22, 0x22, 0x22));
    painter->drawText(lane.adjusted(4, 1, -4, 0), Qt::AlignLeft | Qt::AlignTop, caption);
}

} // namespace BurgerBench
