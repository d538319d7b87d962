#include "gui/comparepanel.h"
#include "gui/detailspanel.h"
#include "gui/mainwindow.h"
#include "gui/settings.h"
#include "gui/timelineview.h"
#include "gui/timelineviewstate.h"
#include "gui/translations.h"
#include "render/legend.h"
#include "render/timelinepainter.h"
#include "report/compare.h"
#include "report/jsonreport.h"
#include "trace/runtrace.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

// One streaming request on slot `lane`: dispatched at `start`, sent 10 ms later, first token at
// start + ttft, then `tokens` tokens 20 ms apart.
RequestRecord request(int index, int lane, qint64 start, qint64 ttft, int tokens)
{
    RequestRecord r;
    r.index = index;
    r.lane = lane;
    r.dispatchNs = start;
    r.sentNs = start + 10 * ms;
    for (int k = 0; k < tokens; ++k)
        r.tokenNs.push_back(start + ttft + k * 20 * ms);
    r.endNs = r.tokenNs.back();
    r.outputTokens = tokens;
    r.outcome = Outcome::Success;
    return r;
}

// A: two requests on two slots, each 100 ms of waiting then 200 ms of streaming (0..300 ms).
// B: the same, but request #1 waits 400 ms (twice as long overall: 0..600 ms) and B has a
// third request A does not have.
RunTrace traceA()
{
    RunTrace t;
    t.scenario.name = QStringLiteral("run A");
    t.requests = { request(0, 0, 0, 100 * ms, 11), request(1, 1, 0, 100 * ms, 11) };
    t.measuredStartNs = 0;
    t.endNs = 300 * ms;
    return t;
}

RunTrace traceB()
{
    RunTrace t;
    t.scenario.name = QStringLiteral("run B");
    t.requests = { request(0, 0, 0, 400 * ms, 11), request(1, 1, 0, 100 * ms, 11),
        request(2, 0, 620 * ms, 100 * ms, 3) };
    t.measuredStartNs = 0;
    t.endNs = 760 * ms;
    return t;
}

bool near(QRgb a, const QColor &b, int tolerance = 10)
{
    return qAbs(qRed(a) - b.red()) <= tolerance && qAbs(qGreen(a) - b.green()) <= tolerance
        && qAbs(qBlue(a) - b.blue()) <= tolerance;
}

// `colour` painted at `opacity` over `under`, as QPainter blends it.
QColor blended(const QColor &colour, const QColor &under, double opacity)
{
    const auto mix = [&](int c, int u) { return int(std::lround(c * opacity + u * (1 - opacity))); };
    return QColor(
        mix(colour.red(), under.red()), mix(colour.green(), under.green()), mix(colour.blue(), under.blue()));
}

double share(const QImage &image, const QRect &box, const QColor &colour, int tolerance = 10)
{
    int hits = 0;
    int total = 0;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        for (int x = box.left(); x <= box.right(); ++x) {
            ++total;
            hits += near(image.pixel(x, y), colour, tolerance) ? 1 : 0;
        }
    }
    return total ? double(hits) / total : 0;
}

} // namespace

class tst_CompareOverlay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void withoutBTheImageIsUnchanged();
    void splitsEachLaneIntoAAboveB();
    void bBarsArePaleAndOutlinedWhereBRan();
    void legendNamesBothRuns();
    void slotLanesOverlayToo();
    void hitTestTellsTheRunsApart();
    void exportedImageHasTheOverlay();
    void tableShowsCompareFigures();
    void badFileIsReportedByName_data();
    void badFileIsReportedByName();
    void loadAndClearFromTheWindow();

private:
    QImage render();
    // The middle of run `run`'s row in request lane `lane`, a few pixels around `timeNs`.
    QRect rowBox(int lane, int run, qint64 timeNs, int halfWidth = 2);
    TimelineView *m_view = nullptr;
    RunTrace m_a;
    RunTrace m_b;
};

void tst_CompareOverlay::initTestCase()
{
    Settings::setVolatile(true);
}

void tst_CompareOverlay::init()
{
    m_a = traceA();
    m_b = traceB();
    m_view = new TimelineView;
    m_view->resize(900, 420);
    m_view->setTrace(&m_a);
    m_view->state()->setVisibleRange(0, 800 * ms);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_CompareOverlay::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

QImage tst_CompareOverlay::render()
{
    return m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

QRect tst_CompareOverlay::rowBox(int lane, int run, qint64 timeNs, int halfWidth)
{
    const TimelineLayout &l = m_view->layoutForTesting();
    const int x = int(l.timeToX(timeNs));
    const int top = l.runRowY(lane, run);
    const int h = l.runRowH(lane, run);
    return QRect(x - halfWidth, top + h / 3, 2 * halfWidth + 1, std::max(1, h / 3));
}

void tst_CompareOverlay::withoutBTheImageIsUnchanged()
{
    const QImage before = render();
    QVERIFY(!m_view->layoutForTesting().compare);
    m_view->setCompareTrace(&m_b, QStringLiteral("b.json"));
    m_view->state()->setVisibleRange(0, 800 * ms);
    const QImage with = render();
    QVERIFY(with != before); // the overlay does change the picture...
    m_view->setCompareTrace(nullptr);
    m_view->state()->setVisibleRange(0, 800 * ms);
    QCOMPARE(render(), before); // ...and clearing it gives back exactly the single-run image

    // The paint routine itself: no compareTrace draws what it always drew, pixel for pixel.
    TimelineRenderOptions o;
    o.toNs = 800 * ms;
    QImage plain(800, 300, QImage::Format_RGB32);
    QImage withNull(800, 300, QImage::Format_RGB32);
    {
        QPainter p(&plain);
        paintTimeline(&p, plain.rect(), m_a, o);
    }
    o.labelA = QStringLiteral("ignored without B");
    {
        QPainter p(&withNull);
        paintTimeline(&p, withNull.rect(), m_a, o);
    }
    QCOMPARE(withNull, plain);
}

void tst_CompareOverlay::splitsEachLaneIntoAAboveB()
{
    m_view->setCompareTrace(&m_b, QStringLiteral("b.json"));
    m_view->state()->setVisibleRange(0, 800 * ms);
    const TimelineLayout &l = m_view->layoutForTesting();
    QVERIFY(l.compare);
    QCOMPARE(l.requestLaneCount, 3); // B has a third request; lanes cover both runs
    for (int lane = 0; lane < 3; ++lane) {
        QCOMPARE(l.runRowY(lane, 0), l.requestLaneY(lane));
        QCOMPARE(l.runRowY(lane, 1), l.runRowY(lane, 0) + l.runRowH(lane, 0));
        QCOMPARE(l.runRowH(lane, 0) + l.runRowH(lane, 1), l.requestLaneH(lane));
        QVERIFY(l.runRowH(lane, 1) >= 8);
    }
    const QImage image = render();
    const QColor purple = phaseStyle(Phase::Streaming).fill;
    // A's #1 streams 100..300 ms in the upper row, solid purple; nothing of A after 300 ms.
    QVERIFY(share(image, rowBox(0, 0, 250 * ms), purple) > 0.6);
    QCOMPARE(share(image, rowBox(0, 0, 450 * ms), purple), 0.0);
    // A has no #3: its upper row is empty where B's #3 streams.
    QCOMPARE(share(image, rowBox(2, 0, 740 * ms), purple, 40), 0.0);
}

void tst_CompareOverlay::bBarsArePaleAndOutlinedWhereBRan()
{
    m_view->setCompareTrace(&m_b, QStringLiteral("b.json"));
    m_view->state()->setVisibleRange(0, 800 * ms);
    const QImage image = render();
    const TimelineLayout &l = m_view->layoutForTesting();
    const QColor purple = phaseStyle(Phase::Streaming).fill;
    // Lane 0 is striped (even lanes), lane 1 is not: B's bar is purple at compareRunOpacity over
    // what is underneath, never the solid A colour.
    const QColor under0 = QColor(image.pixel(l.plotRect.right() - 2, l.runRowY(0, 1) + 1));
    const QColor paleOn0 = blended(purple, under0, compareRunOpacity);
    // B's #1 waits 10..400 ms (hatched) and streams 400..600 ms: twice as long as A's #1.
    QVERIFY2(share(image, rowBox(0, 1, 550 * ms), paleOn0) > 0.6,
        qPrintable(
            QColor(image.pixel(rowBox(0, 1, 550 * ms).center())).name() + QLatin1Char(' ') + paleOn0.name()));
    QCOMPARE(share(image, rowBox(0, 1, 550 * ms), purple), 0.0);
    // At 250 ms A streams above while B still waits below (hatched, pale).
    QVERIFY(share(image, rowBox(0, 1, 250 * ms), purple, 40) < 0.05);
    const QColor paleWait = blended(phaseStyle(Phase::WaitingFirstToken).fill, under0, compareRunOpacity);
    QVERIFY(share(image, rowBox(0, 1, 250 * ms, 8), paleWait, 14) > 0.3);
    // B's #2 ends at 300 ms like A's: nothing pale at 450 ms on lane 1.
    const QColor under1 = QColor(image.pixel(l.plotRect.right() - 2, l.runRowY(1, 1) + 1));
    QCOMPARE(share(image, rowBox(1, 1, 450 * ms), blended(purple, under1, compareRunOpacity)), 0.0);
    // The outline: B's #1 extent, 0..600 ms, framed in the compare colour on its row's top edge.
    const QColor teal = compareOutlineColor();
    const int pad = std::max(0, (l.runRowH(0, 1) >= 10 ? 2 : 1) - 1);
    const int y = l.runRowY(0, 1) + pad;
    int onEdge = 0;
    const int x0 = int(l.timeToX(50 * ms));
    const int x1 = int(l.timeToX(580 * ms));
    for (int x = x0; x < x1; ++x)
        onEdge += near(image.pixel(x, y), teal) ? 1 : 0;
    QVERIFY2(onEdge > (x1 - x0) * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(onEdge).arg(x1 - x0)));
    // The right edge sits at 600 ms (within two pixels) and nothing teal past it on that row.
    const int xEnd = int(l.timeToX(600 * ms));
    const int mid = l.runRowY(0, 1) + l.runRowH(0, 1) / 2;
    bool edge = false;
    for (int x = xEnd - 2; x <= xEnd + 2; ++x)
        edge = edge || near(image.pixel(x, mid), teal);
    QVERIFY(edge);
    for (int x = xEnd + 4; x < int(l.timeToX(615 * ms)); ++x)
        QVERIFY(!near(image.pixel(x, mid), teal));
    // No outline on A's rows.
    int tealOnA = 0;
    for (int x = x0; x < x1; ++x)
        tealOnA += near(image.pixel(x, l.runRowY(0, 0) + 1), teal) ? 1 : 0;
    QCOMPARE(tealOnA, 0);
    // "B" labels in the gutter of B rows, in the compare colour.
    int labelInk = 0;
    for (int yy = l.runRowY(0, 1); yy < l.runRowY(0, 1) + l.runRowH(0, 1); ++yy)
        for (int x = l.labelLeft; x < l.plotRect.left() - 2; ++x)
            labelInk += near(image.pixel(x, yy), teal, 60) ? 1 : 0;
    QVERIFY2(labelInk > 3, qPrintable(QString::number(labelInk)));
}

void tst_CompareOverlay::legendNamesBothRuns()
{
    // The legend gains a line with a swatch per run: A solid, B pale with a teal outline.
    m_view->setCompareTrace(&m_b, QStringLiteral("b.json"));
    m_view->setRunLabel(QStringLiteral("a.json"));
    const TimelineLayout &l = m_view->layoutForTesting();
    const QImage image = render();
    const QRect a(l.legendRect.left() + 8, l.legendRect.top() + 6, 10, 4);
    QVERIFY(share(image, a, phaseStyle(Phase::Streaming).fill) > 0.5);
    const int bLeft = l.legendRect.left() + l.legendRect.width() / 2;
    int teal = 0;
    for (int y = l.legendRect.top(); y < l.legendRect.top() + 22; ++y)
        teal += near(image.pixel(bLeft, y), compareOutlineColor()) ? 1 : 0;
    QVERIFY(teal >= 10); // the swatch's left edge
    // Taller than the single-run legend by that line, and the plot shorter by as much.
    const int compareLegend = l.legendRect.height();
    m_view->setCompareTrace(nullptr);
    QVERIFY(m_view->layoutForTesting().legendRect.height() < compareLegend - 10);
}

void tst_CompareOverlay::slotLanesOverlayToo()
{
    m_view->setCompareTrace(&m_b, QStringLiteral("b.json"));
    m_view->state()->setLaneByRequest(false);
    m_view->state()->setVisibleRange(0, 800 * ms);
    const TimelineLayout &l = m_view->layoutForTesting();
    QCOMPARE(l.requestLaneCount, 2); // slots 1 and 2
    const QImage image = render();
    const QColor purple = phaseStyle(Phase::Streaming).fill;
    const QColor under0 = QColor(image.pixel(l.plotRect.right() - 2, l.runRowY(0, 1) + 1));
    // Slot 1 of B: #1 streams 400..600, then #3 streams 720..760.
    QVERIFY(share(image, rowBox(0, 1, 550 * ms), blended(purple, under0, compareRunOpacity)) > 0.6);
    QVERIFY(share(image, rowBox(0, 1, 740 * ms, 1), blended(purple, under0, compareRunOpacity)) > 0.5);
    // Slot 1 of A: only #1, streaming to 300 ms.
    QVERIFY(share(image, rowBox(0, 0, 250 * ms), purple) > 0.6);
    QCOMPARE(share(image, rowBox(0, 0, 740 * ms), purple), 0.0);
}

void tst_CompareOverlay::hitTestTellsTheRunsApart()
{
    m_view->setCompareTrace(&m_b, QStringLiteral("b.json"));
    m_view->state()->setVisibleRange(0, 800 * ms);
    const TimelineLayout &l = m_view->layoutForTesting();
    const QPoint onB = rowBox(0, 1, 550 * ms).center();
    TimelineHit hit = timelineHitTest(l, m_a, m_view->index(), onB, &m_b, &m_view->compareIndex());
    QCOMPARE(hit.request, -1); // A's #1 is over by 550 ms, and this is B's row anyway
    QCOMPARE(hit.compareRequest, 0);
    hit = timelineHitTest(
        l, m_a, m_view->index(), rowBox(0, 0, 250 * ms).center(), &m_b, &m_view->compareIndex());
    QCOMPARE(hit.request, 0);
    QCOMPARE(hit.compareRequest, -1);
    // Lane 3 exists only in B: A has no request there, B's #3 is found.
    hit = timelineHitTest(
        l, m_a, m_view->index(), rowBox(2, 1, 740 * ms).center(), &m_b, &m_view->compareIndex());
    QCOMPARE(hit.request, -1);
    QCOMPARE(hit.compareRequest, 2);
    hit = timelineHitTest(
        l, m_a, m_view->index(), rowBox(2, 0, 740 * ms).center(), &m_b, &m_view->compareIndex());
    QCOMPARE(hit.request, -1);
    QCOMPARE(hit.compareRequest, -1);
    // A click on B's row selects nothing of A's, and names B's request.
    QSignalSpy activatedA(m_view, &TimelineView::requestActivated);
    QSignalSpy activatedB(m_view, &TimelineView::compareRequestActivated);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, rowBox(1, 1, 250 * ms).center());
    QCOMPARE(m_view->state()->selectedRequest(), -1);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, onB);
    QCOMPARE(m_view->state()->selectedRequest(), -1);
    QCOMPARE(activatedA.count(), 0);
    QVERIFY(activatedB.count() >= 1);
    QCOMPARE(activatedB.last().at(0).toInt(), 0);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, rowBox(1, 0, 250 * ms).center());
    QCOMPARE(m_view->state()->selectedRequest(), 1);
}

void tst_CompareOverlay::exportedImageHasTheOverlay()
{
    // The same routine draws exports: given only compareTrace (no prebuilt index), it overlays.
    TimelineRenderOptions o; // toNs automatic
    o.compareTrace = &m_b;
    o.labelA = QStringLiteral("a.json");
    o.labelB = QStringLiteral("b.json");
    QImage image(800, 300, QImage::Format_RGB32);
    QPainter p(&image);
    paintTimeline(&p, image.rect(), m_a, o);
    p.end();
    const TimelineIndex index(m_a);
    TimelineRenderOptions withIndex = o;
    const TimelineIndex bIndex(m_b);
    withIndex.compareIndex = &bIndex;
    const TimelineLayout l = timelineLayout(image.rect(), QFont(), m_a, index, withIndex);
    QVERIFY(l.compare);
    QCOMPARE(l.toNs, 760 * ms); // the window's automatic end covers B's longer run
    const int y = l.runRowY(0, 1) + l.runRowH(0, 1) / 2;
    const QColor under = QColor(image.pixel(l.plotRect.right() - 2, l.runRowY(0, 1) + 1));
    QVERIFY(near(image.pixel(int(l.timeToX(550 * ms)), y),
        blended(phaseStyle(Phase::Streaming).fill, under, compareRunOpacity)));
}

void tst_CompareOverlay::tableShowsCompareFigures()
{
    // Enough samples for the tests to run: 8 requests each, B's first token 50 ms later.
    RunTrace a;
    RunTrace b;
    for (int i = 0; i < 8; ++i) {
        a.requests.push_back(request(i, i, 0, (100 + i) * ms, 6));
        b.requests.push_back(request(i, i, 0, (150 + i) * ms, 6));
    }
    b.requests[7].outcome = Outcome::Failed;
    b.requests[7].error = ErrorKind::Http;
    b.requests[7].httpStatus = 500;
    a.endNs = 300 * ms;
    b.endNs = 350 * ms;
    a.measuredStartNs = b.measuredStartNs = 0;

    ComparePanel panel;
    QSignalSpy updated(&panel, &ComparePanel::updated);
    panel.setRuns(std::make_shared<const RunTrace>(a), std::make_shared<const RunTrace>(b),
        QStringLiteral("a.json"), QStringLiteral("b.json"));
    // On a busy machine the worker can finish before setRuns() returns (the continuation then runs
    // at once): wait on the count, not for a new signal.
    QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, 10000);
    QVERIFY(!panel.isComputing());

    const QList<Compare::Row> expected = ComparePanel::headlineRows(Compare::compare(a, b));
    QStringList keys;
    for (const Compare::Row &r : expected)
        keys << r.metric + QLatin1Char('.') + r.stat;
    QCOMPARE(keys,
        QStringList({ QStringLiteral("ttft_ms.p50"), QStringLiteral("ttft_ms.p99"),
            QStringLiteral("itl_ms.p50"), QStringLiteral("itl_ms.p99"), QStringLiteral("tpot_ms.p50"),
            QStringLiteral("tpot_ms.p99"), QStringLiteral("e2el_ms.p50"), QStringLiteral("e2el_ms.p99"),
            QStringLiteral("request_throughput."), QStringLiteral("output_throughput."),
            QStringLiteral("failed.") }));
    QTableWidget *table = panel.table();
    QCOMPARE(table->rowCount(), int(expected.size()));
    QCOMPARE(panel.rows().size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const Compare::Row &r = expected.at(i);
        QCOMPARE(panel.rows().at(i).a, r.a);
        QCOMPARE(panel.rows().at(i).b, r.b);
        QCOMPARE(table->item(i, 1)->text(), ComparePanel::formatValue(r, r.a));
        QCOMPARE(table->item(i, 2)->text(), ComparePanel::formatValue(r, r.b));
        QCOMPARE(table->item(i, 4)->text(), ComparePanel::verdictLabel(r.verdict));
    }
    // The figures themselves: TTFT p50 is 103.5 ms for A and 153.5 ms for B (7 successes:
    // 150..156 -> median 153); a 50 ms shift with no overlap is beyond noise.
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("TTFT p50 (ms)"));
    QCOMPARE(table->item(0, 1)->text(), QLocale().toString(103.5, 'f', 2));
    QCOMPARE(table->item(0, 2)->text(), QLocale().toString(153.0, 'f', 2));
    QVERIFY(table->item(0, 3)->text().startsWith(QLatin1Char('+') + QLocale().toString(49.5, 'f', 2)));
    QCOMPARE(expected.at(0).verdict, Compare::Verdict::BeyondNoise);
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("beyond noise"));
    // Failed: 0 vs 1, a run-level figure: no verdict can be drawn from one value per run.
    QCOMPARE(table->item(10, 1)->text(), QStringLiteral("0"));
    QCOMPARE(table->item(10, 2)->text(), QStringLiteral("1"));
    QCOMPARE(table->item(10, 4)->text(), QStringLiteral("n/a (one value per run)"));
}

void tst_CompareOverlay::badFileIsReportedByName_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not JSON") << QByteArray("{\"schema\": \"burgerbench.run/1\", oops")
                              << QStringLiteral("not valid JSON");
    QTest::newRow("a JSON array") << QByteArray("[1, 2]") << QStringLiteral("not a BurgerBench run report");
    QTest::newRow("another schema") << QByteArray("{\"schema\": \"burgerbench.compare/1\"}")
                                    << QStringLiteral("burgerbench.compare/1");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("not valid JSON");
}

void tst_CompareOverlay::badFileIsReportedByName()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken-run.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    QString error;
    QVERIFY(!window.loadComparisonFile(path, &error));
    QVERIFY2(error.contains(QStringLiteral("broken-run.json")), qPrintable(error));
    QVERIFY2(error.contains(problem), qPrintable(error));
    QVERIFY(error.startsWith(QStringLiteral("Cannot compare with broken-run.json.")));
    QVERIFY(!window.comparisonTrace());
    QVERIFY(!window.timeline()->compareTrace());
    // A missing file says so too.
    QVERIFY(!window.loadComparisonFile(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.json")), qPrintable(error));
}

void tst_CompareOverlay::loadAndClearFromTheWindow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.json"));
    QString error;
    m_b.scenario.requests = 3; // a valid scenario, as a real run's report has
    QVERIFY2(JsonReport::write(path, m_b, computeSummary(m_b, Compare::defaultRanks(), {}), &error),
        qPrintable(error));
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *clear = window.findChild<QAction *>(QStringLiteral("actionClearComparison"));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionCompareRun")));
    QVERIFY(clear && !clear->isEnabled());
    QSignalSpy updated(window.comparePanel(), &ComparePanel::updated);
    QVERIFY2(window.loadComparisonFile(path, &error), qPrintable(error));
    QVERIFY(window.comparisonTrace());
    QCOMPARE(window.comparisonTrace()->requests.size(), size_t(3));
    QCOMPARE(window.timeline()->compareTrace(), window.comparisonTrace());
    QVERIFY(clear->isEnabled());
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("compareDock"))->isVisible());
    // The comparison runs on a worker; on a busy machine it can be done before loadComparisonFile()
    // returns, and its continuation then runs at once, so the signal may already be in the spy.
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1, 10000);
    // Nothing has run yet: A is empty, B's figures are there.
    QVERIFY(window.comparePanel()->rows().size() >= 3);
    // A click on one of B's bars shows that request in the details pane, named as B's.
    TimelineView *view = window.timeline();
    view->state()->setVisibleRange(0, 800 * ms);
    QTRY_VERIFY(view->layoutForTesting().compare);
    const TimelineLayout &l = view->layoutForTesting();
    const QPoint onB(int(l.timeToX(550 * ms)), l.runRowY(0, 1) + l.runRowH(0, 1) / 2);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, onB);
    QCOMPARE(window.detailsPanel()->request(), 0);
    // Named by what it was and when it ran, the file last (issue 16 item 9).
    QCOMPARE(window.detailsPanel()->runLabel(),
        QStringLiteral("Compared run (B): ")
            + MainWindow::savedRunLabel(*window.comparisonTrace(), QStringLiteral("b.json")));
    QVERIFY2(window.detailsPanel()->runLabel().startsWith(
                 QStringLiteral("Compared run (B): “%1”").arg(window.comparisonTrace()->scenario.name)),
        qPrintable(window.detailsPanel()->runLabel()));
    QVERIFY(window.detailsPanel()
                ->findChild<QLabel *>(QStringLiteral("titleLabel"))
                ->text()
                .contains(QStringLiteral("b.json")));
    clear->trigger();
    QCOMPARE(window.detailsPanel()->request(), -1); // B is gone, and so is its request
    QVERIFY(!window.comparisonTrace());
    QVERIFY(!window.timeline()->compareTrace());
    QVERIFY(!window.timeline()->layoutForTesting().compare);
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("compareDock"))->isVisible());
    QVERIFY(!clear->isEnabled());
}

QTEST_MAIN(tst_CompareOverlay)
#include "tst_compareoverlay.moc"
