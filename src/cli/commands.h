#pragma once

// Each sub-command creates the application object it needs (QCoreApplication for headless
// work, QGuiApplication only to render images) and returns the process exit code.
namespace BurgerBench::Cli {

enum ExitCode { Ok = 0, ThresholdFailed = 1, BadUsage = 2, Aborted = 3 };

int cmdRun(int argc, char **argv);
int cmdSimulate(int argc, char **argv);

// Raises the soft open-file limit to the hard limit: 1,000 streams against the in-process
// simulator need 2,000 sockets, more than a default soft limit of 1,024.
void raiseFileLimit();
// Installs SIGINT/SIGTERM handlers that set a flag read by pollInterrupted().
void installInterruptHandler();
bool pollInterrupted();

} // namespace BurgerBench::Cli
