#pragma once

#include <QString>

namespace BurgerBench {

struct RunTrace;
enum class Outcome : quint8;
enum class ErrorKind : quint8;

// Translated words for a request, shared by the tooltip, the details pane and the story.
QString outcomeLabel(Outcome outcome);
// An error kind in words ("connection refused: nothing answers at that address", "HTTP 429: too
// many requests"); the raw report id (errorKindName, "connection_refused") belongs in tooltips.
QString errorKindLabel(ErrorKind kind, int httpStatus = 0);
// "Request #5" (1-based, as the lanes are labelled).
QString requestTitle(int request);
// Rich text for trace.requests[request]: outcome, its X-Request-Id, queue time, TTFT, E2EL,
// tokens, slot, retries and the error if any, in words. A tooltip (withRawIds) adds the error's
// report id after the words; a pane shows the words only. Empty for an index out of range.
QString requestSummaryHtml(const RunTrace &trace, int request, bool withRawIds = true);

} // namespace BurgerBench
