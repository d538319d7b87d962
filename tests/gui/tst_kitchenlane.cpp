#include "render/kitchenlane.h"
#include "render/timelineindex.h"
#include "render/timelinepainter.h"
#include "trace/runtrace.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace BurgerBench;

namespace {

ServerSeries gauge(const QString &metric, std::vector<std::pair<qint64, double>> samples)
{
    ServerSeries s;
    s.name = QStringLiteral("vllm:") + metric;
    s.family = s.name;
    s.metric = metric;
    s.kind = QStringLiteral("gauge");
    s.samples = std::move(samples);
    return s;
}

// A run of one second whose server held 4 cooking and 28 waiting from 100 ms to 600 ms, then 4
// cooking and none waiting to 900 ms, then nothing.
RunTrace kitchenTrace()
{
    RunTrace t;
    t.measuredStartNs = 0;
    t.endNs = 1'000'000'000;
    RequestRecord r;
    r.dispatchNs = 0;
    r.endNs = 1'000'000'000;
    r.outcome = Outcome::Success;
    r.httpStatus = 200;
    r.tokenNs = { 500'000'000 };
    t.requests.push_back(r);
    ServerMetricsRecord &m = t.serverMetrics;
    m.url = QStringLiteral("http://127.0.0.1:1/metrics");
    m.intervalMs = 100;
    m.series.push_back(gauge(
        QStringLiteral("running"), { { 0, 0 }, { 100'000'000, 4 }, { 600'000'000, 4 }, { 900'000'000, 0 } }));
    m.series.push_back(gauge(QStringLiteral("waiting"),
        { { 0, 0 }, { 100'000'000, 28 }, { 600'000'000, 0 }, { 900'000'000, 0 } }));
    m.series.push_back(gauge(QStringLiteral("kv_cache_usage"), { { 0, 0 }, { 100'000'000, 0.031 } }));
    return t;
}

int countColour(const QImage &image, const QRect &area, const QColor &colour)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            n += image.pixelColor(x, y) == colour ? 1 : 0;
    }
    return n;
}

} // namespace

class tst_KitchenLane : public QObject
{
    Q_OBJECT

private slots:
    void drawnUnderTheLoopLane();
    void absentWithoutScrapes();
    void twoModelsAreSummed();
};

// The lane is laid out under the event-loop lane and draws what the server said: orange (waiting)
// exactly while 28 waited, green (cooking) while 4 cooked, nothing after; its caption names the peaks.
void tst_KitchenLane::drawnUnderTheLoopLane()
{
    const RunTrace t = kitchenTrace();
    QCOMPARE(kitchenCaption(t.serverMetrics),
        QStringLiteral("kitchen: cooking 4, waiting 28, KV cache 3% (peaks)"));
    QImage image(900, 400, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    TimelineRenderOptions options;
    options.toNs = 1'000'000'000;
    const TimelineIndex index(t);
    QPainter painter(&image);
    const TimelineLayout layout = timelineLayout(image.rect(), painter.font(), t, index, options);
    paintTimeline(&painter, layout, t, index, options);
    painter.end();

    QVERIFY(!layout.kitchenLane.isEmpty());
    QVERIFY(!layout.loopLane.isEmpty());
    QVERIFY(layout.kitchenLane.top() > layout.loopLane.bottom());
    QVERIFY(layout.requestTop > layout.kitchenLane.bottom());
    // Below the caption: the bottom half of the lane, in three stretches of time.
    const QRect lane = layout.kitchenLane;
    auto band = [&](qint64 from, qint64 to) {
        const int x0 = int(layout.timeToX(from)) + 2;
        const int x1 = int(layout.timeToX(to)) - 2;
        return QRect(x0, lane.top() + lane.height() / 2, x1 - x0 + 1, lane.height() / 2);
    };
    const QRect queued = band(100'000'000, 600'000'000);
    const QRect cookingOnly = band(600'000'000, 900'000'000);
    const QRect idle = band(900'000'000, 1'000'000'000);
    // Under the caption, above the cooks: 28 of 32 units are orange, so a full column's middle is.
    const QRect queuedTop(queued.left(), lane.top() + lane.height() / 2, queued.width(), lane.height() / 4);
    QVERIFY2(
        countColour(image, queuedTop, kitchenWaitingColor()) > queuedTop.width() * queuedTop.height() / 2,
        "no orange where 28 waited");
    QCOMPARE(countColour(image, cookingOnly, kitchenWaitingColor()), 0);
    QVERIFY2(countColour(image, cookingOnly, kitchenCookingColor()) > cookingOnly.width(),
        "no green where 4 cooked");
    QCOMPARE(countColour(image, idle, kitchenWaitingColor()), 0);
    QCOMPARE(countColour(image, idle, kitchenCookingColor()), 0);
}

void tst_KitchenLane::absentWithoutScrapes()
{
    RunTrace t = kitchenTrace();
    t.serverMetrics = ServerMetricsRecord();
    const TimelineIndex index(t);
    QImage image(900, 400, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    TimelineRenderOptions options;
    QVERIFY(timelineLayout(image.rect(), painter.font(), t, index, options).kitchenLane.isEmpty());
    options.showKitchenLane = false;
    const RunTrace scraped = kitchenTrace();
    const TimelineIndex scrapedIndex(scraped);
    QVERIFY(
        timelineLayout(image.rect(), painter.font(), scraped, scrapedIndex, options).kitchenLane.isEmpty());
}

// A server that reports two models (two label sets per series): the lane draws the kitchen's total,
// so splitting 4 cooking and 28 waiting over two models draws what one model with those numbers
// does; the caption names the totals, then each model's peaks.
void tst_KitchenLane::twoModelsAreSummed()
{
    const RunTrace one = kitchenTrace();
    RunTrace two = one;
    two.serverMetrics.series.clear();
    for (const QString &model : { QStringLiteral("a"), QStringLiteral("b") }) {
        for (ServerSeries s : one.serverMetrics.series) {
            s.labels = { { QStringLiteral("engine"), QStringLiteral("0") },
                { QStringLiteral("model_name"), model } };
            if (s.metric != QLatin1String("kv_cache_usage")) {
                for (auto &sample : s.samples)
                    sample.second /= 2;
            }
            two.serverMetrics.series.push_back(s);
        }
    }
    QCOMPARE(kitchenCaption(two.serverMetrics),
        QStringLiteral("kitchen: cooking 4, waiting 28, KV cache 3% (peaks, 2 label sets summed; "
                       "model_name=a: cooking 2, waiting 14; model_name=b: cooking 2, waiting 14)"));
    auto render = [](const RunTrace &t, QRect *lane) {
        QImage image(900, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        TimelineRenderOptions options;
        options.toNs = 1'000'000'000;
        const TimelineIndex index(t);
        QPainter painter(&image);
        const TimelineLayout layout = timelineLayout(image.rect(), painter.font(), t, index, options);
        paintTimeline(&painter, layout, t, index, options);
        *lane = layout.kitchenLane;
        return image;
    };
    QRect laneOne, laneTwo;
    const QImage a = render(one, &laneOne);
    const QImage b = render(two, &laneTwo);
    QCOMPARE(laneTwo, laneOne);
    // Under the caption: the same columns, pixel for pixel, and some of them the line's colour.
    const QRect below(
        laneOne.left(), laneOne.top() + laneOne.height() / 2, laneOne.width(), laneOne.height() / 2);
    QCOMPARE(b.copy(below), a.copy(below));
    QVERIFY(countColour(b, below, kitchenWaitingColor()) > 0);
    QVERIFY(countColour(b, below, kitchenCookingColor()) > 0);
}

QTEST_MAIN(tst_KitchenLane)
#include "tst_kitchenlane.moc"
