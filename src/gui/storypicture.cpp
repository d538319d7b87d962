#include "gui/storypicture.h"

#include <QLocale>
#include <QPainter>
#include <QSvgRenderer>

namespace BurgerBench {

StoryPicture::StoryPicture(QWidget *parent)
    : QWidget(parent)
{
    static const char *const files[ArtCount]
        = { "customer", "cashier", "cook", "ticket", "burger", "table", "house" };
    for (int i = 0; i < ArtCount; ++i)
        m_art[size_t(i)]
            = std::make_unique<QSvgRenderer>(QStringLiteral(":/images/%1.svg").arg(QLatin1String(files[i])));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setAccessibleName(tr("Burger shop picture"));
}

StoryPicture::~StoryPicture() = default;

void StoryPicture::setMode(ExecutionMode mode)
{
    m_mode = mode;
    update();
}

void StoryPicture::setCounts(const StoryCounts &counts)
{
    m_counts = counts;
    update();
}

void StoryPicture::setWorkers(int workers)
{
    m_workers = std::clamp(workers, 1, 64);
    update();
}

void StoryPicture::drawArt(QPainter *painter, Art art, const QRectF &rect) const
{
    const auto &renderer = m_art[size_t(art)];
    if (renderer && renderer->isValid())
        renderer->render(painter, rect);
}

void StoryPicture::drawFitted(QPainter *painter, const QRectF &rect, const QString &text, QFont font,
    Qt::Alignment align, const QColor &colour)
{
    const double full = font.pointSizeF();
    const double room = rect.width() - 2;
    while (QFontMetricsF(font).horizontalAdvance(text) > room && font.pointSizeF() > full * 0.7)
        font.setPointSizeF(font.pointSizeF() - 0.25);
    const QFontMetricsF fm(font);
    TextItem item { rect, text, text, font, false };
    if (fm.horizontalAdvance(text) > room) {
        item.text = fm.elidedText(text, Qt::ElideRight, room);
        item.elided = true;
    }
    painter->setFont(font);
    painter->setPen(colour);
    painter->drawText(rect, int(align | Qt::AlignVCenter), item.text);
    m_texts.push_back(std::move(item));
}

void StoryPicture::paintEvent(QPaintEvent *)
{
    m_texts.clear();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), QColor(0xfb, 0xf7, 0xef));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    QFont bold = small;
    bold.setBold(true);
    const QFontMetrics fm(small);
    const double zone = width() / 4.0;
    const double line = fm.height();
    // A band on top for what went wrong, then the icons, then two text lines under each zone:
    // what it is, and how many are there. Nothing drawn in one row reaches into another.
    const double bandBottom = 2 + line;
    const double nameY = height() - 2 * line - 4;
    const double icon = std::max(16.0, std::min(zone * 0.62, nameY - bandBottom - 4));
    const double iconY = std::max(bandBottom + 2, nameY - icon - 2);

    const auto caption = [&](int z, const QString &name, int count) {
        const QRectF nameRect(z * zone + 1, nameY, zone - 2, line);
        drawFitted(&p, nameRect, name, small, Qt::AlignHCenter, QColor(0x44, 0x44, 0x44));
        if (count >= 0)
            drawFitted(&p, nameRect.translated(0, line), QLocale().toString(count), bold, Qt::AlignHCenter,
                QColor(0x22, 0x22, 0x22));
    };
    // Up to four icons side by side (overlapping), then "+n".
    const auto crowd = [&](int z, Art art, int count, double size, double y) {
        const int shown = std::min(count, 4);
        if (shown <= 0)
            return;
        const double step = size * 0.42;
        const double total = size + step * (shown - 1);
        double x = z * zone + (zone - total) / 2;
        for (int i = 0; i < shown; ++i, x += step)
            drawArt(&p, art, QRectF(x, y, size, size));
        if (count > shown) {
            // Above the icons, never in the band on top.
            const double top = std::max(bandBottom, y - line);
            drawFitted(&p, QRectF(z * zone + 1, top, zone - 4, line),
                QStringLiteral("+") + QLocale().toString(count - shown), bold, Qt::AlignRight,
                QColor(0x22, 0x22, 0x22));
        }
    };

    // Zone 0: the line.
    crowd(0, Customer, m_counts.inLine, icon * 0.8, iconY + icon * 0.2);
    caption(0, tr("In line"), m_counts.inLine);
    if (m_counts.notDue > 0) {
        // Open loop: customers still on their way are not in the line; said apart, in the band on
        // top over the line and the counter (the failures' band is over the other half).
        drawFitted(&p, QRectF(1, 1, 2 * zone - 4, line),
            tr("not due yet: %1").arg(QLocale().toString(m_counts.notDue)), small, Qt::AlignLeft,
            QColor(0x44, 0x44, 0x44));
    }

    // Zone 1: the counter; who works there depends on the mode.
    const QRectF counter(zone + (zone - icon) / 2, iconY, icon, icon);
    switch (m_mode) {
    case ExecutionMode::ParallelBlocking:
    case ExecutionMode::BackgroundJobs:
        crowd(1, Cook, std::min(m_workers, 4), icon * 0.85, iconY + icon * 0.15);
        caption(1, tr("Cashier-cooks"), m_workers);
        break;
    case ExecutionMode::ParallelCpu:
        drawArt(&p, House, counter.adjusted(-icon * 0.25, 0, -icon * 0.25, 0));
        drawArt(&p, Cook, QRectF(counter.left() + icon * 0.45, iconY + icon * 0.3, icon * 0.7, icon * 0.7));
        caption(1, tr("Helpers"), m_workers);
        break;
    case ExecutionMode::AntiPattern:
        drawArt(&p, Cashier, counter);
        drawArt(&p, House, QRectF(counter.right() - icon * 0.3, iconY - icon * 0.05, icon * 0.5, icon * 0.5));
        caption(1, tr("Cashier"), -1);
        break;
    case ExecutionMode::Mixed:
        drawArt(&p, Cashier, counter.adjusted(-icon * 0.25, 0, -icon * 0.25, 0));
        drawArt(
            &p, Cook, QRectF(counter.left() + icon * 0.45, iconY + icon * 0.25, icon * 0.75, icon * 0.75));
        caption(1, tr("Cashier + cooks"), -1);
        break;
    default:
        drawArt(&p, Cashier, counter);
        caption(1, tr("Cashier"), -1);
        break;
    }
    if (m_counts.loopBlocked) {
        // The counter is closed while the cashier does something else.
        p.setPen(QPen(QColor(0xe0, 0x3c, 0x31), 3));
        p.setBrush(QColor(0xe0, 0x3c, 0x31, 50));
        p.drawRoundedRect(QRectF(zone + 3, iconY - 3, zone - 6, icon + 6), 6, 6);
    }

    // Zone 2: tables; someone waiting with a ticket, burgers arriving.
    const int atTables = m_counts.atTable + m_counts.eating;
    const QRectF table(
        2 * zone + (zone - icon * 0.8) / 2 + icon * 0.15, iconY + icon * 0.2, icon * 0.8, icon * 0.8);
    drawArt(&p, Table, table);
    if (m_counts.atTable > 0) {
        drawArt(
            &p, Customer, QRectF(table.left() - icon * 0.42, iconY + icon * 0.15, icon * 0.7, icon * 0.7));
        drawArt(&p, Ticket, QRectF(table.center().x() - icon * 0.05, iconY, icon * 0.32, icon * 0.32));
    }
    if (m_counts.eating > 0)
        drawArt(
            &p, Burger, QRectF(table.right() - icon * 0.4, iconY + icon * 0.05, icon * 0.42, icon * 0.42));
    caption(2, tr("At tables"), atTables);

    // Zone 3: served (and what went wrong).
    crowd(3, Burger, m_counts.served, icon * 0.6, iconY + icon * 0.4);
    caption(3, tr("Served"), m_counts.served);
    if (m_counts.failed > 0) {
        // Over the tables and the served, in the band on top: room for the words in any language.
        drawFitted(&p, QRectF(2 * zone, 1, 2 * zone - 4, line),
            tr("went wrong: %1").arg(QLocale().toString(m_counts.failed)), bold, Qt::AlignRight,
            QColor(0x8c, 0x12, 0x0c));
    }
    QStringList shortened;
    for (const TextItem &t : m_texts)
        if (t.elided)
            shortened << t.text;
    setToolTip(
        shortened.isEmpty() ? QString() : tr("Some words did not fit: widen the panel to read them all."));
}

} // namespace BurgerBench
