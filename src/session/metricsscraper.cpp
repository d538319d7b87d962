#include "session/metricsscraper.h"

#include "engine/useragent.h"

#include "protocol/prometheustext.h"
#include "protocol/servervocabulary.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcScrape, "burgerbench.scrape", QtWarningMsg)

namespace BurgerBench {

namespace {

qint64 monotonicNs()
{
    return QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs();
}

} // namespace

// Lives on the scraper's thread from begin() to shutdown(); its record is read by the starting
// thread only after that thread has finished.
class ScrapeWorker : public QObject
{
public:
    explicit ScrapeWorker(const ScrapeConfig &config)
        : m_config(config)
    {
        m_record.url = config.url.toString(QUrl::RemoveUserInfo);
        m_record.intervalMs = config.intervalMs;
    }

    void begin();
    void requestFinal();
    void shutdown();

    QSemaphore baselineDone;
    QSemaphore finalDone;
    ServerMetricsRecord m_record; // CLOCK_MONOTONIC times until stop() moves them
    // Guards m_record while the thread runs (record() writes it, takeLive() reads it from the
    // session's thread) and m_liveSent.
    QMutex m_lock;
    std::vector<size_t> m_liveSent; // per series: the samples takeLive() has handed out
    int m_answered = 0; // scrapes answered or failed
    int m_liveAnswered = 0; // m_answered when takeLive() last answered

private:
    void onTick();
    void scrape();
    void onFinished();
    void record(QNetworkReply *reply, ServerScrape scrape);
    void keep(const PromParseResult &parsed, qint64 atNs);

    ScrapeConfig m_config;
    QNetworkAccessManager *m_nam = nullptr; // child
    QTimer *m_tick = nullptr; // child
    QTimer *m_deadline = nullptr; // child
    QNetworkReply *m_reply = nullptr;
    QByteArray m_body;
    bool m_tooLarge = false;
    bool m_timedOut = false;
    qint64 m_sentNs = 0;
    bool m_baselinePending = true;
    bool m_wantFinal = false;
    bool m_finalStarted = false;
    QHash<QByteArray, int> m_seriesIndex; // name '\0' labels -> index into m_record.series
    qint64 m_points = 0;
};

void ScrapeWorker::begin()
{
    m_nam = new QNetworkAccessManager(this);
    m_nam->setProxy(QNetworkProxy::NoProxy); // as the load engine: no libproxy lookup per scrape
    m_tick = new QTimer(this);
    m_tick->setInterval(m_config.intervalMs);
    connect(m_tick, &QTimer::timeout, this, &ScrapeWorker::onTick);
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    m_deadline->setTimerType(Qt::PreciseTimer);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_timedOut = true;
            m_reply->abort(); // finished() follows, synchronously
        }
    });
    scrape();
}

void ScrapeWorker::onTick()
{
    if (m_reply) {
        const QMutexLocker lock(&m_lock);
        ++m_record.lateTicks;
        return;
    }
    scrape();
}

void ScrapeWorker::scrape()
{
    QMutexLocker lock(&m_lock); // the counters takeLive() reads
    ++m_record.scrapes;
    lock.unlock();
    QNetworkRequest request(m_config.url);
    request.setRawHeader("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("User-Agent", userAgent());
    request.setRawHeader("Accept-Language", "*"); // QNAM's would be the locale (loadengine.cpp)
#if QT_CONFIG(ssl)
    if (m_config.url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_config.tls);
#endif
    m_body.clear();
    m_tooLarge = false;
    m_timedOut = false;
    m_sentNs = monotonicNs();
    m_reply = m_nam->get(request);
    m_deadline->start(m_config.effectiveTimeoutMs());
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        if (!m_reply || m_tooLarge)
            return;
        m_body.append(m_reply->read(m_config.maxBodyBytes + 1 - m_body.size()));
        if (m_body.size() > m_config.maxBodyBytes) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &ScrapeWorker::onFinished);
}

void ScrapeWorker::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    m_deadline->stop();
    ServerScrape s;
    s.sentNs = m_sentNs;
    s.receivedNs = monotonicNs();
    record(reply, s);
    reply->deleteLater();

    if (m_baselinePending) {
        m_baselinePending = false;
        baselineDone.release();
        if (!m_wantFinal)
            m_tick->start();
    }
    if (m_wantFinal) {
        if (!m_finalStarted) {
            m_finalStarted = true;
            scrape();
        } else {
            finalDone.release();
        }
    }
}

void ScrapeWorker::record(QNetworkReply *reply, ServerScrape s)
{
    s.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_tooLarge && !m_timedOut)
        m_body.append(reply->read(m_config.maxBodyBytes + 1 - m_body.size()));
    if (m_timedOut)
        s.error = QStringLiteral("timeout after %1 ms").arg(m_config.effectiveTimeoutMs());
    else if (m_tooLarge || m_body.size() > m_config.maxBodyBytes)
        s.error = QStringLiteral("answer larger than %1 bytes").arg(m_config.maxBodyBytes);
    else if (s.httpStatus != 0 && s.httpStatus != 200)
        s.error = QStringLiteral("http %1").arg(s.httpStatus);
    else if (reply->error() != QNetworkReply::NoError)
        s.error = reply->errorString();
    PromParseResult parsed;
    if (s.error.isEmpty()) {
        parsed = parsePrometheusText(m_body);
        if (parsed.refused || (parsed.samples.empty() && parsed.badLines > 0)) {
            const PromError &e = parsed.errors.front();
            s.error = e.line > 0
                ? QStringLiteral("not Prometheus text: line %1: %2").arg(e.line).arg(e.message)
                : QStringLiteral("not Prometheus text: %1").arg(e.message);
        }
    }
    s.ok = s.error.isEmpty();
    QMutexLocker lock(&m_lock);
    ++m_answered;
    if (!s.ok) {
        ++m_record.failedScrapes;
        qCInfo(lcScrape) << "scrape failed:" << s.error;
    } else {
        keep(parsed, s.midNs());
        if (m_record.server.isEmpty())
            m_record.server = serverFamilyOf(parsed);
    }
    if (int(m_record.log.size()) < m_config.maxLog)
        m_record.log.push_back(std::move(s));
}

void ScrapeWorker::keep(const PromParseResult &parsed, qint64 atNs)
{
    for (const PromSample &sample : parsed.samples) {
        ServerMetric metric = ServerMetric::None;
        if (!keepServerSample(sample, m_config.extraNames, &metric))
            continue;
        QByteArray key = sample.name;
        for (const auto &l : sample.labels)
            key.append('\0').append(l.first).append('=').append(l.second);
        auto it = m_seriesIndex.constFind(key);
        if (it == m_seriesIndex.constEnd()) {
            if (int(m_record.series.size()) >= m_config.maxSeries) {
                ++m_record.droppedSamples;
                continue;
            }
            ServerSeries series;
            series.name = QString::fromUtf8(sample.name);
            series.family = QString::fromUtf8(sample.family);
            series.metric = serverMetricKey(metric);
            series.kind = promKindName(sample.kind);
            for (const auto &l : sample.labels)
                series.labels.append({ QString::fromUtf8(l.first), QString::fromUtf8(l.second) });
            m_record.series.push_back(std::move(series));
            it = m_seriesIndex.insert(key, int(m_record.series.size()) - 1);
        }
        if (m_points >= m_config.maxSamples) {
            ++m_record.droppedSamples;
            continue;
        }
        m_record.series[std::size_t(it.value())].samples.emplace_back(atNs, sample.value);
        ++m_points;
    }
}

void ScrapeWorker::requestFinal()
{
    if (m_tick)
        m_tick->stop();
    m_wantFinal = true;
    if (!m_reply && !m_finalStarted) {
        m_finalStarted = true;
        scrape();
    }
}

void ScrapeWorker::shutdown()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        delete m_reply;
        m_reply = nullptr;
    }
    delete m_tick;
    m_tick = nullptr;
    delete m_deadline;
    m_deadline = nullptr;
    delete m_nam; // before the thread ends: its connections live on it
    m_nam = nullptr;
}

MetricsScraper::MetricsScraper() = default;

MetricsScraper::~MetricsScraper()
{
    if (!m_thread)
        return;
    // No final scrape: the run did not finish (its start failed, or the session is going away).
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void MetricsScraper::start(const ScrapeConfig &config)
{
    if (m_thread)
        return;
    m_startMonotonicNs = monotonicNs();
    m_timeoutMs = config.effectiveTimeoutMs();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("burgerbench scraper"));
    m_worker = new ScrapeWorker(config);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->begin(); }, Qt::QueuedConnection);
    // The baseline: counters and histograms are differences from it. Bounded by the scrape's own
    // deadline; the margin covers a thread start on a loaded machine.
    m_worker->baselineDone.tryAcquire(1, config.effectiveTimeoutMs() + 1000);
}

ServerMetricsRecord MetricsScraper::stop(qint64 originMonotonicNs)
{
    if (!m_thread)
        return {};
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->requestFinal(); }, Qt::QueuedConnection);
    // At most the in-flight scrape and the final one, each within its deadline.
    m_worker->finalDone.tryAcquire(1, 2 * m_timeoutMs + 1000);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    ServerMetricsRecord record = std::move(m_worker->m_record);
    delete m_worker;
    m_worker = nullptr;

    const qint64 origin = originMonotonicNs >= 0 ? originMonotonicNs : m_startMonotonicNs;
    for (ServerScrape &s : record.log) {
        s.sentNs -= origin;
        s.receivedNs -= origin;
    }
    for (ServerSeries &series : record.series) {
        for (auto &sample : series.samples)
            sample.first -= origin;
    }
    return record;
}

std::shared_ptr<const LiveServerMetrics> MetricsScraper::takeLive(qint64 originMonotonicNs)
{
    if (!m_thread)
        return nullptr;
    const qint64 origin = originMonotonicNs >= 0 ? originMonotonicNs : m_startMonotonicNs;
    ScrapeWorker *w = m_worker;
    const QMutexLocker lock(&w->m_lock);
    const ServerMetricsRecord &record = w->m_record;
    if (w->m_answered == w->m_liveAnswered)
        return nullptr;
    w->m_liveAnswered = w->m_answered;
    auto live = std::make_shared<LiveServerMetrics>();
    live->counters.url = record.url;
    live->counters.intervalMs = record.intervalMs;
    live->counters.scrapes = record.scrapes;
    live->counters.failedScrapes = record.failedScrapes;
    live->counters.lateTicks = record.lateTicks;
    live->counters.droppedSamples = record.droppedSamples;
    live->counters.server = record.server;
    w->m_liveSent.resize(record.series.size(), 0);
    for (size_t i = 0; i < record.series.size(); ++i) {
        const ServerSeries &series = record.series[i];
        const size_t sent = w->m_liveSent[i];
        if (sent >= series.samples.size())
            continue;
        ServerSeries moved;
        if (sent == 0) { // first seen: what it is
            moved.name = series.name;
            moved.family = series.family;
            moved.metric = series.metric;
            moved.kind = series.kind;
            moved.labels = series.labels;
        }
        moved.samples.reserve(series.samples.size() - sent);
        for (size_t k = sent; k < series.samples.size(); ++k)
            moved.samples.emplace_back(series.samples[k].first - origin, series.samples[k].second);
        w->m_liveSent[i] = series.samples.size();
        live->seriesIndex.push_back(int(i));
        live->series.push_back(std::move(moved));
    }
    return live;
}

QUrl serverMetricsUrl(const QString &setting, const QUrl &target)
{
    if (setting.isEmpty())
        return QUrl();
    if (setting != QLatin1String("auto"))
        return QUrl(setting, QUrl::StrictMode);
    if (!target.isValid() || target.host().isEmpty())
        return QUrl();
    QUrl url;
    url.setScheme(target.scheme());
    url.setUserInfo(target.userInfo());
    url.setHost(target.host());
    url.setPort(target.port());
    url.setPath(QStringLiteral("/metrics"));
    return url;
}

} // namespace BurgerBench
