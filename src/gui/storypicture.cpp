#include "gui/storypicture.h"

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

void StoryPicture::paintEvent(QPaintEvent *)
{
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
    // Two text lines under each zone: what it is, and how many are there.
    const double nameY = height() - 2 * line - 4;
    const double icon = std::max(16.0, std::min(zone * 0.62, nameY - 8));
    const double iconY = nameY - icon - 2;

    const auto caption = [&](int z, const QString &name, int count) {
        const QRectF nameRect(z * zone, nameY, zone, line);
        p.setFont(small);
        p.setPen(QColor(0x44, 0x44, 0x44));
        p.drawText(nameRect, Qt::AlignHCenter | Qt::AlignVCenter,
            fm.elidedText(name, Qt::ElideRight, int(zone) - 4));
        if (count >= 0) {
            p.setFont(bold);
            p.setPen(QColor(0x22, 0x22, 0x22));
            p.drawText(
                nameRect.translated(0, line), Qt::AlignHCenter | Qt::AlignVCenter, QString::number(count));
        }
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
            p.setFont(bold);
            p.setPen(QColor(0x22, 0x22, 0x22));
            p.drawText(QRectF(z * zone, y - line, zone - 4, line), Qt::AlignRight | Qt::AlignVCenter,
                QStringLiteral("+%1").arg(count - shown));
        }
    };

    // Zone 0: the line.
    crowd(0, Customer, m_counts.inLine, icon * 0.8, iconY + icon * 0.2);
    caption(0, tr("In line"), m_counts.inLine);

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
        p.setFont(bold);
        p.setPen(QColor(0x8c, 0x12, 0x0c));
        p.drawText(QRectF(3 * zone, 2, zone - 4, line), Qt::AlignRight | Qt::AlignVCenter,
            tr("went wrong: %1").arg(m_counts.failed));
    }
}

} // namespace BurgerBench
