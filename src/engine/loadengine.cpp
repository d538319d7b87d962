#include "engine/loadengine.h"
#include "engine/loopbusy.h"
#include "trace/clockorigin.h"

#include "engine/arrivalschedule.h"
#include "engine/requestbody.h"
#include "engine/retrypolicy.h"
#include "engine/sockettransport.h"
#include "engine/tlstrust.h"
#include "engine/tokenbucket.h"
#include "engine/useragent.h"
#include "protocol/attemptclassifier.h"
#include "workload/sessionplan.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <deque>
#include <memory>
#include <random>

Q_LOGGING_CATEGORY(lcEngine, "burgerbench.engine", QtWarningMsg)

namespace BurgerBench {

namespace {

// Qt 6.4 hard-codes 6 HTTP/1.1 connections per host and manager; h2c multiplexes ~100 streams.
constexpr int Http1SlotsPerManager = 6;
constexpr int Http2SlotsPerManager = 100;
// The most body bytes handed to an attempt's classifier at once (LoadEnginePrivate::takeBody).
constexpr qsizetype ReadSliceBytes = 256 * 1024;
// QNetworkReply::setReadBufferSize of each HTTP/1 reply: what QNAM may hold for one attempt
// before it stops reading that socket.
constexpr qint64 QnamReadBufferBytes = 256 * 1024;
// The socket transport's connections opened at once before the clock.
constexpr int PreconnectsInFlight = 32;
// A session's answers are kept whole up to this (UTF-16 units) to carry them in the history;
// the trace keeps request.keep_text_bytes of each, as for any request.
constexpr int SessionAnswerChars = 1 << 20;

// Why we aborted a reply ourselves; QNetworkReply reports all of these as OperationCanceled.
enum class AbortReason : quint8 {
    None,
    Cancelled,
    FailFast,
    RunEnded,
    TimeoutIdle,
    TimeoutTotal,
    TooLarge,
    EventTooLarge,
    BufferBudget
};

ErrorKind kindForAbort(AbortReason reason)
{
    switch (reason) {
    case AbortReason::Cancelled:
        return ErrorKind::Cancelled;
    case AbortReason::FailFast:
        return ErrorKind::FailFast;
    case AbortReason::RunEnded:
        return ErrorKind::RunEnded;
    case AbortReason::TimeoutIdle:
        return ErrorKind::TimeoutIdle;
    case AbortReason::TimeoutTotal:
        return ErrorKind::TimeoutTotal;
    case AbortReason::TooLarge:
        return ErrorKind::ResponseTooLarge;
    case AbortReason::EventTooLarge:
        return ErrorKind::EventTooLarge;
    case AbortReason::BufferBudget:
        return ErrorKind::BufferBudget;
    case AbortReason::None:
        break;
    }
    return ErrorKind::None;
}

QString abortMessage(AbortReason reason, const Scenario &s)
{
    switch (reason) {
    case AbortReason::TimeoutIdle:
        return QStringLiteral("no bytes for %1 s").arg(s.idleTimeoutS);
    case AbortReason::TimeoutTotal:
        return QStringLiteral("not finished within %1 s").arg(s.timeoutS);
    case AbortReason::TooLarge:
        return QStringLiteral("response larger than %1 bytes").arg(s.maxResponseBytes);
    case AbortReason::EventTooLarge:
        return QStringLiteral("one stream line or event was longer than the %1-byte cap (max_event_bytes)")
            .arg(s.maxEventBytes);
    case AbortReason::BufferBudget:
        return QStringLiteral("the requests in flight held more than the %1-byte buffer budget "
                              "(max_buffered_bytes); this one held the most")
            .arg(s.maxBufferedBytes);
    default:
        break;
    }
    return {};
}

bool isIncompleteAbort(AbortReason reason)
{
    return reason == AbortReason::Cancelled || reason == AbortReason::FailFast
        || reason == AbortReason::RunEnded;
}

ErrorKind kindForNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return ErrorKind::ConnectionRefused;
    case QNetworkReply::HostNotFoundError:
        return ErrorKind::HostNotFound;
    case QNetworkReply::RemoteHostClosedError:
        return ErrorKind::ConnectionReset;
    case QNetworkReply::TimeoutError:
        return ErrorKind::TimeoutTotal;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownNetworkError: // Qt reports a failed TLS backend load this way
        return error == QNetworkReply::SslHandshakeFailedError ? ErrorKind::Tls : ErrorKind::Network;
    default:
        break;
    }
    return ErrorKind::Network;
}

} // namespace

// One request while it is queued, in flight or between attempts. Owned by the engine through
// m_active; the reply is owned by its manager and deleted with deleteLater().
struct ActiveRequest
{
    quint32 index = 0;
    int lane = -1;
    QNetworkReply *reply = nullptr;
    AttemptClassifier
        classifier; // what the attempt's bytes mean (protocol/, shared with the blocking client)
    qint64 attemptStartNs = -1;
    qint64 lastActivityNs = -1;
    qint64 bytes = 0;
    qint64 held = 0; // body bytes its classifier holds between reads (counted in heldBytes)
    AbortReason abortReason = AbortReason::None;
    bool onSocket = false; // an attempt in progress on the socket transport's lane
    QTimer *backoffTimer = nullptr; // while waiting to retry
    bool inAttempt() const { return reply || onSocket; }
    bool sending = false; // posted, requestSent not seen yet (counts in the send window)
};

// A multi-turn session on its lane: the lane is the user's for all its turns (the customer who
// orders again after eating), so the timeline draws the conversation on one lane.
struct LaneSession
{
    int session = -1; // -1: the lane holds no session
    int turn = 0; // the turn in flight, or the next one
    QJsonArray history; // every message so far, the answers really received included
    qsizetype historyBytes = 0;
    qint64 dueNs = -1; // the next turn's intended send time (answer's end + think time); -1: none
    QByteArray body; // the turn in flight's body (a retry sends it again)
    int askedInputTokens = -1;
};

class LoadEnginePrivate
{
public:
    explicit LoadEnginePrivate(LoadEngine *q)
        : q(q)
    {
    }

    LoadEngine *q;
    Scenario scenario;
    QUrl endpoint;
    QByteArray apiKey;
    RequestBodies bodies; // the run's one body, or each request's planned one (a workload)
    std::shared_ptr<const RequestPlan> presetPlan; // LoadEngine::setPlan
    // Multi-turn sessions (workload.sessions / multi_turn), null otherwise.
    std::shared_ptr<const SessionPlan> sessions;
    std::vector<LaneSession> laneSessions; // indexed by lane
    int nextSession = 0;
    int sessionsHeld = 0; // lanes holding a session (in flight or thinking)
    int keepTextBytes = 0; // request.keep_text_bytes as asked (the engine's copy may keep more)
    // Timestamped replay (workload.replay): the arrivals, in time order; empty otherwise.
    std::vector<ReplayArrival> replay;
    std::vector<quint32> planIndexOf; // per request record: the plan request it sends
    QByteArray runTag;
    QNetworkRequest requestTemplate; // everything but X-Request-Id; copied per attempt (shared)
    TlsConfiguration tlsConfig; // https: whom the run trusts (engine/tlstrust.h), every transport
    SocketTransport *sockets = nullptr; // target.transport "socket": the lanes' connections (owned)
    QByteArray socketHead; // its request head (holds the API key until the run ends)
    int nextPreconnect = 0; // the next lane whose connection is opened before the clock
    bool pumpQueued = false; // a paced pump() is already posted
    bool connecting = false; // running, waiting for the pool's connections
    int pendingConnects = 0;
    QTimer *connectGuard = nullptr; // starts the run anyway if a connection never settles

    QElapsedTimer clock;
    RunTrace trace;
    bool running = false;
    bool stopping = false; // no more dispatching; waiting for in-flight to settle
    bool warmupPhase = false;
    int warmupIssued = 0;
    int measuredIssued = 0;
    qint64 measuredEndNs = -1; // duration-bound: when dispatching stops
    std::vector<qint64> schedule; // open loop offsets from measuredStartNs
    size_t nextArrival = 0;
    std::deque<quint32> waiting; // open loop: arrived, waiting for a lane or a permit
    TokenBucket bucket;
    std::mt19937_64 rng;

    int slotsPerManager = Http1SlotsPerManager;
    int sendWindow = 0; // at most this many requests between post() and requestSent, 0 = off
    int sendingCount = 0;
    std::vector<qint64> laneFreeSinceNs; // closed loop: when each lane last became free
    std::vector<QNetworkAccessManager *> managers; // owned (parented to q)
    std::vector<int> freeLanes; // a stack; lowest lane on top
    std::vector<std::unique_ptr<ActiveRequest>> active; // indexed by lane
    int activeCount = 0;

    QTimer *pumpTimer = nullptr; // next arrival or next permit
    // Deadlines (issue 15: precise to 5 ms). One precise single-shot timer armed at the earliest
    // deadline of any attempt in flight (its total deadline, or its idle one as of the last
    // activity); a periodic sweep fired 28-86 ms late. Activity only moves an idle deadline
    // later, so reads never re-arm it: when it fires it aborts what is due and re-arms at the
    // next deadline. An attempt's start arms it when its deadline is the earliest.
    QTimer *deadlineTimer = nullptr;
    qint64 deadlineArmedNs = -1; // when deadlineTimer fires (ns on the run clock), -1: not armed
    // Issue 15: the body bytes every attempt in flight holds between reads (its classifier's
    // unfinished SSE line and event, a body kept whole), summed; and the most it ever was.
    qint64 heldBytes = 0;
    qint64 peakHeldBytes = 0;
    QTimer *lagTimer = nullptr; // event-loop lag probe
    QTimer *liveTimer = nullptr;
    QTimer *durationTimer = nullptr;
    qint64 lagExpectedNs = -1;
    LoopBusyProbe busyProbe;

    LoadEngine::CompletionHook completionHook;
    LoadEngine::LiveDecorator liveDecorator;
    int holds = 0; // external work the run waits for

    Progress progress;
    std::vector<char> dirty; // per request: changed since the last live update
    std::vector<quint32> dirtyList;
    std::vector<int> tokensPublished;
    size_t busyPublished = 0, lagPublished = 0;
    int liveIntervalMs = 0;

    qint64 now() const { return clock.nsecsElapsed(); }
    void markDirty(quint32 index)
    {
        if (liveIntervalMs <= 0)
            return;
        if (dirty.size() <= index)
            dirty.resize(index + 1, 0);
        if (!dirty[index]) {
            dirty[index] = 1;
            dirtyList.push_back(index);
        }
    }

    bool start(const Scenario &s, const QUrl &target, const QByteArray &key, QString *error);
    void launch();
    void beginMeasured();
    void pump();
    void schedulePump();
    bool moreToIssue() const;
    bool openLoop() const { return scenario.rate > 0 || !replay.empty(); }
    quint32 newRecord(bool warmup, qint64 intendedNs, qint64 planIndex = -1);
    bool passGates(qint64 nowNs, bool needLane = true);
    void pumpSessions(qint64 t);
    void dispatchTurn(int lane, qint64 t);
    bool endTurn(int lane, RequestRecord &r, Outcome outcome, qint64 nowNs);
    QByteArray bodyFor(const ActiveRequest *a, RequestRecord &r);
    void dispatch(quint32 index, int lane);
    void sendAttempt(ActiveRequest *a);
    void sendSocketAttempt(ActiveRequest *a);
    SocketTransport::Events socketEvents();
    ActiveRequest *socketAttempt(int lane) const;
    void onReadyRead(ActiveRequest *a);
    void onMetaData(ActiveRequest *a);
    void onFinished(ActiveRequest *a);
    // The per-attempt seam every transport reports through (QNAM's reply here, the socket
    // transport's lanes): body bytes as read, and the attempt's end with what the transport knew.
    bool takeBody(ActiveRequest *a, RequestRecord &r, QByteArrayView data, qint64 t);
    void endAttempt(ActiveRequest *a, qint64 t, ErrorKind transportError, const QString &transportMessage,
        const QByteArray &retryAfter);
    void headFromReply(ActiveRequest *a, RequestRecord &r);
    void settle(ActiveRequest *a, Outcome outcome, ErrorKind kind, const QString &message, qint64 nowNs);
    void releaseLane(int lane, bool holdForSession = false);
    void abortActive(ActiveRequest *a, AbortReason reason);
    void armDeadline(qint64 atNs);
    AttemptClassifier::Options classifierOptions() const
    {
        AttemptClassifier::Options o;
        o.stream = scenario.stream;
        o.keepTextBytes = scenario.keepTextBytes;
        o.responses = scenario.endpoint == Endpoint::Responses;
        o.maxEventBytes = qsizetype(scenario.maxEventBytes);
        return o;
    }
    void updateHeld(ActiveRequest *a);
    bool enforceBudget(ActiveRequest *reading);
    void checkDeadlines();
    qint64 totalTimeoutNs() const { return qint64(scenario.timeoutS * 1e9); }
    qint64 idleTimeoutNs() const { return qint64(scenario.idleTimeoutS * 1e9); }
    void cutOffAll(AbortReason reason);
    void maybeFinish();
    void finishRun();
    void publishLive();
    QNetworkAccessManager *managerForLane(int lane);
    void endSending(ActiveRequest *a);
    QNetworkRequest buildRequestTemplate() const;
};

LoadEngine::LoadEngine(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<LoadEnginePrivate>(this))
{
    qRegisterMetaType<std::shared_ptr<const LiveDelta>>();
}

LoadEngine::~LoadEngine()
{
    if (d->running)
        d->cutOffAll(AbortReason::Cancelled);
}

QUrl LoadEngine::endpointUrl(const QUrl &base, Endpoint endpoint)
{
    QUrl url = base;
    QString path = url.path();
    if (path.endsWith(QLatin1String("/completions")) || path.endsWith(QLatin1String("/responses")))
        return url;
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v1")))
        path += QLatin1String("/v1");
    path += endpoint == Endpoint::Chat    ? QLatin1String("/chat/completions")
        : endpoint == Endpoint::Responses ? QLatin1String("/responses")
                                          : QLatin1String("/completions");
    url.setPath(path);
    return url;
}

bool LoadEngine::start(const Scenario &scenario, const QUrl &target, const QByteArray &apiKey, QString *error)
{
    return d->start(scenario, target, apiKey, error);
}

void LoadEngine::cancel()
{
    if (!d->running)
        return;
    d->trace.cancelled = true;
    if (d->trace.abortReason.isEmpty())
        d->trace.abortReason = QStringLiteral("cancelled by the user");
    d->cutOffAll(AbortReason::Cancelled);
}

bool LoadEngine::isRunning() const
{
    return d->running;
}

const RunTrace &LoadEngine::trace() const
{
    return d->trace;
}

RunTrace LoadEngine::takeTrace()
{
    RunTrace out = std::move(d->trace);
    d->trace = RunTrace();
    return out;
}

qint64 LoadEngine::peakBufferedBytes() const
{
    return d->peakHeldBytes;
}

Progress LoadEngine::progress() const
{
    Progress p = d->progress;
    if (d->clock.isValid())
        p.elapsedNs = d->now();
    return p;
}

void LoadEngine::setLiveInterval(int ms)
{
    d->liveIntervalMs = ms;
}

void LoadEngine::setLiveDecorator(LiveDecorator decorator)
{
    d->liveDecorator = std::move(decorator);
}

void LoadEngine::setCompletionHook(CompletionHook hook)
{
    d->completionHook = std::move(hook);
}

RunTrace &LoadEngine::mutableTrace()
{
    return d->trace;
}

void LoadEngine::setPlan(std::shared_ptr<const RequestPlan> plan)
{
    d->presetPlan = std::move(plan);
}

void LoadEngine::holdFinish()
{
    ++d->holds;
}

void LoadEngine::releaseFinish()
{
    Q_ASSERT(d->holds > 0);
    --d->holds;
    d->maybeFinish();
}

bool LoadEnginePrivate::start(const Scenario &s, const QUrl &target, const QByteArray &key, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (running)
        return fail(QStringLiteral("a run is already in progress"));
    if (s.mode != ExecutionMode::Sequential && s.mode != ExecutionMode::Concurrent
        && s.mode != ExecutionMode::Mixed && s.mode != ExecutionMode::AntiPattern)
        return fail(QStringLiteral("mode %1 is run by the race runner, not the load engine")
                        .arg(executionModeName(s.mode)));
    QString invalid;
    if (!s.validate(&invalid))
        return fail(invalid);
    if (!target.isValid() || target.host().isEmpty()
        || (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")))
        return fail(QStringLiteral("target URL must be http:// or https:// with a host (got \"%1\")")
                        .arg(target.toString(QUrl::RemoveUserInfo)));

    if (s.transport == Transport::Socket) {
        const QString why = SocketTransport::unsupported(s, target);
        if (!why.isEmpty())
            return fail(why);
    }
    if (target.scheme() == QLatin1String("https")) {
        QString tlsError;
        if (!TlsTrust::configuration(s, &tlsConfig, &tlsError))
            return fail(tlsError);
    }

    scenario = s;
    if (scenario.mode == ExecutionMode::Sequential)
        scenario.concurrency = 1;
    endpoint = LoadEngine::endpointUrl(target, scenario.endpoint);
    apiKey = key;
    QString planError;
    if (!bodies.init(scenario, &planError, presetPlan))
        return fail(planError);
    sessions.reset();
    replay.clear();
    if (scenario.workload.sessionRun()) {
        sessions = bodies.plan()
            ? SessionPlan::build(bodies.plan()->rows(), scenario.workload, scenario.seed, &planError)
            : nullptr;
        if (!sessions)
            return fail(planError);
    } else if (bodies.plan()
        && !replayArrivals(bodies.plan()->rows(), scenario.workload, scenario.rate, &replay, &planError)) {
        return fail(planError);
    }
    if (!sessions && replay.empty() && scenario.requests <= 0 && scenario.durationS <= 0)
        return fail(QStringLiteral("load: set requests or duration_s (the dataset has no timestamps to "
                                   "replay, so nothing else ends the run)"));
    runTag = QByteArray::number(QRandomGenerator::global()->generate() & 0xffffff, 16).rightJustified(6, '0');
    requestTemplate = buildRequestTemplate();
    pumpQueued = false;
    rng.seed(scenario.seed);

    trace = RunTrace();
    trace.scenario = scenario;
    heldBytes = peakHeldBytes = 0;
    trace.targetUrl = endpoint.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    trace.startedAt = QDateTime::currentDateTimeUtc();
    trace.cpuCount = QThread::idealThreadCount();
    progress = Progress();
    progress.planned = sessions ? int(std::min<qint64>(sessions->totalTurns(), INT_MAX)) : scenario.requests;
    // A run of a known number of requests holds its records in one array of their size, not in
    // the up to twice as large one that growing by doubling leaves (9.2 against 5.6 MB for 20,000).
    // Capped, for a count that a duration ends long before it is reached.
    if (scenario.durationS <= 0 && progress.planned > 0)
        trace.requests.reserve(
            std::size_t(std::min(qint64(progress.planned) + scenario.warmup, qint64(1) << 17)));
    // A session carries its answers whole; the trace keeps what the scenario asked for.
    keepTextBytes = scenario.keepTextBytes;
    if (sessions)
        scenario.keepTextBytes = std::max(scenario.keepTextBytes, SessionAnswerChars);
    laneSessions.assign(size_t(scenario.concurrency), LaneSession());
    nextSession = 0;
    sessionsHeld = 0;
    planIndexOf.clear();
    dirty.clear();
    dirtyList.clear();
    tokensPublished.clear();
    busyPublished = lagPublished = 0;
    waiting.clear();
    warmupIssued = measuredIssued = 0;
    nextArrival = 0;
    measuredEndNs = -1;
    stopping = false;
    bucket = TokenBucket(scenario.rateLimit, scenario.rateLimitBurst);

    // The pool: one manager per 6 lanes (HTTP/1.1) or per 100 lanes (h2c), created lazily.
    slotsPerManager = scenario.http2 ? Http2SlotsPerManager : Http1SlotsPerManager;
    active.clear();
    active.resize(size_t(scenario.concurrency));
    freeLanes.clear();
    for (int lane = scenario.concurrency - 1; lane >= 0; --lane)
        freeLanes.push_back(lane);
    activeCount = 0;
    laneFreeSinceNs.assign(size_t(scenario.concurrency), 0);
    sendingCount = 0;
    // Requests between post() and requestSent compete with each other for the engine and HTTP
    // threads; past a few, each one's start-to-wire time grows with the burst (the first round
    // of 256 streams took ~80 ms to leave, all of it counted in TTFT). The window keeps a burst's
    // queue at the gate, where it is measured as client queue time.
    sendWindow = scenario.sendWindow;

    // Pay Qt's one-time costs before the clock starts: each manager's HTTP thread, the TLS
    // backend plugin, and one connection per lane. This is what connectToHost() does (a GET of
    // a preconnect-http(s) URL), but keeping the replies lets the run wait until every
    // connection is up: connectToHost() alone left the pool's setup (a queued _q_startOperation
    // per lane on this thread) and the handshakes to overlap the first round, whose requests
    // then reached the wire 5-10 ms late at 32 streams and ~60 ms late at 256.
    const int managersNeeded = scenario.transport == Transport::Socket
        ? 0
        : (scenario.concurrency + slotsPerManager - 1) / slotsPerManager;
    const bool tls = endpoint.scheme() == QLatin1String("https");
    QUrl preconnectUrl;
    preconnectUrl.setScheme(tls ? QStringLiteral("preconnect-https") : QStringLiteral("preconnect-http"));
    preconnectUrl.setHost(endpoint.host());
    preconnectUrl.setPort(endpoint.port(tls ? 443 : 80));
    QNetworkRequest preconnect(preconnectUrl);
    if (tls && !scenario.http2)
        preconnect.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
#if QT_CONFIG(ssl)
    if (tls)
        preconnect.setSslConfiguration(tlsConfig); // the handshake of the connection the run reuses
#endif
    pendingConnects = 0;
    connecting = true;
    for (int m = 0; m < managersNeeded; ++m) {
        QNetworkAccessManager *nam = managerForLane(m * slotsPerManager);
        const int lanes = std::min(slotsPerManager, scenario.concurrency - m * slotsPerManager);
        for (int i = 0; i < (scenario.http2 ? 1 : lanes); ++i) {
            QNetworkReply *reply = nam->get(preconnect);
            ++pendingConnects;
            // Failures (refused, TLS) are not reported here: the requests will meet them too.
            QObject::connect(reply, &QNetworkReply::finished, q, [this, reply] {
                reply->deleteLater();
                if (--pendingConnects == 0)
                    launch();
            });
        }
    }
    if (scenario.transport == Transport::Socket) {
        // The same before the clock for the socket transport: one connection per lane, up.
        delete sockets;
        socketHead = SocketTransport::requestHead(scenario, endpoint, apiKey);
        sockets = new SocketTransport(endpoint, scenario.concurrency, &clock, socketEvents(), q);
        if (tls)
            sockets->setTlsConfiguration(tlsConfig);
        // A few handshakes at a time: 1,000 SYNs at once overflow a server's listen backlog
        // (Qt's is 50), and the dropped ones wait a second or more for the kernel's retry.
        pendingConnects = scenario.concurrency;
        nextPreconnect = 0;
        while (nextPreconnect < std::min(scenario.concurrency, PreconnectsInFlight))
            sockets->preconnect(nextPreconnect++);
    }

    auto makeTimer = [this](bool precise) {
        auto *t = new QTimer(q);
        t->setSingleShot(true);
        t->setTimerType(precise ? Qt::PreciseTimer : Qt::CoarseTimer);
        return t;
    };
    if (!pumpTimer) {
        pumpTimer = makeTimer(true);
        QObject::connect(pumpTimer, &QTimer::timeout, q, [this] { pump(); });
        deadlineTimer = makeTimer(true);
        QObject::connect(deadlineTimer, &QTimer::timeout, q, [this] { checkDeadlines(); });
        lagTimer = makeTimer(true);
        lagTimer->setSingleShot(false);
        QObject::connect(lagTimer, &QTimer::timeout, q, [this] {
            const qint64 t = now();
            const qint64 lag = std::max<qint64>(0, t - lagExpectedNs);
            trace.loopLag.push_back({ t, lag });
            progress.lastLoopLagNs = lag;
            lagExpectedNs = t + lagTimer->interval() * 1'000'000LL;
        });
        liveTimer = makeTimer(false);
        liveTimer->setSingleShot(false);
        QObject::connect(liveTimer, &QTimer::timeout, q, [this] { publishLive(); });
        connectGuard = makeTimer(false);
        QObject::connect(connectGuard, &QTimer::timeout, q, [this] { launch(); });
        durationTimer = makeTimer(true);
        QObject::connect(durationTimer, &QTimer::timeout, q, [this] {
            stopping = true;
            cutOffAll(AbortReason::RunEnded);
        });
    }

    clock.start();
    running = true;
    warmupPhase = false;
    schedule.clear();
    // The run proper starts once the pool is connected, or after 5 s whatever happened.
    connectGuard->start(5000);
    if (pendingConnects == 0)
        QMetaObject::invokeMethod(
            q, [this] { launch(); }, Qt::QueuedConnection);
    return true;
}

void LoadEnginePrivate::launch()
{
    if (!running || !connecting)
        return;
    connecting = false;
    connectGuard->stop();
    // The clock restarts here: the trace begins with a connected pool.
    clock.start();
    trace.clockOriginMonotonicNs = clockOriginMonotonicNs(clock);
    trace.loopBusy.clear();
    trace.loopLag.clear();
    busyProbe.start(&clock, &trace.loopBusy); // the event-loop lane
    qCDebug(lcEngine) << "event-loop lane measured by" << busyProbe.method();
    deadlineArmedNs = -1;
    lagTimer->setInterval(10);
    lagExpectedNs = now() + 10'000'000;
    lagTimer->start();
    if (liveIntervalMs > 0)
        liveTimer->start(liveIntervalMs);

    warmupPhase = scenario.warmup > 0;
    progress.warmingUp = warmupPhase;
    if (!warmupPhase)
        beginMeasured();
    else
        pump();
}

void LoadEnginePrivate::beginMeasured()
{
    warmupPhase = false;
    progress.warmingUp = false;
    trace.measuredStartNs = now();
    if (!replay.empty()) {
        // The trace's own times are the intended send times (METRICS.md item 16's schedule).
        schedule.clear();
        const qint64 durationNs = scenario.durationS > 0 ? qint64(scenario.durationS * 1e9) : 0;
        for (const ReplayArrival &a : replay) {
            if ((scenario.requests > 0 && qint64(schedule.size()) >= scenario.requests)
                || (durationNs > 0 && a.offsetNs >= durationNs))
                break;
            schedule.push_back(a.offsetNs);
        }
        trace.replayedRows = int(schedule.size());
    } else if (scenario.rate > 0) {
        const qint64 durationNs = scenario.durationS > 0 ? qint64(scenario.durationS * 1e9) : 0;
        schedule = ArrivalSchedule::generate(
            scenario.rate, scenario.burstiness, scenario.requests, durationNs, scenario.seed);
    } else {
        schedule.clear();
    }
    if (!schedule.empty())
        progress.planned = int(schedule.size());
    if (scenario.durationS > 0) {
        measuredEndNs = trace.measuredStartNs + qint64(scenario.durationS * 1e9);
        durationTimer->start(int(scenario.durationS * 1000));
    }
    pump();
}

bool LoadEnginePrivate::moreToIssue() const
{
    if (stopping)
        return false;
    if (warmupPhase)
        return warmupIssued < scenario.warmup;
    if (sessions)
        return nextSession < sessions->sessionCount() || sessionsHeld > 0;
    if (openLoop())
        return nextArrival < schedule.size();
    if (scenario.requests > 0)
        return measuredIssued < scenario.requests;
    return true; // duration-bound closed loop
}

quint32 LoadEnginePrivate::newRecord(bool warmup, qint64 intendedNs, qint64 planIndex)
{
    RequestRecord r;
    r.index = quint32(trace.requests.size());
    r.warmup = warmup;
    r.intendedNs = intendedNs;
    // Which planned request it sends: its own index, a replayed row, a session's turn; warm-up
    // requests of a session run are planned past every turn, so they warm no conversation.
    if (planIndex < 0)
        planIndex
            = sessions && warmup ? qint64(sessions->firstUnusedPlanIndex()) + warmupIssued : qint64(r.index);
    planIndexOf.push_back(quint32(planIndex));
    bodies.fillPlanned(
        quint32(planIndex), &r); // the planned lengths, before any attempt (a cut-off request keeps them)
    r.id = "bb-" + runTag + '-' + QByteArray::number(r.index).rightJustified(6, '0');
    trace.requests.push_back(std::move(r));
    if (warmup)
        ++warmupIssued;
    else
        ++measuredIssued;
    return quint32(trace.requests.size() - 1);
}

bool LoadEnginePrivate::passGates(qint64 nowNs, bool needLane)
{
    if (needLane && freeLanes.empty())
        return false;
    if (sendWindow > 0 && sendingCount >= sendWindow)
        return false; // requestSent or a finish reopens it (endSending)
    if (!bucket.tryAcquire(nowNs)) {
        const qint64 wait = bucket.waitNs(nowNs);
        if (!pumpTimer->isActive() || pumpTimer->remainingTime() > wait / 1'000'000)
            pumpTimer->start(int(std::max<qint64>(1, (wait + 999'999) / 1'000'000)));
        return false;
    }
    return true;
}

// Dispatches are paced, one per pass through the event loop. QNAM's post() only queues the
// request: the reply's _q_startOperation, and then the HTTP thread's request for the body
// (wantUploadData, a round trip to this thread), are posted events handled in order. A burst of
// N posts in one go queued all N setups before the first body could leave, so the first
// request of a 256-request burst reached the wire ~100 ms after its start (measured: offset
// 61-106 ms against the simulator's arrival). Posting one, then queueing the next pump behind
// that request's own setup, keeps each request's start-to-wire time to about one setup
// (~0.3 ms); a burst takes as long as before to leave, but no request waits for the later ones.
void LoadEnginePrivate::schedulePump()
{
    if (pumpQueued)
        return;
    pumpQueued = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            pumpQueued = false;
            pump();
        },
        Qt::QueuedConnection);
}

// Moves requests through the gates: schedule (open loop) -> waiting queue -> lanes and permits.
void LoadEnginePrivate::pump()
{
    if (!running)
        return;
    const qint64 t = now();
    if (sessions && !warmupPhase) {
        pumpSessions(t);
    } else if (openLoop() && !warmupPhase) {
        // Open loop: every arrival whose time has come joins the client queue, even if no lane
        // is free; the wait until dispatch is the client queue time, recorded, never hidden.
        while (!stopping && nextArrival < schedule.size()
            && trace.measuredStartNs + schedule[nextArrival] <= t) {
            const qint64 intended = trace.measuredStartNs + schedule[nextArrival];
            const qint64 row = replay.empty() ? -1 : qint64(replay[nextArrival].planIndex);
            ++nextArrival;
            waiting.push_back(newRecord(false, intended, row));
            // Published now, not at its dispatch: a live view sees it in line (trace/orderline.h).
            markDirty(waiting.back());
            ++progress.queued;
        }
        if (!waiting.empty() && passGates(t)) {
            const quint32 index = waiting.front();
            waiting.pop_front();
            --progress.queued;
            const int lane = freeLanes.back();
            freeLanes.pop_back();
            dispatch(index, lane);
            if (!waiting.empty() && !freeLanes.empty())
                schedulePump();
        }
        if (!stopping && nextArrival < schedule.size() && !pumpTimer->isActive()) {
            const qint64 dueNs = trace.measuredStartNs + schedule[nextArrival] - now();
            pumpTimer->start(int(std::max<qint64>(0, dueNs / 1'000'000)));
        }
    } else {
        if (moreToIssue() && passGates(t)) {
            const int lane = freeLanes.back();
            freeLanes.pop_back();
            // Closed loop: the request was due when its lane came free (the run's start for the
            // first round); the wait until dispatch (the send window, the rate limit, this
            // thread's own pace) is client queue time, recorded like the open loop's.
            qint64 intended = laneFreeSinceNs[size_t(lane)];
            if (!warmupPhase)
                intended = std::max(intended, trace.measuredStartNs);
            const quint32 index = newRecord(warmupPhase, std::min(intended, t));
            dispatch(index, lane);
            if (moreToIssue() && !freeLanes.empty())
                schedulePump();
        }
    }
    maybeFinish();
}

void LoadEnginePrivate::endSending(ActiveRequest *a)
{
    if (!a->sending)
        return;
    a->sending = false;
    --sendingCount;
    if (running && !stopping)
        schedulePump();
}

QNetworkAccessManager *LoadEnginePrivate::managerForLane(int lane)
{
    const size_t m = size_t(lane / slotsPerManager);
    if (managers.size() <= m)
        managers.resize(m + 1, nullptr);
    if (!managers[m]) {
        auto *nam = new QNetworkAccessManager(q);
        nam->setProxy(QNetworkProxy::NoProxy); // Debian's Qt would ask libproxy for every host
        nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        nam->setAutoDeleteReplies(false);
        nam->setStrictTransportSecurityEnabled(false);
        nam->setTransferTimeout(0); // our own inactivity and total timeouts, told apart
        nam->setCookieJar(nullptr);
        managers[m] = nam;
    }
    return managers[m];
}

void LoadEnginePrivate::dispatch(quint32 index, int lane)
{
    auto a = std::make_unique<ActiveRequest>();
    a->index = index;
    a->lane = lane;
    ActiveRequest *raw = a.get();
    active[size_t(lane)] = std::move(a);
    ++activeCount;
    RequestRecord &r = trace.requests[index];
    r.lane = lane;
    if (!r.warmup) {
        ++progress.dispatched;
        ++progress.inFlight;
    }
    sendAttempt(raw);
}

QNetworkRequest LoadEnginePrivate::buildRequestTemplate() const
{
    QNetworkRequest request(endpoint);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (scenario.http2) {
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
        if (endpoint.scheme() == QLatin1String("http"))
            request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    } else {
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept-Encoding", "identity");
    request.setRawHeader("Accept", scenario.stream ? "text/event-stream" : "application/json");
    // Our own name, not QNAM's "Mozilla/5.0"; target.headers may still set another (below).
    request.setRawHeader("User-Agent", userAgent());
    // QNAM adds "Accept-Language: <system locale>,en,*" to every request without one, and an empty
    // value counts as none (qhttpnetworkconnection.cpp, prepareRequest): it cannot be left out.
    // "*" (any language, RFC 9110 12.5.4) is the neutral value that tells the server nothing
    // about this machine's locale. The socket transport and the blocking client send none.
    request.setRawHeader("Accept-Language", "*");
    for (auto it = scenario.headers.begin(); it != scenario.headers.end(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    if (!apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + apiKey);
#if QT_CONFIG(ssl)
    if (endpoint.scheme() == QLatin1String("https"))
        request.setSslConfiguration(tlsConfig);
#endif
    return request;
}

void LoadEnginePrivate::sendAttempt(ActiveRequest *a)
{
    if (sockets) {
        sendSocketAttempt(a);
        return;
    }
    RequestRecord &r = trace.requests[a->index];
    // A copy of the run's template; only the id differs between requests.
    QNetworkRequest request = requestTemplate;
    request.setRawHeader("X-Request-Id", r.id);

    a->bytes = 0;
    a->abortReason = AbortReason::None;
    a->classifier.setOptions(classifierOptions());
    a->classifier.begin(r);
    r.sentNs = r.headersNs = r.firstByteNs = -1;
    r.outcome = Outcome::InFlight;

    QNetworkAccessManager *nam = managerForLane(a->lane);
    // METRICS.md item 2: request start is read immediately before the POST enters the stack.
    const qint64 t = now();
    a->attemptStartNs = t;
    a->lastActivityNs = t;
    if (r.attempts.empty())
        r.dispatchNs = t;
    else // a retry: the wait that ends now is the timeline's backoff phase
        r.attempts.back().waitNs = t - r.attempts.back().endNs;
    QNetworkReply *reply = nam->post(request, bodyFor(a, r));
    a->reply = reply;
    // Issue 15: by default QNAM's HTTP thread reads a response as fast as the server sends and
    // queues it for this thread without bound: 20 endless streams from a fast server took the CLI
    // to 737 MB of RSS with the event cap in place, and one reply delivered 64 MiB in a single
    // read. A read buffer size makes QHttpThreadDelegate stop reading while this much is
    // waiting for us (backpressure on the socket); the engine drains it on every readyRead.
    // HTTP/1 only: Qt 6.4's HTTP/2 streams do not apply it. Set now (the reply then reports each
    // read back to the delegate) and once more from the queue: set only here it had no effect
    // (666 MB measured), since the reply connects its HTTP thread delegate to
    // readBufferSizeChanged only when it starts the request; queued, it holds (44.6 MB).
    if (!scenario.http2) {
        reply->setReadBufferSize(QnamReadBufferBytes);
        QMetaObject::invokeMethod(
            reply, [reply] { reply->setReadBufferSize(QnamReadBufferBytes); }, Qt::QueuedConnection);
    }
    armDeadline(t + std::min(totalTimeoutNs(), idleTimeoutNs()));
    a->sending = true;
    ++sendingCount;
    markDirty(a->index);

    QObject::connect(reply, &QNetworkReply::readyRead, q, [this, a] { onReadyRead(a); });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, q, [this, a] { onMetaData(a); });
    // requestSent (Qt 6.3) rather than uploadProgress: one queued signal per request, where
    // uploadProgress made the reply emit progress for every chunk of the body.
    QObject::connect(reply, &QNetworkReply::requestSent, q, [this, a] {
        if (a->reply) {
            RequestRecord &rec = trace.requests[a->index];
            if (rec.sentNs < 0)
                rec.sentNs = now();
        }
        endSending(a);
    });
    QObject::connect(reply, &QNetworkReply::finished, q, [this, a] { onFinished(a); });
}

// The socket transport's attempt: the request bytes are built first, so the start stamp is
// read immediately before they are written to the lane's connection (METRICS.md item 2).
void LoadEnginePrivate::sendSocketAttempt(ActiveRequest *a)
{
    RequestRecord &r = trace.requests[a->index];
    QByteArray request = SocketTransport::request(socketHead, r.id, bodyFor(a, r));
    a->bytes = 0;
    a->abortReason = AbortReason::None;
    a->classifier.setOptions(classifierOptions());
    a->classifier.begin(r);
    r.sentNs = r.headersNs = r.firstByteNs = -1;
    r.outcome = Outcome::InFlight;

    const qint64 t = now();
    a->attemptStartNs = t;
    a->lastActivityNs = t;
    if (r.attempts.empty())
        r.dispatchNs = t;
    else // a retry: the wait that ends now is the timeline's backoff phase
        r.attempts.back().waitNs = t - r.attempts.back().endNs;
    a->onSocket = true;
    a->sending = true;
    ++sendingCount;
    markDirty(a->index);
    armDeadline(t + std::min(totalTimeoutNs(), idleTimeoutNs()));
    sockets->send(a->lane, std::move(request));
}

ActiveRequest *LoadEnginePrivate::socketAttempt(int lane) const
{
    ActiveRequest *a = active[size_t(lane)].get();
    return a && a->onSocket ? a : nullptr;
}

// What the socket transport's lanes report, in the order the QNAM path hears it: sent, the
// head, body bytes, the end. Each read was stamped once (t) by the lane.
SocketTransport::Events LoadEnginePrivate::socketEvents()
{
    SocketTransport::Events events;
    events.connected = [this](int) {
        if (!connecting || pendingConnects <= 0)
            return;
        if (nextPreconnect < scenario.concurrency)
            sockets->preconnect(nextPreconnect++);
        if (--pendingConnects == 0)
            launch();
    };
    events.sent = [this](int lane, qint64 t) {
        ActiveRequest *a = socketAttempt(lane);
        if (!a)
            return;
        RequestRecord &r = trace.requests[a->index];
        if (r.sentNs < 0)
            r.sentNs = t;
        endSending(a);
    };
    events.head = [this](int lane, const HttpResponseHead &head, qint64 t) {
        ActiveRequest *a = socketAttempt(lane);
        if (!a)
            return;
        RequestRecord &r = trace.requests[a->index];
        if (r.headersNs < 0)
            r.headersNs = t;
        if (r.sentNs < 0)
            r.sentNs = t;
        a->lastActivityNs = t;
        a->classifier.onHead(
            r, head.status, head.reason, head.header("content-type"), head.header("location"));
        markDirty(a->index);
    };
    events.body = [this](int lane, QByteArrayView data, qint64 t) {
        ActiveRequest *a = socketAttempt(lane);
        if (!a)
            return false;
        RequestRecord &r = trace.requests[a->index];
        if (r.firstByteNs < 0)
            r.firstByteNs = t;
        a->lastActivityNs = t;
        return takeBody(a, r, data, t);
    };
    events.ended = [this](int lane, const SocketTransport::End &end, qint64 t) {
        ActiveRequest *a = socketAttempt(lane);
        if (!a)
            return;
        a->onSocket = false;
        endSending(a);
        endAttempt(a, t, end.error, end.message, end.retryAfter);
    };
    return events;
}

void LoadEnginePrivate::onMetaData(ActiveRequest *a)
{
    RequestRecord &r = trace.requests[a->index];
    const qint64 t = now();
    if (r.headersNs < 0)
        r.headersNs = t;
    if (r.sentNs < 0)
        r.sentNs = t;
    a->lastActivityNs = t;
    headFromReply(a, r);
    markDirty(a->index);
}

// QNAM has parsed the head (and skipped any 1xx); the classifier gets what it needs of it.
void LoadEnginePrivate::headFromReply(ActiveRequest *a, RequestRecord &r)
{
    QNetworkReply *reply = a->reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return;
    a->classifier.onHead(r, status,
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
        reply->rawHeader("Content-Type"), reply->rawHeader("Location"));
}

void LoadEnginePrivate::onReadyRead(ActiveRequest *a)
{
    QNetworkReply *reply = a->reply;
    if (!reply)
        return;
    const qint64 t = now();
    RequestRecord &r = trace.requests[a->index];
    if (r.firstByteNs < 0)
        r.firstByteNs = t;
    if (r.headersNs < 0)
        onMetaData(a);
    a->lastActivityNs = t;
    const QByteArray data = reply->readAll();
    takeBody(a, r, data, t);
}

// Decoded body bytes of one read at t; false when they broke the size cap (the attempt is over).
bool LoadEnginePrivate::takeBody(ActiveRequest *a, RequestRecord &r, QByteArrayView data, qint64 t)
{
    a->bytes += data.size();
    if (a->bytes > scenario.maxResponseBytes) {
        abortActive(a, AbortReason::TooLarge);
        return false;
    }
    // A read coalesces: it may hold many events, or half of one. QNAM hands over all it
    // buffered at once (2.5 MiB in one read, measured), so the read goes to the classifier in
    // slices with the event cap and the budget checked after each: the books then pass the
    // budget by at most one slice. Every slice keeps the read's one time stamp.
    for (qsizetype pos = 0; pos < data.size(); pos += ReadSliceBytes) {
        const int tokens
            = a->classifier.onBody(r, data.sliced(pos, std::min(ReadSliceBytes, data.size() - pos)), t);
        if (tokens > 0) {
            if (!r.warmup)
                progress.tokens += tokens;
            markDirty(a->index);
        }
        updateHeld(a);
        if (a->classifier.eventTooLarge()) {
            abortActive(a, AbortReason::EventTooLarge);
            return false;
        }
        if (!enforceBudget(a))
            return false;
    }
    return true;
}

void LoadEnginePrivate::updateHeld(ActiveRequest *a)
{
    const qint64 held = a->inAttempt() ? qint64(a->classifier.heldBytes()) : 0;
    heldBytes += held - a->held;
    a->held = held;
    peakHeldBytes = std::max(peakHeldBytes, heldBytes);
}

// Past the run's buffer budget, the attempt holding the most is failed (one is enough: the
// budget is at least 1 MiB and no attempt holds more than its cap or the response cap). Returns
// false when that was `reading`, whose read is then over.
bool LoadEnginePrivate::enforceBudget(ActiveRequest *reading)
{
    if (heldBytes <= scenario.maxBufferedBytes)
        return true;
    ActiveRequest *largest = nullptr;
    for (auto &slot : active) {
        ActiveRequest *a = slot.get();
        if (a && a->inAttempt() && (!largest || a->held > largest->held))
            largest = a;
    }
    if (!largest)
        return true;
    abortActive(largest, AbortReason::BufferBudget);
    return largest != reading;
}

void LoadEnginePrivate::abortActive(ActiveRequest *a, AbortReason reason)
{
    if (a->reply) {
        a->abortReason = reason;
        a->reply->abort(); // emits finished() synchronously -> onFinished
    } else if (a->onSocket) {
        // The lane drops its connection and reports nothing more; the attempt ends here.
        a->abortReason = reason;
        a->onSocket = false;
        sockets->cancel(a->lane);
        endSending(a);
        endAttempt(a, now(), ErrorKind::None, QString(), QByteArray());
    } else if (a->backoffTimer) {
        // Between attempts: nothing on the wire; settle with the reason directly.
        a->backoffTimer->stop();
        a->backoffTimer->deleteLater();
        a->backoffTimer = nullptr;
        settle(a, isIncompleteAbort(reason) ? Outcome::Incomplete : Outcome::Failed, kindForAbort(reason),
            QString(), now());
    }
}

void LoadEnginePrivate::onFinished(ActiveRequest *a)
{
    QNetworkReply *reply = a->reply;
    if (!reply)
        return;
    const qint64 t = now();
    endSending(a);
    RequestRecord &r = trace.requests[a->index];
    // Drain whatever arrived with the final notification.
    if (reply->bytesAvailable() > 0 && a->abortReason == AbortReason::None)
        onReadyRead(a);
    if (!a->classifier.headSeen())
        headFromReply(a, r); // a head without a metaDataChanged before the end
    const QNetworkReply::NetworkError netError = reply->error();
    const QString netMessage = reply->errorString();
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    a->reply = nullptr;
    reply->disconnect(q);
    reply->deleteLater();

    // What QNAM tells apart is all the classifier hears: it parsed HTTP itself (a broken status
    // line or chunk size arrive as a close or a normal end), and it reports a non-2xx status as
    // an error too (the classifier lets the status win).
    endAttempt(a, t, netError != QNetworkReply::NoError ? kindForNetworkError(netError) : ErrorKind::None,
        netMessage, retryAfter);
}

// The attempt is over (the transport has let go of it): the verdict, then settle or retry.
void LoadEnginePrivate::endAttempt(ActiveRequest *a, qint64 t, ErrorKind transportError,
    const QString &transportMessage, const QByteArray &retryAfter)
{
    RequestRecord &r = trace.requests[a->index];
    heldBytes -= a->held; // the transport has let go: so do the budget's books
    a->held = 0;
    if (a->abortReason != AbortReason::None)
        a->classifier.abort(kindForAbort(a->abortReason), abortMessage(a->abortReason, scenario));
    else if (transportError != ErrorKind::None)
        a->classifier.onTransportError(transportError, transportMessage);
    const AttemptVerdict verdict = a->classifier.finish(r, t);
    const Outcome outcome = verdict.outcome;
    const ErrorKind kind = verdict.error;
    const QString &message = verdict.message;

    if (outcome == Outcome::Success) {
        settle(a, outcome, ErrorKind::None, QString(), t);
        if (completionHook)
            completionHook(r.index);
        return;
    }

    // A retryable failure with attempts left waits (holding its lane) and tries again.
    if (outcome == Outcome::Failed && !stopping && r.retries < scenario.retries
        && RetryPolicy::isRetryable(kind, r.httpStatus)) {
        AttemptRecord attempt;
        attempt.startNs = a->attemptStartNs;
        attempt.endNs = t;
        attempt.httpStatus = r.httpStatus;
        attempt.error = kind;
        attempt.message = message;
        r.attempts.push_back(attempt);
        ++r.retries;
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        qint64 delay
            = RetryPolicy::backoffNs(r.retries, scenario.retryBaseMs, scenario.retryMaxMs, uniform(rng));
        delay = std::max(delay, RetryPolicy::retryAfterNs(retryAfter, QDateTime::currentDateTimeUtc()));
        a->backoffTimer = new QTimer(q);
        a->backoffTimer->setSingleShot(true);
        a->backoffTimer->setTimerType(Qt::PreciseTimer);
        QObject::connect(a->backoffTimer, &QTimer::timeout, q, [this, a] {
            a->backoffTimer->deleteLater();
            a->backoffTimer = nullptr;
            sendAttempt(a);
        });
        a->backoffTimer->start(int(delay / 1'000'000));
        markDirty(a->index);
        return;
    }
    settle(a, outcome, kind, message, t);
}

void LoadEnginePrivate::settle(
    ActiveRequest *a, Outcome outcome, ErrorKind kind, const QString &message, qint64 nowNs)
{
    RequestRecord &r = trace.requests[a->index];
    r.outcome = outcome;
    r.error = kind;
    r.errorMessage = message;
    r.endNs = nowNs;
    if (outcome != Outcome::Success && r.outputTokens < 0)
        r.outputTokens = int(r.tokenNs.size());
    markDirty(a->index);
    if (!r.warmup) {
        --progress.inFlight;
        if (outcome == Outcome::Success)
            ++progress.completed;
        else if (outcome == Outcome::Failed)
            ++progress.failed;
        else
            ++progress.incomplete;
        trace.endNs = std::max(trace.endNs, nowNs);
    }
    const bool failFast
        = outcome == Outcome::Failed && !r.warmup && scenario.errorPolicy == ErrorPolicy::FailFast;
    const bool holdForSession = r.session >= 0 && endTurn(a->lane, r, outcome, nowNs);
    // A settled record does not grow again: give back what its doublings reserved.
    r.tokenNs.shrink_to_fit();
    r.text.squeeze();
    releaseLane(a->lane, holdForSession);
    if (failFast && !stopping) {
        trace.abortReason = QStringLiteral("fail-fast: request %1 failed (%2)")
                                .arg(QString::fromLatin1(r.id), errorKindName(kind, r.httpStatus));
        cutOffAll(AbortReason::FailFast);
        return;
    }
    // Refill the lane (or finish) outside this call stack, after any completion hook has run.
    QTimer::singleShot(0, q, [this] { stopping ? maybeFinish() : pump(); });
}

void LoadEnginePrivate::releaseLane(int lane, bool holdForSession)
{
    std::unique_ptr<ActiveRequest> &slot = active[size_t(lane)];
    if (!slot)
        return;
    // Deleted later: we may be inside one of its reply's signal handlers.
    ActiveRequest *dead = slot.release();
    QTimer::singleShot(0, q, [dead] { delete dead; });
    --activeCount;
    if (holdForSession)
        return; // the user thinks, then orders again on this lane
    freeLanes.push_back(lane);
    laneFreeSinceNs[size_t(lane)] = now();
}

QByteArray LoadEnginePrivate::bodyFor(const ActiveRequest *a, RequestRecord &r)
{
    if (r.session >= 0) {
        const LaneSession &ls = laneSessions[size_t(a->lane)];
        r.promptTokens = ls.askedInputTokens;
        return ls.body;
    }
    return bodies.body(planIndexOf[a->index], &r);
}

// Multi-turn sessions (workload.sessions / multi_turn). Concurrency counts users: a session
// takes a free lane for its first turn and holds it until its last answer (or a failure). Each
// later turn is due when the previous answer ended plus the user's think time: that is its
// intended send time, so a think is never client queue time, and a turn held at the gates
// (send window, rate limit) past it is.
void LoadEnginePrivate::pumpSessions(qint64 t)
{
    while (!stopping && !freeLanes.empty() && nextSession < sessions->sessionCount()) {
        const int lane = freeLanes.back();
        freeLanes.pop_back();
        LaneSession &ls = laneSessions[size_t(lane)];
        ls = LaneSession();
        ls.session = nextSession++;
        // As the closed loop: due when its lane came free (the run's start for the first round).
        ls.dueNs = std::max(laneFreeSinceNs[size_t(lane)], trace.measuredStartNs);
        ++sessionsHeld;
    }
    if (stopping)
        return;
    int best = -1; // the due turn that has waited longest
    qint64 nextDue = -1;
    int due = 0;
    for (size_t lane = 0; lane < laneSessions.size(); ++lane) {
        const LaneSession &ls = laneSessions[lane];
        if (ls.session < 0 || ls.dueNs < 0)
            continue;
        if (ls.dueNs <= t) {
            ++due;
            if (best < 0 || ls.dueNs < laneSessions[size_t(best)].dueNs)
                best = int(lane);
        } else if (nextDue < 0 || ls.dueNs < nextDue) {
            nextDue = ls.dueNs;
        }
    }
    if (best >= 0 && passGates(t, false)) {
        dispatchTurn(best, t);
        if (due > 1)
            schedulePump();
    }
    if (nextDue >= 0) {
        const qint64 waitMs = std::max<qint64>(0, (nextDue - now()) / 1'000'000);
        if (!pumpTimer->isActive() || pumpTimer->remainingTime() > waitMs)
            pumpTimer->start(int(std::min<qint64>(waitMs, INT_MAX)));
    }
}

void LoadEnginePrivate::dispatchTurn(int lane, qint64 t)
{
    LaneSession &ls = laneSessions[size_t(lane)];
    const SessionPlan::Turn turn = sessions->turn(*bodies.plan(), ls.session, ls.turn, ls.historyBytes);
    for (const auto &m : turn.messages) {
        ls.history.append(m);
        ls.historyBytes += m.toObject().value(QLatin1String("content")).toString().size();
    }
    PlannedRequest p;
    p.messages = ls.history;
    p.outputTokens = turn.outputTokens;
    ls.body = RequestBody::plannedJson(scenario, p);
    ls.askedInputTokens = turn.inputTokens;
    const quint32 index
        = newRecord(false, std::min(ls.dueNs, t), qint64(sessions->planIndex(ls.session, ls.turn)));
    RequestRecord &r = trace.requests[index];
    r.session = ls.session;
    r.turn = ls.turn;
    r.askedInputTokens = turn.inputTokens;
    r.askedOutputTokens = turn.outputTokens;
    r.promptTokens = turn.inputTokens;
    ls.dueNs = -1;
    dispatch(index, lane);
}

// A session's turn settled: true when the session goes on (the answer joins its history and
// the next turn is due after the think time), false when it is over: its last turn, or a turn
// that failed or was cut off (the conversation ends there, recorded; its later turns are not
// sent, since they would carry an answer that never came).
bool LoadEnginePrivate::endTurn(int lane, RequestRecord &r, Outcome outcome, qint64 nowNs)
{
    LaneSession &ls = laneSessions[size_t(lane)];
    const bool goesOn = outcome == Outcome::Success && !stopping && ls.session == r.session
        && ls.turn + 1 < sessions->turnCount(ls.session);
    if (goesOn) {
        // The streamed content received (answer deltas; a non-streamed answer's message).
        ls.history.append(QJsonObject {
            { QStringLiteral("role"), QStringLiteral("assistant") }, { QStringLiteral("content"), r.text } });
        ls.historyBytes += r.text.size();
        ++ls.turn;
        ls.dueNs = nowNs + sessions->thinkNs(ls.session, ls.turn);
        ls.body.clear();
    }
    if (r.text.size() > keepTextBytes)
        r.text.truncate(keepTextBytes);
    if (!goesOn) {
        ls = LaneSession();
        --sessionsHeld;
    }
    return goesOn;
}

void LoadEnginePrivate::armDeadline(qint64 atNs)
{
    if (!running || (deadlineArmedNs >= 0 && deadlineArmedNs <= atNs && deadlineTimer->isActive()))
        return;
    deadlineArmedNs = atNs;
    // Rounded up: a timer never fires before the deadline, and at most 1 ms after it (plus the
    // loop's wake-up), where the sweep's 100 ms period let it fire up to a period late.
    const qint64 inNs = std::max<qint64>(0, atNs - now());
    deadlineTimer->start(int(std::min<qint64>((inNs + 999'999) / 1'000'000, INT_MAX)));
}

void LoadEnginePrivate::checkDeadlines()
{
    deadlineArmedNs = -1;
    const qint64 t = now();
    const qint64 idleNs = idleTimeoutNs();
    const qint64 totalNs = totalTimeoutNs();
    qint64 next = -1;
    for (auto &slot : active) {
        ActiveRequest *a = slot.get();
        if (!a || !a->inAttempt())
            continue;
        const qint64 totalAt = a->attemptStartNs + totalNs;
        const qint64 idleAt = a->lastActivityNs + idleNs;
        if (t >= totalAt) {
            abortActive(a, AbortReason::TimeoutTotal);
        } else if (t >= idleAt) {
            abortActive(a, AbortReason::TimeoutIdle);
        } else {
            const qint64 due = std::min(totalAt, idleAt);
            next = next < 0 ? due : std::min(next, due);
        }
    }
    // An abort above may have started a retry or the next request, which armed its own.
    if (next >= 0)
        armDeadline(next);
}

void LoadEnginePrivate::cutOffAll(AbortReason reason)
{
    stopping = true;
    pumpTimer->stop();
    const qint64 t = now();
    // Queued requests never went out: recorded as incomplete, without a dispatch time.
    for (quint32 index : waiting) {
        RequestRecord &r = trace.requests[index];
        r.outcome = Outcome::Incomplete;
        r.error = kindForAbort(reason);
        r.endNs = t;
        --progress.queued;
        ++progress.incomplete;
        markDirty(index);
    }
    waiting.clear();
    for (auto &slot : active) {
        if (slot)
            abortActive(slot.get(), reason);
    }
    maybeFinish();
}

void LoadEnginePrivate::maybeFinish()
{
    if (!running || activeCount > 0 || !waiting.empty() || holds > 0 || (connecting && !stopping))
        return;
    if (warmupPhase && !stopping) {
        if (warmupIssued >= scenario.warmup)
            QTimer::singleShot(0, q, [this] {
                if (running && warmupPhase && activeCount == 0)
                    beginMeasured();
            });
        return;
    }
    if (moreToIssue())
        return;
    finishRun();
}

void LoadEnginePrivate::finishRun()
{
    running = false;
    connecting = false;
    connectGuard->stop();
    pumpTimer->stop();
    deadlineTimer->stop();
    deadlineArmedNs = -1;
    lagTimer->stop();
    liveTimer->stop();
    durationTimer->stop();
    busyProbe.stop();
    if (trace.measuredStartNs < 0)
        trace.measuredStartNs = now();
    if (trace.endNs < 0)
        trace.endNs = trace.measuredStartNs;
    publishLive();
    for (QNetworkAccessManager *nam : managers) {
        if (nam)
            nam->deleteLater();
    }
    managers.clear();
    requestTemplate = QNetworkRequest(); // it holds the API key
    socketHead.clear(); // so does this
    if (sockets) {
        sockets->shutdown();
        sockets->deleteLater(); // we may be inside one of its sockets' signals
        sockets = nullptr;
    }
    // Queued: a slot connected to finished() may delete or restart the engine.
    QMetaObject::invokeMethod(q, &LoadEngine::finished, Qt::QueuedConnection);
}

void LoadEnginePrivate::publishLive()
{
    if (liveIntervalMs <= 0)
        return;
    auto delta = std::make_shared<LiveDelta>();
    delta->nowNs = now();
    if (tokensPublished.size() < trace.requests.size())
        tokensPublished.resize(trace.requests.size(), 0);
    delta->requests.reserve(dirtyList.size());
    for (quint32 index : dirtyList) {
        dirty[index] = 0;
        const RequestRecord &full = trace.requests[index];
        RequestRecord copy;
        copy.index = full.index;
        copy.id = full.id;
        copy.warmup = full.warmup;
        copy.lane = full.lane;
        copy.intendedNs = full.intendedNs;
        copy.dispatchNs = full.dispatchNs;
        copy.sentNs = full.sentNs;
        copy.headersNs = full.headersNs;
        copy.firstByteNs = full.firstByteNs;
        copy.endNs = full.endNs;
        copy.httpStatus = full.httpStatus;
        copy.outcome = full.outcome;
        copy.error = full.error;
        copy.errorMessage = full.errorMessage;
        copy.promptTokens = full.promptTokens;
        copy.outputTokens = full.outputTokens;
        copy.outputTokensFromUsage = full.outputTokensFromUsage;
        copy.promptTokensFromUsage = full.promptTokensFromUsage;
        copy.cachedTokens = full.cachedTokens;
        copy.askedInputTokens = full.askedInputTokens;
        copy.askedOutputTokens = full.askedOutputTokens;
        copy.session = full.session;
        copy.turn = full.turn;
        copy.retries = full.retries;
        copy.attempts = full.attempts;
        int &published = tokensPublished[index];
        if (published > int(full.tokenNs.size()))
            published = 0; // a retry restarted the stream
        copy.tokenNs.assign(full.tokenNs.begin() + published, full.tokenNs.end());
        delta->tokenOffset.push_back(published);
        published = int(full.tokenNs.size());
        if (full.settled())
            copy.text = full.text;
        delta->requests.push_back(std::move(copy));
    }
    dirtyList.clear();
    delta->loopBusy.assign(trace.loopBusy.begin() + qsizetype(busyPublished), trace.loopBusy.end());
    busyPublished = trace.loopBusy.size();
    delta->loopLag.assign(trace.loopLag.begin() + qsizetype(lagPublished), trace.loopLag.end());
    lagPublished = trace.loopLag.size();
    delta->progress = progress;
    delta->progress.elapsedNs = delta->nowNs;
    if (liveDecorator)
        liveDecorator(*delta);
    emit q->liveUpdate(std::shared_ptr<const LiveDelta>(std::move(delta)));
}

} // namespace BurgerBench
