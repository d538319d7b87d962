#pragma once

#include "protocol/openaichunk.h"

#include <QByteArrayView>

namespace BurgerBench {

// What OpenAI's Responses API (POST /v1/responses) sends, read into the same ChunkInfo a chat
// chunk becomes, so the AttemptClassifier counts both alike. Shapes as openai-python's
// types/responses (ResponseStreamEvent, Response, ResponseUsage).
//
// A streamed event's type is its JSON "type" (the SSE `event:` name when that is missing):
//   response.output_text.delta                Token, text = delta
//   response.reasoning_text.delta,
//   response.reasoning_summary_text.delta     Token with reasoning set (they count for TTFT as
//                                             vLLM counts reasoning chunks; reported apart)
//   response.completed, response.incomplete   Done (the stream's end; no [DONE] in this API),
//                                             usage from response.usage
//   response.failed                           Error, response.error's code and message
//   error                                     Error, the event's code and message
//   anything else (response.created, .in_progress, .output_item.*, .content_part.*,
//   .output_text.done, ...)                   Other
// Usage: input_tokens -> promptTokens, output_tokens -> completionTokens,
// input_tokens_details.cached_tokens -> cachedTokens, output_tokens_details.reasoning_tokens ->
// reasoningTokens. A payload that is not a JSON object is Malformed.
ChunkInfo parseResponsesEvent(QByteArrayView data, QByteArrayView eventName = {});

// A whole non-streaming Response object: Token when it has an "output" array (text = the
// output_text parts of its message items, in order), Error for status "failed" or an
// {"error": {...}} body, Malformed when it is not JSON, else Other. Usage as above.
ChunkInfo parseResponsesBody(QByteArrayView body);

} // namespace BurgerBench
