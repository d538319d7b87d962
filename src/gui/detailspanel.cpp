#include "gui/detailspanel.h"

#include "gui/requestdescription.h"
#include "render/requestphases.h"
#include "render/timeformat.h"
#include "trace/runtrace.h"
#include "ui_detailspanel.h"

#include <QHeaderView>
#include <QPainter>
#include <QPixmap>

namespace BurgerBench {

namespace {
QIcon swatchIcon(Phase phase)
{
    QPixmap pixmap(18, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    fillPhaseRect(&painter, pixmap.rect(), phase == Phase::Ghost ? Phase::Queued : phase);
    if (phase == Phase::Ghost)
        fillPhaseRect(&painter, pixmap.rect(), Phase::Ghost);
    return QIcon(pixmap);
}
} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::DetailsPanel>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("detailsPanel"));
    ui->phasesTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    ui->phasesTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
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
        + requestSummaryHtml(trace, request));

    PhaseSegments segments;
    requestSegments(r, std::max(trace.endNs, r.endNs), &segments);
    for (const PhaseSegment &s : segments) {
        const int row = ui->phasesTable->rowCount();
        ui->phasesTable->insertRow(row);
        QString name = phaseLabel(s.phase);
        if (s.thin)
            name = tr("%1 (earlier attempt)").arg(name);
        auto *nameItem = new QTableWidgetItem(swatchIcon(s.phase), name);
        nameItem->setToolTip(phaseDescription(s.phase));
        ui->phasesTable->setItem(row, 0, nameItem);
        ui->phasesTable->setItem(row, 1, new QTableWidgetItem(formatDuration(s.startNs)));
        ui->phasesTable->setItem(row, 2,
            new QTableWidgetItem(s.marker ? QStringLiteral("–") : formatDuration(s.endNs - s.startNs)));
    }
    ui->phasesTable->resizeRowsToContents();
    ui->gapPlot->setTokens(r.tokenNs);
    ui->textView->setPlainText(
        r.text.isEmpty() && !r.settled() ? tr("(the text appears when the request ends)") : r.text);
    if (r.error != ErrorKind::None) {
        QString error = errorKindName(r.error, r.httpStatus);
        if (!r.errorMessage.isEmpty())
            error += QStringLiteral(": ") + r.errorMessage;
        for (const AttemptRecord &a : r.attempts)
            error += QLatin1Char('\n')
                + tr("Earlier attempt at %1: %2")
                      .arg(formatDuration(a.startNs), errorKindName(a.error, a.httpStatus));
        ui->errorLabel->setText(error);
    } else if (!r.attempts.empty()) {
        ui->errorLabel->setText(tr("Succeeded after %n retry(s).", nullptr, int(r.attempts.size())));
    } else {
        ui->errorLabel->clear();
    }
}

void DetailsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        ui->retranslateUi(this);
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
