#include "parallel/blockingworkersrun.h"

#include "engine/loadengine.h"
#include "engine/requestbody.h"
#include "engine/tokenbucket.h"
#include "parallel/blockinghttp.h"
#include "parallel/cpuwork.h"
#include "trace/lanenames.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QThread>

#include <algorithm>
#include <atomic>

namespace BurgerBench {

// Everything the workers share. The clock is started before `go` is released and only read
// afterwards. records, tasks, owners, jobStarted and jobEnded are guarded by liveMutex: a worker
// publishes into them as it goes (records[k] only by the worker that claimed k, tasks[w] only by
// worker w), and this thread copies them under the mutex for a snapshot, or reads them without
// it after every worker has finished. jobMessage is read only then.
struct BlockingShared
{
    ModelSetup setup;
    QUrl endpoint;
    std::shared_ptr<const RequestPlan> plan; // a workload's, read once and shared by the workers
    QByteArray runTag;
    QElapsedTimer clock;
    int n = 0;
    int workers = 0;
    qint64 gapNs = 0; // open loop: request k is due at k·gap
    qint64 rounds = 0; // CPU work per task
    bool cpuOnly = false;
    bool jobs = false;
    std::atomic<int> next { 0 };
    std::atomic<bool> cancel { false };
    QSemaphore ready;
    QSemaphore go;
    QSemaphore cap; // the concurrency cap: one permit per request in flight
    QMutex bucketMutex;
    TokenBucket bucket; // guarded by bucketMutex
    mutable QMutex liveMutex;
    std::vector<RequestRecord> records;
    std::vector<std::vector<TaskRecord>> tasks;
    std::vector<std::vector<qint32>> owners;
    std::vector<std::atomic<quint8>> jobStatus; // JobStatus, polled by the run's thread
    std::vector<qint64> jobStarted;
    std::vector<qint64> jobEnded;
    std::vector<QString> jobMessage;

    // Sleeps the worker until `untilNs` on the clock, waking to notice a cancel.
    bool sleepUntil(qint64 untilNs) const
    {
        for (;;) {
            if (cancel.load(std::memory_order_relaxed))
                return false;
            const qint64 left = untilNs - clock.nsecsElapsed();
            if (left <= 0)
                return true;
            QThread::usleep(quint64(std::min<qint64>(left / 1000 + 1, 20'000)));
        }
    }
};

namespace {

// Copies what request k has recorded so far into the shared record snapshots read, with its
// "held while waiting" span opened on worker w's lane at the dispatch (*held: its index there).
// Only the stamps and the new token times are copied, not the text, which grows with every
// token (the final record brings it): each call costs O(new tokens), whatever the length.
void publishProgress(BlockingShared &sh, int k, int w, const RequestRecord &r, int *held)
{
    QMutexLocker lock(&sh.liveMutex);
    RequestRecord &pub = sh.records[size_t(k)];
    if (pub.dispatchNs == r.dispatchNs && pub.sentNs == r.sentNs && pub.headersNs == r.headersNs
        && pub.firstByteNs == r.firstByteNs && pub.tokenNs.size() == r.tokenNs.size()
        && pub.outcome == r.outcome)
        return; // a wait slice that brought nothing
    pub.lane = r.lane;
    pub.intendedNs = r.intendedNs;
    pub.dispatchNs = r.dispatchNs;
    pub.sentNs = r.sentNs;
    pub.headersNs = r.headersNs;
    pub.firstByteNs = r.firstByteNs;
    pub.httpStatus = r.httpStatus;
    pub.outcome = r.outcome;
    pub.promptTokens = r.promptTokens;
    pub.tokenNs.append(r.tokenNs.begin() + qsizetype(pub.tokenNs.size()), r.tokenNs.end());
    if (*held < 0 && r.dispatchNs >= 0) {
        TaskRecord task;
        task.request = k;
        task.lane = w;
        task.kind = TaskKind::HeldWaiting; // held while waiting
        task.queuedNs = r.intendedNs;
        task.startNs = r.dispatchNs;
        *held = int(sh.tasks[size_t(w)].size());
        sh.tasks[size_t(w)].push_back(task);
        sh.owners[size_t(w)].push_back(k);
    }
}

void workerMain(BlockingShared &sh, int w)
{
    const Scenario &s = sh.setup.scenario;
    std::unique_ptr<BlockingHttpClient> client;
    if (!sh.cpuOnly) {
        client = std::make_unique<BlockingHttpClient>(s, sh.endpoint, sh.setup.apiKey, sh.plan);
        client->preconnect(); // before the clock, like the engine's pool
    }
    sh.ready.release();
    sh.go.acquire();

    for (;;) {
        if (sh.cancel.load(std::memory_order_relaxed))
            return;
        const int k = sh.next.fetch_add(1);
        if (k >= sh.n)
            return;
        qint64 intended = sh.gapNs > 0 ? k * sh.gapNs : sh.clock.nsecsElapsed();
        if (sh.gapNs > 0 && !sh.sleepUntil(intended))
            return;
        if (sh.jobs) {
            QMutexLocker lock(&sh.liveMutex);
            sh.jobStarted[size_t(k)] = sh.clock.nsecsElapsed();
            sh.jobStatus[size_t(k)].store(quint8(JobStatus::Running));
        }
        bool ok = true;
        qint64 cpuQueued = intended;
        RequestRecord r; // this worker's while it runs; published as it goes
        {
            QMutexLocker lock(&sh.liveMutex);
            r = sh.records[size_t(k)];
        }
        if (!sh.cpuOnly) {
            // The gates, blocking as a worker would: the semaphore, then the token bucket.
            while (!sh.cap.tryAcquire(1, 50)) {
                if (sh.cancel.load(std::memory_order_relaxed))
                    return;
            }
            for (;;) {
                QMutexLocker lock(&sh.bucketMutex);
                const qint64 now = sh.clock.nsecsElapsed();
                if (sh.bucket.tryAcquire(now))
                    break;
                const qint64 wait = sh.bucket.waitNs(now);
                lock.unlock();
                if (!sh.sleepUntil(now + wait)) {
                    sh.cap.release();
                    return;
                }
            }
            r.lane = w;
            if (sh.jobs && r.intendedNs >= 0)
                intended = r.intendedNs; // in line since its ticket
            else
                r.intendedNs = intended;
            QByteArray extra;
            if (sh.jobs && sh.setup.failEvery > 0 && (k + 1) % sh.setup.failEvery == 0)
                extra = "X-Sim-Fault: http_500\r\n";
            int held = -1;
            client->perform(&r, sh.clock, &sh.cancel, extra,
                [&sh, k, w, &held](const RequestRecord &now) { publishProgress(sh, k, w, now, &held); });
            sh.cap.release();
            ok = r.outcome == Outcome::Success;
            cpuQueued = r.endNs;
            if (sh.jobs && !ok)
                sh.jobMessage[size_t(k)] = errorKindName(r.error, r.httpStatus)
                    + (r.errorMessage.isEmpty() ? QString() : QStringLiteral(": ") + r.errorMessage);
            QMutexLocker lock(&sh.liveMutex);
            if (held < 0) { // perform() always reports the dispatch; be safe anyway
                TaskRecord task;
                task.request = k;
                task.lane = w;
                task.kind = TaskKind::HeldWaiting;
                task.queuedNs = intended;
                task.startNs = r.dispatchNs;
                held = int(sh.tasks[size_t(w)].size());
                sh.tasks[size_t(w)].push_back(task);
                sh.owners[size_t(w)].push_back(k);
            }
            sh.tasks[size_t(w)][size_t(held)].endNs = r.endNs;
            sh.records[size_t(k)] = r; // the final record, text and all
        }
        if (ok && sh.rounds > 0 && !sh.cancel.load(std::memory_order_relaxed)) {
            TaskRecord cpu;
            cpu.request = sh.cpuOnly ? -1 : k;
            cpu.lane = w;
            cpu.kind = TaskKind::CpuWork;
            cpu.queuedNs = cpuQueued;
            size_t at = 0;
            {
                QMutexLocker lock(&sh.liveMutex); // open on the lane while it computes
                cpu.startNs = sh.clock.nsecsElapsed();
                at = sh.tasks[size_t(w)].size();
                sh.tasks[size_t(w)].push_back(cpu);
                sh.owners[size_t(w)].push_back(k);
            }
            const QByteArray seed
                = sh.cpuOnly ? QByteArray("room ") + QByteArray::number(k) : r.text.toUtf8() + r.id;
            const qint64 cpuNs = CpuWork::cpuNsOf([&] { CpuWork::hashRounds(seed, sh.rounds); });
            QMutexLocker lock(&sh.liveMutex);
            sh.tasks[size_t(w)][at].endNs = sh.clock.nsecsElapsed();
            sh.tasks[size_t(w)][at].cpuNs = cpuNs;
        }
        if (sh.jobs) {
            QMutexLocker lock(&sh.liveMutex);
            sh.jobEnded[size_t(k)] = sh.clock.nsecsElapsed();
            sh.jobStatus[size_t(k)].store(quint8(ok ? JobStatus::Done : JobStatus::Failed));
        }
    }
}

} // namespace

BlockingWorkersRun::BlockingWorkersRun(const ModelSetup &setup, QObject *parent)
    : ModelRun(parent)
    , m_setup(setup)
{
    m_pollTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pollTimer, &QTimer::timeout, this, &BlockingWorkersRun::poll);
}

BlockingWorkersRun::~BlockingWorkersRun()
{
    if (m_shared)
        m_shared->cancel.store(true);
    for (auto &thread : m_threads) {
        thread->disconnect(this);
        thread->wait();
    }
}

bool BlockingWorkersRun::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const Scenario &s = m_setup.scenario;
    if (s.requests <= 0)
        return fail(QStringLiteral("the blocking workers need a number of requests"));
    auto sh = std::make_shared<BlockingShared>();
    sh->setup = m_setup;
    sh->jobs = m_setup.model == RaceModel::BackgroundJobs;
    sh->cpuOnly = m_setup.cpuOnly;
    sh->n = s.requests;
    sh->workers = std::clamp(s.workers, 1, s.requests);
    sh->gapNs = s.rate > 0 ? qint64(1e9 / s.rate) : 0;
    sh->rounds = CpuWork::roundsFor(s.cpuTaskMs);
    if (sh->cpuOnly && sh->rounds <= 0)
        return fail(QStringLiteral("CPU tasks need a cpu task time"));
    if (!sh->cpuOnly) {
        if (!m_setup.target.isValid() || m_setup.target.host().isEmpty())
            return fail(QStringLiteral("no target URL"));
        sh->endpoint = LoadEngine::endpointUrl(m_setup.target, s.endpoint);
        if (s.workload.active()) {
            QString planError;
            sh->plan = m_setup.plan ? m_setup.plan : RequestBody::plan(s, &planError);
            if (!sh->plan)
                return fail(planError);
        }
    }
    sh->runTag
        = QByteArray::number(QRandomGenerator::global()->generate() & 0xffffff, 16).rightJustified(6, '0');
    sh->cap.release(s.concurrency > 0 ? s.concurrency : sh->workers);
    sh->bucket = TokenBucket(s.rateLimit, s.rateLimitBurst);
    sh->records.resize(size_t(sh->n));
    for (int k = 0; k < sh->n; ++k) {
        RequestRecord &r = sh->records[size_t(k)];
        r.index = quint32(k);
        r.id = "bb-" + sh->runTag + '-' + QByteArray::number(k).rightJustified(6, '0');
    }
    sh->tasks.resize(size_t(sh->workers));
    sh->owners.resize(size_t(sh->workers));
    if (sh->jobs) {
        sh->jobStatus = std::vector<std::atomic<quint8>>(size_t(sh->n));
        sh->jobStarted.assign(size_t(sh->n), -1);
        sh->jobEnded.assign(size_t(sh->n), -1);
        sh->jobMessage.resize(size_t(sh->n));
    }
    m_shared = sh;

    RunTrace &t = m_result.trace;
    t = RunTrace();
    t.scenario = s;
    t.scenario.mode = ExecutionMode::ParallelBlocking;
    t.targetUrl = sh->endpoint.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    t.startedAt = QDateTime::currentDateTimeUtc();
    t.cpuCount = QThread::idealThreadCount();
    for (int w = 0; w < sh->workers; ++w)
        t.taskLanes.push_back(LaneNames::lane(sh->jobs ? LaneKind::JobWorker : LaneKind::Worker, w + 1));

    for (int w = 0; w < sh->workers; ++w) {
        std::unique_ptr<QThread> thread(QThread::create([sh, w] { workerMain(*sh, w); }));
        thread->setObjectName(LaneNames::english(t.taskLanes.at(size_t(w))));
        connect(thread.get(), &QThread::finished, this, [this] {
            if (--m_alive == 0)
                assemble();
        });
        thread->start();
        m_threads.push_back(std::move(thread));
    }
    m_alive = sh->workers;
    // Workers open their connections before the clock starts (a few ms on loopback).
    sh->ready.tryAcquire(sh->workers, 10'000);
    sh->clock.start();
    t.measuredStartNs = 0;
    if (sh->jobs) {
        // "202 Accepted": every job gets its id and a pending status at once.
        m_result.trace.jobs.resize(size_t(sh->n));
        for (int k = 0; k < sh->n; ++k) {
            JobRecord &job = m_result.trace.jobs[size_t(k)];
            job.id = "job-" + QByteArray::number(k + 1).rightJustified(6, '0');
            job.acceptedNs = sh->clock.nsecsElapsed();
            job.request = sh->cpuOnly ? -1 : k;
        }
        if (!sh->cpuOnly) {
            // Accepted is due: from its ticket on, each job's call waits in line for a free cook
            // (drawn and counted as the line, its wait the queue time), as an open-loop arrival
            // waits at the gate.
            QMutexLocker lock(&sh->liveMutex);
            for (int k = 0; k < sh->n; ++k)
                sh->records[size_t(k)].intendedNs = m_result.trace.jobs[size_t(k)].acceptedNs;
        }
        m_seen.assign(size_t(sh->n), JobStatus::Pending);
        m_seenEndedNs.assign(size_t(sh->n), -1);
        for (int k = 0; k < sh->n; ++k)
            emit jobStatusChanged(k, JobStatus::Pending);
        m_pollTimer.start(std::max(1, m_setup.pollMs));
    }
    m_probe.start(sh->clock);
    m_running = true;
    sh->go.release(sh->workers);
    return true;
}

void BlockingWorkersRun::poll()
{
    BlockingShared &sh = *m_shared;
    const qint64 now = sh.clock.nsecsElapsed();
    m_result.trace.jobPollsNs.push_back(now);
    for (int k = 0; k < sh.n; ++k) {
        const auto status = JobStatus(sh.jobStatus[size_t(k)].load());
        if (status == m_seen[size_t(k)])
            continue;
        m_seen[size_t(k)] = status;
        if ((status == JobStatus::Done || status == JobStatus::Failed) && m_seenEndedNs[size_t(k)] < 0)
            m_seenEndedNs[size_t(k)] = now;
        emit jobStatusChanged(k, status);
    }
}

void BlockingWorkersRun::assemble()
{
    BlockingShared &sh = *m_shared;
    for (auto &thread : m_threads)
        thread->wait();
    m_probe.stop();
    m_pollTimer.stop();
    const bool cancelled = sh.cancel.load();
    if (sh.jobs)
        poll(); // the final poll: every status as it ended
    RunTrace &t = m_result.trace;
    t.loopLag = m_probe.takeSamples();
    t.endNs = 0;
    if (!sh.cpuOnly) {
        const qint64 now = sh.clock.nsecsElapsed();
        t.requests = std::move(sh.records);
        for (RequestRecord &r : t.requests) {
            if (!r.settled()) { // never dispatched, or cut off by a cancel
                r.outcome = Outcome::Incomplete;
                r.error = ErrorKind::Cancelled;
                if (r.endNs < 0)
                    r.endNs = now;
                if (r.outputTokens < 0)
                    r.outputTokens = int(r.tokenNs.size());
            }
            if (r.dispatchNs >= 0)
                t.endNs = std::max(t.endNs, r.endNs);
        }
    }
    for (size_t w = 0; w < sh.tasks.size(); ++w) {
        for (size_t i = 0; i < sh.tasks[w].size(); ++i) {
            t.tasks.push_back(sh.tasks[w][i]);
            m_result.taskOwner.push_back(sh.owners[w][i]);
            t.endNs = std::max(t.endNs, sh.tasks[w][i].endNs);
        }
    }
    if (sh.jobs) {
        for (int k = 0; k < sh.n; ++k) {
            JobRecord &job = m_result.trace.jobs[size_t(k)];
            job.status = JobStatus(sh.jobStatus[size_t(k)].load());
            job.startedNs = sh.jobStarted[size_t(k)];
            job.endedNs = sh.jobEnded[size_t(k)];
            job.seenEndedNs = m_seenEndedNs[size_t(k)];
            job.message = sh.jobMessage[size_t(k)];
            if (cancelled && job.status == JobStatus::Pending)
                job.message = QStringLiteral("cancelled before it started");
        }
    }
    if (cancelled) {
        t.cancelled = true;
        t.abortReason = QStringLiteral("cancelled by the user");
    }
    m_running = false;
    emit finished();
}

void BlockingWorkersRun::cancel()
{
    if (m_shared)
        m_shared->cancel.store(true);
}

bool BlockingWorkersRun::isRunning() const
{
    return m_running;
}

ModelResult BlockingWorkersRun::snapshot()
{
    if (!m_running || !m_shared)
        return m_result;
    const BlockingShared &sh = *m_shared;
    ModelResult shot;
    shot.trace = m_result.trace; // scenario, lanes, start: the records come below
    {
        QMutexLocker lock(&sh.liveMutex);
        shot.snapshotNs = sh.clock.nsecsElapsed();
        if (!sh.cpuOnly)
            shot.trace.requests = sh.records;
        for (size_t w = 0; w < sh.tasks.size(); ++w) {
            shot.trace.tasks.insert(shot.trace.tasks.end(), sh.tasks[w].begin(), sh.tasks[w].end());
            shot.taskOwner.insert(shot.taskOwner.end(), sh.owners[w].begin(), sh.owners[w].end());
        }
        for (size_t k = 0; k < shot.trace.jobs.size(); ++k) {
            JobRecord &job = shot.trace.jobs[k];
            job.status = JobStatus(sh.jobStatus[k].load());
            job.startedNs = sh.jobStarted[k];
            job.endedNs = sh.jobEnded[k];
        }
    }
    for (size_t k = 0; k < shot.trace.jobs.size() && k < m_seenEndedNs.size(); ++k)
        shot.trace.jobs[k].seenEndedNs = m_seenEndedNs[k];
    shot.trace.endNs = shot.snapshotNs;
    return shot;
}

ModelResult BlockingWorkersRun::takeResult()
{
    return std::move(m_result);
}

} // namespace BurgerBench
