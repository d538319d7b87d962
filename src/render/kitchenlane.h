#pragma once

#include <QColor>
#include <QLocale>
#include <QString>

class QPainter;
class QRect;

namespace BurgerBench {

struct ServerMetricsRecord;
struct TimelineLayout;

// The server's own queue under the event-loop lane ("kitchen": the cooks are the server's running
// sequences, the line in front of them its waiting requests), from the scraped /metrics
// (RunTrace::serverMetrics): cooking as a dark teal step area, waiting stacked on it in pale sand, both
// to the lane's peak of cooking + waiting; a caption names the peaks and the KV cache's.
bool hasKitchenLane(const ServerMetricsRecord &metrics); // a running or waiting series was scraped
// `locale` formats the caption's numbers (TimelineRenderOptions::locale).
void paintKitchenLane(QPainter *painter, const QRect &lane, const TimelineLayout &layout,
    const ServerMetricsRecord &metrics, const QLocale &locale = QLocale::c());
QString kitchenLaneName(); // "kitchen"
// "kitchen: cooking 4, waiting 28, KV cache 3%" (the peaks; parts without a series left out).
QString kitchenCaption(const ServerMetricsRecord &metrics, const QLocale &locale = QLocale::c());
QColor kitchenCookingColor();
QColor kitchenWaitingColor();

} // namespace BurgerBench
