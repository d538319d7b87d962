#include "sim/requestcheck.h"

#include <QJsonArray>

#include <cmath>

namespace BurgerBench {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return v.toDouble() == std::floor(v.toDouble()) ? QStringLiteral("an integer")
                                                        : QStringLiteral("a decimal number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("nothing");
    }
}

bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::floor(v.toDouble());
}

class Checker
{
public:
    explicit Checker(RequestProblem *problem)
        : m_problem(problem)
    {
    }

    bool fail(const QString &param, const QString &message)
    {
        if (m_problem)
            *m_problem = { param, message };
        return false;
    }
    bool wrongType(const QString &param, const QString &expected, const QJsonValue &got)
    {
        return fail(param,
            QStringLiteral("Invalid type for '%1': expected %2, but got %3 instead.")
                .arg(param, expected, typeName(got)));
    }
    bool missing(const QString &param)
    {
        return fail(param, QStringLiteral("Missing required parameter: '%1'.").arg(param));
    }

    // Absent or null passes.
    bool optionalString(const QJsonObject &o, const QString &key, const QString &param)
    {
        const QJsonValue v = o.value(key);
        return v.isUndefined() || v.isNull() || v.isString()
            || wrongType(param, QStringLiteral("a string"), v);
    }
    bool optionalBool(const QJsonObject &o, const QString &key, const QString &param)
    {
        const QJsonValue v = o.value(key);
        return v.isUndefined() || v.isNull() || v.isBool()
            || wrongType(param, QStringLiteral("a boolean"), v);
    }
    bool optionalPositiveInt(const QJsonObject &o, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!isInteger(v))
            return wrongType(key, QStringLiteral("a positive integer"), v);
        const double x = v.toDouble();
        if (x < 1) {
            return fail(key,
                QStringLiteral("Invalid '%1': integer below minimum value. Expected a value >= 1, but got %2 "
                               "instead.")
                    .arg(key, QString::number(x, 'f', 0)));
        }
        if (x > 2147483647.0) {
            return fail(key,
                QStringLiteral(
                    "Invalid '%1': integer above maximum value. Expected a value <= 2147483647, but "
                    "got %2 instead.")
                    .arg(key, QString::number(x, 'f', 0)));
        }
        return true;
    }

    bool content(const QJsonValue &v, const QString &param, bool mayBeEmpty)
    {
        if (v.isString())
            return true;
        if ((v.isUndefined() || v.isNull()) && mayBeEmpty)
            return true;
        if (v.isUndefined())
            return missing(param);
        if (!v.isArray())
            return wrongType(param, QStringLiteral("a string or an array of content parts"), v);
        const QJsonArray parts = v.toArray();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString at = QStringLiteral("%1[%2]").arg(param).arg(i);
            if (!parts[i].isObject())
                return wrongType(at, QStringLiteral("an object"), parts[i]);
            const QJsonObject part = parts[i].toObject();
            const QJsonValue type = part.value(QLatin1String("type"));
            if (type.isUndefined())
                return missing(at + QStringLiteral(".type"));
            if (!type.isString())
                return wrongType(at + QStringLiteral(".type"), QStringLiteral("a string"), type);
            const QString t = type.toString();
            if (t == QLatin1String("text") || t == QLatin1String("input_text")
                || t == QLatin1String("output_text")) {
                const QJsonValue text = part.value(QLatin1String("text"));
                if (text.isUndefined())
                    return missing(at + QStringLiteral(".text"));
                if (!text.isString())
                    return wrongType(at + QStringLiteral(".text"), QStringLiteral("a string"), text);
            }
        }
        return true;
    }

    bool message(const QJsonValue &v, const QString &param)
    {
        if (!v.isObject())
            return wrongType(param, QStringLiteral("an object"), v);
        const QJsonObject m = v.toObject();
        const QJsonValue role = m.value(QLatin1String("role"));
        if (role.isUndefined())
            return missing(param + QStringLiteral(".role"));
        if (!role.isString())
            return wrongType(param + QStringLiteral(".role"), QStringLiteral("a string"), role);
        const bool assistant = role.toString() == QLatin1String("assistant");
        return content(m.value(QLatin1String("content")), param + QStringLiteral(".content"), assistant);
    }

    bool messages(const QJsonObject &body)
    {
        const QJsonValue v = body.value(QLatin1String("messages"));
        if (v.isUndefined())
            return missing(QStringLiteral("messages"));
        if (!v.isArray())
            return wrongType(QStringLiteral("messages"), QStringLiteral("an array of messages"), v);
        const QJsonArray array = v.toArray();
        if (array.isEmpty())
            return fail(QStringLiteral("messages"),
                QStringLiteral(
                    "Invalid 'messages': empty array. Expected an array with minimum length 1, but got "
                    "an empty array instead."));
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!message(array[i], QStringLiteral("messages[%1]").arg(i)))
                return false;
        }
        return true;
    }

    bool tokenIds(const QJsonArray &ids, const QString &param)
    {
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (!isInteger(ids[i]) || ids[i].toDouble() < 0 || ids[i].toDouble() > 2147483647.0)
                return wrongType(
                    QStringLiteral("%1[%2]").arg(param).arg(i), QStringLiteral("a token id"), ids[i]);
        }
        return true;
    }

    bool prompt(const QJsonObject &body)
    {
        const QJsonValue v = body.value(QLatin1String("prompt"));
        if (v.isUndefined())
            return missing(QStringLiteral("prompt"));
        if (v.isString())
            return true;
        const QString expected = QStringLiteral("a string or an array of strings or token ids");
        if (!v.isArray())
            return wrongType(QStringLiteral("prompt"), expected, v);
        const QJsonArray array = v.toArray();
        if (array.isEmpty())
            return fail(QStringLiteral("prompt"), QStringLiteral("Invalid 'prompt': empty array."));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue &e = array[i];
            const QString at = QStringLiteral("prompt[%1]").arg(i);
            if (e.isString())
                continue;
            if (e.isArray()) {
                if (!tokenIds(e.toArray(), at))
                    return false;
                continue;
            }
            if (!isInteger(e) || e.toDouble() < 0 || e.toDouble() > 2147483647.0)
                return wrongType(at, QStringLiteral("a string, a token id or an array of token ids"), e);
        }
        return true;
    }

    bool input(const QJsonObject &body)
    {
        const QJsonValue v = body.value(QLatin1String("input"));
        if (v.isUndefined())
            return missing(QStringLiteral("input"));
        if (v.isString())
            return true;
        if (!v.isArray())
            return wrongType(
                QStringLiteral("input"), QStringLiteral("a string or an array of input items"), v);
        const QJsonArray array = v.toArray();
        if (array.isEmpty())
            return fail(QStringLiteral("input"), QStringLiteral("Invalid 'input': empty array."));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString at = QStringLiteral("input[%1]").arg(i);
            if (!array[i].isObject())
                return wrongType(at, QStringLiteral("an object"), array[i]);
            const QJsonObject item = array[i].toObject();
            const QJsonValue type = item.value(QLatin1String("type"));
            if (!type.isUndefined() && !type.isString())
                return wrongType(at + QStringLiteral(".type"), QStringLiteral("a string"), type);
            if (type.isUndefined() || type.toString() == QLatin1String("message")) {
                if (!message(item, at))
                    return false;
            }
        }
        return true;
    }

private:
    RequestProblem *m_problem;
};

} // namespace

bool checkRequestBody(SimApi api, const QJsonObject &body, RequestProblem *problem)
{
    Checker c(problem);
    if (!c.optionalString(body, QStringLiteral("model"), QStringLiteral("model")))
        return false;
    if (api == SimApi::Tokenize) {
        if (body.contains(QLatin1String("messages"))) {
            return c.messages(body)
                && c.optionalBool(
                    body, QStringLiteral("add_generation_prompt"), QStringLiteral("add_generation_prompt"));
        }
        return c.prompt(body);
    }
    if (!c.optionalBool(body, QStringLiteral("stream"), QStringLiteral("stream")))
        return false;
    const QJsonValue options = body.value(QLatin1String("stream_options"));
    if (!options.isUndefined() && !options.isNull()) {
        if (!options.isObject())
            return c.wrongType(QStringLiteral("stream_options"), QStringLiteral("an object"), options);
        if (!c.optionalBool(options.toObject(), QStringLiteral("include_usage"),
                QStringLiteral("stream_options.include_usage")))
            return false;
    }
    switch (api) {
    case SimApi::Chat:
        return c.optionalPositiveInt(body, QStringLiteral("max_tokens"))
            && c.optionalPositiveInt(body, QStringLiteral("max_completion_tokens")) && c.messages(body);
    case SimApi::Completions:
        return c.optionalPositiveInt(body, QStringLiteral("max_tokens")) && c.prompt(body);
    case SimApi::Responses:
        return c.optionalPositiveInt(body, QStringLiteral("max_output_tokens"))
            && c.optionalString(body, QStringLiteral("instructions"), QStringLiteral("instructions"))
            && c.input(body);
    case SimApi::Tokenize:
        break;
    }
    return true;
}

} // namespace BurgerBench
