#pragma once

#include "metrics/summary.h"
#include "metrics/threshold.h"

#include <QList>
#include <QString>

namespace BurgerBench {

// One --fail-if rule judged against a run's summary: what the CI reports (JUnit, summary JSON)
// say about it. A rule whose figure the run has no sample of (NaN) fails, as the CLI's exit code.
struct ThresholdVerdict
{
    Threshold rule;
    double measured = 0; // in the rule's base unit (ms for durations, a fraction for error_rate)
    bool passed = false;

    // "ttft.p99 measured 612.3 ms; the run fails when it is > 500 ms: failed"
    QString message() const;
};

namespace ThresholdVerdicts {

QList<ThresholdVerdict> evaluate(const QList<Threshold> &rules, const Summary &summary);
// "ms" for the distributions, "s" for duration_s, "%" for error_rate, "" for counts, "req/s" ...
QString unit(const Threshold &rule);
// The figure as the message prints it in unit(): error_rate as a percentage, NaN as "no sample".
QString formatValue(const Threshold &rule, double value);
// ">", ">=", "<", "<=", "==", "!=".
QString opText(Threshold::Op op);

} // namespace ThresholdVerdicts

} // namespace BurgerBench
