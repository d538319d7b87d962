#include "cli/commands.h"
#include "cli/runflags.h"
#include "cli/summaryprinter.h"

#include "metrics/summary.h"
#include "metrics/threshold.h"
#include "session/runsession.h"

#if __has_include("report/jsonreport.h")
#include "report/csvreport.h"
#include "report/jsonreport.h"
#include "report/junitreport.h"
#include "report/summaryjson.h"
#include "report/thresholdverdict.h"
#define BURGERBENCH_HAVE_JSON_REPORT 1
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <optional>

#include <unistd.h>

namespace BurgerBench::Cli {

int cmdRun(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burgerbench-cli run"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURGERBENCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fire concurrent requests at an OpenAI-compatible endpoint and measure every streamed token.\n"
        "Without --url the built-in simulator is started in-process."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(scenarioOptions());
    const QList<QCommandLineOption> options {
        { QStringLiteral("json"), QStringLiteral("Write the full run as JSON (atomically)."),
            QStringLiteral("file") },
        { QStringLiteral("csv"), QStringLiteral("Write one CSV row per request (atomically)."),
            QStringLiteral("file") },
        { QStringLiteral("fail-if"),
            QStringLiteral("Exit 1 if this holds, e.g. ttft.p99>500ms, failed>0, error_rate>1%. Repeatable."),
            QStringLiteral("rule") },
        { QStringLiteral("progress"), QStringLiteral("auto (default), tty, plain or off."),
            QStringLiteral("how") },
        { QStringLiteral("junit"),
            QStringLiteral("Write a JUnit XML report: a test case per --fail-if rule and one for the run "
                           "completing (atomically)."),
            QStringLiteral("file") },
        { QStringLiteral("summary-json"),
            QStringLiteral("Write the summary and the thresholds' verdicts as small JSON (atomically)."),
            QStringLiteral("file") },
    };
    parser.addOptions(options);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(parser.errorText()));
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Ok;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("burgerbench-cli %s\n", BURGERBENCH_VERSION);
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "burgerbench-cli run: unexpected argument \"%s\"\n",
            qPrintable(parser.positionalArguments().constFirst()));
        return BadUsage;
    }

    auto usageError = [](const QString &message) {
        std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(message));
        return int(BadUsage);
    };

    Scenario scenario;
    {
        QString error;
        if (!scenarioFromFlags(parser, &scenario, &error))
            return usageError(error);
    }
    {
        const QString progress = parser.value(QStringLiteral("progress"));
        if (!progress.isEmpty() && progress != QLatin1String("auto") && progress != QLatin1String("tty")
            && progress != QLatin1String("plain") && progress != QLatin1String("off"))
            return usageError(
                QStringLiteral("--progress: expected auto, tty, plain or off (got \"%1\")").arg(progress));
    }
    QList<Threshold> thresholds;
    {
        QString error;
        if (!thresholdsFromFlags(parser, &thresholds, &error)
            || !checkGoodputRules(thresholds, scenario.slo, QStringLiteral("--fail-if"), &error))
            return usageError(error);
    }
    {
        // The scenario's own rules and whether its mode can run its workload as written: the
        // same check the desktop app and the race make (RunSession::check).
        QString error;
        if (!RunSession::check(scenario, &error))
            return usageError(error);
    }
    if (scenario.tlsInsecure)
        std::fprintf(stderr,
            "burgerbench-cli run: warning: --insecure: the server's TLS certificate is not "
            "verified; anyone on the path can read and change the traffic, API key included\n");
    if (scenario.usesSimulator() && scenario.http2)
        return usageError(QStringLiteral("--http2: the built-in simulator speaks HTTP/1.1 only"));
    // "-" writes a report to standard output: one of them at most, and the human summary then goes
    // to stderr so that stdout holds the report alone (`run --json - | jq`).
    QString toStdout;
    for (const char *flag : { "json", "csv", "junit", "summary-json" }) {
        const QString name = QLatin1String(flag);
        if (!parser.isSet(name) || parser.value(name) != QLatin1String("-")) // report/atomicfile.h
            continue;
        if (!toStdout.isEmpty())
            return usageError(QStringLiteral("--%1 - and --%2 -: only one report can go to standard output")
                                  .arg(toStdout, name));
        toStdout = name;
    }
#ifndef BURGERBENCH_HAVE_JSON_REPORT
    if (parser.isSet(QStringLiteral("json")) || parser.isSet(QStringLiteral("csv"))
        || parser.isSet(QStringLiteral("junit")) || parser.isSet(QStringLiteral("summary-json")))
        return usageError(
            QStringLiteral("--json/--csv/--junit/--summary-json: this build has no report writers"));
#endif

    raiseFileLimit();
    if (const int lanes = scenario.cpuTasksOnly() ? 0 : scenario.concurrency; lanes > 0) {
        // Refused before anything starts: past the limit, GLib aborts creating a thread's wake-up
        // pipe, or every request fails with "Out of resources".
        const QString problem = fileLimitProblem(QStringLiteral("a run at concurrency %1").arg(lanes), lanes,
            scenario.http2, scenario.usesSimulator(), scenario.workers);
        if (!problem.isEmpty())
            return usageError(problem);
    }
    installInterruptHandler();

    // The key is read here, handed to the engine, and written nowhere.
    const QByteArray apiKey = qgetenv(scenario.apiKeyEnv.toLocal8Bit().constData());

    // Every mode runs through the one orchestrator the app and the race use: same scenario, same
    // work (CPU tasks, worker threads, held waits, background jobs), same record.
    const QList<double> ranks = percentilesFor(scenario, thresholds);
    RunSession session;
    RunRequest request;
    request.scenario = scenario;
    request.apiKey = apiKey;
    request.extraPercentiles = ranks;
    {
        QString error;
        if (!session.start(request, &error)) {
            std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(error));
            return error.startsWith(QLatin1String("cannot start the built-in simulator")) ? int(Aborted)
                                                                                          : int(BadUsage);
        }
    }

    // Live progress on stderr: redrawn in place on a terminal, one plain line a second otherwise.
    QString progressMode = parser.value(QStringLiteral("progress"));
    if (progressMode.isEmpty() || progressMode == QLatin1String("auto"))
        progressMode = isatty(STDERR_FILENO) ? QStringLiteral("tty") : QStringLiteral("plain");
    const bool tty = progressMode == QLatin1String("tty");
    QTimer progressTimer;
    qint64 lastTokens = 0;
    qint64 lastNs = 0;
    if (progressMode != QLatin1String("off")) {
        progressTimer.setInterval(tty ? 250 : 1000);
        QObject::connect(&progressTimer, &QTimer::timeout, [&] {
            const Progress p = session.progress();
            const double dt = double(p.elapsedNs - lastNs) / 1e9;
            const double tokensPerS = dt > 0 ? double(p.tokens - lastTokens) / dt : 0;
            lastTokens = p.tokens;
            lastNs = p.elapsedNs;
            const QString line = progressLine(p, tokensPerS);
            if (tty)
                std::fprintf(stderr, "\r\033[K%s", qPrintable(line));
            else
                std::fprintf(stderr, "%s\n", qPrintable(line));
            std::fflush(stderr);
        });
        progressTimer.start();
    }

    QTimer interruptPoll;
    int interruptsSeen = 0;
    QObject::connect(&interruptPoll, &QTimer::timeout, [&] {
        if (pollInterrupted() && interruptsSeen == 0) {
            interruptsSeen = 1;
            std::fprintf(stderr, "\nburgerbench-cli run: interrupted; cancelling (the record is kept)\n");
            session.cancel();
        }
    });
    interruptPoll.start(100);

    QObject::connect(&session, &RunSession::finished, &app, &QCoreApplication::quit);
    app.exec();
    progressTimer.stop();
    if (tty)
        std::fputs("\r\033[K", stderr);

    RunResult result = session.takeResult();
    const RunTrace &trace = result.trace;
    const Summary &summary = result.summary;
    std::FILE *summaryOut = toStdout.isEmpty() ? stdout : stderr;
    std::fputs(qPrintable(formatSummary(trace, summary, scenario.percentiles)), summaryOut);
    std::fflush(summaryOut);

    int exitCode = trace.cancelled || !trace.abortReason.isEmpty() ? Aborted : Ok;
    // Why the run stopped goes to stderr too: a script that keeps stdout for the summary (or
    // throws it away) still learns that exit 3 was a fail-fast abort, and of what.
    if (!trace.abortReason.isEmpty())
        std::fprintf(stderr, "burgerbench-cli run: aborted: %s\n", qPrintable(trace.abortReason));
#ifdef BURGERBENCH_HAVE_JSON_REPORT
    if (parser.isSet(QStringLiteral("json"))) {
        QString error;
        if (!JsonReport::write(parser.value(QStringLiteral("json")), trace, summary, &error)) {
            std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(error));
            exitCode = Aborted;
        }
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        QString error;
        if (!CsvReport::write(parser.value(QStringLiteral("csv")), trace, &error)) {
            std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(error));
            exitCode = Aborted;
        }
    }
    if (parser.isSet(QStringLiteral("junit"))) {
        QString error;
        if (!JunitReport::write(parser.value(QStringLiteral("junit")), trace, summary, thresholds, &error)) {
            std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(error));
            exitCode = Aborted;
        }
    }
    if (parser.isSet(QStringLiteral("summary-json"))) {
        QString error;
        if (!SummaryJson::write(
                parser.value(QStringLiteral("summary-json")), trace, summary, thresholds, &error)) {
            std::fprintf(stderr, "burgerbench-cli run: %s\n", qPrintable(error));
            exitCode = Aborted;
        }
    }
#endif
    bool thresholdFailed = false;
    for (const Threshold &t : thresholds) {
        double measured = 0;
        if (t.violated(summary, &measured)) {
            thresholdFailed = true;
#ifdef BURGERBENCH_HAVE_JSON_REPORT
            // With its unit, as the rule was written: "(measured 22.5 ms)", "(measured 3.1%)".
            const QString shown = ThresholdVerdicts::formatValue(t, measured);
#else
            const QString shown = QString::number(measured, 'g', 6);
#endif
            std::fprintf(stderr, "FAIL --fail-if %s (measured %s)\n", qPrintable(t.text),
                std::isnan(measured) ? "nothing: no sample" : qPrintable(shown));
        }
    }
    if (exitCode == Ok && thresholdFailed)
        exitCode = ThresholdFailed;
    return exitCode;
}

} // namespace BurgerBench::Cli
