#include "metrics/serverhistogram.h"
#include "metrics/summary.h"
#include "report/chrometrace.h"
#include "report/jsonreport.h"
#include "report/servermetricsjson.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace BurgerBench;

namespace {

ServerSeries series(const QString &name, const QString &metric, const QString &kind,
    std::vector<std::pair<qint64, double>> samples, QList<QPair<QString, QString>> labels = {})
{
    ServerSeries s;
    s.name = name;
    s.family = name;
    for (const char *suffix : { "_bucket", "_sum", "_count" }) {
        if (name.endsWith(QLatin1String(suffix)))
            s.family = name.chopped(int(qstrlen(suffix)));
    }
    s.metric = metric;
    s.kind = kind;
    s.labels = std::move(labels);
    s.samples = std::move(samples);
    return s;
}

// A trace that scraped a vLLM-like server three times: a baseline, one mid-run, a final one. Eight
// TTFT observations arrive during the run: 2 at or below 0.1 s, 4 more by 0.25 s, 2 more by 0.5 s.
RunTrace scrapedTrace()
{
    RunTrace t;
    t.scenario.requests = 8;
    t.measuredStartNs = 1'000'000;
    t.endNs = 900'000'000;
    ServerMetricsRecord &m = t.serverMetrics;
    m.url = QStringLiteral("http://127.0.0.1:8000/metrics");
    m.intervalMs = 500;
    m.scrapes = 4;
    m.failedScrapes = 1;
    m.lateTicks = 2;
    m.server = QStringLiteral("vllm");
    m.log = { ServerScrape { -2'000'000, -1'000'000, true, 200, {} },
        ServerScrape { 400'000'000, 402'000'000, true, 200, {} },
        ServerScrape { 500'000'000, 1'500'000'000, false, 0, QStringLiteral("timeout after 1000 ms") },
        ServerScrape { 1'600'000'000, 1'602'000'000, true, 200, {} } };
    const qint64 a = -1'500'000;
    const qint64 b = 401'000'000;
    const qint64 c = 1'601'000'000;
    m.series.push_back(series(QStringLiteral("vllm:num_requests_waiting"), QStringLiteral("waiting"),
        QStringLiteral("gauge"), { { a, 0 }, { b, 28 }, { c, 0 } }));
    m.series.push_back(
        series(QStringLiteral("vllm:generation_tokens_total"), QStringLiteral("generation_tokens"),
            QStringLiteral("counter"), { { a, 100 }, { b, 300 }, { c, 612 } }));
    m.series.push_back(
        series(QStringLiteral("vllm:gpu_prefix_cache_hit_rate"), QStringLiteral("prefix_cache_hit_rate"),
            QStringLiteral("gauge"), { { a, std::nan("") }, { b, qInf() }, { c, -1 } }));
    const QString ttft = QStringLiteral("vllm:time_to_first_token_seconds_bucket");
    auto bucket = [&](const char *le, double v0, double v1, double v2) {
        m.series.push_back(series(ttft, QStringLiteral("ttft"), QStringLiteral("histogram"),
            { { a, v0 }, { b, v1 }, { c, v2 } }, { { QStringLiteral("le"), QLatin1String(le) } }));
    };
    bucket("0.1", 5, 6, 7); // the server ran before: the baseline is not 0
    bucket("0.25", 5, 8, 11);
    bucket("0.5", 5, 9, 13);
    bucket("+Inf", 5, 9, 13);
    m.series.push_back(series(QStringLiteral("vllm:time_to_first_token_seconds_sum"), QStringLiteral("ttft"),
        QStringLiteral("histogram"), { { a, 1.0 }, { b, 1.5 }, { c, 2.6 } }));
    return t;
}

} // namespace

class tst_ServerMetricsJson : public QObject
{
    Q_OBJECT

private slots:
    void quantiles_data();
    void quantiles();
    void windowFromBucketDifferences();
    void roundTrip();
    void absentWhenNotScraped();
    void badFieldsNamed_data();
    void badFieldsNamed();
    void perfettoCounterTracks();
};

void tst_ServerMetricsJson::quantiles_data()
{
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");
    // Buckets: 2 in (0, 0.1], 4 in (0.1, 0.25], 2 in (0.25, 0.5], none above.
    QTest::newRow("p0") << 0.0 << 0.0;
    QTest::newRow("p25: inside the first bucket") << 0.25 << 0.1;
    QTest::newRow("p50: half into the second") << 0.5 << 0.175;
    QTest::newRow("p75: end of the second") << 0.75 << 0.25;
    QTest::newRow("p100") << 1.0 << 0.5;
}

void tst_ServerMetricsJson::quantiles()
{
    QFETCH(double, q);
    QFETCH(double, expected);
    const std::vector<HistogramBucket> buckets { { 0.1, 2 }, { 0.25, 6 }, { 0.5, 8 }, { qInf(), 8 } };
    QVERIFY(std::abs(histogramQuantile(buckets, q) - expected) < 1e-12);
    // A rank in the +Inf bucket gives the highest finite bound; no observations give NaN.
    QCOMPARE(histogramQuantile({ { 0.1, 1 }, { qInf(), 4 } }, 0.9), 0.1);
    QVERIFY(std::isnan(histogramQuantile({ { 0.1, 0 }, { qInf(), 0 } }, 0.5)));
    QVERIFY(std::isnan(histogramQuantile({}, 0.5)));
}

void tst_ServerMetricsJson::windowFromBucketDifferences()
{
    const RunTrace t = scrapedTrace();
    ServerHistogramWindow w;
    QVERIFY(runHistogramWindow(t.serverMetrics, QStringLiteral("ttft"), t.measuredStartNs, &w));
    QCOMPARE(w.fromNs, qint64(-1'500'000)); // the baseline: the last scrape before the first dispatch
    QCOMPARE(w.toNs, qint64(1'601'000'000));
    QCOMPARE(w.count, 8.0);
    QCOMPARE(int(w.buckets.size()), 4);
    QCOMPARE(w.buckets[0].count, 2.0);
    QCOMPARE(w.buckets[1].count, 6.0);
    QVERIFY(std::abs(w.sum - 1.6) < 1e-12);
    QVERIFY(std::abs(w.mean() - 0.2) < 1e-12);
    QVERIFY(std::abs(w.quantile(0.5) - 0.175) < 1e-12);
    QCOMPARE(w.bucketOf(0.175), 1);
    QCOMPARE(w.bucketOf(7), 3);
    // A window ending at the mid-run scrape holds only what happened by then.
    ServerHistogramWindow early;
    QVERIFY(serverHistogramWindow(t.serverMetrics, QStringLiteral("ttft"), 0, 500'000'000, &early));
    QCOMPARE(early.count, 4.0);
    QVERIFY(!serverHistogramWindow(t.serverMetrics, QStringLiteral("inter_token"), 0, 1, &early));

    const auto rates = counterRates(*t.serverMetrics.find(QStringLiteral("generation_tokens")));
    QCOMPARE(int(rates.size()), 2);
    QVERIFY(std::abs(rates[0].second - 200 / 0.4025) < 1e-6);
    QCOMPARE(rates[1].first, qint64(1'601'000'000));
    QVERIFY(std::abs(rates[1].second - 312 / 1.2) < 1e-6);
    QCOMPARE(seriesValueAt(*t.serverMetrics.find(QStringLiteral("waiting")), 401'000'000), 28.0);
    QVERIFY(std::isnan(seriesValueAt(*t.serverMetrics.find(QStringLiteral("waiting")), -2'000'000)));
}

void tst_ServerMetricsJson::roundTrip()
{
    const RunTrace t = scrapedTrace();
    const QByteArray bytes
        = JsonReport::toBytes(t, computeSummary(t, t.scenario.percentiles, t.scenario.slo));
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    const QJsonObject o = root.value(QLatin1String("server_metrics")).toObject();
    QCOMPARE(o.value(QLatin1String("url")).toString(), t.serverMetrics.url);
    QCOMPARE(o.value(QLatin1String("interval_ms")).toInt(), 500);
    QCOMPARE(o.value(QLatin1String("scrapes")).toInt(), 4);
    QCOMPARE(o.value(QLatin1String("failed_scrapes")).toInt(), 1);
    const QJsonArray series = o.value(QLatin1String("series")).toArray();
    QCOMPARE(series.size(), qsizetype(t.serverMetrics.series.size()));
    const QJsonObject waiting = series.at(0).toObject();
    QCOMPARE(waiting.value(QLatin1String("name")).toString(), QStringLiteral("vllm:num_requests_waiting"));
    QCOMPARE(waiting.value(QLatin1String("kind")).toString(), QStringLiteral("gauge"));
    QCOMPARE(waiting.value(QLatin1String("samples")).toArray().at(1).toArray(),
        (QJsonArray { 401'000'000.0, 28.0 }));
    QVERIFY(!waiting.contains(QLatin1String("rates")));
    QCOMPARE(series.at(1).toObject().value(QLatin1String("rates")).toArray().size(), 2); // a counter
    QCOMPARE(
        series.at(2).toObject().value(QLatin1String("samples")).toArray().at(0).toArray().at(1).toString(),
        QStringLiteral("NaN"));
    const QJsonObject ttft = o.value(QLatin1String("histograms")).toArray().at(0).toObject();
    QCOMPARE(ttft.value(QLatin1String("metric")).toString(), QStringLiteral("ttft"));
    QCOMPARE(ttft.value(QLatin1String("count")).toDouble(), 8.0);
    QVERIFY(std::abs(ttft.value(QLatin1String("p50_ms")).toDouble() - 175) < 1e-9);
    QVERIFY(std::abs(ttft.value(QLatin1String("mean_ms")).toDouble() - 200) < 1e-9);
    QCOMPARE(o.value(QLatin1String("scrape_log")).toArray().at(2).toArray().at(3).toString(),
        QStringLiteral("timeout after 1000 ms"));
    // Top level, last, after the jobs (the scenario's target.server_metrics is another key).
    QVERIFY(bytes.indexOf("\n  \"server_metrics\": {") > bytes.indexOf("\n  \"jobs\": "));

    RunTrace back;
    QString error;
    QVERIFY2(JsonReport::fromJson(root, &back, &error), qPrintable(error));
    const ServerMetricsRecord &m = back.serverMetrics;
    QCOMPARE(m.url, t.serverMetrics.url);
    QCOMPARE(m.scrapes, 4);
    QCOMPARE(m.failedScrapes, 1);
    QCOMPARE(m.lateTicks, 2);
    QCOMPARE(m.server, QStringLiteral("vllm"));
    QCOMPARE(int(m.log.size()), 4);
    QVERIFY(!m.log[2].ok);
    QCOMPARE(m.log[1].midNs(), qint64(401'000'000));
    QCOMPARE(int(m.series.size()), int(t.serverMetrics.series.size()));
    for (std::size_t i = 0; i < m.series.size(); ++i) {
        QCOMPARE(m.series[i].name, t.serverMetrics.series[i].name);
        QCOMPARE(m.series[i].labels, t.serverMetrics.series[i].labels);
        QCOMPARE(m.series[i].samples.size(), t.serverMetrics.series[i].samples.size());
    }
    QVERIFY(std::isnan(m.series[2].samples[0].second));
    QVERIFY(std::isinf(m.series[2].samples[1].second));
    // Same trace, same bytes.
    QCOMPARE(
        JsonReport::toBytes(back, computeSummary(back, back.scenario.percentiles, back.scenario.slo)), bytes);
}

void tst_ServerMetricsJson::absentWhenNotScraped()
{
    RunTrace t;
    t.scenario.requests = 1;
    const QByteArray bytes
        = JsonReport::toBytes(t, computeSummary(t, t.scenario.percentiles, t.scenario.slo));
    QVERIFY(!bytes.contains("\n  \"server_metrics\""));
    QVERIFY(bytes.contains("\n  \"jobs\": "));
    RunTrace back;
    QString error;
    QVERIFY2(JsonReport::fromJson(QJsonDocument::fromJson(bytes).object(), &back, &error), qPrintable(error));
    QVERIFY(!back.serverMetrics.enabled());
}

void tst_ServerMetricsJson::badFieldsNamed_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not an object") << QString() << QJsonValue(3)
                                   << QStringLiteral("server_metrics: must be an object");
    QTest::newRow("no url") << QStringLiteral("url") << QJsonValue(QString())
                            << QStringLiteral("server_metrics.url: must be a non-empty string");
    QTest::newRow("more failed than scrapes")
        << QStringLiteral("failed_scrapes") << QJsonValue(9)
        << QStringLiteral("server_metrics.failed_scrapes: must be from 0 to scrapes");
    QTest::newRow("bad log entry") << QStringLiteral("scrape_log")
                                   << QJsonValue(QJsonArray { QJsonArray { 1 } })
                                   << QStringLiteral("server_metrics.scrape_log[0]: must be");
}

void tst_ServerMetricsJson::badFieldsNamed()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const RunTrace t = scrapedTrace();
    QJsonObject root = QJsonDocument::fromJson(
        JsonReport::toBytes(t, computeSummary(t, t.scenario.percentiles, t.scenario.slo)))
                           .object();
    if (field.isEmpty()) {
        root.insert(QLatin1String("server_metrics"), value);
    } else {
        QJsonObject o = root.value(QLatin1String("server_metrics")).toObject();
        o.insert(field, value);
        root.insert(QLatin1String("server_metrics"), o);
    }
    RunTrace back;
    QString error;
    QVERIFY(!JsonReport::fromJson(root, &back, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(error));

    // A sample out of time order is named with its index.
    QJsonObject o = QJsonDocument::fromJson(JsonReport::toBytes(t, computeSummary(t, {}, t.scenario.slo)))
                        .object()
                        .value(QLatin1String("server_metrics"))
                        .toObject();
    QJsonArray series = o.value(QLatin1String("series")).toArray();
    QJsonObject first = series.at(0).toObject();
    first.insert(QLatin1String("samples"), QJsonArray { QJsonArray { 5.0, 1.0 }, QJsonArray { 4.0, 1.0 } });
    series.replace(0, first);
    o.insert(QLatin1String("series"), series);
    ServerMetricsRecord record;
    QVERIFY(!ServerMetricsJson::fromJson(o, &record, &error));
    QCOMPARE(error, QStringLiteral("server_metrics.series[0].samples[1]: out of time order"));
}

// The server's series become Perfetto counter tracks (server_waiting, server_running,
// server_generation_tokens_per_s ...) that pass ../shared/tools/check_trace.py; a NaN sample is left
// out, the baseline before the run clock's zero is drawn at 0.
void tst_ServerMetricsJson::perfettoCounterTracks()
{
    RunTrace t = scrapedTrace();
    t.serverMetrics.series.push_back(series(QStringLiteral("vllm:kv_cache_usage_perc"),
        QStringLiteral("kv_cache_usage"), QStringLiteral("gauge"),
        { { -1'500'000, 0 }, { 401'000'000, 0.25 }, { 1'601'000'000, std::nan("") } }));
    const QByteArray bytes = ChromeTrace::toBytes(t);
    QMap<QString, QList<QPair<double, double>>> tracks; // name -> (ts us, value)
    for (const auto &v :
        QJsonDocument::fromJson(bytes).object().value(QLatin1String("traceEvents")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("ph")).toString() != QLatin1String("C"))
            continue;
        const QString name = e.value(QLatin1String("name")).toString();
        if (!name.startsWith(QLatin1String("server_")))
            continue;
        const QJsonObject args = e.value(QLatin1String("args")).toObject();
        QCOMPARE(args.size(), 1);
        tracks[name].append({ e.value(QLatin1String("ts")).toDouble(), args.begin().value().toDouble() });
    }
    QCOMPARE(tracks.value(QStringLiteral("server_waiting")),
        (QList<QPair<double, double>> { { 0, 0 }, { 401000, 28 }, { 1601000, 0 } }));
    QCOMPARE(tracks.value(QStringLiteral("server_kv_cache_pct")),
        (QList<QPair<double, double>> { { 0, 0 }, { 401000, 25 } }));
    QCOMPARE(tracks.value(QStringLiteral("server_generation_tokens_per_s")).size(), 2);
    QVERIFY(!tracks.contains(QStringLiteral("server_running"))); // this trace has no running series

    const QString source = qEnvironmentVariable("BURGERBENCH_SOURCE");
    QVERIFY2(!source.isEmpty(), "BURGERBENCH_SOURCE is not set; run through ctest");
    const QString checker = QDir(source).absoluteFilePath(QStringLiteral("../shared/tools/check_trace.py"));
    QVERIFY2(QFileInfo::exists(checker), qPrintable(checker));
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is not on PATH (needed for check_trace.py)");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    QString error;
    QVERIFY2(ChromeTrace::write(path, t, &error), qPrintable(error));
    QProcess p;
    p.start(python, { checker, path });
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("problems: 0")), qPrintable(out));
}

QTEST_GUILESS_MAIN(tst_ServerMetricsJson)
#include "tst_servermetricsjson.moc"
