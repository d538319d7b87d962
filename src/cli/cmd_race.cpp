#include "cli/commands.h"
#include "cli/commands_race.h"

#include "i18n/language.h"
#include "parallel/cpuwork.h"
#include "parallel/race.h"
#include "report/atomicfile.h"
#include "session/racerunner.h"
#include "trace/jobboard.h"

#if __has_include("report/jsonreport.h")
#include "report/jsonreport.h"
#include "report/secretscrub.h"
#define BURGERBENCH_RACE_HAVE_JSON_REPORT 1
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace BurgerBench {

namespace {

constexpr const char *Me = "burgerbench-cli race";

int usageError(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", Me, qPrintable(message));
    return Cli::BadUsage;
}

// Reads one numeric flag into *out; false with *error naming the flag.
template<typename T>
bool readNumber(
    const QCommandLineParser &parser, const QString &name, T *out, double min, double max, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max || (std::is_integral_v<T> && v != std::floor(v))) {
        *error
            = QStringLiteral("--%1: expected %2 from %3 to %4 (got \"%5\")")
                  .arg(name,
                      std::is_integral_v<T> ? QStringLiteral("a whole number") : QStringLiteral("a number"))
                  .arg(min)
                  .arg(max)
                  .arg(parser.value(name));
        return false;
    }
    *out = T(v);
    return true;
}

QString pad(const QString &s, int width, bool right = false)
{
    return right ? s.rightJustified(width) : s.leftJustified(width);
}

QString formatTable(const RaceSpec &spec, const std::vector<RaceEntry> &entries)
{
    QString out;
    const int cores = QThread::idealThreadCount();
    out += QStringLiteral("Race \"%1\": %2 %3")
               .arg(spec.name)
               .arg(spec.n)
               .arg(spec.cpuOnly ? QStringLiteral("CPU tasks") : QStringLiteral("requests"));
    if (!spec.cpuOnly && spec.url.isEmpty())
        out += QStringLiteral(" × %1 s I/O").arg(spec.simulatedIoS(), 0, 'f', 3);
    if (spec.cpuTaskMs > 0)
        out += QStringLiteral(", %1 ms CPU each (SHA-256, %2 rounds/ms)")
                   .arg(spec.cpuTaskMs)
                   .arg(CpuWork::roundsPerMs(), 0, 'f', 0);
    out += QStringLiteral("; %1 cores").arg(cores);
    if (spec.concurrency > 0)
        out += QStringLiteral("; cap %1").arg(spec.concurrency);
    if (spec.rateLimit > 0)
        out += QStringLiteral("; rate limit %1/s").arg(spec.rateLimit);
    if (spec.simulator.capacity > 0 && spec.url.isEmpty())
        out += QStringLiteral("; server capacity %1").arg(spec.simulator.capacity);
    if (spec.arrivalRate > 0)
        out += QStringLiteral("; arrivals %1/s").arg(spec.arrivalRate);
    out += u'\n';
    out += QStringLiteral("\n%1 %2 %3 %4 %5 %6 %7\n")
               .arg(pad(QStringLiteral("model"), 18), pad(QStringLiteral("measured s"), 10, true),
                   pad(QStringLiteral("theory s"), 9, true), pad(QStringLiteral("efficiency"), 10, true),
                   pad(QStringLiteral("speed-up"), 9, true), pad(QStringLiteral("CPU busy"), 9, true),
                   pad(QStringLiteral("loop lag"), 9, true));
    bool anyTheorySpeedup = false;
    for (const RaceEntry &e : entries) {
        const QString name = raceModelName(e.model);
        if (!e.ran) {
            out += QStringLiteral("%1 did not run: %2\n").arg(pad(name, 18), e.error);
            continue;
        }
        anyTheorySpeedup = anyTheorySpeedup || e.speedupFromTheory;
        out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(pad(name, 18), pad(QString::number(e.measuredS, 'f', 3), 10, true),
                       pad(QString::number(e.theory.wallS, 'f', 3), 9, true),
                       pad(QString::number(e.efficiency * 100, 'f', 0) + u'%', 10, true),
                       pad(QString::number(e.speedup, 'f', 2)
                               + (e.speedupFromTheory ? QStringLiteral("×*") : QStringLiteral("×")),
                           9, true),
                       pad(e.cpuBusyS > 0 ? QString::number(e.cpuBusyS, 'f', 2) + QStringLiteral(" s")
                                          : QStringLiteral("-"),
                           9, true),
                       pad(QString::number(e.maxLoopLagMs, 'f', 0) + QStringLiteral(" ms"), 9, true));
    }
    // CPU busy is the threads' own CPU time. Where it fell short of what the tasks asked for, the
    // machine was shared: say so, and how much the run got.
    for (const RaceEntry &e : entries) {
        if (e.ran && e.cpuStarved)
            out += QStringLiteral("  %1 got %2 of the %3 cores it asked for (%4 %): other programs were "
                                  "using the rest\n")
                       .arg(pad(raceModelName(e.model), 18))
                       .arg(e.avgParallelism, 0, 'f', 1)
                       .arg(e.coresAsked, 0, 'f', 1)
                       .arg(e.cpuShare * 100, 0, 'f', 0);
    }
    out += QStringLiteral("\nTheory (idealised: fixed times, no overheads):\n");
    for (const RaceEntry &e : entries) {
        if (e.ran)
            out += QStringLiteral("  %1 %2%3\n")
                       .arg(pad(raceModelName(e.model), 18), e.theory.formula,
                           e.ioEstimated ? QStringLiteral(" (T_io estimated from the measured median E2EL)")
                                         : QString());
    }
    if (anyTheorySpeedup)
        out += QStringLiteral(
            "  * speed-up against the theoretical sequential time (no sequential row in this race)\n");
    for (const RaceEntry &e : entries) {
        if (e.ran && e.sequentialShare < 1)
            out += QStringLiteral("  %1 speed-up against the sequential time of the %2 of %3 jobs that do "
                                  "their work: the failed ones cost nothing\n")
                       .arg(pad(raceModelName(e.model), 18))
                       .arg(std::lround(e.sequentialShare * spec.n))
                       .arg(spec.n);
    }
    for (const RaceEntry &e : entries) {
        if (e.result.trace.jobs.empty())
            continue;
        out += QStringLiteral("\nJobs (%1): accepted at once, then as the client's poll saw them:\n")
                   .arg(raceModelName(e.model));
        const JobBoard board(e.result.trace);
        if (board.polled())
            out += QStringLiteral("  the client read the status board %1 times, every %2 ms\n")
                       .arg(board.polls().size())
                       .arg(double(board.pollIntervalNs()) / 1e6, 0, 'f', 0);
        for (const JobRecord &j : e.result.trace.jobs) {
            out += QStringLiteral("  %1 %2 accepted %3 s, running %4 s, ended %5 s, seen %6 s%7\n")
                       .arg(QString::fromLatin1(j.id), pad(jobStatusName(j.status), 7))
                       .arg(double(j.acceptedNs) / 1e9, 0, 'f', 3)
                       .arg(double(j.startedNs) / 1e9, 0, 'f', 3)
                       .arg(double(j.endedNs) / 1e9, 0, 'f', 3)
                       .arg(double(j.seenEndedNs) / 1e9, 0, 'f', 3)
                       .arg(j.message.isEmpty() ? QString() : QStringLiteral(" (") + j.message + u')');
        }
    }
    return out;
}

QJsonObject raceJson(const RaceSpec &spec, const std::vector<RaceEntry> &entries)
{
    QJsonArray models;
    for (const RaceEntry &e : entries) {
        QJsonObject o = raceEntryToJson(e);
#ifdef BURGERBENCH_RACE_HAVE_JSON_REPORT
        if (e.ran)
            o.insert(QStringLiteral("run"), JsonReport::toJson(e.result.trace, e.summary));
#else
        if (e.ran) {
            QJsonArray requests;
            for (const RequestRecord &r : e.result.trace.requests)
                requests.append(QJsonObject { { QStringLiteral("index"), int(r.index) },
                    { QStringLiteral("dispatch_ns"), double(r.dispatchNs) },
                    { QStringLiteral("end_ns"), double(r.endNs) },
                    { QStringLiteral("outcome"), outcomeName(r.outcome) } });
            o.insert(QStringLiteral("requests"), requests);
        }
#endif
        models.append(o);
    }
    return QJsonObject {
        { QStringLiteral("schema"), QStringLiteral("burgerbench.race/1") },
        { QStringLiteral("cpu_count"), QThread::idealThreadCount() },
        { QStringLiteral("sha256_rounds_per_cpu_ms"), spec.cpuTaskMs > 0 ? CpuWork::roundsPerMs() : 0.0 },
        { QStringLiteral("spec"), raceSpecToJson(spec) },
        { QStringLiteral("models"), models },
    };
}

} // namespace

int cmdRace(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(Me));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURGERBENCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run one workload through several execution models, one after another, and print each model's "
        "measured\n"
        "wall time beside its theoretical one. Without --url the built-in simulator serves the requests."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> options {
        { QStringLiteral("preset"),
            QStringLiteral(
                "Race preset: burgers, clean-the-house, web-ml, blocking-the-cashier, background-jobs."),
            QStringLiteral("name") },
        { QStringLiteral("list"), QStringLiteral("List the presets and exit.") },
        { QStringLiteral("story"), QStringLiteral("Print the preset's story first, in en or es."),
            QStringLiteral("lang") },
        { QStringLiteral("models"),
            QStringLiteral("Comma-separated models instead of the preset's: sequential, concurrent, "
                           "parallel-blocking, parallel-cpu, mixed, anti-pattern, background-jobs."),
            QStringLiteral("list") },
        { QStringLiteral("requests"), QStringLiteral("Requests (or CPU tasks)."), QStringLiteral("n") },
        { QStringLiteral("workers"), QStringLiteral("Blocking workers / job workers."), QStringLiteral("w") },
        { QStringLiteral("concurrency"),
            QStringLiteral("The semaphore: requests in flight at once (0 = no cap)."), QStringLiteral("c") },
        { QStringLiteral("rate-limit"), QStringLiteral("Client token bucket, requests per second (0 = off)."),
            QStringLiteral("r") },
        { QStringLiteral("rate-limit-burst"), QStringLiteral("Token bucket size."), QStringLiteral("n") },
        { QStringLiteral("arrival-rate"),
            QStringLiteral("Open loop: one arrival every 1/r s (0 = all at once)."), QStringLiteral("r") },
        { QStringLiteral("cpu-task-ms"),
            QStringLiteral("CPU work per task or response, ms (real SHA-256 work, calibrated)."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-capacity"),
            QStringLiteral("Simulator: sequences served at once (0 = unlimited)."), QStringLiteral("n") },
        { QStringLiteral("sim-ttft-ms"), QStringLiteral("Simulator: time to first token."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-token-interval-ms"), QStringLiteral("Simulator: time between tokens."),
            QStringLiteral("ms") },
        { QStringLiteral("sim-output-tokens"), QStringLiteral("Simulator: tokens per response."),
            QStringLiteral("n") },
        { QStringLiteral("fail-every"),
            QStringLiteral("Background jobs: every k-th job's call gets a simulated HTTP 500 (0 = none)."),
            QStringLiteral("k") },
        { QStringLiteral("url"),
            QStringLiteral("A real OpenAI-compatible endpoint instead of the simulator."),
            QStringLiteral("url") },
        { QStringLiteral("model"), QStringLiteral("Model name sent in each request."),
            QStringLiteral("name") },
        { QStringLiteral("api-key-env"),
            QStringLiteral("Environment variable holding the API key (default OPENAI_API_KEY)."),
            QStringLiteral("name") },
        { QStringLiteral("io-s"),
            QStringLiteral("With --url: T_io for the theory (default: the measured median E2EL)."),
            QStringLiteral("s") },
        { QStringLiteral("json"),
            QStringLiteral("Write measured and theoretical figures and every model's run as JSON."),
            QStringLiteral("file") },
    };
    parser.addOptions(options);
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Cli::Ok;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("burgerbench-cli %s\n", BURGERBENCH_VERSION);
        return Cli::Ok;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(QStringLiteral("list"))) {
        const QList<RacePreset> presets = racePresets();
        for (const RacePreset &p : presets) {
            QStringList models;
            for (RaceModel m : p.spec.models)
                models.append(raceModelName(m));
            std::printf("%-22s %s\n%-22s models: %s\n", qPrintable(p.name), p.title, "",
                qPrintable(models.join(QStringLiteral(", "))));
        }
        return Cli::Ok;
    }

    RacePreset preset;
    if (!parser.isSet(QStringLiteral("preset")))
        return usageError(QStringLiteral("--preset is required (see --list)"));
    if (!racePreset(parser.value(QStringLiteral("preset")), &preset))
        return usageError(QStringLiteral("--preset: unknown preset \"%1\" (see --list)")
                              .arg(parser.value(QStringLiteral("preset"))));
    RaceSpec spec = preset.spec;

    QString error;
    if (parser.isSet(QStringLiteral("models"))) {
        spec.models.clear();
        for (const QString &name : parser.value(QStringLiteral("models")).split(u',', Qt::SkipEmptyParts)) {
            RaceModel model;
            if (!raceModelFromName(name.trimmed(), &model))
                return usageError(QStringLiteral("--models: unknown model \"%1\"").arg(name.trimmed()));
            spec.models.append(model);
        }
    }
    const bool numbersOk = readNumber(parser, QStringLiteral("requests"), &spec.n, 1, 1000, &error)
        && readNumber(parser, QStringLiteral("workers"), &spec.workers, 1, 256, &error)
        && readNumber(parser, QStringLiteral("concurrency"), &spec.concurrency, 0, 1000, &error)
        && readNumber(parser, QStringLiteral("rate-limit"), &spec.rateLimit, 0, 1e6, &error)
        && readNumber(parser, QStringLiteral("rate-limit-burst"), &spec.rateLimitBurst, 1, 1e6, &error)
        && readNumber(parser, QStringLiteral("arrival-rate"), &spec.arrivalRate, 0, 1e6, &error)
        && readNumber(parser, QStringLiteral("cpu-task-ms"), &spec.cpuTaskMs, 0, 600e3, &error)
        && readNumber(parser, QStringLiteral("sim-capacity"), &spec.simulator.capacity, 0, 1e6, &error)
        && readNumber(parser, QStringLiteral("sim-ttft-ms"), &spec.simulator.ttftMs, 0, 3600e3, &error)
        && readNumber(
            parser, QStringLiteral("sim-token-interval-ms"), &spec.simulator.tokenIntervalMs, 0, 60e3, &error)
        && readNumber(
            parser, QStringLiteral("sim-output-tokens"), &spec.simulator.outputTokens, 1, 1e6, &error)
        && readNumber(parser, QStringLiteral("fail-every"), &spec.failEvery, 0, 1e6, &error)
        && readNumber(parser, QStringLiteral("io-s"), &spec.ioOverrideS, 0, 3600, &error);
    if (!numbersOk)
        return usageError(error);
    if (parser.isSet(QStringLiteral("sim-output-tokens")))
        spec.base.maxTokens = spec.simulator.outputTokens;
    if (parser.isSet(QStringLiteral("url"))) {
        spec.url = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
        if (!spec.url.isValid() || spec.url.host().isEmpty()
            || (spec.url.scheme() != QLatin1String("http") && spec.url.scheme() != QLatin1String("https")))
            return usageError(QStringLiteral("--url: expected http://host[:port][/path] or https://..."));
    }
    if (parser.isSet(QStringLiteral("model")))
        spec.base.model = parser.value(QStringLiteral("model"));
    if (parser.isSet(QStringLiteral("api-key-env")))
        spec.base.apiKeyEnv = parser.value(QStringLiteral("api-key-env"));
    if (!spec.url.isEmpty())
        spec.apiKey = qgetenv(spec.base.apiKeyEnv.toLocal8Bit().constData()); // used, never written
    QString story;
    if (parser.isSet(QStringLiteral("story"))) {
        const QString lang = parser.value(QStringLiteral("story"));
        Language language = Language::English;
        if ((lang != QLatin1String("en") && lang != QLatin1String("es"))
            || !I18n::languageFromName(lang, &language))
            return usageError(QStringLiteral("--story: expected en or es (got \"%1\")").arg(lang));
        // The story in that language, through the catalogue the app reads (bb_i18n).
        I18n::installTranslator(language);
        story = preset.translatedTitle() + QStringLiteral("\n") + preset.translatedStory();
    }
    if (!spec.validate(&error))
        return usageError(error);

    Cli::raiseFileLimit();
    {
        // The models run one after another: the one with the most streams in flight decides.
        int lanes = 0;
        bool http2 = false;
        for (RaceModel model : spec.models) {
            const Scenario s = scenarioFor(spec, model);
            lanes = std::max(lanes, s.cpuTasksOnly() ? 0 : s.concurrency);
            http2 = http2 || s.http2;
        }
        const QString problem
            = Cli::fileLimitProblem(QStringLiteral("a race model at concurrency %1").arg(lanes), lanes, http2,
                spec.url.isEmpty(), spec.workers);
        if (lanes > 0 && !problem.isEmpty())
            return usageError(problem);
    }
    Cli::installInterruptHandler();
    // --json -: the race file alone on stdout, the story and the table on stderr.
    std::FILE *tableOut = isStandardOutput(parser.value(QStringLiteral("json"))) ? stderr : stdout;
    if (!story.isEmpty())
        std::fprintf(tableOut, "%s\n\n", qPrintable(story));
    std::fflush(tableOut);

    RaceRunner runner;
    QObject::connect(&runner, &RaceRunner::modelStarted, [](int, RaceModel model) {
        std::fprintf(stderr, "running %s ...\n", qPrintable(raceModelName(model)));
    });
    QObject::connect(&runner, &RaceRunner::finished, &app, &QCoreApplication::quit);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, [&runner] {
        if (Cli::pollInterrupted() && runner.isRunning()) {
            std::fprintf(stderr, "\n%s: interrupted; stopping the race\n", Me);
            runner.cancel();
        }
    });
    interruptPoll.start(100);
    if (!runner.start(spec, &error))
        return usageError(error);
    app.exec();

    const std::vector<RaceEntry> entries = runner.takeEntries();
    std::fputs(qPrintable(formatTable(spec, entries)), tableOut);
    std::fflush(tableOut);

    int exitCode = Cli::Ok;
    for (const RaceEntry &e : entries) {
        if (!e.ran || e.result.trace.cancelled)
            exitCode = Cli::Aborted;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        const QString path = parser.value(QStringLiteral("json"));
        QJsonObject json = raceJson(spec, entries);
#ifdef BURGERBENCH_RACE_HAVE_JSON_REPORT
        // A race file is mailed around like a run report: no credentials in it.
        json = SecretScrubber(spec.base.apiKeyEnv).scenario(json);
#endif
        const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
        // Through the one report writer: atomic onto regular files and new paths, written through
        // (never replaced) onto a FIFO or device, every OS error named.
        QString error;
        if (!writeFileAtomically(path, bytes, &error)) {
            std::fprintf(stderr, "%s: %s\n", Me, qPrintable(error));
            exitCode = Cli::Aborted;
        }
    }
    return exitCode;
}

} // namespace BurgerBench
