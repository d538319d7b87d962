#pragma once

#include "trace/runtrace.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace BurgerBench {

// The event-loop lag probe for models that do not run the LoadEngine (which has its own): a
// 10 ms precise timer on this thread records how late each tick fires, on the run's clock.
// A loop frozen by CPU work shows one late tick as long as the freeze.
class LoopProbe : public QObject
{
    Q_OBJECT
public:
    explicit LoopProbe(QObject *parent = nullptr);

    void start(const QElapsedTimer &clock, int intervalMs = 10);
    void stop();
    std::vector<LagSample> takeSamples();

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_expectedNs = 0;
    std::vector<LagSample> m_samples;
};

} // namespace BurgerBench
