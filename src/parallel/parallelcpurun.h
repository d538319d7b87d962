#pragma once

#include "parallel/loopprobe.h"
#include "parallel/modelrun.h"

#include <QElapsedTimer>

#include <memory>
#include <vector>

namespace BurgerBench {

// CPU-only tasks on QtConcurrent (QThreadPool::globalInstance(), as many threads as
// QThread::idealThreadCount() cores): all N are submitted at once, the pool runs one per core,
// and each result comes back to this thread with .then(this, ...) carrying the thread that ran
// it, so every task lands on its pool thread's lane ("QtConcurrent 1", "QtConcurrent 2" ...).
// The pool threads also stamp each task's start and end under a mutex, for snapshot().
class ParallelCpuRun : public ModelRun
{
    Q_OBJECT
public:
    explicit ParallelCpuRun(const ModelSetup &setup, QObject *parent = nullptr);
    ~ParallelCpuRun() override;

    bool start(QString *error) override;
    void cancel() override;
    bool isRunning() const override;
    ModelResult takeResult() override;
    ModelResult snapshot() override;

private:
    ModelSetup m_setup;
    QElapsedTimer m_clock;
    LoopProbe m_probe;
    ThreadLanes m_lanes;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<PoolProgress> m_live; // shared with the pool tasks, which may outlive this run
    std::vector<qint64> m_queuedNs; // when task i was submitted
    int m_outstanding = 0;
    ModelResult m_result;
    bool m_running = false;
};

} // namespace BurgerBench
