#pragma once

#include "report/workloadhtml.h" // LengthBins: the same bins as the report's Workload section

#include <QColor>
#include <QRect>
#include <QWidget>

#include <vector>

namespace BurgerBench {

// Lengths in tokens (a dataset's sampled prompts) as a histogram on round whole-token bins, with
// the first and last bin edges and the tallest count written beside the plot. Pure QPainter; the
// geometry is computed on paint from the widget's size, and barRect() gives it to tests.
class LengthHistogram : public QWidget
{
    Q_OBJECT
public:
    explicit LengthHistogram(QWidget *parent = nullptr);

    void setValues(std::vector<int> values);
    const std::vector<int> &values() const { return m_values; }
    const LengthBins &bins() const { return m_bins; }
    const std::vector<int> &counts() const { return m_counts; }
    // Where bin `bin`'s bar is drawn at the current size (empty for an empty bin).
    QRect barRect(int bin) const;
    QRect plotRect() const;
    static QColor barColour();

    QSize sizeHint() const override { return { 260, 96 }; }
    QSize minimumSizeHint() const override { return { 160, 72 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<int> m_values;
    LengthBins m_bins;
    std::vector<int> m_counts;
    int m_maxCount = 0;
};

} // namespace BurgerBench
