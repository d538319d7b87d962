#pragma once

#include "engine/tlstrust.h"
#include "trace/livetrace.h"
#include "trace/servermetrics.h"

#include <QByteArrayList>
#include <QUrl>

#include <memory>

class QThread;

namespace BurgerBench {

class ScrapeWorker;

struct ScrapeConfig
{
    QUrl url; // the server's /metrics
    int intervalMs = 500;
    int timeoutMs = 0; // per scrape, from sending to the last byte; 0 = max(interval, 1000)
    QByteArrayList extraNames; // kept besides the vocabulary (--server-metric NAME)
    qsizetype maxBodyBytes = 8 * 1024 * 1024; // a larger answer is a failed scrape
    int maxSeries = 2000;
    qint64 maxSamples = 1000000; // points over all series (16 bytes each); the rest are dropped
    int maxLog = 100000; // scrapes logged
    // An https:// url: whom the scrapes trust, the run's own trust (engine/tlstrust.h).
    TlsConfiguration tls = defaultTlsConfiguration();

    int effectiveTimeoutMs() const { return timeoutMs > 0 ? timeoutMs : qMax(intervalMs, 1000); }
};

// Scrapes a server's Prometheus /metrics every interval while a run happens, on a thread of its
// own with its own QNetworkAccessManager and connection: a scrape never waits behind the load and
// the load never waits behind a scrape. One scrape is in flight at a time; an interval that comes
// while it is still out is counted (lateTicks) and skipped. Every scrape has a deadline
// (effectiveTimeoutMs); a timeout, an HTTP error, a transport error, a body over the size cap or a
// body that is not Prometheus text is a failed scrape, counted and logged, never fatal.
//
// Times are CLOCK_MONOTONIC (QDeadlineTimer) while scraping and moved onto the run's clock by
// stop(): send and receive of each scrape; its samples carry the midpoint.
//
// Thread affinity: start() and stop() are called from one thread (the session's); they block only
// for the baseline scrape before the run's clock starts and the final scrape after the run ended,
// each at most one timeout.
class MetricsScraper
{
public:
    MetricsScraper();
    ~MetricsScraper(); // stops without a final scrape
    MetricsScraper(const MetricsScraper &) = delete;
    MetricsScraper &operator=(const MetricsScraper &) = delete;

    // Starts the thread and takes the baseline scrape (returns once it is answered or timed out).
    void start(const ScrapeConfig &config);
    // Takes a final scrape, stops the thread and returns what was recorded, every time relative to
    // `originMonotonicNs` (the run trace's clockOriginMonotonicNs; -1: relative to start()).
    ServerMetricsRecord stop(qint64 originMonotonicNs);
    // While running, from the starting thread: what was scraped since the previous call (the
    // counters, series first seen whole, the new samples of the others), times relative to
    // `originMonotonicNs`; null when no scrape was answered or failed since. For the live view: the
    // record stop() returns is the authoritative one.
    std::shared_ptr<const LiveServerMetrics> takeLive(qint64 originMonotonicNs);
    bool isRunning() const { return m_thread != nullptr; }

private:
    std::unique_ptr<QThread> m_thread;
    ScrapeWorker *m_worker = nullptr; // lives on m_thread until stop() takes it back
    qint64 m_startMonotonicNs = 0;
    int m_timeoutMs = 1000;
};

// Where to scrape: "auto" is the target's origin + /metrics; a URL as given; empty (off) or no
// target for "auto" gives an invalid URL.
QUrl serverMetricsUrl(const QString &setting, const QUrl &target);

} // namespace BurgerBench
