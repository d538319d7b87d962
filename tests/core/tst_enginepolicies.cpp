#include "engine/arrivalschedule.h"
#include "engine/loadengine.h"
#include "engine/requestbody.h"
#include "engine/retrypolicy.h"
#include "engine/tokenbucket.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace BurgerBench;

class tst_EnginePolicies : public QObject
{
    Q_OBJECT
private slots:
    void arrivalsMeanAndShape_data();
    void arrivalsMeanAndShape();
    void arrivalsDurationBound();
    void arrivalsDeterministic();
    void tokenBucket();
    void backoff_data();
    void backoff();
    void retryAfter_data();
    void retryAfter();
    void retryable_data();
    void retryable();
    void endpointUrl_data();
    void endpointUrl();
    void requestBody();
};

void tst_EnginePolicies::arrivalsMeanAndShape_data()
{
    QTest::addColumn<double>("burstiness");
    QTest::addColumn<double>("expectedCv"); // coefficient of variation of Gamma(k): 1/sqrt(k)
    QTest::newRow("poisson k=1") << 1.0 << 1.0;
    QTest::newRow("bursty k=0.25") << 0.25 << 2.0;
    QTest::newRow("regular k=16") << 16.0 << 0.25;
    QTest::newRow("constant k=inf") << 0.0 << 0.0;
}

void tst_EnginePolicies::arrivalsMeanAndShape()
{
    QFETCH(double, burstiness);
    QFETCH(double, expectedCv);
    const double rate = 50; // mean gap 20 ms
    const int n = 20000;
    const auto t = ArrivalSchedule::generate(rate, burstiness, n, 0, 7);
    QCOMPARE(int(t.size()), n);
    QCOMPARE(t.front(), qint64(0));
    double sum = 0, sumSq = 0;
    for (size_t i = 1; i < t.size(); ++i) {
        const double gap = double(t[i] - t[i - 1]);
        QVERIFY(gap >= 0);
        sum += gap;
        sumSq += gap * gap;
    }
    const double m = sum / (n - 1);
    const double sd = std::sqrt(std::max(0.0, sumSq / (n - 1) - m * m));
    QVERIFY2(std::abs(m - 20e6) / 20e6 < 0.05, qPrintable(QString::number(m)));
    QVERIFY2(std::abs(sd / m - expectedCv) < 0.08 + expectedCv * 0.05, qPrintable(QString::number(sd / m)));
}

void tst_EnginePolicies::arrivalsDurationBound()
{
    const auto t = ArrivalSchedule::generate(10, 0, 0, qint64(2e9), 1);
    // Constant gaps of 100 ms over [0, 2 s): 0, 100, ..., 1900 ms.
    QCOMPARE(int(t.size()), 20);
    QCOMPARE(t.back(), qint64(1900'000'000));
    QVERIFY(ArrivalSchedule::generate(0, 1, 10, 0, 1).empty());
}

void tst_EnginePolicies::arrivalsDeterministic()
{
    QCOMPARE(ArrivalSchedule::generate(5, 1, 100, 0, 99), ArrivalSchedule::generate(5, 1, 100, 0, 99));
    QVERIFY(ArrivalSchedule::generate(5, 1, 100, 0, 99) != ArrivalSchedule::generate(5, 1, 100, 0, 100));
}

void tst_EnginePolicies::tokenBucket()
{
    TokenBucket off;
    QVERIFY(!off.enabled());
    QVERIFY(off.tryAcquire(0));

    TokenBucket b(10, 2); // 10 per second, burst 2
    QVERIFY(b.tryAcquire(0));
    QVERIFY(b.tryAcquire(0));
    QVERIFY(!b.tryAcquire(0));
    QCOMPARE(b.waitNs(0) / 1'000'000, qint64(100)); // next permit in 100 ms
    QVERIFY(!b.tryAcquire(99'000'000));
    QVERIFY(b.tryAcquire(100'000'001));
    // Idle for a long time: only `burst` permits saved up.
    QVERIFY(b.tryAcquire(10'000'000'000));
    QVERIFY(b.tryAcquire(10'000'000'000));
    QVERIFY(!b.tryAcquire(10'000'000'000));
}

void tst_EnginePolicies::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("uniform");
    QTest::addColumn<qint64>("expectedMs");
    // base 100 ms, max 1000 ms: ceilings 100, 200, 400, 800, 1000, 1000
    QTest::newRow("first retry, top of range") << 1 << 1.0 << qint64(100);
    QTest::newRow("second retry, half") << 2 << 0.5 << qint64(100);
    QTest::newRow("fourth retry, top") << 4 << 1.0 << qint64(800);
    QTest::newRow("capped at max") << 9 << 1.0 << qint64(1000);
    QTest::newRow("full jitter can be zero") << 3 << 0.0 << qint64(0);
}

void tst_EnginePolicies::backoff()
{
    QFETCH(int, attempt);
    QFETCH(double, uniform);
    QFETCH(qint64, expectedMs);
    QCOMPARE(RetryPolicy::backoffNs(attempt, 100, 1000, uniform) / 1'000'000, expectedMs);
}

void tst_EnginePolicies::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("seconds") << QByteArray("3") << qint64(3000);
    QTest::newRow("fractional seconds") << QByteArray(" 0.5 ") << qint64(500);
    QTest::newRow("http date 10 s later") << QByteArray("Sun, 06 Nov 1994 08:49:47 GMT") << qint64(10000);
    QTest::newRow("date in the past") << QByteArray("Sun, 06 Nov 1994 08:49:00 GMT") << qint64(0);
    QTest::newRow("absent") << QByteArray() << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
}

void tst_EnginePolicies::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    const qint64 ns = RetryPolicy::retryAfterNs(header, now);
    QCOMPARE(ns < 0 ? qint64(-1) : ns / 1'000'000, expectedMs);
}

void tst_EnginePolicies::retryable_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("429") << int(ErrorKind::Http) << 429 << true;
    QTest::newRow("503") << int(ErrorKind::Http) << 503 << true;
    QTest::newRow("400 is the client's fault") << int(ErrorKind::Http) << 400 << false;
    QTest::newRow("401") << int(ErrorKind::Http) << 401 << false;
    QTest::newRow("reset") << int(ErrorKind::ConnectionReset) << 0 << true;
    QTest::newRow("idle timeout") << int(ErrorKind::TimeoutIdle) << 0 << true;
    QTest::newRow("malformed stream") << int(ErrorKind::MalformedChunk) << 0 << false;
    QTest::newRow("in-stream error") << int(ErrorKind::StreamError) << 0 << false;
}

void tst_EnginePolicies::retryable()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(bool, retryable);
    QCOMPARE(RetryPolicy::isRetryable(ErrorKind(kind), status), retryable);
}

void tst_EnginePolicies::endpointUrl_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<int>("endpoint");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bare host, chat") << QStringLiteral("http://h:8000") << int(Endpoint::Chat)
                                     << QStringLiteral("http://h:8000/v1/chat/completions");
    QTest::newRow("trailing slash") << QStringLiteral("http://h:8000/") << int(Endpoint::Chat)
                                    << QStringLiteral("http://h:8000/v1/chat/completions");
    QTest::newRow("v1 base, completions")
        << QStringLiteral("https://api.example.com/v1") << int(Endpoint::Completions)
        << QStringLiteral("https://api.example.com/v1/completions");
    QTest::newRow("full endpoint kept")
        << QStringLiteral("http://h/openai/v1/chat/completions") << int(Endpoint::Completions)
        << QStringLiteral("http://h/openai/v1/chat/completions");
    QTest::newRow("prefix path") << QStringLiteral("http://h/ollama") << int(Endpoint::Chat)
                                 << QStringLiteral("http://h/ollama/v1/chat/completions");
}

void tst_EnginePolicies::endpointUrl()
{
    QFETCH(QString, base);
    QFETCH(int, endpoint);
    QFETCH(QString, expected);
    QCOMPARE(LoadEngine::endpointUrl(QUrl(base), Endpoint(endpoint)).toString(), expected);
}

void tst_EnginePolicies::requestBody()
{
    Scenario s;
    s.model = QStringLiteral("m");
    s.maxTokens = 12;
    s.promptTokens = 5;
    RequestBody b = RequestBody::build(s);
    QCOMPARE(b.promptTokens, 5);
    QJsonObject o = QJsonDocument::fromJson(b.json).object();
    QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("m"));
    QCOMPARE(o.value(QStringLiteral("stream")).toBool(), true);
    QCOMPARE(
        o.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool(),
        true);
    QCOMPARE(o.value(QStringLiteral("max_completion_tokens")).toInt(), 12);
    QCOMPARE(o.value(QStringLiteral("max_tokens")).toInt(), 12);
    QVERIFY(!o.contains(QStringLiteral("ignore_eos")));
    QVERIFY(!o.contains(QStringLiteral("temperature"))); // METRICS.md item 3: no default temperature

    s.stream = false;
    s.ignoreEos = true;
    s.endpoint = Endpoint::Completions;
    s.prompt = QStringLiteral("two  words\n");
    b = RequestBody::build(s);
    o = QJsonDocument::fromJson(b.json).object();
    QCOMPARE(b.promptTokens, 2);
    QCOMPARE(o.value(QStringLiteral("prompt")).toString(), s.prompt);
    QVERIFY(!o.contains(QStringLiteral("stream_options")));
    QVERIFY(!o.contains(QStringLiteral("messages")));
    QCOMPARE(o.value(QStringLiteral("ignore_eos")).toBool(), true);
}

QTEST_GUILESS_MAIN(tst_EnginePolicies)
#include "tst_enginepolicies.moc"
