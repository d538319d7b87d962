// The code beside the picture (issue 16): each model's Python asyncio and the Qt code that ran
// it, the options that change the code, the lines lit where work stands (their marker drawn in
// the legend's colour, nothing drawn on an idle line), the words above, and the main window's
// panel following a real run and the pointer on its timeline.
#include "gui/codepanel.h"
#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/scenarioeditor.h"
#include "gui/timelineview.h"
#include "gui/translations.h"
#include "render/legend.h"

#include <QDockWidget>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

QString codeOf(const CodeListing &l)
{
    QStringList lines;
    for (const CodeLine &line : l.lines)
        lines << line.code;
    return lines.join(QLatin1Char('\n'));
}

std::vector<CodeStep> stepsOf(const CodeListing &l)
{
    std::vector<CodeStep> steps;
    for (const CodeLine &line : l.lines)
        if (line.step)
            steps.push_back(*line.step);
    return steps;
}

bool has(const std::vector<CodeStep> &steps, CodeStep step)
{
    return std::find(steps.begin(), steps.end(), step) != steps.end();
}

// 4 requests at 100 ms: two streaming, one waiting, one in line.
RunTrace busyTrace()
{
    RunTrace t;
    t.scenario.mode = ExecutionMode::Concurrent;
    t.scenario.concurrency = 3;
    t.scenario.requests = 4;
    for (int i = 0; i < 4; ++i) {
        RequestRecord r;
        r.index = quint32(i);
        r.intendedNs = 0;
        r.dispatchNs = i < 3 ? 0 : -1;
        r.sentNs = i < 3 ? 1 * ms : -1;
        if (i < 2)
            r.tokenNs = { 50 * ms };
        r.outcome = i < 3 ? Outcome::InFlight : Outcome::Pending;
        t.requests.push_back(r);
    }
    return t;
}

} // namespace

class tst_CodePanel : public QObject
{
    Q_OBJECT
private slots:
    void everyModelHasItsCode_data();
    void everyModelHasItsCode();
    void optionsChangeTheCode();
    void litLinesAreDrawn();
    void followsARunAndThePointer();
};

void tst_CodePanel::everyModelHasItsCode_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("cpuOnly");
    QTest::addColumn<QString>("python"); // a line the lesson must show
    QTest::addColumn<QString>("qt"); // a line the Qt listing must show
    QTest::addColumn<int>("mustStep"); // a step both listings light
    QTest::newRow("sequential") << int(ExecutionMode::Sequential) << false << "for prompt in prompts:"
                                << "while (inFlight < 1" << int(CodeStep::InLine);
    QTest::newRow("concurrent") << int(ExecutionMode::Concurrent) << false << "asyncio.Semaphore"
                                << "QNetworkReply *reply" << int(CodeStep::Waiting);
    QTest::newRow("parallel blocking")
        << int(ExecutionMode::ParallelBlocking) << false << "ThreadPoolExecutor"
        << "waitForReadyRead" << int(CodeStep::Waiting);
    QTest::newRow("parallel cpu") << int(ExecutionMode::ParallelCpu) << true << "ProcessPoolExecutor"
                                  << "QtConcurrent::run" << int(CodeStep::CpuWork);
    QTest::newRow("mixed") << int(ExecutionMode::Mixed) << false << "run_in_executor"
                           << "QtConcurrent::run" << int(CodeStep::CpuWork);
    QTest::newRow("anti-pattern") << int(ExecutionMode::AntiPattern) << false << "return crunch(burger)"
                                  << "r.digest = crunch(r.text);" << int(CodeStep::CpuWork);
    QTest::newRow("background jobs") << int(ExecutionMode::BackgroundJobs) << false << "BackgroundTasks"
                                     << "pollTimer" << int(CodeStep::Polling);
    QTest::newRow("cleaning, sliced on the loop")
        << int(ExecutionMode::Concurrent) << true << "await asyncio.sleep(0)"
        << "sliceRounds" << int(CodeStep::CpuWork);
}

void tst_CodePanel::everyModelHasItsCode()
{
    QFETCH(int, mode);
    QFETCH(bool, cpuOnly);
    QFETCH(QString, python);
    QFETCH(QString, qt);
    QFETCH(int, mustStep);
    Scenario s;
    s.mode = ExecutionMode(mode);
    s.cpuOnly = cpuOnly;
    s.cpuTaskMs = 50;
    s.concurrency = 8;
    const CodeSnippets code = codeSnippetsFor(s);
    QVERIFY2(codeOf(code.lesson).contains(python), qPrintable(codeOf(code.lesson)));
    QVERIFY2(codeOf(code.ran).contains(qt), qPrintable(codeOf(code.ran)));
    QVERIFY(has(stepsOf(code.lesson), CodeStep(mustStep)));
    QVERIFY(has(stepsOf(code.ran), CodeStep(mustStep)));
    QVERIFY(!code.lesson.title.isEmpty() && code.ran.source.contains(QLatin1String("src/")));
}

void tst_CodePanel::optionsChangeTheCode()
{
    Scenario s;
    s.mode = ExecutionMode::Concurrent;
    s.concurrency = 8;
    QString py = codeOf(codeSnippetsFor(s).lesson);
    QVERIFY(py.contains(QLatin1String("return_exceptions=True"))); // collect-all, the default
    QVERIFY(!py.contains(QLatin1String("TaskGroup")));
    QVERIFY(py.contains(QLatin1String("Semaphore(8)")));
    QVERIFY(!has(stepsOf(codeSnippetsFor(s).lesson), CodeStep::RetryWait));
    s.errorPolicy = ErrorPolicy::FailFast;
    s.retries = 2;
    s.rateLimit = 5;
    s.rate = 20;
    s.transport = Transport::Socket;
    const CodeSnippets code = codeSnippetsFor(s);
    py = codeOf(code.lesson);
    QVERIFY(py.contains(QLatin1String("asyncio.TaskGroup()")));
    QVERIFY(py.contains(QLatin1String("range(3)"))); // 1 + 2 retries
    QVERIFY(py.contains(QLatin1String("bucket.take()")));
    QVERIFY(py.contains(QLatin1String("schedule(prompts, rate=20)")));
    const QString qt = codeOf(code.ran);
    QVERIFY(qt.contains(QLatin1String("QTcpSocket")));
    QVERIFY(!qt.contains(QLatin1String("QNetworkReply")));
    QVERIFY(qt.contains(QLatin1String("bucket.tryAcquire")));
    for (const CodeStep step : { CodeStep::RetryWait, CodeStep::NotDue, CodeStep::InLine }) {
        QVERIFY(has(stepsOf(code.lesson), step));
        QVERIFY(has(stepsOf(code.ran), step));
    }
}

void tst_CodePanel::litLinesAreDrawn()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    CodePanel panel;
    panel.resize(1200, 400);
    const RunTrace t = busyTrace();
    panel.setScenario(t.scenario);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showMoment(t, 100 * ms, true);
    QCOMPARE(panel.counts()[CodeStep::Streaming], 2);
    QCOMPARE(panel.counts()[CodeStep::Waiting], 1);
    QCOMPARE(panel.counts()[CodeStep::InLine], 1);
    QVERIFY2(panel.momentText().contains(QLatin1String("2 receiving tokens"))
            && panel.momentText().contains(QLatin1String("1 waiting for the kitchen"))
            && panel.momentText().contains(QLatin1String("1 in line")),
        qPrintable(panel.momentText()));

    for (const CodeView *view : { panel.lessonView(), panel.ranView() }) {
        const std::vector<int> lit = view->activeLines();
        QVERIFY(!lit.empty());
        const QImage image = const_cast<CodeView *>(view)->grab().toImage();
        const QColor base = view->palette().color(QPalette::Base);
        for (int i = 0; i < int(view->listing().lines.size()); ++i) {
            const CodeLine &line = view->listing().lines[size_t(i)];
            const QPoint at = view->markerRect(i).center();
            const QColor drawn = image.pixelColor(at);
            const bool shouldLight = line.step && panel.counts()[*line.step] > 0;
            QCOMPARE(view->countOnLine(i) > 0, shouldLight);
            if (!shouldLight) {
                QVERIFY2(drawn == base,
                    qPrintable(QStringLiteral("line %1 (%2): %3").arg(i).arg(line.code, drawn.name())));
                continue;
            }
            // The marker is the legend's look for the step: its fill, or its pattern's lines.
            const PhaseStyle &style = phaseStyle(CodeView::phaseOf(*line.step));
            bool found = false;
            const QRect marker = view->markerRect(i).adjusted(0, 1, 0, -1);
            for (int y = marker.top(); y <= marker.bottom() && !found; ++y)
                for (int x = marker.left(); x <= marker.right() && !found; ++x) {
                    const QColor c = image.pixelColor(x, y);
                    found = (style.fill.isValid() && c.rgb() == style.fill.rgb())
                        || (style.pattern.isValid() && c.rgb() == style.pattern.rgb())
                        || (style.outline.isValid() && c.rgb() == style.outline.rgb());
                }
            QVERIFY2(found, qPrintable(QStringLiteral("line %1 (%2) has no marker").arg(i).arg(line.code)));
        }
        // Every character shows: the view is as wide as its longest line.
        QVERIFY(view->width() >= view->sizeHint().width());
    }
    // Nothing under way: nothing lit, and it says so.
    RunTrace done = t;
    done.endNs = 200 * ms;
    panel.showMoment(done, 200 * ms, false);
    QVERIFY(panel.lessonView()->activeLines().empty());
    QVERIFY(panel.ranView()->activeLines().empty());
    QVERIFY2(panel.momentText().contains(QLatin1String("nothing under way")), qPrintable(panel.momentText()));
    panel.clearMoment();
    QVERIFY(panel.momentText().contains(QLatin1String("Point at the timeline")));

    // Spanish: the comments and words are translated, the code is not.
    QVERIFY(translations.setLanguage(QStringLiteral("es")));
    QCoreApplication::sendPostedEvents();
    panel.showMoment(t, 100 * ms, true);
    QVERIFY2(panel.momentText().contains(QLatin1String("recibiendo tokens")), qPrintable(panel.momentText()));
    QVERIFY(
        codeOf(panel.lessonView()->listing()).contains(QLatin1String("async for line in r.aiter_lines():")));
}

void tst_CodePanel::followsARunAndThePointer()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("codeDock"));
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), QStringLiteral("The code"));
    Scenario s;
    s.name = QStringLiteral("code");
    s.mode = ExecutionMode::Concurrent;
    s.concurrency = 4;
    s.requests = 8;
    s.maxTokens = 10;
    s.simulator.ttftMs = 300;
    s.simulator.tokenIntervalMs = 20;
    s.simulator.outputTokens = 10;
    window.scenarioEditor()->setScenario(s);
    CodePanel *panel = window.codePanel();
    QVERIFY(codeOf(panel->lessonView()->listing()).contains(QLatin1String("Semaphore(4)")));
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QVERIFY(window.startRun());
    // While it runs, the panel follows: orders stand waiting or streaming, the rest in line.
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->counts()[CodeStep::Waiting] + panel->counts()[CodeStep::Streaming] > 0, 30000);
    QVERIFY(panel->momentText().startsWith(QLatin1String("Now")));
    QVERIFY(finished.wait(60000));
    QVERIFY2(panel->momentText().contains(QLatin1String("8 finished")), qPrintable(panel->momentText()));

    // Pointing at the timeline early in the run lights the lines of that moment.
    TimelineView *timeline = window.findChild<TimelineView *>();
    QVERIFY(timeline);
    QSignalSpy hovered(timeline, &TimelineView::hoveredTimeChanged);
    const RunTrace &trace = window.runController()->trace();
    qint64 want = -1;
    for (const RequestRecord &r : trace.requests)
        if (r.firstTokenNs() > r.dispatchNs)
            want = (r.dispatchNs + r.firstTokenNs()) / 2; // someone waiting for the kitchen then
    QVERIFY(want > 0);
    // Find the pixel of that moment along the plot.
    QWidget *viewport = timeline->viewport();
    int bestX = -1;
    qint64 bestErr = std::numeric_limits<qint64>::max();
    for (int x = 0; x < viewport->width(); x += 2) {
        QMouseEvent move(QEvent::MouseMove, QPointF(x, viewport->height() / 2.0),
            viewport->mapToGlobal(QPointF(x, viewport->height() / 2.0)), Qt::NoButton, Qt::NoButton,
            Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &move);
        if (!hovered.isEmpty() && hovered.last().at(0).toLongLong() >= 0) {
            const qint64 err = std::abs(hovered.last().at(0).toLongLong() - want);
            if (err < bestErr) {
                bestErr = err;
                bestX = x;
            }
        }
    }
    QVERIFY(bestX >= 0);
    QMouseEvent move(QEvent::MouseMove, QPointF(bestX, viewport->height() / 2.0),
        viewport->mapToGlobal(QPointF(bestX, viewport->height() / 2.0)), Qt::NoButton, Qt::NoButton,
        Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    const qint64 at = hovered.last().at(0).toLongLong();
    QVERIFY2(panel->momentText().startsWith(QLatin1String("At ")), qPrintable(panel->momentText()));
    QCOMPARE(panel->counts().count, codeStepsAt(trace, at).count);
    QVERIFY(panel->counts()[CodeStep::Waiting] + panel->counts()[CodeStep::Streaming] > 0);
    QVERIFY(!panel->lessonView()->activeLines().empty());
    if (qEnvironmentVariableIsSet("BURGERBENCH_SHOTS")) {
        dock->raise();
        QCoreApplication::processEvents();
        window.grab().save(qEnvironmentVariable("BURGERBENCH_SHOTS") + QStringLiteral("/code-panel-en.png"));
    }
    // --code-at's path: the tab raised, the counts of that moment.
    window.showCodeAt(want);
    QVERIFY(dock->isVisible());
    QVERIFY(!dock->visibleRegion().isEmpty()); // raised over the details tab
    QCOMPARE(panel->counts().count, codeStepsAt(trace, want).count);
    // Another mode in the editor: its code, nothing lit until it runs.
    Scenario other = s;
    other.mode = ExecutionMode::ParallelBlocking;
    window.scenarioEditor()->setScenario(other);
    QVERIFY(codeOf(panel->ranView()->listing()).contains(QLatin1String("waitForReadyRead")));
    QVERIFY(panel->lessonView()->activeLines().empty());
}

QTEST_MAIN(tst_CodePanel)
#include "tst_codepanel.moc"
