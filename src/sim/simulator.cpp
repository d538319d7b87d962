#include "sim/simulator.h"

#include "sim/httprequestparser.h"
#include "sim/prefixcache.h"
#include "sim/requestcheck.h"
#include "sim/responsesapi.h"
#include "sim/simmetrics.h"
#include "sim/simtokenizer.h"
#include "sim/tokenizeendpoint.h"
#include "trace/clockorigin.h"

#include <QBasicTimer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QTimerEvent>

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <random>
#include <vector>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <sys/socket.h>
#elif defined(Q_OS_WIN)
#include <winsock2.h>
#endif

Q_LOGGING_CATEGORY(lcSim, "burgerbench.sim", QtWarningMsg)

namespace BurgerBench {

namespace {

constexpr qint64 NsPerMs = 1000000;
constexpr int MaxOutputTokens = 1000000; // a sanity cap, not an OpenAI limit
constexpr int DefaultOutputTokens = 16;

enum class Fault : quint8 {
    None,
    Http429,
    Http500,
    Http503,
    Reset,
    Stall,
    Malformed,
    StreamError,
    MissingDone,
    ClientClosed, // recorded only: the client went away
};

// Names as X-Sim-Fault takes them and /sim/stats reports them, in Fault order.
constexpr const char *FaultNames[] = { "none", "http_429", "http_500", "http_503", "reset", "stall",
    "malformed", "stream_error", "missing_done", "client_closed" };

QLatin1String faultName(Fault fault)
{
    return QLatin1String(FaultNames[int(fault)]);
}

bool faultFromName(QByteArrayView name, Fault *fault)
{
    const QByteArray lower = name.toByteArray().trimmed().toLower();
    for (int i = 0; i <= int(Fault::MissingDone); ++i) {
        if (lower == FaultNames[i]) {
            *fault = Fault(i);
            return true;
        }
    }
    return false;
}

bool isMidStreamFault(Fault fault)
{
    return fault == Fault::Reset || fault == Fault::Stall || fault == Fault::Malformed
        || fault == Fault::StreamError;
}

enum class Endpoint : quint8 { Chat, Completions, Responses };

constexpr const char *EndpointNames[] = { "chat", "completions", "responses" }; // in /sim/stats

// Ground truth for one completion request, on the simulator's clock (ns since its start; -1 when
// the moment has not happened). Shared between the connection serving it and the record list;
// every field is guarded by SimulatorPrivate::m_mutex.
struct SimRecord
{
    QByteArray id;
    Endpoint endpoint = Endpoint::Chat;
    bool stream = false;
    qint64 arrivalNs = -1;
    qint64 admittedNs = -1;
    qint64 firstTokenNs = -1;
    qint64 endNs = -1;
    std::vector<qint64> tokenNs;
    int status = 0; // 0 while no status line was written
    Fault fault = Fault::None;
    int promptTokens = 0;
    int cachedTokens = 0; // prompt tokens the prefix cache held at admission
    std::vector<quint64> pinnedBlocks; // its full prompt blocks, in the KV pool while it runs
    int messages = 0; // chat messages received (0 for completions)
    int outputTokens = 0;
    int reasoningTokens = 0; // of outputTokens, the first ones streamed as reasoning
    bool finished = false;
};

// Burger words for the generated text; each token is one word and a space.
constexpr const char *Vocabulary[] = { "bun", "sesame", "patty", "cheese", "lettuce", "tomato", "pickle",
    "onion", "ketchup", "mustard", "grill", "sizzle", "fries", "shake", "order", "up" };
constexpr int VocabularySize = int(sizeof(Vocabulary) / sizeof(Vocabulary[0]));

QByteArrayView tokenWord(int i)
{
    return QByteArrayView(Vocabulary[i % VocabularySize]);
}

// The words of tokens [from, to): reasoning is the first part of an answer, the text the rest.
QByteArray generatedText(int from, int to)
{
    QByteArray text;
    text.reserve(std::max(0, to - from) * 8);
    for (int i = from; i < to; ++i) {
        text.append(tokenWord(i));
        text.append(' ');
    }
    return text;
}

QByteArray generatedText(int tokens)
{
    return generatedText(0, tokens);
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    out.append('"');
    for (char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            const char escaped[] = { '\\', 'u', '0', '0', hex[u >> 4], hex[u & 15] };
            out.append(escaped, 6);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void appendHex(QByteArray &out, qsizetype value)
{
    char digits[16];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[value & 15];
        value >>= 4;
    } while (value > 0);
    while (n > 0)
        out.append(digits[--n]);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

QByteArray errorBody(const QString &message, const QString &type, int code, const QString &param = {})
{
    const QJsonObject error { { QLatin1String("message"), message }, { QLatin1String("type"), type },
        { QLatin1String("param"), param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(param) },
        { QLatin1String("code"), code } };
    return QJsonDocument(QJsonObject { { QLatin1String("error"), error } }).toJson(QJsonDocument::Compact);
}

QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A complete, not-streamed response.
struct Response
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QByteArray extraHeaders; // each line ends in \r\n
};

Response errorResponse(int status, const QString &message, const QString &type, const QString &param = {})
{
    Response r;
    r.status = status;
    r.body = errorBody(message, type, status, param);
    return r;
}

// OpenAI's usage object; prompt_tokens_details.cached_tokens as OpenAI reports prompt caching,
// completion_tokens_details.reasoning_tokens (included in completion_tokens) when there were any.
QJsonObject usageObject(int promptTokens, int completionTokens, int cachedTokens, int reasoningTokens = 0)
{
    QJsonObject usage { { QLatin1String("prompt_tokens"), promptTokens },
        { QLatin1String("completion_tokens"), completionTokens },
        { QLatin1String("total_tokens"), promptTokens + completionTokens },
        { QLatin1String("prompt_tokens_details"),
            QJsonObject { { QLatin1String("cached_tokens"), cachedTokens } } } };
    if (reasoningTokens > 0)
        usage.insert(QLatin1String("completion_tokens_details"),
            QJsonObject { { QLatin1String("reasoning_tokens"), reasoningTokens } });
    return usage;
}

// One parsed completion request and, once it runs, its progress.
struct Job
{
    // From the request.
    HttpRequest request; // kept for non-completion endpoints, which answer when their turn comes
    bool keepAlive = true;
    bool completion = false;

    // Completion requests only.
    std::shared_ptr<SimRecord> record;
    Response immediate; // a 4xx/5xx answered without generating (bad body, HTTP faults)
    bool answerImmediately = false;
    Endpoint endpoint = Endpoint::Chat;
    bool stream = false;
    bool includeUsage = false;
    bool fixedLength = false;
    int outputTokens = DefaultOutputTokens;
    int reasoning = 0; // of outputTokens, the first ones are reasoning (SimulatorSettings::reasoningTokens)
    int promptTokens = 0; // SimTokenizer's count of the whole prompt (chat template included)
    int messages = 0;
    std::vector<quint64> blockHashes; // PrefixCache keys of the prompt's full blocks
    int cachedTokens = 0; // set at admission
    Fault fault = Fault::None;
    QString model;
    SimulatorSettings settings; // snapshot at arrival
    QByteArray eventPrefix; // `data: {"id":…,"choices":[{"index":0,` up to the varying part
    QByteArray reasoningPrefix; // Responses only: a reasoning delta event up to its text
    QByteArray usageEvent; // the usage `data:` event (its usage is appended at admission)
    QByteArray requestIdHeader; // "X-Request-Id: …\r\n" or empty
    qint64 created = 0; // unix seconds
    ResponsesApi::Reply responses; // Endpoint::Responses only
    int sequence = 0; // the Responses API's next sequence_number

    // Progress.
    bool admitted = false;
    bool waiting = false; // in the capacity queue
    int sent = 0; // token chunks written
    bool faultDone = false;
    qint64 firstTargetNs = 0;
    qint64 nextTargetNs = 0;
    qint64 shiftNs = 0; // added by a stall to every later target
};

} // namespace

class SimConnection;

class SimulatorPrivate : public QObject
{
public:
    explicit SimulatorPrivate(const SimulatorSettings &settings);
    ~SimulatorPrivate() override;

    qint64 nowNs() const { return m_clock.nsecsElapsed(); }

    // Capacity (simulator thread only).
    bool acquireSlot(SimConnection *connection); // false: queued, admitted() is called later
    void releaseSlot();
    void cancelWaiting(SimConnection *connection);
    void admitWaiting();

    // Records (any thread; take the mutex).
    std::shared_ptr<SimRecord> newRecord(const QByteArray &id, Endpoint endpoint, bool stream,
        qint64 arrivalNs, int promptTokens, const QString &model);
    Fault rollFault();
    qint64 jitterNs(double jitterMs);
    void markAdmitted(SimRecord &record, qint64 t);
    // The prompt's prefill starts: returns (and records) the tokens the prefix cache held.
    int admitPrefix(
        SimRecord &record, const std::vector<quint64> &blockHashes, int promptTokens, qint64 kvCacheTokens);
    void markToken(SimRecord &record, qint64 t);
    void markStatus(SimRecord &record, int status);
    void finish(SimRecord &record, qint64 t, int outputTokens, Fault fault);
    SimulatorSettings settingsSnapshot() const;
    int nextSequence();

    QJsonObject stats() const;
    void reset();
    QByteArray modelsBody() const;

    void onNewConnection();
    void removeConnection(SimConnection *connection);

    // Token clock (simulator thread only): one connection has at most one due time at once.
    void schedule(SimConnection *connection, qint64 targetNs);
    void cancel(SimConnection *connection);

protected:
    void timerEvent(QTimerEvent *event) override;

public:
    struct Due
    {
        qint64 targetNs;
        quint64 ticket; // also the tie-breaker: equal targets run in the order they were set
        bool operator>(const Due &o) const
        {
            return targetNs != o.targetNs ? targetNs > o.targetNs : ticket > o.ticket;
        }
    };
    void runDue();
    void rearm();

    QTcpServer m_server;
    QElapsedTimer m_clock;
    qint64 m_clockOriginMonotonicNs = -1; // CLOCK_MONOTONIC at m_clock's zero (aligns a client)

    // Simulator thread only.
    QSet<SimConnection *> m_connections;
    std::deque<SimConnection *> m_waiting;
    int m_running = 0;
    std::vector<Due> m_due; // min-heap on (targetNs, ticket)
    QHash<quint64, SimConnection *> m_tickets; // live tickets; a cancelled one is skipped when popped
    quint64 m_nextTicket = 1;
    QBasicTimer m_tick;
    qint64 m_tickArmedFor = -1;
    bool m_inBatch = false; // runDue() re-arms once at its end

    mutable QMutex m_mutex; // guards everything below and every SimRecord
    SimulatorSettings m_settings;
    std::mt19937 m_faultRng;
    std::mt19937 m_jitterRng;
    std::vector<std::shared_ptr<SimRecord>> m_records;
    SimMetrics m_metrics; // GET /metrics
    PrefixCache m_prefixCache;
    QString m_lastModel;
    int m_sequence = 0;
    qint64 m_requestsReceived = 0;
    qint64 m_connectionsAccepted = 0;
    int m_inProgress = 0;
    int m_runningReported = 0;
    int m_peakConcurrent = 0;
    int m_peakRunning = 0;
};

// One accepted socket. Requests on it are answered strictly in order (HTTP/1.1 pipelining): the
// head job runs, the others wait. Owns its socket; owned by SimulatorPrivate (QObject child) and
// deletes itself once the socket has disconnected. Lives on the simulator's thread.
class SimConnection : public QObject
{
public:
    SimConnection(SimulatorPrivate *d, QTcpSocket *socket);
    ~SimConnection() override;

    void admitted(); // the head job got a capacity slot
    void shutdown(); // the simulator is going away: abort quietly, never call back

    void onDue(); // the time set with SimulatorPrivate::schedule() has come
    quint64 m_ticket = 0; // pending due time in SimulatorPrivate's clock, 0 when none

private:
    void onReadyRead();
    void onDisconnected();
    void enqueue(HttpRequest &&request, qint64 arrivalNs);
    void prepareCompletion(Job &job, qint64 arrivalNs);
    void pump();
    bool startCompletion(Job &job); // false: finished already
    void streamStep();
    void responsesStep(Job &job, bool last); // streamStep's token write for /v1/responses
    void bodyStep();
    void completeHead(qint64 endNs, int outputTokens);
    void closeAfterResponse();
    void resetConnection();
    void arm(qint64 targetNs);
    qint64 nextTokenTarget(Job &job);

    Response routeImmediate(const HttpRequest &request);
    void writeResponse(const Response &response, bool keepAlive, const QByteArray &extraHeaders = {});
    void writeStreamHeaders(const Job &job);
    void writeEvent(QByteArrayView a, QByteArrayView b = {}, QByteArrayView c = {}, QByteArrayView d = {});
    void writeStreamEnd(const Job &job, bool usage, bool done);
    bool writable() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    void send();

    SimulatorPrivate *d;
    QTcpSocket *m_socket; // child
    HttpRequestParser m_parser;
    std::deque<Job> m_jobs; // front is the one being answered when m_busy
    bool m_busy = false;
    bool m_noMoreRequests = false; // a request said Connection: close, or parsing failed
    bool m_gone = false; // disconnected; waiting for deleteLater
    bool m_chunked = true; // HTTP/1.0 clients get a close-delimited stream instead
    QByteArray m_out; // reused for every write: one write() per event, no per-token allocation
};

SimConnection::SimConnection(SimulatorPrivate *dd, QTcpSocket *socket)
    : QObject(dd)
    , d(dd)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_out.reserve(512);
    connect(m_socket, &QTcpSocket::readyRead, this, &SimConnection::onReadyRead);
    // Queued: a failing flush() inside a token step may emit disconnected synchronously; the
    // step must finish with its job intact and clean up afterwards.
    connect(m_socket, &QTcpSocket::disconnected, this, &SimConnection::onDisconnected, Qt::QueuedConnection);
}

SimConnection::~SimConnection()
{
    d->cancel(this);
    d->removeConnection(this);
}

void SimConnection::shutdown()
{
    m_gone = true;
    d->cancel(this);
    m_socket->disconnect(this);
    m_socket->abort();
}

void SimConnection::onReadyRead()
{
    const QByteArray data = m_socket->readAll();
    if (m_gone || m_noMoreRequests)
        return;
    m_parser.feed(data);
    const qint64 arrival = d->nowNs();
    while (m_parser.hasRequest() && !m_noMoreRequests)
        enqueue(m_parser.takeRequest(), arrival);
    if (m_parser.hasError())
        m_noMoreRequests = true;
    if (m_parser.takeExpectContinue() && m_jobs.empty() && !m_busy && writable()) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_socket->flush();
    }
    pump();
}

void SimConnection::enqueue(HttpRequest &&request, qint64 arrivalNs)
{
    Job &job = m_jobs.emplace_back();
    job.keepAlive = request.keepAlive();
    if (!job.keepAlive)
        m_noMoreRequests = true;
    if (request.versionMinor == 0)
        m_chunked = false;
    const bool chat = request.path == "/v1/chat/completions";
    const bool responses = request.path == "/v1/responses";
    job.completion = request.method == "POST" && (chat || responses || request.path == "/v1/completions");
    job.endpoint = chat ? Endpoint::Chat : responses ? Endpoint::Responses : Endpoint::Completions;
    job.request = std::move(request);
    if (job.completion) {
        prepareCompletion(job, arrivalNs);
        job.request.body = QByteArray(); // everything needed is extracted; up to 16 MiB
    }
}

// Reads the body, decides length, prompt size and fault, and records the arrival. Everything a
// token write needs later is formatted here once.
void SimConnection::prepareCompletion(Job &job, qint64 arrivalNs)
{
    const HttpRequest &request = job.request;
    job.settings = d->settingsSnapshot();
    job.created = QDateTime::currentSecsSinceEpoch();
    const int sequence = d->nextSequence();
    const QByteArray openAiId = (job.endpoint == Endpoint::Chat               ? QByteArrayLiteral("chatcmpl-")
                                        : job.endpoint == Endpoint::Responses ? QByteArrayLiteral("resp_")
                                                                              : QByteArrayLiteral("cmpl-"))
        + QByteArray::number(sequence);
    QByteArray id = request.header("x-request-id");
    if (id.isEmpty())
        id = openAiId;
    else
        job.requestIdHeader = QByteArrayLiteral("X-Request-Id: ") + id + QByteArrayLiteral("\r\n");

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject body = document.object();
    QString &model = job.model;
    model = body.value(QLatin1String("model")).toString();
    if (model.isEmpty())
        model = QStringLiteral("burger-7b");
    job.stream = body.value(QLatin1String("stream")).toBool(false);
    job.includeUsage = body.value(QLatin1String("stream_options"))
                           .toObject()
                           .value(QLatin1String("include_usage"))
                           .toBool(false);

    if (job.settings.outputTokens > 0) {
        job.outputTokens = job.settings.outputTokens;
        job.fixedLength = true;
    } else {
        const int maxCompletion
            = body.value(job.endpoint == Endpoint::Responses ? QLatin1String("max_output_tokens")
                                                             : QLatin1String("max_completion_tokens"))
                  .toInt(0);
        const int maxTokens = body.value(QLatin1String("max_tokens")).toInt(0);
        job.outputTokens = maxCompletion > 0 ? maxCompletion
            : maxTokens > 0                  ? maxTokens
                                             : DefaultOutputTokens;
    }
    job.outputTokens = std::min(job.outputTokens, MaxOutputTokens);
    job.reasoning = job.endpoint == Endpoint::Completions
        ? 0
        : std::clamp(job.settings.reasoningTokens, 0, std::max(0, job.outputTokens - 1));

    std::vector<qint32> promptIds;
    if (job.endpoint == Endpoint::Responses) {
        promptIds = ResponsesApi::tokenizeInput(body, &job.messages);
    } else if (job.endpoint == Endpoint::Chat) {
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        job.messages = int(messages.size());
        promptIds = SimTokenizer::tokenizeChat(messages);
    } else {
        promptIds = SimTokenizer::tokenizePrompt(body.value(QLatin1String("prompt")));
    }
    job.promptTokens = int(promptIds.size());
    job.blockHashes = PrefixCache::blockHashes(promptIds);

    // One roll per completion request, header or not, so the sequence of rolled faults depends
    // only on the order requests arrive in.
    job.fault = d->rollFault();
    const QByteArray faultHeader = request.header("x-sim-fault");
    bool badFaultName = false;
    if (!faultHeader.isEmpty() && !faultFromName(faultHeader, &job.fault))
        badFaultName = true;

    job.record = d->newRecord(id, job.endpoint, job.stream, arrivalNs, job.promptTokens, model);
    {
        QMutexLocker lock(&d->m_mutex);
        job.record->fault = job.fault;
        job.record->messages = job.messages;
        job.record->reasoningTokens = job.reasoning;
    }

    RequestProblem problem;
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        job.answerImmediately = true;
        job.immediate = errorResponse(400, QStringLiteral("request body is not a JSON object"),
            QStringLiteral("invalid_request_error"));
    } else if (!checkRequestBody(job.endpoint == Endpoint::Chat ? SimApi::Chat
                       : job.endpoint == Endpoint::Responses    ? SimApi::Responses
                                                                : SimApi::Completions,
                   body, &problem)) {
        job.answerImmediately = true;
        job.immediate
            = errorResponse(400, problem.message, QStringLiteral("invalid_request_error"), problem.param);
    } else if (badFaultName) {
        job.answerImmediately = true;
        job.immediate
            = errorResponse(400, QStringLiteral("unknown X-Sim-Fault: ") + QString::fromLatin1(faultHeader),
                QStringLiteral("invalid_request_error"));
    } else if (job.fault == Fault::Http429 || job.fault == Fault::Http500 || job.fault == Fault::Http503) {
        job.answerImmediately = true;
        if (job.fault == Fault::Http429) {
            job.immediate = errorResponse(
                429, QStringLiteral("simulated rate limit"), QStringLiteral("rate_limit_error"));
        } else if (job.fault == Fault::Http500) {
            job.immediate = errorResponse(
                500, QStringLiteral("simulated internal error"), QStringLiteral("server_error"));
        } else {
            job.immediate
                = errorResponse(503, QStringLiteral("simulated overload"), QStringLiteral("server_error"));
        }
        if (job.fault != Fault::Http500) {
            job.immediate.extraHeaders = QByteArrayLiteral("Retry-After: ")
                + QByteArray::number(job.settings.faults.retryAfterSeconds) + QByteArrayLiteral("\r\n");
        }
    }
    if (job.endpoint == Endpoint::Responses) {
        job.responses
            = { openAiId, QByteArrayLiteral("msg_") + QByteArray::number(sequence), model, job.created,
                  body.value(QLatin1String("max_output_tokens")), body.value(QLatin1String("instructions")),
                  !job.fixedLength, job.reasoning, QByteArrayLiteral("rs_") + QByteArray::number(sequence) };
        if (job.stream) {
            job.eventPrefix = ResponsesApi::deltaPrefix(job.responses);
            job.reasoningPrefix = ResponsesApi::reasoningDeltaPrefix(job.responses);
        }
        return;
    }
    if (job.answerImmediately || !job.stream)
        return;

    QByteArray prefix;
    prefix.reserve(160);
    prefix.append("data: {\"id\":\"");
    prefix.append(openAiId);
    prefix.append(job.endpoint == Endpoint::Chat
            ? QByteArrayView("\",\"object\":\"chat.completion.chunk\",\"created\":")
            : QByteArrayView("\",\"object\":\"text_completion\",\"created\":"));
    prefix.append(QByteArray::number(job.created));
    prefix.append(",\"model\":");
    appendJsonString(prefix, model.toUtf8());
    prefix.append(",\"choices\":");
    job.usageEvent = prefix;
    prefix.append("[{\"index\":0,");
    job.eventPrefix = prefix;
    if (job.includeUsage)
        job.usageEvent.append("[],\"usage\":"); // completed in admitted(), once cached tokens are known
    else
        job.usageEvent.clear();
}

// Answers queued requests in order until one has to wait for time to pass.
void SimConnection::pump()
{
    while (!m_busy && !m_gone && !m_jobs.empty()) {
        Job &job = m_jobs.front();
        if (!job.completion) {
            const Response response = routeImmediate(job.request);
            const bool keepAlive = job.keepAlive;
            m_jobs.pop_front();
            writeResponse(response, keepAlive);
            if (!keepAlive) {
                closeAfterResponse();
                return;
            }
            continue;
        }
        if (startCompletion(job))
            return; // busy until its last byte is written
        const bool keepAlive = job.keepAlive;
        m_jobs.pop_front();
        if (!keepAlive) {
            closeAfterResponse();
            return;
        }
    }
    if (!m_busy && !m_gone && m_jobs.empty() && m_parser.hasError()) {
        Response response = errorResponse(
            m_parser.errorStatus(), m_parser.errorMessage(), QStringLiteral("invalid_request_error"));
        writeResponse(response, false);
        closeAfterResponse();
    }
}

bool SimConnection::startCompletion(Job &job)
{
    if (job.answerImmediately) {
        writeResponse(job.immediate, job.keepAlive, job.requestIdHeader);
        d->markStatus(*job.record, job.immediate.status);
        d->finish(*job.record, d->nowNs(), 0, job.fault);
        return false;
    }
    if (job.stream) {
        // Like vLLM's API server: headers go out at once, even while the request waits for a
        // slot; the first token chunk comes later.
        writeStreamHeaders(job);
        d->markStatus(*job.record, 200);
        if (job.endpoint == Endpoint::Responses)
            writeEvent(ResponsesApi::startEvents(job.responses, &job.sequence));
    }
    m_busy = true;
    if (d->acquireSlot(this))
        admitted();
    else
        job.waiting = true;
    return true;
}

void SimConnection::admitted()
{
    Q_ASSERT(m_busy && !m_jobs.empty());
    Job &job = m_jobs.front();
    const qint64 now = d->nowNs();
    job.waiting = false;
    job.admitted = true;
    d->markAdmitted(*job.record, now);
    const SimulatorSettings &s = job.settings;
    job.cachedTokens = d->admitPrefix(*job.record, job.blockHashes, job.promptTokens, s.kvCacheTokens);
    if (!job.usageEvent.isEmpty()) {
        job.usageEvent.append(
            jsonBytes(usageObject(job.promptTokens, job.outputTokens, job.cachedTokens, job.reasoning)));
        job.usageEvent.append("}\n\n");
    }
    job.firstTargetNs = now + qint64(std::llround(s.ttftMs * NsPerMs))
        + qint64(std::llround(s.prefillUsPerPromptToken * 1000.0 * (job.promptTokens - job.cachedTokens)));
    job.nextTargetNs = job.firstTargetNs;
    if (!job.stream) {
        // The body goes out when the last token would have: walk the same schedule.
        for (int i = 1; i < job.outputTokens; ++i) {
            job.sent = i;
            job.nextTargetNs = nextTokenTarget(job);
        }
        job.sent = 0;
    }
    arm(job.nextTargetNs);
}

// Token i is due at first + i·interval + jitter (+ any stall), never before token i-1. Absolute
// targets: a late timer makes the next gap shorter instead of pushing every later token back.
qint64 SimConnection::nextTokenTarget(Job &job)
{
    const SimulatorSettings &s = job.settings;
    qint64 target
        = job.firstTargetNs + job.shiftNs + qint64(std::llround(job.sent * s.tokenIntervalMs * NsPerMs));
    if (s.jitterMs > 0)
        target += d->jitterNs(s.jitterMs);
    return std::max(target, job.nextTargetNs);
}

void SimConnection::arm(qint64 targetNs)
{
    d->schedule(this, targetNs);
}

void SimConnection::onDue()
{
    if (m_gone || !m_busy || m_jobs.empty())
        return;
    if (!writable())
        return; // the queued disconnected() will record client_closed
    if (m_jobs.front().stream)
        streamStep();
    else
        bodyStep();
}

void SimConnection::streamStep()
{
    Job &job = m_jobs.front();
    const SimulatorSettings &s = job.settings;
    const bool chat = job.endpoint == Endpoint::Chat;
    if (!job.faultDone && isMidStreamFault(job.fault) && job.sent == job.outputTokens / 2) {
        job.faultDone = true;
        switch (job.fault) {
        case Fault::Reset:
            d->finish(*job.record, d->nowNs(), job.sent, Fault::Reset);
            resetConnection();
            return;
        case Fault::Stall: {
            const qint64 stall = qint64(std::llround(s.faults.stallSeconds * 1e9));
            job.shiftNs += stall;
            job.nextTargetNs += stall;
            arm(job.nextTargetNs);
            return;
        }
        case Fault::Malformed:
            writeEvent("data: {\"choices\": [{\"delta\": {\"content\": \"oops\"\n\n");
            break;
        case Fault::StreamError:
            if (job.endpoint == Endpoint::Responses) {
                writeEvent(ResponsesApi::errorEvent(QStringLiteral("simulated server error"), &job.sequence));
                writeStreamEnd(job, false, false);
                completeHead(d->nowNs(), job.sent);
                return;
            }
            writeEvent("data: {\"error\": {\"message\": \"simulated server error\", \"type\": "
                       "\"server_error\", \"code\": 500}}\n\n");
            writeStreamEnd(job, false, true);
            completeHead(d->nowNs(), job.sent);
            return;
        default:
            break;
        }
    }

    const int i = job.sent;
    const bool last = i + 1 == job.outputTokens;
    if (job.endpoint == Endpoint::Responses) {
        responsesStep(job, last);
        return;
    }
    QByteArrayView start;
    if (chat && i < job.reasoning) // as vLLM's reasoning parsers stream it (DeepSeek's field name)
        start = i == 0 ? QByteArrayView("\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"")
                       : QByteArrayView("\"delta\":{\"reasoning_content\":\"");
    else if (chat)
        start = i == 0 ? QByteArrayView("\"delta\":{\"role\":\"assistant\",\"content\":\"")
                       : QByteArrayView("\"delta\":{\"content\":\"");
    else
        start = QByteArrayView("\"text\":\"");
    QByteArrayView end;
    if (!last)
        end = chat ? QByteArrayView(" \"},\"finish_reason\":null}]}\n\n")
                   : QByteArrayView(" \",\"finish_reason\":null}]}\n\n");
    else if (job.fixedLength)
        end = chat ? QByteArrayView(" \"},\"finish_reason\":\"stop\"}]}\n\n")
                   : QByteArrayView(" \",\"finish_reason\":\"stop\"}]}\n\n");
    else
        end = chat ? QByteArrayView(" \"},\"finish_reason\":\"length\"}]}\n\n")
                   : QByteArrayView(" \",\"finish_reason\":\"length\"}]}\n\n");
    writeEvent(job.eventPrefix, start, tokenWord(i), end);
    d->markToken(*job.record, d->nowNs()); // after the write reached the kernel (see send())
    job.sent = i + 1;

    if (last) {
        d->finish(*job.record, d->nowNs(), job.sent, job.fault); // before the client can see the end
        writeStreamEnd(job, job.includeUsage, job.fault != Fault::MissingDone);
        completeHead(d->nowNs(), job.sent);
        return;
    }
    job.nextTargetNs = nextTokenTarget(job);
    arm(job.nextTargetNs);
}

void SimConnection::responsesStep(Job &job, bool last)
{
    const bool reasoning = job.sent < job.reasoning;
    if (job.reasoning > 0 && job.sent == job.reasoning) {
        writeEvent(ResponsesApi::answerStartEvents(
            job.responses, QString::fromLatin1(generatedText(job.reasoning)), &job.sequence));
    }
    const QByteArray sequence = QByteArray::number(job.sequence++) + QByteArrayLiteral("}\n\n");
    writeEvent(reasoning ? job.reasoningPrefix : job.eventPrefix, tokenWord(job.sent),
        " \",\"sequence_number\":", sequence);
    d->markToken(*job.record, d->nowNs());
    ++job.sent;
    if (!last) {
        job.nextTargetNs = nextTokenTarget(job);
        arm(job.nextTargetNs);
        return;
    }
    d->finish(*job.record, d->nowNs(), job.sent, job.fault); // before the client can see the end
    writeEvent(ResponsesApi::endEvents(job.responses,
        QString::fromLatin1(generatedText(job.reasoning, job.outputTokens)),
        { job.promptTokens, job.cachedTokens, job.outputTokens, job.reasoning }, &job.sequence,
        job.fault != Fault::MissingDone, QString::fromLatin1(generatedText(job.reasoning))));
    writeStreamEnd(job, false, false);
    completeHead(d->nowNs(), job.sent);
}

void SimConnection::bodyStep()
{
    Job &job = m_jobs.front();
    const SimulatorSettings &s = job.settings;
    if (job.fault == Fault::Stall && !job.faultDone) {
        job.faultDone = true;
        job.nextTargetNs += qint64(std::llround(s.faults.stallSeconds * 1e9));
        arm(job.nextTargetNs);
        return;
    }
    if (job.fault == Fault::Reset) {
        d->finish(*job.record, d->nowNs(), 0, Fault::Reset);
        resetConnection();
        return;
    }

    Response response;
    int outputTokens = job.outputTokens;
    if (job.fault == Fault::Malformed) {
        response.body = QByteArrayLiteral("{\"choices\": [{\"message\": {\"content\": \"oops\"");
    } else if (job.fault == Fault::StreamError) {
        response
            = errorResponse(500, QStringLiteral("simulated server error"), QStringLiteral("server_error"));
        outputTokens = 0;
    } else {
        // Chat and responses: reasoning first, the answer's text after it.
        const QString text = QString::fromLatin1(generatedText(job.reasoning, job.outputTokens));
        const QString reasoning = QString::fromLatin1(generatedText(job.reasoning));
        if (job.endpoint == Endpoint::Responses) {
            response.body = jsonBytes(ResponsesApi::response(job.responses, true, text,
                { job.promptTokens, job.cachedTokens, job.outputTokens, job.reasoning }, reasoning));
            // Recorded before the reply can reach the client: a client that reads /sim/stats as
            // soon as it has the answer must find the record complete (finish() runs once).
            d->markStatus(*job.record, response.status);
            d->finish(*job.record, d->nowNs(), outputTokens, job.fault);
            writeResponse(response, job.keepAlive, job.requestIdHeader);
            completeHead(d->nowNs(), outputTokens);
            return;
        }
        const QString finishReason = job.fixedLength ? QStringLiteral("stop") : QStringLiteral("length");
        QJsonObject choice { { QLatin1String("index"), 0 },
            { QLatin1String("finish_reason"), finishReason } };
        const bool chat = job.endpoint == Endpoint::Chat;
        if (chat) {
            QJsonObject message { { QLatin1String("role"), QStringLiteral("assistant") },
                { QLatin1String("content"), text } };
            if (job.reasoning > 0)
                message.insert(QLatin1String("reasoning_content"), reasoning);
            choice.insert(QLatin1String("message"), message);
        } else {
            choice.insert(QLatin1String("text"), text);
        }
        const QJsonObject usage
            = usageObject(job.promptTokens, job.outputTokens, job.cachedTokens, job.reasoning);
        const QJsonObject body { { QLatin1String("id"), QString::fromUtf8(job.record->id) },
            { QLatin1String("object"),
                chat ? QStringLiteral("chat.completion") : QStringLiteral("text_completion") },
            { QLatin1String("created"), job.created }, { QLatin1String("model"), job.model },
            { QLatin1String("choices"), QJsonArray { choice } }, { QLatin1String("usage"), usage } };
        response.body = jsonBytes(body);
    }
    d->markStatus(*job.record, response.status);
    d->finish(*job.record, d->nowNs(), outputTokens, job.fault); // before the client can see it
    writeResponse(response, job.keepAlive, job.requestIdHeader);
    completeHead(d->nowNs(), outputTokens);
}

// The head job is done (its last byte is written): record, free the slot, answer the next.
void SimConnection::completeHead(qint64 endNs, int outputTokens)
{
    Job &job = m_jobs.front();
    d->finish(*job.record, endNs, outputTokens, job.fault);
    const bool keepAlive = job.keepAlive;
    m_jobs.pop_front();
    m_busy = false;
    d->releaseSlot();
    if (!keepAlive) {
        closeAfterResponse();
        return;
    }
    pump();
}

void SimConnection::closeAfterResponse()
{
    m_noMoreRequests = true;
    // Requests pipelined behind the one that ended the connection are never answered: they end
    // now with status 0, so in_progress stays true.
    const qint64 now = d->nowNs();
    for (Job &job : m_jobs) {
        if (job.record)
            d->finish(*job.record, now, 0, job.fault);
    }
    m_jobs.clear();
    m_socket->disconnectFromHost(); // flushes what is written first
}

// The reset fault: RST instead of FIN, so the client sees the stream break.
void SimConnection::resetConnection()
{
    const bool admittedJob = !m_jobs.empty() && m_jobs.front().admitted;
    m_jobs.pop_front();
    m_busy = false;
    m_noMoreRequests = true;
    if (admittedJob)
        d->releaseSlot();
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        struct linger noLinger;
        noLinger.l_onoff = 1;
        noLinger.l_linger = 0;
#if defined(Q_OS_WIN)
        ::setsockopt(SOCKET(fd), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&noLinger),
            int(sizeof noLinger));
#elif defined(Q_OS_UNIX)
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &noLinger, socklen_t(sizeof noLinger));
#endif
    }
    m_socket->abort();
}

void SimConnection::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    d->cancel(this);
    const qint64 now = d->nowNs();
    for (Job &job : m_jobs) {
        if (!job.record)
            continue;
        if (job.waiting)
            d->cancelWaiting(this);
        d->finish(*job.record, now, job.sent, Fault::ClientClosed);
        if (job.admitted)
            d->releaseSlot();
    }
    m_jobs.clear();
    m_busy = false;
    deleteLater();
}

Response SimConnection::routeImmediate(const HttpRequest &request)
{
    const QByteArray &path = request.path;
    const QByteArray &method = request.method;
    auto methodNotAllowed = [&](const char *allow) {
        Response r = errorResponse(
            405, QStringLiteral("method not allowed"), QStringLiteral("invalid_request_error"));
        r.extraHeaders = QByteArrayLiteral("Allow: ") + QByteArray(allow) + QByteArrayLiteral("\r\n");
        return r;
    };
    if (path == "/v1/chat/completions" || path == "/v1/completions" || path == "/v1/responses"
        || path == "/sim/reset") {
        if (path == "/sim/reset" && method == "POST") {
            d->reset();
            Response r;
            r.body = QByteArrayLiteral("{\"status\":\"reset\"}");
            return r;
        }
        return methodNotAllowed("POST");
    }
    if (path == "/tokenize" && d->settingsSnapshot().tokenizeEndpoint) {
        if (method != "POST")
            return methodNotAllowed("POST");
        const TokenizeReply reply = answerTokenize(request.body, d->settingsSnapshot().maxModelLen);
        if (reply.status != 200) {
            return errorResponse(
                reply.status, reply.errorMessage, QStringLiteral("invalid_request_error"), reply.errorParam);
        }
        Response r;
        r.body = reply.body;
        return r;
    }
    if (path == "/v1/models" || path == "/health" || path == "/sim/stats") {
        if (method != "GET")
            return methodNotAllowed("GET");
        Response r;
        if (path == "/v1/models")
            r.body = d->modelsBody();
        else if (path == "/health")
            r.body = QByteArrayLiteral("{\"status\":\"ok\"}");
        else
            r.body = jsonBytes(d->stats());
        return r;
    }
    if (path == "/metrics") {
        if (method != "GET")
            return methodNotAllowed("GET");
        Response r;
        r.contentType = SimMetrics::ContentType;
        QMutexLocker lock(&d->m_mutex);
        r.body = d->m_metrics.exposition(
            d->m_runningReported, d->m_inProgress - d->m_runningReported, d->m_prefixCache);
        return r;
    }
    return errorResponse(404, QStringLiteral("no such endpoint: ") + QString::fromUtf8(path),
        QStringLiteral("not_found_error"));
}

void SimConnection::writeResponse(const Response &response, bool keepAlive, const QByteArray &extraHeaders)
{
    m_out.resize(0);
    m_out.append("HTTP/1.1 ");
    m_out.append(QByteArray::number(response.status));
    m_out.append(' ');
    m_out.append(reasonPhrase(response.status));
    m_out.append("\r\nContent-Type: ");
    m_out.append(response.contentType);
    m_out.append("\r\nContent-Length: ");
    m_out.append(QByteArray::number(response.body.size()));
    m_out.append(keepAlive ? QByteArrayView("\r\nConnection: keep-alive\r\n")
                           : QByteArrayView("\r\nConnection: close\r\n"));
    m_out.append(response.extraHeaders);
    m_out.append(extraHeaders);
    m_out.append("\r\n");
    m_out.append(response.body);
    send();
}

void SimConnection::writeStreamHeaders(const Job &job)
{
    m_out.resize(0);
    m_out.append("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n");
    if (m_chunked)
        m_out.append("Transfer-Encoding: chunked\r\n");
    m_out.append(job.keepAlive && m_chunked ? QByteArrayView("Connection: keep-alive\r\n")
                                            : QByteArrayView("Connection: close\r\n"));
    m_out.append(job.requestIdHeader);
    m_out.append("\r\n");
    send();
}

// One SSE event as one HTTP chunk in one write; the event is the concatenation a+b+c+d.
void SimConnection::writeEvent(QByteArrayView a, QByteArrayView b, QByteArrayView c, QByteArrayView dd)
{
    m_out.resize(0);
    if (m_chunked) {
        appendHex(m_out, a.size() + b.size() + c.size() + dd.size());
        m_out.append("\r\n");
    }
    m_out.append(a);
    m_out.append(b);
    m_out.append(c);
    m_out.append(dd);
    if (m_chunked)
        m_out.append("\r\n");
    send();
}

// Usage event, [DONE] and the terminating chunk in one write.
void SimConnection::writeStreamEnd(const Job &job, bool usage, bool done)
{
    m_out.resize(0);
    auto appendEvent = [this](QByteArrayView event) {
        if (m_chunked) {
            appendHex(m_out, event.size());
            m_out.append("\r\n");
        }
        m_out.append(event);
        if (m_chunked)
            m_out.append("\r\n");
    };
    if (usage && !job.usageEvent.isEmpty())
        appendEvent(job.usageEvent);
    if (done)
        appendEvent("data: [DONE]\n\n");
    if (m_chunked)
        m_out.append("0\r\n\r\n");
    send();
    if (!m_chunked) {
        m_jobs.front().keepAlive = false; // the end of the body is the end of the connection
    }
}

// Sends m_out now, so a token's timestamp is taken after its bytes reached the kernel.
//
// On Unix, while Qt's write buffer is empty, the bytes go straight to the socket with one
// non-blocking send(): QTcpSocket::write() would enable the write notifier and flush() disable it
// again, and with the GLib event dispatcher each of those is a linear search over every socket
// notifier of the thread, which at 1000 streams cost more than the token itself. Whatever the
// kernel does not take goes through QTcpSocket, and so does everything after it until its
// buffer drains, so the byte order is kept. A failing send() is left for the read side to report
// as a disconnect.
void SimConnection::send()
{
    if (!writable())
        return;
#if defined(Q_OS_UNIX) && defined(MSG_NOSIGNAL) && defined(MSG_DONTWAIT)
    if (m_socket->bytesToWrite() == 0) {
        const ssize_t n = ::send(int(m_socket->socketDescriptor()), m_out.constData(), size_t(m_out.size()),
            MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n == m_out.size())
            return;
        if (n > 0) {
            m_socket->write(m_out.constData() + n, m_out.size() - n);
            return;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return;
    }
#endif
    // write(const char *, n) copies, so m_out's capacity is reused for the next event.
    m_socket->write(m_out.constData(), m_out.size());
    m_socket->flush();
}

// ---------------------------------------------------------------------------------------------

SimulatorPrivate::SimulatorPrivate(const SimulatorSettings &settings)
    : m_settings(settings)
    , m_faultRng(settings.seed)
    , m_jitterRng(settings.seed ^ 0x9e3779b9u)
    , m_prefixCache(settings.kvCacheTokens)
{
    m_clock.start();
    m_clockOriginMonotonicNs = clockOriginMonotonicNs(m_clock);
    m_server.setListenBacklogSize(4096);
    m_server.setMaxPendingConnections(1 << 20);
    connect(&m_server, &QTcpServer::newConnection, this, &SimulatorPrivate::onNewConnection);
    connect(&m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        // Out of file descriptors, most likely: back off briefly instead of spinning.
        qCWarning(lcSim) << "accept failed:" << error << m_server.errorString();
        m_server.pauseAccepting();
        QTimer::singleShot(100, this, [this] { m_server.resumeAccepting(); });
    });
}

SimulatorPrivate::~SimulatorPrivate()
{
    m_tick.stop();
    m_server.close();
    m_waiting.clear();
    const QSet<SimConnection *> connections = m_connections;
    for (SimConnection *connection : connections) {
        connection->shutdown();
        delete connection;
    }
}

void SimulatorPrivate::onNewConnection()
{
    int accepted = 0;
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.insert(new SimConnection(this, socket));
        ++accepted;
    }
    QMutexLocker lock(&m_mutex);
    m_connectionsAccepted += accepted;
}

void SimulatorPrivate::removeConnection(SimConnection *connection)
{
    m_connections.remove(connection);
}

// Every token of every stream is due at an absolute time on m_clock. Rather than one Qt timer per
// connection (with the GLib and UNIX dispatchers, stopping a timer is a linear search over all
// the thread's timers: at 1000 streams that search cost more than writing the token), the due
// times sit in one heap and a single precise timer is armed for the earliest.
void SimulatorPrivate::schedule(SimConnection *connection, qint64 targetNs)
{
    cancel(connection);
    const quint64 ticket = m_nextTicket++;
    connection->m_ticket = ticket;
    m_tickets.insert(ticket, connection);
    m_due.push_back({ targetNs, ticket });
    std::push_heap(m_due.begin(), m_due.end(), std::greater<Due>());
    if (!m_inBatch && (m_tickArmedFor < 0 || targetNs < m_tickArmedFor))
        rearm();
}

void SimulatorPrivate::cancel(SimConnection *connection)
{
    if (connection->m_ticket == 0)
        return;
    m_tickets.remove(connection->m_ticket);
    connection->m_ticket = 0;
}

void SimulatorPrivate::rearm()
{
    // Drop cancelled entries from the top so the timer is armed for a live one.
    while (!m_due.empty() && !m_tickets.contains(m_due.front().ticket)) {
        std::pop_heap(m_due.begin(), m_due.end(), std::greater<Due>());
        m_due.pop_back();
    }
    if (m_due.empty()) {
        m_tick.stop();
        m_tickArmedFor = -1;
        return;
    }
    // Qt timers count whole milliseconds: round to the nearest, so a token goes out at most half
    // a millisecond early (see runDue) instead of up to a millisecond late.
    const qint64 target = m_due.front().targetNs;
    const qint64 delayNs = target - nowNs();
    const int ms = delayNs <= 0 ? 0 : int((delayNs + NsPerMs / 2) / NsPerMs);
    m_tick.start(ms, Qt::PreciseTimer, this);
    m_tickArmedFor = target;
}

void SimulatorPrivate::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_tick.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    runDue();
}

// Runs everything due within the timer's half-millisecond rounding. Only entries set before this
// batch started run in it: one that a step sets for a time already past waits for the next pass
// of the event loop, so a late simulator catches up without starving the sockets' reads.
void SimulatorPrivate::runDue()
{
    m_inBatch = true;
    const qint64 horizon = nowNs() + NsPerMs / 2;
    const quint64 batchEnd = m_nextTicket;
    while (!m_due.empty() && m_due.front().targetNs <= horizon && m_due.front().ticket < batchEnd) {
        const Due due = m_due.front();
        std::pop_heap(m_due.begin(), m_due.end(), std::greater<Due>());
        m_due.pop_back();
        SimConnection *connection = m_tickets.take(due.ticket);
        if (!connection)
            continue;
        connection->m_ticket = 0;
        connection->onDue();
    }
    m_inBatch = false;
    rearm();
}

bool SimulatorPrivate::acquireSlot(SimConnection *connection)
{
    const int capacity = settingsSnapshot().capacity;
    if (m_waiting.empty() && (capacity <= 0 || m_running < capacity)) {
        ++m_running;
        return true;
    }
    m_waiting.push_back(connection);
    return false;
}

void SimulatorPrivate::releaseSlot()
{
    --m_running;
    admitWaiting();
}

void SimulatorPrivate::admitWaiting()
{
    const int capacity = settingsSnapshot().capacity;
    while (!m_waiting.empty() && (capacity <= 0 || m_running < capacity)) {
        SimConnection *next = m_waiting.front();
        m_waiting.pop_front();
        ++m_running;
        next->admitted();
    }
}

void SimulatorPrivate::cancelWaiting(SimConnection *connection)
{
    m_waiting.erase(std::remove(m_waiting.begin(), m_waiting.end(), connection), m_waiting.end());
}

SimulatorSettings SimulatorPrivate::settingsSnapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

int SimulatorPrivate::nextSequence()
{
    QMutexLocker lock(&m_mutex);
    return ++m_sequence;
}

std::shared_ptr<SimRecord> SimulatorPrivate::newRecord(const QByteArray &id, Endpoint endpoint, bool stream,
    qint64 arrivalNs, int promptTokens, const QString &model)
{
    auto record = std::make_shared<SimRecord>();
    record->id = id;
    record->endpoint = endpoint;
    record->stream = stream;
    record->arrivalNs = arrivalNs;
    record->promptTokens = promptTokens;
    QMutexLocker lock(&m_mutex);
    m_records.push_back(record);
    m_lastModel = model;
    ++m_requestsReceived;
    ++m_inProgress;
    m_peakConcurrent = std::max(m_peakConcurrent, m_inProgress);
    return record;
}

Fault SimulatorPrivate::rollFault()
{
    QMutexLocker lock(&m_mutex);
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(m_faultRng);
    const SimulatorFaults &f = m_settings.faults;
    const double probabilities[]
        = { f.http429, f.http500, f.http503, f.reset, f.stall, f.malformed, f.streamError, f.missingDone };
    double cumulative = 0;
    for (int i = 0; i < 8; ++i) {
        cumulative += std::max(0.0, probabilities[i]);
        if (u < cumulative)
            return Fault(i + 1);
    }
    return Fault::None;
}

qint64 SimulatorPrivate::jitterNs(double jitterMs)
{
    QMutexLocker lock(&m_mutex);
    return qint64(
        std::llround(std::uniform_real_distribution<double>(-jitterMs, jitterMs)(m_jitterRng) * NsPerMs));
}

void SimulatorPrivate::markAdmitted(SimRecord &record, qint64 t)
{
    QMutexLocker lock(&m_mutex);
    record.admittedNs = t;
    m_metrics.admitted(record.promptTokens);
    ++m_runningReported;
    m_peakRunning = std::max(m_peakRunning, m_runningReported);
}

int SimulatorPrivate::admitPrefix(
    SimRecord &record, const std::vector<quint64> &blockHashes, int promptTokens, qint64 kvCacheTokens)
{
    QMutexLocker lock(&m_mutex);
    if (kvCacheTokens / m_prefixCache.blockTokens() != m_prefixCache.capacityBlocks())
        m_prefixCache.setCapacityTokens(kvCacheTokens);
    record.cachedTokens = m_prefixCache.admit(blockHashes, promptTokens);
    if (m_prefixCache.pin(blockHashes)) { // KV-cache use: shared blocks count once (SimMetrics)
        record.pinnedBlocks = blockHashes;
        m_metrics.shared(
            std::min(record.promptTokens, int(blockHashes.size()) * m_prefixCache.blockTokens()));
    }
    return record.cachedTokens;
}

void SimulatorPrivate::markToken(SimRecord &record, qint64 t)
{
    QMutexLocker lock(&m_mutex);
    m_metrics.token(record.tokenNs.empty() ? t - record.arrivalNs : -1,
        record.tokenNs.empty() ? -1 : t - record.tokenNs.back());
    if (record.tokenNs.empty()) {
        record.firstTokenNs = t;
        record.tokenNs.reserve(64);
    }
    record.tokenNs.push_back(t);
}

void SimulatorPrivate::markStatus(SimRecord &record, int status)
{
    QMutexLocker lock(&m_mutex);
    record.status = status;
}

void SimulatorPrivate::finish(SimRecord &record, qint64 t, int outputTokens, Fault fault)
{
    QMutexLocker lock(&m_mutex);
    if (record.finished)
        return;
    record.finished = true;
    record.endNs = t;
    record.outputTokens = outputTokens;
    record.fault = fault;
    --m_inProgress;
    if (record.admittedNs >= 0) {
        --m_runningReported;
        const int pinned
            = std::min(record.promptTokens, int(record.pinnedBlocks.size()) * m_prefixCache.blockTokens());
        m_metrics.finished(record.promptTokens, pinned, int(record.tokenNs.size()), outputTokens);
        m_prefixCache.unpin(record.pinnedBlocks);
        record.pinnedBlocks.clear();
    }
}

QByteArray SimulatorPrivate::modelsBody() const
{
    QJsonArray data;
    auto add = [&data](const QString &id) {
        data.append(QJsonObject { { QLatin1String("id"), id },
            { QLatin1String("object"), QStringLiteral("model") }, { QLatin1String("created"), 0 },
            { QLatin1String("owned_by"), QStringLiteral("burgerbench") } });
    };
    add(QStringLiteral("burger-7b"));
    QString last;
    {
        QMutexLocker lock(&m_mutex);
        last = m_lastModel;
    }
    if (!last.isEmpty() && last != QLatin1String("burger-7b"))
        add(last);
    return jsonBytes(
        QJsonObject { { QLatin1String("object"), QStringLiteral("list") }, { QLatin1String("data"), data } });
}

QJsonObject SimulatorPrivate::stats() const
{
    // Copy under the lock, format outside it: the simulator thread keeps writing tokens.
    std::vector<SimRecord> records;
    QJsonObject out;
    QJsonObject cache;
    {
        QMutexLocker lock(&m_mutex);
        records.reserve(m_records.size());
        for (const auto &record : m_records)
            records.push_back(*record);
        out.insert(QLatin1String("requests_received"), double(m_requestsReceived));
        out.insert(QLatin1String("peak_concurrent"), m_peakConcurrent);
        out.insert(QLatin1String("peak_running"), m_peakRunning);
        out.insert(QLatin1String("in_progress"), m_inProgress);
        out.insert(QLatin1String("running"), m_runningReported);
        out.insert(QLatin1String("connections_accepted"), double(m_connectionsAccepted));
        cache = QJsonObject { { QLatin1String("block_tokens"), m_prefixCache.blockTokens() },
            { QLatin1String("capacity_blocks"), double(m_prefixCache.capacityBlocks()) },
            { QLatin1String("cached_blocks"), double(m_prefixCache.cachedBlocks()) },
            { QLatin1String("pinned_blocks"), double(m_prefixCache.pinnedBlocks()) },
            { QLatin1String("evicted_blocks"), double(m_prefixCache.evictedBlocks()) },
            { QLatin1String("prompt_tokens"), double(m_prefixCache.promptTokens()) },
            { QLatin1String("hit_tokens"), double(m_prefixCache.hitTokens()) } };
    }
    out.insert(QLatin1String("clock"), QStringLiteral("ns since simulator start"));
    out.insert(QLatin1String("now_ns"), double(nowNs()));
    out.insert(QLatin1String("clock_origin_monotonic_ns"),
        m_clockOriginMonotonicNs < 0 ? QJsonValue(QJsonValue::Null)
                                     : QJsonValue(double(m_clockOriginMonotonicNs)));
    auto time = [](qint64 ns) { return ns < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(ns)); };
    QJsonArray requests;
    for (const SimRecord &r : records) {
        QJsonArray tokens;
        for (qint64 t : r.tokenNs)
            tokens.append(double(t));
        requests.append(QJsonObject {
            { QLatin1String("id"), QString::fromUtf8(r.id) },
            { QLatin1String("endpoint"), QLatin1String(EndpointNames[int(r.endpoint)]) },
            { QLatin1String("stream"), r.stream },
            { QLatin1String("arrival_ns"), time(r.arrivalNs) },
            { QLatin1String("admitted_ns"), time(r.admittedNs) },
            { QLatin1String("first_token_ns"), time(r.firstTokenNs) },
            { QLatin1String("token_ns"), tokens },
            { QLatin1String("end_ns"), time(r.endNs) },
            { QLatin1String("status"), r.status },
            { QLatin1String("fault"), faultName(r.fault) },
            { QLatin1String("prompt_tokens"), r.promptTokens },
            { QLatin1String("cached_tokens"), r.cachedTokens },
            { QLatin1String("messages"), r.messages },
            { QLatin1String("output_tokens"), r.outputTokens },
            { QLatin1String("reasoning_tokens"), r.reasoningTokens },
        });
    }
    out.insert(QLatin1String("requests"), requests);
    out.insert(QLatin1String("prefix_cache"), cache);
    return out;
}

// Requests still in progress survive a reset (their connections are still writing to them, and
// in_progress must stay true); finished records, received/accepted counts and peaks start over.
// The generators are re-seeded, so a run after a reset rolls the same faults as a fresh start.
void SimulatorPrivate::reset()
{
    QMutexLocker lock(&m_mutex);
    m_records.erase(std::remove_if(m_records.begin(), m_records.end(),
                        [](const std::shared_ptr<SimRecord> &r) { return r->finished; }),
        m_records.end());
    m_requestsReceived = 0;
    m_connectionsAccepted = 0;
    m_peakConcurrent = m_inProgress;
    m_peakRunning = m_runningReported;
    m_faultRng.seed(m_settings.seed);
    m_jitterRng.seed(m_settings.seed ^ 0x9e3779b9u);
    m_prefixCache.clear();
}

// ---------------------------------------------------------------------------------------------

Simulator::Simulator(const SimulatorSettings &settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SimulatorPrivate>(settings))
{
}

Simulator::~Simulator() = default;

bool Simulator::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (d->m_server.listen(address, port))
        return true;
    if (error)
        *error = d->m_server.errorString();
    return false;
}

QUrl Simulator::url() const
{
    if (!d->m_server.isListening())
        return {};
    QHostAddress address = d->m_server.serverAddress();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress(QHostAddress::LocalHostIPv6);
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(d->m_server.serverPort());
    return url;
}

void Simulator::setSettings(const SimulatorSettings &settings)
{
    {
        QMutexLocker lock(&d->m_mutex);
        const bool reseed = settings.seed != d->m_settings.seed;
        d->m_settings = settings;
        if (reseed) {
            d->m_faultRng.seed(settings.seed);
            d->m_jitterRng.seed(settings.seed ^ 0x9e3779b9u);
        }
    }
    // A larger capacity may admit waiting requests; do it on the simulator's thread.
    SimulatorPrivate *p = d.get();
    QMetaObject::invokeMethod(
        p, [p] { p->admitWaiting(); }, Qt::QueuedConnection);
}

SimulatorSettings Simulator::settings() const
{
    return d->settingsSnapshot();
}

QJsonObject Simulator::stats() const
{
    return d->stats();
}

void Simulator::reset()
{
    d->reset();
}

// ---------------------------------------------------------------------------------------------

SimulatorThread::SimulatorThread() = default;

SimulatorThread::~SimulatorThread()
{
    stop();
}

bool SimulatorThread::start(
    const SimulatorSettings &settings, QString *error, const QHostAddress &address, quint16 port)
{
    stop();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("BurgerBench simulator"));
    m_thread->start();

    // A throwaway object living on the new thread to run the construction there, so the
    // simulator, its server and every socket it accepts belong to that thread.
    QObject context;
    context.moveToThread(m_thread.get());
    bool ok = false;
    QString message;
    Simulator *sim = nullptr;
    QMetaObject::invokeMethod(
        &context,
        [&] {
            sim = new Simulator(settings);
            ok = sim->listen(address, port, &message);
            if (!ok) {
                delete sim;
                sim = nullptr;
            }
            context.moveToThread(nullptr); // let the starting thread destroy it
        },
        Qt::BlockingQueuedConnection);

    if (!ok) {
        if (error)
            *error = message;
        m_thread->quit();
        m_thread->wait();
        m_thread.reset();
        return false;
    }
    m_sim = sim;
    m_url = sim->url();
    return true;
}

void SimulatorThread::stop()
{
    if (!m_thread)
        return;
    if (m_sim) {
        Simulator *sim = m_sim;
        QMetaObject::invokeMethod(
            sim, [sim] { delete sim; }, Qt::BlockingQueuedConnection);
        m_sim = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_url = QUrl();
}

QUrl SimulatorThread::url() const
{
    return m_url;
}

Simulator *SimulatorThread::simulator() const
{
    return m_sim;
}

} // namespace BurgerBench
