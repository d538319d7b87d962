#include "report/thresholdverdict.h"

#include <cmath>

namespace BurgerBench {

namespace ThresholdVerdicts {

QList<ThresholdVerdict> evaluate(const QList<Threshold> &rules, const Summary &summary)
{
    QList<ThresholdVerdict> verdicts;
    verdicts.reserve(rules.size());
    for (const Threshold &rule : rules) {
        ThresholdVerdict v;
        v.rule = rule;
        v.passed = !rule.violated(summary, &v.measured);
        verdicts << v;
    }
    return verdicts;
}

QString unit(const Threshold &rule)
{
    if (!rule.statistic.isEmpty())
        return QStringLiteral("ms");
    if (rule.metric == QLatin1String("error_rate") || rule.metric == QLatin1String("client_busy"))
        return QStringLiteral("%");
    if (rule.metric == QLatin1String("duration_s"))
        return QStringLiteral("s");
    if (rule.metric == QLatin1String("request_throughput") || rule.metric == QLatin1String("goodput"))
        return QStringLiteral("req/s");
    if (rule.metric == QLatin1String("output_throughput")
        || rule.metric == QLatin1String("total_token_throughput"))
        return QStringLiteral("tok/s");
    return {};
}

QString formatValue(const Threshold &rule, double value)
{
    if (std::isnan(value))
        return QStringLiteral("no sample");
    const double shown = unit(rule) == QLatin1String("%") ? value * 100 : value;
    const QString u = unit(rule);
    QString number = QString::number(shown, 'g', 6);
    if (u.isEmpty())
        return number;
    return u == QLatin1String("%") ? QString(number + u) : QString(number + u' ' + u);
}

QString opText(Threshold::Op op)
{
    switch (op) {
    case Threshold::Op::Greater:
        return QStringLiteral(">");
    case Threshold::Op::GreaterEqual:
        return QStringLiteral(">=");
    case Threshold::Op::Less:
        return QStringLiteral("<");
    case Threshold::Op::LessEqual:
        return QStringLiteral("<=");
    case Threshold::Op::Equal:
        return QStringLiteral("==");
    case Threshold::Op::NotEqual:
        return QStringLiteral("!=");
    }
    return {};
}

} // namespace ThresholdVerdicts

QString ThresholdVerdict::message() const
{
    const QString figure = rule.statistic.isEmpty() ? rule.metric : rule.metric + u'.' + rule.statistic;
    const QString measuredText = std::isnan(measured)
        ? QStringLiteral("%1 has no sample in this run").arg(figure)
        : QStringLiteral("%1 measured %2").arg(figure, ThresholdVerdicts::formatValue(rule, measured));
    return QStringLiteral("%1; the run fails when it is %2 %3: %4")
        .arg(measuredText, ThresholdVerdicts::opText(rule.op),
            ThresholdVerdicts::formatValue(rule, rule.value),
            passed ? QStringLiteral("passed") : QStringLiteral("failed"));
}

} // namespace BurgerBench
