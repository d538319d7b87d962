// The Responses API and reasoning deltas end to end: the load engine (QNAM and the socket
// transport) against the in-process simulator, judged by the simulator's ground truth
// (GET /sim/stats: output_tokens, prompt_tokens, cached_tokens, reasoning_tokens and every token's
// time per request).
#include "engine/loadengine.h"
#include "engine/requestbody.h"
#include "metrics/requestmetrics.h"
#include "metrics/summary.h"
#include "session/runsession.h"
#include "sim/simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace BurgerBench;

Q_DECLARE_METATYPE(BurgerBench::ErrorKind)

namespace {

constexpr double IntervalMs = 10;
constexpr int OutputTokens = 12;

SimulatorSettings sim(int reasoning)
{
    SimulatorSettings s;
    s.ttftMs = 20;
    s.tokenIntervalMs = IntervalMs;
    s.outputTokens = OutputTokens;
    s.reasoningTokens = reasoning;
    return s;
}

Scenario scenario(Endpoint endpoint, bool stream, Transport transport)
{
    Scenario s;
    s.name = QStringLiteral("responses");
    s.endpoint = endpoint;
    s.stream = stream;
    s.transport = transport;
    s.concurrency = 2;
    s.requests = 4;
    s.maxTokens = 32;
    s.timeoutS = 60;
    s.idleTimeoutS = 30;
    return s;
}

struct Run
{
    RunResult result;
    std::map<QString, QJsonObject> serverById; // /sim/stats requests by X-Request-Id
};

bool run(Scenario s, const SimulatorSettings &settings, Run *out)
{
    auto thread = std::make_shared<SimulatorThread>();
    QString error;
    if (!thread->start(settings, &error)) {
        qWarning("simulator: %s", qPrintable(error));
        return false;
    }
    s.simulator = settings;
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunRequest request;
    request.scenario = s;
    request.simulator = thread;
    if (!session.start(request, &error)) {
        qWarning("start: %s", qPrintable(error));
        return false;
    }
    if (!finished.wait(120'000))
        return false;
    out->result = session.takeResult();
    const QJsonObject stats = thread->simulator()->stats();
    for (const auto &v : stats.value(QLatin1String("requests")).toArray()) {
        const QJsonObject o = v.toObject();
        out->serverById[o.value(QLatin1String("id")).toString()] = o;
    }
    return true;
}

QString words(int from, int to)
{
    static const char *const vocabulary[] = { "bun", "sesame", "patty", "cheese", "lettuce", "tomato",
        "pickle", "onion", "ketchup", "mustard", "grill", "sizzle", "fries", "shake", "order", "up" };
    QString out;
    for (int i = from; i < to; ++i)
        out += QLatin1String(vocabulary[i % 16]) + u' ';
    return out;
}

} // namespace

class tst_ResponsesRun : public QObject
{
    Q_OBJECT
private slots:
    void requestBody();
    void groundTruth_data();
    void groundTruth();
    void responsesFaults_data();
    void responsesFaults();
};

// What the engine sends to /v1/responses: input (a string, or the messages as input items),
// max_output_tokens, stream; none of chat's max_tokens or stream_options.
void tst_ResponsesRun::requestBody()
{
    Scenario s = scenario(Endpoint::Responses, true, Transport::Qnam);
    s.prompt = QStringLiteral("one burger please");
    s.maxTokens = 20;
    const QJsonObject body = QJsonDocument::fromJson(RequestBody::build(s).json).object();
    QCOMPARE(body.value(QLatin1String("input")).toString(), s.prompt);
    QCOMPARE(body.value(QLatin1String("max_output_tokens")).toInt(), 20);
    QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
    QCOMPARE(body.value(QLatin1String("model")).toString(), s.model);
    QVERIFY(!body.contains(QLatin1String("max_tokens")));
    QVERIFY(!body.contains(QLatin1String("stream_options")));
    QVERIFY(!body.contains(QLatin1String("messages")));

    PlannedRequest p;
    p.outputTokens = 7;
    p.messages = QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                  { QStringLiteral("content"), QStringLiteral("hi") } },
        QJsonObject { { QStringLiteral("role"), QStringLiteral("assistant") },
            { QStringLiteral("content"), QStringLiteral("hello") } },
        QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
            { QStringLiteral("content"), QStringLiteral("a burger") } } };
    s.stream = false;
    const QJsonObject planned = QJsonDocument::fromJson(RequestBody::plannedJson(s, p)).object();
    QCOMPARE(planned.value(QLatin1String("input")).toArray(), p.messages);
    QCOMPARE(planned.value(QLatin1String("max_output_tokens")).toInt(), 7);
    QCOMPARE(planned.value(QLatin1String("stream")).toBool(), false);

    QCOMPARE(LoadEngine::endpointUrl(QUrl(QStringLiteral("http://h:8000")), Endpoint::Responses).path(),
        QStringLiteral("/v1/responses"));
    QCOMPARE(
        LoadEngine::endpointUrl(QUrl(QStringLiteral("http://h/openai/v1/responses")), Endpoint::Chat).path(),
        QStringLiteral("/openai/v1/responses"));
}

void tst_ResponsesRun::groundTruth_data()
{
    QTest::addColumn<int>("endpoint");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("transport");
    QTest::addColumn<int>("reasoning");
    for (Endpoint e : { Endpoint::Responses, Endpoint::Chat }) {
        for (bool stream : { true, false }) {
            for (Transport t : { Transport::Qnam, Transport::Socket }) {
                for (int reasoning : { 0, 8 }) {
                    if (e == Endpoint::Chat && reasoning == 0)
                        continue; // chat without reasoning: tst_loadengine, tst_transportparity
                    const QByteArray name = endpointName(e).toLatin1()
                        + (stream ? " streamed" : " not streamed")
                        + (t == Transport::Socket ? ", socket" : ", qnam") + ", reasoning "
                        + QByteArray::number(reasoning);
                    QTest::newRow(name.constData()) << int(e) << stream << int(t) << reasoning;
                }
            }
        }
    }
}

void tst_ResponsesRun::groundTruth()
{
    QFETCH(int, endpoint);
    QFETCH(bool, stream);
    QFETCH(int, transport);
    QFETCH(int, reasoning);
    Run r;
    QVERIFY(run(scenario(Endpoint(endpoint), stream, Transport(transport)), sim(reasoning), &r));
    const RunTrace &trace = r.result.trace;
    QCOMPARE(int(trace.requests.size()), 4);
    QCOMPARE(r.result.summary.completed, 4);
    QCOMPARE(int(r.serverById.size()), 4);

    for (const RequestRecord &q : trace.requests) {
        const QString id = QString::fromLatin1(q.id);
        QVERIFY2(q.outcome == Outcome::Success, qPrintable(id + u' ' + q.errorMessage));
        const QJsonObject server = r.serverById.at(id);
        QCOMPARE(server.value(QLatin1String("endpoint")).toString(), endpointName(Endpoint(endpoint)));
        QCOMPARE(server.value(QLatin1String("reasoning_tokens")).toInt(), reasoning);
        // Usage feeds the same fields chat's does, and equals what the server generated.
        QVERIFY(q.outputTokensFromUsage);
        QVERIFY(q.promptTokensFromUsage);
        QCOMPARE(q.outputTokens, server.value(QLatin1String("output_tokens")).toInt());
        QCOMPARE(q.outputTokens, OutputTokens);
        QCOMPARE(q.promptTokens, server.value(QLatin1String("prompt_tokens")).toInt());
        QCOMPARE(q.cachedTokens, server.value(QLatin1String("cached_tokens")).toInt());
        QCOMPARE(q.reasoningTokens, endpoint == int(Endpoint::Responses) || reasoning > 0 ? reasoning : -1);
        // The kept text is the answer (and, streamed, the reasoning before it).
        QCOMPARE(q.text, stream ? words(0, OutputTokens) : words(reasoning, OutputTokens));

        const qint64 ttft = RequestMetrics::ttftNs(q, stream);
        if (!stream) {
            QCOMPARE(ttft, qint64(-1));
            QCOMPARE(q.firstContentNs, qint64(-1));
            QCOMPARE(q.reasoningEvents, 0);
            continue;
        }
        const QJsonArray serverTokens = server.value(QLatin1String("token_ns")).toArray();
        QCOMPARE(int(q.tokenNs.size()), int(serverTokens.size()));
        QCOMPARE(int(q.tokenNs.size()), OutputTokens);
        QVERIFY2(ttft > 0, qPrintable(QString::number(ttft)));
        QCOMPARE(q.reasoningEvents, reasoning);
        // TTFT counts the first event, reasoning or not (as vLLM counts it); the answer's first
        // token is the event after the reasoning ones.
        QCOMPARE(q.firstContentNs, q.tokenNs.at(size_t(reasoning)));
        const qint64 clientGap = q.firstContentNs - q.firstTokenNs();
        const qint64 serverGap
            = qint64(serverTokens.at(reasoning).toDouble() - serverTokens.at(0).toDouble());
        // The answer waits behind the reasoning: about reasoning x the token interval on the
        // server's clock (less only by a late first token), and the client sees that gap.
        QVERIFY2(
            serverGap >= qint64(reasoning * IntervalMs * 1e6 * 0.5), qPrintable(QString::number(serverGap)));
        QVERIFY2(serverGap <= qint64(reasoning * IntervalMs * 1e6) + 50'000'000,
            qPrintable(QString::number(serverGap)));
        QVERIFY2(qAbs(clientGap - serverGap) < 40'000'000,
            qPrintable(QStringLiteral("client %1 server %2").arg(clientGap).arg(serverGap)));
        if (reasoning > 0)
            QVERIFY(RequestMetrics::firstContentNs(q, stream) > ttft);
        else
            QCOMPARE(RequestMetrics::firstContentNs(q, stream), ttft);
    }

    const Summary &s = r.result.summary;
    QCOMPARE(s.totalOutputTokens, qint64(4 * OutputTokens));
    QCOMPARE(s.reasoningEvents, stream ? qint64(4 * reasoning) : qint64(0));
    QCOMPARE(s.reasoningTokens,
        endpoint == int(Endpoint::Responses) || reasoning > 0 ? qint64(4 * reasoning) : -1);
    QCOMPARE(s.firstContent.count, stream ? 4 : 0);
    if (stream && reasoning > 0)
        QVERIFY(s.firstContent.median > s.ttft.median);
}

void tst_ResponsesRun::responsesFaults_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("stream_error: an error event")
        << "stream_error" << true << ErrorKind::StreamError << "simulated server error";
    QTest::newRow("missing_done: no response.completed")
        << "missing_done" << true << ErrorKind::MissingDone << "response.completed";
    QTest::newRow("malformed event") << "malformed" << true << ErrorKind::MalformedChunk << "not JSON";
    QTest::newRow("not streamed: stream_error is a 500")
        << "stream_error" << false << ErrorKind::Http << "simulated server error";
}

void tst_ResponsesRun::responsesFaults()
{
    QFETCH(QString, fault);
    QFETCH(bool, stream);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, message);
    for (Transport t : { Transport::Qnam, Transport::Socket }) {
        Scenario s = scenario(Endpoint::Responses, stream, t);
        s.requests = 1;
        s.concurrency = 1;
        s.headers.insert(QStringLiteral("X-Sim-Fault"), fault);
        Run r;
        QVERIFY(run(s, sim(2), &r));
        const RequestRecord &q = r.result.trace.requests.at(0);
        QCOMPARE(q.outcome, Outcome::Failed);
        QCOMPARE(q.error, kind);
        QVERIFY2(q.errorMessage.contains(message), qPrintable(q.errorMessage));
    }
}

QTEST_GUILESS_MAIN(tst_ResponsesRun)
#include "tst_responsesrun.moc"
