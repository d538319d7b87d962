#include "gui/runstory.h"

#include "gui/requestdescription.h"
#include "metrics/clientsaturation.h"
#include "render/timeformat.h"
#include "trace/orderline.h"
#include "trace/overlap.h"

#include <QHash>
#include <QLocale>
#include <QMap>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

namespace BurgerBench {

namespace {

constexpr qint64 ms = 1'000'000;
constexpr qint64 blockedSpanNs = 16 * ms; // the timeline's red, the narrator's threshold

// How many orders the client lets out at once in this mode.
int clientLimit(const Scenario &s)
{
    switch (s.mode) {
    case ExecutionMode::Sequential:
        return 1;
    case ExecutionMode::ParallelBlocking:
    case ExecutionMode::BackgroundJobs:
        // Its workers, and the cap among them when there is one (parallel/blockingworkersrun).
        return std::max(1, s.concurrency > 0 ? std::min(s.workers, s.concurrency) : s.workers);
    default:
        return std::max(1, s.concurrency);
    }
}

qint64 median(std::vector<qint64> values)
{
    if (values.empty())
        return -1;
    const auto mid = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2 == 1)
        return *mid;
    const qint64 upper = *mid;
    const qint64 lower = *std::max_element(values.begin(), mid);
    return lower + (upper - lower) / 2;
}

// The server's own count of orders waiting, at its busiest scrape (label sets added up).
int kitchenWaitingMax(const ServerMetricsRecord &server)
{
    const std::vector<const ServerSeries *> waiting = server.findAll(QStringLiteral("waiting"));
    if (waiting.empty())
        return -1;
    QMap<qint64, double> byScrape;
    for (const ServerSeries *series : waiting) {
        for (const auto &[at, value] : series->samples) {
            if (std::isfinite(value))
                byScrape[at] += std::max(0.0, value);
        }
    }
    double most = 0;
    for (const double value : std::as_const(byScrape))
        most = std::max(most, value);
    return int(std::lround(most));
}

QString duration(qint64 ns)
{
    return formatDuration(std::max<qint64>(0, ns), QLocale());
}

QString times(double factor)
{
    return QLocale().toString(factor, 'f', factor < 10 ? 1 : 0) + QStringLiteral("×");
}

QString percent(double fraction)
{
    return QLocale().toString(100.0 * fraction, 'f', 1) + QStringLiteral("%");
}

} // namespace

RunStoryFacts runStoryFacts(const RunTrace &trace)
{
    RunStoryFacts f;
    const Scenario &s = trace.scenario;
    f.mode = s.mode;
    f.cpuOnly = s.cpuTasksOnly();
    f.limit = clientLimit(s);
    f.cores = trace.cpuCount;
    const qint64 start = std::max<qint64>(0, trace.measuredStartNs);
    f.wallNs = trace.endNs > start ? trace.endNs - start : 0;
    const bool openLoop = s.rate > 0 || trace.replayedRows > 0;

    std::vector<qint64> servedNs;
    std::vector<qint64> lineNs;
    Overlap inFlight;
    QHash<QString, int> errors;
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup)
            continue;
        ++f.orders;
        const qint64 sent = firstSendNs(r);
        switch (r.outcome) {
        case Outcome::Success:
            ++f.served;
            if (sent >= 0 && r.endNs >= sent) {
                servedNs.push_back(r.endNs - sent);
                f.summedNs += r.endNs - sent;
            }
            break;
        case Outcome::Failed:
            ++f.failed;
            ++errors[errorKindLabel(r.error, r.httpStatus)];
            break;
        case Outcome::Incomplete:
            ++f.cut;
            break;
        default:
            break;
        }
        if (!r.attempts.empty()) {
            ++f.retried;
            f.extraTries += int(r.attempts.size());
            for (const AttemptRecord &a : r.attempts)
                f.retryWaitNs += std::max<qint64>(0, a.waitNs);
        }
        if (sent >= 0 && r.endNs >= sent)
            inFlight.add(sent, r.endNs);
        // The line: from when the customer was there (an open-loop arrival's due time; in a
        // closed loop everybody is there when the shop opens) to the first send. A later turn
        // of a conversation was not waiting in line: it had not been asked yet.
        if (sent >= 0 && r.turn <= 0)
            lineNs.push_back(sent - (openLoop ? std::max<qint64>(0, r.intendedNs) : start));
    }
    f.typicalNs = median(servedNs);
    f.peakInFlight = inFlight.peak();
    // Noticeable: a quarter of a typical order, and at least 5 ms (scheduling noise aside).
    const qint64 noticeable = std::max<qint64>(5 * ms, f.typicalNs > 0 ? f.typicalNs / 4 : 0);
    for (const qint64 wait : lineNs) {
        if (wait >= noticeable) {
            ++f.waitedInLine;
            f.longestLineNs = std::max(f.longestLineNs, wait);
        }
    }
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (it.value() > f.commonErrorCount
            || (it.value() == f.commonErrorCount && it.key() < f.commonError)) {
            f.commonError = it.key();
            f.commonErrorCount = it.value();
        }
    }

    const ClientSaturation saturation = measureClientSaturation(trace);
    // Only from the loop's busy spans: a run whose thread only sampled its lag (blocking workers,
    // jobs) never measured how idle it was.
    if (saturation.measured && !trace.loopBusy.empty())
        f.loopIdle = std::clamp(1.0 - saturation.busyMean, 0.0, 1.0);
    const bool cpuOnLoop = cpuWorkOnLoop(trace);
    f.clientLimited = clientVerdict(saturation, s.transport == Transport::Socket, cpuOnLoop).limited;
    for (const Span &span : trace.loopBusy) {
        const qint64 length = span.endNs - span.startNs;
        if (length >= blockedSpanNs && span.endNs > start) {
            f.loopBlockedNs += length;
            f.longestBlockNs = std::max(f.longestBlockNs, length);
        }
    }
    f.kitchenWaitingMax = kitchenWaitingMax(trace.serverMetrics);

    std::set<qint32> helpers;
    qint64 firstTask = -1;
    qint64 lastTask = -1;
    bool cpuMeasured = true;
    qint64 cpu = 0;
    for (const TaskRecord &task : trace.tasks) {
        if (task.kind != TaskKind::CpuWork || task.startNs < 0 || task.endNs < task.startNs)
            continue;
        ++f.tasks;
        f.taskWorkNs += task.endNs - task.startNs;
        helpers.insert(task.lane);
        firstTask = firstTask < 0 ? task.startNs : std::min(firstTask, task.startNs);
        lastTask = std::max(lastTask, task.endNs);
        if (task.cpuNs >= 0)
            cpu += task.cpuNs;
        else
            cpuMeasured = false;
    }
    f.helpers = int(helpers.size());
    f.taskWallNs = f.tasks > 0 ? lastTask - firstTask : 0;
    f.taskCpuNs = f.tasks > 0 && cpuMeasured ? cpu : -1;

    for (const JobRecord &job : trace.jobs) {
        ++f.jobs;
        f.jobsFailed += job.status == JobStatus::Failed ? 1 : 0;
        if (job.acceptedNs >= 0)
            f.slowestAcceptNs = std::max(f.slowestAcceptNs, job.acceptedNs - start);
        f.lastJobEndNs = std::max(f.lastJobEndNs, job.endedNs);
    }

    // What held the orders up, the strongest reason first.
    if (f.cpuOnly) {
        if (f.tasks == 0)
            f.bottleneck = StoryBottleneck::None;
        else if (f.taskCpuNs >= 0 && double(f.taskCpuNs) < 0.8 * double(f.taskWorkNs))
            f.bottleneck = StoryBottleneck::ThisComputer; // the tasks waited for a core
        else if (f.cores > 0 && f.helpers >= f.cores)
            f.bottleneck = StoryBottleneck::Cores;
        else
            f.bottleneck = StoryBottleneck::Helpers;
    } else if (f.orders == 0) {
        f.bottleneck = StoryBottleneck::None;
    } else if (f.served == 0) {
        f.bottleneck = StoryBottleneck::Failures;
    } else if (f.mode == ExecutionMode::AntiPattern || (f.wallNs > 0 && f.loopBlockedNs * 10 >= f.wallNs)) {
        f.bottleneck = StoryBottleneck::Cashier;
    } else if (f.clientLimited) {
        f.bottleneck = StoryBottleneck::ThisComputer;
    } else if (f.kitchenWaitingMax > 0) {
        f.bottleneck = StoryBottleneck::KitchenLine;
    } else if (f.waitedInLine > 0) {
        f.bottleneck = StoryBottleneck::Line;
    } else {
        f.bottleneck = StoryBottleneck::Kitchen;
    }
    return f;
}

QString RunStory::text(const RunStoryFacts &f)
{
    QStringList said;
    if (f.cpuOnly) {
        if (f.tasks == 0)
            return tr("This run: no CPU task ran.");
        const qint64 work = f.taskCpuNs >= 0 ? f.taskCpuNs : f.taskWorkNs;
        said << tr("This run: %n room(s) cleaned, %1 of work in all, by %2 in %3.", nullptr, f.tasks)
                    .arg(duration(work), tr("%n helper(s)", nullptr, f.helpers), duration(f.taskWallNs));
        if (f.taskWallNs > 0) {
            const double speedUp = double(work) / double(f.taskWallNs);
            said << (speedUp < 1.15
                    ? tr("One helper alone would need about as long: the work did not spread.")
                    : tr("One helper alone would need about %1: %2 faster.")
                          .arg(duration(work), times(speedUp)));
        }
        if (f.bottleneck == StoryBottleneck::ThisComputer)
            said << tr(
                "The bottleneck was this computer: the helpers had a core for only %1 of the time they "
                "ran; other programs were using the rest.")
                        .arg(percent(double(f.taskCpuNs) / double(std::max<qint64>(1, f.taskWorkNs))));
        else if (f.bottleneck == StoryBottleneck::Cores)
            said << tr("The bottleneck was the cores: %1 at work at once on %n core(s), no room for more.",
                nullptr, f.cores)
                        .arg(tr("%n helper(s)", nullptr, f.helpers));
        else if (f.helpers <= 1)
            said << tr(
                "The bottleneck was the one helper: however the work is juggled, it is done one piece at "
                "a time.");
        else
            said << tr("The bottleneck was the helpers: %1 at once, while the machine has %n core(s).",
                nullptr, f.cores)
                        .arg(tr("%n helper(s)", nullptr, f.helpers));
        return said.join(QLatin1Char(' '));
    }
    if (f.orders == 0)
        return tr("This run: no order went out.");

    if (f.served > 0 && f.typicalNs >= 0)
        said << tr("This run: %n order(s), %1 served, each in about %2.", nullptr, f.orders)
                    .arg(f.served)
                    .arg(duration(f.typicalNs));
    else
        said << tr("This run: %n order(s), none served.", nullptr, f.orders);
    if (f.served > 1 && f.wallNs > 0) {
        const double speedUp = double(f.summedNs) / double(f.wallNs);
        if (speedUp < 1.3)
            said << tr("Their times add up to %1 and the run took %2: one after another, hardly any overlap.")
                        .arg(duration(f.summedNs), duration(f.wallNs));
        else
            said << tr(
                "Their times add up to %1, yet the run took %2, %3 faster than one at a time: up to %n "
                "were in flight at once.",
                nullptr, f.peakInFlight)
                        .arg(duration(f.summedNs), duration(f.wallNs), times(speedUp));
    }
    if (f.jobs > 0) {
        said << tr(
            "%n ticket(s) handed out within %1; the cooks finished the last after %2.", nullptr, f.jobs)
                    .arg(duration(f.slowestAcceptNs), duration(f.lastJobEndNs));
        if (f.jobsFailed > 0)
            said << tr("%n job(s) failed in the back.", nullptr, f.jobsFailed);
    }
    if (f.tasks > 0) {
        said << tr("Their answers took %1 of CPU work in the back, on %2.")
                    .arg(duration(f.taskCpuNs >= 0 ? f.taskCpuNs : f.taskWorkNs),
                        tr("%n helper(s)", nullptr, f.helpers));
    }
    if (f.retried > 0)
        said << tr(
            "%n order(s) needed another try (%1 more in all), waiting %2 between tries.", nullptr, f.retried)
                    .arg(f.extraTries)
                    .arg(duration(f.retryWaitNs));
    if (f.failed > 0)
        said << tr("%n went wrong, most often: %1.", nullptr, f.failed).arg(f.commonError);
    if (f.cut > 0)
        said << tr("%n never finished: the run ended first.", nullptr, f.cut);

    switch (f.bottleneck) {
    case StoryBottleneck::Kitchen:
        said << tr(
            "The bottleneck was the kitchen: every order went out as soon as it came and only waited for "
            "the server.");
        break;
    case StoryBottleneck::KitchenLine:
        said << tr(
            "The bottleneck was the kitchen: up to %n order(s) waited there for a cook, by the server's "
            "own count.",
            nullptr, f.kitchenWaitingMax);
        break;
    case StoryBottleneck::Line:
        if (f.limit <= 1)
            said << tr("The bottleneck was the line: one order at a time, so %n order(s) waited in line, the "
                       "longest %1.",
                nullptr, f.waitedInLine)
                        .arg(duration(f.longestLineNs));
        else
            said << tr(
                "The bottleneck was the line at the counter: only %1 at a time, so %n order(s) waited in "
                "line, the longest %2.",
                nullptr, f.waitedInLine)
                        .arg(f.limit)
                        .arg(duration(f.longestLineNs));
        break;
    case StoryBottleneck::Cashier:
        if (f.loopBlockedNs > 0)
            said << tr(
                "The bottleneck was the cashier: it cooked at the counter for %1 in all (the longest %2), "
                "and nothing else moved meanwhile.")
                        .arg(duration(f.loopBlockedNs), duration(f.longestBlockNs));
        else
            said << tr("The bottleneck was the cashier: its own work on the event loop held the others up.");
        break;
    case StoryBottleneck::ThisComputer:
        said << tr(
            "The bottleneck was this computer: the client's event loop was saturated, so these figures "
            "tell more about the client than about the server.");
        break;
    case StoryBottleneck::Failures:
        said << tr("Nothing was served: this run shows what went wrong, not how fast the kitchen is.");
        break;
    case StoryBottleneck::None:
    case StoryBottleneck::Cores:
    case StoryBottleneck::Helpers:
        break;
    }
    if (f.loopIdle >= 0 && f.bottleneck != StoryBottleneck::Cashier
        && f.bottleneck != StoryBottleneck::ThisComputer)
        said << tr("The cashier (the event loop) was idle %1 of the time.").arg(percent(f.loopIdle));
    return said.join(QLatin1Char(' '));
}

QString RunStory::plan(const Scenario &s, bool replaying)
{
    QStringList said;
    if (s.cpuTasksOnly()) {
        said << tr("This scenario: %n room(s) to clean, about %1 of work each.", nullptr, s.requests)
                    .arg(duration(qint64(s.cpuTaskMs * double(ms))));
        said << (replaying ? tr("The replay shows them as they ran; its figures follow at the end.")
                           : tr("Press Run to see how long they take."));
        return said.join(QLatin1Char(' '));
    }
    const int limit = clientLimit(s);
    QString orders = s.requests > 0
        ? tr("%n order(s)", nullptr, s.requests)
        : tr("as many orders as fit in %1").arg(duration(qint64(s.durationS * 1e9)));
    if (s.rate > 0)
        said << tr("This scenario: %1 arriving at %2 a second, at most %3 at a time.")
                    .arg(orders, QLocale().toString(s.rate, 'g', 3))
                    .arg(limit);
    else
        said << tr("This scenario: %1, at most %2 at a time.").arg(orders).arg(limit);
    if (s.usesSimulator()) {
        const SimulatorSettings &sim = s.simulator;
        const int tokens = sim.outputTokens > 0 ? sim.outputTokens : (s.maxTokens > 0 ? s.maxTokens : 16);
        const qint64 each
            = qint64((sim.ttftMs + double(std::max(0, tokens - 1)) * sim.tokenIntervalMs) * double(ms));
        said << tr(
            "The built-in simulator takes about %1 an order: its first token after %2, then %n token(s) "
            "%3 apart.",
            nullptr, tokens - 1)
                    .arg(duration(each), duration(qint64(sim.ttftMs * double(ms))),
                        duration(qint64(sim.tokenIntervalMs * double(ms))));
        if (s.requests > 1 && s.rate <= 0 && limit <= 1) {
            said << tr("One at a time, that is about %1.").arg(duration(each * s.requests));
        } else if (s.requests > 1 && s.rate <= 0) {
            const qint64 rounds = (qint64(s.requests) + limit - 1) / limit;
            said << tr("One at a time that would be %1; %2 at a time, about %3.")
                        .arg(duration(each * s.requests))
                        .arg(limit)
                        .arg(duration(each * rounds));
        }
    } else {
        said << tr("The kitchen is %1.").arg(s.url.host());
    }
    if (s.cpuTaskMs > 0 && (s.mode == ExecutionMode::Mixed || s.mode == ExecutionMode::AntiPattern))
        said << tr("Each answer then gets about %1 of CPU work.")
                    .arg(duration(qint64(s.cpuTaskMs * double(ms))));
    said << (replaying ? tr("The replay shows it as it happened; its figures follow at the end.")
                       : tr("Press Run to see what happens."));
    return said.join(QLatin1Char(' '));
}

} // namespace BurgerBench
