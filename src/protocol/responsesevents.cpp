#include "protocol/responsesevents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace BurgerBench {

namespace {

int detail(const QJsonObject &usage, QLatin1String details, QLatin1String key)
{
    const QJsonValue d = usage.value(details);
    return d.isObject() ? d.toObject().value(key).toInt(-1) : -1;
}

// A Response's usage; null while the response is in progress.
void readUsage(const QJsonObject &response, ChunkInfo *info)
{
    const QJsonValue usage = response.value(QLatin1String("usage"));
    if (!usage.isObject())
        return;
    const QJsonObject u = usage.toObject();
    info->promptTokens = u.value(QLatin1String("input_tokens")).toInt(-1);
    info->completionTokens = u.value(QLatin1String("output_tokens")).toInt(-1);
    info->cachedTokens = detail(u, QLatin1String("input_tokens_details"), QLatin1String("cached_tokens"));
    info->reasoningTokens
        = detail(u, QLatin1String("output_tokens_details"), QLatin1String("reasoning_tokens"));
}

// "code: message" of an error object ({"code", "message"} in this API), or what there is of it;
// `raw` when it holds neither, so nothing the server said is lost.
QString errorText(const QJsonObject &error, QByteArrayView raw)
{
    QString code = error.value(QLatin1String("code")).toString();
    QString message = error.value(QLatin1String("message")).toString();
    if (!code.isEmpty() && !message.isEmpty())
        return code + QStringLiteral(": ") + message;
    if (!message.isEmpty())
        return message;
    if (!code.isEmpty())
        return code;
    return QString::fromUtf8(raw.trimmed()).left(200);
}

ChunkInfo failed(const QJsonObject &response, QByteArrayView raw)
{
    ChunkInfo info;
    info.kind = ChunkInfo::Error;
    readUsage(response, &info);
    info.errorMessage = errorText(response.value(QLatin1String("error")).toObject(), raw);
    return info;
}

} // namespace

ChunkInfo parseResponsesEvent(QByteArrayView data, QByteArrayView eventName)
{
    ChunkInfo info;
    QJsonObject object;
    if (!parseJsonObject(data, &object)) {
        // Not part of this API, but a proxy in front of it may end the stream the chat way.
        info.kind = data.trimmed() == "[DONE]" ? ChunkInfo::Done : ChunkInfo::Malformed;
        return info;
    }
    QString type = object.value(QLatin1String("type")).toString();
    if (type.isEmpty())
        type = QString::fromUtf8(eventName.data(), eventName.size());

    if (type == QLatin1String("response.output_text.delta")) {
        info.kind = ChunkInfo::Token;
        info.text = object.value(QLatin1String("delta")).toString();
    } else if (type == QLatin1String("response.reasoning_text.delta")
        || type == QLatin1String("response.reasoning_summary_text.delta")) {
        info.kind = ChunkInfo::Token;
        info.reasoning = true;
        info.text = object.value(QLatin1String("delta")).toString();
    } else if (type == QLatin1String("response.completed") || type == QLatin1String("response.incomplete")) {
        info.kind = ChunkInfo::Done;
        readUsage(object.value(QLatin1String("response")).toObject(), &info);
    } else if (type == QLatin1String("response.failed")) {
        return failed(object.value(QLatin1String("response")).toObject(), data);
    } else if (type == QLatin1String("error")) {
        info.kind = ChunkInfo::Error;
        // {"type":"error","code","message","param"}; some servers nest it as {"error": {...}}.
        const QJsonValue nested = object.value(QLatin1String("error"));
        info.errorMessage = errorText(nested.isObject() ? nested.toObject() : object, data);
    }
    return info;
}

ChunkInfo parseResponsesBody(QByteArrayView body)
{
    ChunkInfo info;
    QJsonObject object;
    if (!parseJsonObject(body, &object)) {
        info.kind = ChunkInfo::Malformed;
        return info;
    }
    // A Response carries "error": null when it did not fail.
    if (object.value(QLatin1String("status")).toString() == QLatin1String("failed")
        || object.value(QLatin1String("error")).isObject())
        return failed(object, body);
    readUsage(object, &info);
    const QJsonValue output = object.value(QLatin1String("output"));
    if (!output.isArray())
        return info;
    info.kind = ChunkInfo::Token;
    for (const auto &item : output.toArray()) {
        const QJsonObject o = item.toObject();
        if (o.value(QLatin1String("type")).toString() != QLatin1String("message"))
            continue; // reasoning, tool calls: not the answer's text
        for (const auto &part : o.value(QLatin1String("content")).toArray()) {
            const QJsonObject p = part.toObject();
            if (p.value(QLatin1String("type")).toString() == QLatin1String("output_text"))
                info.text += p.value(QLatin1String("text")).toString();
        }
    }
    // As chat's finish_reason: incomplete_details.reason is "max_output_tokens" (or a filter).
    const QString status = object.value(QLatin1String("status")).toString();
    if (status == QLatin1String("completed"))
        info.finishReason = QStringLiteral("stop");
    else if (status == QLatin1String("incomplete"))
        info.finishReason = QStringLiteral("length");
    return info;
}

} // namespace BurgerBench
