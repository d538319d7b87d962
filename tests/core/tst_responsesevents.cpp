// The Responses API's events and bodies (protocol/responsesevents.h), and reasoning deltas in
// both APIs, as the AttemptClassifier counts them: each event type alone, then whole streams fed
// to the classifier split into two reads at every byte boundary and one byte at a time, which
// must give the same record with each token event stamped by the read that completed it.
#include "protocol/attemptclassifier.h"
#include "protocol/openaichunk.h"
#include "protocol/responsesevents.h"

#include <QTest>

using namespace BurgerBench;

Q_DECLARE_METATYPE(BurgerBench::Outcome)
Q_DECLARE_METATYPE(BurgerBench::ErrorKind)

namespace {

QByteArray sse(const char *type, const QByteArray &json)
{
    return QByteArray("event: ") + type + "\ndata: " + json + "\n\n";
}

QByteArray delta(const char *type, const char *text, int sequence)
{
    return sse(type,
        QByteArray("{\"type\":\"") + type
            + "\",\"item_id\":\"x\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + text
            + "\",\"sequence_number\":" + QByteArray::number(sequence) + "}");
}

const QByteArray Usage
    = R"("usage":{"input_tokens":12,"input_tokens_details":{"cached_tokens":4},)"
      R"("output_tokens":6,"output_tokens_details":{"reasoning_tokens":3},"total_tokens":18})";

const QByteArray Created = sse("response.created",
    R"({"type":"response.created","response":{"id":"resp_1","object":"response","status":"in_progress",)"
    R"("output":[],"usage":null},"sequence_number":0})");
const QByteArray InProgress = sse("response.in_progress",
    R"({"type":"response.in_progress","response":{"id":"resp_1","status":"in_progress","usage":null},)"
    R"("sequence_number":1})");
const QByteArray ItemAdded = sse("response.output_item.added",
    R"({"type":"response.output_item.added","output_index":0,"item":{"type":"message","id":"msg_1",)"
    R"("status":"in_progress","role":"assistant","content":[]},"sequence_number":2})");
const QByteArray PartAdded = sse("response.content_part.added",
    R"({"type":"response.content_part.added","item_id":"msg_1","output_index":0,"content_index":0,)"
    R"("part":{"type":"output_text","text":"","annotations":[]},"sequence_number":3})");
const QByteArray TextDone = sse("response.output_text.done",
    R"({"type":"response.output_text.done","item_id":"msg_1","output_index":0,"content_index":0,)"
    R"("text":"Hello, world","sequence_number":10})");
const QByteArray PartDone = sse("response.content_part.done",
    R"({"type":"response.content_part.done","item_id":"msg_1","output_index":0,"content_index":0,)"
    R"("part":{"type":"output_text","text":"Hello, world","annotations":[]},"sequence_number":11})");
const QByteArray Completed = sse("response.completed",
    R"({"type":"response.completed","response":{"id":"resp_1","status":"completed","output":[],)" + Usage
        + R"(},"sequence_number":12})");

QByteArray reasoningStream()
{
    return Created + InProgress + delta("response.reasoning_text.delta", "think ", 4)
        + delta("response.reasoning_text.delta", "hard ", 5)
        + delta("response.reasoning_summary_text.delta", "thought", 6) + ItemAdded + PartAdded
        + delta("response.output_text.delta", "Hello", 7) + delta("response.output_text.delta", ", ", 8)
        + delta("response.output_text.delta", "world", 9) + TextDone + PartDone + Completed;
}

QByteArray chat(const QByteArray &delta)
{
    return "data: {\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}\n\n";
}

} // namespace

class tst_ResponsesEvents : public QObject
{
    Q_OBJECT

private slots:
    void eachEvent_data();
    void eachEvent();
    void body_data();
    void body();
    void chatReasoning_data();
    void chatReasoning();
    void splitStream_data();
    void splitStream();
};

void tst_ResponsesEvents::eachEvent_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("eventName");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("reasoning");
    QTest::addColumn<QList<int>>("usage"); // prompt, completion, cached, reasoning
    QTest::addColumn<QString>("error");

    const QList<int> none { -1, -1, -1, -1 };
    const QString empty;
    auto data = [](const QByteArray &event) {
        const qsizetype start = event.indexOf("data: ") + 6;
        return event.mid(start, event.lastIndexOf("\n\n") - start);
    };
    QTest::newRow("output_text.delta")
        << data(delta("response.output_text.delta", "Burger", 4)) << QByteArray() << int(ChunkInfo::Token)
        << QStringLiteral("Burger") << false << none << empty;
    QTest::newRow("output_text.delta, escaped")
        << QByteArray(R"({"type":"response.output_text.delta","delta":"h\u00e9 \ud83c\udf54\n"})")
        << QByteArray() << int(ChunkInfo::Token) << QStringLiteral("h\u00e9 \U0001F354\n") << false << none
        << empty;
    QTest::newRow("empty output_text.delta is still a token event")
        << QByteArray(R"({"type":"response.output_text.delta","delta":""})") << QByteArray()
        << int(ChunkInfo::Token) << empty << false << none << empty;
    QTest::newRow("reasoning_text.delta")
        << data(delta("response.reasoning_text.delta", "hmm", 4)) << QByteArray() << int(ChunkInfo::Token)
        << QStringLiteral("hmm") << true << none << empty;
    QTest::newRow("reasoning_summary_text.delta")
        << data(delta("response.reasoning_summary_text.delta", "gist", 4)) << QByteArray()
        << int(ChunkInfo::Token) << QStringLiteral("gist") << true << none << empty;
    QTest::newRow("type from the SSE event name when the JSON has none")
        << QByteArray(R"({"delta":"x"})") << QByteArray("response.output_text.delta") << int(ChunkInfo::Token)
        << QStringLiteral("x") << false << none << empty;
    QTest::newRow("the JSON type wins over the event name")
        << QByteArray(R"({"type":"response.output_text.done","text":"x"})")
        << QByteArray("response.output_text.delta") << int(ChunkInfo::Other) << empty << false << none
        << empty;
    QTest::newRow("created") << data(Created) << QByteArray() << int(ChunkInfo::Other) << empty << false
                             << none << empty;
    QTest::newRow("in_progress") << data(InProgress) << QByteArray() << int(ChunkInfo::Other) << empty
                                 << false << none << empty;
    QTest::newRow("output_item.added")
        << data(ItemAdded) << QByteArray() << int(ChunkInfo::Other) << empty << false << none << empty;
    QTest::newRow("content_part.added")
        << data(PartAdded) << QByteArray() << int(ChunkInfo::Other) << empty << false << none << empty;
    QTest::newRow("output_text.done")
        << data(TextDone) << QByteArray() << int(ChunkInfo::Other) << empty << false << none << empty;
    QTest::newRow("content_part.done")
        << data(PartDone) << QByteArray() << int(ChunkInfo::Other) << empty << false << none << empty;
    QTest::newRow("completed, with usage") << data(Completed) << QByteArray() << int(ChunkInfo::Done) << empty
                                           << false << QList<int> { 12, 6, 4, 3 } << empty;
    QTest::newRow("incomplete (max_output_tokens) ends the stream too")
        << QByteArray(R"({"type":"response.incomplete","response":{"status":"incomplete",)"
                      R"("incomplete_details":{"reason":"max_output_tokens"},)"
                      R"("usage":{"input_tokens":5,"output_tokens":16}}})")
        << QByteArray() << int(ChunkInfo::Done) << empty << false << QList<int> { 5, 16, -1, -1 } << empty;
    QTest::newRow("failed") << QByteArray(
        R"({"type":"response.failed","response":{"status":"failed",)"
        R"("error":{"code":"server_error","message":"kitchen fire"},"usage":null}})")
                            << QByteArray() << int(ChunkInfo::Error) << empty << false << none
                            << QStringLiteral("server_error: kitchen fire");
    QTest::newRow("error event") << QByteArray(R"({"type":"error","code":"rate_limit_exceeded",)"
                                               R"("message":"slow down","param":null,"sequence_number":3})")
                                 << QByteArray("error") << int(ChunkInfo::Error) << empty << false << none
                                 << QStringLiteral("rate_limit_exceeded: slow down");
    QTest::newRow("error event, nested error object")
        << QByteArray(R"({"error":{"message":"overloaded"}})") << QByteArray("error") << int(ChunkInfo::Error)
        << empty << false << none << QStringLiteral("overloaded");
    QTest::newRow("not JSON") << QByteArray("{\"type\":\"response.output_text.delta\",\"delta\":\"oo")
                              << QByteArray() << int(ChunkInfo::Malformed) << empty << false << none << empty;
    QTest::newRow("JSON that is not an object")
        << QByteArray("[1,2]") << QByteArray() << int(ChunkInfo::Malformed) << empty << false << none
        << empty;
    QTest::newRow("[DONE] from a proxy")
        << QByteArray("[DONE]") << QByteArray() << int(ChunkInfo::Done) << empty << false << none << empty;
}

void tst_ResponsesEvents::eachEvent()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, eventName);
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(bool, reasoning);
    QFETCH(QList<int>, usage);
    QFETCH(QString, error);
    const ChunkInfo info = parseResponsesEvent(data, eventName);
    QCOMPARE(int(info.kind), kind);
    QCOMPARE(info.text, text);
    QCOMPARE(info.reasoning, reasoning);
    QCOMPARE(
        (QList<int> { info.promptTokens, info.completionTokens, info.cachedTokens, info.reasoningTokens }),
        usage);
    QCOMPARE(info.errorMessage, error);
}

void tst_ResponsesEvents::body_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("usage");
    QTest::addColumn<QString>("error");

    QTest::newRow("message with two output_text parts, after a reasoning item") << QByteArray(
        R"({"id":"resp_1","object":"response","status":"completed","error":null,"output":[)"
        R"({"type":"reasoning","id":"rs_1","summary":[],"content":[{"type":"reasoning_text","text":"hm"}]},)"
        R"({"type":"message","role":"assistant","content":[{"type":"output_text","text":"Hello, "},)"
        R"({"type":"refusal","refusal":"no"},{"type":"output_text","text":"world"}]}],)"
        + Usage + "}") << int(ChunkInfo::Token) << QStringLiteral("Hello, world")
                                                                                << QList<int> { 12, 6, 4, 3 }
                                                                                << QString();
    QTest::newRow("empty output is still a response") << QByteArray(
        R"({"object":"response","status":"incomplete","output":[],"usage":{"input_tokens":1,"output_tokens":0}})")
                                                      << int(ChunkInfo::Token) << QString()
                                                      << QList<int> { 1, 0, -1, -1 } << QString();
    QTest::newRow("status failed") << QByteArray(
        R"({"object":"response","status":"failed","error":{"code":"server_error","message":"boom"},"output":[]})")
                                   << int(ChunkInfo::Error) << QString() << QList<int> { -1, -1, -1, -1 }
                                   << QStringLiteral("server_error: boom");
    QTest::newRow("an error body") << QByteArray(
        R"({"error":{"message":"bad input","type":"invalid_request_error"}})")
                                   << int(ChunkInfo::Error) << QString() << QList<int> { -1, -1, -1, -1 }
                                   << QStringLiteral("bad input");
    QTest::newRow("a chat completion is not a response")
        << QByteArray(R"({"choices":[{"message":{"content":"hi"}}]})") << int(ChunkInfo::Other) << QString()
        << QList<int> { -1, -1, -1, -1 } << QString();
    QTest::newRow("not JSON") << QByteArray("<html>") << int(ChunkInfo::Malformed) << QString()
                              << QList<int> { -1, -1, -1, -1 } << QString();
}

void tst_ResponsesEvents::body()
{
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(QList<int>, usage);
    QFETCH(QString, error);
    const ChunkInfo info = parseResponsesBody(body);
    QCOMPARE(int(info.kind), kind);
    QCOMPARE(info.text, text);
    QCOMPARE(
        (QList<int> { info.promptTokens, info.completionTokens, info.cachedTokens, info.reasoningTokens }),
        usage);
    QCOMPARE(info.errorMessage, error);
}

void tst_ResponsesEvents::chatReasoning_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("reasoning");
    QTest::addColumn<int>("reasoningTokens");

    QTest::newRow("reasoning_content (vLLM, DeepSeek)") << QByteArray(
        R"({"choices":[{"delta":{"role":"assistant","content":null,"reasoning_content":"so"}}]})")
                                                        << QStringLiteral("so") << true << -1;
    QTest::newRow("reasoning (some servers)")
        << QByteArray(R"({"choices":[{"delta":{"reasoning":"so"}}]})") << QStringLiteral("so") << true << -1;
    QTest::newRow("content beside an empty reasoning_content")
        << QByteArray(R"({"choices":[{"delta":{"content":"Hi","reasoning_content":""}}]})")
        << QStringLiteral("Hi") << false << -1;
    QTest::newRow("role-only chunk is neither")
        << QByteArray(R"({"choices":[{"delta":{"role":"assistant"}}]})") << QString() << false << -1;
    QTest::newRow("usage with completion_tokens_details")
        << QByteArray(R"({"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":9,)"
                      R"("completion_tokens_details":{"reasoning_tokens":5}}})")
        << QString() << false << 5;
}

void tst_ResponsesEvents::chatReasoning()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, text);
    QFETCH(bool, reasoning);
    QFETCH(int, reasoningTokens);
    const ChunkInfo info = parseStreamChunk(data);
    QCOMPARE(info.text, text);
    QCOMPARE(info.reasoning, reasoning);
    QCOMPARE(info.reasoningTokens, reasoningTokens);
}

void tst_ResponsesEvents::splitStream_data()
{
    QTest::addColumn<bool>("responses");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("message"); // a part of it
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("reasoningEvents");
    QTest::addColumn<int>("firstContent"); // index of the first answer event among the token events, -1 none
    QTest::addColumn<QList<int>>("usage"); // output, prompt, cached, reasoning tokens on success
    QTest::addColumn<QString>("text");

    QTest::newRow("responses: reasoning, then the answer, usage in response.completed")
        << true << reasoningStream() << Outcome::Success << ErrorKind::None << QString() << 6 << 3 << 3
        << QList<int> { 6, 12, 4, 3 } << QStringLiteral("think hard thoughtHello, world");
    QTest::newRow("responses: without reasoning, CRLF line ends")
        << true
        << QByteArray(Created + ItemAdded + PartAdded + delta("response.output_text.delta", "a", 4)
               + delta("response.output_text.delta", "b", 5) + TextDone + Completed)
               .replace("\n", "\r\n")
        << Outcome::Success << ErrorKind::None << QString() << 2 << 0 << 0 << QList<int> { 6, 12, 4, 3 }
        << QStringLiteral("ab");
    QTest::newRow("responses: response.failed after a delta")
        << true
        << QByteArray(Created + delta("response.output_text.delta", "a", 1)
               + sse("response.failed",
                   R"({"type":"response.failed","response":{"status":"failed","error":{"code":"server_error","message":"kitchen fire"}}})"))
        << Outcome::Failed << ErrorKind::StreamError << QStringLiteral("server_error: kitchen fire") << 1 << 0
        << 0 << QList<int>() << QStringLiteral("a");
    QTest::newRow("responses: error event")
        << true
        << QByteArray(Created + delta("response.output_text.delta", "a", 1)
               + sse("error",
                   R"({"type":"error","code":"server_error","message":"simulated server error","param":null})"))
        << Outcome::Failed << ErrorKind::StreamError << QStringLiteral("simulated server error") << 1 << 0
        << 0 << QList<int>() << QStringLiteral("a");
    QTest::newRow("responses: no response.completed")
        << true << QByteArray(Created + delta("response.output_text.delta", "a", 1) + TextDone)
        << Outcome::Failed << ErrorKind::MissingDone << QStringLiteral("response.completed") << 1 << 0 << 0
        << QList<int>() << QStringLiteral("a");
    QTest::newRow("responses: only lifecycle events")
        << true << QByteArray(Created + InProgress + Completed) << Outcome::Failed << ErrorKind::NoTokens
        << QString() << 0 << 0 << -1 << QList<int>() << QString();
    QTest::newRow("responses: a broken event")
        << true
        << QByteArray(Created + "event: response.output_text.delta\ndata: {\"delta\":\"oo\n\n" + Completed)
        << Outcome::Failed << ErrorKind::MalformedChunk << QStringLiteral("not JSON") << 0 << 0 << -1
        << QList<int>() << QString();
    QTest::newRow("chat: role chunk, reasoning_content, content, usage")
        << false
        << QByteArray(chat(R"({"role":"assistant","content":""})")
               + chat(R"({"reasoning_content":"let me "})") + chat(R"({"reasoning_content":"see"})")
               + chat(R"({"content":"Hi"})")
               + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":4,"
                 "\"prompt_tokens_details\":{\"cached_tokens\":2},\"completion_tokens_details\":{\"reasoning_"
                 "tokens\":2}}}\n\n"
               + "data: [DONE]\n\n")
        << Outcome::Success << ErrorKind::None << QString() << 4 << 2 << 3 << QList<int> { 4, 7, 2, 2 }
        << QStringLiteral("let me seeHi");
    QTest::newRow("chat: delta.reasoning, no usage")
        << false
        << QByteArray(chat(R"({"reasoning":"hm"})") + chat(R"({"content":"ok"})") + "data: [DONE]\n\n")
        << Outcome::Success << ErrorKind::None << QString() << 2 << 1 << 1 << QList<int> { 2, 99, -1, -1 }
        << QStringLiteral("hmok");
}

// The body through a classifier in reads cut at `cuts` (ascending offsets); each read is stamped
// with the offset where it ends, so a token event's time is the end of the read that completed it.
static std::pair<AttemptVerdict, RequestRecord> feed(
    bool responses, const QByteArray &body, const QList<qsizetype> &cuts)
{
    AttemptClassifier c({ true, 4096, responses });
    RequestRecord r;
    r.promptTokens = 99;
    r.reasoningEvents = 7; // a previous attempt's, cleared by begin()
    r.firstContentNs = 7;
    c.begin(r);
    c.onHead(r, 200, "OK", "text/event-stream");
    qsizetype pos = 0;
    for (qsizetype cut : cuts) {
        c.onBody(r, QByteArrayView(body).sliced(pos, cut - pos), cut);
        pos = cut;
    }
    c.onBody(r, QByteArrayView(body).sliced(pos), body.size());
    const AttemptVerdict v = c.finish(r, body.size() + 1);
    return { v, r };
}

void tst_ResponsesEvents::splitStream()
{
    QFETCH(bool, responses);
    QFETCH(QByteArray, body);
    QFETCH(Outcome, outcome);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, message);
    QFETCH(int, tokens);
    QFETCH(int, reasoningEvents);
    QFETCH(int, firstContent);
    QFETCH(QList<int>, usage);
    QFETCH(QString, text);

    // Where each token event ends (after its blank line): whole, it is complete at that offset.
    const auto [whole, reference] = feed(responses, body, {});
    QCOMPARE(whole.outcome, outcome);
    QCOMPARE(whole.error, kind);
    QVERIFY2(whole.message.contains(message), qPrintable(whole.message));
    QCOMPARE(int(reference.tokenNs.size()), tokens);
    QCOMPARE(reference.reasoningEvents, reasoningEvents);
    QCOMPARE(reference.text, text);
    if (outcome == Outcome::Success) {
        QCOMPARE((QList<int> { reference.outputTokens, reference.promptTokens, reference.cachedTokens,
                     reference.reasoningTokens }),
            usage);
    }

    // One byte a read: every event is stamped with the offset just past its blank line.
    QList<qsizetype> bytewise;
    for (qsizetype i = 1; i < body.size(); ++i)
        bytewise << i;
    const auto [v1, r1] = feed(responses, body, bytewise);
    QCOMPARE(v1.outcome, outcome);
    QCOMPARE(v1.error, kind);
    QCOMPARE(int(r1.tokenNs.size()), tokens);
    QCOMPARE(r1.text, text);
    QCOMPARE(r1.reasoningEvents, reasoningEvents);
    const std::vector<qint64> ends = r1.tokenNs.toVector(); // the event end offsets
    for (qint64 end : ends) {
        QVERIFY2(end >= 2 && (body.at(end - 1) == '\n' || body.at(end - 1) == '\r'),
            qPrintable(QString::number(end)));
    }
    QCOMPARE(r1.firstContentNs, firstContent >= 0 ? ends.at(firstContent) : qint64(-1));

    // Two reads, cut at every byte: events whole in the first read get its time.
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        const auto [v, r] = feed(responses, body, { cut });
        const QByteArray where = "cut at " + QByteArray::number(cut);
        QVERIFY2(v.outcome == outcome && v.error == kind, where.constData());
        QVERIFY2(r.text == text && r.reasoningEvents == reasoningEvents, where.constData());
        QVERIFY2(int(r.tokenNs.size()) == tokens, where.constData());
        for (size_t i = 0; i < ends.size(); ++i)
            QVERIFY2(r.tokenNs[i] == (ends[i] <= cut ? cut : body.size()), where.constData());
        const qint64 expectFirst = firstContent < 0 ? -1 : (ends.at(firstContent) <= cut ? cut : body.size());
        QVERIFY2(r.firstContentNs == expectFirst, where.constData());
        if (outcome == Outcome::Success) {
            QVERIFY2(
                (QList<int> { r.outputTokens, r.promptTokens, r.cachedTokens, r.reasoningTokens }) == usage,
                where.constData());
        }
    }
}

QTEST_GUILESS_MAIN(tst_ResponsesEvents)
#include "tst_responsesevents.moc"
