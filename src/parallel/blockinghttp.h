#pragma once

#include "engine/requestbody.h"
#include "engine/tlstrust.h"
#include "scenario/scenario.h"
#include "trace/runtrace.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QTcpSocket;

namespace BurgerBench {

// One OpenAI-compatible request done the blocking way, as a thread-pool worker running
// `requests.post(..., stream=True)` does it: the calling thread writes the request and then sits
// in waitForReadyRead() until each piece of the answer arrives. Nothing else can run on that
// thread meanwhile: that is the point of the parallel-blocking model ("8 cashier-cooks, everyone
// waits at the counter").
//
// A small HTTP/1.1 client over QTcpSocket's waitFor* calls (QSslSocket for https): keep-alive
// connection reused between requests like a requests.Session. The bytes are parsed by
// protocol/'s HttpResponseParser (Content-Length, chunked, close-delimited, 1xx skipped) and
// judged by the same AttemptClassifier as the event-loop engine's, so both record one response
// alike; every moment is recorded on the caller's clock exactly as the engine records it
// (METRICS.md items 2 and 4-6). No retries: a failure is recorded as is.
//
// Thread affinity: create, use and destroy on one thread (the worker's).
class BlockingHttpClient
{
public:
    // `plan`: a workload's request plan, shared between the workers (null without a workload).
    BlockingHttpClient(const Scenario &scenario, const QUrl &endpoint, const QByteArray &apiKey,
        std::shared_ptr<const RequestPlan> plan = {});
    ~BlockingHttpClient();
    BlockingHttpClient(const BlockingHttpClient &) = delete;
    BlockingHttpClient &operator=(const BlockingHttpClient &) = delete;

    // Opens the connection ahead of the clock (as the engine pre-connects its pool); false if it
    // could not, in which case perform() tries again.
    bool preconnect(int timeoutMs = 5000);

    // Sends the run's body and blocks until the response is complete, failed, timed out or
    // `cancel` became true (then recorded as incomplete). Fills dispatch/sent/headers/first
    // byte/tokens/end, status, outcome, error, token counts and text. `extraHeaders` are raw
    // "Name: value\r\n" lines (the background-job demo injects simulator faults with it).
    // `progress`, if set, is called on this thread with the record as it stands right after the
    // dispatch, after the body is sent and after every read or wait slice (at most every 50 ms
    // of silence), so a live view can copy what is new; not after the end (the caller has it).
    using Progress = std::function<void(const RequestRecord &record)>;
    void perform(RequestRecord *record, const QElapsedTimer &clock, const std::atomic<bool> *cancel,
        const QByteArray &extraHeaders = {}, const Progress &progress = {});

private:
    bool connectSocket(int timeoutMs, QString *error, ErrorKind *kind);
    void dropSocket();

    Scenario m_scenario;
    QUrl m_endpoint;
    QByteArray m_apiKey;
    RequestBodies m_bodies; // the same request bodies as the load engine's
    std::unique_ptr<QTcpSocket> m_socket;
    TlsConfiguration m_tls; // https: whom the connection trusts (engine/tlstrust.h), loaded once
    QString m_tlsError; // why it could not be loaded (RunSession::check refuses that before a run)
};

} // namespace BurgerBench
