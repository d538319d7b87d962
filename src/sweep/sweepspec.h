#pragma once

#include "metrics/threshold.h"
#include "scenario/scenario.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace BurgerBench {

// How a sweep chooses its load levels (docs/sweep.md).
enum class SweepProfile {
    Concurrency, // closed loop at each listed concurrency
    Rate, // open loop at each listed arrival rate
    Auto, // synchronous, throughput, then rates spread between the two measured rates
    Search, // the highest rate or concurrency that meets every SLO rule
};
// What a step varies.
enum class SweepOver { Rate, Concurrency };

QString sweepProfileName(SweepProfile profile);
bool sweepProfileFromName(const QString &name, SweepProfile *out);
QString sweepOverName(SweepOver over);
bool sweepOverFromName(const QString &name, SweepOver *out);

// "1,2,4" or "A:B:STEP" (A, A+STEP, ... up to B, B included when it falls on a step), or a mix
// "1,2,8:32:8". Every value positive; `integers` (concurrency) wants whole numbers. False with a
// message naming the bad item.
bool parseSweepValues(const QString &text, bool integers, QList<double> *out, QString *error);

// One SLO rule as the issue writes it: what must hold (`ttft.p99<=400ms`, `error_rate<=1%`),
// in the --fail-if grammar (metrics/threshold.h). Parsed into the --fail-if rule that is its
// negation, so `violation.violated(summary)` is true exactly when the SLO does not hold:
// "X<=v" fails when X>v, "X<v" when X>=v, "X>=v" when X<v, "X>v" when X<=v, "==" when "!=".
// `violation.text` keeps the user's SLO text.
bool parseSloRule(const QString &text, Threshold *violation, QString *error);
// Comma-separated rules; false with the first bad rule's message.
bool parseSloRules(const QString &text, QList<Threshold> *out, QString *error);

// What a sweep runs: the base scenario (every run flag), then the profile's load levels.
struct SweepSpec
{
    Scenario base; // the steps' scenario before the swept field is set
    QByteArray apiKey; // sent, never written
    SweepProfile profile = SweepProfile::Rate;
    SweepOver over = SweepOver::Rate; // Search: what is searched; Rate/Concurrency: the profile's
    QList<double> values; // Rate/Concurrency: the levels; Search: optional [lo, hi] range
    int steps = 5; // Auto: rate steps between the synchronous and the throughput rate
    QList<Threshold> slo; // violation rules (parseSloRule)
    double tolerance = 0.05; // Search: stop when (hi - lo) / lo is within this
    int maxSteps = 10; // Search: probes at most (each probe repeats times)
    int repeats = 1; // runs per point
    QList<Threshold> failIf; // --fail-if rules checked on every step
    QList<double> extraPercentiles; // ranks the rules need beside the scenario's

    // The steps' scenario at `value` of `over`: rate (open loop, requests/s) or concurrency
    // (closed loop).
    Scenario scenarioAt(SweepOver over, double value) const;
    // False with a message naming what is wrong.
    bool validate(QString *error) const;
};

} // namespace BurgerBench
