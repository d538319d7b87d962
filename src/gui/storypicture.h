#pragma once

#include "gui/storynarrator.h"

#include <QWidget>

#include <array>
#include <memory>

class QSvgRenderer;

namespace BurgerBench {

// The burger shop right now: customers in line, the cashier (or cashier-cooks, or helpers and a
// house), customers at tables with their numbers, burgers served. Drawn from the SVG art in
// resources/images with live counts from the StoryNarrator.
class StoryPicture : public QWidget
{
    Q_OBJECT
public:
    enum Art { Customer, Cashier, Cook, Ticket, Burger, Table, House, ArtCount };

    explicit StoryPicture(QWidget *parent = nullptr);
    ~StoryPicture() override;

    void setMode(ExecutionMode mode);
    void setCounts(const StoryCounts &counts);
    void setWorkers(int workers);

    QSize sizeHint() const override { return { 320, 150 }; }
    QSize minimumSizeHint() const override { return { 220, 110 }; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return std::max(110, width * 9 / 20); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void drawArt(QPainter *painter, Art art, const QRectF &rect) const;

    std::array<std::unique_ptr<QSvgRenderer>, ArtCount> m_art;
    ExecutionMode m_mode = ExecutionMode::Concurrent;
    StoryCounts m_counts;
    int m_workers = 4;
};

} // namespace BurgerBench
