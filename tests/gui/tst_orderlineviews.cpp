// One line, one number (issue 16): while a run goes on, the story picture, the statistics' "In
// line" and the timeline count the orders waiting to be sent the same way (trace/orderline.h),
// and the timeline draws them, in Sequential mode (orders the engine has not taken yet) and in an
// open loop (orders held at the gate, and arrivals not due yet, told apart). Real runs against
// the built-in simulator, checked on what each view draws or shows.
#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/scenarioeditor.h"
#include "gui/statspanel.h"
#include "gui/storypanel.h"
#include "gui/storypicture.h"
#include "gui/timelineview.h"
#include "gui/translations.h"
#include "render/legend.h"
#include "render/timelinepainter.h"
#include "trace/orderline.h"

#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace BurgerBench;

namespace {

// The count the picture writes under its "In line" zone, and its band's "not due yet" text.
struct PictureText
{
    QString inLine;
    QString notDue;
};

PictureText pictureText(StoryPicture *picture)
{
    picture->grab(); // paints, so textItems() is what is on screen now
    PictureText out;
    const auto &items = picture->textItems();
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].full == QLatin1String("In line") && i + 1 < items.size())
            out.inLine = items[i + 1].full;
        if (items[i].full.startsWith(QLatin1String("not due yet")))
            out.notDue = items[i].full;
    }
    return out;
}

// Request lanes that show the legend's "In line" fill just before the now line: the orders in
// line at that moment, as drawn.
int linesAtNow(const QImage &image, const TimelineLayout &layout)
{
    const QColor queued = phaseStyle(Phase::Queued).fill;
    const int nowX = int(std::floor(layout.timeToX(layout.nowNs)));
    int rows = 0;
    for (int lane = layout.firstLane; lane < layout.requestLaneCount; ++lane) {
        const int y = layout.runRowY(lane, 0);
        const int h = layout.runRowH(lane, 0);
        bool found = false;
        for (int x = nowX - 7; x <= nowX - 3 && !found; ++x) {
            for (int yy = y; yy < y + h && !found; ++yy)
                found = image.rect().contains(x, yy) && QColor(image.pixel(x, yy)) == queued;
        }
        rows += found ? 1 : 0;
    }
    return rows;
}

// Whether the label's rectangle holds something besides the background (its text and swatch).
bool drawsSomething(const QImage &image, const QRect &rect)
{
    int inked = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            inked += QColor(image.pixel(x, y)) != QColor(Qt::white) ? 1 : 0;
    return inked > 20;
}

Scenario quickScenario()
{
    Scenario s;
    s.name = QStringLiteral("line");
    s.requests = 6;
    s.maxTokens = 5;
    s.simulator.ttftMs = 250;
    s.simulator.tokenIntervalMs = 20;
    s.simulator.outputTokens = 5;
    return s;
}

} // namespace

class tst_OrderLineViews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sequentialLineIsOneNumberEverywhere();
    void openLoopLineAndArrivalsNotDue();

private:
    // Starts `s` and polls while it runs until `wanted` says the line at that moment is worth
    // checking; then `check` runs on that moment. Returns false if no such moment came.
    template<typename Wanted, typename Check> bool atMomentOf(const Scenario &s, Wanted wanted, Check check);

    Translations m_translations;
};

void tst_OrderLineViews::initTestCase()
{
    QVERIFY(m_translations.setLanguage(QStringLiteral("en")));
}

template<typename Wanted, typename Check>
bool tst_OrderLineViews::atMomentOf(const Scenario &s, Wanted wanted, Check check)
{
    MainWindow window(&m_translations);
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    if (!window.startRun(&error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    const RunController *run = window.runController();
    bool seen = false;
    for (int attempt = 0; attempt < 600 && !seen; ++attempt) {
        QTest::qWait(10);
        if (!run->isRunning() || !finished.isEmpty())
            break;
        const OrderLine line = orderLineAt(run->trace(), run->nowNs());
        if (!wanted(line))
            continue;
        check(window, line);
        seen = true;
    }
    if (!finished.wait(30000) && run->isRunning())
        return false;
    return seen;
}

void tst_OrderLineViews::sequentialLineIsOneNumberEverywhere()
{
    Scenario s = quickScenario();
    s.mode = ExecutionMode::Sequential;
    s.concurrency = 4; // Sequential sends one at a time whatever the cap says
    int checked = -1;
    const bool seen = atMomentOf(
        s, [](const OrderLine &line) { return line.notTaken >= 2 && line.notTaken <= 4; },
        [&](MainWindow &window, const OrderLine &line) {
            const int n = line.inLine();
            QCOMPARE(line.notTaken, n); // nobody is held at a gate: the others are not taken yet
            QCOMPARE(line.notDue, 0);
            // The story's count, drawn under "In line".
            StoryPicture *picture = window.storyPanel()->findChild<StoryPicture *>();
            QVERIFY(picture);
            const PictureText text = pictureText(picture);
            QCOMPARE(text.inLine, QString::number(n));
            QVERIFY(text.notDue.isEmpty());
            // The statistics' "In line".
            QCOMPARE(window.statsPanel()->findChild<QLabel *>(QStringLiteral("queuedValue"))->text(),
                QString::number(n));
            // A closed loop has no schedule, so no "Not due yet" row.
            QVERIFY(window.statsPanel()->findChild<QLabel *>(QStringLiteral("notDueValue"))->isHidden());
            QVERIFY(window.statsPanel()->findChild<QLabel *>(QStringLiteral("notDueCaption"))->isHidden());
            // The timeline: a lane per waiting order, in the line's colour at the now line, and
            // the count beside it.
            TimelineView *view = window.timeline();
            const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
            const TimelineLayout &layout = view->layoutForTesting();
            QCOMPARE(layout.lineNotTaken, n);
            QCOMPARE(layout.requestLaneCount, 6); // every planned order has its lane already
            QCOMPARE(linesAtNow(image, layout), n);
            QCOMPARE(layout.lineLabel, QStringLiteral("%1 in line").arg(n));
            QVERIFY(drawsSomething(image, layout.lineLabelRect));
            checked = n;
        });
    QVERIFY2(seen, "no moment with two to four orders not taken");
    QVERIFY(checked >= 2);
}

void tst_OrderLineViews::openLoopLineAndArrivalsNotDue()
{
    // One slot, an arrival every 150 ms, each order ~0.35 s: a line forms at the gate while the
    // later arrivals are not due yet.
    Scenario s = quickScenario();
    s.mode = ExecutionMode::Concurrent;
    s.concurrency = 1;
    s.rate = 1000.0 / 150;
    int checked = -1;
    const bool seen = atMomentOf(
        s, [](const OrderLine &line) { return line.atGate >= 1 && line.notDue >= 1; },
        [&](MainWindow &window, const OrderLine &line) {
            const int n = line.inLine();
            QCOMPARE(line.atGate, n);
            StoryPicture *picture = window.storyPanel()->findChild<StoryPicture *>();
            QVERIFY(picture);
            const PictureText text = pictureText(picture);
            QCOMPARE(text.inLine, QString::number(n));
            QCOMPARE(text.notDue, QStringLiteral("not due yet: %1").arg(line.notDue));
            QCOMPARE(window.statsPanel()->findChild<QLabel *>(QStringLiteral("queuedValue"))->text(),
                QString::number(n));
            QCOMPARE(window.statsPanel()->findChild<QLabel *>(QStringLiteral("notDueValue"))->text(),
                QString::number(line.notDue));
            QVERIFY(!window.statsPanel()->findChild<QLabel *>(QStringLiteral("notDueValue"))->isHidden());
            TimelineView *view = window.timeline();
            const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
            const TimelineLayout &layout = view->layoutForTesting();
            QCOMPARE(layout.lineNotTaken, 0); // an open loop's plan not recorded yet is not due
            QCOMPARE(linesAtNow(image, layout), n); // the arrivals held at the gate, up to now
            QCOMPARE(layout.lineLabel, QStringLiteral("%1 in line · %2 not due yet").arg(n).arg(line.notDue));
            QVERIFY(drawsSomething(image, layout.lineLabelRect));
            checked = n;
        });
    QVERIFY2(seen, "no moment with orders at the gate and arrivals not due");
    QVERIFY(checked >= 1);

    // The picture of the finished run (an export) counts no line.
    RunTrace done;
    done.scenario = s;
    QImage image(800, 300, QImage::Format_RGB32);
    QPainter painter(&image);
    const TimelineIndex index(done);
    const TimelineLayout layout = timelineLayout(image.rect(), painter.font(), done, index, {});
    QVERIFY(layout.lineLabel.isEmpty());
    QCOMPARE(layout.lineNotTaken, 0);
}

QTEST_MAIN(tst_OrderLineViews)
#include "tst_orderlineviews.moc"
