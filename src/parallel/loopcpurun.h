#pragma once

#include "parallel/loopprobe.h"
#include "parallel/modelrun.h"

#include <QElapsedTimer>
#include <QTimer>

#include <deque>

namespace BurgerBench {

// CPU-only tasks ("cleaning the house") on this thread's event loop, the two ways one thread can:
//   sequential   task after task, each run to its end (the loop frozen for T_cpu at a time);
//   concurrent   every task started at once as a coroutine-like job that runs `sliceMs` of work
//                and yields back to the loop, round-robin (asyncio tasks that await between
//                steps). The loop stays responsive, but one thread still does all the work:
//                the wall time is the same N·T_cpu.
// Each task (or slice) is a TaskRecord on the "event loop (cashier)" lane.
class LoopCpuRun : public ModelRun
{
    Q_OBJECT
public:
    explicit LoopCpuRun(const ModelSetup &setup, QObject *parent = nullptr);

    bool start(QString *error) override;
    void cancel() override;
    bool isRunning() const override;
    ModelResult takeResult() override;
    ModelResult snapshot() override;

private:
    void step();
    void finish();

    struct Job
    {
        int index = 0;
        qint64 roundsLeft = 0;
        qint64 readyNs = 0; // when it last became runnable
        QByteArray digest;
    };

    ModelSetup m_setup;
    QElapsedTimer m_clock;
    LoopProbe m_probe;
    // A 0 ms timer, not a posted call: timers take turns with the lag probe's timer, so every
    // slice boundary really is a turn of the loop (posted calls can run back to back).
    QTimer m_stepTimer;
    std::deque<Job> m_ready;
    qint64 m_sliceRounds = 0;
    ModelResult m_result;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace BurgerBench
