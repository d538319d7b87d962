#pragma once

#include <QMap>
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
    QString dataset; // a JSONL, CSV, Mooncake trace or ShareGPT file (workload/dataset.h); empty = synthetic
    QString datasetFormat = QStringLiteral("auto"); // auto, jsonl, csv, mooncake, sharegpt
    int datasetSample = 0; // requests kept from the dataset (seeded reservoir); 0 = all rows
    bool datasetSampleReplace = false; // the sample draws with replacement (a row may repeat)
    // Length filters in the target's tokens, applied before sampling; 0 = none.
    int datasetMinInput = 0;
    int datasetMaxInput = 0;
    int datasetMaxOutput = 0;
    QMap<QString, QString> datasetFields; // our field name -> the file's key or column

    // Multi-turn sessions (engine/loadengine.cpp): each user runs one conversation on one lane;
    // turn k+1 is sent when turn k's answer has ended plus a think time, carrying the whole
    // history with the answers really received. load.concurrency counts users.
    bool multiTurn = false; // the dataset's rows are conversation turns (session_id / ShareGPT)
    int sessions = 0; // synthetic: users, one conversation each; with a dataset: at most this many (0 = all)
    int turns = 0; // synthetic: turns per conversation; with a dataset: at most this many (0 = all)
    QString thinkTime; // ms from an answer's end to the next turn, a LengthDistribution text; empty = 0
    // Timestamped replay: rows with a timestamp are sent at timestamp x timeScale from the start of
    // the measured phase (their intended send time). "auto": when every row has a timestamp and
    // load.rate is 0; "on": required (a row without one is an error); "off": timestamps ignored.
    QString replay = QStringLiteral("auto");
    double timeScale = 1.0; // 0.5 = twice as fast

    // Whether the run sends sessions: synthetic ones, or a conversation dataset's.
    bool sessionRun() const { return multiTurn || sessions > 0; }

    // Resolved before the clock starts (never read from a scenario file; the report keeps it).
    TokenModel tokens;

    bool active() const
    {
        return !inputTokens.isEmpty() || !outputTokens.isEmpty() || prefixTokens > 0 || !dataset.isEmpty()
            || sessionRun();
    }
};

} // namespace BurgerBench
