// HttpResponseParser (protocol/): every row parsed whole, split in two at every byte boundary
// and fed one byte at a time must give the same head, body and error; the chunked rows also
// exercise the ChunkedDecoder the simulator's request parser shares.
#include "protocol/httpresponseparser.h"

#include <QTest>

using namespace BurgerBench;
using Error = HttpResponseParser::Error;
using Framing = HttpResponseParser::Framing;

Q_DECLARE_METATYPE(BurgerBench::HttpResponseParser::Error)
Q_DECLARE_METATYPE(BurgerBench::HttpResponseParser::Framing)

namespace {

struct Result
{
    Error error = Error::None;
    bool done = false;
    int status = 0;
    QByteArray reason;
    qsizetype headers = 0;
    QByteArray body;
    int interim = 0;
    bool keepAlive = false;
    Framing framing = Framing::Unknown;
    qint64 excess = 0;
    QByteArray retryAfter;

    QString describe() const
    {
        return QStringLiteral("error %1 done %2 status %3 reason '%4' headers %5 body '%6' interim %7 keep "
                              "%8 framing %9 excess %10")
            .arg(int(error))
            .arg(done)
            .arg(status)
            .arg(QString::fromLatin1(reason))
            .arg(headers)
            .arg(QString::fromLatin1(body.left(40)))
            .arg(interim)
            .arg(keepAlive)
            .arg(int(framing))
            .arg(excess);
    }
    bool operator==(const Result &o) const
    {
        return error == o.error && done == o.done && status == o.status && reason == o.reason
            && headers == o.headers && body == o.body && interim == o.interim && keepAlive == o.keepAlive
            && framing == o.framing && excess == o.excess && retryAfter == o.retryAfter;
    }
};

// Feeds `input` cut at `cuts` (ascending), then, when `close`, tells the parser the peer closed.
Result parseCut(QByteArrayView input, const QList<qsizetype> &cuts, bool close)
{
    HttpResponseParser parser;
    Result r;
    qsizetype from = 0;
    auto feed = [&](qsizetype to) {
        parser.feed(input.sliced(from, to - from), &r.body);
        from = to;
    };
    for (qsizetype cut : cuts)
        feed(cut);
    feed(input.size());
    if (close)
        parser.finish();
    r.error = parser.error();
    r.done = parser.done();
    r.status = parser.head().status;
    r.reason = parser.head().reason;
    r.headers = parser.head().headers.size();
    r.interim = parser.interimResponses();
    r.keepAlive = parser.keepAlive();
    r.framing = parser.framing();
    r.excess = parser.excessBytes();
    r.retryAfter = parser.head().header("retry-after");
    if (parser.failed() && parser.errorMessage().isEmpty())
        r.reason = "<no error message>";
    return r;
}

QByteArray manyHeaders(int n)
{
    QByteArray out = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < n; ++i)
        out += "X-H" + QByteArray::number(i) + ": v\r\n";
    return out + "Content-Length: 0\r\n\r\n";
}

} // namespace

class tst_HttpResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void splitAtEveryByte_data() { parse_data(); }
    void splitAtEveryByte();
    void oneByteAtATime_data() { parse_data(); }
    void oneByteAtATime();
    void keepAliveConnectionReadsTwoResponses();
    void bodyLimitHoldsForEveryFraming_data();
    void bodyLimitHoldsForEveryFraming();
    void errorsHaveNamesAndMessages();
};

void tst_HttpResponseParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("close"); // the peer closes after the input
    QTest::addColumn<Error>("error");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Framing>("framing");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<int>("interim");

    const QByteArray sse = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n";
    QTest::newRow("Content-Length") << QByteArray(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\nhello")
                                    << false << Error::None << 200 << QByteArray("hello")
                                    << Framing::ContentLength << true << 0;
    QTest::newRow("Content-Length 0")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << false << Error::None << 200
        << QByteArray() << Framing::ContentLength << true << 0;
    QTest::newRow("repeated equal Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok") << false
        << Error::None << 200 << QByteArray("ok") << Framing::ContentLength << true << 0;
    QTest::newRow("chunked SSE with extensions and trailers")
        << QByteArray(
               "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
            + QByteArray::number(sse.size() - 15, 16) + ";ext=1;q=\"x\"\r\n" + sse.left(sse.size() - 15)
            + "\r\nf \t;e\r\n" + sse.right(15) + "\r\n0\r\nX-Trailer: 1\r\nX-Other: 2\r\n\r\n"
        << false << Error::None << 200 << sse << Framing::Chunked << true << 0;
    QTest::newRow("chunked, upper-case hex, bare LF")
        << QByteArray("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\nA\n0123456789\n0\n\n") << false
        << Error::None << 200 << QByteArray("0123456789") << Framing::Chunked << true << 0;
    QTest::newRow("close-delimited HTTP/1.0")
        << QByteArray("HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n") + sse << true
        << Error::None << 200 << sse << Framing::UntilClose << false << 0;
    QTest::newRow("gzip transfer coding: to the close")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxyz") << true << Error::None << 200
        << QByteArray("xyz") << Framing::UntilClose << false << 0;
    QTest::newRow("1xx skipped") << QByteArray(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                                 << false << Error::None << 200 << QByteArray("ok") << Framing::ContentLength
                                 << true << 2;
    QTest::newRow("101 is final, no body")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n") << false << Error::None
        << 101 << QByteArray() << Framing::None << false << 0;
    QTest::newRow("204 no body") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n")
                                 << false << Error::None << 204 << QByteArray() << Framing::None << true << 0;
    QTest::newRow("304 no body") << QByteArray("HTTP/1.1 304 Not Modified\r\n\r\n") << false << Error::None
                                 << 304 << QByteArray() << Framing::None << true << 0;
    QTest::newRow("429 with Retry-After")
        << QByteArray("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 4\r\n\r\nslow")
        << false << Error::None << 429 << QByteArray("slow") << Framing::ContentLength << true << 0;
    QTest::newRow("Connection: close")
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: upgrade, close\r\nContent-Length: 1\r\n\r\nx") << false
        << Error::None << 200 << QByteArray("x") << Framing::ContentLength << false << 0;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 1\r\n\r\nx") << false
        << Error::None << 200 << QByteArray("x") << Framing::ContentLength << true << 0;
    QTest::newRow("chunked wins over Content-Length, not reused") << QByteArray(
        "HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n")
                                                                  << false << Error::None << 200
                                                                  << QByteArray("x") << Framing::Chunked
                                                                  << false << 0;
    QTest::newRow("no reason phrase")
        << QByteArray("HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx") << false << Error::None << 200
        << QByteArray("x") << Framing::ContentLength << true << 0;
    QTest::newRow("empty lines before the status line")
        << QByteArray("\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx") << false << Error::None << 200
        << QByteArray("x") << Framing::ContentLength << true << 0;
    QTest::newRow("100 headers is the limit") << manyHeaders(99) << false << Error::None << 200
                                              << QByteArray() << Framing::ContentLength << true << 0;

    QTest::newRow("garbage status line") << QByteArray("garbage\r\n\r\n") << false << Error::BadStatusLine
                                         << 0 << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("HTTP/2 status line")
        << QByteArray("HTTP/2 200 OK\r\n\r\n") << false << Error::BadStatusLine << 0 << QByteArray()
        << Framing::Unknown << true << 0;
    QTest::newRow("two-digit status") << QByteArray("HTTP/1.1 20 OK\r\n\r\n") << false << Error::BadStatusLine
                                      << 0 << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("header without colon")
        << QByteArray("HTTP/1.1 200 OK\r\nNoColon\r\n\r\n") << false << Error::BadHeaderLine << 200
        << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("space in a header name")
        << QByteArray("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n") << false << Error::BadHeaderLine << 200
        << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("obsolete line folding")
        << QByteArray("HTTP/1.1 200 OK\r\nA: b\r\n c\r\n\r\n") << false << Error::BadHeaderLine << 200
        << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("NUL in a header") << (QByteArray("HTTP/1.1 200 OK\r\nA: b") + '\0' + "c\r\n\r\n") << false
                                     << Error::BadHeaderLine << 200 << QByteArray() << Framing::Unknown
                                     << true << 0;
    QTest::newRow("101 header fields") << manyHeaders(100) << false << Error::TooManyHeaders << 200
                                       << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("20,000 header fields") << manyHeaders(20000) << false << Error::TooManyHeaders << 200
                                          << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("header line over 100 KiB")
        << QByteArray("HTTP/1.1 200 OK\r\nX-Big: ") + QByteArray(100 * 1024, 'a') + "\r\n\r\n"
        << false << Error::HeaderLineTooLong << 200 << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("header section over 256 KiB") << []() -> QByteArray {
        QByteArray out = "HTTP/1.1 200 OK\r\n";
        for (int i = 0; i < 3; ++i)
            out += "X-" + QByteArray::number(i) + ": " + QByteArray(90 * 1024, 'a') + "\r\n";
        return out + "\r\n";
    }() << false
        << Error::HeaderSectionTooLarge << 200 << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("conflicting Content-Lengths")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc") << false
        << Error::BadContentLength << 200 << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("Content-Length of 19 digits")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 9999999999999999999\r\n\r\n") << false
        << Error::BadContentLength << 200 << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("negative Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false << Error::BadContentLength
        << 200 << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("bad chunk size") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n")
                                    << false << Error::BadChunkSize << 200 << QByteArray() << Framing::Chunked
                                    << true << 0;
    QTest::newRow("junk after the chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 x\r\nhello\r\n0\r\n\r\n")
        << false << Error::BadChunkSize << 200 << QByteArray() << Framing::Chunked << true << 0;
    QTest::newRow("chunk data without CRLF")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n") << false
        << Error::MissingChunkCrlf << 200 << QByteArray("abc") << Framing::Chunked << true << 0;
    QTest::newRow("chunk size line too long")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;") + QByteArray(2000, 'e')
            + "\r\n"
        << false << Error::ChunkSizeLineTooLong << 200 << QByteArray() << Framing::Chunked << true << 0;
    QTest::newRow("chunk size beyond any limit")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n")
        << false << Error::BodyTooLarge << 200 << QByteArray() << Framing::Chunked << true << 0;
    QTest::newRow("bad trailer") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nnot a trailer\r\n\r\n")
                                 << false << Error::BadTrailer << 200 << QByteArray("x") << Framing::Chunked
                                 << true << 0;
    QTest::newRow("trailer section over 256 KiB")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nX-Big: ")
            + QByteArray(300 * 1024, 't') + "\r\n\r\n"
        << false << Error::TrailersTooLarge << 200 << QByteArray("x") << Framing::Chunked << true << 0;
    QTest::newRow("closed in the head")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << true << Error::ClosedInHead << 200 << QByteArray()
        << Framing::Unknown << true << 0;
    QTest::newRow("closed before anything")
        << QByteArray() << true << Error::ClosedInHead << 0 << QByteArray() << Framing::Unknown << true << 0;
    QTest::newRow("closed in a Content-Length body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello") << true << Error::ClosedInBody
        << 200 << QByteArray("hello") << Framing::ContentLength << true << 0;
    QTest::newRow("closed mid-chunk (reset mid-stream)")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            + QByteArray::number(sse.size(), 16) + "\r\n" + sse.left(20)
        << true << Error::ClosedInBody << 200 << sse.left(20) << Framing::Chunked << true << 0;
    QTest::newRow("not finished, not closed")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab") << false << Error::None
        << 200 << QByteArray("ab") << Framing::Chunked << true << 0;
}

void tst_HttpResponseParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, close);
    QFETCH(Error, error);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Framing, framing);
    QFETCH(bool, keepAlive);
    QFETCH(int, interim);

    const Result r = parseCut(input, {}, close);
    QCOMPARE(r.error, error);
    QCOMPARE(r.status, status);
    QCOMPARE(r.body, body);
    QCOMPARE(r.framing, framing);
    QCOMPARE(r.interim, interim);
    if (error == Error::None && framing != Framing::Unknown) {
        QCOMPARE(r.keepAlive, keepAlive);
        const bool unfinished = QByteArray(QTest::currentDataTag()) == "not finished, not closed";
        QCOMPARE(r.done, !unfinished);
    } else {
        QVERIFY(!r.done);
    }
    if (QByteArray(QTest::currentDataTag()) == "429 with Retry-After") {
        QCOMPARE(r.retryAfter, QByteArray("3"));
        QCOMPARE(r.reason, QByteArray("Too Many Requests"));
    }
    QVERIFY2(r.reason != "<no error message>", "an error without a message");
}

void tst_HttpResponseParser::splitAtEveryByte()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, close);
    const Result whole = parseCut(input, {}, close);
    // Every boundary of the small rows; the big ones (100 KiB lines, 20,000 headers) at 997
    // boundaries spread over them, which still cuts inside lines, line ends and chunk sizes.
    const qsizetype step = input.size() <= 8192 ? 1 : input.size() / 997;
    for (qsizetype split = 0; split <= input.size(); split += step) {
        const Result r = parseCut(input, { split }, close);
        QVERIFY2(r == whole,
            qPrintable(
                QStringLiteral("split at %1: %2\nwhole: %3").arg(split).arg(r.describe(), whole.describe())));
    }
}

void tst_HttpResponseParser::oneByteAtATime()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, close);
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < input.size(); ++i)
        cuts.append(i);
    const Result r = parseCut(input, cuts, close);
    const Result whole = parseCut(input, {}, close);
    QVERIFY2(r == whole, qPrintable(r.describe() + QStringLiteral("\nwhole: ") + whole.describe()));
}

void tst_HttpResponseParser::bodyLimitHoldsForEveryFraming_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body"); // as sent
    QTest::addColumn<Framing>("framing");
    const QByteArray twenty(20, 'b');
    QTest::newRow("Content-Length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n") << twenty
                                    << Framing::ContentLength;
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << QByteArray("14\r\n") + twenty + "\r\n0\r\n\r\n"
                             << Framing::Chunked;
    // Found by fuzz_httpresponse on a clean clone: this one had no limit at all.
    QTest::newRow("until the close") << QByteArray("HTTP/1.1 200 OK\r\n\r\n") << twenty
                                     << Framing::UntilClose;
    QTest::newRow("until the close, after a coding")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n") << twenty << Framing::UntilClose;
}

void tst_HttpResponseParser::bodyLimitHoldsForEveryFraming()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);
    QFETCH(Framing, framing);
    HttpResponseParser::Limits limits;
    limits.maxBodyBytes = 10; // the body sends 20
    const QByteArray input = head + body;
    // Whole, and one byte at a time: the same verdict.
    for (const qsizetype step : { input.size(), qsizetype(1) }) {
        HttpResponseParser parser(limits);
        QByteArray got;
        for (qsizetype pos = 0; pos < input.size(); pos += step)
            parser.feed(input.sliced(pos, std::min(step, input.size() - pos)), &got);
        parser.finish();
        QCOMPARE(parser.error(), Error::BodyTooLarge);
        QVERIFY(!parser.done());
        QVERIFY2(got.size() <= limits.maxBodyBytes, qPrintable(QString::number(got.size())));
    }
    // At the limit exactly, each framing is fine.
    limits.maxBodyBytes = 20;
    HttpResponseParser parser(limits);
    QByteArray got;
    parser.feed(input, &got);
    parser.finish();
    QCOMPARE(parser.error(), Error::None);
    QCOMPARE(parser.framing(), framing);
    QCOMPARE(got, QByteArray(20, 'b'));
}

void tst_HttpResponseParser::keepAliveConnectionReadsTwoResponses()
{
    HttpResponseParser parser;
    QByteArray body;
    QVERIFY(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 500 Oops\r\n", &body));
    QVERIFY(parser.done());
    QCOMPARE(body, QByteArray("ok"));
    QCOMPARE(parser.excessBytes(), qint64(19)); // a response nobody asked for is not this one's body
    parser.reset();
    body.clear();
    QVERIFY(parser.feed("HTTP/1.1 503 Busy\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", &body));
    QVERIFY(parser.done());
    QCOMPARE(parser.head().status, 503);
    QCOMPARE(parser.head().reason, QByteArray("Busy"));
    QVERIFY(body.isEmpty());
}

void tst_HttpResponseParser::errorsHaveNamesAndMessages()
{
    HttpResponseParser parser;
    QByteArray body;
    QVERIFY(!parser.feed("SSH-2.0-OpenSSH_9.2\r\n", &body));
    QCOMPARE(parser.error(), Error::BadStatusLine);
    QCOMPARE(parser.errorMessage(), QStringLiteral("malformed status line: \"SSH-2.0-OpenSSH_9.2\""));
    QVERIFY(!parser.feed("HTTP/1.1 200 OK\r\n\r\n", &body)); // stays in error
    QVERIFY(!parser.headComplete());
    QVERIFY(HttpResponseParser::isLimit(Error::TooManyHeaders));
    QVERIFY(!HttpResponseParser::isLimit(Error::BadChunkSize));
}

QTEST_GUILESS_MAIN(tst_HttpResponseParser)
#include "tst_httpresponseparser.moc"
