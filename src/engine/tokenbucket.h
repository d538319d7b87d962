#pragma once

#include <QtGlobal>

#include <algorithm>

namespace BurgerBench {

// Client-side rate limit: `rate` permits per second, at most `burst` saved up. Time is passed
// in (ns on the run clock), so the arithmetic is tested without sleeping.
class TokenBucket
{
public:
    TokenBucket() = default;
    TokenBucket(double rate, int burst)
        : m_rate(rate)
        , m_burst(std::max(1, burst))
        , m_tokens(std::max(1, burst))
    {
    }

    bool enabled() const { return m_rate > 0; }

    // Takes a permit if one is available at `nowNs`.
    bool tryAcquire(qint64 nowNs)
    {
        if (!enabled())
            return true;
        refill(nowNs);
        if (m_tokens >= 1.0) {
            m_tokens -= 1.0;
            return true;
        }
        return false;
    }

    // ns from `nowNs` until the next permit is available (0 if one is available now).
    qint64 waitNs(qint64 nowNs)
    {
        if (!enabled())
            return 0;
        refill(nowNs);
        if (m_tokens >= 1.0)
            return 0;
        return qint64((1.0 - m_tokens) / m_rate * 1e9) + 1;
    }

private:
    void refill(qint64 nowNs)
    {
        if (m_lastNs >= 0 && nowNs > m_lastNs)
            m_tokens = std::min<double>(m_burst, m_tokens + double(nowNs - m_lastNs) * m_rate / 1e9);
        if (nowNs > m_lastNs)
            m_lastNs = nowNs;
    }

    double m_rate = 0;
    int m_burst = 1;
    double m_tokens = 1;
    qint64 m_lastNs = -1;
};

} // namespace BurgerBench
