#include "cli/commands_report.h"

#include "i18n/language.h"
#include "report/atomicfile.h"
#include "report/chrometrace.h"
#include "report/compare.h"
#include "report/jsonreport.h"
#include "report/merge.h"
#include "report/secretscrub.h"
#include "sweep/sweepcompare.h"
#include "sweep/sweephtml.h"
#include "sweep/sweepreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

namespace BurgerBench {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "burgerbench-cli compare: %s\n", qPrintable(SecretScrubber().text(message)));
    return 2;
}

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

// The report's JSON object when `path` holds a sweep report (its "schema" says so); an empty
// object otherwise (a run report, or a file the run report's reader will name the fault of).
QJsonObject sweepJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QJsonObject();
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    return SweepReport::isSweep(json) ? json : QJsonObject();
}

// Two sweep reports (burgerbench.sweep/1): the levels both ran and the capacities, side by side
// (sweep/sweepcompare.h). The run-only options are refused by name.
int compareSweeps(const QCommandLineParser &parser, const QStringList &files, const QList<QJsonObject> &json)
{
    for (const char *flag : { "trace", "alpha", "resamples" }) {
        if (parser.isSet(QLatin1String(flag)))
            return fail(QStringLiteral("--%1: not for sweep reports (%2 and %3 are burgerbench.sweep/1): "
                                       "they take --json and --html")
                            .arg(QLatin1String(flag), files.at(0), files.at(1)));
    }
    if (files.size() != 2)
        return fail(QStringLiteral("sweep reports are compared two at a time (got %1)").arg(files.size()));
    Language language = Language::English;
    if (!I18n::languageFromName(parser.value(QStringLiteral("lang")), &language))
        return fail(QStringLiteral("--lang: expected en or es (got \"%1\")")
                        .arg(parser.value(QStringLiteral("lang"))));
    SweepResult a;
    SweepResult b;
    QString error;
    if (!SweepReport::fromJson(json.at(0), &a, &error))
        return fail(QStringLiteral("%1: %2").arg(files.at(0), error));
    if (!SweepReport::fromJson(json.at(1), &b, &error))
        return fail(QStringLiteral("%1: %2").arg(files.at(1), error));
    const SweepCompare::Result comparison = SweepCompare::compare(a, b);
    // --json -: the JSON alone on stdout, the table on stderr.
    std::FILE *tableOut = isStandardOutput(parser.value(QStringLiteral("json"))) ? stderr : stdout;
    std::fputs(qPrintable(SweepCompare::formatTable(files.at(0), files.at(1), comparison)), tableOut);
    if (parser.isSet(QStringLiteral("json"))) {
        const QByteArray bytes
            = QJsonDocument(SweepCompare::toJson(files.at(0), files.at(1), comparison)).toJson();
        if (!writeFileAtomically(parser.value(QStringLiteral("json")), bytes, &error))
            return fail(error);
    }
    if (parser.isSet(QStringLiteral("html"))) {
        SweepHtml::Options options;
        options.language = language;
        const QByteArray page
            = SweepHtml::compareToBytes(a, files.at(0), b, files.at(1), comparison, options);
        if (!writeFileAtomically(parser.value(QStringLiteral("html")), page, &error))
            return fail(error);
    }
    return 0;
}

} // namespace

int cmdCompare(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burgerbench-cli compare"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURGERBENCH_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare saved runs metric by metric: the first run is the baseline, each other run is set against "
        "it with the change and whether the change is beyond run-to-run noise (the rule is printed below the "
        "table). Two sweep reports (the JSON written by `sweep --json`) are compared level by level, with "
        "their capacities."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("a.json"), QStringLiteral("Baseline run report (or sweep report)."));
    parser.addPositionalArgument(QStringLiteral("b.json"), QStringLiteral("Run(s) to compare with it."),
        QStringLiteral("b.json [...]"));
    parser.addOptions({
        { QStringLiteral("trace"), QStringLiteral("Write the runs side by side as one Perfetto trace."),
            QStringLiteral("file") },
        { QStringLiteral("json"), QStringLiteral("Write the comparison as JSON."), QStringLiteral("file") },
        { QStringLiteral("html"), QStringLiteral("Two sweeps: write the comparison as an HTML page."),
            QStringLiteral("file") },
        { QStringLiteral("lang"), QStringLiteral("Language of the HTML page: en or es."),
            QStringLiteral("lang"), QStringLiteral("en") },
        { QStringLiteral("alpha"),
            QStringLiteral("Significance level of the Mann-Whitney test (default 0.05)."),
            QStringLiteral("p"), QStringLiteral("0.05") },
        { QStringLiteral("resamples"), QStringLiteral("Most bootstrap resamples (default 2000)."),
            QStringLiteral("n"), QStringLiteral("2000") },
    });
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("burgerbench-cli %s\n", BURGERBENCH_VERSION);
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() < 2)
        return fail(QStringLiteral("need at least two run reports (got %1); see --help").arg(files.size()));
    // A sweep report is told by its "schema"; sweeps are compared with sweeps, runs with runs.
    QList<QJsonObject> sweeps;
    qsizetype firstSweep = -1;
    qsizetype firstRun = -1;
    for (qsizetype i = 0; i < files.size(); ++i) {
        sweeps.append(sweepJson(files.at(i)));
        if (!sweeps.last().isEmpty() && firstSweep < 0)
            firstSweep = i;
        if (sweeps.last().isEmpty() && firstRun < 0)
            firstRun = i;
    }
    if (firstSweep >= 0 && firstRun >= 0)
        return fail(QStringLiteral("%1 is a sweep report (burgerbench.sweep/1) but %2 is not: compare takes "
                                   "run reports, or two sweep reports, not a mix")
                        .arg(files.at(firstSweep), files.at(firstRun)));
    if (firstSweep >= 0)
        return compareSweeps(parser, files, sweeps);
    for (const char *flag : { "html", "lang" }) {
        if (parser.isSet(QLatin1String(flag)))
            return fail(QStringLiteral("--%1: only for two sweep reports (burgerbench.sweep/1)")
                            .arg(QLatin1String(flag)));
    }
    Compare::Options options;
    bool ok = false;
    options.alpha = parser.value(QStringLiteral("alpha")).toDouble(&ok);
    if (!ok || !(options.alpha > 0 && options.alpha < 1))
        return fail(QStringLiteral("--alpha: must be between 0 and 1 (got \"%1\")")
                        .arg(parser.value(QStringLiteral("alpha"))));
    options.maxResamples = parser.value(QStringLiteral("resamples")).toInt(&ok);
    if (!ok || options.maxResamples < 100 || options.maxResamples > 100000)
        return fail(QStringLiteral("--resamples: must be an integer from 100 to 100000 (got \"%1\")")
                        .arg(parser.value(QStringLiteral("resamples"))));

    // Progress on stderr once the work has taken over a second (large reports): each stage as
    // it starts, with the time so far.
    QElapsedTimer clock;
    clock.start();
    auto progress = [&clock](const QString &stage) {
        if (clock.elapsed() > 1000)
            std::fprintf(stderr, "burgerbench-cli compare: %s (%.1f s)\n", qPrintable(stage),
                double(clock.elapsed()) / 1000.0);
    };
    options.progress = progress;

    std::vector<RunTrace> runs(size_t(files.size()));
    QString error;
    for (qsizetype i = 0; i < files.size(); ++i) {
        progress(QStringLiteral("reading %1 (%2 of %3)").arg(files.at(i)).arg(i + 1).arg(files.size()));
        if (!JsonReport::read(files.at(i), &runs[size_t(i)], &error))
            return fail(error);
    }
    options.ranks = runs.front().scenario.percentiles;
    // Different scenarios are compared (that may be the point: a new concurrency, a new server),
    // but never silently: the table's changes may come from the scenario, not the target.
    QJsonArray warnings;
    for (size_t i = 1; i < runs.size(); ++i) {
        const QStringList differ = Merge::scenarioDifferences(runs.front().scenario, runs[i].scenario);
        if (differ.isEmpty())
            continue;
        const QString warning
            = QStringLiteral("%1 and %2 ran different scenarios (%3): a change below may "
                             "come from the scenario, not from the target")
                  .arg(files.first(), files.at(qsizetype(i)), differ.join(QLatin1String(", ")));
        std::fprintf(
            stderr, "burgerbench-cli compare: warning: %s\n", qPrintable(SecretScrubber().text(warning)));
        warnings.append(SecretScrubber().text(warning));
    }

    QJsonArray comparisons;
    // --json -: the JSON alone on stdout, the tables on stderr.
    std::FILE *tableOut = isStandardOutput(parser.value(QStringLiteral("json"))) ? stderr : stdout;
    for (size_t i = 1; i < runs.size(); ++i) {
        progress(QStringLiteral("comparing %1 with %2").arg(files.at(qsizetype(i)), files.first()));
        const QList<Compare::Row> rows = Compare::compare(runs.front(), runs[i], options);
        if (i > 1)
            std::fputs("\n", tableOut);
        std::fputs(
            qPrintable(Compare::formatTable(files.first(), files.at(qsizetype(i)), rows, options)), tableOut);
        QJsonArray jsonRows;
        for (const Compare::Row &r : rows) {
            QJsonObject o { { QStringLiteral("metric"), r.metric }, { QStringLiteral("a"), number(r.a) },
                { QStringLiteral("b"), number(r.b) }, { QStringLiteral("delta"), number(r.delta) },
                { QStringLiteral("percent"), number(r.percent) },
                { QStringLiteral("verdict"), Compare::verdictText(r.verdict) } };
            if (!r.stat.isEmpty())
                o.insert(QStringLiteral("stat"), r.stat);
            if (r.p >= 0)
                o.insert(QStringLiteral("mann_whitney_p"), r.p);
            if (r.ci.valid)
                o.insert(QStringLiteral("ci95_delta"), QJsonArray { r.ci.low, r.ci.high });
            jsonRows.append(o);
        }
        comparisons.append(QJsonObject { { QStringLiteral("a"), files.first() },
            { QStringLiteral("b"), files.at(qsizetype(i)) }, { QStringLiteral("rows"), jsonRows } });
    }
    if (parser.isSet(QStringLiteral("json"))) {
        progress(QStringLiteral("writing %1").arg(parser.value(QStringLiteral("json"))));
        const QJsonObject root { { QStringLiteral("schema"), QStringLiteral("burgerbench.compare/1") },
            { QStringLiteral("rule"), Compare::ruleText(options) },
            { QStringLiteral("comparisons"), comparisons }, { QStringLiteral("warnings"), warnings } };
        if (!writeFileAtomically(parser.value(QStringLiteral("json")), QJsonDocument(root).toJson(), &error))
            return fail(error);
    }
    if (parser.isSet(QStringLiteral("trace"))) {
        QList<ChromeTrace::Run> list;
        for (size_t i = 0; i < runs.size(); ++i)
            list.append({ &runs[i],
                QStringLiteral("%1) %2: %3")
                    .arg(QChar(char16_t(u'A' + i % 26)))
                    .arg(QFileInfo(files.at(qsizetype(i))).fileName(), ChromeTrace::processLabel(runs[i])) });
        if (!ChromeTrace::write(parser.value(QStringLiteral("trace")), list, &error))
            return fail(error);
    }
    if (clock.elapsed() > 1000)
        std::fprintf(stderr, "burgerbench-cli compare: done (%.1f s)\n", double(clock.elapsed()) / 1000.0);
    return 0;
}

} // namespace BurgerBench
