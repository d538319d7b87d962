#include "parallel/theory.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

namespace BurgerBench {

namespace {

struct NameEntry
{
    RaceModel model;
    const char *name;
};

constexpr NameEntry modelNames[] = {
    { RaceModel::Sequential, "sequential" },
    { RaceModel::Concurrent, "concurrent" },
    { RaceModel::ParallelBlocking, "parallel-blocking" },
    { RaceModel::ParallelCpu, "parallel-cpu" },
    { RaceModel::Mixed, "mixed" },
    { RaceModel::AntiPattern, "anti-pattern" },
    { RaceModel::BackgroundJobs, "background-jobs" },
};

// Where a request's CPU work runs, as far as the schedule cares.
enum class CpuPlace : quint8 {
    None, // no CPU work
    SameThread, // on the thread that did the request, which holds its slot meanwhile
    Loop, // on the one event-loop thread: one CPU task at a time, and it freezes dispatching
    Pool, // on `cores` pool threads; the request's slot is free as soon as its I/O ends
};

int positiveMin(std::initializer_list<int> values)
{
    int best = 0;
    for (int v : values) {
        if (v > 0 && (best == 0 || v < best))
            best = v;
    }
    return best;
}

// The idealised run as a recurrence, exact for the deterministic workload; every closed form in
// docs/race.md is what it reduces to in the simple cases. Requests are dispatched in order;
// request k starts at
//     s_k = max(k·gap, bucket_k, earliest free lane)   (arrival, token bucket, free slot)
// pushed past any CPU burst on the loop (a blocked loop dispatches nothing); its I/O starts at
// the server no earlier than a server slot is free (capacity), and it frees its lane at the I/O
// end, or at the CPU end when the CPU work holds the lane. With equal times the lanes free up in
// order, so "earliest free lane" is the lane request k−lanes held: the closed forms' ⌈N/P⌉.
// `failEvery` > 0: every failEvery-th request fails at once (an immediate HTTP 500) and costs
// nothing, neither I/O nor CPU (background jobs).
double schedule(const TheoryInput &in, int lanes, CpuPlace place, double cpuStretch, int failEvery = 0)
{
    using MinHeap = std::priority_queue<double, std::vector<double>, std::greater<>>;
    auto filled = [](int count) {
        MinHeap heap;
        for (int i = 0; i < std::max(1, count); ++i)
            heap.push(0);
        return heap;
    };
    MinHeap laneFree = filled(lanes);
    MinHeap serverFree = filled(in.serverCapacity > 0 ? in.serverCapacity : in.n);
    MinHeap cores = filled(in.cores);
    std::vector<std::pair<double, double>> bursts; // CPU on the loop, in time order
    double loopFree = 0;
    double wall = 0;
    for (int k = 0; k < in.n; ++k) {
        double s = k * in.gapS;
        if (in.rateLimit > 0 && k >= std::max(1, in.rateLimitBurst))
            s = std::max(s, (k - std::max(1, in.rateLimitBurst) + 1) / in.rateLimit);
        s = std::max(s, laneFree.top());
        laneFree.pop();
        if (place == CpuPlace::Loop) {
            for (const auto &b : bursts) {
                if (s >= b.first && s < b.second)
                    s = b.second;
            }
        }
        if (failEvery > 0 && (k + 1) % failEvery == 0) {
            laneFree.push(s);
            wall = std::max(wall, s);
            continue;
        }
        const double ioStart = std::max(s, serverFree.top());
        serverFree.pop();
        const double f = ioStart + in.ioS;
        serverFree.push(f);
        double end = f;
        double release = f;
        switch (place) {
        case CpuPlace::None:
            break;
        case CpuPlace::SameThread:
            end = f + in.cpuS * cpuStretch;
            release = end;
            break;
        case CpuPlace::Loop: {
            const double c = std::max(f, loopFree);
            end = c + in.cpuS;
            loopFree = end;
            bursts.emplace_back(c, end);
            release = end; // the lane is refilled after the hook returns
            break;
        }
        case CpuPlace::Pool: {
            const double core = cores.top();
            cores.pop();
            const double c = std::max(f, core);
            end = c + in.cpuS;
            cores.push(end);
            break;
        }
        }
        laneFree.push(release);
        wall = std::max(wall, end);
    }
    return wall;
}

// The formula's words and numbers in the language TheoryText asks for.
struct TextStyle
{
    bool localized = false;
    QString w(const char *english) const
    {
        return localized ? QCoreApplication::translate("BurgerBench::Theory", english)
                         : QString::fromUtf8(english);
    }
    QString num(double v, int decimals = 2) const
    {
        return localized ? QLocale().toString(v, 'f', decimals) : QString::number(v, 'f', decimals);
    }
    QString secs(double s) const { return num(s, 3) + QStringLiteral(" s"); }
};

Theory computeTheory(RaceModel model, const TheoryInput &in, const TextStyle &x);

} // namespace

QString raceModelName(RaceModel model)
{
    for (const NameEntry &e : modelNames) {
        if (e.model == model)
            return QString::fromLatin1(e.name);
    }
    return QStringLiteral("unknown");
}

bool raceModelFromName(const QString &name, RaceModel *model)
{
    for (const NameEntry &e : modelNames) {
        if (name == QLatin1String(e.name)) {
            *model = e.model;
            return true;
        }
    }
    return false;
}

namespace {

Theory computeTheory(RaceModel model, const TheoryInput &in, const TextStyle &x)
{
    Theory t;
    auto invalid = [&t](const QString &why) {
        t.valid = false;
        t.error = why;
        return t;
    };
    if (in.n <= 0)
        return invalid(x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory", "no requests or tasks")));
    const bool io = in.ioS > 0;
    const bool cpu = in.cpuS > 0;
    if (!io && !cpu)
        return invalid(
            x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory", "the workload has neither requests nor CPU work")));
    const int n = in.n;
    const int cores = std::max(1, in.cores);
    // Anything beyond the simple closed form (arrival gaps, a rate limit, a server capacity below
    // the client's parallelism) is still computed exactly by the schedule; say so.
    const bool shaped = in.gapS > 0 || in.rateLimit > 0 || in.serverCapacity > 0;
    const QString shapedNote = shaped
        ? x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory", " + arrivals/rate limit/capacity (exact schedule)"))
        : QString();
    const QString N = QString::number(n);

    switch (model) {
    case RaceModel::Sequential:
        t.lanes = 1;
        if (io && cpu) {
            t.wallS = schedule(in, 1, CpuPlace::SameThread, 1);
            t.formula
                = QStringLiteral("N·(T_io + T_cpu) = %1 × (%2 + %3)").arg(N, x.secs(in.ioS), x.secs(in.cpuS));
        } else if (io) {
            t.wallS = schedule(in, 1, CpuPlace::None, 1);
            t.formula = QStringLiteral("N·T = %1 × %2").arg(N, x.secs(in.ioS));
        } else {
            t.wallS = schedule(in, 1, CpuPlace::SameThread, 1);
            t.formula = QStringLiteral("N·T_cpu = %1 × %2").arg(N, x.secs(in.cpuS));
        }
        break;
    case RaceModel::Concurrent:
        if (io && cpu)
            return invalid(x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                "concurrent with CPU work on the loop is the anti-pattern model; choose anti-pattern or "
                "mixed")));
        if (io) {
            t.lanes = positiveMin({ n, in.cap, in.serverCapacity });
            t.wallS = schedule(in, positiveMin({ n, in.cap }), CpuPlace::None, 1);
            t.formula = x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                                "⌈N/P⌉·T, P = min(N, cap, capacity) = %1: ⌈%2/%1⌉ × %3"))
                            .arg(QString::number(t.lanes), N, x.secs(in.ioS));
        } else {
            // One thread: interleaving the slices changes the order, never the total.
            t.lanes = 1;
            t.wallS = schedule(in, 1, CpuPlace::SameThread, 1);
            t.formula = x.w(QT_TRANSLATE_NOOP(
                                "BurgerBench::Theory", "N·T_cpu = %1 × %2 (one thread: slices interleave)"))
                            .arg(N, x.secs(in.cpuS));
        }
        break;
    case RaceModel::ParallelBlocking:
    case RaceModel::BackgroundJobs: {
        const int p = positiveMin({ n, std::max(1, in.workers), in.cap });
        t.lanes = positiveMin({ p, in.serverCapacity });
        // Workers that compute share the cores: P workers on C cores run each CPU task
        // max(1, P/C) times longer (the approximation: all of a round's CPU overlaps).
        const double stretch = std::max(1.0, double(std::min(p, n)) / cores);
        // Background jobs whose call fails at once cost (almost) nothing: the schedule skips them.
        const int failEvery = model == RaceModel::BackgroundJobs && io ? in.failEvery : 0;
        if (io && cpu) {
            t.wallS = schedule(in, p, CpuPlace::SameThread, stretch, failEvery);
            // N counts the jobs that do their work (when every k-th fails, N − ⌊N/k⌋).
            const QString running = QString::number(failEvery > 0 ? n - n / failEvery : n);
            t.formula
                = x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                          "⌈N/P⌉·(T_io + T_cpu·max(1, P/cores)), P = min(W, cap, N) = %1: ⌈%2/%1⌉ × (%3 + %4 "
                          "× %5)"))
                      .arg(QString::number(p), running, x.secs(in.ioS), x.secs(in.cpuS), x.num(stretch));
        } else if (io) {
            t.wallS = schedule(in, p, CpuPlace::None, 1, failEvery);
            t.formula = x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                                "⌈N/P⌉·T, P = min(W, cap, capacity, N) = %1: ⌈%2/%1⌉ × %3"))
                            .arg(QString::number(t.lanes), N, x.secs(in.ioS));
        } else {
            t.wallS = schedule(in, p, CpuPlace::SameThread, stretch);
            t.formula = x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                                "⌈N/P⌉·T_cpu·max(1, P/cores), P = %1: ⌈%2/%1⌉ × %3 × %4"))
                            .arg(QString::number(p), N, x.secs(in.cpuS), x.num(stretch));
        }
        break;
    }
    case RaceModel::ParallelCpu: {
        if (io)
            return invalid(x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                "parallel-cpu runs CPU tasks only; for requests use parallel-blocking, for requests with "
                "post-processing use mixed")));
        const int p = std::min(n, cores);
        t.lanes = p;
        t.wallS = schedule(in, p, CpuPlace::SameThread, 1);
        t.formula = x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                            "⌈N/P⌉·T_cpu, P = min(cores, N) = %1: ⌈%2/%1⌉ × %3 (ideal N·T/P = %4)"))
                        .arg(QString::number(p), N, x.secs(in.cpuS), x.secs(n * in.cpuS / p));
        break;
    }
    case RaceModel::Mixed: {
        if (!io || !cpu)
            return invalid(x.w(QT_TRANSLATE_NOOP(
                "BurgerBench::Theory", "mixed needs requests and CPU post-processing (cpu task ms > 0)")));
        const int p = positiveMin({ n, in.cap });
        t.lanes = p;
        t.wallS = schedule(in, p, CpuPlace::Pool, 1);
        t.formula = x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                            "≈ ⌈N/P⌉·T_io + ⌈min(N, P)/cores⌉·T_cpu, P = %1, cores = %2: ⌈%3/%1⌉ × %4 + "
                            "⌈%5/%2⌉ × %6"))
                        .arg(QString::number(p), QString::number(cores), N, x.secs(in.ioS),
                            QString::number(std::min(n, p)), x.secs(in.cpuS));
        break;
    }
    case RaceModel::AntiPattern: {
        if (!io || !cpu)
            return invalid(x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                "anti-pattern needs requests and CPU post-processing (cpu task ms > 0)")));
        const int p = positiveMin({ n, in.cap });
        t.lanes = p;
        t.wallS = schedule(in, p, CpuPlace::Loop, 1);
        t.formula = x.w(QT_TRANSLATE_NOOP("BurgerBench::Theory",
                            "≈ T_io + N·T_cpu when N ≤ P (all CPU in a row on the loop): %1 + %2 × %3"))
                        .arg(x.secs(in.ioS), N, x.secs(in.cpuS));
        break;
    }
    }
    if (model == RaceModel::BackgroundJobs && io && in.failEvery > 0)
        t.formula += x.w(QT_TRANSLATE_NOOP(
                             "BurgerBench::Theory", " (every %1th job fails at once and costs nothing)"))
                         .arg(in.failEvery);
    t.formula += shapedNote;
    return t;
}

} // namespace

double sequentialShare(RaceModel model, const TheoryInput &in)
{
    if (model != RaceModel::BackgroundJobs || in.ioS <= 0 || in.failEvery <= 0 || in.n <= 0)
        return 1;
    const int working = in.n - in.n / in.failEvery; // ⌊N/k⌋ of them fail: a whole number
    return double(working) / in.n;
}

Theory theoreticalWall(RaceModel model, const TheoryInput &in, TheoryText text)
{
    return computeTheory(model, in, TextStyle { text == TheoryText::Ui });
}

} // namespace BurgerBench
