#include "trace/overlap.h"

#include <algorithm>

namespace BurgerBench {

void Overlap::add(qint64 startNs, qint64 endNs)
{
    m_edges.emplace_back(startNs, +1);
    if (endNs >= 0)
        m_edges.emplace_back(std::max(startNs, endNs), -1);
    m_sorted = false;
}

void Overlap::sort() const
{
    if (!m_sorted)
        std::sort(m_edges.begin(), m_edges.end());
    m_sorted = true;
}

int Overlap::peak() const
{
    sort();
    int current = 0;
    int peak = 0;
    for (const auto &edge : m_edges) {
        current += edge.second;
        peak = std::max(peak, current);
    }
    return peak;
}

std::vector<std::pair<qint64, int>> Overlap::steps() const
{
    sort();
    std::vector<std::pair<qint64, int>> out;
    int current = 0;
    for (std::size_t i = 0; i < m_edges.size();) {
        const qint64 at = m_edges[i].first;
        while (i < m_edges.size() && m_edges[i].first == at)
            current += m_edges[i++].second;
        out.emplace_back(at, current);
    }
    return out;
}

} // namespace BurgerBench
