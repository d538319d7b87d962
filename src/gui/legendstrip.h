#pragma once

#include <QWidget>

namespace BurgerBench {

// The timeline's legend on its own, for windows that stack several timelines drawn without
// theirs (the race): one legend for all of them, in the one visual vocabulary (render/legend.h).
//
// Its height follows its width (the swatches wrap), but it does not report height-for-width:
// that would make the window's minimum height the legend wrapped at the window's minimum width.
// Instead its size hint is the height at its current width, refreshed when the width changes.
class LegendStrip : public QWidget
{
    Q_OBJECT
public:
    explicit LegendStrip(QWidget *parent = nullptr);

    // Lists the job board's statuses too (a race with a background-jobs row).
    void setShowsJobBoard(bool shows);
    bool showsJobBoard() const { return m_jobBoard; }

    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool m_jobBoard = false;
};

} // namespace BurgerBench
