#include "gui/sweepwindow.h"

#include "gui/sweepcontroller.h"
#include "sweep/sweepreport.h"
#include "sweep/sweeptheory.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace BurgerBench {

namespace {

QString number(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("–");
}

} // namespace

SweepCurveTheory SweepWindow::theoryOf(const SweepResult &, const Scenario &scenario)
{
    SweepCurveTheory t;
    if (!scenario.usesSimulator())
        return t;
    // Drawn before any step ran, so from the settings alone (sweep/sweeptheory.h): prefill per
    // uncached prompt token is not counted (which tokens the prefix cache will hold is known only
    // from the runs; the sweep page's theory reads them from the steps).
    const SimulatorTheory theory = SweepTheory::simulatorTheory(scenario.simulator, scenario.maxTokens, 0);
    t.ttftMs = theory.ttftMs;
    t.tokenIntervalMs = theory.tokenIntervalMs;
    t.outputTokens = theory.outputTokens;
    t.serviceS = theory.serviceTimeS;
    if (!theory.valid)
        return t;
    t.known = true;
    t.capacity = theory.capacity;
    t.ceiling = theory.capacity > 0 ? theory.ceilingRps : 0;
    return t;
}

SweepWindow::SweepWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_sweep(new SweepController(this))
{
    setObjectName(QStringLiteral("sweepWindow"));
    auto *layout = new QVBoxLayout(this);
    m_menuBar = new QMenuBar(this);
    m_fileMenu = m_menuBar->addMenu(QString());
    m_actionSave = m_fileMenu->addAction(QString());
    m_actionSave->setObjectName(QStringLiteral("actionSaveSweep"));
    m_actionSave->setShortcut(QKeySequence::Save);
    m_actionSave->setEnabled(false);
    m_fileMenu->addSeparator();
    m_actionClose = m_fileMenu->addAction(QString());
    m_actionClose->setShortcut(QKeySequence::Close);
    connect(m_actionSave, &QAction::triggered, this, &SweepWindow::saveDialog);
    connect(m_actionClose, &QAction::triggered, this, &QWidget::close);
    layout->setMenuBar(m_menuBar);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);

    auto *progressRow = new QHBoxLayout;
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(160);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setWordWrap(true);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, &SweepWindow::cancelSweep);
    progressRow->addWidget(m_bar);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    layout->addLayout(progressRow);

    auto *charts = new QHBoxLayout;
    m_throughput = new SweepCurve(SweepCurve::Kind::Throughput, this);
    m_throughput->setObjectName(QStringLiteral("throughputCurve"));
    m_latency = new SweepCurve(SweepCurve::Kind::Latency, this);
    m_latency->setObjectName(QStringLiteral("latencyCurve"));
    charts->addWidget(m_throughput);
    charts->addWidget(m_latency);
    layout->addLayout(charts, 1);
    m_throughput->setResult(&m_sweep->result());
    m_latency->setResult(&m_sweep->result());
    for (SweepCurve *curve : { m_throughput, m_latency })
        connect(curve, &SweepCurve::pointClicked, this, [this](int point) {
            const int step = stepOfPoint(point);
            if (step >= 0) {
                activateStep(step);
                emit stepActivated(step);
            }
        });

    for (QLabel **label : { &m_theory, &m_little, &m_summary, &m_hint }) {
        *label = new QLabel(this);
        (*label)->setWordWrap(true);
        (*label)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(*label);
    }
    m_theory->setObjectName(QStringLiteral("theory"));
    m_little->setObjectName(QStringLiteral("little"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_hint->setObjectName(QStringLiteral("hint"));

    connect(m_sweep, &SweepController::stepStarted, this, &SweepWindow::onStepStarted);
    connect(m_sweep, &SweepController::stepFinished, this, &SweepWindow::onStepFinished);
    connect(m_sweep, &SweepController::progressChanged, this, &SweepWindow::updateProgress);
    connect(m_sweep, &SweepController::failed, this, [this](const QString &message) { m_failure = message; });
    connect(m_sweep, &SweepController::finished, this, &SweepWindow::onFinished);
    retranslate();
    resize(1180, 680);
}

SweepWindow::~SweepWindow() = default;

const SweepResult &SweepWindow::result() const
{
    return m_sweep->result();
}

bool SweepWindow::isRunning() const
{
    return m_sweep->isRunning();
}

bool SweepWindow::startSweep(const SweepSpec &spec, QString *error)
{
    m_failure.clear();
    if (!m_sweep->start(spec, error))
        return false;
    m_littleStep = -1;
    m_curveTheory = theoryOf(m_sweep->result(), spec.base);
    for (SweepCurve *curve : { m_throughput, m_latency }) {
        curve->setResult(&m_sweep->result());
        curve->setTheory(m_curveTheory);
    }
    m_cancel->setEnabled(true);
    m_actionSave->setEnabled(false);
    m_bar->setRange(0, 0); // busy until the first step says how many are planned
    updateTexts();
    updateProgress();
    return true;
}

void SweepWindow::cancelSweep()
{
    m_sweep->cancel();
    m_cancel->setEnabled(false);
    updateProgress();
}

int SweepWindow::stepOfPoint(int point) const
{
    const auto &steps = result().steps;
    for (size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].point == point)
            return int(i);
    }
    return -1;
}

void SweepWindow::activateStep(int step)
{
    if (step < 0 || size_t(step) >= result().steps.size())
        return;
    m_littleStep = step;
    const int point = result().steps[size_t(step)].point;
    m_throughput->setSelectedPoint(point);
    m_latency->setSelectedPoint(point);
    updateTexts();
}

QString SweepWindow::levelText(SweepOver over, double value) const
{
    return over == SweepOver::Rate ? tr("rate %1/s").arg(QLocale().toString(value, 'g', 4))
                                   : tr("concurrency %1").arg(QLocale().toString(value, 'f', 0));
}

void SweepWindow::onStepStarted()
{
    m_bar->setRange(0, std::max(1, m_sweep->plannedSteps()));
    m_bar->setValue(int(result().steps.size()));
    updateProgress();
}

void SweepWindow::onStepFinished(int)
{
    m_throughput->refresh();
    m_latency->refresh();
    m_bar->setValue(int(result().steps.size()));
    m_actionSave->setEnabled(false);
    updateTexts();
    updateProgress();
}

void SweepWindow::onFinished()
{
    // The final result replaced the steps so far: the curves point at it again.
    m_throughput->refresh();
    m_latency->refresh();
    m_cancel->setEnabled(false);
    m_bar->setRange(0, std::max(1, int(result().steps.size())));
    m_bar->setValue(int(result().steps.size()));
    m_actionSave->setEnabled(!result().steps.empty());
    updateTexts();
    updateProgress();
    emit sweepFinished();
}

QString SweepWindow::progressText() const
{
    return m_progress->text();
}

QString SweepWindow::theoryText() const
{
    return m_theory->text();
}

QString SweepWindow::littleText() const
{
    return m_little->text();
}

QString SweepWindow::summaryText() const
{
    return m_summary->text();
}

void SweepWindow::updateProgress()
{
    const SweepResult &r = result();
    const int done = int(r.steps.size());
    QString text;
    if (!m_failure.isEmpty()) {
        text = tr("The sweep could not start: %1").arg(m_failure);
    } else if (m_sweep->isRunning()) {
        if (m_sweep->currentStep() < 0) {
            text = m_sweep->isCancelling() ? tr("Cancelling…") : tr("Starting…");
        } else {
            const Progress &p = m_sweep->stepProgress();
            const int planned = m_sweep->plannedSteps();
            const QString step = m_sweep->spec().profile == SweepProfile::Search
                ? tr("Step %1 of at most %2").arg(m_sweep->currentStep() + 1).arg(planned)
                : tr("Step %1 of %2").arg(m_sweep->currentStep() + 1).arg(planned);
            const double left = m_sweep->timeLeftS();
            const QString leftText = left < 0 ? tr("time left unknown")
                : left < 90                   ? tr("about %1 s left").arg(QLocale().toString(left, 'f', 0))
                            : tr("about %1 min left").arg(QLocale().toString(left / 60, 'f', 1));
            text = tr("%1: %2 · %3 done, %4 in flight · %5")
                       .arg(step, levelText(m_sweep->currentOver(), m_sweep->currentValue()))
                       .arg(p.completed + p.failed)
                       .arg(p.inFlight)
                       .arg(leftText);
            if (m_sweep->isCancelling())
                text = tr("Cancelling: the %n finished step(s) are kept.", nullptr, done);
        }
    } else if (r.cancelled) {
        text = tr("Cancelled: the %n finished step(s) are kept.", nullptr, done);
    } else if (done > 0) {
        text = tr("Done: %n step(s).", nullptr, done);
    } else {
        text = tr("No sweep yet: Run → Sweep… in the main window.");
    }
    m_progress->setText(text);
}

void SweepWindow::updateTexts()
{
    const SweepResult &r = result();
    const SweepSpec &spec = m_sweep->spec();
    const QString name = spec.base.name.isEmpty() ? tr("the scenario") : spec.base.name;
    QString profile;
    switch (spec.profile) {
    case SweepProfile::Concurrency:
        profile = tr("concurrency");
        break;
    case SweepProfile::Rate:
        profile = tr("rate");
        break;
    case SweepProfile::Auto:
        profile = tr("auto");
        break;
    case SweepProfile::Search:
        profile = tr("search over %1").arg(spec.over == SweepOver::Rate ? tr("rate") : tr("concurrency"));
        break;
    }
    m_heading->setText(tr("Sweep of “%1” (%2) against %3")
                           .arg(name, profile,
                               spec.base.usesSimulator() ? tr("the built-in simulator")
                                                         : spec.base.url.toString(QUrl::RemoveUserInfo)));

    // The theory, in the burger story's words.
    const SweepCurveTheory &t = m_curveTheory;
    if (!t.known) {
        m_theory->setText(tr("A real target: no theory is drawn; its ceiling is where the served curve "
                             "stops following the offered load."));
    } else if (t.capacity <= 0) {
        m_theory->setText(tr("The kitchen (the built-in simulator) has a cook for every order, each taking "
                             "%1 s: there is no ceiling, so the line never forms and every order is served "
                             "in %1 s.")
                              .arg(number(t.serviceS, 2)));
    } else {
        m_theory->setText(
            tr("The kitchen (the built-in simulator) has %n cook(s); each order takes T = %1 s (the first "
               "token after %2 ms, then %3 more, %4 ms apart), so it serves at most S/T = %5 orders a "
               "second. More customers a second than the kitchen can cook: past %5 a second the line only "
               "grows.",
                nullptr, t.capacity)
                .arg(number(t.serviceS, 2), number(t.ttftMs, 0), number(std::max(0.0, t.outputTokens - 1), 0),
                    number(t.tokenIntervalMs, 0), number(t.ceiling, 1)));
    }

    // Little's law on the step shown (else the last one that finished).
    int step = m_littleStep;
    if (step < 0 || size_t(step) >= r.steps.size())
        step = int(r.steps.size()) - 1;
    QString little;
    if (step >= 0) {
        const SweepStep &s = r.steps[size_t(step)];
        const LittlesLaw l = s.error.isEmpty() ? SweepTheory::littlesLaw(s) : LittlesLaw();
        if (l.valid) {
            little = tr("Little's law, step %1 (%2): on average L = %3 orders were in the shop (measured); "
                        "λ·W = %4 served a second × %5 s each = %6.")
                         .arg(step + 1)
                         .arg(levelText(s.over, s.value), number(l.inFlight, 2), number(l.rate, 2),
                             number(l.e2eS, 3), number(l.rate * l.e2eS, 2));
            if (t.known && t.capacity > 0 && l.inFlight > t.capacity + 0.5)
                little += QLatin1Char(' ')
                    + tr("With %n cook(s), about %1 of them waited in line.", nullptr, t.capacity)
                          .arg(number(l.inFlight - t.capacity, 1));
        } else {
            little = tr("Little's law, step %1: too few orders served to tell.").arg(step + 1);
        }
    }
    m_little->setText(little);
    m_little->setVisible(!little.isEmpty());

    QStringList summary;
    if (!r.points.isEmpty())
        summary << tr("Most served: %1 requests/s (%2 tokens/s).")
                       .arg(number(r.maxRequestThroughput, 2), number(r.maxOutputThroughput, 1));
    int saturated = 0;
    for (const SweepPoint &p : r.points)
        saturated += p.saturated ? 1 : 0;
    if (saturated > 0)
        summary << tr(
            "%n level(s) saturated (ringed red): the line grew through the step.", nullptr, saturated);
    if (r.capacity.searched) {
        const SweepCapacity &c = r.capacity;
        if (!std::isfinite(c.value))
            summary << tr("Capacity (%1): no level met the SLO.").arg(c.slo.join(QStringLiteral(", ")));
        else
            summary << tr("Capacity (%1): %2, bracket [%3, %4] (%5).")
                           .arg(c.slo.join(QStringLiteral(", ")), levelText(c.over, c.value),
                               QLocale().toString(c.lo, 'g', 5),
                               std::isfinite(c.hi) ? QLocale().toString(c.hi, 'g', 5) : QStringLiteral("?"),
                               c.stopReason);
    }
    if (!r.stopped.isEmpty() && !m_sweep->isRunning())
        summary << tr("Stopped: %1").arg(r.stopped);
    m_summary->setText(summary.join(QLatin1Char(' ')));
    m_summary->setVisible(!summary.isEmpty());
}

bool SweepWindow::saveSweep(const QString &path, QString *error) const
{
    if (m_sweep->isRunning()) {
        if (error)
            *error = tr("Wait for the sweep to finish, or cancel it, before saving it.");
        return false;
    }
    if (result().steps.empty()) {
        if (error)
            *error = tr("There is no sweep to save yet.");
        return false;
    }
    QString why;
    if (SweepReport::write(path, result(), &why))
        return true;
    if (error)
        *error = why;
    return false;
}

void SweepWindow::saveDialog()
{
    const QString caption = tr("Save sweep");
    QString path = m_saveDialog ? m_saveDialog(caption, QStringLiteral("sweep.json"))
                                : QFileDialog::getSaveFileName(this, caption, QStringLiteral("sweep.json"),
                                    tr("Sweep reports (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".json");
    QString error;
    if (saveSweep(path, &error))
        m_hint->setText(tr("Saved the sweep to %1.").arg(QDir::toNativeSeparators(path)));
    else
        QMessageBox::warning(this, tr("Cannot save the sweep"), error);
}

void SweepWindow::retranslate()
{
    setWindowTitle(tr("Sweep — BurgerBench"));
    m_fileMenu->setTitle(tr("&File"));
    m_actionSave->setText(tr("&Save sweep…"));
    m_actionSave->setToolTip(tr("Save the sweep as a sweep report (JSON), as burgerbench-cli sweep --json "
                                "writes it"));
    m_actionClose->setText(tr("&Close"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the sweep; the finished steps are kept"));
    m_hint->setText(tr("Click a point to show that step's timeline in the main window."));
    updateTexts();
    updateProgress();
}

void SweepWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SweepWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window ends the sweep it shows; what finished stays, to save or reopen.
    if (m_sweep->isRunning())
        cancelSweep();
    QWidget::closeEvent(event);
}

} // namespace BurgerBench
