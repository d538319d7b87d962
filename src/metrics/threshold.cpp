#include "metrics/threshold.h"

#include "metrics/summary.h"

#include <QRegularExpression>

#include <cmath>

namespace BurgerBench {

namespace {

const Distribution *distributionFor(const Summary &s, const QString &metric)
{
    if (metric == QLatin1String("ttft"))
        return &s.ttft;
    if (metric == QLatin1String("tpot"))
        return &s.tpot;
    if (metric == QLatin1String("itl"))
        return &s.itl;
    if (metric == QLatin1String("e2el"))
        return &s.e2el;
    if (metric == QLatin1String("queue"))
        return &s.queue;
    if (metric == QLatin1String("ttfb"))
        return &s.ttfb;
    if (metric == QLatin1String("schedule_latency"))
        return &s.scheduleLatency;
    return nullptr;
}

const char *const scalarNames[] = { "completed", "failed", "incomplete", "sent", "error_rate",
    "request_throughput", "output_throughput", "total_token_throughput", "goodput", "peak_concurrency",
    "duration_s", "client_busy", "client_limited" };

// Fractions, written as one (0.7) or with % (70%).
bool isFraction(const QString &metric)
{
    return metric == QLatin1String("error_rate") || metric == QLatin1String("client_busy");
}

bool isScalar(const QString &metric)
{
    for (const char *name : scalarNames) {
        if (metric == QLatin1String(name))
            return true;
    }
    return false;
}

} // namespace

bool Threshold::parse(const QString &text, Threshold *out, QString *error)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*([a-z_0-9]+)(?:\.([a-z]+[0-9.]*))?\s*(>=|<=|==|!=|>|<)\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(us|ms|s|%)?\s*$)"));
    const QRegularExpressionMatch m = re.match(text);
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("--fail-if \"%1\": %2").arg(text, why);
        return false;
    };
    if (!m.hasMatch())
        return fail(QStringLiteral("expected METRIC[.STAT]OP VALUE[UNIT], e.g. ttft.p99>500ms or failed>0"));
    Threshold t;
    t.text = text;
    t.metric = m.captured(1);
    t.statistic = m.captured(2);
    const QString op = m.captured(3);
    t.op = op == QLatin1String(">") ? Op::Greater
        : op == QLatin1String(">=") ? Op::GreaterEqual
        : op == QLatin1String("<")  ? Op::Less
        : op == QLatin1String("<=") ? Op::LessEqual
        : op == QLatin1String("==") ? Op::Equal
                                    : Op::NotEqual;
    t.value = m.captured(4).toDouble();
    const QString unit = m.captured(5);

    Summary probe;
    if (distributionFor(probe, t.metric)) {
        if (t.statistic.isEmpty())
            return fail(
                QStringLiteral("%1 needs a statistic: mean, median, std, min, max or pNN").arg(t.metric));
        const bool percentile = t.statistic.startsWith(u'p');
        if (percentile) {
            bool ok = false;
            const double rank = t.statistic.mid(1).toDouble(&ok);
            if (!ok || rank < 0 || rank > 100)
                return fail(QStringLiteral("percentile \"%1\" must be p0 to p100").arg(t.statistic));
        } else if (t.statistic != QLatin1String("mean") && t.statistic != QLatin1String("median")
            && t.statistic != QLatin1String("std") && t.statistic != QLatin1String("min")
            && t.statistic != QLatin1String("max")) {
            return fail(QStringLiteral("unknown statistic \"%1\"").arg(t.statistic));
        }
        if (unit == QLatin1String("%"))
            return fail(QStringLiteral("a duration takes us, ms or s, not %"));
        if (unit == QLatin1String("s"))
            t.value *= 1000;
        else if (unit == QLatin1String("us"))
            t.value /= 1000;
    } else if (isScalar(t.metric)) {
        if (!t.statistic.isEmpty())
            return fail(QStringLiteral("%1 is a single figure; it takes no .%2").arg(t.metric, t.statistic));
        if (unit == QLatin1String("%")) {
            if (!isFraction(t.metric))
                return fail(QStringLiteral("only error_rate and client_busy take %"));
            t.value /= 100;
        } else if (!unit.isEmpty() && t.metric != QLatin1String("duration_s")) {
            return fail(QStringLiteral("%1 takes no unit").arg(t.metric));
        } else if (t.metric == QLatin1String("duration_s") && unit == QLatin1String("ms")) {
            t.value /= 1000;
        }
    } else {
        return fail(QStringLiteral("unknown metric \"%1\"").arg(t.metric));
    }
    *out = t;
    return true;
}

double Threshold::measure(const Summary &s) const
{
    if (const Distribution *d = distributionFor(s, metric)) {
        if (d->count == 0)
            return std::nan("");
        if (statistic == QLatin1String("mean"))
            return d->mean;
        if (statistic == QLatin1String("median"))
            return d->median;
        if (statistic == QLatin1String("std"))
            return d->stddev;
        if (statistic == QLatin1String("min"))
            return d->min;
        if (statistic == QLatin1String("max"))
            return d->max;
        const double rank = statistic.mid(1).toDouble();
        const double listed = d->percentile(rank);
        return listed; // NaN unless the rank was computed (the CLI adds the ranks it needs)
    }
    if (metric == QLatin1String("completed"))
        return s.completed;
    if (metric == QLatin1String("failed"))
        return s.failed;
    if (metric == QLatin1String("incomplete"))
        return s.incomplete;
    if (metric == QLatin1String("sent"))
        return s.sent;
    if (metric == QLatin1String("error_rate"))
        return s.sent > 0 ? double(s.failed) / s.sent : std::nan("");
    if (metric == QLatin1String("request_throughput"))
        return s.requestThroughput;
    if (metric == QLatin1String("output_throughput"))
        return s.outputThroughput;
    if (metric == QLatin1String("total_token_throughput"))
        return s.totalTokenThroughput;
    if (metric == QLatin1String("goodput"))
        return s.goodput;
    if (metric == QLatin1String("peak_concurrency"))
        return s.peakConcurrency;
    if (metric == QLatin1String("duration_s"))
        return s.durationS;
    if (metric == QLatin1String("client_busy")) // the busiest second's fraction; no probe: no sample
        return s.client.measured ? s.client.busyMax : std::nan("");
    if (metric == QLatin1String("client_limited"))
        return s.clientLimit.limited ? 1 : 0;
    return std::nan("");
}

bool Threshold::violated(const Summary &summary, double *measured) const
{
    const double v = measure(summary);
    if (measured)
        *measured = v;
    if (std::isnan(v))
        return true;
    switch (op) {
    case Op::Greater:
        return v > value;
    case Op::GreaterEqual:
        return v >= value;
    case Op::Less:
        return v < value;
    case Op::LessEqual:
        return v <= value;
    case Op::Equal:
        return v == value;
    case Op::NotEqual:
        return v != value;
    }
    return true;
}

} // namespace BurgerBench
