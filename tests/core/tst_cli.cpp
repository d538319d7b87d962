// The CLI as a user runs it: the real binary through QProcess, its exit codes and messages.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/stat.h>
#include <unistd.h>

class tst_Cli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void runAgainstBuiltInSimulator();
    void backgroundJobsSayHowOftenTheBoardWasRead();
    void thresholdFailsWithExitOne();
    void faultsAreReportedAndRunCompletes();
    void refusedConnectionIsRecorded();
    void usageDisagreeingWithEventsIsFlagged();
    void allFailedRunPrintsNoTokenFigures();
    void interruptedRunExitsThreeAndKeepsRecord_data();
    void interruptedRunExitsThreeAndKeepsRecord();
    void reportOntoSpecialFile();
    void otherCommandsWriteToStandardOutput();
    void apiKeyNeverWrittenOut();
    void mergeAndCompareMisuse();
    void corruptReportRefused();
    void simulatePrintsUrlFirst();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result cli(const QStringList &args, int timeoutMs = 60'000,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    QString m_bin;
    QTemporaryDir m_dir;
};

void tst_Cli::initTestCase()
{
    m_bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(m_bin), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(m_bin)));
    QVERIFY(m_dir.isValid());
}

tst_Cli::Result tst_Cli::cli(const QStringList &args, int timeoutMs, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(m_bin, args);
    Result r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        qWarning("timed out: %s", qPrintable(args.join(u' ')));
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList() << QStringLiteral("Usage:");
    QTest::newRow("unknown command") << QStringList { QStringLiteral("fly") }
                                     << QStringLiteral("unknown command \"fly\"");
    QTest::newRow("unknown flag") << QStringList { QStringLiteral("run"), QStringLiteral("--turbo") }
                                  << QStringLiteral("Unknown option 'turbo'");
    QTest::newRow("concurrency zero") << QStringList { QStringLiteral("run"), QStringLiteral("--concurrency"),
        QStringLiteral("0") } << QStringLiteral("--concurrency: expected a number from 1 to 10000");
    QTest::newRow("concurrency not a number")
        << QStringList { QStringLiteral("run"), QStringLiteral("--concurrency"), QStringLiteral("lots") }
        << QStringLiteral("--concurrency: expected a number");
    QTest::newRow("bad duration") << QStringList { QStringLiteral("run"), QStringLiteral("--duration"),
        QStringLiteral("soon") } << QStringLiteral("--duration: expected a positive duration");
    QTest::newRow("bad url") << QStringList { QStringLiteral("run"), QStringLiteral("--url"),
        QStringLiteral("ftp://x") }
                             << QStringLiteral("--url: expected http://");
    QTest::newRow("url Qt cannot parse") << QStringList { QStringLiteral("run"), QStringLiteral("--url"),
        QStringLiteral("ht!tp://:::") } << QStringLiteral("(got \"ht!tp://:::\")");
    QTest::newRow("bad url with a password") << QStringList { QStringLiteral("run"), QStringLiteral("--url"),
        QStringLiteral("ftp://me:hunter2@x/v1") }
                                             << QStringLiteral("(got \"ftp://***@x/v1\")");
    QTest::newRow("bad threshold") << QStringList { QStringLiteral("run"), QStringLiteral("--fail-if"),
        QStringLiteral("speed>fast") }
                                   << QStringLiteral("--fail-if \"speed>fast\"");
    QTest::newRow("bad fault") << QStringList { QStringLiteral("run"), QStringLiteral("--sim-fault"),
        QStringLiteral("meteor=0.1") }
                               << QStringLiteral("unknown fault \"meteor\"");
    QTest::newRow("missing scenario file") << QStringList { QStringLiteral("run"),
        QStringLiteral("--scenario"), QStringLiteral("/nonexistent/s.json") }
                                           << QStringLiteral("/nonexistent/s.json: cannot open");
    QTest::newRow("contradiction") << QStringList { QStringLiteral("run"), QStringLiteral("--stream"),
        QStringLiteral("--no-stream") }
                                   << QStringLiteral("contradict");
    // Hostile or mistaken input (issue 15): refused with the field named, nothing run.
    QTest::newRow("header value with CR LF") << QStringList {
        QStringLiteral("run"), QStringLiteral("--header"), QStringLiteral("X-A: b\r\nGET /smuggled HTTP/1.1")
    } << QStringLiteral("target.headers.X-A: the value holds a line break");
    QTest::newRow("header the client owns") << QStringList {
        QStringLiteral("run"), QStringLiteral("--header"), QStringLiteral("Content-Length: 5")
    } << QStringLiteral("target.headers.Content-Length: set by BurgerBench itself");
    QTest::newRow("header name not a token")
        << QStringList { QStringLiteral("run"), QStringLiteral("--header"), QStringLiteral("X A: b") }
        << QStringLiteral("is not a valid header name");
    QTest::newRow("unknown progress") << QStringList { QStringLiteral("run"), QStringLiteral("--progress"),
        QStringLiteral("xyz") } << QStringLiteral("--progress: expected auto, tty, plain or off");
    QTest::newRow("duration past a week")
        << QStringList { QStringLiteral("run"), QStringLiteral("--duration"), QStringLiteral("597h") }
        << QStringLiteral("--duration: at most 604800 s");
    QTest::newRow("absurd duration") << QStringList { QStringLiteral("run"), QStringLiteral("--duration"),
        QStringLiteral("1e300s") } << QStringLiteral("--duration: at most");
    QTest::newRow("scenario from a device")
        << QStringList { QStringLiteral("run"), QStringLiteral("--scenario"), QStringLiteral("/dev/zero") }
        << QStringLiteral("/dev/zero: not a regular file");
    QTest::newRow("mode that cannot run its workload")
        << QStringList { QStringLiteral("run"), QStringLiteral("--mode"), QStringLiteral("parallel-blocking"),
               QStringLiteral("--duration"), QStringLiteral("2s") }
        << QStringLiteral("load.duration_s: parallel-blocking runs a fixed number of orders");
    // Goodput counts requests meeting the SLOs: without any, there is no goodput to hold a rule to.
    QTest::newRow("goodput rule without an slo")
        << QStringList { QStringLiteral("run"), QStringLiteral("--fail-if"), QStringLiteral("goodput<1") }
        << QStringLiteral("--fail-if goodput<1: goodput counts the requests meeting every SLO, and no SLO "
                          "is given: add --slo-ttft, --slo-tpot or --slo-e2el");
    QTest::newRow("sweep goodput rule without an slo")
        << QStringList { QStringLiteral("sweep"), QStringLiteral("--profile"), QStringLiteral("concurrency"),
               QStringLiteral("--fail-if"), QStringLiteral("goodput<1") }
        << QStringLiteral("--fail-if goodput<1: goodput counts the requests meeting every SLO");
    // Issue 15: the per-event cap and the buffer budget, named with their bounds.
    QTest::newRow("event cap not a size")
        << QStringList { QStringLiteral("run"), QStringLiteral("--max-event-bytes"), QStringLiteral("big") }
        << QStringLiteral("--max-event-bytes: expected a size from 1 KiB to 1 GiB, such as 1048576, 512KiB "
                          "or 1MiB (got \"big\")");
    QTest::newRow("event cap too small")
        << QStringList { QStringLiteral("run"), QStringLiteral("--max-event-bytes"), QStringLiteral("100") }
        << QStringLiteral("--max-event-bytes: expected a size from 1 KiB to 1 GiB");
    QTest::newRow("buffer budget too large")
        << QStringList { QStringLiteral("run"), QStringLiteral("--max-buffered-bytes"),
               QStringLiteral("2000GiB") }
        << QStringLiteral("--max-buffered-bytes: expected a size from 1 MiB to "
                          "1024 GiB");
    QTest::newRow("unknown mode") << QStringList {
        QStringLiteral("run"), QStringLiteral("--mode"), QStringLiteral("turbo")
    } << QStringLiteral("--mode: expected sequential, concurrent, parallel-blocking");
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY2(!r.err.contains("hunter2"), r.err.constData()); // a password in a URL is never echoed
}

void tst_Cli::runAgainstBuiltInSimulator()
{
    const QString json = m_dir.filePath(QStringLiteral("run.json"));
    const QString csv = m_dir.filePath(QStringLiteral("run.csv"));
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("12"),
        QStringLiteral("--concurrency"), QStringLiteral("4"), QStringLiteral("--sim-ttft-ms"),
        QStringLiteral("20"), QStringLiteral("--sim-token-interval-ms"), QStringLiteral("5"),
        QStringLiteral("--sim-output-tokens"), QStringLiteral("6"), QStringLiteral("--json"), json,
        QStringLiteral("--csv"), csv, QStringLiteral("--progress"), QStringLiteral("plain") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("12 / 12 / 0 / 0"), r.out.constData());
    QVERIFY(r.out.contains("TTFT"));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(doc.value(QStringLiteral("schema")).toString(), QStringLiteral("burgerbench.run/1"));
    const QJsonObject summary = doc.value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("completed")).toInt(), 12);
    QCOMPARE(summary.value(QStringLiteral("peak_concurrency")).toInt(), 4);
    QVERIFY(summary.value(QStringLiteral("ttft_ms")).toObject().contains(QStringLiteral("p99")));
    QCOMPARE(doc.value(QStringLiteral("requests")).toArray().size(), 12);
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QCOMPARE(c.readAll().count('\n'), 13); // header + one row per request
}

// Background jobs: the summary counts the jobs and says how often the client read the status
// board; the JSON keeps every poll (job_polls_ns), one of which saw each job over.
void tst_Cli::backgroundJobsSayHowOftenTheBoardWasRead()
{
    const QString json = m_dir.filePath(QStringLiteral("jobs.json"));
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--mode"), QStringLiteral("background-jobs"),
        QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--requests"), QStringLiteral("4"),
        QStringLiteral("--concurrency"), QStringLiteral("4"), QStringLiteral("--sim-ttft-ms"),
        QStringLiteral("50"), QStringLiteral("--sim-token-interval-ms"), QStringLiteral("10"),
        QStringLiteral("--sim-output-tokens"), QStringLiteral("4"), QStringLiteral("--json"), json,
        QStringLiteral("--progress"), QStringLiteral("off") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Background jobs (done / failed / other): 4 / 0 / 0"), r.out.constData());
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonArray polls = doc.value(QStringLiteral("job_polls_ns")).toArray();
    QVERIFY(polls.size() >= 2);
    const QString line = QStringLiteral("Status board read by the client:");
    QVERIFY2(r.out.contains(line.toUtf8()), r.out.constData());
    const QByteArray times = QByteArray::number(polls.size()) + " times, every ";
    QVERIFY2(r.out.contains(times), r.out.constData());
    for (const QJsonValue job : doc.value(QStringLiteral("jobs")).toArray())
        QVERIFY(polls.contains(job.toObject().value(QStringLiteral("seen_ended_ns"))));
}

void tst_Cli::thresholdFailsWithExitOne()
{
    const QStringList base { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("4"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("50"), QStringLiteral("--sim-output-tokens"),
        QStringLiteral("3"), QStringLiteral("--progress"), QStringLiteral("off") };
    Result r = cli(base + QStringList { QStringLiteral("--fail-if"), QStringLiteral("ttft.p99>5ms") });
    QCOMPARE(r.exitCode, 1);
    // The measured figure carries the rule's unit (it printed a bare number).
    QVERIFY2(QRegularExpression(QStringLiteral("FAIL --fail-if ttft.p99>5ms \\(measured [0-9.]+ ms\\)"))
                 .match(QString::fromUtf8(r.err))
                 .hasMatch(),
        r.err.constData());
    r = cli(base + QStringList { QStringLiteral("--fail-if"), QStringLiteral("error_rate>=0%") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("FAIL --fail-if error_rate>=0% (measured 0%)"), r.err.constData());
    // With an SLO, goodput is a figure: 4 requests meeting a 10 s TTFT SLO in well under 4 s.
    r = cli(base
        + QStringList { QStringLiteral("--slo-ttft"), QStringLiteral("10000"), QStringLiteral("--fail-if"),
            QStringLiteral("goodput<1") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Goodput (req/s):"), r.out.constData());
    r = cli(base
        + QStringList { QStringLiteral("--fail-if"), QStringLiteral("ttft.p99>5s"),
            QStringLiteral("--fail-if"), QStringLiteral("failed>0") });
    QCOMPARE(r.exitCode, 0);
}

void tst_Cli::faultsAreReportedAndRunCompletes()
{
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("10"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("10"), QStringLiteral("--sim-output-tokens"),
        QStringLiteral("3"), QStringLiteral("--sim-fault"), QStringLiteral("http_503=1"),
        QStringLiteral("--fail-if"), QStringLiteral("failed>0"), QStringLiteral("--progress"),
        QStringLiteral("off") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("10 / 0 / 10 / 0"), r.out.constData());
    QVERIFY2(r.out.contains("http_503 10"), r.out.constData());

    // A fail-fast abort says why on stderr as well as in the summary on stdout.
    const Result fast = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("10"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("10"), QStringLiteral("--sim-output-tokens"),
        QStringLiteral("3"), QStringLiteral("--sim-fault"), QStringLiteral("http_503=1"),
        QStringLiteral("--fail-fast"), QStringLiteral("--progress"), QStringLiteral("off") });
    QCOMPARE(fast.exitCode, 3);
    QVERIFY2(fast.err.contains("burgerbench-cli run: aborted: "), fast.err.constData());
}

void tst_Cli::refusedConnectionIsRecorded()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--url"), url, QStringLiteral("--requests"),
        QStringLiteral("3"), QStringLiteral("--progress"), QStringLiteral("off") });
    QCOMPARE(r.exitCode, 0); // collect-all: failures are recorded, not fatal
    QVERIFY2(r.out.contains("connection_refused 3"), r.out.constData());
}

// A server that lies about its tokens: five token events, then usage.completion_tokens 9. The run
// succeeds, and the summary, the JSON's requests and its summary say so.
void tst_Cli::usageDisagreeingWithEventsIsFlagged()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer] {
                buffer->append(socket->readAll());
                const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
                if (headEnd < 0)
                    return;
                const QByteArray head = buffer->left(headEnd).toLower();
                const qsizetype at = head.indexOf("content-length:");
                const qsizetype length = at < 0
                    ? 0
                    : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
                if (buffer->size() < headEnd + 4 + length)
                    return;
                buffer->clear();
                QByteArray body;
                for (int i = 0; i < 5; ++i)
                    body += "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok \"},"
                            "\"finish_reason\":null}]}\n\n";
                body += "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":9,"
                        "\"total_tokens\":16}}\n\n";
                body += "data: [DONE]\n\n";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    const QString json = m_dir.filePath(QStringLiteral("liar.json"));
    QProcess p;
    p.start(m_bin,
        { QStringLiteral("run"), QStringLiteral("--url"),
            QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()), QStringLiteral("--requests"),
            QStringLiteral("3"), QStringLiteral("--json"), json, QStringLiteral("--progress"),
            QStringLiteral("off") });
    QVERIFY(p.waitForStarted());
    // The server answers from this thread's event loop: wait while it turns.
    QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30'000);
    const QByteArray out = p.readAllStandardOutput();
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(out.contains("3 / 3 / 0 / 0"), out.constData());
    QVERIFY2(QRegularExpression(QStringLiteral("Usage disagrees with token events: +3 of 3 successes"))
                 .match(QString::fromUtf8(out))
                 .hasMatch(),
        out.constData());
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(
        doc.value(QStringLiteral("summary")).toObject().value(QStringLiteral("token_count_mismatch")).toInt(),
        3);
    const QJsonArray requests = doc.value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 3);
    for (const auto &r : requests) {
        QCOMPARE(r.toObject().value(QStringLiteral("token_ns")).toArray().size(), 5);
        QCOMPARE(r.toObject().value(QStringLiteral("output_tokens")).toInt(), 9);
        QCOMPARE(r.toObject().value(QStringLiteral("token_count_mismatch")), QJsonValue(true));
    }
    // The honest built-in simulator: no flag, no line.
    const Result honest = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("3"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("5"), QStringLiteral("--sim-output-tokens"),
        QStringLiteral("5"), QStringLiteral("--progress"), QStringLiteral("off") });
    QCOMPARE(honest.exitCode, 0);
    QVERIFY2(!honest.out.contains("Usage disagrees"), honest.out.constData());
}

// Every request fails: no TTFT/ITL/tok/s figures printed as zeros, in the summary or the JSON.
void tst_Cli::allFailedRunPrintsNoTokenFigures()
{
    const QString json = m_dir.filePath(QStringLiteral("all-failed.json"));
    const Result r = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("4"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("5"), QStringLiteral("--sim-fault"),
        QStringLiteral("http_503=1"), QStringLiteral("--json"), json, QStringLiteral("--progress"),
        QStringLiteral("off") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("4 / 0 / 4 / 0"), r.out.constData());
    QVERIFY2(r.out.contains("Token figures:"), r.out.constData());
    QVERIFY2(r.out.contains("none: no request succeeded"), r.out.constData());
    QVERIFY2(r.out.contains("No successful request: no TTFT, TPOT, ITL or E2EL to give."), r.out.constData());
    for (const char *absent : { "tok/s", "\nTTFT", "latency (ms)" })
        QVERIFY2(!r.out.contains(absent), absent);
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject summary
        = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("summary")).toObject();
    QVERIFY(summary.value(QStringLiteral("output_throughput")).isNull());
    QVERIFY(summary.value(QStringLiteral("ttft_ms")).toObject().value(QStringLiteral("mean")).isNull());
}

void tst_Cli::interruptedRunExitsThreeAndKeepsRecord_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP (the terminal closed)") << int(SIGHUP);
}

void tst_Cli::interruptedRunExitsThreeAndKeepsRecord()
{
    QFETCH(int, signalNumber);
    const QString json = m_dir.filePath(QStringLiteral("interrupted-%1.json").arg(signalNumber));
    QProcess p;
    p.start(m_bin,
        { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("50"),
            QStringLiteral("--concurrency"), QStringLiteral("5"), QStringLiteral("--sim-ttft-ms"),
            QStringLiteral("2000"), QStringLiteral("--json"), json, QStringLiteral("--progress"),
            QStringLiteral("off") });
    QVERIFY(p.waitForStarted());
    QTest::qWait(800);
    ::kill(pid_t(p.processId()), signalNumber); // handled like Ctrl-C
    QVERIFY(p.waitForFinished(20'000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 3);
    QFile f(json);
    QVERIFY2(f.open(QIODevice::ReadOnly), "the record is written even when interrupted");
    const QJsonObject summary
        = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("incomplete")).toInt(), 5);
    QCOMPARE(
        summary.value(QStringLiteral("errors")).toObject().value(QStringLiteral("cancelled")).toInt(), 5);
}

void tst_Cli::reportOntoSpecialFile()
{
    // An atomic write renames a temporary file over its target: over a FIFO or a device (as root,
    // /dev/null) it would replace the special file. Such a path is written through instead: a
    // FIFO's reader gets the JSON and the FIFO stays a FIFO.
    const QString fifo = m_dir.filePath(QStringLiteral("report.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess reader; // blocks opening the FIFO until the run writes its report
    reader.start(QStringLiteral("cat"), { fifo });
    QVERIFY(reader.waitForStarted());
    const QStringList quick { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("2"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("5"), QStringLiteral("--progress"),
        QStringLiteral("off") };
    Result r = cli(quick + QStringList { QStringLiteral("--json"), fifo });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Sent / completed / failed / incomplete:  2 / 2 / 0 / 0"), r.out.constData());
    if (!reader.waitForFinished(10'000))
        reader.kill();
    const QJsonObject viaFifo = QJsonDocument::fromJson(reader.readAllStandardOutput()).object();
    QCOMPARE(
        viaFifo.value(QStringLiteral("summary")).toObject().value(QStringLiteral("completed")).toInt(), 2);
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));

    // A character device: written through, still a device afterwards.
    r = cli(quick + QStringList { QStringLiteral("--json"), QStringLiteral("/dev/null") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(::stat("/dev/null", &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));

    // Every OS error named: a full device says so (exit 3, the run's summary still printed).
    r = cli(quick + QStringList { QStringLiteral("--csv"), QStringLiteral("/dev/full") });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("/dev/full: cannot write: No space left on device"), r.err.constData());
    QVERIFY2(r.out.contains("2 / 2 / 0 / 0"), r.out.constData());
    r = cli(quick + QStringList { QStringLiteral("--json"), m_dir.path() });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QByteArray(QFile::encodeName(m_dir.path()) + ": cannot write: is a directory")),
        r.err.constData());
    r = cli(quick
        + QStringList { QStringLiteral("--json"), m_dir.filePath(QStringLiteral("no/such/dir/r.json")) });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("cannot write: ") && !r.err.contains("Unknown error"), r.err.constData());

    // "-": the report on stdout, alone and parseable; the human summary on stderr.
    r = cli(quick + QStringList { QStringLiteral("--json"), QStringLiteral("-") });
    QCOMPARE(r.exitCode, 0);
    QJsonParseError parse {};
    const QJsonObject viaStdout = QJsonDocument::fromJson(r.out, &parse).object();
    QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(parse.errorString()));
    QCOMPARE(viaStdout.value(QStringLiteral("schema")).toString(), QStringLiteral("burgerbench.run/1"));
    QVERIFY2(r.err.contains("Sent / completed / failed / incomplete:  2 / 2 / 0 / 0"), r.err.constData());
    r = cli(quick + QStringList { QStringLiteral("--csv"), QStringLiteral("-") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 3); // header + 2 rows
    QVERIFY2(r.out.startsWith("index,id,"), r.out.constData());
    r = cli(quick
        + QStringList {
            QStringLiteral("--json"), QStringLiteral("-"), QStringLiteral("--csv"), QStringLiteral("-") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(
        r.err.contains("--json - and --csv -: only one report can go to standard output"), r.err.constData());
}

// "-" for the commands that also print a table: the JSON alone on stdout, the table on stderr.
void tst_Cli::otherCommandsWriteToStandardOutput()
{
    const QString a = m_dir.filePath(QStringLiteral("stdout-a.json"));
    QCOMPARE(cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("3"),
                     QStringLiteral("--sim-ttft-ms"), QStringLiteral("5"), QStringLiteral("--json"), a,
                     QStringLiteral("--progress"), QStringLiteral("off") })
                 .exitCode,
        0);
    Result r = cli({ QStringLiteral("compare"), a, a, QStringLiteral("--json"), QStringLiteral("-") });
    QCOMPARE(r.exitCode, 0);
    QJsonParseError parse {};
    const QJsonObject comparison = QJsonDocument::fromJson(r.out, &parse).object();
    QVERIFY2(parse.error == QJsonParseError::NoError, r.out.constData());
    QVERIFY(!comparison.isEmpty());
    QVERIFY2(r.err.contains("A (baseline):"), r.err.constData());
    r = cli({ QStringLiteral("merge"), a, QStringLiteral("-o"), QStringLiteral("-") });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject merged = QJsonDocument::fromJson(r.out, &parse).object();
    QVERIFY2(parse.error == QJsonParseError::NoError, r.out.constData());
    QCOMPARE(merged.value(QStringLiteral("requests")).toArray().size(), 3);
    r = cli({ QStringLiteral("report"), a, QStringLiteral("--html"), QStringLiteral("-") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("<!DOCTYPE html>") || r.out.startsWith("<!doctype html>"),
        r.out.left(80).constData());
    QVERIFY2(r.err.contains("wrote standard output"), r.err.constData());
}

void tst_Cli::apiKeyNeverWrittenOut()
{
    const QByteArray key = "sk-test-PLANTED-7f3a9c";
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BB_TEST_KEY"), QString::fromLatin1(key));
    const QString json = m_dir.filePath(QStringLiteral("secret.json"));
    const QString csv = m_dir.filePath(QStringLiteral("secret.csv"));
    const Result r
        = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("3"),
                  QStringLiteral("--api-key-env"), QStringLiteral("BB_TEST_KEY"), QStringLiteral("--json"),
                  json, QStringLiteral("--csv"), csv, QStringLiteral("--sim-ttft-ms"), QStringLiteral("5"),
                  QStringLiteral("--progress"), QStringLiteral("plain") },
            60'000, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains(key));
    QVERIFY(!r.err.contains(key));
    for (const QString &path : { json, csv }) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(key), qPrintable(path));
        QVERIFY2(!bytes.contains("Bearer"), qPrintable(path));
        QVERIFY(!bytes.toLower().contains("authorization"));
    }
}

// Issue 15: merging one run twice, merging over an input and comparing different scenarios are
// refused or warned about, never silently accepted.
void tst_Cli::mergeAndCompareMisuse()
{
    const QString a = m_dir.filePath(QStringLiteral("misuse-a.json"));
    const QString b = m_dir.filePath(QStringLiteral("misuse-b.json"));
    const QString copy = m_dir.filePath(QStringLiteral("misuse-copy.json"));
    const QString merged = m_dir.filePath(QStringLiteral("misuse-merged.json"));
    const QStringList quick { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("4"),
        QStringLiteral("--max-tokens"), QStringLiteral("3"), QStringLiteral("--sim-ttft-ms"),
        QStringLiteral("5"), QStringLiteral("--sim-token-interval-ms"), QStringLiteral("2"),
        QStringLiteral("--progress"), QStringLiteral("off") };
    QCOMPARE(cli(quick
                 + QStringList { QStringLiteral("--concurrency"), QStringLiteral("2"),
                     QStringLiteral("--json"), a })
                 .exitCode,
        0);
    QCOMPARE(cli(quick
                 + QStringList { QStringLiteral("--concurrency"), QStringLiteral("4"),
                     QStringLiteral("--json"), b })
                 .exitCode,
        0);
    QVERIFY(QFile::copy(a, copy));

    Result r = cli({ QStringLiteral("merge"), a, a, QStringLiteral("-o"), merged });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("hold the same run"), r.err.constData());
    r = cli({ QStringLiteral("merge"), a, copy, QStringLiteral("-o"), merged });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("hold the same run"), r.err.constData());
    QVERIFY(!QFile::exists(merged));

    QFile before(b);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray original = before.readAll();
    before.close();
    r = cli({ QStringLiteral("merge"), a, b, QStringLiteral("-o"), b });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("is one of the inputs"), r.err.constData());
    QVERIFY(before.open(QIODevice::ReadOnly));
    QCOMPARE(before.readAll(), original);
    before.close();

    r = cli({ QStringLiteral("merge"), a, QStringLiteral("-o"), merged });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("merged 1 run, 4 requests"), r.err.constData());
    r = cli({ QStringLiteral("merge"), a, b, QStringLiteral("-o"), merged });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("its scenario differs") && r.err.contains("load.concurrency"), r.err.constData());

    const QString comparison = m_dir.filePath(QStringLiteral("misuse-compare.json"));
    r = cli({ QStringLiteral("compare"), a, b, QStringLiteral("--json"), comparison });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("ran different scenarios (load.concurrency)"), r.err.constData());
    QFile json(comparison);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray warnings
        = QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("warnings")).toArray();
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.at(0).toString().contains(QStringLiteral("load.concurrency")));
    r = cli({ QStringLiteral("compare"), a, copy });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.err.contains("different scenarios"), r.err.constData());
}

// A report whose token times go back (hand-edited or corrupt) is refused by report, merge and
// compare, naming the request and the field, with exit 2; the written one is accepted.
void tst_Cli::corruptReportRefused()
{
    const QString good = m_dir.filePath(QStringLiteral("corrupt-good.json"));
    const QString bad = m_dir.filePath(QStringLiteral("corrupt-bad.json"));
    QCOMPARE(
        cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("2"),
                QStringLiteral("--sim-ttft-ms"), QStringLiteral("5"), QStringLiteral("--sim-output-tokens"),
                QStringLiteral("4"), QStringLiteral("--sim-token-interval-ms"), QStringLiteral("3"),
                QStringLiteral("--json"), good, QStringLiteral("--progress"), QStringLiteral("off") })
            .exitCode,
        0);
    QFile in(good);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray requests = root.value(QStringLiteral("requests")).toArray();
    QJsonObject first = requests.at(1).toObject();
    QJsonArray tokens = first.value(QStringLiteral("token_ns")).toArray();
    QCOMPARE(tokens.size(), 4);
    const QJsonValue firstToken = tokens.at(0); // last first: unsorted
    tokens[0] = tokens.at(3);
    tokens[3] = firstToken;
    first.insert(QStringLiteral("token_ns"), tokens);
    requests[1] = first;
    root.insert(QStringLiteral("requests"), requests);
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();

    const QString html = m_dir.filePath(QStringLiteral("corrupt.html"));
    QCOMPARE(cli({ QStringLiteral("report"), good, QStringLiteral("--html"), html }).exitCode, 0);
    const QList<QStringList> commands {
        { QStringLiteral("report"), bad, QStringLiteral("--html"), html },
        { QStringLiteral("merge"), good, bad, QStringLiteral("-o"),
            m_dir.filePath(QStringLiteral("m.json")) },
        { QStringLiteral("compare"), good, bad },
    };
    for (const QStringList &args : commands) {
        const Result r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QByteArray(QFile::encodeName(bad) + ": requests[1].token_ns[1]: "))
                && r.err.contains("token times never go back"),
            r.err.constData());
    }
}

void tst_Cli::simulatePrintsUrlFirst()
{
    QProcess p;
    p.start(m_bin, { QStringLiteral("simulate"), QStringLiteral("--ttft-ms"), QStringLiteral("5") });
    QVERIFY(p.waitForStarted());
    QVERIFY(p.waitForReadyRead(10'000));
    const QByteArray line = p.readLine().trimmed();
    QVERIFY2(line.startsWith("http://127.0.0.1:"), line.constData());
    p.terminate();
    QVERIFY(p.waitForFinished(10'000));
    QCOMPARE(p.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
