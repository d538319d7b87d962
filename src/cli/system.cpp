#include "cli/commands.h"

#include <QDir>

#include <algorithm>
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

namespace {
constexpr int Http1LanesPerThread = 6; // engine/loadengine.cpp: one manager per 6 HTTP/1.1 lanes
constexpr int Http2LanesPerThread = 100;
// Sockets a lane holds while a run is under way, measured with /proc/PID/fd (2026-12-02, Qt 6.4.2):
// 60 HTTP/1.1 lanes against a simulator in its own process held 110 client sockets (the lane's
// preconnected socket is not the one its requests then use), and the simulator 111; against the
// built-in simulator the process held 241 sockets. So 2 a lane on each side.
constexpr int SocketsPerLane = 2;
constexpr qint64 SpareFiles = 64;

qint64 openDescriptors()
{
    const qint64 n = QDir(QStringLiteral("/proc/self/fd"))
                         .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
                         .size();
    return n > 0 ? n - 1 : 16; // less the directory listing's own descriptor; a guess without /proc
}
} // namespace

FileNeed estimateFiles(int lanes, bool http2, bool inProcessSimulator, int workerThreads)
{
    FileNeed need;
    lanes = std::max(lanes, 0);
    const int perThread = http2 ? Http2LanesPerThread : Http1LanesPerThread;
    need.open = openDescriptors();
    need.threads = (lanes + perThread - 1) / perThread;
    need.connections = SocketsPerLane * (http2 ? need.threads : lanes);
    need.simulatorSide = inProcessSimulator ? need.connections : 0;
    // A blocking worker is a thread (one wake-up descriptor) with a socket of its own.
    need.spare = SpareFiles + 2 * qint64(std::max(workerThreads, 0));
    return need;
}

QString fileLimitProblem(
    const QString &what, int lanes, bool http2, bool inProcessSimulator, int workerThreads)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return QString();
    const FileNeed need = estimateFiles(lanes, http2, inProcessSimulator, workerThreads);
    const auto soft = qint64(limit.rlim_cur);
    if (need.total() <= soft)
        return QString();
    const QString hard = limit.rlim_max == RLIM_INFINITY ? QStringLiteral("unlimited")
                                                         : QString::number(qint64(limit.rlim_max));
    // The most lanes that would fit today, for the message.
    int fits = 0;
    for (int lo = 0, hi = lanes; lo <= hi;) {
        const int mid = lo + (hi - lo) / 2;
        if (estimateFiles(mid, http2, inProcessSimulator, workerThreads).total() <= soft) {
            fits = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    // Round the advice up to a power of two with room to spare.
    qint64 advice = 1024;
    while (advice < need.total() + need.total() / 4)
        advice *= 2;
    QString parts = QStringLiteral("%1 sockets for the connections").arg(need.connections);
    if (need.simulatorSide > 0)
        parts += QStringLiteral(", %1 for the built-in simulator's ends").arg(need.simulatorSide);
    parts += QStringLiteral(", %1 HTTP thread%2, %3 open already, %4 spare")
                 .arg(need.threads)
                 .arg(need.threads == 1 ? QString() : QStringLiteral("s"))
                 .arg(need.open)
                 .arg(need.spare);
    return QStringLiteral(
        "%1 needs about %2 open files (%3), but the open-file limit (RLIMIT_NOFILE) is %4 (hard limit %5); "
        "refusing to start. Raise it, e.g. `ulimit -n %6` in the shell before the run (up to the hard limit; "
        "a higher hard limit needs root, `ulimit -Hn`, or /etc/security/limits.conf), or LimitNOFILE=%6 in a "
        "systemd unit; or run at most %7 stream%8")
        .arg(what)
        .arg(need.total())
        .arg(parts)
        .arg(soft)
        .arg(hard)
        .arg(advice)
        .arg(fits)
        .arg(fits == 1 ? QString() : QStringLiteral("s"));
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
