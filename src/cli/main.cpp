#include "cli/commands.h"

#if __has_include("cli/commands_report.h")
#include "cli/commands_report.h"
#define BURGERBENCH_HAVE_REPORT_COMMANDS 1
#endif

#if __has_include("cli/commands_race.h")
#include "cli/commands_race.h"
#define BURGERBENCH_HAVE_RACE_COMMAND 1
#endif

#include "i18n/language.h"

#include "burgerbench_buildinfo.h" // generated at configure time (cmake/BurgerBenchInstall.cmake)

#include <QCoreApplication>

#if __has_include("cli/commands_sweep.h")
#include "cli/commands_sweep.h"
#define BURGERBENCH_HAVE_SWEEP_COMMAND 1
#endif

#include <cstdio>
#include <cstring>

using namespace BurgerBench;

namespace {

void printUsage(FILE *out)
{
    std::fputs("Usage: burgerbench-cli <command> [options]\n"
               "\n"
               "Commands:\n"
               "  run        fire a load at an OpenAI-compatible endpoint (or the built-in simulator)\n"
               "  simulate   serve the built-in LLM simulator; prints its URL first\n"
#ifdef BURGERBENCH_HAVE_RACE_COMMAND
               "  race       one workload through several execution models, side by side\n"
#endif
#ifdef BURGERBENCH_HAVE_SWEEP_COMMAND
               "  sweep      runs at rising load: the throughput ceiling, the capacity within an SLO\n"
#endif
#ifdef BURGERBENCH_HAVE_REPORT_COMMANDS
               "  report     re-render a saved run (HTML, trace, CSV, images)\n"
               "  compare    compare saved runs metric by metric\n"
               "  merge      join saved runs into one with exact percentiles\n"
#endif
               "\n"
               "Run 'burgerbench-cli <command> --help' for the options of a command.\n"
               "Exit codes: 0 ok, 1 a --fail-if threshold failed, 2 bad usage or scenario, 3 aborted.\n",
        out);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        printUsage(stderr);
        return Cli::BadUsage;
    }
    const char *command = argv[1];
    if (!std::strcmp(command, "--help") || !std::strcmp(command, "-h") || !std::strcmp(command, "help")) {
        printUsage(stdout);
        return Cli::Ok;
    }
    if (!std::strcmp(command, "--version") || !std::strcmp(command, "-v")) {
        // The version, the revision it was built from, and where its catalogues are read from
        // (an installed share/burgerbench/translations, or the copies built in).
        QCoreApplication app(argc, argv);
        const QString dir = I18n::installedTranslationsDir();
        std::printf("burgerbench-cli %s (git %s)\ntranslations: %s\n", BURGERBENCH_VERSION,
            BURGERBENCH_GIT_REVISION, dir.isEmpty() ? "built in" : qPrintable(dir));
        return Cli::Ok;
    }
    // Sub-commands see argv without the command word, so their parsers print their own name.
    argv[1] = argv[0];
    if (!std::strcmp(command, "run"))
        return Cli::cmdRun(argc - 1, argv + 1);
    if (!std::strcmp(command, "simulate"))
        return Cli::cmdSimulate(argc - 1, argv + 1);
#ifdef BURGERBENCH_HAVE_RACE_COMMAND
    if (!std::strcmp(command, "race"))
        return cmdRace(argc - 1, argv + 1);
#endif
#ifdef BURGERBENCH_HAVE_SWEEP_COMMAND
    if (!std::strcmp(command, "sweep"))
        return cmdSweep(argc - 1, argv + 1);
#endif
#ifdef BURGERBENCH_HAVE_REPORT_COMMANDS
    if (!std::strcmp(command, "report"))
        return cmdReport(argc - 1, argv + 1);
    if (!std::strcmp(command, "compare"))
        return cmdCompare(argc - 1, argv + 1);
    if (!std::strcmp(command, "merge"))
        return cmdMerge(argc - 1, argv + 1);
#endif
    std::fprintf(stderr, "burgerbench-cli: unknown command \"%s\"\n\n", command);
    printUsage(stderr);
    return Cli::BadUsage;
}
