#pragma once

#include "gui/sweepcurve.h"
#include "sweep/sweepresult.h"
#include "sweep/sweepspec.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QMenu;
class QMenuBar;
class QProgressBar;
class QPushButton;

namespace BurgerBench {

class SweepController;

// A sweep as it runs (Run → Sweep…): the curves grow as the steps finish (achieved requests/s
// against the offered load; TTFT p50 and p99 against achieved requests/s), saturated steps ringed,
// the SLO rules as lines, a search's capacity and its bracket; the progress (the step, its value,
// the time left for the whole sweep) and Cancel, which keeps the finished steps. Against the
// built-in simulator the theory is drawn beside the measurement (the kitchen's ceiling S/T and the
// ideal curve under it) and told in the burger story's words, with Little's law L = λ·W checked on
// the step last shown. A click on a point asks the main window to show that step's timeline
// (stepActivated). File → Save sweep… writes burgerbench.sweep/1 through the sweep report's
// atomic writer, the file `burgerbench-cli sweep --json` writes.
//
// The sweep itself runs on a thread of its own (SweepController, SweepRunner).
class SweepWindow : public QWidget
{
    Q_OBJECT
public:
    explicit SweepWindow(QWidget *parent = nullptr);
    ~SweepWindow() override;

    // Starts a sweep of `spec` (its base scenario's name heads the window); false with *error
    // when it cannot start.
    bool startSweep(const SweepSpec &spec, QString *error = nullptr);
    void cancelSweep();
    bool isRunning() const;
    SweepController *controller() const { return m_sweep; }
    // The steps so far (the final result once the sweep is over).
    const SweepResult &result() const;

    SweepCurve *throughputCurve() const { return m_throughput; }
    SweepCurve *latencyCurve() const { return m_latency; }
    QString progressText() const;
    QString theoryText() const;
    QString littleText() const;
    QString summaryText() const;
    QPushButton *cancelButton() const { return m_cancel; }
    QAction *saveAction() const { return m_actionSave; }

    // The first step of a point (its first repeat), -1 if none.
    int stepOfPoint(int point) const;
    // Shows Little's law for this step and outlines its point; the main window shows its timeline.
    void activateStep(int step);

    // File → Save sweep…: the sweep report (JSON), atomically. False with *error while running
    // or when nothing has finished.
    bool saveSweep(const QString &path, QString *error = nullptr) const;
    // Where Save sweep… gets its file name: a QFileDialog unless a test sets another.
    using SaveDialog = std::function<QString(const QString &caption, const QString &suggested)>;
    void setSaveDialog(SaveDialog dialog) { m_saveDialog = std::move(dialog); }

    // The kitchen's ceiling for the built-in simulator (unknown for a real target): the settings
    // of the sweep's scenario, as measured by its steps.
    static SweepCurveTheory theoryOf(const SweepResult &result, const Scenario &scenario);

signals:
    // A point was clicked: the main window shows this step's run (index into result().steps).
    void stepActivated(int step);
    // The sweep is over (finished, cancelled, stopped or failed) and drawn.
    void sweepFinished();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslate();
    void onStepStarted();
    void onStepFinished(int index);
    void onFinished();
    void updateProgress();
    void updateTexts();
    void saveDialog();
    QString levelText(SweepOver over, double value) const;

    SweepController *m_sweep; // owned (child)
    QMenuBar *m_menuBar = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_actionSave = nullptr;
    QAction *m_actionClose = nullptr;
    QLabel *m_heading = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    SweepCurve *m_throughput = nullptr;
    SweepCurve *m_latency = nullptr;
    QLabel *m_theory = nullptr;
    QLabel *m_little = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_hint = nullptr;
    SweepCurveTheory m_curveTheory;
    QString m_failure; // why the sweep could not start on its thread
    int m_littleStep = -1; // the step Little's law is told for (-1: the last finished)
    SaveDialog m_saveDialog;
};

} // namespace BurgerBench
