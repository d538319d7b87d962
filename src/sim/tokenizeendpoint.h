#pragma once

#include <QByteArray>
#include <QString>

namespace BurgerBench {

// vLLM's POST /tokenize, answered with SimTokenizer:
//   {"model": …, "prompt": "…"}                     the prompt as /v1/completions counts it
//   {"model": …, "messages": [...], "add_generation_prompt": true}
//                                                     the chat template as /v1/chat/completions
//                                                     counts it (add_generation_prompt defaults
//                                                     to true, as in vLLM)
// → 200 {"count": N, "max_model_len": M, "tokens": [ids…]}, or 400 with an OpenAI-shaped error
// naming the wrongly typed field (see checkRequestBody).
struct TokenizeReply
{
    int status = 200;
    QByteArray body;
    QString errorMessage; // for status 400: the error's message and param
    QString errorParam;
};

TokenizeReply answerTokenize(const QByteArray &body, int maxModelLen);

} // namespace BurgerBench
