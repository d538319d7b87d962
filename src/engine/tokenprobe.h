#pragma once

#include "scenario/scenario.h"
#include "workload/workloadsettings.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace BurgerBench {

// Measures how the target counts the tokens of the workload's text, before the clock starts, so
// a planned prompt of N tokens is N of the target's tokens (workload/requestplan.h):
//   1. POST /tokenize (vLLM's: {"model", "prompt"} or, for chat, {"model", "messages"} with
//      the chat template applied -> {"count", "max_model_len", "tokens"}) of two probe texts;
//   2. else two probe requests (max_tokens 1, not streamed) and their usage.prompt_tokens;
//   3. else the local estimate (4 bytes a token, no overhead).
// Two sizes give the slope (bytes per token) and the intercept (the tokens the target adds
// around every prompt: a chat template). Blocks the calling thread with a local event loop for
// a few round trips; the target must run on another thread or process.
namespace TokenProbe {

struct Result
{
    TokenModel model;
    QString note; // why a source was not used, for the log ("POST /tokenize: HTTP 404")
    int roundTrips = 0;
};

// `target` is the base or endpoint URL the run uses; the API key is sent and stored nowhere.
Result measure(const Scenario &scenario, const QUrl &target, const QByteArray &apiKey);

// The /tokenize URL of a target: its scheme, host and port with path /tokenize.
QUrl tokenizeUrl(const QUrl &target);

} // namespace TokenProbe

} // namespace BurgerBench
