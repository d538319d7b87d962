#include "cli/commands_report.h"

#include "metrics/summary.h"
#include "report/jsonreport.h"
#include "report/merge.h"
#include "report/secretscrub.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace BurgerBench {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "burgerbench-cli merge: %s\n", qPrintable(SecretScrubber().text(message)));
    return 2;
}

} // namespace

int cmdMerge(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burgerbench-cli merge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURGERBENCH_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Join run reports from several machines or processes into one. Every statistic is recomputed from "
        "the union of the exact samples, so percentiles are exact (never averaged). Each run keeps its own "
        "relative clock, shifted by one offset recorded in meta.merged_from."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("runs"), QStringLiteral("Run reports to merge."),
        QStringLiteral("a.json b.json [...]"));
    parser.addOptions({
        { { QStringLiteral("o"), QStringLiteral("output") }, QStringLiteral("The merged report."),
            QStringLiteral("file") },
        { QStringLiteral("align"),
            QStringLiteral("wall: offset each run by its started_at (needs synchronised clocks, e.g. NTP); "
                           "zero: lay the runs on top of one another. Default wall."),
            QStringLiteral("wall|zero"), QStringLiteral("wall") },
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
    if (files.isEmpty())
        return fail(QStringLiteral("no run reports given; see --help"));
    if (!parser.isSet(QStringLiteral("output")))
        return fail(QStringLiteral("-o/--output is required"));
    const QString align = parser.value(QStringLiteral("align"));
    if (align != QLatin1String("wall") && align != QLatin1String("zero"))
        return fail(QStringLiteral("--align: expected wall or zero (got \"%1\")").arg(align));

    // The output must not be one of the inputs: a failed or partial merge would have destroyed it,
    // and a successful one replaces the only record of a run.
    const QString output = parser.value(QStringLiteral("output"));
    const QFileInfo outputInfo(output);
    for (const QString &file : files) {
        const QFileInfo in(file);
        const bool same = outputInfo.exists() && in.exists()
            ? outputInfo.canonicalFilePath() == in.canonicalFilePath()
            : outputInfo.absoluteFilePath() == in.absoluteFilePath();
        if (same)
            return fail(
                QStringLiteral("-o %1: that is one of the inputs; write the merged report to a new file")
                    .arg(output));
    }

    QList<Merge::Input> inputs;
    QString error;
    for (const QString &file : files) {
        Merge::Input in;
        in.file = file;
        if (!JsonReport::read(file, &in.trace, &error, &in.meta))
            return fail(error);
        inputs.append(std::move(in));
    }
    Merge::Result merged;
    if (!Merge::merge(inputs, align == QLatin1String("wall") ? Merge::Align::WallClock : Merge::Align::Zero,
            &merged, &error))
        return fail(error);
    for (const QString &warning : merged.warnings)
        std::fprintf(
            stderr, "burgerbench-cli merge: warning: %s\n", qPrintable(SecretScrubber().text(warning)));
    const RunTrace &t = merged.trace;
    const Summary summary = computeSummary(t, t.scenario.percentiles, t.scenario.slo);
    if (!JsonReport::write(
            output, t, summary, &error, { { QStringLiteral("merged_from"), merged.mergedFrom } }))
        return fail(error);
    std::fprintf(stderr, "merged %lld %s, %zu %s (%d completed, %d failed) into %s\n",
        static_cast<long long>(inputs.size()), inputs.size() == 1 ? "run" : "runs", t.requests.size(),
        t.requests.size() == 1 ? "request" : "requests", summary.completed, summary.failed,
        qPrintable(output));
    return 0;
}

} // namespace BurgerBench
