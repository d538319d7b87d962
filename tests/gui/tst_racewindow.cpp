#include "gui/legendstrip.h"
#include "gui/mainwindow.h"
#include "gui/racecontroller.h"
#include "gui/racewindow.h"
#include "gui/settings.h"
#include "gui/timelineview.h"
#include "gui/timelineviewstate.h"
#include "gui/translations.h"
#include "render/legend.h"
#include "render/timelinepainter.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace BurgerBench;

namespace {

// The burgers race scaled down: 4 orders of 0.2 s each (ttft 100 ms + 4 × 25 ms), so the whole
// race (three models and the pauses between them) takes about 1.5 s.
RaceSpec shortBurgers()
{
    RacePreset preset;
    racePreset(QStringLiteral("burgers"), &preset);
    RaceSpec spec = preset.spec;
    spec.n = 4;
    spec.workers = 4;
    spec.simulator.ttftMs = 100;
    spec.simulator.tokenIntervalMs = 25;
    spec.simulator.outputTokens = 5;
    spec.base.maxTokens = 5;
    return spec;
}

QString rowText(QWidget *row, const char *label)
{
    auto *l = row->findChild<QLabel *>(QString::fromLatin1(label));
    return l ? l->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(label));
}

// The rightmost pixel column of the request lanes that shows a request bar (waiting for the
// first token or streaming), or -1.
int rightmostBarX(TimelineView *view)
{
    const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const TimelineLayout &l = view->layoutForTesting();
    const QColor colours[] = { phaseStyle(Phase::Streaming).fill, phaseStyle(Phase::WaitingFirstToken).fill };
    for (int x = l.plotRect.right(); x >= l.plotRect.left(); --x) {
        for (int y = int(l.requestTop); y < l.requestBottom; ++y) {
            const QColor c(image.pixel(x, y));
            for (const QColor &want : colours) {
                if (qAbs(c.red() - want.red()) <= 6 && qAbs(c.green() - want.green()) <= 6
                    && qAbs(c.blue() - want.blue()) <= 6)
                    return x;
            }
        }
    }
    return -1;
}

// The clean-the-house race's parallel-cpu row as a machine with `cores` cores recorded it: 4
// tasks of 1 s wall, two at a time, each of which got `cpuShare` of its wall time as thread CPU.
std::shared_ptr<const RaceEntry> cpuOnlyEntry(const RaceSpec &spec, double cpuShare, int cores)
{
    auto e = std::make_shared<RaceEntry>();
    e->model = RaceModel::ParallelCpu;
    e->ran = true;
    RunTrace &t = e->result.trace;
    t.scenario = scenarioFor(spec, e->model);
    t.cpuCount = cores;
    t.measuredStartNs = 0;
    t.taskLanes = { TaskLane { LaneKind::Pool, 1, 0 }, TaskLane { LaneKind::Pool, 2, 0 } };
    constexpr qint64 S = 1'000'000'000;
    const auto cpuNs = qint64(double(S) * cpuShare);
    for (int i = 0; i < 4; ++i) {
        t.tasks.push_back(
            TaskRecord { -1, i % 2, TaskKind::CpuWork, 0, (i / 2) * S, (i / 2 + 1) * S, cpuNs });
        e->result.taskOwner.push_back(i);
    }
    t.endNs = 2 * S;
    e->theory = theoreticalWall(e->model, theoryInputFor(spec, 0, cores));
    RaceFigures::fill(e.get());
    e->speedup = 2.0;
    return e;
}

} // namespace

// The race window: a row per model with figures that match the runner's entries, every row on
// one time axis (the sequential bars reach N× further right than the concurrent ones), a stop
// that cancels cleanly, and the Spanish interface in Spanish.
class tst_RaceWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsThePresetAndItsTheoryBeforeRunning();
    void showsTheChosenLanguage_data();
    void showsTheChosenLanguage();
    void knobsChangeTheSpecAndTheTheory();
    void runsARaceOnOneSharedTimeAxis();
    void stopCancelsTheRaceCleanly();
    void runningRowGrowsBeforeItsModelEnds();
    void mainWindowOpensTheRace();
    void cpuOnlyRowSaysWhatItDid_data();
    void cpuOnlyRowSaysWhatItDid();
    void oneModelIsNotTheFastest();
    void backgroundJobsShowTheirBoard();
};

void tst_RaceWindow::initTestCase()
{
    Settings::setVolatile(true);
}

void tst_RaceWindow::showsThePresetAndItsTheoryBeforeRunning()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    RaceWindow window(&translations);
    QCOMPARE(window.currentPreset(), QStringLiteral("burgers"));
    auto *combo = window.findChild<QComboBox *>(QStringLiteral("presetCombo"));
    QCOMPARE(combo->count(), int(racePresets().size()));
    QCOMPARE(combo->itemText(0), QStringLiteral("8 orders × 2 s (I/O-bound)"));
    // Sequential, concurrent, 4 blocking workers: 16 s, 2 s, 4 s predicted before anything runs.
    QCOMPARE(window.rowCount(), 3);
    QVERIFY(rowText(window.row(0), "titleLabel").startsWith(QStringLiteral("Sequential")));
    QVERIFY(rowText(window.row(2), "titleLabel").contains(QStringLiteral("4 blocking workers")));
    QCOMPARE(rowText(window.row(0), "theoryLabel"), QStringLiteral("Theory: 16.000 s"));
    QCOMPARE(rowText(window.row(1), "theoryLabel"), QStringLiteral("Theory: 2.000 s"));
    QCOMPARE(rowText(window.row(2), "theoryLabel"), QStringLiteral("Theory: 4.000 s"));
    QVERIFY(rowText(window.row(0), "formulaLabel").startsWith(QStringLiteral("N·T")));
    QCOMPARE(rowText(window.row(0), "measuredLabel"), QStringLiteral("Measured: —"));
    QVERIFY(
        window.findChild<QLabel *>(QStringLiteral("storyLabel"))->text().startsWith(QStringLiteral("Eight")));

    QVERIFY(window.selectPreset(QStringLiteral("clean-the-house")));
    QCOMPARE(window.rowCount(), 3);
    QVERIFY(rowText(window.row(2), "titleLabel").startsWith(QStringLiteral("Parallel CPU")));
    // No requests in a CPU-only race: the I/O knobs are greyed out.
    QVERIFY(!window.findChild<QSpinBox *>(QStringLiteral("capacitySpin"))->isEnabled());
    QVERIFY(window.findChild<QSpinBox *>(QStringLiteral("cpuSpin"))->isEnabled());
    QVERIFY(!window.selectPreset(QStringLiteral("no-such-race")));
}

void tst_RaceWindow::showsTheChosenLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("runButton");
    QTest::addColumn<QString>("sequential");
    QTest::addColumn<QString>("theory");
    QTest::addColumn<QString>("storyStart");
    QTest::addColumn<QString>("knobsBox");
    QTest::addColumn<QString>("concurrentFormula");
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("&Run race")
                             << QStringLiteral("Sequential: one thing after another")
                             << QStringLiteral("Theory: 16.000 s") << QStringLiteral("Eight orders")
                             << QStringLiteral("Workload and knobs")
                             << QStringLiteral("⌈N/P⌉·T, P = min(N, cap, capacity) = 8: ⌈8/8⌉ × 2.000 s");
    QTest::newRow("Spanish") << QStringLiteral("es") << QStringLiteral("&Ejecutar la carrera")
                             << QStringLiteral("Secuencial: una cosa tras otra")
                             << QStringLiteral("Teoría: 16,000 s") << QStringLiteral("Ocho pedidos")
                             << QStringLiteral("Carga de trabajo y mandos")
                             << QStringLiteral("⌈N/P⌉·T, P = mín(N, tope, capacidad) = 8: ⌈8/8⌉ × 2,000 s");
}

void tst_RaceWindow::showsTheChosenLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, runButton);
    QFETCH(QString, sequential);
    QFETCH(QString, theory);
    QFETCH(QString, storyStart);
    QFETCH(QString, knobsBox);
    QFETCH(QString, concurrentFormula);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    RaceWindow window(&translations);
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("runButton"))->text(), runButton);
    QCOMPARE(rowText(window.row(0), "titleLabel"), sequential);
    QCOMPARE(rowText(window.row(0), "theoryLabel"), theory);
    QCOMPARE(rowText(window.row(1), "formulaLabel"), concurrentFormula); // words and decimal point
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("storyLabel"))->text().startsWith(storyStart));
    QCOMPARE(window.findChild<QWidget *>(QStringLiteral("knobsBox"))->property("title").toString(), knobsBox);
    QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("presetCombo"))->itemText(0),
        language == QLatin1String("es") ? QStringLiteral("8 pedidos × 2 s (limitado por E/S)")
                                        : QStringLiteral("8 orders × 2 s (I/O-bound)"));

    // Switching at run time follows, texts set from code included.
    const QString other = language == QLatin1String("es") ? QStringLiteral("en") : QStringLiteral("es");
    translations.setLanguage(other);
    QCoreApplication::sendPostedEvents();
    QVERIFY(rowText(window.row(0), "titleLabel") != sequential);
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("runButton"))->text() != runButton);
    QVERIFY(rowText(window.row(1), "formulaLabel") != concurrentFormula);
}

void tst_RaceWindow::knobsChangeTheSpecAndTheTheory()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    RaceWindow window(&translations);
    // Cap the concurrent model at 3 in flight: ⌈8/3⌉ = 3 rounds of 2 s.
    window.findChild<QSpinBox *>(QStringLiteral("concurrencySpin"))->setValue(3);
    QCOMPARE(window.spec().concurrency, 3);
    QCOMPARE(rowText(window.row(1), "theoryLabel"), QStringLiteral("Theory: 6.000 s"));
    // Two workers for the blocking model: 4 rounds.
    window.findChild<QSpinBox *>(QStringLiteral("workersSpin"))->setValue(2);
    QCOMPARE(window.spec().workers, 2);
    QCOMPARE(rowText(window.row(2), "theoryLabel"), QStringLiteral("Theory: 8.000 s"));
    QVERIFY(rowText(window.row(2), "titleLabel").contains(QStringLiteral("2 blocking workers")));
    // Preset values puts them back.
    window.findChild<QPushButton *>(QStringLiteral("resetButton"))->click();
    QCOMPARE(window.spec().concurrency, 0);
    QCOMPARE(rowText(window.row(1), "theoryLabel"), QStringLiteral("Theory: 2.000 s"));
}

void tst_RaceWindow::runsARaceOnOneSharedTimeAxis()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    RaceWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const RaceSpec spec = shortBurgers();
    QSignalSpy finished(&window, &RaceWindow::raceFinished);
    QSignalSpy ready(window.controller(), &RaceController::entryReady);
    QString error;
    QVERIFY2(window.startRace(spec, &error), qPrintable(error));
    QVERIFY(window.isRunning());
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("runButton"))->text(), QStringLiteral("&Stop"));
    QVERIFY(!window.findChild<QComboBox *>(QStringLiteral("presetCombo"))->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY(!window.isRunning());
    QCOMPARE(ready.count(), 3); // each row arrived as its model ended
    QCOMPARE(
        window.findChild<QPushButton *>(QStringLiteral("runButton"))->text(), QStringLiteral("&Run race"));

    // One row per model, with the runner's own figures.
    QCOMPARE(window.rowCount(), int(spec.models.size()));
    for (int i = 0; i < window.rowCount(); ++i) {
        const auto entry = window.rowEntry(i);
        QVERIFY(entry);
        QVERIFY2(entry->ran, qPrintable(entry->error));
        QCOMPARE(entry->model, spec.models.at(i));
        QWidget *row = window.row(i);
        QCOMPARE(rowText(row, "measuredLabel"),
            QStringLiteral("Measured: %1 s").arg(QLocale().toString(entry->measuredS, 'f', 3)));
        QCOMPARE(rowText(row, "theoryLabel"),
            QStringLiteral("Theory: %1 s").arg(QLocale().toString(entry->theory.wallS, 'f', 3)));
        QCOMPARE(rowText(row, "formulaLabel"), entry->theory.formula); // English UI: the report's text
        QCOMPARE(rowText(row, "efficiencyLabel"),
            QStringLiteral("Efficiency: %1 %").arg(QLocale().toString(entry->efficiency * 100, 'f', 0)));
        QVERIFY(rowText(row, "speedupLabel").contains(QLocale().toString(entry->speedup, 'f', 2)));
        QCOMPARE(int(entry->result.trace.requests.size()), spec.n);
    }
    // The theory of this workload, by hand: N·T = 0.8 s, T = 0.2 s, ⌈4/4⌉·T = 0.2 s.
    QCOMPARE(window.rowEntry(0)->theory.wallS, 0.8);
    QCOMPARE(window.rowEntry(1)->theory.wallS, 0.2);
    QCOMPARE(window.rowEntry(2)->theory.wallS, 0.2);

    // One time axis: every row shows the same range, fitted to the longest model (sequential).
    const qint64 longest = window.rowView(0)->state()->extentNs();
    QVERIFY(longest >= qint64(window.rowEntry(0)->measuredS * 1e9) - 1'000'000);
    for (int i = 0; i < window.rowCount(); ++i) {
        QCOMPARE(window.rowView(i)->state()->fromNs(), qint64(0));
        QCOMPARE(window.rowView(i)->state()->toNs(), longest + longest / 50);
        QVERIFY(window.rowView(i)->state()->extentNs() <= longest);
    }

    // And what is drawn: the sequential bars reach about N = 4 times as far right as the
    // concurrent ones, each ending where its own measured wall time falls on the shared axis.
    QTRY_VERIFY(rightmostBarX(window.rowView(1)) > 0);
    const TimelineLayout &seqLayout = window.rowView(0)->layoutForTesting();
    const TimelineLayout &conLayout = window.rowView(1)->layoutForTesting();
    QCOMPARE(seqLayout.plotRect.left(), conLayout.plotRect.left());
    QCOMPARE(seqLayout.plotRect.width(), conLayout.plotRect.width());
    const int left = seqLayout.plotRect.left();
    const int seqRight = rightmostBarX(window.rowView(0));
    const int conRight = rightmostBarX(window.rowView(1));
    const int blockRight = rightmostBarX(window.rowView(2));
    QVERIFY2(seqRight > 0 && conRight > 0 && blockRight > 0,
        qPrintable(QStringLiteral("%1 %2 %3").arg(seqRight).arg(conRight).arg(blockRight)));
    // The drawn ratio is the measured one, and that is about N: sequential pays every wait in
    // turn. (Not capped from above: per-request overhead, e.g. under ThreadSanitizer, adds N times
    // to sequential and once to concurrent, so a slow machine reads above 4.)
    const double ratio = double(seqRight - left) / double(conRight - left);
    const double measuredRatio = window.rowEntry(0)->measuredS / window.rowEntry(1)->measuredS;
    const QString figures = QStringLiteral("drawn %1 (%2, %3 from %4), measured %5 (%6 s / %7 s)")
                                .arg(ratio)
                                .arg(seqRight)
                                .arg(conRight)
                                .arg(left)
                                .arg(measuredRatio)
                                .arg(window.rowEntry(0)->measuredS)
                                .arg(window.rowEntry(1)->measuredS);
    QVERIFY2(qAbs(ratio - measuredRatio) < 0.05 * measuredRatio, qPrintable(figures));
    QVERIFY2(measuredRatio > 3.3, qPrintable(figures));
    for (int i = 0; i < 3; ++i) {
        const int right = rightmostBarX(window.rowView(i));
        const TimelineLayout &l = window.rowView(i)->layoutForTesting();
        const double expected = l.timeToX(qint64(window.rowEntry(i)->measuredS * 1e9));
        QVERIFY2(qAbs(right - expected) <= 4,
            qPrintable(QStringLiteral("row %1: bars end at x %2, measured wall at x %3")
                           .arg(i)
                           .arg(right)
                           .arg(expected)));
    }

    // Zooming one row moves them all; so does the shared scroll bar; fit brings back the whole.
    TimelineViewState *concurrent = window.rowView(1)->state();
    concurrent->zoom(0.25, 100'000'000);
    const qint64 from = concurrent->fromNs();
    const qint64 to = concurrent->toNs();
    QVERIFY(to - from < longest / 2);
    for (int i = 0; i < window.rowCount(); ++i) {
        QCOMPARE(window.rowView(i)->state()->fromNs(), from);
        QCOMPARE(window.rowView(i)->state()->toNs(), to);
    }
    QCOMPARE(window.axisFromNs(), from);
    auto *bar = window.findChild<QScrollBar *>(QStringLiteral("axisScrollBar"));
    QVERIFY(bar->isEnabled());
    bar->setValue(bar->maximum());
    QVERIFY(window.rowView(0)->state()->fromNs() > from);
    QCOMPARE(window.rowView(2)->state()->fromNs(), window.rowView(0)->state()->fromNs());
    QCOMPARE(window.rowView(2)->state()->spanNs(), to - from);
    // A row fitted to its own (short) run makes every row fit the longest run instead.
    concurrent->zoom(0.25, 100'000'000);
    QVERIFY(window.rowView(0)->state()->toNs() < longest);
    window.rowView(1)->fitAll();
    QTRY_COMPARE(window.rowView(0)->state()->toNs(), longest + longest / 50);
    QCOMPARE(window.rowView(1)->state()->toNs(), longest + longest / 50);
    QVERIFY(!window.rowView(1)->state()->fitMode()); // so its own extent never moves the axis
    // So does F, wherever the focus is.
    concurrent->zoom(0.25, 100'000'000);
    window.rowView(2)->setFocus();
    QTest::keyClick(window.rowView(2), Qt::Key_F);
    QTRY_COMPARE(window.rowView(0)->state()->toNs(), longest + longest / 50);
    for (int i = 0; i < window.rowCount(); ++i) {
        QCOMPARE(window.rowView(i)->state()->fromNs(), qint64(0));
        QCOMPARE(window.rowView(i)->state()->toNs(), longest + longest / 50);
    }
    QVERIFY(!bar->isEnabled());
}

void tst_RaceWindow::stopCancelsTheRaceCleanly()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    RaceWindow window(&translations);
    window.show();
    // The full burgers preset: 16 s of sequential orders, far longer than we wait.
    QVERIFY(window.selectPreset(QStringLiteral("burgers")));
    QSignalSpy started(window.controller(), &RaceController::modelStarted);
    QSignalSpy finished(&window, &RaceWindow::raceFinished);
    QVERIFY(window.startRace());
    QVERIFY(started.wait(10000));
    QTest::qWait(700); // an order or so in flight
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(&window, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 10000);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!window.isRunning());
    // The sequential row keeps what it recorded, cut off; the other models never ran.
    const auto first = window.rowEntry(0);
    QVERIFY(first);
    QVERIFY(first->result.trace.cancelled);
    QVERIFY(first->measuredS < 8.0);
    QVERIFY(rowText(window.row(0), "noteLabel").contains(QStringLiteral("Stopped")));
    QVERIFY(!window.rowEntry(1));
    QVERIFY(!window.rowEntry(2));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("statusLabel"))
                ->text()
                .startsWith(QStringLiteral("Stopped")));
    QCOMPARE(
        window.findChild<QPushButton *>(QStringLiteral("runButton"))->text(), QStringLiteral("&Run race"));
    // And a new race can start at once.
    QString error;
    QVERIFY2(window.startRace(shortBurgers(), &error), qPrintable(error));
    QVERIFY(finished.wait(60000));
    QVERIFY(window.rowEntry(2));
}

// The running row is not empty until its model ends: its snapshots draw the requests in flight
// (waiting for the first token, streaming) and the worker's held span while the model runs.
void tst_RaceWindow::runningRowGrowsBeforeItsModelEnds()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    RaceWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // One blocking worker, 3 orders of ~0.75 s one after another (ttft 0.3 s + 9 × 50 ms).
    RaceSpec spec = shortBurgers();
    spec.models = { RaceModel::ParallelBlocking };
    spec.n = 3;
    spec.workers = 1;
    spec.simulator.ttftMs = 300;
    spec.simulator.tokenIntervalMs = 50;
    spec.simulator.outputTokens = 10;
    spec.base.maxTokens = 10;
    QSignalSpy finished(&window, &RaceWindow::raceFinished);
    QSignalSpy progress(window.controller(), &RaceController::modelProgress);
    QString error;
    QVERIFY2(window.startRace(spec, &error), qPrintable(error));
    TimelineView *view = window.rowView(0);
    QCOMPARE(rightmostBarX(view), -1); // nothing has run yet

    // Bars appear while the model still runs: no row entry yet.
    QTRY_VERIFY_WITH_TIMEOUT(rightmostBarX(view) >= 0 || window.rowEntry(0), 20000);
    QVERIFY2(!window.rowEntry(0), "the bars came only with the finished row");
    QVERIFY(window.isRunning());
    QVERIFY(progress.count() >= 1);
    const auto live = window.controller()->liveResult(0);
    QVERIFY(live);
    int open = 0;
    for (const RequestRecord &r : live->trace.requests)
        open += r.dispatchNs >= 0 && r.endNs < 0 ? 1 : 0;
    int ended = 0;
    for (const RequestRecord &r : live->trace.requests)
        ended += r.endNs >= 0 ? 1 : 0;
    QVERIFY(open + ended >= 1);
    QVERIFY(ended < 3);
    // The worker's lane shows its held span (kind 1) as it waits, before the model ends.
    const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const TimelineLayout &l = view->layoutForTesting();
    QCOMPARE(l.workerLaneCount, 1);
    const QColor heldColour = phaseStyle(Phase::BlockedHeld).fill;
    int held = 0;
    for (int x = l.plotRect.left(); x <= l.plotRect.right(); ++x) {
        const QColor c(image.pixel(x, l.workerTop + l.workerLaneHeight / 2));
        held += qAbs(c.red() - heldColour.red()) <= 6 && qAbs(c.green() - heldColour.green()) <= 6
                && qAbs(c.blue() - heldColour.blue()) <= 6
            ? 1
            : 0;
    }
    QVERIFY2(held > 0, "no held span drawn on the worker's lane");

    QVERIFY(finished.wait(60000));
    QVERIFY(window.rowEntry(0));
    QVERIFY(window.rowEntry(0)->ran);
    QCOMPARE(int(window.rowEntry(0)->result.trace.requests.size()), 3);
    QVERIFY(!window.controller()->liveResult(0));
    QVERIFY(rightmostBarX(view) >= 0);
}

void tst_RaceWindow::mainWindowOpensTheRace()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *action = window.findChild<QAction *>(QStringLiteral("actionRace"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    QVERIFY(!window.findChild<RaceWindow *>());
    action->trigger();
    auto *race = window.findChild<RaceWindow *>();
    QVERIFY(race);
    QVERIFY(race->isVisible());
    QVERIFY(race->isWindow()); // a window of its own, beside the main one
    QCOMPARE(race, window.raceWindow());
    action->trigger(); // again: the same window, raised
    QCOMPARE(window.findChildren<RaceWindow *>().size(), 1);
}

void tst_RaceWindow::cpuOnlyRowSaysWhatItDid_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<double>("cpuShare");
    QTest::addColumn<QString>("done");
    QTest::addColumn<QString>("shortfall"); // empty: none may be shown
    QTest::newRow("all the CPU") << QStringLiteral("en") << 1.0
                                 << QStringLiteral("Done: 4 CPU tasks, no requests.") << QString();
    QTest::newRow("half the CPU") << QStringLiteral("en") << 0.5
                                  << QStringLiteral("Done: 4 CPU tasks, no requests.")
                                  << QStringLiteral(
                                         "This machine gave the run 1.0 of the 2.0 cores it asked for");
    QTest::newRow("half the CPU, Spanish")
        << QStringLiteral("es") << 0.5 << QStringLiteral("Hecho: 4 tareas de CPU, ninguna petición.")
        << QStringLiteral("Esta máquina dio a la ejecución 1,0 de los 2,0 núcleos que pidió");
}

void tst_RaceWindow::cpuOnlyRowSaysWhatItDid()
{
    QFETCH(QString, language);
    QFETCH(double, cpuShare);
    QFETCH(QString, done);
    QFETCH(QString, shortfall);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    RaceWindow window(&translations);
    QVERIFY(window.selectPreset(QStringLiteral("clean-the-house")));
    RaceSpec spec = window.spec();
    spec.n = 4;
    // Before anything ran, a CPU-only row has no requests to wait for either.
    QVERIFY(window.rowView(2)->trace());
    QVERIFY(emptyRequestAreaText(*window.rowView(2)->trace()) != QStringLiteral("No requests yet"));

    QVERIFY(window.showEntries(spec, { nullptr, nullptr, cpuOnlyEntry(spec, cpuShare, 2) }));
    QWidget *row = window.row(2);
    const QString note = rowText(row, "noteLabel");
    // What the finished row did, and its CPU figure from the CPU time: 4 × cpuShare s over 2 s.
    QVERIFY2(note.contains(done), qPrintable(note));
    QVERIFY2(!note.contains(QStringLiteral("No requests yet")), qPrintable(note));
    const QLocale locale(language == QLatin1String("es") ? QLocale::Spanish : QLocale::English);
    QVERIFY2(note.contains(locale.toString(4 * cpuShare, 'f', 3) + QStringLiteral(" s")), qPrintable(note));
    QVERIFY2(note.contains(locale.toString(2 * cpuShare, 'f', 2)), qPrintable(note));
    QCOMPARE(emptyRequestAreaText(*window.rowView(2)->trace()),
        language == QLatin1String("es") ? QStringLiteral("Solo tareas de CPU: ninguna petición")
                                        : QStringLiteral("CPU tasks only: no requests"));
    const QString speedup = rowText(row, "speedupLabel");
    const QString efficiency = rowText(row, "efficiencyLabel");
    if (shortfall.isEmpty()) {
        for (const QString &text : { note, speedup, efficiency })
            QVERIFY2(
                !text.contains(QStringLiteral("asked for")) && !text.contains(QStringLiteral("CPU it got")),
                qPrintable(text));
        QCOMPARE(efficiency, QStringLiteral("Efficiency: 50 %")); // theory 1 s (2 × 500 ms), measured 2 s
    } else {
        QVERIFY2(note.contains(shortfall), qPrintable(note));
        // The speed-up and the efficiency say on how much CPU they were measured.
        QVERIFY2(
            speedup.contains(locale.toString(1.0, 'f', 1)) && speedup.contains(locale.toString(2.0, 'f', 1)),
            qPrintable(speedup));
        QVERIFY2(speedup.count(QLatin1Char('\n')) == 1, qPrintable(speedup));
        QVERIFY2(efficiency.contains(QStringLiteral("50 %")) && efficiency.contains(QStringLiteral("100 %")),
            qPrintable(efficiency));
    }
    // Nothing else says "No requests yet" either.
    for (QLabel *label : row->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QStringLiteral("No requests yet")), qPrintable(label->text()));
}

// Issue 16 item 6: "the fastest" needs two to compare; a race where one model ran tells its time.
void tst_RaceWindow::oneModelIsNotTheFastest()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    RaceWindow window(&translations);
    QVERIFY(window.selectPreset(QStringLiteral("clean-the-house")));
    RaceSpec spec = window.spec();
    spec.n = 4;
    QVERIFY(window.showEntries(spec, { nullptr, nullptr, cpuOnlyEntry(spec, 1.0, 2) }));
    const QString status = window.findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    QVERIFY2(status.startsWith(QStringLiteral("Finished: “")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("” took ")), qPrintable(status));
    QVERIFY2(!status.contains(QStringLiteral("fastest")), qPrintable(status));
}

// A background-jobs race draws the status board in its row, and the window's one legend lists the
// board's statuses then (and not for a race without jobs).
void tst_RaceWindow::backgroundJobsShowTheirBoard()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    RaceWindow window(&translations);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *legend = window.findChild<LegendStrip *>(QStringLiteral("legendStrip"));
    QVERIFY(legend);
    QVERIFY(!legend->showsJobBoard());
    QVERIFY(window.selectPreset(QStringLiteral("background-jobs")));
    QVERIFY(legend->showsJobBoard());
    QTRY_VERIFY(legend->height() >= legend->heightForWidth(legend->width()));
    const QImage strip = legend->grab().toImage();
    int running = 0;
    int done = 0;
    for (int y = 0; y < strip.height(); ++y) {
        for (int x = 0; x < strip.width(); ++x) {
            const QRgb c = strip.pixel(x, y);
            running += c == phaseStyle(Phase::JobRunning).fill.rgb() ? 1 : 0;
            done += c == phaseStyle(Phase::JobDone).fill.rgb() ? 1 : 0;
        }
    }
    QVERIFY2(running > 30 && done > 30, qPrintable(QStringLiteral("%1 %2").arg(running).arg(done)));
    QVERIFY(window.selectPreset(QStringLiteral("burgers")));
    QVERIFY(!legend->showsJobBoard());
}

QTEST_MAIN(tst_RaceWindow)
#include "tst_racewindow.moc"
