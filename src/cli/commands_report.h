#pragma once

// The report-side sub-commands (src/cli/cmd_report.cpp, cmd_compare.cpp, cmd_merge.cpp). Each
// creates its own application object and returns the exit code: 0 ok, 2 bad usage or a bad
// file (the message names the file and the problem).
namespace BurgerBench {

// burgerbench-cli report RUN.json [--html F] [--trace F] [--csv F] [--json F] [--png F] [--svg F]
//                                 [--pdf F] [--from MS --to MS] [--lang en|es] [--width PX]
int cmdReport(int argc, char **argv);
// burgerbench-cli compare A.json B.json [C.json ...] [--trace F] [--json F]
int cmdCompare(int argc, char **argv);
// burgerbench-cli merge A.json B.json ... -o ALL.json [--align wall|zero]
int cmdMerge(int argc, char **argv);

} // namespace BurgerBench
