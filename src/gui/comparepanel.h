#pragma once

#include "report/compare.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

namespace BurgerBench {

// The compact comparison of two runs shown beside the overlaid timeline: each headline metric
// (TTFT, ITL, TPOT, E2EL at p50 and p99, throughputs, failed) for A and B, the change and the
// noise verdict. The figures and verdicts are Compare::compare's (src/report/compare), the same
// as `burgerbench-cli compare`; this panel only picks rows and formats them.
//
// The comparison runs on a worker (the bootstrap can take a second on big runs); a newer
// setRuns() or clear() makes an older result stale, and it is dropped.
class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ComparePanel(QWidget *parent = nullptr);
    ~ComparePanel() override;

    // Compares a and b (immutable snapshots, shared with the worker) and shows the result.
    void setRuns(std::shared_ptr<const RunTrace> a, std::shared_ptr<const RunTrace> b, const QString &nameA,
        const QString &nameB);
    void clear();
    bool isComputing() const { return m_computing; }
    // The rows shown, in table order (a subset of Compare::compare's output).
    const QList<Compare::Row> &rows() const { return m_rows; }
    QTableWidget *table() const { return m_table; }
    // Tall enough for every headline row without scrolling.
    QSize sizeHint() const override;

    // The headline rows, in the order the table shows them.
    static QList<Compare::Row> headlineRows(const QList<Compare::Row> &all);
    // How the table writes a figure: latencies and throughputs with 2 decimals, counts with none.
    static QString formatValue(const Compare::Row &row, double value);
    static QString verdictLabel(Compare::Verdict verdict);

signals:
    // A comparison finished and is shown.
    void updated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showRows();
    void retranslate();

    QLabel *m_header; // owned by the layout
    QTableWidget *m_table;
    QLabel *m_rule;
    QList<Compare::Row> m_rows;
    QString m_nameA;
    QString m_nameB;
    quint64 m_job = 0;
    bool m_computing = false;
};

} // namespace BurgerBench
