#pragma once

#include "gui/livestatistics.h"
#include "gui/storynarrator.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

#include <memory>

namespace Ui {
class MainWindow;
}

class QActionGroup;
class QDockWidget;

namespace BurgerBench {

class ComparePanel;
class DetailsPanel;
class RaceWindow;
class RunController;
class ScenarioEditor;
class StatsPanel;
class StoryPanel;
class TimelineView;
class Translations;

// The desktop app's window (ui/mainwindow.ui): the live timeline in the middle, the scenario
// editor on the left, the burger story and the live statistics on the right, one request's
// details below. Run and Stop never block: the run happens on the engine's thread (see
// RunController) and statistics are computed on workers.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `translations` is not owned; it lives as long as the application.
    explicit MainWindow(Translations *translations, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool loadScenarioFile(const QString &path, QString *error = nullptr);
    // Starts a run of the edited scenario; false with *error if it cannot start.
    bool startRun(QString *error = nullptr);
    void stopRun();
    bool isRunning() const;
    bool exportTimeline(const QString &path, QString *error = nullptr) const;
    // Selects a request as a click would (its details shown); -1 clears.
    void selectRequest(int request);
    // Restores the saved geometry and dock layout (skipped for screenshots).
    void restoreLayout();

    // Opens a saved run report (JSON) as the current run (A), for viewing and comparing.
    bool openRunFile(const QString &path, QString *error = nullptr);
    // Compare: overlays a saved run report (B) on the timeline under the current run (A) and
    // shows both runs' figures in the comparison dock. False with *error, naming the file and
    // the problem, when the file is not a run report; the current comparison is then kept.
    bool loadComparisonFile(const QString &path, QString *error = nullptr);
    void clearComparison();
    const RunTrace *comparisonTrace() const { return m_compare.get(); }
    ComparePanel *comparePanel() const { return m_comparePanel; }

    TimelineView *timeline() const;
    ScenarioEditor *scenarioEditor() const;
    StatsPanel *statsPanel() const;
    StoryPanel *storyPanel() const;
    DetailsPanel *detailsPanel() const;
    RunController *runController() const { return m_run; }
    // The race window (Run → Race…), created on first use; a window of its own.
    RaceWindow *raceWindow();

signals:
    // The run is over and its final statistics are shown (screenshots wait for this).
    void runFinished();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void setupActions();
    void setupLanguageMenu();
    void updateActions();
    void onTraceUpdated();
    void onRunFinished();
    void onFrame();
    void refreshLatencies();
    void onScenarioChanged();
    void onPercentileClicked(LatencyMetric metric, double rank, double valueMs);
    void onRangeSelected(qint64 fromNs, qint64 toNs);
    void openScenario();
    void saveScenario();
    void exportImage();
    void showAbout();
    void retranslate();
    void setupCompare();
    void retranslateCompare();
    void refreshComparison();
    void compareWithSavedRun();
    void openSavedRun();
    QString runLabelA() const;

    std::unique_ptr<Ui::MainWindow> ui;
    Translations *m_translations; // not owned
    RunController *m_run; // owned (child)
    LiveStatistics m_liveStats;
    StoryNarrator m_narrator;
    QActionGroup *m_laneGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QTimer m_statsTimer; // 4 Hz latency percentiles while running
    QTimer m_frameTimer; // ~30 Hz: open bars grow smoothly between live updates
    QElapsedTimer m_sinceDelta;
    qint64 m_lastNowNs = 0;
    quint64 m_latencyJob = 0;
    bool m_latencyJobRunning = false;
    RaceWindow *m_raceWindow = nullptr; // owned (child window), created on first use

    // Compare (B): the loaded run, shared read-only with the comparison worker.
    std::shared_ptr<const RunTrace> m_compare;
    QString m_compareName; // B's file name
    QString m_openedRunName; // A's file name when A was opened from a file, else empty
    ComparePanel *m_comparePanel = nullptr; // owned by m_compareDock
    QDockWidget *m_compareDock = nullptr; // owned (child)
    QAction *m_actionOpenRun = nullptr; // owned (child)
    QAction *m_actionCompare = nullptr;
    QAction *m_actionClearCompare = nullptr;
};

} // namespace BurgerBench
