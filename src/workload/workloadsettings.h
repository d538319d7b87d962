#pragma once

#include <QString>

namespace BurgerBench {

// Where a run's token counts come from: the target's own POST /tokenize, a calibration from the
// usage.prompt_tokens of probe requests sent before the clock starts, or our local estimate
// (about 4 bytes of English text a token, like a BPE).
enum class CountSource : quint8 { Estimated, Tokenize, Calibrated };
QString countSourceName(CountSource source);
bool countSourceFromName(const QString &name, CountSource *source);

// How many of the target's tokens a text of the plan's word source is: tokens = overhead +
// bytes / bytesPerToken. Measured per run (engine/tokenprobe.h) or estimated.
struct TokenModel
{
    double bytesPerToken = 4.0;
    double overheadTokens = 0; // tokens the target adds around every prompt (a chat template)
    CountSource source = CountSource::Estimated;

    int bytesFor(int tokens) const;
    int tokensFor(qsizetype bytes) const;
};

// The scenario's `workload` section: varied traffic instead of one prompt with one max_tokens.
// Lengths are LengthDistribution texts (workload/lengthdistribution.h); the seed is the
// scenario's load.seed.
struct WorkloadSettings
{
    QString inputTokens; // prompt lengths in the target's tokens; empty = request.prompt(_tokens)
    QString outputTokens; // max_tokens per request; empty = request.max_tokens
    int prefixTokens = 0; // shared system prompt length; 0 = none
    int prefixGroups = 1; // how many different shared prefixes
    QString dataset; // a JSONL or ShareGPT JSON file; empty = synthetic prompts
    QString datasetFormat = QStringLiteral("auto"); // auto, jsonl, sharegpt
    int datasetSample = 0; // requests kept from the dataset (seeded reservoir); 0 = all rows

    // Resolved before the clock starts (never read from a scenario file; the report keeps it).
    TokenModel tokens;

    bool active() const
    {
        return !inputTokens.isEmpty() || !outputTokens.isEmpty() || prefixTokens > 0 || !dataset.isEmpty();
    }
};

} // namespace BurgerBench
