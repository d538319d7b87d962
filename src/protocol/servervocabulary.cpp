#include "protocol/servervocabulary.h"

namespace BurgerBench {

namespace {

struct KeyName
{
    ServerMetric metric;
    const char *key;
};

constexpr KeyName Keys[] = {
    { ServerMetric::Running, "running" },
    { ServerMetric::Waiting, "waiting" },
    { ServerMetric::KvCacheUsage, "kv_cache_usage" },
    { ServerMetric::Preemptions, "preemptions" },
    { ServerMetric::PromptTokens, "prompt_tokens" },
    { ServerMetric::GenerationTokens, "generation_tokens" },
    { ServerMetric::Ttft, "ttft" },
    { ServerMetric::InterToken, "inter_token" },
    { ServerMetric::PrefixCacheQueries, "prefix_cache_queries" },
    { ServerMetric::PrefixCacheHits, "prefix_cache_hits" },
    { ServerMetric::PrefixCacheHitRate, "prefix_cache_hit_rate" },
};

// As the servers write them (vLLM 0.6–0.9 and V1, SGLang 0.4, TGI 2.x/3.x, llama.cpp's
// llama-server with --metrics). KV-cache figures are fractions 0..1 on every one of them (vLLM's
// "_perc" included: "1 means 100 percent usage").
const std::vector<ServerMetricName> Names = {
    { "vllm:num_requests_running", "vllm", ServerMetric::Running },
    { "vllm:num_requests_waiting", "vllm", ServerMetric::Waiting },
    { "vllm:kv_cache_usage_perc", "vllm", ServerMetric::KvCacheUsage },
    { "vllm:gpu_cache_usage_perc", "vllm", ServerMetric::KvCacheUsage },
    { "vllm:num_preemptions_total", "vllm", ServerMetric::Preemptions },
    { "vllm:prompt_tokens_total", "vllm", ServerMetric::PromptTokens },
    { "vllm:generation_tokens_total", "vllm", ServerMetric::GenerationTokens },
    { "vllm:time_to_first_token_seconds", "vllm", ServerMetric::Ttft },
    { "vllm:inter_token_latency_seconds", "vllm", ServerMetric::InterToken },
    { "vllm:time_per_output_token_seconds", "vllm", ServerMetric::InterToken },
    { "vllm:prefix_cache_queries_total", "vllm", ServerMetric::PrefixCacheQueries },
    { "vllm:prefix_cache_hits_total", "vllm", ServerMetric::PrefixCacheHits },
    { "vllm:gpu_prefix_cache_queries_total", "vllm", ServerMetric::PrefixCacheQueries },
    { "vllm:gpu_prefix_cache_hits_total", "vllm", ServerMetric::PrefixCacheHits },
    { "vllm:gpu_prefix_cache_hit_rate", "vllm", ServerMetric::PrefixCacheHitRate },
    { "sglang:num_running_reqs", "sglang", ServerMetric::Running },
    { "sglang:num_queue_reqs", "sglang", ServerMetric::Waiting },
    { "sglang:token_usage", "sglang", ServerMetric::KvCacheUsage },
    { "sglang:cache_hit_rate", "sglang", ServerMetric::PrefixCacheHitRate },
    { "sglang:prompt_tokens_total", "sglang", ServerMetric::PromptTokens },
    { "sglang:generation_tokens_total", "sglang", ServerMetric::GenerationTokens },
    { "sglang:time_to_first_token_seconds", "sglang", ServerMetric::Ttft },
    { "sglang:inter_token_latency_seconds", "sglang", ServerMetric::InterToken },
    { "tgi_queue_size", "tgi", ServerMetric::Waiting },
    { "tgi_batch_current_size", "tgi", ServerMetric::Running },
    { "llamacpp:requests_processing", "llamacpp", ServerMetric::Running },
    { "llamacpp:requests_deferred", "llamacpp", ServerMetric::Waiting },
    { "llamacpp:kv_cache_usage_ratio", "llamacpp", ServerMetric::KvCacheUsage },
    { "llamacpp:prompt_tokens_total", "llamacpp", ServerMetric::PromptTokens },
    { "llamacpp:tokens_predicted_total", "llamacpp", ServerMetric::GenerationTokens },
};

bool sameName(QByteArrayView a, const char *b)
{
    return a == QByteArrayView(b);
}

// `raw` names `sample`: its family or its own name, or its family plus "_total" (an OpenMetrics
// counter family), or (untyped) its name less a histogram suffix.
bool names(const PromSample &sample, const char *raw)
{
    if (sameName(sample.name, raw) || sameName(sample.family, raw))
        return true;
    const QByteArrayView r(raw);
    if (sample.kind == PromKind::Counter && r.endsWith("_total")
        && QByteArrayView(sample.family) == r.chopped(6))
        return true;
    if (sample.kind == PromKind::Untyped) {
        for (const char *suffix : { "_bucket", "_sum", "_count" }) {
            const QByteArrayView s(suffix);
            if (sample.name.size() == r.size() + s.size() && sample.name.startsWith(r)
                && sample.name.endsWith(s))
                return true;
        }
    }
    return false;
}

} // namespace

QString serverMetricKey(ServerMetric metric)
{
    for (const KeyName &k : Keys) {
        if (k.metric == metric)
            return QString::fromLatin1(k.key);
    }
    return QString();
}

bool serverMetricFromKey(const QString &key, ServerMetric *metric)
{
    for (const KeyName &k : Keys) {
        if (key == QLatin1String(k.key)) {
            *metric = k.metric;
            return true;
        }
    }
    return false;
}

const std::vector<ServerMetricName> &serverMetricNames()
{
    return Names;
}

ServerMetric serverMetricOf(const PromSample &sample)
{
    // Every known name has a server prefix: skip the table for the rest.
    const QByteArrayView n(sample.name);
    if (!n.startsWith("vllm:") && !n.startsWith("sglang:") && !n.startsWith("tgi_")
        && !n.startsWith("llamacpp:"))
        return ServerMetric::None;
    for (const ServerMetricName &name : Names) {
        if (names(sample, name.raw))
            return name.metric;
    }
    return ServerMetric::None;
}

bool keepServerSample(const PromSample &sample, const QByteArrayList &extra, ServerMetric *metric)
{
    *metric = serverMetricOf(sample);
    if (*metric != ServerMetric::None)
        return true;
    for (const QByteArray &name : extra) {
        if (sample.name == name || sample.family == name)
            return true;
    }
    return false;
}

QString serverFamilyOf(const PromParseResult &parsed)
{
    for (const PromSample &sample : parsed.samples) {
        if (serverMetricOf(sample) == ServerMetric::None)
            continue;
        for (const ServerMetricName &name : Names) {
            if (names(sample, name.raw))
                return QString::fromLatin1(name.server);
        }
    }
    return QString();
}

} // namespace BurgerBench
