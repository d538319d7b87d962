#pragma once

namespace BurgerBench {

// `burgerbench-cli sweep --profile concurrency|rate|auto|search ...`: a sequence of ordinary
// runs at rising load levels (docs/sweep.md). Creates its own QCoreApplication.
// Exit codes: 0 ok, 1 a --fail-if rule held in a step, 2 bad usage, 3 aborted (interrupted, a
// step that could not run or whose target failed; the report keeps the finished steps).
int cmdSweep(int argc, char **argv);

} // namespace BurgerBench
