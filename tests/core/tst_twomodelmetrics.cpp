#include "metrics/summary.h"
#include "report/chrometrace.h"
#include "report/htmlreport.h"
#include "report/perfettotrace.h"
#include "report/servermetricscsv.h"
#include "session/metricsscraper.h"
#include "trace/livetrace.h"
#include "trace/runtrace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace BurgerBench;

namespace {

// What a vLLM 0.8 endpoint serving two models (behind one router, labels as vLLM writes them)
// answered on /metrics, cut to the families the kitchen draws; the gauges' values are the
// placeholders %RA, %RB (running), %WA, %WB (waiting) filled per scrape.
const char TwoModelVllm[] = R"(# HELP vllm:num_requests_running Number of requests in model execution batches.
# TYPE vllm:num_requests_running gauge
vllm:num_requests_running{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} %RA
vllm:num_requests_running{engine="0",model_name="Qwen/Qwen2.5-7B-Instruct"} %RB
# HELP vllm:num_requests_waiting Number of requests waiting to be processed.
# TYPE vllm:num_requests_waiting gauge
vllm:num_requests_waiting{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} %WA
vllm:num_requests_waiting{engine="0",model_name="Qwen/Qwen2.5-7B-Instruct"} %WB
# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.
# TYPE vllm:kv_cache_usage_perc gauge
vllm:kv_cache_usage_perc{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 0.42
vllm:kv_cache_usage_perc{engine="0",model_name="Qwen/Qwen2.5-7B-Instruct"} 0.17
# HELP vllm:num_preemptions_total Cumulative number of preemption from the engine.
# TYPE vllm:num_preemptions_total counter
vllm:num_preemptions_total{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 0.0
vllm:num_preemptions_total{engine="0",model_name="Qwen/Qwen2.5-7B-Instruct"} 0.0
)";

const QString Llama = QStringLiteral("meta-llama/Llama-3.1-8B-Instruct");
const QString Qwen = QStringLiteral("Qwen/Qwen2.5-7B-Instruct");

// The k-th answer (from 0): Llama has 4 cooking and 3k waiting, Qwen 2 cooking and k waiting.
QByteArray answerFor(int k)
{
    QByteArray body(TwoModelVllm);
    body.replace("%RA", "4.0").replace("%RB", "2.0");
    body.replace("%WA", QByteArray(QByteArray::number(3 * k) + ".0"))
        .replace("%WB", QByteArray(QByteArray::number(k) + ".0"));
    return body;
}

// Serves answerFor(0), answerFor(1), ... on its own thread (the scraper's baseline blocks ours).
class TwoModelServer : public QObject
{
public:
    TwoModelServer()
    {
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_pending[socket].append(socket->readAll());
                    while (m_pending[socket].contains("\r\n\r\n")) {
                        m_pending[socket].remove(0, m_pending[socket].indexOf("\r\n\r\n") + 4);
                        const QByteArray body = answerFor(m_answered++);
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\n"
                                      "Content-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    }
                });
            }
        });
    }
    bool listen() { return m_server->listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_server->serverPort()));
    }

private:
    QTcpServer *m_server = new QTcpServer(this);
    QHash<QTcpSocket *, QByteArray> m_pending;
    int m_answered = 0;
};

const ServerSeries *seriesOf(const ServerMetricsRecord &m, const QString &metric, const QString &model)
{
    for (const ServerSeries *s : m.findAll(metric)) {
        if (s->label(QStringLiteral("model_name")) == model)
            return s;
    }
    return nullptr;
}

} // namespace

// A server that reports two models (two label sets per series): every place the run is shown keeps
// both, and the kitchen's totals add them up (docs/report-schema.md, "Several label sets").
class tst_TwoModelMetrics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void scraperKeepsBothLive();
    void traceCountersPerModelAndTotal();
    void csvHasAColumnPerModel();
    void htmlDrawsALinePerModel();

private:
    QThread m_serverThread;
    TwoModelServer *m_server = nullptr;
    RunTrace m_trace; // scraped by scraperKeepsBothLive, read by the others
};

void tst_TwoModelMetrics::initTestCase()
{
    m_server = new TwoModelServer;
    m_server->moveToThread(&m_serverThread);
    m_serverThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_server, [&] { listening = m_server->listen(); }, Qt::BlockingQueuedConnection);
    QVERIFY(listening);
}

void tst_TwoModelMetrics::cleanupTestCase()
{
    QMetaObject::invokeMethod(
        m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_serverThread.quit();
    m_serverThread.wait();
}

// The scraper keeps one series per label set, and what it hands out while running (the live
// protocol) rebuilds the same series in a LiveTrace mirror.
void tst_TwoModelMetrics::scraperKeepsBothLive()
{
    ScrapeConfig config;
    config.url = m_server->url();
    config.intervalMs = 50;
    MetricsScraper scraper;
    scraper.start(config);
    LiveTrace mirror;
    mirror.reset(RunTrace());
    // Live updates while it scrapes, as RunSession sends them.
    for (int i = 0; i < 12; ++i) {
        QTest::qWait(40);
        LiveDelta delta;
        delta.server = scraper.takeLive(-1);
        mirror.apply(delta);
    }
    const ServerMetricsRecord record = scraper.stop(-1);
    QCOMPARE(record.failedScrapes, 0);
    QVERIFY2(record.scrapes >= 4, qPrintable(QString::number(record.scrapes)));
    QCOMPARE(record.server, QStringLiteral("vllm"));
    QCOMPARE(int(record.findAll(QStringLiteral("waiting")).size()), 2);
    QCOMPARE(int(record.findAll(QStringLiteral("running")).size()), 2);
    QCOMPARE(int(record.findAll(QStringLiteral("kv_cache_usage")).size()), 2);
    const ServerSeries *llama = seriesOf(record, QStringLiteral("waiting"), Llama);
    const ServerSeries *qwen = seriesOf(record, QStringLiteral("waiting"), Qwen);
    QVERIFY(llama && qwen);
    QCOMPARE(llama->samples.size(), qwen->samples.size());
    for (size_t k = 0; k < llama->samples.size(); ++k) {
        QCOMPARE(llama->samples[k].second, 3.0 * double(k));
        QCOMPARE(qwen->samples[k].second, double(k));
        QCOMPARE(llama->samples[k].first, qwen->samples[k].first); // one scrape, one time
    }

    // The mirror: the same series (name, labels) and the values it had been sent so far; the
    // final scrape comes after the last live update.
    const ServerMetricsRecord &live = mirror.trace().serverMetrics;
    QCOMPARE(live.url, record.url);
    QVERIFY(live.scrapes >= 2);
    QCOMPARE(live.series.size(), record.series.size());
    for (size_t i = 0; i < live.series.size(); ++i) {
        QCOMPARE(live.series[i].name, record.series[i].name);
        QCOMPARE(live.series[i].labels, record.series[i].labels);
        QVERIFY(!live.series[i].samples.empty());
        QVERIFY(live.series[i].samples.size() <= record.series[i].samples.size());
        for (size_t k = 0; k < live.series[i].samples.size(); ++k) {
            QCOMPARE(live.series[i].samples[k].second, record.series[i].samples[k].second);
            QCOMPARE(live.series[i].samples[k].first, record.series[i].samples[k].first);
        }
    }

    m_trace = RunTrace();
    m_trace.serverMetrics = record;
    m_trace.measuredStartNs = 0;
    m_trace.endNs = std::max<qint64>(1, record.series.front().samples.back().first);
}

// Chrome JSON and Perfetto: a track per model (server_waiting[model_name=...]) and the total under
// the plain name for the counts that add up; the KV cache per model only. check_trace.py passes.
void tst_TwoModelMetrics::traceCountersPerModelAndTotal()
{
    QVERIFY(!m_trace.serverMetrics.series.empty());
    const QByteArray bytes = ChromeTrace::toBytes(m_trace);
    QMap<QString, QList<double>> tracks;
    for (const auto &v :
        QJsonDocument::fromJson(bytes).object().value(QLatin1String("traceEvents")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString name = e.value(QLatin1String("name")).toString();
        if (e.value(QLatin1String("ph")).toString() == QLatin1String("C")
            && name.startsWith(QLatin1String("server_")))
            tracks[name].append(e.value(QLatin1String("args")).toObject().begin().value().toDouble());
    }
    const QString llamaKey = QStringLiteral("[model_name=") + Llama + QLatin1Char(']');
    const QString qwenKey = QStringLiteral("[model_name=") + Qwen + QLatin1Char(']');
    QCOMPARE(QStringList(tracks.keys()),
        (QStringList { QStringLiteral("server_kv_cache_pct") + qwenKey,
            QStringLiteral("server_kv_cache_pct") + llamaKey, QStringLiteral("server_running"),
            QStringLiteral("server_running") + qwenKey, QStringLiteral("server_running") + llamaKey,
            QStringLiteral("server_waiting"), QStringLiteral("server_waiting") + qwenKey,
            QStringLiteral("server_waiting") + llamaKey }));
    const QList<double> total = tracks.value(QStringLiteral("server_waiting"));
    const QList<double> llama = tracks.value(QStringLiteral("server_waiting") + llamaKey);
    const QList<double> qwen = tracks.value(QStringLiteral("server_waiting") + qwenKey);
    QCOMPARE(total.size(), llama.size());
    for (qsizetype k = 0; k < total.size(); ++k) {
        QCOMPARE(llama[k], 3.0 * double(k));
        QCOMPARE(qwen[k], double(k));
        QCOMPARE(total[k], 4.0 * double(k));
    }
    for (double v : tracks.value(QStringLiteral("server_running")))
        QCOMPARE(v, 6.0);
    for (double v : tracks.value(QStringLiteral("server_kv_cache_pct") + llamaKey))
        QCOMPARE(v, 42.0);

    // The protobuf trace names the same tracks.
    const QByteArray proto = PerfettoTrace::toBytes(m_trace);
    for (const QString &name : tracks.keys())
        QVERIFY2(proto.contains(name.toUtf8()), qPrintable(name));

    const QString source = qEnvironmentVariable("BURGERBENCH_SOURCE");
    QVERIFY2(!source.isEmpty(), "BURGERBENCH_SOURCE is not set; run through ctest");
    const QString checker = QDir(source).absoluteFilePath(QStringLiteral("../shared/tools/check_trace.py"));
    QVERIFY2(QFileInfo::exists(checker), qPrintable(checker));
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is not on PATH (needed for check_trace.py)");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    QString error;
    QVERIFY2(ChromeTrace::write(path, m_trace, &error), qPrintable(error));
    QProcess p;
    p.start(python, { checker, path });
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("problems: 0")), qPrintable(out));
}

// --server-metrics-csv: a column per series, so one per model, each with its own values.
void tst_TwoModelMetrics::csvHasAColumnPerModel()
{
    QVERIFY(!m_trace.serverMetrics.series.empty());
    const QStringList head = ServerMetricsCsv::columns(m_trace);
    const QString llama
        = QStringLiteral("vllm:num_requests_waiting{engine=\"0\",model_name=\"%1\"} (requests)").arg(Llama);
    const QString qwen
        = QStringLiteral("vllm:num_requests_waiting{engine=\"0\",model_name=\"%1\"} (requests)").arg(Qwen);
    const qsizetype a = head.indexOf(llama);
    const qsizetype b = head.indexOf(qwen);
    QVERIFY2(a >= 0 && b >= 0, qPrintable(head.join(QLatin1String(" | "))));
    const QStringList lines
        = QString::fromUtf8(ServerMetricsCsv::toBytes(m_trace)).split(QStringLiteral("\r\n"));
    QVERIFY(lines.size() >= 4);
    // The third scrape: Llama 6 waiting, Qwen 2 (values have no commas, the header's quoted cells
    // are not read here).
    const QStringList third = lines.at(3).split(QLatin1Char(','));
    QCOMPARE(third.at(a), QStringLiteral("6"));
    QCOMPARE(third.at(b), QStringLiteral("2"));
}

// The HTML report's kitchen charts: a line per model (the second dashed, labelled with its model).
void tst_TwoModelMetrics::htmlDrawsALinePerModel()
{
    QVERIFY(!m_trace.serverMetrics.series.empty());
    const Summary summary = computeSummary(m_trace, { 50, 99 }, {});
    const QString doc = QString::fromUtf8(HtmlReport::toBytes(m_trace, summary));
    const qsizetype from = doc.indexOf(QLatin1String("<figure id=\"server-queue\""));
    QVERIFY(from >= 0);
    const QString queue = doc.mid(from, doc.indexOf(QLatin1String("</figure>"), from) - from);
    for (const char *series : { "running", "running-2", "waiting", "waiting-2" })
        QVERIFY2(queue.contains(QStringLiteral("data-series=\"%1\"").arg(QLatin1String(series))), series);
    QVERIFY(queue.contains(QStringLiteral("waiting (in the kitchen&#39;s line) model_name=") + Llama)
        || queue.contains(QStringLiteral("waiting (in the kitchen's line) model_name=") + Llama));
    QVERIFY(queue.contains(Qwen));
    const qsizetype kvFrom = doc.indexOf(QLatin1String("<figure id=\"server-kv\""));
    QVERIFY(kvFrom >= 0);
    const QString kv = doc.mid(kvFrom, doc.indexOf(QLatin1String("</figure>"), kvFrom) - kvFrom);
    QVERIFY(kv.contains(QLatin1String("data-series=\"kv_cache_usage-2\"")));
    QVERIFY(kv.contains(Qwen));
}

QTEST_GUILESS_MAIN(tst_TwoModelMetrics)
#include "tst_twomodelmetrics.moc"
