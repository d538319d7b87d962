#include "render/timeformat.h"
#include "render/timelinecoordinates.h"

#include <QTest>

using namespace BurgerBench;

class tst_TimelineCoordinates : public QObject
{
    Q_OBJECT
private slots:
    void timeToPixel_data();
    void timeToPixel();
    void pixelToTimeRoundTrip_data();
    void pixelToTimeRoundTrip();
    void laneAt_data();
    void laneAt();
    void laneTopInvertsLaneAt_data();
    void laneTopInvertsLaneAt();
    void tickStep_data();
    void tickStep();
    void zoomAroundKeepsAnchor_data();
    void zoomAroundKeepsAnchor();
    void formatAxisTime_data();
    void formatAxisTime();
};

void tst_TimelineCoordinates::timeToPixel_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("expected");

    QTest::newRow("start maps to left") << qint64(0) << qint64(0) << qint64(1000) << 10.0 << 100.0 << 10.0;
    QTest::newRow("end maps to right") << qint64(1000) << qint64(0) << qint64(1000) << 10.0 << 100.0 << 110.0;
    QTest::newRow("middle") << qint64(500) << qint64(0) << qint64(1000) << 0.0 << 200.0 << 100.0;
    QTest::newRow("offset window") << qint64(2'000'000'000) << qint64(1'000'000'000) << qint64(3'000'000'000)
                                   << 50.0 << 400.0 << 250.0;
    QTest::newRow("before window is left of it")
        << qint64(-500) << qint64(0) << qint64(1000) << 0.0 << 100.0 << -50.0;
    QTest::newRow("after window is right of it")
        << qint64(1500) << qint64(0) << qint64(1000) << 0.0 << 100.0 << 150.0;
    QTest::newRow("degenerate window does not divide by zero")
        << qint64(5) << qint64(5) << qint64(5) << 0.0 << 100.0 << 0.0;
    QTest::newRow("a 1000 s run keeps ns precision")
        << qint64(999'999'999'999) << qint64(0) << qint64(1'000'000'000'000) << 0.0 << 1e6 << 999999.999999;
}

void tst_TimelineCoordinates::timeToPixel()
{
    QFETCH(qint64, time);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(double, left);
    QFETCH(double, width);
    QFETCH(double, expected);
    QVERIFY2(qAbs(BurgerBench::timeToPixel(time, from, to, left, width) - expected) < 1e-6,
        qPrintable(QString::number(BurgerBench::timeToPixel(time, from, to, left, width), 'f', 9)));
}

void tst_TimelineCoordinates::pixelToTimeRoundTrip_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("x");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("left edge") << qint64(0) << qint64(1000) << 100.0 << 0.0 << qint64(0);
    QTest::newRow("pixel 25 of 100 over 1 us") << qint64(0) << qint64(1000) << 100.0 << 25.0 << qint64(250);
    QTest::newRow("offset window") << qint64(1'000'000) << qint64(2'000'000) << 1000.0 << 500.0
                                   << qint64(1'500'000);
    QTest::newRow("rounds to nearest ns") << qint64(0) << qint64(10) << 3.0 << 1.0 << qint64(3);
    QTest::newRow("zero width gives the window start") << qint64(7) << qint64(70) << 0.0 << 12.0 << qint64(7);
}

void tst_TimelineCoordinates::pixelToTimeRoundTrip()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(double, width);
    QFETCH(double, x);
    QFETCH(qint64, expected);
    const double left = 40;
    const qint64 t = pixelToTime(left + x, from, to, left, width);
    QCOMPARE(t, expected);
    if (width > 0)
        QVERIFY(qAbs(BurgerBench::timeToPixel(t, from, to, left, width) - (left + x))
            <= width / double(to - from));
}

void tst_TimelineCoordinates::laneAt_data()
{
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("top");
    QTest::addColumn<double>("laneHeight");
    QTest::addColumn<int>("firstLane");
    QTest::addColumn<int>("laneCount");
    QTest::addColumn<int>("expected");

    QTest::newRow("first pixel of the first lane") << 100.0 << 100.0 << 20.0 << 0 << 8 << 0;
    QTest::newRow("last pixel of the first lane") << 119.9 << 100.0 << 20.0 << 0 << 8 << 0;
    QTest::newRow("first pixel of the second lane") << 120.0 << 100.0 << 20.0 << 0 << 8 << 1;
    QTest::newRow("above the lanes") << 99.0 << 100.0 << 20.0 << 0 << 8 << -1;
    QTest::newRow("below the last lane") << 260.0 << 100.0 << 20.0 << 0 << 8 << -1;
    QTest::newRow("scrolled by 5 lanes") << 130.0 << 100.0 << 20.0 << 5 << 8 << 6;
    QTest::newRow("scrolled past the end") << 150.0 << 100.0 << 20.0 << 6 << 8 << -1;
    QTest::newRow("fractional lanes: 10 per pixel") << 102.5 << 100.0 << 0.1 << 0 << 100000 << 25;
    QTest::newRow("zero height") << 120.0 << 100.0 << 0.0 << 0 << 8 << -1;
}

void tst_TimelineCoordinates::laneAt()
{
    QFETCH(double, y);
    QFETCH(double, top);
    QFETCH(double, laneHeight);
    QFETCH(int, firstLane);
    QFETCH(int, laneCount);
    QFETCH(int, expected);
    QCOMPARE(BurgerBench::laneAt(y, top, laneHeight, firstLane, laneCount), expected);
}

void tst_TimelineCoordinates::laneTopInvertsLaneAt_data()
{
    QTest::addColumn<double>("laneHeight");
    QTest::addColumn<int>("firstLane");
    QTest::newRow("20 px lanes") << 20.0 << 0;
    QTest::newRow("7 px lanes scrolled") << 7.0 << 3;
    QTest::newRow("2.5 px lanes") << 2.5 << 0;
}

void tst_TimelineCoordinates::laneTopInvertsLaneAt()
{
    QFETCH(double, laneHeight);
    QFETCH(int, firstLane);
    for (int lane = firstLane; lane < firstLane + 20; ++lane) {
        const double top = laneTop(lane, 50, laneHeight, firstLane);
        QCOMPARE(BurgerBench::laneAt(top + laneHeight / 2, 50, laneHeight, firstLane, 1000), lane);
    }
}

void tst_TimelineCoordinates::tickStep_data()
{
    QTest::addColumn<qint64>("range");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("minSpacing");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("2 s over 1000 px, 100 px apart")
        << qint64(2'000'000'000) << 1000.0 << 100.0 << qint64(200'000'000);
    QTest::newRow("2 s over 500 px") << qint64(2'000'000'000) << 500.0 << 100.0 << qint64(500'000'000);
    QTest::newRow("16 s over 800 px") << qint64(16'000'000'000) << 800.0 << 80.0 << qint64(2'000'000'000);
    QTest::newRow("1 ms over 1000 px") << qint64(1'000'000) << 1000.0 << 100.0 << qint64(100'000);
    QTest::newRow("tiny range") << qint64(3) << 1000.0 << 100.0 << qint64(1);
    QTest::newRow("empty range") << qint64(0) << 1000.0 << 100.0 << qint64(1);
}

void tst_TimelineCoordinates::tickStep()
{
    QFETCH(qint64, range);
    QFETCH(double, width);
    QFETCH(double, minSpacing);
    QFETCH(qint64, expected);
    const qint64 step = BurgerBench::tickStep(range, width, minSpacing);
    QCOMPARE(step, expected);
    if (range > 10)
        QVERIFY(double(step) * width / double(range) >= minSpacing);
}

void tst_TimelineCoordinates::zoomAroundKeepsAnchor_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("anchor");
    QTest::addColumn<double>("factor");
    QTest::addColumn<qint64>("expectedSpan");

    QTest::newRow("zoom in 2x at the middle")
        << qint64(0) << qint64(1000) << qint64(500) << 0.5 << qint64(500);
    QTest::newRow("zoom in 2x at a quarter")
        << qint64(0) << qint64(1000) << qint64(250) << 0.5 << qint64(500);
    QTest::newRow("zoom out 2x") << qint64(1000) << qint64(2000) << qint64(1200) << 2.0 << qint64(2000);
    QTest::newRow("clamped at the minimum span")
        << qint64(0) << qint64(1000) << qint64(500) << 0.001 << qint64(100);
}

void tst_TimelineCoordinates::zoomAroundKeepsAnchor()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, anchor);
    QFETCH(double, factor);
    QFETCH(qint64, expectedSpan);
    const double before = BurgerBench::timeToPixel(anchor, from, to, 0, 800);
    zoomAround(anchor, factor, 100, &from, &to);
    QCOMPARE(to - from, expectedSpan);
    QVERIFY(qAbs(BurgerBench::timeToPixel(anchor, from, to, 0, 800) - before) < 1.0);
}

void tst_TimelineCoordinates::formatAxisTime_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << qint64(1'000'000) << QStringLiteral("0");
    QTest::newRow("quarter seconds") << qint64(1'250'000'000) << qint64(250'000'000)
                                     << QStringLiteral("1.25 s");
    QTest::newRow("whole seconds") << qint64(3'000'000'000) << qint64(1'000'000'000) << QStringLiteral("3 s");
    QTest::newRow("50 ms steps") << qint64(150'000'000) << qint64(50'000'000) << QStringLiteral("150 ms");
    QTest::newRow("microseconds") << qint64(20'000) << qint64(10'000) << QStringLiteral("20 µs");
}

void tst_TimelineCoordinates::formatAxisTime()
{
    QFETCH(qint64, time);
    QFETCH(qint64, step);
    QFETCH(QString, expected);
    QCOMPARE(BurgerBench::formatAxisTime(time, step), expected);
}

QTEST_GUILESS_MAIN(tst_TimelineCoordinates)
#include "tst_timelinecoordinates.moc"
