#pragma once

#include <QtGlobal>

namespace BurgerBench {

// Fault probabilities, each in [0, 1], rolled once per request by the simulator.
struct SimulatorFaults
{
    double http429 = 0; // 429 Too Many Requests with Retry-After
    double http500 = 0;
    double http503 = 0;
    double reset = 0; // connection reset in the middle of the stream
    double stall = 0; // stop sending for stallSeconds in the middle of the stream
    double malformed = 0; // one chunk with broken JSON
    double streamError = 0; // data: {"error": ...} in the stream
    double missingDone = 0; // stream ends cleanly but without data: [DONE]
    int retryAfterSeconds = 1;
    double stallSeconds = 30;

    bool any() const
    {
        return http429 > 0 || http500 > 0 || http503 > 0 || reset > 0 || stall > 0 || malformed > 0
            || streamError > 0 || missingDone > 0;
    }
};

// Knobs of the built-in OpenAI-compatible simulator. Shared by the scenario (its "simulator"
// section), the CLI's `simulate` command and in-process use by tests and the app.
struct SimulatorSettings
{
    double ttftMs = 200; // time from admission to the first token (plus prefill)
    double tokenIntervalMs = 20; // time between tokens
    double jitterMs = 0; // uniform +-jitter added to each token interval
    int outputTokens = 64; // fixed length; 0 = take max_tokens/max_completion_tokens (default 16)
    // The first N output tokens of a chat or Responses answer are reasoning, streamed before the
    // answer (chat: delta.reasoning_content; responses: a reasoning item's
    // response.reasoning_text.delta events) and counted in usage's reasoning_tokens. At most
    // output tokens - 1, so an answer always has a token; completions have none.
    int reasoningTokens = 0;
    // Added to the TTFT per prompt token the prefix cache does not hold (all of them when the
    // cache is off). Prompt tokens are counted by SimTokenizer, not in words.
    double prefillUsPerPromptToken = 0;
    int capacity = 0; // max sequences in progress at once; 0 = unlimited; the rest wait
    // The prefix cache's KV capacity in tokens (PrefixCache: 512-token blocks, LRU); 0 = off.
    qint64 kvCacheTokens = 262144;
    bool tokenizeEndpoint = true; // POST /tokenize; false answers 404 like servers without it
    int maxModelLen = 32768; // reported by /tokenize (not enforced)
    quint32 seed = 1; // faults and jitter are drawn from a generator seeded with this
    SimulatorFaults faults;
};

} // namespace BurgerBench
