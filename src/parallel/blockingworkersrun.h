#pragma once

#include "parallel/loopprobe.h"
#include "parallel/modelrun.h"

#include <QTimer>

#include <memory>
#include <vector>

class QThread;

namespace BurgerBench {

struct BlockingShared;

// W worker QThreads that each take the next order and see it through with blocking calls: the
// request on a BlockingHttpClient (the thread held in waitForReadyRead for the whole wait: a
// red "held while waiting" TaskRecord, kind 1, on its lane), then any CPU post-processing on the
// same thread (kind 0). The concurrency cap is a QSemaphore the workers acquire around each
// request, the rate limit a shared token bucket they sleep on. With setup.model ==
// BackgroundJobs the same workers serve jobs accepted up front: each job's status goes
// pending -> running -> done/failed, and a 100 ms poll on this thread reports what the client
// would see (jobStatusChanged).
//
// The records cross threads under one mutex: each worker publishes the request it performs (its
// stamps and new token times, as they come), opens a task when it starts one and closes it at
// the end; snapshot() copies them under that mutex, and assemble() takes them without it after
// every worker's QThread::finished.
class BlockingWorkersRun : public ModelRun
{
    Q_OBJECT
public:
    explicit BlockingWorkersRun(const ModelSetup &setup, QObject *parent = nullptr);
    ~BlockingWorkersRun() override;

    bool start(QString *error) override;
    void cancel() override;
    bool isRunning() const override;
    ModelResult takeResult() override;
    ModelResult snapshot() override;

private:
    void poll();
    void assemble();

    ModelSetup m_setup;
    std::shared_ptr<BlockingShared> m_shared;
    std::vector<std::unique_ptr<QThread>> m_threads;
    int m_alive = 0;
    LoopProbe m_probe;
    QTimer m_pollTimer;
    std::vector<JobStatus> m_seen;
    std::vector<qint64> m_seenEndedNs;
    ModelResult m_result;
    bool m_running = false;
};

} // namespace BurgerBench
