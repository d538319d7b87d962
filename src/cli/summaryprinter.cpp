#include "cli/summaryprinter.h"

#include "metrics/serverhistogram.h"
#include "metrics/summary.h"
#include "parallel/race.h"
#include "trace/jobboard.h"
#include "trace/lanenames.h"
#include "trace/livetrace.h"

#include <cmath>

namespace BurgerBench::Cli {

namespace {

QString num(double v, int precision = 2)
{
    return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', precision);
}

QString row(const QString &label, const QString &value)
{
    return label.leftJustified(41, u' ') + value + u'\n';
}

QString rankLabel(double rank)
{
    return u'p' + QString::number(rank, 'g', 6);
}

} // namespace

QString progressLine(const Progress &p, double tokensPerS)
{
    QString line = QStringLiteral("[%1s]").arg(double(p.elapsedNs) / 1e9, 7, 'f', 1);
    if (p.warmingUp)
        line += QStringLiteral(" warming up |");
    line += QStringLiteral(" in flight %1 | done %2").arg(p.inFlight).arg(p.completed);
    if (p.planned > 0)
        line += QStringLiteral("/%1").arg(p.planned);
    line += QStringLiteral(" | failed %1 | queued %2 | %3 tok/s | loop lag %4 ms")
                .arg(p.failed)
                .arg(p.queued)
                .arg(qRound64(tokensPerS))
                .arg(double(p.lastLoopLagNs) / 1e6, 0, 'f', 1);
    if (p.tasksStarted > 0)
        line += QStringLiteral(" | tasks running %1, done %2")
                    .arg(p.tasksStarted - p.tasksEnded)
                    .arg(p.tasksEnded);
    return line;
}

namespace {

// What the run did besides requests, from its records: CPU tasks, held waits,
// the lanes they ran on, background jobs.
QString formatWork(const RunTrace &trace)
{
    const std::vector<JobRecord> &jobs = trace.jobs;
    QString out;
    int cpuTasks = 0;
    int heldWaits = 0;
    for (const TaskRecord &t : trace.tasks) {
        cpuTasks += t.kind == TaskKind::CpuWork ? 1 : 0;
        heldWaits += t.kind == TaskKind::HeldWaiting ? 1 : 0;
    }
    const double wallS = RaceFigures::measuredWallS(trace);
    if (cpuTasks > 0) {
        const double spans = RaceFigures::busyS(trace, TaskKind::CpuWork);
        const double busy = RaceFigures::cpuTimeS(trace); // the threads' own CPU time
        out += row(QStringLiteral("CPU tasks (done):"),
            QStringLiteral("%1, %2 s of CPU time in all (%3 s on the clock), mean %4 ms, at most %5 at once")
                .arg(cpuTasks)
                .arg(num(busy, 3))
                .arg(num(spans, 3))
                .arg(num(busy * 1000.0 / cpuTasks, 1))
                .arg(RaceFigures::peakAtOnce(trace, TaskKind::CpuWork)));
        if (wallS > 0) {
            const double asked = RaceFigures::cpuAskedS(trace, trace.cpuCount);
            out += row(QStringLiteral("CPU time / wall time (cores the run got):"),
                QStringLiteral("%1 (of %2 cores)").arg(num(busy / wallS)).arg(trace.cpuCount));
            if (RaceFigures::cpuStarved(busy, asked))
                out += row(QStringLiteral("Less CPU than asked:"),
                    QStringLiteral("the machine gave %1 of the %2 cores the tasks asked for: other programs "
                                   "were using the rest")
                        .arg(num(busy / wallS, 1))
                        .arg(num(asked / wallS, 1)));
        }
    }
    if (heldWaits > 0)
        out += row(QStringLiteral("Threads held waiting:"),
            QStringLiteral("%1 waits, %2 s in all")
                .arg(heldWaits)
                .arg(num(RaceFigures::busyS(trace, TaskKind::HeldWaiting), 3)));
    if (!trace.taskLanes.empty()) {
        QStringList names;
        for (const TaskLane &lane : trace.taskLanes)
            names << LaneNames::english(lane);
        out += row(QStringLiteral("Lanes:"), names.join(QStringLiteral(", ")));
    }
    if (!jobs.empty()) {
        int done = 0;
        int failed = 0;
        for (const JobRecord &j : jobs) {
            done += j.status == JobStatus::Done ? 1 : 0;
            failed += j.status == JobStatus::Failed ? 1 : 0;
        }
        out += row(QStringLiteral("Background jobs (done / failed / other):"),
            QStringLiteral("%1 / %2 / %3").arg(done).arg(failed).arg(int(jobs.size()) - done - failed));
        const JobBoard board(trace);
        if (board.polled())
            out += row(QStringLiteral("Status board read by the client:"),
                board.pollIntervalNs() > 0 ? QStringLiteral("%1 times, every %2 ms")
                                                 .arg(board.polls().size())
                                                 .arg(num(double(board.pollIntervalNs()) / 1e6, 0))
                                           : QStringLiteral("once"));
    }
    if (wallS > 0 && trace.requests.empty())
        out += row(QStringLiteral("Wall time (s):"), num(wallS, 3));
    return out;
}

QString loadDescription(const RunTrace &trace)
{
    const Scenario &sc = trace.scenario;
    QString load = executionModeName(sc.mode);
    const bool cpuOnly = sc.cpuTasksOnly();
    if (cpuOnly)
        return load
            + QStringLiteral(", %1 CPU tasks of %2 ms, no requests").arg(sc.requests).arg(sc.cpuTaskMs);
    if (sc.mode == ExecutionMode::ParallelBlocking || sc.mode == ExecutionMode::BackgroundJobs)
        load += QStringLiteral(", %1 blocking workers").arg(sc.workers);
    if (sc.mode != ExecutionMode::Sequential)
        load += QStringLiteral(", concurrency %1").arg(sc.concurrency);
    if (sc.cpuTaskMs > 0)
        load += sc.mode == ExecutionMode::Mixed
            ? QStringLiteral(", %1 ms of CPU per response on QtConcurrent").arg(sc.cpuTaskMs)
            : QStringLiteral(", %1 ms of CPU per response on the same thread").arg(sc.cpuTaskMs);
    const WorkloadSettings &w = sc.workload;
    if (trace.replayedRows > 0)
        load += QStringLiteral(", replay of %1 timestamped rows at time scale %2 (open loop)")
                    .arg(trace.replayedRows)
                    .arg(w.timeScale);
    else if (sc.rate > 0)
        load += QStringLiteral(", open loop %1 req/s (burstiness %2)").arg(sc.rate).arg(sc.burstiness);
    if (w.sessionRun()) {
        load += w.dataset.isEmpty() ? QStringLiteral(", %1 sessions of %2 turns").arg(w.sessions).arg(w.turns)
                                    : QStringLiteral(", the dataset's conversations as sessions");
        if (!w.thinkTime.isEmpty())
            load += QStringLiteral(", think time %1 ms").arg(w.thinkTime);
    }
    return load;
}

} // namespace

QString formatSummary(const RunTrace &trace, const Summary &s, const QList<double> &ranks)
{
    const Scenario &sc = trace.scenario;
    QString out;
    out += QStringLiteral("==================== BurgerBench result ====================\n");
    out += row(QStringLiteral("Scenario:"), sc.name);
    const bool cpuOnly = sc.cpuTasksOnly();
    if (cpuOnly)
        out += row(QStringLiteral("Target:"), QStringLiteral("none (CPU tasks only)"));
    else
        out += row(QStringLiteral("Target:"),
            sc.usesSimulator() ? QStringLiteral("built-in simulator (%1)").arg(trace.targetUrl)
                               : trace.targetUrl);
    if (sc.tlsInsecure)
        out += row(
            QStringLiteral("TLS:"), QStringLiteral("INSECURE: certificates not verified (--insecure)"));
    else if (!sc.tlsCaFile.isEmpty())
        out += row(QStringLiteral("TLS:"), QStringLiteral("also trusting the CAs of %1").arg(sc.tlsCaFile));
    out += row(QStringLiteral("Load:"), loadDescription(trace));
    if (!trace.datasetNote.isEmpty())
        out += row(QStringLiteral("Dataset:"), trace.datasetNote);
    out += formatWork(trace);
    if (cpuOnly) {
        out += QStringLiteral("=============================================================\n");
        return out;
    }
    out += row(QStringLiteral("Definitions:"), s.definitions);
    if (!trace.abortReason.isEmpty())
        out += row(QStringLiteral("Aborted:"), trace.abortReason);
    out += row(QStringLiteral("Sent / completed / failed / incomplete:"),
        QStringLiteral("%1 / %2 / %3 / %4").arg(s.sent).arg(s.completed).arg(s.failed).arg(s.incomplete));
    out += row(QStringLiteral("Duration (s):"), num(s.durationS));
    out += row(QStringLiteral("Request throughput (req/s):"), num(s.requestThroughput));
    // No success: no token figure to print (zeros would read as a measured 0 tok/s).
    const bool tokens = s.tokenFigures();
    if (tokens) {
        out += row(QStringLiteral("Output token throughput (tok/s):"), num(s.outputThroughput));
        out += row(QStringLiteral("Total token throughput (tok/s):"), num(s.totalTokenThroughput));
    } else {
        out += row(QStringLiteral("Token figures:"), QStringLiteral("none: no request succeeded"));
    }
    if (sc.slo.any())
        out += row(QStringLiteral("Goodput (req/s):"), num(s.goodput));
    out += row(QStringLiteral("Peak concurrency (measured):"), QString::number(s.peakConcurrency));
    if (tokens) {
        out += row(QStringLiteral("Peak output tokens/s (1 s bucket):"), num(s.peakTokensPerS, 0));
        out += row(QStringLiteral("Output tokens counted from:"),
            s.outputTokensFromUsage ? QStringLiteral("server usage")
                                    : QStringLiteral("token events (no usage sent)"));
    }
    if (s.tokenCountMismatch > 0) // the usage disagrees with the token events: TPOT and ITL differ
        out += row(QStringLiteral("Usage disagrees with token events:"),
            QStringLiteral("%1 of %2 successes (requests[].token_count_mismatch)")
                .arg(s.tokenCountMismatch)
                .arg(s.completed));
    if (sc.workload.active()) {
        const TokenModel &t = sc.workload.tokens;
        out += row(QStringLiteral("Prompt lengths counted by:"),
            QStringLiteral("%1 (%2 bytes/token + %3)")
                .arg(countSourceName(t.source))
                .arg(t.bytesPerToken, 0, 'f', 3)
                .arg(t.overheadTokens, 0, 'f', 1));
        out += row(QStringLiteral("Stopped early (< max_tokens):"), QString::number(s.stoppedEarly));
    }
    const bool reasoning = s.reasoningEvents > 0 || s.reasoningTokens > 0;
    if (reasoning) // reasoning deltas: token events (TTFT counts the first), reported apart too
        out += row(QStringLiteral("Reasoning events / tokens (usage):"),
            QStringLiteral("%1 / %2")
                .arg(s.reasoningEvents)
                .arg(s.reasoningTokens < 0 ? QStringLiteral("-") : QString::number(s.reasoningTokens)));
    if (!s.errors.isEmpty()) {
        QStringList parts;
        for (auto it = s.errors.begin(); it != s.errors.end(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        out += row(QStringLiteral("Errors and cut-offs by kind:"), parts.join(QStringLiteral(", ")));
    }

    // Whether this client limited what it measured (METRICS.md, "Client busy").
    if (s.client.measured) {
        const QString figures
            = QStringLiteral("engine thread busy %1% of its busiest second, loop lag p99 %2 ms")
                  .arg(num(s.client.busyMax * 100, 0))
                  .arg(num(s.client.loopLagP99Ms, 1));
        out += row(QStringLiteral("Client (this machine):"),
            s.clientLimit.limited
                ? QStringLiteral("LIMITED the measurement: %1; the figures are upper bounds of what the "
                                 "server did")
                      .arg(s.clientLimit.reason)
                : figures + QStringLiteral(": not limiting"));
    }

    const ServerMetricsRecord &server = trace.serverMetrics;
    if (server.enabled()) {
        out += row(QStringLiteral("Server metrics scraped:"),
            QStringLiteral("%1 scrapes every %2 ms, %3 failed, %4 late (%5%6)")
                .arg(server.scrapes)
                .arg(server.intervalMs)
                .arg(server.failedScrapes)
                .arg(server.lateTicks)
                .arg(server.url, server.server.isEmpty() ? QString() : QStringLiteral(", ") + server.server));
    }
    if (!tokens) {
        out += QStringLiteral("\nNo successful request: no TTFT, TPOT, ITL or E2EL to give.\n");
        out += QStringLiteral("=============================================================\n");
        return out;
    }
    out += QStringLiteral("\n%1").arg(QStringLiteral("latency (ms)"), -22);
    QStringList columns { QStringLiteral("mean"), QStringLiteral("median"), QStringLiteral("std") };
    for (double r : ranks)
        columns << rankLabel(r);
    columns << QStringLiteral("n");
    for (const QString &c : columns)
        out += c.rightJustified(10, u' ');
    out += u'\n';
    auto line = [&](const QString &label, const Distribution &d) {
        out += label.leftJustified(22, u' ');
        out += num(d.mean).rightJustified(10, u' ');
        out += num(d.median).rightJustified(10, u' ');
        out += num(d.stddev).rightJustified(10, u' ');
        for (double r : ranks)
            out += num(d.percentile(r)).rightJustified(10, u' ');
        out += QString::number(d.count).rightJustified(10, u' ');
        out += u'\n';
    };
    line(QStringLiteral("TTFT"), s.ttft);
    // The server's own TTFT (its histogram's buckets over the run): what the network and the client
    // add is the difference. Percentiles are interpolated inside a bucket; no std from buckets.
    ServerHistogramWindow serverTtft;
    if (runHistogramWindow(server, QStringLiteral("ttft"), trace.measuredStartNs, &serverTtft)
        && serverTtft.count > 0) {
        out += QStringLiteral("TTFT (server)").leftJustified(22, u' ');
        out += num(serverTtft.mean() * 1e3).rightJustified(10, u' ');
        out += num(serverTtft.quantile(0.5) * 1e3).rightJustified(10, u' ');
        out += QStringLiteral("-").rightJustified(10, u' ');
        for (double r : ranks)
            out += num(serverTtft.quantile(r / 100) * 1e3).rightJustified(10, u' ');
        out += QString::number(qint64(serverTtft.count)).rightJustified(10, u' ');
        out += u'\n';
    }
    line(QStringLiteral("TPOT"), s.tpot);
    line(QStringLiteral("ITL"), s.itl);
    line(QStringLiteral("E2EL"), s.e2el);
    line(QStringLiteral("queue (extra)"), s.queue);
    line(QStringLiteral("TTFB (extra)"), s.ttfb);
    if (reasoning) // time to the first answer token, after the reasoning
        line(QStringLiteral("first content (extra)"), s.firstContent);
    if (!s.perTurn.empty()) {
        // A multi-turn run: every session's k-th turn. With a prefix cache, a later turn's TTFT
        // should not grow with the history it carries.
        out += QStringLiteral("\n%1").arg(QStringLiteral("per turn (ms)"), -22);
        for (const char *c : { "sent", "done", "TTFT p50", "TTFT p99", "E2EL p50", "E2EL p99" })
            out += QString::fromLatin1(c).rightJustified(10, u' ');
        out += u'\n';
        for (const TurnSummary &t : s.perTurn) {
            out += QStringLiteral("turn %1").arg(t.turn + 1).leftJustified(22, u' ');
            out += QString::number(t.sent).rightJustified(10, u' ');
            out += QString::number(t.completed).rightJustified(10, u' ');
            out += num(t.ttft.percentile(50)).rightJustified(10, u' ');
            out += num(t.ttft.percentile(99)).rightJustified(10, u' ');
            out += num(t.e2el.percentile(50)).rightJustified(10, u' ');
            out += num(t.e2el.percentile(99)).rightJustified(10, u' ');
            out += u'\n';
        }
    }
    out += QStringLiteral("=============================================================\n");
    return out;
}

} // namespace BurgerBench::Cli
