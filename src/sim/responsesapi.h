#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace BurgerBench {

// The simulator's side of OpenAI's Responses API (POST /v1/responses), in the shapes of
// openai-python's types/responses (Response, ResponseUsage, ResponseStreamEvent).
//
// Not streamed: one Response object, output[0] a message whose content[0] is the output_text.
// Streamed: SSE events, each "event: <type>\ndata: <json with the same type and a
// sequence_number>\n\n", in this order (with reasoning, a reasoning item's output_item.added,
// content_part.added, one response.reasoning_text.delta per reasoning token,
// response.reasoning_text.done, content_part.done and output_item.done come first, and the
// message is output_index 1):
//   response.created, response.in_progress, response.output_item.added,
//   response.content_part.added, one response.output_text.delta per token,
//   response.output_text.done, response.content_part.done, response.output_item.done,
//   and response.completed (status "completed") — or response.incomplete (status
//   "incomplete", incomplete_details.reason "max_output_tokens") when the length came from
//   max_output_tokens, as chat's finish_reason "length". Both final events carry
//   response.usage {input_tokens, input_tokens_details.cached_tokens, output_tokens,
//   output_tokens_details.reasoning_tokens, total_tokens}. No "data: [DONE]" (the Responses API
//   has none).
class ResponsesApi
{
public:
    struct Reply
    {
        QByteArray responseId; // resp_N
        QByteArray messageId; // msg_N
        QString model;
        qint64 createdAt = 0; // unix seconds
        QJsonValue maxOutputTokens; // as the request gave it (null when absent)
        QJsonValue instructions;
        bool incomplete = false; // cut by max_output_tokens
        // Output tokens streamed first as a reasoning item (output[0], id reasoningId) with
        // response.reasoning_text.delta events; the message is then output[1].
        int reasoningTokens = 0;
        QByteArray reasoningId; // rs_N
    };
    struct Usage
    {
        int inputTokens = 0;
        int cachedTokens = 0;
        int outputTokens = 0; // reasoning included, as output_tokens counts them
        int reasoningTokens = 0;
    };

    // The prompt as the chat template counts it: instructions as a leading system message, a
    // string input as one user message, message items as messages (other item types count
    // nothing). *messages is the number of message items received (1 for a string input).
    static std::vector<qint32> tokenizeInput(const QJsonObject &body, int *messages);

    // status "in_progress" (no output, usage null), or the finished response with text (and the
    // reasoning item's text first when reply.reasoningTokens > 0).
    static QJsonObject response(const Reply &reply, bool finished, const QString &text, const Usage &usage,
        const QString &reasoning = {});

    // The events before the first delta; *sequence is advanced past them. With reasoning, those
    // open the reasoning item (output_item.added, content_part.added of a reasoning_text), and
    // answerStartEvents() closes it and opens the message before the first answer delta.
    static QByteArray startEvents(const Reply &reply, int *sequence);
    static QByteArray answerStartEvents(const Reply &reply, const QString &reasoning, int *sequence);
    // One delta event is prefix + delta text (JSON-escaped) + "\",\"sequence_number\":" + n + "}\n\n".
    static QByteArray deltaPrefix(const Reply &reply);
    static QByteArray reasoningDeltaPrefix(const Reply &reply); // response.reasoning_text.delta
    // The events after the last delta, ending with response.completed or response.incomplete
    // (finalEvent false leaves that one out: the missing_done fault).
    static QByteArray endEvents(const Reply &reply, const QString &text, const Usage &usage, int *sequence,
        bool finalEvent = true, const QString &reasoning = {});
    // An "error" event (the stream_error fault).
    static QByteArray errorEvent(const QString &message, int *sequence);
};

} // namespace BurgerBench
