#include "sim/prefixcache.h"

#include <algorithm>

namespace BurgerBench {

namespace {

// splitmix64's finaliser: every input bit reaches every output bit.
constexpr quint64 mix(quint64 x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

constexpr quint64 RootHash = 0x6275726765726b76ull; // the parent of the first block

} // namespace

PrefixCache::PrefixCache(qint64 capacityTokens, int blockTokens)
    : m_blockTokens(std::max(1, blockTokens))
{
    setCapacityTokens(capacityTokens);
}

std::vector<quint64> PrefixCache::blockHashes(const std::vector<qint32> &tokens, int blockTokens)
{
    blockTokens = std::max(1, blockTokens);
    const size_t blocks = tokens.size() / size_t(blockTokens);
    std::vector<quint64> out;
    out.reserve(blocks);
    quint64 parent = RootHash;
    for (size_t b = 0; b < blocks; ++b) {
        quint64 h = mix(parent);
        const size_t first = b * size_t(blockTokens);
        for (size_t i = first; i < first + size_t(blockTokens); ++i)
            h = mix(h ^ quint64(quint32(tokens[i])));
        out.push_back(h);
        parent = h;
    }
    return out;
}

int PrefixCache::leadingHits(const std::vector<quint64> &hashes, int promptTokens) const
{
    if (m_capacityBlocks <= 0 || promptTokens <= 1)
        return 0;
    // At most promptTokens - 1 tokens can come from the cache.
    const size_t usable = std::min(hashes.size(), size_t((promptTokens - 1) / m_blockTokens));
    size_t hits = 0;
    while (hits < usable && m_index.count(hashes[hits]) != 0)
        ++hits;
    return int(hits);
}

int PrefixCache::lookup(const std::vector<quint64> &hashes, int promptTokens) const
{
    return leadingHits(hashes, promptTokens) * m_blockTokens;
}

int PrefixCache::admit(const std::vector<quint64> &hashes, int promptTokens)
{
    const int cached = lookup(hashes, promptTokens);
    m_promptTokens += std::max(0, promptTokens);
    m_hitTokens += cached;
    if (m_capacityBlocks <= 0)
        return cached;
    // Last block first, so the first block ends up most recently used. A prompt longer than the
    // whole cache keeps its head.
    for (auto it = hashes.rbegin(); it != hashes.rend(); ++it) {
        const auto found = m_index.find(*it);
        if (found != m_index.end()) {
            m_lru.splice(m_lru.end(), m_lru, found->second);
        } else {
            m_lru.push_back(*it);
            m_index.emplace(*it, std::prev(m_lru.end()));
        }
    }
    evictToCapacity();
    return cached;
}

void PrefixCache::setCapacityTokens(qint64 capacityTokens)
{
    m_capacityBlocks = std::max<qint64>(0, capacityTokens) / m_blockTokens;
    evictToCapacity();
}

void PrefixCache::evictToCapacity()
{
    while (qint64(m_index.size()) > m_capacityBlocks) {
        m_index.erase(m_lru.front());
        m_lru.pop_front();
        ++m_evicted;
    }
}

void PrefixCache::clear()
{
    m_lru.clear();
    m_index.clear();
    m_evicted = 0;
    m_hitTokens = 0;
    m_promptTokens = 0;
}

std::vector<quint64> PrefixCache::lruOrder() const
{
    return { m_lru.begin(), m_lru.end() };
}

bool PrefixCache::pin(const std::vector<quint64> &hashes)
{
    if (m_capacityBlocks <= 0)
        return false;
    for (quint64 h : hashes)
        ++m_pins[h];
    return true;
}

void PrefixCache::unpin(const std::vector<quint64> &hashes)
{
    for (quint64 h : hashes) {
        const auto it = m_pins.find(h);
        if (it != m_pins.end() && --it->second <= 0)
            m_pins.erase(it);
    }
}

} // namespace BurgerBench
