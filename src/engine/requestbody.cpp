#include "engine/requestbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace BurgerBench {

QString RequestBody::generatePrompt(int words)
{
    static const char *const vocabulary[]
        = { "please", "describe", "the", "perfect", "burger", "with", "cheese", "pickles", "onions", "and",
              "a", "toasted", "bun", "for", "two", "hungry", "people", "waiting", "at", "table", "seven" };
    constexpr int n = int(sizeof(vocabulary) / sizeof(vocabulary[0]));
    QString out;
    out.reserve(words * 7);
    for (int i = 0; i < words; ++i) {
        if (i)
            out += u' ';
        out += QLatin1String(vocabulary[i % n]);
    }
    return out;
}

int RequestBody::countWords(const QString &text)
{
    int count = 0;
    bool inWord = false;
    for (QChar c : text) {
        if (c.isSpace()) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            ++count;
        }
    }
    return count;
}

RequestBody RequestBody::build(const Scenario &s)
{
    const QString prompt = s.prompt.isEmpty() ? generatePrompt(s.promptTokens) : s.prompt;
    QJsonObject o;
    o.insert(QStringLiteral("model"), s.model);
    if (s.endpoint == Endpoint::Chat) {
        o.insert(QStringLiteral("messages"),
            QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                { QStringLiteral("content"), prompt } } });
        o.insert(QStringLiteral("max_completion_tokens"), s.maxTokens);
    } else {
        o.insert(QStringLiteral("prompt"), prompt);
    }
    // max_tokens too: some servers (older vLLM, llama.cpp) read only that one.
    o.insert(QStringLiteral("max_tokens"), s.maxTokens);
    o.insert(QStringLiteral("stream"), s.stream);
    if (s.stream)
        o.insert(QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    if (s.ignoreEos)
        o.insert(QStringLiteral("ignore_eos"), true);
    RequestBody body;
    body.json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    body.promptTokens = countWords(prompt);
    return body;
}

} // namespace BurgerBench
