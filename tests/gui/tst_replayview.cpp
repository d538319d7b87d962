#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/scenarioeditor.h"
#include "gui/settings.h"
#include "gui/storypanel.h"
#include "gui/timelineview.h"
#include "gui/translations.h"
#include "pixels.h"
#include "render/legend.h"
#include "render/timelinepainter.h"
#include "trace/playback.h"

#include <QAction>
#include <QElapsedTimer>
#include <QHash>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace BurgerBench;

namespace {

using TestPixels::colourAt;

} // namespace

// Replay (issue 16, the teacher's tools): a finished run played back through the live views at
// a chosen speed, paused, stepped event by event, a line of the story clicked to go back to its
// moment and its order, ending with the whole run on screen.
class tst_ReplayView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { Settings::setVolatile(true); }
    void playsASavedRunBack();
};

void tst_ReplayView::playsASavedRunBack()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A run to replay: 8 orders, 4 at a time, each about 300 ms.
    Scenario s;
    s.name = QStringLiteral("to replay");
    s.concurrency = 4;
    s.requests = 8;
    s.maxTokens = 6;
    s.simulator.ttftMs = 100;
    s.simulator.tokenIntervalMs = 40;
    s.simulator.outputTokens = 6;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(finished.wait(60000));
    const RunTrace full = window.runController()->trace();
    QCOMPARE(int(full.requests.size()), 8);
    finished.clear();

    RunController *run = window.runController();
    QVERIFY2(window.replayTrace(full, QStringLiteral("saved.json"), 1.0, &error), qPrintable(error));
    QVERIFY(window.isReplaying());
    QVERIFY(window.isRunning());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionRun"))->isEnabled());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionReplayStep"))->isEnabled());
    QVERIFY2(
        window.storyPanel()->runStoryText().contains(QStringLiteral("The replay shows it as it happened")),
        qPrintable(window.storyPanel()->runStoryText()));

    // Pause while order 1 streams: the cursor stops, and the timeline draws order 1's tokens up
    // to the cursor and nothing after it.
    const RequestRecord &first = full.requests[0];
    const qint64 midStream = (first.firstTokenNs() + first.lastTokenNs()) / 2;
    QTRY_VERIFY_WITH_TIMEOUT(run->nowNs() >= midStream, 20000);
    window.pauseReplay();
    run->seekReplay(midStream); // exactly there, however late the tick that passed it was
    const qint64 paused = run->nowNs();
    QCOMPARE(paused, midStream);
    QTest::qWait(300);
    QCOMPARE(run->nowNs(), paused);
    QVERIFY(window.isReplaying());
    TimelineView *view = window.timeline();
    view->fitAll();
    QTest::qWait(100);
    const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const TimelineLayout &l = view->layoutForTesting();
    const int y = l.requestLaneY(0) + l.requestLaneH(0) / 2;
    const QColor streaming = phaseStyle(Phase::Streaming).fill;
    // Six tokens 40 ms apart: 100 ms of stream on either side of the cursor, all on screen.
    QVERIFY(paused - first.firstTokenNs() >= 80'000'000 && first.lastTokenNs() - paused >= 80'000'000);
    QVERIFY(l.timeToX(first.lastTokenNs()) < l.plotRect.right());
    const int before = int(l.timeToX((first.firstTokenNs() + paused) / 2));
    QCOMPARE(colourAt(image, before, y).name(), streaming.name());
    const int later = int(l.timeToX((paused + first.lastTokenNs()) / 2));
    QVERIFY2(colourAt(image, later, y).name() != streaming.name(), "tokens after the cursor are drawn");

    // Step: the next recorded event, and the replay stays paused there.
    QAction *step = window.findChild<QAction *>(QStringLiteral("actionReplayStep"));
    QVERIFY(step);
    const qint64 next = nextEventAfter(full, paused);
    step->trigger();
    QCOMPARE(run->nowNs(), next);
    QTest::qWait(200);
    QCOMPARE(run->nowNs(), next);

    // A line of the story that names an order: clicking it goes back to its moment, paused, and
    // lights its order.
    auto *captions = window.storyPanel()->findChild<QListWidget *>(QStringLiteral("captionsList"));
    QVERIFY(captions);
    QListWidgetItem *named = nullptr;
    for (int i = 0; i < captions->count() && !named; ++i) {
        QListWidgetItem *item = captions->item(i);
        if (item->data(Qt::UserRole + 1).toInt() >= 0 && item->data(Qt::UserRole).toLongLong() < paused)
            named = item;
    }
    QVERIFY2(named, "no caption names an order");
    const qint64 toldAt = named->data(Qt::UserRole).toLongLong();
    const int order = named->data(Qt::UserRole + 1).toInt();
    QVERIFY2(named->text().contains(QString::number(order + 1)), qPrintable(named->text()));
    captions->scrollToItem(named);
    QTest::mouseClick(
        captions->viewport(), Qt::LeftButton, Qt::NoModifier, captions->visualItemRect(named).center());
    QCOMPARE(run->nowNs(), toldAt);
    QCOMPARE(view->highlighted(), std::vector<int> { order });
    // The story is back at that moment too: nothing told after it is left (it is told again).
    for (int i = 0; i < captions->count(); ++i)
        QVERIFY2(captions->item(i)->data(Qt::UserRole).toLongLong() <= toldAt,
            qPrintable(captions->item(i)->text()));
    const int toldBefore = captions->count();
    QTest::qWait(200);
    QCOMPARE(run->nowNs(), toldAt);

    // A quarter of the speed: the run's clock moves a quarter as fast as the wall clock.
    QAction *quarter = window.findChild<QAction *>(QStringLiteral("actionReplaySpeed25"));
    QVERIFY(quarter);
    QElapsedTimer wall;
    wall.start();
    quarter->trigger();
    const qint64 from = run->nowNs();
    QTest::qWait(500);
    const qint64 moved = run->nowNs() - from;
    QVERIFY(captions->count() >= toldBefore);
    QVERIFY2(moved > 0 && double(moved) <= 0.25 * double(wall.nsecsElapsed()) + 1e6,
        qPrintable(QStringLiteral("%1 ns in %2 ns").arg(moved).arg(wall.nsecsElapsed())));

    // To the end at full speed: the whole run is back, and its own story is told.
    window.findChild<QAction *>(QStringLiteral("actionReplaySpeed100"))->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY(!window.isReplaying());
    const RunTrace &after = run->trace();
    QCOMPARE(after.requests.size(), full.requests.size());
    for (size_t i = 0; i < full.requests.size(); ++i) {
        QCOMPARE(after.requests[i].outcome, full.requests[i].outcome);
        QCOMPARE(after.requests[i].tokenNs, full.requests[i].tokenNs);
    }
    QVERIFY2(window.storyPanel()->runStoryText().startsWith(QStringLiteral("This run: 8 orders, 8 served")),
        qPrintable(window.storyPanel()->runStoryText()));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionRun"))->isEnabled());
}

QTEST_MAIN(tst_ReplayView)
#include "tst_replayview.moc"
