#include "gui/timelineviewstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace BurgerBench;

// The timeline's view state without any widget: zoom, pan, fit, follow and selection rules, and
// that every signal fires once per real change and never for a no-op.
class tst_TimelineViewState : public QObject
{
    Q_OBJECT
private slots:
    void setVisibleRangeEmitsOnlyOnChange_data();
    void setVisibleRangeEmitsOnlyOnChange();
    void zoomKeepsAnchor_data();
    void zoomKeepsAnchor();
    void zoomOutPastTheRunIsFitAll();
    void extentMovesTheWindow_data();
    void extentMovesTheWindow();
    void panStopsFollowing();
    void zoomIntoThePastStopsFollowing();
    void selectionSignalsOnce_data();
    void selectionSignalsOnce();
    void rangeIsNormalised_data();
    void rangeIsNormalised();
    void laneModeResetsScroll();
    void resetRestoresDefaults();
};

void tst_TimelineViewState::setVisibleRangeEmitsOnlyOnChange_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("expectedFrom");
    QTest::addColumn<qint64>("expectedTo");

    QTest::newRow("plain window") << qint64(100) << qint64(1'000'000) << qint64(100) << qint64(1'000'000);
    QTest::newRow("negative start is clamped, width kept")
        << qint64(-500) << qint64(1'000'000) << qint64(0) << qint64(1'000'500);
    QTest::newRow("narrower than the minimum is widened")
        << qint64(1000) << qint64(1001) << qint64(1000) << qint64(1000 + TimelineViewState::MinSpanNs);
    QTest::newRow("reversed window becomes the minimum")
        << qint64(5000) << qint64(10) << qint64(5000) << qint64(5000 + TimelineViewState::MinSpanNs);
}

void tst_TimelineViewState::setVisibleRangeEmitsOnlyOnChange()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, expectedFrom);
    QFETCH(qint64, expectedTo);
    TimelineViewState state;
    QSignalSpy range(&state, &TimelineViewState::visibleRangeChanged);
    QSignalSpy fit(&state, &TimelineViewState::fitModeChanged);
    state.setVisibleRange(from, to);
    QCOMPARE(state.fromNs(), expectedFrom);
    QCOMPARE(state.toNs(), expectedTo);
    QCOMPARE(range.count(), 1);
    QCOMPARE(range.at(0).at(0).toLongLong(), expectedFrom);
    QCOMPARE(range.at(0).at(1).toLongLong(), expectedTo);
    QCOMPARE(fit.count(), 1); // left fit mode, once
    QVERIFY(!state.fitMode());
    // The same window again changes nothing and says nothing.
    state.setVisibleRange(from, to);
    QCOMPARE(range.count(), 1);
    QCOMPARE(fit.count(), 1);
}

void tst_TimelineViewState::zoomKeepsAnchor_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<qint64>("anchor");
    QTest::addColumn<qint64>("expectedSpan");
    QTest::newRow("in 2x at the middle") << 0.5 << qint64(5'000'000) << qint64(5'000'000);
    QTest::newRow("in 4x near the start") << 0.25 << qint64(1'000'000) << qint64(2'500'000);
    QTest::newRow("out 2x at a third") << 2.0 << qint64(4'000'000) << qint64(20'000'000);
    QTest::newRow("in beyond the limit stops at 10 us")
        << 1e-9 << qint64(5'000'000) << qint64(TimelineViewState::MinSpanNs);
}

void tst_TimelineViewState::zoomKeepsAnchor()
{
    QFETCH(double, factor);
    QFETCH(qint64, anchor);
    QFETCH(qint64, expectedSpan);
    TimelineViewState state;
    state.setExtent(1'000'000'000);
    state.setVisibleRange(1'000'000, 11'000'000);
    const double before = double(anchor - state.fromNs()) / double(state.spanNs());
    QSignalSpy range(&state, &TimelineViewState::visibleRangeChanged);
    state.zoom(factor, anchor);
    QCOMPARE(range.count(), 1);
    QCOMPARE(state.spanNs(), expectedSpan);
    const double after = double(anchor - state.fromNs()) / double(state.spanNs());
    if (state.fromNs() > 0)
        QVERIFY2(qAbs(after - before) < 1e-3, qPrintable(QStringLiteral("%1 vs %2").arg(after).arg(before)));
}

void tst_TimelineViewState::zoomOutPastTheRunIsFitAll()
{
    TimelineViewState state;
    state.setExtent(2'000'000'000);
    state.setVisibleRange(500'000'000, 600'000'000);
    QVERIFY(!state.fitMode());
    QSignalSpy fit(&state, &TimelineViewState::fitModeChanged);
    for (int i = 0; i < 40 && !state.fitMode(); ++i)
        state.zoomOut(550'000'000);
    QVERIFY(state.fitMode());
    QCOMPARE(fit.count(), 1);
    QCOMPARE(state.fromNs(), qint64(0));
    QVERIFY(state.toNs() >= 2'000'000'000);
}

void tst_TimelineViewState::extentMovesTheWindow_data()
{
    QTest::addColumn<bool>("fit");
    QTest::addColumn<bool>("follow");
    QTest::addColumn<qint64>("expectedFrom");
    QTest::addColumn<qint64>("expectedTo");
    // Window 1..2 s, then the run grows to 5 s.
    QTest::newRow("fit: whole run plus 2% headroom") << true << true << qint64(0) << qint64(5'100'000'000);
    QTest::newRow("follow: same width, slid to now")
        << false << true << qint64(4'020'000'000) << qint64(5'020'000'000);
    QTest::newRow("neither: stays put") << false << false << qint64(1'000'000'000) << qint64(2'000'000'000);
}

void tst_TimelineViewState::extentMovesTheWindow()
{
    QFETCH(bool, fit);
    QFETCH(bool, follow);
    QFETCH(qint64, expectedFrom);
    QFETCH(qint64, expectedTo);
    TimelineViewState state;
    state.setFollowLive(follow);
    if (fit)
        state.fitAll();
    else
        state.setVisibleRange(1'000'000'000, 2'000'000'000);
    state.setExtent(1'500'000'000);
    QSignalSpy range(&state, &TimelineViewState::visibleRangeChanged);
    state.setExtent(5'000'000'000);
    QCOMPARE(state.fromNs(), expectedFrom);
    QCOMPARE(state.toNs(), expectedTo);
    QCOMPARE(range.count(), expectedFrom == 1'000'000'000 ? 0 : 1);
    state.setExtent(5'000'000'000);
    QCOMPARE(range.count(), expectedFrom == 1'000'000'000 ? 0 : 1);
}

// Issue 16 item 9: a wheel zoom into the past during a live run stays there as the run grows;
// one around the live edge keeps following it.
void tst_TimelineViewState::zoomIntoThePastStopsFollowing()
{
    constexpr qint64 s = 1'000'000'000;
    TimelineViewState state;
    state.setExtent(10 * s); // fit all: 0 .. 10.2 s, following
    QVERIFY(state.followLive());
    state.zoom(0.25, 2 * s);
    QVERIFY(!state.followLive());
    const qint64 from = state.fromNs();
    const qint64 to = state.toNs();
    QVERIFY(to < 10 * s);
    state.setExtent(12 * s); // the run goes on: the view stays where it was zoomed
    QCOMPARE(state.fromNs(), from);
    QCOMPARE(state.toNs(), to);

    TimelineViewState live;
    live.setExtent(10 * s);
    live.zoom(0.5, 10 * s); // around the edge
    QVERIFY(live.followLive());
    QVERIFY(live.toNs() >= 10 * s);
    live.setExtent(12 * s);
    QVERIFY2(live.toNs() >= 12 * s, "the edge stays in view");
}

void tst_TimelineViewState::panStopsFollowing()
{
    TimelineViewState state;
    state.setVisibleRange(1'000'000, 2'000'000);
    QVERIFY(state.followLive());
    QSignalSpy follow(&state, &TimelineViewState::followLiveChanged);
    QSignalSpy range(&state, &TimelineViewState::visibleRangeChanged);
    state.pan(500'000);
    QCOMPARE(state.fromNs(), qint64(1'500'000));
    QCOMPARE(state.toNs(), qint64(2'500'000));
    QCOMPARE(follow.count(), 1);
    QCOMPARE(follow.at(0).at(0).toBool(), false);
    QCOMPARE(range.count(), 1);
    state.pan(-10'000'000); // cannot go before the run's start; keeps its width
    QCOMPARE(state.fromNs(), qint64(0));
    QCOMPARE(state.toNs(), qint64(1'000'000));
    QCOMPARE(follow.count(), 1);
    state.pan(0);
    QCOMPARE(range.count(), 2);
}

void tst_TimelineViewState::selectionSignalsOnce_data()
{
    QTest::addColumn<QList<int>>("sequence");
    QTest::addColumn<int>("expectedSignals");
    QTest::addColumn<int>("expectedSelection");
    QTest::newRow("select one") << QList<int> { 3 } << 1 << 3;
    QTest::newRow("same twice") << QList<int> { 3, 3 } << 1 << 3;
    QTest::newRow("select, other, clear") << QList<int> { 3, 5, -1 } << 3 << -1;
    QTest::newRow("clearing nothing") << QList<int> { -1, -7 } << 0 << -1;
}

void tst_TimelineViewState::selectionSignalsOnce()
{
    QFETCH(QList<int>, sequence);
    QFETCH(int, expectedSignals);
    QFETCH(int, expectedSelection);
    TimelineViewState state;
    QSignalSpy spy(&state, &TimelineViewState::selectedRequestChanged);
    for (int request : sequence)
        state.setSelectedRequest(request);
    QCOMPARE(spy.count(), expectedSignals);
    QCOMPARE(state.selectedRequest(), expectedSelection);
}

void tst_TimelineViewState::rangeIsNormalised_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("expectedFrom");
    QTest::addColumn<qint64>("expectedTo");
    QTest::newRow("forward") << qint64(10) << qint64(20) << qint64(10) << qint64(20);
    QTest::newRow("dragged backwards") << qint64(20) << qint64(10) << qint64(10) << qint64(20);
    QTest::newRow("empty clears") << qint64(10) << qint64(10) << qint64(-1) << qint64(-1);
    QTest::newRow("before the run clears") << qint64(-5) << qint64(10) << qint64(-1) << qint64(-1);
}

void tst_TimelineViewState::rangeIsNormalised()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, expectedFrom);
    QFETCH(qint64, expectedTo);
    TimelineViewState state;
    QSignalSpy spy(&state, &TimelineViewState::rangeChanged);
    state.setRange(from, to);
    QCOMPARE(state.rangeFromNs(), expectedFrom);
    QCOMPARE(state.rangeToNs(), expectedTo);
    QCOMPARE(spy.count(), expectedFrom < 0 ? 0 : 1); // starts cleared: clearing again is no change
    QCOMPARE(state.hasRange(), expectedFrom >= 0);
}

void tst_TimelineViewState::laneModeResetsScroll()
{
    TimelineViewState state;
    state.setFirstLane(40);
    QSignalSpy mode(&state, &TimelineViewState::laneByRequestChanged);
    QSignalSpy lane(&state, &TimelineViewState::firstLaneChanged);
    state.setLaneByRequest(true); // already
    QCOMPARE(mode.count(), 0);
    state.setLaneByRequest(false);
    QCOMPARE(mode.count(), 1);
    QCOMPARE(lane.count(), 1);
    QCOMPARE(state.firstLane(), 0);
    state.setFirstLane(-3);
    QCOMPARE(lane.count(), 1);
}

void tst_TimelineViewState::resetRestoresDefaults()
{
    TimelineViewState state;
    state.setExtent(9'000'000'000);
    state.setVisibleRange(1'000, 2'000'000);
    state.setFollowLive(false);
    state.setSelectedRequest(4);
    state.setRange(100, 200);
    state.reset();
    QVERIFY(state.fitMode());
    QVERIFY(state.followLive());
    QCOMPARE(state.selectedRequest(), -1);
    QVERIFY(!state.hasRange());
    QCOMPARE(state.fromNs(), qint64(0));
    QCOMPARE(state.toNs(), qint64(1'000'000'000)); // an empty run shows one second
}

QTEST_GUILESS_MAIN(tst_TimelineViewState)
#include "tst_timelineviewstate.moc"
