#pragma once

#include "trace/livetrace.h"
#include "trace/runtrace.h"
#include "workload/requestplan.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace BurgerBench {

class LoadEnginePrivate;

// Fires an OpenAI-compatible load on QNetworkAccessManager's event loop and records every
// request to the token. Lives on one thread (the "cashier"): in the CLI the main thread, in the
// desktop app a thread of its own so painting never delays a timestamp.
//
// Honest concurrency: Qt 6.4 opens at most 6 HTTP/1.1 connections per host and manager, so the
// engine spreads requests over a pool of managers (one per 6 slots), or multiplexes them over
// HTTP/2 when the scenario asks for h2c; the concurrency asked for is the concurrency on the wire.
class LoadEngine : public QObject
{
    Q_OBJECT
public:
    explicit LoadEngine(QObject *parent = nullptr);
    ~LoadEngine() override;

    // Resolves a user URL into the endpoint URL: a base (http://h:p or http://h:p/v1) gets
    // /v1/chat/completions or /v1/completions appended; a full endpoint path is kept.
    static QUrl endpointUrl(const QUrl &base, Endpoint endpoint);

    // Starts the run. `target` is the base or endpoint URL; `apiKey` (may be empty) is sent as
    // a Bearer token and stored nowhere. Returns false with *error for an unusable target.
    bool start(
        const Scenario &scenario, const QUrl &target, const QByteArray &apiKey, QString *error = nullptr);
    // A workload's plan built before the clock (shared, read-only), used by the next start();
    // without one, start() plans the scenario's workload itself.
    void setPlan(std::shared_ptr<const RequestPlan> plan);
    // Cuts off everything still queued or in flight (recorded as incomplete, "cancelled"),
    // then emits finished(). Safe to call at any moment, also from a slot of this engine.
    void cancel();
    bool isRunning() const;

    // The trace; read it on the engine's thread, or after finished().
    const RunTrace &trace() const;
    RunTrace takeTrace();
    Progress progress() const;
    // Issue 15: the most body bytes the run's attempts in flight held at once between reads
    // (unfinished SSE lines and events, bodies kept whole): what scenario.maxBufferedBytes bounds.
    qint64 peakBufferedBytes() const;

    // Live updates every `ms` milliseconds while running (0 = off, the default).
    void setLiveInterval(int ms);
    // Called on the engine thread with each live update just before it is published, so a model
    // running on this engine can add what it recorded besides requests (tasks, lanes).
    using LiveDecorator = std::function<void(LiveDelta &delta)>;
    void setLiveDecorator(LiveDecorator decorator);

    // Called on the engine thread right after a request succeeds (warm-up ones too), before its
    // lane is reused. The Mixed and AntiPattern models use it to post-process the response, on
    // the QtConcurrent pool or on this very thread, recording TaskRecords in mutableTrace().
    using CompletionHook = std::function<void(quint32 requestIndex)>;
    void setCompletionHook(CompletionHook hook);
    // The trace for hooks to append tasks and lanes to; engine thread only.
    RunTrace &mutableTrace();
    // Work started by a hook that the run must wait for before it finishes (counted).
    void holdFinish();
    void releaseFinish();

signals:
    void liveUpdate(std::shared_ptr<const BurgerBench::LiveDelta> delta);
    void finished();

private:
    friend class LoadEnginePrivate;
    std::unique_ptr<LoadEnginePrivate> d;
};

} // namespace BurgerBench
