#include "workload/requestplan.h"

#include "workload/dataset.h"
#include "workload/promptsynth.h"

#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

// Stream ids of mixSeed(seed, stream, i): each decision has its own, so adding a prefix does
// not change the lengths a seed plans.
enum Stream : quint64 { Lengths = 1, Text = 2, Group = 3, PrefixText = 4, HashBlock = 6, RowBlock = 7 };

constexpr int BlockTokens = 512; // a Mooncake hash_ids block, the simulator's prefix-cache block
// A full block's text is asked this much longer than 512 tokens' bytes (the last block takes
// what is left, so the prompt's total stays on its length): a target whose tokens run a little
// longer than the token model says still sees every shared block whole.
constexpr double FullBlockMargin = 1.02;

} // namespace

// A trace row's prompt: inputTokens of the model's tokens, cut into 512-token blocks. Block k's
// text comes from a stream seeded by (seed, hashIds[k]) alone, so rows that share leading hashes
// share their leading text, byte for byte, and a prefix cache keyed by content sees exactly the
// sharing the trace recorded; blocks past hashIds get text of their own row. The blocks are
// joined by one space (a word boundary that a BPE does not merge across), the first one counted
// without the target's overhead tokens. The last block is sized to the remainder: its text is
// the start of what a full block of its hash would be.
QString RequestPlan::hashedPrompt(const DatasetRow &row, quint32 index) const
{
    TokenModel bare = m_tokens;
    bare.overheadTokens = 0;
    const int contentTokens = std::max(0, row.inputTokens - int(std::lround(m_tokens.overheadTokens)));
    const qsizetype total = bare.bytesFor(contentTokens);
    const qsizetype fullBytes = qsizetype(std::lround(bare.bytesFor(BlockTokens) * FullBlockMargin));
    const int blocks = (contentTokens + BlockTokens - 1) / BlockTokens;
    QString out;
    out.reserve(total + 16);
    for (int k = 0; k < blocks && out.size() < total; ++k) {
        const qsizetype joint = out.isEmpty() ? 0 : 1;
        const qsizetype left = total - out.size() - joint;
        if (left <= 0)
            break;
        const qsizetype bytes = k + 1 < blocks ? std::min(fullBytes, left) : left;
        std::mt19937_64 rng(size_t(k) < row.hashIds.size()
                ? mixSeed(m_seed, HashBlock, row.hashIds[size_t(k)])
                : mixSeed(mixSeed(m_seed, RowBlock, index), quint64(k)));
        if (joint)
            out += u' ';
        out += PromptSynth::text(rng, int(bytes));
    }
    return out;
}

std::shared_ptr<const RequestPlan> RequestPlan::build(const WorkloadSettings &w, quint64 seed,
    const Fallback &fallback, QString *error, std::vector<DatasetRow> rows, QString datasetNote)
{
    auto plan = std::make_shared<RequestPlan>();
    plan->m_seed = seed;
    plan->m_tokens = w.tokens;
    if (plan->m_tokens.bytesPerToken <= 0)
        plan->m_tokens.bytesPerToken = 4.0;
    if (!w.inputTokens.isEmpty()) {
        if (!LengthDistribution::parse(
                w.inputTokens, QStringLiteral("workload.input_tokens"), &plan->m_input, error))
            return nullptr;
    } else if (!fallback.prompt.isEmpty()) {
        plan->m_fixedPrompt = fallback.prompt;
    } else {
        plan->m_input = LengthDistribution::fixed(fallback.promptTokens);
    }
    if (!w.outputTokens.isEmpty()) {
        if (!LengthDistribution::parse(
                w.outputTokens, QStringLiteral("workload.output_tokens"), &plan->m_output, error))
            return nullptr;
    } else {
        plan->m_output = LengthDistribution::fixed(fallback.maxTokens);
    }
    if (w.prefixTokens > 0) {
        plan->m_prefixTokens = w.prefixTokens;
        const int groups = std::max(1, w.prefixGroups);
        for (int g = 0; g < groups; ++g) {
            std::mt19937_64 rng(mixSeed(seed, PrefixText, quint64(g)));
            // The prefix's own bytes only: the target's per-prompt overhead is counted once, in the body.
            TokenModel bare = plan->m_tokens;
            bare.overheadTokens = 0;
            plan->m_prefixes.append(PromptSynth::textForTokens(rng, w.prefixTokens, bare));
        }
    }
    plan->m_rows = std::move(rows);
    plan->m_datasetNote = std::move(datasetNote);
    return plan;
}

PlannedRequest RequestPlan::at(quint32 index, bool withText) const
{
    PlannedRequest p;
    std::mt19937_64 lengths(mixSeed(m_seed, Lengths, index));
    if (!m_rows.empty()) {
        const DatasetRow &row = m_rows[index % m_rows.size()];
        p.outputTokens = row.outputTokens > 0 ? row.outputTokens : m_output.sample(lengths);
        p.inputTokens = Dataset::inputTokens(row, m_tokens);
        if (row.prompt.isEmpty() && row.messages.isEmpty()) {
            // A trace row: no text, only its length and block hashes.
            if (withText)
                p.prompt = hashedPrompt(row, index);
            return p;
        }
        p.prompt = row.prompt;
        p.messages = row.messages;
        return p;
    }
    // Drawn first and always, so the output length of request i does not depend on the input's kind.
    const int input = m_fixedPrompt.isEmpty() ? m_input.sample(lengths) : 0;
    p.outputTokens = m_output.sample(lengths);
    if (!m_fixedPrompt.isEmpty()) {
        p.prompt = m_fixedPrompt;
        return p;
    }
    std::mt19937_64 text(mixSeed(m_seed, Text, index));
    if (!m_prefixes.isEmpty()) {
        std::mt19937_64 group(mixSeed(m_seed, Group, index));
        p.prefixGroup = int(group() % quint64(m_prefixes.size()));
        const int body = input - m_prefixTokens;
        p.inputTokens = std::max(input, m_prefixTokens);
        if (!withText)
            return p;
        p.prompt = m_prefixes[p.prefixGroup];
        if (body > 0)
            p.prompt += u'\n' + PromptSynth::text(text, m_tokens.bytesFor(body));
        return p;
    }
    p.inputTokens = input;
    if (withText)
        p.prompt = PromptSynth::textForTokens(text, input, m_tokens);
    return p;
}

} // namespace BurgerBench
