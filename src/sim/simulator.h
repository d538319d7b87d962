#pragma once

#include "sim/simulatorsettings.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

namespace BurgerBench {

class SimulatorPrivate;

// The built-in OpenAI-compatible LLM simulator: a small QTcpServer HTTP/1.1 server
// (keep-alive, Content-Length and chunked bodies, raised listen backlog) whose token timers are
// Qt::PreciseTimer. It records ground truth on its own monotonic clock: for every request its
// X-Request-Id, arrival, admission, each token written, and the end.
//
// Endpoints: POST /v1/chat/completions, POST /v1/completions, POST /v1/responses (OpenAI's
// Responses API, sim/responsesapi.h) (SSE when "stream": true, with a
// final usage chunk when stream_options.include_usage; "usage" in non-streaming bodies),
// GET /v1/models, GET /sim/stats, POST /sim/reset, GET /health, GET /metrics (Prometheus text in vLLM's
// names: sim/simmetrics.h), POST /tokenize (vLLM's shape, sim/tokenizeendpoint.h; 404 when
// SimulatorSettings::tokenizeEndpoint is off).
// Prompts are counted by SimTokenizer (not in words; chat through its template), usage carries
// prompt_tokens_details.cached_tokens from the PrefixCache, and the TTFT adds
// prefillUsPerPromptToken for every uncached prompt token. Wrongly typed bodies get 400 with an
// OpenAI-shaped error naming the field (checkRequestBody).
// A request header `X-Sim-Fault: <name>` forces one fault for that request (tests use it):
// none, http_429, http_500, http_503, reset, stall, malformed, stream_error, missing_done.
//
// Thread affinity: lives on the thread that created it; stats(), reset() and setSettings() are
// thread-safe.
class Simulator : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(const SimulatorSettings &settings = {}, QObject *parent = nullptr);
    ~Simulator() override;

    bool listen(
        const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0, QString *error = nullptr);
    QUrl url() const; // e.g. http://127.0.0.1:41234 (no trailing slash)

    void setSettings(const SimulatorSettings &settings);
    SimulatorSettings settings() const;

    // The same JSON GET /sim/stats returns:
    // {"clock": "ns since simulator start", "requests_received": N, "peak_concurrent": P,
    //  "peak_running": R, "in_progress": k, "connections_accepted": c,
    //  "requests": [{"id": "...", "endpoint": "chat", "stream": true, "arrival_ns": ..,
    //      "admitted_ns": .., "first_token_ns": .., "token_ns": [..], "end_ns": ..,
    //      "status": 200, "fault": "none", "prompt_tokens": .., "cached_tokens": ..,
    //      "messages": .., "output_tokens": .., "reasoning_tokens": ..}],
    //  "prefix_cache": {"block_tokens": 512, "capacity_blocks": .., "cached_blocks": ..,
    //      "evicted_blocks": .., "prompt_tokens": .., "hit_tokens": ..}}
    // reasoning_tokens: the first of output_tokens the answer streams as reasoning
    // (SimulatorSettings::reasoningTokens, at most output_tokens - 1; 0 for completions).
    // messages is the number of chat messages received (0 for completions); cached_tokens the
    // prompt tokens the prefix cache held when the request was admitted. reset() also empties
    // the prefix cache.
    // peak_concurrent counts requests received and not yet finished (waiting for capacity
    // included); peak_running counts those admitted.
    QJsonObject stats() const;
    void reset();

private:
    std::unique_ptr<SimulatorPrivate> d;
};

// Runs a Simulator on its own thread so its timers never share an event loop with the client
// being measured. RAII: the destructor stops the thread.
class SimulatorThread
{
public:
    SimulatorThread();
    ~SimulatorThread();
    SimulatorThread(const SimulatorThread &) = delete;
    SimulatorThread &operator=(const SimulatorThread &) = delete;

    // Blocks until the server listens (or fails).
    bool start(const SimulatorSettings &settings, QString *error = nullptr,
        const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void stop();
    QUrl url() const;
    Simulator *simulator() const; // not owned by the caller; lives on the simulator thread

private:
    std::unique_ptr<QThread> m_thread;
    Simulator *m_sim = nullptr;
    QUrl m_url;
};

} // namespace BurgerBench
