#include "sim/responsesapi.h"

#include "sim/simtokenizer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace BurgerBench {

namespace {

QByteArray event(const char *type, QJsonObject data, int *sequence)
{
    data.insert(QLatin1String("type"), QLatin1String(type));
    data.insert(QLatin1String("sequence_number"), (*sequence)++);
    return QByteArrayLiteral("event: ") + type + QByteArrayLiteral("\ndata: ")
        + QJsonDocument(data).toJson(QJsonDocument::Compact) + QByteArrayLiteral("\n\n");
}

QJsonObject textPart(const QString &text)
{
    return QJsonObject { { QLatin1String("type"), QStringLiteral("output_text") },
        { QLatin1String("text"), text }, { QLatin1String("annotations"), QJsonArray {} } };
}

QJsonObject messageItem(const ResponsesApi::Reply &reply, bool finished, const QString &text)
{
    return QJsonObject { { QLatin1String("type"), QStringLiteral("message") },
        { QLatin1String("id"), QString::fromLatin1(reply.messageId) },
        { QLatin1String("status"), finished ? QStringLiteral("completed") : QStringLiteral("in_progress") },
        { QLatin1String("role"), QStringLiteral("assistant") },
        { QLatin1String("content"), finished ? QJsonArray { textPart(text) } : QJsonArray {} } };
}

int messageIndex(const ResponsesApi::Reply &reply)
{
    return reply.reasoningTokens > 0 ? 1 : 0;
}

QJsonObject partRef(const ResponsesApi::Reply &reply)
{
    return QJsonObject { { QLatin1String("item_id"), QString::fromLatin1(reply.messageId) },
        { QLatin1String("output_index"), messageIndex(reply) }, { QLatin1String("content_index"), 0 } };
}

QJsonObject reasoningPart(const QString &text)
{
    return QJsonObject { { QLatin1String("type"), QStringLiteral("reasoning_text") },
        { QLatin1String("text"), text } };
}

// openai-python's ResponseReasoningItem, its text as content[0] (a reasoning_text part).
QJsonObject reasoningItem(const ResponsesApi::Reply &reply, bool finished, const QString &text)
{
    return QJsonObject { { QLatin1String("type"), QStringLiteral("reasoning") },
        { QLatin1String("id"), QString::fromLatin1(reply.reasoningId) },
        { QLatin1String("status"), finished ? QStringLiteral("completed") : QStringLiteral("in_progress") },
        { QLatin1String("summary"), QJsonArray {} },
        { QLatin1String("content"), finished ? QJsonArray { reasoningPart(text) } : QJsonArray {} } };
}

QJsonObject reasoningRef(const ResponsesApi::Reply &reply)
{
    return QJsonObject { { QLatin1String("item_id"), QString::fromLatin1(reply.reasoningId) },
        { QLatin1String("output_index"), 0 }, { QLatin1String("content_index"), 0 } };
}

QByteArray messageStartEvents(const ResponsesApi::Reply &reply, int *sequence)
{
    QByteArray out = event("response.output_item.added",
        QJsonObject { { QLatin1String("output_index"), messageIndex(reply) },
            { QLatin1String("item"), messageItem(reply, false, {}) } },
        sequence);
    QJsonObject part = partRef(reply);
    part.insert(QLatin1String("part"), textPart({}));
    out += event("response.content_part.added", part, sequence);
    return out;
}

} // namespace

std::vector<qint32> ResponsesApi::tokenizeInput(const QJsonObject &body, int *messages)
{
    QJsonArray chat;
    const QJsonValue instructions = body.value(QLatin1String("instructions"));
    if (instructions.isString()) {
        chat.append(QJsonObject { { QLatin1String("role"), QStringLiteral("system") },
            { QLatin1String("content"), instructions } });
    }
    const QJsonValue input = body.value(QLatin1String("input"));
    int count = 0;
    if (input.isString()) {
        chat.append(QJsonObject {
            { QLatin1String("role"), QStringLiteral("user") }, { QLatin1String("content"), input } });
        count = 1;
    } else {
        const QJsonArray items = input.toArray();
        for (const auto &value : items) {
            const QJsonObject item = value.toObject();
            const QJsonValue type = item.value(QLatin1String("type"));
            if (type.isUndefined() || type.toString() == QLatin1String("message")) {
                chat.append(item);
                ++count;
            }
        }
    }
    if (messages)
        *messages = count;
    return SimTokenizer::tokenizeChat(chat);
}

QJsonObject ResponsesApi::response(
    const Reply &reply, bool finished, const QString &text, const Usage &usage, const QString &reasoning)
{
    QJsonArray output;
    if (finished) {
        if (reply.reasoningTokens > 0)
            output.append(reasoningItem(reply, true, reasoning));
        output.append(messageItem(reply, true, text));
    }
    const bool incomplete = finished && reply.incomplete;
    QJsonObject o {
        { QLatin1String("id"), QString::fromLatin1(reply.responseId) },
        { QLatin1String("object"), QStringLiteral("response") },
        { QLatin1String("created_at"), double(reply.createdAt) },
        { QLatin1String("status"),
            !finished        ? QStringLiteral("in_progress")
                : incomplete ? QStringLiteral("incomplete")
                             : QStringLiteral("completed") },
        { QLatin1String("error"), QJsonValue::Null },
        { QLatin1String("incomplete_details"),
            incomplete
                ? QJsonValue(QJsonObject { { QLatin1String("reason"), QStringLiteral("max_output_tokens") } })
                : QJsonValue(QJsonValue::Null) },
        { QLatin1String("instructions"),
            reply.instructions.isString() ? reply.instructions : QJsonValue::Null },
        { QLatin1String("max_output_tokens"),
            reply.maxOutputTokens.isDouble() ? reply.maxOutputTokens : QJsonValue::Null },
        { QLatin1String("model"), reply.model },
        { QLatin1String("output"), output },
        { QLatin1String("parallel_tool_calls"), true },
        { QLatin1String("previous_response_id"), QJsonValue::Null },
        { QLatin1String("temperature"), 1.0 },
        { QLatin1String("top_p"), 1.0 },
        { QLatin1String("tool_choice"), QStringLiteral("auto") },
        { QLatin1String("tools"), QJsonArray {} },
        { QLatin1String("truncation"), QStringLiteral("disabled") },
        { QLatin1String("text"),
            QJsonObject { { QLatin1String("format"),
                QJsonObject { { QLatin1String("type"), QStringLiteral("text") } } } } },
        { QLatin1String("metadata"), QJsonObject {} },
    };
    if (!finished) {
        o.insert(QLatin1String("usage"), QJsonValue::Null);
        return o;
    }
    o.insert(QLatin1String("usage"),
        QJsonObject { { QLatin1String("input_tokens"), usage.inputTokens },
            { QLatin1String("input_tokens_details"),
                QJsonObject { { QLatin1String("cached_tokens"), usage.cachedTokens } } },
            { QLatin1String("output_tokens"), usage.outputTokens },
            { QLatin1String("output_tokens_details"),
                QJsonObject { { QLatin1String("reasoning_tokens"), usage.reasoningTokens } } },
            { QLatin1String("total_tokens"), usage.inputTokens + usage.outputTokens } });
    return o;
}

QByteArray ResponsesApi::startEvents(const Reply &reply, int *sequence)
{
    const QJsonObject inProgress = response(reply, false, {}, {});
    QByteArray out
        = event("response.created", QJsonObject { { QLatin1String("response"), inProgress } }, sequence);
    out += event("response.in_progress", QJsonObject { { QLatin1String("response"), inProgress } }, sequence);
    if (reply.reasoningTokens <= 0)
        return out + messageStartEvents(reply, sequence);
    out += event("response.output_item.added",
        QJsonObject { { QLatin1String("output_index"), 0 },
            { QLatin1String("item"), reasoningItem(reply, false, {}) } },
        sequence);
    QJsonObject part = reasoningRef(reply);
    part.insert(QLatin1String("part"), reasoningPart({}));
    out += event("response.content_part.added", part, sequence);
    return out;
}

QByteArray ResponsesApi::answerStartEvents(const Reply &reply, const QString &reasoning, int *sequence)
{
    QJsonObject done = reasoningRef(reply);
    done.insert(QLatin1String("text"), reasoning);
    QByteArray out = event("response.reasoning_text.done", done, sequence);
    QJsonObject part = reasoningRef(reply);
    part.insert(QLatin1String("part"), reasoningPart(reasoning));
    out += event("response.content_part.done", part, sequence);
    out += event("response.output_item.done",
        QJsonObject { { QLatin1String("output_index"), 0 },
            { QLatin1String("item"), reasoningItem(reply, true, reasoning) } },
        sequence);
    return out + messageStartEvents(reply, sequence);
}

QByteArray ResponsesApi::reasoningDeltaPrefix(const Reply &reply)
{
    return QByteArrayLiteral(
               "event: response.reasoning_text.delta\ndata: {\"type\":\"response.reasoning_text.delta\","
               "\"item_id\":\"")
        + reply.reasoningId + QByteArrayLiteral("\",\"output_index\":0,\"content_index\":0,\"delta\":\"");
}

QByteArray ResponsesApi::deltaPrefix(const Reply &reply)
{
    // Field order is free in JSON: the varying parts (delta, sequence_number) go last.
    return QByteArrayLiteral(
               "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
               "\"item_id\":\"")
        + reply.messageId + QByteArrayLiteral("\",\"output_index\":")
        + QByteArray::number(messageIndex(reply))
        + QByteArrayLiteral(",\"content_index\":0,\"logprobs\":[],\"delta\":\"");
}

QByteArray ResponsesApi::endEvents(const Reply &reply, const QString &text, const Usage &usage, int *sequence,
    bool finalEvent, const QString &reasoning)
{
    QJsonObject done = partRef(reply);
    done.insert(QLatin1String("text"), text);
    done.insert(QLatin1String("logprobs"), QJsonArray {});
    QByteArray out = event("response.output_text.done", done, sequence);
    QJsonObject part = partRef(reply);
    part.insert(QLatin1String("part"), textPart(text));
    out += event("response.content_part.done", part, sequence);
    out += event("response.output_item.done",
        QJsonObject { { QLatin1String("output_index"), messageIndex(reply) },
            { QLatin1String("item"), messageItem(reply, true, text) } },
        sequence);
    if (finalEvent) {
        out += event(reply.incomplete ? "response.incomplete" : "response.completed",
            QJsonObject { { QLatin1String("response"), response(reply, true, text, usage, reasoning) } },
            sequence);
    }
    return out;
}

QByteArray ResponsesApi::errorEvent(const QString &message, int *sequence)
{
    return event("error",
        QJsonObject { { QLatin1String("code"), QStringLiteral("server_error") },
            { QLatin1String("message"), message }, { QLatin1String("param"), QJsonValue::Null } },
        sequence);
}

} // namespace BurgerBench
