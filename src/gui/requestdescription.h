#pragma once

#include <QString>

namespace BurgerBench {

struct RequestRecord;
enum class Outcome : quint8;

// Translated words for a request, shared by the tooltip, the details pane and the story.
QString outcomeLabel(Outcome outcome);
// "Request #5" (1-based, as the lanes are labelled).
QString requestTitle(int request);
// Rich text: outcome, queue time, TTFT, E2EL, tokens, slot, retries and the error if any.
QString requestSummaryHtml(const RequestRecord &request);

// ms between two ns stamps, or NaN when either is missing.
double msBetween(qint64 fromNs, qint64 toNs);

} // namespace BurgerBench
