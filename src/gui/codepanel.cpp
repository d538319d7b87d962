#include "gui/codepanel.h"

#include "render/legend.h"
#include "render/timeformat.h"
#include "trace/runtrace.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace BurgerBench {

namespace {

constexpr int MarkerWidth = 6;
constexpr int Gap = 6;

QFont codeFont(const QFont &base)
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSizeF(std::max(7.0, base.pointSizeF() * 0.95));
    return f;
}

} // namespace

// ---- CodeView ----------------------------------------------------------------------------------

CodeView::CodeView(QWidget *parent)
    : QWidget(parent)
{
    setFont(codeFont(font()));
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void CodeView::setListing(const CodeListing &listing, const QString &commentPrefix)
{
    m_listing = listing;
    m_commentPrefix = commentPrefix;
    updateGeometry();
    adjustSize();
    update();
}

void CodeView::setCounts(const CodeStepCounts &counts)
{
    if (counts.count == m_counts.count)
        return;
    m_counts = counts;
    update();
}

Phase CodeView::phaseOf(CodeStep step)
{
    switch (step) {
    case CodeStep::NotDue:
        return Phase::Ghost;
    case CodeStep::InLine:
        return Phase::Queued;
    case CodeStep::Sending:
        return Phase::Sending;
    case CodeStep::Waiting:
    case CodeStep::Polling:
        return Phase::WaitingFirstToken;
    case CodeStep::Streaming:
        return Phase::Streaming;
    case CodeStep::RetryWait:
        return Phase::Backoff;
    case CodeStep::CpuWork:
        return Phase::CpuWork;
    }
    return Phase::Queued;
}

QString CodeView::lineText(int line) const
{
    const CodeLine &l = m_listing.lines[size_t(line)];
    return l.comment.isEmpty() ? l.code : l.code + QStringLiteral("  ") + m_commentPrefix + l.comment;
}

int CodeView::rowHeight() const
{
    return fontMetrics().height() + 2;
}

int CodeView::badgeWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("×0000")) + Gap;
}

int CodeView::countOnLine(int line) const
{
    if (line < 0 || line >= int(m_listing.lines.size()))
        return 0;
    const std::optional<CodeStep> step = m_listing.lines[size_t(line)].step;
    return step ? m_counts[*step] : 0;
}

std::vector<int> CodeView::activeLines() const
{
    std::vector<int> lines;
    for (int i = 0; i < int(m_listing.lines.size()); ++i) {
        if (countOnLine(i) > 0)
            lines.push_back(i);
    }
    return lines;
}

QRect CodeView::lineRect(int line) const
{
    return QRect(0, line * rowHeight(), width(), rowHeight());
}

QRect CodeView::markerRect(int line) const
{
    return QRect(0, line * rowHeight(), MarkerWidth, rowHeight());
}

QSize CodeView::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    int w = 0;
    for (int i = 0; i < int(m_listing.lines.size()); ++i)
        w = std::max(w, fm.horizontalAdvance(lineText(i)));
    return QSize(
        MarkerWidth + Gap + w + Gap + badgeWidth(), std::max(1, int(m_listing.lines.size())) * rowHeight());
}

QSize CodeView::minimumSizeHint() const
{
    return sizeHint();
}

void CodeView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.fillRect(event->rect(), palette().base());
    const QFontMetrics fm = fontMetrics();
    const int h = rowHeight();
    const QColor text = palette().color(QPalette::Text);
    QColor comment = palette().color(QPalette::PlaceholderText);
    if (!comment.isValid() || comment == text)
        comment = QColor(0x70, 0x70, 0x70);
    for (int i = 0; i < int(m_listing.lines.size()); ++i) {
        const QRect row = lineRect(i);
        if (!row.intersects(event->rect()))
            continue;
        const CodeLine &line = m_listing.lines[size_t(i)];
        const int n = countOnLine(i);
        if (n > 0) {
            const Phase phase = phaseOf(*line.step);
            const PhaseStyle &style = phaseStyle(phase);
            QColor tint = style.fill.isValid() ? style.fill : style.outline;
            tint.setAlpha(48);
            p.fillRect(row, tint);
            fillPhaseRect(&p, markerRect(i).adjusted(0, 1, 0, -1), phase);
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.setPen(text);
            const QString badge = QStringLiteral("×") + QLocale().toString(n);
            p.drawText(QRect(MarkerWidth + Gap, row.top(), badgeWidth() - Gap, h),
                Qt::AlignRight | Qt::AlignVCenter, badge);
            p.setFont(font());
        }
        const int x = MarkerWidth + Gap + badgeWidth();
        const int baseline = row.top() + 1 + fm.ascent();
        p.setPen(text);
        p.drawText(x, baseline, line.code);
        if (!line.comment.isEmpty()) {
            p.setPen(comment);
            p.drawText(x + fm.horizontalAdvance(line.code + QStringLiteral("  ")), baseline,
                m_commentPrefix + line.comment);
        }
    }
}

bool CodeView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int line = help->pos().y() / std::max(1, rowHeight());
        if (line >= 0 && line < int(m_listing.lines.size()) && m_listing.lines[size_t(line)].step) {
            const Phase phase = phaseOf(*m_listing.lines[size_t(line)].step);
            QToolTip::showText(help->globalPos(),
                QStringLiteral("%1 — %2").arg(phaseLabel(phase), phaseDescription(phase)), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

// ---- CodePanel ---------------------------------------------------------------------------------

CodePanel::CodePanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_moment = new QLabel(this);
    m_moment->setObjectName(QStringLiteral("codeMomentLabel"));
    m_moment->setWordWrap(true);
    layout->addWidget(m_moment);
    auto *columns = new QHBoxLayout;
    auto column
        = [this, columns](QLabel **title, CodeView **view, QScrollArea **scrollOut, const QString &name) {
              auto *box = new QVBoxLayout;
              *title = new QLabel(this);
              (*title)->setObjectName(name + QStringLiteral("Title"));
              (*title)->setWordWrap(true);
              (*title)->setTextFormat(Qt::RichText);
              box->addWidget(*title);
              auto *scroll = new QScrollArea(this);
              scroll->setObjectName(name + QStringLiteral("Scroll"));
              scroll->setWidgetResizable(false);
              scroll->setBackgroundRole(QPalette::Base);
              *view = new CodeView(scroll);
              (*view)->setObjectName(name + QStringLiteral("View"));
              scroll->setWidget(*view);
              *scrollOut = scroll;
              box->addWidget(scroll, 1);
              columns->addLayout(box, 1);
          };
    column(&m_lessonTitle, &m_lesson, &m_lessonScroll, QStringLiteral("codeLesson"));
    column(&m_ranTitle, &m_ran, &m_ranScroll, QStringLiteral("codeRan"));
    layout->addLayout(columns, 1);
    rebuild();
}

void CodePanel::setScenario(const Scenario &scenario)
{
    m_scenario = scenario;
    rebuild();
}

void CodePanel::showMoment(const RunTrace &trace, qint64 nowNs, bool live)
{
    m_nowNs = nowNs;
    m_live = live;
    m_counts = codeStepsAt(trace, nowNs);
    m_lesson->setCounts(m_counts);
    m_ran->setCounts(m_counts);
    updateMomentLabel();
    revealLitLines();
}

// A short dock shows a few rows: scroll each listing so its first lit line is in view.
void CodePanel::revealLitLines()
{
    for (auto [view, scroll] : { std::pair { m_lesson, m_lessonScroll }, std::pair { m_ran, m_ranScroll } }) {
        const std::vector<int> lit = view->activeLines();
        if (lit.empty())
            continue;
        const QRect first = view->lineRect(lit.front());
        const QRect last = view->lineRect(lit.back());
        scroll->ensureVisible(0, last.bottom(), 0, 2);
        scroll->ensureVisible(0, first.center().y(), 0, first.height());
    }
}

void CodePanel::clearMoment()
{
    m_nowNs = -1;
    m_live = false;
    m_counts = CodeStepCounts();
    m_lesson->setCounts(m_counts);
    m_ran->setCounts(m_counts);
    updateMomentLabel();
}

void CodePanel::rebuild()
{
    const CodeSnippets code = codeSnippetsFor(m_scenario);
    auto title = [](const CodeListing &l) {
        return QStringLiteral("<b>%1</b> &nbsp;<small>%2</small>")
            .arg(l.title.toHtmlEscaped(), l.source.toHtmlEscaped());
    };
    m_lessonTitle->setText(title(code.lesson));
    m_ranTitle->setText(title(code.ran));
    m_lesson->setListing(code.lesson, QStringLiteral("# "));
    m_ran->setListing(code.ran, QStringLiteral("// "));
    updateMomentLabel();
}

QString CodePanel::momentText() const
{
    return m_moment->text();
}

void CodePanel::updateMomentLabel()
{
    if (m_nowNs < 0) {
        m_moment->setText(tr("Point at the timeline to see where every order stood at that moment; during a "
                             "run the lines follow it live."));
        return;
    }
    QStringList parts;
    const CodeStepCounts &c = m_counts;
    auto add = [&parts, &c](CodeStep step, const QString &words) {
        if (c[step] > 0)
            parts << words;
    };
    add(CodeStep::NotDue, tr("%n not due yet", nullptr, c[CodeStep::NotDue]));
    add(CodeStep::InLine, tr("%n in line", nullptr, c[CodeStep::InLine]));
    add(CodeStep::Sending, tr("%n being sent", nullptr, c[CodeStep::Sending]));
    add(CodeStep::Waiting, tr("%n waiting for the kitchen", nullptr, c[CodeStep::Waiting]));
    add(CodeStep::Streaming, tr("%n receiving tokens", nullptr, c[CodeStep::Streaming]));
    add(CodeStep::RetryWait, tr("%n waiting to retry", nullptr, c[CodeStep::RetryWait]));
    add(CodeStep::CpuWork, tr("%n being worked on (CPU)", nullptr, c[CodeStep::CpuWork]));
    add(CodeStep::Polling, tr("%n job(s) being polled", nullptr, c[CodeStep::Polling]));
    const QString when = formatDuration(m_nowNs, QLocale());
    const QString done = tr("%n finished", nullptr, c.settled);
    if (parts.isEmpty())
        m_moment->setText(tr("At %1: nothing under way; %2.").arg(when, done));
    else if (m_live)
        m_moment->setText(tr("Now (%1): %2; %3.").arg(when, QLocale().createSeparatedList(parts), done));
    else
        m_moment->setText(tr("At %1: %2; %3.").arg(when, QLocale().createSeparatedList(parts), done));
}

void CodePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
