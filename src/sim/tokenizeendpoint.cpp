#include "sim/tokenizeendpoint.h"

#include "sim/requestcheck.h"
#include "sim/simtokenizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace BurgerBench {

TokenizeReply answerTokenize(const QByteArray &body, int maxModelLen)
{
    TokenizeReply reply;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        reply.status = 400;
        reply.errorMessage = QStringLiteral("request body is not a JSON object");
        return reply;
    }
    const QJsonObject request = document.object();
    RequestProblem problem;
    if (!checkRequestBody(SimApi::Tokenize, request, &problem)) {
        reply.status = 400;
        reply.errorMessage = problem.message;
        reply.errorParam = problem.param;
        return reply;
    }
    const std::vector<qint32> ids = request.contains(QLatin1String("messages"))
        ? SimTokenizer::tokenizeChat(request.value(QLatin1String("messages")).toArray(),
            request.value(QLatin1String("add_generation_prompt")).toBool(true))
        : SimTokenizer::tokenizePrompt(request.value(QLatin1String("prompt")));
    // Written by hand: a QJsonArray of a long prompt's ids costs a QJsonValue per token.
    QByteArray &out = reply.body;
    out.reserve(qsizetype(ids.size()) * 6 + 64);
    out.append("{\"count\":");
    out.append(QByteArray::number(qsizetype(ids.size())));
    out.append(",\"max_model_len\":");
    out.append(QByteArray::number(maxModelLen));
    out.append(",\"tokens\":[");
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i)
            out.append(',');
        out.append(QByteArray::number(ids[i]));
    }
    out.append("]}");
    return reply;
}

} // namespace BurgerBench
