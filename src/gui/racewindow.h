#pragma once

#include "parallel/race.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

namespace Ui {
class RaceWindow;
}

class QFrame;
class QLabel;

namespace BurgerBench {

class RaceController;
class TimelineView;
class TimelineViewState;
class Translations;

// The race (Run → Race…, ui/racewindow.ui): one workload through several execution models, a
// row per model with its figures (measured wall time, the theory with its formula, efficiency,
// speed-up) beside its timeline. Every row shows the same time range: zooming or panning one
// moves them all, and "fit" fits the longest model, so sequential visibly takes N× as long as
// concurrent. The knobs (requests, workers, cap, rate limit, server capacity, CPU per task) move
// the bottleneck. The race runs on a thread of its own (RaceController); the running row's bars
// grow with its model's snapshots (requests in flight and tasks running drawn up to "now"), and
// each row gets its figures when its model ends.
class RaceWindow : public QWidget
{
    Q_OBJECT
public:
    // `translations` is not owned and may be null (the texts follow the installed translator).
    explicit RaceWindow(Translations *translations = nullptr, QWidget *parent = nullptr);
    ~RaceWindow() override;

    bool selectPreset(const QString &name);
    QString currentPreset() const;
    // The selected preset with the knobs applied.
    RaceSpec spec() const;
    // Runs spec() (or the given spec: tests, automation); false with *error if it cannot start.
    bool startRace(QString *error = nullptr);
    bool startRace(const RaceSpec &spec, QString *error = nullptr);
    void stopRace();
    bool isRunning() const;

    // One row per model of the race shown (the preset's before a run).
    int rowCount() const { return int(m_rows.size()); }
    QWidget *row(int index) const;
    TimelineView *rowView(int index) const;
    // The row's finished entry; null before its model ended.
    std::shared_ptr<const RaceEntry> rowEntry(int index) const;
    // The time range every row shows.
    qint64 axisFromNs() const { return m_axisFromNs; }
    qint64 axisToNs() const { return m_axisToNs; }
    // Fits every row to the longest model.
    void fitAll();
    // Shows a race that ran elsewhere (a saved one, a test's hand-made entries): a row per model of
    // `spec`, entry i in row i (null: the theory only), as if it had just finished. False while a
    // race runs.
    bool showEntries(const RaceSpec &spec, const std::vector<std::shared_ptr<const RaceEntry>> &entries);

    RaceController *controller() const { return m_race; }

signals:
    // The race is over (finished, stopped or failed) and its rows are drawn.
    void raceFinished();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    struct Row
    {
        RaceModel model = RaceModel::Sequential;
        QFrame *frame = nullptr;
        QLabel *title = nullptr;
        QLabel *measured = nullptr;
        QLabel *theory = nullptr;
        QLabel *formula = nullptr;
        QLabel *efficiency = nullptr;
        QLabel *speedup = nullptr;
        QLabel *note = nullptr;
        TimelineView *view = nullptr;
        std::shared_ptr<const RaceEntry> entry; // keeps the trace the view points into alive
        // While its model runs: the last snapshot, whose trace the view points into.
        std::shared_ptr<const ModelResult> live;
        Theory preview; // the theory before the run (built-in simulator only)
    };

    void fillPresetCombo();
    void onPresetChanged();
    void loadKnobs(const RaceSpec &spec);
    void onKnobChanged();
    void buildRows(const RaceSpec &spec);
    void refreshRow(int index);
    void alignGutters();
    void refreshTexts();
    void updateControls();
    void onModelStarted(int index);
    void onModelProgress(int index);
    qint64 liveNowNs(const Row &row) const;
    void onEntryReady(int index);
    void onRaceFinished();
    void onTick();

    // The shared time axis.
    void onRowRangeChanged(TimelineViewState *source, qint64 fromNs, qint64 toNs);
    void applyRange(qint64 fromNs, qint64 toNs);
    void refitIfFitting();
    qint64 sharedExtentNs() const;
    void syncScrollBar();
    void onScrollBar(int value);

    QString modelTitle(RaceModel model, int workers) const;

    std::unique_ptr<Ui::RaceWindow> ui;
    Translations *m_translations; // not owned
    RaceController *m_race; // owned (child)
    QList<RacePreset> m_presets;
    RaceSpec m_shown; // the race the rows belong to
    std::vector<Row> m_rows;
    // The rows' trace before their model sends one: empty, but it knows a CPU-only race, so its
    // request area does not say "No requests yet".
    RunTrace m_placeholder;
    QTimer m_tick; // the running row's clock, while a race runs
    QString m_status;
    bool m_stopped = false;
    QString m_failure;

    qint64 m_axisFromNs = 0;
    qint64 m_axisToNs = 1'000'000'000;
    bool m_fitting = true; // the axis follows the longest row
    bool m_syncing = false;
};

} // namespace BurgerBench
