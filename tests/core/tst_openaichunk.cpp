#include "protocol/openaichunk.h"

#include <QTest>

using namespace BurgerBench;

class tst_OpenAiChunk : public QObject
{
    Q_OBJECT

private slots:
    void streamChunk_data();
    void streamChunk();
    void completionBody_data();
    void completionBody();

private:
    void addColumns();
    void check(const ChunkInfo &info);
};

void tst_OpenAiChunk::addColumns()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("eventName");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("promptTokens");
    QTest::addColumn<int>("completionTokens");
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<QString>("errorMessage");
}

void tst_OpenAiChunk::check(const ChunkInfo &info)
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(int, promptTokens);
    QFETCH(int, completionTokens);
    QFETCH(QString, finishReason);
    QFETCH(QString, errorMessage);
    QCOMPARE(int(info.kind), kind);
    QCOMPARE(info.text, text);
    QCOMPARE(info.promptTokens, promptTokens);
    QCOMPARE(info.completionTokens, completionTokens);
    QCOMPARE(info.finishReason, finishReason);
    QCOMPARE(info.errorMessage, errorMessage);
}

void tst_OpenAiChunk::streamChunk_data()
{
    addColumns();
    const QByteArray none;
    const QByteArray error = QByteArrayLiteral("error");
    const QString empty;

    // Token events (METRICS.md item 4): any non-empty "choices", whatever the delta holds.
    QTest::newRow("role-only chunk with empty content is a token")
        << QByteArrayLiteral(
               R"({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,)"
               R"("delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]})")
        << none << int(ChunkInfo::Token) << empty << -1 << -1 << empty << empty;
    QTest::newRow("content token") << QByteArrayLiteral(
        R"({"choices":[{"index":0,"delta":{"content":"Burger"},"finish_reason":null}]})")
                                   << none << int(ChunkInfo::Token) << QStringLiteral("Burger") << -1 << -1
                                   << empty << empty;
    QTest::newRow("escaped unicode content")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"h\u00e9 \ud83c\udf54\n"}}]})") << none
        << int(ChunkInfo::Token) << QStringLiteral("h\u00e9 \U0001F354\n") << -1 << -1 << empty << empty;
    QTest::newRow("finish-only chunk is a token")
        << QByteArrayLiteral(R"({"choices":[{"index":0,"delta":{},"finish_reason":"length"}]})") << none
        << int(ChunkInfo::Token) << empty << -1 << -1 << QStringLiteral("length") << empty;
    QTest::newRow("token chunk carrying usage")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"!"},"finish_reason":"stop"}],)"
                             R"("usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}})")
        << none << int(ChunkInfo::Token) << QStringLiteral("!") << 12 << 3 << QStringLiteral("stop") << empty;
    QTest::newRow("usage null on a token chunk")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"a"}}],"usage":null})") << none
        << int(ChunkInfo::Token) << QStringLiteral("a") << -1 << -1 << empty << empty;
    QTest::newRow("reasoning_content when content is null")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":null,"reasoning_content":"think"}}]})")
        << none << int(ChunkInfo::Token) << QStringLiteral("think") << -1 << -1 << empty << empty;
    QTest::newRow("reasoning when content is empty")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"","reasoning":"hmm"}}]})") << none
        << int(ChunkInfo::Token) << QStringLiteral("hmm") << -1 << -1 << empty << empty;
    QTest::newRow("content preferred over reasoning")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"a","reasoning_content":"b"}}]})") << none
        << int(ChunkInfo::Token) << QStringLiteral("a") << -1 << -1 << empty << empty;
    QTest::newRow("completions text")
        << QByteArrayLiteral(R"({"object":"text_completion","choices":[{"index":0,"text":" world",)"
                             R"("logprobs":null,"finish_reason":null}]})")
        << none << int(ChunkInfo::Token) << QStringLiteral(" world") << -1 << -1 << empty << empty;
    QTest::newRow("choice that is not an object is still a token")
        << QByteArrayLiteral(R"({"choices":[null]})") << none << int(ChunkInfo::Token) << empty << -1 << -1
        << empty << empty;
    QTest::newRow("error null is not an error")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"x"}}],"error":null})") << none
        << int(ChunkInfo::Token) << QStringLiteral("x") << -1 << -1 << empty << empty;

    // Usage-only: counts but not a token event.
    QTest::newRow("usage-only chunk with empty choices")
        << QByteArrayLiteral(R"({"id":"c1","choices":[],"usage":{"prompt_tokens":32,)"
                             R"("completion_tokens":64,"total_tokens":96}})")
        << none << int(ChunkInfo::UsageOnly) << empty << 32 << 64 << empty << empty;
    QTest::newRow("usage-only chunk without choices")
        << QByteArrayLiteral(R"({"usage":{"completion_tokens":7}})") << none << int(ChunkInfo::UsageOnly)
        << empty << -1 << 7 << empty << empty;

    QTest::newRow("done") << QByteArrayLiteral("[DONE]") << none << int(ChunkInfo::Done) << empty << -1 << -1
                          << empty << empty;
    QTest::newRow("done with surrounding whitespace")
        << QByteArrayLiteral(" \t[DONE] \r\n") << none << int(ChunkInfo::Done) << empty << -1 << -1 << empty
        << empty;
    QTest::newRow("done is case sensitive")
        << QByteArrayLiteral("[done]") << none << int(ChunkInfo::Malformed) << empty << -1 << -1 << empty
        << empty;

    QTest::newRow("broken json") << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"a)") << none
                                 << int(ChunkInfo::Malformed) << empty << -1 << -1 << empty << empty;
    QTest::newRow("json array") << QByteArrayLiteral(R"([{"choices":[]}])") << none
                                << int(ChunkInfo::Malformed) << empty << -1 << -1 << empty << empty;
    QTest::newRow("json scalar") << QByteArrayLiteral("42") << none << int(ChunkInfo::Malformed) << empty
                                 << -1 << -1 << empty << empty;
    QTest::newRow("empty payload") << QByteArray() << none << int(ChunkInfo::Malformed) << empty << -1 << -1
                                   << empty << empty;

    QTest::newRow("error object") << QByteArrayLiteral(
        R"({"error":{"message":"Server overloaded","type":"server_error","code":503}})")
                                  << none << int(ChunkInfo::Error) << empty << -1 << -1 << empty
                                  << QStringLiteral("Server overloaded");
    QTest::newRow("error string") << QByteArrayLiteral(R"({"error":"bad things"})") << none
                                  << int(ChunkInfo::Error) << empty << -1 << -1 << empty
                                  << QStringLiteral("bad things");
    QTest::newRow("error object without message keeps the raw payload")
        << QByteArrayLiteral(R"( {"error":{"code":500}} )") << none << int(ChunkInfo::Error) << empty << -1
        << -1 << empty << QStringLiteral(R"({"error":{"code":500}})");
    QTest::newRow("error wins over choices")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"x"}}],"error":{"message":"mid-stream"}})")
        << none << int(ChunkInfo::Error) << empty << -1 << -1 << empty << QStringLiteral("mid-stream");
    QTest::newRow("event error with json")
        << QByteArrayLiteral(R"({"error":{"message":"boom"}})") << error << int(ChunkInfo::Error) << empty
        << -1 << -1 << empty << QStringLiteral("boom");
    QTest::newRow("event error with json without error member")
        << QByteArrayLiteral(R"({"message":"engine died"})") << error << int(ChunkInfo::Error) << empty << -1
        << -1 << empty << QStringLiteral("engine died");
    QTest::newRow("event error with plain text")
        << QByteArrayLiteral("upstream died\n") << error << int(ChunkInfo::Error) << empty << -1 << -1
        << empty << QStringLiteral("upstream died");
    QTest::newRow("event error with a token-looking payload")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"x"}}]})") << error << int(ChunkInfo::Error)
        << empty << -1 << -1 << empty << QStringLiteral(R"({"choices":[{"delta":{"content":"x"}}]})");
    QTest::newRow("other event name is ordinary")
        << QByteArrayLiteral(R"({"choices":[{"delta":{"content":"x"}}]})") << QByteArrayLiteral("message")
        << int(ChunkInfo::Token) << QStringLiteral("x") << -1 << -1 << empty << empty;

    QTest::newRow("object with nothing known")
        << QByteArrayLiteral(R"({"id":"x","object":"keepalive"})") << none << int(ChunkInfo::Other) << empty
        << -1 << -1 << empty << empty;
    QTest::newRow("empty choices without usage")
        << QByteArrayLiteral(R"({"choices":[],"usage":null})") << none << int(ChunkInfo::Other) << empty << -1
        << -1 << empty << empty;
    QTest::newRow("choices not an array") << QByteArrayLiteral(R"({"choices":{"0":{}}})") << none
                                          << int(ChunkInfo::Other) << empty << -1 << -1 << empty << empty;
}

void tst_OpenAiChunk::streamChunk()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, eventName);
    check(parseStreamChunk(data, eventName));
}

void tst_OpenAiChunk::completionBody_data()
{
    addColumns();
    const QByteArray none;
    const QString empty;

    QTest::newRow("chat body") << QByteArrayLiteral(
        R"({"id":"c","object":"chat.completion","choices":[{"index":0,"message":)"
        R"({"role":"assistant","content":"Two patties."},"finish_reason":"stop"}],)"
        R"("usage":{"prompt_tokens":10,"completion_tokens":4,"total_tokens":14}})")
                               << none << int(ChunkInfo::Token) << QStringLiteral("Two patties.") << 10 << 4
                               << QStringLiteral("stop") << empty;
    QTest::newRow("chat body of a reasoning model")
        << QByteArrayLiteral(R"({"choices":[{"message":{"content":null,"reasoning_content":"r"}}]})") << none
        << int(ChunkInfo::Token) << QStringLiteral("r") << -1 << -1 << empty << empty;
    QTest::newRow("completions body") << QByteArrayLiteral(
        R"({"object":"text_completion","choices":[{"index":0,"text":"Bun.",)"
        R"("finish_reason":"length"}],"usage":{"prompt_tokens":5,"completion_tokens":2}})")
                                      << none << int(ChunkInfo::Token) << QStringLiteral("Bun.") << 5 << 2
                                      << QStringLiteral("length") << empty;
    QTest::newRow("error body") << QByteArrayLiteral(R"({"error":{"message":"model not found","code":404}})")
                                << none << int(ChunkInfo::Error) << empty << -1 << -1 << empty
                                << QStringLiteral("model not found");
    QTest::newRow("error string body")
        << QByteArrayLiteral(R"({"error":"nope"})") << none << int(ChunkInfo::Error) << empty << -1 << -1
        << empty << QStringLiteral("nope");
    QTest::newRow("not json") << QByteArrayLiteral("<html>502 Bad Gateway</html>") << none
                              << int(ChunkInfo::Malformed) << empty << -1 << -1 << empty << empty;
    QTest::newRow("json array body") << QByteArrayLiteral("[]") << none << int(ChunkInfo::Malformed) << empty
                                     << -1 << -1 << empty << empty;
    QTest::newRow("empty choices") << QByteArrayLiteral(R"({"choices":[]})") << none << int(ChunkInfo::Other)
                                   << empty << -1 << -1 << empty << empty;
}

void tst_OpenAiChunk::completionBody()
{
    QFETCH(QByteArray, data);
    check(parseCompletionBody(data));
}

QTEST_GUILESS_MAIN(tst_OpenAiChunk)
#include "tst_openaichunk.moc"
