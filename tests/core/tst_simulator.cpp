#include "sim/simtokenizer.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace BurgerBench;

namespace {

// What a raw client saw of one HTTP response.
struct RawResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body; // de-chunked
    QList<QByteArray> chunks; // each HTTP chunk's payload (one SSE event each, for streams)
    bool chunked = false;
    bool complete = false; // terminating chunk, or the whole Content-Length body

    QByteArray header(const char *name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }

    // SSE data payloads, split from the body (independent of the chunk framing).
    QList<QByteArray> events() const
    {
        QList<QByteArray> out;
        const QList<QByteArray> blocks = body.split('\n');
        QByteArray current;
        for (const QByteArray &line : blocks) {
            if (line.isEmpty()) {
                if (!current.isEmpty())
                    out.append(current);
                current.clear();
            } else if (line.startsWith("data: ")) {
                current += line.mid(6);
            }
        }
        if (!current.isEmpty())
            out.append(current);
        return out;
    }
};

// Parses one response from the start of buf into r (partially when incomplete). Returns the
// number of bytes it takes, or 0 while it is incomplete.
qsizetype parseResponse(const QByteArray &buf, RawResponse &r)
{
    r = {};
    const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return 0;
    const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    r.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        r.headers.append({ lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed() });
    }
    qsizetype pos = headerEnd + 4;
    r.chunked = r.header("transfer-encoding") == "chunked";
    if (!r.chunked) {
        const qsizetype length = r.header("content-length").toLongLong();
        r.body = buf.mid(pos, length);
        r.complete = r.body.size() == length;
        return r.complete ? pos + length : 0;
    }
    while (true) {
        const qsizetype lineEnd = buf.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return 0;
        bool ok = false;
        const qsizetype size = buf.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
        if (!ok || buf.size() < lineEnd + 2 + size + 2)
            return 0;
        if (size == 0) {
            r.complete = true;
            return lineEnd + 4;
        }
        const QByteArray payload = buf.mid(lineEnd + 2, size);
        r.chunks.append(payload);
        r.body += payload;
        pos = lineEnd + 2 + size + 2;
    }
}

// Like QTest::qWaitFor, but without its 10 ms sleeps between event batches: the simulator runs
// on this thread, and sleeping here would delay its token timers.
template<typename Predicate> bool waitFor(Predicate predicate, int timeoutMs = 5000)
{
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer tick; // wakes the loop to look at the deadline
    tick.start(5);
    while (!predicate()) {
        if (elapsed.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

class RawClient
{
public:
    explicit RawClient(const QUrl &url) { m_socket.connectToHost(url.host(), quint16(url.port())); }

    bool waitConnected() { return m_socket.waitForConnected(5000); }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    // Waits for one whole response (true), or until the server closes or the timeout (false; r
    // then holds what had arrived).
    bool read(RawResponse &r, int timeoutMs = 5000)
    {
        qsizetype consumed = 0;
        waitFor(
            [&] {
                m_buffer += m_socket.readAll();
                consumed = parseResponse(m_buffer, r);
                return consumed > 0 || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        m_buffer += m_socket.readAll();
        consumed = parseResponse(m_buffer, r);
        if (consumed == 0)
            return false;
        m_buffer.remove(0, consumed);
        return true;
    }

    // Reads until n token chunks (chunks with "choices":[{) have arrived.
    bool readTokenChunks(int n, int timeoutMs = 5000)
    {
        return waitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return m_buffer.count("\"choices\":[{") >= n;
            },
            timeoutMs);
    }

    bool waitClosed(int timeoutMs = 5000)
    {
        return waitFor([&] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray postRequest(const QByteArray &path, const QByteArray &json, const QByteArray &extraHeaders = {})
{
    return "POST " + path
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(json.size()) + "\r\n" + extraHeaders + "\r\n" + json;
}

QByteArray getRequest(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n";
}

QByteArray chatJson(bool stream, bool includeUsage = true, const QJsonObject &extra = {})
{
    QJsonObject body { { QStringLiteral("model"), QStringLiteral("test-model") },
        { QStringLiteral("messages"),
            QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                { QStringLiteral("content"), QStringLiteral("one two three") } } } },
        { QStringLiteral("stream"), stream } };
    if (includeUsage)
        body.insert(
            QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        body.insert(it.key(), it.value());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray completionJson(bool stream, bool includeUsage = true)
{
    QJsonObject body { { QStringLiteral("model"), QStringLiteral("test-model") },
        { QStringLiteral("prompt"), QStringLiteral("four words of prompt") },
        { QStringLiteral("stream"), stream } };
    if (includeUsage)
        body.insert(
            QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

bool hasChoices(const QJsonObject &o)
{
    return !o.value(QLatin1String("choices")).toArray().isEmpty();
}

int tokenEventCount(const QList<QByteArray> &events)
{
    int n = 0;
    for (const QByteArray &e : events)
        n += hasChoices(parseObject(e)) ? 1 : 0;
    return n;
}

// A chat prompt's tokens: its content's tokens plus the chat template (SimTokenizer: 4 tokens a
// message and 3 for the generation prompt). "one two three" is 3 content tokens.
constexpr int chatTokens(int contentTokens, int messages)
{
    return contentTokens + messages * SimTokenizer::TokensPerMessage + SimTokenizer::GenerationPromptTokens;
}

SimulatorSettings fastSettings(int outputTokens = 8)
{
    SimulatorSettings s;
    s.ttftMs = 20;
    s.tokenIntervalMs = 5;
    s.outputTokens = outputTokens;
    return s;
}

QJsonObject lastRecord(const Simulator &sim)
{
    return sim.stats().value(QLatin1String("requests")).toArray().last().toObject();
}

double ms(const QJsonValue &ns)
{
    return ns.toDouble() / 1e6;
}

} // namespace

class tst_Simulator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void streaming_data();
    void streaming();
    void nonStreaming_data();
    void nonStreaming();
    void outputTokens_data();
    void outputTokens();
    void promptTokens_data();
    void promptTokens();
    void routing_data();
    void routing();
    void modelsListsLastModel();
    void malformedRequestGets400AndClose();
    void chunkedRequestBody();
    void pipelinedRequestsAnsweredInOrder();
    void statsEndpointAndTimingGroundTruth();
    void absoluteScheduleWithJitter();
    void prefillAddsToFirstToken();
    void resetClearsRecordsNotSettings();
    void capacityQueuesFifo();
    void keepAliveReusesOneConnection();
    void connectionCloseHonoured();
    void http10StreamIsCloseDelimited();
    void expectContinue();
    void streamFaults_data();
    void streamFaults();
    void bodyFaults_data();
    void bodyFaults();
    void unknownFaultNameIs400();
    void seededRoll_data();
    void seededRoll();
    void seededRollIsReproducible();
    void clientCloseMidStream();
    void simulatorThreadWithNetworkAccessManager();
    void statsCountMessages();
    void tokenizeMatchesUsage_data();
    void tokenizeMatchesUsage();
    void tokenizeErrorsAndSwitch();
    void prefixCacheLowersTtft_data();
    void prefixCacheLowersTtft();
    void resetEmptiesThePrefixCache();
    void wronglyTypedBodiesGet400_data();
    void wronglyTypedBodiesGet400();
    void wellTypedEdgeBodiesPass();
    void responsesNotStreamed();
    void responsesCutByMaxOutputTokens();
    void responsesStreamed();
    void responsesStreamFaults_data();
    void responsesStreamFaults();
    void responsesReportCachedInput();

private:
    bool start(const SimulatorSettings &settings);
    std::unique_ptr<Simulator> m_sim;
};

void tst_Simulator::init()
{
    m_sim.reset();
}

void tst_Simulator::cleanup()
{
    m_sim.reset();
}

bool tst_Simulator::start(const SimulatorSettings &settings)
{
    m_sim = std::make_unique<Simulator>(settings);
    QString error;
    const bool ok = m_sim->listen(QHostAddress::LocalHost, 0, &error);
    if (!ok)
        qWarning() << error;
    return ok && m_sim->url().port() > 0;
}

void tst_Simulator::streaming_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("includeUsage");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("promptTokens");
    QTest::newRow("chat with usage") << QByteArray("/v1/chat/completions") << true << 8 << chatTokens(3, 1);
    QTest::newRow("chat without usage")
        << QByteArray("/v1/chat/completions") << false << 5 << chatTokens(3, 1);
    QTest::newRow("chat single token") << QByteArray("/v1/chat/completions") << true << 1 << chatTokens(3, 1);
    QTest::newRow("completions with usage") << QByteArray("/v1/completions") << true << 6 << 4;
}

void tst_Simulator::streaming()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, includeUsage);
    QFETCH(int, tokens);
    QFETCH(int, promptTokens);
    QVERIFY(start(fastSettings(tokens)));
    const bool chat = path == "/v1/chat/completions";
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest(path, chat ? chatJson(true, includeUsage) : completionJson(true, includeUsage)));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
    QVERIFY(r.chunked);
    QVERIFY(r.complete);

    const QList<QByteArray> events = r.events();
    QCOMPARE(r.chunks.size(), events.size()); // one HTTP chunk per SSE event
    QCOMPARE(events.last(), QByteArray("[DONE]"));
    QCOMPARE(tokenEventCount(events), tokens);
    QString text;
    for (int i = 0; i < tokens; ++i) {
        const QJsonObject o = parseObject(events[i]);
        QVERIFY2(hasChoices(o), events[i].constData());
        QCOMPARE(o.value(QLatin1String("model")).toString(), QStringLiteral("test-model"));
        QCOMPARE(o.value(QLatin1String("object")).toString(),
            chat ? QStringLiteral("chat.completion.chunk") : QStringLiteral("text_completion"));
        QVERIFY(o.value(QLatin1String("created")).toDouble() > 1.6e9);
        const QJsonObject choice = o.value(QLatin1String("choices")).toArray().first().toObject();
        const QJsonValue finish = choice.value(QLatin1String("finish_reason"));
        if (i + 1 < tokens)
            QVERIFY(finish.isNull());
        else
            QCOMPARE(finish.toString(), QStringLiteral("stop")); // fixed length from the settings
        if (chat) {
            const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
            QCOMPARE(delta.contains(QLatin1String("role")), i == 0);
            text += delta.value(QLatin1String("content")).toString();
        } else {
            text += choice.value(QLatin1String("text")).toString();
        }
    }
    QCOMPARE(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size(), tokens);
    QVERIFY(text.endsWith(QLatin1Char(' ')));

    QCOMPARE(events.size(), tokens + (includeUsage ? 2 : 1));
    if (includeUsage) {
        const QJsonObject usageChunk = parseObject(events[tokens]);
        QVERIFY(usageChunk.value(QLatin1String("choices")).isArray());
        QVERIFY(usageChunk.value(QLatin1String("choices")).toArray().isEmpty());
        const QJsonObject usage = usageChunk.value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInt(), promptTokens);
        QCOMPARE(usage.value(QLatin1String("completion_tokens")).toInt(), tokens);
        QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(), tokens + promptTokens);
    }

    const QJsonObject record = lastRecord(*m_sim);
    QCOMPARE(record.value(QLatin1String("endpoint")).toString(),
        chat ? QStringLiteral("chat") : QStringLiteral("completions"));
    QCOMPARE(record.value(QLatin1String("stream")).toBool(), true);
    QCOMPARE(record.value(QLatin1String("token_ns")).toArray().size(), tokens);
    QCOMPARE(record.value(QLatin1String("output_tokens")).toInt(), tokens);
    QCOMPARE(record.value(QLatin1String("status")).toInt(), 200);
}

void tst_Simulator::nonStreaming_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("chat") << QByteArray("/v1/chat/completions");
    QTest::newRow("completions") << QByteArray("/v1/completions");
}

void tst_Simulator::nonStreaming()
{
    QFETCH(QByteArray, path);
    QVERIFY(start(fastSettings(6)));
    const bool chat = path == "/v1/chat/completions";
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    QElapsedTimer timer;
    timer.start();
    client.send(
        postRequest(path, chat ? chatJson(false) : completionJson(false), "X-Request-Id: abc-42\r\n"));
    RawResponse r;
    QVERIFY(client.read(r));
    // TTFT + 5 intervals = 45 ms at the earliest (one rounding of up to half a ms early).
    QVERIFY2(timer.elapsed() >= 44, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.chunked);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    QCOMPARE(r.header("x-request-id"), QByteArray("abc-42"));
    const QJsonObject body = parseObject(r.body);
    QCOMPARE(body.value(QLatin1String("object")).toString(),
        chat ? QStringLiteral("chat.completion") : QStringLiteral("text_completion"));
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("test-model"));
    const QJsonObject choice = body.value(QLatin1String("choices")).toArray().first().toObject();
    const QString text = chat
        ? choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString()
        : choice.value(QLatin1String("text")).toString();
    if (chat) {
        QCOMPARE(choice.value(QLatin1String("message")).toObject().value(QLatin1String("role")).toString(),
            QStringLiteral("assistant"));
    }
    QCOMPARE(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size(), 6);
    QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
    const QJsonObject usage = body.value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("completion_tokens")).toInt(), 6);
    QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInt(), chat ? chatTokens(3, 1) : 4);
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(), chat ? chatTokens(3, 1) + 6 : 10);

    const QJsonObject record = lastRecord(*m_sim);
    QCOMPARE(record.value(QLatin1String("id")).toString(), QStringLiteral("abc-42"));
    QCOMPARE(record.value(QLatin1String("stream")).toBool(), false);
    QVERIFY(record.value(QLatin1String("first_token_ns")).isNull()); // no TTFT without a stream
    QVERIFY(
        ms(record.value(QLatin1String("end_ns"))) - ms(record.value(QLatin1String("admitted_ns"))) >= 44.4);
}

void tst_Simulator::outputTokens_data()
{
    QTest::addColumn<int>("settingTokens");
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("finishReason");
    QTest::newRow("max_tokens when the setting is 0")
        << 0 << QJsonObject { { QStringLiteral("max_tokens"), 5 } } << 5 << QStringLiteral("length");
    QTest::newRow("max_completion_tokens wins over max_tokens")
        << 0
        << QJsonObject { { QStringLiteral("max_tokens"), 7 }, { QStringLiteral("max_completion_tokens"), 3 } }
        << 3 << QStringLiteral("length");
    QTest::newRow("default 16 without limits") << 0 << QJsonObject {} << 16 << QStringLiteral("length");
    QTest::newRow("fixed setting wins")
        << 4 << QJsonObject { { QStringLiteral("max_tokens"), 9 } } << 4 << QStringLiteral("stop");
}

void tst_Simulator::outputTokens()
{
    QFETCH(int, settingTokens);
    QFETCH(QJsonObject, extra);
    QFETCH(int, expected);
    QFETCH(QString, finishReason);
    SimulatorSettings s = fastSettings(settingTokens);
    s.tokenIntervalMs = 1;
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/chat/completions", chatJson(true, true, extra)));
    RawResponse r;
    QVERIFY(client.read(r));
    const QList<QByteArray> events = r.events();
    QCOMPARE(tokenEventCount(events), expected);
    const QJsonObject last = parseObject(events[expected - 1]);
    QCOMPARE(last.value(QLatin1String("choices"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("finish_reason"))
                 .toString(),
        finishReason);
    QCOMPARE(parseObject(events[expected])
                 .value(QLatin1String("usage"))
                 .toObject()
                 .value(QLatin1String("completion_tokens"))
                 .toInt(),
        expected);
}

void tst_Simulator::promptTokens_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("expected");
    QTest::newRow("chat messages summed")
        << QByteArray("/v1/chat/completions")
        << QByteArray(
               R"({"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"  one\ttwo\nthree  "}]})")
        << chatTokens(2 + 7, 2); // " ", " one", "\t", "two", "\n", "three", "  ": whitespace counts
    QTest::newRow("chat content parts")
        << QByteArray("/v1/chat/completions")
        << QByteArray(
               R"({"messages":[{"role":"user","content":[{"type":"text","text":"a b"},{"type":"text","text":"c"}]}]})")
        << chatTokens(3, 1);
    QTest::newRow("completions prompt")
        << QByteArray("/v1/completions") << QByteArray(R"({"prompt":"the quick brown fox jumps"})") << 5;
    QTest::newRow("completions prompt list")
        << QByteArray("/v1/completions") << QByteArray(R"({"prompt":["one two","three"]})") << 3;
    QTest::newRow("empty prompt") << QByteArray("/v1/completions") << QByteArray(R"({"prompt":""})") << 0;
}

void tst_Simulator::promptTokens()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, json);
    QFETCH(int, expected);
    SimulatorSettings s = fastSettings(2);
    s.ttftMs = 0;
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest(path, json));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(parseObject(r.body)
                 .value(QLatin1String("usage"))
                 .toObject()
                 .value(QLatin1String("prompt_tokens"))
                 .toInt(),
        expected);
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("prompt_tokens")).toInt(), expected);
}

void tst_Simulator::routing_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allow");
    QTest::addColumn<QByteArray>("bodyContains");
    QTest::newRow("health") << getRequest("/health") << 200 << QByteArray() << QByteArray(R"("status":"ok")");
    QTest::newRow("models") << getRequest("/v1/models") << 200 << QByteArray()
                            << QByteArray(R"("id":"burger-7b")");
    QTest::newRow("unknown path 404")
        << getRequest("/v2/nothing") << 404 << QByteArray() << QByteArray("\"error\"");
    QTest::newRow("GET on chat 405") << getRequest("/v1/chat/completions") << 405 << QByteArray("POST")
                                     << QByteArray("\"error\"");
    QTest::newRow("POST on models 405")
        << postRequest("/v1/models", "{}") << 405 << QByteArray("GET") << QByteArray("\"error\"");
    QTest::newRow("GET on reset 405")
        << getRequest("/sim/reset") << 405 << QByteArray("POST") << QByteArray("\"error\"");
    QTest::newRow("body not JSON 400") << postRequest("/v1/chat/completions", "not json") << 400
                                       << QByteArray() << QByteArray("invalid_request_error");
}

void tst_Simulator::routing()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, allow);
    QFETCH(QByteArray, bodyContains);
    QVERIFY(start(fastSettings()));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(request);
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("allow"), allow);
    QVERIFY2(r.body.contains(bodyContains), r.body.constData());
    QVERIFY(!parseObject(r.body).isEmpty());
    // The connection stays usable after an error status.
    client.send(getRequest("/health"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
}

void tst_Simulator::modelsListsLastModel()
{
    QVERIFY(start(fastSettings(1)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/chat/completions", chatJson(false)));
    RawResponse r;
    QVERIFY(client.read(r));
    client.send(getRequest("/v1/models"));
    QVERIFY(client.read(r));
    const QJsonObject models = parseObject(r.body);
    QCOMPARE(models.value(QLatin1String("object")).toString(), QStringLiteral("list"));
    const QJsonArray data = models.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(data[0].toObject().value(QLatin1String("id")).toString(), QStringLiteral("burger-7b"));
    QCOMPARE(data[0].toObject().value(QLatin1String("owned_by")).toString(), QStringLiteral("burgerbench"));
    QCOMPARE(data[1].toObject().value(QLatin1String("id")).toString(), QStringLiteral("test-model"));
}

void tst_Simulator::malformedRequestGets400AndClose()
{
    QVERIFY(start(fastSettings()));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send("THIS IS NOT HTTP\r\n\r\n");
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.header("connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
    // Oversized body announced: 413.
    RawClient big(m_sim->url());
    QVERIFY(big.waitConnected());
    big.send("POST /v1/completions HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n");
    QVERIFY(big.read(r));
    QCOMPARE(r.status, 413);
    QVERIFY(big.waitClosed());
}

void tst_Simulator::chunkedRequestBody()
{
    QVERIFY(start(fastSettings(3)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    const QByteArray json = completionJson(false);
    const QByteArray head = json.left(10);
    const QByteArray tail = json.mid(10);
    client.send("POST /v1/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + QByteArray::number(head.size(), 16) + "\r\n" + head + "\r\n");
    waitFor([] { return false; }, 10); // the rest in a later segment
    client.send(QByteArray::number(tail.size(), 16) + "\r\n" + tail + "\r\n0\r\n\r\n");
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(parseObject(r.body)
                 .value(QLatin1String("usage"))
                 .toObject()
                 .value(QLatin1String("prompt_tokens"))
                 .toInt(),
        4);
}

void tst_Simulator::pipelinedRequestsAnsweredInOrder()
{
    QVERIFY(start(fastSettings(3)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    // The slow completion first: the quick /health behind it must wait its turn.
    client.send(postRequest("/v1/completions", completionJson(true)) + getRequest("/health"));
    RawResponse first;
    RawResponse second;
    QVERIFY(client.read(first));
    QVERIFY(client.read(second));
    QCOMPARE(first.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(first.events().last(), QByteArray("[DONE]"));
    QCOMPARE(second.body, QByteArray(R"({"status":"ok"})"));
}

void tst_Simulator::statsEndpointAndTimingGroundTruth()
{
    QVERIFY(start(fastSettings(8)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/chat/completions", chatJson(true), "x-request-id: req-1\r\n"));
    RawResponse r;
    QVERIFY(client.read(r));
    client.send(getRequest("/sim/stats"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    const QJsonObject stats = parseObject(r.body);
    QCOMPARE(stats.value(QLatin1String("clock")).toString(), QStringLiteral("ns since simulator start"));
    QCOMPARE(stats.value(QLatin1String("requests_received")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("in_progress")).toInt(), 0);
    QCOMPARE(stats.value(QLatin1String("peak_concurrent")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("peak_running")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("connections_accepted")).toInt(), 1);
    const QJsonArray requests = stats.value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 1);
    const QJsonObject rec = requests.first().toObject();
    QCOMPARE(rec.value(QLatin1String("id")).toString(), QStringLiteral("req-1"));
    QCOMPARE(rec.value(QLatin1String("fault")).toString(), QStringLiteral("none"));
    QCOMPARE(rec.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(rec.value(QLatin1String("prompt_tokens")).toInt(), chatTokens(3, 1));
    QCOMPARE(rec.value(QLatin1String("output_tokens")).toInt(), 8);

    const double arrival = ms(rec.value(QLatin1String("arrival_ns")));
    const double admitted = ms(rec.value(QLatin1String("admitted_ns")));
    const double first = ms(rec.value(QLatin1String("first_token_ns")));
    const double end = ms(rec.value(QLatin1String("end_ns")));
    const QJsonArray tokens = rec.value(QLatin1String("token_ns")).toArray();
    QCOMPARE(tokens.size(), 8);
    QCOMPARE(ms(tokens.first()), first);
    QVERIFY(arrival >= 0 && admitted >= arrival);
    QVERIFY(admitted - arrival < 50); // no capacity limit: admitted on arrival
    // First token ≈ TTFT (20 ms) after admission: never more than half a ms early, generous late.
    QVERIFY2(first - admitted >= 19.4 && first - admitted < 20 + 150,
        qPrintable(QString::number(first - admitted)));
    double previous = first;
    for (int i = 1; i < tokens.size(); ++i) {
        const double t = ms(tokens[i]);
        QVERIFY(t >= previous);
        previous = t;
    }
    // Absolute schedule: the last token is due at admission + 20 + 7·5 ms, whatever the first
    // token and the gaps did (a late token makes the next gap shorter, not the run longer).
    const double span = ms(tokens.last()) - admitted;
    QVERIFY2(span >= 55 - 0.6 && span < 55 + 150, qPrintable(QString::number(span)));
    QVERIFY(end >= ms(tokens.last()));
}

void tst_Simulator::absoluteScheduleWithJitter()
{
    SimulatorSettings s = fastSettings(30);
    s.ttftMs = 5;
    s.tokenIntervalMs = 4;
    s.jitterMs = 3;
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/completions", completionJson(true)));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(tokenEventCount(r.events()), 30);
    const QJsonArray tokens = lastRecord(*m_sim).value(QLatin1String("token_ns")).toArray();
    QCOMPARE(tokens.size(), 30);
    QSet<qint64> distinctGaps;
    for (int i = 1; i < tokens.size(); ++i) {
        QVERIFY(tokens[i].toDouble() >= tokens[i - 1].toDouble()); // never before the previous token
        distinctGaps.insert(qint64((tokens[i].toDouble() - tokens[i - 1].toDouble()) / 1e6));
    }
    QVERIFY(distinctGaps.size() > 2); // the jitter shows
    // TTFT 5 ms + 29 intervals of 4 ms, ± 3 ms jitter on the last one only (targets are absolute).
    const double span = ms(tokens.last()) - ms(lastRecord(*m_sim).value(QLatin1String("admitted_ns")));
    QVERIFY2(span >= 5 + 29 * 4 - 3.6 && span < 5 + 29 * 4 + 3 + 150, qPrintable(QString::number(span)));
}

void tst_Simulator::prefillAddsToFirstToken()
{
    SimulatorSettings s = fastSettings(2);
    s.prefillUsPerPromptToken = 2000; // 2 ms per word
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/completions", R"({"prompt":"a b c d e f g h i j","stream":true})"));
    RawResponse r;
    QVERIFY(client.read(r));
    const QJsonObject rec = lastRecord(*m_sim);
    const double ttft
        = ms(rec.value(QLatin1String("first_token_ns"))) - ms(rec.value(QLatin1String("admitted_ns")));
    QVERIFY2(ttft >= 20 + 10 * 2 - 0.6 && ttft < 40 + 150, qPrintable(QString::number(ttft)));
}

void tst_Simulator::resetClearsRecordsNotSettings()
{
    SimulatorSettings s = fastSettings(2);
    s.ttftMs = 1;
    s.capacity = 7;
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    RawResponse r;
    client.send(postRequest("/v1/chat/completions", chatJson(false)));
    QVERIFY(client.read(r));
    client.send(postRequest("/v1/chat/completions", chatJson(true)));
    QVERIFY(client.read(r));
    QCOMPARE(m_sim->stats().value(QLatin1String("requests")).toArray().size(), 2);
    client.send(postRequest("/sim/reset", {}));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    const QJsonObject stats = m_sim->stats();
    QCOMPARE(stats.value(QLatin1String("requests")).toArray().size(), 0);
    QCOMPARE(stats.value(QLatin1String("requests_received")).toInt(), 0);
    QCOMPARE(stats.value(QLatin1String("peak_concurrent")).toInt(), 0);
    QCOMPARE(stats.value(QLatin1String("connections_accepted")).toInt(), 0);
    QCOMPARE(m_sim->settings().capacity, 7);
    QCOMPARE(m_sim->settings().ttftMs, 1.0);
    // Counting starts over.
    client.send(postRequest("/v1/chat/completions", chatJson(false)));
    QVERIFY(client.read(r));
    QCOMPARE(m_sim->stats().value(QLatin1String("requests_received")).toInt(), 1);
    m_sim->reset(); // the C++ call does the same
    QCOMPARE(m_sim->stats().value(QLatin1String("requests")).toArray().size(), 0);
}

void tst_Simulator::capacityQueuesFifo()
{
    SimulatorSettings s = fastSettings(4);
    s.ttftMs = 100; // all four arrive while the first two are still running, even on a slow machine
    s.capacity = 2;
    QVERIFY(start(s));
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<RawClient>(m_sim->url()));
        QVERIFY(clients.back()->waitConnected());
    }
    for (int i = 0; i < 4; ++i) {
        clients[i]->send(postRequest(
            "/v1/chat/completions", chatJson(true), "X-Request-Id: c" + QByteArray::number(i) + "\r\n"));
        waitFor([] { return false; }, 2); // a defined arrival order
    }
    for (auto &client : clients) {
        RawResponse r;
        QVERIFY(client->read(r));
        QCOMPARE(tokenEventCount(r.events()), 4);
    }
    const QJsonObject stats = m_sim->stats();
    QCOMPARE(stats.value(QLatin1String("peak_running")).toInt(), 2);
    QCOMPARE(stats.value(QLatin1String("peak_concurrent")).toInt(), 4);
    QCOMPARE(stats.value(QLatin1String("in_progress")).toInt(), 0);
    const QJsonArray requests = stats.value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 4);
    // The last two waited for a slot: each was admitted only when an earlier one ended.
    QList<double> ends;
    for (int i = 0; i < 2; ++i)
        ends.append(requests[i].toObject().value(QLatin1String("end_ns")).toDouble());
    std::sort(ends.begin(), ends.end());
    for (int i = 2; i < 4; ++i) {
        const QJsonObject rec = requests[i].toObject();
        QVERIFY(rec.value(QLatin1String("admitted_ns")).toDouble() >= ends[i - 2]);
        QVERIFY(rec.value(QLatin1String("admitted_ns")).toDouble()
            > rec.value(QLatin1String("arrival_ns")).toDouble());
    }
}

void tst_Simulator::keepAliveReusesOneConnection()
{
    QVERIFY(start(fastSettings(3)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    for (int i = 0; i < 3; ++i) {
        client.send(postRequest("/v1/chat/completions", chatJson(i % 2 == 0)));
        RawResponse r;
        QVERIFY(client.read(r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
    }
    const QJsonObject stats = m_sim->stats();
    QCOMPARE(stats.value(QLatin1String("connections_accepted")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("requests_received")).toInt(), 3);
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

void tst_Simulator::connectionCloseHonoured()
{
    QVERIFY(start(fastSettings(2)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/chat/completions", chatJson(true), "Connection: close\r\n"));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.header("connection"), QByteArray("close"));
    QCOMPARE(r.events().last(), QByteArray("[DONE]"));
    QVERIFY(client.waitClosed());
}

void tst_Simulator::http10StreamIsCloseDelimited()
{
    QVERIFY(start(fastSettings(3)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    const QByteArray json = chatJson(true);
    client.send("POST /v1/chat/completions HTTP/1.0\r\nContent-Length: " + QByteArray::number(json.size())
        + "\r\n\r\n" + json);
    QVERIFY(client.waitClosed()); // HTTP/1.0 has no chunked coding: the close ends the body
    QByteArray all;
    waitFor([&] {
        all += client.socket().readAll();
        return all.endsWith("data: [DONE]\n\n");
    });
    QVERIFY(all.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(!all.contains("Transfer-Encoding"));
    QVERIFY(all.contains("Connection: close\r\n"));
    QCOMPARE(all.count("\"choices\":[{"), 3);
    QVERIFY(all.endsWith("data: [DONE]\n\n"));
}

void tst_Simulator::expectContinue()
{
    QVERIFY(start(fastSettings(2)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    const QByteArray json = completionJson(false);
    client.send("POST /v1/completions HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: "
        + QByteArray::number(json.size()) + "\r\n\r\n");
    RawResponse interim;
    QVERIFY(client.read(interim)); // "100 Continue" has no body: parses as a complete response
    QCOMPARE(interim.status, 100);
    client.send(json);
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(parseObject(r.body)
                 .value(QLatin1String("usage"))
                 .toObject()
                 .value(QLatin1String("completion_tokens"))
                 .toInt(),
        2);
}

void tst_Simulator::streamFaults_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<bool>("complete"); // terminating chunk arrived
    QTest::addColumn<int>("tokenChunks"); // of 8
    QTest::addColumn<bool>("done"); // data: [DONE]
    QTest::addColumn<bool>("usage"); // usage chunk
    QTest::addColumn<QByteArray>("marker"); // in the body
    QTest::newRow("none") << QByteArray("none") << 200 << QByteArray() << true << 8 << true << true
                          << QByteArray();
    QTest::newRow("http_429") << QByteArray("http_429") << 429 << QByteArray("7") << true << 0 << false
                              << false << QByteArray("\"error\"");
    QTest::newRow("http_500") << QByteArray("http_500") << 500 << QByteArray() << true << 0 << false << false
                              << QByteArray("\"error\"");
    QTest::newRow("http_503") << QByteArray("http_503") << 503 << QByteArray("7") << true << 0 << false
                              << false << QByteArray("\"error\"");
    QTest::newRow("reset mid-stream")
        << QByteArray("reset") << 200 << QByteArray() << false << 4 << false << false << QByteArray();
    QTest::newRow("malformed chunk") << QByteArray("malformed") << 200 << QByteArray() << true << 8 << true
                                     << true
                                     << QByteArray(R"(data: {"choices": [{"delta": {"content": "oops")"
                                                   "\n\n");
    QTest::newRow("stream error payload")
        << QByteArray("stream_error") << 200 << QByteArray() << true << 4 << true << false
        << QByteArray(
               R"({"error": {"message": "simulated server error", "type": "server_error", "code": 500}})");
    QTest::newRow("missing [DONE]") << QByteArray("missing_done") << 200 << QByteArray() << true << 8 << false
                                    << true << QByteArray();
    QTest::newRow("stall") << QByteArray("stall") << 200 << QByteArray() << true << 8 << true << true
                           << QByteArray();
}

void tst_Simulator::streamFaults()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(bool, complete);
    QFETCH(int, tokenChunks);
    QFETCH(bool, done);
    QFETCH(bool, usage);
    QFETCH(QByteArray, marker);
    SimulatorSettings s = fastSettings(8);
    s.faults.retryAfterSeconds = 7;
    s.faults.stallSeconds = 0.3;
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/chat/completions", chatJson(true), "X-Sim-Fault: " + fault + "\r\n"));
    RawResponse r;
    QCOMPARE(client.read(r), complete);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("retry-after"), retryAfter);
    QCOMPARE(r.complete, complete);
    if (status != 200) {
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QVERIFY(parseObject(r.body).value(QLatin1String("error")).isObject());
    }
    QVERIFY2(r.body.contains(marker), r.body.constData());
    QList<QByteArray> events = r.events();
    if (fault == "malformed")
        events.removeIf([](const QByteArray &e) { return e.contains("oops"); });
    QCOMPARE(tokenEventCount(events), tokenChunks);
    QCOMPARE(!events.isEmpty() && events.last() == "[DONE]", done);
    QCOMPARE(r.body.contains("\"usage\""), usage);
    if (fault == "reset") {
        QVERIFY(client.waitClosed());
        QVERIFY(client.socket().error() == QAbstractSocket::RemoteHostClosedError);
    }

    QTRY_COMPARE(m_sim->stats().value(QLatin1String("in_progress")).toInt(), 0);
    const QJsonObject rec = lastRecord(*m_sim);
    QCOMPARE(rec.value(QLatin1String("fault")).toString(), QString::fromLatin1(fault));
    QCOMPARE(rec.value(QLatin1String("status")).toInt(), status);
    QCOMPARE(rec.value(QLatin1String("output_tokens")).toInt(), tokenChunks);
    QCOMPARE(rec.value(QLatin1String("token_ns")).toArray().size(), tokenChunks);
    if (fault == "stall") {
        // Token 4 is due at admission + 20 + 4·5 ms + the 300 ms stall (absolute targets).
        const QJsonArray tokens = rec.value(QLatin1String("token_ns")).toArray();
        const double admitted = ms(rec.value(QLatin1String("admitted_ns")));
        const double late = ms(tokens[4]) - admitted;
        QVERIFY2(late >= 340 - 0.6 && late < 340 + 200, qPrintable(QString::number(late)));
        QVERIFY(ms(tokens[3]) - admitted < 35 + 150); // nothing stalled before the half
    }
    if (status != 200)
        QVERIFY(rec.value(QLatin1String("admitted_ns")).isNull()); // answered without a slot
}

void tst_Simulator::bodyFaults_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("status"); // 0: no response at all
    QTest::addColumn<bool>("json");
    QTest::newRow("reset before the body") << QByteArray("reset") << 0 << false;
    QTest::newRow("malformed body") << QByteArray("malformed") << 200 << false;
    QTest::newRow("stream_error becomes 500") << QByteArray("stream_error") << 500 << true;
    QTest::newRow("missing_done has no effect") << QByteArray("missing_done") << 200 << true;
    QTest::newRow("stall before the body") << QByteArray("stall") << 200 << true;
}

void tst_Simulator::bodyFaults()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, status);
    QFETCH(bool, json);
    SimulatorSettings s = fastSettings(4);
    s.faults.stallSeconds = 0.2;
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    QElapsedTimer timer;
    timer.start();
    client.send(postRequest("/v1/chat/completions", chatJson(false), "X-Sim-Fault: " + fault + "\r\n"));
    RawResponse r;
    QCOMPARE(client.read(r), status != 0);
    QCOMPARE(r.status, status);
    if (status == 0)
        QVERIFY(client.waitClosed());
    else
        QCOMPARE(QJsonDocument::fromJson(r.body).isObject(), json);
    if (fault == "stall")
        QVERIFY(timer.elapsed() >= 200 + 35);
    QTRY_COMPARE(m_sim->stats().value(QLatin1String("in_progress")).toInt(), 0);
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("fault")).toString(), QString::fromLatin1(fault));
}

void tst_Simulator::unknownFaultNameIs400()
{
    QVERIFY(start(fastSettings(2)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/chat/completions", chatJson(true), "X-Sim-Fault: explode\r\n"));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("explode"));
}

void tst_Simulator::seededRoll_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("recorded");
    QTest::newRow("http429 certain") << QStringLiteral("http429") << QByteArray()
                                     << QStringLiteral("http_429");
    QTest::newRow("http503 certain") << QStringLiteral("http503") << QByteArray()
                                     << QStringLiteral("http_503");
    QTest::newRow("streamError certain")
        << QStringLiteral("streamError") << QByteArray() << QStringLiteral("stream_error");
    QTest::newRow("missingDone certain")
        << QStringLiteral("missingDone") << QByteArray() << QStringLiteral("missing_done");
    QTest::newRow("header none overrides")
        << QStringLiteral("http500") << QByteArray("X-Sim-Fault: none\r\n") << QStringLiteral("none");
}

void tst_Simulator::seededRoll()
{
    QFETCH(QString, fault);
    QFETCH(QByteArray, header);
    QFETCH(QString, recorded);
    SimulatorSettings s = fastSettings(2);
    s.ttftMs = 1;
    if (fault == QLatin1String("http429"))
        s.faults.http429 = 1;
    else if (fault == QLatin1String("http500"))
        s.faults.http500 = 1;
    else if (fault == QLatin1String("http503"))
        s.faults.http503 = 1;
    else if (fault == QLatin1String("streamError"))
        s.faults.streamError = 1;
    else if (fault == QLatin1String("missingDone"))
        s.faults.missingDone = 1;
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    for (int i = 0; i < 3; ++i) {
        client.send(postRequest("/v1/chat/completions", chatJson(true), header));
        RawResponse r;
        QVERIFY(client.read(r));
        QCOMPARE(lastRecord(*m_sim).value(QLatin1String("fault")).toString(), recorded);
    }
}

void tst_Simulator::seededRollIsReproducible()
{
    SimulatorSettings s = fastSettings(1);
    s.ttftMs = 0;
    s.faults.http500 = 0.5;
    s.seed = 42;
    QVERIFY(start(s));
    auto run = [this] {
        QByteArray statuses;
        RawClient client(m_sim->url());
        if (!client.waitConnected())
            return statuses;
        for (int i = 0; i < 24; ++i) {
            client.send(postRequest("/v1/completions", completionJson(false)));
            RawResponse r;
            if (!client.read(r))
                return statuses;
            statuses += r.status == 200 ? '.' : 'x';
        }
        return statuses;
    };
    const QByteArray first = run();
    QCOMPARE(first.size(), 24);
    QVERIFY(first.contains('.') && first.contains('x')); // p = 0.5 really mixes
    m_sim->reset(); // re-seeds
    QCOMPARE(run(), first);
}

void tst_Simulator::clientCloseMidStream()
{
    SimulatorSettings s = fastSettings(100);
    s.capacity = 1;
    QVERIFY(start(s));
    {
        RawClient client(m_sim->url());
        QVERIFY(client.waitConnected());
        client.send(postRequest("/v1/chat/completions", chatJson(true), "X-Request-Id: leaver\r\n"));
        QVERIFY(client.readTokenChunks(3));
        client.socket().abort();
    }
    QTRY_COMPARE(m_sim->stats().value(QLatin1String("in_progress")).toInt(), 0);
    const QJsonObject rec = lastRecord(*m_sim);
    QCOMPARE(rec.value(QLatin1String("id")).toString(), QStringLiteral("leaver"));
    QCOMPARE(rec.value(QLatin1String("fault")).toString(), QStringLiteral("client_closed"));
    QVERIFY(!rec.value(QLatin1String("end_ns")).isNull());
    const int sent = rec.value(QLatin1String("output_tokens")).toInt();
    QVERIFY(sent >= 3 && sent < 100);
    QCOMPARE(rec.value(QLatin1String("token_ns")).toArray().size(), sent);

    // The slot was given back (capacity 1) and the server keeps serving.
    RawClient next(m_sim->url());
    QVERIFY(next.waitConnected());
    next.send(postRequest("/v1/chat/completions", chatJson(false)));
    RawResponse r;
    QVERIFY(next.read(r));
    QCOMPARE(r.status, 200);
}

void tst_Simulator::simulatorThreadWithNetworkAccessManager()
{
    SimulatorThread thread;
    QString error;
    QVERIFY2(thread.start(fastSettings(5), &error), qPrintable(error));
    QVERIFY(thread.url().port() > 0);
    QVERIFY(thread.simulator());
    QVERIFY(thread.simulator()->thread() != QThread::currentThread());

    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QUrl url = thread.url();
    url.setPath(QStringLiteral("/v1/chat/completions"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("X-Request-Id", "nam-1");
    std::unique_ptr<QNetworkReply> reply(nam.post(request, chatJson(true)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray body = reply->readAll();
    QCOMPARE(body.count("\"choices\":[{"), 5);
    QVERIFY(body.endsWith("data: [DONE]\n\n"));

    // stats() is safe from this thread while the simulator runs on its own.
    const QJsonObject stats = thread.simulator()->stats();
    QCOMPARE(stats.value(QLatin1String("requests_received")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("requests"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
        QStringLiteral("nam-1"));

    thread.stop();
    QVERIFY(!thread.simulator());
    QVERIFY(thread.url().isEmpty());
    // A port already in use fails cleanly.
    Simulator blocker;
    QVERIFY(blocker.listen());
    SimulatorThread second;
    QVERIFY(!second.start(fastSettings(), &error, QHostAddress::LocalHost, quint16(blocker.url().port())));
    QVERIFY(!error.isEmpty());
    QVERIFY(!second.simulator());
}

// A chat body: messages is a JSON array text.
QByteArray chatBody(const QByteArray &messages, bool stream)
{
    return R"({"model":"m","stream":)" + QByteArray(stream ? "true" : "false")
        + R"(,"stream_options":{"include_usage":true},"messages":)" + messages + "}";
}

void tst_Simulator::statsCountMessages()
{
    QVERIFY(start(fastSettings(1)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    RawResponse r;
    // System, two user turns and two answers: what a third turn's request carries, less its question.
    client.send(postRequest("/v1/chat/completions",
        chatBody(R"([{"role":"system","content":"s"},{"role":"user","content":"u1"},)"
                 R"({"role":"assistant","content":"a1"},{"role":"user","content":"u2"},)"
                 R"({"role":"assistant","content":"a2"}])",
            false)));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QJsonObject rec = lastRecord(*m_sim);
    QCOMPARE(rec.value(QLatin1String("messages")).toInt(), 5);
    // "u1" is two tokens (a letter, a digit): 1 + 4 x 2 content tokens.
    QCOMPARE(rec.value(QLatin1String("prompt_tokens")).toInt(), chatTokens(1 + 4 * 2, 5));
    QCOMPARE(rec.value(QLatin1String("cached_tokens")).toInt(), 0);
    client.send(postRequest("/v1/completions", completionJson(false)));
    QVERIFY(client.read(r));
    rec = lastRecord(*m_sim);
    QCOMPARE(rec.value(QLatin1String("messages")).toInt(), 0); // completions have no messages
    QCOMPARE(rec.value(QLatin1String("prompt_tokens")).toInt(), 4);
}

void tst_Simulator::tokenizeMatchesUsage_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("completionBody");
    QTest::addColumn<QByteArray>("tokenizeBody");
    QTest::addColumn<int>("count");
    const QByteArray prose
        = "Regulars who come back for a second order, internationally renowned: 1,234,567 fries!";
    // Regulars | who | come | back | for | a | second | order | , | internationally (16 bytes with
    // the space: 8 + 4 + 4) | renowned (9 bytes: 8 + 1) | : | 1 | , | 234 | , | 567 | fries | !
    const int proseTokens = 8 + 1 + 3 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1;
    QTest::newRow("prompt") << QByteArray("/v1/completions")
                            << QByteArray(R"({"model":"m","prompt":")" + prose + R"("})")
                            << QByteArray(R"({"model":"m","prompt":")" + prose + R"("})") << proseTokens;
    const QByteArray messages
        = R"([{"role":"system","content":"be brief"},{"role":"user","content":")" + prose + R"("}])";
    QTest::newRow("messages") << QByteArray("/v1/chat/completions") << chatBody(messages, false)
                              << QByteArray(R"({"model":"m","messages":)" + messages + "}")
                              << chatTokens(2 + proseTokens, 2);
}

void tst_Simulator::tokenizeMatchesUsage()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, completionBody);
    QFETCH(QByteArray, tokenizeBody);
    QFETCH(int, count);
    SimulatorSettings s = fastSettings(1);
    s.maxModelLen = 4096;
    QVERIFY(start(s));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    RawResponse r;
    client.send(postRequest("/tokenize", tokenizeBody));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const QJsonObject tokenized = parseObject(r.body);
    QCOMPARE(tokenized.value(QLatin1String("count")).toInt(), count);
    QCOMPARE(tokenized.value(QLatin1String("max_model_len")).toInt(), 4096);
    const QJsonArray tokens = tokenized.value(QLatin1String("tokens")).toArray();
    QCOMPARE(tokens.size(), count);
    for (const auto &t : tokens)
        QVERIFY(t.isDouble() && t.toInt() >= 1 && t.toInt() < SimTokenizer::VocabularySize);
    QCOMPARE(m_sim->stats().value(QLatin1String("requests")).toArray().size(), 0); // not a completion

    client.send(postRequest(path, completionBody));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(parseObject(r.body)
                 .value(QLatin1String("usage"))
                 .toObject()
                 .value(QLatin1String("prompt_tokens"))
                 .toInt(),
        count);
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("prompt_tokens")).toInt(), count);

    if (path == "/v1/chat/completions") {
        // Without the generation prompt: 3 tokens fewer, as vLLM's add_generation_prompt: false.
        QByteArray body = tokenizeBody;
        body.chop(1);
        body += R"(,"add_generation_prompt":false})";
        client.send(postRequest("/tokenize", body));
        QVERIFY(client.read(r));
        QCOMPARE(parseObject(r.body).value(QLatin1String("count")).toInt(),
            count - SimTokenizer::GenerationPromptTokens);
    }
}

void tst_Simulator::tokenizeErrorsAndSwitch()
{
    QVERIFY(start(fastSettings(1)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    RawResponse r;
    client.send(getRequest("/tokenize"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("allow"), QByteArray("POST"));
    client.send(postRequest("/tokenize", R"({"model":"m","prompt":42})"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 400);
    QJsonObject error = parseObject(r.body).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("param")).toString(), QStringLiteral("prompt"));
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    client.send(postRequest("/tokenize", R"({"model":"m"})"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 400);
    client.send(postRequest("/tokenize", "nope"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 400);

    // Switched off: 404, like a server without /tokenize (OpenAI, llama.cpp's /v1 only).
    SimulatorSettings off = m_sim->settings();
    off.tokenizeEndpoint = false;
    m_sim->setSettings(off);
    client.send(postRequest("/tokenize", R"({"model":"m","prompt":"hello"})"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 404);
    error = parseObject(r.body).value(QLatin1String("error")).toObject();
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("/tokenize")));
    // Completions still count their prompts the same way.
    client.send(postRequest("/v1/completions", R"({"prompt":"hello there"})"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("prompt_tokens")).toInt(), 2);
}

void tst_Simulator::prefixCacheLowersTtft_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<qint64>("kvCacheTokens");
    QTest::newRow("stream") << true << qint64(262144);
    QTest::newRow("body") << false << qint64(262144);
    QTest::newRow("cache off") << true << qint64(0);
}

// Two chats sharing a 2,600-token system prompt. Shared: the system message (3 + 2600 + 1
// template and content tokens) and the user header (3): 2,607 tokens, so 5 whole 512-token
// blocks (2,560 tokens) hit for the second. Each prompt is 2,607 + 1 + 1 + 3 = 2,612 tokens.
void tst_Simulator::prefixCacheLowersTtft()
{
    QFETCH(bool, stream);
    QFETCH(qint64, kvCacheTokens);
    SimulatorSettings s = fastSettings(2);
    s.prefillUsPerPromptToken = 100; // 0.1 ms per uncached token
    s.kvCacheTokens = kvCacheTokens;
    QVERIFY(start(s));
    QByteArray system = "ab";
    for (int i = 1; i < 2600; ++i)
        system += " ab";
    const int promptTokens = chatTokens(2600 + 1, 2);
    QCOMPARE(promptTokens, 2612);
    const int expectCached = kvCacheTokens > 0 ? 2560 : 0;
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    std::vector<double> ttft;
    for (const char *user : { "x", "y" }) {
        client.send(postRequest("/v1/chat/completions",
            chatBody(R"([{"role":"system","content":")" + system + R"("},{"role":"user","content":")"
                    + QByteArray(user) + R"("}])",
                stream)));
        RawResponse r;
        QVERIFY(client.read(r));
        QCOMPARE(r.status, 200);
        const QJsonObject usage = stream ? parseObject(r.events()[2]).value(QLatin1String("usage")).toObject()
                                         : parseObject(r.body).value(QLatin1String("usage")).toObject();
        const int cached = ttft.empty() ? 0 : expectCached;
        QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInt(), promptTokens);
        QCOMPARE(usage.value(QLatin1String("prompt_tokens_details"))
                     .toObject()
                     .value(QLatin1String("cached_tokens"))
                     .toInt(),
            cached);
        const QJsonObject rec = lastRecord(*m_sim);
        QCOMPARE(rec.value(QLatin1String("cached_tokens")).toInt(), cached);
        QCOMPARE(rec.value(QLatin1String("prompt_tokens")).toInt(), promptTokens);
        // Modelled TTFT: 20 ms + 0.1 ms per uncached token (the body goes out one interval later).
        const double model = 20 + 0.1 * (promptTokens - cached) + (stream ? 0 : 5);
        const double end = stream ? ms(rec.value(QLatin1String("first_token_ns")))
                                  : ms(rec.value(QLatin1String("end_ns")));
        const double measured = end - ms(rec.value(QLatin1String("admitted_ns")));
        QVERIFY2(measured >= model - 0.6 && measured < model + 150,
            qPrintable(QStringLiteral("%1 ms, modelled %2").arg(measured).arg(model)));
        ttft.push_back(measured);
    }
    if (kvCacheTokens > 0) {
        // The saving is 2,560 x 0.1 = 256 ms; the first request took at least 281 ms.
        QVERIFY2(ttft[0] - ttft[1] > 256 - 150, qPrintable(QString::number(ttft[0] - ttft[1])));
        const QJsonObject cache = m_sim->stats().value(QLatin1String("prefix_cache")).toObject();
        QCOMPARE(cache.value(QLatin1String("block_tokens")).toInt(), 512);
        QCOMPARE(cache.value(QLatin1String("hit_tokens")).toInt(), 2560);
        QCOMPARE(cache.value(QLatin1String("prompt_tokens")).toInt(), 2 * promptTokens);
        // The 5 shared blocks; each prompt's sixth block (tokens 2560..2611) is not full.
        QCOMPARE(cache.value(QLatin1String("cached_blocks")).toInt(), 5);
    }
}

void tst_Simulator::resetEmptiesThePrefixCache()
{
    QVERIFY(start(fastSettings(1)));
    QByteArray prompt = "ab";
    for (int i = 1; i < 600; ++i)
        prompt += " ab";
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    RawResponse r;
    const QByteArray body = R"({"prompt":")" + prompt + R"("})";
    client.send(postRequest("/v1/completions", body));
    QVERIFY(client.read(r));
    client.send(postRequest("/v1/completions", body));
    QVERIFY(client.read(r));
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("cached_tokens")).toInt(), 512);
    m_sim->reset(); // a run after a reset sees a cold cache, like a fresh simulator
    client.send(postRequest("/v1/completions", body));
    QVERIFY(client.read(r));
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("cached_tokens")).toInt(), 0);
}

void tst_Simulator::wronglyTypedBodiesGet400_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("param");
    const QByteArray chat = "/v1/chat/completions";
    const QByteArray completions = "/v1/completions";
    const QByteArray messages = R"("messages":[{"role":"user","content":"hi"}])";
    QTest::newRow("max_tokens -1") << chat << QByteArray("{" + messages + R"(,"max_tokens":-1})")
                                   << QStringLiteral("max_tokens");
    QTest::newRow("max_tokens 0") << completions << QByteArray(R"({"prompt":"hi","max_tokens":0})")
                                  << QStringLiteral("max_tokens");
    QTest::newRow("max_tokens a string")
        << completions << QByteArray(R"({"prompt":"hi","max_tokens":"ten"})") << QStringLiteral("max_tokens");
    QTest::newRow("max_tokens 2.5") << chat << QByteArray("{" + messages + R"(,"max_tokens":2.5})")
                                    << QStringLiteral("max_tokens");
    QTest::newRow("max_completion_tokens true")
        << chat << QByteArray("{" + messages + R"(,"max_completion_tokens":true})")
        << QStringLiteral("max_completion_tokens");
    QTest::newRow("messages missing") << chat << QByteArray(R"({"model":"m"})") << QStringLiteral("messages");
    QTest::newRow("messages a string")
        << chat << QByteArray(R"({"messages":"hi"})") << QStringLiteral("messages");
    QTest::newRow("messages empty") << chat << QByteArray(R"({"messages":[]})") << QStringLiteral("messages");
    QTest::newRow("message not an object")
        << chat << QByteArray(R"({"messages":[{"role":"user","content":"a"},"b"]})")
        << QStringLiteral("messages[1]");
    QTest::newRow("role missing") << chat << QByteArray(R"({"messages":[{"content":"a"}]})")
                                  << QStringLiteral("messages[0].role");
    QTest::newRow("role a number") << chat << QByteArray(R"({"messages":[{"role":1,"content":"a"}]})")
                                   << QStringLiteral("messages[0].role");
    QTest::newRow("content a number") << chat << QByteArray(R"({"messages":[{"role":"user","content":5}]})")
                                      << QStringLiteral("messages[0].content");
    QTest::newRow("user content missing")
        << chat << QByteArray(R"({"messages":[{"role":"user"}]})") << QStringLiteral("messages[0].content");
    QTest::newRow("text part without text")
        << chat << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"text","text":7}]}]})")
        << QStringLiteral("messages[0].content[0].text");
    QTest::newRow("prompt missing") << completions << QByteArray(R"({"max_tokens":3})")
                                    << QStringLiteral("prompt");
    QTest::newRow("prompt a number") << completions << QByteArray(R"({"prompt":5})")
                                     << QStringLiteral("prompt");
    QTest::newRow("prompt an object")
        << completions << QByteArray(R"({"prompt":{"text":"a"}})") << QStringLiteral("prompt");
    QTest::newRow("prompt list with an object")
        << completions << QByteArray(R"({"prompt":["a",{"b":1}]})") << QStringLiteral("prompt[1]");
    QTest::newRow("prompt token ids negative")
        << completions << QByteArray(R"({"prompt":[[1,-2]]})") << QStringLiteral("prompt[0][1]");
    QTest::newRow("stream a string") << completions << QByteArray(R"({"prompt":"a","stream":"yes"})")
                                     << QStringLiteral("stream");
    QTest::newRow("stream_options a list")
        << completions << QByteArray(R"({"prompt":"a","stream":true,"stream_options":[true]})")
        << QStringLiteral("stream_options");
    QTest::newRow("include_usage a number")
        << completions << QByteArray(R"({"prompt":"a","stream":true,"stream_options":{"include_usage":1}})")
        << QStringLiteral("stream_options.include_usage");
    const QByteArray responses = "/v1/responses";
    QTest::newRow("responses input missing")
        << responses << QByteArray(R"({"model":"m"})") << QStringLiteral("input");
    QTest::newRow("responses input a number")
        << responses << QByteArray(R"({"input":5})") << QStringLiteral("input");
    QTest::newRow("responses item content a number")
        << responses << QByteArray(R"({"input":[{"role":"user","content":5}]})")
        << QStringLiteral("input[0].content");
    QTest::newRow("responses input_text without text")
        << responses
        << QByteArray(R"({"input":[{"type":"message","role":"user","content":[{"type":"input_text"}]}]})")
        << QStringLiteral("input[0].content[0].text");
    QTest::newRow("responses max_output_tokens -1")
        << responses << QByteArray(R"({"input":"hi","max_output_tokens":-1})")
        << QStringLiteral("max_output_tokens");
    QTest::newRow("responses instructions a number")
        << responses << QByteArray(R"({"input":"hi","instructions":5})") << QStringLiteral("instructions");
    QTest::newRow("model a number") << completions << QByteArray(R"({"prompt":"a","model":7})")
                                    << QStringLiteral("model");
}

void tst_Simulator::wronglyTypedBodiesGet400()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, json);
    QFETCH(QString, param);
    QVERIFY(start(fastSettings(2)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest(path, json));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const QJsonObject error = parseObject(r.body).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    QCOMPARE(error.value(QLatin1String("param")).toString(), param);
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 400);
    const QString message = error.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QLatin1Char('\'') + param + QLatin1Char('\'')), qPrintable(message));
    const QJsonObject rec = lastRecord(*m_sim);
    QCOMPARE(rec.value(QLatin1String("status")).toInt(), 400);
    QCOMPARE(rec.value(QLatin1String("output_tokens")).toInt(), 0);
    // The connection stays usable.
    client.send(postRequest("/v1/completions", completionJson(false)));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
}

void tst_Simulator::wellTypedEdgeBodiesPass()
{
    QVERIFY(start(fastSettings(1)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    const QList<std::pair<QByteArray, QByteArray>> bodies {
        { "/v1/chat/completions",
            R"({"messages":[{"role":"user","content":"a"},{"role":"assistant","content":null,"tool_calls":[]},)"
            R"({"role":"tool","content":"42"}],"max_tokens":null,"stream_options":null})" },
        { "/v1/chat/completions",
            R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]})" },
        { "/v1/completions", R"({"prompt":[1,2,3],"max_tokens":1.0,"unknown_field":{"x":1}})" },
        { "/v1/completions", R"({"prompt":[[1,2],[3]],"stream":false})" },
        { "/v1/completions", R"({"prompt":"","max_tokens":2147483647})" },
    };
    for (const auto &[path, json] : bodies) {
        client.send(postRequest(path, json));
        RawResponse r;
        QVERIFY(client.read(r));
        QVERIFY2(r.status == 200, json.constData());
    }
}

// SSE events of a Responses stream: each "event:" name with its data object.
QList<std::pair<QByteArray, QJsonObject>> namedEvents(const QByteArray &body)
{
    QList<std::pair<QByteArray, QJsonObject>> out;
    QByteArray name;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("event: "))
            name = line.mid(7);
        else if (line.startsWith("data: "))
            out.append({ name, parseObject(line.mid(6)) });
    }
    return out;
}

QString outputText(const QJsonObject &response)
{
    return response.value(QLatin1String("output"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("content"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("text"))
        .toString();
}

void tst_Simulator::responsesNotStreamed()
{
    QVERIFY(start(fastSettings(6)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/responses", R"({"model":"test-model","input":"one two three"})"));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const QJsonObject o = parseObject(r.body);
    QVERIFY(o.value(QLatin1String("id")).toString().startsWith(QLatin1String("resp_")));
    QCOMPARE(o.value(QLatin1String("object")).toString(), QStringLiteral("response"));
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(o.value(QLatin1String("model")).toString(), QStringLiteral("test-model"));
    QVERIFY(o.value(QLatin1String("created_at")).toDouble() > 1.6e9);
    QVERIFY(o.value(QLatin1String("incomplete_details")).isNull());
    const QJsonObject item = o.value(QLatin1String("output")).toArray().first().toObject();
    QCOMPARE(item.value(QLatin1String("type")).toString(), QStringLiteral("message"));
    QCOMPARE(item.value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
    QVERIFY(item.value(QLatin1String("id")).toString().startsWith(QLatin1String("msg_")));
    const QJsonObject part = item.value(QLatin1String("content")).toArray().first().toObject();
    QCOMPARE(part.value(QLatin1String("type")).toString(), QStringLiteral("output_text"));
    QCOMPARE(outputText(o).split(QLatin1Char(' '), Qt::SkipEmptyParts).size(), 6);
    const QJsonObject usage = o.value(QLatin1String("usage")).toObject();
    QCOMPARE(
        usage.value(QLatin1String("input_tokens")).toInt(), chatTokens(3, 1)); // a string is one user message
    QCOMPARE(usage.value(QLatin1String("output_tokens")).toInt(), 6);
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(), chatTokens(3, 1) + 6);
    QCOMPARE(usage.value(QLatin1String("input_tokens_details"))
                 .toObject()
                 .value(QLatin1String("cached_tokens"))
                 .toInt(),
        0);
    const QJsonObject rec = lastRecord(*m_sim);
    QCOMPARE(rec.value(QLatin1String("endpoint")).toString(), QStringLiteral("responses"));
    QCOMPARE(rec.value(QLatin1String("messages")).toInt(), 1);
    QCOMPARE(rec.value(QLatin1String("output_tokens")).toInt(), 6);
    QCOMPARE(rec.value(QLatin1String("status")).toInt(), 200);
    // GET is not allowed.
    client.send(getRequest("/v1/responses"));
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 405);
}

void tst_Simulator::responsesCutByMaxOutputTokens()
{
    QVERIFY(start(fastSettings(0))); // lengths from the request
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(postRequest("/v1/responses",
        R"({"instructions":"be brief","max_output_tokens":3,"input":[{"role":"user","content":"one two three"},)"
        R"({"type":"message","role":"assistant","content":[{"type":"output_text","text":"a b"}]},)"
        R"({"type":"function_call_output","call_id":"c","output":"ignored"},)"
        R"({"role":"user","content":[{"type":"input_text","text":"four"}]}]})"));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    const QJsonObject o = parseObject(r.body);
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("incomplete"));
    QCOMPARE(
        o.value(QLatin1String("incomplete_details")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("max_output_tokens"));
    QCOMPARE(o.value(QLatin1String("max_output_tokens")).toInt(), 3);
    QCOMPARE(o.value(QLatin1String("instructions")).toString(), QStringLiteral("be brief"));
    const QJsonObject usage = o.value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("output_tokens")).toInt(), 3);
    // instructions as a system message (2) and three message items (3 + 2 + 1); the
    // function_call_output item counts nothing.
    QCOMPARE(usage.value(QLatin1String("input_tokens")).toInt(), chatTokens(2 + 3 + 2 + 1, 4));
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("messages")).toInt(), 3);
}

void tst_Simulator::responsesStreamed()
{
    const int tokens = 5;
    QVERIFY(start(fastSettings(tokens)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(
        postRequest("/v1/responses", R"({"model":"test-model","input":"one two three","stream":true})"));
    RawResponse r;
    QVERIFY(client.read(r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
    QVERIFY(r.complete);
    QVERIFY(!r.body.contains("[DONE]"));
    const auto events = namedEvents(r.body);
    QList<QByteArray> types;
    for (int i = 0; i < events.size(); ++i) {
        const QJsonObject &data = events[i].second;
        QCOMPARE(data.value(QLatin1String("type")).toString().toUtf8(), events[i].first); // event: = type
        QCOMPARE(data.value(QLatin1String("sequence_number")).toInt(-1), i);
        types.append(events[i].first);
    }
    QList<QByteArray> expected { "response.created", "response.in_progress", "response.output_item.added",
        "response.content_part.added" };
    for (int i = 0; i < tokens; ++i)
        expected.append("response.output_text.delta");
    expected += { "response.output_text.done", "response.content_part.done", "response.output_item.done",
        "response.completed" };
    QCOMPARE(types, expected);

    const QJsonObject created = events[0].second.value(QLatin1String("response")).toObject();
    QCOMPARE(created.value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
    QVERIFY(created.value(QLatin1String("usage")).isNull());
    const QString itemId
        = events[2].second.value(QLatin1String("item")).toObject().value(QLatin1String("id")).toString();
    QVERIFY(itemId.startsWith(QLatin1String("msg_")));
    QString text;
    for (int i = 4; i < 4 + tokens; ++i) {
        const QJsonObject &delta = events[i].second;
        QCOMPARE(delta.value(QLatin1String("item_id")).toString(), itemId);
        QCOMPARE(delta.value(QLatin1String("output_index")).toInt(-1), 0);
        QCOMPARE(delta.value(QLatin1String("content_index")).toInt(-1), 0);
        QVERIFY(delta.value(QLatin1String("logprobs")).isArray());
        text += delta.value(QLatin1String("delta")).toString();
    }
    QCOMPARE(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size(), tokens);
    QCOMPARE(events[4 + tokens].second.value(QLatin1String("text")).toString(), text);
    const QJsonObject completed = events.last().second.value(QLatin1String("response")).toObject();
    QCOMPARE(completed.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(completed.value(QLatin1String("id")).toString(), created.value(QLatin1String("id")).toString());
    QCOMPARE(outputText(completed), text);
    const QJsonObject usage = completed.value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("input_tokens")).toInt(), chatTokens(3, 1));
    QCOMPARE(usage.value(QLatin1String("output_tokens")).toInt(), tokens);

    // Ground truth: one token time per delta; the first after the TTFT.
    const QJsonObject rec = lastRecord(*m_sim);
    QCOMPARE(rec.value(QLatin1String("endpoint")).toString(), QStringLiteral("responses"));
    QCOMPARE(rec.value(QLatin1String("token_ns")).toArray().size(), tokens);
    QVERIFY(
        ms(rec.value(QLatin1String("first_token_ns"))) - ms(rec.value(QLatin1String("admitted_ns"))) >= 19.4);
}

void tst_Simulator::responsesStreamFaults_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<QByteArray>("lastType");
    QTest::addColumn<int>("deltas");
    QTest::newRow("stream_error") << QByteArray("stream_error") << QByteArray("error") << 3;
    QTest::newRow("missing_done") << QByteArray("missing_done") << QByteArray("response.output_item.done")
                                  << 6;
}

void tst_Simulator::responsesStreamFaults()
{
    QFETCH(QByteArray, fault);
    QFETCH(QByteArray, lastType);
    QFETCH(int, deltas);
    QVERIFY(start(fastSettings(6)));
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    client.send(
        postRequest("/v1/responses", R"({"input":"hi","stream":true})", "X-Sim-Fault: " + fault + "\r\n"));
    RawResponse r;
    QVERIFY(client.read(r));
    QVERIFY(r.complete); // the stream ends cleanly, without response.completed
    const auto events = namedEvents(r.body);
    QCOMPARE(events.last().first, lastType);
    int seen = 0;
    for (const auto &[name, data] : events) {
        seen += name == "response.output_text.delta" ? 1 : 0;
        QVERIFY(name != "response.completed");
    }
    QCOMPARE(seen, deltas);
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("fault")).toString(), QString::fromLatin1(fault));
}

void tst_Simulator::responsesReportCachedInput()
{
    QVERIFY(start(fastSettings(1)));
    QByteArray input = "ab";
    for (int i = 1; i < 1100; ++i)
        input += " ab";
    RawClient client(m_sim->url());
    QVERIFY(client.waitConnected());
    RawResponse r;
    int cached = -1;
    for (int i = 0; i < 2; ++i) {
        client.send(postRequest("/v1/responses", R"({"input":")" + input + R"("})"));
        QVERIFY(client.read(r));
        cached = parseObject(r.body)
                     .value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("input_tokens_details"))
                     .toObject()
                     .value(QLatin1String("cached_tokens"))
                     .toInt();
    }
    QCOMPARE(cached, 1024); // 1,107 tokens: two whole blocks
    QCOMPARE(lastRecord(*m_sim).value(QLatin1String("cached_tokens")).toInt(), 1024);
}

QTEST_GUILESS_MAIN(tst_Simulator)
#include "tst_simulator.moc"
