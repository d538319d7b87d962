#pragma once

#include "gui/storynarrator.h"

#include <QWidget>

#include <memory>

namespace Ui {
class StoryPanel;
}

namespace BurgerBench {

// The story beside the timeline (ui/storypanel.ui): the mode's title, picture and paragraph, and
// the live captions, newest first.
class StoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StoryPanel(QWidget *parent = nullptr);
    ~StoryPanel() override;

    void setMode(ExecutionMode mode, int workers);
    void setCounts(const StoryCounts &counts);
    void clearCaptions();
    void addCaptions(const QStringList &captions);
    QStringList captions() const;

    static constexpr int maxCaptions = 200;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshTexts();

    std::unique_ptr<Ui::StoryPanel> ui;
    ExecutionMode m_mode = ExecutionMode::Concurrent;
};

} // namespace BurgerBench
