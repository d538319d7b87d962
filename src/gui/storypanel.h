#pragma once

#include "gui/runstory.h"
#include "gui/storynarrator.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace Ui {
class StoryPanel;
}

namespace BurgerBench {

// The story beside the timeline (ui/storypanel.ui): the mode's title, picture and lesson, what
// this run (or the scenario about to run) shows in its own figures, and the live captions,
// newest first. The title, picture and figures stay with the run on screen.
class StoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StoryPanel(QWidget *parent = nullptr);
    ~StoryPanel() override;

    void setMode(ExecutionMode mode, int workers);
    // What the paragraph under the lesson tells: the plan of a scenario not run yet, or the run on
    // screen, from its own trace (gui/runstory.h). Kept, so a language change retells it.
    void setPlan(const Scenario &scenario, bool replaying = false);
    void setRun(const RunStoryFacts &facts);
    // A run is on screen and the editor now asks for `mode`: the story stays with its run and
    // says what Run would show instead (nothing when it is the run's own mode).
    void setEditorMode(ExecutionMode mode);
    QString title() const;
    QString runStoryText() const;
    void setCounts(const StoryCounts &counts);
    void clearCaptions();
    // Newest first. `atNs`: the moment on the run's clock they tell (-1: none); `subjects`: the
    // order (request index) each one names first, -1 or missing for none. Clicking a caption
    // gives both back (captionActivated).
    void addCaptions(const QStringList &captions, qint64 atNs = -1, const std::vector<int> &subjects = {});
    QStringList captions() const;
    // A replay went back to `atNs`: the captions told after it go (they are told again as the
    // replay plays on); those without a moment stay.
    void dropCaptionsAfter(qint64 atNs);

    static constexpr int maxCaptions = 200;

signals:
    void captionActivated(qint64 atNs, int order);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshTexts();

    std::unique_ptr<Ui::StoryPanel> ui;
    ExecutionMode m_mode = ExecutionMode::Concurrent;
    ExecutionMode m_editorMode = ExecutionMode::Concurrent;
    std::optional<RunStoryFacts> m_run; // the run on screen, or none: m_plan's scenario
    Scenario m_plan;
    bool m_replaying = false; // m_plan is being replayed
};

} // namespace BurgerBench
