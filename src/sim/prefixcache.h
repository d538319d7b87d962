#pragma once

#include <QtGlobal>

#include <list>
#include <unordered_map>
#include <vector>

namespace BurgerBench {

// The simulator's KV prefix cache, modelled on vLLM's automatic prefix caching: a prompt's token
// ids are cut into full blocks of blockTokens (512 by default, the block of Mooncake traces'
// hash_ids; a partial last block is never cached), and each block is keyed by a hash of its ids
// chained with the previous block's key, so a block hits only when everything before it hit
// too. The cache holds capacityTokens / blockTokens blocks and evicts the least recently used.
//
// admit() is the moment a request's prefill starts: it counts the leading blocks already held
// (at most promptTokens - 1 tokens, as vLLM always computes the last prompt token again), then
// stores every full block of the prompt and marks them used, the first block most recently, so
// that eviction takes a conversation's tail before its head (vLLM frees a request's blocks in
// reverse order for the same reason). Simplifications: blocks of requests still running are not
// pinned, and a block is usable by the next request at once (not only when the prefill ends).
//
// Not thread-safe; the simulator guards it with its mutex. Memory: one hash and one list node
// per cached block, bounded by the capacity.
class PrefixCache
{
public:
    static constexpr int DefaultBlockTokens = 512;

    explicit PrefixCache(qint64 capacityTokens = 0, int blockTokens = DefaultBlockTokens);

    // Chained keys of the full blocks of tokens (tokens.size() / blockTokens of them).
    static std::vector<quint64> blockHashes(
        const std::vector<qint32> &tokens, int blockTokens = DefaultBlockTokens);

    // Returns the cached tokens of a prompt of promptTokens tokens whose full blocks hash to
    // hashes (from blockHashes with this cache's block size), and stores its blocks.
    int admit(const std::vector<quint64> &hashes, int promptTokens);
    // The cached tokens admit() would report, without changing anything.
    int lookup(const std::vector<quint64> &hashes, int promptTokens) const;

    // 0 disables the cache (and empties it); a smaller capacity evicts at once.
    void setCapacityTokens(qint64 capacityTokens);
    void clear(); // empties the cache and zeroes the counters

    int blockTokens() const { return m_blockTokens; }
    qint64 capacityBlocks() const { return m_capacityBlocks; }
    qint64 cachedBlocks() const { return qint64(m_index.size()); }
    bool contains(quint64 hash) const { return m_index.count(hash) != 0; }
    // Keys from least to most recently used (tests and diagnostics).
    std::vector<quint64> lruOrder() const;

    // The KV pool in use, as vLLM's kv_cache_usage_perc counts it: a running request holds its
    // full prompt blocks (pin() at admission, unpin() when it ends), and requests with the same
    // prefix share those blocks, so a block counts once however many hold it. Pins are counted
    // only while the cache is on (a cache that is off shares nothing) and survive clear(): they
    // are requests still running. A block a request does not share (its partial last prompt block,
    // what it generates) is the caller's to count.
    // Returns whether it pinned (false with the cache off): unpin() exactly what was pinned.
    bool pin(const std::vector<quint64> &hashes);
    void unpin(const std::vector<quint64> &hashes);
    qint64 pinnedBlocks() const { return qint64(m_pins.size()); } // distinct blocks held

    // Counters since construction or clear().
    qint64 evictedBlocks() const { return m_evicted; }
    qint64 hitTokens() const { return m_hitTokens; }
    qint64 promptTokens() const { return m_promptTokens; }

private:
    int leadingHits(const std::vector<quint64> &hashes, int promptTokens) const;
    void evictToCapacity();

    int m_blockTokens;
    qint64 m_capacityBlocks = 0;
    std::list<quint64> m_lru; // front = least recently used
    std::unordered_map<quint64, std::list<quint64>::iterator> m_index;
    std::unordered_map<quint64, int> m_pins; // block -> running requests holding it (> 0)
    qint64 m_evicted = 0;
    qint64 m_hitTokens = 0;
    qint64 m_promptTokens = 0;
};

} // namespace BurgerBench
