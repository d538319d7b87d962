#include "report/workloadhtml.h"

#include "metrics/requestmetrics.h"
#include "report/htmlformat.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace BurgerBench {

LengthBins LengthBins::cover(int minValue, int maxValue, int target)
{
    LengthBins b;
    if (maxValue < minValue)
        return b;
    target = std::max(1, target);
    // Round widths (1, 2, 5 x 10^k) over the span of whole tokens, wider until at most 2 x target bins.
    double width = std::max(1.0, std::round(HtmlFormat::niceStep(double(maxValue - minValue + 1), target)));
    const auto bins = [&](double w) {
        const double lo = std::floor(minValue / w) * w;
        return int(std::floor((maxValue - lo) / w)) + 1;
    };
    while (bins(width) > 2 * target)
        width = std::round(HtmlFormat::niceStep(width * 2.5, 1));
    b.width = int(width);
    b.lo = int(std::floor(double(minValue) / width) * width);
    b.count = bins(width);
    // A few bins at least, so one length is a bar among empty neighbours rather than the whole axis.
    constexpr int MinBins = 5;
    if (b.count < MinBins) {
        const int before = std::min((MinBins - b.count) / 2, std::max(0, b.lo) / b.width);
        b.lo -= before * b.width;
        b.count = MinBins;
    }
    return b;
}

LengthBins LengthBins::cover(const std::vector<int> &values, int target)
{
    if (values.empty())
        return LengthBins();
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return cover(*lo, *hi, target);
}

int LengthBins::binOf(int value) const
{
    if (count <= 0)
        return 0;
    const int b = int(std::floor(double(value - lo) / width));
    return std::clamp(b, 0, count - 1);
}

std::vector<int> LengthBins::counts(const std::vector<int> &values) const
{
    std::vector<int> out(size_t(std::max(0, count)), 0);
    if (count > 0)
        for (int v : values)
            ++out[size_t(binOf(v))];
    return out;
}

namespace HtmlReport {

bool leastSquares(const std::vector<std::pair<double, double>> &points, double *slope, double *intercept)
{
    if (points.size() < 2)
        return false;
    double mx = 0, my = 0;
    for (const auto &[x, y] : points) {
        mx += x;
        my += y;
    }
    mx /= double(points.size());
    my /= double(points.size());
    double sxx = 0, sxy = 0;
    for (const auto &[x, y] : points) {
        sxx += (x - mx) * (x - mx);
        sxy += (x - mx) * (y - my);
    }
    if (!(sxx > 0))
        return false;
    *slope = sxy / sxx;
    *intercept = my - *slope * mx;
    return true;
}

namespace {

using HtmlFormat::esc;
using HtmlFormat::ms;
using HtmlFormat::niceStep;
using HtmlFormat::num;
using HtmlFormat::px;
using HtmlFormat::tickLabel;

// The report's words in its language (context "BurgerBench::HtmlReport", as htmlreport.cpp; lupdate
// takes the context from this namespace).
class Tr
{
public:
    explicit Tr(Language language)
        : m_language(language)
    {
    }
    QString operator()(const char *source) const
    {
        return I18n::translate(m_language, "BurgerBench::HtmlReport", source);
    }

private:
    Language m_language;
};

constexpr int ChartW = 560;
constexpr int ChartH = 230;
constexpr double Ml = 52, Mr = 14, Mt = 14, Mb = 42;
// More points than this are thinned for drawing (every k-th); the fit always uses them all.
constexpr size_t MaxDrawnPoints = 4000;
// Scatter points: the server had part of the prompt cached (the kitchen had it ready), or not.
const QString CachedColour = QStringLiteral("#2e7d6f");
const QString UncachedColour = QStringLiteral("#e67e22");

// What the section draws, gathered once from the measured (not warm-up) requests.
struct WorkloadData
{
    std::vector<int> askedIn, achievedIn, askedOut, achievedOut;
    std::vector<std::pair<double, double>> ttftByInput; // (input tokens, TTFT ms)
    std::vector<bool> ttftCached; // per point: the server had some of its prompt cached
    int ttftFromUsage = 0; // points whose x is the server's usage.prompt_tokens (else the asked length)
    qint64 promptTokensReported = 0; // Σ prompt tokens of successes that reported cached_tokens
    qint64 cachedTokens = 0;
    int reportingCached = 0;
    int withCacheHit = 0;
    int successes = 0;
    int successesAsked = 0; // successes with an asked max_tokens (the ones that can stop early)
};

WorkloadData gather(const RunTrace &trace)
{
    WorkloadData d;
    const bool stream = trace.scenario.stream;
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup || r.dispatchNs < 0)
            continue;
        if (r.askedInputTokens >= 0)
            d.askedIn.push_back(r.askedInputTokens);
        if (r.askedOutputTokens > 0)
            d.askedOut.push_back(r.askedOutputTokens);
        if (r.outcome != Outcome::Success)
            continue;
        ++d.successes;
        if (r.askedOutputTokens > 0)
            ++d.successesAsked;
        if (r.promptTokensFromUsage && r.promptTokens >= 0)
            d.achievedIn.push_back(r.promptTokens);
        if (r.outputTokens >= 0)
            d.achievedOut.push_back(r.outputTokens);
        if (r.cachedTokens >= 0) {
            ++d.reportingCached;
            d.cachedTokens += r.cachedTokens;
            d.promptTokensReported += std::max(0, r.promptTokens);
            if (r.cachedTokens > 0)
                ++d.withCacheHit;
        }
        const qint64 ttft = RequestMetrics::ttftNs(r, stream);
        if (!RequestMetrics::countsInLatencies(r) || ttft < 0)
            continue;
        const bool fromUsage = r.promptTokensFromUsage && r.promptTokens >= 0;
        const int input = fromUsage ? r.promptTokens : r.askedInputTokens;
        if (input < 0)
            continue;
        d.ttftFromUsage += fromUsage ? 1 : 0;
        d.ttftByInput.emplace_back(double(input), RequestMetrics::toMs(ttft));
        d.ttftCached.push_back(r.cachedTokens > 0);
    }
    return d;
}

QString emptyChart(const QString &id, const QString &message)
{
    return QStringLiteral("<svg class=\"chart\" id=\"%1\" viewBox=\"0 0 %2 %3\" width=\"%2\" height=\"%3\">"
                          "<text x=\"%4\" y=\"%5\" text-anchor=\"middle\" class=\"muted\">%6</text></svg>")
        .arg(id)
        .arg(ChartW)
        .arg(ChartH)
        .arg(ChartW / 2)
        .arg(ChartH / 2)
        .arg(esc(message));
}

// The svg element's opening tag with its domain and plot area, for readers of the coordinates.
QString chartOpen(const QString &id, double x0, double x1, double y1)
{
    return QStringLiteral("<svg class=\"chart workload\" id=\"%1\" viewBox=\"0 0 %2 %3\" width=\"%2\" "
                          "height=\"%3\" data-x0=\"%4\" data-x1=\"%5\" data-y0=\"0\" data-y1=\"%6\" "
                          "data-left=\"%7\" data-right=\"%8\" data-top=\"%9\" data-bottom=\"%10\">\n")
        .arg(id)
        .arg(ChartW)
        .arg(ChartH)
        .arg(QString::number(x0, 'g', 12), QString::number(x1, 'g', 12), QString::number(y1, 'g', 12),
            QString::number(Ml, 'g', 12), QString::number(ChartW - Mr, 'g', 12), QString::number(Mt, 'g', 12),
            QString::number(ChartH - Mb, 'g', 12));
}

QString yGrid(double top, double step, double pw, const std::function<double(double)> &yOf)
{
    QString s;
    for (double v = 0; v <= top + 1e-9 * top; v += step)
        s += QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"grid\"/><text x=\"%4\" y=\"%5\" class=\"ax\" "
                            "text-anchor=\"end\">%6</text>\n")
                 .arg(px(Ml), px(yOf(v)), px(pw), px(Ml - 6), px(yOf(v) + 4), tickLabel(v, step));
    return s;
}

QString xAxis(double x0, double x1, double pw, const QString &label, const std::function<double(double)> &xOf)
{
    const double ph = ChartH - Mt - Mb;
    QString s = QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"axis\"/>\n").arg(px(Ml), px(Mt + ph), px(pw));
    const double step = std::max(1.0, niceStep(x1 - x0, 6));
    for (double v = std::ceil(x0 / step) * step; v <= x1 + 1e-9 * step; v += step)
        s += QStringLiteral("<path d=\"M%1,%2 v4\" class=\"axis\"/><text x=\"%1\" y=\"%3\" class=\"ax\" "
                            "text-anchor=\"middle\">%4</text>\n")
                 .arg(px(xOf(v)), px(Mt + ph), px(Mt + ph + 14), tickLabel(v, step));
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"ax\" text-anchor=\"middle\">%3</text>\n")
             .arg(px(Ml + pw / 2), px(ChartH - 6), esc(label));
    return s;
}

struct Series
{
    QString key; // data-series
    QString label;
    QString colour;
    const std::vector<int> *values;
};

// Two series of lengths on the same whole-token bins: in each bin the first series' bar takes the
// left half, the second's the right half. Each bar carries its bin and count.
QString pairedHistogram(
    const QString &id, const Series &a, const Series &b, const QString &unit, const Tr &tr)
{
    std::vector<int> all = *a.values;
    all.insert(all.end(), b.values->begin(), b.values->end());
    if (all.empty())
        return emptyChart(id, tr("no samples"));
    // About sqrt(n) bins (at most 20): a few dozen requests do not scatter into single-count bars.
    const int target = std::clamp(int(std::ceil(std::sqrt(double(a.values->size())))), 5, 20);
    const LengthBins bins = LengthBins::cover(all, target);
    const std::vector<int> ca = bins.counts(*a.values);
    const std::vector<int> cb = bins.counts(*b.values);
    const int maxCount
        = std::max(*std::max_element(ca.begin(), ca.end()), *std::max_element(cb.begin(), cb.end()));
    const double pw = ChartW - Ml - Mr, ph = ChartH - Mt - Mb;
    const double ystep = std::max(1.0, std::round(niceStep(maxCount, 4)));
    const double top = std::max(double(maxCount), std::ceil(maxCount / ystep) * ystep);
    const double x0 = bins.from(0), x1 = bins.to(bins.count - 1);
    const auto xOf = [&](double v) { return Ml + (v - x0) / (x1 - x0) * pw; };
    const auto yOf = [&](double c) { return Mt + ph - c / top * ph; };
    QString s = chartOpen(id, x0, x1, top);
    s += yGrid(top, ystep, pw, yOf);
    for (const auto &[series, counts, half] : { std::tuple { &a, &ca, 0 }, std::tuple { &b, &cb, 1 } }) {
        for (int i = 0; i < bins.count; ++i) {
            const int c = (*counts)[size_t(i)];
            if (c == 0)
                continue;
            const double left = xOf(bins.from(i)), w = (xOf(bins.to(i)) - left) / 2;
            const double y = yOf(c);
            s += QStringLiteral("<rect class=\"bar\" data-series=\"%1\" data-from=\"%2\" data-to=\"%3\" "
                                "data-count=\"%4\" x=\"%5\" y=\"%6\" width=\"%7\" height=\"%8\" fill=\"%9\">"
                                "<title>%10 %11–%12 %13: %4</title></rect>\n")
                     .arg(series->key)
                     .arg(bins.from(i))
                     .arg(bins.to(i))
                     .arg(c)
                     .arg(px(left + half * w), px(y), px(std::max(0.5, w - 0.5)), px(Mt + ph - y),
                         series->colour, esc(series->label))
                     .arg(bins.from(i))
                     .arg(bins.to(i) - 1)
                     .arg(unit);
        }
    }
    s += xAxis(x0, x1, pw, unit, xOf);
    return s + QStringLiteral("</svg>");
}

QString keys(const std::initializer_list<std::pair<QString, QString>> &entries)
{
    QString out;
    for (const auto &[colour, label] : entries)
        out += QStringLiteral("<span class=\"key\"><svg width=\"14\" height=\"10\" viewBox=\"0 0 14 10\">"
                              "<rect width=\"14\" height=\"10\" fill=\"%1\"/></svg> %2</span> ")
                   .arg(colour, esc(label));
    return out;
}

// TTFT against input length: one point per request, the least-squares line over all of them.
QString ttftScatter(const WorkloadData &d, double *slopeMsPer1k, const Tr &tr)
{
    const QString id = QStringLiteral("svg-workload-ttft");
    if (d.ttftByInput.empty())
        return emptyChart(id, tr("no samples"));
    double minX = d.ttftByInput.front().first, maxX = 0, maxY = 0;
    for (const auto &[x, y] : d.ttftByInput) {
        minX = std::min(minX, x);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    // The x axis over the input lengths measured (from a round number below the shortest), so a
    // narrow range of lengths is not squeezed into the right edge; the y axis from 0.
    const double xstep = niceStep(std::max(maxX - minX, std::max(1.0, maxX * 0.05)), 6);
    const double x0 = std::floor(minX / xstep) * xstep;
    const double x1 = std::max(x0 + xstep, std::ceil(maxX / xstep) * xstep);
    const double ystep = niceStep(std::max(maxY, 1e-3), 4);
    const double y1 = std::max(ystep, std::ceil(maxY / ystep) * ystep);
    const double pw = ChartW - Ml - Mr, ph = ChartH - Mt - Mb;
    const auto xOf = [&](double v) { return Ml + (v - x0) / (x1 - x0) * pw; };
    const auto yOf = [&](double v) { return Mt + ph - v / y1 * ph; };
    QString s = chartOpen(id, x0, x1, y1);
    s += yGrid(y1, ystep, pw, yOf);
    const size_t every = (d.ttftByInput.size() + MaxDrawnPoints - 1) / MaxDrawnPoints;
    for (size_t i = 0; i < d.ttftByInput.size(); i += every) {
        const auto &[x, y] = d.ttftByInput[i];
        const bool cached = d.ttftCached[i];
        s += QStringLiteral("<circle class=\"pt\" data-x=\"%1\" data-y=\"%2\" data-cached=\"%3\" cx=\"%4\" "
                            "cy=\"%5\" r=\"2.6\" fill=\"%6\" fill-opacity=\"0.75\"><title>%7 tokens: %8 ms"
                            "</title></circle>\n")
                 .arg(QString::number(x, 'g', 12), QString::number(y, 'g', 12),
                     cached ? QStringLiteral("1") : QStringLiteral("0"), px(xOf(x)), px(yOf(y)),
                     cached ? CachedColour : UncachedColour, QString::number(x, 'f', 0), ms(y));
    }
    double slope = 0, intercept = 0;
    if (leastSquares(d.ttftByInput, &slope, &intercept)) {
        double lo = maxX;
        for (const auto &p : d.ttftByInput)
            lo = std::min(lo, p.first);
        // The line over the measured input lengths, clipped to the plot.
        const auto clipY = [&](double v) { return std::clamp(v, 0.0, y1); };
        s += QStringLiteral("<line class=\"fit\" data-slope=\"%1\" data-intercept=\"%2\" x1=\"%3\" y1=\"%4\" "
                            "x2=\"%5\" y2=\"%6\" stroke=\"#c0392b\" stroke-width=\"1.6\"/>\n")
                 .arg(QString::number(slope, 'g', 12), QString::number(intercept, 'g', 12), px(xOf(lo)),
                     px(yOf(clipY(intercept + slope * lo))), px(xOf(maxX)),
                     px(yOf(clipY(intercept + slope * maxX))));
        *slopeMsPer1k = slope * 1000;
    } else {
        *slopeMsPer1k = NAN;
    }
    s += xAxis(x0, x1, pw, tr("input tokens"), xOf);
    s += QStringLiteral("<text x=\"4\" y=\"%1\" class=\"ax\" transform=\"rotate(-90 10,%1)\" "
                        "text-anchor=\"middle\">%2</text>\n")
             .arg(px(Mt + ph / 2), esc(tr("TTFT (ms)")));
    return s + QStringLiteral("</svg>");
}

QString card(const QString &id, const QString &value, const QString &label, const QString &formula)
{
    return QStringLiteral("<div class=\"card\" id=\"%1\"><div class=\"value\">%2</div><div class=\"label\">%3"
                          "</div><div class=\"formula\">%4</div></div>\n")
        .arg(id, esc(value), esc(label), esc(formula));
}

QString countSourceText(const TokenModel &tm, const Tr &tr)
{
    switch (tm.source) {
    case CountSource::Tokenize:
        return tr("the target's own POST /tokenize");
    case CountSource::Calibrated:
        return tr("calibrated from the usage.prompt_tokens of probe requests sent before the clock started");
    case CountSource::Estimated:
        break;
    }
    return tr("estimated: about 4 bytes of text a token (no /tokenize, no calibration)");
}

} // namespace

QString workloadSection(const RunTrace &trace, const Summary &summary, Language language)
{
    const WorkloadSettings &w = trace.scenario.workload;
    if (!w.active())
        return QString();
    const Tr tr(language);
    const WorkloadData d = gather(trace);

    QString h = QStringLiteral("<section id=\"workload\">\n<h2>%1</h2>\n<p class=\"note\">%2</p>\n")
                    .arg(esc(tr("Workload")),
                        esc(tr("What the requests asked for and what the server says they got. Asked = the "
                               "planned prompt length and max_tokens; achieved = the server's "
                               "usage.prompt_tokens and usage.completion_tokens of each success.")));

    // What was planned.
    const QString none = QStringLiteral("–");
    QList<std::pair<QString, QString>> rows {
        { tr("Input lengths asked"),
            w.inputTokens.isEmpty()
                ? (w.dataset.isEmpty() ? tr("request.prompt_tokens (%1)").arg(trace.scenario.promptTokens)
                                       : tr("from the dataset"))
                : w.inputTokens },
        { tr("Output lengths asked"),
            w.outputTokens.isEmpty()
                ? tr("request.max_tokens (%1), or the dataset's").arg(trace.scenario.maxTokens)
                : w.outputTokens },
        { tr("Shared prefix"),
            w.prefixTokens > 0 ? tr("%1 tokens, %2 groups").arg(w.prefixTokens).arg(w.prefixGroups) : none },
        { tr("Dataset"),
            w.dataset.isEmpty() ? none
                : !trace.datasetNote.isEmpty()
                ? trace.datasetNote // what was read: rows kept, filtered
                : QStringLiteral("%1 (%2%3)")
                      .arg(w.dataset, w.datasetFormat,
                          w.datasetSample > 0 ? tr(", %1 rows sampled").arg(w.datasetSample) : QString()) },
        { tr("Token counts"),
            tr("%1; %2 bytes a token, %3 tokens added per prompt")
                .arg(countSourceText(w.tokens, tr), num(w.tokens.bytesPerToken, 2),
                    num(w.tokens.overheadTokens, 1)) },
    };
    h += QStringLiteral("<table class=\"meta\" id=\"workload-plan\">\n");
    for (const auto &[k, v] : rows)
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(k), esc(v));
    h += QStringLiteral("</table>\n");

    // Cards: cache, early stops, token counts.
    h += QStringLiteral("<div class=\"cards\">\n");
    const double share
        = d.promptTokensReported > 0 ? 100.0 * double(d.cachedTokens) / double(d.promptTokensReported) : NAN;
    h += card(QStringLiteral("workload-cached"),
        d.reportingCached > 0 ? num(share, 1) + QStringLiteral(" %") : none, tr("Cached prompt tokens"),
        d.reportingCached > 0 ? tr("Σ cached_tokens / Σ prompt tokens; %1 of %2 successes had cached tokens "
                                   "(the kitchen had that part ready)")
                                    .arg(d.withCacheHit)
                                    .arg(d.reportingCached)
                              : tr("the server reported no usage.prompt_tokens_details.cached_tokens"));
    h += card(QStringLiteral("workload-stopped-early"), QString::number(summary.stoppedEarly),
        tr("Stopped early"),
        tr("of %1 successes with an asked max_tokens ended with fewer output tokens; they stay in every "
           "statistic")
            .arg(d.successesAsked));
    h += card(QStringLiteral("workload-token-counts"), countSourceName(w.tokens.source),
        tr("Token counts from"), countSourceText(w.tokens, tr));
    h += QStringLiteral("</div>\n");

    // Charts.
    const QString askedColourIn = QStringLiteral("#aab3dc"), gotColourIn = QStringLiteral("#4e5993");
    const QString askedColourOut = QStringLiteral("#d6b9e8"), gotColourOut = QStringLiteral("#863fb0");
    h += QStringLiteral("<div class=\"grid2\">\n");
    h += QStringLiteral(
        "<figure id=\"workload-input\"><h3>%1</h3>\n%2\n<figcaption>%3<br>%4</figcaption></figure>\n")
             .arg(esc(tr("Input length: asked and achieved")),
                 pairedHistogram(QStringLiteral("svg-workload-input"),
                     Series { QStringLiteral("asked"), tr("asked"), askedColourIn, &d.askedIn },
                     Series { QStringLiteral("achieved"), tr("achieved"), gotColourIn, &d.achievedIn },
                     tr("tokens"), tr),
                 keys({ { askedColourIn, tr("asked (%1 requests)").arg(qsizetype(d.askedIn.size())) },
                     { gotColourIn,
                         tr("achieved: usage.prompt_tokens (%1 successes)")
                             .arg(qsizetype(d.achievedIn.size())) } }),
                 esc(d.achievedIn.empty()
                         ? tr("The server sent no usage.prompt_tokens: nothing achieved to show.")
                         : tr("Both series on the same bins; a shared prefix is part of the "
                              "prompt.")));
    h += QStringLiteral(
        "<figure id=\"workload-output\"><h3>%1</h3>\n%2\n<figcaption>%3<br>%4</figcaption></figure>\n")
             .arg(esc(tr("Output length: asked and achieved")),
                 pairedHistogram(QStringLiteral("svg-workload-output"),
                     Series { QStringLiteral("asked"), tr("asked"), askedColourOut, &d.askedOut },
                     Series { QStringLiteral("achieved"), tr("achieved"), gotColourOut, &d.achievedOut },
                     tr("tokens"), tr),
                 keys({ { askedColourOut,
                            tr("asked: max_tokens (%1 requests)").arg(qsizetype(d.askedOut.size())) },
                     { gotColourOut,
                         tr("achieved: output tokens (%1 successes)")
                             .arg(qsizetype(d.achievedOut.size())) } }),
                 esc(tr("A success left of its asked bar stopped early (an end of sequence before "
                        "max_tokens).")));
    double slope = NAN;
    const QString scatter = ttftScatter(d, &slope, tr);
    const QString slopeText = std::isfinite(slope)
        ? tr("Least-squares line (red): TTFT grows by %1 ms per 1,000 input tokens.").arg(num(slope, 2))
        : tr("No slope: fewer than two different input lengths.");
    h += QStringLiteral(
        "<figure id=\"workload-ttft\"><h3>%1</h3>\n%2\n<figcaption><span id=\"workload-slope\">%3"
        "</span><br>%4<br>%5</figcaption></figure>\n")
             .arg(esc(tr("TTFT against input length")), scatter, esc(slopeText),
                 keys({ { CachedColour, tr("part of the prompt was cached") },
                     { UncachedColour, tr("nothing cached (or not reported)") } }),
                 esc(tr(
                     "One point per measured success (%1); input = usage.prompt_tokens for %2 of them, "
                     "else the asked length. A longer prompt takes longer to prefill; cached tokens do not.")
                         .arg(qsizetype(d.ttftByInput.size()))
                         .arg(d.ttftFromUsage)));
    h += QStringLiteral("</div>\n");
    return h + QStringLiteral("</section>\n");
}

} // namespace HtmlReport
} // namespace BurgerBench
