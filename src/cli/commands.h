#pragma once

// Each sub-command creates the application object it needs (QCoreApplication for headless
// work, QGuiApplication only to render images) and returns the process exit code.
#include <QString>

namespace BurgerBench::Cli {

enum ExitCode { Ok = 0, ThresholdFailed = 1, BadUsage = 2, Aborted = 3 };

int cmdRun(int argc, char **argv);
int cmdSimulate(int argc, char **argv);

// Raises the soft open-file limit to the hard limit: 1,000 streams against the in-process
// simulator need 2,000 sockets, more than a default soft limit of 1,024.
void raiseFileLimit();

// The open files a run of `lanes` concurrent streams needs, measured with /proc/self/fd on Qt 6.4
// (a QNetworkAccessManager costs nothing until its HTTP thread starts; then 1 eventfd for that
// thread's GLib wake-up; a running lane holds 2 sockets, and the in-process simulator as many
// again for its ends): the files open now, one per HTTP thread, the sockets, and a spare for the
// report files, the simulator's and scraper's threads, DNS and TLS.
struct FileNeed
{
    qint64 open = 0; // descriptors open now
    qint64 threads = 0; // QNAM HTTP threads (one per 6 HTTP/1.1 lanes, per 100 HTTP/2 lanes)
    qint64 connections = 0; // sockets
    qint64 simulatorSide = 0; // the built-in simulator's end of each connection
    qint64 spare = 0;
    qint64 total() const { return open + threads + connections + simulatorSide + spare; }
};
FileNeed estimateFiles(int lanes, bool http2, bool inProcessSimulator, int workerThreads = 0);
// Empty when a run of `lanes` streams fits under the soft RLIMIT_NOFILE (call raiseFileLimit
// first); else the message to refuse with (exit 2): the limit, the need and how to raise it.
// `what` names the load, e.g. "--concurrency 900".
QString fileLimitProblem(
    const QString &what, int lanes, bool http2, bool inProcessSimulator, int workerThreads = 0);
// Installs SIGINT/SIGTERM handlers that set a flag read by pollInterrupted().
void installInterruptHandler();
bool pollInterrupted();

} // namespace BurgerBench::Cli
