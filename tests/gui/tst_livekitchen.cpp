#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/scenarioeditor.h"
#include "gui/timelineview.h"
#include "gui/translations.h"
#include "render/kitchenlane.h"
#include "render/timelinepainter.h"
#include "trace/runtrace.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace BurgerBench;

namespace {

int countColour(const QImage &image, const QRect &area, const QColor &colour)
{
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            n += QColor(image.pixel(x, y)) == colour ? 1 : 0;
    }
    return n;
}

double peakOf(const ServerMetricsRecord &m, const QString &metric)
{
    double p = 0;
    if (const ServerSeries *s = m.find(metric)) {
        for (const auto &sample : s->samples)
            p = std::max(p, sample.second);
    }
    return p;
}

} // namespace

// The kitchen lane while the run runs: the scraper's samples reach the main window with the live
// deltas and the lane grows as they come, not only once the run is over.
class tst_LiveKitchen : public QObject
{
    Q_OBJECT
private slots:
    void laneGrowsWhileRunning();
};

void tst_LiveKitchen::laneGrowsWhileRunning()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // 32 orders at once, 4 cooks: 28 wait in the kitchen's line. Each takes ~0.5 s, so the run
    // lasts ~4 s: 8 rounds of 4.
    Scenario s;
    s.name = QStringLiteral("live kitchen");
    s.mode = ExecutionMode::Concurrent;
    s.concurrency = 32;
    s.requests = 32;
    s.maxTokens = 10;
    s.simulator.capacity = 4;
    s.simulator.ttftMs = 200;
    s.simulator.tokenIntervalMs = 30;
    s.simulator.outputTokens = 10;
    s.serverMetrics = QStringLiteral("auto");
    s.serverMetricsIntervalMs = 100;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));

    TimelineView *view = window.timeline();
    const RunController *run = window.runController();
    // Poll the drawn timeline while the run goes on: the lane, its cooks and its line.
    int waitingPixels = 0;
    int cookingPixels = 0;
    double liveWaitingPeak = 0;
    bool seenWhileRunning = false;
    for (int attempt = 0; attempt < 400 && finished.isEmpty() && !seenWhileRunning; ++attempt) {
        QTest::qWait(25);
        if (!run->isRunning() || !finished.isEmpty())
            break;
        const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QRect lane = view->layoutForTesting().kitchenLane;
        if (lane.isEmpty() || !finished.isEmpty())
            continue;
        waitingPixels = countColour(image, lane, kitchenWaitingColor());
        cookingPixels = countColour(image, lane, kitchenCookingColor());
        liveWaitingPeak = peakOf(run->trace().serverMetrics, QStringLiteral("waiting"));
        seenWhileRunning = waitingPixels > 0 && cookingPixels > 0 && run->isRunning() && finished.isEmpty();
    }
    QVERIFY2(seenWhileRunning,
        qPrintable(QStringLiteral("kitchen lane while running: %1 waiting px, %2 cooking px, finished %3")
                       .arg(waitingPixels)
                       .arg(cookingPixels)
                       .arg(finished.count())));
    QVERIFY2(liveWaitingPeak >= 1, qPrintable(QString::number(liveWaitingPeak)));
    QVERIFY(run->trace().serverMetrics.enabled());
    QVERIFY(run->trace().serverMetrics.scrapes >= 2);

    // The lane keeps growing: later samples arrive while it runs, and the final record replaces
    // the live one when it ends (28 waited at the peak, as the simulator's /sim/stats says).
    const qint64 firstSampleCount
        = qint64(run->trace().serverMetrics.find(QStringLiteral("waiting"))->samples.size());
    QVERIFY(finished.wait(60000));
    const ServerMetricsRecord &final = run->trace().serverMetrics;
    QVERIFY(final.find(QStringLiteral("waiting")));
    QVERIFY(qint64(final.find(QStringLiteral("waiting"))->samples.size()) > firstSampleCount);
    QCOMPARE(peakOf(final, QStringLiteral("waiting")), 28.0);
    QCOMPARE(final.find(QStringLiteral("waiting"))->samples.back().second, 0.0);
}

QTEST_MAIN(tst_LiveKitchen)
#include "tst_livekitchen.moc"
