// The blocking client of the parallel-blocking workers against the simulator: every outcome is
// classified as the event-loop engine classifies it, the keep-alive connection is reused, and
// timeouts and cancels end a blocked wait.
#include "engine/loadengine.h"
#include "parallel/blockinghttp.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace BurgerBench;

Q_DECLARE_METATYPE(BurgerBench::Outcome)
Q_DECLARE_METATYPE(BurgerBench::ErrorKind)

namespace {

Scenario quickScenario()
{
    Scenario s;
    s.maxTokens = 5;
    s.idleTimeoutS = 10;
    s.timeoutS = 30;
    return s;
}

} // namespace

class tst_ParallelBlockingHttp : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void outcomes_data();
    void outcomes();
    void keepAliveIsReused();
    void nonStreaming();
    void refusedConnection();
    void idleTimeoutEndsTheWait();
    void cancelEndsTheWait();

private:
    QUrl endpoint() const { return LoadEngine::endpointUrl(m_sim->url(), Endpoint::Chat); }
    std::optional<SimulatorThread> m_sim;
};

void tst_ParallelBlockingHttp::initTestCase()
{
    SimulatorSettings sim;
    sim.ttftMs = 100;
    sim.tokenIntervalMs = 20;
    sim.outputTokens = 5;
    sim.faults.stallSeconds = 5;
    m_sim.emplace();
    QString error;
    QVERIFY2(m_sim->start(sim, &error), qPrintable(error));
}

void tst_ParallelBlockingHttp::outcomes_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("success") << QByteArray("none") << Outcome::Success << ErrorKind::None << 200;
    QTest::newRow("http 500") << QByteArray("http_500") << Outcome::Failed << ErrorKind::Http << 500;
    QTest::newRow("http 429") << QByteArray("http_429") << Outcome::Failed << ErrorKind::Http << 429;
    QTest::newRow("error in the stream")
        << QByteArray("stream_error") << Outcome::Failed << ErrorKind::StreamError << 200;
    QTest::newRow("malformed chunk") << QByteArray("malformed") << Outcome::Failed
                                     << ErrorKind::MalformedChunk << 200;
    QTest::newRow("no [DONE]") << QByteArray("missing_done") << Outcome::Failed << ErrorKind::MissingDone
                               << 200;
    QTest::newRow("reset mid-stream")
        << QByteArray("reset") << Outcome::Failed << ErrorKind::ConnectionReset << 200;
}

void tst_ParallelBlockingHttp::outcomes()
{
    QFETCH(QByteArray, fault);
    QFETCH(Outcome, outcome);
    QFETCH(ErrorKind, kind);
    QFETCH(int, status);
    BlockingHttpClient client(quickScenario(), endpoint(), QByteArray());
    QElapsedTimer clock;
    clock.start();
    RequestRecord r;
    r.id = "bb-test-" + fault;
    client.perform(&r, clock, nullptr, "X-Sim-Fault: " + fault + "\r\n");
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.error, kind);
    QCOMPARE(r.httpStatus, status);
    QVERIFY(r.dispatchNs >= 0 && r.endNs >= r.dispatchNs);
    QVERIFY(r.headersNs >= r.dispatchNs);
    if (outcome == Outcome::Success) {
        QCOMPARE(int(r.tokenNs.size()), 5);
        QCOMPARE(r.outputTokens, 5);
        QVERIFY(r.outputTokensFromUsage);
        // The first token came after the simulated TTFT, and tokens are in time order.
        QVERIFY2(r.firstTokenNs() - r.dispatchNs >= 90'000'000,
            qPrintable(QString::number(r.firstTokenNs() - r.dispatchNs)));
        QVERIFY(std::is_sorted(r.tokenNs.begin(), r.tokenNs.end()));
        QVERIFY(r.lastTokenNs() <= r.endNs);
        QVERIFY(!r.text.isEmpty());
    } else {
        QVERIFY(!r.errorMessage.isEmpty() || kind == ErrorKind::ConnectionReset);
    }
}

void tst_ParallelBlockingHttp::keepAliveIsReused()
{
    m_sim->simulator()->reset();
    const int before = m_sim->simulator()->stats().value(QLatin1String("connections_accepted")).toInt();
    BlockingHttpClient client(quickScenario(), endpoint(), QByteArray());
    QVERIFY(client.preconnect());
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 3; ++i) {
        RequestRecord r;
        r.id = "bb-keepalive-" + QByteArray::number(i);
        client.perform(&r, clock, nullptr);
        QCOMPARE(r.outcome, Outcome::Success);
    }
    const QJsonObject stats = m_sim->simulator()->stats();
    QCOMPARE(stats.value(QLatin1String("requests_received")).toInt(), 3);
    QCOMPARE(stats.value(QLatin1String("connections_accepted")).toInt() - before, 1);
}

void tst_ParallelBlockingHttp::nonStreaming()
{
    Scenario s = quickScenario();
    s.stream = false;
    BlockingHttpClient client(s, endpoint(), QByteArray());
    QElapsedTimer clock;
    clock.start();
    RequestRecord r;
    r.id = "bb-whole";
    client.perform(&r, clock, nullptr);
    QCOMPARE(r.outcome, Outcome::Success);
    QVERIFY(r.tokenNs.empty());
    QCOMPARE(r.outputTokens, 5);
    QVERIFY(!r.text.isEmpty());
}

void tst_ParallelBlockingHttp::refusedConnection()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    BlockingHttpClient client(quickScenario(), LoadEngine::endpointUrl(url, Endpoint::Chat), QByteArray());
    QElapsedTimer clock;
    clock.start();
    RequestRecord r;
    client.perform(&r, clock, nullptr);
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.error, ErrorKind::ConnectionRefused);
}

void tst_ParallelBlockingHttp::idleTimeoutEndsTheWait()
{
    Scenario s = quickScenario();
    s.idleTimeoutS = 0.3;
    BlockingHttpClient client(s, endpoint(), QByteArray());
    QElapsedTimer clock;
    clock.start();
    RequestRecord r;
    client.perform(&r, clock, nullptr, "X-Sim-Fault: stall\r\n");
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.error, ErrorKind::TimeoutIdle);
    const qint64 waited = r.endNs - r.dispatchNs;
    QVERIFY2(waited >= 300'000'000 && waited < 3'000'000'000, qPrintable(QString::number(waited)));
}

void tst_ParallelBlockingHttp::cancelEndsTheWait()
{
    BlockingHttpClient client(quickScenario(), endpoint(), QByteArray());
    std::atomic<bool> cancel { true };
    QElapsedTimer clock;
    clock.start();
    RequestRecord r;
    client.perform(&r, clock, &cancel, "X-Sim-Fault: stall\r\n");
    QCOMPARE(r.outcome, Outcome::Incomplete);
    QCOMPARE(r.error, ErrorKind::Cancelled);
    QVERIFY(r.endNs - r.dispatchNs < 2'000'000'000);
}

QTEST_GUILESS_MAIN(tst_ParallelBlockingHttp)
#include "tst_parallelblockinghttp.moc"
