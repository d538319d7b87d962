// TokenTimes: token event times in 4 bytes each (32-bit offsets in chunks), read back exactly.
#include "trace/tokentimes.h"

#include <QTest>

#include <algorithm>
#include <limits>
#include <random>

using namespace BurgerBench;

class TokenTimesTest : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsAStream()
    {
        // A 2 s TTFT, then 5,000 tokens 3 ms apart: 17 s, past the 4.29 s a chunk spans.
        std::vector<qint64> want;
        want.reserve(5000);
        for (int k = 0; k < 5000; ++k)
            want.push_back(2'000'000'000 + qint64(k) * 3'000'001);
        TokenTimes t;
        for (qint64 v : want)
            t.push_back(v);
        QCOMPARE(t.size(), want.size());
        QCOMPARE(t.front(), want.front());
        QCOMPARE(t.back(), want.back());
        for (size_t i = 0; i < want.size(); ++i)
            QCOMPARE(t[i], want[i]);
        QCOMPARE(t.toVector(), want);
        QVERIFY(t == want);
        // 4 bytes a time plus a few chunk heads (one per 4.29 s), not 8 a time.
        t.shrink_to_fit();
        QVERIFY2(t.heapBytes() <= want.size() * 4 + 8 * 24, qPrintable(QString::number(t.heapBytes())));
    }

    void anySequenceRoundTrips()
    {
        // Backwards, huge jumps, the ends of the range, repeats: every value comes back.
        std::vector<qint64> want
            = { 5, 3, 3, std::numeric_limits<qint64>::max(), 0, -7, std::numeric_limits<qint64>::min(), 1,
                  qint64(1) << 40, (qint64(1) << 40) + 0xFFFFFFFF, (qint64(1) << 40) + 0x100000000 };
        std::mt19937_64 rng(7);
        for (int k = 0; k < 2000; ++k)
            want.push_back(qint64(rng() >> (k % 40)));
        TokenTimes t(want);
        QCOMPARE(t.toVector(), want);
        for (size_t i = 0; i < want.size(); ++i)
            QCOMPARE(t.at(i), want[i]);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.at(want.size()));
    }

    void iteratorsAreRandomAccess()
    {
        const TokenTimes t = { 10, 20, 30, 40, 50 };
        QCOMPARE(std::lower_bound(t.begin(), t.end(), 25) - t.begin(), 2);
        QCOMPARE(std::upper_bound(t.begin(), t.end(), 50) - t.begin(), 5);
        QCOMPARE(*(t.end() - 1), 50);
        QCOMPARE((t.begin() + 1)[2], 40);
        qint64 sum = 0;
        for (qint64 v : t)
            sum += v;
        QCOMPARE(sum, 150);
        TokenTimes tail;
        tail.assign(t.begin() + 3, t.end());
        QCOMPARE(tail.toVector(), (std::vector<qint64> { 40, 50 }));
    }

    void editsKeepTheValues()
    {
        // Over two chunks, so truncating must drop the second chunk's head too.
        TokenTimes t = { 0, 1, 5'000'000'000, 5'000'000'001 };
        t.resize(2);
        QCOMPARE(t.toVector(), (std::vector<qint64> { 0, 1 }));
        t.push_back(2);
        QCOMPARE(t.toVector(), (std::vector<qint64> { 0, 1, 2 }));
        t.shift(1'000);
        QCOMPARE(t.toVector(), (std::vector<qint64> { 1'000, 1'001, 1'002 }));
        t.append(TokenTimes { 9'000'000'000, 9'000'000'005 });
        QCOMPARE(t.toVector(), (std::vector<qint64> { 1'000, 1'001, 1'002, 9'000'000'000, 9'000'000'005 }));
        t.shift(-1'000);
        QCOMPARE(t.back(), 8'999'999'005);
        t.resize(6);
        QCOMPARE(t.back(), 0);
        QCOMPARE(t.size(), size_t(6));
        TokenTimes u = t;
        QVERIFY(u == t);
        u.resize(5);
        QVERIFY(u != t);
        t.clear();
        QVERIFY(t.empty());
        t.push_back(42);
        QCOMPARE(t.front(), 42);
        QCOMPARE(t.size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TokenTimesTest)
#include "tst_tokentimes.moc"
