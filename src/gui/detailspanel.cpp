#include "gui/detailspanel.h"

#include "gui/requestdescription.h"
#include "render/requestphases.h"
#include "render/timeformat.h"
#include "trace/runtrace.h"
#include "ui_detailspanel.h"

#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QStyle>

namespace BurgerBench {

namespace {
QIcon swatchIcon(Phase phase)
{
    QPixmap pixmap(18, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    fillPhaseRect(&painter, pixmap.rect(), phase);
    if (phase == Phase::Ghost) // the dashes doubled, as in the legend
        fillPhaseRect(&painter, pixmap.rect().adjusted(1, 1, -1, -1), Phase::Ghost);
    return QIcon(pixmap);
}

// "connection refused: nothing answers…", with a non-2xx HTTP status when it is not the kind itself
// (an idle timeout after a 200 head says only "timed out").
QString attemptError(ErrorKind kind, int httpStatus)
{
    QString words = errorKindLabel(kind, httpStatus);
    if ((httpStatus < 200 || httpStatus >= 300) && httpStatus > 0 && kind != ErrorKind::Http
        && kind != ErrorKind::Redirect)
        words += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    return words;
}

// The report's own id for the tooltip: what to search the JSON report or the logs for.
QString rawId(ErrorKind kind, int httpStatus)
{
    return DetailsPanel::tr("Report id: %1").arg(errorKindName(kind, httpStatus));
}
} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::DetailsPanel>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("detailsPanel"));
    // The phase names take what the times leave (a failed attempt's words are long; the full
    // name is in the row's tooltip), so start and length always show.
    ui->phasesTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    ui->phasesTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    ui->phasesTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    ui->phasesTable->horizontalHeader()->setStretchLastSection(false);
    ui->phasesTable->setTextElideMode(Qt::ElideRight);
    ui->phasesTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    ui->titleLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 26);
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::showRequest(const RunTrace &trace, int request, const QString &run)
{
    m_request = request;
    m_run = request >= 0 ? run : QString();
    ui->phasesTable->setRowCount(0);
    if (request < 0 || size_t(request) >= trace.requests.size()) {
        ui->titleLabel->setText(tr("Click a request on the timeline to see its details."));
        ui->gapPlot->setTokens({});
        ui->textView->clear();
        ui->errorLabel->clear();
        return;
    }
    const RequestRecord &r = trace.requests[size_t(request)];
    ui->titleLabel->setText(
        (m_run.isEmpty() ? QString() : QStringLiteral("<i>%1</i><br>").arg(m_run.toHtmlEscaped()))
        + requestSummaryHtml(trace, request, false));
    ui->titleLabel->setToolTip(r.error != ErrorKind::None ? rawId(r.error, r.httpStatus) : QString());
    // The summary scrolls down, never sideways: its column is as wide as its widest line plus
    // the scroll bar.
    ui->titleScroll->setMinimumWidth(
        std::max(ui->titleLabel->minimumWidth(), ui->titleLabel->minimumSizeHint().width())
        + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2);

    const QLocale locale; // the UI's
    PhaseSegments segments;
    requestSegments(r, std::max(trace.endNs, r.endNs), &segments);
    const bool retried = !r.attempts.empty();
    for (const PhaseSegment &s : segments) {
        const int row = ui->phasesTable->rowCount();
        ui->phasesTable->insertRow(row);
        QString name = phaseLabel(s.phase);
        QString tip = phaseDescription(s.phase);
        // With retries every row says which attempt it belongs to; a failed attempt says why,
        // in words (the report id in its tooltip), and each wait between attempts is its own row.
        const int attempt = s.attempt + 1;
        if (s.thin && size_t(s.attempt) < r.attempts.size()) {
            const AttemptRecord &a = r.attempts[size_t(s.attempt)];
            name = tr("Attempt %1 failed: %2").arg(attempt).arg(attemptError(a.error, a.httpStatus));
            tip += QLatin1Char('\n') + rawId(a.error, a.httpStatus);
        } else if (s.phase == Phase::Backoff) {
            name = tr("%1 before attempt %2").arg(phaseLabel(s.phase)).arg(attempt);
        } else if (s.marker && r.error != ErrorKind::None) {
            name = tr("%1: %2").arg(phaseLabel(s.phase), attemptError(r.error, r.httpStatus));
            tip += QLatin1Char('\n') + rawId(r.error, r.httpStatus);
        } else if (retried && s.attempt >= 0 && !s.marker) {
            name = tr("Attempt %1: %2").arg(attempt).arg(phaseLabel(s.phase));
        }
        auto *nameItem = new QTableWidgetItem(swatchIcon(s.phase), name);
        nameItem->setToolTip(name + QLatin1Char('\n') + tip);
        ui->phasesTable->setItem(row, 0, nameItem);
        ui->phasesTable->setItem(row, 1, new QTableWidgetItem(formatDuration(s.startNs, locale)));
        ui->phasesTable->setItem(row, 2,
            new QTableWidgetItem(
                s.marker ? QStringLiteral("–") : formatDuration(s.endNs - s.startNs, locale)));
    }
    ui->phasesTable->resizeRowsToContents();
    ui->gapPlot->setTokens(r.tokenNs);
    ui->textView->setPlainText(
        r.text.isEmpty() && !r.settled() ? tr("(the text appears when the request ends)") : r.text);
    QStringList ids; // the report ids behind the words, for the tooltip
    QString error;
    if (r.error != ErrorKind::None) {
        error = attemptError(r.error, r.httpStatus);
        ids << errorKindName(r.error, r.httpStatus);
        if (!r.errorMessage.isEmpty())
            error += QStringLiteral(" — ") + r.errorMessage;
    } else if (retried) {
        error = tr("Succeeded after %n retry(s).", nullptr, int(r.attempts.size()));
    }
    for (size_t k = 0; k < r.attempts.size(); ++k) {
        const AttemptRecord &a = r.attempts[k];
        error += QLatin1Char('\n')
            + tr("Attempt %1 at %2: %3")
                  .arg(int(k) + 1)
                  .arg(formatDuration(a.startNs, locale), attemptError(a.error, a.httpStatus));
        ids << errorKindName(a.error, a.httpStatus);
    }
    ui->errorLabel->setText(error);
    ids.removeDuplicates();
    ui->errorLabel->setToolTip(
        ids.isEmpty() ? QString() : tr("Report id: %1").arg(ids.join(QStringLiteral(", "))));
}

void DetailsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        ui->retranslateUi(this);
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
