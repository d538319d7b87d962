#include "gui/timelineview.h"
#include "gui/timelineviewstate.h"
#include "render/legend.h"
#include "trace/runtrace.h"

#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

// A hand-built run with every phase at a known time (ms):
//   #1 intended 0, dispatched 200 (queued + ghost 0..200), sent 210, first token 500,
//      a token every 50 until 1000, success at 1000.
//   #2 dispatched 0, sent 10, first token 300, tokens to 800, success.
//   #3 dispatched 100, sent 110, failed at 600 while waiting (HTTP 503).
//   #4 dispatched 100, still streaming at "now" = 1100 (in flight).
// Event loop: busy 600..610 (short: green), blocked 400..450 (red), lag 40 ms at 450.
// Workers: "worker 1" CPU 100..300, "worker 2" held (blocked) 200..700.
RunTrace knownTrace()
{
    RunTrace t;
    t.scenario.name = QStringLiteral("known");
    t.requests.resize(4);
    RequestRecord &a = t.requests[0];
    a.index = 0;
    a.lane = 0;
    a.intendedNs = 0;
    a.dispatchNs = 200 * ms;
    a.sentNs = 210 * ms;
    for (qint64 k = 500; k <= 1000; k += 50)
        a.tokenNs.push_back(k * ms);
    a.endNs = 1000 * ms;
    a.outcome = Outcome::Success;

    RequestRecord &b = t.requests[1];
    b.index = 1;
    b.lane = 1;
    b.dispatchNs = 0;
    b.sentNs = 10 * ms;
    for (qint64 k = 300; k <= 800; k += 25)
        b.tokenNs.push_back(k * ms);
    b.endNs = 800 * ms;
    b.outcome = Outcome::Success;

    RequestRecord &c = t.requests[2];
    c.index = 2;
    c.lane = 2;
    c.dispatchNs = 100 * ms;
    c.sentNs = 110 * ms;
    c.endNs = 600 * ms;
    c.outcome = Outcome::Failed;
    c.error = ErrorKind::Http;
    c.httpStatus = 503;

    RequestRecord &d = t.requests[3];
    d.index = 3;
    d.lane = 3;
    d.dispatchNs = 100 * ms;
    d.sentNs = 105 * ms;
    for (qint64 k = 400; k <= 1100; k += 20)
        d.tokenNs.push_back(k * ms);
    d.outcome = Outcome::InFlight;

    t.loopBusy = { { 400 * ms, 450 * ms }, { 600 * ms, 610 * ms } };
    t.loopLag = { { 100 * ms, 0 }, { 450 * ms, 40 * ms }, { 700 * ms, 0 } };
    t.taskLanes = { TaskLane { LaneKind::Worker, 1, 0 }, TaskLane { LaneKind::Worker, 2, 0 } };
    TaskRecord cpu;
    cpu.lane = 0;
    cpu.kind = TaskKind::CpuWork;
    cpu.startNs = 100 * ms;
    cpu.endNs = 300 * ms;
    TaskRecord held;
    held.lane = 1;
    held.kind = TaskKind::HeldWaiting;
    held.request = 1;
    held.startNs = 200 * ms;
    held.endNs = 700 * ms;
    t.tasks = { cpu, held };
    t.measuredStartNs = 0;
    t.endNs = -1; // still running
    return t;
}

bool near(QRgb a, const QColor &b, int tolerance = 8)
{
    return qAbs(qRed(a) - b.red()) <= tolerance && qAbs(qGreen(a) - b.green()) <= tolerance
        && qAbs(qBlue(a) - b.blue()) <= tolerance;
}

// Share of pixels in `box` that have `colour`.
double share(const QImage &image, const QRect &box, const QColor &colour)
{
    int hits = 0;
    int total = 0;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        for (int x = box.left(); x <= box.right(); ++x) {
            ++total;
            hits += near(image.pixel(x, y), colour) ? 1 : 0;
        }
    }
    return total ? double(hits) / total : 0;
}

} // namespace

class tst_TimelineView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void drawsPhaseAtKnownTime_data();
    void drawsPhaseAtKnownTime();
    void waitingIsHatchedNotJustColoured();
    void ghostOutlineRunsFromIntendedStart();
    void streamingHasOneTickPerToken();
    void laneLabelsAndEventLoopLane();
    void slotLanesShowRequestsOnTheirSlot();
    void clickSelectsRequestAndDrawsOutline();
    void wheelZoomsAroundPointer();
    void dragOnAxisSelectsRange();
    void highlightDrawsOrangeOutline();
    void cpuWorkOnTheLoopTurnsTheLoopLaneRed();
    void workerBarsShowTheirOrders();
    void thinLanesAreAllNamed();
    void loopLaneSaysHowIdle();
    void jobBoardToolTipSaysWhatThePollRead();

private:
    QImage render();
    QRect box(int lane, qint64 timeNs, int halfWidth = 2);
    TimelineView *m_view = nullptr;
    RunTrace m_trace;
};

void tst_TimelineView::init()
{
    m_trace = knownTrace();
    m_view = new TimelineView;
    m_view->resize(1100, 520);
    m_view->setTrace(&m_trace);
    m_view->setLive(true, 1100 * ms);
    // A fixed window: 0 .. 1.2 s.
    m_view->state()->setVisibleRange(0, 1200 * ms);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_TimelineView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

QImage tst_TimelineView::render()
{
    return m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// A small box on a request lane (or -1: the loop lane; -2/-3: worker lanes 0/1) at a time.
QRect tst_TimelineView::box(int lane, qint64 timeNs, int halfWidth)
{
    const TimelineLayout &l = m_view->layoutForTesting();
    const int x = int(l.timeToX(timeNs));
    int top;
    int height;
    if (lane == -1) {
        top = l.loopLane.top();
        height = l.loopLane.height();
    } else if (lane <= -2) {
        top = l.workerTop + (-lane - 2) * l.workerLaneHeight;
        height = l.workerLaneHeight;
    } else {
        top = l.requestLaneY(lane);
        height = l.requestLaneH(lane);
    }
    // The middle third of the lane, away from insets and outlines.
    return QRect(x - halfWidth, top + height / 3, 2 * halfWidth + 1, std::max(1, height / 3));
}

void tst_TimelineView::drawsPhaseAtKnownTime_data()
{
    QTest::addColumn<int>("lane");
    QTest::addColumn<qint64>("timeNs");
    QTest::addColumn<QColor>("colour");
    QTest::addColumn<double>("minShare");

    const auto fill = [](Phase p) { return phaseStyle(p).fill; };
    QTest::newRow("#1 in line at 100 ms: yellow") << 0 << 100 * ms << fill(Phase::Queued) << 0.6;
    QTest::newRow("#1 streaming at 760 ms: purple") << 0 << 760 * ms << fill(Phase::Streaming) << 0.6;
    QTest::newRow("#2 streaming at 560 ms: purple") << 1 << 560 * ms << fill(Phase::Streaming) << 0.6;
    QTest::newRow("#3 error marker just before 600 ms: dark red")
        << 2 << 598 * ms << fill(Phase::Error) << 0.3;
    QTest::newRow("#4 in flight, streaming up to now (1090 ms)")
        << 3 << 1090 * ms << fill(Phase::Streaming) << 0.3;
    QTest::newRow("event loop blocked 400..450 ms: red") << -1 << 425 * ms << fill(Phase::BlockedHeld) << 0.5;
    QTest::newRow("worker 1 computing at 200 ms: green") << -2 << 200 * ms << fill(Phase::CpuWork) << 0.8;
    QTest::newRow("worker 2 held at 500 ms: red") << -3 << 500 * ms << fill(Phase::BlockedHeld) << 0.5;
}

void tst_TimelineView::drawsPhaseAtKnownTime()
{
    QFETCH(int, lane);
    QFETCH(qint64, timeNs);
    QFETCH(QColor, colour);
    QFETCH(double, minShare);
    const QImage image = render();
    const QRect where = box(lane, timeNs);
    const double s = share(image, where, colour);
    QVERIFY2(s >= minShare,
        qPrintable(QStringLiteral("share %1 of %2 at (%3,%4), first pixel %5")
                       .arg(s)
                       .arg(colour.name())
                       .arg(where.x())
                       .arg(where.y())
                       .arg(QColor(image.pixel(where.center())).name())));
    // And nothing of that colour where the lane is empty (after #2 ended at 800 ms).
    if (lane == 1)
        QCOMPARE(share(image, box(1, 1000 * ms), colour), 0.0);
}

void tst_TimelineView::waitingIsHatchedNotJustColoured()
{
    // #1 waits for its first token 210..500 ms: a light fill crossed by hatch lines, so it
    // reads without colour. Both must be there.
    const QImage image = render();
    const QRect where = box(0, 350 * ms, 8);
    const PhaseStyle &style = phaseStyle(Phase::WaitingFirstToken);
    const double fill = share(image, where, style.fill);
    const double hatch = share(image, where, style.pattern);
    QVERIFY2(fill > 0.4, qPrintable(QString::number(fill)));
    QVERIFY2(hatch > 0.05, qPrintable(QString::number(hatch)));
}

void tst_TimelineView::ghostOutlineRunsFromIntendedStart()
{
    // #1 was meant to go at 0 and went at 200 ms: a dashed outline on the lane's top edge.
    const QImage image = render();
    const TimelineLayout &l = m_view->layoutForTesting();
    const int y = l.requestLaneY(0);
    const QColor outline = phaseStyle(Phase::Ghost).outline;
    int onEdge = 0;
    for (int x = int(l.timeToX(20 * ms)); x < int(l.timeToX(180 * ms)); ++x)
        onEdge += near(image.pixel(x, y), outline) ? 1 : 0;
    QVERIFY2(onEdge >= 10, qPrintable(QString::number(onEdge)));
    // Dashed: some of the edge is not outline.
    QVERIFY(onEdge < int(l.timeToX(180 * ms)) - int(l.timeToX(20 * ms)));
    // No ghost on #2, which went out when it was due.
    int other = 0;
    const int y2 = l.requestLaneY(1);
    for (int x = int(l.timeToX(20 * ms)); x < int(l.timeToX(180 * ms)); ++x)
        other += near(image.pixel(x, y2), outline) ? 1 : 0;
    QCOMPARE(other, 0);
}

void tst_TimelineView::streamingHasOneTickPerToken()
{
    // #1 streams 500..1000 ms with a token every 50 ms: between 600 and 900 ms there are
    // tokens at 650, 700, 750, 800, 850 -> five tick columns on the mid line.
    const QImage image = render();
    const TimelineLayout &l = m_view->layoutForTesting();
    const int y = l.requestLaneY(0) + l.requestLaneH(0) / 2;
    const QColor tick = phaseStyle(Phase::Streaming).tick;
    int ticks = 0;
    bool inTick = false;
    for (int x = int(l.timeToX(610 * ms)); x <= int(l.timeToX(890 * ms)); ++x) {
        const bool isTick = near(image.pixel(x, y), tick, 12);
        ticks += isTick && !inTick ? 1 : 0;
        inTick = isTick;
    }
    QCOMPARE(ticks, 5);
}

void tst_TimelineView::laneLabelsAndEventLoopLane()
{
    const TimelineLayout &l = m_view->layoutForTesting();
    QVERIFY(!l.loopLane.isEmpty());
    QCOMPARE(l.requestLaneCount, 4);
    QCOMPARE(l.workerLaneCount, 2);
    // Lanes in order: loop above workers above requests.
    QVERIFY(l.loopLane.bottom() < l.workerTop);
    QVERIFY(l.workerTop + 2 * l.workerLaneHeight <= l.requestTop);
    // The short busy span 600..610 ms is green in the upper half of the loop lane, not red.
    const QImage image = render();
    const int x = int(l.timeToX(605 * ms));
    const QRect upper(x, l.loopLane.top() + 2, 1, l.loopLane.height() / 2 - 4);
    QVERIFY(share(image, upper, phaseStyle(Phase::CpuWork).fill) > 0.9);
    // Lag of 40 ms at 450 ms: an orange bar at the bottom of the loop lane.
    const QRect lag(int(l.timeToX(450 * ms)), l.loopLane.bottom() - 2, 2, 2);
    QVERIFY(share(image, lag, phaseStyle(Phase::LoopLag).fill) > 0.4);
    // Gutter labels are drawn: some dark pixels left of the plot on lane #1.
    const QRect gutter(
        l.labelLeft, l.requestLaneY(0), l.plotRect.left() - l.labelLeft - 2, l.requestLaneH(0));
    int dark = 0;
    for (int yy = gutter.top(); yy <= gutter.bottom(); ++yy)
        for (int xx = gutter.left(); xx <= gutter.right(); ++xx)
            dark += qGray(image.pixel(xx, yy)) < 128 ? 1 : 0;
    QVERIFY(dark > 5);
}

void tst_TimelineView::slotLanesShowRequestsOnTheirSlot()
{
    // Put #1 and #2 on the same slot, one after the other; per-slot lanes show both on lane 0.
    m_trace.requests[1].lane = 0;
    m_trace.requests[1].dispatchNs = 0;
    m_trace.requests[1].endNs = 190 * ms;
    m_trace.requests[1].tokenNs = { 150 * ms, 170 * ms, 190 * ms };
    m_view->traceChanged();
    m_view->state()->setLaneByRequest(false);
    const TimelineLayout &l = m_view->layoutForTesting();
    QCOMPARE(l.requestLaneCount, 4); // slots 0..3 (slot 1 now empty)
    const QImage image = render();
    const QColor purple = phaseStyle(Phase::Streaming).fill;
    QVERIFY(share(image, box(0, 175 * ms, 1), purple) > 0.4); // #2 streaming on slot 1
    QVERIFY(share(image, box(0, 760 * ms), purple) > 0.6); // #1 streaming on slot 1
    // A slot lane shows no queue: #1's wait 0..200 ms is not on any slot.
    QCOMPARE(share(image, box(0, 100 * ms), phaseStyle(Phase::Queued).fill), 0.0);
    QCOMPARE(share(image, box(1, 500 * ms), purple), 0.0); // slot 2 is empty now
}

void tst_TimelineView::clickSelectsRequestAndDrawsOutline()
{
    QSignalSpy activated(m_view, &TimelineView::requestActivated);
    QSignalSpy selected(m_view->state(), &TimelineViewState::selectedRequestChanged);
    const QPoint at = box(1, 560 * ms).center();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 1);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(m_view->state()->selectedRequest(), 1);
    // The selection band tints lane #2 where it was empty (900 ms).
    const QImage image = render();
    const QRgb tinted = image.pixel(box(1, 1000 * ms).center());
    QVERIFY2(qBlue(tinted) > qRed(tinted), qPrintable(QColor(tinted).name()));
    // Clicking the same request again changes nothing.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(activated.count(), 2);
}

void tst_TimelineView::wheelZoomsAroundPointer()
{
    const TimelineLayout &l = m_view->layoutForTesting();
    const QPoint at(int(l.timeToX(600 * ms)), l.requestLaneY(0));
    const qint64 before = m_view->state()->spanNs();
    QWheelEvent wheel(at, m_view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(m_view->viewport(), &wheel);
    const qint64 after = m_view->state()->spanNs();
    QVERIFY2(after < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    // 600 ms stays under the pointer (within a pixel).
    const TimelineLayout &l2 = m_view->layoutForTesting();
    QVERIFY(qAbs(l2.timeToX(600 * ms) - at.x()) <= 1.0);
    // The horizontal scroll bar now has somewhere to go.
    QVERIFY(m_view->horizontalScrollBar()->maximum() > 0);
}

void tst_TimelineView::dragOnAxisSelectsRange()
{
    QSignalSpy selected(m_view, &TimelineView::rangeSelected);
    const TimelineLayout &l = m_view->layoutForTesting();
    const int y = l.axisRect.center().y();
    const QPoint from(int(l.timeToX(200 * ms)), y);
    const QPoint to(int(l.timeToX(400 * ms)), y);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, from);
    QMouseEvent move(QEvent::MouseMove, to, m_view->viewport()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
        Qt::NoModifier);
    QCoreApplication::sendEvent(m_view->viewport(), &move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(selected.count(), 1);
    const qint64 a = selected.at(0).at(0).toLongLong();
    const qint64 b = selected.at(0).at(1).toLongLong();
    const qint64 pixel = m_view->state()->spanNs() / l.plotRect.width() + 1;
    QVERIFY(qAbs(a - 200 * ms) <= pixel);
    QVERIFY(qAbs(b - 400 * ms) <= pixel);
    // The visible window did not move (that was a selection, not a pan).
    QCOMPARE(m_view->state()->fromNs(), qint64(0));
}

void tst_TimelineView::highlightDrawsOrangeOutline()
{
    m_view->setHighlighted({ 2 });
    const QImage image = render();
    const TimelineLayout &l = m_view->layoutForTesting();
    // #3 spans 100..600 ms: its outline's top edge is orange.
    const int y = l.requestLaneY(2);
    int orange = 0;
    for (int x = int(l.timeToX(200 * ms)); x < int(l.timeToX(500 * ms)); ++x)
        orange += near(image.pixel(x, y), QColor(0xff, 0x8c, 0x00), 20) ? 1 : 0;
    QVERIFY2(orange > 50, qPrintable(QString::number(orange)));
}

void tst_TimelineView::cpuWorkOnTheLoopTurnsTheLoopLaneRed()
{
    // The anti-pattern model records the cooking it does on the loop as tasks on an event-loop
    // lane: they belong on the loop lane, as a blocked (red) stretch, not on a worker row.
    m_trace.taskLanes.push_back(TaskLane { LaneKind::EventLoop, 1, 0 });
    TaskRecord cooking;
    cooking.lane = 2;
    cooking.kind = TaskKind::CpuWork;
    cooking.startNs = 700 * ms;
    cooking.endNs = 900 * ms;
    m_trace.tasks.push_back(cooking);
    m_view->traceChanged();
    const TimelineLayout &l = m_view->layoutForTesting();
    QCOMPARE(l.workerLaneCount, 2);
    QCOMPARE(l.loopTaskLanes, std::vector<int> { 2 });
    const QImage image = render();
    QVERIFY(share(image, box(-1, 800 * ms), phaseStyle(Phase::BlockedHeld).fill) > 0.5);
    // Before the cooking the loop lane is not red there.
    QCOMPARE(share(image, box(-1, 300 * ms), phaseStyle(Phase::BlockedHeld).fill), 0.0);
}

// Issue 16 item 9: two orders back to back on one worker read as two (a light line where the
// second begins) and each bar carries its order's number when it fits; a task of no order
// (CPU work on its own) carries none.
void tst_TimelineView::workerBarsShowTheirOrders()
{
    TaskRecord second;
    second.lane = 1;
    second.kind = TaskKind::HeldWaiting;
    second.request = 2;
    second.startNs = 700 * ms; // right after #2's held wait, 200..700 ms
    second.endNs = 1000 * ms;
    m_trace.tasks.push_back(second);
    m_view->traceChanged();
    const QImage image = render();
    const TimelineLayout &l = m_view->layoutForTesting();
    const int top = l.workerTop + l.workerLaneHeight; // worker 2
    const int mid = top + l.workerLaneHeight / 2;
    const QColor white(Qt::white);
    // The boundary at 700 ms: near-white in the middle of the lane, red on either side.
    const int boundary = int(l.timeToX(700 * ms));
    bool line = false;
    for (int x = boundary - 1; x <= boundary + 1; ++x)
        line = line || near(image.pixel(x, mid), white, 40);
    QVERIFY2(line, "no line where the second order begins");
    const auto whiteIn = [&](qint64 from, qint64 to, int laneTop) {
        int n = 0;
        const int laneMid = laneTop + l.workerLaneHeight / 2; // inside the bar's inset
        for (int y = laneMid - 2; y <= laneMid + 2; ++y)
            for (int x = int(l.timeToX(from)) + 3; x < int(l.timeToX(to)) - 2; ++x)
                n += near(image.pixel(x, y), white, 40) ? 1 : 0;
        return n;
    };
    QVERIFY2(whiteIn(200 * ms, 700 * ms, top) > 5, "no order number in #2's bar");
    QVERIFY2(whiteIn(700 * ms, 1000 * ms, top) > 5, "no order number in #3's bar");
    // Worker 1's CPU task (100..300 ms) belongs to no order: no number in it.
    QCOMPARE(whiteIn(100 * ms, 300 * ms, l.workerTop), 0);
}

// Lanes a little thinner than a line of text are each named (in a smaller type), not every other.
void tst_TimelineView::thinLanesAreAllNamed()
{
    const QFontMetrics fm(m_view->font());
    QFont small = m_view->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    const double thin = std::max<double>(QFontMetrics(small).height() - 1, fm.height() - 3);
    QVERIFY(thin < fm.height() + 2);
    m_view->setLaneHeight(thin);
    const QImage image = render();
    const TimelineLayout &l = m_view->layoutForTesting();
    for (int lane = 0; lane < l.requestLaneCount; ++lane) {
        const QRect gutter(
            l.labelLeft, l.requestLaneY(lane), l.plotRect.left() - l.labelLeft - 2, l.requestLaneH(lane));
        int dark = 0;
        for (int y = gutter.top(); y <= gutter.bottom(); ++y)
            for (int x = gutter.left(); x <= gutter.right(); ++x)
                dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
        QVERIFY2(dark > 3, qPrintable(QStringLiteral("lane %1 has no name").arg(lane + 1)));
    }
}

// The teacher's tools: the loop lane says how idle the cashier was over what is shown, up to now:
// busy 400..450 and 600..610 ms of 0..1.1 s is idle 94.5%, written under the lane's name.
void tst_TimelineView::loopLaneSaysHowIdle()
{
    QCOMPARE(loopIdleShare(m_trace, 0, 1100 * ms), 1.0 - 60.0 / 1100.0);
    QCOMPARE(loopIdleLabel(loopIdleShare(m_trace, 0, 1100 * ms), QLocale::c()), QStringLiteral("idle 94.5%"));
    QCOMPARE(loopIdleLabel(0.994, QLocale(QLocale::Spanish)), QStringLiteral("idle 99,4%"));
    QCOMPARE(loopIdleShare(m_trace, 400 * ms, 450 * ms), 0.0);
    RunTrace none;
    QCOMPARE(loopIdleShare(none, 0, 1000), -1.0);
    // Drawn: dark pixels in the gutter under the name, in the lower part of the loop lane.
    const QImage image = render();
    const TimelineLayout &l = m_view->layoutForTesting();
    const QRect lower(l.labelLeft, l.loopLane.top() + l.loopLane.height() / 2 + 1,
        l.plotRect.left() - l.labelLeft - 2, l.loopLane.height() / 2 - 1);
    int dark = 0;
    for (int y = lower.top(); y <= lower.bottom(); ++y)
        for (int x = lower.left(); x <= lower.right(); ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    QVERIFY2(dark > 5, "no idle figure under the loop lane's name");
    // Without loop samples there is no figure, only the name.
    m_trace.loopBusy.clear();
    m_view->traceChanged();
    const QImage plain = render();
    int plainDark = 0;
    for (int y = lower.top(); y <= lower.bottom(); ++y)
        for (int x = lower.left(); x <= lower.right(); ++x)
            plainDark += qGray(plain.pixel(x, y)) < 128 ? 1 : 0;
    QVERIFY2(plainDark < dark, qPrintable(QStringLiteral("%1 vs %2").arg(plainDark).arg(dark)));
}

// Hovering the job board tells what the client's board said then, since which poll, and what the
// jobs really were: two jobs, one running 0..250 ms, polls every 100 ms.
void tst_TimelineView::jobBoardToolTipSaysWhatThePollRead()
{
    RunTrace t;
    for (int k = 0; k < 2; ++k) {
        JobRecord job;
        job.id = "job-00000" + QByteArray::number(k + 1);
        job.acceptedNs = 0;
        job.startedNs = k == 0 ? 0 : 250 * ms;
        job.endedNs = k == 0 ? 250 * ms : 900 * ms;
        job.status = JobStatus::Done;
        t.jobs.push_back(job);
    }
    for (qint64 p = 100; p <= 1000; p += 100)
        t.jobPollsNs.push_back(p * ms);
    t.endNs = 1000 * ms;
    m_view->setLive(false);
    m_view->setTrace(&t);
    m_view->state()->setVisibleRange(0, 1200 * ms);
    render();
    const TimelineLayout &l = m_view->layoutForTesting();
    QVERIFY(!l.jobBoardLane.isEmpty());
    const QPoint at(int(l.timeToX(260 * ms)), l.jobBoardLane.center().y());
    QHelpEvent help(QEvent::ToolTip, at, m_view->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(m_view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString text = QToolTip::text();
    QVERIFY2(
        text.contains(QStringLiteral("the board said pending 1 · running 1 · done 0 · failed 0 (read at the "
                                     "poll at 200 ms; the next at 300 ms)")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("The jobs themselves: pending 0 · running 1 · done 1 · failed 0")),
        qPrintable(text));
    QToolTip::hideText();
    m_view->setTrace(&m_trace);
}

QTEST_MAIN(tst_TimelineView)
#include "tst_timelineview.moc"
