#pragma once

#include <QJsonObject>
#include <QString>

namespace BurgerBench {

// Which body shape a simulator endpoint expects.
enum class SimApi : quint8 {
    Chat, // POST /v1/chat/completions
    Completions, // POST /v1/completions
    Responses, // POST /v1/responses
    Tokenize, // POST /tokenize (vLLM's)
};

// The first wrongly typed or missing field of a request body, as OpenAI names it: param is the
// field's path ("max_tokens", "messages[1].content"), message a sentence for error.message.
struct RequestProblem
{
    QString param;
    QString message;
};

// Checks the fields the simulator reads (model, stream, stream_options, the length limits, the
// prompt, messages or input) and nothing else: unknown fields pass, as they do on vLLM.
//   - max_tokens, max_completion_tokens (chat), max_output_tokens (responses): absent, null or
//     an integer from 1 to 2^31 - 1;
//   - chat messages (also /tokenize's): a non-empty array of objects with a string role and a
//     content that is a string or an array of parts (objects with a string type; "text" parts
//     with a string text); content may be null or absent for the assistant (tool calls);
//   - completions prompt (also /tokenize's): a string, or a non-empty array of strings, token
//     ids (integers >= 0) or arrays of token ids;
//   - responses input: a string or a non-empty array of items; message items as chat messages,
//     other item types pass; instructions a string or null.
// Returns true when the body is fine; otherwise false with *problem filled.
bool checkRequestBody(SimApi api, const QJsonObject &body, RequestProblem *problem);

} // namespace BurgerBench
