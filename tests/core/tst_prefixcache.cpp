#include "sim/prefixcache.h"

#include <QTest>

#include <numeric>

using namespace BurgerBench;

namespace {

// n token ids starting at first: 1000, 1001, …
std::vector<qint32> ids(int n, qint32 first)
{
    std::vector<qint32> out(static_cast<size_t>(n));
    std::iota(out.begin(), out.end(), first);
    return out;
}

std::vector<qint32> concat(std::vector<qint32> a, const std::vector<qint32> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

class tst_PrefixCache : public QObject
{
    Q_OBJECT

private slots:
    void hashesCoverFullBlocksOnly();
    void hashesAreChained();
    void repeatHitsEveryFullBlock();
    void lastTokenIsAlwaysComputed();
    void sharedPrefixHitsUpToTheFirstDifference();
    void evictsLeastRecentlyUsed();
    void evictsAPromptsTailBeforeItsHead();
    void promptLargerThanTheCacheKeepsItsHead();
    void capacityInTokens();
    void disabledAndClear();
};

void tst_PrefixCache::hashesCoverFullBlocksOnly()
{
    QCOMPARE(PrefixCache::blockHashes(ids(1100, 0)).size(), size_t(2)); // 512-token blocks
    QCOMPARE(PrefixCache::blockHashes(ids(511, 0)).size(), size_t(0));
    QCOMPARE(PrefixCache::blockHashes(ids(10, 0), 4).size(), size_t(2));
    QCOMPARE(PrefixCache::blockHashes(ids(1024, 0)), PrefixCache::blockHashes(ids(1024, 0)));
}

void tst_PrefixCache::hashesAreChained()
{
    // Same second block, different first block: the second keys differ too.
    const std::vector<qint32> tail = ids(4, 500);
    const auto a = PrefixCache::blockHashes(concat(ids(4, 0), tail), 4);
    const auto b = PrefixCache::blockHashes(concat(ids(4, 100), tail), 4);
    QVERIFY(a[0] != b[0]);
    QVERIFY(a[1] != b[1]);
    // Same first block: same first key, whatever follows.
    const auto c = PrefixCache::blockHashes(concat(ids(4, 0), ids(4, 900)), 4);
    QCOMPARE(c[0], a[0]);
    QVERIFY(c[1] != a[1]);
    // The order of ids inside a block matters.
    std::vector<qint32> swapped = ids(4, 0);
    std::swap(swapped[0], swapped[1]);
    QVERIFY(PrefixCache::blockHashes(swapped, 4)[0] != a[0]);
}

void tst_PrefixCache::repeatHitsEveryFullBlock()
{
    PrefixCache cache(1 << 20);
    const std::vector<qint32> prompt = ids(1100, 7);
    const auto hashes = PrefixCache::blockHashes(prompt);
    QCOMPARE(cache.lookup(hashes, 1100), 0);
    QCOMPARE(cache.admit(hashes, 1100), 0);
    QCOMPARE(cache.cachedBlocks(), qint64(2));
    QCOMPARE(cache.lookup(hashes, 1100), 1024);
    QCOMPARE(cache.admit(hashes, 1100), 1024);
    QCOMPARE(cache.hitTokens(), qint64(1024));
    QCOMPARE(cache.promptTokens(), qint64(2200));
}

void tst_PrefixCache::lastTokenIsAlwaysComputed()
{
    // A prompt of exactly two blocks, seen before: the second block holds the last token, which
    // vLLM computes again, so only the first block counts.
    PrefixCache cache(1 << 20);
    const auto hashes = PrefixCache::blockHashes(ids(1024, 0));
    cache.admit(hashes, 1024);
    QCOMPARE(cache.admit(hashes, 1024), 512);
    QCOMPARE(cache.admit(PrefixCache::blockHashes(ids(1025, 0)), 1025), 1024);
}

void tst_PrefixCache::sharedPrefixHitsUpToTheFirstDifference()
{
    PrefixCache cache(1 << 20, 4);
    const std::vector<qint32> system = ids(8, 0); // two shared blocks
    const std::vector<qint32> a = concat(system, ids(9, 100));
    const std::vector<qint32> b = concat(system, ids(9, 200));
    QCOMPARE(cache.admit(PrefixCache::blockHashes(a, 4), int(a.size())), 0);
    QCOMPARE(cache.admit(PrefixCache::blockHashes(b, 4), int(b.size())), 8);
    // Differs in the first block: nothing, although its later blocks equal a's.
    std::vector<qint32> c = a;
    c[0] = 99;
    QCOMPARE(cache.lookup(PrefixCache::blockHashes(c, 4), int(c.size())), 0);
}

void tst_PrefixCache::evictsLeastRecentlyUsed()
{
    PrefixCache cache(8, 4); // two blocks
    const auto x = PrefixCache::blockHashes(ids(5, 0), 4);
    const auto y = PrefixCache::blockHashes(ids(5, 100), 4);
    const auto z = PrefixCache::blockHashes(ids(5, 200), 4);
    cache.admit(x, 5);
    cache.admit(y, 5);
    QCOMPARE(cache.admit(x, 5), 4); // x is now the most recent
    cache.admit(z, 5); // evicts y, the least recently used
    QVERIFY(cache.contains(x[0]));
    QVERIFY(!cache.contains(y[0]));
    QVERIFY(cache.contains(z[0]));
    QCOMPARE(cache.evictedBlocks(), qint64(1));
    QCOMPARE(cache.lruOrder(), (std::vector<quint64> { x[0], z[0] }));
    QCOMPARE(cache.lookup(y, 5), 0);
}

void tst_PrefixCache::evictsAPromptsTailBeforeItsHead()
{
    PrefixCache cache(12, 4); // three blocks
    const auto p = PrefixCache::blockHashes(ids(13, 0), 4); // three full blocks
    cache.admit(p, 13);
    QCOMPARE(cache.lruOrder(), (std::vector<quint64> { p[2], p[1], p[0] }));
    const auto q = PrefixCache::blockHashes(ids(5, 500), 4);
    cache.admit(q, 5); // evicts p's last block, not its first
    QVERIFY(cache.contains(p[0]) && cache.contains(p[1]) && !cache.contains(p[2]));
    QCOMPARE(cache.admit(p, 13), 8);
}

void tst_PrefixCache::promptLargerThanTheCacheKeepsItsHead()
{
    PrefixCache cache(8, 4); // two blocks
    const auto p = PrefixCache::blockHashes(ids(21, 0), 4); // five blocks
    cache.admit(p, 21);
    QCOMPARE(cache.cachedBlocks(), qint64(2));
    QVERIFY(cache.contains(p[0]) && cache.contains(p[1]) && !cache.contains(p[2]));
    QCOMPARE(cache.admit(p, 21), 8);
}

void tst_PrefixCache::capacityInTokens()
{
    QCOMPARE(PrefixCache(1000).capacityBlocks(), qint64(1)); // whole 512-token blocks only
    QCOMPARE(PrefixCache(262144).capacityBlocks(), qint64(512));
    PrefixCache cache(16, 4);
    for (int i = 0; i < 4; ++i)
        cache.admit(PrefixCache::blockHashes(ids(5, 100 * i), 4), 5);
    QCOMPARE(cache.cachedBlocks(), qint64(4));
    cache.setCapacityTokens(8); // shrinking evicts the oldest at once
    QCOMPARE(cache.cachedBlocks(), qint64(2));
    QVERIFY(cache.contains(PrefixCache::blockHashes(ids(5, 300), 4)[0]));
    QVERIFY(!cache.contains(PrefixCache::blockHashes(ids(5, 0), 4)[0]));
}

void tst_PrefixCache::disabledAndClear()
{
    PrefixCache off(0, 4);
    const auto h = PrefixCache::blockHashes(ids(9, 0), 4);
    off.admit(h, 9);
    QCOMPARE(off.admit(h, 9), 0);
    QCOMPARE(off.cachedBlocks(), qint64(0));

    PrefixCache cache(100, 4);
    cache.admit(h, 9);
    QCOMPARE(cache.admit(h, 9), 8);
    cache.clear();
    QCOMPARE(cache.cachedBlocks(), qint64(0));
    QCOMPARE(cache.hitTokens(), qint64(0));
    QCOMPARE(cache.admit(h, 9), 0);
}

QTEST_GUILESS_MAIN(tst_PrefixCache)
#include "tst_prefixcache.moc"
