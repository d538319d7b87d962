#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace BurgerBench {

// One scrape of the server's /metrics: when it was sent and answered on the run's clock (ns from
// the trace's zero, negative for the baseline scrape before it), and how it went. The samples it
// gave carry the midpoint as their time; half the round trip is their uncertainty.
struct ServerScrape
{
    qint64 sentNs = 0;
    qint64 receivedNs = 0; // the answer, the timeout or the error
    bool ok = false;
    int httpStatus = 0; // 0 when no response
    QString error; // why it failed: "timeout", "http 404", "not Prometheus text: line 1: ..."

    qint64 midNs() const { return sentNs + (receivedNs - sentNs) / 2; }
    qint64 uncertaintyNs() const { return (receivedNs - sentNs) / 2; }
};

// One series kept from the scrapes: a raw sample name and label set, with its vocabulary key
// (protocol/servervocabulary.h; empty for a --server-metric series).
struct ServerSeries
{
    QString name; // as the server writes it, e.g. "vllm:time_to_first_token_seconds_bucket"
    QString family; // its metric family, e.g. "vllm:time_to_first_token_seconds"
    QString metric; // "waiting", "ttft", ... or empty
    QString kind; // "counter", "gauge", "histogram", "summary", "untyped"
    QList<QPair<QString, QString>> labels; // as written (le included for a bucket)
    std::vector<std::pair<qint64, double>> samples; // (t_ns on the run's clock, value), time order

    QString label(const QString &key) const
    {
        for (const auto &l : labels) {
            if (l.first == key)
                return l.second;
        }
        return QString();
    }
};

// The server's own metrics over a run (RunTrace::serverMetrics); empty url = not scraped.
struct ServerMetricsRecord
{
    QString url; // without credentials
    int intervalMs = 0;
    int scrapes = 0; // attempted, the baseline and final ones included
    int failedScrapes = 0; // timeouts, HTTP errors, transport errors, bodies that are not Prometheus text
    int lateTicks = 0; // intervals skipped because the previous scrape was still in flight
    qint64 droppedSamples = 0; // beyond the series or sample caps
    QString server; // "vllm", "sglang", "tgi", "llamacpp" or empty (from the names seen)
    std::vector<ServerScrape> log; // every scrape, in order (capped like the samples)
    std::vector<ServerSeries> series;

    bool enabled() const { return !url.isEmpty(); }
    // The first series with this vocabulary key, or null.
    const ServerSeries *find(const QString &metric) const
    {
        for (const ServerSeries &s : series) {
            if (s.metric == metric)
                return &s;
        }
        return nullptr;
    }
    // Every series with this vocabulary key, in the order first scraped: one per label set (a
    // server with two models has two "waiting" series, model_name="a" and model_name="b").
    std::vector<const ServerSeries *> findAll(const QString &metric) const
    {
        std::vector<const ServerSeries *> out;
        for (const ServerSeries &s : series) {
            if (s.metric == metric)
                out.push_back(&s);
        }
        return out;
    }
};

// What tells several series of one metric apart: per series, its labels whose values are not the
// same in all of them, as "model_name=b" (joined by ", "); empty texts for a single series.
QStringList distinguishingLabels(const std::vector<const ServerSeries *> &series);

// The step-function sum of gauge series (each one's last value at or before a time, 0 before its
// first sample, non-finite values as 0): one point at every time any of them has a sample. The
// kitchen's total queue when a server reports it per model.
std::vector<std::pair<qint64, double>> sumOfSeries(const std::vector<const ServerSeries *> &series);

} // namespace BurgerBench
