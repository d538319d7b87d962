#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <array>
#include <vector>

namespace BurgerBench {

class PrefixCache;

// What the simulator's GET /metrics reports, in vLLM's names and meaning (vLLM 0.8+ V1 engine):
//   vllm:num_requests_running     gauge: sequences admitted and not finished (/sim/stats "running")
//   vllm:num_requests_waiting     gauge: requests received and queued beyond --sim-capacity
//                                 (/sim/stats in_progress - running)
//   vllm:kv_cache_usage_perc      gauge: the share of the KV pool running sequences hold, capped
//                                 at 1 ("1 means 100 percent"): the prefix cache's distinct pinned
//                                 prompt blocks (shared by requests with one prefix, counted once;
//                                 PrefixCache::pinnedBlocks) plus each running sequence's own tokens
//                                 (its partial last prompt block and what it generated so far), over
//                                 the prefix cache's capacity (kv_cache_tokens, in whole blocks), or
//                                 KvPoolTokens when the cache is off
//   vllm:num_preemptions_total    counter: always 0 (the simulator never preempts)
//   vllm:prompt_tokens_total      counter: prompt tokens of admitted requests
//   vllm:generation_tokens_total  counter: tokens written
//   vllm:time_to_first_token_seconds  histogram: arrival to first token, vLLM's buckets
//   vllm:inter_token_latency_seconds  histogram: gap between consecutive tokens, vLLM's buckets
// Counters never go back (POST /sim/reset leaves them), as a real server's do.
//
// Not thread-safe: the simulator calls it under its own mutex (SimulatorPrivate::m_mutex).
class SimMetrics
{
public:
    // The KV pool when the prefix cache is off (kv_cache_tokens 0): what a 7B model gets on a
    // 24 GB GPU at fp16, roughly (0.5 MB per token).
    static constexpr qint64 KvPoolTokens = 32768;
    static constexpr const char *ContentType = "text/plain; version=0.0.4; charset=utf-8";
    static constexpr const char *ModelName = "burger-7b";

    // vLLM's bucket bounds (seconds), as in vllm/v1/metrics/loggers.py.
    static const std::vector<double> &ttftBuckets();
    static const std::vector<double> &interTokenBuckets();

    void admitted(int promptTokens);
    // Of an admitted sequence's prompt, `tokens` are in blocks the prefix cache pinned (counted
    // there, once however many share them), no longer its own.
    void shared(int tokens);
    // A token was written; firstTokenNs: arrival to it when it is the first (else -1), gapNs: the
    // time since the previous token (else -1).
    void token(qint64 firstTokenNs, qint64 gapNs);
    // An admitted sequence ended: it held its prompt (`sharedTokens` of it in pinned blocks) and
    // the `tokensMarked` tokens token() saw; `outputTokens` beyond those (a non-streamed body,
    // written at once) are counted now.
    void finished(int promptTokens, int sharedTokens, int tokensMarked, int outputTokens);

    // As above with nothing shared (a caller that pins no blocks).
    void finished(int promptTokens, int tokensMarked, int outputTokens)
    {
        finished(promptTokens, 0, tokensMarked, outputTokens);
    }

    // The share of the KV pool in use (0..1), with the prefix cache's pins and capacity.
    double kvCacheUsage(const PrefixCache &cache) const;
    // The exposition at this moment.
    QByteArray exposition(int running, int waiting, const PrefixCache &cache) const;
    // With no prefix cache: the running sequences' tokens over KvPoolTokens.
    QByteArray exposition(int running, int waiting) const;

private:
    struct Histogram
    {
        std::vector<quint64> counts; // per bucket, not cumulative; the last is +Inf
        double sum = 0;
        quint64 count = 0;
        void observe(const std::vector<double> &bounds, double value);
    };
    Histogram m_ttft;
    Histogram m_interToken;
    qint64 m_promptTokens = 0;
    qint64 m_generationTokens = 0;
    qint64 m_ownTokens = 0; // running sequences' tokens outside pinned blocks
};

} // namespace BurgerBench
