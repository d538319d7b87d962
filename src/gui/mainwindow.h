#pragma once

#include "gui/livestatistics.h"
#include "gui/storynarrator.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <memory>

namespace Ui {
class MainWindow;
}

class QActionGroup;
class QDockWidget;

namespace BurgerBench {

class CodePanel;
class ComparePanel;
class DetailsPanel;
class RaceWindow;
class RunController;
class ScenarioEditor;
class StatsPanel;
class StoryPanel;
class SweepWindow;
class TargetBanner;
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
    // Replay, the teacher's slow motion (Run → Replay saved run…): a saved run played back
    // `speed` times as fast as it ran (0.25, 0.5, 1; 0 = paused) through the live views, the
    // story told as it happened; a line of the story clicked goes back to its moment. The
    // window's run ends (runFinished) when the replay does.
    bool replayRunFile(const QString &path, double speed, QString *error = nullptr);
    bool replayTrace(RunTrace trace, const QString &name, double speed, QString *error = nullptr);
    bool isReplaying() const;
    void pauseReplay();
    // "¼×", "½×", "1×" (the speeds' names in the menu and the story).
    static QString replaySpeedName(double speed);
    // How a saved run is named on screen (a compared run, an opened one): its scenario and when it
    // ran, then the file: "“Lunch rush”, 04/12/2026 19:30 (lunch.json)".
    static QString savedRunLabel(const RunTrace &trace, const QString &fileName);
    // Compare: overlays a saved run report (B) on the timeline under the current run (A) and
    // shows both runs' figures in the comparison dock. False with *error, naming the file and
    // the problem, when the file is not a run report; the current comparison is then kept.
    bool loadComparisonFile(const QString &path, QString *error = nullptr);
    void clearComparison();
    const RunTrace *comparisonTrace() const { return m_compare.get(); }
    ComparePanel *comparePanel() const { return m_comparePanel; }
    CodePanel *codePanel() const { return m_codePanel; }
    // Raises The code tab and shows the finished run as it stood at `atNs`.
    void showCodeAt(qint64 atNs);

    TimelineView *timeline() const;
    ScenarioEditor *scenarioEditor() const;
    StatsPanel *statsPanel() const;
    StoryPanel *storyPanel() const;
    DetailsPanel *detailsPanel() const;
    RunController *runController() const { return m_run; }
    TargetBanner *targetBanner() const { return m_banner; }

    // The reports File → Export report… writes, each by its core writer (src/report), atomically
    // and with credentials scrubbed: the run report (the JSON `burgerbench-cli run --json`
    // writes), the HTML report, one CSV row per request, a Perfetto / Chrome JSON trace.
    enum class ReportFormat : quint8 { Json, Html, Csv, Trace };
    // The format a file name asks for: ".trace.json" is a trace, any other ".json" the run
    // report, ".html"/".htm", ".csv". False for any other name.
    static bool reportFormatFromPath(const QString &path, ReportFormat *format);
    // True once a run has finished (or a saved run is open) and no other run is under way:
    // Save run… and Export report… then write the run on screen.
    bool hasRunToSave() const;
    // File → Save run…: the run report (JSON), which Open saved run and Compare read back.
    bool saveRunFile(const QString &path, QString *error = nullptr) const;
    // File → Export report…: the run on screen in `format`.
    bool exportReport(const QString &path, ReportFormat format, QString *error = nullptr) const;
    // The same, the format from the file name (reportFormatFromPath); an unknown one is an error
    // naming the extension.
    bool exportReport(const QString &path, QString *error = nullptr) const;
    // Where Save run… and Export report… get their file name; a QFileDialog unless a test sets
    // another (it returns the path and may set *selectedFilter; empty = cancelled).
    using SaveDialog = std::function<QString(
        const QString &caption, const QString &suggested, const QString &filters, QString *selectedFilter)>;
    void setSaveDialog(SaveDialog dialog) { m_saveDialog = std::move(dialog); }
    // The race window (Run → Race…), created on first use; a window of its own.
    RaceWindow *raceWindow();
    // The sweep window (Run → Sweep…), created on first use; a window of its own.
    SweepWindow *sweepWindow();
    // Shows step `step` of the sweep window's sweep as the current run, the way Open saved run
    // shows a saved one (the scenario editor keeps the sweep's scenario). False with *error
    // while a run is under way or when there is no such step.
    bool showSweepStep(int step, QString *error = nullptr);

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
    void saveRun();
    void exportReportDialog();
    QString askSavePath(
        const QString &caption, const QString &suggested, const QString &filters, QString *selectedFilter);
    void updateBanner();
    void useSocketTransport();
    void useSimulator();
    void showAbout();
    void retranslate();
    void setupCompare();
    void setupCodePanel();
    // The code panel at `atNs` of the run on screen; -1 = at rest (its end, or the editor's code).
    void updateCodePanel(qint64 atNs = -1);
    void retranslateCompare();
    void refreshComparison();
    void compareWithSavedRun();
    void openSavedRun();
    // What Open saved run and a sweep's step share: `trace` becomes the current run (A), shown
    // as a finished one; `name` labels it.
    void showFinishedTrace(RunTrace trace, const QString &name, const QJsonObject &meta);
    void openSweepDialog();
    // What a run and a replay share: the views emptied for `scenario`, then following it live.
    void prepareViewsFor(const Scenario &scenario);
    void beginLiveViews(const Scenario &scenario, const QString &status);
    void setupReplay();
    void retranslateReplay();
    void checkReplaySpeed(double speed);
    void replaySavedRun();
    void onCaptionActivated(qint64 atNs, int order);
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
    SweepWindow *m_sweepWindow = nullptr; // owned (child window), created on first use

    // Compare (B): the loaded run, shared read-only with the comparison worker.
    std::shared_ptr<const RunTrace> m_compare;
    QString m_compareName; // B's file name
    QString m_openedRunName; // A's file name when A was opened from a file, else empty
    QJsonObject m_openedMeta; // A's "meta" when A was opened from a file (versions, merged_from)
    bool m_haveRun = false; // a finished (or opened) run is on screen
    QAction *m_actionSaveRun = nullptr; // owned (child)
    QAction *m_actionExportReport = nullptr; // owned (child)
    SaveDialog m_saveDialog; // empty = QFileDialog
    TargetBanner *m_banner = nullptr; // owned (child of the central widget)
    ComparePanel *m_comparePanel = nullptr; // owned by m_compareDock
    QDockWidget *m_compareDock = nullptr; // owned (child)
    CodePanel *m_codePanel = nullptr; // owned by m_codeDock
    QDockWidget *m_codeDock = nullptr; // owned (child)
    bool m_codeShowsRun = false; // the code panel shows the run on screen's model, not the editor's
    QAction *m_actionOpenRun = nullptr; // owned (child)
    QAction *m_actionCompare = nullptr;
    QAction *m_actionClearCompare = nullptr;
    QAction *m_actionReplay = nullptr; // owned (child)
    QActionGroup *m_replaySpeedGroup = nullptr; // owned (child): ¼×, ½×, 1×
    QAction *m_actionReplayPause = nullptr;
    QAction *m_actionReplayStep = nullptr;
    bool m_resyncNarrator = false; // a replay moved its cursor: the narrator catches up silently
};

} // namespace BurgerBench
