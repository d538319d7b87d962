#include "cli/commands.h"

#include <atomic>
#include <csignal>

#include <sys/resource.h>

namespace BurgerBench::Cli {

namespace {
std::atomic<int> interrupted { 0 };
extern "C" void onSignal(int)
{
    interrupted.fetch_add(1);
}
} // namespace

void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

void installInterruptHandler()
{
    // A closed terminal (SIGHUP) ends a run like Ctrl-C: cancelled, and the record kept.
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGHUP, onSignal);
}

bool pollInterrupted()
{
    return interrupted.load() > 0;
}

} // namespace BurgerBench::Cli
