#include "report/merge.h"

#include <QMap>

#include <algorithm>
#include <utility>

namespace BurgerBench {
namespace Merge {

namespace {

qint64 shifted(qint64 ns, qint64 offset)
{
    return ns < 0 ? ns : ns + offset;
}

// The scenario as far as merging cares: workers of one Indexed Job often differ only in seed
// (and their share of requests), which is no reason to warn.
QJsonObject comparable(const Scenario &s)
{
    QJsonObject json = s.toJson();
    QJsonObject load = json.value(QLatin1String("load")).toObject();
    load.remove(QLatin1String("seed"));
    load.remove(QLatin1String("requests"));
    json.insert(QLatin1String("load"), load);
    return json;
}

// Flattens a JSON object into dotted keys ("load.concurrency"); arrays stay whole values.
void flatten(const QJsonObject &o, const QString &prefix, QMap<QString, QJsonValue> *out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (it->isObject())
            flatten(it->toObject(), key, out);
        else
            out->insert(key, *it);
    }
}

// Two inputs are one run when they started at the same instant with the same requests: merging
// them would count every sample twice.
bool sameRun(const RunTrace &a, const RunTrace &b)
{
    if (!a.startedAt.isValid() || a.startedAt != b.startedAt || a.requests.size() != b.requests.size())
        return false;
    for (size_t i = 0; i < a.requests.size(); ++i) {
        const RequestRecord &x = a.requests[i];
        const RequestRecord &y = b.requests[i];
        if (x.id != y.id || x.dispatchNs != y.dispatchNs || x.endNs != y.endNs)
            return false;
    }
    return true;
}

} // namespace

QStringList scenarioDifferences(const Scenario &a, const Scenario &b)
{
    QMap<QString, QJsonValue> x;
    QMap<QString, QJsonValue> y;
    flatten(comparable(a), QString(), &x);
    flatten(comparable(b), QString(), &y);
    QStringList keys = x.keys();
    for (const QString &k : y.keys())
        if (!x.contains(k))
            keys.append(k);
    QStringList differ;
    for (const QString &k : std::as_const(keys))
        if (x.value(k) != y.value(k))
            differ.append(k);
    differ.sort();
    return differ;
}

bool merge(const QList<Input> &inputs, Align align, Result *out, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (inputs.isEmpty())
        return fail(QStringLiteral("nothing to merge"));

    const RunTrace &first = inputs.first().trace;
    QDateTime earliest;
    for (const Input &in : inputs) {
        if (in.trace.definitions != first.definitions)
            return fail(
                QStringLiteral("%1: metric definitions \"%2\" differ from \"%3\" in %4; runs measured with "
                               "different definitions cannot be merged")
                    .arg(in.file, in.trace.definitions, first.definitions, inputs.first().file));
        if (align == Align::WallClock && !in.trace.startedAt.isValid())
            return fail(QStringLiteral("%1: no meta.started_at, so its wall-clock offset is unknown; "
                                       "use --align zero to lay the runs on top of one another")
                            .arg(in.file));
        for (const Input &before : inputs) {
            if (&before == &in)
                break;
            if (sameRun(before.trace, in.trace))
                return fail(QStringLiteral("%1 and %2 hold the same run (same start, same requests); merging "
                                           "it twice would count every sample twice")
                                .arg(before.file, in.file));
        }
        if (in.trace.startedAt.isValid() && (!earliest.isValid() || in.trace.startedAt < earliest))
            earliest = in.trace.startedAt;
    }

    Result r;
    RunTrace &m = r.trace;
    m.scenario = first.scenario;
    m.targetUrl = first.targetUrl;
    m.definitions = first.definitions;
    m.startedAt = align == Align::WallClock ? earliest : first.startedAt;
    m.cpuCount = 0;
    int laneBase = 0;
    int scenarioRequests = 0;
    QStringList abortReasons;
    for (qsizetype k = 0; k < inputs.size(); ++k) {
        const Input &in = inputs.at(k);
        const RunTrace &t = in.trace;
        const qint64 offset = align == Align::WallClock ? earliest.msecsTo(t.startedAt) * 1'000'000 : 0;
        const QStringList differ = scenarioDifferences(first.scenario, t.scenario);
        if (!differ.isEmpty())
            r.warnings << QStringLiteral(
                "%1: its scenario differs from %2's (%3); the merged report shows the first one")
                              .arg(in.file, inputs.first().file, differ.join(QLatin1String(", ")));
        // Built-in simulators listen on a free port each: a different URL is no different target.
        const bool bothSimulated = t.scenario.usesSimulator() && first.scenario.usesSimulator();
        if (t.targetUrl != first.targetUrl && !bothSimulated)
            r.warnings
                << QStringLiteral("%1: target %2 differs from %3").arg(in.file, t.targetUrl, first.targetUrl);
        scenarioRequests += t.scenario.requests;

        QJsonObject entry { { QStringLiteral("file"), in.file }, { QStringLiteral("offset_ns"), offset },
            { QStringLiteral("requests"), qint64(t.requests.size()) },
            { QStringLiteral("first_index"), qint64(m.requests.size()) },
            { QStringLiteral("started_at"),
                t.startedAt.isValid() ? QJsonValue(t.startedAt.toUTC().toString(Qt::ISODateWithMs))
                                      : QJsonValue(QJsonValue::Null) } };
        if (in.meta.value(QLatin1String("merged_from")).isArray())
            entry.insert(QStringLiteral("parts"), in.meta.value(QLatin1String("merged_from")));
        r.mergedFrom.append(entry);

        const qint32 requestBase = qint32(m.requests.size());
        const qint32 taskLaneBase = qint32(m.taskLanes.size());
        int maxLane = -1;
        for (const RequestRecord &src : t.requests) {
            RequestRecord q = src;
            q.index = quint32(m.requests.size());
            if (q.lane >= 0) {
                maxLane = std::max(maxLane, q.lane);
                q.lane += laneBase;
            }
            q.intendedNs = shifted(q.intendedNs, offset);
            q.dispatchNs = shifted(q.dispatchNs, offset);
            q.sentNs = shifted(q.sentNs, offset);
            q.headersNs = shifted(q.headersNs, offset);
            q.firstByteNs = shifted(q.firstByteNs, offset);
            q.firstContentNs = shifted(q.firstContentNs, offset);
            q.endNs = shifted(q.endNs, offset);
            q.tokenNs.shift(offset); // token times are moments, never -1
            for (AttemptRecord &a : q.attempts) {
                a.startNs = shifted(a.startNs, offset);
                a.endNs = shifted(a.endNs, offset);
            }
            m.requests.push_back(std::move(q));
        }
        laneBase += maxLane + 1;
        for (const Span &s : t.loopBusy)
            m.loopBusy.push_back(Span { s.startNs + offset, s.endNs + offset });
        for (const LagSample &s : t.loopLag)
            m.loopLag.push_back(LagSample { s.atNs + offset, s.lagNs });
        for (TaskLane lane : t.taskLanes) {
            if (inputs.size() > 1)
                lane.run = qint32(k + 1); // named "run K: ..." (trace/lanenames.h)
            m.taskLanes.push_back(lane);
        }
        for (const TaskRecord &task : t.tasks) {
            TaskRecord c = task;
            c.request = c.request >= 0 ? c.request + requestBase : -1;
            c.lane = c.lane >= 0 ? c.lane + taskLaneBase : -1;
            c.queuedNs = shifted(c.queuedNs, offset);
            c.startNs = shifted(c.startNs, offset);
            c.endNs = shifted(c.endNs, offset);
            m.tasks.push_back(c);
        }
        if (t.measuredStartNs >= 0)
            m.measuredStartNs = m.measuredStartNs < 0
                ? t.measuredStartNs + offset
                : std::min(m.measuredStartNs, t.measuredStartNs + offset);
        if (t.endNs >= 0)
            m.endNs = std::max(m.endNs, t.endNs + offset);
        m.cpuCount += t.cpuCount;
        m.cancelled = m.cancelled || t.cancelled;
        if (!t.abortReason.isEmpty())
            abortReasons << in.file + QStringLiteral(": ") + t.abortReason;
    }
    m.scenario.requests = scenarioRequests;
    m.abortReason = abortReasons.join(QStringLiteral("; "));
    auto byStart = [](const Span &a, const Span &b) { return a.startNs < b.startNs; };
    std::stable_sort(m.loopBusy.begin(), m.loopBusy.end(), byStart);
    std::stable_sort(m.loopLag.begin(), m.loopLag.end(),
        [](const LagSample &a, const LagSample &b) { return a.atNs < b.atNs; });
    *out = std::move(r);
    return true;
}

} // namespace Merge
} // namespace BurgerBench
