#include "gui/statspanel.h"

#include "render/timeformat.h"
#include "ui_statspanel.h"

#include <QLocale>

#include <cmath>

namespace BurgerBench {

StatsPanel::StatsPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::StatsPanel>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("statsPanel"));
    ui->progressBar->setAccessibleName(tr("Run progress"));
    QToolButton *buttons[LatencyMetricCount][2]
        = { { ui->ttftP50Button, ui->ttftP99Button }, { ui->itlP50Button, ui->itlP99Button },
              { ui->e2elP50Button, ui->e2elP99Button }, { ui->queueP50Button, ui->queueP99Button } };
    for (int m = 0; m < LatencyMetricCount; ++m) {
        for (int k = 0; k < 2; ++k) {
            QToolButton *button = buttons[m][k];
            connect(button, &QToolButton::clicked, this, [this, m, k] {
                const double value = k == 0 ? m_figures.p50[m] : m_figures.p99[m];
                if (!std::isnan(value))
                    emit percentileClicked(LatencyMetric(m), k == 0 ? 50.0 : 99.0, value);
            });
        }
    }
    reset(0);
}

StatsPanel::~StatsPanel() = default;

void StatsPanel::reset(int planned, bool openLoop)
{
    ui->notDueCaption->setVisible(openLoop);
    ui->notDueValue->setVisible(openLoop);
    m_figures = LatencyFigures();
    m_progress = Progress();
    m_progress.planned = planned;
    m_requestRate = 0;
    m_tokenRate = 0;
    m_eta = -1;
    m_running = false;
    m_hasRange = false;
    refreshTexts();
}

void StatsPanel::setProgress(
    const Progress &progress, double requestRate, double tokenRate, double etaSeconds, bool running)
{
    m_progress = progress;
    m_requestRate = requestRate;
    m_tokenRate = tokenRate;
    m_eta = etaSeconds;
    m_running = running;
    refreshTexts();
}

void StatsPanel::setLatencies(const LatencyFigures &figures)
{
    m_figures = figures;
    refreshTexts();
}

void StatsPanel::setRange(const RangeStatistics *range)
{
    m_hasRange = range != nullptr;
    if (range)
        m_range = *range;
    refreshTexts();
}

void StatsPanel::refreshTexts()
{
    const QLocale locale;
    const Progress &p = m_progress;
    ui->inFlightValue->setText(locale.toString(p.inFlight));
    ui->doneValue->setText(locale.toString(p.completed));
    ui->failedValue->setText(locale.toString(p.failed));
    ui->queuedValue->setText(locale.toString(p.queued));
    ui->notDueValue->setText(locale.toString(p.notDue));
    ui->requestRateValue->setText(locale.toString(m_requestRate, 'f', 1));
    ui->tokenRateValue->setText(locale.toString(m_tokenRate, 'f', 0));
    // Which window the rates are over: the last second while running, the whole run after.
    const bool over = !m_running && p.completed + p.failed + p.incomplete > 0;
    ui->requestRateCaption->setText(m_running ? tr("Requests/s, last second:")
            : over                            ? tr("Requests/s, whole run:")
                                              : tr("Requests/s:"));
    ui->tokenRateCaption->setText(m_running ? tr("Tokens/s, last second:")
            : over                          ? tr("Tokens/s, whole run:")
                                            : tr("Tokens/s:"));
    ui->requestRateCaption->setToolTip(over ? tr("Finished requests per second, over the whole run")
                                            : tr("Finished requests per second, over the last second"));
    ui->tokenRateCaption->setToolTip(over ? tr("Token events per second, over the whole run")
                                          : tr("Token events per second, over the last second"));
    ui->loopLagValue->setText(
        p.lastLoopLagNs > 0 ? formatDuration(p.lastLoopLagNs, locale) : QStringLiteral("–"));

    // A run of CPU tasks only (parallel-cpu, cpu_only) counts its tasks, not its requests.
    const bool tasksOnly = p.dispatched == 0 && p.tasksStarted > 0;
    const int settled = tasksOnly ? p.tasksEnded : p.completed + p.failed + p.incomplete;
    if (p.planned > 0) {
        ui->progressBar->setRange(0, p.planned);
        ui->progressBar->setValue(std::min(settled, p.planned));
    } else {
        ui->progressBar->setRange(0, m_running ? 0 : 1); // busy indicator for duration-bound runs
        ui->progressBar->setValue(!m_running && settled > 0 ? 1 : 0);
    }
    QString eta;
    if (m_running) {
        eta = m_eta >= 0
            ? tr("Running: %1 elapsed, about %2 left")
                  .arg(formatDuration(p.elapsedNs, locale), formatDuration(qint64(m_eta * 1e9), locale))
            : tr("Running: %1 elapsed").arg(formatDuration(p.elapsedNs, locale));
    } else if (tasksOnly) {
        eta = tr("Finished: %n CPU task(s) done in %1", nullptr, settled)
                  .arg(formatDuration(p.elapsedNs, locale));
    } else if (settled > 0) {
        eta = tr("Finished: %1 of %n request(s) done in %2", nullptr, settled)
                  .arg(p.completed)
                  .arg(formatDuration(p.elapsedNs, locale));
    } else {
        eta = tr("Ready");
    }
    ui->etaLabel->setText(eta);

    QToolButton *buttons[LatencyMetricCount][2]
        = { { ui->ttftP50Button, ui->ttftP99Button }, { ui->itlP50Button, ui->itlP99Button },
              { ui->e2elP50Button, ui->e2elP99Button }, { ui->queueP50Button, ui->queueP99Button } };
    for (int m = 0; m < LatencyMetricCount; ++m) {
        buttons[m][0]->setText(formatMs(m_figures.p50[m], locale));
        buttons[m][1]->setText(formatMs(m_figures.p99[m], locale));
        buttons[m][0]->setEnabled(!std::isnan(m_figures.p50[m]));
        buttons[m][1]->setEnabled(!std::isnan(m_figures.p99[m]));
        const QString name = m == 0 ? tr("Time to first token")
            : m == 1                ? tr("Between tokens")
            : m == 2                ? tr("Whole request")
                                    : tr("In line before sending");
        buttons[m][0]->setAccessibleName(tr("%1 p50").arg(name));
        buttons[m][1]->setAccessibleName(tr("%1 p99").arg(name));
    }

    if (m_hasRange) {
        const RangeStatistics &r = m_range;
        const double s = std::max(1e-9, r.seconds());
        ui->rangeLabel->setText(
            tr("<b>Selected %1 → %2 (%3)</b><br>"
               "Started: %4 · finished: %5 · failed: %6<br>"
               "Tokens: %7 (%8/s) · most in flight: %9<br>"
               "Event loop busy %10 % · worst lag %11")
                .arg(formatDuration(r.fromNs, locale), formatDuration(r.toNs, locale),
                    formatDuration(r.toNs - r.fromNs, locale))
                .arg(r.started)
                .arg(r.finished)
                .arg(r.failed)
                .arg(r.tokens)
                .arg(locale.toString(double(r.tokens) / s, 'f', 0))
                .arg(r.peakInFlight)
                .arg(locale.toString(r.loopBusyFraction * 100, 'f', 1))
                .arg(r.maxLoopLagNs > 0 ? formatDuration(r.maxLoopLagNs, locale) : QStringLiteral("–")));
    } else {
        ui->rangeLabel->setText(
            tr("Drag across the time axis (or Shift+drag) to see the statistics of a time range."));
    }
}

void StatsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        refreshTexts();
    }
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
