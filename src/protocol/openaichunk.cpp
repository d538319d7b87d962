#include "protocol/openaichunk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <initializer_list>

namespace BurgerBench {

bool parseJsonObject(QByteArrayView data, QJsonObject *object)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *object = doc.object();
    return true;
}

namespace {

// Usage counts are read from every kind of chunk: vLLM and others attach "usage" to the last
// token chunk, OpenAI sends it alone with "choices": [] and most servers send "usage": null on
// every other chunk (hence the isObject() check).
void readUsage(const QJsonObject &object, ChunkInfo *info)
{
    const QJsonValue usage = object.value(QLatin1String("usage"));
    if (!usage.isObject())
        return;
    const QJsonObject u = usage.toObject();
    info->promptTokens = u.value(QLatin1String("prompt_tokens")).toInt(-1);
    info->completionTokens = u.value(QLatin1String("completion_tokens")).toInt(-1);
    const QJsonValue details = u.value(QLatin1String("prompt_tokens_details"));
    if (details.isObject())
        info->cachedTokens = details.toObject().value(QLatin1String("cached_tokens")).toInt(-1);
    const QJsonValue completion = u.value(QLatin1String("completion_tokens_details"));
    if (completion.isObject())
        info->reasoningTokens = completion.toObject().value(QLatin1String("reasoning_tokens")).toInt(-1);
}

bool hasError(const QJsonObject &object)
{
    const QJsonValue error = object.value(QLatin1String("error"));
    return error.isObject() || error.isString();
}

// error.message for {"error": {"message": ...}}, the string for {"error": "..."}, a top-level
// "message", else `raw` (the payload as sent) so nothing the server said is lost.
QString errorMessage(const QJsonObject &object, QByteArrayView raw)
{
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isString())
        return error.toString();
    if (error.isObject()) {
        const QJsonObject e = error.toObject();
        const QJsonValue message = e.value(QLatin1String("message"));
        if (message.isString())
            return message.toString();
    }
    const QJsonValue message = object.value(QLatin1String("message"));
    if (message.isString())
        return message.toString();
    return QString::fromUtf8(raw.trimmed());
}

QString firstNonEmptyString(const QJsonObject &object, std::initializer_list<QLatin1String> keys)
{
    for (const QLatin1String &key : keys) {
        QString s = object.value(key).toString();
        if (!s.isEmpty())
            return s;
    }
    return {};
}

// choices[0] of a chunk or body; `message` is "delta" for a stream chunk and "message" for a
// whole body. Chat servers put the text there (content, or reasoning_content / reasoning for
// reasoning models); the completions endpoint puts it in "text".
void readChoice(const QJsonObject &choice, QLatin1String message, ChunkInfo *info)
{
    const QJsonObject m = choice.value(message).toObject();
    info->text = m.value(QLatin1String("content")).toString();
    if (info->text.isEmpty()) {
        info->text
            = firstNonEmptyString(m, { QLatin1String("reasoning_content"), QLatin1String("reasoning") });
        info->reasoning = !info->text.isEmpty();
    }
    if (info->text.isEmpty())
        info->text = choice.value(QLatin1String("text")).toString();
    const QJsonValue finish = choice.value(QLatin1String("finish_reason"));
    if (finish.isString())
        info->finishReason = finish.toString();
}

ChunkInfo parseObjectChunk(const QJsonObject &object, QByteArrayView raw, QLatin1String message)
{
    ChunkInfo info;
    readUsage(object, &info);
    if (hasError(object)) {
        info.kind = ChunkInfo::Error;
        info.errorMessage = errorMessage(object, raw);
        return info;
    }
    const QJsonArray choices = object.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty()) {
        // A token event even when the text is empty (role-only or finish-only chunks): that is
        // what vLLM counts, and METRICS.md item 4 follows it.
        info.kind = ChunkInfo::Token;
        readChoice(choices.at(0).toObject(), message, &info);
        return info;
    }
    info.kind = object.value(QLatin1String("usage")).isObject() ? ChunkInfo::UsageOnly : ChunkInfo::Other;
    return info;
}

} // namespace

ChunkInfo parseStreamChunk(QByteArrayView data, QByteArrayView eventName)
{
    ChunkInfo info;
    if (data.trimmed() == "[DONE]") {
        info.kind = ChunkInfo::Done;
        return info;
    }

    QJsonObject object;
    const bool isObject = parseJsonObject(data, &object);

    if (eventName == "error") {
        info.kind = ChunkInfo::Error;
        if (isObject)
            readUsage(object, &info);
        info.errorMessage = isObject ? errorMessage(object, data) : QString::fromUtf8(data.trimmed());
        return info;
    }

    if (!isObject) {
        info.kind = ChunkInfo::Malformed;
        return info;
    }
    return parseObjectChunk(object, data, QLatin1String("delta"));
}

ChunkInfo parseCompletionBody(QByteArrayView body)
{
    QJsonObject object;
    if (!parseJsonObject(body, &object)) {
        ChunkInfo info;
        info.kind = ChunkInfo::Malformed;
        return info;
    }
    return parseObjectChunk(object, body, QLatin1String("message"));
}

} // namespace BurgerBench
