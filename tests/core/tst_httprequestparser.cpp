#include "sim/httprequestparser.h"

#include <QTest>

using namespace BurgerBench;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

// Feeds the parts in order and drains every complete request after each feed.
Outcome parseParts(const QList<QByteArray> &parts)
{
    HttpRequestParser parser;
    Outcome out;
    for (const QByteArray &part : parts) {
        parser.feed(part);
        while (parser.hasRequest())
            out.requests.append(parser.takeRequest());
    }
    out.errorStatus = parser.errorStatus();
    return out;
}

QList<QByteArray> bytewise(const QByteArray &input)
{
    QList<QByteArray> parts;
    for (char c : input)
        parts.append(QByteArray(1, c));
    return parts;
}

QByteArray requestWithHeaderBytes(qsizetype bytes)
{
    return QByteArrayLiteral("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(bytes, 'a')
        + QByteArrayLiteral("\r\n\r\n");
}

} // namespace

class tst_HttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void splitAtEveryByte_data();
    void splitAtEveryByte();
    void headerLookupIsCaseInsensitive_data();
    void headerLookupIsCaseInsensitive();
    void keepAlive_data();
    void keepAlive();
    void expectContinueReportedOnce();
    void errorIsSticky();
    void requestsBeforeAnErrorSurvive();
    void headerLimitIsExact();
};

void tst_HttpRequestParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("requests");
    QTest::addColumn<QByteArray>("method"); // of the first request
    QTest::addColumn<QByteArray>("path"); // of the first request
    QTest::addColumn<QByteArray>("body"); // of the last request
    QTest::addColumn<int>("errorStatus");

    QTest::newRow("simple GET") << QByteArray("GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n") << 1
                                << QByteArray("GET") << QByteArray("/v1/models") << QByteArray() << 0;
    QTest::newRow("POST with Content-Length")
        << QByteArray("POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
        << 1 << QByteArray("POST") << QByteArray("/v1/completions") << QByteArray("hello world") << 0;
    QTest::newRow("chunked body with extension and trailer")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")
        << 1 << QByteArray("POST") << QByteArray("/a") << QByteArray("hello world") << 0;
    QTest::newRow("chunked with upper-case hex")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n")
        << 1 << QByteArray("POST") << QByteArray("/a") << QByteArray("0123456789") << 0;
    QTest::newRow("two pipelined requests in one feed")
        << QByteArray("GET /health HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc") << 2
        << QByteArray("GET") << QByteArray("/health") << QByteArray("abc") << 0;
    QTest::newRow("missing Host tolerated")
        << QByteArray("GET /health HTTP/1.1\r\n\r\n") << 1 << QByteArray("GET") << QByteArray("/health")
        << QByteArray() << 0;
    QTest::newRow("bare LF line ends") << QByteArray("GET /x HTTP/1.0\nA: b\n\n") << 1 << QByteArray("GET")
                                       << QByteArray("/x") << QByteArray() << 0;
    QTest::newRow("empty line before request line")
        << QByteArray("\r\nGET /x HTTP/1.1\r\n\r\n") << 1 << QByteArray("GET") << QByteArray("/x")
        << QByteArray() << 0;
    QTest::newRow("query is not part of the path")
        << QByteArray("GET /sim/stats?pretty=1 HTTP/1.1\r\n\r\n") << 1 << QByteArray("GET")
        << QByteArray("/sim/stats") << QByteArray() << 0;
    QTest::newRow("absolute-form target")
        << QByteArray("GET http://localhost:8000/v1/models HTTP/1.1\r\n\r\n") << 1 << QByteArray("GET")
        << QByteArray("/v1/models") << QByteArray() << 0;
    QTest::newRow("incomplete body waits") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")
                                           << 0 << QByteArray() << QByteArray() << QByteArray() << 0;

    QTest::newRow("bad request line")
        << QByteArray("GARBAGE\r\n\r\n") << 0 << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("request line with extra space")
        << QByteArray("GET  /x HTTP/1.1\r\n\r\n") << 0 << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("unsupported version")
        << QByteArray("GET / HTTP/2.0\r\n\r\n") << 0 << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("relative target") << QByteArray("GET x HTTP/1.1\r\n\r\n") << 0 << QByteArray()
                                     << QByteArray() << QByteArray() << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 0
                                          << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 0
                                        << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("obsolete line folding") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 0
                                           << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("bare CR in a header") << QByteArray("GET / HTTP/1.1\r\nA: b\rc\r\n\r\n") << 0
                                         << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("both Content-Length and Transfer-Encoding")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        << 0 << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("conflicting Content-Lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") << 0
        << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("negative Content-Length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                             << 0 << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("gzip transfer coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                          << 0 << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("bad chunk size") << QByteArray(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << 0 << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("chunk data without CRLF")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n") << 0
        << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("Content-Length over 16 MiB")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 16777217\r\n\r\n") << 0 << QByteArray()
        << QByteArray() << QByteArray() << 413;
    QTest::newRow("chunk over 16 MiB")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1000001\r\n") << 0 << QByteArray()
        << QByteArray() << QByteArray() << 413;
    QTest::newRow("oversized headers")
        << requestWithHeaderBytes(70 * 1024) << 0 << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::newRow("oversized header line still incomplete")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(65 * 1024, 'a') << 0 << QByteArray()
        << QByteArray() << QByteArray() << 400;
}

void tst_HttpRequestParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(int, requests);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, errorStatus);

    // Whole, then one byte per feed: the parser must not care how the bytes arrive.
    const QList<QList<QByteArray>> feeds { { input }, bytewise(input) };
    for (const QList<QByteArray> &parts : feeds) {
        const Outcome out = parseParts(parts);
        QCOMPARE(out.errorStatus, errorStatus);
        QCOMPARE(out.requests.size(), requests);
        if (requests > 0) {
            QCOMPARE(out.requests.first().method, method);
            QCOMPARE(out.requests.first().path, path);
            QCOMPARE(out.requests.last().body, body);
        }
    }
}

void tst_HttpRequestParser::splitAtEveryByte_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("body");
    const QByteArray json
        = QByteArrayLiteral("{\"model\":\"m\",\"prompt\":\"one two three\",\"stream\":true}");
    QTest::newRow("POST with Content-Length")
        << QByteArray("POST /v1/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      "Content-Length: ")
            + QByteArray::number(json.size()) + QByteArray("\r\n\r\n") + json
        << json;
    QTest::newRow("POST chunked")
        << QByteArray("POST /v1/completions HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n")
            + json.left(16) + QByteArray("\r\n") + QByteArray::number(json.size() - 16, 16)
            + QByteArray("\r\n") + json.mid(16) + QByteArray("\r\n0\r\n\r\n")
        << json;
}

void tst_HttpRequestParser::splitAtEveryByte()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, body);
    for (qsizetype split = 0; split <= input.size(); ++split) {
        const Outcome out = parseParts({ input.left(split), input.mid(split) });
        QVERIFY2(out.errorStatus == 0, qPrintable(QStringLiteral("split at %1").arg(split)));
        QCOMPARE(out.requests.size(), 1);
        QCOMPARE(out.requests.first().method, QByteArray("POST"));
        QCOMPARE(out.requests.first().path, QByteArray("/v1/completions"));
        QCOMPARE(out.requests.first().body, body);
    }
}

void tst_HttpRequestParser::headerLookupIsCaseInsensitive_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<QByteArray>("asked");
    QTest::newRow("lower asks mixed") << QByteArray("x-request-id") << QByteArray("X-Request-Id");
    QTest::newRow("upper asks lower") << QByteArray("X-REQUEST-ID") << QByteArray("x-request-id");
    QTest::newRow("mixed asks upper") << QByteArray("X-Request-Id") << QByteArray("X-REQUEST-ID");
}

void tst_HttpRequestParser::headerLookupIsCaseInsensitive()
{
    QFETCH(QByteArray, sent);
    QFETCH(QByteArray, asked);
    const Outcome out
        = parseParts({ QByteArray("GET / HTTP/1.1\r\n") + sent + QByteArray(":   abc-1  \r\n\r\n") });
    QCOMPARE(out.requests.size(), 1);
    QVERIFY(out.requests.first().hasHeader(asked));
    QCOMPARE(out.requests.first().header(asked), QByteArray("abc-1"));
    QVERIFY(!out.requests.first().hasHeader("x-other"));
    // Content-Length is found whatever its case, or the body would not be read.
    const Outcome post = parseParts({ QByteArray("POST / HTTP/1.1\r\nCONTENT-length: 2\r\n\r\nok") });
    QCOMPARE(post.requests.size(), 1);
    QCOMPARE(post.requests.first().body, QByteArray("ok"));
}

void tst_HttpRequestParser::keepAlive_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("HTTP/1.1 default") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::newRow("HTTP/1.1 Connection: close")
        << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n") << false;
    QTest::newRow("HTTP/1.1 close in a list")
        << QByteArray("GET / HTTP/1.1\r\nConnection: te, close\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void tst_HttpRequestParser::keepAlive()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepAlive);
    const Outcome out = parseParts({ input });
    QCOMPARE(out.requests.size(), 1);
    QCOMPARE(out.requests.first().keepAlive(), keepAlive);
}

void tst_HttpRequestParser::expectContinueReportedOnce()
{
    HttpRequestParser parser;
    parser.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QVERIFY(parser.isMidRequest());
    QVERIFY(parser.takeExpectContinue());
    QVERIFY(!parser.takeExpectContinue());
    parser.feed("body");
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().body, QByteArray("body"));
    QVERIFY(!parser.isMidRequest());
}

void tst_HttpRequestParser::errorIsSticky()
{
    HttpRequestParser parser;
    QVERIFY(!parser.feed("BAD\r\n"));
    QCOMPARE(parser.errorStatus(), 400);
    QVERIFY(!parser.errorMessage().isEmpty());
    QVERIFY(!parser.feed("GET / HTTP/1.1\r\n\r\n"));
    QVERIFY(!parser.hasRequest());
    parser.reset();
    QVERIFY(parser.feed("GET / HTTP/1.1\r\n\r\n"));
    QVERIFY(parser.hasRequest());
}

void tst_HttpRequestParser::requestsBeforeAnErrorSurvive()
{
    const Outcome out
        = parseParts({ QByteArray("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nBroken\r\n\r\n") });
    QCOMPARE(out.errorStatus, 400);
    QCOMPARE(out.requests.size(), 1);
    QCOMPARE(out.requests.first().path, QByteArray("/a"));
}

void tst_HttpRequestParser::headerLimitIsExact()
{
    // The whole header section, request line and final empty line included, may be 64 KiB.
    const qsizetype overhead = requestWithHeaderBytes(0).size();
    const Outcome fits
        = parseParts({ requestWithHeaderBytes(HttpRequestParser::DefaultMaxHeaderBytes - overhead) });
    QCOMPARE(fits.errorStatus, 0);
    QCOMPARE(fits.requests.size(), 1);
    const Outcome over
        = parseParts({ requestWithHeaderBytes(HttpRequestParser::DefaultMaxHeaderBytes - overhead + 1) });
    QCOMPARE(over.errorStatus, 400);
}

QTEST_GUILESS_MAIN(tst_HttpRequestParser)
#include "tst_httprequestparser.moc"
