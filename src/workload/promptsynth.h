#pragma once

#include "workload/workloadsettings.h"

#include <QString>

#include <random>

namespace BurgerBench {

// Deterministic English-like text: words drawn from a fixed vocabulary by the caller's rng, so
// two prompts of one run differ (a prefix cache sees only what is really shared) and the same
// seed gives the same text on every platform.
namespace PromptSynth {

// Text of about `bytes` bytes (the nearest word boundary), words separated by spaces.
QString text(std::mt19937_64 &rng, int bytes);
// Text the token model counts as `tokens` of the target's tokens (overhead included).
QString textForTokens(std::mt19937_64 &rng, int tokens, const TokenModel &model);

} // namespace PromptSynth

// splitmix64: independent seeds for request i's streams from one run seed.
quint64 mixSeed(quint64 seed, quint64 a, quint64 b = 0);

} // namespace BurgerBench
