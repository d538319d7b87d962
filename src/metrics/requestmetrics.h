#pragma once

#include <QtGlobal>

#include <vector>

namespace BurgerBench {

struct RequestRecord;
class TokenTimes;

// One request's latencies, each defined here and nowhere else (METRICS.md): the summary, the
// comparison, the CSV, the live statistics, the details pane and the story all read these
// instead of subtracting timestamps themselves, so the definitions cannot drift apart at the
// edges (no token, one token, non-streaming, a request that never started).
//
// They describe the request's final attempt whatever its outcome: a failed stream still has a
// TTFT to show in the details pane. Which requests a *statistic* pools is a separate rule,
// countsInLatencies() (METRICS.md item 10). All values are ns on the run's clock; -1 = not
// defined for this request (the moment did not happen, or the metric does not apply).
namespace RequestMetrics {

// METRICS.md items 10-11: a measured (not warm-up) success with a start. Only these enter a
// latency statistic.
bool countsInLatencies(const RequestRecord &r);

// Item 5: first token event - request start. Absent for a non-streaming run (`stream` false) and
// for a stream that carried no token event.
qint64 ttftNs(const RequestRecord &r, bool stream);
// Item 6: last token event - request start for a stream; response fully read (endNs) - start
// for a non-streaming request. A stream without token events has none.
qint64 e2elNs(const RequestRecord &r, bool stream);
// Item 9: (E2EL - TTFT) / (output tokens - 1), in ms, only with output tokens > 1; NaN otherwise.
double tpotMs(const RequestRecord &r, bool stream);
// Item 7: each gap between consecutive token events (one event with several tokens = one gap).
std::vector<qint64> itlGapsNs(const RequestRecord &r);
std::vector<qint64> itlGapsNs(const TokenTimes &tokenNs);
// The widest of those gaps, -1 with fewer than two token events.
qint64 maxItlNs(const RequestRecord &r);
// Item 2: the wait at the client's gates, dispatch - intended.
qint64 queueNs(const RequestRecord &r);
// Extra: time to first content token, the first token event carrying answer text (not
// reasoning, not a role-only chunk) - start; streams only, as TTFT.
qint64 firstContentNs(const RequestRecord &r, bool stream);
// Extra: time to first byte, first readyRead - start.
qint64 ttfbNs(const RequestRecord &r);
// Extra: schedule-relative latency, end - intended start (the wrk2 view).
qint64 scheduleLatencyNs(const RequestRecord &r);

// A streamed success whose usage (completion_tokens, or the Responses API's output_tokens)
// disagrees with the token events it sent: TPOT divides by the usage, ITL counts the events, so
// the two then tell different stories (usage 9 over 5 events: TPOT 21 ms against ITL 40 ms). Not
// a mismatch: up to two events more than the usage (a role-only first chunk and a finish-only
// last chunk are token events without a token, METRICS.md item 4), and reasoning the server
// counted in its usage but did not stream (usage - reasoning_tokens then matches the events).
// False without usage (the events are the count) and for a non-streaming request (no events).
bool tokenCountMismatch(const RequestRecord &r, bool stream);

// ns as (fractional) milliseconds, the unit every statistic is reported in; NaN for -1.
double toMs(qint64 ns);

} // namespace RequestMetrics

} // namespace BurgerBench
