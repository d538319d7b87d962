#include "gui/racewindow.h"

#include "gui/racecontroller.h"
#include "gui/timelineview.h"
#include "gui/timelineviewstate.h"
#include "gui/translations.h"
#include "parallel/modelrun.h"
#include "render/jobboardlane.h"
#include "render/timelinepainter.h"
#include "trace/lanenames.h"
#include "ui_racewindow.h"

#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScrollBar>
#include <QShortcut>
#include <QThread>

#include <algorithm>

namespace BurgerBench {

namespace {

constexpr qint64 nsPerScrollStep = 1'000'000; // the shared scroll bar counts milliseconds
constexpr int RowPanelWidth = 310;
constexpr int RowMinimumHeight = 210;

QString seconds(double s)
{
    return QLocale().toString(s, 'f', 3);
}

} // namespace

RaceWindow::RaceWindow(Translations *translations, QWidget *parent)
    : QWidget(parent, parent ? Qt::Window : Qt::WindowFlags())
    , ui(std::make_unique<Ui::RaceWindow>())
    , m_translations(translations)
    , m_race(new RaceController(this))
    , m_presets(racePresets())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("raceWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/images/burger.svg")));

    connect(ui->presetCombo, &QComboBox::currentIndexChanged, this, &RaceWindow::onPresetChanged);
    for (QSpinBox *spin :
        { ui->requestsSpin, ui->workersSpin, ui->concurrencySpin, ui->capacitySpin, ui->cpuSpin })
        connect(spin, &QSpinBox::valueChanged, this, &RaceWindow::onKnobChanged);
    connect(ui->rateSpin, &QDoubleSpinBox::valueChanged, this, &RaceWindow::onKnobChanged);
    connect(ui->runButton, &QPushButton::clicked, this, [this] {
        if (isRunning()) {
            stopRace();
            return;
        }
        QString error;
        if (!startRace(&error))
            QMessageBox::warning(this, tr("Cannot start the race"), error);
    });
    connect(ui->resetButton, &QPushButton::clicked, this, [this] {
        RacePreset preset;
        if (racePreset(currentPreset(), &preset))
            loadKnobs(preset.spec);
        onKnobChanged();
    });
    connect(ui->fitButton, &QPushButton::clicked, this, &RaceWindow::fitAll);
    auto *fit = new QShortcut(QKeySequence(Qt::Key_F), this);
    connect(fit, &QShortcut::activated, this, &RaceWindow::fitAll);
    auto *stop = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(stop, &QShortcut::activated, this, &RaceWindow::stopRace);

    connect(ui->axisScrollBar, &QScrollBar::valueChanged, this, &RaceWindow::onScrollBar);
    connect(m_race, &RaceController::modelStarted, this, &RaceWindow::onModelStarted);
    connect(m_race, &RaceController::modelProgress, this, &RaceWindow::onModelProgress);
    connect(m_race, &RaceController::entryReady, this, &RaceWindow::onEntryReady);
    connect(m_race, &RaceController::finished, this, &RaceWindow::onRaceFinished);
    connect(m_race, &RaceController::failed, this, [this](const QString &message) { m_failure = message; });
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, &RaceWindow::onTick);
    if (m_translations)
        connect(m_translations, &Translations::languageChanged, this, [this] {
            fillPresetCombo();
            refreshTexts();
        });

    fillPresetCombo();
    ui->presetCombo->setCurrentIndex(0);
    onPresetChanged();
    resize(1400, 950);
}

RaceWindow::~RaceWindow() = default;

void RaceWindow::fillPresetCombo()
{
    const QSignalBlocker blocker(ui->presetCombo);
    const int current = ui->presetCombo->currentIndex();
    ui->presetCombo->clear();
    for (const RacePreset &preset : std::as_const(m_presets))
        ui->presetCombo->addItem(preset.translatedTitle(), preset.name);
    ui->presetCombo->setCurrentIndex(std::max(0, current));
}

bool RaceWindow::selectPreset(const QString &name)
{
    const int index = ui->presetCombo->findData(name);
    if (index < 0 || isRunning())
        return false;
    ui->presetCombo->setCurrentIndex(index);
    return true;
}

QString RaceWindow::currentPreset() const
{
    return ui->presetCombo->currentData().toString();
}

void RaceWindow::onPresetChanged()
{
    RacePreset preset;
    if (!racePreset(currentPreset(), &preset))
        return;
    loadKnobs(preset.spec);
    m_status.clear();
    m_stopped = false;
    m_failure.clear();
    buildRows(preset.spec);
    refreshTexts();
}

void RaceWindow::loadKnobs(const RaceSpec &spec)
{
    const QSignalBlocker b1(ui->requestsSpin);
    const QSignalBlocker b2(ui->workersSpin);
    const QSignalBlocker b3(ui->concurrencySpin);
    const QSignalBlocker b4(ui->rateSpin);
    const QSignalBlocker b5(ui->capacitySpin);
    const QSignalBlocker b6(ui->cpuSpin);
    ui->requestsSpin->setValue(spec.n);
    ui->workersSpin->setValue(spec.workers);
    ui->concurrencySpin->setValue(spec.concurrency);
    ui->rateSpin->setValue(spec.rateLimit);
    ui->capacitySpin->setValue(spec.simulator.capacity);
    ui->cpuSpin->setValue(int(spec.cpuTaskMs));
    // A CPU-only race has no requests: the I/O knobs do nothing there.
    for (QWidget *w : { static_cast<QWidget *>(ui->concurrencySpin), static_cast<QWidget *>(ui->rateSpin),
             static_cast<QWidget *>(ui->capacitySpin) })
        w->setProperty("ioKnob", !spec.cpuOnly);
    updateControls();
}

RaceSpec RaceWindow::spec() const
{
    RacePreset preset;
    racePreset(currentPreset(), &preset);
    RaceSpec spec = preset.spec;
    spec.n = ui->requestsSpin->value();
    spec.workers = ui->workersSpin->value();
    spec.concurrency = ui->concurrencySpin->value();
    spec.rateLimit = ui->rateSpin->value();
    spec.simulator.capacity = ui->capacitySpin->value();
    spec.cpuTaskMs = ui->cpuSpin->value();
    return spec;
}

void RaceWindow::onKnobChanged()
{
    if (isRunning())
        return;
    // Before the race (or after, with new knobs) the rows show what the theory predicts.
    m_status.clear();
    m_stopped = false;
    m_failure.clear();
    buildRows(spec());
    refreshTexts();
}

QString RaceWindow::modelTitle(RaceModel model, int workers) const
{
    switch (model) {
    case RaceModel::Sequential:
        return tr("Sequential: one thing after another");
    case RaceModel::Concurrent:
        return tr("Concurrent: one event loop");
    case RaceModel::ParallelBlocking:
        return tr("Parallel: %n blocking worker(s)", nullptr, workers);
    case RaceModel::ParallelCpu:
        return tr("Parallel CPU: QtConcurrent on %n core(s)", nullptr, QThread::idealThreadCount());
    case RaceModel::Mixed:
        return tr("Both: event loop + QtConcurrent");
    case RaceModel::AntiPattern:
        return tr("Anti-pattern: CPU work on the event loop");
    case RaceModel::BackgroundJobs:
        return tr("Background jobs: %n worker(s)", nullptr, workers);
    }
    return raceModelName(model);
}

void RaceWindow::buildRows(const RaceSpec &spec)
{
    for (Row &row : m_rows)
        delete row.frame; // its view and labels with it
    m_rows.clear();
    m_shown = spec;
    m_placeholder = RunTrace();
    m_placeholder.scenario.cpuOnly = spec.cpuOnly;
    const int cores = std::max(1, QThread::idealThreadCount());
    for (int i = 0; i < int(spec.models.size()); ++i) {
        Row row;
        row.model = spec.models.at(i);
        if (spec.url.isEmpty())
            row.preview = theoreticalWall(
                row.model, theoryInputFor(spec, spec.cpuOnly ? 0 : spec.simulatedIoS(), cores));
        row.frame = new QFrame(ui->rowsContainer);
        row.frame->setObjectName(QStringLiteral("raceRow%1").arg(i));
        row.frame->setFrameShape(QFrame::StyledPanel);
        row.frame->setMinimumHeight(RowMinimumHeight);
        auto *layout = new QHBoxLayout(row.frame);
        layout->setContentsMargins(4, 4, 4, 4);
        auto *panel = new QWidget(row.frame);
        panel->setFixedWidth(RowPanelWidth);
        auto *panelLayout = new QVBoxLayout(panel);
        panelLayout->setContentsMargins(2, 0, 2, 0);
        panelLayout->setSpacing(2);
        const auto label = [panel, panelLayout](const char *name) {
            auto *l = new QLabel(panel);
            l->setObjectName(QString::fromLatin1(name));
            l->setWordWrap(true);
            l->setTextInteractionFlags(Qt::TextSelectableByMouse);
            panelLayout->addWidget(l);
            return l;
        };
        row.title = label("titleLabel");
        row.title->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 11pt;"));
        row.measured = label("measuredLabel");
        row.theory = label("theoryLabel");
        row.formula = label("formulaLabel");
        row.formula->setStyleSheet(QStringLiteral("color: #555; font-size: 8pt;"));
        row.efficiency = label("efficiencyLabel");
        row.speedup = label("speedupLabel");
        row.note = label("noteLabel");
        row.note->setStyleSheet(QStringLiteral("color: #7a4b00;"));
        panelLayout->addStretch(1);
        layout->addWidget(panel);

        row.view = new TimelineView(row.frame);
        row.view->setObjectName(QStringLiteral("raceTimeline%1").arg(i));
        // One scroll bar and one legend for all rows: the window's.
        row.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        row.view->setShowLegend(false);
        row.view->setMinimumHeight(RowMinimumHeight - 10);
        if (spec.cpuOnly)
            row.view->setTrace(&m_placeholder);
        TimelineViewState *state = row.view->state();
        state->setFollowLive(false);
        state->setVisibleRange(m_axisFromNs, m_axisToNs);
        connect(state, &TimelineViewState::visibleRangeChanged, this,
            [this, state](qint64 from, qint64 to) { onRowRangeChanged(state, from, to); });
        // A row fitted to its own run (F, or zoomed out past it): fit them all to the longest.
        connect(state, &TimelineViewState::fitModeChanged, this, [this](bool fit) {
            if (fit && !m_syncing)
                QMetaObject::invokeMethod(this, &RaceWindow::fitAll, Qt::QueuedConnection);
        });
        layout->addWidget(row.view, 1);
        ui->rowsLayout->addWidget(row.frame, 1);
        m_rows.push_back(row);
    }
    // A background-jobs row draws its status board: the legend lists the board's statuses then.
    ui->legendStrip->setShowsJobBoard(
        std::find(spec.models.begin(), spec.models.end(), RaceModel::BackgroundJobs) != spec.models.end());
    fitAll();
    updateControls();
}

void RaceWindow::refreshRow(int index)
{
    Row &row = m_rows[size_t(index)];
    const RaceEntry *entry = row.entry.get();
    row.title->setText(modelTitle(row.model, m_shown.workers));
    row.title->setToolTip(raceModelName(row.model));
    const Theory &theory = entry && entry->ran ? entry->theory : row.preview;
    const bool running = isRunning() && m_race->currentModel() == index;

    if (entry && entry->ran) {
        row.measured->setText(tr("Measured: %1 s").arg(seconds(entry->measuredS)));
    } else if (running) {
        row.measured->setText(tr("Measured: running… %1 s")
                                  .arg(QLocale().toString(double(m_race->currentElapsedNs()) / 1e9, 'f', 1)));
    } else {
        row.measured->setText(tr("Measured: —"));
    }
    // The formula's words and numbers in the current language, computed now from the same input,
    // so that switching language after a race follows (a Theory keeps the text of its language).
    const auto shown = [&] {
        const int cores = std::max(1, QThread::idealThreadCount());
        const double io = entry && entry->ran ? entry->ioS : (m_shown.cpuOnly ? 0 : m_shown.simulatedIoS());
        return theoreticalWall(row.model, theoryInputFor(m_shown, io, cores), TheoryText::Ui);
    };
    if (theory.valid && theory.wallS > 0) {
        row.theory->setText(tr("Theory: %1 s").arg(seconds(theory.wallS)));
        row.formula->setText(shown().formula);
    } else {
        row.theory->setText(tr("Theory: —"));
        row.formula->setText(theory.valid ? QString() : shown().error);
    }
    const auto cores = [](double c) { return QLocale().toString(c, 'f', 1); };
    const bool starved = entry && entry->ran && entry->cpuStarved;
    if (entry && entry->ran && entry->measuredS > 0) {
        const QString percent = QLocale().toString(entry->efficiency * 100, 'f', 0);
        // CPU tasks only, on a machine that gave less CPU than asked: the theory assumed the cores
        // it asked for, so say also how close it came on the CPU it got.
        if (starved && entry->result.trace.scenario.cpuOnly && entry->cpuShare > 0) {
            row.efficiency->setText(
                tr("Efficiency: %1 % (%2 % on the CPU it got)")
                    .arg(percent,
                        QLocale().toString(
                            std::min(1.0, entry->efficiency / entry->cpuShare) * 100, 'f', 0)));
        } else {
            row.efficiency->setText(tr("Efficiency: %1 %").arg(percent));
        }
        row.efficiency->setToolTip(tr("Theory ÷ measured: 100 % is as fast as the ideal run."));
        if (entry->speedup > 0) {
            QString text = entry->speedupFromTheory
                ? tr("Speed-up: %1× (against the theoretical sequential time)")
                      .arg(QLocale().toString(entry->speedup, 'f', 2))
                : tr("Speed-up: %1× over sequential").arg(QLocale().toString(entry->speedup, 'f', 2));
            if (entry->sequentialShare < 1) {
                // Failed jobs cost nothing here: the basis is the jobs that did their work.
                const int jobs = std::max(1, m_shown.n);
                const int working = int(std::lround(entry->sequentialShare * jobs));
                text += QLatin1Char('\n')
                    + tr("against %1 of the %2 jobs one at a time: the failed ones cost nothing")
                          .arg(QLocale().toString(working), QLocale().toString(jobs));
            }
            if (starved)
                text += QLatin1Char('\n')
                    + tr("with %1 of the %2 cores it asked for")
                          .arg(cores(entry->avgParallelism), cores(entry->coresAsked));
            row.speedup->setText(text);
        } else {
            row.speedup->clear();
        }
    } else {
        row.efficiency->setText(tr("Efficiency: —"));
        row.efficiency->setToolTip(QString());
        row.speedup->clear();
    }

    QStringList notes;
    if (entry && !entry->ran && !entry->error.isEmpty())
        notes << tr("Did not run: %1").arg(entry->error);
    if (entry && entry->ran) {
        if (entry->result.trace.cancelled)
            notes << tr("Stopped: the figures cover what ran.");
        if (entry->ioEstimated)
            notes << tr("T_io estimated from the measured latency.");
        if (entry->model == RaceModel::AntiPattern || entry->model == RaceModel::Mixed)
            notes << tr("Worst event-loop lag: %1 ms").arg(QLocale().toString(entry->maxLoopLagMs, 'f', 0));
        if (entry->result.trace.scenario.cpuOnly && entry->result.trace.requests.empty()) {
            // What a row of CPU tasks did: there are no requests to count.
            std::vector<qint32> owners = entry->result.taskOwner;
            std::sort(owners.begin(), owners.end());
            const int done = int(std::unique(owners.begin(), owners.end()) - owners.begin());
            notes << tr("Done: %n CPU task(s), no requests.", nullptr, done);
        }
        if (entry->cpuBusyS > 0)
            notes << tr("CPU time the tasks got: %1 s, %2 cores on average")
                         .arg(seconds(entry->cpuBusyS), QLocale().toString(entry->avgParallelism, 'f', 2));
        if (starved)
            notes << tr("This machine gave the run %1 of the %2 cores it asked for: other programs "
                        "were using the rest, so it took longer than on an idle machine.")
                         .arg(cores(entry->avgParallelism), cores(entry->coresAsked));
        if (entry->heldS > 0)
            notes << tr("Threads held while only waiting: %1 s").arg(seconds(entry->heldS));
    }
    if (!entry && !running && isRunning())
        notes << tr("Waiting for its turn.");
    row.note->setText(notes.join(QLatin1Char('\n')));
    row.note->setVisible(!notes.isEmpty());
}

// Every row's lane-name gutter as wide as the widest one, so time runs from the same x in all
// of them. Worker lanes are known before their model runs, so the axis does not shift later.
void RaceWindow::alignGutters()
{
    int widest = 0;
    const int cores = std::max(1, QThread::idealThreadCount());
    for (const Row &row : m_rows) {
        const QFontMetrics fm(row.view->font());
        const RunTrace *trace = row.view->trace();
        const int requests = trace ? int(trace->requests.size()) : m_shown.n;
        QStringList names { requestLaneName(std::max(9, requests)), loopLaneName() };
        if (trace) {
            for (const TaskLane &lane : trace->taskLanes)
                names << LaneNames::display(lane);
        }
        if (row.model == RaceModel::ParallelBlocking)
            names << LaneNames::display(LaneNames::lane(LaneKind::Worker, m_shown.workers));
        else if (row.model == RaceModel::BackgroundJobs)
            names << LaneNames::display(LaneNames::lane(LaneKind::JobWorker, m_shown.workers))
                  << jobBoardLaneName();
        else if (row.model == RaceModel::ParallelCpu || row.model == RaceModel::Mixed)
            names << LaneNames::display(LaneNames::lane(LaneKind::Pool, cores));
        for (const QString &name : std::as_const(names))
            widest = std::max(widest, fm.horizontalAdvance(name) + 14);
    }
    for (Row &row : m_rows)
        row.view->setMinimumLabelWidth(widest);
}

void RaceWindow::refreshTexts()
{
    RacePreset preset;
    if (racePreset(currentPreset(), &preset))
        ui->storyLabel->setText(preset.translatedStory());
    for (int i = 0; i < rowCount(); ++i)
        refreshRow(i);
    alignGutters(); // lane names are translated
    QString status = m_status;
    if (!m_failure.isEmpty()) {
        status = tr("The race could not start: %1").arg(m_failure);
    } else if (isRunning()) {
        const int current = m_race->currentModel();
        status = current >= 0 ? tr("Running %1 (%2 of %3)…")
                                    .arg(modelTitle(m_shown.models.at(current), m_shown.workers))
                                    .arg(current + 1)
                                    .arg(m_shown.models.size())
                              : tr("Starting the race…");
    } else if (m_stopped) {
        status = tr("Stopped: the rows keep what ran.");
    } else if (status.isEmpty()) {
        const Row *fastest = nullptr;
        int ran = 0;
        for (const Row &row : m_rows) {
            if (row.entry && row.entry->ran && row.entry->measuredS > 0) {
                ++ran;
                if (!fastest || row.entry->measuredS < fastest->entry->measuredS)
                    fastest = &row;
            }
        }
        // "The fastest" needs two to compare; one model alone is just told.
        status = fastest && ran == 1
            ? tr("Finished: “%1” took %2 s. Add another model to the race to compare it with.")
                  .arg(modelTitle(fastest->model, m_shown.workers), seconds(fastest->entry->measuredS))
            : fastest
            ? tr("Finished: the fastest was “%1”, %2 s. Every row is drawn on the same time axis: "
                 "compare the lengths.")
                  .arg(modelTitle(fastest->model, m_shown.workers), seconds(fastest->entry->measuredS))
            : tr("Press Run: the models run one after another, each on its own clock from 0, drawn on "
                 "one shared time axis. The theory is already there: see how close each model gets.");
    }
    ui->statusLabel->setText(status);
    updateControls();
}

void RaceWindow::updateControls()
{
    const bool running = isRunning();
    ui->runButton->setText(running ? tr("&Stop") : tr("&Run race"));
    ui->runButton->setToolTip(running ? tr("Stop the race; the model in progress is cut off (Esc)")
                                      : tr("Run the workload through every model, one after another"));
    ui->runButton->setEnabled(!m_race->isStopping());
    ui->presetCombo->setEnabled(!running);
    ui->resetButton->setEnabled(!running);
    ui->requestsSpin->setEnabled(!running);
    ui->workersSpin->setEnabled(!running);
    ui->cpuSpin->setEnabled(!running);
    for (QWidget *w : { static_cast<QWidget *>(ui->concurrencySpin), static_cast<QWidget *>(ui->rateSpin),
             static_cast<QWidget *>(ui->capacitySpin) })
        w->setEnabled(!running && w->property("ioKnob").toBool());
}

bool RaceWindow::startRace(QString *error)
{
    return startRace(spec(), error);
}

bool RaceWindow::startRace(const RaceSpec &spec, QString *error)
{
    if (isRunning()) {
        if (error)
            *error = tr("A race is already running.");
        return false;
    }
    buildRows(spec);
    m_status.clear();
    m_stopped = false;
    m_failure.clear();
    if (!m_race->start(spec, error))
        return false;
    m_tick.start();
    refreshTexts();
    return true;
}

bool RaceWindow::showEntries(
    const RaceSpec &spec, const std::vector<std::shared_ptr<const RaceEntry>> &entries)
{
    if (isRunning())
        return false;
    buildRows(spec);
    m_status.clear();
    m_stopped = false;
    m_failure.clear();
    for (int i = 0; i < rowCount() && size_t(i) < entries.size(); ++i) {
        if (!entries[size_t(i)])
            continue;
        Row &row = m_rows[size_t(i)];
        row.entry = entries[size_t(i)];
        row.view->setTrace(&row.entry->result.trace);
    }
    fitAll();
    refreshTexts();
    return true;
}

void RaceWindow::stopRace()
{
    if (!isRunning())
        return;
    m_stopped = true;
    m_race->stop();
    refreshTexts();
}

bool RaceWindow::isRunning() const
{
    return m_race->isRunning();
}

QWidget *RaceWindow::row(int index) const
{
    return index >= 0 && index < rowCount() ? m_rows[size_t(index)].frame : nullptr;
}

TimelineView *RaceWindow::rowView(int index) const
{
    return index >= 0 && index < rowCount() ? m_rows[size_t(index)].view : nullptr;
}

std::shared_ptr<const RaceEntry> RaceWindow::rowEntry(int index) const
{
    return index >= 0 && index < rowCount() ? m_rows[size_t(index)].entry : nullptr;
}

void RaceWindow::onModelStarted(int index)
{
    if (index >= 0 && index < rowCount())
        m_rows[size_t(index)].view->setLive(true, 0);
    refreshTexts();
}

void RaceWindow::onModelProgress(int index)
{
    if (index < 0 || index >= rowCount())
        return;
    Row &row = m_rows[size_t(index)];
    std::shared_ptr<const ModelResult> live = m_race->liveResult(index);
    if (!live || row.entry)
        return;
    // Point the view at the new snapshot before the old one goes.
    row.view->setTrace(&live->trace);
    row.live = std::move(live);
    row.view->setLive(true, liveNowNs(row));
    refitIfFitting();
}

// "Now" for the running row: the model's clock as of its last snapshot, or the GUI's clock since
// the model started if that is later (between snapshots, so open bars keep growing).
qint64 RaceWindow::liveNowNs(const Row &row) const
{
    const qint64 guiNow = m_race->currentElapsedNs();
    return row.live ? std::max(row.live->snapshotNs, guiNow) : guiNow;
}

void RaceWindow::onEntryReady(int)
{
    // Every held row may have changed (speed-ups are refreshed when the sequential row arrives).
    const auto &entries = m_race->entries();
    for (int i = 0; i < rowCount() && size_t(i) < entries.size(); ++i) {
        Row &row = m_rows[size_t(i)];
        if (!entries[size_t(i)] || entries[size_t(i)] == row.entry)
            continue;
        row.entry = entries[size_t(i)];
        row.view->setLive(false);
        row.view->setTrace(&row.entry->result.trace);
        row.live.reset(); // after the view left it
    }
    refitIfFitting();
    refreshTexts();
}

void RaceWindow::onTick()
{
    const int current = m_race->currentModel();
    if (current >= 0 && current < rowCount()) {
        // The running model's clock, so the axis and its open bars grow between snapshots.
        m_rows[size_t(current)].view->setLive(true, liveNowNs(m_rows[size_t(current)]));
        refitIfFitting();
        refreshRow(current);
    }
}

void RaceWindow::onRaceFinished()
{
    m_tick.stop();
    for (Row &row : m_rows)
        row.view->setLive(false);
    refitIfFitting();
    refreshTexts();
    emit raceFinished();
}

// ---- The shared time axis ----------------------------------------------------------------------

qint64 RaceWindow::sharedExtentNs() const
{
    qint64 extent = 0;
    for (const Row &row : m_rows)
        extent = std::max(extent, row.view->state()->extentNs());
    return extent;
}

void RaceWindow::fitAll()
{
    // The longest row sets the range, with the same headroom a single timeline's fit has (a
    // race shorter than a second is shown whole too; nothing run yet: one second).
    const qint64 extent = sharedExtentNs();
    m_fitting = true;
    applyRange(0, extent > 0 ? extent + extent / 50 : 1'000'000'000);
}

void RaceWindow::refitIfFitting()
{
    if (m_fitting)
        fitAll();
    else
        syncScrollBar();
}

void RaceWindow::onRowRangeChanged(TimelineViewState *source, qint64 fromNs, qint64 toNs)
{
    if (m_syncing)
        return;
    if (source->fitMode()) {
        // It fitted its own run; the shared axis fits the longest.
        fitAll();
        return;
    }
    m_fitting = false;
    applyRange(fromNs, toNs);
}

void RaceWindow::applyRange(qint64 fromNs, qint64 toNs)
{
    m_syncing = true;
    for (Row &row : m_rows) {
        // Leaves each row's own fit mode, so its extent never moves the shared range.
        row.view->state()->setVisibleRange(fromNs, toNs);
    }
    // Rows clamp alike; take the clamped range back from one of them.
    if (!m_rows.empty()) {
        m_axisFromNs = m_rows.front().view->state()->fromNs();
        m_axisToNs = m_rows.front().view->state()->toNs();
    } else {
        m_axisFromNs = fromNs;
        m_axisToNs = toNs;
    }
    m_syncing = false;
    syncScrollBar();
}

void RaceWindow::syncScrollBar()
{
    const QSignalBlocker blocker(ui->axisScrollBar);
    const qint64 span = m_axisToNs - m_axisFromNs;
    const qint64 extent = std::max(sharedExtentNs(), m_axisToNs);
    QScrollBar *bar = ui->axisScrollBar;
    bar->setRange(0, int(std::max<qint64>(0, (extent - span) / nsPerScrollStep)));
    bar->setPageStep(int(std::max<qint64>(1, span / nsPerScrollStep)));
    bar->setSingleStep(std::max(1, bar->pageStep() / 10));
    bar->setValue(int(m_axisFromNs / nsPerScrollStep));
    bar->setEnabled(bar->maximum() > 0);
}

void RaceWindow::onScrollBar(int value)
{
    const qint64 span = m_axisToNs - m_axisFromNs;
    const qint64 from = qint64(value) * nsPerScrollStep;
    m_fitting = false;
    applyRange(from, from + span);
}

// ---- Events ------------------------------------------------------------------------------------

void RaceWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        fillPresetCombo();
        refreshTexts();
    }
    QWidget::changeEvent(event);
}

void RaceWindow::closeEvent(QCloseEvent *event)
{
    stopRace();
    QWidget::closeEvent(event);
}

} // namespace BurgerBench
