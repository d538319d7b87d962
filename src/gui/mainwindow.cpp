#include "gui/mainwindow.h"

#include "gui/codepanel.h"
#include "gui/comparepanel.h"
#include "gui/detailspanel.h"
#include "gui/racewindow.h"
#include "gui/runcontroller.h"
#include "gui/runstory.h"
#include "gui/scenarioeditor.h"
#include "gui/settings.h"
#include "gui/statspanel.h"
#include "gui/storypanel.h"
#include "gui/sweepdialog.h"
#include "gui/sweepwindow.h"
#include "gui/targetbanner.h"
#include "gui/timelineview.h"
#include "gui/timelineviewstate.h"
#include "gui/translations.h"
#include "i18n/language.h"
#include "metrics/summary.h"
#include "render/timelinepainter.h"
#include "report/chrometrace.h"
#include "report/csvreport.h"
#include "report/htmlreport.h"
#include "report/jsonreport.h"
#include "report/secretscrub.h"
#include "ui_mainwindow.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QScrollArea>
#include <QSvgGenerator>
#include <QtConcurrent>

#include <cmath>
#include <numeric>
#include <utility>

Q_LOGGING_CATEGORY(lcWindow, "burgerbench.gui.window", QtWarningMsg)

namespace BurgerBench {

MainWindow::MainWindow(Translations *translations, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_translations(translations)
    , m_run(new RunController(this))
{
    // Nothing run and no window ever closed: a first launch (read before anything is saved).
    const bool firstLaunch = Settings::value(Settings::Key::LastScenario).toByteArray().isEmpty()
        && Settings::value(Settings::Key::WindowGeometry).toByteArray().isEmpty();
    ui->setupUi(this);
    m_banner = new TargetBanner(ui->centralWidget);
    ui->centralLayout->insertWidget(0, m_banner);
    connect(m_banner, &TargetBanner::useSimulatorClicked, this, &MainWindow::useSimulator);
    connect(m_banner, &TargetBanner::useSocketTransportClicked, this, &MainWindow::useSocketTransport);
    if (firstLaunch)
        m_banner->showFirstLaunch();
    setWindowIcon(QIcon(QStringLiteral(":/images/burger.svg")));
    m_run->setLiveIntervalMs(Settings::value(Settings::Key::LiveIntervalMs).toInt());
    ui->timeline->setTrace(&m_run->trace());
    ui->timeline->state()->setLaneByRequest(Settings::value(Settings::Key::LaneByRequest).toBool());
    // The live statistics scroll when the window is short: their whole list set the window's
    // minimum height, and --window-size 1280x720 gave a 1280x816 window.
    auto *statsScroll = new QScrollArea(ui->statsDock);
    statsScroll->setObjectName(QStringLiteral("statsScroll"));
    statsScroll->setWidgetResizable(true);
    statsScroll->setFrameShape(QFrame::NoFrame);
    statsScroll->setWidget(ui->statsPanel);
    ui->statsDock->setWidget(statsScroll);
    // Story above statistics on the right; details under the timeline.
    splitDockWidget(ui->storyDock, ui->statsDock, Qt::Vertical);
    resizeDocks({ ui->scenarioDock, ui->storyDock }, { 350, 380 }, Qt::Horizontal);
    resizeDocks({ ui->storyDock, ui->statsDock }, { 520, 330 }, Qt::Vertical);
    resizeDocks({ ui->detailsDock }, { 210 }, Qt::Vertical);
    setupActions();
    setupLanguageMenu();
    setupCompare();
    setupCodePanel();
    setupReplay();

    connect(m_run, &RunController::traceUpdated, this, &MainWindow::onTraceUpdated);
    connect(m_run, &RunController::finished, this, &MainWindow::onRunFinished);
    connect(m_run, &RunController::stateChanged, this, &MainWindow::updateActions);
    connect(m_run, &RunController::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The run could not start: %1").arg(message));
    });
    connect(ui->scenarioEditor, &ScenarioEditor::validityChanged, this, &MainWindow::updateActions);
    connect(ui->scenarioEditor, &ScenarioEditor::scenarioChanged, this, &MainWindow::onScenarioChanged);
    connect(ui->timeline, &TimelineView::requestActivated, this,
        [this](int request) { ui->detailsPanel->showRequest(m_run->trace(), request); });
    connect(ui->timeline, &TimelineView::compareRequestActivated, this, [this](int request) {
        if (m_compare)
            ui->detailsPanel->showRequest(*m_compare, request, tr("Compared run (B): %1").arg(m_compareName));
    });
    connect(ui->timeline->state(), &TimelineViewState::selectedRequestChanged, this, [this](int request) {
        if (request < 0)
            ui->detailsPanel->showRequest(m_run->trace(), -1);
    });
    connect(ui->timeline, &TimelineView::rangeSelected, this, &MainWindow::onRangeSelected);
    connect(ui->timeline->state(), &TimelineViewState::rangeChanged, this, [this](qint64 from, qint64 to) {
        if (from < 0 || to <= from)
            ui->statsPanel->setRange(nullptr);
    });
    connect(ui->statsPanel, &StatsPanel::percentileClicked, this, &MainWindow::onPercentileClicked);

    m_statsTimer.setInterval(250);
    connect(&m_statsTimer, &QTimer::timeout, this, &MainWindow::refreshLatencies);
    m_frameTimer.setInterval(33);
    connect(&m_frameTimer, &QTimer::timeout, this, &MainWindow::onFrame);

    // Open ready to run: the last scenario, or the Burger shop on a first start.
    Scenario last;
    QString error;
    const QByteArray saved = Settings::value(Settings::Key::LastScenario).toByteArray();
    const int preset = Settings::value(Settings::Key::LastPreset).toInt();
    if (preset >= 0 && preset < ScenarioEditor::presets().size())
        ui->scenarioEditor->loadPreset(preset, &error);
    else if (!saved.isEmpty() && Scenario::fromJson(QJsonDocument::fromJson(saved).object(), &last, &error))
        ui->scenarioEditor->setScenario(last);
    else
        ui->scenarioEditor->loadPreset(0, &error);
    retranslate();
    updateActions();
}

MainWindow::~MainWindow() = default;

RaceWindow *MainWindow::raceWindow()
{
    if (!m_raceWindow)
        m_raceWindow = new RaceWindow(m_translations, this);
    return m_raceWindow;
}

TimelineView *MainWindow::timeline() const
{
    return ui->timeline;
}
ScenarioEditor *MainWindow::scenarioEditor() const
{
    return ui->scenarioEditor;
}
StatsPanel *MainWindow::statsPanel() const
{
    return ui->statsPanel;
}
StoryPanel *MainWindow::storyPanel() const
{
    return ui->storyPanel;
}
DetailsPanel *MainWindow::detailsPanel() const
{
    return ui->detailsPanel;
}

void MainWindow::setupActions()
{
    connect(ui->actionRun, &QAction::triggered, this, [this] {
        QString error;
        if (!startRun(&error))
            QMessageBox::warning(this, tr("Cannot run"), error);
    });
    connect(ui->actionStop, &QAction::triggered, this, &MainWindow::stopRun);
    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionOpenScenario, &QAction::triggered, this, &MainWindow::openScenario);
    connect(ui->actionSaveScenario, &QAction::triggered, this, &MainWindow::saveScenario);
    connect(ui->actionExportImage, &QAction::triggered, this, &MainWindow::exportImage);
    m_actionSaveRun = new QAction(this);
    m_actionSaveRun->setObjectName(QStringLiteral("actionSaveRun"));
    m_actionSaveRun->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_actionExportReport = new QAction(this);
    m_actionExportReport->setObjectName(QStringLiteral("actionExportReport"));
    m_actionExportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_actionSaveRun, &QAction::triggered, this, &MainWindow::saveRun);
    connect(m_actionExportReport, &QAction::triggered, this, &MainWindow::exportReportDialog);
    // Save run… after Save scenario as…, Export report… after Export timeline….
    ui->menuFile->insertAction(ui->actionExportImage, m_actionSaveRun);
    const QList<QAction *> fileActions = ui->menuFile->actions();
    const qsizetype exportAt = fileActions.indexOf(ui->actionExportImage);
    ui->menuFile->insertAction(
        exportAt >= 0 && exportAt + 1 < fileActions.size() ? fileActions.at(exportAt + 1) : nullptr,
        m_actionExportReport);
    connect(ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui->actionRace, &QAction::triggered, this, [this] {
        RaceWindow *race = raceWindow();
        race->show();
        race->raise();
        race->activateWindow();
    });
    connect(ui->actionSweep, &QAction::triggered, this, &MainWindow::openSweepDialog);
    connect(ui->actionZoomIn, &QAction::triggered, ui->timeline, &TimelineView::zoomIn);
    connect(ui->actionZoomOut, &QAction::triggered, ui->timeline, &TimelineView::zoomOut);
    connect(ui->actionFitAll, &QAction::triggered, ui->timeline, &TimelineView::fitAll);
    // Secondary shortcuts: keypad and Ctrl variants.
    ui->actionZoomIn->setShortcuts({ QKeySequence(Qt::Key_Plus), QKeySequence(QKeySequence::ZoomIn) });
    ui->actionZoomOut->setShortcuts({ QKeySequence(Qt::Key_Minus), QKeySequence(QKeySequence::ZoomOut) });

    TimelineViewState *state = ui->timeline->state();
    ui->actionFollowLive->setChecked(state->followLive());
    connect(ui->actionFollowLive, &QAction::toggled, state, &TimelineViewState::setFollowLive);
    connect(state, &TimelineViewState::followLiveChanged, ui->actionFollowLive, &QAction::setChecked);

    m_laneGroup = new QActionGroup(this);
    m_laneGroup->addAction(ui->actionLanesPerRequest);
    m_laneGroup->addAction(ui->actionLanesPerSlot);
    ui->actionLanesPerRequest->setChecked(state->laneByRequest());
    ui->actionLanesPerSlot->setChecked(!state->laneByRequest());
    connect(ui->actionLanesPerRequest, &QAction::toggled, state, &TimelineViewState::setLaneByRequest);
    connect(state, &TimelineViewState::laneByRequestChanged, this, [this](bool byRequest) {
        ui->actionLanesPerRequest->setChecked(byRequest);
        ui->actionLanesPerSlot->setChecked(!byRequest);
        Settings::setValue(Settings::Key::LaneByRequest, byRequest);
    });

    for (QDockWidget *dock : { ui->scenarioDock, ui->storyDock, ui->statsDock, ui->detailsDock })
        ui->menuView->addAction(dock->toggleViewAction());
    ui->menuView->addAction(ui->mainToolBar->toggleViewAction());
}

void MainWindow::setupLanguageMenu()
{
    m_languageGroup = new QActionGroup(this);
    const struct
    {
        QAction *action;
        const char *code;
    } languages[] = { { ui->actionLanguageSystem, "" }, { ui->actionLanguageEnglish, "en" },
        { ui->actionLanguageSpanish, "es" } };
    for (const auto &l : languages) {
        m_languageGroup->addAction(l.action);
        l.action->setData(QString::fromLatin1(l.code));
        l.action->setChecked(m_translations && m_translations->language() == QLatin1String(l.code));
        connect(l.action, &QAction::triggered, this, [this, code = QString::fromLatin1(l.code)] {
            if (m_translations)
                m_translations->setLanguage(code);
            Settings::setValue(Settings::Key::Language, code);
        });
    }
    if (m_translations) {
        connect(m_translations, &Translations::languageChanged, this, [this] {
            for (QAction *action : m_languageGroup->actions())
                action->setChecked(action->data().toString() == m_translations->language());
        });
    }
}

void MainWindow::updateActions()
{
    const bool running = m_run->isRunning();
    ui->actionRun->setEnabled(!running && ui->scenarioEditor->isValid());
    ui->actionStop->setEnabled(running && m_run->state() != RunController::State::Stopping);
    ui->actionOpenScenario->setEnabled(!running);
    if (m_actionSaveRun) {
        m_actionSaveRun->setEnabled(hasRunToSave());
        m_actionExportReport->setEnabled(hasRunToSave());
    }
    if (m_actionReplay) {
        const bool replaying = m_run->isReplaying();
        m_actionReplay->setEnabled(!running);
        for (QAction *action : m_replaySpeedGroup->actions())
            action->setEnabled(replaying);
        m_actionReplayPause->setEnabled(replaying);
        m_actionReplayStep->setEnabled(replaying);
    }
    if (m_actionOpenRun) {
        m_actionOpenRun->setEnabled(!running);
        m_actionClearCompare->setEnabled(m_compare != nullptr);
    }
    ui->scenarioEditor->setEditable(!running);
    ui->actionRun->setToolTip(ui->scenarioEditor->isValid()
            ? tr("Run the scenario (Ctrl+R)")
            : tr("Fix the scenario first: %1").arg(ui->scenarioEditor->validationMessage()));
}

bool MainWindow::isRunning() const
{
    return m_run->isRunning();
}

bool MainWindow::startRun(QString *error)
{
    if (!ui->scenarioEditor->isValid()) {
        if (error)
            *error = ui->scenarioEditor->validationMessage();
        return false;
    }
    const Scenario scenario = ui->scenarioEditor->scenario();
    prepareViewsFor(scenario);
    if (!m_run->start(scenario, error))
        return false;
    Settings::setValue(
        Settings::Key::LastScenario, QJsonDocument(scenario.toJson()).toJson(QJsonDocument::Compact));
    Settings::setValue(Settings::Key::LastPreset, ui->scenarioEditor->currentPreset());
    ui->storyPanel->addCaptions({ scenario.usesSimulator()
            ? tr("The shop opens: %n order(s) to serve, kitchen = built-in simulator.", nullptr,
                scenario.requests)
            : tr("The shop opens: %n order(s) to serve at %1.", nullptr, scenario.requests)
                  .arg(scenario.url.host()) });
    beginLiveViews(scenario, tr("Running “%1”…").arg(scenario.name));
    return true;
}

void MainWindow::prepareViewsFor(const Scenario &scenario)
{
    m_openedRunName.clear();
    m_openedMeta = {};
    m_haveRun = false;
    m_banner->dismiss(); // the hint is followed, and a new target gets its own verdict
    ui->timeline->state()->reset();
    ui->timeline->setHighlighted({});
    ui->timeline->setLaneHeight(0);
    ui->detailsPanel->showRequest(RunTrace(), -1);
    m_liveStats.reset();
    m_narrator.reset(scenario.mode);
    ui->storyPanel->clearCaptions();
    ui->storyPanel->setMode(scenario.mode, scenario.workers);
    ui->storyPanel->setPlan(scenario);
    ui->statsPanel->reset(scenario.requests, scenario.rate > 0);
    ++m_latencyJob; // results of an earlier run's jobs are stale now
}

void MainWindow::beginLiveViews(const Scenario &scenario, const QString &status)
{
    m_codePanel->setScenario(scenario);
    m_codeShowsRun = true;
    updateCodePanel();
    m_lastNowNs = 0;
    m_sinceDelta.start();
    ui->timeline->setLive(true, 0);
    ui->timeline->traceChanged();
    m_statsTimer.start();
    m_frameTimer.start();
    statusBar()->showMessage(status);
    ui->timeline->setRunLabel(runLabelA());
    updateActions();
}

bool MainWindow::replayRunFile(const QString &path, double speed, QString *error)
{
    RunTrace trace;
    QString why;
    QJsonObject meta;
    if (!JsonReport::read(path, &trace, &why, &meta)) {
        if (error)
            *error = tr("Cannot open the run %1.").arg(QFileInfo(path).fileName()) + QLatin1Char('\n') + why;
        return false;
    }
    return replayTrace(std::move(trace), QFileInfo(path).fileName(), speed, error);
}

bool MainWindow::replayTrace(RunTrace trace, const QString &name, double speed, QString *error)
{
    if (m_run->isRunning()) {
        if (error)
            *error = tr("Stop the run first: the main window shows one run at a time.");
        return false;
    }
    const Scenario scenario = trace.scenario;
    ui->scenarioEditor->setScenario(scenario); // what was run, ready to run again
    prepareViewsFor(scenario);
    if (!m_run->replay(std::move(trace), speed, error))
        return false;
    m_openedRunName = name;
    ui->storyPanel->setPlan(scenario, true);
    ui->storyPanel->addCaptions(
        { tr("Replaying %1 at %2: the story is told as it happened.").arg(name, replaySpeedName(speed)) }, 0);
    beginLiveViews(scenario, tr("Replaying “%1” at %2…").arg(name, replaySpeedName(speed)));
    checkReplaySpeed(speed);
    return true;
}

bool MainWindow::isReplaying() const
{
    return m_run->isReplaying();
}

void MainWindow::pauseReplay()
{
    m_actionReplayPause->setChecked(true);
    m_run->setReplaySpeed(0);
}

QString MainWindow::replaySpeedName(double speed)
{
    if (speed <= 0)
        return tr("paused");
    if (std::abs(speed - 0.25) < 1e-9)
        return QStringLiteral("¼×");
    if (std::abs(speed - 0.5) < 1e-9)
        return QStringLiteral("½×");
    return QLocale().toString(speed, 'g', 3) + QStringLiteral("×");
}

void MainWindow::setupReplay()
{
    m_actionReplay = new QAction(this);
    m_actionReplay->setObjectName(QStringLiteral("actionReplay"));
    connect(m_actionReplay, &QAction::triggered, this, &MainWindow::replaySavedRun);
    m_replaySpeedGroup = new QActionGroup(this);
    for (const double speed : { 0.25, 0.5, 1.0 }) {
        auto *action = new QAction(replaySpeedName(speed), m_replaySpeedGroup);
        action->setObjectName(QStringLiteral("actionReplaySpeed%1").arg(int(speed * 100)));
        action->setCheckable(true);
        action->setData(speed);
        connect(action, &QAction::triggered, this, [this, speed] {
            m_run->setReplaySpeed(speed);
            m_actionReplayPause->setChecked(false);
        });
    }
    m_actionReplayPause = new QAction(this);
    m_actionReplayPause->setObjectName(QStringLiteral("actionReplayPause"));
    m_actionReplayPause->setCheckable(true);
    m_actionReplayPause->setShortcut(QKeySequence(Qt::Key_Space));
    connect(m_actionReplayPause, &QAction::triggered, this, [this](bool paused) {
        const QAction *speed = m_replaySpeedGroup->checkedAction();
        m_run->setReplaySpeed(paused ? 0.0 : speed ? speed->data().toDouble() : 1.0);
    });
    m_actionReplayStep = new QAction(this);
    m_actionReplayStep->setObjectName(QStringLiteral("actionReplayStep"));
    m_actionReplayStep->setShortcut(QKeySequence(Qt::Key_Period));
    connect(m_actionReplayStep, &QAction::triggered, this, [this] {
        m_actionReplayPause->setChecked(true);
        m_run->stepReplay();
    });
    // Run → Replay saved run…, then its speeds, pause and step, above Race and Sweep.
    QAction *before = ui->actionRace;
    ui->menuRun->insertAction(before, m_actionReplay);
    ui->menuRun->insertActions(before, m_replaySpeedGroup->actions());
    ui->menuRun->insertActions(before, { m_actionReplayPause, m_actionReplayStep });
    ui->menuRun->insertSeparator(before);
    ui->mainToolBar->insertActions(ui->actionZoomIn, { m_actionReplayPause, m_actionReplayStep });
    connect(ui->storyPanel, &StoryPanel::captionActivated, this, &MainWindow::onCaptionActivated);
}

void MainWindow::retranslateReplay()
{
    m_actionReplay->setText(tr("Re&play saved run…"));
    m_actionReplay->setToolTip(
        tr("Play a saved run back slowly, the story told as it happened; pause, step, or click a line of the "
           "story to go back to it"));
    for (QAction *action : m_replaySpeedGroup->actions())
        action->setText(tr("Replay at %1").arg(replaySpeedName(action->data().toDouble())));
    m_actionReplayPause->setText(tr("&Pause replay"));
    m_actionReplayPause->setToolTip(tr("Pause or resume the replay (Space)"));
    m_actionReplayStep->setText(tr("S&tep"));
    m_actionReplayStep->setToolTip(tr("Pause and go to the next recorded event (.)"));
}

void MainWindow::checkReplaySpeed(double speed)
{
    for (QAction *action : m_replaySpeedGroup->actions())
        action->setChecked(std::abs(action->data().toDouble() - speed) < 1e-9);
    m_actionReplayPause->setChecked(speed <= 0);
}

void MainWindow::replaySavedRun()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Replay a saved run"), QString(), tr("Run reports (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!replayRunFile(path, 0.25, &error))
        QMessageBox::warning(this, tr("Replay"), error);
}

void MainWindow::onCaptionActivated(qint64 atNs, int order)
{
    if (order >= 0) {
        ui->timeline->setHighlighted({ order });
        ui->detailsPanel->showRequest(m_run->trace(), order);
    }
    if (!m_run->isReplaying() || atNs < 0)
        return;
    // Back (or on) to the moment the line was told, paused there; the narrator starts over from
    // that moment without retelling it.
    m_actionReplayPause->setChecked(true);
    m_run->setReplaySpeed(0);
    m_narrator.reset(m_run->trace().scenario.mode);
    m_resyncNarrator = true;
    ui->storyPanel->dropCaptionsAfter(atNs); // told again as the replay plays on from here
    m_run->seekReplay(atNs);
}

void MainWindow::stopRun()
{
    if (!m_run->isRunning())
        return;
    statusBar()->showMessage(tr("Stopping: requests still in flight are cut off and kept as incomplete."));
    m_run->stop();
    updateActions();
}

void MainWindow::onTraceUpdated()
{
    m_lastNowNs = m_run->nowNs();
    m_sinceDelta.restart();
    const RunTrace &trace = m_run->trace();
    m_liveStats.update(trace, m_run->changedRequests());
    if (m_run->isRunning()) {
        ui->timeline->setLive(true, m_lastNowNs);
        if (m_resyncNarrator) {
            // After a seek: every record at its new stage, nothing told.
            std::vector<int> all(trace.requests.size());
            std::iota(all.begin(), all.end(), 0);
            m_narrator.update(trace, all, m_lastNowNs);
            m_resyncNarrator = false;
        } else {
            const QStringList captions = m_narrator.update(trace, m_run->changedRequests(), m_lastNowNs);
            ui->storyPanel->addCaptions(captions, m_lastNowNs, m_narrator.subjects());
        }
        ui->storyPanel->setCounts(m_narrator.counts());
        ui->statsPanel->setProgress(m_run->progress(), m_run->recentRequestRate(), m_run->recentTokenRate(),
            m_run->etaSeconds(), true);
        updateCodePanel();
    }
    ui->timeline->traceChanged();
    const int selected = ui->detailsPanel->request();
    if (selected >= 0
        && std::find(m_run->changedRequests().begin(), m_run->changedRequests().end(), selected)
            != m_run->changedRequests().end())
        ui->detailsPanel->showRequest(trace, selected);
    updateBanner();
}

void MainWindow::onFrame()
{
    if (!m_run->isRunning() || !m_run->isLive())
        return;
    // Between live updates, let "now" advance with the wall clock so open bars grow smoothly;
    // never further than one interval ahead of the engine's last word.
    const qint64 ahead = qint64(m_run->clockRate()
        * double(std::min<qint64>(m_sinceDelta.nsecsElapsed(), qint64(m_run->liveIntervalMs()) * 1'000'000)));
    ui->timeline->setLive(true, m_lastNowNs + ahead);
}

void MainWindow::refreshLatencies()
{
    if (!m_run->isLive()) {
        // Not live (a parallel model with snapshots turned off): nothing arrives until the end,
        // so at least show that time passes.
        Progress progress = m_run->progress();
        progress.elapsedNs = m_run->elapsedNs();
        ui->statsPanel->setProgress(progress, 0, 0, -1, true);
        ui->timeline->setLive(true, progress.elapsedNs);
        return;
    }
    if (m_latencyJobRunning)
        return; // one at a time; the next tick picks up what this one missed
    m_latencyJobRunning = true;
    const quint64 job = ++m_latencyJob;
    auto samples = m_liveStats.snapshot();
    QtConcurrent::run([samples = std::move(samples)]() mutable {
        return LiveStatistics::describe(std::move(samples));
    }).then(this, [this, job](const LatencyFigures &figures) {
        m_latencyJobRunning = false;
        if (job != m_latencyJob)
            return; // a newer run or the final summary superseded it
        ui->statsPanel->setLatencies(figures);
    });
}

void MainWindow::onRunFinished()
{
    m_statsTimer.stop();
    m_frameTimer.stop();
    const RunTrace &trace = m_run->trace();
    ui->timeline->setLive(false);
    ui->timeline->traceChanged();
    ui->storyPanel->setCounts([&] {
        StoryCounts counts;
        for (int i = 0; i < int(trace.requests.size()); ++i) {
            switch (StoryNarrator::stageOf(trace, i)) {
            case OrderStage::Served:
                ++counts.served;
                break;
            case OrderStage::Failed:
                ++counts.failed;
                break;
            default:
                break;
            }
        }
        return counts;
    }());
    ui->storyPanel->addCaptions({ m_narrator.finish(trace) });
    ui->statsPanel->setProgress(m_run->progress(), 0, 0, -1, false);
    statusBar()->showMessage(trace.cancelled ? tr("Stopped.") : tr("Finished."), 5000);
    m_haveRun = true;
    if (!m_codeShowsRun) {
        m_codePanel->setScenario(trace.scenario); // an opened run: its own model's code
        m_codeShowsRun = true;
    }
    updateCodePanel();
    updateBanner();
    updateActions();
    refreshComparison();

    // The final figures and the run's own story come from the authoritative trace, computed on a
    // worker.
    const quint64 job = ++m_latencyJob;
    auto snapshot = std::make_shared<const RunTrace>(trace);
    QtConcurrent::run([snapshot] {
        return std::pair { computeSummary(*snapshot, snapshot->scenario.percentiles, snapshot->scenario.slo),
            runStoryFacts(*snapshot) };
    }).then(this, [this, job](const std::pair<Summary, RunStoryFacts> &result) {
        const Summary &summary = result.first;
        if (job == m_latencyJob) {
            ui->storyPanel->setRun(result.second);
            ui->storyPanel->setEditorMode(ui->scenarioEditor->scenario().mode);
            ui->statsPanel->setLatencies(LatencyFigures::fromSummary(summary));
            // This computer limited the run: say so above the timeline (not over an unreachable
            // target's message, which explains more).
            if (m_banner->kind() != TargetBanner::Kind::Unreachable)
                m_banner->showClientLimited(summary);
            // Over the whole run now, not the last second.
            ui->statsPanel->setProgress(
                m_run->progress(), summary.requestThroughput, summary.outputThroughput, -1, false);
        }
        emit runFinished();
    });
}

void MainWindow::onScenarioChanged()
{
    const Scenario scenario = ui->scenarioEditor->scenario();
    if (!m_run->isRunning()) {
        // The story stays with the run on screen (its title, picture and figures) and says what
        // Run would show instead; with no run on screen it tells the editor's plan.
        if (m_haveRun) {
            ui->storyPanel->setEditorMode(scenario.mode);
        } else {
            ui->storyPanel->setMode(scenario.mode, scenario.workers);
            ui->storyPanel->setPlan(scenario);
        }
        // The editor's code until it runs; the run on screen keeps its own when only other
        // fields changed (the same code), so pointing at its timeline still lights its lines.
        const auto codeOf = [](const Scenario &s) {
            QStringList lines;
            const CodeSnippets code = codeSnippetsFor(s);
            for (const CodeListing *listing : { &code.lesson, &code.ran })
                for (const CodeLine &line : listing->lines)
                    lines << line.code;
            return lines;
        };
        const bool sameCode = m_haveRun && codeOf(m_run->trace().scenario) == codeOf(scenario);
        if (!sameCode || !m_codeShowsRun) {
            m_codePanel->setScenario(sameCode ? m_run->trace().scenario : scenario);
            m_codeShowsRun = sameCode;
            updateCodePanel();
        }
    }
    updateActions();
}

void MainWindow::onPercentileClicked(LatencyMetric metric, double rank, double valueMs)
{
    std::vector<int> requests = LiveStatistics::requestsAtOrAbove(m_run->trace(), metric, valueMs);
    const QString name = metric == LatencyMetric::Ttft ? tr("time to first token")
        : metric == LatencyMetric::Itl                 ? tr("gap between tokens")
        : metric == LatencyMetric::E2el                ? tr("whole-request latency")
                                                       : tr("time in line before sending");
    statusBar()->showMessage(
        tr("Highlighted %n request(s) with %1 at or above p%2 (%3 ms).", nullptr, int(requests.size()))
            .arg(name)
            .arg(QLocale().toString(rank))
            .arg(QLocale().toString(valueMs, 'f', 1)));
    ui->timeline->setHighlighted(std::move(requests));
}

void MainWindow::onRangeSelected(qint64 fromNs, qint64 toNs)
{
    const RangeStatistics range = LiveStatistics::rangeStatistics(m_run->trace(), fromNs, toNs);
    ui->statsPanel->setRange(&range);
    ui->statsDock->raise();
}

bool MainWindow::loadScenarioFile(const QString &path, QString *error)
{
    Scenario scenario;
    if (!Scenario::load(path, &scenario, error))
        return false;
    // A preset's own file (e.g. resources/scenarios/lunch-rush.json) shows as that preset.
    const QString fileName = QFileInfo(path).fileName();
    for (int i = 0; i < ScenarioEditor::presets().size(); ++i) {
        if (QFileInfo(ScenarioEditor::presets().at(i).resource).fileName() == fileName)
            return ui->scenarioEditor->loadPreset(i, error);
    }
    ui->scenarioEditor->setScenario(scenario);
    return true;
}

void MainWindow::openScenario()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open scenario"), QString(), tr("Scenarios (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadScenarioFile(path, &error))
        QMessageBox::warning(this, tr("Cannot open the scenario"), error);
}

void MainWindow::saveScenario()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save scenario"), QStringLiteral("scenario.json"), tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QJsonDocument(ui->scenarioEditor->scenario().toJson()).toJson()) < 0)
        QMessageBox::warning(this, tr("Cannot save the scenario"), file.errorString());
}

bool MainWindow::exportTimeline(const QString &path, QString *error) const
{
    const RunTrace &trace = m_run->trace();
    TimelineRenderOptions options = ui->timeline->renderOptions();
    options.highlighted = nullptr;
    options.hoverRequest = -1;
    options.title = trace.scenario.name;
    const int lanes = options.laneByRequest ? int(trace.requests.size()) : ui->timeline->index().slotCount();
    const QSize size(1600, std::clamp(260 + lanes * 16, 480, 2400));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(options.title);
        QPainter painter(&svg);
        paintTimeline(&painter, QRect(QPoint(0, 0), size), trace, options);
        return true;
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QSizeF(size) * 0.75, QPageSize::Point));
        pdf.setPageMargins(QMarginsF());
        pdf.setResolution(96);
        pdf.setTitle(options.title);
        QPainter painter(&pdf);
        paintTimeline(&painter, QRect(QPoint(0, 0), size), trace, options);
        return true;
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    paintTimeline(&painter, image.rect(), trace, options);
    painter.end();
    if (!image.save(path)) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

void MainWindow::exportImage()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"),
        QStringLiteral("timeline.png"), tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTimeline(path, &error))
        QMessageBox::warning(this, tr("Cannot export"), error);
}

bool MainWindow::reportFormatFromPath(const QString &path, ReportFormat *format)
{
    const QString name = QFileInfo(path).fileName().toLower();
    const struct
    {
        const char *suffix;
        ReportFormat format;
    } table[] = { { ".trace.json", ReportFormat::Trace }, { ".json", ReportFormat::Json },
        { ".html", ReportFormat::Html }, { ".htm", ReportFormat::Html }, { ".csv", ReportFormat::Csv } };
    for (const auto &row : table) {
        if (name.endsWith(QLatin1String(row.suffix)) && name.size() > qsizetype(qstrlen(row.suffix))) {
            *format = row.format;
            return true;
        }
    }
    return false;
}

bool MainWindow::hasRunToSave() const
{
    return m_haveRun && !m_run->isRunning();
}

bool MainWindow::saveRunFile(const QString &path, QString *error) const
{
    return exportReport(path, ReportFormat::Json, error);
}

bool MainWindow::exportReport(const QString &path, QString *error) const
{
    ReportFormat format = ReportFormat::Json;
    if (!reportFormatFromPath(path, &format)) {
        if (error) {
            const QString suffix = QFileInfo(path).suffix();
            *error = (suffix.isEmpty() ? tr("%1 has no extension to tell the report's format.").arg(path)
                                       : tr("\".%1\" is not a report format (%2).").arg(suffix, path))
                + QLatin1Char(' ')
                + tr("Use .json (run report), .html, .csv or .trace.json (Perfetto trace).");
        }
        return false;
    }
    return exportReport(path, format, error);
}

bool MainWindow::exportReport(const QString &path, ReportFormat format, QString *error) const
{
    if (!hasRunToSave()) {
        if (error)
            *error = m_run->isRunning() ? tr("Wait for the run to finish, or stop it, before saving it.")
                                        : tr("There is no run to save yet: press Run, or open a saved run.");
        return false;
    }
    const RunTrace &trace = m_run->trace();
    // The core writers (src/report) write atomically through a QSaveFile and scrub credentials
    // (SecretScrubber) from everything they write; the summary is recomputed from the trace, as
    // `burgerbench-cli report` does, so a report never disagrees with its own samples.
    QString why;
    bool ok = false;
    switch (format) {
    case ReportFormat::Json: {
        const Summary summary = computeSummary(trace, trace.scenario.percentiles, trace.scenario.slo);
        QJsonObject extra;
        if (m_openedMeta.contains(QLatin1String("merged_from")))
            extra.insert(QStringLiteral("merged_from"), m_openedMeta.value(QLatin1String("merged_from")));
        ok = JsonReport::write(path, trace, summary, &why, extra);
        break;
    }
    case ReportFormat::Html: {
        const Summary summary = computeSummary(trace, trace.scenario.percentiles, trace.scenario.slo);
        HtmlReport::Options options;
        Language language = Language::English;
        if (m_translations && I18n::languageFromName(m_translations->effectiveLanguage(), &language))
            options.language = language;
        // The versions that measured it: the opened report's, else this build's.
        options.meta = !m_openedMeta.isEmpty()
            ? m_openedMeta
            : JsonReport::toJson(trace, summary).value(QLatin1String("meta")).toObject();
        ok = HtmlReport::write(path, trace, summary, options, &why);
        break;
    }
    case ReportFormat::Csv:
        ok = CsvReport::write(path, trace, &why);
        break;
    case ReportFormat::Trace:
        ok = ChromeTrace::write(path, trace, &why);
        break;
    }
    if (!ok && error)
        *error = why;
    return ok;
}

QString MainWindow::askSavePath(
    const QString &caption, const QString &suggested, const QString &filters, QString *selectedFilter)
{
    if (m_saveDialog)
        return m_saveDialog(caption, suggested, filters, selectedFilter);
    return QFileDialog::getSaveFileName(this, caption, suggested, filters, selectedFilter);
}

void MainWindow::saveRun()
{
    if (!hasRunToSave())
        return;
    QString path
        = askSavePath(tr("Save run"), QStringLiteral("run.json"), tr("Run reports (*.json)"), nullptr);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    QString error;
    if (saveRunFile(path, &error))
        statusBar()->showMessage(tr("Saved the run to %1.").arg(QDir::toNativeSeparators(path)), 5000);
    else
        QMessageBox::warning(this, tr("Cannot save the run"), error);
}

void MainWindow::exportReportDialog()
{
    if (!hasRunToSave())
        return;
    // The chosen filter decides the format; a name without the filter's extension gets it.
    const struct
    {
        QString filter;
        QString suffix;
        ReportFormat format;
    } formats[] = {
        { tr("HTML report (*.html)"), QStringLiteral(".html"), ReportFormat::Html },
        { tr("JSON run report (*.json)"), QStringLiteral(".json"), ReportFormat::Json },
        { tr("CSV, one row per request (*.csv)"), QStringLiteral(".csv"), ReportFormat::Csv },
        { tr("Perfetto / Chrome trace (*.trace.json)"), QStringLiteral(".trace.json"), ReportFormat::Trace },
    };
    QStringList filters;
    for (const auto &f : formats)
        filters << f.filter;
    QString selected = filters.first();
    QString path = askSavePath(
        tr("Export report"), QStringLiteral("report.html"), filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    ReportFormat format = ReportFormat::Html;
    bool chosen = false;
    for (const auto &f : formats) {
        if (f.filter == selected) {
            format = f.format;
            chosen = true;
            if (!path.endsWith(f.suffix, Qt::CaseInsensitive)
                && !(f.format == ReportFormat::Html
                    && path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive)))
                path += f.suffix;
        }
    }
    QString error;
    const bool ok = chosen ? exportReport(path, format, &error) : exportReport(path, &error);
    if (ok)
        statusBar()->showMessage(tr("Exported the report to %1.").arg(QDir::toNativeSeparators(path)), 5000);
    else
        QMessageBox::warning(this, tr("Cannot export"), error);
}

void MainWindow::updateBanner()
{
    if (m_banner->kind() == TargetBanner::Kind::Unreachable)
        return; // said once per run
    const RunTrace &trace = m_run->trace();
    // While running, only what the last live update changed; once over, the whole run.
    if (!TargetBanner::targetUnreachable(trace, m_run->isRunning() ? &m_run->changedRequests() : nullptr))
        return;
    // The URL as the scenario names it (the form's field), not the endpoint path it led to.
    const QString url = !trace.scenario.url.isEmpty() ? trace.scenario.url.toString() : trace.targetUrl;
    m_banner->showUnreachable(SecretScrubber(trace.scenario.apiKeyEnv).url(url));
}

void MainWindow::useSimulator()
{
    if (m_run->isRunning())
        stopRun();
    Scenario scenario = ui->scenarioEditor->scenario();
    scenario.url = QUrl();
    ui->scenarioEditor->setScenario(scenario);
    m_banner->dismiss();
    statusBar()->showMessage(tr("The scenario now uses the built-in simulator: press Run."));
    updateActions();
}

void MainWindow::useSocketTransport()
{
    if (m_run->isRunning())
        stopRun();
    Scenario scenario = ui->scenarioEditor->scenario();
    scenario.transport = Transport::Socket;
    ui->scenarioEditor->setScenario(scenario);
    m_banner->dismiss();
    statusBar()->showMessage(tr("The scenario now uses the socket transport: press Run."));
    updateActions();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About BurgerBench"),
        tr("<h3>BurgerBench %1</h3><p>A load tester for OpenAI-compatible LLM endpoints whose "
           "timeline teaches the difference between sequential, concurrent and parallel work, "
           "told as a burger shop.</p>")
            .arg(QStringLiteral(BURGERBENCH_VERSION)));
}

void MainWindow::selectRequest(int request)
{
    ui->timeline->state()->setSelectedRequest(request);
    ui->detailsPanel->showRequest(m_run->trace(), request);
}

void MainWindow::restoreLayout()
{
    restoreGeometry(Settings::value(Settings::Key::WindowGeometry).toByteArray());
    if (Settings::value(Settings::Key::WindowStateVersion).toInt() == Settings::WindowStateVersion)
        restoreState(Settings::value(Settings::Key::WindowState).toByteArray(), Settings::WindowStateVersion);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("BurgerBench — concurrency, told with burgers"));
    m_actionSaveRun->setText(tr("Sa&ve run…"));
    m_actionSaveRun->setToolTip(
        tr("Save the run on screen as a run report (JSON), as burgerbench-cli run --json writes it"));
    m_actionExportReport->setText(tr("Export re&port…"));
    m_actionExportReport->setToolTip(
        tr("Save the run on screen as a JSON run report, an HTML report, CSV or a Perfetto trace"));
    ui->timeline->setAccessibleName(tr("Timeline"));
    m_codeDock->setWindowTitle(tr("The code"));
    if (!statusBar()->currentMessage().isEmpty() && !m_run->isRunning())
        statusBar()->clearMessage();
    if (!m_run->isRunning())
        statusBar()->showMessage(
            tr("Wheel: zoom · drag: pan · Shift+drag or drag on the time axis: select a range · "
               "click a bar: details"));
    retranslateCompare();
    retranslateReplay();
    updateActions();
}

void MainWindow::setupCompare()
{
    m_actionOpenRun = new QAction(this);
    m_actionOpenRun->setObjectName(QStringLiteral("actionOpenRun"));
    m_actionCompare = new QAction(this);
    m_actionCompare->setObjectName(QStringLiteral("actionCompareRun"));
    m_actionCompare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_actionClearCompare = new QAction(this);
    m_actionClearCompare->setObjectName(QStringLiteral("actionClearComparison"));
    connect(m_actionOpenRun, &QAction::triggered, this, &MainWindow::openSavedRun);
    connect(m_actionCompare, &QAction::triggered, this, &MainWindow::compareWithSavedRun);
    connect(m_actionClearCompare, &QAction::triggered, this, &MainWindow::clearComparison);
    // After "Export timeline…", before the separator above Quit.
    const QList<QAction *> fileActions = ui->menuFile->actions();
    const qsizetype at = fileActions.indexOf(ui->actionExportImage);
    QAction *before = at >= 0 && at + 1 < fileActions.size() ? fileActions.at(at + 1) : nullptr;
    ui->menuFile->insertSeparator(before);
    ui->menuFile->insertActions(before, { m_actionOpenRun, m_actionCompare, m_actionClearCompare });

    m_compareDock = new QDockWidget(this);
    m_compareDock->setObjectName(QStringLiteral("compareDock"));
    m_comparePanel = new ComparePanel(m_compareDock);
    m_compareDock->setWidget(m_comparePanel);
    // A tab beside the request details: the table wants the window's width, not a side column.
    tabifyDockWidget(ui->detailsDock, m_compareDock);
    m_compareDock->hide(); // shown when there is something to compare
    ui->menuView->addAction(m_compareDock->toggleViewAction());
    retranslateCompare();
}

void MainWindow::setupCodePanel()
{
    m_codeDock = new QDockWidget(this);
    m_codeDock->setObjectName(QStringLiteral("codeDock"));
    m_codePanel = new CodePanel(m_codeDock);
    m_codePanel->setObjectName(QStringLiteral("codePanel"));
    m_codeDock->setWidget(m_codePanel);
    // A tab beside the request details: two listings side by side want the window's width.
    tabifyDockWidget(ui->detailsDock, m_codeDock);
    ui->detailsDock->raise();
    ui->menuView->addAction(m_codeDock->toggleViewAction());
    m_codePanel->setScenario(ui->scenarioEditor->scenario());
    connect(ui->timeline, &TimelineView::hoveredTimeChanged, this, [this](qint64 atNs) {
        if (!m_run->isRunning())
            updateCodePanel(atNs);
    });
}

void MainWindow::showCodeAt(qint64 atNs)
{
    m_codeDock->show();
    m_codeDock->raise();
    resizeDocks({ m_codeDock }, { std::max(m_codeDock->height(), height() / 3) }, Qt::Vertical);
    updateCodePanel(atNs);
}

void MainWindow::updateCodePanel(qint64 atNs)
{
    if (!m_codeShowsRun) {
        m_codePanel->clearMoment();
        return;
    }
    const RunTrace &trace = m_run->trace();
    if (m_run->isRunning()) {
        m_codePanel->showMoment(trace, m_lastNowNs, true);
        return;
    }
    if (!m_haveRun) {
        m_codePanel->clearMoment();
        return;
    }
    m_codePanel->showMoment(trace, atNs >= 0 ? atNs : std::max<qint64>(0, trace.endNs), false);
}

void MainWindow::retranslateCompare()
{
    if (!m_compareDock)
        return;
    m_actionOpenRun->setText(tr("Open saved &run…"));
    m_actionOpenRun->setToolTip(tr("Show a run report (JSON) saved by burgerbench-cli run --json"));
    m_actionCompare->setText(tr("&Compare with saved run…"));
    m_actionCompare->setToolTip(
        tr("Overlay a saved run report (B) under the current run (A) on the timeline, with a "
           "comparison table"));
    m_actionClearCompare->setText(tr("C&lear comparison"));
    m_compareDock->setWindowTitle(tr("Comparison"));
    if (m_compare)
        ui->timeline->setRunLabel(runLabelA());
}

QString MainWindow::savedRunLabel(const RunTrace &trace, const QString &fileName)
{
    // What the run was and when, the file only to find it again.
    const QString name = trace.scenario.name.isEmpty() ? tr("untitled") : trace.scenario.name;
    if (!trace.startedAt.isValid())
        return tr("“%1” (%2)").arg(name, fileName);
    return tr("“%1”, %2 (%3)")
        .arg(name, QLocale().toString(trace.startedAt.toLocalTime(), QLocale::ShortFormat), fileName);
}

QString MainWindow::runLabelA() const
{
    if (!m_openedRunName.isEmpty())
        return m_openedRunName;
    const RunTrace &trace = m_run->trace();
    if (trace.requests.empty())
        return tr("this run (none yet: press Run)");
    return tr("this run: %1").arg(trace.scenario.name);
}

void MainWindow::refreshComparison()
{
    if (!m_compare)
        return;
    const QString nameA = runLabelA();
    ui->timeline->setRunLabel(nameA);
    // A live run is compared once it is over: the figures of half a run mean little.
    if (!m_run->isRunning())
        m_comparePanel->setRuns(
            std::make_shared<const RunTrace>(m_run->trace()), m_compare, nameA, m_compareName);
}

bool MainWindow::loadComparisonFile(const QString &path, QString *error)
{
    RunTrace trace;
    QString why;
    if (!JsonReport::read(path, &trace, &why)) {
        if (error)
            *error = tr("Cannot compare with %1.").arg(QFileInfo(path).fileName()) + QLatin1Char('\n') + why;
        return false;
    }
    m_compare = std::make_shared<const RunTrace>(std::move(trace));
    m_compareName = savedRunLabel(*m_compare, QFileInfo(path).fileName());
    ui->timeline->setCompareTrace(m_compare.get(), m_compareName);
    ui->timeline->setRunLabel(runLabelA());
    if (!m_run->isRunning())
        ui->timeline->fitAll();
    m_compareDock->show();
    m_compareDock->raise();
    // Tall enough for the whole table without scrolling; once shown (a hidden window's docks
    // are laid out again when it appears).
    QTimer::singleShot(0, this, [this] {
        if (m_compareDock->isVisible())
            resizeDocks({ m_compareDock }, { m_comparePanel->sizeHint().height() }, Qt::Vertical);
    });
    refreshComparison();
    statusBar()->showMessage(
        tr("Comparing with %1: its requests are the lower row of each lane.").arg(m_compareName));
    updateActions();
    return true;
}

void MainWindow::clearComparison()
{
    if (!m_compare)
        return;
    ui->timeline->setCompareTrace(nullptr);
    if (!ui->detailsPanel->runLabel().isEmpty()) // it was showing one of B's requests
        ui->detailsPanel->showRequest(RunTrace(), -1);
    // The view no longer points at it; the worker may still hold its own reference.
    m_compare.reset();
    m_compareName.clear();
    m_comparePanel->clear();
    m_compareDock->hide();
    updateActions();
}

void MainWindow::compareWithSavedRun()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Compare with saved run"), QString(), tr("Run reports (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadComparisonFile(path, &error))
        QMessageBox::warning(this, tr("Cannot compare"), error);
}

bool MainWindow::openRunFile(const QString &path, QString *error)
{
    if (m_run->isRunning()) {
        if (error)
            *error = tr("Stop the run first.");
        return false;
    }
    RunTrace trace;
    QString why;
    QJsonObject meta;
    if (!JsonReport::read(path, &trace, &why, &meta)) {
        if (error)
            *error = tr("Cannot open the run %1.").arg(QFileInfo(path).fileName()) + QLatin1Char('\n') + why;
        return false;
    }
    ui->scenarioEditor->setScenario(trace.scenario); // what was run, ready to run again
    const QString name = savedRunLabel(trace, QFileInfo(path).fileName());
    showFinishedTrace(std::move(trace), name, meta);
    return true;
}

void MainWindow::showFinishedTrace(RunTrace trace, const QString &name, const QJsonObject &meta)
{
    m_banner->dismiss();
    m_openedRunName = name;
    m_openedMeta = meta;
    ui->timeline->state()->reset();
    ui->timeline->setHighlighted({});
    ui->timeline->setLaneHeight(0);
    ui->detailsPanel->showRequest(RunTrace(), -1);
    m_liveStats.reset();
    m_narrator.reset(trace.scenario.mode);
    ui->storyPanel->clearCaptions();
    ui->storyPanel->setMode(trace.scenario.mode, trace.scenario.workers);
    ui->statsPanel->reset(trace.scenario.requests, trace.scenario.rate > 0);
    ++m_latencyJob;
    m_codePanel->setScenario(trace.scenario);
    m_codeShowsRun = true;
    // traceUpdated and finished follow at once: the views show it as a finished run.
    m_run->setTrace(std::move(trace));
}

SweepWindow *MainWindow::sweepWindow()
{
    if (!m_sweepWindow) {
        m_sweepWindow = new SweepWindow(this);
        connect(m_sweepWindow, &SweepWindow::stepActivated, this, [this](int step) {
            QString error;
            if (!showSweepStep(step, &error))
                statusBar()->showMessage(error, 8000);
        });
    }
    return m_sweepWindow;
}

bool MainWindow::showSweepStep(int step, QString *error)
{
    if (m_run->isRunning()) {
        if (error)
            *error = tr("Stop the run first: the main window shows one run at a time.");
        return false;
    }
    const SweepResult *result = m_sweepWindow ? &m_sweepWindow->result() : nullptr;
    if (!result || step < 0 || size_t(step) >= result->steps.size()
        || !result->steps[size_t(step)].error.isEmpty()) {
        if (error)
            *error = tr("The sweep has no step %1 to show.").arg(step + 1);
        return false;
    }
    const SweepStep &s = result->steps[size_t(step)];
    const QString level = s.over == SweepOver::Rate
        ? tr("rate %1/s").arg(QLocale().toString(s.value, 'g', 4))
        : tr("concurrency %1").arg(QLocale().toString(s.value, 'f', 0));
    showFinishedTrace(s.trace, tr("sweep step %1 (%2)").arg(step + 1).arg(level), {});
    statusBar()->showMessage(tr("Showing sweep step %1 (%2).").arg(step + 1).arg(level), 8000);
    return true;
}

void MainWindow::openSweepDialog()
{
    if (!ui->scenarioEditor->isValid()) {
        QMessageBox::warning(this, tr("Cannot sweep"), ui->scenarioEditor->validationMessage());
        return;
    }
    SweepWindow *window = sweepWindow();
    if (window->isRunning()) {
        window->show();
        window->raise();
        window->activateWindow();
        return;
    }
    SweepDialog dialog(ui->scenarioEditor->scenario(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    SweepSpec spec;
    QString error;
    if (!dialog.spec(&spec, &error) || !window->startSweep(spec, &error)) {
        QMessageBox::warning(this, tr("Cannot sweep"), error);
        return;
    }
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::openSavedRun()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open saved run"), QString(), tr("Run reports (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openRunFile(path, &error))
        QMessageBox::warning(this, tr("Cannot open the run"), error);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings::setValue(Settings::Key::WindowGeometry, saveGeometry());
    Settings::setValue(Settings::Key::WindowState, saveState(Settings::WindowStateVersion));
    Settings::setValue(Settings::Key::WindowStateVersion, Settings::WindowStateVersion);
    if (m_run->isRunning())
        m_run->stop();
    QMainWindow::closeEvent(event);
}

} // namespace BurgerBench
