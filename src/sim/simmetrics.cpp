#include "sim/simmetrics.h"

#include "sim/prefixcache.h"

#include <QLocale>
#include <QString>

#include <algorithm>

namespace BurgerBench {

namespace {

// Python's repr of a float, as prometheus_client writes values: "4.0", "0.0421", "+Inf".
QByteArray pyFloat(double v)
{
    if (v == double(qint64(v)) && qAbs(v) < 1e15)
        return QByteArray::number(qint64(v)) + ".0";
    return QString::number(v, 'g', QLocale::FloatingPointShortest).toLatin1();
}

void gauge(QByteArray &out, const char *name, const char *help, const char *type, double value)
{
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name).append("{engine=\"0\",model_name=\"").append(SimMetrics::ModelName).append("\"} ");
    out.append(pyFloat(value)).append('\n');
}

} // namespace

const std::vector<double> &SimMetrics::ttftBuckets()
{
    static const std::vector<double> b = { 0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75,
        1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0 };
    return b;
}

const std::vector<double> &SimMetrics::interTokenBuckets()
{
    static const std::vector<double> b = { 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0,
        2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0 };
    return b;
}

void SimMetrics::Histogram::observe(const std::vector<double> &bounds, double value)
{
    if (counts.empty())
        counts.assign(bounds.size() + 1, 0);
    // Prometheus buckets are upper-inclusive: value <= le.
    const auto it = std::lower_bound(bounds.begin(), bounds.end(), value);
    ++counts[std::size_t(it - bounds.begin())];
    sum += value;
    ++count;
}

void SimMetrics::admitted(int promptTokens)
{
    m_promptTokens += std::max(0, promptTokens);
    m_ownTokens += std::max(0, promptTokens);
}

void SimMetrics::shared(int tokens)
{
    m_ownTokens = std::max<qint64>(0, m_ownTokens - std::max(0, tokens));
}

void SimMetrics::token(qint64 firstTokenNs, qint64 gapNs)
{
    ++m_generationTokens;
    ++m_ownTokens;
    if (firstTokenNs >= 0)
        m_ttft.observe(ttftBuckets(), double(firstTokenNs) / 1e9);
    if (gapNs >= 0)
        m_interToken.observe(interTokenBuckets(), double(gapNs) / 1e9);
}

void SimMetrics::finished(int promptTokens, int sharedTokens, int tokensMarked, int outputTokens)
{
    m_generationTokens += std::max(0, outputTokens - tokensMarked);
    const qint64 own
        = std::max(0, promptTokens - std::max(0, sharedTokens)) + qint64(std::max(0, tokensMarked));
    m_ownTokens = std::max<qint64>(0, m_ownTokens - own);
}

double SimMetrics::kvCacheUsage(const PrefixCache &cache) const
{
    const qint64 pool
        = cache.capacityBlocks() > 0 ? cache.capacityBlocks() * cache.blockTokens() : KvPoolTokens;
    const double held = double(cache.pinnedBlocks()) * cache.blockTokens() + double(m_ownTokens);
    return std::min(1.0, held / double(pool));
}

QByteArray SimMetrics::exposition(int running, int waiting) const
{
    return exposition(running, waiting, PrefixCache(0));
}

QByteArray SimMetrics::exposition(int running, int waiting, const PrefixCache &cache) const
{
    QByteArray out;
    out.reserve(6000);
    gauge(
        out, "vllm:num_requests_running", "Number of requests in model execution batches.", "gauge", running);
    gauge(out, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", "gauge", waiting);
    gauge(out, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", "gauge",
        kvCacheUsage(cache));
    gauge(
        out, "vllm:num_preemptions_total", "Cumulative number of preemption from the engine.", "counter", 0);
    gauge(out, "vllm:prompt_tokens_total", "Number of prefill tokens processed.", "counter",
        double(m_promptTokens));
    gauge(out, "vllm:generation_tokens_total", "Number of generation tokens processed.", "counter",
        double(m_generationTokens));
    auto histogram = [&out](const char *name, const char *help, const Histogram &h,
                         const std::vector<double> &bounds) {
        const QByteArray labels
            = QByteArrayLiteral("engine=\"0\",model_name=\"") + SimMetrics::ModelName + '"';
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        out.append(name).append("_sum{").append(labels).append("} ").append(pyFloat(h.sum)).append('\n');
        quint64 cumulative = 0;
        for (std::size_t i = 0; i <= bounds.size(); ++i) {
            cumulative += h.counts.empty() ? 0 : h.counts[i];
            out.append(name).append("_bucket{engine=\"0\",le=\"");
            out.append(i < bounds.size() ? pyFloat(bounds[i]) : QByteArrayLiteral("+Inf"));
            out.append("\",model_name=\"").append(SimMetrics::ModelName).append("\"} ");
            out.append(pyFloat(double(cumulative))).append('\n');
        }
        out.append(name)
            .append("_count{")
            .append(labels)
            .append("} ")
            .append(pyFloat(double(h.count)))
            .append('\n');
    };
    histogram("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", m_ttft,
        ttftBuckets());
    histogram("vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.",
        m_interToken, interTokenBuckets());
    return out;
}

} // namespace BurgerBench
