#pragma once

#include "parallel/modelrun.h"

#include <QElapsedTimer>

namespace BurgerBench {

class LoadEngine;

// The models whose requests run on the LoadEngine's event loop (this object's thread):
//   sequential / concurrent        plain engine runs (sequential with CPU work: on the loop);
//   mixed                          each response post-processed on QtConcurrent; the result
//                                  comes back to this thread with .then(engine, ...), the run
//                                  held open (holdFinish/releaseFinish) until it has;
//   anti-pattern                   the same post-processing run synchronously inside the
//                                  completion hook, on the loop: the engine's 10 ms lag probe
//                                  and every other request's token times show the freeze.
class EngineModelRun : public ModelRun
{
    Q_OBJECT
public:
    explicit EngineModelRun(const ModelSetup &setup, QObject *parent = nullptr);
    ~EngineModelRun() override;

    bool start(QString *error) override;
    void cancel() override;
    bool isRunning() const override;
    ModelResult takeResult() override;
    ModelResult snapshot() override;
    Progress progress() override;
    // The engine's own live deltas (cheap at any size), with this run's tasks and lanes added.
    void setLiveInterval(int ms) override;

private:
    // Mixed mode's jobs on the pool right now, as open (or just ended) tasks.
    // With `nowNs`, also the engine clock's "now" read under the same lock as the stamps: no
    // returned task starts after it.
    std::vector<TaskRecord> runningPoolTasks(qint64 *nowNs = nullptr);
    void decorateLive(LiveDelta &delta);
    qint64 engineNow() const;
    void postProcessOnLoop(quint32 index);
    void postProcessOnPool(quint32 index);
    void onEngineFinished();

    ModelSetup m_setup;
    LoadEngine *m_engine = nullptr; // child
    // The engine's clock is private; ours starts just before it and the offset between the two
    // is fixed after start() (see start()), so task times land on the trace's clock.
    QElapsedTimer m_clock;
    qint64 m_engineOriginNs = 0;
    qint64 m_rounds = 0;
    int m_loopLane = -1;
    ThreadLanes m_poolLanes;
    std::vector<qint32> m_taskOwner;
    // Mixed mode's post-processing jobs in submission order, for snapshots of the ones running:
    // what this thread knows of each (`m_pool`), and the start/end stamps the pool threads write
    // under a mutex (`m_poolLive`, shared with them: they may outlive this run).
    struct PoolJob
    {
        quint32 request = 0;
        qint64 queuedNs = -1;
        bool delivered = false; // its TaskRecord is in the trace
    };
    std::vector<PoolJob> m_pool;
    std::shared_ptr<PoolProgress> m_poolLive;
    ModelResult m_result;
    bool m_running = false;
    int m_liveMs = 0;
    size_t m_tasksPublished = 0; // finished tasks already sent in a live update
    size_t m_runningPublished = 0; // running ones sent after them in the last update
    std::vector<TaskLane> m_lanesPublished;
};

} // namespace BurgerBench
