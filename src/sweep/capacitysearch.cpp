#include "sweep/capacitysearch.h"

#include <algorithm>

namespace BurgerBench {

CapacitySearch::CapacitySearch(const Options &options)
    : m_options(options)
{
    if (m_options.integers) {
        m_options.minValue = std::max(1.0, std::ceil(m_options.minValue));
        m_options.maxValue = std::floor(m_options.maxValue);
    }
}

double CapacitySearch::clampLevel(double v) const
{
    if (m_options.integers)
        v = std::round(v);
    return std::clamp(v, std::max(m_options.minValue, m_options.integers ? 1.0 : 0.0), m_options.maxValue);
}

bool CapacitySearch::withinTolerance() const
{
    if (!bracketed())
        return false;
    if (m_options.integers && m_hi - m_lo <= 1)
        return true;
    return m_lo > 0 && (m_hi - m_lo) / m_lo <= m_options.tolerance;
}

bool CapacitySearch::converged() const
{
    return withinTolerance();
}

bool CapacitySearch::done() const
{
    double v = 0;
    return !next(&v);
}

const char *CapacitySearch::stopReason() const
{
    if (withinTolerance())
        return "converged";
    if (!done())
        return "";
    if (std::isnan(m_lo))
        return "below_range";
    if (std::isnan(m_hi))
        return "above_range";
    return "max_steps";
}

bool CapacitySearch::next(double *value) const
{
    if (withinTolerance() || int(m_probes.size()) >= m_options.maxSteps)
        return false;
    const bool range = m_options.rangeHi > m_options.rangeLo;
    double v = 0;
    if (bracketed()) {
        v = clampLevel((m_lo + m_hi) / 2);
        if (v <= m_lo || v >= m_hi) // integer levels with nothing between them
            return false;
    } else if (m_probes.isEmpty()) {
        v = clampLevel(range ? m_options.rangeLo : m_options.start);
    } else if (std::isnan(m_hi)) {
        // Everything so far met the SLO: go up (to the range's HI, else double).
        const double up = range && m_lo < m_options.rangeHi ? m_options.rangeHi : m_lo * 2;
        if (m_lo >= m_options.maxValue || (range && m_lo >= m_options.rangeHi))
            return false; // capacity at least the top of the range
        v = clampLevel(std::max(up, m_lo + (m_options.integers ? 1 : 0)));
    } else {
        // Everything so far failed: go down (halve), unless the range's LO already failed.
        if (range || m_hi <= std::max(m_options.minValue, m_options.integers ? 1.0 : 0.0))
            return false; // capacity below the range
        v = clampLevel(m_hi / 2);
        if (v >= m_hi)
            return false;
    }
    *value = v;
    return true;
}

void CapacitySearch::record(double value, bool meets)
{
    m_probes.append({ value, meets });
    if (meets) {
        if (std::isnan(m_lo) || value > m_lo)
            m_lo = value;
    } else {
        if (std::isnan(m_hi) || value < m_hi)
            m_hi = value;
    }
}

} // namespace BurgerBench
