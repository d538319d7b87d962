#pragma once

#include <QtGlobal>

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <type_traits>
#include <vector>

namespace BurgerBench {

// A request's token event times (ns on the run's clock), stored in 4 bytes an event instead of 8:
// each time is a 32-bit offset from the base of the chunk it falls in. A chunk starts at the first
// time and again whenever a time would not fit (more than ~4.29 s past the chunk's base, or before
// it), so any sequence round-trips exactly; a stream's times need a new chunk only every 4.29 s.
// Reads are by value (there is no qint64 in memory to refer to): operator[], at(), front(),
// back() and random-access const iterators, so std::lower_bound and range-for work unchanged.
class TokenTimes
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = qint64;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = qint64;

        const_iterator() = default;
        const_iterator(const TokenTimes *times, std::size_t i)
            : m_times(times)
            , m_i(i)
        {
        }
        qint64 operator*() const { return (*m_times)[m_i]; }
        qint64 operator[](difference_type n) const
        {
            return (*m_times)[std::size_t(difference_type(m_i) + n)];
        }
        const_iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator old = *this;
            ++m_i;
            return old;
        }
        const_iterator &operator--()
        {
            --m_i;
            return *this;
        }
        const_iterator operator--(int)
        {
            const_iterator old = *this;
            --m_i;
            return old;
        }
        const_iterator &operator+=(difference_type n)
        {
            m_i = std::size_t(difference_type(m_i) + n);
            return *this;
        }
        const_iterator &operator-=(difference_type n) { return *this += -n; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator &a, const const_iterator &b)
        {
            return difference_type(a.m_i) - difference_type(b.m_i);
        }
        friend bool operator==(const const_iterator &a, const const_iterator &b) { return a.m_i == b.m_i; }
        friend bool operator!=(const const_iterator &a, const const_iterator &b) { return a.m_i != b.m_i; }
        friend bool operator<(const const_iterator &a, const const_iterator &b) { return a.m_i < b.m_i; }
        friend bool operator>(const const_iterator &a, const const_iterator &b) { return a.m_i > b.m_i; }
        friend bool operator<=(const const_iterator &a, const const_iterator &b) { return a.m_i <= b.m_i; }
        friend bool operator>=(const const_iterator &a, const const_iterator &b) { return a.m_i >= b.m_i; }
        std::size_t index() const { return m_i; }

    private:
        const TokenTimes *m_times = nullptr;
        std::size_t m_i = 0;
    };
    using value_type = qint64;
    using size_type = std::size_t;
    using iterator = const_iterator; // times are changed through push_back, shift and assign

    TokenTimes() = default;
    TokenTimes(std::initializer_list<qint64> times) { assign(times.begin(), times.end()); }
    explicit TokenTimes(const std::vector<qint64> &times) { assign(times.begin(), times.end()); }
    TokenTimes &operator=(std::initializer_list<qint64> times)
    {
        assign(times.begin(), times.end());
        return *this;
    }

    std::size_t size() const { return m_offsets.size(); }
    bool empty() const { return m_offsets.empty(); }
    qint64 operator[](std::size_t i) const { return baseOf(i) + qint64(m_offsets[i]); }
    qint64 at(std::size_t i) const; // throws std::out_of_range past the end, as std::vector does
    qint64 front() const { return (*this)[0]; }
    qint64 back() const { return (*this)[size() - 1]; }
    const_iterator begin() const { return { this, 0 }; }
    const_iterator end() const { return { this, size() }; }

    void push_back(qint64 t);
    void reserve(std::size_t n) { m_offsets.reserve(n); }
    void clear();
    // Gives back the spare capacity (a settled request's times do not grow again).
    void shrink_to_fit();
    // Times from [first, last) of any sequence of qint64 (another TokenTimes' iterators too).
    template<typename It> void assign(It first, It last)
    {
        clear();
        if constexpr (std::is_base_of_v<std::random_access_iterator_tag,
                          typename std::iterator_traits<It>::iterator_category>)
            reserve(std::size_t(std::distance(first, last)));
        for (; first != last; ++first)
            push_back(*first);
    }
    void append(const TokenTimes &more);
    template<typename It> void append(It first, It last)
    {
        for (; first != last; ++first)
            push_back(*first);
    }
    void resize(std::size_t n); // shorter keeps the first n; longer appends times of 0
    // Adds d to every time (moving a run on the clock, as merge does).
    void shift(qint64 d);

    std::vector<qint64> toVector() const;
    // Heap bytes held, by capacity (what the allocator was asked for).
    std::size_t heapBytes() const;

    friend bool operator==(const TokenTimes &a, const TokenTimes &b);
    friend bool operator!=(const TokenTimes &a, const TokenTimes &b) { return !(a == b); }
    friend bool operator==(const TokenTimes &a, const std::vector<qint64> &b);
    friend bool operator==(const std::vector<qint64> &b, const TokenTimes &a) { return a == b; }

private:
    struct Chunk
    {
        std::size_t first = 0; // index of the chunk's first time
        qint64 base = 0;
    };
    qint64 baseOf(std::size_t i) const
    {
        if (m_chunks.empty() || i < m_chunks.front().first)
            return m_base;
        return chunkBase(i);
    }
    qint64 chunkBase(std::size_t i) const; // the chunks after the first

    std::vector<quint32> m_offsets;
    qint64 m_base = 0; // the first chunk's base (the first time)
    std::vector<Chunk> m_chunks; // the later chunks, in order; empty for almost every request
};

} // namespace BurgerBench
