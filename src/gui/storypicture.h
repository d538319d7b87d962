#pragma once

#include "gui/storynarrator.h"

#include <QWidget>

#include <array>
#include <memory>
#include <vector>

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
    ExecutionMode mode() const { return m_mode; }
    void setCounts(const StoryCounts &counts);
    void setWorkers(int workers);

    QSize sizeHint() const override { return { 320, 150 }; }
    QSize minimumSizeHint() const override { return { 220, 110 }; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return std::max(110, width * 9 / 20); }

    // Each text the last paint drew: where, what, and whether it had to be shortened (then the
    // full text is the picture's tooltip). Texts never overlap one another and each fits its
    // rectangle in the font it was drawn in (tests/gui/tst_storypicture).
    struct TextItem
    {
        QRectF rect;
        QString text; // as drawn
        QString full; // as meant
        QFont font;
        bool elided = false;
    };
    const std::vector<TextItem> &textItems() const { return m_texts; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void drawArt(QPainter *painter, Art art, const QRectF &rect) const;
    // Draws `text` in `rect`, shrinking the font (down to 70%) before it elides; records it.
    void drawFitted(QPainter *painter, const QRectF &rect, const QString &text, QFont font,
        Qt::Alignment align, const QColor &colour);

    std::array<std::unique_ptr<QSvgRenderer>, ArtCount> m_art;
    ExecutionMode m_mode = ExecutionMode::Concurrent;
    StoryCounts m_counts;
    int m_workers = 4;
    std::vector<TextItem> m_texts;
};

} // namespace BurgerBench
