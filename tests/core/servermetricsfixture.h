#pragma once

// A run that scraped a vLLM-like server (tst_htmlreport, tst_sweephtml): Fixture::sampleTrace()
// with server_metrics every 250 ms, a baseline scrape before the run's zero and a final one
// after its end. Header-only, like reportfixture.h.

#include "reportfixture.h"
#include "trace/servermetrics.h"

#include <cmath>

namespace BurgerBench::Fixture {

inline ServerSeries serverSeries(const QString &name, const QString &metric, const QString &kind,
    std::vector<std::pair<qint64, double>> samples, QList<QPair<QString, QString>> labels = {})
{
    ServerSeries s;
    s.name = name;
    s.family = name;
    for (const char *suffix : { "_bucket", "_sum", "_count" }) {
        if (name.endsWith(QLatin1String(suffix)))
            s.family = name.chopped(int(qstrlen(suffix)));
    }
    s.metric = metric;
    s.kind = kind;
    s.labels = std::move(labels);
    s.samples = std::move(samples);
    return s;
}

// The scrape times: the baseline at -1.5 ms, then 100 ms, 350 ms, ... while < the run's end, then
// one 50 ms after it. Each scrape took 2 ms (uncertainty 1 ms).
inline std::vector<qint64> scrapeTimes(const RunTrace &t)
{
    std::vector<qint64> out { -1'500'000 };
    for (qint64 at = 100 * Ms; at < t.endNs; at += 250 * Ms)
        out.push_back(at);
    out.push_back(t.endNs + 50 * Ms);
    return out;
}

// waiting: 0, then 3 * k for the k-th scrape up to the middle, then back down to 0; running: 4 while
// anything waits, else 1; KV cache: 10% + 5% a scrape, capped at 90%; the TTFT histogram gains
// one observation in (0.1, 0.25] s and one in (0.25, 0.5] s every scrape after the baseline.
inline RunTrace scrapedTrace()
{
    RunTrace t = sampleTrace();
    ServerMetricsRecord &m = t.serverMetrics;
    m.url = QStringLiteral("http://127.0.0.1:8000/metrics");
    m.intervalMs = 250;
    m.server = QStringLiteral("vllm");
    const std::vector<qint64> times = scrapeTimes(t);
    m.scrapes = int(times.size());
    std::vector<std::pair<qint64, double>> waiting, running, kv, b1, b2, b3, inf, sum;
    const int n = int(times.size());
    for (int k = 0; k < n; ++k) {
        const qint64 at = times[size_t(k)];
        m.log.push_back(ServerScrape {
            at - 1'000'000, at + 1'000'000, true, 200, {} }); // NOLINT(modernize-use-emplace): an aggregate
        const int up = std::min(k, n - 1 - k);
        waiting.emplace_back(at, double(3 * up));
        running.emplace_back(at, up > 0 ? 4.0 : 1.0);
        kv.emplace_back(at, std::min(0.9, 0.1 + 0.05 * k));
        b1.emplace_back(at, 0);
        b2.emplace_back(at, double(k));
        b3.emplace_back(at, double(2 * k));
        inf.emplace_back(at, double(2 * k));
        sum.emplace_back(at, 0.55 * k);
    }
    m.series.push_back(serverSeries(QStringLiteral("vllm:num_requests_running"), QStringLiteral("running"),
        QStringLiteral("gauge"), running, { { QStringLiteral("model_name"), QStringLiteral("m") } }));
    m.series.push_back(serverSeries(QStringLiteral("vllm:num_requests_waiting"), QStringLiteral("waiting"),
        QStringLiteral("gauge"), waiting, { { QStringLiteral("model_name"), QStringLiteral("m") } }));
    m.series.push_back(serverSeries(QStringLiteral("vllm:kv_cache_usage_perc"),
        QStringLiteral("kv_cache_usage"), QStringLiteral("gauge"), kv));
    const QString bucket = QStringLiteral("vllm:time_to_first_token_seconds_bucket");
    const QString ttft = QStringLiteral("ttft");
    const QString histogram = QStringLiteral("histogram");
    m.series.push_back(
        serverSeries(bucket, ttft, histogram, b1, { { QStringLiteral("le"), QStringLiteral("0.1") } }));
    m.series.push_back(
        serverSeries(bucket, ttft, histogram, b2, { { QStringLiteral("le"), QStringLiteral("0.25") } }));
    m.series.push_back(
        serverSeries(bucket, ttft, histogram, b3, { { QStringLiteral("le"), QStringLiteral("0.5") } }));
    m.series.push_back(
        serverSeries(bucket, ttft, histogram, inf, { { QStringLiteral("le"), QStringLiteral("+Inf") } }));
    m.series.push_back(
        serverSeries(QStringLiteral("vllm:time_to_first_token_seconds_sum"), ttft, histogram, sum));
    return t;
}

} // namespace BurgerBench::Fixture
