#pragma once

#include "scenario/scenario.h"
#include "trace/jobrecord.h"
#include "trace/overlap.h" // the one sweep over a trace's intervals, for every reader of a trace
#include "trace/servermetrics.h"
#include "trace/tokentimes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace BurgerBench {

// How a request ended. Incomplete = cut off by the end of the run, a user cancel or fail-fast;
// it is neither a success nor a failure (METRICS.md item 10).
enum class Outcome : quint8 { Pending, InFlight, Success, Failed, Incomplete };

// Why a request failed (or was cut off). The report key is errorKindName(kind, httpStatus),
// e.g. "http_429", "timeout_idle", "connection_reset".
enum class ErrorKind : quint8 {
    None,
    Http, // non-2xx status; the key carries the code
    ConnectionRefused,
    HostNotFound,
    Tls,
    ConnectionReset, // the peer closed or reset the connection before the response was complete
    Network, // any other transport error
    TimeoutTotal, // our total deadline
    TimeoutIdle, // our inactivity timeout
    StreamError, // an in-stream {"error": ...} payload or `event: error`
    MalformedChunk, // an SSE data payload that is not JSON
    MissingDone, // the stream ended without data: [DONE]
    NoTokens, // a 2xx response that carried no token event
    BadResponse, // a non-streaming body that is not an OpenAI completion
    ResponseTooLarge, // more bytes than the configured cap
    Cancelled, // user cancel (outcome Incomplete)
    FailFast, // cancelled because another request failed under fail-fast (Incomplete)
    RunEnded, // still in flight when the run's duration ended (Incomplete)
    // Issue 15: the exact kinds (appended, so a kind's number never changes).
    BadStatusLine, // the response does not start with `HTTP/1.x NNN`
    ChunkedEncoding, // a broken chunked body: a bad chunk size, a missing CRLF, a bad trailer
    HeadersTooLarge, // the response head over our limits (fields, bytes per line, bytes in all)
    Redirect, // a 3xx with a Location: never followed; httpStatus keeps the code
    EventTooLarge, // one SSE line or event (or a body line) longer than target.max_event_bytes
    BufferBudget, // the run's in-flight buffers over target.max_buffered_bytes; this one held most
};
constexpr ErrorKind LastErrorKind = ErrorKind::BufferBudget;

QString errorKindName(ErrorKind kind, int httpStatus = 0);
QString outcomeName(Outcome outcome);
// Inverses, for reading saved reports; false for an unknown name.
bool errorKindFromName(const QString &name, ErrorKind *kind, int *httpStatus);
bool outcomeFromName(const QString &name, Outcome *outcome);

// An earlier attempt of a request that was retried. Times are ns from the run start.
struct AttemptRecord
{
    qint64 startNs = -1;
    qint64 endNs = -1;
    int httpStatus = 0;
    ErrorKind error = ErrorKind::None;
    QString message;
    // (Last, so brace-initialised records keep their order.) How long the request then waited (backoff or
    // Retry-After) before its next attempt went out, measured: the next attempt starts at endNs + waitNs. A
    // duration, not a moment, so merging runs (which shifts moments) leaves it alone. -1 while still waiting,
    // for a request cut off in the wait, and in reports written before it was recorded.
    qint64 waitNs = -1;
};

// Everything measured about one request. All times are ns on the run's monotonic clock
// (METRICS.md item 1), -1 when the moment did not happen. The scalar fields describe the
// final attempt; earlier attempts are in `attempts`. Token times are one flat vector per
// request, not one object per token.
struct RequestRecord
{
    quint32 index = 0;
    QByteArray id; // the X-Request-Id header sent
    bool warmup = false;
    qint32 lane = -1; // engine slot (connection-pool lane) or worker thread
    qint64 intendedNs = -1; // when the schedule wanted it sent (open loop) or it became eligible
    qint64 dispatchNs = -1; // request start: after the client-side gates, just before the POST
    qint64 sentNs = -1; // request body fully handed to the socket (uploadProgress)
    qint64 headersNs = -1; // response headers (metaDataChanged)
    qint64 firstByteNs = -1; // first readyRead
    qint64 endNs = -1; // settled: finished, failed or cut off
    TokenTimes tokenNs; // each token event (METRICS.md item 4), 4 bytes each
    int httpStatus = 0;
    Outcome outcome = Outcome::Pending;
    ErrorKind error = ErrorKind::None;
    QString errorMessage;
    qint32 promptTokens = -1; // usage.prompt_tokens if sent, else the planned prompt length
    qint32 outputTokens = -1; // usage.completion_tokens if sent, else the token event count
    bool outputTokensFromUsage = false;
    bool promptTokensFromUsage = false;
    qint32 cachedTokens = -1; // usage.prompt_tokens_details.cached_tokens, -1 when not sent
    // Reasoning (chat's delta.reasoning_content / delta.reasoning, the Responses API's reasoning
    // deltas): those token events are in tokenNs like any other (TTFT counts the first, as vLLM
    // does) and counted here too; reasoningTokens is the usage's reasoning_tokens, -1 when not
    // sent. firstContentNs: the first token event carrying answer text (not reasoning, not a
    // role-only chunk), -1 when none did or the request was not streamed.
    qint32 reasoningEvents = 0;
    qint32 reasoningTokens = -1;
    qint64 firstContentNs = -1;
    // What a workload (workload/requestplan.h) asked for: the prompt length in the target's
    // tokens and max_tokens; -1 for a run without a workload (or a prompt given as text).
    qint32 askedInputTokens = -1;
    qint32 askedOutputTokens = -1;
    // A multi-turn run's conversation (0-based session) and the request's 0-based turn in it;
    // -1 for a request of its own.
    qint32 session = -1;
    qint32 turn = -1;
    qint32 retries = 0;
    std::vector<AttemptRecord> attempts;
    QString text; // streamed text, capped (Scenario::keepTextBytes)

    bool settled() const
    {
        return outcome == Outcome::Success || outcome == Outcome::Failed || outcome == Outcome::Incomplete;
    }
    // A success that produced fewer output tokens than the max_tokens its workload asked for (an
    // EOS before the limit). Counted and flagged; it stays in every percentile.
    bool stoppedEarly() const
    {
        return outcome == Outcome::Success && askedOutputTokens > 0 && outputTokens >= 0
            && outputTokens < askedOutputTokens;
    }
    qint64 firstTokenNs() const { return tokenNs.empty() ? -1 : tokenNs.front(); }
    qint64 lastTokenNs() const { return tokenNs.empty() ? -1 : tokenNs.back(); }
};

// A closed interval on one lane, e.g. event-loop busy time or a CPU task.
struct Span
{
    qint64 startNs = 0;
    qint64 endNs = 0;
};

// What a task's time was: a thread computing, or a thread held while it only waited (a blocking
// call). Reports name them "cpu" and "blocked_io".
enum class TaskKind : quint8 { CpuWork, HeldWaiting };

// A unit of CPU work (parallel models, post-processing), or a blocking worker holding a request.
// Which kind of thread a task lane is. Reports and the UI name it through trace/lanenames.h;
// nobody decides anything from the name.
enum class LaneKind : quint8 { EventLoop, Pool, Worker, JobWorker };

// A row of RunTrace::taskLanes: the event loop, a QtConcurrent pool thread, a blocking worker
// (cashier-cook) or a background-job worker.
struct TaskLane
{
    LaneKind kind = LaneKind::Worker;
    qint32 number = 1; // 1-based as shown ("worker 1"); 1 for the event loop
    qint32 run = 0; // a merged report: the 1-based run the lane came from; 0 if not merged

    friend bool operator==(const TaskLane &a, const TaskLane &b)
    {
        return a.kind == b.kind && a.number == b.number && a.run == b.run;
    }
    friend bool operator!=(const TaskLane &a, const TaskLane &b) { return !(a == b); }
};

struct TaskRecord
{
    qint32 request = -1; // index into RunTrace::requests, -1 if none
    qint32 lane = -1; // index into RunTrace::taskLanes
    TaskKind kind = TaskKind::CpuWork;
    qint64 queuedNs = -1;
    qint64 startNs = -1;
    qint64 endNs = -1;
    // (Last, so brace-initialised records keep their order.) CPU work: the thread CPU time the task
    // actually got between its start and end (CLOCK_THREAD_CPUTIME_ID), a duration in ns. Less
    // than the wall span when the thread waited for a core (other programs, more threads than
    // cores). -1 when not measured: a held wait, a task still running, a report written before.
    qint64 cpuNs = -1;
};

struct LagSample
{
    qint64 atNs = 0;
    qint64 lagNs = 0; // how late a periodic timer on the network thread fired
};

// The recorded run: the single source every metric, view and report reads.
struct RunTrace
{
    Scenario scenario;
    QString targetUrl; // without credentials
    QString definitions = QStringLiteral("vllm-compatible");
    QDateTime startedAt; // wall-clock label only
    // CLOCK_MONOTONIC (ns) at this trace's zero, -1 if unknown: aligns the trace with another clock
    // of the same host, e.g. the simulator's ground truth (GET /sim/stats clock_origin_monotonic_ns).
    qint64 clockOriginMonotonicNs = -1;
    qint64 measuredStartNs = -1; // METRICS.md item 11: just before the first measured dispatch
    qint64 endNs = -1; // the last measured request settled
    bool cancelled = false;
    QString abortReason;
    // > 0: the measured requests were a replay, sent at this many timestamped dataset rows' times
    // (workload.replay), not by the load mode's own arrivals.
    int replayedRows = 0;
    // A dataset run: what was read, e.g. "orders.csv (csv): 12 of 12 rows kept" (Dataset::Stats).
    QString datasetNote;

    std::vector<RequestRecord> requests;
    std::vector<Span> loopBusy; // event-loop thread busy spans (awake .. aboutToBlock)
    std::vector<LagSample> loopLag;
    std::vector<TaskLane> taskLanes; // worker lanes (worker 1, QtConcurrent 2, ...); names: trace/lanenames.h
    std::vector<TaskRecord> tasks;
    int cpuCount = 0;
    std::vector<JobRecord> jobs; // background jobs (mode background-jobs), in submission order
    // Background jobs: the moments the client read the status board (each poll reads every job's
    // status), in order. What the client knew between two polls is what the earlier one saw.
    std::vector<qint64> jobPollsNs;
    ServerMetricsRecord serverMetrics; // the server's own /metrics, scraped during the run (if asked)
};

} // namespace BurgerBench
