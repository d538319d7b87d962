#pragma once

#include "i18n/language.h"
#include "metrics/summary.h"
#include "trace/runtrace.h"

#include <QString>

#include <vector>

namespace BurgerBench {

// Whole-token bins for length histograms: [lo + b * width, lo + (b + 1) * width) for b in
// [0, count). The width is 1, 2 or 5 x 10^k tokens, so every edge is a round number; the run
// report's Workload section and the scenario editor's dataset preview bin lengths with it.
struct LengthBins
{
    int lo = 0;
    int width = 1;
    int count = 0;

    // About `target` bins (at most 2 x target) covering [minValue, maxValue]; count 0 if empty.
    static LengthBins cover(int minValue, int maxValue, int target = 20);
    static LengthBins cover(const std::vector<int> &values, int target = 20);
    int binOf(int value) const; // clamped to [0, count - 1]
    int from(int bin) const { return lo + bin * width; }
    int to(int bin) const { return lo + (bin + 1) * width; }
    std::vector<int> counts(const std::vector<int> &values) const;
};

namespace HtmlReport {

// The run report's "Workload" section (id "workload"), empty for a run without a workload: the
// asked and achieved input and output lengths as histograms on shared bins, TTFT against input
// length (one point per measured success, a least-squares line and its slope in ms per 1,000
// tokens), the share of prompt tokens the server had cached, the successes that stopped before
// their max_tokens (always shown, also when 0), and where the planned token counts came from
// (meta.token_counts). Inline SVG in the report's style; each chart carries its domain and plot
// area as data-* attributes and each bar and point its values, so tests can check coordinates.
// Words from context "BurgerBench::HtmlReport".
QString workloadSection(const RunTrace &trace, const Summary &summary, Language language);

// Least squares of y on x: false with fewer than two distinct x.
bool leastSquares(const std::vector<std::pair<double, double>> &points, double *slope, double *intercept);

} // namespace HtmlReport

} // namespace BurgerBench
