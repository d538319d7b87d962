#include "metrics/serverhistogram.h"
#include "metrics/statistics.h"
#include "session/metricsscraper.h"
#include "session/runsession.h"
#include "sim/simmetrics.h"
#include "sim/simulator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace BurgerBench;

namespace {

// A /metrics that misbehaves, on a thread of its own (the scraper's baseline scrape blocks the
// session's thread, which is this test's).
class BadMetricsServer : public QObject
{
public:
    enum Behaviour { Slow, NotFound, Garbage };

    explicit BadMetricsServer(Behaviour behaviour)
        : m_behaviour(behaviour)
    {
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++requests;
                    if (m_behaviour == Slow) // answered long after the scraper's deadline
                        QTimer::singleShot(
                            3000, socket, [socket] { answer(socket, 200, "vllm:num_requests_waiting 1\n"); });
                    else if (m_behaviour == NotFound)
                        answer(socket, 404, "{\"detail\":\"Not Found\"}");
                    else
                        answer(socket, 200, "<html><body>It works!</body></html>\n\x01\x02 garbage {\n");
                });
            }
        });
    }
    bool listen() { return m_server->listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_server->serverPort()));
    }
    QAtomicInt requests;

private:
    static void answer(QTcpSocket *socket, int status, const QByteArray &body)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Not Found")
            + "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body);
    }

    Behaviour m_behaviour;
    QTcpServer *m_server = new QTcpServer(this); // a child: moves to the server's thread with it
};

Scenario kitchenScenario(int requests, int concurrency, int capacity)
{
    Scenario s;
    s.name = QStringLiteral("kitchen");
    s.mode = ExecutionMode::Concurrent;
    s.requests = requests;
    s.concurrency = concurrency;
    s.simulator.ttftMs = 60;
    s.simulator.tokenIntervalMs = 4;
    s.simulator.outputTokens = 8;
    s.simulator.capacity = capacity;
    s.serverMetrics = QStringLiteral("auto");
    s.serverMetricsIntervalMs = 50;
    return s;
}

RunResult run(const Scenario &scenario, std::shared_ptr<SimulatorThread> simulator = {})
{
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunRequest request;
    request.scenario = scenario;
    request.simulator = std::move(simulator);
    QString error;
    if (!session.start(request, &error)) {
        qWarning() << error;
        return {};
    }
    if (!finished.wait(120'000))
        return {};
    return session.takeResult();
}

// The simulator's waiting count (in progress, not admitted) at `t` on its own clock.
int truthWaiting(const QJsonArray &requests, double t)
{
    int waiting = 0;
    for (const auto &v : requests) {
        const QJsonObject r = v.toObject();
        const double arrival = r.value(QLatin1String("arrival_ns")).toDouble();
        const QJsonValue admitted = r.value(QLatin1String("admitted_ns"));
        const QJsonValue end = r.value(QLatin1String("end_ns"));
        if (arrival <= t && (admitted.isNull() || admitted.toDouble() > t)
            && (end.isNull() || end.toDouble() > t))
            ++waiting;
    }
    return waiting;
}

} // namespace

class tst_MetricsScraper : public QObject
{
    Q_OBJECT

private slots:
    void autoUrl();
    void kitchenQueueAgainstSimulator();
    void badEndpoints_data();
    void badEndpoints();
};

void tst_MetricsScraper::autoUrl()
{
    QCOMPARE(
        serverMetricsUrl(QStringLiteral("auto"), QUrl(QStringLiteral("http://u:p@10.0.0.2:8000/v1?x=1"))),
        QUrl(QStringLiteral("http://u:p@10.0.0.2:8000/metrics")));
    QCOMPARE(serverMetricsUrl(QStringLiteral("http://h:9090/m"), QUrl(QStringLiteral("http://x:1"))),
        QUrl(QStringLiteral("http://h:9090/m")));
    QVERIFY(!serverMetricsUrl(QString(), QUrl(QStringLiteral("http://x:1"))).isValid());
    QVERIFY(!serverMetricsUrl(QStringLiteral("auto"), QUrl()).isValid());
}

// The "done when": capacity 4, 32 concurrent requests (64 in all). The waiting series
// reaches 28 and drains to 0; each sample agrees with the simulator's ground truth at its time on
// the run's clock (within its uncertainty); the server TTFT percentiles from the histogram's
// bucket differences fall within one bucket of the ground truth's.
void tst_MetricsScraper::kitchenQueueAgainstSimulator()
{
    const Scenario scenario = kitchenScenario(64, 32, 4);
    auto simulator = std::make_shared<SimulatorThread>();
    QVERIFY(simulator->start(scenario.simulator));
    const RunResult result = run(scenario, simulator);
    const RunTrace &trace = result.trace;
    QCOMPARE(int(trace.requests.size()), 64);
    QCOMPARE(result.summary.completed, 64);

    const ServerMetricsRecord &m = trace.serverMetrics;
    QCOMPARE(m.url, simulator->url().toString() + QStringLiteral("/metrics"));
    QCOMPARE(m.intervalMs, 50);
    QCOMPARE(m.server, QStringLiteral("vllm"));
    QCOMPARE(m.failedScrapes, 0);
    QVERIFY2(m.scrapes >= 10, qPrintable(QString::number(m.scrapes)));
    QCOMPARE(int(m.log.size()), m.scrapes);
    const ServerSeries *waiting = m.find(QStringLiteral("waiting"));
    const ServerSeries *running = m.find(QStringLiteral("running"));
    QVERIFY(waiting && running);
    QCOMPARE(waiting->name, QStringLiteral("vllm:num_requests_waiting"));
    QCOMPARE(waiting->kind, QStringLiteral("gauge"));
    QCOMPARE(int(waiting->samples.size()), m.scrapes);
    double peakWaiting = 0;
    double peakRunning = 0;
    for (const auto &s : waiting->samples)
        peakWaiting = std::max(peakWaiting, s.second);
    for (const auto &s : running->samples)
        peakRunning = std::max(peakRunning, s.second);
    QCOMPARE(peakWaiting, 28.0);
    QCOMPARE(peakRunning, 4.0);
    QCOMPARE(waiting->samples.front().second, 0.0); // the baseline, before the first order
    QCOMPARE(waiting->samples.back().second, 0.0); // the final scrape, after the last
    QVERIFY(waiting->samples.front().first < 0); // baseline before the run clock's zero
    QVERIFY(waiting->samples.back().first > trace.endNs); // final after the last request settled

    // /sim/stats agrees: 32 in at once, 4 running, so 28 waited.
    const QJsonObject stats = simulator->simulator()->stats();
    QCOMPARE(stats.value(QLatin1String("peak_concurrent")).toInt()
            - stats.value(QLatin1String("peak_running")).toInt(),
        28);
    // The clock alignment: each sample's value is the ground truth at some moment within
    // [t - uncertainty, t + uncertainty] on the run's clock (the simulator's clock moved onto it
    // through both CLOCK_MONOTONIC origins), with 1 ms for the gap between the simulator's
    // timestamps and its counters.
    const double simToRun = stats.value(QLatin1String("clock_origin_monotonic_ns")).toDouble()
        - double(trace.clockOriginMonotonicNs);
    QVERIFY(trace.clockOriginMonotonicNs > 0);
    const QJsonArray requests = stats.value(QLatin1String("requests")).toArray();
    std::vector<double> events; // arrivals, admissions and ends on the run's clock
    for (const auto &v : requests) {
        for (const char *key : { "arrival_ns", "admitted_ns", "end_ns" }) {
            const QJsonValue t = v.toObject().value(QLatin1String(key));
            if (!t.isNull())
                events.push_back(t.toDouble() + simToRun);
        }
    }
    int midRun = 0;
    for (std::size_t i = 0; i < waiting->samples.size(); ++i) {
        const ServerScrape &scrape = m.log[i];
        QCOMPARE(waiting->samples[i].first, scrape.midNs());
        QVERIFY(scrape.uncertaintyNs() >= 0);
        const double from = double(scrape.sentNs) - 1e6;
        const double to = double(scrape.receivedNs) + 1e6;
        int lo = truthWaiting(requests, from - simToRun);
        int hi = lo;
        for (double e : events) {
            if (e >= from && e <= to) {
                const int w = truthWaiting(requests, e - simToRun);
                lo = std::min(lo, w);
                hi = std::max(hi, w);
            }
        }
        const int w = truthWaiting(requests, to - simToRun);
        lo = std::min(lo, w);
        hi = std::max(hi, w);
        const double value = waiting->samples[i].second;
        QVERIFY2(value >= lo && value <= hi,
            qPrintable(QStringLiteral("scrape %1 at %2 ms: waiting %3, ground truth %4..%5")
                           .arg(i)
                           .arg(double(scrape.midNs()) / 1e6)
                           .arg(value)
                           .arg(lo)
                           .arg(hi)));
        midRun += value > 0 ? 1 : 0;
    }
    QVERIFY2(midRun >= 3, "too few scrapes saw the queue");

    // Server TTFT over the run's window, from bucket differences.
    ServerHistogramWindow ttft;
    QVERIFY(serverHistogramWindow(m, QStringLiteral("ttft"), 0, trace.endNs + qint64(1e12), &ttft));
    QCOMPARE(ttft.family, QStringLiteral("vllm:time_to_first_token_seconds"));
    QCOMPARE(ttft.count, 64.0);
    QCOMPARE(int(ttft.buckets.size()), int(SimMetrics::ttftBuckets().size()) + 1);
    std::vector<double> truth;
    for (const auto &v : requests) {
        const QJsonObject r = v.toObject();
        truth.push_back((r.value(QLatin1String("first_token_ns")).toDouble()
                            - r.value(QLatin1String("arrival_ns")).toDouble())
            / 1e9);
    }
    std::sort(truth.begin(), truth.end());
    QVERIFY(truth.back() > 0.3); // the last of them waited through several TTFTs: many buckets
    for (double rank : { 50.0, 90.0, 99.0 }) {
        const double server = ttft.quantile(rank / 100);
        const double exact = Statistics::percentileSorted(truth, rank);
        QVERIFY2(std::abs(ttft.bucketOf(server) - ttft.bucketOf(exact)) <= 1,
            qPrintable(
                QStringLiteral("p%1: server %2 s, ground truth %3 s").arg(rank).arg(server).arg(exact)));
    }
    // Counters as rates: generation tokens, positive while the kitchen cooks, 512 in all.
    const ServerSeries *generated = m.find(QStringLiteral("generation_tokens"));
    QVERIFY(generated);
    QCOMPARE(generated->samples.back().second - generated->samples.front().second, 512.0);
    const auto rates = counterRates(*generated);
    QVERIFY(!rates.empty());
    QVERIFY(std::any_of(rates.begin(), rates.end(), [](const auto &r) { return r.second > 0; }));
}

void tst_MetricsScraper::badEndpoints_data()
{
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<QString>("error");
    QTest::newRow("slow") << int(BadMetricsServer::Slow) << QStringLiteral("timeout after 1000 ms");
    QTest::newRow("404") << int(BadMetricsServer::NotFound) << QStringLiteral("http 404");
    QTest::newRow("garbage") << int(BadMetricsServer::Garbage)
                             << QStringLiteral("not Prometheus text: line 1:");
}

// A /metrics that is slow, 404s or returns garbage: every scrape failed and counted, and the run's
// own figures are those of the same run with no scraping.
void tst_MetricsScraper::badEndpoints()
{
    QFETCH(int, behaviour);
    QFETCH(QString, error);
    QThread serverThread;
    auto *server = new BadMetricsServer(BadMetricsServer::Behaviour(behaviour));
    server->moveToThread(&serverThread);
    serverThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        server, [&] { listening = server->listen(); }, Qt::BlockingQueuedConnection);
    QVERIFY(listening);

    Scenario scenario = kitchenScenario(16, 8, 4);
    scenario.serverMetrics = server->url().toString();
    const RunResult bad = run(scenario);
    scenario.serverMetrics.clear();
    const RunResult control = run(scenario);
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();

    const ServerMetricsRecord &m = bad.trace.serverMetrics;
    QVERIFY(m.enabled());
    QVERIFY2(
        m.scrapes >= 2, qPrintable(QString::number(m.scrapes))); // the baseline and the final one at least
    QCOMPARE(m.failedScrapes, m.scrapes);
    QVERIFY(m.series.empty());
    for (const ServerScrape &s : m.log) {
        QVERIFY(!s.ok);
        QVERIFY2(s.error.startsWith(error), qPrintable(s.error));
        QVERIFY(s.receivedNs >= s.sentNs);
    }
    if (behaviour == BadMetricsServer::Slow)
        QVERIFY2(m.lateTicks > 0, "intervals that came while a scrape hung were not counted");
    QVERIFY(!control.trace.serverMetrics.enabled());
    qDebug() << "scrapes" << m.scrapes << "late" << m.lateTicks << "first error" << m.log.front().error
             << "run" << double(bad.trace.endNs) / 1e6 << "ms, control" << double(control.trace.endNs) / 1e6
             << "ms";

    QCOMPARE(bad.summary.completed, 16);
    QCOMPARE(bad.summary.failed, 0);
    QCOMPARE(bad.summary.completed, control.summary.completed);
    QCOMPARE(bad.summary.incomplete, control.summary.incomplete);
    QCOMPARE(bad.summary.ttft.count, control.summary.ttft.count);
    qint64 badTokens = 0;
    qint64 controlTokens = 0;
    for (const RequestRecord &r : bad.trace.requests)
        badTokens += qint64(r.tokenNs.size());
    for (const RequestRecord &r : control.trace.requests)
        controlTokens += qint64(r.tokenNs.size());
    QCOMPARE(badTokens, controlTokens);
    // The failing scrapes did not slow the load: 16 orders through 4 cooks take four TTFT rounds
    // either way (60 ms TTFT + 8 tokens at 4 ms); a scrape waiting on its deadline would add ~1 s.
    QVERIFY2(bad.trace.endNs < control.trace.endNs + 500'000'000,
        qPrintable(
            QStringLiteral("%1 ms against %2 ms").arg(bad.trace.endNs / 1e6).arg(control.trace.endNs / 1e6)));
}

QTEST_GUILESS_MAIN(tst_MetricsScraper)
#include "tst_metricsscraper.moc"
