#pragma once

#include "engine/loadengine.h"
#include "gui/livestatistics.h"

#include <QWidget>

#include <memory>

namespace Ui {
class StatsPanel;
}

namespace BurgerBench {

// Live figures (ui/statspanel.ui): progress with ETA, in flight / done / failed / in line,
// requests and tokens per second, loop lag, and TTFT / ITL / E2EL at p50 and p99. Each
// percentile is a button: clicking it asks the timeline to highlight the requests behind it.
class StatsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatsPanel(QWidget *parent = nullptr);
    ~StatsPanel() override;

    // `openLoop`: arrivals on a schedule (Scenario::rate), the only runs with orders not due yet;
    // a closed loop's panel leaves that row out.
    void reset(int planned, bool openLoop = true);
    void setProgress(
        const Progress &progress, double requestRate, double tokenRate, double etaSeconds, bool running);
    void setLatencies(const LatencyFigures &figures);
    const LatencyFigures &latencies() const { return m_figures; }
    void setRange(const RangeStatistics *range); // nullptr clears

signals:
    void percentileClicked(BurgerBench::LatencyMetric metric, double rank, double valueMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshTexts();

    std::unique_ptr<Ui::StatsPanel> ui;
    LatencyFigures m_figures;
    Progress m_progress;
    double m_requestRate = 0;
    double m_tokenRate = 0;
    double m_eta = -1;
    bool m_running = false;
    bool m_hasRange = false;
    RangeStatistics m_range;
};

} // namespace BurgerBench
