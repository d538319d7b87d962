// Timestamped replay end to end (issue 12 item 5): a dataset's rows are sent at their timestamp x
// time_scale from the start of the measured phase, which is each request's intended send time
// (so lateness is client queue time and schedule-relative latency, the ghost bars). Judged by
// the simulator's own arrival stamps (GET /sim/stats arrival_ns, on CLOCK_MONOTONIC).
#include "metrics/statistics.h"
#include "metrics/summary.h"
#include "report/jsonreport.h"
#include "scenario/scenario.h"
#include "session/runsession.h"
#include "sim/simulator.h"
#include "workload/sessionplan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <random>

using namespace BurgerBench;

namespace {

// `n` rows at `rate` per second (exponential gaps, seeded), written in shuffled order: the
// replay must sort them by time. Returns the timestamps in ms.
std::vector<qint64> writeTrace(const QString &path, int n, double rate, bool timestamps = true)
{
    std::mt19937_64 rng(5);
    std::exponential_distribution<double> gap(rate / 1000.0);
    std::vector<qint64> ts;
    double t = 0;
    for (int i = 0; i < n; ++i) {
        ts.push_back(qint64(std::llround(t)));
        t += gap(rng);
    }
    std::vector<int> order(size_t(n), 0);
    for (int i = 0; i < n; ++i)
        order[size_t(i)] = i;
    std::shuffle(order.begin(), order.end(), rng);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    for (int i : order) {
        QJsonObject row { { QStringLiteral("prompt"), QStringLiteral("order number %1 with fries").arg(i) },
            { QStringLiteral("output_tokens"), 4 } };
        if (timestamps)
            row.insert(QStringLiteral("timestamp"), double(ts[size_t(i)]));
        f.write(QJsonDocument(row).toJson(QJsonDocument::Compact) + '\n');
    }
    return ts;
}

SimulatorSettings fastSim()
{
    SimulatorSettings sim;
    sim.ttftMs = 2;
    sim.tokenIntervalMs = 1;
    sim.outputTokens = 0;
    return sim;
}

Scenario replayScenario(const QString &dataset)
{
    Scenario s;
    s.name = QStringLiteral("replay");
    s.requests = 0; // every row
    s.concurrency = 32;
    s.timeoutS = 30;
    s.idleTimeoutS = 15;
    s.workload.dataset = dataset;
    s.simulator = fastSim();
    return s;
}

struct Run
{
    RunResult result;
    QJsonObject stats;
};

bool run(const Scenario &s, Run *out, QString *error)
{
    auto thread = std::make_shared<SimulatorThread>();
    if (!thread->start(s.simulator, error))
        return false;
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunRequest request;
    request.scenario = s;
    request.simulator = thread;
    if (!session.start(request, error))
        return false;
    if (!finished.wait(120'000)) {
        *error = QStringLiteral("the run did not finish");
        return false;
    }
    out->result = session.takeResult();
    out->stats = thread->simulator()->stats();
    return true;
}

} // namespace

class tst_Replay : public QObject
{
    Q_OBJECT
private slots:
    void arrivalsFromRows();
    void followsTheTimestamps_data();
    void followsTheTimestamps();
    void replayOnNeedsTimestamps();
    void autoWithoutTimestampsIsClosedLoop();
    void blockingWorkersRefuseAReplay();

private:
    QTemporaryDir m_dir;
};

void tst_Replay::arrivalsFromRows()
{
    std::vector<DatasetRow> rows(4);
    const qint64 ts[] = { 1'700'000'000'300, 1'700'000'000'100, 1'700'000'000'100, 1'700'000'000'000 };
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i].timestampMs = ts[i];
    WorkloadSettings w;
    w.dataset = QStringLiteral("trace.jsonl");
    w.timeScale = 0.5;
    std::vector<ReplayArrival> out;
    QString error;
    QVERIFY(replayArrivals(rows, w, 0, &out, &error));
    QCOMPARE(out.size(), size_t(4));
    // From the earliest row (epoch times start at once), scaled, in time order, ties as read.
    QCOMPARE(out[0].planIndex, 3u);
    QCOMPARE(out[0].offsetNs, 0);
    QCOMPARE(out[1].planIndex, 1u);
    QCOMPARE(out[2].planIndex, 2u);
    QCOMPARE(out[1].offsetNs, 50'000'000);
    QCOMPARE(out[3].planIndex, 0u);
    QCOMPARE(out[3].offsetNs, 150'000'000);
    // load.rate wins over auto; off ignores the times; sessions never replay.
    QVERIFY(replayArrivals(rows, w, 10, &out, &error) && out.empty());
    w.replay = QStringLiteral("off");
    QVERIFY(replayArrivals(rows, w, 0, &out, &error) && out.empty());
    // One row without a time: auto runs untimed, on is an error naming the row.
    rows[2].timestampMs = -1;
    w.replay = QStringLiteral("auto");
    QVERIFY(replayArrivals(rows, w, 0, &out, &error) && out.empty());
    w.replay = QStringLiteral("on");
    QVERIFY(!replayArrivals(rows, w, 0, &out, &error));
    QVERIFY2(error.startsWith(QLatin1String("workload.replay:")) && error.contains(QLatin1String("row 3")),
        qPrintable(error));
}

void tst_Replay::followsTheTimestamps_data()
{
    QTest::addColumn<double>("timeScale");
    QTest::addColumn<int>("transport");
    QTest::newRow("50 req/s, qnam") << 1.0 << int(Transport::Qnam);
    QTest::newRow("50 req/s, socket") << 1.0 << int(Transport::Socket);
    QTest::newRow("25 req/s of trace time at time_scale 0.5") << 0.5 << int(Transport::Qnam);
}

void tst_Replay::followsTheTimestamps()
{
    QFETCH(double, timeScale);
    QFETCH(int, transport);
    QString tag = QLatin1String(QTest::currentDataTag());
    tag.replace(u' ', u'_').replace(u'/', u'_'); // "50 req/s" names no folder
    const QString path = m_dir.filePath(QStringLiteral("trace-%1.jsonl").arg(tag));
    // 50 requests/s on the wire: at time_scale 0.5 the trace itself runs at 25 per second.
    const std::vector<qint64> ts = writeTrace(path, 200, 50 * timeScale);
    QVERIFY(!ts.empty());
    Scenario s = replayScenario(path);
    s.workload.timeScale = timeScale;
    s.transport = Transport(transport);
    Run r;
    QString error;
    QVERIFY2(run(s, &r, &error), qPrintable(error));
    const RunTrace &trace = r.result.trace;
    QCOMPARE(r.result.summary.completed, 200);
    // The run says it was a replay (the summary's Load line, meta.replayed_rows), and reads back so.
    QCOMPARE(trace.replayedRows, 200);
    const QJsonObject report = QJsonDocument::fromJson(JsonReport::toBytes(trace, r.result.summary)).object();
    QCOMPARE(
        report.value(QLatin1String("meta")).toObject().value(QLatin1String("replayed_rows")).toInt(), 200);
    RunTrace back;
    QVERIFY2(JsonReport::fromJson(report, &back, &error), qPrintable(error));
    QCOMPARE(back.replayedRows, 200);

    // The intended send times are the trace's, scaled, from the start of the measured phase.
    std::vector<qint64> intended, expected;
    for (const RequestRecord &q : trace.requests)
        intended.push_back(q.intendedNs - trace.measuredStartNs);
    for (qint64 t : ts)
        expected.push_back(qint64(std::llround(double(t) * timeScale * 1e6)));
    std::sort(intended.begin(), intended.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(intended, expected);
    // Sent in time order.
    for (size_t i = 1; i < trace.requests.size(); ++i)
        QVERIFY(trace.requests[i].intendedNs >= trace.requests[i - 1].intendedNs);

    // Lateness at the server: its arrival stamp, on the run's clock, against the intended time.
    const double simToRun = r.stats.value(QLatin1String("clock_origin_monotonic_ns")).toDouble()
        - double(trace.clockOriginMonotonicNs);
    QVERIFY(trace.clockOriginMonotonicNs > 0);
    std::map<QString, double> arrival;
    for (const auto &v : r.stats.value(QLatin1String("requests")).toArray())
        arrival[v.toObject().value(QLatin1String("id")).toString()]
            = v.toObject().value(QLatin1String("arrival_ns")).toDouble() + simToRun;
    std::vector<double> lateMs;
    for (const RequestRecord &q : trace.requests) {
        const auto it = arrival.find(QString::fromLatin1(q.id));
        QVERIFY(it != arrival.end());
        lateMs.push_back((it->second - double(q.intendedNs)) / 1e6);
    }
    std::sort(lateMs.begin(), lateMs.end());
    const double median = Statistics::percentileSorted(lateMs, 50);
    const double p99 = Statistics::percentileSorted(lateMs, 99);
    qInfo(
        "replay at time_scale %.2f: simulator arrival - trace time: median %.3f ms, p99 %.3f ms, max %.3f ms",
        timeScale, median, p99, lateMs.back());
    QVERIFY2(lateMs.front() > -0.5, "nothing may arrive before its time");
    // The bounds are 2 ms median and 10 ms p99 (met here on an idle machine; see the
    // qInfo line); asserted looser, for CI's sanitizers on a loaded 2-core machine.
    QVERIFY2(median < 6, qPrintable(QString::number(median)));
    QVERIFY2(p99 < 40, qPrintable(QString::number(p99)));
    // Lateness is recorded, never hidden: schedule-relative latency for every success.
    QCOMPARE(r.result.summary.scheduleLatency.count, 200);
    QCOMPARE(r.result.summary.queue.count, 200);
}

void tst_Replay::replayOnNeedsTimestamps()
{
    const QString path = m_dir.filePath(QStringLiteral("untimed.jsonl"));
    QVERIFY(!writeTrace(path, 10, 50, false).empty());
    Scenario s = replayScenario(path);
    s.requests = 10;
    s.workload.replay = QStringLiteral("on");
    Run r;
    QString error;
    QVERIFY(!run(s, &r, &error));
    QVERIFY2(
        error.startsWith(QLatin1String("workload.replay:")) && error.contains(QLatin1String("timestamp")),
        qPrintable(error));
    // All rows with requests 0 needs the timestamps to end the run.
    s.workload.replay = QStringLiteral("auto");
    s.requests = 0;
    QVERIFY(!run(s, &r, &error));
    QVERIFY2(error.startsWith(QLatin1String("load:")), qPrintable(error));
}

void tst_Replay::autoWithoutTimestampsIsClosedLoop()
{
    const QString path = m_dir.filePath(QStringLiteral("untimed2.jsonl"));
    QVERIFY(!writeTrace(path, 10, 50, false).empty());
    Scenario s = replayScenario(path);
    s.requests = 20;
    s.concurrency = 4;
    Run r;
    QString error;
    QVERIFY2(run(s, &r, &error), qPrintable(error));
    QCOMPARE(r.result.summary.completed, 20);
    // Closed loop: intended when a lane came free, so the first round at the start.
    int atStart = 0;
    for (const RequestRecord &q : r.result.trace.requests)
        atStart += q.intendedNs == r.result.trace.measuredStartNs ? 1 : 0;
    QCOMPARE(atStart, 4);
    QCOMPARE(r.result.trace.replayedRows, 0); // the summary's Load line says no replay
}

void tst_Replay::blockingWorkersRefuseAReplay()
{
    const QString path = m_dir.filePath(QStringLiteral("timed.jsonl"));
    QVERIFY(!writeTrace(path, 10, 50).empty());
    Scenario s = replayScenario(path);
    s.mode = ExecutionMode::ParallelBlocking;
    s.requests = 10;
    s.burstiness = 0;
    Run r;
    QString error;
    QVERIFY(!run(s, &r, &error));
    QVERIFY2(error.startsWith(QLatin1String("workload.replay:")), qPrintable(error));
    s.workload.replay = QStringLiteral("off");
    QVERIFY2(run(s, &r, &error), qPrintable(error));
    QCOMPARE(r.result.summary.completed, 10);
}

QTEST_GUILESS_MAIN(tst_Replay)
#include "tst_replay.moc"
