// Varied traffic end to end: a workload planned before the clock (the token probe, the plan),
// sent by the load engine and by the blocking workers, judged by the simulator's ground truth
// (GET /sim/stats: prompt_tokens by its own tokenizer, output_tokens, cached_tokens per request).
#include "engine/requestbody.h"
#include "engine/tokenprobe.h"
#include "metrics/summary.h"
#include "session/runsession.h"
#include "sim/simulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace BurgerBench;

namespace {

struct Moments
{
    double mean = 0;
    double stdev = 0;
    int n = 0;
};

Moments moments(const std::vector<double> &v)
{
    Moments m;
    m.n = int(v.size());
    if (v.empty())
        return m;
    double sum = 0, sum2 = 0;
    for (double x : v) {
        sum += x;
        sum2 += x * x;
    }
    m.mean = sum / m.n;
    m.stdev = std::sqrt(std::max(0.0, sum2 / m.n - m.mean * m.mean));
    return m;
}

// How far one request's prompt may be from its asked length as the server counts it.
constexpr double TokenError = 0.12;

SimulatorSettings fastSim()
{
    SimulatorSettings sim;
    sim.ttftMs = 1;
    sim.tokenIntervalMs = 0;
    sim.outputTokens = 0; // follow max_tokens
    return sim;
}

Scenario workloadScenario(int requests)
{
    Scenario s;
    s.name = QStringLiteral("workload");
    s.concurrency = 16;
    s.requests = requests;
    s.timeoutS = 60;
    s.idleTimeoutS = 30;
    s.seed = 7;
    return s;
}

struct Run
{
    RunResult result;
    QJsonObject stats;
    std::map<QString, QJsonObject> serverById; // /sim/stats requests by X-Request-Id
};

} // namespace

class tst_WorkloadRun : public QObject
{
    Q_OBJECT
private slots:
    void probeSources();
    void singlePromptPathUnchanged();
    void plannedLengthsReachTheServer_data();
    void plannedLengthsReachTheServer();
    void normalInputLengths_data();
    void normalInputLengths();
    void sharedPrefixesAreCached();
    void stoppedEarlyIsCountedNotDropped();
    void badDatasetFailsTheStart();
    void datasetFormatsReachTheServer_data();
    void datasetFormatsReachTheServer();

private:
    bool run(Scenario s, const SimulatorSettings &sim, Run *out);
};

bool tst_WorkloadRun::run(Scenario s, const SimulatorSettings &sim, Run *out)
{
    auto thread = std::make_shared<SimulatorThread>();
    QString error;
    if (!thread->start(sim, &error)) {
        qWarning("simulator: %s", qPrintable(error));
        return false;
    }
    s.simulator = sim;
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
    out->stats = thread->simulator()->stats();
    for (const auto &v : out->stats.value(QLatin1String("requests")).toArray()) {
        const QJsonObject o = v.toObject();
        out->serverById[o.value(QLatin1String("id")).toString()] = o;
    }
    return true;
}

void tst_WorkloadRun::probeSources()
{
    for (const bool tokenize : { true, false }) {
        SimulatorSettings sim = fastSim();
        sim.tokenizeEndpoint = tokenize;
        SimulatorThread thread;
        QVERIFY(thread.start(sim));
        for (Endpoint endpoint : { Endpoint::Chat, Endpoint::Completions }) {
            Scenario s = workloadScenario(1);
            s.endpoint = endpoint;
            const TokenProbe::Result r = TokenProbe::measure(s, thread.url(), QByteArray());
            QCOMPARE(r.model.source, tokenize ? CountSource::Tokenize : CountSource::Calibrated);
            QCOMPARE(r.roundTrips, tokenize ? 2 : 3); // one refused /tokenize, then two probe requests
            // The simulator's tokenizer: about 4 bytes of English a token (sim/simtokenizer.h).
            QVERIFY2(r.model.bytesPerToken > 3 && r.model.bytesPerToken < 6,
                qPrintable(QString::number(r.model.bytesPerToken)));
            // A chat prompt carries its template (7 tokens in the simulator); a completion none.
            if (endpoint == Endpoint::Chat)
                QVERIFY2(std::abs(r.model.overheadTokens - 7) < 2,
                    qPrintable(QString::number(r.model.overheadTokens)));
            else
                QVERIFY2(r.model.overheadTokens < 2, qPrintable(QString::number(r.model.overheadTokens)));
            if (!tokenize)
                QVERIFY2(r.note.contains(QLatin1String("POST /tokenize: HTTP 404")), qPrintable(r.note));
        }
    }
    // Nothing answers: the local estimate, and the note says why.
    Scenario s = workloadScenario(1);
    s.timeoutS = 1;
    const TokenProbe::Result r
        = TokenProbe::measure(s, QUrl(QStringLiteral("http://127.0.0.1:9")), QByteArray());
    QCOMPARE(r.model.source, CountSource::Estimated);
    QCOMPARE(r.model.bytesPerToken, 4.0);
    QVERIFY(r.note.contains(QLatin1String("POST /tokenize")));
    QVERIFY(r.note.contains(QLatin1String("probe request")));
}

void tst_WorkloadRun::singlePromptPathUnchanged()
{
    Scenario s = workloadScenario(3);
    RequestBodies bodies;
    QString error;
    QVERIFY(bodies.init(s, &error));
    QVERIFY(!bodies.plan());
    RequestRecord r;
    for (quint32 i = 0; i < 3; ++i) {
        QCOMPARE(bodies.body(i, &r), RequestBody::build(s).json);
        QCOMPARE(r.askedInputTokens, -1);
        QCOMPARE(r.askedOutputTokens, -1);
    }
    QCOMPARE(r.promptTokens, RequestBody::build(s).promptTokens);
}

void tst_WorkloadRun::plannedLengthsReachTheServer_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("endpoint");
    QTest::newRow("engine chat") << "concurrent" << int(Endpoint::Chat);
    QTest::newRow("engine completions") << "concurrent" << int(Endpoint::Completions);
    QTest::newRow("blocking workers chat") << "parallel-blocking" << int(Endpoint::Chat);
}

void tst_WorkloadRun::plannedLengthsReachTheServer()
{
    QFETCH(QString, mode);
    QFETCH(int, endpoint);
    Scenario s = workloadScenario(60);
    QVERIFY(executionModeFromName(mode, &s.mode));
    s.endpoint = Endpoint(endpoint);
    s.workers = 4;
    s.burstiness = 0;
    s.workload.inputTokens = QStringLiteral("uniform:40,400");
    s.workload.outputTokens = QStringLiteral("128:50,3:50");
    Run run;
    QVERIFY(this->run(s, fastSim(), &run));
    const RunTrace &t = run.result.trace;
    QCOMPARE(int(t.requests.size()), 60);
    QCOMPARE(t.scenario.workload.tokens.source, CountSource::Tokenize);
    QSet<int> outputs;
    double worst = 0, sumError = 0;
    for (const RequestRecord &r : t.requests) {
        QCOMPARE(r.outcome, Outcome::Success);
        QVERIFY(r.askedInputTokens >= 40 && r.askedInputTokens <= 400);
        QVERIFY(r.askedOutputTokens == 128 || r.askedOutputTokens == 3);
        outputs.insert(r.askedOutputTokens);
        const QJsonObject server = run.serverById.at(QString::fromLatin1(r.id));
        // max_tokens reached the server and came back in usage.
        QCOMPARE(server.value(QLatin1String("output_tokens")).toInt(), r.askedOutputTokens);
        QCOMPARE(r.outputTokens, r.askedOutputTokens);
        QVERIFY(!r.stoppedEarly());
        // The prompt as the server counted it is the asked length, within a few tokens.
        const int counted = server.value(QLatin1String("prompt_tokens")).toInt();
        QVERIFY(r.promptTokensFromUsage);
        QCOMPARE(r.promptTokens, counted);
        const double relative = std::abs(counted - r.askedInputTokens) / double(r.askedInputTokens);
        worst = std::max(worst, relative);
        sumError += relative;
    }
    qInfo("asked vs server-counted prompt length: mean error %.2f%%, worst %.2f%%", 100 * sumError / 60,
        100 * worst);
    QVERIFY2(worst <= TokenError, qPrintable(QString::number(worst)));
    QCOMPARE(outputs, (QSet<int> { 3, 128 }));
    QCOMPARE(run.result.summary.stoppedEarly, 0);
}

// The Done-when: --input-tokens normal:512,128 --output-tokens 64 against the simulator
// gives server prompt_tokens with a mean within 2% of 512 and a std within 10% of 128 through
// /tokenize, and within 5% (both) by calibration when /tokenize is switched off.
void tst_WorkloadRun::normalInputLengths_data()
{
    QTest::addColumn<bool>("tokenize");
    QTest::addColumn<double>("meanTolerance");
    QTest::addColumn<double>("stdTolerance");
    QTest::newRow("tokenize") << true << 0.02 << 0.10;
    QTest::newRow("calibrated") << false << 0.05 << 0.05;
}

void tst_WorkloadRun::normalInputLengths()
{
    QFETCH(bool, tokenize);
    QFETCH(double, meanTolerance);
    QFETCH(double, stdTolerance);
    Scenario s = workloadScenario(1000);
    s.concurrency = 50;
    s.workload.inputTokens = QStringLiteral("normal:512,128");
    s.workload.outputTokens = QStringLiteral("64");
    SimulatorSettings sim = fastSim();
    sim.tokenizeEndpoint = tokenize;
    Run run;
    QVERIFY(this->run(s, sim, &run));
    QCOMPARE(run.result.trace.scenario.workload.tokens.source,
        tokenize ? CountSource::Tokenize : CountSource::Calibrated);
    std::vector<double> server, asked;
    for (const RequestRecord &r : run.result.trace.requests) {
        QCOMPARE(r.outcome, Outcome::Success);
        server.push_back(
            run.serverById.at(QString::fromLatin1(r.id)).value(QLatin1String("prompt_tokens")).toDouble());
        asked.push_back(r.askedInputTokens);
    }
    const Moments m = moments(server);
    const Moments a = moments(asked);
    qInfo("server prompt_tokens: mean %.1f std %.1f (asked: mean %.1f std %.1f), n %d", m.mean, m.stdev,
        a.mean, a.stdev, m.n);
    QCOMPARE(m.n, 1000);
    QVERIFY2(std::abs(m.mean - 512) <= meanTolerance * 512, qPrintable(QString::number(m.mean)));
    QVERIFY2(std::abs(m.stdev - 128) <= stdTolerance * 128, qPrintable(QString::number(m.stdev)));
}

void tst_WorkloadRun::sharedPrefixesAreCached()
{
    Scenario s = workloadScenario(40);
    s.concurrency = 1; // one at a time: each request finds the previous ones' blocks cached
    s.workload.inputTokens = QStringLiteral("1500");
    s.workload.outputTokens = QStringLiteral("2");
    s.workload.prefixTokens = 1024;
    s.workload.prefixGroups = 2;
    Run run;
    QVERIFY(this->run(s, fastSim(), &run));
    int cachedRequests = 0;
    for (const RequestRecord &r : run.result.trace.requests) {
        const QJsonObject server = run.serverById.at(QString::fromLatin1(r.id));
        // What the client recorded is what the server reported.
        QCOMPARE(r.cachedTokens, server.value(QLatin1String("cached_tokens")).toInt());
        QVERIFY(r.cachedTokens <= 1024 + 512); // the shared prefix (whole blocks), never the private tail
        cachedRequests += r.cachedTokens >= 512;
    }
    // All but each group's first request reuse at least one 512-token block of its prefix.
    QVERIFY2(cachedRequests >= 38, qPrintable(QString::number(cachedRequests)));
}

void tst_WorkloadRun::stoppedEarlyIsCountedNotDropped()
{
    Scenario s = workloadScenario(20);
    s.workload.outputTokens = QStringLiteral("uniform:5,10");
    SimulatorSettings sim = fastSim();
    sim.outputTokens = 4; // the server ends every answer after 4 tokens, whatever max_tokens says
    Run run;
    QVERIFY(this->run(s, sim, &run));
    for (const RequestRecord &r : run.result.trace.requests) {
        QCOMPARE(r.outputTokens, 4);
        QVERIFY(r.stoppedEarly());
    }
    QCOMPARE(run.result.summary.stoppedEarly, 20);
    QCOMPARE(run.result.summary.completed, 20);
    QCOMPARE(run.result.summary.ttft.count, 20); // still in every statistic
}

void tst_WorkloadRun::badDatasetFailsTheStart()
{
    Scenario s = workloadScenario(5);
    s.workload.dataset = QStringLiteral("/nonexistent/data.jsonl");
    auto thread = std::make_shared<SimulatorThread>();
    QVERIFY(thread->start(fastSim()));
    RunSession session;
    RunRequest request;
    request.scenario = s;
    request.simulator = thread;
    QString error;
    QVERIFY(!session.start(request, &error));
    QVERIFY2(error.startsWith(QLatin1String("/nonexistent/data.jsonl: cannot open")), qPrintable(error));
}

// Each dataset format run against the simulator: its ground truth has every request's prompt
// length following the row's (prompts given as text: the simulator's count is in proportion to
// the row's bytes, at the rate the longest row shows; a Mooncake row: its input_length, within
// the tolerance of a planned prompt) and its output length the row's own.
void tst_WorkloadRun::datasetFormatsReachTheServer_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
    QTest::newRow("csv") << QStringLiteral("csv");
    QTest::newRow("sharegpt") << QStringLiteral("sharegpt");
    QTest::newRow("mooncake") << QStringLiteral("mooncake");
}

void tst_WorkloadRun::datasetFormatsReachTheServer()
{
    QFETCH(QString, format);
    // Six rows: prompts of 200 to 6,200 bytes (or, for a trace, 100 to 2,600 tokens), outputs 3 to 18.
    struct Row
    {
        QString prompt;
        int inputTokens = 0;
        int outputTokens = 0;
    };
    std::vector<Row> rows;
    for (int i = 0; i < 6; ++i) {
        Row r;
        const QString words = QStringLiteral("cheeseburger %1 with pickles and onions, ").arg(i);
        while (r.prompt.size() < 200 + 1200 * i)
            r.prompt += words;
        r.inputTokens = 100 + 500 * i;
        r.outputTokens = 3 + 3 * i;
        rows.push_back(r);
    }
    QByteArray bytes;
    if (format == QLatin1String("jsonl")) {
        for (const Row &r : rows)
            bytes += QJsonDocument(QJsonObject { { QStringLiteral("prompt"), r.prompt },
                                       { QStringLiteral("output_tokens"), r.outputTokens } })
                         .toJson(QJsonDocument::Compact)
                + '\n';
    } else if (format == QLatin1String("csv")) {
        bytes = "prompt,output_tokens\r\n";
        for (const Row &r : rows)
            bytes += '"' + r.prompt.toUtf8().replace('"', "\"\"") + "\"," + QByteArray::number(r.outputTokens)
                + "\r\n";
    } else if (format == QLatin1String("sharegpt")) {
        // The gpt turn's text is the output length: as long as the row's output in the simulator's
        // tokens (about 4 bytes each), so the test reads the asked length back from the record.
        QJsonArray list;
        for (const Row &r : rows)
            list.append(QJsonObject { { QStringLiteral("conversations"),
                QJsonArray { QJsonObject { { QStringLiteral("from"), QStringLiteral("human") },
                                 { QStringLiteral("value"), r.prompt } },
                    QJsonObject { { QStringLiteral("from"), QStringLiteral("gpt") },
                        { QStringLiteral("value"), QString(4 * r.outputTokens, u'a') } } } } });
        bytes = QJsonDocument(list).toJson(QJsonDocument::Compact);
    } else {
        for (const Row &r : rows)
            bytes += QJsonDocument(QJsonObject { { QStringLiteral("timestamp"), 0 },
                                       { QStringLiteral("input_length"), r.inputTokens },
                                       { QStringLiteral("output_length"), r.outputTokens },
                                       { QStringLiteral("hash_ids"), QJsonArray {} } })
                         .toJson(QJsonDocument::Compact)
                + '\n';
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rows.") + format);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();

    Scenario s = workloadScenario(6);
    s.concurrency = 1; // one after the other: request i is row i
    s.workload.dataset = path;
    s.workload.datasetFormat = format;
    s.workload.replay = QStringLiteral("off");
    Run r;
    QVERIFY(run(s, fastSim(), &r));
    QCOMPARE(r.result.summary.completed, 6);
    const std::vector<RequestRecord> &requests = r.result.trace.requests;
    QCOMPARE(int(requests.size()), 6);
    const TokenModel &tokens = r.result.trace.scenario.workload.tokens;
    QVERIFY(tokens.bytesPerToken > 1);
    auto serverPrompt = [&](size_t i) {
        return r.serverById.at(QString::fromLatin1(requests[i].id))
            .value(QLatin1String("prompt_tokens"))
            .toInt();
    };
    // Tokens per byte of this text, read off the longest row (the template's tokens taken out).
    const double perByte = (serverPrompt(5) - tokens.overheadTokens) / double(rows[5].prompt.toUtf8().size());
    QVERIFY(perByte > 0);
    for (size_t i = 0; i < requests.size(); ++i) {
        const QJsonObject server = r.serverById.at(QString::fromLatin1(requests[i].id));
        const int prompt = server.value(QLatin1String("prompt_tokens")).toInt();
        const int output = server.value(QLatin1String("output_tokens")).toInt();
        const double expected = format == QLatin1String("mooncake")
            ? rows[i].inputTokens
            : double(rows[i].prompt.toUtf8().size()) * perByte + tokens.overheadTokens;
        QVERIFY2(std::abs(prompt - expected) <= TokenError * expected,
            qPrintable(QStringLiteral("row %1: the server counted %2 prompt tokens, %3 expected")
                           .arg(i)
                           .arg(prompt)
                           .arg(expected)));
        if (format == QLatin1String("sharegpt")) {
            QVERIFY(requests[i].askedOutputTokens > 0);
            QCOMPARE(output, requests[i].askedOutputTokens);
        } else {
            QCOMPARE(output, rows[i].outputTokens);
            QCOMPARE(requests[i].askedOutputTokens, rows[i].outputTokens);
        }
        if (i > 0) // the lengths rise with the rows: not one prompt for all
            QVERIFY(prompt > r.serverById.at(QString::fromLatin1(requests[i - 1].id))
                                 .value(QLatin1String("prompt_tokens"))
                                 .toInt());
    }
}

QTEST_GUILESS_MAIN(tst_WorkloadRun)
#include "tst_workloadrun.moc"
