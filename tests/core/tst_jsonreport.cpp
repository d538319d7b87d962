#include "metrics/summary.h"
#include "report/jsonreport.h"
#include "report/summaryjson.h"
#include "reportfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace BurgerBench;

class TestJsonReport : public QObject
{
    Q_OBJECT

private:
    static Summary summarize(const RunTrace &t)
    {
        return computeSummary(t, t.scenario.percentiles, t.scenario.slo);
    }

private slots:
    void roundTrip_data();
    void roundTrip();
    void deterministicBytes();
    void streamedWriteIsTheReport();
    void summaryShape();
    void clientSaturationInSummary();
    void nanBecomesNull();
    void requestFields();
    void tokenCountMismatchFlagged();
    void allFailedHasNoTokenFigures();
    void metaHasNoCredentials();
    void laneKinds_data();
    void laneKinds();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void readsAnyLayoutAnElementAtATime();
    void tasksWithoutCpuTimeStillLoad();
};

void TestJsonReport::roundTrip_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("varied run (retries, failures, warm-up, tasks)") << 0;
    QTest::newRow("empty trace") << 1;
    QTest::newRow("non-streaming, cancelled, unset times") << 2;
    QTest::newRow("large ns values beyond 2^32") << 3;
}

static RunTrace traceFor(int which)
{
    using namespace Fixture;
    switch (which) {
    case 1: {
        RunTrace t;
        t.scenario.requests = 1;
        return t;
    }
    case 2: {
        RunTrace t = sampleTrace(3);
        t.scenario.stream = false;
        t.cancelled = true;
        t.abortReason = QStringLiteral("user pressed Stop");
        t.requests[1].tokenNs.clear();
        t.requests[1].sentNs = -1;
        t.requests[1].promptTokens = -1;
        t.requests[1].lane = -1;
        t.requests[2].text = QStringLiteral("ñandú 🍔 \"quoted\"\n\tline");
        return t;
    }
    case 3:
        return sampleTrace(5, qint64(1) << 45);
    default:
        return sampleTrace();
    }
}

void TestJsonReport::roundTrip()
{
    QFETCH(int, which);
    const RunTrace original = traceFor(which);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QString error;
    QVERIFY2(JsonReport::write(path, original, summarize(original), &error), qPrintable(error));
    RunTrace back;
    QVERIFY2(JsonReport::read(path, &back, &error), qPrintable(error));
    const QString diff = Fixture::firstDifference(original, back);
    QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("differs at ") + diff));
    // And the summary recomputed from the read trace is the one written.
    QCOMPARE(JsonReport::summaryToJson(summarize(back)), JsonReport::summaryToJson(summarize(original)));
}

void TestJsonReport::deterministicBytes()
{
    const RunTrace t = Fixture::sampleTrace();
    const QByteArray a = JsonReport::toBytes(t, summarize(t));
    const QByteArray b = JsonReport::toBytes(t, summarize(t));
    QCOMPARE(a, b);
    // Through a file and back: same bytes again (the re-render guarantee).
    RunTrace back;
    QString error;
    QVERIFY2(JsonReport::fromJson(QJsonDocument::fromJson(a).object(), &back, &error), qPrintable(error));
    QCOMPARE(JsonReport::toBytes(back, summarize(back)), a);
    QVERIFY(a.startsWith("{\n  \"schema\": \"burgerbench.run/1\",\n  \"meta\": {"));
    // One request per line keeps the file greppable.
    QCOMPARE(a.count("\"outcome\":"), qsizetype(t.requests.size()));
    QVERIFY(!a.contains("\n        \"outcome\""));
}

void TestJsonReport::streamedWriteIsTheReport()
{
    // Big enough to be written in several blocks of a MiB: the file written piece by piece is the
    // same bytes as the report made whole, and parses to the same object as toJson.
    RunTrace t = Fixture::sampleTrace(3000);
    for (RequestRecord &r : t.requests)
        r.text = QString(400, QLatin1Char('x'));
    for (int k = 0; k < 20'000; ++k)
        t.loopBusy.push_back(Span { qint64(k) * 1000, qint64(k) * 1000 + 500 });
    for (int k = 0; k < 2'000; ++k)
        t.loopLag.push_back(LagSample { qint64(k) * 10'000'000, 1000 + k });
    const Summary s = summarize(t);
    const QByteArray whole = JsonReport::toBytes(t, s);
    QVERIFY2(whole.size() > 3 * (1 << 20), qPrintable(QString::number(whole.size())));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.json"));
    QString error;
    QVERIFY2(JsonReport::write(path, t, s, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QCOMPARE(written.size(), whole.size());
    QVERIFY(written == whole);
    QJsonParseError parseError;
    const QJsonObject parsed = QJsonDocument::fromJson(written, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QVERIFY(parsed == JsonReport::toJson(t, s));
    QCOMPARE(parsed.value(QLatin1String("loop_busy")).toArray().size(), qsizetype(t.loopBusy.size()));
    // Empty long arrays are written as [] in place.
    const RunTrace empty;
    const QByteArray none = JsonReport::toBytes(empty, summarize(empty));
    QVERIFY2(none.contains("\"requests\": [],\n  \"loop_busy\": [],"), none.constData());

    // A full disk is named (the write of a block that fails stops the rest).
    const QString full = QStringLiteral("/dev/full");
    if (QFile::exists(full)) {
        QVERIFY(!JsonReport::write(full, t, s, &error));
        QVERIFY2(error.contains(QStringLiteral("No space left on device")), qPrintable(error));
    }
}

void TestJsonReport::clientSaturationInSummary()
{
    // The engine thread busy 800 ms of the run's first second: the client limited the run, the
    // report says so in summary.client (and the small summary JSON the same), and a re-read report
    // gives the same verdict from its own loop_busy.
    RunTrace t = Fixture::sampleTrace();
    t.measuredStartNs = 0;
    t.endNs = std::max<qint64>(t.endNs, 2'000'000'000);
    t.loopBusy = { Span { 0, 800'000'000 }, Span { 1'000'000'000, 1'100'000'000 } };
    t.loopLag = { LagSample { 10'000'000, 200'000 } };
    const Summary s = summarize(t);
    const QJsonObject client = JsonReport::toJson(t, s)
                                   .value(QLatin1String("summary"))
                                   .toObject()
                                   .value(QLatin1String("client"))
                                   .toObject();
    QCOMPARE(client.value(QLatin1String("measured")).toBool(), true);
    QCOMPARE(client.value(QLatin1String("busy_max")).toDouble(), 0.8);
    QCOMPARE(client.value(QLatin1String("client_limited")).toBool(), true);
    QVERIFY2(client.value(QLatin1String("reason")).toString().contains(QLatin1String("--transport socket")),
        qPrintable(client.value(QLatin1String("reason")).toString()));
    QCOMPARE(client.value(QLatin1String("loop_lag_p99_ms")).toDouble(), 0.2);
    const QJsonObject small = SummaryJson::toJson(t, s, {})
                                  .value(QLatin1String("summary"))
                                  .toObject()
                                  .value(QLatin1String("client"))
                                  .toObject();
    QCOMPARE(small, client);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("busy.json"));
    QString error;
    QVERIFY2(JsonReport::write(path, t, s, &error), qPrintable(error));
    RunTrace back;
    QVERIFY2(JsonReport::read(path, &back, &error), qPrintable(error));
    const Summary again = summarize(back);
    QCOMPARE(again.client.busyMax, s.client.busyMax);
    QCOMPARE(again.clientLimit.limited, true);
    QCOMPARE(again.clientLimit.reason, s.clientLimit.reason);

    // Idle: measured, not limiting, no reason.
    t.loopBusy = { Span { 0, 100'000'000 } };
    const QJsonObject idle = JsonReport::toJson(t, summarize(t))
                                 .value(QLatin1String("summary"))
                                 .toObject()
                                 .value(QLatin1String("client"))
                                 .toObject();
    QCOMPARE(idle.value(QLatin1String("client_limited")).toBool(), false);
    QVERIFY(idle.value(QLatin1String("reason")).isNull());
    QCOMPARE(idle.value(QLatin1String("busy_max")).toDouble(), 0.1);
}

void TestJsonReport::summaryShape()
{
    const RunTrace t = Fixture::sampleTrace();
    const Summary s = summarize(t);
    const QJsonObject root = JsonReport::toJson(t, s);
    QCOMPARE(root.value(QLatin1String("schema")).toString(), QStringLiteral("burgerbench.run/1"));
    const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
    for (const char *k : { "completed", "failed", "incomplete", "sent", "duration_s", "request_throughput",
             "output_throughput", "total_token_throughput", "goodput", "peak_concurrency",
             "peak_tokens_per_s", "total_prompt_tokens", "total_output_tokens", "output_tokens_source",
             "errors", "ttft_ms", "tpot_ms", "itl_ms", "e2el_ms", "extras" })
        QVERIFY2(summary.contains(QLatin1String(k)), k);
    QCOMPARE(summary.value(QLatin1String("completed")).toInt(), 12);
    // No SLO in the fixture: goodput is null (nothing to meet), not 0.
    QVERIFY(!t.scenario.slo.any());
    QVERIFY(summary.value(QLatin1String("goodput")).isNull());
    QCOMPARE(summary.value(QLatin1String("failed")).toInt(), 2);
    QCOMPARE(summary.value(QLatin1String("incomplete")).toInt(), 1);
    const QJsonObject errors = summary.value(QLatin1String("errors")).toObject();
    QCOMPARE(errors.value(QLatin1String("http_429")).toInt(), 1);
    QCOMPARE(errors.value(QLatin1String("connection_reset")).toInt(), 1);
    QCOMPARE(errors.value(QLatin1String("run_ended")).toInt(), 1);
    const QJsonObject ttft = summary.value(QLatin1String("ttft_ms")).toObject();
    for (const char *k :
        { "count", "mean", "median", "std", "min", "max", "p50", "p90", "p95", "p99", "p99.9" })
        QVERIFY2(ttft.contains(QLatin1String(k)), k);
    QCOMPARE(ttft.value(QLatin1String("count")).toInt(), 12);
    QCOMPARE(ttft.value(QLatin1String("p99.9")).toDouble(), s.ttft.percentile(99.9));
    QCOMPARE(ttft.value(QLatin1String("median")).toDouble(), s.ttft.median);
    const QJsonObject extras = summary.value(QLatin1String("extras")).toObject();
    for (const char *k : { "queue_ms", "ttfb_ms", "schedule_latency_ms" })
        QVERIFY2(extras.value(QLatin1String(k)).isObject(), k);
    QCOMPARE(summary.value(QLatin1String("output_tokens_source")).toString(), QStringLiteral("usage"));
}

void TestJsonReport::nanBecomesNull()
{
    Distribution d;
    d.count = 0;
    d.mean = NAN;
    d.percentileRanks = { 50 };
    d.percentileValues = { NAN };
    const QJsonObject o = JsonReport::distributionToJson(d);
    QVERIFY(o.value(QLatin1String("mean")).isNull());
    QVERIFY(o.value(QLatin1String("p50")).isNull());
    QCOMPARE(o.value(QLatin1String("count")).toInt(), 0);
    Distribution e;
    e.count = 2;
    e.mean = std::numeric_limits<double>::infinity();
    e.median = 3.5;
    QVERIFY(JsonReport::distributionToJson(e).value(QLatin1String("mean")).isNull());
    QCOMPARE(JsonReport::distributionToJson(e).value(QLatin1String("median")).toDouble(), 3.5);
    QCOMPARE(JsonReport::percentileKey(99.9), QStringLiteral("p99.9"));
    QCOMPARE(JsonReport::percentileKey(50), QStringLiteral("p50"));
}

void TestJsonReport::requestFields()
{
    const RunTrace t = Fixture::sampleTrace();
    const QJsonArray requests
        = JsonReport::toJson(t, summarize(t)).value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), qsizetype(t.requests.size()));
    const QJsonObject failed = requests.at(13).toObject();
    for (const char *k :
        { "id", "index", "warmup", "lane", "intended_ns", "dispatch_ns", "sent_ns", "headers_ns",
            "first_byte_ns", "end_ns", "token_ns", "status", "outcome", "error", "error_message",
            "prompt_tokens", "output_tokens", "output_tokens_source", "retries", "attempts", "text" })
        QVERIFY2(failed.contains(QLatin1String(k)), k);
    QCOMPARE(failed.value(QLatin1String("error")).toString(), QStringLiteral("http_429"));
    QCOMPARE(failed.value(QLatin1String("status")).toInt(), 429);
    QVERIFY(failed.value(QLatin1String("output_tokens")).isNull());
    QCOMPARE(failed.value(QLatin1String("dispatch_ns")).toInteger(), t.requests[13].dispatchNs);
    const QJsonObject attempt = failed.value(QLatin1String("attempts")).toArray().at(0).toObject();
    QCOMPARE(attempt.value(QLatin1String("start_ns")).toInteger(), t.requests[13].attempts[0].startNs);
    QCOMPARE(attempt.value(QLatin1String("error")).toString(), QStringLiteral("http_429"));
    QVERIFY(requests.at(1).toObject().value(QLatin1String("error")).isNull());
    QVERIFY(requests.at(0).toObject().value(QLatin1String("warmup")).toBool());
}

// A success whose usage (9) disagrees with the token events it sent (5): flagged on the request,
// counted in the summary; the agreeing ones carry no flag.
void TestJsonReport::tokenCountMismatchFlagged()
{
    RunTrace t = Fixture::sampleTrace();
    RequestRecord &liar = t.requests[1];
    liar.tokenNs.resize(5);
    liar.outputTokens = 9;
    QVERIFY(liar.outputTokensFromUsage);
    const QJsonObject root = JsonReport::toJson(t, summarize(t));
    const QJsonArray requests = root.value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.at(1).toObject().value(QLatin1String("token_count_mismatch")), QJsonValue(true));
    for (qsizetype i = 2; i < requests.size(); ++i)
        QVERIFY2(!requests.at(i).toObject().contains(QLatin1String("token_count_mismatch")),
            qPrintable(QString::number(i)));
    QCOMPARE(
        root.value(QLatin1String("summary")).toObject().value(QLatin1String("token_count_mismatch")).toInt(),
        1);
    // The flag is derived from what is recorded: read back, the same count.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("liar.json"));
    QString error;
    QVERIFY2(JsonReport::write(path, t, summarize(t), &error), qPrintable(error));
    RunTrace back;
    QVERIFY2(JsonReport::read(path, &back, &error), qPrintable(error));
    QCOMPARE(summarize(back).tokenCountMismatch, 1);
}

// Every measured request failed: no token figure is written as a number (null, not 0 tok/s).
void TestJsonReport::allFailedHasNoTokenFigures()
{
    RunTrace t = Fixture::sampleTrace(4);
    for (RequestRecord &r : t.requests) {
        if (r.outcome == Outcome::Success) {
            r.outcome = Outcome::Failed;
            r.error = ErrorKind::ConnectionReset;
        }
    }
    const Summary s = summarize(t);
    QCOMPARE(s.completed, 0);
    QVERIFY(s.durationS > 0);
    const QJsonObject summary = JsonReport::toJson(t, s).value(QLatin1String("summary")).toObject();
    for (const char *k : { "output_throughput", "total_token_throughput", "output_tokens_source" })
        QVERIFY2(summary.value(QLatin1String(k)).isNull(), k);
    for (const char *k : { "ttft_ms", "tpot_ms", "itl_ms", "e2el_ms" }) {
        QVERIFY2(summary.value(QLatin1String(k)).toObject().value(QLatin1String("p50")).isNull(), k);
        QCOMPARE(summary.value(QLatin1String(k)).toObject().value(QLatin1String("count")).toInt(), 0);
    }
    QCOMPARE(summary.value(QLatin1String("request_throughput")).toDouble(), 0.0); // 0 req/s is a rate
    // With successes the same fields are numbers.
    const RunTrace ok = Fixture::sampleTrace(4);
    const QJsonObject good = JsonReport::toJson(ok, summarize(ok)).value(QLatin1String("summary")).toObject();
    QVERIFY(good.value(QLatin1String("output_throughput")).toDouble() > 0);
}

void TestJsonReport::metaHasNoCredentials()
{
    RunTrace t = Fixture::sampleTrace(2);
    t.targetUrl = QStringLiteral(
        "https://alice:s3cretpass@api.example.com/v1/chat/completions?api_key=abcdef123&x=1");
    const QJsonObject meta = JsonReport::toJson(t, summarize(t)).value(QLatin1String("meta")).toObject();
    const QString url = meta.value(QLatin1String("target_url")).toString();
    QVERIFY2(!url.contains(QLatin1String("alice")) && !url.contains(QLatin1String("s3cretpass"))
            && !url.contains(QLatin1String("abcdef123")),
        qPrintable(url));
    QVERIFY2(url.startsWith(QLatin1String("https://api.example.com/v1/chat/completions?")), qPrintable(url));
    QVERIFY(url.contains(QLatin1String("x=1")));
    QCOMPARE(
        meta.value(QLatin1String("burgerbench_version")).toString(), QStringLiteral(BURGERBENCH_VERSION));
    QCOMPARE(meta.value(QLatin1String("qt_version")).toString(), QString::fromLatin1(qVersion()));
    QCOMPARE(meta.value(QLatin1String("cpu_count")).toInt(), 8);
    QCOMPARE(meta.value(QLatin1String("started_at")).toString(), QStringLiteral("2026-11-22T10:30:15.250Z"));
    QCOMPARE(meta.value(QLatin1String("definitions")).toString(), QStringLiteral("vllm-compatible"));
    QCOMPARE(meta.value(QLatin1String("clock")).toString(), QStringLiteral("ns from run start"));
}

void TestJsonReport::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("mutation"); // "path=json value" applied to a valid report
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("!garbage") << QStringLiteral("not valid JSON");
    QTest::newRow("wrong schema") << QByteArray("schema=\"burgerbench.run/9\"")
                                  << QStringLiteral("schema: expected");
    QTest::newRow("bad outcome") << QByteArray("requests.2.outcome=\"great\"")
                                 << QStringLiteral("requests[2].outcome: unknown outcome 'great'");
    QTest::newRow("bad error kind") << QByteArray("requests.1.error=\"gremlins\"")
                                    << QStringLiteral("requests[1].error: unknown error kind 'gremlins'");
    QTest::newRow("token_ns not array")
        << QByteArray("requests.3.token_ns=5") << QStringLiteral("requests[3].token_ns: must be an array");
    QTest::newRow("fractional time") << QByteArray("requests.3.end_ns=1.5")
                                     << QStringLiteral("requests[3].end_ns: must be an integer or null");
    QTest::newRow("requests missing") << QByteArray("requests=null") << QStringLiteral("requests: missing");
    QTest::newRow("bad scenario") << QByteArray("scenario.load=7") << QStringLiteral("scenario: ");
    QTest::newRow("bad task kind") << QByteArray("tasks.0.kind=\"nap\"") << QStringLiteral("tasks[0].kind");
    QTest::newRow("negative task cpu time")
        << QByteArray("tasks.0.cpu_ns=-5") << QStringLiteral("tasks[0].cpu_ns: -5 is negative");
    QTest::newRow("bad date") << QByteArray("meta.started_at=\"yesterday\"")
                              << QStringLiteral("meta.started_at: not an ISO 8601");
    QTest::newRow("bad lane kind") << QByteArray("task_lane_kinds.1.kind=\"cook\"")
                                   << QStringLiteral("task_lane_kinds[1].kind: must be event_loop");
    QTest::newRow("lane number 0") << QByteArray("task_lane_kinds.0.number=0")
                                   << QStringLiteral("task_lane_kinds[0]: number must be 1 or more");
    // Corrupt samples (issue 15): times and counts a run cannot produce, named by request and field.
    // sampleTrace(4): request 0 (warm-up) dispatched at 0, tokens at 150..210 ms, end 210.12 ms;
    // request 5 is the retried 429, its first attempt 320..330 ms.
    QTest::newRow("negative dispatch") << QByteArray("requests.1.dispatch_ns=-5")
                                       << QStringLiteral("requests[1].dispatch_ns: -5 is negative");
    QTest::newRow("negative token time") << QByteArray("requests.1.token_ns.0=-3")
                                         << QStringLiteral("requests[1].token_ns[0]: -3 is negative");
    QTest::newRow("token times unsorted") << QByteArray(
        "requests.1.token_ns.1=1") << QStringLiteral("requests[1].token_ns[1]: 1 is before token_ns[0]");
    QTest::newRow("token after the end")
        << QByteArray("requests.0.token_ns.3=999999999999")
        << QStringLiteral("requests[0].token_ns[3]: 999999999999 is outside the "
                          "request's [dispatch_ns, end_ns] = [0, 210120000]");
    QTest::newRow("token before the dispatch")
        << QByteArray("requests.0.dispatch_ns=200000000")
        << QStringLiteral(
               "requests[0].token_ns[0]: 150000000 is outside the request's [dispatch_ns, end_ns]");
    QTest::newRow("end before dispatch")
        << QByteArray("requests.2.end_ns=0") << QStringLiteral("requests[2].end_ns: 0 is before dispatch_ns");
    QTest::newRow("negative output tokens") << QByteArray("requests.1.output_tokens=-4")
                                            << QStringLiteral("requests[1].output_tokens: -4 is negative");
    QTest::newRow("negative retries")
        << QByteArray("requests.5.retries=-1") << QStringLiteral("requests[5].retries: -1 is negative");
    QTest::newRow("attempt ends before it starts")
        << QByteArray("requests.5.attempts.0.end_ns=0")
        << QStringLiteral("requests[5].attempts[0].end_ns: 0 is before start_ns (320000000)");
    QTest::newRow("run ends before it starts")
        << QByteArray("meta.end_ns=1") << QStringLiteral("meta.end_ns: 1 is before measured_start_ns");
    QTest::newRow("turn past the run") << QByteArray("requests.1.turn=2000000000")
                                       << QStringLiteral("requests[1].turn: 2000000000 is not a turn");
}

// Lanes are written twice: `task_lanes` the names, as before, and `task_lane_kinds` what the
// readers use. A report written before task_lane_kinds has names only: its kinds are inferred
// from them, once, in the reader.
void TestJsonReport::laneKinds_data()
{
    QTest::addColumn<bool>("namesOnly");
    QTest::newRow("with task_lane_kinds") << false;
    QTest::newRow("names only (older report)") << true;
}

void TestJsonReport::laneKinds()
{
    QFETCH(bool, namesOnly);
    RunTrace t = Fixture::sampleTrace();
    t.taskLanes = { TaskLane { LaneKind::EventLoop, 1, 0 }, TaskLane { LaneKind::Pool, 2, 0 },
        TaskLane { LaneKind::Worker, 1, 0 }, TaskLane { LaneKind::JobWorker, 3, 0 },
        TaskLane { LaneKind::Worker, 12, 2 } };
    const Summary s = computeSummary(t, t.scenario.percentiles, t.scenario.slo);
    QJsonObject root = QJsonDocument::fromJson(JsonReport::toBytes(t, s)).object();
    QCOMPARE(root.value(QLatin1String("task_lanes")).toArray(),
        QJsonArray({ QStringLiteral("event loop (cashier)"), QStringLiteral("QtConcurrent 2"),
            QStringLiteral("worker 1 (cashier-cook)"), QStringLiteral("job worker 3"),
            QStringLiteral("run 2: worker 12 (cashier-cook)") }));
    const QJsonArray kinds = root.value(QLatin1String("task_lane_kinds")).toArray();
    QCOMPARE(kinds.size(), 5);
    QCOMPARE(QJsonDocument(kinds.at(0).toObject()).toJson(QJsonDocument::Compact),
        QByteArray(R"({"kind":"event_loop","number":1})"));
    QCOMPARE(QJsonDocument(kinds.at(4).toObject()).toJson(QJsonDocument::Compact),
        QByteArray(R"({"kind":"worker","number":12,"run":2})"));
    if (namesOnly) {
        root.remove(QStringLiteral("task_lane_kinds"));
        // The blocking workers' older name, too.
        QJsonArray names = root.value(QLatin1String("task_lanes")).toArray();
        names[2] = QStringLiteral("worker 1");
        root.insert(QStringLiteral("task_lanes"), names);
    }
    RunTrace back;
    QString error;
    QVERIFY2(JsonReport::fromJson(root, &back, &error), qPrintable(error));
    QVERIFY(back.taskLanes == t.taskLanes);

    // A name this version never wrote is refused, naming where.
    if (namesOnly) {
        QJsonArray names = root.value(QLatin1String("task_lanes")).toArray();
        names[1] = QStringLiteral("QtConcurrent two");
        root.insert(QStringLiteral("task_lanes"), names);
        QVERIFY(!JsonReport::fromJson(root, &back, &error));
        QVERIFY2(error.startsWith(QLatin1String("task_lanes[1]: not a lane name")), qPrintable(error));
    }
}

static QJsonValue mutate(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        const int i = head.toInt();
        a[i] = mutate(a.at(i), path, value);
        return a;
    }
    QJsonObject o = node.toObject();
    o[head] = mutate(o.value(head), path, value);
    return o;
}

void TestJsonReport::rejectsBadFiles()
{
    QFETCH(QByteArray, mutation);
    QFETCH(QString, expected);
    const RunTrace t = Fixture::sampleTrace(4);
    QByteArray bytes = JsonReport::toBytes(t, summarize(t));
    if (mutation.startsWith('!')) {
        bytes = mutation;
    } else {
        const qsizetype eq = mutation.indexOf('=');
        const QStringList path = QString::fromUtf8(mutation.left(eq)).split(QLatin1Char('.'));
        const QJsonValue value = QJsonDocument::fromJson("[" + mutation.mid(eq + 1) + "]").array().at(0);
        const QJsonValue root = mutate(QJsonDocument::fromJson(bytes).object(), path, value);
        bytes = QJsonDocument(root.toObject()).toJson();
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    RunTrace back;
    QString error;
    QVERIFY(!JsonReport::read(path, &back, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

// read() walks the long arrays in the file's bytes an element at a time (report/jsonscan.h): the
// writer's one-element-a-line layout, a compact and an indented re-serialization all read to the
// same trace, and a file cut off or broken inside the requests names the byte.
void TestJsonReport::readsAnyLayoutAnElementAtATime()
{
    const RunTrace t = Fixture::sampleTrace(6);
    const QByteArray written = JsonReport::toBytes(t, summarize(t));
    const QJsonObject object = QJsonDocument::fromJson(written).object();
    QTemporaryDir dir;
    const auto readBytes = [&dir](const QByteArray &bytes, RunTrace *out, QString *error) {
        const QString path = dir.filePath(QStringLiteral("layout.json"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(bytes);
        f.close();
        return JsonReport::read(path, out, error);
    };
    for (const QByteArray &bytes : { written, QJsonDocument(object).toJson(QJsonDocument::Compact),
             QJsonDocument(object).toJson(QJsonDocument::Indented) }) {
        RunTrace back;
        QString error;
        QVERIFY2(readBytes(bytes, &back, &error), qPrintable(error));
        const QString diff = Fixture::firstDifference(t, back);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("differs at ") + diff));
    }
    const qsizetype requests = written.indexOf("\"requests\"");
    QVERIFY(requests > 0);
    const qsizetype third = written.indexOf("\"outcome\"", written.indexOf("\"outcome\"", requests) + 1);
    RunTrace back;
    QString error;
    QVERIFY(!readBytes(written.left(third), &back, &error));
    QVERIFY2(error.contains(QLatin1String(": not valid JSON at byte ")), qPrintable(error));
    QByteArray broken = written;
    broken.replace(third, 10, "\"outcome\"::");
    QVERIFY(!readBytes(broken, &back, &error));
    QVERIFY2(error.contains(QLatin1String(": not valid JSON at byte ")), qPrintable(error));
    // The byte is in the broken element, past the start of its "outcome".
    const qsizetype at = error.mid(error.indexOf(QLatin1String("at byte ")) + 8)
                             .section(QLatin1Char(':'), 0, 0)
                             .toLongLong();
    QVERIFY2(at > third && at < third + 200, qPrintable(error));
}

void TestJsonReport::tasksWithoutCpuTimeStillLoad()
{
    // The CPU time is written for every CPU task; a report written before it was recorded has no
    // `cpu_ns` and loads with it unknown (-1), everything else as written.
    const RunTrace t = Fixture::sampleTrace(4);
    const QByteArray bytes = JsonReport::toBytes(t, summarize(t));
    QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QJsonArray tasks = root.value(QStringLiteral("tasks")).toArray();
    QVERIFY(!tasks.isEmpty());
    QCOMPARE(tasks.at(0).toObject().value(QStringLiteral("cpu_ns")).toInteger(), t.tasks[0].cpuNs);
    QVERIFY(tasks.at(1).toObject().value(QStringLiteral("cpu_ns")).isNull()); // a held wait
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        QJsonObject o = tasks.at(i).toObject();
        o.remove(QStringLiteral("cpu_ns"));
        tasks[i] = o;
    }
    root.insert(QStringLiteral("tasks"), tasks);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(root).toJson());
    f.close();
    RunTrace back;
    QString error;
    QVERIFY2(JsonReport::read(path, &back, &error), qPrintable(error));
    QCOMPARE(back.tasks.size(), t.tasks.size());
    for (size_t i = 0; i < back.tasks.size(); ++i) {
        QCOMPARE(back.tasks[i].cpuNs, qint64(-1));
        QCOMPARE(back.tasks[i].endNs, t.tasks[i].endNs);
    }
}

QTEST_GUILESS_MAIN(TestJsonReport)
#include "tst_jsonreport.moc"
