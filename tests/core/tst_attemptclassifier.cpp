// AttemptClassifier (protocol/): what an attempt received becomes its record and verdict, pure,
// with no transport. Each row is what a transport reports (head, body, a transport error or an
// abort); the body is fed whole and then one byte at a time, which must not change the verdict.
#include "protocol/attemptclassifier.h"

#include <QTest>

using namespace BurgerBench;

Q_DECLARE_METATYPE(BurgerBench::Outcome)
Q_DECLARE_METATYPE(BurgerBench::ErrorKind)

namespace {

const QByteArray Sse = "text/event-stream; charset=utf-8";
QByteArray token(const char *text)
{
    return QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"") + text + "\"}}]}\n\n";
}
const QByteArray Usage
    = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":5}}\n\n";
const QByteArray Done = "data: [DONE]\n\n";

struct Input
{
    bool stream = true;
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    ErrorKind transport = ErrorKind::None;
    ErrorKind abort = ErrorKind::None;
    int keepText = 4096;
};

// Runs one attempt; `step` = bytes per onBody() call (0: the body at once). Token times are
// the byte offset where each read began, so they are what the caller supplied.
std::pair<AttemptVerdict, RequestRecord> run(const Input &in, qsizetype step)
{
    AttemptClassifier c({ in.stream, in.keepText });
    RequestRecord r;
    r.promptTokens = 99; // the planned length, replaced by usage on success
    r.tokenNs = { 1, 2, 3 }; // a previous attempt's, cleared by begin()
    r.text = QStringLiteral("old");
    c.begin(r);
    if (in.status)
        c.onHead(r, in.status, "Reason", in.contentType, "http://x/");
    int tokens = 0;
    const qsizetype n = step > 0 ? step : qMax<qsizetype>(in.body.size(), 1);
    for (qsizetype pos = 0; pos < in.body.size(); pos += n)
        tokens += c.onBody(r, QByteArrayView(in.body).sliced(pos, qMin(n, in.body.size() - pos)), 1000 + pos);
    c.onTransportError(in.transport, QStringLiteral("transport said so"));
    c.abort(in.abort, QStringLiteral("aborted"));
    const AttemptVerdict v = c.finish(r, 5000);
    // onBody's return values count exactly the token events recorded before the end.
    if (tokens > int(r.tokenNs.size()))
        r.text = QStringLiteral("<token count mismatch>");
    return { v, r };
}

} // namespace

class tst_AttemptClassifier : public QObject
{
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void reusedForTheNextAttempt();
    // Issue 15: each HttpResponseParser error becomes its exact kind, and every kind's report
    // name reads back (old reports' names too).
    void parserErrorKinds_data();
    void parserErrorKinds();
    void kindNamesRoundTrip();
};

void tst_AttemptClassifier::classify_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("transport");
    QTest::addColumn<ErrorKind>("abort");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("outputTokens");
    QTest::addColumn<bool>("fromUsage");
    QTest::addColumn<int>("promptTokens");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // contained in the verdict's message

    const ErrorKind none = ErrorKind::None;
    QTest::newRow("stream with usage")
        << true << 200 << Sse << token("a") + token("b") + Usage + Done << none << none << Outcome::Success
        << none << 2 << 5 << true << 11 << QStringLiteral("ab") << QString();
    QTest::newRow("stream without usage: events counted")
        << true << 200 << Sse << token("a") + token("") + Done << none << none << Outcome::Success << none
        << 2 << 2 << false << 99 << QStringLiteral("a") << QString();
    QTest::newRow("usage on the last token chunk (vLLM)") << true << 200 << Sse
                                                          << token("a")
            + "data: "
              "{\"choices\":[{\"delta\":{}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":9}}\n\n"
            + Done << none << none << Outcome::Success << none
                                                          << 2 << 9 << true << 3 << QStringLiteral("a")
                                                          << QString();
    QTest::newRow("last event without its blank line")
        << true << 200 << Sse << token("a") + "data: [DONE]" << none << none << Outcome::Success << none << 1
        << 1 << false << 99 << QStringLiteral("a") << QString();
    QTest::newRow("text capped") << true << 200 << Sse << token("abcdef") + token("ghij") + Done << none
                                 << none << Outcome::Success << none << 2 << 2 << false << 99
                                 << QStringLiteral("abcdefgh") << QString();
    QTest::newRow("error event") << true << 200 << Sse
                                 << token("a") + "event: error\ndata: {\"error\":{\"message\":\"boom\"}}\n\n"
            + Done << none << none
                                 << Outcome::Failed << ErrorKind::StreamError << 1 << 1 << false << 99
                                 << QStringLiteral("a") << QStringLiteral("boom");
    QTest::newRow("error payload") << true << 200 << Sse << "data: {\"error\":\"quota\"}\n\n" + Done << none
                                   << none << Outcome::Failed << ErrorKind::StreamError << 0 << 0 << false
                                   << 99 << QString() << QStringLiteral("quota");
    QTest::newRow("malformed chunk, first problem wins")
        << true << 200 << Sse << token("a") + "data: {nope\n\n" + "data: {\"error\":\"later\"}\n\n" + Done
        << none << none << Outcome::Failed << ErrorKind::MalformedChunk << 1 << 1 << false << 99
        << QStringLiteral("a") << QStringLiteral("not JSON: {nope");
    QTest::newRow("missing [DONE]") << true << 200 << Sse << token("a") + Usage << none << none
                                    << Outcome::Failed << ErrorKind::MissingDone << 1 << 1 << false << 99
                                    << QStringLiteral("a") << QStringLiteral("[DONE]");
    QTest::newRow("no token event") << true << 200 << Sse << Usage + Done << none << none << Outcome::Failed
                                    << ErrorKind::NoTokens << 0 << 0 << false << 99 << QString()
                                    << QStringLiteral("no token event");
    QTest::newRow("JSON where a stream was asked for")
        << true << 200 << QByteArray("application/json") << QByteArray("{\"choices\":[{}]}") << none << none
        << Outcome::Failed << ErrorKind::BadResponse << 0 << 0 << false << 99 << QString()
        << QStringLiteral("expected text/event-stream");
    QTest::newRow("JSON error where a stream was asked for")
        << true << 200 << QByteArray("application/json") << QByteArray("{\"error\":{\"message\":\"nope\"}}")
        << none << none << Outcome::Failed << ErrorKind::StreamError << 0 << 0 << false << 99 << QString()
        << QStringLiteral("nope");
    QTest::newRow("non-streaming completion")
        << false << 200 << QByteArray("application/json")
        << QByteArray("{\"choices\":[{\"message\":{\"content\":\"hi\"}}],\"usage\":{\"prompt_tokens\":4,"
                      "\"completion_tokens\":1}}")
        << none << none << Outcome::Success << none << 0 << 1 << true << 4 << QStringLiteral("hi")
        << QString();
    QTest::newRow("non-streaming, not a completion")
        << false << 200 << QByteArray("application/json") << QByteArray("<html>") << none << none
        << Outcome::Failed << ErrorKind::BadResponse << 0 << 0 << false << 99 << QString()
        << QStringLiteral("not an OpenAI completion");
    QTest::newRow("429 with an OpenAI error body")
        << true << 429 << QByteArray("application/json")
        << QByteArray("{\"error\":{\"message\":\"slow down\"}}") << ErrorKind::Network << none
        << Outcome::Failed << ErrorKind::Http << 0 << 0 << false << 99 << QString()
        << QStringLiteral("slow down");
    QTest::newRow("500 with an SSE content type is not parsed as a stream")
        << true << 500 << Sse << token("a") << none << none << Outcome::Failed << ErrorKind::Http << 0 << 0
        << false << 99 << QString() << QStringLiteral("data:");
    // Issue 15: a redirect is its own kind (was http_301, and before that "Unknown error"), never
    // followed, and the message says where it pointed.
    QTest::newRow("301 without a body is a redirect")
        << true << 301 << QByteArray() << QByteArray() << ErrorKind::Network << none << Outcome::Failed
        << ErrorKind::Redirect << 0 << 0 << false << 99 << QString()
        << QStringLiteral("HTTP 301 Reason to http://x/; redirects are not followed");
    QTest::newRow("307 with a body is a redirect")
        << true << 307 << QByteArray("text/html") << QByteArray("<a href=x>moved</a>") << ErrorKind::Network
        << none << Outcome::Failed << ErrorKind::Redirect << 0 << 0 << false << 99 << QString()
        << QStringLiteral("to http://x/");
    QTest::newRow("304 is not a redirect")
        << true << 304 << QByteArray() << QByteArray() << ErrorKind::Network << none << Outcome::Failed
        << ErrorKind::Http << 0 << 0 << false << 99 << QString() << QStringLiteral("HTTP 304");
    QTest::newRow("reset mid-stream keeps the whole events")
        << true << 200 << Sse << token("a") + token("b") + "data: {\"cho" << ErrorKind::ConnectionReset
        << none << Outcome::Failed << ErrorKind::ConnectionReset << 2 << 2 << false << 99
        << QStringLiteral("ab") << QStringLiteral("transport said so");
    QTest::newRow("bad framing from the parser")
        << true << 200 << Sse << token("a") << ErrorKind::BadResponse << none << Outcome::Failed
        << ErrorKind::BadResponse << 1 << 1 << false << 99 << QStringLiteral("a")
        << QStringLiteral("transport said so");
    QTest::newRow("no response at all")
        << true << 0 << QByteArray() << QByteArray() << ErrorKind::ConnectionRefused << none
        << Outcome::Failed << ErrorKind::ConnectionRefused << 0 << 0 << false << 99 << QString()
        << QStringLiteral("transport said so");
    QTest::newRow("no head, no error") << true << 0 << QByteArray() << QByteArray() << none << none
                                       << Outcome::Failed << ErrorKind::ConnectionReset << 0 << 0 << false
                                       << 99 << QString() << QStringLiteral("before a response");
    QTest::newRow("idle timeout beats the status")
        << true << 500 << QByteArray() << QByteArray("partial") << ErrorKind::Network
        << ErrorKind::TimeoutIdle << Outcome::Failed << ErrorKind::TimeoutIdle << 0 << 0 << false << 99
        << QString() << QStringLiteral("aborted");
    QTest::newRow("cancel is incomplete")
        << true << 200 << Sse << token("a") << none << ErrorKind::Cancelled << Outcome::Incomplete
        << ErrorKind::Cancelled << 1 << 1 << false << 99 << QStringLiteral("a") << QStringLiteral("aborted");
    QTest::newRow("end of run is incomplete")
        << true << 200 << Sse << token("a") << none << ErrorKind::RunEnded << Outcome::Incomplete
        << ErrorKind::RunEnded << 1 << 1 << false << 99 << QStringLiteral("a") << QString();
}

void tst_AttemptClassifier::classify()
{
    Input in;
    QFETCH(bool, stream);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, transport);
    QFETCH(ErrorKind, abort);
    QFETCH(Outcome, outcome);
    QFETCH(ErrorKind, kind);
    QFETCH(int, tokens);
    QFETCH(int, outputTokens);
    QFETCH(bool, fromUsage);
    QFETCH(int, promptTokens);
    QFETCH(QString, text);
    QFETCH(QString, message);
    in = { stream, status, contentType, body, transport, abort,
        QByteArray(QTest::currentDataTag()) == "text capped" ? 8 : 4096 };

    const auto [v, r] = run(in, 0);
    QCOMPARE(v.outcome, outcome);
    QCOMPARE(v.error, kind);
    QVERIFY2(v.message.contains(message), qPrintable(v.message));
    if (outcome != Outcome::Success)
        QVERIFY(!v.message.isEmpty() || kind == ErrorKind::RunEnded);
    QCOMPARE(int(r.tokenNs.size()), tokens);
    // One read: every token event carries the time the caller gave for it.
    for (qint64 t : r.tokenNs)
        QCOMPARE(t, qint64(1000));
    QCOMPARE(r.outputTokens, outputTokens);
    QCOMPARE(r.outputTokensFromUsage, fromUsage);
    QCOMPARE(r.promptTokens, promptTokens);
    QCOMPARE(r.text, text);
    QCOMPARE(r.httpStatus, status);

    // One byte per read: the same verdict and record, each token at the read that completed it.
    const auto [v1, r1] = run(in, 1);
    QCOMPARE(v1.outcome, v.outcome);
    QCOMPARE(v1.error, v.error);
    QCOMPARE(v1.message, v.message);
    QCOMPARE(r1.tokenNs.size(), r.tokenNs.size());
    QVERIFY(std::is_sorted(r1.tokenNs.begin(), r1.tokenNs.end()));
    QCOMPARE(r1.outputTokens, r.outputTokens);
    QCOMPARE(r1.text, r.text);
}

void tst_AttemptClassifier::reusedForTheNextAttempt()
{
    AttemptClassifier c({ true, 4096 });
    RequestRecord r;
    c.begin(r);
    c.onHead(r, 200, "OK", Sse);
    c.onBody(r, QByteArray(token("a") + "data: {bad\n\n"), 10);
    QCOMPARE(c.finish(r, 20).error, ErrorKind::MalformedChunk);
    QCOMPARE(r.outputTokens, 1);
    // A retry: nothing of the first attempt leaks into the second.
    c.begin(r);
    QCOMPARE(r.outputTokens, -1);
    QVERIFY(r.tokenNs.empty());
    c.onHead(r, 200, "OK", Sse);
    QCOMPARE(c.onBody(r, QByteArray(token("b") + Done), 30), 1);
    const AttemptVerdict v = c.finish(r, 40);
    QVERIFY(v.success());
    QCOMPARE(r.tokenNs, std::vector<qint64> { 30 });
    QCOMPARE(r.text, QStringLiteral("b"));
}

void tst_AttemptClassifier::parserErrorKinds_data()
{
    using E = HttpResponseParser::Error;
    QTest::addColumn<int>("error");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("garbage status line")
        << int(E::BadStatusLine) << ErrorKind::BadStatusLine << QStringLiteral("bad_status_line");
    QTest::newRow("bad header line") << int(E::BadHeaderLine) << ErrorKind::BadResponse
                                     << QStringLiteral("bad_response");
    QTest::newRow("header line too long")
        << int(E::HeaderLineTooLong) << ErrorKind::HeadersTooLarge << QStringLiteral("headers_too_large");
    QTest::newRow("too many headers")
        << int(E::TooManyHeaders) << ErrorKind::HeadersTooLarge << QStringLiteral("headers_too_large");
    QTest::newRow("head too large") << int(E::HeaderSectionTooLarge) << ErrorKind::HeadersTooLarge
                                    << QStringLiteral("headers_too_large");
    QTest::newRow("bad content-length")
        << int(E::BadContentLength) << ErrorKind::BadResponse << QStringLiteral("bad_response");
    QTest::newRow("bad chunk size") << int(E::BadChunkSize) << ErrorKind::ChunkedEncoding
                                    << QStringLiteral("chunked_encoding");
    QTest::newRow("chunk size line too long")
        << int(E::ChunkSizeLineTooLong) << ErrorKind::ChunkedEncoding << QStringLiteral("chunked_encoding");
    QTest::newRow("missing chunk CRLF")
        << int(E::MissingChunkCrlf) << ErrorKind::ChunkedEncoding << QStringLiteral("chunked_encoding");
    QTest::newRow("bad trailer") << int(E::BadTrailer) << ErrorKind::ChunkedEncoding
                                 << QStringLiteral("chunked_encoding");
    QTest::newRow("trailers too large")
        << int(E::TrailersTooLarge) << ErrorKind::ChunkedEncoding << QStringLiteral("chunked_encoding");
    QTest::newRow("body too large") << int(E::BodyTooLarge) << ErrorKind::ResponseTooLarge
                                    << QStringLiteral("response_too_large");
    QTest::newRow("closed in the head")
        << int(E::ClosedInHead) << ErrorKind::ConnectionReset << QStringLiteral("connection_reset");
    QTest::newRow("closed in the body")
        << int(E::ClosedInBody) << ErrorKind::ConnectionReset << QStringLiteral("connection_reset");
}

void tst_AttemptClassifier::parserErrorKinds()
{
    QFETCH(int, error);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, name);
    QCOMPARE(AttemptClassifier::kindFor(HttpResponseParser::Error(error)), kind);
    QCOMPARE(errorKindName(kind), name);
}

void tst_AttemptClassifier::kindNamesRoundTrip()
{
    for (int k = int(ErrorKind::None); k <= int(LastErrorKind); ++k) {
        const ErrorKind kind = ErrorKind(k);
        const int status = kind == ErrorKind::Http ? 503 : 0;
        const QString name = errorKindName(kind, status);
        QVERIFY2(name != QLatin1String("unknown"), qPrintable(QString::number(k)));
        ErrorKind back = ErrorKind::None;
        int backStatus = -1;
        QVERIFY2(errorKindFromName(name, &back, &backStatus), qPrintable(name));
        QCOMPARE(back, kind);
        QCOMPARE(backStatus, status);
    }
    // The new names, exactly as reports write them.
    ErrorKind kind = ErrorKind::None;
    int status = 0;
    for (const char *name : { "bad_status_line", "chunked_encoding", "headers_too_large", "redirect",
             "event_too_large", "buffer_budget", "missing_done", "response_too_large" })
        QVERIFY2(errorKindFromName(QString::fromLatin1(name), &kind, &status), name);
}

QTEST_GUILESS_MAIN(tst_AttemptClassifier)
#include "tst_attemptclassifier.moc"
