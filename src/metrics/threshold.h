#pragma once

#include <QString>

namespace BurgerBench {

struct Summary;

// A pass/fail rule of `--fail-if`, e.g. "ttft.p99>500ms", "e2el.mean>=2s", "failed>0",
// "error_rate>1%", "request_throughput<10". Distribution metrics: ttft, tpot, itl, e2el, queue,
// ttfb, schedule_latency with a statistic (mean, median, std, min, max, pNN); durations take
// us, ms (default) or s. Scalars: completed, failed, incomplete, sent, error_rate (failed / sent,
// as a fraction or with %), request_throughput, output_throughput, total_token_throughput,
// goodput, peak_concurrency, duration_s, client_busy (the engine thread's busiest second, as a
// fraction or with %) and client_limited (1 when the client limited the measurement).
struct Threshold
{
    enum class Op { Greater, GreaterEqual, Less, LessEqual, Equal, NotEqual };
    QString text; // as the user wrote it
    QString metric; // e.g. "ttft"
    QString statistic; // e.g. "p99"; empty for scalars
    Op op = Op::Greater;
    double value = 0; // in the metric's base unit (ms for durations)

    static bool parse(const QString &text, Threshold *out, QString *error);
    // The measured value, NaN if the run has no such sample (e.g. no successful request).
    double measure(const Summary &summary) const;
    // True when the rule is violated, i.e. the run must fail. A rule on a NaN measurement fails.
    bool violated(const Summary &summary, double *measured = nullptr) const;
};

} // namespace BurgerBench
