#include "report/jsonreport.h"

#include "report/servermetricsjson.h"

#include "metrics/requestmetrics.h"
#include "report/atomicfile.h"
#include "report/jsonscan.h"
#include "report/secretscrub.h"
#include "report/summaryjson.h"
#include "trace/lanenames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <functional>
#include <optional>

namespace BurgerBench {
namespace JsonReport {

namespace {

QJsonValue nsValue(qint64 ns)
{
    return ns < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(ns);
}

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue errorValue(ErrorKind kind, int status)
{
    return kind == ErrorKind::None ? QJsonValue(QJsonValue::Null) : QJsonValue(errorKindName(kind, status));
}

QString taskKindName(TaskKind kind)
{
    return kind == TaskKind::HeldWaiting ? QStringLiteral("blocked_io") : QStringLiteral("cpu");
}

// ---- stable, diff-friendly text layout ------------------------------------------------------
// The top level and the summary are indented; each element of a long array (requests, tasks,
// spans) sits on its own line in compact form. QJsonObject keeps keys sorted, so the bytes
// depend only on the content.

QByteArray compact(const QJsonValue &v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray keyBytes(const QString &key)
{
    return compact(QJsonValue(key));
}

void writeIndented(QByteArray &out, const QJsonValue &v, int depth, int expandDepth)
{
    const QByteArray pad(2 * (depth + 1), ' ');
    const QByteArray closePad(2 * depth, ' ');
    if (v.isObject() && depth < expandDepth && !v.toObject().isEmpty()) {
        const QJsonObject o = v.toObject();
        out += "{\n";
        int i = 0;
        for (auto it = o.begin(); it != o.end(); ++it, ++i) {
            out += pad + keyBytes(it.key()) + ": ";
            writeIndented(out, it.value(), depth + 1, expandDepth);
            out += i + 1 < o.size() ? ",\n" : "\n";
        }
        out += closePad + '}';
    } else if (v.isArray() && depth < expandDepth && !v.toArray().isEmpty()) {
        const QJsonArray a = v.toArray();
        out += "[\n";
        for (qsizetype i = 0; i < a.size(); ++i) {
            out += pad + compact(a.at(i));
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        out += closePad + ']';
    } else {
        out += compact(v);
    }
}

// ---- reading --------------------------------------------------------------------------------

// The report's long arrays (requests, loop_busy, loop_lag, tasks, jobs): from a parsed object
// (fromJson) or walked element by element in the file's bytes (read: JsonScan).
struct ReportArrays
{
    const QJsonObject &head;
    JsonScan *scan = nullptr; // null: every array is in head

    bool isArray(const char *key) const
    {
        return (scan && scan->isStreamed(QLatin1String(key))) || head.value(QLatin1String(key)).isArray();
    }
    qsizetype count(const char *key) const
    {
        if (scan && scan->isStreamed(QLatin1String(key)))
            return scan->count(QLatin1String(key));
        return head.value(QLatin1String(key)).toArray().size();
    }
    // Each element in order; false when `visit` says so or (scan) an element is not valid JSON.
    bool forEach(const char *key, const std::function<bool(qsizetype, const QJsonValue &)> &visit) const
    {
        if (scan)
            return scan->forEach(QLatin1String(key), visit);
        const QJsonArray a = head.value(QLatin1String(key)).toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!visit(i, a.at(i)))
                return false;
        }
        return true;
    }
};

struct Reader
{
    QString error;

    bool fail(const QString &where, const QString &what)
    {
        if (error.isEmpty())
            error = where + QStringLiteral(": ") + what;
        return false;
    }

    bool ns(const QJsonObject &o, const char *key, const QString &where, qint64 *out)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            *out = -1;
            return true;
        }
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
            return fail(
                where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be an integer or null"));
        *out = v.toInteger();
        return true;
    }

    // A moment on the run's clock: an integer >= 0, or null when it did not happen. (A written
    // report holds no negative time: -1 is written as null, and merging shifts times forward.)
    bool time(const QJsonObject &o, const char *key, const QString &where, qint64 *out)
    {
        if (!ns(o, key, where, out))
            return false;
        if (o.value(QLatin1String(key)).isDouble() && *out < 0)
            return fail(where + QLatin1Char('.') + QLatin1String(key),
                QStringLiteral("%1 is negative: a time is ns from the run start, null when it did not happen")
                    .arg(*out));
        return true;
    }

    // A count (tokens, retries): an integer >= 0, or null (read as `missing`) when unknown.
    bool count(const QJsonObject &o, const char *key, const QString &where, qint32 *out, qint32 missing)
    {
        if (!integer<qint32>(o, key, where, out, missing))
            return false;
        if (o.value(QLatin1String(key)).isDouble() && *out < 0)
            return fail(where + QLatin1Char('.') + QLatin1String(key),
                QStringLiteral("%1 is negative: a count is 0 or more, null when unknown").arg(*out));
        return true;
    }

    // The request's moments in the order they happen: an end before the dispatch, token events
    // out of order or outside [dispatch, end] cannot come from a run (a hand-edited or corrupt
    // file), and would give negative or impossible latencies.
    bool ordered(const RequestRecord &r, const QString &where)
    {
        if (r.dispatchNs >= 0 && r.endNs >= 0 && r.endNs < r.dispatchNs)
            return fail(where + QStringLiteral(".end_ns"),
                QStringLiteral("%1 is before dispatch_ns (%2)").arg(r.endNs).arg(r.dispatchNs));
        auto inside = [&](qint64 t, const QString &field) {
            if ((r.dispatchNs >= 0 && t < r.dispatchNs) || (r.endNs >= 0 && t > r.endNs))
                return fail(where + QLatin1Char('.') + field,
                    QStringLiteral("%1 is outside the request's [dispatch_ns, end_ns] = [%2, %3]")
                        .arg(t)
                        .arg(r.dispatchNs < 0 ? QStringLiteral("null") : QString::number(r.dispatchNs),
                            r.endNs < 0 ? QStringLiteral("null") : QString::number(r.endNs)));
            return true;
        };
        for (size_t i = 0; i < r.tokenNs.size(); ++i) {
            const QString field = QStringLiteral("token_ns[%1]").arg(i);
            if (i > 0 && r.tokenNs[i] < r.tokenNs[i - 1])
                return fail(where + QLatin1Char('.') + field,
                    QStringLiteral("%1 is before token_ns[%2] (%3): token times never go back")
                        .arg(r.tokenNs[i])
                        .arg(i - 1)
                        .arg(r.tokenNs[i - 1]));
            if (!inside(r.tokenNs[i], field))
                return false;
        }
        if (r.firstContentNs >= 0 && !inside(r.firstContentNs, QStringLiteral("first_content_ns")))
            return false;
        for (size_t i = 0; i < r.attempts.size(); ++i) {
            const AttemptRecord &a = r.attempts[i];
            if (a.startNs >= 0 && a.endNs >= 0 && a.endNs < a.startNs)
                return fail(where + QStringLiteral(".attempts[%1].end_ns").arg(i),
                    QStringLiteral("%1 is before start_ns (%2)").arg(a.endNs).arg(a.startNs));
        }
        return true;
    }

    template<typename Int>
    bool integer(const QJsonObject &o, const char *key, const QString &where, Int *out, Int missing)
    {
        qint64 v = 0;
        if (!ns(o, key, where, &v))
            return false;
        *out = o.value(QLatin1String(key)).isDouble() ? Int(v) : missing;
        return true;
    }

    // task_lane_kinds if present; a report written before it has names only, read back here once
    // (the one place a lane name is parsed). An unknown name is refused without quoting it: a
    // name is free text and may carry what the scrubber would have removed.
    bool lanes(const QJsonObject &root, std::vector<TaskLane> *out)
    {
        const QJsonValue kinds = root.value(QLatin1String("task_lane_kinds"));
        if (!kinds.isUndefined()) {
            if (!kinds.isArray())
                return fail(QStringLiteral("task_lane_kinds"), QStringLiteral("not an array"));
            const QJsonArray a = kinds.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QString where = QStringLiteral("task_lane_kinds[%1]").arg(i);
                const QJsonObject o = a.at(i).toObject();
                TaskLane lane;
                const QString key = o.value(QLatin1String("kind")).toString();
                const std::optional<LaneKind> kind = LaneNames::kindFromKey(key);
                if (!kind)
                    return fail(where + QStringLiteral(".kind"),
                        QStringLiteral("must be event_loop, pool, worker or job_worker (got '%1')").arg(key));
                lane.kind = *kind;
                if (!integer<qint32>(o, "number", where, &lane.number, 0)
                    || !integer<qint32>(o, "run", where, &lane.run, 0))
                    return false;
                if (lane.number < 1 || lane.run < 0)
                    return fail(where, QStringLiteral("number must be 1 or more, run 0 or more"));
                out->push_back(lane);
            }
            return true;
        }
        const QJsonArray names = root.value(QLatin1String("task_lanes")).toArray();
        for (qsizetype i = 0; i < names.size(); ++i) {
            const std::optional<TaskLane> lane = LaneNames::fromRecordedName(names.at(i).toString());
            if (!lane)
                return fail(QStringLiteral("task_lanes[%1]").arg(i),
                    QStringLiteral("not a lane name BurgerBench writes (e.g. \"worker 1 (cashier-cook)\", "
                                   "\"QtConcurrent 2\", \"event loop (cashier)\", \"job worker 1\")"));
            out->push_back(*lane);
        }
        return true;
    }

    bool error_(const QJsonValue &v, const QString &where, ErrorKind *kind, int *status)
    {
        *kind = ErrorKind::None;
        if (v.isUndefined() || v.isNull())
            return true;
        int parsedStatus = 0;
        if (!v.isString() || !errorKindFromName(v.toString(), kind, &parsedStatus))
            return fail(where, QStringLiteral("unknown error kind '%1'").arg(v.toVariant().toString()));
        if (*kind == ErrorKind::Http)
            *status = parsedStatus;
        return true;
    }

    bool request(const QJsonObject &o, const QString &where, RequestRecord *r)
    {
        r->id = o.value(QLatin1String("id")).toString().toUtf8();
        qint64 index = 0;
        if (!ns(o, "index", where, &index) || index < 0)
            return fail(where + QStringLiteral(".index"), QStringLiteral("must be a non-negative integer"));
        r->index = quint32(index);
        r->warmup = o.value(QLatin1String("warmup")).toBool();
        if (!integer<qint32>(o, "lane", where, &r->lane, -1))
            return false;
        if (!time(o, "intended_ns", where, &r->intendedNs) || !time(o, "dispatch_ns", where, &r->dispatchNs)
            || !time(o, "sent_ns", where, &r->sentNs) || !time(o, "headers_ns", where, &r->headersNs)
            || !time(o, "first_byte_ns", where, &r->firstByteNs) || !time(o, "end_ns", where, &r->endNs))
            return false;
        const QJsonValue tokens = o.value(QLatin1String("token_ns"));
        if (!tokens.isUndefined() && !tokens.isNull() && !tokens.isArray())
            return fail(where + QStringLiteral(".token_ns"), QStringLiteral("must be an array of integers"));
        const QJsonArray tokenArray = tokens.toArray();
        r->tokenNs.clear();
        r->tokenNs.reserve(size_t(tokenArray.size()));
        for (const auto &t : tokenArray) {
            if (!t.isDouble() || t.toDouble() != std::floor(t.toDouble()))
                return fail(
                    where + QStringLiteral(".token_ns"), QStringLiteral("must be an array of integers"));
            if (t.toInteger() < 0)
                return fail(where + QStringLiteral(".token_ns[%1]").arg(r->tokenNs.size()),
                    QStringLiteral("%1 is negative: a time is ns from the run start").arg(t.toInteger()));
            r->tokenNs.push_back(t.toInteger());
        }
        if (!integer<int>(o, "status", where, &r->httpStatus, 0))
            return false;
        const QString outcome = o.value(QLatin1String("outcome")).toString();
        if (!outcomeFromName(outcome, &r->outcome))
            return fail(
                where + QStringLiteral(".outcome"), QStringLiteral("unknown outcome '%1'").arg(outcome));
        int status = r->httpStatus;
        if (!error_(o.value(QLatin1String("error")), where + QStringLiteral(".error"), &r->error, &status))
            return false;
        r->errorMessage = o.value(QLatin1String("error_message")).toString();
        if (!count(o, "prompt_tokens", where, &r->promptTokens, -1)
            || !count(o, "output_tokens", where, &r->outputTokens, -1)
            || !count(o, "retries", where, &r->retries, 0))
            return false;
        const QString source = o.value(QLatin1String("output_tokens_source")).toString();
        if (source != QLatin1String("usage") && source != QLatin1String("token_events") && !source.isEmpty())
            return fail(where + QStringLiteral(".output_tokens_source"),
                QStringLiteral("must be \"usage\" or \"token_events\" (got '%1')").arg(source));
        r->outputTokensFromUsage = source == QLatin1String("usage");
        // Workload fields (absent in reports of runs without one, and before them).
        r->promptTokensFromUsage
            = o.value(QLatin1String("prompt_tokens_source")).toString() == QLatin1String("usage");
        if (!count(o, "asked_input_tokens", where, &r->askedInputTokens, -1)
            || !count(o, "asked_output_tokens", where, &r->askedOutputTokens, -1)
            || !count(o, "cached_tokens", where, &r->cachedTokens, -1)
            || !integer<qint32>(o, "session", where, &r->session, -1)
            || !integer<qint32>(o, "turn", where, &r->turn, -1))
            return false;
        // Reasoning (absent without it, and in reports written before it was recorded).
        if (!count(o, "reasoning_events", where, &r->reasoningEvents, 0)
            || !count(o, "reasoning_tokens", where, &r->reasoningTokens, -1)
            || !time(o, "first_content_ns", where, &r->firstContentNs))
            return false;
        const QJsonArray attempts = o.value(QLatin1String("attempts")).toArray();
        r->attempts.clear();
        for (qsizetype i = 0; i < attempts.size(); ++i) {
            const QString w = where + QStringLiteral(".attempts[%1]").arg(i);
            const QJsonObject a = attempts.at(i).toObject();
            AttemptRecord rec;
            if (!time(a, "start_ns", w, &rec.startNs) || !time(a, "end_ns", w, &rec.endNs)
                || !integer<int>(a, "status", w, &rec.httpStatus, 0))
                return false;
            int attemptStatus = rec.httpStatus;
            if (!error_(a.value(QLatin1String("error")), w + QStringLiteral(".error"), &rec.error,
                    &attemptStatus))
                return false;
            // Older reports have no wait_ns: the wait before the next attempt then stays unknown.
            if (!ns(a, "wait_ns", w, &rec.waitNs))
                return false;
            rec.message = a.value(QLatin1String("message")).toString();
            r->attempts.push_back(rec);
        }
        r->text = o.value(QLatin1String("text")).toString();
        return ordered(*r, where);
    }

    bool pairs(ReportArrays &arrays, const char *key, std::vector<std::pair<qint64, qint64>> *out)
    {
        out->reserve(std::size_t(arrays.count(key)));
        return arrays.forEach(key, [&](qsizetype i, const QJsonValue &v) {
            const QJsonArray p = v.toArray();
            if (p.size() != 2 || !p.at(0).isDouble() || !p.at(1).isDouble())
                return fail(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i),
                    QStringLiteral("must be a pair of integers"));
            out->emplace_back(p.at(0).toInteger(), p.at(1).toInteger());
            return true;
        }) || scanFailed(arrays);
    }

    // A streamed array's element that is not JSON at all: the scan's error, as read() words it.
    bool scanFailed(const ReportArrays &arrays)
    {
        if (error.isEmpty() && arrays.scan)
            error = QStringLiteral("not valid JSON ") + arrays.scan->error();
        return false;
    }
};

} // namespace

QString schemaId()
{
    return QStringLiteral("burgerbench.run/1");
}

QString percentileKey(double rank)
{
    return QLatin1Char('p') + QString::number(rank, 'g', 12);
}

QJsonObject distributionToJson(const Distribution &d)
{
    QJsonObject o;
    o.insert(QLatin1String("count"), d.count);
    const bool empty = d.count == 0;
    auto value = [empty](double v) { return empty ? QJsonValue(QJsonValue::Null) : number(v); };
    o.insert(QLatin1String("mean"), value(d.mean));
    o.insert(QLatin1String("median"), value(d.median));
    o.insert(QLatin1String("std"), value(d.stddev));
    o.insert(QLatin1String("min"), value(d.min));
    o.insert(QLatin1String("max"), value(d.max));
    for (qsizetype i = 0; i < d.percentileRanks.size(); ++i) {
        const double v = i < d.percentileValues.size() ? d.percentileValues.at(i) : NAN;
        o.insert(percentileKey(d.percentileRanks.at(i)), value(v));
    }
    return o;
}

QJsonObject summaryToJson(const Summary &s)
{
    QJsonObject o;
    o.insert(QLatin1String("definitions"), s.definitions);
    o.insert(QLatin1String("sent"), s.sent);
    o.insert(QLatin1String("completed"), s.completed);
    o.insert(QLatin1String("failed"), s.failed);
    o.insert(QLatin1String("incomplete"), s.incomplete);
    o.insert(QLatin1String("duration_s"), number(s.durationS));
    o.insert(QLatin1String("request_throughput"), number(s.requestThroughput));
    // No success: no token figure (null, not 0 tok/s); the latency distributions are empty too.
    const QJsonValue none(QJsonValue::Null);
    o.insert(QLatin1String("output_throughput"), s.tokenFigures() ? number(s.outputThroughput) : none);
    o.insert(
        QLatin1String("total_token_throughput"), s.tokenFigures() ? number(s.totalTokenThroughput) : none);
    o.insert(QLatin1String("goodput"), number(s.goodput));
    o.insert(QLatin1String("peak_concurrency"), s.peakConcurrency);
    o.insert(QLatin1String("peak_tokens_per_s"), number(s.peakTokensPerS));
    o.insert(QLatin1String("total_prompt_tokens"), s.totalPromptTokens);
    o.insert(QLatin1String("total_output_tokens"), s.totalOutputTokens);
    o.insert(QLatin1String("output_tokens_source"),
        !s.tokenFigures()             ? none
            : s.outputTokensFromUsage ? QJsonValue(QStringLiteral("usage"))
                                      : QJsonValue(QStringLiteral("token_events")));
    o.insert(QLatin1String("stopped_early"), s.stoppedEarly);
    o.insert(QLatin1String("token_count_mismatch"), s.tokenCountMismatch);
    o.insert(QLatin1String("reasoning_events"), s.reasoningEvents);
    o.insert(QLatin1String("reasoning_tokens"),
        s.reasoningTokens < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.reasoningTokens));
    QJsonObject errors;
    for (auto it = s.errors.begin(); it != s.errors.end(); ++it)
        errors.insert(it.key(), it.value());
    o.insert(QLatin1String("errors"), errors);
    o.insert(QLatin1String("ttft_ms"), distributionToJson(s.ttft));
    o.insert(QLatin1String("tpot_ms"), distributionToJson(s.tpot));
    o.insert(QLatin1String("itl_ms"), distributionToJson(s.itl));
    o.insert(QLatin1String("e2el_ms"), distributionToJson(s.e2el));
    QJsonObject extras;
    extras.insert(QLatin1String("queue_ms"), distributionToJson(s.queue));
    extras.insert(QLatin1String("ttfb_ms"), distributionToJson(s.ttfb));
    extras.insert(QLatin1String("schedule_latency_ms"), distributionToJson(s.scheduleLatency));
    extras.insert(QLatin1String("first_content_token_ms"), distributionToJson(s.firstContent));
    o.insert(QLatin1String("extras"), extras);
    o.insert(QLatin1String("client"), SummaryJson::clientToJson(s));
    if (!s.perTurn.empty()) { // a multi-turn run: by turn index, 0-based
        QJsonArray turns;
        for (const TurnSummary &t : s.perTurn) {
            turns.append(QJsonObject { { QLatin1String("turn"), t.turn }, { QLatin1String("sent"), t.sent },
                { QLatin1String("completed"), t.completed },
                { QLatin1String("ttft_ms"), distributionToJson(t.ttft) },
                { QLatin1String("e2el_ms"), distributionToJson(t.e2el) } });
        }
        o.insert(QLatin1String("per_turn"), turns);
    }
    return o;
}

namespace {

// One element of "requests".
QJsonObject requestJson(const RequestRecord &r, const SecretScrubber &scrub, bool stream)
{
    QJsonObject o;
    o.insert(QLatin1String("id"), QString::fromUtf8(r.id));
    o.insert(QLatin1String("index"), qint64(r.index));
    o.insert(QLatin1String("warmup"), r.warmup);
    o.insert(QLatin1String("lane"), r.lane);
    o.insert(QLatin1String("intended_ns"), nsValue(r.intendedNs));
    o.insert(QLatin1String("dispatch_ns"), nsValue(r.dispatchNs));
    o.insert(QLatin1String("sent_ns"), nsValue(r.sentNs));
    o.insert(QLatin1String("headers_ns"), nsValue(r.headersNs));
    o.insert(QLatin1String("first_byte_ns"), nsValue(r.firstByteNs));
    o.insert(QLatin1String("end_ns"), nsValue(r.endNs));
    QJsonArray tokens;
    for (qint64 t : r.tokenNs)
        tokens.append(t);
    o.insert(QLatin1String("token_ns"), tokens);
    o.insert(QLatin1String("status"), r.httpStatus);
    o.insert(QLatin1String("outcome"), outcomeName(r.outcome));
    o.insert(QLatin1String("error"), errorValue(r.error, r.httpStatus));
    o.insert(QLatin1String("error_message"), scrub.text(r.errorMessage));
    o.insert(QLatin1String("prompt_tokens"),
        r.promptTokens < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.promptTokens));
    o.insert(QLatin1String("output_tokens"),
        r.outputTokens < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.outputTokens));
    o.insert(QLatin1String("output_tokens_source"),
        r.outputTokensFromUsage ? QStringLiteral("usage") : QStringLiteral("token_events"));
    // The workload's asked lengths and what the server reported (written when known).
    if (r.promptTokensFromUsage)
        o.insert(QLatin1String("prompt_tokens_source"), QStringLiteral("usage"));
    if (r.askedInputTokens >= 0)
        o.insert(QLatin1String("asked_input_tokens"), r.askedInputTokens);
    if (r.askedOutputTokens >= 0) {
        o.insert(QLatin1String("asked_output_tokens"), r.askedOutputTokens);
        o.insert(QLatin1String("stopped_early"), r.stoppedEarly());
    }
    // Written only when true: the usage disagrees with the token events (metrics/requestmetrics.h).
    if (RequestMetrics::tokenCountMismatch(r, stream))
        o.insert(QLatin1String("token_count_mismatch"), true);
    if (r.cachedTokens >= 0)
        o.insert(QLatin1String("cached_tokens"), r.cachedTokens);
    if (r.reasoningEvents > 0)
        o.insert(QLatin1String("reasoning_events"), r.reasoningEvents);
    if (r.reasoningTokens >= 0)
        o.insert(QLatin1String("reasoning_tokens"), r.reasoningTokens);
    if (r.firstContentNs >= 0)
        o.insert(QLatin1String("first_content_ns"), r.firstContentNs);
    if (r.session >= 0) { // a multi-turn run's conversation and turn (absent otherwise)
        o.insert(QLatin1String("session"), r.session);
        o.insert(QLatin1String("turn"), r.turn);
    }
    o.insert(QLatin1String("retries"), r.retries);
    QJsonArray attempts;
    for (const AttemptRecord &a : r.attempts) {
        QJsonObject ao;
        ao.insert(QLatin1String("start_ns"), nsValue(a.startNs));
        ao.insert(QLatin1String("end_ns"), nsValue(a.endNs));
        if (a.waitNs >= 0)
            ao.insert(QLatin1String("wait_ns"), nsValue(a.waitNs));
        ao.insert(QLatin1String("status"), a.httpStatus);
        ao.insert(QLatin1String("error"), errorValue(a.error, a.httpStatus));
        ao.insert(QLatin1String("message"), scrub.text(a.message));
        attempts.append(ao);
    }
    o.insert(QLatin1String("attempts"), attempts);
    o.insert(QLatin1String("text"), scrub.text(r.text));
    return o;
}

QJsonArray spanJson(const Span &s)
{
    return QJsonArray { s.startNs, s.endNs };
}

QJsonArray lagJson(const LagSample &s)
{
    return QJsonArray { s.atNs, s.lagNs };
}

QJsonObject taskJson(const TaskRecord &t)
{
    QJsonObject o;
    o.insert(QLatin1String("request"), t.request);
    o.insert(QLatin1String("lane"), t.lane);
    o.insert(QLatin1String("kind"), taskKindName(t.kind));
    o.insert(QLatin1String("queued_ns"), nsValue(t.queuedNs));
    o.insert(QLatin1String("start_ns"), nsValue(t.startNs));
    o.insert(QLatin1String("end_ns"), nsValue(t.endNs));
    o.insert(QLatin1String("cpu_ns"), nsValue(t.cpuNs));
    return o;
}

// Everything but the arrays that grow with the run (BigArrays), which are written element by
// element.
QJsonObject headJson(const RunTrace &trace, const Summary &summary, const QJsonObject &extraMeta)
{
    const SecretScrubber scrub(trace.scenario.apiKeyEnv);

    QJsonObject meta;
    meta.insert(QLatin1String("burgerbench_version"), QStringLiteral(BURGERBENCH_VERSION));
    meta.insert(QLatin1String("qt_version"), QString::fromLatin1(qVersion()));
    meta.insert(QLatin1String("cpu_count"), trace.cpuCount);
    meta.insert(QLatin1String("started_at"),
        trace.startedAt.isValid() ? QJsonValue(trace.startedAt.toUTC().toString(Qt::ISODateWithMs))
                                  : QJsonValue(QJsonValue::Null));
    meta.insert(QLatin1String("target_url"), scrub.url(trace.targetUrl));
    meta.insert(QLatin1String("definitions"), trace.definitions);
    meta.insert(QLatin1String("clock"), QStringLiteral("ns from run start"));
    meta.insert(QLatin1String("clock_origin_monotonic_ns"), nsValue(trace.clockOriginMonotonicNs));
    meta.insert(QLatin1String("measured_start_ns"), nsValue(trace.measuredStartNs));
    meta.insert(QLatin1String("end_ns"), nsValue(trace.endNs));
    meta.insert(QLatin1String("cancelled"), trace.cancelled);
    meta.insert(QLatin1String("abort_reason"), scrub.text(trace.abortReason));
    if (trace.scenario.tlsInsecure) // loud, where a reader of the report looks first
        meta.insert(QLatin1String("tls_insecure"), true);
    if (trace.replayedRows > 0)
        meta.insert(QLatin1String("replayed_rows"), trace.replayedRows);
    if (!trace.datasetNote.isEmpty())
        meta.insert(QLatin1String("dataset"), scrub.text(trace.datasetNote));
    if (trace.scenario.workload.active()) {
        // Where the planned prompt lengths' token counts came from (engine/tokenprobe.h).
        const TokenModel &tm = trace.scenario.workload.tokens;
        meta.insert(QLatin1String("token_counts"),
            QJsonObject { { QLatin1String("source"), countSourceName(tm.source) },
                { QLatin1String("bytes_per_token"), tm.bytesPerToken },
                { QLatin1String("overhead_tokens"), tm.overheadTokens } });
    }
    const QJsonObject extra = scrub.scenario(extraMeta);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        meta.insert(it.key(), it.value());

    QJsonObject root;
    root.insert(QLatin1String("schema"), schemaId());
    root.insert(QLatin1String("meta"), meta);
    root.insert(QLatin1String("scenario"), scrub.scenario(trace.scenario.toJson()));
    root.insert(QLatin1String("summary"), summaryToJson(summary));
    // The names for people and older readers; the kinds for readers (trace/lanenames.h).
    QStringList lanes;
    QJsonArray laneKinds;
    for (const TaskLane &lane : trace.taskLanes) {
        lanes << LaneNames::english(lane);
        QJsonObject o;
        o.insert(QLatin1String("kind"), LaneNames::kindKey(lane.kind));
        o.insert(QLatin1String("number"), lane.number);
        if (lane.run > 0)
            o.insert(QLatin1String("run"), lane.run);
        laneKinds.append(o);
    }
    root.insert(QLatin1String("task_lanes"), QJsonArray::fromStringList(lanes));
    root.insert(QLatin1String("task_lane_kinds"), laneKinds);
    // Background jobs (mode background-jobs): each job's life as the client saw it.
    QJsonArray jobs;
    for (const JobRecord &j : trace.jobs) {
        QJsonObject o;
        o.insert(QLatin1String("id"), QString::fromLatin1(j.id));
        o.insert(QLatin1String("status"), jobStatusName(j.status));
        o.insert(QLatin1String("request"), j.request);
        o.insert(QLatin1String("accepted_ns"), nsValue(j.acceptedNs));
        o.insert(QLatin1String("started_ns"), nsValue(j.startedNs));
        o.insert(QLatin1String("ended_ns"), nsValue(j.endedNs));
        o.insert(QLatin1String("seen_ended_ns"), nsValue(j.seenEndedNs));
        o.insert(QLatin1String("message"), scrub.text(j.message));
        jobs.append(o);
    }
    root.insert(QLatin1String("jobs"), jobs);
    if (!trace.jobs.empty()) {
        // The client's status polls: when it read the board (the status it knew between two).
        QJsonArray polls;
        for (const qint64 t : trace.jobPollsNs)
            polls.append(t);
        root.insert(QLatin1String("job_polls_ns"), polls);
    }
    if (trace.serverMetrics.enabled())
        root.insert(QLatin1String("server_metrics"), ServerMetricsJson::toJson(trace));
    return root;
}

// The report's bytes in pieces, in the layout described at writeIndented: the head (meta,
// scenario, summary, lanes, jobs, server metrics) as one object, then the long arrays an element
// at a time, so the report is never held whole (a 20,000-request run's trace is not copied into
// a QJsonArray nor its 35 MB of text into one buffer). Stops when `sink` returns false.
bool produce(
    const RunTrace &trace, const Summary &summary, const QJsonObject &extraMeta, const ReportSink &sink)
{
    const QJsonObject head = headJson(trace, summary, extraMeta);
    const SecretScrubber scrub(trace.scenario.apiKeyEnv);
    const bool stream = trace.scenario.stream;
    // Fixed top-level order for people reading the file; everything below is key-sorted.
    static const char *const order[] = { "schema", "meta", "scenario", "summary", "requests", "loop_busy",
        "loop_lag", "task_lanes", "task_lane_kinds", "tasks", "jobs", "job_polls_ns", "server_metrics" };
    // job_polls_ns only for a run with jobs, server_metrics only for one that scraped /metrics.
    std::vector<QLatin1String> keys;
    for (const char *key : order) {
        const QLatin1String k(key);
        if (k == QLatin1String("requests") || k == QLatin1String("loop_busy")
            || k == QLatin1String("loop_lag") || k == QLatin1String("tasks") || head.contains(k))
            keys.push_back(k);
    }
    const int n = int(keys.size());
    QByteArray out = "{\n";
    // One element a line, as writeIndented writes an array at depth 1; false when the sink failed.
    auto array = [&](std::size_t count, const auto &element) {
        if (count == 0) {
            out += "[]";
            return true;
        }
        out += "[\n";
        for (std::size_t i = 0; i < count; ++i) {
            out += "    " + compact(element(i));
            out += i + 1 < count ? ",\n" : "\n";
            if (out.size() >= (1 << 16)) {
                if (!sink(out))
                    return false;
                out.clear();
            }
        }
        out += "  ]";
        return true;
    };
    for (int i = 0; i < n; ++i) {
        const QLatin1String key = keys[size_t(i)];
        out += "  " + keyBytes(key) + ": ";
        bool ok = true;
        if (key == QLatin1String("requests"))
            ok = array(trace.requests.size(),
                [&](std::size_t k) { return QJsonValue(requestJson(trace.requests[k], scrub, stream)); });
        else if (key == QLatin1String("loop_busy"))
            ok = array(trace.loopBusy.size(),
                [&](std::size_t k) { return QJsonValue(spanJson(trace.loopBusy[k])); });
        else if (key == QLatin1String("loop_lag"))
            ok = array(
                trace.loopLag.size(), [&](std::size_t k) { return QJsonValue(lagJson(trace.loopLag[k])); });
        else if (key == QLatin1String("tasks"))
            ok = array(
                trace.tasks.size(), [&](std::size_t k) { return QJsonValue(taskJson(trace.tasks[k])); });
        else // objects one level deep (each distribution on one line), arrays one element per line
            writeIndented(out, head.value(key), 1, 2);
        if (!ok)
            return false;
        out += i + 1 < n ? ",\n" : "\n";
    }
    out += "}\n";
    return sink(out);
}

} // namespace

QJsonObject toJson(const RunTrace &trace, const Summary &summary, const QJsonObject &extraMeta)
{
    QJsonObject root = headJson(trace, summary, extraMeta);
    const SecretScrubber scrub(trace.scenario.apiKeyEnv);
    QJsonArray requests;
    for (const RequestRecord &r : trace.requests)
        requests.append(requestJson(r, scrub, trace.scenario.stream));
    QJsonArray busy;
    for (const Span &s : trace.loopBusy)
        busy.append(spanJson(s));
    QJsonArray lag;
    for (const LagSample &s : trace.loopLag)
        lag.append(lagJson(s));
    QJsonArray tasks;
    for (const TaskRecord &t : trace.tasks)
        tasks.append(taskJson(t));
    root.insert(QLatin1String("requests"), requests);
    root.insert(QLatin1String("loop_busy"), busy);
    root.insert(QLatin1String("loop_lag"), lag);
    root.insert(QLatin1String("tasks"), tasks);
    return root;
}

QByteArray toBytes(const RunTrace &trace, const Summary &summary, const QJsonObject &extraMeta)
{
    QByteArray all;
    produce(trace, summary, extraMeta, [&all](const QByteArray &piece) {
        all += piece;
        return true;
    });
    return all;
}

bool write(const QString &path, const RunTrace &trace, const Summary &summary, QString *error,
    const QJsonObject &extraMeta)
{
    return writeFileAtomically(
        path, [&](const ReportSink &sink) { return produce(trace, summary, extraMeta, sink); }, error);
}

namespace {

bool fromParts(ReportArrays &arrays, RunTrace *trace, QString *error, QJsonObject *metaOut)
{
    const QJsonObject &root = arrays.head;
    Reader rd;
    auto finish = [&](bool ok) {
        if (!ok && error)
            *error = rd.error;
        return ok;
    };
    const QString schema = root.value(QLatin1String("schema")).toString();
    if (schema != schemaId())
        return finish(rd.fail(QStringLiteral("schema"),
            QStringLiteral("expected \"%1\" (got \"%2\")").arg(schemaId(), schema)));
    RunTrace t;
    const QJsonObject meta = root.value(QLatin1String("meta")).toObject();
    if (metaOut)
        *metaOut = meta;
    t.targetUrl = meta.value(QLatin1String("target_url")).toString();
    t.definitions = meta.value(QLatin1String("definitions")).toString(QStringLiteral("vllm-compatible"));
    const QString started = meta.value(QLatin1String("started_at")).toString();
    if (!started.isEmpty()) {
        t.startedAt = QDateTime::fromString(started, Qt::ISODateWithMs);
        if (!t.startedAt.isValid())
            return finish(rd.fail(QStringLiteral("meta.started_at"),
                QStringLiteral("not an ISO 8601 date-time ('%1')").arg(started)));
    }
    if (!rd.time(meta, "measured_start_ns", QStringLiteral("meta"), &t.measuredStartNs)
        || !rd.ns(meta, "clock_origin_monotonic_ns", QStringLiteral("meta"), &t.clockOriginMonotonicNs)
        || !rd.time(meta, "end_ns", QStringLiteral("meta"), &t.endNs)
        || !rd.integer<int>(meta, "cpu_count", QStringLiteral("meta"), &t.cpuCount, 0))
        return finish(false);
    if (t.measuredStartNs >= 0 && t.endNs >= 0 && t.endNs < t.measuredStartNs)
        return finish(rd.fail(QStringLiteral("meta.end_ns"),
            QStringLiteral("%1 is before measured_start_ns (%2)").arg(t.endNs).arg(t.measuredStartNs)));
    t.cancelled = meta.value(QLatin1String("cancelled")).toBool();
    t.abortReason = meta.value(QLatin1String("abort_reason")).toString();
    if (!rd.integer<int>(meta, "replayed_rows", QStringLiteral("meta"), &t.replayedRows, 0))
        return finish(false);
    t.datasetNote = meta.value(QLatin1String("dataset")).toString();

    if (!root.value(QLatin1String("scenario")).isObject())
        return finish(rd.fail(QStringLiteral("scenario"), QStringLiteral("missing or not an object")));
    QString scenarioError;
    if (!Scenario::fromJson(root.value(QLatin1String("scenario")).toObject(), &t.scenario, &scenarioError))
        return finish(rd.fail(QStringLiteral("scenario"), scenarioError));
    if (const QJsonValue counts = meta.value(QLatin1String("token_counts")); counts.isObject()) {
        const QJsonObject c = counts.toObject();
        TokenModel &tm = t.scenario.workload.tokens;
        if (!countSourceFromName(c.value(QLatin1String("source")).toString(), &tm.source))
            return finish(rd.fail(QStringLiteral("meta.token_counts.source"),
                QStringLiteral("must be tokenize, calibrated or estimated")));
        tm.bytesPerToken = c.value(QLatin1String("bytes_per_token")).toDouble(4.0);
        tm.overheadTokens = c.value(QLatin1String("overhead_tokens")).toDouble(0);
    }

    if (!arrays.isArray("requests"))
        return finish(rd.fail(QStringLiteral("requests"), QStringLiteral("missing or not an array")));
    const qsizetype requestCount = arrays.count("requests");
    t.requests.resize(size_t(requestCount));
    const bool requestsOk = arrays.forEach("requests", [&](qsizetype i, const QJsonValue &v) {
        const QString where = QStringLiteral("requests[%1]").arg(i);
        if (!v.isObject())
            return rd.fail(where, QStringLiteral("not an object"));
        if (!rd.request(v.toObject(), where, &t.requests[size_t(i)]))
            return false;
        // A turn indexes the per-turn table: one past the requests cannot come from a run.
        if (t.requests[size_t(i)].turn >= requestCount || t.requests[size_t(i)].turn < -1)
            return rd.fail(where + QStringLiteral(".turn"),
                QStringLiteral("%1 is not a turn of this run's %2 requests")
                    .arg(t.requests[size_t(i)].turn)
                    .arg(requestCount));
        return true;
    });
    if (!requestsOk)
        return finish(rd.scanFailed(arrays));

    std::vector<std::pair<qint64, qint64>> busy, lag;
    if (!rd.pairs(arrays, "loop_busy", &busy) || !rd.pairs(arrays, "loop_lag", &lag))
        return finish(false);
    for (const auto &p : busy)
        t.loopBusy.push_back(Span { p.first, p.second });
    for (const auto &p : lag)
        t.loopLag.push_back(LagSample { p.first, p.second });
    if (!rd.lanes(root, &t.taskLanes))
        return finish(false);
    t.tasks.reserve(size_t(arrays.count("tasks")));
    const bool tasksOk = arrays.forEach("tasks", [&](qsizetype i, const QJsonValue &v) {
        const QString where = QStringLiteral("tasks[%1]").arg(i);
        const QJsonObject o = v.toObject();
        TaskRecord task;
        if (!rd.integer<qint32>(o, "request", where, &task.request, -1)
            || !rd.integer<qint32>(o, "lane", where, &task.lane, -1)
            || !rd.ns(o, "queued_ns", where, &task.queuedNs) || !rd.ns(o, "start_ns", where, &task.startNs)
            || !rd.ns(o, "end_ns", where, &task.endNs) || !rd.ns(o, "cpu_ns", where, &task.cpuNs))
            return false;
        // Optional (reports written before it was measured have none: -1, not measured).
        if (o.value(QLatin1String("cpu_ns")).isDouble() && task.cpuNs < 0)
            return rd.fail(where + QStringLiteral(".cpu_ns"),
                QStringLiteral("%1 is negative: the CPU time a task got, or null").arg(task.cpuNs));
        const QString kind = o.value(QLatin1String("kind")).toString();
        if (kind != QLatin1String("cpu") && kind != QLatin1String("blocked_io"))
            return rd.fail(where + QStringLiteral(".kind"),
                QStringLiteral("must be \"cpu\" or \"blocked_io\" (got '%1')").arg(kind));
        task.kind = kind == QLatin1String("blocked_io") ? TaskKind::HeldWaiting : TaskKind::CpuWork;
        if ((task.lane >= 0 && size_t(task.lane) >= t.taskLanes.size())
            || (task.request >= 0 && size_t(task.request) >= t.requests.size()))
            return rd.fail(where, QStringLiteral("lane or request index out of range"));
        t.tasks.push_back(task);
        return true;
    });
    if (!tasksOk)
        return finish(rd.scanFailed(arrays));
    // Optional: reports written before background jobs were recorded have none.
    const bool jobsOk = arrays.forEach("jobs", [&](qsizetype i, const QJsonValue &v) {
        const QString where = QStringLiteral("jobs[%1]").arg(i);
        const QJsonObject o = v.toObject();
        JobRecord job;
        if (!rd.integer<qint32>(o, "request", where, &job.request, -1)
            || !rd.ns(o, "accepted_ns", where, &job.acceptedNs)
            || !rd.ns(o, "started_ns", where, &job.startedNs) || !rd.ns(o, "ended_ns", where, &job.endedNs)
            || !rd.ns(o, "seen_ended_ns", where, &job.seenEndedNs))
            return false;
        const QString status = o.value(QLatin1String("status")).toString();
        if (!jobStatusFromName(status, &job.status))
            return rd.fail(where + QStringLiteral(".status"),
                QStringLiteral("must be pending, running, done or failed (got '%1')").arg(status));
        if (job.request >= 0 && size_t(job.request) >= t.requests.size())
            return rd.fail(where, QStringLiteral("request index out of range"));
        job.id = o.value(QLatin1String("id")).toString().toLatin1();
        job.message = o.value(QLatin1String("message")).toString();
        t.jobs.push_back(job);
        return true;
    });
    if (!jobsOk)
        return finish(rd.scanFailed(arrays));
    // Optional: reports written before the polls were recorded have none (no poll ticks drawn).
    const QJsonValue polls = root.value(QLatin1String("job_polls_ns"));
    if (!polls.isUndefined() && !polls.isNull()) {
        if (!polls.isArray())
            return finish(rd.fail(QStringLiteral("job_polls_ns"), QStringLiteral("must be an array of ns")));
        const QJsonArray a = polls.toArray();
        t.jobPollsNs.reserve(size_t(a.size()));
        qint64 previous = 0;
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonValue v = a.at(i);
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d < 0 || d != std::floor(d) || qint64(d) < previous)
                return finish(rd.fail(QStringLiteral("job_polls_ns[%1]").arg(i),
                    QStringLiteral("must be a moment in ns, not before the poll before it")));
            previous = qint64(d);
            t.jobPollsNs.push_back(previous);
        }
    }
    if (root.contains(QLatin1String("server_metrics"))) {
        QString why;
        if (!ServerMetricsJson::fromJson(
                root.value(QLatin1String("server_metrics")), &t.serverMetrics, &why)) {
            rd.error = why;
            return finish(false);
        }
    }
    *trace = std::move(t);
    return finish(true);
}

} // namespace

bool fromJson(const QJsonObject &root, RunTrace *trace, QString *error, QJsonObject *metaOut)
{
    ReportArrays arrays { root, nullptr };
    return fromParts(arrays, trace, error, metaOut);
}

bool read(const QString &path, RunTrace *trace, QString *error, QJsonObject *meta)
{
    QByteArray data;
    if (!readWholeFile(path, &data, error))
        return false;
    // The long arrays are walked in the file's bytes, an element at a time: a 200 MB report is
    // never a QJsonDocument (which took 2.7 GB for one).
    JsonScan scan(data,
        { QStringLiteral("requests"), QStringLiteral("loop_busy"), QStringLiteral("loop_lag"),
            QStringLiteral("tasks"), QStringLiteral("jobs") });
    if (!scan.ok()) {
        if (error) {
            *error = scan.topIsArray()
                ? QStringLiteral("%1: not a BurgerBench run report (top level is not an object)").arg(path)
                : QStringLiteral("%1: not valid JSON %2").arg(path, scan.error());
        }
        return false;
    }
    ReportArrays arrays { scan.head(), &scan };
    QString why;
    if (!fromParts(arrays, trace, &why, meta)) {
        if (error)
            *error = path + QStringLiteral(": ") + why;
        return false;
    }
    return true;
}

} // namespace JsonReport
} // namespace BurgerBench
