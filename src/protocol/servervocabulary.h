#pragma once

#include "protocol/prometheustext.h"

#include <QByteArrayList>
#include <QString>

namespace BurgerBench {

// What BurgerBench calls the figures every LLM server reports under its own names. The report key
// (serverMetricKey) is the vocabulary; the raw Prometheus name is always kept beside it.
enum class ServerMetric : quint8 {
    None, // not in the vocabulary (a series asked for with --server-metric NAME)
    Running, // sequences being generated (gauge)
    Waiting, // requests queued, not yet running (gauge)
    KvCacheUsage, // fraction of the KV cache (token pool) in use, 0..1 (gauge)
    Preemptions, // sequences preempted (counter)
    PromptTokens, // prompt tokens processed (counter)
    GenerationTokens, // tokens generated (counter)
    Ttft, // server-side time to first token, seconds (histogram)
    InterToken, // server-side time between output tokens, seconds (histogram)
    PrefixCacheQueries, // prefix-cache lookups, tokens (counter)
    PrefixCacheHits, // prefix-cache hits, tokens (counter)
    PrefixCacheHitRate, // prefix-cache hit fraction, 0..1 (gauge)
};

// "running", "waiting", "kv_cache_usage", "preemptions", "prompt_tokens", "generation_tokens",
// "ttft", "inter_token", "prefix_cache_queries", "prefix_cache_hits", "prefix_cache_hit_rate";
// empty for None.
QString serverMetricKey(ServerMetric metric);
bool serverMetricFromKey(const QString &key, ServerMetric *metric);

// One known raw name: which server family writes it and what it means.
struct ServerMetricName
{
    const char *raw; // the family name as the server writes it, e.g. "vllm:num_requests_waiting"
    const char *server; // "vllm", "sglang", "tgi", "llamacpp"
    ServerMetric metric;
};

// Every raw name the vocabulary knows, in table order.
const std::vector<ServerMetricName> &serverMetricNames();

// The vocabulary entry of one parsed sample: matched on its family or its own name (so a counter
// typed as `vllm:prompt_tokens_total` and an OpenMetrics one typed as `vllm:prompt_tokens` both
// map), histogram samples through their _bucket/_sum/_count. None when unknown.
ServerMetric serverMetricOf(const PromSample &sample);

// Whether a scrape keeps `sample`: known to the vocabulary, or its name or family is in `extra`
// (--server-metric NAME).
bool keepServerSample(const PromSample &sample, const QByteArrayList &extra, ServerMetric *metric);

// The server family an exposition comes from, from its first known name ("vllm", "sglang", "tgi",
// "llamacpp"), or empty.
QString serverFamilyOf(const PromParseResult &parsed);

} // namespace BurgerBench
