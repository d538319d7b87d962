#pragma once

#include "metrics/threshold.h"
#include "scenario/scenario.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

#include <cmath>
#include <type_traits>

namespace BurgerBench::Cli {

// The flags that describe what a run does (--scenario and the flags that override its fields),
// shared by every command that runs scenarios (run, sweep), so a flag means the same everywhere.
QList<QCommandLineOption> scenarioOptions();

// Builds the scenario: the defaults, then --scenario's file, then each flag. False with a message
// naming the flag (or the file's field) when something is wrong.
bool scenarioFromFlags(const QCommandLineParser &parser, Scenario *out, QString *error);

// --fail-if rules; false with the parser's message for the first bad rule.
bool thresholdsFromFlags(const QCommandLineParser &parser, QList<Threshold> *out, QString *error);
// A goodput rule needs an SLO to count against: without one there is no goodput (null in the
// reports), so such a rule is refused before the run instead of failing it. `flag` names the rule's
// flag in the message ("--fail-if").
bool checkGoodputRules(const QList<Threshold> &rules, const Slo &slo, const QString &flag, QString *error);

// The percentiles a summary must compute: the scenario's plus those the rules rank by.
QList<double> percentilesFor(const Scenario &scenario, const QList<Threshold> &thresholds);

// Parses one numeric flag; a bad value is an error naming the flag.
struct FlagReader
{
    const QCommandLineParser &parser;
    QString error;

    template<typename T> void number(const QString &name, T *out, double min, double max)
    {
        if (!error.isEmpty() || !parser.isSet(name))
            return;
        bool ok = false;
        const double v = parser.value(name).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < min || v > max) {
            error = QStringLiteral("--%1: expected a number from %2 to %3 (got \"%4\")")
                        .arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(parser.value(name));
            return;
        }
        if constexpr (std::is_integral_v<T>) {
            if (v != std::floor(v)) {
                error = QStringLiteral("--%1: expected a whole number (got \"%2\")")
                            .arg(name, parser.value(name));
                return;
            }
        }
        *out = T(v);
    }

    // Seconds, with an optional unit: "90", "90s", "1500ms", "2m", "1h".
    void seconds(const QString &name, double *out, double max);
    // Bytes, with an optional binary unit: "1048576", "512KiB", "1MiB", "2GiB".
    void bytes(const QString &name, qint64 *out, qint64 min, qint64 max);
};

} // namespace BurgerBench::Cli
