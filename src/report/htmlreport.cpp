#include "report/htmlreport.h"

#include "report/atomicfile.h"
#include "report/compare.h"
#include "report/htmlformat.h"
#include "report/jsonreport.h"
#include "report/secretscrub.h"
#include "report/timelineimage.h"
#include "report/workloadhtml.h"

#include "metrics/serverhistogram.h"

#include "trace/lanenames.h"
#include "trace/legendtable.h"
#include "trace/shownnumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace BurgerBench {
namespace HtmlReport {

namespace {

// ---- words ------------------------------------------------------------------------------------

// The report's words in the report's language, from the app's catalogues (i18n/language.h) in
// context "BurgerBench::HtmlReport". lupdate takes that context from the namespace of the
// functions below that call tr("...") (and warns that the namespace has no Q_OBJECT).
constexpr const char *ReportContext = "BurgerBench::HtmlReport";

class Tr
{
public:
    explicit Tr(Language language)
        : m_language(language)
    {
    }
    QString operator()(const char *source) const
    {
        return I18n::translate(m_language, ReportContext, source);
    }
    // The words the report shares with the app's legend (trace/legendtable.h).
    QString legend(const char *source) const { return I18n::translate(m_language, LegendContext, source); }

private:
    Language m_language;
};

using HtmlFormat::esc;
using HtmlFormat::ms;
using HtmlFormat::niceStep;
using HtmlFormat::num;
using HtmlFormat::px;
using HtmlFormat::tickLabel;

// ---- the shared legend ------------------------------------------------------------------------
// Colours, patterns and the English words come from the one legend table (trace/legendtable.h)
// that the window and the images draw with (TEACHING.md: one legend everywhere), in builds with
// and without the render library.

using Pattern = PhasePattern;

struct Look
{
    QString fill; // "none" = no fill
    QString pattern; // colour of the pattern lines
    Pattern patternKind = Pattern::None;
    QString outline; // empty = none
    bool dashed = false;
    QString tick;
};

constexpr int LookCount = PhaseCount;
// Shorter names for the phases this file draws.
enum LookId {
    Queued = int(Phase::Queued),
    Sending = int(Phase::Sending),
    Waiting = int(Phase::WaitingFirstToken),
    Streaming = int(Phase::Streaming),
    CpuWork = int(Phase::CpuWork),
    Blocked = int(Phase::BlockedHeld),
    ErrorLook = int(Phase::Error),
    Ghost = int(Phase::Ghost),
    Backoff = int(Phase::Backoff),
    IncompleteLook = int(Phase::Incomplete),
    LoopLag = int(Phase::LoopLag)
};

QString hex(quint32 rgb)
{
    return rgb == NoColour ? QString() : QStringLiteral("#%1").arg(rgb, 6, 16, QLatin1Char('0'));
}

Look lookOf(int id)
{
    const PhaseLook &p = phaseLook(Phase(id));
    Look l;
    l.fill = p.fill == NoColour ? QStringLiteral("none") : hex(p.fill);
    l.pattern = hex(p.pattern);
    l.patternKind = p.patternKind;
    l.outline = hex(p.outline);
    l.dashed = p.outline != NoColour && p.dashedOutline;
    l.tick = hex(p.tick);
    return l;
}

QString fillRef(int id)
{
    const Look l = lookOf(id);
    return l.patternKind == Pattern::None ? l.fill : QStringLiteral("url(#bbp%1)").arg(id);
}

QString strokeAttrs(int id)
{
    const Look l = lookOf(id);
    if (l.outline.isEmpty())
        return QString();
    return QStringLiteral(" stroke=\"%1\" stroke-width=\"1\"%2")
        .arg(l.outline, l.dashed ? QStringLiteral(" stroke-dasharray=\"4,2\"") : QString());
}

// Pattern definitions, once per document; every inline SVG refers to them by id.
QString patternDefs()
{
    QString out
        = QStringLiteral("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>\n");
    for (int id = 0; id < LookCount; ++id) {
        const Look l = lookOf(id);
        if (l.patternKind == Pattern::None)
            continue;
        QString lines;
        switch (l.patternKind) {
        case Pattern::Dots:
            lines = QStringLiteral("<rect x=\"1\" y=\"1\" width=\"1.2\" height=\"1.2\" fill=\"%1\"/>"
                                   "<rect x=\"4\" y=\"4\" width=\"1.2\" height=\"1.2\" fill=\"%1\"/>")
                        .arg(l.pattern);
            break;
        case Pattern::BackDiagonal:
            lines = QStringLiteral(
                "<path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2\" stroke=\"%1\" stroke-width=\"1\"/>")
                        .arg(l.pattern);
            break;
        case Pattern::ForwardDiagonal:
            lines = QStringLiteral(
                "<path d=\"M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2\" stroke=\"%1\" stroke-width=\"1\"/>")
                        .arg(l.pattern);
            break;
        case Pattern::Horizontal:
            lines = QStringLiteral("<path d=\"M0,1.5 h6 M0,4.5 h6\" stroke=\"%1\" stroke-width=\"1\"/>")
                        .arg(l.pattern);
            break;
        case Pattern::Cross:
            lines = QStringLiteral("<path d=\"M0,0 l6,6 M0,6 l6,-6\" stroke=\"%1\" stroke-width=\"1\"/>")
                        .arg(l.pattern);
            break;
        case Pattern::Vertical:
            lines = QStringLiteral("<path d=\"M1.5,0 v6 M4.5,0 v6\" stroke=\"%1\" stroke-width=\"1\"/>")
                        .arg(l.pattern);
            break;
        case Pattern::None:
            break;
        }
        const QString fill = l.fill == QLatin1String("none")
            ? QString()
            : QStringLiteral("<rect width=\"6\" height=\"6\" fill=\"%1\"/>").arg(l.fill);
        out += QStringLiteral(
            "<pattern id=\"bbp%1\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">%2%3</pattern>\n")
                   .arg(id)
                   .arg(fill, lines);
    }
    return out + QStringLiteral("</defs></svg>\n");
}

// The legend's meanings keep the report's own Spanish, worded a little differently from the app's
// legend (BurgerBench::Legend): the table's English source texts, translated in the report's
// context (tst_htmlreport checks the English is the table's). The labels are the app's.
const char *const legendMeanings[LookCount] = {
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
        "Waiting in line for a free slot or the rate limiter, before the request is sent."),
    QT_TRANSLATE_NOOP(
        "BurgerBench::HtmlReport", "Building the request and handing it to the network: real work."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one sentence in two literals
        "Sent; waiting for the server's first token. No thread is busy: this is the table with the order "
        "number."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "Tokens arriving; each tick is one token event."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "A thread computing: the cook at work."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
        "A thread held while it only waits, or the event loop frozen by work it should not do."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "A failed attempt, or where the request failed."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
        "From when the schedule wanted to send the request to when it really went out."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "Cut off by a cancel, fail-fast or the end of the run."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "How late the event loop's timer fired: the loop was busy."),
    QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
        "Between two attempts: the backoff or the server's Retry-After. Nothing is sent and nobody works."),
    nullptr, // the kitchen's two phases: the report draws no kitchen lane, so its legend skips them
    nullptr,
    nullptr, // the job board's two: no job board lane in the report either
    nullptr,
};

QString legendHtml(const Tr &tr)
{
    QString out = QStringLiteral("<ul class=\"legend\" id=\"legend\">\n");
    for (int id = 0; id < LookCount; ++id) {
        if (isKitchenPhase(Phase(id)) || isJobBoardPhase(Phase(id)))
            continue;
        const Look l = lookOf(id);
        QString swatch
            = QStringLiteral("<rect x=\"0.5\" y=\"0.5\" width=\"27\" height=\"13\" fill=\"%1\"%2/>")
                  .arg(fillRef(id), strokeAttrs(id));
        if (!l.tick.isEmpty())
            for (int x = 5; x < 28; x += 6)
                swatch += QStringLiteral("<path d=\"M%1,1 v12\" stroke=\"%2\" stroke-width=\"1\"/>")
                              .arg(x)
                              .arg(l.tick);
        out += QStringLiteral("<li><svg width=\"28\" height=\"14\" viewBox=\"0 0 28 14\">%1</svg> <b>%2</b> "
                              "<span>%3</span></li>\n")
                   .arg(swatch, esc(tr.legend(phaseLabelSource(Phase(id)))), esc(tr(legendMeanings[id])));
    }
    return out + QStringLiteral("</ul>\n");
}

// ---- charts -----------------------------------------------------------------------------------

constexpr int ChartW = 560;
constexpr int ChartH = 230;

QString emptyChart(int w, int h, const QString &message)
{
    return QStringLiteral("<svg class=\"chart\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\">"
                          "<text x=\"%3\" y=\"%4\" text-anchor=\"middle\" class=\"muted\">%5</text></svg>")
        .arg(w)
        .arg(h)
        .arg(w / 2)
        .arg(h / 2)
        .arg(esc(message));
}

QString histogramSvg(const std::vector<double> &samples, const Distribution &d, const QString &unit,
    const QString &colour, const Tr &tr)
{
    if (samples.empty())
        return emptyChart(ChartW, ChartH, tr("no samples"));
    const double ml = 52, mr = 14, mt = 14, mb = 42;
    const double pw = ChartW - ml - mr, ph = ChartH - mt - mb;
    double lo = d.min, hi = d.max;
    const double p99 = d.percentile(99);
    // A long tail squeezes everything into one bar: above p99 goes to an overflow bar.
    const bool overflow
        = samples.size() >= 100 && std::isfinite(p99) && hi > lo && (hi - lo) > 1.5 * (p99 - lo) && p99 > lo;
    if (overflow)
        hi = p99;
    if (!(hi > lo)) {
        lo -= 0.5;
        hi += 0.5;
    }
    const int bins = std::clamp(int(std::ceil(std::sqrt(double(samples.size())))), 8, 40);
    std::vector<int> counts(size_t(bins), 0);
    int over = 0;
    for (double x : samples) {
        if (overflow && x > hi) {
            ++over;
            continue;
        }
        const int b = std::clamp(int(std::floor((x - lo) / (hi - lo) * bins)), 0, bins - 1);
        ++counts[size_t(b)];
    }
    const int maxCount = std::max(over, *std::max_element(counts.begin(), counts.end()));
    const double overW = overflow ? pw / (bins + 2) : 0;
    const double barsW = pw - (overflow ? overW * 1.5 : 0);
    const double bw = barsW / bins;
    auto xOf = [&](double v) { return ml + (v - lo) / (hi - lo) * barsW; };
    auto yOf = [&](double c) { return mt + ph - c / maxCount * ph; };

    QString s = QStringLiteral("<svg class=\"chart\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\">\n")
                    .arg(ChartW)
                    .arg(ChartH);
    // y grid
    const double ystep = std::max(1.0, niceStep(maxCount, 4));
    for (double c = 0; c <= maxCount + 1e-9; c += ystep)
        s += QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"grid\"/><text x=\"%4\" y=\"%5\" class=\"ax\" "
                            "text-anchor=\"end\">%6</text>\n")
                 .arg(px(ml), px(yOf(c)), px(pw), px(ml - 6), px(yOf(c) + 4))
                 .arg(c, 0, 'f', 0);
    for (int b = 0; b < bins; ++b) {
        if (counts[size_t(b)] == 0)
            continue;
        const double y = yOf(counts[size_t(b)]);
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>%6–%7 %8: "
                            "%9</title></rect>\n")
                 .arg(px(ml + b * bw + 0.5), px(y), px(std::max(0.5, bw - 1)), px(mt + ph - y), colour)
                 .arg(ms(lo + b * (hi - lo) / bins), ms(lo + (b + 1) * (hi - lo) / bins), unit)
                 .arg(counts[size_t(b)]);
    }
    if (overflow) {
        const double x = ml + barsW + overW * 0.5;
        const double y = yOf(over);
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#888\"><title>&gt; "
                            "p99: %5</title></rect>"
                            "<text x=\"%6\" y=\"%7\" class=\"ax\" text-anchor=\"middle\">&gt;p99</text>\n")
                 .arg(px(x), px(y), px(overW), px(mt + ph - y))
                 .arg(over)
                 .arg(px(x + overW / 2), px(mt + ph + 14));
    }
    // x axis
    s += QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"axis\"/>\n").arg(px(ml), px(mt + ph), px(pw));
    const double xstep = niceStep(hi - lo, 5);
    for (double v = std::ceil(lo / xstep) * xstep; v <= hi + 1e-9 * xstep; v += xstep)
        s += QStringLiteral("<path d=\"M%1,%2 v4\" class=\"axis\"/><text x=\"%1\" y=\"%3\" class=\"ax\" "
                            "text-anchor=\"middle\">%4</text>\n")
                 .arg(px(xOf(v)), px(mt + ph), px(mt + ph + 14), tickLabel(v, xstep));
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"ax\" text-anchor=\"middle\">%3</text>\n")
             .arg(px(ml + barsW / 2), px(ChartH - 6), esc(unit));
    // p50 and p99 markers
    const std::pair<double, const char *> marks[] = { { d.percentile(50), "p50" }, { p99, "p99" } };
    int k = 0;
    for (const auto &[v, label] : marks) {
        ++k;
        if (!std::isfinite(v) || v < lo || v > hi)
            continue;
        // Labels right of the line, or left of it near the right edge so they are not cut off.
        const bool leftSide = xOf(v) > ml + barsW * 0.7;
        s += QStringLiteral(
            "<path d=\"M%1,%2 v%3\" class=\"mark%4\"/><text x=\"%5\" y=\"%6\" class=\"marklabel\" "
            "text-anchor=\"%9\">%7 %8</text>\n")
                 .arg(px(xOf(v)), px(mt), px(ph))
                 .arg(k)
                 .arg(px(xOf(v) + (leftSide ? -3 : 3)), px(mt + 10 + (k - 1) * 12), QLatin1String(label),
                     ms(v), leftSide ? QStringLiteral("end") : QStringLiteral("start"));
    }
    return s + QStringLiteral("</svg>");
}

// Values per column of a time window; `bars` draws bars (counts), otherwise a filled step area.
QString seriesSvg(const std::vector<double> &values, qint64 fromNs, qint64 toNs, const QString &colour,
    bool bars, const QString &yUnit, const Tr &tr)
{
    const int w = 1120, h = 170;
    const double ml = 52, mr = 14, mt = 12, mb = 34;
    const double pw = w - ml - mr, ph = h - mt - mb;
    if (values.empty() || toNs <= fromNs)
        return emptyChart(w, h, tr("no data"));
    double maxV = *std::max_element(values.begin(), values.end());
    if (!(maxV > 0))
        maxV = 1;
    // Counts (bars) step by whole numbers.
    const double ystep = bars ? std::max(1.0, std::round(niceStep(maxV, 4))) : niceStep(maxV, 4);
    const double top = std::max(maxV, ystep);
    const double cw = pw / double(values.size());
    auto yOf = [&](double v) { return mt + ph - v / top * ph; };
    QString s
        = QStringLiteral("<svg class=\"chart wide\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\">\n")
              .arg(w)
              .arg(h);
    for (double v = 0; v <= top + 1e-9 * top; v += ystep)
        s += QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"grid\"/><text x=\"%4\" y=\"%5\" class=\"ax\" "
                            "text-anchor=\"end\">%6</text>\n")
                 .arg(px(ml), px(yOf(v)), px(pw), px(ml - 6), px(yOf(v) + 4), tickLabel(v, ystep));
    if (bars) {
        for (size_t i = 0; i < values.size(); ++i)
            if (values[i] > 0)
                s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                         .arg(px(ml + double(i) * cw), px(yOf(values[i])), px(std::max(1.0, cw)),
                             px(mt + ph - yOf(values[i])), colour);
    } else {
        QString d = QStringLiteral("M%1,%2").arg(px(ml), px(mt + ph));
        for (size_t i = 0; i < values.size(); ++i)
            d += QStringLiteral(" V%1 H%2").arg(px(yOf(values[i])), px(ml + double(i + 1) * cw));
        d += QStringLiteral(" V%1 Z").arg(px(mt + ph));
        s += QStringLiteral(
            "<path d=\"%1\" fill=\"%2\" fill-opacity=\"0.35\" stroke=\"%2\" stroke-width=\"1.2\"/>\n")
                 .arg(d, colour);
    }
    s += QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"axis\"/>\n").arg(px(ml), px(mt + ph), px(pw));
    const double spanS = double(toNs - fromNs) / 1e9;
    const double xstep = niceStep(spanS, 8);
    const double fromS = double(fromNs) / 1e9;
    for (double v = std::ceil(fromS / xstep) * xstep; v <= fromS + spanS + 1e-9; v += xstep) {
        const double x = ml + (v - fromS) / spanS * pw;
        s += QStringLiteral("<path d=\"M%1,%2 v4\" class=\"axis\"/><text x=\"%1\" y=\"%3\" class=\"ax\" "
                            "text-anchor=\"middle\">%4</text>\n")
                 .arg(px(x), px(mt + ph), px(mt + ph + 14), tickLabel(v, xstep));
    }
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"ax\" text-anchor=\"middle\">%3</text>")
             .arg(px(ml + pw / 2), px(h - 4), esc(tr("time since the run started (s)")));
    s += QStringLiteral("<text x=\"4\" y=\"%1\" class=\"ax\" transform=\"rotate(-90 10,%1)\" "
                        "text-anchor=\"middle\">%2</text>\n")
             .arg(px(mt + ph / 2), esc(yUnit));
    return s + QStringLiteral("</svg>");
}

struct TimeSeries
{
    qint64 fromNs = 0;
    qint64 toNs = 0;
    std::vector<double> inFlight, tokensPerS, errors;
};

TimeSeries timeSeries(const RunTrace &t, int columns)
{
    TimeSeries ts;
    qint64 end = 0;
    for (const RequestRecord &r : t.requests)
        end = std::max({ end, r.endNs, r.lastTokenNs() });
    ts.toNs = std::max(end, t.endNs);
    if (ts.toNs <= 0)
        return ts;
    const double colNs = double(ts.toNs - ts.fromNs) / columns;
    auto col = [&](qint64 at) { return std::clamp(int(double(at - ts.fromNs) / colNs), 0, columns - 1); };
    ts.inFlight.assign(size_t(columns), 0);
    ts.tokensPerS.assign(size_t(columns), 0);
    ts.errors.assign(size_t(columns), 0);
    Overlap inFlight; // trace/overlap.h: ends before starts at equal times
    for (const RequestRecord &r : t.requests) {
        if (r.dispatchNs >= 0)
            inFlight.add(r.dispatchNs, r.endNs >= 0 ? r.endNs : ts.toNs);
        for (qint64 tok : r.tokenNs)
            ts.tokensPerS[size_t(col(tok))] += 1;
        if (r.outcome == Outcome::Failed && r.endNs >= 0)
            ts.errors[size_t(col(r.endNs))] += 1;
    }
    for (double &v : ts.tokensPerS)
        v = v / (colNs / 1e9);
    // Peak in flight per column: the level on entering it and after each step inside it.
    const std::vector<std::pair<qint64, int>> steps = inFlight.steps();
    int current = 0;
    size_t e = 0;
    for (int c = 0; c < columns; ++c) {
        const qint64 colEnd
            = c + 1 == columns ? std::numeric_limits<qint64>::max() : ts.fromNs + qint64(colNs * (c + 1));
        int peak = current;
        for (; e < steps.size() && steps[e].first < colEnd; ++e) {
            current = steps[e].second;
            peak = std::max(peak, current);
        }
        ts.inFlight[size_t(c)] = peak;
    }
    return ts;
}

// ---- the server's own metrics ------------------------------------------------------------------

struct TimeLine
{
    QString key; // the points' data-series
    QString label;
    QString colour;
    bool dashed = false;
    std::vector<std::pair<qint64, double>> points; // (t_ns on the run's clock, value)
};

// Lines over the run's time axis [fromNs, toNs] (the same axis as the client's series above), one
// dot per sample. Samples outside the axis (the baseline scrape before the run, the final one
// after it) are clipped. The svg carries its domain (data-t0/t1 in ns, data-y0/y1) and plot area
// (data-left/right/top/bottom); each dot its sample (data-t, data-v).
QString timeLinesSvg(const QString &id, const std::vector<TimeLine> &lines, qint64 fromNs, qint64 toNs,
    const QString &yUnit, double fixedTop, const Tr &tr)
{
    const int w = 1120, h = 170;
    const double ml = 52, mr = 14, mt = 12, mb = 34;
    const double pw = w - ml - mr, ph = h - mt - mb;
    double maxV = 0;
    bool any = false;
    for (const TimeLine &l : lines)
        for (const auto &p : l.points)
            if (std::isfinite(p.second)) {
                any = true;
                maxV = std::max(maxV, p.second);
            }
    if (!any || toNs <= fromNs)
        return emptyChart(w, h, tr("no data"));
    const double ystep0 = niceStep(std::max(maxV, 1e-9), 4);
    double top = fixedTop > 0 ? std::max(fixedTop, maxV)
                              : std::max(ystep0, std::ceil(maxV / ystep0 - 1e-9) * ystep0);
    if (!(top > 0))
        top = 1;
    const double ystep = niceStep(top, 4);
    auto xOf = [&](qint64 t) { return ml + double(t - fromNs) / double(toNs - fromNs) * pw; };
    auto yOf = [&](double v) { return mt + ph - v / top * ph; };
    QString s
        = QStringLiteral("<svg class=\"chart wide server\" id=\"svg-%1\" viewBox=\"0 0 %2 %3\" width=\"%2\" "
                         "height=\"%3\" data-t0=\"%4\" data-t1=\"%5\" data-y0=\"0\" data-y1=\"%6\" "
                         "data-left=\"%7\" data-right=\"%8\" data-top=\"%9\" data-bottom=\"%10\">\n")
              .arg(id)
              .arg(w)
              .arg(h)
              .arg(fromNs)
              .arg(toNs)
              .arg(QString::number(top, 'g', 12), QString::number(ml, 'g', 12),
                  QString::number(ml + pw, 'g', 12), QString::number(mt, 'g', 12),
                  QString::number(mt + ph, 'g', 12));
    s += QStringLiteral("<defs><clipPath id=\"clip-%1\"><rect x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\"/>"
                        "</clipPath></defs>\n")
             .arg(id, px(ml), px(mt - 4), px(pw), px(ph + 8));
    for (double v = 0; v <= top + 1e-9 * top; v += ystep)
        s += QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"grid\"/><text x=\"%4\" y=\"%5\" class=\"ax\" "
                            "text-anchor=\"end\">%6</text>\n")
                 .arg(px(ml), px(yOf(v)), px(pw), px(ml - 6), px(yOf(v) + 4), tickLabel(v, ystep));
    s += QStringLiteral("<g clip-path=\"url(#clip-%1)\">\n").arg(id);
    for (const TimeLine &l : lines) {
        QString d;
        for (const auto &p : l.points) {
            if (!std::isfinite(p.second))
                continue;
            d += QStringLiteral("%1%2,%3 ")
                     .arg(d.isEmpty() ? QLatin1Char('M') : QLatin1Char('L'))
                     .arg(px(xOf(p.first)), px(yOf(p.second)));
        }
        s += QStringLiteral("<path d=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"1.6\"%3/>\n")
                 .arg(d.trimmed(), l.colour,
                     l.dashed ? QStringLiteral(" stroke-dasharray=\"5,3\"") : QString());
        // Dots while they stay readable (the scraper caps the samples; a long run at 2 Hz has many).
        if (l.points.size() > 600)
            continue;
        for (const auto &p : l.points) {
            if (!std::isfinite(p.second))
                continue;
            s += QStringLiteral(
                "<circle class=\"sample\" data-series=\"%1\" data-t=\"%2\" data-v=\"%3\" cx=\"%4\" "
                "cy=\"%5\" r=\"2.2\" fill=\"%6\"><title>%7 s: %8 %9</title></circle>\n")
                     .arg(l.key)
                     .arg(p.first)
                     .arg(QString::number(p.second, 'g', 12), px(xOf(p.first)), px(yOf(p.second)), l.colour,
                         QString::number(double(p.first) / 1e9, 'f', 3), QString::number(p.second, 'g', 6),
                         esc(yUnit));
        }
    }
    s += QStringLiteral("</g>\n");
    s += QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"axis\"/>\n").arg(px(ml), px(mt + ph), px(pw));
    const double spanS = double(toNs - fromNs) / 1e9;
    const double xstep = niceStep(spanS, 8);
    const double fromS = double(fromNs) / 1e9;
    for (double v = std::ceil(fromS / xstep) * xstep; v <= fromS + spanS + 1e-9; v += xstep) {
        const double x = ml + (v - fromS) / spanS * pw;
        s += QStringLiteral("<path d=\"M%1,%2 v4\" class=\"axis\"/><text x=\"%1\" y=\"%3\" class=\"ax\" "
                            "text-anchor=\"middle\">%4</text>\n")
                 .arg(px(x), px(mt + ph), px(mt + ph + 14), tickLabel(v, xstep));
    }
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"ax\" text-anchor=\"middle\">%3</text>")
             .arg(px(ml + pw / 2), px(h - 4), esc(tr("time since the run started (s)")));
    s += QStringLiteral("<text x=\"4\" y=\"%1\" class=\"ax\" transform=\"rotate(-90 10,%1)\" "
                        "text-anchor=\"middle\">%2</text>\n")
             .arg(px(mt + ph / 2), esc(yUnit));
    return s + QStringLiteral("</svg>");
}

QString timeLinesKeys(const std::vector<TimeLine> &lines)
{
    QString out;
    for (const TimeLine &l : lines)
        out += QStringLiteral(
            "<span class=\"key\"><svg width=\"22\" height=\"10\" viewBox=\"0 0 22 10\"><path "
            "d=\"M1,5 h20\" stroke=\"%1\" stroke-width=\"2\"%2/></svg> %3</span> ")
                   .arg(l.colour, l.dashed ? QStringLiteral(" stroke-dasharray=\"4,2\"") : QString(),
                       esc(l.label));
    return out;
}

// The server histogram's percentile over each interval between consecutive scrapes (differences of
// cumulative buckets), at the later scrape's time, in ms; intervals with no observation give none.
std::vector<std::pair<qint64, double>> intervalQuantiles(
    const ServerMetricsRecord &m, const QString &metric, double q)
{
    std::vector<std::pair<qint64, double>> out;
    std::vector<qint64> times;
    for (const ServerSeries &s : m.series) {
        if (s.metric != metric || !s.name.endsWith(QLatin1String("_bucket")))
            continue;
        for (const auto &p : s.samples)
            times.push_back(p.first);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    for (size_t i = 1; i < times.size(); ++i) {
        ServerHistogramWindow w;
        if (!serverHistogramWindow(m, metric, times[i - 1], times[i], &w) || !(w.count > 0))
            continue;
        const double v = w.quantile(q);
        if (std::isfinite(v))
            out.emplace_back(times[i], v * 1e3);
    }
    return out;
}

QString serverMetricsSection(const RunTrace &trace, const Summary &summary, qint64 fromNs, qint64 toNs,
    const SecretScrubber &scrub, const Tr &tr)
{
    const ServerMetricsRecord &m = trace.serverMetrics;
    QString h
        = QStringLiteral("<section id=\"server-metrics\">\n<h2>%1</h2>\n<p class=\"note\">%2</p>\n")
              .arg(esc(tr("Inside the kitchen: the server's own metrics")),
                  esc(tr("%1 scraped every %2 ms: %3 scrapes, %4 failed (%5). Each sample is at the midpoint "
                         "of its scrape's round trip on the run's clock.")
                          .arg(scrub.url(m.url))
                          .arg(m.intervalMs)
                          .arg(m.scrapes)
                          .arg(m.failedScrapes)
                          .arg(m.server.isEmpty() ? tr("server not recognised") : m.server)));
    // One line per label set (a server with two models reports each one's queue): the first keeps
    // the metric's key, the others get "-2", "-3" ... and their distinguishing labels, dashed.
    auto lines = [&](std::vector<TimeLine> *out, const QString &metric, const QString &label,
                     const QString &colour, double scale) {
        const std::vector<const ServerSeries *> all = m.findAll(metric);
        const QStringList names = distinguishingLabels(all);
        for (size_t i = 0; i < all.size(); ++i) {
            TimeLine line { i == 0 ? metric : QStringLiteral("%1-%2").arg(metric).arg(i + 1),
                names.at(qsizetype(i)).isEmpty() ? label
                                                 : QStringLiteral("%1 %2").arg(label, names.at(qsizetype(i))),
                colour, i % 2 == 1, {} };
            for (const auto &p : all[i]->samples)
                line.points.emplace_back(p.first, p.second * scale);
            out->push_back(std::move(line));
        }
    };
    std::vector<TimeLine> queue;
    lines(&queue, QStringLiteral("running"), tr("running (cooking)"), QStringLiteral("#2e7d32"), 1);
    lines(&queue, QStringLiteral("waiting"), tr("waiting (in the kitchen's line)"), QStringLiteral("#e67e22"),
        1);
    int charts = 0;
    if (!queue.empty()) {
        ++charts;
        h += QStringLiteral(
            "<figure id=\"server-queue\"><h3>%1</h3>\n%2\n<figcaption>%3</figcaption></figure>\n")
                 .arg(esc(tr("Server requests: running and waiting")),
                     timeLinesSvg(QStringLiteral("server-queue"), queue, fromNs, toNs, tr("requests"), 0, tr),
                     timeLinesKeys(queue));
    }
    if (m.find(QStringLiteral("kv_cache_usage"))) {
        std::vector<TimeLine> kv;
        lines(&kv, QStringLiteral("kv_cache_usage"), tr("KV cache in use"), QStringLiteral("#4e5993"), 100);
        ++charts;
        h += QStringLiteral(
            "<figure id=\"server-kv\"><h3>%1</h3>\n%2\n<figcaption>%3</figcaption></figure>\n")
                 .arg(esc(tr("KV-cache usage")),
                     timeLinesSvg(
                         QStringLiteral("server-kv"), kv, fromNs, toNs, QStringLiteral("%"), 100, tr),
                     esc(tr("The share of the server's KV-cache (token pool) in use, in %."))
                         + (kv.size() > 1 ? QStringLiteral("<br>") + timeLinesKeys(kv) : QString()));
    }
    std::vector<TimeLine> ttft;
    for (const auto &[q, key, colour, dashed] :
        { std::tuple { 0.5, "p50", "#4e5993", false }, std::tuple { 0.99, "p99", "#c0392b", true } }) {
        auto points = intervalQuantiles(m, QStringLiteral("ttft"), q);
        if (!points.empty())
            ttft.push_back(TimeLine { QLatin1String(key), tr("server TTFT %1").arg(QLatin1String(key)),
                QLatin1String(colour), dashed, std::move(points) });
    }
    if (!ttft.empty()) {
        ++charts;
        h += QStringLiteral(
            "<figure id=\"server-ttft\"><h3>%1</h3>\n%2\n<figcaption>%3<br>%4</figcaption></figure>\n")
                 .arg(esc(tr("Server TTFT percentiles")),
                     timeLinesSvg(
                         QStringLiteral("server-ttft"), ttft, fromNs, toNs, QStringLiteral("ms"), 0, tr),
                     timeLinesKeys(ttft),
                     esc(tr("From the server's TTFT histogram between consecutive scrapes (differences of "
                            "cumulative "
                            "buckets), interpolated inside a bucket.")));
    }
    // The server's percentiles over the run's window next to the client's.
    QString rows;
    const struct
    {
        const char *metric;
        const char *name;
        const Distribution &client;
    } pairs[] = { { "ttft", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "TTFT (time to first token)"),
                      summary.ttft },
        { "inter_token", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "ITL (inter-token latency)"),
            summary.itl } };
    for (const auto &p : pairs) {
        ServerHistogramWindow w;
        if (!runHistogramWindow(m, QLatin1String(p.metric), trace.measuredStartNs, &w) || !(w.count > 0))
            continue;
        rows
            += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                   .arg(esc(tr(p.name)))
                   .arg(w.count, 0, 'f', 0)
                   .arg(ms(w.quantile(0.5) * 1e3), ms(w.quantile(0.99) * 1e3),
                       p.client.count ? ms(p.client.percentile(50)) : QStringLiteral("–"),
                       p.client.count ? ms(p.client.percentile(99)) : QStringLiteral("–"));
    }
    if (!rows.isEmpty())
        h += QStringLiteral(
            "<table id=\"server-vs-client\">\n<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5"
            "</th><th>%6</th></tr>\n%7</table>\n<p class=\"note\">%8</p>\n")
                 .arg(esc(tr("Metric")), esc(tr("server observations")), esc(tr("server p50 (ms)")),
                     esc(tr("server p99 (ms)")), esc(tr("client p50 (ms)")), esc(tr("client p99 (ms)")), rows,
                     esc(tr(
                         "The difference is what the network and the client add (and the histogram's bucket "
                         "width).")));
    if (charts == 0 && rows.isEmpty())
        h += QStringLiteral("<p>%1</p>\n")
                 .arg(esc(tr("No running, waiting, KV-cache or TTFT series were scraped.")));
    return h + QStringLiteral("</section>\n");
}

// A multi-turn run's latencies by turn index (Summary::perTurn): the customers who order again
// after eating. Empty for a run without sessions.
QString perTurnSection(const Summary &summary, const Tr &tr)
{
    if (summary.perTurn.empty())
        return {};
    QString rows;
    for (const TurnSummary &t : summary.perTurn) {
        auto cell = [](const Distribution &d, double rank) {
            return d.count ? ms(d.percentile(rank)) : QStringLiteral("–");
        };
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                               "<td>%7</td></tr>\n")
                    .arg(t.turn + 1)
                    .arg(t.sent)
                    .arg(t.completed)
                    .arg(cell(t.ttft, 50), cell(t.ttft, 99), cell(t.e2el, 50), cell(t.e2el, 99));
    }
    return QStringLiteral(
        "<section id=\"per-turn\">\n<h2>%1</h2>\n<table id=\"per-turn-table\">\n<tr><th>%2</th>"
        "<th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th><th>%8</th></tr>\n%9</table>\n"
        "<p class=\"note\">%10</p>\n</section>\n")
        .arg(esc(tr("Per turn: the regulars' second orders")), esc(tr("Turn")), esc(tr("sent")),
            esc(tr("completed")), esc(tr("TTFT p50 (ms)")), esc(tr("TTFT p99 (ms)")),
            esc(tr("E2EL p50 (ms)")), esc(tr("E2EL p99 (ms)")), rows,
            esc(tr("Each session's k-th request. A later turn carries the whole conversation so far; with a "
                   "prefix cache its TTFT should not grow with that history.")));
}

// ---- built-in timeline (used when the render library is not available) -------------------------

QString builtinTimeline(const RunTrace &t, const Options &options, const Tr &tr)
{
    const int w = options.timelineWidth;
    const double gutter = 96, right = 10;
    const double pw = w - gutter - right;
    qint64 from = std::max<qint64>(0, options.fromNs);
    qint64 to = options.toNs;
    if (to < 0) {
        to = t.endNs;
        for (const RequestRecord &r : t.requests)
            to = std::max({ to, r.endNs, r.lastTokenNs() });
    }
    if (to <= from)
        to = from + 1'000'000;
    const bool byRequest = t.requests.size() <= 400;
    int lanes = 0;
    if (byRequest) {
        lanes = int(t.requests.size());
    } else {
        for (const RequestRecord &r : t.requests)
            lanes = std::max(lanes, r.lane + 1);
    }
    const double laneH = lanes > 0 ? std::clamp(720.0 / lanes, 2.0, 14.0) : 14;
    const double axisH = 22, loopH = 26, workerH = 14;
    const int workers = int(t.taskLanes.size());
    const double loopTop = axisH + 4;
    const double workerTop = loopTop + loopH + 6;
    const double reqTop = workerTop + workers * workerH + (workers ? 6 : 0);
    const double h = reqTop + lanes * laneH + 8;
    auto x = [&](qint64 ns) {
        return gutter + double(std::clamp(ns, from, to) - from) / double(to - from) * pw;
    };

    QString s
        = QStringLiteral("<svg class=\"timeline-svg\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\">\n")
              .arg(w)
              .arg(px(h));
    s += QStringLiteral("<rect width=\"%1\" height=\"%2\" fill=\"#fff\"/>\n").arg(w).arg(px(h));
    // axis
    const double spanS = double(to - from) / 1e9;
    const double step = niceStep(spanS, 10);
    for (double v = std::ceil(double(from) / 1e9 / step) * step; v <= double(to) / 1e9 + 1e-12; v += step) {
        const double xx = x(qint64(std::llround(v * 1e9)));
        s += QStringLiteral("<path d=\"M%1,%2 V%3\" class=\"grid\"/><text x=\"%1\" y=\"14\" class=\"ax\" "
                            "text-anchor=\"middle\">%4 s</text>\n")
                 .arg(px(xx), px(axisH), px(h - 8), tickLabel(v, step));
    }
    // event loop
    s += QStringLiteral("<text x=\"4\" y=\"%1\" class=\"lane\">%2</text>\n")
             .arg(px(loopTop + 16), esc(tr("event loop")));
    for (const Span &sp : t.loopBusy) {
        if (sp.endNs < from || sp.startNs > to)
            continue;
        const bool blocked = sp.endNs - sp.startNs >= 16'000'000;
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                 .arg(px(x(sp.startNs)), px(loopTop + (blocked ? 0 : 6)),
                     px(std::max(0.6, x(sp.endNs) - x(sp.startNs))), px(blocked ? loopH : loopH - 12),
                     fillRef(blocked ? Blocked : CpuWork));
    }
    // workers
    for (int lane = 0; lane < workers; ++lane)
        s += QStringLiteral("<text x=\"4\" y=\"%1\" class=\"lane\">%2</text>\n")
                 .arg(px(workerTop + lane * workerH + 11),
                     esc(LaneNames::english(t.taskLanes.at(size_t(lane)))));
    for (const TaskRecord &task : t.tasks) {
        if (task.lane < 0 || task.lane >= workers || task.startNs < 0 || task.endNs < task.startNs)
            continue;
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                 .arg(px(x(task.startNs)), px(workerTop + task.lane * workerH + 1),
                     px(std::max(0.6, x(task.endNs) - x(task.startNs))), px(workerH - 2),
                     fillRef(task.kind == TaskKind::HeldWaiting ? Blocked : CpuWork));
    }
    // requests
    const bool ticks = laneH >= 6;
    for (size_t i = 0; i < t.requests.size(); ++i) {
        const RequestRecord &r = t.requests[i];
        const int lane = byRequest ? int(i) : r.lane;
        if (lane < 0)
            continue;
        const double y = reqTop + lane * laneH;
        const double bh = std::max(1.0, laneH - (laneH > 4 ? 2 : 0));
        if (byRequest && laneH >= 9 && (lanes <= 60 || i % size_t(std::max(1, lanes / 30)) == 0))
            s += QStringLiteral("<text x=\"4\" y=\"%1\" class=\"lane\">#%2</text>\n")
                     .arg(px(y + laneH - 3))
                     .arg(shownNumber(qint64(i)));
        auto box = [&](int look, qint64 a, qint64 b, double inset = 0) {
            if (b <= a || b < from || a > to)
                return;
            s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"%6/>\n")
                     .arg(px(x(a)), px(y + inset), px(std::max(0.6, x(b) - x(a))),
                         px(std::max(0.6, bh - 2 * inset)), fillRef(look), strokeAttrs(look));
        };
        const qint64 end = r.endNs >= 0 ? r.endNs : std::max(r.lastTokenNs(), r.dispatchNs);
        const qint64 firstSend = !r.attempts.empty() && r.attempts.front().startNs >= 0
            ? r.attempts.front().startNs
            : r.dispatchNs;
        if (r.intendedNs >= 0 && firstSend > r.intendedNs) {
            box(Queued, r.intendedNs, firstSend);
            box(Ghost, r.intendedNs, firstSend);
        }
        // Failed attempts (thin), the retry wait after each (hatched like every wait), then the
        // final attempt from where its wait ended: the phases render/requestphases draws.
        qint64 cursor = firstSend;
        for (size_t k = 0; k < r.attempts.size(); ++k) {
            const AttemptRecord &a = r.attempts[k];
            if (k > 0)
                box(Backoff, cursor, a.startNs);
            box(ErrorLook, a.startNs, a.endNs, bh / 4);
            cursor = a.endNs;
        }
        if (r.dispatchNs < 0) {
            if (r.intendedNs >= 0)
                box(Queued, r.intendedNs, end);
            continue;
        }
        qint64 start = r.dispatchNs;
        if (!r.attempts.empty()) {
            const AttemptRecord &last = r.attempts.back();
            start = -1;
            if (last.waitNs >= 0 && last.endNs >= 0) {
                start = last.endNs + last.waitNs;
            } else if (last.endNs >= 0) {
                // An older report (no wait_ns): the first sign of the final attempt.
                for (qint64 sign : { r.sentNs, r.headersNs, r.firstByteNs, r.firstTokenNs() })
                    if (sign >= last.endNs && (start < 0 || sign < start))
                        start = sign;
            }
            if (start < 0) { // cut off while it waited for the next attempt
                box(Backoff, cursor, end);
                start = end;
            } else {
                box(Backoff, cursor, start);
            }
        }
        const qint64 sent = r.sentNs >= start ? r.sentNs : start;
        box(Sending, start, sent);
        const qint64 first = r.firstTokenNs();
        if (first >= 0) {
            box(Waiting, sent, first);
            box(Streaming, first, std::max(end, r.lastTokenNs()));
            if (ticks)
                for (qint64 tok : r.tokenNs)
                    if (tok >= from && tok <= to)
                        s += QStringLiteral("<path d=\"M%1,%2 v%3\" stroke=\"%4\" stroke-width=\"0.8\"/>\n")
                                 .arg(px(x(tok)), px(y + 1), px(bh - 2), lookOf(Streaming).tick);
        } else if (r.outcome == Outcome::Success && r.firstByteNs >= sent) {
            box(Waiting, sent, r.firstByteNs);
            box(Streaming, r.firstByteNs, end);
        } else {
            box(Waiting, sent, end);
        }
        if (r.outcome == Outcome::Failed || r.outcome == Outcome::Incomplete) {
            const double xe = x(end);
            s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"4\" height=\"%3\" fill=\"%4\"/>\n")
                     .arg(px(xe - 2), px(y), px(bh),
                         fillRef(r.outcome == Outcome::Failed ? ErrorLook : IncompleteLook));
        }
    }
    return s + QStringLiteral("</svg>");
}

QString rendererTimeline(const RunTrace &t, const Options &options)
{
    TimelineImage::Options o;
    o.width = options.timelineWidth;
    o.fromNs = options.fromNs;
    o.toNs = options.toNs;
    o.legend = false; // the report's own legend, below, is translated
    int lanes = int(t.requests.size());
    o.laneByRequest = lanes <= 400;
    QString error;
    const QByteArray svg = TimelineImage::render(TimelineImage::Format::Svg, t, o, &error);
    const qsizetype start = svg.indexOf("<svg");
    if (svg.isEmpty() || start < 0)
        return QString();
    return QString::fromUtf8(svg.mid(start)).trimmed();
}

// ---- sections ---------------------------------------------------------------------------------

// "load.concurrency: 16" lines for the scenario section; arrays stay inline.
void flatten(const QJsonObject &o, const QString &prefix, QStringList *out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        const QJsonValue v = it.value();
        if (v.isObject() && !v.toObject().isEmpty()) {
            flatten(v.toObject(), key, out);
            continue;
        }
        QString text;
        if (v.isString())
            text = v.toString().isEmpty() ? QStringLiteral("\"\"") : v.toString();
        else if (v.isObject())
            text = QStringLiteral("{}");
        else
            text = QString::fromUtf8(QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact))
                       .mid(1)
                       .chopped(1);
        *out << QStringLiteral("<div><dt>%1</dt><dd>%2</dd></div>\n").arg(esc(key), esc(text));
    }
}

struct MetricText
{
    const char *key;
    const char *name; // English; translated in ReportContext
    const char *formula;
};

const MetricText latencyMetrics[] = {
    { "ttft", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "TTFT (time to first token)"),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "first token event − request start") },
    { "tpot", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "TPOT (time per output token)"),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "(E2EL − TTFT) / (output tokens − 1), requests with more than 1 output token") },
    { "itl", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "ITL (inter-token latency)"),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "each gap between consecutive token events, pooled over all successful requests") },
    { "e2el", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "E2EL (end-to-end latency)"),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "last token event − request start (non-streaming: response fully read − request start)") },
    { "queue", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "Client queue time (extra)"),
        QT_TRANSLATE_NOOP(
            "BurgerBench::HtmlReport", "request start − intended start (time at the client's own gates)") },
    { "ttfb", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "Time to first byte (extra)"),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "first byte − request start") },
    { "schedule", QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "Schedule-relative latency (extra)"),
        QT_TRANSLATE_NOOP(
            "BurgerBench::HtmlReport", "end − intended start (what a user who arrived on schedule felt)") },
};

const Distribution &distributionFor(const Summary &s, int i)
{
    const Distribution *all[] = { &s.ttft, &s.tpot, &s.itl, &s.e2el, &s.queue, &s.ttfb, &s.scheduleLatency };
    return *all[i];
}

QString card(const QString &value, const QString &label, const QString &formula)
{
    return QStringLiteral("<div class=\"card\"><div class=\"value\">%1</div><div class=\"label\">%2</div>"
                          "<div class=\"formula\">%3</div></div>\n")
        .arg(esc(value), esc(label), esc(formula));
}

QString modeText(const RunTrace &t, const Tr &tr)
{
    const Scenario &s = t.scenario;
    switch (s.mode) {
    case ExecutionMode::Sequential:
        return tr("sequential: one request at a time");
    case ExecutionMode::Concurrent:
        return tr("concurrent: one event loop, up to %1 in flight").arg(s.concurrency);
    case ExecutionMode::ParallelBlocking:
        return tr("parallel: %1 blocking workers").arg(s.workers);
    case ExecutionMode::ParallelCpu:
        return tr("parallel CPU work: %1 workers").arg(s.workers);
    case ExecutionMode::Mixed:
        return tr("both: event loop plus a worker pool");
    case ExecutionMode::AntiPattern:
        return tr("anti-pattern: CPU work on the event loop");
    case ExecutionMode::BackgroundJobs:
        return tr("background jobs: accepted at once, run by %1 workers, status polled").arg(s.workers);
    }
    return executionModeName(s.mode);
}

const char *css()
{
    return R"CSS(
:root { --ink:#1d1f24; --muted:#666b76; --line:#d9dce3; --bg:#fbfbfd; --accent:#4e5993; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 60px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 0 0 4px; }
.sub { color: var(--muted); margin: 0 0 14px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: right; vertical-align: top; }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
th { background: #f1f2f6; font-weight: 600; }
table.meta td, table.meta th { text-align: left; }
table.meta th { width: 210px; background: none; color: var(--muted); font-weight: 500; }
td.formula { color: var(--muted); font-size: 12px; text-align: left; max-width: 330px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(205px, 1fr)); gap: 10px; }
.card { background:#fff; border:1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .value { font-size: 22px; font-weight: 650; }
.card .label { font-weight: 600; }
.card .formula { color: var(--muted); font-size: 12px; margin-top: 3px; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 14px; }
figure { margin: 0; background:#fff; border:1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
svg.chart { width: 100%; height: auto; display: block; }
.timeline { background:#fff; border:1px solid var(--line); border-radius: 8px; padding: 8px; overflow-x: auto; }
.timeline svg { width: 100%; height: auto; display: block; }
.timeline svg text { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; }
svg.defs { position: absolute; width: 0; height: 0; }
.grid { stroke: #eceef3; stroke-width: 1; }
.axis { stroke: #9aa0ab; stroke-width: 1; fill: none; }
.ax { font-size: 11px; fill: #5d6370; }
.lane { font-size: 10px; fill: #5d6370; }
.muted { fill: var(--muted); color: var(--muted); }
.mark1 { stroke: #1d1f24; stroke-dasharray: 4,3; stroke-width: 1.2; }
.mark2 { stroke: #c0392b; stroke-dasharray: 4,3; stroke-width: 1.2; }
.marklabel { font-size: 11px; fill: #1d1f24; }
ul.legend { list-style: none; padding: 0; margin: 10px 0 0; columns: 2; column-gap: 24px; }
ul.legend li { break-inside: avoid; margin: 0 0 6px; }
ul.legend svg { vertical-align: middle; }
ul.legend span { color: var(--muted); font-size: 12px; }
span.key { margin-right: 12px; white-space: nowrap; }
span.key svg { vertical-align: middle; }
dl.scenario { columns: 3 300px; column-gap: 24px; background:#fff; border:1px solid var(--line); border-radius: 8px;
  padding: 10px 12px; margin: 0 0 8px; font-size: 12px; }
dl.scenario div { break-inside: avoid; display: flex; gap: 8px; border-bottom: 1px dotted var(--line); padding: 1px 0; }
dl.scenario dt { color: var(--muted); flex: 1; }
dl.scenario dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; text-align: right; word-break: break-all; }
details summary { cursor: pointer; color: var(--muted); }
pre { background:#fff; border:1px solid var(--line); border-radius: 8px; padding: 10px 12px; overflow-x: auto; font-size: 12px; }
ol.defs li { margin-bottom: 4px; }
.note { color: var(--muted); font-size: 12px; }
.bad { color: #a3261b; font-weight: 600; }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print { body { background: #fff; } .timeline { overflow: visible; } }
)CSS";
}

} // namespace

QByteArray toBytes(const RunTrace &trace, const Summary &summary, const Options &options)
{
    const Tr tr(options.language);
    const SecretScrubber scrub(trace.scenario.apiKeyEnv);
    const Scenario &sc = trace.scenario;
    const QString started = trace.startedAt.isValid() ? trace.startedAt.toUTC().toString(Qt::ISODateWithMs)
                                                      : QStringLiteral("–");
    const QString target = trace.targetUrl.isEmpty() ? tr("built-in simulator") : scrub.url(trace.targetUrl);
    QString h;
    h.reserve(1 << 20);
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"BurgerBench "
                        "%2\">\n<title>%3</title>\n<style>%4</style>\n</head>\n<body>\n")
             .arg(I18n::code(options.language), QStringLiteral(BURGERBENCH_VERSION),
                 esc(tr("BurgerBench report: %1").arg(scrub.text(sc.name))), QString::fromUtf8(css()));
    h += patternDefs();
    h += QStringLiteral("<main>\n<header id=\"run\">\n<h1>%1</h1>\n<p class=\"sub\">%2 · %3 · %4</p>\n")
             .arg(esc(tr("BurgerBench report: %1").arg(scrub.text(sc.name))), esc(modeText(trace, tr)),
                 esc(started), esc(target));
    if (trace.cancelled || !trace.abortReason.isEmpty())
        h += QStringLiteral("<p class=\"bad\">%1 %2</p>\n")
                 .arg(esc(tr("The run was stopped early.")), esc(scrub.text(trace.abortReason)));
    if (sc.tlsInsecure)
        h += QStringLiteral("<p class=\"bad\" id=\"insecure\">%1</p>\n")
                 .arg(esc(tr("TLS certificates were not verified (--insecure): anyone on the path could "
                             "read or change this run's traffic.")));
    if (summary.clientLimit.limited) { // METRICS.md, "Client busy"
        QString line = tr("This client limited the measurement: its engine thread was busy %1% of its "
                          "busiest second and its loop lag p99 was %2 ms. The figures are upper bounds of "
                          "what the server did.")
                           .arg(num(summary.client.busyMax * 100, 0), num(summary.client.loopLagP99Ms, 1));
        if (summary.clientLimit.hint == ClientVerdict::Hint::SocketTransport)
            line += u' ' + tr("The socket transport (--transport socket) costs less per token event.");
        else if (summary.clientLimit.hint == ClientVerdict::Hint::CpuOnLoop)
            line += u' ' + tr("The run's own CPU work ran on the event loop.");
        h += QStringLiteral("<p class=\"bad\" id=\"client-limited\">%1</p>\n").arg(esc(line));
    }

    // Metadata.
    const QString measuredWith = options.meta.contains(QLatin1String("burgerbench_version"))
        ? QStringLiteral("BurgerBench %1, Qt %2")
              .arg(options.meta.value(QLatin1String("burgerbench_version")).toString(),
                  options.meta.value(QLatin1String("qt_version")).toString())
        : QStringLiteral("–");
    QString load;
    if (trace.replayedRows > 0) // the dataset's own times, not the load mode's arrivals
        load = tr("replay: %1 timestamped rows at time scale %2, up to %3 in flight")
                   .arg(trace.replayedRows)
                   .arg(sc.workload.timeScale)
                   .arg(sc.concurrency);
    else if (sc.rate > 0)
        load = tr("open loop: %1 req/s, burstiness %2, cap %3")
                   .arg(sc.rate)
                   .arg(sc.burstiness)
                   .arg(sc.concurrency);
    else
        load = tr("closed loop: concurrency %1").arg(sc.concurrency);
    if (sc.workload.sessionRun())
        load += sc.workload.dataset.isEmpty()
            ? tr(", %1 sessions of %2 turns").arg(sc.workload.sessions).arg(sc.workload.turns)
            : tr(", the dataset's conversations as sessions");
    // A replay ends with its rows, sessions with their last turns: no count or duration to show.
    const bool endsItself
        = trace.replayedRows > 0 || (sc.workload.sessionRun() && sc.requests <= 0 && sc.durationS <= 0);
    if (!endsItself)
        load += sc.requests > 0 ? tr(", %1 requests").arg(sc.requests) : tr(", for %1 s").arg(sc.durationS);
    if (sc.warmup > 0)
        load += tr(" (+%1 warm-up)").arg(sc.warmup);
    const QList<std::pair<QString, QString>> metaRows {
        { tr("Started (UTC)"), started },
        { tr("Target"), target },
        { tr("Model"), sc.model },
        { tr("Execution"), modeText(trace, tr) },
        { tr("Load"), load },
        { tr("Request"),
            tr("%1, max %2 tokens, prompt %3 tokens")
                .arg(sc.stream ? QStringLiteral("stream") : tr("no stream"))
                .arg(sc.maxTokens)
                .arg(sc.promptTokens) },
        { tr("Metric definitions"), trace.definitions },
        { tr("Clock"), tr("one monotonic ns clock per run; times from the run start") },
        { tr("Measured with"), measuredWith },
        { tr("CPU count"), QString::number(trace.cpuCount) },
    };
    h += QStringLiteral("<table class=\"meta\">\n");
    for (const auto &[k, v] : metaRows)
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(k), esc(scrub.text(v)));
    const QJsonArray mergedFrom = options.meta.value(QLatin1String("merged_from")).toArray();
    if (!mergedFrom.isEmpty()) {
        QStringList parts;
        for (const auto &v : mergedFrom) {
            const QJsonObject o = v.toObject();
            parts << QStringLiteral("%1 (+%2 ms, %3)")
                         .arg(o.value(QLatin1String("file")).toString())
                         .arg(double(o.value(QLatin1String("offset_ns")).toInteger()) / 1e6)
                         .arg(o.value(QLatin1String("started_at")).toString());
        }
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
                 .arg(esc(tr("Merged from")), esc(scrub.text(parts.join(QStringLiteral("; ")))));
    }
    h += QStringLiteral("</table>\n</header>\n");

    // Summary.
    h += QStringLiteral("<section id=\"summary\">\n<h2>%1</h2>\n<div class=\"cards\">\n")
             .arg(esc(tr("Summary")));
    h += card(
        QStringLiteral("%1 / %2 / %3").arg(summary.completed).arg(summary.failed).arg(summary.incomplete),
        tr("Completed / failed / incomplete"),
        tr("of %1 measured requests sent; warm-up excluded").arg(summary.sent));
    h += card(num(summary.durationS, 3) + QStringLiteral(" s"), tr("Duration"),
        tr("just before the first measured dispatch → the last one settled"));
    h += card(num(summary.requestThroughput, 2) + tr(" req/s"), tr("Request throughput"),
        tr("successful requests / duration"));
    // No success: no token figure (zeros would read as a measured 0 tok/s).
    const bool tokens = summary.tokenFigures();
    const QString noSuccess = tr("no successful request");
    h += card(tokens ? num(summary.outputThroughput, 1) + QStringLiteral(" tok/s") : noSuccess,
        tr("Output throughput"), tr("Σ output tokens / duration"));
    h += card(tokens ? num(summary.totalTokenThroughput, 1) + QStringLiteral(" tok/s") : noSuccess,
        tr("Total token throughput"), tr("(Σ prompt + Σ output tokens) / duration"));
    h += card(sc.slo.any() ? num(summary.goodput, 2) + tr(" req/s") : tr("no SLO set"), tr("Goodput"),
        tr("successful requests meeting every SLO / duration"));
    h += card(QString::number(summary.peakConcurrency), tr("Peak concurrency"),
        tr("exact sweep over [start, end), ends before starts"));
    h += card(num(summary.peakTokensPerS, 0) + QStringLiteral(" tok/s"), tr("Peak tokens/s"),
        tr("busiest 1-second bucket of token events"));
    h += card(QStringLiteral("%1 / %2").arg(summary.totalPromptTokens).arg(summary.totalOutputTokens),
        tr("Prompt / output tokens"),
        !tokens ? noSuccess
            : summary.outputTokensFromUsage
            ? tr("from the server's usage.completion_tokens")
            : tr("counted as token events: the server sent no usage (flagged)"));
    if (summary.client.measured)
        h += card(num(summary.client.busyMax * 100, 0) + QStringLiteral(" %"), tr("Client busy"),
            tr("the engine thread's busiest second; loop lag p99 %1 ms; %2")
                .arg(num(summary.client.loopLagP99Ms, 1),
                    summary.clientLimit.limited ? tr("limiting") : tr("not limiting")));
    if (summary.tokenCountMismatch > 0)
        h += card(QStringLiteral("%1 / %2").arg(summary.tokenCountMismatch).arg(summary.completed),
            tr("Usage disagrees with token events"),
            tr("successes whose usage.completion_tokens differs from the token events they sent: TPOT "
               "divides by the usage, ITL counts the events"));
    h += QStringLiteral("</div>\n</section>\n");

    // Percentiles.
    QList<double> ranks = summary.ttft.percentileRanks;
    if (ranks.isEmpty())
        ranks = sc.percentiles;
    if (!tokens)
        h += QStringLiteral("<p class=\"note\" id=\"no-success\">%1</p>\n")
                 .arg(esc(tr("No request succeeded: there is no TTFT, TPOT, ITL, E2EL or token throughput to "
                             "give, only the failures below.")));
    h += QStringLiteral("<section id=\"percentiles\">\n<h2>%1</h2>\n<p "
                        "class=\"note\">%2</p>\n<table>\n<tr><th>%3</th><th>n</th>"
                        "<th>%4</th><th>%5</th><th>%6</th><th>min</th><th>max</th>")
             .arg(esc(tr("Latency percentiles (ms)")),
                 esc(tr("Exact samples of successful measured requests; percentiles by linear interpolation "
                        "between "
                        "closest ranks (numpy's default); std is the population standard deviation.")),
                 esc(tr("Metric")), esc(tr("mean")), esc(tr("median")), QStringLiteral("std"));
    for (double r : ranks)
        h += QStringLiteral("<th>%1</th>").arg(JsonReport::percentileKey(r));
    h += QStringLiteral("<th class=\"text\">%1</th></tr>\n").arg(esc(tr("Formula")));
    for (int i = 0; i < 7; ++i) {
        const MetricText &m = latencyMetrics[i];
        const Distribution &d = distributionFor(summary, i);
        h += QStringLiteral(
            "<tr "
            "id=\"metric-%1\"><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td>")
                 .arg(QLatin1String(m.key), esc(tr(m.name)))
                 .arg(d.count)
                 .arg(d.count ? ms(d.mean) : QStringLiteral("–"),
                     d.count ? ms(d.median) : QStringLiteral("–"),
                     d.count ? ms(d.stddev) : QStringLiteral("–"), d.count ? ms(d.min) : QStringLiteral("–"),
                     d.count ? ms(d.max) : QStringLiteral("–"));
        for (double r : ranks)
            h += QStringLiteral("<td>%1</td>").arg(d.count ? ms(d.percentile(r)) : QStringLiteral("–"));
        h += QStringLiteral("<td class=\"formula\">%1</td></tr>\n").arg(esc(tr(m.formula)));
    }
    h += QStringLiteral("</table>\n</section>\n");

    // Histograms.
    const Compare::Samples samples = Compare::collectSamples(trace);
    const struct
    {
        int metric;
        const std::vector<double> &v;
        const Distribution &d;
        const char *colour;
    } hists[] = { { 0, samples.ttft, summary.ttft, "#4e5993" }, { 2, samples.itl, summary.itl, "#863fb0" },
        { 1, samples.tpot, summary.tpot, "#a66cc9" }, { 3, samples.e2el, summary.e2el, "#2e7d6f" } };
    h += QStringLiteral("<section id=\"histograms\">\n<h2>%1</h2>\n<div class=\"grid2\">\n")
             .arg(esc(tr("Histograms")));
    for (const auto &hist : hists) {
        const MetricText &m = latencyMetrics[hist.metric];
        h += QStringLiteral(
            "<figure id=\"hist-%1\"><h3>%2</h3>\n%3\n<figcaption>%4 %5</figcaption></figure>\n")
                 .arg(QLatin1String(m.key), esc(tr(m.name)),
                     histogramSvg(hist.v, hist.d, QStringLiteral("ms"), QLatin1String(hist.colour), tr),
                     esc(tr(m.formula)), esc(tr("Dashed lines: p50 (black) and p99 (red).")));
    }
    h += QStringLiteral("</div>\n</section>\n");
    h += workloadSection(trace, summary, options.language); // empty without a workload
    h += perTurnSection(summary, tr); // empty without sessions

    // Time series.
    // Columns of at least 100 ms: narrower ones turn tokens/s into noise.
    qint64 runNs = trace.endNs;
    for (const RequestRecord &r : trace.requests)
        runNs = std::max({ runNs, r.endNs, r.lastTokenNs() });
    const TimeSeries ts = timeSeries(trace, int(std::clamp<qint64>(runNs / 100'000'000, 20, 240)));
    h += QStringLiteral("<section id=\"timeseries\">\n<h2>%1</h2>\n").arg(esc(tr("Over time")));
    h += QStringLiteral(
        "<figure id=\"series-inflight\"><h3>%1</h3>\n%2\n<figcaption>%3</figcaption></figure>\n")
             .arg(esc(tr("Requests in flight")),
                 seriesSvg(
                     ts.inFlight, ts.fromNs, ts.toNs, QStringLiteral("#4e5993"), false, tr("requests"), tr),
                 esc(tr("Peak in each column: exact sweep over [request start, end).")));
    h += QStringLiteral(
        "<figure id=\"series-tokens\"><h3>%1</h3>\n%2\n<figcaption>%3</figcaption></figure>\n")
             .arg(esc(tr("Tokens per second")),
                 seriesSvg(ts.tokensPerS, ts.fromNs, ts.toNs, QStringLiteral("#863fb0"), false,
                     QStringLiteral("tok/s"), tr),
                 esc(tr("Token events in each column / column width.")));
    h += QStringLiteral(
        "<figure id=\"series-errors\"><h3>%1</h3>\n%2\n<figcaption>%3</figcaption></figure>\n")
             .arg(esc(tr("Errors")),
                 seriesSvg(
                     ts.errors, ts.fromNs, ts.toNs, QStringLiteral("#6e0e0e"), true, tr("failures"), tr),
                 esc(tr("Failed requests per column, at the moment they failed.")));
    h += QStringLiteral("</section>\n");
    if (trace.serverMetrics.enabled())
        h += serverMetricsSection(trace, summary, ts.fromNs, ts.toNs, scrub, tr);

    // Timeline.
    QString timeline;
    if (options.useRenderer && TimelineImage::ready())
        timeline = rendererTimeline(trace, options);
    if (timeline.isEmpty())
        timeline = builtinTimeline(trace, options, tr);
    h += QStringLiteral("<section id=\"timeline\">\n<h2>%1</h2>\n<p class=\"note\">%2</p>\n<div "
                        "class=\"timeline\">\n%3\n</div>\n")
             .arg(esc(tr("Timeline")),
                 esc(tr("Top: the event-loop thread (the cashier). Then worker threads, if any. Then one "
                        "lane per "
                        "request: who is busy and who is only waiting, at every instant.")),
                 timeline);
    h += legendHtml(tr) + QStringLiteral("</section>\n");

    // Errors.
    h += QStringLiteral("<section id=\"errors\">\n<h2>%1</h2>\n").arg(esc(tr("Errors by kind")));
    if (summary.errors.isEmpty()) {
        h += QStringLiteral("<p>%1</p>\n").arg(esc(tr("No errors.")));
    } else {
        h += QStringLiteral("<table>\n<tr><th>%1</th><th>%2</th><th class=\"text\">%3</th></tr>\n")
                 .arg(esc(tr("Kind")), esc(tr("Count")), esc(tr("Examples")));
        for (auto it = summary.errors.begin(); it != summary.errors.end(); ++it) {
            QStringList examples;
            for (const RequestRecord &r : trace.requests) {
                if (r.warmup || r.outcome == Outcome::Success || examples.size() >= 3)
                    continue;
                if (errorKindName(r.error, r.httpStatus) != it.key())
                    continue;
                QString msg = scrub.text(r.errorMessage).simplified();
                if (msg.size() > 240)
                    msg = msg.left(240) + QStringLiteral("…");
                msg = QStringLiteral("#%1 %2")
                          .arg(shownNumber(r.index))
                          .arg(msg.isEmpty() ? tr("(no message)") : msg);
                if (!examples.contains(msg))
                    examples << msg;
            }
            QString list;
            for (const QString &e : examples)
                list += QStringLiteral("<div>%1</div>").arg(esc(e));
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"text\">%3</td></tr>\n")
                     .arg(esc(it.key()))
                     .arg(it.value())
                     .arg(list);
        }
        h += QStringLiteral("</table>\n<p class=\"note\">%1</p>\n")
                 .arg(esc(tr("Failed and incomplete requests are excluded from every latency statistic and "
                             "throughput.")));
    }
    h += QStringLiteral("</section>\n");

    // Scenario.
    const QJsonObject scenarioJson = scrub.scenario(sc.toJson());
    QStringList flat;
    flatten(scenarioJson, QString(), &flat);
    h += QStringLiteral("<section id=\"scenario\">\n<h2>%1</h2>\n<dl class=\"scenario\">\n%2</dl>\n"
                        "<details><summary>%3</summary><pre>%4</pre></details>\n</section>\n")
             .arg(esc(tr("Scenario")), flat.join(QString()), esc(tr("As JSON")),
                 esc(QString::fromUtf8(QJsonDocument(scenarioJson).toJson(QJsonDocument::Indented))));

    // Definitions.
    const char *const defs[] = {
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "One monotonic nanosecond clock per run; wall-clock time only as the run's label."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "Request start = just before the POST is handed to the network, after any client-side gate; the "
            "wait at the gate is client queue time."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "A token event is an SSE event whose JSON has a non-empty choices array; a usage-only event is "
            "not "
            "one."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport", "TTFT = first token event − request start."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "E2EL = last token event − request start (non-streaming: response fully read − start)."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "ITL = each gap between consecutive token events, pooled over all successful requests."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "Output tokens = usage.completion_tokens when the server sends it, else the number of token "
            "events "
            "(flagged)."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "TPOT = (E2EL − TTFT) / (output tokens − 1), only when output tokens > 1."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "Failure = non-2xx, transport or parse error, in-stream error, timeout, or no token event; "
            "requests cut off by the end of the run are incomplete."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "Throughputs = successes / duration; Σ output tokens / duration; (Σ prompt + Σ output) / "
            "duration. "
            "Goodput counts successes meeting every SLO."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "Statistics from the exact samples: mean, median, population std, percentiles by linear "
            "interpolation (numpy's default)."),
        QT_TRANSLATE_NOOP("BurgerBench::HtmlReport",
            "Peaks: busiest 1-second bucket of token events; requests in flight by an exact sweep over "
            "[start, "
            "end), ends before starts."),
    };
    h += QStringLiteral(
        "<section id=\"definitions\">\n<h2>%1</h2>\n<p class=\"note\">%2</p>\n<ol class=\"defs\">\n")
             .arg(esc(tr("Definitions")),
                 esc(tr("Definition set \"%1\": the headline figures mean what vLLM's bench serve means by "
                        "them.")
                         .arg(trace.definitions)));
    for (const char *def : defs)
        h += QStringLiteral("<li>%1</li>\n").arg(esc(tr(def)));
    h += QStringLiteral("</ol>\n</section>\n");

    h += QStringLiteral("<footer>%1</footer>\n</main>\n</body>\n</html>\n")
             .arg(esc(tr(
                 "Generated by BurgerBench %1 from the run started %2. Self-contained: no scripts, fonts or "
                 "images are loaded from anywhere.")
                          .arg(QStringLiteral(BURGERBENCH_VERSION), started)));
    return scrub.text(h).toUtf8();
}

QString styleSheet()
{
    return QString::fromUtf8(css());
}

bool write(const QString &path, const RunTrace &trace, const Summary &summary, const Options &options,
    QString *error)
{
    return writeFileAtomically(path, toBytes(trace, summary, options), error);
}

} // namespace HtmlReport
} // namespace BurgerBench
