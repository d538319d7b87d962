#include "scenario/jsonkeys.h"
#include "scenario/scenario.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;

class tst_Scenario : public QObject
{
    Q_OBJECT
private slots:
    void defaultsAreValid();
    void concurrencyOverAThousandNeedsTheSocketTransport();
    void roundTrip();
    void badField_data();
    void badField();
    void loadReportsFileProblems();
    void duplicateKeys_data();
    void duplicateKeys();
    void loadRefusesDuplicatesAndSchemaless();
    void sequentialAndFaults();
    void workloadSection();
    void workloadBadField_data();
    void workloadBadField();
};

static QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

void tst_Scenario::defaultsAreValid()
{
    Scenario s;
    s.requests = 10;
    QString error;
    QVERIFY2(s.validate(&error), qPrintable(error));
    QVERIFY(s.usesSimulator());
}

void tst_Scenario::roundTrip()
{
    Scenario s;
    s.name = QStringLiteral("round trip");
    s.url = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
    s.endpoint = Endpoint::Completions;
    s.headers.insert(QStringLiteral("X-Team"), QStringLiteral("grill"));
    s.mode = ExecutionMode::Sequential;
    s.concurrency = 7;
    s.requests = 21;
    s.rate = 3.5;
    s.burstiness = 0.5;
    s.warmup = 2;
    s.sendWindow = 9;
    s.stream = false;
    s.maxTokens = 99;
    s.retries = 3;
    s.errorPolicy = ErrorPolicy::FailFast;
    s.percentiles = { 50, 99.9 };
    s.slo.ttftMs = 250;
    s.simulator.ttftMs = 12;
    s.simulator.capacity = 4;
    s.simulator.faults.http429 = 0.25;
    s.simulator.faults.stallSeconds = 2;
    s.simulator.prefillUsPerPromptToken = 150;
    s.simulator.kvCacheTokens = 4096;
    s.simulator.tokenizeEndpoint = false;
    s.simulator.maxModelLen = 8192;
    s.serverMetrics = QStringLiteral("http://127.0.0.1:8000/metrics");
    s.serverMetricsIntervalMs = 250;
    s.serverMetricNames = QStringList { QStringLiteral("vllm:num_requests_swapped"), QStringLiteral("up") };
    Scenario back;
    QString error;
    QVERIFY2(Scenario::fromJson(s.toJson(), &back, &error), qPrintable(error));
    QCOMPARE(back.toJson(), s.toJson());
    QCOMPARE(back.concurrency, 7);
    QCOMPARE(back.endpoint, Endpoint::Completions);
    QCOMPARE(back.errorPolicy, ErrorPolicy::FailFast);
    QCOMPARE(back.simulator.faults.http429, 0.25);
    QCOMPARE(back.simulator.prefillUsPerPromptToken, 150.0);
    QCOMPARE(back.simulator.kvCacheTokens, qint64(4096));
    QCOMPARE(back.simulator.tokenizeEndpoint, false);
    QCOMPARE(back.simulator.maxModelLen, 8192);
    QVERIFY(Scenario().simulator.tokenizeEndpoint); // on by default, like vLLM
    QCOMPARE(Scenario().simulator.kvCacheTokens, qint64(262144));
    QCOMPARE(back.percentiles, QList<double>({ 50, 99.9 }));
    QCOMPARE(back.serverMetrics, s.serverMetrics);
    QCOMPARE(back.serverMetricsIntervalMs, 250);
    QCOMPARE(back.serverMetricNames, s.serverMetricNames);
    // "auto" and off round-trip too; off is the default.
    QVERIFY(Scenario().serverMetrics.isEmpty());
    QCOMPARE(Scenario().serverMetricsIntervalMs, 500);
    s.serverMetrics = QStringLiteral("auto");
    QVERIFY2(Scenario::fromJson(s.toJson(), &back, &error), qPrintable(error));
    QCOMPARE(back.serverMetrics, QStringLiteral("auto"));
}

void tst_Scenario::badField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the error must start with the field's path

    QTest::newRow("unknown top-level field") << QByteArray(R"({"load": {"requests": 1}, "concurency": 3})")
                                             << QStringLiteral("concurency: unknown field");
    QTest::newRow("unknown nested field") << QByteArray(R"({"load": {"requests": 1, "concurency": 3}})")
                                          << QStringLiteral("load.concurency: unknown field");
    QTest::newRow("concurrency zero")
        << QByteArray(R"({"load": {"requests": 1, "concurrency": 0}})")
        << QStringLiteral("load.concurrency: must be an integer from 1 to 10000");
    QTest::newRow("concurrency too high")
        << QByteArray(R"({"load": {"requests": 1, "concurrency": 10001}})")
        << QStringLiteral("load.concurrency: must be an integer from 1 to 10000");
    QTest::newRow("concurrency over QNAM's")
        << QByteArray(R"({"load": {"requests": 1, "concurrency": 1001}})")
        << QStringLiteral("load.concurrency: 1001 streams need target.transport \"socket\"");
    QTest::newRow("concurrency fractional") << QByteArray(R"({"load": {"requests": 1, "concurrency": 2.5}})")
                                            << QStringLiteral("load.concurrency: must be an integer");
    QTest::newRow("concurrency string") << QByteArray(R"({"load": {"requests": 1, "concurrency": "8"}})")
                                        << QStringLiteral("load.concurrency: must be an integer");
    QTest::newRow("negative rate") << QByteArray(R"({"load": {"requests": 1, "rate": -1}})")
                                   << QStringLiteral("load.rate: must be from 0");
    QTest::newRow("send window above 1000")
        << QByteArray(R"({"load": {"requests": 1, "send_window": 1001}})")
        << QStringLiteral("load.send_window: must be an integer from 0 to 1000 (got 1001)");
    QTest::newRow("send window negative")
        << QByteArray(R"({"load": {"requests": 1, "send_window": -2}})")
        << QStringLiteral("load.send_window: must be an integer from 0 to 1000 (got -2)");
    QTest::newRow("bad mode") << QByteArray(R"({"load": {"requests": 1, "mode": "turbo"}})")
                              << QStringLiteral("load.mode: must be one of");
    QTest::newRow("no bound") << QByteArray(R"({"load": {"requests": 0}})")
                              << QStringLiteral("load: set requests or duration_s");
    QTest::newRow("bad url scheme") << QByteArray(
        R"({"target": {"url": "ftp://x"}, "load": {"requests": 1}})")
                                    << QStringLiteral("target.url: must be an http:// or https:// URL");
    QTest::newRow("server metrics not a URL")
        << QByteArray(R"({"target": {"server_metrics": "sometimes"}, "load": {"requests": 1}})")
        << QStringLiteral("target.server_metrics: must be \"auto\" or an http:// or https:// URL");
    QTest::newRow("server metrics interval too short")
        << QByteArray(R"({"target": {"server_metrics_interval_ms": 10}, "load": {"requests": 1}})")
        << QStringLiteral("target.server_metrics_interval_ms: must be an integer from 50 to 60000 (got 10)");
    QTest::newRow("server metric names not an array")
        << QByteArray(R"({"target": {"server_metric_names": "up"}, "load": {"requests": 1}})")
        << QStringLiteral("target.server_metric_names: must be an array of strings");
    QTest::newRow("server metric name invalid")
        << QByteArray(R"({"target": {"server_metric_names": ["9lives"]}, "load": {"requests": 1}})")
        << QStringLiteral("target.server_metric_names: \"9lives\" is not a Prometheus metric name");
    QTest::newRow("empty model") << QByteArray(R"({"target": {"model": ""}, "load": {"requests": 1}})")
                                 << QStringLiteral("target.model: must not be empty");
    QTest::newRow("bad endpoint")
        << QByteArray(R"({"target": {"endpoint": "embeddings"}, "load": {"requests": 1}})")
        << QStringLiteral("target.endpoint: must be \"chat\", \"completions\" or \"responses\"");
    QTest::newRow("authorization header")
        << QByteArray(R"({"target": {"headers": {"Authorization": "Bearer sk-x"}}, "load": {"requests": 1}})")
        << QStringLiteral("target.headers.Authorization: the API key comes from the environment");
    QTest::newRow("header not a string")
        << QByteArray(R"({"target": {"headers": {"X-A": 1}}, "load": {"requests": 1}})")
        << QStringLiteral("target.headers.X-A: must be a string");
    QTest::newRow("stream not bool") << QByteArray(
        R"({"request": {"stream": "yes"}, "load": {"requests": 1}})")
                                     << QStringLiteral("request.stream: must be true or false");
    QTest::newRow("max tokens zero") << QByteArray(
        R"({"request": {"max_tokens": 0}, "load": {"requests": 1}})")
                                     << QStringLiteral("request.max_tokens: must be an integer from 1");
    QTest::newRow("bad policy") << QByteArray(
        R"({"resilience": {"error_policy": "yolo"}, "load": {"requests": 1}})")
                                << QStringLiteral("resilience.error_policy: must be");
    QTest::newRow("event cap too small")
        << QByteArray(R"({"resilience": {"max_event_bytes": 10}, "load": {"requests": 1}})")
        << QStringLiteral("resilience.max_event_bytes: must be an integer from 1024 to 1073741824 (got 10)");
    QTest::newRow("buffer budget not an integer")
        << QByteArray(R"({"resilience": {"max_buffered_bytes": "lots"}, "load": {"requests": 1}})")
        << QStringLiteral("resilience.max_buffered_bytes: must be an integer");
    QTest::newRow("zero timeout") << QByteArray(
        R"({"resilience": {"timeout_s": 0}, "load": {"requests": 1}})")
                                  << QStringLiteral("resilience.timeout_s: must be from");
    QTest::newRow("retry max below base")
        << QByteArray(
               R"({"resilience": {"retry_base_ms": 500, "retry_max_ms": 100}, "load": {"requests": 1}})")
        << QStringLiteral("resilience.retry_max_ms: must be at least retry_base_ms");
    QTest::newRow("percentile out of range")
        << QByteArray(R"({"metrics": {"percentiles": [50, 101]}, "load": {"requests": 1}})")
        << QStringLiteral("metrics.percentiles: each must be a number from 0 to 100");
    QTest::newRow("empty percentiles")
        << QByteArray(R"({"metrics": {"percentiles": []}, "load": {"requests": 1}})")
        << QStringLiteral("metrics.percentiles: must be a non-empty array");
    QTest::newRow("unknown slo") << QByteArray(
        R"({"metrics": {"slo": {"itl_ms": 5}}, "load": {"requests": 1}})")
                                 << QStringLiteral("metrics.slo.itl_ms: unknown field");
    QTest::newRow("fault probability above one")
        << QByteArray(R"({"simulator": {"faults": {"reset": 1.5}}, "load": {"requests": 1}})")
        << QStringLiteral("simulator.faults.reset: must be from 0 to 1");
    QTest::newRow("fault probabilities sum above one")
        << QByteArray(R"({"simulator": {"faults": {"reset": 0.6, "stall": 0.6}}, "load": {"requests": 1}})")
        << QStringLiteral("simulator.faults: probabilities add up to 1.2");
    QTest::newRow("negative kv cache")
        << QByteArray(R"({"simulator": {"kv_cache_tokens": -1}, "load": {"requests": 1}})")
        << QStringLiteral("simulator.kv_cache_tokens: must be an integer from 0 to 1000000000000 (got -1)");
    QTest::newRow("tokenize endpoint not a boolean")
        << QByteArray(R"({"simulator": {"tokenize_endpoint": "no"}, "load": {"requests": 1}})")
        << QStringLiteral("simulator.tokenize_endpoint: must be true or false");
    QTest::newRow("unknown fault") << QByteArray(
        R"({"simulator": {"faults": {"meteor": 0.1}}, "load": {"requests": 1}})")
                                   << QStringLiteral("simulator.faults.meteor: unknown field");
    QTest::newRow("section not object")
        << QByteArray(R"({"load": [1, 2]})") << QStringLiteral("load: must be an object");
    QTest::newRow("wrong schema") << QByteArray(
        R"({"schema": "burgerbench.scenario/9", "load": {"requests": 1}})")
                                  << QStringLiteral("schema: unsupported schema");
}

void tst_Scenario::badField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY2(doc.isObject(), "test data must be valid JSON");
    Scenario s;
    QString error;
    QVERIFY(!Scenario::fromJson(doc.object(), &s, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(QStringLiteral("got: ") + error));
}

void tst_Scenario::loadReportsFileProblems()
{
    QTemporaryDir dir;
    Scenario s;
    QString error;
    QVERIFY(!Scenario::load(dir.filePath(QStringLiteral("missing.json")), &s, &error));
    QVERIFY2(error.contains(QLatin1String("missing.json: cannot open")), qPrintable(error));

    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"load\": {\"requests\": 1,}");
    f.close();
    QVERIFY(!Scenario::load(broken, &s, &error));
    QVERIFY2(error.contains(QLatin1String("broken.json: not valid JSON at byte")), qPrintable(error));

    const QString good = dir.filePath(QStringLiteral("good.json"));
    QFile g(good);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(
        R"({"schema": "burgerbench.scenario/1", "name": "ok", "load": {"requests": 3, "concurrency": 2}})");
    g.close();
    QVERIFY2(Scenario::load(good, &s, &error), qPrintable(error));
    QCOMPARE(s.requests, 3);
    QCOMPARE(s.concurrency, 2);
    QCOMPARE(s.name, QStringLiteral("ok"));
}

void tst_Scenario::sequentialAndFaults()
{
    Scenario s;
    QString error;
    QVERIFY2(Scenario::fromJson(parse(R"({"load": {"mode": "sequential", "duration_s": 1.5},
        "simulator": {"faults": {"http_429": 0.1, "missing_done": 0.2, "retry_after_s": 3}}})"),
                 &s, &error),
        qPrintable(error));
    QCOMPARE(s.mode, ExecutionMode::Sequential);
    QCOMPARE(s.durationS, 1.5);
    QCOMPARE(s.simulator.faults.http429, 0.1);
    QCOMPARE(s.simulator.faults.missingDone, 0.2);
    QCOMPARE(s.simulator.faults.retryAfterSeconds, 3);
    QVERIFY(s.simulator.faults.any());
}

void tst_Scenario::workloadSection()
{
    // Absent by default, and a scenario without one writes no workload section at all.
    QVERIFY(!Scenario().workload.active());
    QVERIFY(!Scenario().toJson().contains(QStringLiteral("workload")));
    Scenario s;
    s.requests = 5;
    s.workload.inputTokens = QStringLiteral("normal:512,128,64,2048");
    s.workload.outputTokens = QStringLiteral("128:30,1024:70");
    s.workload.prefixTokens = 1000;
    s.workload.prefixGroups = 4;
    Scenario back;
    QString error;
    QVERIFY2(Scenario::fromJson(s.toJson(), &back, &error), qPrintable(error));
    QCOMPARE(back.toJson(), s.toJson());
    QCOMPARE(back.workload.inputTokens, s.workload.inputTokens);
    QCOMPARE(back.workload.outputTokens, s.workload.outputTokens);
    QCOMPARE(back.workload.prefixTokens, 1000);
    QCOMPARE(back.workload.prefixGroups, 4);

    Scenario d;
    d.requests = 5;
    d.workload.dataset = QStringLiteral("/data/sharegpt.json");
    d.workload.datasetFormat = QStringLiteral("sharegpt");
    d.workload.datasetSample = 300;
    QVERIFY2(Scenario::fromJson(d.toJson(), &back, &error), qPrintable(error));
    QCOMPARE(back.workload.dataset, d.workload.dataset);
    QCOMPARE(back.workload.datasetFormat, QStringLiteral("sharegpt"));
    QCOMPARE(back.workload.datasetSample, 300);
    QCOMPARE(back.toJson(), d.toJson());
}

void tst_Scenario::workloadBadField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the start of the error: the field and what is wrong
    QTest::newRow("bad distribution")
        << QByteArray(R"({"load": {"requests": 1}, "workload": {"input_tokens": "normal:512"}})")
        << QStringLiteral("workload.input_tokens: normal takes MEAN,STD or MEAN,STD,MIN,MAX");
    QTest::newRow("bad output distribution")
        << QByteArray(R"({"load": {"requests": 1}, "workload": {"output_tokens": "uniform:9,3"}})")
        << QStringLiteral("workload.output_tokens: uniform's A must not be above B");
    QTest::newRow("not a string") << QByteArray(
        R"({"load": {"requests": 1}, "workload": {"input_tokens": 512}})")
                                  << QStringLiteral("workload.input_tokens: must be a string");
    QTest::newRow("unknown field") << QByteArray(
        R"({"load": {"requests": 1}, "workload": {"input_len": "5"}})")
                                   << QStringLiteral("workload.input_len: unknown field");
    QTest::newRow("prefix groups zero")
        << QByteArray(R"({"load": {"requests": 1}, "workload": {"prefix_tokens": 10, "prefix_groups": 0}})")
        << QStringLiteral("workload.prefix_groups: must be an integer from 1 to");
    QTest::newRow("negative prefix") << QByteArray(
        R"({"load": {"requests": 1}, "workload": {"prefix_tokens": -1}})")
                                     << QStringLiteral(
                                            "workload.prefix_tokens: must be an integer from 0 to");
    QTest::newRow("unknown format") << QByteArray(
        R"({"load": {"requests": 1}, "workload": {"dataset": "a.parquet", "dataset_format": "parquet"}})")
                                    << QStringLiteral("workload.dataset_format: must be auto, jsonl, csv, "
                                                      "mooncake or sharegpt (got \"parquet\")");
    QTest::newRow("sample without dataset")
        << QByteArray(R"({"load": {"requests": 1}, "workload": {"dataset_sample": 10}})")
        << QStringLiteral("workload.dataset_sample: needs workload.dataset");
    QTest::newRow("dataset and lengths")
        << QByteArray(R"({"load": {"requests": 1}, "workload": {"dataset": "a.jsonl", "input_tokens": "5"}})")
        << QStringLiteral("workload.dataset: the prompts come from the dataset");
    QTest::newRow("prompt and lengths")
        << QByteArray(
               R"({"load": {"requests": 1}, "request": {"prompt": "hi"}, "workload": {"input_tokens": "5"}})")
        << QStringLiteral(
               "workload.input_tokens: prompts are synthesised to these lengths; unset request.prompt");
    QTest::newRow("cpu only") << QByteArray(
        R"({"load": {"requests": 1, "cpu_only": true}, "workload": {"output_tokens": "5"}})")
                              << QStringLiteral("workload: a CPU-only run sends no requests");
}

void tst_Scenario::workloadBadField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    Scenario s;
    QString error;
    QVERIFY(!Scenario::fromJson(parse(json.constData()), &s, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void tst_Scenario::duplicateKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("duplicate");
    QTest::newRow("none") << QByteArray(R"({"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]})") << QString();
    QTest::newRow("top level") << QByteArray(R"({"name": "x", "load": {}, "name": "y"})")
                               << QStringLiteral("name");
    QTest::newRow("nested") << QByteArray(R"({"load": {"concurrency": 8, "requests": 1, "concurrency": 64}})")
                            << QStringLiteral("load.concurrency");
    QTest::newRow("in an array element")
        << QByteArray(R"({"m": [{"k": 1}, {"k": 1, "j": [1, 2], "k": 2}]})") << QStringLiteral("m[1].k");
    QTest::newRow("escaped spelling of the same key")
        << QByteArray(R"({"load": {"rate": 1, "r\u0061te": 2}})") << QStringLiteral("load.rate");
    QTest::newRow("braces and quotes inside strings")
        << QByteArray(R"({"prompt": "{\"prompt\": 1, \"x\": [}", "x": 1})") << QString();
    QTest::newRow("same key in sibling objects")
        << QByteArray(R"({"a": {"x": 1}, "b": {"x": 1}})") << QString();
}

void tst_Scenario::duplicateKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, duplicate);
    QVERIFY2(QJsonDocument::fromJson(json).isObject(), "test data must be valid JSON");
    QCOMPARE(firstDuplicateKey(json), duplicate);
}

// Issue 15: a scenario file with a key given twice, or with no schema, was accepted silently.
void tst_Scenario::loadRefusesDuplicatesAndSchemaless()
{
    QTemporaryDir dir;
    auto write = [&dir](const char *name, const QByteArray &bytes) {
        QString path = dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return path;
    };
    Scenario s;
    QString error;
    QVERIFY(!Scenario::load(
        write("twice.json",
            R"({"schema": "burgerbench.scenario/1", "load": {"concurrency": 8, "concurrency": 64}})"),
        &s, &error));
    QVERIFY2(error.contains(QLatin1String("twice.json: load.concurrency: given twice")), qPrintable(error));
    QVERIFY(!Scenario::load(write("bare.json", R"({"load": {"requests": 3}})"), &s, &error));
    QVERIFY2(error.contains(QLatin1String("bare.json: no \"schema\" field")), qPrintable(error));
    QVERIFY2(
        Scenario::load(write("fine.json", R"({"schema": "burgerbench.scenario/1", "load": {"requests": 3}})"),
            &s, &error),
        qPrintable(error));
    QCOMPARE(s.requests, 3);
}

// Issue 19: the 1,000 cap is QNAM's (a thread per 6 connections); the socket transport runs up to
// 10,000 streams on the engine's own loop.
void tst_Scenario::concurrencyOverAThousandNeedsTheSocketTransport()
{
    Scenario s;
    QString error;
    QVERIFY2(Scenario::fromJson(parse(R"({"target": {"transport": "socket"}, "load": {"requests": 5000,
        "concurrency": 5000}})"),
                 &s, &error),
        qPrintable(error));
    QCOMPARE(s.concurrency, 5000);
    QVERIFY2(s.validate(&error), qPrintable(error));
    s.transport = Transport::Qnam;
    QVERIFY(!s.validate(&error));
    QVERIFY2(error.contains(QLatin1String("--transport socket")) && error.contains(QLatin1String("1000")),
        qPrintable(error));
    // Blocking workers are threads whatever the cap: the cap alone does not need the socket.
    s.mode = ExecutionMode::ParallelBlocking;
    QVERIFY2(s.validate(&error), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Scenario)
#include "tst_scenario.moc"
