#include "parallel/loopprobe.h"

#include <algorithm>

namespace BurgerBench {

LoopProbe::LoopProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 t = m_clock.nsecsElapsed();
        m_samples.push_back({ t, std::max<qint64>(0, t - m_expectedNs) });
        m_expectedNs = t + m_timer.interval() * 1'000'000LL;
    });
}

void LoopProbe::start(const QElapsedTimer &clock, int intervalMs)
{
    m_clock = clock;
    m_samples.clear();
    m_timer.setInterval(intervalMs);
    m_expectedNs = m_clock.nsecsElapsed() + intervalMs * 1'000'000LL;
    m_timer.start();
}

void LoopProbe::stop()
{
    m_timer.stop();
}

std::vector<LagSample> LoopProbe::takeSamples()
{
    return std::move(m_samples);
}

} // namespace BurgerBench
