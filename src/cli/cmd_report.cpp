#include "cli/commands_report.h"

#include "cli/summaryprinter.h"
#include "i18n/language.h"
#include "metrics/summary.h"
#include "report/atomicfile.h"
#include "report/chrometrace.h"
#include "report/csvreport.h"
#include "report/htmlreport.h"
#include "report/jsonreport.h"
#include "report/perfettotrace.h"
#include "report/secretscrub.h"
#include "report/servermetricscsv.h"
#include "report/timelineimage.h"
#include "sweep/sweephtml.h"
#include "sweep/sweepreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#ifdef BURGERBENCH_HAVE_RENDER
#include <QGuiApplication>
#endif

#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

namespace BurgerBench {

namespace {

constexpr int ExitOk = 0;
constexpr int ExitBad = 2;

int fail(const QString &message)
{
    // Messages may quote file contents (a URL, an error text): scrub them like any output.
    std::fprintf(stderr, "burgerbench-cli report: %s\n", qPrintable(SecretScrubber().text(message)));
    return ExitBad;
}

// Images (and the HTML timeline drawn by the app's painter) need fonts, hence a QGuiApplication;
// everything else stays on QCoreApplication. The offscreen platform is forced unless the user
// chose one, so `report` never opens a window or needs a display.
#ifdef BURGERBENCH_HAVE_RENDER
bool needsGui(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : { "--html", "--png", "--svg", "--pdf" })
            if (!std::strncmp(argv[i], flag, std::strlen(flag)))
                return true;
    }
    return false;
}
#endif

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
#ifdef BURGERBENCH_HAVE_RENDER
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

bool parseMs(const QCommandLineParser &parser, const QString &name, qint64 *ns, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0) {
        *error = QStringLiteral("--%1: must be a non-negative number of milliseconds (got \"%2\")")
                     .arg(name, parser.value(name));
        return false;
    }
    *ns = qint64(std::llround(v * 1e6));
    return true;
}

// A sweep report (burgerbench.sweep/1): its HTML page, its CSV, or the report again; the run-only
// outputs are refused by name. The page in `language`, as the run report's. With no output option,
// prints the result.
int reportSweep(
    const QCommandLineParser &parser, const QString &path, const QJsonObject &json, Language language)
{
    for (const char *flag : { "trace", "png", "svg", "pdf", "from", "to", "server-metrics-csv" }) {
        if (parser.isSet(QLatin1String(flag)))
            return fail(QStringLiteral("--%1: not for a sweep report (%2 is burgerbench.sweep/1): it takes "
                                       "--html, --csv or --json")
                            .arg(QLatin1String(flag), path));
    }
    SweepResult result;
    QString error;
    if (!SweepReport::fromJson(json, &result, &error))
        return fail(QStringLiteral("%1: %2").arg(path, error));
    int written = 0;
    auto done = [&](const QString &out) {
        ++written;
        std::fprintf(stderr, "wrote %s\n", qPrintable(out));
    };
    if (parser.isSet(QStringLiteral("json"))) {
        const QString out = parser.value(QStringLiteral("json"));
        if (!SweepReport::write(out, result, &error))
            return fail(error);
        done(out);
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        const QString out = parser.value(QStringLiteral("csv"));
        if (!SweepReport::writeCsv(out, result, &error))
            return fail(error);
        done(out);
    }
    if (parser.isSet(QStringLiteral("html"))) {
        const QString out = parser.value(QStringLiteral("html"));
        SweepHtml::Options options;
        options.language = language;
        if (!SweepHtml::write(out, result, options, &error))
            return fail(error);
        done(out);
    }
    if (written == 0) {
        std::printf("Sweep (profile %s, over %s): %d step(s)\n", qPrintable(sweepProfileName(result.profile)),
            qPrintable(sweepOverName(result.over)), int(result.steps.size()));
        std::printf("Max request throughput: %.2f requests/s\n", result.maxRequestThroughput);
        std::printf("Max output throughput: %.1f tokens/s\n", result.maxOutputThroughput);
        if (result.capacity.searched)
            std::printf("Capacity (%s): %s %g, bracket [%g, %g] (%s)\n",
                qPrintable(result.capacity.slo.join(QStringLiteral(","))),
                qPrintable(sweepOverName(result.capacity.over)), result.capacity.value, result.capacity.lo,
                result.capacity.hi, qPrintable(result.capacity.stopReason));
        if (!result.stopped.isEmpty())
            std::printf("Stopped: %s\n", qPrintable(SecretScrubber().text(result.stopped)));
    }
    return ExitOk;
}

// The report's JSON object when `path` holds a sweep report; an empty object otherwise (a run
// report, or a file the run report's reader will name the fault of).
QJsonObject sweepJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QJsonObject();
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    return SweepReport::isSweep(json) ? json : QJsonObject();
}

} // namespace

int cmdReport(int argc, char **argv)
{
    const auto app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burgerbench-cli report"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURGERBENCH_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Re-render a saved run (the JSON written by `run --json`) in other formats: measure once, present "
        "many ways. The summary is recomputed from the recorded requests. With no output option, prints "
        "the summary. A sweep report (the JSON written by `sweep --json`) gives its HTML page (--html), its "
        "table (--csv) or itself again (--json)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("run.json"), QStringLiteral("A BurgerBench run report."));
    parser.addOptions({
        { QStringLiteral("html"), QStringLiteral("Self-contained HTML report."), QStringLiteral("file") },
        { QStringLiteral("trace"),
            QStringLiteral(
                "Perfetto trace (open in ui.perfetto.dev): protobuf when the file ends in .pftrace "
                "(several times smaller), else Chrome JSON."),
            QStringLiteral("file") },
        { QStringLiteral("csv"), QStringLiteral("One row per request."), QStringLiteral("file") },
        { QStringLiteral("json"), QStringLiteral("The run report again (summary recomputed)."),
            QStringLiteral("file") },
        { QStringLiteral("png"), QStringLiteral("Timeline as PNG."), QStringLiteral("file") },
        { QStringLiteral("svg"), QStringLiteral("Timeline as SVG."), QStringLiteral("file") },
        { QStringLiteral("pdf"), QStringLiteral("Timeline as PDF."), QStringLiteral("file") },
        { QStringLiteral("server-metrics-csv"),
            QStringLiteral(
                "The server's scraped /metrics samples as CSV: one row per sample, one column per series."),
            QStringLiteral("file") },
        { QStringLiteral("from"), QStringLiteral("Timeline window start, ms from the run start."),
            QStringLiteral("ms") },
        { QStringLiteral("to"), QStringLiteral("Timeline window end, ms from the run start."),
            QStringLiteral("ms") },
        { QStringLiteral("width"), QStringLiteral("Image width in pixels (default 1600)."),
            QStringLiteral("px"), QStringLiteral("1600") },
        { QStringLiteral("lang"), QStringLiteral("Language of the HTML report: en or es."),
            QStringLiteral("lang"), QStringLiteral("en") },
    });
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("burgerbench-cli %s\n", BURGERBENCH_VERSION);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(
            QStringLiteral("expected exactly one run report (got %1); see --help").arg(positional.size()));

    QString error;
    Language language = Language::English;
    if (!I18n::languageFromName(parser.value(QStringLiteral("lang")), &language))
        return fail(QStringLiteral("--lang: expected en or es (got \"%1\")")
                        .arg(parser.value(QStringLiteral("lang"))));
    qint64 fromNs = 0;
    qint64 toNs = -1;
    if (!parseMs(parser, QStringLiteral("from"), &fromNs, &error)
        || !parseMs(parser, QStringLiteral("to"), &toNs, &error))
        return fail(error);
    if (toNs >= 0 && toNs <= fromNs)
        return fail(QStringLiteral("--to must be after --from"));
    bool widthOk = false;
    const int width = parser.value(QStringLiteral("width")).toInt(&widthOk);
    if (!widthOk || width < 200 || width > 20000)
        return fail(QStringLiteral("--width: must be an integer from 200 to 20000 (got \"%1\")")
                        .arg(parser.value(QStringLiteral("width"))));

    const QJsonObject sweep = sweepJson(positional.first());
    if (!sweep.isEmpty())
        return reportSweep(parser, positional.first(), sweep, language);

    // "-" writes one report to standard output (report/atomicfile.h); two cannot share it.
    QString toStdout;
    for (const char *flag : { "json", "csv", "trace", "html", "server-metrics-csv" }) {
        const QString name = QLatin1String(flag);
        if (!parser.isSet(name) || !isStandardOutput(parser.value(name)))
            continue;
        if (!toStdout.isEmpty())
            return fail(QStringLiteral("--%1 - and --%2 -: only one report can go to standard output")
                            .arg(toStdout, name));
        toStdout = name;
    }
    RunTrace trace;
    QJsonObject meta;
    if (!JsonReport::read(positional.first(), &trace, &error, &meta))
        return fail(error);
    const Summary summary = computeSummary(trace, trace.scenario.percentiles, trace.scenario.slo);

    int written = 0;
    auto done = [&](const QString &path) {
        ++written;
        std::fprintf(stderr, "wrote %s\n", isStandardOutput(path) ? "standard output" : qPrintable(path));
    };
    if (parser.isSet(QStringLiteral("json"))) {
        const QString path = parser.value(QStringLiteral("json"));
        QJsonObject extra;
        if (meta.contains(QLatin1String("merged_from")))
            extra.insert(QStringLiteral("merged_from"), meta.value(QLatin1String("merged_from")));
        if (!JsonReport::write(path, trace, summary, &error, extra))
            return fail(error);
        done(path);
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        const QString path = parser.value(QStringLiteral("csv"));
        if (!CsvReport::write(path, trace, &error))
            return fail(error);
        done(path);
    }
    if (parser.isSet(QStringLiteral("trace"))) {
        const QString path = parser.value(QStringLiteral("trace"));
        const bool written = PerfettoTrace::wantsProtobuf(path) ? PerfettoTrace::write(path, trace, &error)
                                                                : ChromeTrace::write(path, trace, &error);
        if (!written)
            return fail(error);
        done(path);
    }
    if (parser.isSet(QStringLiteral("html"))) {
        const QString path = parser.value(QStringLiteral("html"));
        HtmlReport::Options options;
        options.language = language;
        options.meta = meta;
        options.fromNs = fromNs;
        options.toNs = toNs;
        if (!HtmlReport::write(path, trace, summary, options, &error))
            return fail(error);
        done(path);
    }
    if (parser.isSet(QStringLiteral("server-metrics-csv"))) {
        const QString path = parser.value(QStringLiteral("server-metrics-csv"));
        if (!trace.serverMetrics.enabled())
            return fail(QStringLiteral(
                "--server-metrics-csv: %1 has no server metrics (run with --server-metrics URL "
                "or auto to scrape them)")
                            .arg(positional.first()));
        if (!ServerMetricsCsv::write(path, trace, &error))
            return fail(error);
        done(path);
    }
    const struct
    {
        const char *flag;
        TimelineImage::Format format;
    } images[] = { { "png", TimelineImage::Format::Png }, { "svg", TimelineImage::Format::Svg },
        { "pdf", TimelineImage::Format::Pdf } };
    for (const auto &image : images) {
        const QString flag = QLatin1String(image.flag);
        if (!parser.isSet(flag))
            continue;
        const QString path = parser.value(flag);
        TimelineImage::Options options;
        options.fromNs = fromNs;
        options.toNs = toNs;
        options.width = width;
        if (!TimelineImage::write(path, image.format, trace, options, &error))
            return fail(error);
        done(path);
    }
    if (written == 0)
        std::fputs(qPrintable(SecretScrubber(trace.scenario.apiKeyEnv)
                                  .text(Cli::formatSummary(trace, summary, trace.scenario.percentiles))),
            stdout);
    return ExitOk;
}

} // namespace BurgerBench
