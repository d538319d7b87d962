// Lane names in the gutter (issue 16 item 4): when the gutter is capped at a third of the view a
// long name ("Trabajador 1 (cajero-cocinero)" at 1280×720 in Spanish) is elided inside it,
// never drawn past its left edge and cut there.

#include "render/timelineindex.h"
#include "render/timelinepainter.h"
#include "trace/lanenames.h"
#include "trace/runtrace.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

RunTrace workersTrace()
{
    RunTrace t;
    t.scenario.mode = ExecutionMode::ParallelBlocking;
    for (int w = 1; w <= 2; ++w)
        t.taskLanes.push_back(LaneNames::lane(LaneKind::Worker, w));
    for (int k = 0; k < 2; ++k) {
        RequestRecord r;
        r.index = quint32(k);
        r.lane = k;
        r.dispatchNs = 0;
        r.sentNs = 1 * ms;
        r.endNs = 500 * ms;
        r.outcome = Outcome::Success;
        t.requests.push_back(r);
        TaskRecord task;
        task.request = k;
        task.lane = k;
        task.kind = TaskKind::HeldWaiting;
        task.startNs = 0;
        task.endNs = 500 * ms;
        t.tasks.push_back(task);
    }
    t.endNs = 500 * ms;
    return t;
}

// The leftmost column left of `limit` with a dark pixel in rows [top, bottom], or -1.
int darkLeftOf(const QImage &image, int limit, int top, int bottom)
{
    for (int x = 0; x < limit; ++x)
        for (int y = top; y <= bottom; ++y)
            if (qGray(image.pixel(x, y)) < 160)
                return x;
    return -1;
}

} // namespace

class tst_LaneLabels : public QObject
{
    Q_OBJECT
private slots:
    void longNamesAreElidedInsideTheGutter();
};

void tst_LaneLabels::longNamesAreElidedInsideTheGutter()
{
    const RunTrace t = workersTrace();
    const TimelineIndex index(t);
    // The timeline drawn into the right part of a wider image: anything left of its rect is a
    // name drawn past the gutter's edge.
    QImage image(900, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QRect rect(300, 0, 300, 300);
    QPainter painter(&image);
    QFont font = painter.font();
    painter.setFont(font);
    TimelineRenderOptions options;
    options.showLegend = false;
    const TimelineLayout layout = timelineLayout(rect, font, t, index, options);
    const QFontMetrics fm(font);
    const QString name = LaneNames::display(t.taskLanes.front());
    // The gutter is capped: the name does not fit in it.
    QVERIFY2(fm.horizontalAdvance(name) > layout.plotRect.left() - layout.labelLeft - 6,
        qPrintable(
            QStringLiteral("%1 fits in %2 px").arg(name).arg(layout.plotRect.left() - layout.labelLeft)));
    paintTimeline(&painter, layout, t, index, options);
    painter.end();
    const int top = layout.workerTop;
    const int bottom = layout.workerTop + layout.workerLaneCount * layout.workerLaneHeight - 1;
    QCOMPARE(darkLeftOf(image, layout.labelLeft, top, bottom), -1);
    // What is drawn is the name elided to the gutter, from its first letter: the same pixels as
    // that elided name drawn alone (cut at the edge, the full name's pixels differ).
    const QRect gutter(layout.labelLeft, layout.workerTop, layout.plotRect.left() - layout.labelLeft - 6,
        layout.workerLaneHeight);
    const QString elided = fm.elidedText(name, Qt::ElideRight, gutter.width());
    QVERIFY(elided != name && elided.startsWith(name.left(3)));
    QImage want(image.size(), QImage::Format_RGB32);
    want.fill(Qt::white);
    QPainter p(&want);
    p.setFont(font);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.setPen(QColor(0x44, 0x44, 0x44)); // the gutter's label colour
    p.drawText(gutter, Qt::AlignRight | Qt::AlignVCenter, elided);
    p.end();
    int dark = 0;
    for (int y = gutter.top(); y <= gutter.bottom(); ++y) {
        for (int x = 0; x < layout.plotRect.left(); ++x) {
            const bool drawn = qGray(image.pixel(x, y)) < 160;
            const bool expected = qGray(want.pixel(x, y)) < 160;
            dark += drawn ? 1 : 0;
            QVERIFY2(drawn == expected, qPrintable(QStringLiteral("(%1, %2)").arg(x).arg(y)));
        }
    }
    QVERIFY2(dark > 20, qPrintable(QString::number(dark)));
}

QTEST_MAIN(tst_LaneLabels)
#include "tst_lanelabels.moc"
