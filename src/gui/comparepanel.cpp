#include "gui/comparepanel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace BurgerBench {

namespace {

enum Column { MetricColumn, AColumn, BColumn, ChangeColumn, VerdictColumn, ColumnCount };

struct Headline
{
    const char *metric;
    const char *stat;
    const char *label;
};

// The headline figures, in reading order.
const Headline headlines[] = {
    { "ttft_ms", "p50", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "TTFT p50 (ms)") },
    { "ttft_ms", "p99", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "TTFT p99 (ms)") },
    { "itl_ms", "p50", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "ITL p50 (ms)") },
    { "itl_ms", "p99", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "ITL p99 (ms)") },
    { "tpot_ms", "p50", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "TPOT p50 (ms)") },
    { "tpot_ms", "p99", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "TPOT p99 (ms)") },
    { "e2el_ms", "p50", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "E2EL p50 (ms)") },
    { "e2el_ms", "p99", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "E2EL p99 (ms)") },
    { "request_throughput", "", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "Requests/s") },
    { "output_throughput", "", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "Output tokens/s") },
    { "failed", "", QT_TRANSLATE_NOOP("BurgerBench::ComparePanel", "Failed") },
};

const Headline *headlineOf(const Compare::Row &row)
{
    for (const Headline &h : headlines) {
        if (row.metric == QLatin1String(h.metric) && row.stat == QLatin1String(h.stat))
            return &h;
    }
    return nullptr;
}

} // namespace

ComparePanel::ComparePanel(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_rule(new QLabel(this))
{
    setObjectName(QStringLiteral("comparePanel"));
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_header->setObjectName(QStringLiteral("compareHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_rule->setWordWrap(true);
    m_rule->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_table->setColumnCount(ColumnCount);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 3);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_rule);
    retranslate();
}

ComparePanel::~ComparePanel() = default;

QSize ComparePanel::sizeHint() const
{
    const int line = fontMetrics().lineSpacing();
    const int rows = int(std::size(headlines));
    const int table = m_table->horizontalHeader()->sizeHint().height()
        + rows * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth() + 4;
    // Header (one line; both names on it), the table, the rule (up to two lines), margins and
    // spacing. Plus room for the dock's title and tab bar, which resizeDocks counts in.
    return { 640, line + table + 2 * line + 24 + 3 * m_table->verticalHeader()->defaultSectionSize() };
}

QList<Compare::Row> ComparePanel::headlineRows(const QList<Compare::Row> &all)
{
    QList<Compare::Row> rows;
    for (const Headline &h : headlines) {
        for (const Compare::Row &row : all) {
            if (headlineOf(row) == &h)
                rows.append(row);
        }
    }
    return rows;
}

QString ComparePanel::formatValue(const Compare::Row &row, double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const int decimals = row.metric == QLatin1String("failed") ? 0 : 2;
    return QLocale().toString(value, 'f', decimals);
}

QString ComparePanel::verdictLabel(Compare::Verdict verdict)
{
    switch (verdict) {
    case Compare::Verdict::BeyondNoise:
        return tr("beyond noise");
    case Compare::Verdict::WithinNoise:
        return tr("within noise");
    case Compare::Verdict::NotTestable:
        return tr("n/a (one value per run)");
    case Compare::Verdict::TooFewSamples:
        return tr("too few samples");
    }
    return QString();
}

void ComparePanel::setRuns(std::shared_ptr<const RunTrace> a, std::shared_ptr<const RunTrace> b,
    const QString &nameA, const QString &nameB)
{
    m_nameA = nameA;
    m_nameB = nameB;
    m_rows.clear();
    m_computing = true;
    const quint64 job = ++m_job;
    showRows();
    QtConcurrent::run([a = std::move(a), b = std::move(b)] {
        return Compare::compare(*a, *b);
    }).then(this, [this, job](const QList<Compare::Row> &all) {
        if (job != m_job)
            return; // a newer comparison (or clear) superseded it
        m_computing = false;
        m_rows = headlineRows(all);
        showRows();
        emit updated();
    });
}

void ComparePanel::clear()
{
    ++m_job;
    m_computing = false;
    m_rows.clear();
    m_nameA.clear();
    m_nameB.clear();
    showRows();
}

void ComparePanel::showRows()
{
    m_header->setText(m_nameB.isEmpty()
            ? tr("No run to compare with: File → Compare with saved run…")
            : tr("<b>A</b> %1 &nbsp;&nbsp; <b>B</b> %2%3")
                  .arg(m_nameA.toHtmlEscaped(), m_nameB.toHtmlEscaped(),
                      m_computing ? QStringLiteral(" — ") + tr("comparing…") : QString()));
    m_table->setRowCount(int(m_rows.size()));
    QFont bold = m_table->font();
    bold.setBold(true);
    for (int i = 0; i < m_rows.size(); ++i) {
        const Compare::Row &r = m_rows.at(i);
        const Headline *h = headlineOf(r);
        const auto set = [&](int column, const QString &text, Qt::Alignment align) {
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(align | Qt::AlignVCenter);
            m_table->setItem(i, column, item);
            return item;
        };
        set(MetricColumn, h ? tr(h->label) : r.metric, Qt::AlignLeft);
        set(AColumn, formatValue(r, r.a), Qt::AlignRight);
        set(BColumn, formatValue(r, r.b), Qt::AlignRight);
        QString change = std::isfinite(r.delta)
            ? (r.delta > 0 ? QStringLiteral("+") : QString()) + formatValue(r, r.delta)
            : QStringLiteral("–");
        if (std::isfinite(r.percent))
            change += QStringLiteral(" (%1%2 %)")
                          .arg(r.percent > 0 ? QStringLiteral("+") : QString(),
                              QLocale().toString(r.percent, 'f', 1));
        set(ChangeColumn, change, Qt::AlignRight);
        QTableWidgetItem *verdict = set(VerdictColumn, verdictLabel(r.verdict), Qt::AlignLeft);
        if (r.verdict == Compare::Verdict::BeyondNoise) {
            verdict->setFont(bold);
            verdict->setForeground(QColor(0xa0, 0x24, 0x1c));
        }
        if (r.p >= 0) {
            QString tip = tr("Mann-Whitney p = %1")
                              .arg(r.p < 0.001 ? QStringLiteral("< ") + QLocale().toString(0.001)
                                               : QLocale().toString(r.p, 'f', 3));
            if (r.ci.valid)
                tip += QLatin1Char('\n')
                    + tr("95% interval of B − A: %1 … %2")
                          .arg(QLocale().toString(r.ci.low, 'f', 2), QLocale().toString(r.ci.high, 'f', 2));
            verdict->setToolTip(tip);
        }
    }
}

void ComparePanel::retranslate()
{
    m_table->setHorizontalHeaderLabels(
        { tr("Metric"), tr("A"), tr("B"), tr("Change (B − A)"), tr("Verdict") });
    m_rule->setText(tr("Beyond noise: the Mann-Whitney test gives p < 0.05 and the 95% bootstrap "
                       "interval of B − A excludes 0 (as burgerbench-cli compare). Throughputs and "
                       "counts are one value per run: repeat the runs to judge them."));
    showRows();
}

void ComparePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
