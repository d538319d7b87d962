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
    const QFontMetrics fm(font());
    const double w = width();
    const double h = height();
    const double icon = std::min(h * 0.42, w / 7.5);
    const double labelY = h - fm.height() - 2;
    const double iconY = labelY - icon - 4;

    // Four zones: in line | counter | tables | served.
    const double zone = w / 4;
    const auto label = [&](int z, const QString &text, int count) {
        p.setPen(QColor(0x33, 0x33, 0x33));
        const QString full = count >= 0 ? QStringLiteral("%1: %2").arg(text).arg(count) : text;
        p.drawText(QRectF(z * zone, labelY, zone, fm.height() + 2), Qt::AlignCenter, full);
    };
    const auto crowd = [&](int z, Art art, int count, double y) {
        // Up to four icons overlapping, then "+n".
        const int shown = std::min(count, 4);
        const double step = icon * 0.45;
        const double total = icon + step * (shown - 1);
        double x = z * zone + (zone - total) / 2;
        for (int i = 0; i < shown; ++i, x += step)
            drawArt(&p, art, QRectF(x, y, icon, icon));
        if (count > shown) {
            p.setPen(QColor(0x33, 0x33, 0x33));
            p.drawText(QRectF(z * zone, y - fm.height(), zone - 4, fm.height()),
                Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("+%1").arg(count - shown));
        }
    };

    crowd(0, Customer, m_counts.inLine, iconY);
    label(0, tr("In line"), m_counts.inLine);

    // The counter: who works there depends on the mode.
    const QRectF counter(zone + (zone - icon) / 2, iconY, icon, icon);
    switch (m_mode) {
    case ExecutionMode::ParallelBlocking: {
        const int n = std::min(m_workers, 4);
        const double step = icon * 0.5;
        double x = zone + (zone - (icon + step * (n - 1))) / 2;
        for (int i = 0; i < n; ++i, x += step)
            drawArt(&p, Cook, QRectF(x, iconY, icon, icon));
        label(1, tr("Cashier-cooks"), m_workers);
        break;
    }
    case ExecutionMode::ParallelCpu:
        drawArt(&p, House, counter.adjusted(-icon * 0.3, 0, -icon * 0.3, 0));
        drawArt(&p, Cook, QRectF(counter.left() + icon * 0.45, iconY + icon * 0.3, icon * 0.7, icon * 0.7));
        label(1, tr("Helpers"), m_workers);
        break;
    case ExecutionMode::AntiPattern:
        drawArt(&p, Cashier, counter);
        drawArt(
            &p, House, QRectF(counter.right() - icon * 0.35, iconY - icon * 0.2, icon * 0.55, icon * 0.55));
        label(1, tr("Cashier"), -1);
        break;
    case ExecutionMode::Mixed:
        drawArt(&p, Cashier, counter.adjusted(-icon * 0.3, 0, -icon * 0.3, 0));
        drawArt(
            &p, Cook, QRectF(counter.left() + icon * 0.45, iconY + icon * 0.25, icon * 0.75, icon * 0.75));
        label(1, tr("Cashier + cooks"), -1);
        break;
    default:
        drawArt(&p, Cashier, counter);
        label(1, tr("Cashier"), -1);
        break;
    }
    if (m_counts.loopBlocked) {
        // The counter is closed while the cashier works on something else.
        QPen pen(QColor(0xe0, 0x3c, 0x31), 3);
        p.setPen(pen);
        p.setBrush(QColor(0xe0, 0x3c, 0x31, 60));
        p.drawRoundedRect(QRectF(zone + 4, iconY - 4, zone - 8, icon + 8), 6, 6);
    }

    // Tables: a table with a ticket, customers waiting with numbers; burgers arriving.
    const double tableIcon = icon * 0.9;
    const QRectF table(2 * zone + (zone - tableIcon) / 2, iconY + icon - tableIcon, tableIcon, tableIcon);
    drawArt(&p, Table, table);
    if (m_counts.atTable > 0)
        drawArt(&p, Customer, QRectF(table.left() - icon * 0.35, iconY, icon * 0.8, icon * 0.8));
    if (m_counts.eating > 0)
        drawArt(&p, Burger, QRectF(table.right() - icon * 0.45, iconY, icon * 0.5, icon * 0.5));
    if (m_counts.atTable > 0 || m_counts.eating > 0) {
        drawArt(&p, Ticket,
            QRectF(table.center().x() - icon * 0.15, iconY - icon * 0.1, icon * 0.35, icon * 0.35));
    }
    label(2, tr("At tables"), m_counts.atTable + m_counts.eating);

    crowd(3, Burger, m_counts.served, iconY + icon * 0.3);
    label(3, tr("Served"), m_counts.served);
    if (m_counts.failed > 0) {
        p.setPen(QColor(0x8c, 0x12, 0x0c));
        p.drawText(QRectF(3 * zone, 2, zone - 4, fm.height()), Qt::AlignRight,
            tr("went wrong: %1").arg(m_counts.failed));
    }
}

} // namespace BurgerBench
