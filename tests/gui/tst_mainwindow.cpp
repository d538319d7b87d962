#include "../tracesweep.h"
#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/runstory.h"
#include "gui/scenarioeditor.h"
#include "gui/settings.h"
#include "gui/storynarrator.h"
#include "gui/storypanel.h"
#include "gui/storypicture.h"
#include "gui/timelineview.h"
#include "gui/timelineviewstate.h"
#include "gui/translations.h"
#include "metrics/requestmetrics.h"
#include "pixels.h"
#include "render/legend.h"
#include "render/timelinepainter.h"
#include "trace/runtrace.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

using namespace BurgerBench;

// The whole window: translations (the Spanish build shows Spanish), validation keeping Run
// disabled, and a real run against the in-process simulator whose drawn timeline is checked at
// the request's own recorded times.
class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsTheChosenLanguage_data();
    void showsTheChosenLanguage();
    void switchesLanguageAtRunTime();
    void fitsIn1280x720_data();
    void fitsIn1280x720();
    void invalidFieldKeepsRunDisabled_data();
    void invalidFieldKeepsRunDisabled();
    void runsKnownScenarioAgainstSimulator();
    void sendWindowFieldReachesTheRun();
    void stopCutsTheRunOffAndKeepsWhatFinished();
    void parallelModeShowsBarsWhileRunning();
    void cpuOnlyRunCountsItsTasks();
    void storyTellsItsOwnRunAndStaysWithIt();
};

void tst_MainWindow::initTestCase()
{
    Settings::setVolatile(true); // never touch the user's settings
}

void tst_MainWindow::showsTheChosenLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("runAction");
    QTest::addColumn<QString>("scenarioDock");
    QTest::addColumn<QString>("legendQueued");
    QTest::addColumn<QString>("loopLane");
    QTest::addColumn<QString>("preset");
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("&Run") << QStringLiteral("Scenario")
                             << QStringLiteral("In line") << QStringLiteral("event loop")
                             << QStringLiteral("Burger shop: 8 orders");
    QTest::newRow("Spanish") << QStringLiteral("es") << QStringLiteral("&Ejecutar")
                             << QStringLiteral("Escenario") << QStringLiteral("En la fila")
                             << QStringLiteral("bucle de eventos")
                             << QStringLiteral("Hamburguesería: 8 pedidos");
}

void tst_MainWindow::showsTheChosenLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, runAction);
    QFETCH(QString, scenarioDock);
    QFETCH(QString, legendQueued);
    QFETCH(QString, loopLane);
    QFETCH(QString, preset);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    MainWindow window(&translations);
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionRun"))->text(), runAction);
    QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("scenarioDock"))->windowTitle(), scenarioDock);
    // The render library's words (legend, lanes) come through the same translator.
    QCOMPARE(phaseLabel(Phase::Queued), legendQueued);
    QCOMPARE(loopLaneName(), loopLane);
    QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("presetCombo"))->itemText(0), preset);
}

void tst_MainWindow::switchesLanguageAtRunTime()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    QAction *spanish = window.findChild<QAction *>(QStringLiteral("actionLanguageSpanish"));
    QVERIFY(spanish);
    spanish->trigger();
    QCoreApplication::sendPostedEvents(); // QApplication posts LanguageChange to each window
    QCOMPARE(translations.effectiveLanguage(), QStringLiteral("es"));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionStop"))->text(), QStringLiteral("&Detener"));
    QVERIFY(spanish->isChecked());
    // Texts set from code follow as well (the story's mode title).
    const QLabel *title = window.findChild<QLabel *>(QStringLiteral("modeTitleLabel"));
    QVERIFY(title->text().startsWith(QStringLiteral("Concurrente")));
    window.findChild<QAction *>(QStringLiteral("actionLanguageEnglish"))->trigger();
    QCoreApplication::sendPostedEvents();
    QVERIFY(title->text().startsWith(QStringLiteral("Concurrent:")));
}

void tst_MainWindow::fitsIn1280x720_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Spanish") << QStringLiteral("es");
}

// A 1280x720 screen holds the whole window: the live statistics scroll instead of setting the
// window's minimum height (it was 816 px), and the timeline keeps a usable area.
void tst_MainWindow::fitsIn1280x720()
{
    QFETCH(QString, language);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    MainWindow window(&translations);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.minimumSizeHint().height() <= 720,
        qPrintable(QString::number(window.minimumSizeHint().height())));
    QCOMPARE(window.size(), QSize(1280, 720));
    const auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("statsScroll"));
    QVERIFY(scroll);
    QCOMPARE(scroll->widget()->objectName(), QStringLiteral("statsPanel"));
    const auto *timeline = window.findChild<TimelineView *>();
    QVERIFY(timeline);
    QVERIFY2(timeline->height() >= 300 && timeline->width() >= 400,
        qPrintable(QStringLiteral("%1x%2").arg(timeline->width()).arg(timeline->height())));
}

void tst_MainWindow::invalidFieldKeepsRunDisabled_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("good");
    QTest::newRow("URL without a scheme") << QStringLiteral("urlEdit") << QStringLiteral("localhost 8000")
                                          << QStringLiteral("http://localhost:8000/v1");
    QTest::newRow("API key pasted instead of a variable name")
        << QStringLiteral("apiKeyEnvEdit") << QStringLiteral("sk-abc=123") << QStringLiteral("MY_KEY");
    QTest::newRow("empty model") << QStringLiteral("modelEdit") << QString() << QStringLiteral("llama");
}

void tst_MainWindow::invalidFieldKeepsRunDisabled()
{
    QFETCH(QString, field);
    QFETCH(QString, bad);
    QFETCH(QString, good);
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    QAction *run = window.findChild<QAction *>(QStringLiteral("actionRun"));
    QVERIFY(run->isEnabled());
    // An endpoint needs a URL: the Burger shop preset has none, so Run goes grey at once.
    window.findChild<QRadioButton *>(QStringLiteral("endpointRadio"))->setChecked(true);
    QVERIFY(!run->isEnabled());
    auto *url = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QTest::keyClicks(url, QStringLiteral("http://localhost:8000/v1"));
    QTest::keyClicks(window.findChild<QLineEdit *>(QStringLiteral("modelEdit")), QStringLiteral("x"));
    QVERIFY(run->isEnabled());
    auto *edit = window.findChild<QLineEdit *>(field);
    QSignalSpy validity(window.scenarioEditor(), &ScenarioEditor::validityChanged);
    edit->clear();
    QTest::keyClicks(edit, bad);
    if (bad.isEmpty())
        emit edit->textEdited(QString());
    QVERIFY(!run->isEnabled());
    QCOMPARE(validity.count(), 1);
    QLabel *error = window.findChild<QLabel *>(field + QStringLiteral("Error"));
    QVERIFY(error);
    QVERIFY(!error->isHidden());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(edit->toolTip(), error->text()); // the reason is at the field
    edit->clear();
    QTest::keyClicks(edit, good);
    QVERIFY(run->isEnabled());
    QVERIFY(error->isHidden());
    QCOMPARE(validity.count(), 2);
}

void tst_MainWindow::sendWindowFieldReachesTheRun()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    auto *spin = window.findChild<QSpinBox *>(QStringLiteral("sendWindowSpin"));
    QVERIFY(spin);
    Scenario s;
    s.concurrency = 16;
    s.requests = 32;
    s.maxTokens = 4;
    s.simulator.ttftMs = 50;
    s.simulator.outputTokens = 4;
    s.sendWindow = 7;
    window.scenarioEditor()->setScenario(s);
    QCOMPARE(spin->value(), 7); // a loaded scenario shows its window
    QCOMPARE(spin->text(), QStringLiteral("7"));
    spin->setValue(0);
    QCOMPARE(spin->text(), QStringLiteral("no limit"));
    QCOMPARE(window.scenarioEditor()->scenario().sendWindow, 0);
    spin->setValue(1);

    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(finished.wait(60000));
    const RunTrace &trace = window.runController()->trace();
    QCOMPARE(trace.scenario.sendWindow, 1);
    QCOMPARE(int(trace.requests.size()), 32);
    // And the engine held to it: never two requests between dispatch and "sent" at once.
    QCOMPARE(TraceSweep::peakBeingSent(trace), 1);
}

void tst_MainWindow::runsKnownScenarioAgainstSimulator()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // 8 orders arriving every 25 ms, 2 served at a time: later ones wait in line for a slot,
    // and the time between their intended and real start is a ghost bar.
    Scenario s;
    s.name = QStringLiteral("known");
    s.mode = ExecutionMode::Concurrent;
    s.concurrency = 2;
    s.rate = 40;
    s.burstiness = 0;
    s.requests = 8;
    s.maxTokens = 10;
    s.simulator.ttftMs = 100;
    s.simulator.tokenIntervalMs = 10;
    s.simulator.outputTokens = 10;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(window.isRunning());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionRun"))->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY(!window.isRunning());

    const RunTrace &trace = window.runController()->trace();
    QCOMPARE(int(trace.requests.size()), 8);
    int queued = 0;
    for (const RequestRecord &r : trace.requests) {
        QCOMPARE(r.outcome, Outcome::Success);
        QCOMPARE(int(r.tokenNs.size()), 10);
        queued += RequestMetrics::queueNs(r) > 50'000'000 ? 1 : 0;
    }
    QVERIFY2(queued >= 4, qPrintable(QString::number(queued)));

    // Check the picture at the requests' own recorded times.
    TimelineView *view = window.timeline();
    view->fitAll();
    const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const TimelineLayout &l = view->layoutForTesting();
    QCOMPARE(l.requestLaneCount, 8);
    const auto colourAt = [&](int lane, qint64 t) {
        const int x = int(l.timeToX(t));
        const int y = l.requestLaneY(lane) + l.requestLaneH(lane) / 2;
        return TestPixels::colourAt(image, x, y); // the most common colour of 3x3 (ticks aside)
    };
    for (int i = 0; i < 8; ++i) {
        const RequestRecord &r = trace.requests[size_t(i)];
        const qint64 midStream = (r.firstTokenNs() + r.lastTokenNs()) / 2;
        QCOMPARE(colourAt(i, midStream).name(), phaseStyle(Phase::Streaming).fill.name());
        if (RequestMetrics::queueNs(r) > 50'000'000)
            QCOMPARE(
                colourAt(i, (r.intendedNs + r.dispatchNs) / 2).name(), phaseStyle(Phase::Queued).fill.name());
    }
    // The event-loop lane shows busy time somewhere (green).
    int green = 0;
    for (int x = l.plotRect.left(); x <= l.plotRect.right(); ++x)
        green += QColor(image.pixel(x, l.loopLane.top() + 2)) == phaseStyle(Phase::CpuWork).fill ? 1 : 0;
    QVERIFY(green > 0);

    // The story told it, and clicking a bar shows its details.
    const QStringList captions = window.storyPanel()->captions();
    QVERIFY(captions.size() >= 3);
    QVERIFY(captions.join(QLatin1Char('\n')).contains(QStringLiteral("takes order")));
    const RequestRecord &third = trace.requests[2];
    const QPoint bar(int(l.timeToX((third.firstTokenNs() + third.lastTokenNs()) / 2)),
        l.requestLaneY(2) + l.requestLaneH(2) / 2);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, bar);
    QCOMPARE(view->state()->selectedRequest(), 2);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("titleLabel"))->text().contains(QStringLiteral("#3")));
}

void tst_MainWindow::stopCutsTheRunOffAndKeepsWhatFinished()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    Scenario s;
    s.name = QStringLiteral("long");
    s.concurrency = 4;
    s.requests = 40;
    s.maxTokens = 100;
    s.simulator.ttftMs = 50;
    s.simulator.tokenIntervalMs = 20;
    s.simulator.outputTokens = 100; // 2 s per request, 20 s in all: far longer than we wait
    window.scenarioEditor()->setScenario(s);
    QSignalSpy updated(window.runController(), &RunController::traceUpdated);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QVERIFY(window.startRun());
    // Wait until tokens flow, then press Esc (the Stop action's shortcut).
    QTRY_VERIFY_WITH_TIMEOUT(window.runController()->progress().tokens > 0, 30000);
    QAction *stop = window.findChild<QAction *>(QStringLiteral("actionStop"));
    QVERIFY(stop->isEnabled());
    QCOMPARE(stop->shortcut(), QKeySequence(Qt::Key_Escape));
    stop->trigger();
    QVERIFY(!stop->isEnabled()); // once is enough
    QVERIFY(finished.wait(30000));
    QVERIFY(!window.isRunning());
    const RunTrace &trace = window.runController()->trace();
    int incomplete = 0;
    for (const RequestRecord &r : trace.requests)
        incomplete += r.outcome == Outcome::Incomplete ? 1 : 0;
    QVERIFY2(incomplete >= 1, qPrintable(QString::number(incomplete)));
    QVERIFY(int(trace.requests.size()) < 40);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionRun"))->isEnabled());
    QVERIFY(updated.count() >= 1);
}

// A parallel model (blocking workers) streams snapshots: the timeline shows the requests in
// flight, and the progress counts them, before the run ends.
void tst_MainWindow::parallelModeShowsBarsWhileRunning()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    Scenario s;
    s.name = QStringLiteral("blocking");
    s.mode = ExecutionMode::ParallelBlocking;
    s.workers = 1; // 3 orders of ~0.75 s one after another
    s.requests = 3;
    s.maxTokens = 10;
    s.simulator.ttftMs = 300;
    s.simulator.tokenIntervalMs = 50;
    s.simulator.outputTokens = 10;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QSignalSpy updated(window.runController(), &RunController::traceUpdated);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(window.runController()->isLive());

    TimelineView *view = window.timeline();
    const QColor colours[] = { phaseStyle(Phase::Streaming).fill, phaseStyle(Phase::WaitingFirstToken).fill };
    const auto barPixels = [&] {
        const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const TimelineLayout &l = view->layoutForTesting();
        int n = 0;
        for (int y = int(l.requestTop); y < l.requestBottom; y += 2) {
            for (int x = l.plotRect.left(); x <= l.plotRect.right(); x += 2) {
                const QColor c(image.pixel(x, y));
                for (const QColor &want : colours)
                    n += qAbs(c.red() - want.red()) <= 6 && qAbs(c.green() - want.green()) <= 6
                            && qAbs(c.blue() - want.blue()) <= 6
                        ? 1
                        : 0;
            }
        }
        return n;
    };
    QCOMPARE(finished.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(barPixels() > 0 || finished.count() > 0, 20000);
    QCOMPARE(finished.count(), 0); // drawn before the end
    QVERIFY(window.isRunning());
    QVERIFY(updated.count() >= 1);
    const Progress p = window.runController()->progress();
    QVERIFY(p.dispatched >= 1);
    QVERIFY(p.completed < 3);

    QVERIFY(finished.wait(60000));
    const RunTrace &trace = window.runController()->trace();
    QCOMPARE(int(trace.requests.size()), 3);
    for (const RequestRecord &r : trace.requests)
        QCOMPARE(r.outcome, Outcome::Success);
}

void tst_MainWindow::cpuOnlyRunCountsItsTasks()
{
    // A run of CPU tasks only (parallel-cpu) has no requests: the statistics count its tasks and
    // fill the bar, and the request area says why it is empty instead of "No requests yet".
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Scenario s;
    s.name = QStringLiteral("rooms");
    s.mode = ExecutionMode::ParallelCpu;
    s.requests = 3;
    s.cpuTaskMs = 30;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(finished.wait(30000));
    QCOMPARE(int(window.runController()->trace().tasks.size()), 3);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("etaLabel")) != nullptr, 5000);
    const auto *eta = window.findChild<QLabel *>(QStringLiteral("etaLabel"));
    QTRY_VERIFY2_WITH_TIMEOUT(eta->text().startsWith(QLatin1String("Finished: 3 CPU tasks done in")),
        qPrintable(eta->text()), 5000);
    const auto *bar = window.findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QVERIFY(bar);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(bar->maximum() > 0);
}

// The story under the lesson is the plan of the scenario in the editor, then the figures of the
// run on screen, computed from its trace: two runs tell two stories. Changing the editor's mode
// afterwards leaves the story (title, picture, figures) with the run the timeline shows.
void tst_MainWindow::storyTellsItsOwnRunAndStaysWithIt()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    StoryPanel *story = window.storyPanel();
    const auto *label = story->findChild<QLabel *>(QStringLiteral("runStoryLabel"));
    QVERIFY(label);

    Scenario s;
    s.name = QStringLiteral("six at once");
    s.mode = ExecutionMode::Concurrent;
    s.concurrency = 6;
    s.requests = 6;
    s.maxTokens = 5;
    s.simulator.ttftMs = 60;
    s.simulator.tokenIntervalMs = 10;
    s.simulator.outputTokens = 5;
    window.scenarioEditor()->setScenario(s);
    QVERIFY2(
        story->runStoryText().startsWith(QStringLiteral("This scenario: 6 orders, at most 6 at a time.")),
        qPrintable(story->runStoryText()));
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), story->runStoryText());

    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(finished.wait(60000));
    // The rates say which window they are over: the whole run, once it is over.
    QTRY_COMPARE(window.findChild<QLabel *>(QStringLiteral("requestRateCaption"))->text(),
        QStringLiteral("Requests/s, whole run:"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("tokenRateCaption"))->text(),
        QStringLiteral("Tokens/s, whole run:"));
    // The client queue time is there beside the latencies, as the summary has it.
    const auto *queueP50 = window.findChild<QToolButton *>(QStringLiteral("queueP50Button"));
    QVERIFY(queueP50);
    QTRY_VERIFY2(
        queueP50->isEnabled() && queueP50->text() != QStringLiteral("–"), qPrintable(queueP50->text()));
    QString told = story->runStoryText();
    QVERIFY2(
        told.startsWith(QStringLiteral("This run: 6 orders, 6 served, each in about ")), qPrintable(told));
    QVERIFY2(told.contains(QStringLiteral("up to 6 were in flight at once")), qPrintable(told));
    // The kitchen, unless a loaded machine saturated the client: the trace says which.
    QCOMPARE(told, RunStory::text(runStoryFacts(window.runController()->trace())));
    QVERIFY2(told.contains(QStringLiteral("The bottleneck was the kitchen"))
            || told.contains(QStringLiteral("The bottleneck was this computer")),
        qPrintable(told));

    s.name = QStringLiteral("three in a row");
    s.mode = ExecutionMode::Sequential;
    s.requests = 3;
    window.scenarioEditor()->setScenario(s);
    QVERIFY2(story->runStoryText().startsWith(told), "the run on screen keeps its story");
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(finished.wait(60000));
    told = story->runStoryText();
    QVERIFY2(told.startsWith(QStringLiteral("This run: 3 orders, 3 served")), qPrintable(told));
    // The line at the client's limit, unless this machine saturated the client's loop during the
    // run (a loaded CI box): then the story names that first, as it must, and says so.
    const RunStoryFacts sequential = runStoryFacts(window.runController()->trace());
    QCOMPARE(told, RunStory::text(sequential));
    if (sequential.bottleneck == StoryBottleneck::ThisComputer)
        QVERIFY2(told.contains(QStringLiteral("The bottleneck was this computer")), qPrintable(told));
    else
        QVERIFY2(told.contains(QStringLiteral("one order at a time, so 2 orders waited in line")),
            qPrintable(told));
    const QString title = story->title();
    QCOMPARE(title, StoryNarrator::modeTitle(ExecutionMode::Sequential));
    QCOMPARE(told, RunStory::text(runStoryFacts(window.runController()->trace())));

    // The editor asks for another mode: the story stays with the run and says what Run would do.
    auto *picture = story->findChild<StoryPicture *>();
    QVERIFY(picture);
    const QImage before = picture->grab().toImage();
    s.mode = ExecutionMode::Concurrent;
    window.scenarioEditor()->setScenario(s);
    QCOMPARE(story->title(), title);
    QCOMPARE(picture->mode(), ExecutionMode::Sequential);
    QCOMPARE(picture->grab().toImage(), before);
    QVERIFY2(story->runStoryText().startsWith(told), qPrintable(story->runStoryText()));
    QVERIFY2(story->runStoryText().contains(QStringLiteral("The editor now asks for “")
                 + StoryNarrator::modeTitle(ExecutionMode::Concurrent)
                 + QStringLiteral("”: press Run to see it.")),
        qPrintable(story->runStoryText()));

    // Retold in Spanish, from the same run.
    QVERIFY(translations.setLanguage(QStringLiteral("es")));
    QTRY_VERIFY2(
        story->runStoryText().contains(QStringLiteral("3 pedidos")), qPrintable(story->runStoryText()));
    QVERIFY(!story->runStoryText().contains(QStringLiteral("This run")));
    translations.setLanguage(QStringLiteral("en"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
