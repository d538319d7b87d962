#include "trace/tokentimes.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace BurgerBench {

qint64 TokenTimes::at(std::size_t i) const
{
    if (i >= size())
        throw std::out_of_range("TokenTimes::at");
    return (*this)[i];
}

qint64 TokenTimes::chunkBase(std::size_t i) const
{
    // The last chunk whose first index is <= i (the caller knows i is past the first chunk).
    const auto after = std::upper_bound(m_chunks.begin(), m_chunks.end(), i,
        [](std::size_t index, const Chunk &c) { return index < c.first; });
    return std::prev(after)->base;
}

void TokenTimes::push_back(qint64 t)
{
    if (m_offsets.empty()) {
        m_base = t;
        m_offsets.push_back(0);
        return;
    }
    const qint64 base = m_chunks.empty() ? m_base : m_chunks.back().base;
    // (t - base) cannot overflow for times on one clock; a time before the base starts a chunk.
    if (t >= base && quint64(t) - quint64(base) <= std::numeric_limits<quint32>::max()) {
        m_offsets.push_back(quint32(quint64(t) - quint64(base)));
        return;
    }
    m_chunks.push_back({ m_offsets.size(), t });
    m_offsets.push_back(0);
}

void TokenTimes::clear()
{
    m_offsets.clear();
    m_chunks.clear();
    m_base = 0;
}

void TokenTimes::shrink_to_fit()
{
    m_offsets.shrink_to_fit();
    m_chunks.shrink_to_fit();
}

void TokenTimes::append(const TokenTimes &more)
{
    m_offsets.reserve(size() + more.size());
    for (qint64 t : more)
        push_back(t);
}

void TokenTimes::resize(std::size_t n)
{
    if (n >= size()) {
        m_offsets.reserve(n);
        while (size() < n)
            push_back(0);
        return;
    }
    m_offsets.resize(n);
    while (!m_chunks.empty() && m_chunks.back().first >= n)
        m_chunks.pop_back();
    if (n == 0)
        clear();
}

void TokenTimes::shift(qint64 d)
{
    m_base += d;
    for (Chunk &c : m_chunks)
        c.base += d;
}

std::vector<qint64> TokenTimes::toVector() const
{
    return { begin(), end() };
}

std::size_t TokenTimes::heapBytes() const
{
    return m_offsets.capacity() * sizeof(quint32) + m_chunks.capacity() * sizeof(Chunk);
}

bool operator==(const TokenTimes &a, const TokenTimes &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

bool operator==(const TokenTimes &a, const std::vector<qint64> &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

} // namespace BurgerBench
