#include "sweep/sweephtml.h"

#include "metrics/threshold.h"
#include "report/atomicfile.h"
#include "report/htmlformat.h"
#include "report/htmlreport.h"
#include "report/secretscrub.h"
#include "sweep/sweeptheory.h"
#include "trace/servermetrics.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace BurgerBench {
namespace SweepHtml {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

// The page's words in its language, from the app's catalogues (i18n/language.h) in context
// "BurgerBench::SweepHtml" (lupdate takes it from this namespace: the calls below are tr("...")).
constexpr const char *Context = "BurgerBench::SweepHtml";

class Tr
{
public:
    explicit Tr(Language language)
        : m_language(language)
    {
    }
    QString operator()(const char *source) const { return I18n::translate(m_language, Context, source); }
    Language language() const { return m_language; }

private:
    Language m_language;
};

using HtmlFormat::esc;
using HtmlFormat::ms;
using HtmlFormat::niceStep;
using HtmlFormat::num;
using HtmlFormat::px;
using HtmlFormat::tickLabel;

// Full precision for the data-* attributes a test reads back.
QString exact(double v)
{
    return QString::number(v, 'g', 12);
}

QString value(double v)
{
    return QString::number(v, 'g', 6);
}

double niceCeil(double v)
{
    if (!(v > 0) || !std::isfinite(v))
        return 1;
    const double step = niceStep(v, 5);
    return std::ceil(v / step - 1e-9) * step;
}

// The phase names as the report writes them (sweepPhaseName), for the catalogue.
const char *const PhaseWords[] = { QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "level"),
    QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "synchronous"),
    QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "throughput"),
    QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "probe"), QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "rate"),
    QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "concurrency"),
    QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "search"),
    QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "auto") };

// A report id (a phase, profile or `over` name) in the page's language.
QString word(const Tr &tr, const QString &id)
{
    for (const char *w : PhaseWords)
        if (id == QLatin1String(w))
            return tr(w);
    return id;
}

// ---- each step's figures ---------------------------------------------------------------------

struct Figures
{
    double arrived = NaN; // requests/s that really arrived (open loop)
    double rps = NaN; // steady-state successes/s, as the points use (sweepresult.cpp)
    double tps = NaN; // output tokens/s, likewise
    double perStream = NaN; // output tokens/s one stream received: tokens / E2EL, mean of the successes
    double goodput = NaN; // requests/s meeting the per-request SLOs (NaN without them)
    double ttft50 = NaN, ttft99 = NaN, itl50 = NaN, itl99 = NaN, e2el50 = NaN, e2el99 = NaN;
    double peakWaiting = NaN; // the server's queue at its longest (server_metrics), NaN if not scraped
    LittlesLaw little;
};

double pct(const Distribution &d, double rank)
{
    return d.count > 0 ? d.percentile(rank) : NaN;
}

Figures figuresOf(const SweepStep &s)
{
    Figures f;
    const Summary &m = s.summary;
    f.arrived = s.saturation.arrivalRate > 0 ? s.saturation.arrivalRate : NaN;
    f.rps = s.saturation.completionRate > 0 ? s.saturation.completionRate : m.requestThroughput;
    f.tps = s.saturation.outputRate > 0 ? s.saturation.outputRate : m.outputThroughput;
    if (s.trace.scenario.slo.any())
        f.goodput = m.goodput;
    f.ttft50 = pct(m.ttft, 50);
    f.ttft99 = pct(m.ttft, 99);
    f.itl50 = pct(m.itl, 50);
    f.itl99 = pct(m.itl, 99);
    f.e2el50 = pct(m.e2el, 50);
    f.e2el99 = pct(m.e2el, 99);
    double streamSum = 0;
    int streams = 0;
    for (const RequestRecord &r : s.trace.requests) {
        if (r.warmup || r.outcome != Outcome::Success || r.dispatchNs < 0 || r.outputTokens <= 0)
            continue;
        const qint64 end = r.lastTokenNs() >= 0 ? r.lastTokenNs() : r.endNs;
        if (end <= r.dispatchNs)
            continue;
        streamSum += r.outputTokens / (double(end - r.dispatchNs) / 1e9);
        ++streams;
    }
    if (streams > 0)
        f.perStream = streamSum / streams;
    // The kitchen's whole line: a server reporting it per model (label sets) is summed at each time.
    const std::vector<const ServerSeries *> waiting
        = s.trace.serverMetrics.findAll(QStringLiteral("waiting"));
    if (!waiting.empty()) {
        for (const auto &sample : sumOfSeries(waiting))
            if (std::isfinite(sample.second))
                f.peakWaiting
                    = std::isnan(f.peakWaiting) ? sample.second : std::max(f.peakWaiting, sample.second);
    }
    f.little = SweepTheory::littlesLaw(s);
    return f;
}

QString offeredText(const Tr &tr, SweepOver over, double v)
{
    return over == SweepOver::Rate ? tr("%1 req/s").arg(value(v)) : QStringLiteral("c=%1").arg(value(v));
}

QString offeredText(const Tr &tr, const SweepStep &s)
{
    return offeredText(tr, s.over, s.value);
}

// ---- charts -----------------------------------------------------------------------------------

constexpr double ChartW = 560;
constexpr double ChartH = 270;
constexpr double Ml = 60, Mr = 16, Mt = 22, Mb = 44;

struct Mark
{
    int step = 0; // 1-based, as the table numbers steps
    double x = 0;
    double y = 0;
    bool saturated = false;
    bool meetsSlo = true;
    QString label; // drawn beside the point when the chart labels its points
};

struct Line
{
    QString key; // css class suffix and the points' series name
    QString label;
    QString colour;
    bool dashed = false;
    std::vector<Mark> marks;
    QString anchorPrefix = QStringLiteral("step-"); // a point links to #<prefix><step>
};

struct HLine
{
    double y = 0;
    QString label;
    QString cls = QStringLiteral("slo");
};

struct Chart
{
    QString id;
    QString title;
    QString yLabel;
    QString caption;
    std::vector<Line> lines;
    std::vector<HLine> slo; // SLO rules, and the theory's ceiling (cls "ceiling")
    bool diagonal = false; // achieved = offered, for rate profiles
    bool joinLevels = true; // a line through the levels (the mean of their repeats)
    bool labelPoints = false; // each point's Mark::label beside it
    bool frontier = false; // the Pareto frontier of each line's points (both axes: higher is better)
    // The theory's expected curve as (x, y) corners; x = +inf runs to the chart's right edge.
    std::vector<std::pair<double, double>> expected;
    QString expectedLabel;
    bool frame = true; // the knee and the capacity are drawn (charts against the load)
};

struct Frame
{
    QString xLabel;
    QString xUnit;
    // The knee: the lowest saturated level, with its step and reason.
    int kneeStep = 0; // 0 = none
    double kneeX = NaN;
    QString kneeReason;
    // A search's capacity and bracket (NaN parts are not drawn).
    bool capacity = false;
    double capValue = NaN, capLo = NaN, capHi = NaN;
};

// The points no other point beats on both axes, by increasing x.
std::vector<std::pair<double, double>> paretoFrontier(const std::vector<Mark> &marks)
{
    std::vector<std::pair<double, double>> pts;
    for (const Mark &m : marks)
        if (std::isfinite(m.x) && std::isfinite(m.y))
            pts.emplace_back(m.x, m.y);
    std::sort(pts.begin(), pts.end(), [](const auto &a, const auto &b) {
        return a.first > b.first || (a.first == b.first && a.second > b.second);
    });
    std::vector<std::pair<double, double>> out;
    double best = -Inf;
    for (const auto &p : pts) {
        if (p.second > best) {
            out.push_back(p);
            best = p.second;
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}

QString lineChart(const Chart &c, const Frame &frame, const Tr &tr)
{
    Frame f = frame;
    if (!c.frame) {
        f = Frame();
        f.xLabel = frame.xLabel;
        f.xUnit = frame.xUnit;
    }
    const double pw = ChartW - Ml - Mr;
    const double ph = ChartH - Mt - Mb;
    double maxX = 0, maxY = 0;
    bool any = false;
    for (const Line &l : c.lines) {
        for (const Mark &m : l.marks) {
            if (!std::isfinite(m.x) || !std::isfinite(m.y))
                continue;
            any = true;
            maxX = std::max(maxX, m.x);
            maxY = std::max(maxY, m.y);
        }
    }
    if (!any)
        return QStringLiteral(
            "<svg class=\"chart sweep\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\">"
            "<text x=\"%3\" y=\"%4\" text-anchor=\"middle\" class=\"muted\">%5</text></svg>")
            .arg(ChartW)
            .arg(ChartH)
            .arg(ChartW / 2)
            .arg(ChartH / 2)
            .arg(esc(tr("no data")));
    for (double x : { f.kneeX, f.capValue, f.capLo, f.capHi })
        if (std::isfinite(x))
            maxX = std::max(maxX, x);
    for (const HLine &h : c.slo)
        if (std::isfinite(h.y))
            maxY = std::max(maxY, h.y);
    const double x0 = 0, y0 = 0;
    const double x1 = niceCeil(maxX * 1.05);
    const double y1 = niceCeil(maxY * 1.1);
    const double left = Ml, right = Ml + pw, top = Mt, bottom = Mt + ph;
    auto X = [&](double v) { return left + (v - x0) / (x1 - x0) * pw; };
    auto Y = [&](double v) { return bottom - (v - y0) / (y1 - y0) * ph; };

    QString s = QStringLiteral("<svg class=\"chart sweep\" id=\"svg-%1\" viewBox=\"0 0 %2 %3\" width=\"%2\" "
                               "height=\"%3\" data-x0=\"%4\" data-x1=\"%5\" data-y0=\"%6\" data-y1=\"%7\" "
                               "data-left=\"%8\" data-right=\"%9\" data-top=\"%10\" data-bottom=\"%11\">\n")
                    .arg(c.id)
                    .arg(ChartW)
                    .arg(ChartH)
                    .arg(exact(x0), exact(x1), exact(y0), exact(y1), exact(left), exact(right), exact(top),
                        exact(bottom));
    // The capacity bracket under everything else.
    if (f.capacity && std::isfinite(f.capLo)) {
        const double hi = std::isfinite(f.capHi) ? f.capHi : x1;
        s += QStringLiteral("<rect class=\"bracket\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\"><title>%5"
                            "</title></rect>\n")
                 .arg(px(X(f.capLo)), px(top), px(std::max(1.0, X(hi) - X(f.capLo))), px(ph),
                     esc(tr("capacity bracket [%1, %2] %3")
                             .arg(value(f.capLo),
                                 std::isfinite(f.capHi) ? value(f.capHi) : QStringLiteral("?"), f.xUnit)));
    }
    // Grid and axes.
    const double ystep = niceStep(y1 - y0, 5);
    for (double v = y0; v <= y1 + 1e-9 * ystep; v += ystep)
        s += QStringLiteral("<path d=\"M%1,%2 h%3\" class=\"grid\"/><text x=\"%4\" y=\"%5\" class=\"ax\" "
                            "text-anchor=\"end\">%6</text>\n")
                 .arg(px(left), px(Y(v)), px(pw), px(left - 6), px(Y(v) + 4), tickLabel(v, ystep));
    s += QStringLiteral("<path d=\"M%1,%2 V%3 H%4\" class=\"axis\"/>\n")
             .arg(px(left), px(top), px(bottom), px(right));
    const double xstep = niceStep(x1 - x0, 6);
    for (double v = x0; v <= x1 + 1e-9 * xstep; v += xstep)
        s += QStringLiteral(
            "<path d=\"M%1,%2 v4\" class=\"axis\"/><text x=\"%1\" y=\"%3\" class=\"ax xtick\" "
            "text-anchor=\"middle\">%4</text>\n")
                 .arg(px(X(v)), px(bottom), px(bottom + 15), tickLabel(v, xstep));
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"ax\" text-anchor=\"middle\">%3</text>\n")
             .arg(px(left + pw / 2), px(ChartH - 6), esc(f.xLabel));
    s += QStringLiteral("<text x=\"12\" y=\"%1\" class=\"ax\" transform=\"rotate(-90 12,%1)\" "
                        "text-anchor=\"middle\">%2</text>\n")
             .arg(px(top + ph / 2), esc(c.yLabel));
    if (c.diagonal) {
        const double m = std::min(x1, y1);
        s += QStringLiteral("<path class=\"diagonal\" d=\"M%1,%2 L%3,%4\"><title>%5</title></path>\n")
                 .arg(px(X(0)), px(Y(0)), px(X(m)), px(Y(m)), esc(tr("achieved = offered")));
    }
    if (c.expected.size() > 1) {
        QString d;
        QString corners;
        for (const auto &[ex, ey] : c.expected) {
            const double xx = std::isfinite(ex) ? std::min(ex, x1) : x1;
            d += QStringLiteral("%1%2,%3 ")
                     .arg(d.isEmpty() ? QLatin1Char('M') : QLatin1Char('L'))
                     .arg(px(X(xx)), px(Y(std::min(ey, y1))));
            corners += QStringLiteral("%1%2,%3").arg(
                corners.isEmpty() ? QString() : QStringLiteral(" "), exact(xx), exact(ey));
        }
        s += QStringLiteral(
            "<path class=\"expected\" d=\"%1\" data-corners=\"%2\"><title>%3</title></path>\n")
                 .arg(d.trimmed(), corners, esc(c.expectedLabel));
    }
    for (const HLine &h : c.slo) {
        if (!std::isfinite(h.y))
            continue;
        s += QStringLiteral(
            "<path class=\"%1\" d=\"M%2,%3 h%4\" data-y=\"%5\"/><text x=\"%6\" y=\"%7\" class=\"%1label\" "
            "text-anchor=\"end\">%8</text>\n")
                 .arg(h.cls, px(left), px(Y(h.y)), px(pw), exact(h.y), px(right - 2), px(Y(h.y) - 3),
                     esc(h.label));
    }
    if (f.capacity && std::isfinite(f.capValue))
        s += QStringLiteral(
            "<g class=\"capacity\" data-x=\"%1\"><path d=\"M%2,%3 V%4\"/><text x=\"%5\" y=\"%6\" "
            "class=\"caplabel\" text-anchor=\"start\">%7</text></g>\n")
                 .arg(exact(f.capValue), px(X(f.capValue)), px(top), px(bottom), px(X(f.capValue) + 3),
                     px(top + 10), esc(tr("capacity %1").arg(value(f.capValue))));
    if (f.kneeStep > 0) {
        const double kx = X(f.kneeX);
        const bool leftSide = kx > left + pw * 0.6;
        s += QStringLiteral("<g class=\"knee\" data-step=\"%1\" data-x=\"%2\"><path d=\"M%3,%4 V%5\"/>"
                            "<text x=\"%6\" y=\"%7\" class=\"kneelabel\" text-anchor=\"%8\">%9"
                            "</text><title>%10</title></g>\n")
                 .arg(f.kneeStep)
                 .arg(exact(f.kneeX), px(kx), px(top - 8), px(bottom), px(kx + (leftSide ? -3 : 3)),
                     px(top - 10), leftSide ? QStringLiteral("end") : QStringLiteral("start"),
                     esc(tr("saturated (step %1)").arg(f.kneeStep)), esc(f.kneeReason));
    }
    // The lines through the levels (the mean of repeats at one x), then a point per step.
    for (const Line &l : c.lines) {
        if (!c.joinLevels)
            break;
        std::vector<std::pair<double, std::pair<double, int>>> byX; // x -> (sum y, n)
        for (const Mark &m : l.marks) {
            if (!std::isfinite(m.x) || !std::isfinite(m.y))
                continue;
            auto it = std::find_if(byX.begin(), byX.end(), [&](const auto &e) { return e.first == m.x; });
            if (it == byX.end())
                byX.push_back({ m.x, { m.y, 1 } });
            else {
                it->second.first += m.y;
                ++it->second.second;
            }
        }
        std::sort(byX.begin(), byX.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QString d;
        for (const auto &e : byX)
            d += QStringLiteral("%1%2,%3 ")
                     .arg(d.isEmpty() ? QLatin1Char('M') : QLatin1Char('L'))
                     .arg(px(X(e.first)), px(Y(e.second.first / e.second.second)));
        if (byX.size() > 1)
            s += QStringLiteral("<path class=\"curve\" d=\"%1\" stroke=\"%2\"%3/>\n")
                     .arg(d.trimmed(), l.colour,
                         l.dashed ? QStringLiteral(" stroke-dasharray=\"5,3\"") : QString());
    }
    if (c.frontier) {
        for (const Line &l : c.lines) {
            const auto front = paretoFrontier(l.marks);
            QString d;
            QString corners;
            for (const auto &[fx, fy] : front) {
                d += QStringLiteral("%1%2,%3 ")
                         .arg(d.isEmpty() ? QLatin1Char('M') : QLatin1Char('L'))
                         .arg(px(X(fx)), px(Y(fy)));
                corners += QStringLiteral("%1%2,%3").arg(
                    corners.isEmpty() ? QString() : QStringLiteral(" "), exact(fx), exact(fy));
            }
            if (!front.empty())
                s += QStringLiteral(
                    "<path class=\"frontier\" data-series=\"%1\" data-corners=\"%2\" d=\"%3\" "
                    "stroke=\"%4\"><title>%5</title></path>\n")
                         .arg(l.key, corners, d.trimmed(), l.colour, esc(tr("Pareto frontier")));
        }
    }
    for (const Line &l : c.lines) {
        for (const Mark &m : l.marks) {
            if (!std::isfinite(m.x) || !std::isfinite(m.y))
                continue;
            QString cls = QStringLiteral("pt");
            if (m.saturated)
                cls += QStringLiteral(" sat");
            if (!m.meetsSlo)
                cls += QStringLiteral(" miss");
            const QString tip = tr("step %1 · %2: %3 at %4 %5%6")
                                    .arg(m.step)
                                    .arg(l.label, value(m.y), value(m.x), f.xUnit,
                                        m.saturated ? tr(" (saturated)") : QString());
            s += QStringLiteral(
                     "<a href=\"#%1%2\"><circle class=\"%3\" data-series=\"%4\" data-step=\"%2\" "
                     "data-x=\"%5\" data-y=\"%6\" cx=\"%7\" cy=\"%8\" r=\"4\" fill=\"%9\" stroke=\"%9\">")
                     .arg(l.anchorPrefix, QString::number(m.step), cls, l.key, exact(m.x), exact(m.y),
                         px(X(m.x)), px(Y(m.y)), l.colour)
                + QStringLiteral("<title>%1</title></circle></a>\n").arg(esc(tip));
            if (c.labelPoints && !m.label.isEmpty()) {
                const bool leftSide = X(m.x) > left + pw * 0.8;
                s += QStringLiteral("<text class=\"ptlabel\" data-step=\"%1\" x=\"%2\" y=\"%3\" "
                                    "text-anchor=\"%4\">%5</text>\n")
                         .arg(m.step)
                         .arg(px(X(m.x) + (leftSide ? -6 : 6)), px(Y(m.y) - 6),
                             leftSide ? QStringLiteral("end") : QStringLiteral("start"), esc(m.label));
            }
        }
    }
    return s + QStringLiteral("</svg>");
}

QString swatches(const Chart &c)
{
    QString out;
    for (const Line &l : c.lines)
        out += QStringLiteral(
            "<span class=\"key\"><svg width=\"22\" height=\"10\" viewBox=\"0 0 22 10\"><path "
            "d=\"M1,5 h20\" stroke=\"%1\" stroke-width=\"2\"%2/><circle cx=\"11\" cy=\"5\" "
            "r=\"3\" fill=\"%1\"/></svg> %3</span> ")
                   .arg(l.colour, l.dashed ? QStringLiteral(" stroke-dasharray=\"4,2\"") : QString(),
                       esc(l.label));
    if (c.expected.size() > 1)
        out += QStringLiteral(
            "<span class=\"key\"><svg width=\"22\" height=\"10\" viewBox=\"0 0 22 10\"><path "
            "d=\"M1,5 h20\" class=\"expected\"/></svg> %1</span> ")
                   .arg(esc(c.expectedLabel));
    return out;
}

QString figure(const Chart &c, const Frame &f, const Tr &tr)
{
    return QStringLiteral("<figure id=\"%1\"><h3>%2</h3>\n%3\n<figcaption>%4%5</figcaption></figure>\n")
        .arg(c.id, esc(c.title), lineChart(c, f, tr), swatches(c),
            c.caption.isEmpty() ? QString() : QStringLiteral("<br>") + esc(c.caption));
}

const char *sweepCss()
{
    return R"CSS(
.curve { fill: none; stroke-width: 1.8; }
circle.pt { stroke-width: 1; }
circle.pt.miss { fill: #fff; stroke-width: 2; }
circle.pt.sat { stroke: #c0392b; stroke-width: 2.5; }
.diagonal { stroke: #9aa0ab; stroke-dasharray: 2,3; stroke-width: 1.2; fill: none; }
.slo { stroke: #d98b00; stroke-dasharray: 6,3; stroke-width: 1.4; }
.slolabel { font-size: 11px; fill: #a36800; }
.ceiling { stroke: #555b66; stroke-dasharray: 8,3,2,3; stroke-width: 1.4; }
.ceilinglabel { font-size: 11px; fill: #555b66; }
.expected { fill: none; stroke: #9aa0ab; stroke-width: 3; stroke-opacity: 0.55; }
.frontier { fill: none; stroke-width: 1.6; stroke-dasharray: 3,2; }
.ptlabel { font-size: 10px; fill: #333; }
.bracket { fill: #2e7d6f; fill-opacity: 0.13; }
.capacity path { stroke: #2e7d6f; stroke-width: 1.6; }
.caplabel { font-size: 11px; fill: #2e7d6f; font-weight: 600; }
.knee path { stroke: #c0392b; stroke-dasharray: 4,3; stroke-width: 1.4; }
.kneelabel { font-size: 11px; fill: #c0392b; font-weight: 600; }
tr.sat td { background: #fdf0ee; }
tr:target td { background: #fff6d6; }
td.verdict { text-align: left; font-size: 12px; max-width: 360px; }
)CSS";
}

QString pageHead(const Tr &tr, const QString &title)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"generator\" content=\"BurgerBench %2\">\n<title>%3</title>\n"
                          "<style>%4%5</style>\n</head>\n<body>\n<main>\n")
        .arg(I18n::code(tr.language()), QStringLiteral(BURGERBENCH_VERSION), esc(title),
            HtmlReport::styleSheet(), QString::fromUtf8(sweepCss()));
}

} // namespace

QByteArray toBytes(const SweepResult &r)
{
    return toBytes(r, Options {});
}

QByteArray toBytes(const SweepResult &r, const Options &options)
{
    const Tr tr(options.language);
    const SecretScrubber scrub(
        r.steps.empty() ? QStringLiteral("OPENAI_API_KEY") : r.steps.front().trace.scenario.apiKeyEnv);
    std::vector<Figures> figs;
    figs.reserve(r.steps.size());
    for (const SweepStep &s : r.steps)
        figs.push_back(figuresOf(s));
    const SimulatorTheory theory = SweepTheory::simulatorTheory(r);

    // The x axis: the offered value in the profile's unit, or the achieved requests/s when steps mix
    // concurrency and rate (auto).
    bool mixed = false;
    for (const SweepStep &s : r.steps)
        mixed = mixed || s.over != r.steps.front().over;
    const SweepOver over = r.steps.empty() ? r.over : r.steps.front().over;
    Frame f;
    if (mixed) {
        f.xLabel = tr("achieved requests/s (the profile mixes concurrency and rate steps)");
        f.xUnit = tr("req/s achieved");
    } else if (over == SweepOver::Rate) {
        f.xLabel = tr("offered load (requests/s)");
        f.xUnit = tr("req/s offered");
    } else {
        f.xLabel = tr("offered load (concurrency: requests in flight)");
        f.xUnit = tr("in flight");
    }
    auto xOf = [&](size_t i) { return mixed ? figs[i].rps : r.steps[i].value; };
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const SweepStep &s = r.steps[i];
        if (!s.saturation.saturated || !s.error.isEmpty() || !std::isfinite(xOf(i)))
            continue;
        if (f.kneeStep == 0 || xOf(i) < f.kneeX) {
            f.kneeStep = int(i) + 1;
            f.kneeX = xOf(i);
            f.kneeReason = s.saturation.reason;
        }
    }
    const SweepCapacity &cap = r.capacity;
    if (cap.searched && !mixed) {
        f.capacity = true;
        f.capValue = cap.value;
        f.capLo = cap.lo;
        f.capHi = cap.hi;
    }
    // The SLO rules as lines on their metric's chart.
    std::vector<std::pair<Threshold, QString>> slo;
    for (const QString &rule : r.slo) {
        Threshold t;
        QString error;
        if (parseSloRule(rule, &t, &error))
            slo.emplace_back(t, rule);
    }
    auto sloLines = [&](const QString &metric) {
        std::vector<HLine> out;
        for (const auto &[t, text] : slo)
            if (t.metric == metric && std::isfinite(t.value))
                out.push_back(HLine { t.value, tr("SLO %1").arg(text) });
        return out;
    };
    auto marks = [&](double Figures::*field) {
        std::vector<Mark> out;
        for (size_t i = 0; i < r.steps.size(); ++i) {
            const SweepStep &s = r.steps[i];
            if (!s.error.isEmpty())
                continue;
            out.push_back(
                Mark { int(i) + 1, xOf(i), figs[i].*field, s.saturation.saturated, s.meetsSlo, {} });
        }
        return out;
    };
    bool goodput = false;
    bool queue = false;
    for (const Figures &g : figs) {
        goodput = goodput || std::isfinite(g.goodput);
        queue = queue || std::isfinite(g.peakWaiting);
    }
    // The theory's expected achieved requests/s against this chart's x (sweep/sweeptheory.h).
    std::vector<std::pair<double, double>> expectedRps;
    if (theory.valid) {
        const double c = theory.ceilingRps;
        if (mixed || over == SweepOver::Rate) {
            if (std::isfinite(c))
                expectedRps = { { 0, 0 }, { c, c }, { Inf, c } };
        } else if (theory.capacity > 0) {
            expectedRps = { { 0, 0 }, { double(theory.capacity), c }, { Inf, c } };
        } else {
            double top = 0;
            for (const SweepStep &s : r.steps)
                top = std::max(top, s.value);
            expectedRps = { { 0, 0 }, { top, top / theory.serviceTimeS } };
        }
    }

    std::vector<Chart> charts;
    {
        Chart c;
        c.id = QStringLiteral("chart-rps");
        c.title = tr("Request throughput");
        c.yLabel = tr("requests/s");
        c.lines.push_back(Line { QStringLiteral("rps"), tr("achieved requests/s"), QStringLiteral("#4e5993"),
            false, marks(&Figures::rps) });
        if (goodput)
            c.lines.push_back(Line { QStringLiteral("goodput"), tr("goodput (meeting the per-request SLOs)"),
                QStringLiteral("#2e7d6f"), true, marks(&Figures::goodput) });
        c.diagonal = !mixed && over == SweepOver::Rate;
        c.caption
            = tr("Steady state: the slope of the completed requests' running count against their end times.")
            + (c.diagonal ? QStringLiteral(" ")
                        + tr("Dotted: achieved = offered; below it the target falls behind.")
                          : QString());
        if (theory.valid) {
            if (std::isfinite(theory.ceilingRps))
                c.slo.push_back(HLine { theory.ceilingRps,
                    tr("ceiling S/T = %1 / %2 s = %3 req/s")
                        .arg(theory.capacity)
                        .arg(value(theory.serviceTimeS), num(theory.ceilingRps, 1)),
                    QStringLiteral("ceiling") });
            c.expected = expectedRps;
            c.expectedLabel = tr("expected (theory)");
            c.caption += QStringLiteral(" ")
                + tr("Grey: what the kitchen can serve in theory, S cooks each taking T = TTFT + (output "
                     "tokens - "
                     "1) x token interval; past the ceiling the line only grows.");
        }
        charts.push_back(c);
    }
    {
        Chart c;
        c.id = QStringLiteral("chart-tps");
        c.title = tr("Output throughput");
        c.yLabel = tr("output tokens/s");
        c.lines.push_back(Line { QStringLiteral("tps"), tr("output tokens/s"), QStringLiteral("#863fb0"),
            false, marks(&Figures::tps) });
        c.caption = tr("The slope of the successes' running output-token count.");
        if (theory.valid && std::isfinite(theory.ceilingOutputTps)) {
            c.slo.push_back(HLine { theory.ceilingOutputTps,
                tr("ceiling %1 tok/s").arg(num(theory.ceilingOutputTps, 0)), QStringLiteral("ceiling") });
            for (const auto &[ex, ey] : expectedRps)
                c.expected.emplace_back(ex, ey * theory.outputTokens);
            c.expectedLabel = tr("expected (theory)");
        }
        charts.push_back(c);
    }
    const struct
    {
        const char *id, *title, *metric;
        double Figures::*p50;
        double Figures::*p99;
        const char *colour;
    } latencies[] = {
        { "chart-ttft", QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "TTFT (time to first token)"), "ttft",
            &Figures::ttft50, &Figures::ttft99, "#4e5993" },
        { "chart-itl", QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "ITL (inter-token latency)"), "itl",
            &Figures::itl50, &Figures::itl99, "#863fb0" },
        { "chart-e2el", QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "E2EL (end-to-end latency)"), "e2el",
            &Figures::e2el50, &Figures::e2el99, "#2e7d6f" },
    };
    for (const auto &l : latencies) {
        Chart c;
        c.id = QLatin1String(l.id);
        c.title = tr(l.title);
        c.yLabel = QStringLiteral("ms");
        c.lines.push_back(Line {
            QStringLiteral("p50"), QStringLiteral("p50"), QLatin1String(l.colour), false, marks(l.p50) });
        c.lines.push_back(Line {
            QStringLiteral("p99"), QStringLiteral("p99"), QStringLiteral("#c0392b"), true, marks(l.p99) });
        c.slo = sloLines(QLatin1String(l.metric));
        c.caption = tr("Percentiles of each step's successful measured requests.");
        charts.push_back(c);
    }
    if (queue) {
        Chart c;
        c.id = QStringLiteral("chart-queue");
        c.title = tr("Server queue");
        c.yLabel = tr("requests waiting");
        c.lines.push_back(Line { QStringLiteral("waiting"), tr("peak waiting (server /metrics)"),
            QStringLiteral("#6e0e0e"), false, marks(&Figures::peakWaiting) });
        c.caption = tr("The longest line in front of the kitchen the server reported during each step.");
        charts.push_back(c);
    }
    // The Pareto view: what one user gets against what the deployment serves in all.
    Chart pareto;
    {
        Chart &c = pareto;
        c.id = QStringLiteral("chart-pareto");
        c.title = tr("Pareto: per stream against total");
        c.yLabel = tr("output tokens/s per stream");
        c.joinLevels = false;
        c.labelPoints = true;
        c.frontier = true;
        c.frame = false;
        std::vector<Mark> pts;
        for (size_t i = 0; i < r.steps.size(); ++i) {
            const SweepStep &s = r.steps[i];
            if (!s.error.isEmpty())
                continue;
            pts.push_back(Mark { int(i) + 1, figs[i].tps, figs[i].perStream, s.saturation.saturated,
                s.meetsSlo, offeredText(tr, s) });
        }
        c.lines.push_back(Line { QStringLiteral("pareto"), tr("a step (labelled with its offered load)"),
            QStringLiteral("#4e5993"), false, pts });
        c.caption
            = tr("Per stream: a request's output tokens over its E2EL, the mean of the step's successes. "
                 "Dashed: the frontier, the steps no other step beats on both.");
    }

    const QString title = tr("BurgerBench sweep: %1").arg(word(tr, sweepProfileName(r.profile)));
    QString h;
    h.reserve(1 << 18);
    h += pageHead(tr, title);
    const QString target = r.targetUrl.isEmpty() ? tr("built-in simulator") : scrub.url(r.targetUrl);
    h += QStringLiteral("<header id=\"sweep\">\n<h1>%1</h1>\n<p class=\"sub\">%2 · %3 · %4</p>\n")
             .arg(esc(title), esc(tr("over %1").arg(word(tr, sweepOverName(r.over)))),
                 esc(tr("%1 step(s)").arg(r.steps.size())), esc(target));
    if (r.cancelled)
        h += QStringLiteral("<p class=\"bad\">%1</p>\n")
                 .arg(esc(tr("Cancelled: the finished steps are shown.")));
    if (!r.stopped.isEmpty())
        h += QStringLiteral("<p class=\"bad\" id=\"stopped\">%1</p>\n")
                 .arg(esc(tr("Stopped: %1").arg(r.stopped)));
    QList<std::pair<QString, QString>> meta {
        { tr("Profile"), word(tr, sweepProfileName(r.profile)) },
        { tr("Over"), word(tr, sweepOverName(r.over)) },
        { tr("Repeats"), QString::number(r.repeats) },
        { tr("SLO"), r.slo.isEmpty() ? tr("none") : r.slo.join(QStringLiteral(", ")) },
        { tr("Target"), target },
    };
    if (r.profile == SweepProfile::Search)
        meta.append({ tr("Search"),
            tr("tolerance %1%, at most %2 probes").arg(value(r.tolerance * 100)).arg(r.maxSteps) });
    if (theory.valid)
        meta.append({ tr("Theory"),
            tr("S = %1 slots, T = %2 ms TTFT + %3 ms prefill + (%4 - 1) x %5 ms = %6 s")
                .arg(theory.capacity > 0 ? QString::number(theory.capacity) : tr("unlimited"))
                .arg(value(theory.ttftMs), value(theory.prefillMs), value(theory.outputTokens),
                    value(theory.tokenIntervalMs), value(theory.serviceTimeS)) });
    h += QStringLiteral("<table class=\"meta\">\n");
    for (const auto &[k, v] : meta)
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(k), esc(v));
    h += QStringLiteral("</table>\n</header>\n");

    // Result cards.
    auto card = [](const QString &id, const QString &v, const QString &label, const QString &formula) {
        return QStringLiteral(
            "<div class=\"card\" id=\"%1\"><div class=\"value\">%2</div><div class=\"label\">%3"
            "</div><div class=\"formula\">%4</div></div>\n")
            .arg(id, esc(v), esc(label), esc(formula));
    };
    h += QStringLiteral("<section id=\"result\">\n<h2>%1</h2>\n<div class=\"cards\">\n")
             .arg(esc(tr("Result")));
    h += card(QStringLiteral("max-rps"), num(r.maxRequestThroughput, 2) + QStringLiteral(" req/s"),
        tr("Max request throughput"), tr("the best level's mean steady-state requests/s"));
    h += card(QStringLiteral("max-tps"), num(r.maxOutputThroughput, 1) + QStringLiteral(" tok/s"),
        tr("Max output throughput"), tr("the best level's mean output tokens/s"));
    if (f.kneeStep > 0)
        h += card(QStringLiteral("knee"), offeredText(tr, r.steps[size_t(f.kneeStep - 1)]),
            tr("Saturated at (step %1)").arg(f.kneeStep), f.kneeReason);
    else
        h += card(QStringLiteral("knee"), tr("none"), tr("Saturation"),
            tr("no step ran past what the target serves"));
    if (cap.searched) {
        const QString unit
            = cap.over == SweepOver::Rate ? QStringLiteral(" req/s") : QStringLiteral(" ") + tr("in flight");
        const QString v = std::isfinite(cap.value) ? value(cap.value) + unit : tr("no level met the SLO");
        h += card(QStringLiteral("capacity"), v, tr("Capacity (%1)").arg(cap.slo.join(QStringLiteral(", "))),
            tr("bracket [%1, %2], %3")
                .arg(std::isfinite(cap.lo) ? value(cap.lo) : QStringLiteral("?"),
                    std::isfinite(cap.hi) ? value(cap.hi) : QStringLiteral("?"), cap.stopReason));
    }
    if (theory.valid && std::isfinite(theory.ceilingRps))
        h += card(QStringLiteral("ceiling"), num(theory.ceilingRps, 2) + QStringLiteral(" req/s"),
            tr("Theoretical ceiling S/T"),
            tr("%1 slots / %2 s a request: more customers a second than this and the line only grows")
                .arg(theory.capacity)
                .arg(value(theory.serviceTimeS)));
    h += QStringLiteral("</div>\n</section>\n");

    // Charts.
    h += QStringLiteral(
        "<section id=\"curves\">\n<h2>%1</h2>\n<p class=\"note\">%2</p>\n<div class=\"grid2\">\n")
             .arg(esc(tr("Against the load")),
                 esc(tr("One point per step (a click opens its row below); the line joins the levels (the "
                        "mean of "
                        "their repeats). Red ring: saturated; hollow: missed the SLO. Red dashed line: the "
                        "knee, "
                        "the lowest saturated level.")
                     + (f.capacity ? QStringLiteral(" ") + tr("Green: the capacity and its bracket.")
                                   : QString())));
    for (const Chart &c : charts)
        h += figure(c, f, tr);
    h += QStringLiteral("</div>\n</section>\n");
    Frame paretoFrame;
    paretoFrame.xLabel = tr("total output tokens/s");
    paretoFrame.xUnit = tr("tok/s in all");
    h += QStringLiteral("<section id=\"pareto\">\n<h2>%1</h2>\n<div class=\"grid2\">\n%2</div>\n</section>\n")
             .arg(esc(tr("Pareto view")), figure(pareto, paretoFrame, tr));

    // Steps.
    h += QStringLiteral("<section id=\"steps\">\n<h2>%1</h2>\n<table id=\"steps-table\">\n<tr>")
             .arg(esc(tr("Steps")));
    const char *const headings[] = { QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Step"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Phase"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Offered"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Arrived (req/s)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Achieved (req/s)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Output (tok/s)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Goodput (req/s)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "TTFT p50 (ms)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "TTFT p99 (ms)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "ITL p50 (ms)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "ITL p99 (ms)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "E2EL p50 (ms)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "E2EL p99 (ms)"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "OK / failed"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Verdict"),
        QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Little: L vs λ·W (ratio)") };
    for (const char *heading : headings) {
        const bool text = std::strcmp(heading, "Phase") == 0 || std::strcmp(heading, "Verdict") == 0;
        h += QStringLiteral("<th%1>%2</th>")
                 .arg(text ? QStringLiteral(" class=\"text\"") : QString(), esc(tr(heading)));
    }
    h += QStringLiteral("</tr>\n");
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const SweepStep &s = r.steps[i];
        const Figures &g = figs[i];
        QStringList verdict;
        if (!s.error.isEmpty())
            verdict << tr("did not run: %1").arg(s.error);
        if (s.targetFailed)
            verdict << tr("target failed: no request succeeded");
        if (s.saturation.saturated)
            verdict << tr("SATURATED (%1)").arg(s.saturation.reason);
        if (!r.slo.isEmpty())
            verdict << (s.meetsSlo ? tr("meets SLO")
                                   : tr("misses SLO: %1").arg(s.violations.join(QStringLiteral("; "))));
        if (verdict.isEmpty())
            verdict << tr("ok");
        QString phase = word(tr, sweepPhaseName(s.phase));
        if (r.repeats > 1)
            phase += QStringLiteral(" ") + tr("(repeat %1)").arg(s.repeat + 1);
        h += QStringLiteral("<tr id=\"step-%1\"%2><td>%1</td><td class=\"text\">%3</td><td>%4</td>")
                 .arg(i + 1)
                 .arg(s.saturation.saturated ? QStringLiteral(" class=\"sat\"") : QString(), esc(phase),
                     esc(offeredText(tr, s)));
        for (const QString &cell : { num(g.arrived, 2), num(g.rps, 2), num(g.tps, 1), num(g.goodput, 2),
                 ms(g.ttft50), ms(g.ttft99), ms(g.itl50), ms(g.itl99), ms(g.e2el50), ms(g.e2el99) })
            h += QStringLiteral("<td>%1</td>").arg(cell);
        const QString little = g.little.valid
            ? tr("%1 vs %2 (%3)")
                  .arg(num(g.little.inFlight, 2), num(g.little.rateTimesE2e, 2), num(g.little.ratio, 2))
            : QStringLiteral("–");
        h += QStringLiteral(
            "<td>%1 / %2</td><td class=\"verdict\">%3</td><td class=\"little\" title=\"%4\">%5</td></tr>\n")
                 .arg(s.summary.completed)
                 .arg(s.summary.failed)
                 .arg(esc(verdict.join(QStringLiteral("; "))),
                     esc(g.little.valid ? tr("L = %1 in the system on average; λ = %2 req/s x W = %3 s")
                                              .arg(num(g.little.inFlight, 2), num(g.little.rate, 2),
                                                  num(g.little.e2eS, 3))
                                        : QString()),
                     esc(little));
    }
    h += QStringLiteral("</table>\n<p class=\"note\">%1</p>\n</section>\n")
             .arg(esc(tr(
                 "Arrived: the rate the requests really arrived at (open loop). Achieved and output: "
                 "steady-state rates. Goodput: successes meeting the per-request SLOs (--slo-ttft, "
                 "--slo-tpot, --slo-e2el) / duration, when the steps had them. Little's law: L, the mean "
                 "number of requests in the system (from dispatch to the last token), against the achieved "
                 "rate λ times the mean E2EL W; in a steady state they agree (ratio 1), a line that keeps "
                 "growing breaks it. Every step's full run report is in the sweep JSON.")));

    // Points, when levels were repeated.
    if (r.repeats > 1) {
        h += QStringLiteral("<section id=\"points\">\n<h2>%1</h2>\n<table>\n<tr>")
                 .arg(esc(tr("Levels (mean and 95% interval of %1 repeats)").arg(r.repeats)));
        const char *const pointHeadings[] = { QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Offered"),
            QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Runs"),
            QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Achieved (req/s)"),
            QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Output (tok/s)"),
            QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "TTFT p99 (ms)"),
            QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "ITL p99 (ms)"),
            QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "E2EL p99 (ms)"),
            QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Verdict") };
        for (const char *heading : pointHeadings)
            h += QStringLiteral("<th%1>%2</th>")
                     .arg(
                         std::strcmp(heading, "Verdict") == 0 ? QStringLiteral(" class=\"text\"") : QString(),
                         esc(tr(heading)));
        h += QStringLiteral("</tr>\n");
        auto pm = [](const MeanInterval &m, int decimals) {
            return std::isfinite(m.mean)
                ? QStringLiteral("%1 ± %2").arg(num(m.mean, decimals), num(m.halfWidth, decimals))
                : QStringLiteral("–");
        };
        for (const SweepPoint &p : r.points) {
            h += QStringLiteral(
                "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td>"
                "<td class=\"text\">%8</td></tr>\n")
                     .arg(esc(offeredText(tr, p.over, p.value)))
                     .arg(p.runs)
                     .arg(pm(p.requestThroughput, 2), pm(p.outputThroughput, 1), pm(p.ttftP99, 1),
                         pm(p.itlP99, 2), pm(p.e2elP99, 1),
                         esc((p.saturated ? tr("saturated") : tr("ok"))
                             + (r.slo.isEmpty() ? QString()
                                                : QStringLiteral(", ")
                                         + (p.meetsSlo ? tr("meets SLO") : tr("misses SLO")))));
        }
        h += QStringLiteral("</table>\n</section>\n");
    }

    h += QStringLiteral("<footer>%1</footer>\n</main>\n</body>\n</html>\n")
             .arg(esc(tr(
                 "Generated by BurgerBench %1 from a burgerbench.sweep/1 report. Self-contained: no scripts, "
                 "fonts or images are loaded from anywhere.")
                          .arg(QStringLiteral(BURGERBENCH_VERSION))));
    return scrub.text(h).toUtf8();
}

QByteArray compareToBytes(const SweepResult &a, const QString &nameA, const SweepResult &b,
    const QString &nameB, const SweepCompare::Result &cmp, const Options &options)
{
    const Tr tr(options.language);
    const SecretScrubber scrub;
    // Against the offered value when both sweeps ran one kind of level, else the achieved rate.
    bool mixed = false;
    SweepOver over = SweepOver::Rate;
    bool first = true;
    for (const SweepResult *r : { &a, &b }) {
        for (const SweepPoint &p : r->points) {
            if (first)
                over = p.over;
            mixed = mixed || p.over != over;
            first = false;
        }
    }
    Frame f;
    if (mixed) {
        f.xLabel = tr("achieved requests/s (the profile mixes concurrency and rate steps)");
        f.xUnit = tr("req/s achieved");
    } else if (over == SweepOver::Rate) {
        f.xLabel = tr("offered load (requests/s)");
        f.xUnit = tr("req/s offered");
    } else {
        f.xLabel = tr("offered load (concurrency: requests in flight)");
        f.xUnit = tr("in flight");
    }
    // A point per level of each sweep; it links to its level's row when both ran it.
    auto levelMarks = [&](const SweepResult &r, double (*pick)(const SweepPoint &)) {
        std::vector<Mark> out;
        for (const SweepPoint &p : r.points) {
            int row = 0;
            for (qsizetype i = 0; i < cmp.rows.size(); ++i)
                if (cmp.rows.at(i).over == p.over && cmp.rows.at(i).value == p.value)
                    row = int(i) + 1;
            const double x = mixed ? p.requestThroughput.mean : p.value;
            out.push_back(Mark { row, x, pick(p), p.saturated, p.meetsSlo, {} });
        }
        return out;
    };
    const QString colourA = QStringLiteral("#4e5993");
    const QString colourB = QStringLiteral("#d35400");
    const struct
    {
        const char *id, *title, *yLabel;
        double (*pick)(const SweepPoint &);
    } specs[] = {
        { "chart-rps", QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "Request throughput"),
            QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "requests/s"),
            [](const SweepPoint &p) { return p.requestThroughput.mean; } },
        { "chart-ttft", QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "TTFT p99"), "ms",
            [](const SweepPoint &p) { return p.ttftP99.mean; } },
        { "chart-e2el", QT_TRANSLATE_NOOP("BurgerBench::SweepHtml", "E2EL p99"), "ms",
            [](const SweepPoint &p) { return p.e2elP99.mean; } },
    };
    const QString title = tr("BurgerBench: two sweeps compared");
    QString h = pageHead(tr, title);
    h += QStringLiteral(
        "<header id=\"sweep-compare\">\n<h1>%1</h1>\n<table class=\"meta\">\n"
        "<tr><th>A</th><td>%2</td></tr>\n<tr><th>B</th><td>%3</td></tr>\n</table>\n</header>\n")
             .arg(esc(title), esc(nameA), esc(nameB));
    h += QStringLiteral("<section id=\"curves\">\n<h2>%1</h2>\n<div class=\"grid2\">\n")
             .arg(esc(tr("Against the load")));
    for (const auto &spec : specs) {
        Chart c;
        c.id = QLatin1String(spec.id);
        c.title = tr(spec.title);
        c.yLabel = tr(spec.yLabel);
        Line la { QStringLiteral("a"), QStringLiteral("A: %1").arg(nameA), colourA, false,
            levelMarks(a, spec.pick) };
        Line lb { QStringLiteral("b"), QStringLiteral("B: %1").arg(nameB), colourB, true,
            levelMarks(b, spec.pick) };
        la.anchorPrefix = lb.anchorPrefix = QStringLiteral("level-");
        c.lines = { la, lb };
        c.frame = false;
        h += figure(c, f, tr);
    }
    h += QStringLiteral("</div>\n</section>\n");
    h += QStringLiteral("<section id=\"levels\">\n<h2>%1</h2>\n<table id=\"levels-table\">\n<tr><th>%2</th>"
                        "<th>%3 A</th><th>%3 B</th><th>%4</th><th>TTFT p50 A</th><th>TTFT p50 B</th>"
                        "<th>TTFT p99 A</th><th>TTFT p99 B</th><th>E2EL p99 A</th><th>E2EL p99 B</th>"
                        "<th class=\"text\">%5</th></tr>\n")
             .arg(esc(tr("Levels both sweeps ran")), esc(tr("Offered")), esc(tr("Achieved (req/s)")),
                 esc(tr("change")), esc(tr("noise")));
    for (qsizetype i = 0; i < cmp.rows.size(); ++i) {
        const SweepCompare::LevelRow &row = cmp.rows.at(i);
        h += QStringLiteral("<tr id=\"level-%1\"><td>%2</td>")
                 .arg(i + 1)
                 .arg(esc(offeredText(tr, row.over, row.value)));
        for (const QString &cell : { num(row.a.rps, 2), num(row.b.rps, 2), num(row.b.rps - row.a.rps, 2),
                 ms(row.a.ttftP50), ms(row.b.ttftP50), ms(row.a.ttftP99), ms(row.b.ttftP99),
                 ms(row.a.e2elP99), ms(row.b.e2elP99) })
            h += QStringLiteral("<td>%1</td>").arg(cell);
        h += QStringLiteral("<td class=\"text\">%1</td></tr>\n")
                 .arg(esc(SweepCompare::verdictText(row.rpsVerdict)));
    }
    h += QStringLiteral("</table>\n</section>\n");
    auto capText = [](const SweepCompare::CapacitySide &c) {
        if (!c.searched)
            return QStringLiteral("–");
        return QStringLiteral("%1 [%2, %3]")
            .arg(std::isfinite(c.value) ? value(c.value) : QStringLiteral("?"),
                std::isfinite(c.lo) ? value(c.lo) : QStringLiteral("?"),
                std::isfinite(c.hi) ? value(c.hi) : QStringLiteral("?"));
    };
    h += QStringLiteral("<section id=\"capacity\">\n<h2>%1</h2>\n<table class=\"meta\">\n"
                        "<tr><th>A</th><td>%2</td></tr>\n<tr><th>B</th><td>%3</td></tr>\n"
                        "<tr><th>%4</th><td id=\"capacity-verdict\">%5</td></tr>\n</table>\n</section>\n")
             .arg(esc(tr("Capacity")), esc(capText(cmp.a)), esc(capText(cmp.b)), esc(tr("change")),
                 esc(cmp.capacity
                         ? QStringLiteral("%1 (%2%): %3, %4")
                               .arg(num(cmp.capacityDelta, 3), num(cmp.capacityPercent, 1),
                                   SweepCompare::verdictText(cmp.capacityVerdict), cmp.capacityMethod)
                         : cmp.capacityMethod));
    h += QStringLiteral("<footer>%1</footer>\n</main>\n</body>\n</html>\n")
             .arg(esc(
                 tr("Generated by BurgerBench %1 from two burgerbench.sweep/1 reports. Self-contained: no "
                    "scripts, fonts or images are loaded from anywhere.")
                     .arg(QStringLiteral(BURGERBENCH_VERSION))));
    return scrub.text(h).toUtf8();
}

bool writeCompare(const QString &path, const SweepResult &a, const QString &nameA, const SweepResult &b,
    const QString &nameB, const SweepCompare::Result &comparison, QString *error)
{
    return writeFileAtomically(path, compareToBytes(a, nameA, b, nameB, comparison), error);
}

bool write(const QString &path, const SweepResult &result, QString *error)
{
    return writeFileAtomically(path, toBytes(result), error);
}

bool write(const QString &path, const SweepResult &result, const Options &options, QString *error)
{
    return writeFileAtomically(path, toBytes(result, options), error);
}

} // namespace SweepHtml
} // namespace BurgerBench
