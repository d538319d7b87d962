#pragma once

#include <QWidget>

#include <vector>

namespace BurgerBench {

class TokenTimes;

// The gaps between a request's consecutive tokens as bars (one per gap, merged per pixel
// column when there are more gaps than pixels), with the median as a line: stalls stand out.
class TokenGapPlot : public QWidget
{
    Q_OBJECT
public:
    explicit TokenGapPlot(QWidget *parent = nullptr);
    void setTokens(const TokenTimes &tokenNs);
    const std::vector<qint64> &gaps() const { return m_gapsNs; }

    QSize sizeHint() const override { return { 260, 140 }; }
    QSize minimumSizeHint() const override { return { 160, 80 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<qint64> m_gapsNs;
    qint64 m_maxNs = 0;
    qint64 m_medianNs = 0;
};

} // namespace BurgerBench
