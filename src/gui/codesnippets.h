#pragma once

#include "scenario/scenario.h"
#include "trace/codesteps.h"

#include <QString>

#include <optional>
#include <vector>

namespace BurgerBench {

// One line of a listing: the code, a short comment (translated; empty for none) and the step of
// the run it stands for, if any (trace/codesteps.h): while work stands at that step the code
// panel highlights the line and says how many are there.
struct CodeLine
{
    QString code;
    QString comment;
    std::optional<CodeStep> step;
};

struct CodeListing
{
    QString title; // e.g. "Python asyncio, as the lesson teaches it"
    QString source; // where the code comes from, e.g. "condensed from src/engine/loadengine.cpp"
    std::vector<CodeLine> lines;
};

// The two listings the code panel shows for a scenario: the few lines of Python asyncio the
// source texts teach for its execution model (await / gather, TaskGroup = fail-fast,
// gather(return_exceptions=True) = collect-all, Semaphore, run_in_executor, ThreadPoolExecutor,
// ProcessPoolExecutor, FastAPI's BackgroundTasks with a status poll), and the Qt code that runs
// it here, condensed from the source file named in the listing. Options that change the code
// (the concurrency cap, a rate limit, an arrival rate, retries, the error policy, the transport,
// CPU work) change the lines; a step only appears on a line when that step can happen.
struct CodeSnippets
{
    CodeListing lesson;
    CodeListing ran;
};

CodeSnippets codeSnippetsFor(const Scenario &scenario);

} // namespace BurgerBench
