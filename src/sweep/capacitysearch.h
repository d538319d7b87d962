#pragma once

#include <QList>

#include <cmath>

namespace BurgerBench {

// The highest load level that meets an SLO, found by probing: pure (no network, no clock), so it
// is tested on a synthetic monotone response. It assumes that meeting the SLO is monotone in the
// level (a level that fails fails everything above it), as latency is against load.
//
//   1. Bracketing. From `start` (or the range's LO), double while the level meets the SLO and
//      halve while it fails, until one level that meets and one that fails are known; with a
//      range [LO, HI] it probes LO then HI instead.
//   2. Bisection. Probe the middle of [lo, hi] until (hi - lo) / lo <= tolerance, or
//      `maxSteps` probes were made, or (integer levels) hi - lo <= 1.
// The answer is lo, the highest level seen to meet the SLO, and the bracket [lo, hi].
class CapacitySearch
{
public:
    struct Options
    {
        double start = 1; // the first probe without a range
        double rangeLo = 0; // with rangeHi > rangeLo: probe these first
        double rangeHi = 0;
        double minValue = 0; // never probe below (halving stops: capacity below it)
        double maxValue = 1e6; // never probe above (doubling stops: capacity at least it)
        double tolerance = 0.05;
        int maxSteps = 10;
        bool integers = false; // concurrency
    };
    struct Probe
    {
        double value = 0;
        bool meets = false;
    };

    explicit CapacitySearch(const Options &options);

    // The next level to probe; false when the search is over.
    bool next(double *value) const;
    // The outcome of the probe next() asked for.
    void record(double value, bool meets);

    bool done() const;
    // A level met the SLO and a higher one did not, within the tolerance.
    bool converged() const;
    // Highest level that met / lowest that failed; NaN when none.
    double lo() const { return m_lo; }
    double hi() const { return m_hi; }
    double value() const { return m_lo; }
    const QList<Probe> &probes() const { return m_probes; }
    // Why the search stopped, for the report: "converged", "max_steps", "below_range",
    // "above_range", "" while running.
    const char *stopReason() const;

private:
    double clampLevel(double v) const;
    bool bracketed() const { return !std::isnan(m_lo) && !std::isnan(m_hi); }
    bool withinTolerance() const;

    Options m_options;
    QList<Probe> m_probes;
    double m_lo = std::nan("");
    double m_hi = std::nan("");
};

} // namespace BurgerBench
