#pragma once

#include <QString>

namespace BurgerBench {

struct RunTrace;
enum class Outcome : quint8;

// Translated words for a request, shared by the tooltip, the details pane and the story.
QString outcomeLabel(Outcome outcome);
// "Request #5" (1-based, as the lanes are labelled).
QString requestTitle(int request);
// Rich text for trace.requests[request]: outcome, its X-Request-Id, queue time, TTFT, E2EL,
// tokens, slot, retries and the error if any. Empty for an index out of range.
QString requestSummaryHtml(const RunTrace &trace, int request);

} // namespace BurgerBench
