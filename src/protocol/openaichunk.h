#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace BurgerBench {

// What one streamed `data:` payload of an OpenAI-compatible server means (METRICS.md item 4).
struct ChunkInfo
{
    enum Kind : quint8 {
        Token, // JSON with a non-empty "choices" array (even if its delta.content is empty)
        UsageOnly, // JSON with "usage" and empty/absent choices: not a token event
        Done, // the literal [DONE]
        Error, // JSON with an "error" member (or `event: error`)
        Malformed, // not JSON, or JSON that is not an object
        Other, // a JSON object with none of the above (ignored)
    };
    Kind kind = Other;
    QString text; // delta.content / delta.reasoning_content / text of choice 0
    // A token event whose text is reasoning, not answer: chat's delta.reasoning_content or
    // delta.reasoning with no content, a Responses reasoning delta. Still a token event (vLLM
    // counts it for TTFT); the record counts these apart (RequestRecord::reasoningEvents).
    bool reasoning = false;
    int promptTokens = -1; // usage.prompt_tokens if present
    int completionTokens = -1; // usage.completion_tokens if present
    int cachedTokens = -1; // usage.prompt_tokens_details.cached_tokens if present (OpenAI, vLLM)
    int reasoningTokens = -1; // usage.completion_tokens_details.reasoning_tokens if present
    QString finishReason; // choices[0].finish_reason if non-null
    QString errorMessage; // error.message (or the error value as text)
};

// `data` as one JSON object: false when it is not JSON or not an object (the Malformed chunks of
// both APIs: chat's and the Responses API's, protocol/responsesevents.h).
bool parseJsonObject(QByteArrayView data, QJsonObject *object);

// Classifies one SSE data payload. `eventName` is the SSE `event:` field (may be empty).
ChunkInfo parseStreamChunk(QByteArrayView data, QByteArrayView eventName = {});

// A whole non-streaming completion body. kind is Token when it has choices, Error for an
// {"error": ...} body, Malformed when it is not JSON; usage fields as above; text is choice 0's
// message.content (chat) or text (completions).
ChunkInfo parseCompletionBody(QByteArrayView body);

} // namespace BurgerBench
