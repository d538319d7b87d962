#pragma once

#include <QString>

namespace BurgerBench {

// The execution models a race can run one workload through. The first six map onto
// ExecutionMode (what the trace's scenario records); BackgroundJobs is the seeds' "accept now,
// work later" demo, recorded as ParallelBlocking (a pool of workers that each block).
enum class RaceModel : quint8 {
    Sequential, // one thing after another on one thread, waits included
    Concurrent, // one event loop, many requests in flight (for CPU work: interleaved slices)
    ParallelBlocking, // W worker threads, each doing one blocking request at a time
    ParallelCpu, // CPU tasks on QtConcurrent over the cores
    Mixed, // requests on the event loop, each response post-processed on QtConcurrent
    AntiPattern, // requests on the event loop, the same post-processing ON the event loop
    BackgroundJobs, // jobs accepted at once, run by a worker pool, status polled
};

QString raceModelName(RaceModel model); // "sequential", "parallel-blocking", "background-jobs", ...
bool raceModelFromName(const QString &name, RaceModel *model);

// What the theoretical wall time is computed from: an idealised, deterministic version of the
// workload (every request takes exactly ioS on an idle server, every CPU task exactly cpuS on a
// free core, no overheads). See docs/race.md for each model's closed form.
struct TheoryInput
{
    int n = 8; // requests (or CPU tasks when ioS == 0)
    double ioS = 0; // T_io: one request alone, from dispatch to last token; 0 = no requests
    double cpuS = 0; // T_cpu: CPU work per task / per response; 0 = none
    double gapS = 0; // open loop with constant gaps: request k arrives at k·gapS; 0 = all at t=0
    int cap = 0; // client concurrency cap (the semaphore); 0 = none
    int workers = 4; // blocking workers (parallel-blocking, background jobs)
    int serverCapacity = 0; // sequences the server runs at once; 0 = unlimited
    double rateLimit = 0; // client token bucket, requests/s; 0 = off
    int rateLimitBurst = 1;
    int cores = 2; // QThread::idealThreadCount(): threads QtConcurrent runs at once
    int failEvery = 0; // background jobs: every k-th job's call fails at once, costing nothing
};

struct Theory
{
    double wallS = 0; // theoretical wall time
    int lanes = 0; // the parallelism the model gets (P): requests or tasks at once
    QString formula; // human-readable, with the numbers: "N·T = 8 × 2.000 s"
    bool valid = true; // false: this model cannot run this workload (error says why)
    QString error;
};

// The words and numbers of Theory::formula and ::error: English with a '.' (reports, the CLI), or
// the UI's language and number format ("N·T = 8 × 2,000 s" in Spanish: the installed translator
// and QLocale() at the time of the call).
enum class TheoryText : quint8 { Report, Ui };

Theory theoreticalWall(RaceModel model, const TheoryInput &in, TheoryText text = TheoryText::Report);

// The share of the sequential work `model` really does, for its speed-up: background jobs with
// requests whose every failEvery-th call fails at once (costing nothing, as the schedule has it)
// do (N − ⌊N/k⌋) / N of it; every other model 1.
double sequentialShare(RaceModel model, const TheoryInput &in);

// ceil(n / p) for p >= 1.
inline int ceilDiv(int n, int p)
{
    return p > 0 ? (n + p - 1) / p : 0;
}

} // namespace BurgerBench
