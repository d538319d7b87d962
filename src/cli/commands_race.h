#pragma once

namespace BurgerBench {

// `burgerbench-cli race --preset NAME [--json FILE] ...`: one workload through several execution
// models, a table of measured vs theoretical wall times. Creates its own QCoreApplication.
// Exit codes: 0 ok, 2 bad usage, 3 aborted (interrupted, or a model could not run).
int cmdRace(int argc, char **argv);

} // namespace BurgerBench
