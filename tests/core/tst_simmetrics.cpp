#include "protocol/prometheustext.h"
#include "sim/simmetrics.h"
#include "sim/simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace BurgerBench;

namespace {

struct Reply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

class tst_SimMetrics : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void idleExposition();
    void agreesWithStatsWhileQueuedAndAfter();
    void nonStreamingTokensCountAtTheEnd();
    void onlyGet();
    void kvCacheIsWhatThePrefixCacheHolds_data();
    void kvCacheIsWhatThePrefixCacheHolds();

private:
    Reply get(const QString &path);
    QNetworkReply *postChat(bool stream, int maxTokens);
    QNetworkReply *postCompletion(const QByteArray &prompt);
    QJsonObject stats() { return QJsonDocument::fromJson(get(QStringLiteral("/sim/stats")).body).object(); }

    std::unique_ptr<SimulatorThread> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam; // the orders (QNAM: 6 connections per host)
    std::unique_ptr<QNetworkAccessManager> m_probe; // /metrics and /sim/stats, never queued behind them
};

// One sample's value by its name and (optional) le label; NaN when absent.
double valueOf(const PromParseResult &r, const QByteArray &name, const QByteArray &le = {})
{
    for (const PromSample &s : r.samples) {
        if (s.name == name && (le.isEmpty() || s.label("le") == le))
            return s.value;
    }
    return qQNaN();
}

QByteArray leText(double bound)
{
    // As prometheus_client writes bucket bounds: Python's float repr.
    if (bound == double(qint64(bound)))
        return QByteArray::number(qint64(bound)) + ".0";
    return QString::number(bound, 'g', QLocale::FloatingPointShortest).toLatin1();
}

} // namespace

void tst_SimMetrics::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_probe = std::make_unique<QNetworkAccessManager>();
    m_probe->setProxy(QNetworkProxy::NoProxy);
}

void tst_SimMetrics::cleanup()
{
    m_nam.reset();
    m_probe.reset();
    m_sim.reset();
}

Reply tst_SimMetrics::get(const QString &path)
{
    QUrl url = m_sim->url();
    url.setPath(path);
    std::unique_ptr<QNetworkReply> reply(m_probe->get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(5000))
        return {};
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->rawHeader("Content-Type");
    r.body = reply->readAll();
    return r;
}

QNetworkReply *tst_SimMetrics::postChat(bool stream, int maxTokens)
{
    QUrl url = m_sim->url();
    url.setPath(QStringLiteral("/v1/chat/completions"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QJsonObject body { { QLatin1String("model"), QStringLiteral("burger-7b") },
        { QLatin1String("stream"), stream }, { QLatin1String("max_tokens"), maxTokens },
        { QLatin1String("messages"),
            QJsonArray { QJsonObject { { QLatin1String("role"), QStringLiteral("user") },
                { QLatin1String("content"), QStringLiteral("one cheeseburger with fries please") } } } } };
    return m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QNetworkReply *tst_SimMetrics::postCompletion(const QByteArray &prompt)
{
    QUrl url = m_sim->url();
    url.setPath(QStringLiteral("/v1/completions"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QJsonObject body { { QLatin1String("model"), QStringLiteral("burger-7b") },
        { QLatin1String("stream"), true }, { QLatin1String("max_tokens"), 2 },
        { QLatin1String("prompt"), QString::fromLatin1(prompt) } };
    return m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void tst_SimMetrics::idleExposition()
{
    m_sim = std::make_unique<SimulatorThread>();
    QVERIFY(m_sim->start(SimulatorSettings()));
    const Reply r = get(QStringLiteral("/metrics"));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.contentType.startsWith("text/plain; version=0.0.4"), r.contentType.constData());
    const PromParseResult parsed = parsePrometheusText(r.body);
    QVERIFY2(parsed.ok(), parsed.errors.empty() ? "" : qPrintable(parsed.errors.front().message));
    QCOMPARE(valueOf(parsed, "vllm:num_requests_running"), 0.0);
    QCOMPARE(valueOf(parsed, "vllm:num_requests_waiting"), 0.0);
    QCOMPARE(valueOf(parsed, "vllm:kv_cache_usage_perc"), 0.0);
    QCOMPARE(valueOf(parsed, "vllm:time_to_first_token_seconds_count"), 0.0);
    // Every bucket vLLM has, in order, then +Inf; every family typed.
    QList<double> bounds;
    for (const PromSample &s : parsed.samples) {
        QVERIFY2(s.kind != PromKind::Untyped, s.name.constData());
        QCOMPARE(s.label("model_name"), QByteArray("burger-7b"));
        if (s.name == "vllm:time_to_first_token_seconds_bucket") {
            double le = 0;
            QVERIFY(parsePromNumber(s.label("le"), &le));
            bounds.append(le);
        }
    }
    QList<double> expected(SimMetrics::ttftBuckets().begin(), SimMetrics::ttftBuckets().end());
    expected.append(qInf());
    QCOMPARE(bounds, expected);
}

// Capacity 2 and six requests: while the first two are in their (long) TTFT the other four wait,
// and /metrics says so exactly as /sim/stats does; afterwards every counter and histogram bucket is
// what the per-request ground truth of /sim/stats adds up to.
void tst_SimMetrics::agreesWithStatsWhileQueuedAndAfter()
{
    SimulatorSettings s;
    s.ttftMs = 400;
    s.tokenIntervalMs = 5;
    s.outputTokens = 4;
    s.capacity = 2;
    m_sim = std::make_unique<SimulatorThread>();
    QVERIFY(m_sim->start(s));
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    replies.reserve(6);
    for (int i = 0; i < 6; ++i)
        replies.emplace_back(postChat(true, 4));

    // A /metrics between two identical /sim/stats counts must show those counts.
    bool checked = false;
    for (int attempt = 0; attempt < 50 && !checked; ++attempt) {
        QTest::qWait(20);
        const QJsonObject before = stats();
        const PromParseResult during = parsePrometheusText(get(QStringLiteral("/metrics")).body);
        const QJsonObject after = stats();
        const int running = before.value(QLatin1String("running")).toInt();
        const int waiting = before.value(QLatin1String("in_progress")).toInt() - running;
        if (waiting != 4 || after.value(QLatin1String("running")).toInt() != running
            || after.value(QLatin1String("in_progress")).toInt() != running + waiting)
            continue;
        QCOMPARE(valueOf(during, "vllm:num_requests_running"), double(running));
        QCOMPARE(valueOf(during, "vllm:num_requests_waiting"), 4.0);
        QCOMPARE(running, 2);
        // Two prompts held, nothing generated yet (TTFT 400 ms): a small positive fraction.
        const double kv = valueOf(during, "vllm:kv_cache_usage_perc");
        QVERIFY2(kv > 0 && kv < 0.01, qPrintable(QString::number(kv)));
        checked = true;
    }
    QVERIFY2(checked, "never saw four requests waiting");

    for (auto &reply : replies) {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            QVERIFY(finished.wait(10000));
        }
        QCOMPARE(reply->error(), QNetworkReply::NoError);
    }
    QTRY_COMPARE(stats().value(QLatin1String("in_progress")).toInt(), 0);
    const QJsonObject truth = stats();
    const PromParseResult end = parsePrometheusText(get(QStringLiteral("/metrics")).body);
    QVERIFY(end.ok());
    QCOMPARE(valueOf(end, "vllm:num_requests_running"), 0.0);
    QCOMPARE(valueOf(end, "vllm:num_requests_waiting"), 0.0);
    QCOMPARE(valueOf(end, "vllm:kv_cache_usage_perc"), 0.0);

    double promptTokens = 0;
    double outputTokens = 0;
    std::vector<double> ttfts;
    qsizetype gaps = 0;
    const QJsonArray requests = truth.value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 6);
    for (const auto &v : requests) {
        const QJsonObject rec = v.toObject();
        promptTokens += rec.value(QLatin1String("prompt_tokens")).toDouble();
        outputTokens += rec.value(QLatin1String("output_tokens")).toDouble();
        ttfts.push_back((rec.value(QLatin1String("first_token_ns")).toDouble()
                            - rec.value(QLatin1String("arrival_ns")).toDouble())
            / 1e9);
        gaps += rec.value(QLatin1String("token_ns")).toArray().size() - 1;
    }
    QVERIFY(promptTokens > 0);
    QCOMPARE(outputTokens, 24.0);
    QCOMPARE(valueOf(end, "vllm:prompt_tokens_total"), promptTokens);
    QCOMPARE(valueOf(end, "vllm:generation_tokens_total"), outputTokens);
    QCOMPARE(valueOf(end, "vllm:time_to_first_token_seconds_count"), 6.0);
    QCOMPARE(valueOf(end, "vllm:inter_token_latency_seconds_count"), double(gaps));
    double sum = 0;
    for (double t : ttfts)
        sum += t;
    QVERIFY(qAbs(valueOf(end, "vllm:time_to_first_token_seconds_sum") - sum) < 1e-6);
    // The waiting four took two TTFTs or more: the histogram spreads over buckets, each as the
    // ground truth counts it.
    for (double bound : SimMetrics::ttftBuckets()) {
        int atOrBelow = 0;
        for (double t : ttfts)
            atOrBelow += t <= bound ? 1 : 0;
        QCOMPARE(valueOf(end, "vllm:time_to_first_token_seconds_bucket", leText(bound)), double(atOrBelow));
    }
    QCOMPARE(valueOf(end, "vllm:time_to_first_token_seconds_bucket", "+Inf"), 6.0);
    QVERIFY(valueOf(end, "vllm:time_to_first_token_seconds_bucket", "0.5") < 6.0);
}

void tst_SimMetrics::nonStreamingTokensCountAtTheEnd()
{
    SimulatorSettings s;
    s.ttftMs = 5;
    s.tokenIntervalMs = 1;
    s.outputTokens = 7;
    m_sim = std::make_unique<SimulatorThread>();
    QVERIFY(m_sim->start(s));
    std::unique_ptr<QNetworkReply> reply(postChat(false, 7));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const PromParseResult r = parsePrometheusText(get(QStringLiteral("/metrics")).body);
    QCOMPARE(valueOf(r, "vllm:generation_tokens_total"), 7.0);
    QCOMPARE(valueOf(r, "vllm:kv_cache_usage_perc"), 0.0);
    // /sim/reset clears the records, not the counters: a server's counters never go back.
    QUrl url = m_sim->url();
    url.setPath(QStringLiteral("/sim/reset"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reset(m_nam->post(request, QByteArray()));
    QSignalSpy resetDone(reset.get(), &QNetworkReply::finished);
    QVERIFY(resetDone.wait(5000));
    QCOMPARE(
        valueOf(parsePrometheusText(get(QStringLiteral("/metrics")).body), "vllm:generation_tokens_total"),
        7.0);
}

void tst_SimMetrics::onlyGet()
{
    m_sim = std::make_unique<SimulatorThread>();
    QVERIFY(m_sim->start(SimulatorSettings()));
    QUrl url = m_sim->url();
    url.setPath(QStringLiteral("/metrics"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
    std::unique_ptr<QNetworkReply> reply(m_nam->post(request, QByteArray("x")));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
    QCOMPARE(reply->rawHeader("Allow"), QByteArray("GET"));
}

void tst_SimMetrics::kvCacheIsWhatThePrefixCacheHolds_data()
{
    QTest::addColumn<bool>("sharedPrefix");
    QTest::addColumn<int>("pinnedBlocks");
    QTest::newRow("shared prefix") << true << 2; // four prompts, one 1,024-token prefix: held once
    QTest::newRow("distinct prompts") << false << 8; // four prompts that differ from their first word
}

// vllm:kv_cache_usage_perc is the share of the prefix cache's capacity (kv_cache_tokens = 16,384:
// 32 blocks of 512) that the running requests hold: their full prompt blocks, a block shared by
// four requests counted once, plus each one's own tokens (its partial last block; nothing generated
// yet, the first token is 3 s away). Four prompts with one 1,024-token prefix hold 2 blocks; four
// that differ from the first word hold 8.
void tst_SimMetrics::kvCacheIsWhatThePrefixCacheHolds()
{
    QFETCH(bool, sharedPrefix);
    QFETCH(int, pinnedBlocks);
    SimulatorSettings s;
    s.ttftMs = 3000;
    s.tokenIntervalMs = 5;
    s.outputTokens = 2;
    s.kvCacheTokens = 16384;
    m_sim = std::make_unique<SimulatorThread>();
    QVERIFY(m_sim->start(s));
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < 4; ++i) {
        QByteArray prompt = sharedPrefix ? QByteArray("ab") : "w" + QByteArray::number(i);
        for (int w = 1; w < 1024; ++w)
            prompt += " ab";
        prompt += " u" + QByteArray::number(i);
        replies.emplace_back(postCompletion(prompt));
    }
    QJsonObject truth;
    QTRY_VERIFY_WITH_TIMEOUT((truth = stats()).value(QLatin1String("running")).toInt() == 4, 2500);
    const PromParseResult during = parsePrometheusText(get(QStringLiteral("/metrics")).body);
    const QJsonObject after = stats();
    QVERIFY(during.ok());
    const QJsonObject cache = after.value(QLatin1String("prefix_cache")).toObject();
    QCOMPARE(cache.value(QLatin1String("capacity_blocks")).toInt(), 32);
    QCOMPARE(cache.value(QLatin1String("pinned_blocks")).toInt(), pinnedBlocks);
    QCOMPARE(
        truth.value(QLatin1String("prefix_cache")).toObject().value(QLatin1String("pinned_blocks")).toInt(),
        pinnedBlocks);
    double ownTokens = 0;
    for (const auto &v : after.value(QLatin1String("requests")).toArray()) {
        const QJsonObject rec = v.toObject();
        const int prompt = rec.value(QLatin1String("prompt_tokens")).toInt();
        QVERIFY2(prompt > 1024 && prompt < 1536, qPrintable(QString::number(prompt)));
        QCOMPARE(rec.value(QLatin1String("token_ns")).toArray().size(), 0);
        ownTokens += prompt % 512;
    }
    const double expected = (pinnedBlocks * 512 + ownTokens) / 16384.0;
    const double kv = valueOf(during, "vllm:kv_cache_usage_perc");
    QVERIFY2(qAbs(kv - expected) < 1e-9, qPrintable(QStringLiteral("%1, expected %2").arg(kv).arg(expected)));

    // Served and gone: nothing held, the cached blocks stay cached (and free).
    for (auto &reply : replies) {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            QVERIFY(finished.wait(10000));
        }
        QCOMPARE(reply->error(), QNetworkReply::NoError);
    }
    QTRY_COMPARE(stats().value(QLatin1String("in_progress")).toInt(), 0);
    QCOMPARE(
        valueOf(parsePrometheusText(get(QStringLiteral("/metrics")).body), "vllm:kv_cache_usage_perc"), 0.0);
    const QJsonObject idle = stats().value(QLatin1String("prefix_cache")).toObject();
    QCOMPARE(idle.value(QLatin1String("pinned_blocks")).toInt(), 0);
    QCOMPARE(idle.value(QLatin1String("cached_blocks")).toInt(), pinnedBlocks);
}

QTEST_GUILESS_MAIN(tst_SimMetrics)
#include "tst_simmetrics.moc"
