#include "cli/commands.h"
#include "cli/commands_sweep.h"
#include "cli/runflags.h"

#include "session/runsession.h"
#include "sweep/sweepreport.h"
#include "sweep/sweeprunner.h"
#include "sweep/sweepspec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <unistd.h>

namespace BurgerBench {

namespace {

constexpr const char *Me = "burgerbench-cli sweep";
// Rate steps without --concurrency (and without --scenario): a cap high enough that the target's
// queue, not the client's, is what grows past the ceiling (docs/sweep.md).
constexpr int DefaultRateCap = 64;

// Whether --scenario's file gives section.key (the file was read and validated already).
bool scenarioFileSets(const QCommandLineParser &parser, const QString &section, const QString &key)
{
    if (!parser.isSet(QStringLiteral("scenario")))
        return false;
    QFile file(parser.value(QStringLiteral("scenario")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.read(16 * 1024 * 1024)).object();
    return root.value(section).toObject().contains(key);
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", Me, qPrintable(message));
    return Cli::BadUsage;
}

QString figure(double v, int decimals = 1)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("-");
}

QString levelText(SweepOver over, double value)
{
    return over == SweepOver::Rate ? QStringLiteral("rate %1/s").arg(value, 0, 'g', 4)
                                   : QStringLiteral("concurrency %1").arg(value, 0, 'f', 0);
}

QString seconds(double s)
{
    if (!std::isfinite(s) || s < 0)
        return QStringLiteral("?");
    if (s < 90)
        return QStringLiteral("%1 s").arg(s, 0, 'f', 0);
    return QStringLiteral("%1 min").arg(s / 60, 0, 'f', 1);
}

QString formatTable(const SweepResult &r)
{
    QString out;
    out += QStringLiteral("Sweep (%1 over %2) against %3: %4 step(s)\n\n")
               .arg(sweepProfileName(r.profile), sweepOverName(r.over), r.targetUrl)
               .arg(r.steps.size());
    out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
               .arg(QStringLiteral("step").leftJustified(5), QStringLiteral("phase").leftJustified(12),
                   QStringLiteral("offered").rightJustified(9), QStringLiteral("req/s*").rightJustified(7),
                   QStringLiteral("tok/s").rightJustified(8), QStringLiteral("TTFT p50").rightJustified(9),
                   QStringLiteral("TTFT p99").rightJustified(9), QStringLiteral("ITL p99").rightJustified(8),
                   QStringLiteral("E2EL p99").rightJustified(9), QStringLiteral("verdict"));
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const SweepStep &s = r.steps[i];
        QString verdict;
        if (!s.error.isEmpty())
            verdict = QStringLiteral("did not run: ") + s.error;
        else if (s.targetFailed)
            verdict = QStringLiteral("TARGET FAILED");
        else {
            QStringList parts;
            if (s.saturation.saturated)
                parts << QStringLiteral("SATURATED (") + s.saturation.reason + u')';
            if (!r.slo.isEmpty())
                parts << (s.meetsSlo
                        ? QStringLiteral("meets SLO")
                        : QStringLiteral("misses SLO: ") + s.violations.join(QStringLiteral(", ")));
            verdict = parts.isEmpty() ? QStringLiteral("ok") : parts.join(QStringLiteral("; "));
        }
        const Summary &m = s.summary;
        out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
                   .arg(QString::number(i + 1).leftJustified(5), sweepPhaseName(s.phase).leftJustified(12),
                       QString(s.over == SweepOver::Rate
                               ? QString(QString::number(s.value, 'g', 4) + QStringLiteral("/s"))
                               : QString(QStringLiteral("c=") + QString::number(s.value, 'f', 0)))
                           .rightJustified(9),
                       figure(s.saturation.completionRate > 0 ? s.saturation.completionRate
                                                              : m.requestThroughput,
                           2)
                           .rightJustified(7),
                       figure(s.saturation.outputRate > 0 ? s.saturation.outputRate : m.outputThroughput)
                           .rightJustified(8),
                       QString(figure(m.ttft.percentile(50)) + QStringLiteral("ms")).rightJustified(9),
                       QString(figure(m.ttft.percentile(99)) + QStringLiteral("ms")).rightJustified(9),
                       QString(figure(m.itl.percentile(99)) + QStringLiteral("ms")).rightJustified(8),
                       QString(figure(m.e2el.percentile(99)) + QStringLiteral("ms")).rightJustified(9),
                       verdict);
    }
    out += QStringLiteral("* steady state: the slope of completions against time, not cut off by the step's "
                          "end (docs/sweep.md)\n");
    if (r.repeats > 1) {
        out += QStringLiteral("\nPoints (mean and 95% interval of %1 repeats):\n").arg(r.repeats);
        for (const SweepPoint &p : r.points)
            out += QStringLiteral("  %1: %2 ± %3 req/s, TTFT p99 %4 ± %5 ms%6\n")
                       .arg(levelText(p.over, p.value).leftJustified(18), figure(p.requestThroughput.mean, 2),
                           figure(p.requestThroughput.halfWidth, 2), figure(p.ttftP99.mean),
                           figure(p.ttftP99.halfWidth),
                           p.saturated ? QStringLiteral(" (saturated)") : QString());
    }
    out += QStringLiteral("\nMax request throughput: %1 requests/s\nMax output throughput: %2 tokens/s\n")
               .arg(figure(r.maxRequestThroughput, 2), figure(r.maxOutputThroughput, 1));
    if (r.capacity.searched) {
        const SweepCapacity &c = r.capacity;
        const QString unit = c.over == SweepOver::Rate ? QStringLiteral(" requests/s") : QString();
        if (std::isnan(c.value))
            out += QStringLiteral("Capacity (%1): no level met the SLO (%2)\n")
                       .arg(c.slo.join(QStringLiteral(", ")), c.stopReason);
        else
            out += QStringLiteral("Capacity (%1): %2 %3%4, bracket [%5, %6] (%7)\n")
                       .arg(c.slo.join(QStringLiteral(", ")), sweepOverName(c.over),
                           QString::number(c.value, 'g', 5), unit, QString::number(c.lo, 'g', 5),
                           std::isnan(c.hi) ? QStringLiteral("?") : QString::number(c.hi, 'g', 5),
                           c.stopReason);
        if (std::isfinite(c.arrivalRate))
            out += QStringLiteral("  at rate %1/s the requests arrived at %2/s (the schedule's draw)\n")
                       .arg(c.value, 0, 'g', 5)
                       .arg(c.arrivalRate, 0, 'f', 2);
    }
    if (!r.stopped.isEmpty())
        out += QStringLiteral("Stopped: %1\n").arg(r.stopped);
    return out;
}

} // namespace

int cmdSweep(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(Me));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURGERBENCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run the scenario at several load levels, one ordinary run per step, and find the throughput\n"
        "ceiling or the highest load that meets an SLO. Without --url the built-in simulator serves every\n"
        "step. Every run flag (--duration, --requests, --warmup, --seed, --sim-* ...) applies to each "
        "step."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(Cli::scenarioOptions());
    const QList<QCommandLineOption> options {
        { QStringLiteral("profile"),
            QStringLiteral("concurrency or rate (the --values), auto (synchronous, throughput, then --steps "
                           "rates between), or search (the highest --over level meeting --slo)."),
            QStringLiteral("name") },
        { QStringLiteral("values"),
            QStringLiteral("Load levels: a list 1,2,4 or a range A:B:STEP. For search: the range LO,HI."),
            QStringLiteral("list") },
        { QStringLiteral("steps"),
            QStringLiteral("auto: rate steps between the two measured rates (default 5)."),
            QStringLiteral("k") },
        { QStringLiteral("slo"),
            QStringLiteral("What must hold, comma-separated in the --fail-if grammar, e.g. "
                           "ttft.p99<=400ms,error_rate<=1%. Repeatable."),
            QStringLiteral("rules") },
        { QStringLiteral("over"), QStringLiteral("search: rate (default) or concurrency."),
            QStringLiteral("what") },
        { QStringLiteral("tolerance"),
            QStringLiteral("search: stop when the bracket is this narrow, relative (default 5% or 0.05)."),
            QStringLiteral("x") },
        { QStringLiteral("max-steps"), QStringLiteral("search: at most this many probes (default 10)."),
            QStringLiteral("n") },
        { QStringLiteral("repeats"), QStringLiteral("Runs per level: mean and 95% interval (default 1)."),
            QStringLiteral("r") },
        { QStringLiteral("json"), QStringLiteral("Write the sweep report (burgerbench.sweep/1) atomically."),
            QStringLiteral("file") },
        { QStringLiteral("csv"), QStringLiteral("Write one CSV row per step atomically."),
            QStringLiteral("file") },
        { QStringLiteral("fail-if"),
            QStringLiteral("Exit 1 if this holds in any step, e.g. failed>0. Repeatable."),
            QStringLiteral("rule") },
        { QStringLiteral("progress"), QStringLiteral("auto (default), tty, plain or off."),
            QStringLiteral("how") },
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

    SweepSpec spec;
    QString error;
    if (!parser.isSet(QStringLiteral("profile")))
        return usageError(QStringLiteral("--profile is required: concurrency, rate, auto or search"));
    if (!sweepProfileFromName(parser.value(QStringLiteral("profile")), &spec.profile))
        return usageError(QStringLiteral("--profile: expected concurrency, rate, auto or search (got \"%1\")")
                              .arg(parser.value(QStringLiteral("profile"))));
    if (parser.isSet(QStringLiteral("over"))) {
        if (spec.profile != SweepProfile::Search)
            return usageError(
                QStringLiteral("--over: only --profile search takes it (the others say what they vary)"));
        if (!sweepOverFromName(parser.value(QStringLiteral("over")), &spec.over))
            return usageError(QStringLiteral("--over: expected rate or concurrency (got \"%1\")")
                                  .arg(parser.value(QStringLiteral("over"))));
    }
    if (spec.profile == SweepProfile::Concurrency)
        spec.over = SweepOver::Concurrency;
    if (!Cli::scenarioFromFlags(parser, &spec.base, &error))
        return usageError(error);
    const bool ratesSwept = spec.profile == SweepProfile::Rate || spec.profile == SweepProfile::Auto
        || (spec.profile == SweepProfile::Search && spec.over == SweepOver::Rate);
    if (ratesSwept && !parser.isSet(QStringLiteral("concurrency"))
        && !parser.isSet(QStringLiteral("scenario")))
        spec.base.concurrency = DefaultRateCap;
    // Rate steps arrive at constant intervals unless --burstiness or the scenario file says
    // otherwise (GuideLLM's rate sweeps are constant-rate too). A short Poisson step with a fixed
    // seed delivers the same fraction of its nominal rate at every level (seed 42 over 3 s: 51 of
    // the 60 arrivals of 20/s), so every offered value, and the capacity a search reports, would be
    // off by that fraction.
    if (ratesSwept && !parser.isSet(QStringLiteral("burstiness"))
        && !scenarioFileSets(parser, QStringLiteral("load"), QStringLiteral("burstiness")))
        spec.base.burstiness = 0;
    if (parser.isSet(QStringLiteral("values"))) {
        if (spec.profile == SweepProfile::Auto)
            return usageError(
                QStringLiteral("--values: --profile auto measures its own levels (see --steps)"));
        if (!parseSweepValues(parser.value(QStringLiteral("values")), spec.over == SweepOver::Concurrency,
                &spec.values, &error))
            return usageError(error);
    }
    for (const QString &rules : parser.values(QStringLiteral("slo"))) {
        if (!parseSloRules(rules, &spec.slo, &error))
            return usageError(error);
    }
    if (!Cli::thresholdsFromFlags(parser, &spec.failIf, &error)
        || !Cli::checkGoodputRules(spec.slo, spec.base.slo, QStringLiteral("--slo"), &error)
        || !Cli::checkGoodputRules(spec.failIf, spec.base.slo, QStringLiteral("--fail-if"), &error))
        return usageError(error);
    Cli::FlagReader f { parser, {} };
    f.number(QStringLiteral("steps"), &spec.steps, 1, 100);
    f.number(QStringLiteral("max-steps"), &spec.maxSteps, 2, 100);
    f.number(QStringLiteral("repeats"), &spec.repeats, 1, 100);
    if (!f.error.isEmpty())
        return usageError(f.error);
    if (parser.isSet(QStringLiteral("tolerance"))) {
        QString text = parser.value(QStringLiteral("tolerance")).trimmed();
        const bool percent = text.endsWith(u'%');
        if (percent)
            text.chop(1);
        bool ok = false;
        double v = text.toDouble(&ok);
        if (percent)
            v /= 100;
        if (!ok || !(v > 0 && v < 1))
            return usageError(
                QStringLiteral("--tolerance: expected a fraction such as 0.05 or 5% (got \"%1\")")
                    .arg(parser.value(QStringLiteral("tolerance"))));
        spec.tolerance = v;
    }
    {
        const QString progress = parser.value(QStringLiteral("progress"));
        if (!progress.isEmpty() && progress != QLatin1String("auto") && progress != QLatin1String("tty")
            && progress != QLatin1String("plain") && progress != QLatin1String("off"))
            return usageError(
                QStringLiteral("--progress: expected auto, tty, plain or off (got \"%1\")").arg(progress));
    }
    if (spec.base.usesSimulator() && spec.base.http2)
        return usageError(QStringLiteral("--http2: the built-in simulator speaks HTTP/1.1 only"));
    QList<Threshold> rules = spec.slo;
    rules.append(spec.failIf);
    spec.extraPercentiles = Cli::percentilesFor(spec.base, rules);
    if (!spec.validate(&error))
        return usageError(error);
    if (!RunSession::check(spec.base, &error))
        return usageError(error);
    if (spec.base.tlsInsecure)
        std::fprintf(stderr,
            "burgerbench-cli sweep: warning: --insecure: the server's TLS certificate is "
            "not verified; anyone on the path can read and change the traffic, API key "
            "included\n");
    // The key is read here, handed to each run, and written nowhere.
    spec.apiKey = qgetenv(spec.base.apiKeyEnv.toLocal8Bit().constData());

    Cli::raiseFileLimit();
    {
        // The busiest step decides: refused before the first step starts.
        int lanes = spec.base.concurrency;
        if (spec.over == SweepOver::Concurrency)
            for (double v : spec.values)
                lanes = std::max(lanes, int(std::lround(v)));
        const QString problem
            = Cli::fileLimitProblem(QStringLiteral("a sweep step at concurrency %1").arg(lanes), lanes,
                spec.base.http2, spec.base.usesSimulator(), spec.base.workers);
        if (!problem.isEmpty())
            return usageError(problem);
    }
    Cli::installInterruptHandler();

    SweepRunner runner;
    QString progressMode = parser.value(QStringLiteral("progress"));
    if (progressMode.isEmpty() || progressMode == QLatin1String("auto"))
        progressMode = isatty(STDERR_FILENO) ? QStringLiteral("tty") : QStringLiteral("plain");
    const bool tty = progressMode == QLatin1String("tty");
    const bool showProgress = progressMode != QLatin1String("off");
    int currentIndex = 0;
    int currentPlanned = 0;
    QString currentLevel;
    // A step's expected wall time before any has finished: its duration, else unknown.
    const double stepGuessS = spec.base.durationS > 0 ? spec.base.durationS : -1;
    auto timeLeftS = [&]() -> double {
        const Progress p = runner.stepProgress();
        const double elapsedS = double(std::max<qint64>(0, runner.stepElapsedMs())) / 1000;
        const double perStepS = runner.meanStepMs() > 0 ? runner.meanStepMs() / 1000 : stepGuessS;
        double thisStepLeft = -1;
        if (spec.base.durationS > 0)
            thisStepLeft = std::max(0.0, spec.base.durationS - double(p.elapsedNs) / 1e9);
        else if (p.planned > 0 && p.completed + p.failed + p.incomplete > 0)
            thisStepLeft = elapsedS * double(p.planned - (p.completed + p.failed + p.incomplete))
                / double(p.completed + p.failed + p.incomplete);
        else if (perStepS > 0)
            thisStepLeft = std::max(0.0, perStepS - elapsedS);
        if (thisStepLeft < 0 || perStepS < 0)
            return -1;
        return thisStepLeft + std::max(0, currentPlanned - currentIndex - 1) * perStepS;
    };
    auto printProgress = [&](bool finalLine) {
        if (!showProgress || currentLevel.isEmpty())
            return;
        const Progress p = runner.stepProgress();
        const QString line
            = QStringLiteral("step %1/%2%3 %4: %5 done, %6 in flight, %7 s; about %8 left")
                  .arg(currentIndex + 1)
                  .arg(currentPlanned)
                  .arg(spec.profile == SweepProfile::Search ? QStringLiteral(" at most") : QString())
                  .arg(currentLevel)
                  .arg(p.completed + p.failed)
                  .arg(p.inFlight)
                  .arg(double(p.elapsedNs) / 1e9, 0, 'f', 1)
                  .arg(seconds(timeLeftS()));
        if (tty)
            std::fprintf(stderr, "\r\033[K%s%s", qPrintable(line), finalLine ? "\n" : "");
        else
            std::fprintf(stderr, "%s\n", qPrintable(line));
        std::fflush(stderr);
    };
    QObject::connect(
        &runner, &SweepRunner::stepStarted, [&](int index, int planned, SweepOver over, double value) {
            currentIndex = index;
            currentPlanned = planned;
            currentLevel = levelText(over, value);
            if (showProgress && !tty)
                std::fprintf(stderr, "step %d/%d%s: %s\n", index + 1, planned,
                    spec.profile == SweepProfile::Search ? " at most" : "", qPrintable(currentLevel));
        });
    QObject::connect(&runner, &SweepRunner::stepFinished, [&](int index) {
        if (tty)
            std::fputs("\r\033[K", stderr);
        const SweepStep &s = runner.result().steps[size_t(index)];
        if (showProgress)
            std::fprintf(stderr, "step %d done: %s, %.2f requests/s%s\n", index + 1, qPrintable(currentLevel),
                s.saturation.completionRate > 0 ? s.saturation.completionRate : s.summary.requestThroughput,
                s.saturation.saturated ? ", saturated" : "");
    });
    QTimer progressTimer;
    if (showProgress) {
        progressTimer.setInterval(tty ? 250 : 1000);
        QObject::connect(&progressTimer, &QTimer::timeout, [&] { printProgress(false); });
        progressTimer.start();
    }
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, [&] {
        if (Cli::pollInterrupted() && runner.isRunning()) {
            std::fprintf(stderr, "\n%s: interrupted; stopping (the finished steps are kept)\n", Me);
            runner.cancel();
        }
    });
    interruptPoll.start(100);
    QObject::connect(&runner, &SweepRunner::finished, &app, &QCoreApplication::quit);
    if (!runner.start(spec, &error)) {
        std::fprintf(stderr, "%s: %s\n", Me, qPrintable(error));
        return error.startsWith(QLatin1String("cannot start the built-in simulator")) ? int(Cli::Aborted)
                                                                                      : int(Cli::BadUsage);
    }
    app.exec();
    progressTimer.stop();
    if (tty)
        std::fputs("\r\033[K", stderr);

    const SweepResult result = runner.takeResult();
    // --json -: the report alone on stdout, the table on stderr.
    std::FILE *tableOut = parser.value(QStringLiteral("json")) == QLatin1String("-") ? stderr : stdout;
    std::fputs(qPrintable(formatTable(result)), tableOut);
    std::fflush(tableOut);

    int exitCode = result.cancelled || !result.stopped.isEmpty() ? Cli::Aborted : Cli::Ok;
    // A saturation stop is the sweep's answer, not an abort.
    if (!result.cancelled && result.stopped.startsWith(QLatin1String("saturated")))
        exitCode = Cli::Ok;
    if (parser.isSet(QStringLiteral("json"))) {
        if (!SweepReport::write(parser.value(QStringLiteral("json")), result, &error)) {
            std::fprintf(stderr, "%s: %s\n", Me, qPrintable(error));
            exitCode = Cli::Aborted;
        }
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        if (!SweepReport::writeCsv(parser.value(QStringLiteral("csv")), result, &error)) {
            std::fprintf(stderr, "%s: %s\n", Me, qPrintable(error));
            exitCode = Cli::Aborted;
        }
    }
    bool failIf = false;
    for (size_t i = 0; i < result.steps.size(); ++i) {
        for (const Threshold &t : std::as_const(spec.failIf)) {
            double measured = 0;
            if (result.steps[i].error.isEmpty() && t.violated(result.steps[i].summary, &measured)) {
                failIf = true;
                std::fprintf(stderr, "FAIL --fail-if %s in step %zu (measured %s)\n", qPrintable(t.text),
                    i + 1,
                    std::isnan(measured) ? "nothing: no sample"
                                         : qPrintable(QString::number(measured, 'g', 6)));
            }
        }
    }
    if (exitCode == Cli::Ok && failIf)
        exitCode = Cli::ThresholdFailed;
    return exitCode;
}

} // namespace BurgerBench
