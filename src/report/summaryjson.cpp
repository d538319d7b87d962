#include "report/summaryjson.h"

#include "report/atomicfile.h"
#include "report/thresholdverdict.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace BurgerBench {

namespace SummaryJson {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject distribution(const Distribution &d)
{
    QJsonObject o;
    o.insert(QStringLiteral("count"), d.count);
    const bool any = d.count > 0;
    o.insert(QStringLiteral("mean"), any ? number(d.mean) : QJsonValue());
    o.insert(QStringLiteral("median"), any ? number(d.median) : QJsonValue());
    o.insert(QStringLiteral("std"), any ? number(d.stddev) : QJsonValue());
    o.insert(QStringLiteral("min"), any ? number(d.min) : QJsonValue());
    o.insert(QStringLiteral("max"), any ? number(d.max) : QJsonValue());
    for (qsizetype i = 0; i < d.percentileRanks.size() && i < d.percentileValues.size(); ++i)
        o.insert(QStringLiteral("p%1").arg(d.percentileRanks.at(i)),
            any ? number(d.percentileValues.at(i)) : QJsonValue());
    return o;
}

} // namespace

QJsonObject clientToJson(const Summary &summary)
{
    const ClientSaturation &c = summary.client;
    const QJsonValue none(QJsonValue::Null);
    QJsonObject o;
    o.insert(QStringLiteral("measured"), c.measured);
    o.insert(QStringLiteral("busy_max"), c.measured ? number(c.busyMax) : none);
    o.insert(QStringLiteral("busy_mean"), c.measured ? number(c.busyMean) : none);
    o.insert(QStringLiteral("loop_lag_p99_ms"), c.measured ? number(c.loopLagP99Ms) : none);
    o.insert(QStringLiteral("loop_lag_max_ms"), c.measured ? number(c.loopLagMaxMs) : none);
    o.insert(QStringLiteral("dispatch_late_p99_ms"), number(c.dispatchLateP99Ms));
    o.insert(QStringLiteral("client_limited"), summary.clientLimit.limited);
    o.insert(QStringLiteral("reason"),
        summary.clientLimit.limited ? QJsonValue(summary.clientLimit.reason) : none);
    return o;
}

QJsonObject toJson(const RunTrace &trace, const Summary &summary, const QList<Threshold> &thresholds)
{
    const bool completed = !trace.cancelled && trace.abortReason.isEmpty();
    QJsonObject run;
    run.insert(QStringLiteral("completed"), completed);
    run.insert(QStringLiteral("cancelled"), trace.cancelled);
    run.insert(QStringLiteral("abort_reason"), trace.abortReason);
    run.insert(QStringLiteral("scenario"), trace.scenario.name);
    run.insert(QStringLiteral("target"), trace.targetUrl); // never holds credentials (RunTrace)
    run.insert(QStringLiteral("started_at"),
        trace.startedAt.isValid() ? QJsonValue(trace.startedAt.toUTC().toString(Qt::ISODateWithMs))
                                  : QJsonValue());
    run.insert(QStringLiteral("definitions"), summary.definitions);

    QJsonObject s;
    s.insert(QStringLiteral("sent"), summary.sent);
    s.insert(QStringLiteral("completed"), summary.completed);
    s.insert(QStringLiteral("failed"), summary.failed);
    s.insert(QStringLiteral("incomplete"), summary.incomplete);
    s.insert(QStringLiteral("duration_s"), number(summary.durationS));
    s.insert(QStringLiteral("request_throughput"), number(summary.requestThroughput));
    // No success: no token figure (null, not 0 tok/s).
    const bool tokens = summary.tokenFigures();
    s.insert(QStringLiteral("output_throughput"), tokens ? number(summary.outputThroughput) : QJsonValue());
    s.insert(QStringLiteral("total_token_throughput"),
        tokens ? number(summary.totalTokenThroughput) : QJsonValue());
    s.insert(QStringLiteral("goodput"), number(summary.goodput));
    s.insert(QStringLiteral("total_prompt_tokens"), summary.totalPromptTokens);
    s.insert(QStringLiteral("total_output_tokens"), summary.totalOutputTokens);
    s.insert(QStringLiteral("output_tokens_from_usage"),
        tokens ? QJsonValue(summary.outputTokensFromUsage) : QJsonValue());
    s.insert(QStringLiteral("token_count_mismatch"), summary.tokenCountMismatch);
    s.insert(QStringLiteral("peak_concurrency"), summary.peakConcurrency);
    s.insert(QStringLiteral("error_rate"),
        summary.sent > 0 ? QJsonValue(double(summary.failed) / summary.sent) : QJsonValue());
    QJsonObject errors;
    for (auto it = summary.errors.cbegin(); it != summary.errors.cend(); ++it)
        errors.insert(it.key(), it.value());
    s.insert(QStringLiteral("errors"), errors);
    s.insert(QStringLiteral("ttft_ms"), distribution(summary.ttft));
    s.insert(QStringLiteral("tpot_ms"), distribution(summary.tpot));
    s.insert(QStringLiteral("itl_ms"), distribution(summary.itl));
    s.insert(QStringLiteral("e2el_ms"), distribution(summary.e2el));
    s.insert(QStringLiteral("queue_ms"), distribution(summary.queue));
    s.insert(QStringLiteral("ttfb_ms"), distribution(summary.ttfb));
    s.insert(QStringLiteral("schedule_latency_ms"), distribution(summary.scheduleLatency));
    s.insert(QStringLiteral("first_content_token_ms"), distribution(summary.firstContent));
    s.insert(QStringLiteral("reasoning_events"), summary.reasoningEvents);
    s.insert(QStringLiteral("reasoning_tokens"),
        summary.reasoningTokens < 0 ? QJsonValue() : QJsonValue(summary.reasoningTokens));
    s.insert(QStringLiteral("client"), clientToJson(summary));
    if (!summary.perTurn.empty()) { // a multi-turn run: by turn index, 0-based
        QJsonArray turns;
        for (const TurnSummary &t : summary.perTurn) {
            turns.append(QJsonObject { { QStringLiteral("turn"), t.turn }, { QStringLiteral("sent"), t.sent },
                { QStringLiteral("completed"), t.completed },
                { QStringLiteral("ttft_ms"), distribution(t.ttft) },
                { QStringLiteral("e2el_ms"), distribution(t.e2el) } });
        }
        s.insert(QStringLiteral("per_turn"), turns);
    }

    QJsonArray rules;
    bool allPassed = true;
    for (const ThresholdVerdict &v : ThresholdVerdicts::evaluate(thresholds, summary)) {
        allPassed = allPassed && v.passed;
        QJsonObject r;
        r.insert(QStringLiteral("rule"), v.rule.text);
        r.insert(QStringLiteral("metric"), v.rule.metric);
        r.insert(QStringLiteral("statistic"),
            v.rule.statistic.isEmpty() ? QJsonValue() : QJsonValue(v.rule.statistic));
        r.insert(QStringLiteral("op"), ThresholdVerdicts::opText(v.rule.op));
        r.insert(QStringLiteral("limit"), number(v.rule.value));
        r.insert(QStringLiteral("measured"), number(v.measured));
        const QString unit = ThresholdVerdicts::unit(v.rule);
        // limit and measured are in the base unit: ms, a fraction for error_rate.
        r.insert(QStringLiteral("unit"), unit == QLatin1String("%") ? QStringLiteral("fraction") : unit);
        r.insert(QStringLiteral("passed"), v.passed);
        r.insert(QStringLiteral("message"), v.message());
        rules.append(r);
    }

    QJsonObject root;
    root.insert(QStringLiteral("schema"), QStringLiteral("burgerbench.summary/1"));
    root.insert(QStringLiteral("version"), QStringLiteral(BURGERBENCH_VERSION));
    root.insert(QStringLiteral("run"), run);
    root.insert(QStringLiteral("summary"), s);
    root.insert(QStringLiteral("thresholds"), rules);
    root.insert(QStringLiteral("passed"), completed && allPassed);
    return root;
}

QByteArray toBytes(const RunTrace &trace, const Summary &summary, const QList<Threshold> &thresholds)
{
    return QJsonDocument(toJson(trace, summary, thresholds)).toJson(QJsonDocument::Indented);
}

bool write(const QString &path, const RunTrace &trace, const Summary &summary,
    const QList<Threshold> &thresholds, QString *error)
{
    return writeFileAtomically(path, toBytes(trace, summary, thresholds), error);
}

} // namespace SummaryJson

} // namespace BurgerBench
