#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/scenarioeditor.h"
#include "gui/settings.h"
#include "gui/timelineview.h"
#include "gui/translations.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>

#include <time.h>

namespace {
// CPU time of the calling thread: what the GUI thread itself spends, whatever else competes for
// the cores (the engine's and simulator's threads, other processes).
qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace

using namespace BurgerBench;

// The window's frame time while 1,000 simulated streams run: the engine (its own thread) fires
// 1,000 concurrent streaming requests at the built-in simulator (another thread); each measured
// frame merges whatever live deltas arrived and repaints. Run it offscreen or under Xvfb:
//   QT_QPA_PLATFORM=offscreen build/dev/bench/bench_timeline_window
class bench_TimelineWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void frameWhileStreaming_data();
    void frameWhileStreaming();
    void cleanupTestCase();

private:
    void startStreams();
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<MainWindow> m_window;
};

void bench_TimelineWindow::initTestCase()
{
    Settings::setVolatile(true);
    m_translations = std::make_unique<Translations>();
    m_translations->setLanguage(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(m_translations.get());
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    startStreams();
}

void bench_TimelineWindow::startStreams()
{
    Scenario s;
    s.name = QStringLiteral("1,000 streams");
    s.mode = ExecutionMode::Concurrent;
    s.concurrency = 1000;
    s.requests = 4000;
    s.maxTokens = 400;
    s.stream = true;
    s.simulator.ttftMs = 300;
    s.simulator.tokenIntervalMs = 25; // 40 tokens/s per stream: 40,000 token events/s at full load
    s.simulator.outputTokens = 400;
    m_window->scenarioEditor()->setScenario(s);
    QString error;
    QVERIFY2(m_window->startRun(&error), qPrintable(error));
    // Wait until the streams are all in flight (the ramp-up is not what we measure).
    QElapsedTimer ramp;
    ramp.start();
    while (m_window->runController()->progress().inFlight < 950 && ramp.elapsed() < 60000)
        QTest::qWait(50);
    QVERIFY2(m_window->runController()->progress().inFlight >= 950,
        qPrintable(QString::number(m_window->runController()->progress().inFlight)));
    QTest::qWait(3000); // a few seconds of streaming: tens of thousands of token events on screen
}

void bench_TimelineWindow::frameWhileStreaming_data()
{
    QTest::addColumn<bool>("wholeWindow");
    QTest::newRow("timeline: index rebuilt + full repaint (worst case per live update)") << false;
    QTest::newRow("window: one live update handled, dirty widgets repainted") << true;
}

void bench_TimelineWindow::frameWhileStreaming()
{
    QFETCH(bool, wholeWindow);
    QVERIFY(m_window->isRunning());
    TimelineView *timeline = m_window->timeline();
    const auto timelineFrame = [&] {
        // The index is rebuilt and the cached picture thrown away, as when a live update lands.
        QCoreApplication::processEvents();
        timeline->traceChanged();
        timeline->viewport()->repaint();
    };
    const auto windowFrame = [&] {
        // What the GUI thread does per live update in the app: the queued delta is merged, the
        // statistics, story and details follow, and Qt repaints the widgets that changed.
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(); // the update requests those handlers posted
        QCoreApplication::processEvents();
    };
    QElapsedTimer clock;
    qint64 cpuStart = 0;
    QList<double> cpu;
    const auto frame = [&] {
        if (wholeWindow) {
            // Let one live interval pass without touching the queue (not timed), then time the
            // handling of what arrived.
            QThread::msleep(quint32(m_window->runController()->liveIntervalMs()));
            clock.start();
            cpuStart = threadCpuNs();
            windowFrame();
        } else {
            clock.start();
            cpuStart = threadCpuNs();
            timelineFrame();
        }
        cpu << double(threadCpuNs() - cpuStart) / 1e6;
        return double(clock.nsecsElapsed()) / 1e6;
    };
    QList<double> frames;
    qint64 worstLagNs = 0;
    for (int i = 0; i < 100; ++i) {
        frames << frame();
        worstLagNs = std::max(worstLagNs, m_window->runController()->progress().lastLoopLagNs);
    }
    QBENCHMARK
    {
        frame();
    }
    std::sort(frames.begin(), frames.end());
    std::sort(cpu.begin(), cpu.end());
    const auto progress = m_window->runController()->progress();
    qInfo("%lld frames: wall median %.2f ms, p95 %.2f ms, max %.2f ms; GUI-thread CPU median %.2f ms, p95 "
          "%.2f ms; "
          "in flight %d, done %d, token events %lld, requests in trace %lld, engine loop lag worst %.2f ms",
        qlonglong(frames.size()), frames.at(frames.size() / 2), frames.at(frames.size() * 95 / 100),
        frames.last(), cpu.at(cpu.size() / 2), cpu.at(cpu.size() * 95 / 100), progress.inFlight,
        progress.completed, progress.tokens, qlonglong(m_window->runController()->trace().requests.size()),
        double(worstLagNs) / 1e6);
    QVERIFY(progress.inFlight >= 500); // still measuring under load
}

void bench_TimelineWindow::cleanupTestCase()
{
    if (m_window && m_window->isRunning()) {
        QSignalSpy finished(m_window.get(), &MainWindow::runFinished);
        m_window->stopRun();
        finished.wait(60000);
    }
    m_window.reset();
}

QTEST_MAIN(bench_TimelineWindow)
#include "bench_timeline_window.moc"
