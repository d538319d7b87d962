#include "metrics/requestmetrics.h"

#include "trace/runtrace.h"

#include <limits>

namespace BurgerBench {
namespace RequestMetrics {

namespace {
constexpr double NsPerMs = 1e6;

qint64 between(qint64 fromNs, qint64 toNs)
{
    return (fromNs < 0 || toNs < 0) ? -1 : toNs - fromNs;
}
} // namespace

bool countsInLatencies(const RequestRecord &r)
{
    return !r.warmup && r.outcome == Outcome::Success && r.dispatchNs >= 0;
}

qint64 ttftNs(const RequestRecord &r, bool stream)
{
    return stream ? between(r.dispatchNs, r.firstTokenNs()) : -1;
}

qint64 e2elNs(const RequestRecord &r, bool stream)
{
    return between(r.dispatchNs, stream ? r.lastTokenNs() : r.endNs);
}

double tpotMs(const RequestRecord &r, bool stream)
{
    const qint64 ttft = ttftNs(r, stream);
    const qint64 e2el = e2elNs(r, stream);
    if (ttft < 0 || e2el < 0 || r.outputTokens <= 1)
        return std::numeric_limits<double>::quiet_NaN();
    return toMs(e2el - ttft) / double(r.outputTokens - 1);
}

std::vector<qint64> itlGapsNs(const RequestRecord &r)
{
    return itlGapsNs(r.tokenNs);
}

std::vector<qint64> itlGapsNs(const TokenTimes &tokenNs)
{
    std::vector<qint64> gaps;
    if (tokenNs.size() > 1)
        gaps.reserve(tokenNs.size() - 1);
    for (std::size_t i = 1; i < tokenNs.size(); ++i)
        gaps.push_back(tokenNs[i] - tokenNs[i - 1]);
    return gaps;
}

qint64 maxItlNs(const RequestRecord &r)
{
    qint64 worst = -1;
    for (std::size_t i = 1; i < r.tokenNs.size(); ++i)
        worst = qMax(worst, r.tokenNs[i] - r.tokenNs[i - 1]);
    return worst;
}

qint64 queueNs(const RequestRecord &r)
{
    return between(r.intendedNs, r.dispatchNs);
}

qint64 firstContentNs(const RequestRecord &r, bool stream)
{
    return stream ? between(r.dispatchNs, r.firstContentNs) : -1;
}

qint64 ttfbNs(const RequestRecord &r)
{
    return between(r.dispatchNs, r.firstByteNs);
}

qint64 scheduleLatencyNs(const RequestRecord &r)
{
    return between(r.intendedNs, r.endNs);
}

bool tokenCountMismatch(const RequestRecord &r, bool stream)
{
    if (!stream || r.outcome != Outcome::Success || !r.outputTokensFromUsage || r.outputTokens < 0)
        return false;
    const qint64 events = qint64(r.tokenNs.size());
    // Events without a token: a role-only first chunk and a finish-only last one.
    constexpr qint64 TokenlessEvents = 2;
    auto matches = [events](qint64 tokens) { return events >= tokens && events - tokens <= TokenlessEvents; };
    if (matches(r.outputTokens))
        return false;
    // Reasoning counted in the usage but never streamed (hidden, as OpenAI's reasoning models do).
    const bool hiddenReasoning = r.reasoningEvents == 0 && r.reasoningTokens > 0;
    return !(hiddenReasoning && matches(qint64(r.outputTokens) - r.reasoningTokens));
}

double toMs(qint64 ns)
{
    return ns < 0 ? std::numeric_limits<double>::quiet_NaN() : double(ns) / NsPerMs;
}

} // namespace RequestMetrics
} // namespace BurgerBench
