#include "workload/requestplan.h"

#include "workload/promptsynth.h"

#include <QJsonObject>

#include <algorithm>

namespace BurgerBench {

namespace {

// Stream ids of mixSeed(seed, stream, i): each decision has its own, so adding a prefix does
// not change the lengths a seed plans.
enum Stream : quint64 { Lengths = 1, Text = 2, Group = 3, PrefixText = 4 };

} // namespace

std::shared_ptr<const RequestPlan> RequestPlan::build(const WorkloadSettings &w, quint64 seed,
    const Fallback &fallback, QString *error, std::vector<DatasetRow> rows)
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
    return plan;
}

PlannedRequest RequestPlan::at(quint32 index, bool withText) const
{
    PlannedRequest p;
    std::mt19937_64 lengths(mixSeed(m_seed, Lengths, index));
    if (!m_rows.empty()) {
        const DatasetRow &row = m_rows[index % m_rows.size()];
        p.prompt = row.prompt;
        p.messages = row.messages;
        qsizetype bytes = row.prompt.size();
        for (const auto &m : row.messages)
            bytes += m.toObject().value(QLatin1String("content")).toString().size();
        p.inputTokens = m_tokens.tokensFor(bytes);
        p.outputTokens = row.outputTokens > 0 ? row.outputTokens : m_output.sample(lengths);
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
