// Multi-turn sessions end to end (issue 12 item 4): U users, each a conversation on one lane;
// turn k+1 is sent after turn k's answer plus a think time and carries the whole history with
// the answers really received. Judged by a recording server (the bodies it was sent, byte for
// byte) and by the simulator's ground truth (GET /sim/stats: messages, arrival_ns).
#include "metrics/summary.h"
#include "report/jsonreport.h"
#include "scenario/scenario.h"
#include "session/runsession.h"
#include "sim/simulator.h"
#include "workload/sessionplan.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <map>

using namespace BurgerBench;

namespace {

qint64 monotonicNs()
{
    return QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs();
}

// An OpenAI-compatible server that records every body it is sent (and when, on CLOCK_MONOTONIC)
// and answers request n with a text no other request gets: "answer n ...", streamed in three
// token events, or whole. Request `failAt` (0-based) gets an HTTP 500.
class RecordingServer : public QObject
{
public:
    struct Seen
    {
        QJsonObject body;
        qint64 arrivalMonotonicNs = 0;
        QString answer;
    };
    std::vector<Seen> seen;
    int failAt = -1;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    serve(socket, buffer.get());
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    static QString answerFor(size_t n)
    {
        return QStringLiteral("answer %1: two cheeseburgers, one with pickles").arg(n);
    }

private:
    void serve(QTcpSocket *socket, QByteArray *buffer)
    {
        for (;;) {
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = buffer->left(headEnd).toLower();
            qsizetype length = 0;
            const qsizetype at = head.indexOf("content-length:");
            if (at >= 0)
                length = head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            if (buffer->size() < headEnd + 4 + length)
                return;
            const QByteArray body = buffer->mid(headEnd + 4, length);
            buffer->remove(0, headEnd + 4 + length);
            if (!head.startsWith("post"))
                continue;
            if (!head.contains("\r\nx-request-id:")) {
                // The token probe's requests (/tokenize, max_tokens 1) carry no request id: not
                // a turn; a 404 sends the probe to the local estimate.
                socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                continue;
            }
            Seen s;
            s.arrivalMonotonicNs = monotonicNs();
            s.body = QJsonDocument::fromJson(body).object();
            const size_t n = seen.size();
            s.answer = answerFor(n);
            seen.push_back(s);
            respond(socket, int(n), s.body.value(QLatin1String("stream")).toBool(), s.answer);
        }
    }

    void respond(QTcpSocket *socket, int n, bool stream, const QString &answer)
    {
        QByteArray payload;
        QByteArray type = "application/json";
        int status = 200;
        if (n == failAt) {
            status = 500;
            payload = R"({"error":{"message":"the grill is on fire","type":"server_error"}})";
        } else if (stream) {
            type = "text/event-stream";
            // Three token events that together are the answer.
            const QStringList words = answer.split(u' ');
            const qsizetype third = words.size() / 3;
            const QStringList parts { words.mid(0, third).join(u' ') + u' ',
                words.mid(third, third).join(u' ') + u' ', words.mid(2 * third).join(u' ') };
            for (const QString &part : parts) {
                const QJsonObject chunk { { QStringLiteral("choices"),
                    QJsonArray { QJsonObject { { QStringLiteral("index"), 0 },
                        { QStringLiteral("delta"),
                            QJsonObject { { QStringLiteral("content"), part } } } } } } };
                payload += "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
            }
            payload += R"(data: {"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":3}})"
                       "\n\ndata: [DONE]\n\n";
        } else {
            const QJsonObject whole {
                { QStringLiteral("choices"),
                    QJsonArray { QJsonObject { { QStringLiteral("index"), 0 },
                        { QStringLiteral("message"),
                            QJsonObject { { QStringLiteral("role"), QStringLiteral("assistant") },
                                { QStringLiteral("content"), answer } } },
                        { QStringLiteral("finish_reason"), QStringLiteral("stop") } } } },
                { QStringLiteral("usage"),
                    QJsonObject { { QStringLiteral("prompt_tokens"), 10 },
                        { QStringLiteral("completion_tokens"), 3 } } }
            };
            payload = QJsonDocument(whole).toJson(QJsonDocument::Compact);
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status)
            + (status == 200 ? " OK" : " Internal Server Error") + "\r\nContent-Type: " + type
            + "\r\nContent-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n" + payload;
        socket->write(out);
    }

    QTcpServer m_server;
};

Scenario sessionScenario(int sessions, int turns)
{
    Scenario s;
    s.name = QStringLiteral("sessions");
    s.requests = 0;
    s.concurrency = sessions;
    s.timeoutS = 30;
    s.idleTimeoutS = 15;
    s.seed = 11;
    s.workload.sessions = sessions;
    s.workload.turns = turns;
    s.workload.inputTokens = QStringLiteral("40");
    s.workload.outputTokens = QStringLiteral("8");
    return s;
}

bool runSession(const Scenario &s, std::shared_ptr<SimulatorThread> simulator, RunResult *out, QString *error)
{
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunRequest request;
    request.scenario = s;
    request.simulator = std::move(simulator);
    if (!session.start(request, error))
        return false;
    if (!finished.wait(120'000)) {
        *error = QStringLiteral("the run did not finish");
        return false;
    }
    *out = session.takeResult();
    return true;
}

QString contentOf(const QJsonValue &message)
{
    return message.toObject().value(QLatin1String("content")).toString();
}

QString roleOf(const QJsonValue &message)
{
    return message.toObject().value(QLatin1String("role")).toString();
}

// The measured records of one session, in turn order.
std::map<int, std::vector<const RequestRecord *>> bySession(const RunTrace &trace)
{
    std::map<int, std::vector<const RequestRecord *>> out;
    for (const RequestRecord &r : trace.requests) {
        if (!r.warmup && r.session >= 0)
            out[r.session].push_back(&r);
    }
    for (auto &entry : out)
        std::sort(entry.second.begin(), entry.second.end(),
            [](const RequestRecord *a, const RequestRecord *b) { return a->turn < b->turn; });
    return out;
}

} // namespace

class tst_MultiTurn : public QObject
{
    Q_OBJECT
private slots:
    void scenarioFields();
    void scenarioRefusesWhatItCannotDo_data();
    void scenarioRefusesWhatItCannotDo();
    void sessionPlanFromRows();
    void historyCarriesTheRealAnswers_data();
    void historyCarriesTheRealAnswers();
    void failedTurnEndsItsSession();
    void simulatorSeesTheHistoryAfterTheThinkTime();
    void perTurnTtftWithPrefixCache();
    void reportKeepsSessionAndTurn();
    void cliPrintsThePerTurnTable();
};

void tst_MultiTurn::scenarioFields()
{
    Scenario s = sessionScenario(4, 3);
    s.workload.thinkTime = QStringLiteral("uniform:200,800");
    QString error;
    QVERIFY2(s.validate(&error), qPrintable(error));
    const QJsonObject w = s.toJson().value(QLatin1String("workload")).toObject();
    QCOMPARE(w.value(QLatin1String("sessions")).toInt(), 4);
    QCOMPARE(w.value(QLatin1String("turns")).toInt(), 3);
    QCOMPARE(w.value(QLatin1String("think_time")).toString(), QStringLiteral("uniform:200,800"));
    QCOMPARE(w.value(QLatin1String("multi_turn")).toBool(), false);
    QCOMPARE(w.value(QLatin1String("replay")).toString(), QStringLiteral("auto"));
    QCOMPARE(w.value(QLatin1String("time_scale")).toDouble(), 1.0);
    Scenario back;
    QVERIFY2(Scenario::fromJson(s.toJson(), &back, &error), qPrintable(error));
    QCOMPARE(back.workload.sessions, 4);
    QCOMPARE(back.workload.turns, 3);
    QCOMPARE(back.workload.thinkTime, QStringLiteral("uniform:200,800"));
    QVERIFY(back.workload.sessionRun());

    LengthDistribution think;
    QVERIFY(parseThinkTime(QStringLiteral("0"), &think, &error));
    std::mt19937_64 rng(1);
    QCOMPARE(think.sample(rng), 0);
    QVERIFY(parseThinkTime(QStringLiteral("500"), &think, &error));
    QCOMPARE(think.sample(rng), 500);
}

void tst_MultiTurn::scenarioRefusesWhatItCannotDo_data()
{
    QTest::addColumn<QString>("workload"); // JSON of the workload section
    QTest::addColumn<QString>("load");
    QTest::addColumn<QString>("expected"); // the start of the message: the field it names
    QTest::newRow("turns without sessions") << R"({"turns": 3})"
                                            << R"({"requests": 10})"
                                            << "workload.turns:";
    QTest::newRow("sessions without turns") << R"({"sessions": 3})"
                                            << R"({"requests": 0})"
                                            << "workload.turns:";
    QTest::newRow("multi_turn without a dataset") << R"({"multi_turn": true})"
                                                  << R"({"requests": 0})"
                                                  << "workload.multi_turn:";
    QTest::newRow("think time alone") << R"({"think_time": "500"})"
                                      << R"({"requests": 10})"
                                      << "workload.think_time:";
    QTest::newRow("bad think time") << R"({"sessions": 2, "turns": 2, "think_time": "soon"})"
                                    << R"({"requests": 0})"
                                    << "workload.think_time:";
    QTest::newRow("sessions and requests") << R"({"sessions": 2, "turns": 2})"
                                           << R"({"requests": 10})"
                                           << "load.requests:";
    QTest::newRow("sessions and a rate") << R"({"sessions": 2, "turns": 2})"
                                         << R"({"requests": 0, "rate": 5})"
                                         << "load.rate:";
    QTest::newRow("unknown replay") << R"({"replay": "maybe"})"
                                    << R"({"requests": 10})"
                                    << "workload.replay:";
    QTest::newRow("replay on without a dataset") << R"({"replay": "on"})"
                                                 << R"({"requests": 10})"
                                                 << "workload.replay:";
    QTest::newRow("time scale zero") << R"({"time_scale": 0})"
                                     << R"({"requests": 10})"
                                     << "workload.time_scale:";
    QTest::newRow("time scale without a replay") << R"({"time_scale": 0.5})"
                                                 << R"({"requests": 10})"
                                                 << "workload.time_scale:";
    QTest::newRow("too many turns") << R"({"sessions": 2, "turns": 1001})"
                                    << R"({"requests": 0})"
                                    << "workload.turns:";
}

void tst_MultiTurn::scenarioRefusesWhatItCannotDo()
{
    QFETCH(QString, workload);
    QFETCH(QString, load);
    QFETCH(QString, expected);
    QJsonObject json { { QStringLiteral("schema"), Scenario::schemaId() },
        { QStringLiteral("workload"), QJsonDocument::fromJson(workload.toUtf8()).object() },
        { QStringLiteral("load"), QJsonDocument::fromJson(load.toUtf8()).object() } };
    Scenario s;
    QString error;
    QVERIFY(!Scenario::fromJson(json, &s, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void tst_MultiTurn::sessionPlanFromRows()
{
    // Two conversations interleaved in the file, one turn out of order, and a lone request.
    std::vector<DatasetRow> rows(6);
    const char *ids[] = { "a", "b", "a", "", "b", "a" };
    const int turns[] = { 0, 0, 2, 0, 1, 1 };
    for (size_t i = 0; i < rows.size(); ++i) {
        rows[i].prompt = QStringLiteral("row %1").arg(i);
        rows[i].sessionId = QString::fromLatin1(ids[i]);
        rows[i].turn = turns[i];
    }
    WorkloadSettings w;
    w.multiTurn = true;
    w.dataset = QStringLiteral("x.jsonl");
    QString error;
    auto plan = SessionPlan::build(rows, w, 1, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->sessionCount(), 3);
    QCOMPARE(plan->totalTurns(), 6);
    QCOMPARE(plan->turnCount(0), 3); // "a": rows 0, 5, 2 in turn order
    QCOMPARE(plan->planIndex(0, 0), 0u);
    QCOMPARE(plan->planIndex(0, 1), 5u);
    QCOMPARE(plan->planIndex(0, 2), 2u);
    QCOMPARE(plan->turnCount(1), 2); // "b"
    QCOMPARE(plan->planIndex(1, 1), 4u);
    QCOMPARE(plan->turnCount(2), 1); // the row without a session
    QCOMPARE(plan->planIndex(2, 0), 3u);
    QCOMPARE(plan->firstUnusedPlanIndex(), 6u);
    w.sessions = 1;
    w.turns = 2;
    plan = SessionPlan::build(rows, w, 1, &error);
    QCOMPARE(plan->sessionCount(), 1);
    QCOMPARE(plan->totalTurns(), 2);
    // Think times: seeded by (seed, session, turn), none before a first turn.
    w.thinkTime = QStringLiteral("uniform:100,900");
    plan = SessionPlan::build(rows, w, 1, &error);
    QCOMPARE(plan->thinkNs(0, 0), 0);
    const qint64 think = plan->thinkNs(0, 1);
    QVERIFY(think >= 100'000'000 && think <= 900'000'000);
    QCOMPARE(SessionPlan::build(rows, w, 1, &error)->thinkNs(0, 1), think);
}

void tst_MultiTurn::historyCarriesTheRealAnswers_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<bool>("stream");
    QTest::newRow("qnam streamed") << int(Transport::Qnam) << true;
    QTest::newRow("qnam whole answers") << int(Transport::Qnam) << false;
    QTest::newRow("socket streamed") << int(Transport::Socket) << true;
}

void tst_MultiTurn::historyCarriesTheRealAnswers()
{
    QFETCH(int, transport);
    QFETCH(bool, stream);
    RecordingServer server;
    QVERIFY(server.listen());
    Scenario s = sessionScenario(2, 3);
    s.url = server.url();
    s.transport = Transport(transport);
    s.stream = stream;
    s.workload.thinkTime = QStringLiteral("50");
    s.keepTextBytes = 16; // the trace keeps 16 characters; the history carries the whole answer
    RunResult result;
    QString error;
    QVERIFY2(runSession(s, nullptr, &result, &error), qPrintable(error));
    QCOMPARE(result.summary.completed, 6);
    QCOMPARE(int(server.seen.size()), 6);

    // Which answer each request got: the server's n-th body is the request with the n-th id... by
    // content: each body's last user message is unique to its (session, turn).
    std::map<QString, size_t> served; // last user message -> server index
    for (size_t n = 0; n < server.seen.size(); ++n) {
        const QJsonArray messages = server.seen[n].body.value(QLatin1String("messages")).toArray();
        QVERIFY(!messages.isEmpty());
        served[contentOf(messages.last())] = n;
    }
    const auto sessions = bySession(result.trace);
    QCOMPARE(int(sessions.size()), 2);
    for (const auto &[session, turns] : sessions) {
        QCOMPARE(int(turns.size()), 3);
        QJsonArray previous;
        for (const RequestRecord *r : turns) {
            // The lane is the session's for all its turns.
            QCOMPARE(r->lane, turns.front()->lane);
            QCOMPARE(r->text.size(), 16); // the trace keeps request.keep_text_bytes
            const int turn = r->turn;
            // Find this turn's body: the one whose history starts with the previous turn's.
            const RecordingServer::Seen *body = nullptr;
            for (const auto &seen : server.seen) {
                const QJsonArray m = seen.body.value(QLatin1String("messages")).toArray();
                if (m.size() == 2 * turn + 1 && (previous.isEmpty() || m.first() == previous.first()))
                    body = &seen;
            }
            QVERIFY(body);
            const QJsonArray messages = body->body.value(QLatin1String("messages")).toArray();
            QCOMPARE(messages.size(), 2 * turn + 1); // turn 3 (index 2): 5 messages
            for (qsizetype i = 0; i < messages.size(); ++i)
                QCOMPARE(
                    roleOf(messages[i]), i % 2 == 0 ? QStringLiteral("user") : QStringLiteral("assistant"));
            // The history as it was sent before, then the answer the server really gave it, whole.
            for (qsizetype i = 0; i < previous.size(); ++i)
                QCOMPARE(messages[i], previous[i]);
            if (turn > 0) {
                const QString answer = contentOf(messages[messages.size() - 2]);
                QVERIFY2(answer.startsWith(QLatin1String("answer ")), qPrintable(answer));
                const size_t answeredBy = served.at(contentOf(previous.last()));
                QCOMPARE(answer, RecordingServer::answerFor(answeredBy));
            }
            previous = messages;
        }
    }
    QCOMPARE(int(result.summary.perTurn.size()), 3);
    for (const TurnSummary &t : result.summary.perTurn) {
        QCOMPARE(t.sent, 2);
        QCOMPARE(t.completed, 2);
        QCOMPARE(t.e2el.count, 2);
    }
}

void tst_MultiTurn::failedTurnEndsItsSession()
{
    RecordingServer server;
    QVERIFY(server.listen());
    server.failAt = 1; // the second request the server sees fails: some session's turn
    Scenario s = sessionScenario(1, 4);
    s.url = server.url();
    RunResult result;
    QString error;
    QVERIFY2(runSession(s, nullptr, &result, &error), qPrintable(error));
    // One session: turn 0 answered, turn 1 failed, turns 2 and 3 never sent.
    QCOMPARE(int(server.seen.size()), 2);
    QCOMPARE(int(result.trace.requests.size()), 2);
    QCOMPARE(result.trace.requests[0].outcome, Outcome::Success);
    QCOMPARE(result.trace.requests[1].outcome, Outcome::Failed);
    QCOMPARE(result.trace.requests[1].turn, 1);
    QCOMPARE(result.summary.perTurn.size(), size_t(2));
    QCOMPARE(result.summary.perTurn[1].sent, 1);
    QCOMPARE(result.summary.perTurn[1].completed, 0);
}

void tst_MultiTurn::simulatorSeesTheHistoryAfterTheThinkTime()
{
    SimulatorSettings sim;
    sim.ttftMs = 20;
    sim.tokenIntervalMs = 2;
    sim.outputTokens = 0; // max_tokens
    auto thread = std::make_shared<SimulatorThread>();
    QString error;
    QVERIFY2(thread->start(sim, &error), qPrintable(error));
    // Four users on two lanes: two sessions at a time, each holds its lane for its three turns.
    Scenario s = sessionScenario(4, 3);
    s.concurrency = 2;
    s.simulator = sim;
    s.workload.thinkTime = QStringLiteral("200");
    RunResult result;
    QVERIFY2(runSession(s, thread, &result, &error), qPrintable(error));
    QCOMPARE(result.summary.completed, 12);
    const QJsonObject stats = thread->simulator()->stats();
    const double simToRun = stats.value(QLatin1String("clock_origin_monotonic_ns")).toDouble()
        - double(result.trace.clockOriginMonotonicNs);
    QVERIFY(result.trace.clockOriginMonotonicNs > 0);
    std::map<QString, QJsonObject> truth;
    for (const auto &v : stats.value(QLatin1String("requests")).toArray())
        truth[v.toObject().value(QLatin1String("id")).toString()] = v.toObject();

    const auto sessions = bySession(result.trace);
    QCOMPARE(int(sessions.size()), 4);
    double minSlackMs = 1e9;
    for (const auto &[session, turns] : sessions) {
        QCOMPARE(int(turns.size()), 3);
        for (size_t k = 0; k < turns.size(); ++k) {
            const RequestRecord &r = *turns[k];
            QCOMPARE(r.lane, turns.front()->lane);
            const QJsonObject t = truth.at(QString::fromLatin1(r.id));
            // Turn k (0-based) carries its 2k earlier messages and its own: the third 5.
            QCOMPARE(t.value(QLatin1String("messages")).toInt(), int(2 * k + 1));
            if (k == 0)
                continue;
            const RequestRecord &before = *turns[k - 1];
            // Intended at the previous answer's end plus the think time, never earlier.
            QCOMPARE(r.intendedNs, before.endNs + 200'000'000);
            QVERIFY(r.dispatchNs >= r.intendedNs);
            // The simulator's own arrival stamp, on the run's clock.
            const double arrival = t.value(QLatin1String("arrival_ns")).toDouble() + simToRun;
            const double slackMs = (arrival - double(before.endNs) - 200e6) / 1e6;
            minSlackMs = std::min(minSlackMs, slackMs);
            QVERIFY2(slackMs >= -0.5, qPrintable(QString::number(slackMs)));
        }
    }
    qInfo("each later turn reached the simulator %.3f ms or more after its previous answer's end + 200 ms",
        minSlackMs);
    // Two lanes: a lane's sessions run one after the other, never interleaved.
    std::map<int, std::vector<const RequestRecord *>> byLane;
    for (const RequestRecord &r : result.trace.requests)
        byLane[r.lane].push_back(&r);
    QCOMPARE(int(byLane.size()), 2);
    for (auto &[lane, list] : byLane) {
        std::sort(list.begin(), list.end(),
            [](const RequestRecord *a, const RequestRecord *b) { return a->dispatchNs < b->dispatchNs; });
        for (size_t i = 1; i < list.size(); ++i) {
            const bool sameSession = list[i]->session == list[i - 1]->session;
            QVERIFY(sameSession ? list[i]->turn == list[i - 1]->turn + 1 : list[i]->turn == 0);
        }
    }
}

void tst_MultiTurn::perTurnTtftWithPrefixCache()
{
    // Each turn adds ~600 prompt tokens and a 32-token answer; prefill costs 100 us per uncached
    // token. Without a cache the fifth turn prefills its whole history (~2,600 tokens, ~260 ms);
    // with one, only what the earlier turns did not (the new message, the last answer and the
    // partial 512-token block before them).
    std::vector<double> lastTurn(2), firstTurn(2);
    for (const bool cache : { false, true }) {
        SimulatorSettings sim;
        sim.ttftMs = 5;
        sim.tokenIntervalMs = 1;
        sim.outputTokens = 0;
        sim.prefillUsPerPromptToken = 100;
        sim.kvCacheTokens = cache ? 1'000'000 : 0;
        auto thread = std::make_shared<SimulatorThread>();
        QString error;
        QVERIFY2(thread->start(sim, &error), qPrintable(error));
        Scenario s = sessionScenario(4, 5);
        s.simulator = sim;
        s.workload.inputTokens = QStringLiteral("600");
        s.workload.outputTokens = QStringLiteral("32");
        RunResult result;
        QVERIFY2(runSession(s, thread, &result, &error), qPrintable(error));
        QCOMPARE(result.summary.completed, 20);
        const std::vector<TurnSummary> &turns = result.summary.perTurn;
        QCOMPARE(int(turns.size()), 5);
        QString line;
        for (const TurnSummary &t : turns)
            line += QStringLiteral(" %1").arg(t.ttft.percentile(50), 0, 'f', 1);
        qInfo("prefix cache %s: TTFT p50 by turn (ms):%s", cache ? "on " : "off", qPrintable(line));
        // With the cache each later turn finds every whole 512-token block of the turn before it
        // (its history is that turn's prompt, then more); without, none.
        for (const auto &[session, list] : bySession(result.trace)) {
            for (size_t i = 1; i < list.size(); ++i) {
                const int expected = cache ? list[i - 1]->promptTokens / 512 * 512 : 0;
                QVERIFY2(list[i]->cachedTokens == expected || (!cache && list[i]->cachedTokens < 0),
                    qPrintable(QStringLiteral("session %1 turn %2: %3 cached, %4 expected")
                                   .arg(session)
                                   .arg(list[i]->turn)
                                   .arg(list[i]->cachedTokens)
                                   .arg(expected)));
            }
        }
        firstTurn[cache] = turns.front().ttft.percentile(50);
        lastTurn[cache] = turns.back().ttft.percentile(50);
    }
    // Without the cache TTFT grows with the whole history; with it only the part past the
    // cached blocks is prefilled, so the fifth turn costs well under half the uncached one.
    QVERIFY2(lastTurn[0] > 3 * firstTurn[0], qPrintable(QString::number(lastTurn[0])));
    QVERIFY2(lastTurn[1] < 0.5 * lastTurn[0], qPrintable(QString::number(lastTurn[1])));
}

void tst_MultiTurn::reportKeepsSessionAndTurn()
{
    RecordingServer server;
    QVERIFY(server.listen());
    Scenario s = sessionScenario(2, 2);
    s.url = server.url();
    RunResult result;
    QString error;
    QVERIFY2(runSession(s, nullptr, &result, &error), qPrintable(error));
    const QByteArray bytes = JsonReport::toBytes(result.trace, result.summary);
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    const QJsonArray perTurn
        = root.value(QLatin1String("summary")).toObject().value(QLatin1String("per_turn")).toArray();
    QCOMPARE(perTurn.size(), 2);
    QCOMPARE(perTurn[1].toObject().value(QLatin1String("turn")).toInt(), 1);
    QCOMPARE(perTurn[1].toObject().value(QLatin1String("completed")).toInt(), 2);
    QVERIFY(perTurn[1].toObject().value(QLatin1String("ttft_ms")).toObject().contains(QLatin1String("p99")));
    RunTrace back;
    QVERIFY2(JsonReport::fromJson(root, &back, &error), qPrintable(error));
    QCOMPARE(back.requests.size(), result.trace.requests.size());
    for (size_t i = 0; i < back.requests.size(); ++i) {
        QCOMPARE(back.requests[i].session, result.trace.requests[i].session);
        QCOMPARE(back.requests[i].turn, result.trace.requests[i].turn);
        QVERIFY(back.requests[i].session >= 0);
    }
    QCOMPARE(back.scenario.workload.sessions, 2);
    QCOMPARE(back.scenario.workload.turns, 2);
    // A report without the fields (written before them) reads as requests of their own.
    QJsonObject old = root;
    QJsonArray requests = old.value(QLatin1String("requests")).toArray();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QJsonObject r = requests[i].toObject();
        r.remove(QLatin1String("session"));
        r.remove(QLatin1String("turn"));
        requests[i] = r;
    }
    old.insert(QLatin1String("requests"), requests);
    QVERIFY2(JsonReport::fromJson(old, &back, &error), qPrintable(error));
    QCOMPARE(back.requests.front().session, -1);
    QCOMPARE(back.requests.front().turn, -1);
}

void tst_MultiTurn::cliPrintsThePerTurnTable()
{
    const QString cli = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("run.json"));
    QProcess p;
    p.start(cli,
        { QStringLiteral("run"), QStringLiteral("--sessions"), QStringLiteral("4"), QStringLiteral("--turns"),
            QStringLiteral("3"), QStringLiteral("--think-time"), QStringLiteral("200"),
            QStringLiteral("--concurrency"), QStringLiteral("4"), QStringLiteral("--sim-ttft-ms"),
            QStringLiteral("10"), QStringLiteral("--sim-token-interval-ms"), QStringLiteral("1"),
            QStringLiteral("--json"), json });
    QVERIFY(p.waitForFinished(120'000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
    QVERIFY2(out.contains(QLatin1String("per turn (ms)")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("4 sessions of 3 turns, think time 200 ms")), qPrintable(out));
    for (int turn = 1; turn <= 3; ++turn) {
        const QString label = QStringLiteral("turn %1").arg(turn);
        const qsizetype at = out.indexOf(label);
        QVERIFY2(at >= 0, qPrintable(out));
        // sent and done: 4 each.
        const QStringList cells = out.mid(at + label.size(), out.indexOf(u'\n', at) - at - label.size())
                                      .split(u' ', Qt::SkipEmptyParts);
        QCOMPARE(cells.size(), 6);
        QCOMPARE(cells[0], QStringLiteral("4"));
        QCOMPARE(cells[1], QStringLiteral("4"));
    }
    QVERIFY(!out.contains(QLatin1String("turn 4")));

    // Bad input names the flag and exits 2.
    p.start(cli,
        { QStringLiteral("run"), QStringLiteral("--sessions"), QStringLiteral("4"), QStringLiteral("--turns"),
            QStringLiteral("3"), QStringLiteral("--think-time"), QStringLiteral("later") });
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("--think-time")));
    p.start(cli, { QStringLiteral("run"), QStringLiteral("--sessions"), QStringLiteral("4") });
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("workload.turns")));
}

QTEST_GUILESS_MAIN(tst_MultiTurn)
#include "tst_multiturn.moc"
