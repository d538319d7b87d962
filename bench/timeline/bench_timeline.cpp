#include "synthetictrace.h"

#include "render/timelineindex.h"
#include "render/timelinepainter.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace BurgerBench;

// Paint time of paintTimeline() for traces of growing size, zoomed out (everything visible: the
// per-pixel merging case) and zoomed in (one second: the visible-window case). The image is
// 1600x900, like a maximised window. Set BURGERBENCH_BENCH_DUMP=dir to save each picture.
class bench_Timeline : public QObject
{
    Q_OBJECT
private slots:
    void paint_data();
    void paint();
    void buildIndex_data();
    void buildIndex();

private:
    static SyntheticTraceSpec specFor(int spans, bool slots);
    static RunTrace traceWithSpans(int spans, bool bySlot);
};

RunTrace bench_Timeline::traceWithSpans(int spans, bool bySlot)
{
    // Loop spans of concurrent streams merge when they touch, so scale the request count until
    // the trace really holds the number of spans asked for.
    SyntheticTraceSpec spec = specFor(spans, bySlot);
    RunTrace trace = makeSyntheticTrace(spec);
    for (int round = 0; round < 4 && spanCount(trace) < spans; ++round) {
        spec.requests = int(double(spec.requests) * double(spans) / double(spanCount(trace))) + 1;
        trace = makeSyntheticTrace(spec);
    }
    return trace;
}

SyntheticTraceSpec bench_Timeline::specFor(int spans, bool bySlot)
{
    SyntheticTraceSpec spec;
    // Each request draws 4 phases + 16 token ticks + ~17 loop spans = ~37 spans.
    spec.tokens = 16;
    spec.requests = std::max(1, spans / 37);
    spec.concurrency = bySlot ? 64 : std::min(1000, std::max(8, spec.requests / 10));
    spec.ttftMs = 80;
    spec.tokenIntervalMs = 8;
    spec.workers = 0;
    return spec;
}

void bench_Timeline::paint_data()
{
    QTest::addColumn<int>("spans");
    QTest::addColumn<bool>("laneByRequest");
    QTest::addColumn<bool>("zoomed");
    for (int spans : { 10'000, 100'000, 1'000'000 }) {
        const QByteArray n = spans >= 1'000'000 ? QByteArray("1M") : QByteArray::number(spans / 1000) + "k";
        QTest::newRow(QByteArray(n + " spans, lane per request, all").constData()) << spans << true << false;
        QTest::newRow(QByteArray(n + " spans, lane per request, 1 s").constData()) << spans << true << true;
        QTest::newRow(QByteArray(n + " spans, lane per slot, all").constData()) << spans << false << false;
        QTest::newRow(QByteArray(n + " spans, lane per slot, 1 s").constData()) << spans << false << true;
    }
}

void bench_Timeline::paint()
{
    QFETCH(int, spans);
    QFETCH(bool, laneByRequest);
    QFETCH(bool, zoomed);
    const RunTrace trace = traceWithSpans(spans, !laneByRequest);
    const TimelineIndex index(trace);
    QImage image(1600, 900, QImage::Format_ARGB32_Premultiplied);
    TimelineRenderOptions options;
    options.laneByRequest = laneByRequest;
    options.title = QStringLiteral("%1 spans").arg(spanCount(trace));
    if (zoomed) {
        options.fromNs = trace.endNs / 2;
        options.toNs = options.fromNs + 1'000'000'000;
    }
    QPainter painter(&image);
    const TimelineLayout layout = timelineLayout(image.rect(), painter.font(), trace, index, options);
    QBENCHMARK
    {
        paintTimeline(&painter, layout, trace, index, options);
    }
    painter.end();
    const QByteArray dir = qgetenv("BURGERBENCH_BENCH_DUMP");
    if (!dir.isEmpty())
        image.save(QString::fromLocal8Bit(dir) + QLatin1Char('/')
            + QString::fromLatin1(QTest::currentDataTag())
                  .replace(QLatin1Char(' '), QLatin1Char('_'))
                  .remove(QLatin1Char(','))
            + QStringLiteral(".png"));
    QVERIFY(spanCount(trace) >= spans);
}

void bench_Timeline::buildIndex_data()
{
    QTest::addColumn<int>("spans");
    QTest::newRow("10k spans") << 10'000;
    QTest::newRow("100k spans") << 100'000;
    QTest::newRow("1M spans") << 1'000'000;
}

void bench_Timeline::buildIndex()
{
    QFETCH(int, spans);
    const RunTrace trace = traceWithSpans(spans, true);
    TimelineIndex index;
    QBENCHMARK
    {
        index.rebuild(trace);
    }
    QVERIFY(index.slotCount() > 0);
}

QTEST_MAIN(bench_Timeline)
#include "bench_timeline.moc"
