#include "sweep/sweephtml.h"

#include "metrics/threshold.h"
#include "report/atomicfile.h"
#include "report/htmlformat.h"
#include "report/htmlreport.h"
#include "report/secretscrub.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace BurgerBench {
namespace SweepHtml {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

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

// ---- each step's figures ---------------------------------------------------------------------

struct Figures
{
    double arrived = NaN; // requests/s that really arrived (open loop)
    double rps = NaN; // steady-state successes/s, as the points use (sweepresult.cpp)
    double tps = NaN; // output tokens/s, likewise
    double goodput = NaN; // requests/s meeting the per-request SLOs (NaN without them)
    double ttft50 = NaN, ttft99 = NaN, itl50 = NaN, itl99 = NaN, e2el50 = NaN, e2el99 = NaN;
    double peakWaiting = NaN; // the server's queue at its longest (server_metrics), NaN if not scraped
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
    if (const ServerSeries *waiting = s.trace.serverMetrics.find(QStringLiteral("waiting"))) {
        for (const auto &sample : waiting->samples)
            if (std::isfinite(sample.second))
                f.peakWaiting
                    = std::isnan(f.peakWaiting) ? sample.second : std::max(f.peakWaiting, sample.second);
    }
    return f;
}

QString offeredText(const SweepStep &s)
{
    return s.over == SweepOver::Rate ? QStringLiteral("%1 req/s").arg(value(s.value))
                                     : QStringLiteral("c=%1").arg(value(s.value));
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
};

struct Line
{
    QString key; // css class suffix and the points' series name
    QString label;
    QString colour;
    bool dashed = false;
    std::vector<Mark> marks;
};

struct HLine
{
    double y = 0;
    QString label;
};

struct Chart
{
    QString id;
    QString title;
    QString yLabel;
    QString caption;
    std::vector<Line> lines;
    std::vector<HLine> slo;
    bool diagonal = false; // achieved = offered, for rate profiles
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

QString lineChart(const Chart &c, const Frame &f)
{
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
            "<text x=\"%3\" y=\"%4\" text-anchor=\"middle\" class=\"muted\">no data</text></svg>")
            .arg(ChartW)
            .arg(ChartH)
            .arg(ChartW / 2)
            .arg(ChartH / 2);
    for (double x : { f.kneeX, f.capValue, f.capLo, f.capHi })
        if (std::isfinite(x))
            maxX = std::max(maxX, x);
    for (const HLine &h : c.slo)
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
        s += QStringLiteral(
            "<rect class=\"bracket\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\"><title>capacity "
            "bracket [%5, %6] %7</title></rect>\n")
                 .arg(px(X(f.capLo)), px(top), px(std::max(1.0, X(hi) - X(f.capLo))), px(ph), value(f.capLo),
                     std::isfinite(f.capHi) ? value(f.capHi) : QStringLiteral("?"), esc(f.xUnit));
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
        s += QStringLiteral(
            "<path class=\"diagonal\" d=\"M%1,%2 L%3,%4\"><title>achieved = offered</title></path>\n")
                 .arg(px(X(0)), px(Y(0)), px(X(m)), px(Y(m)));
    }
    for (const HLine &h : c.slo)
        s += QStringLiteral(
            "<path class=\"slo\" d=\"M%1,%2 h%3\"/><text x=\"%4\" y=\"%5\" class=\"slolabel\" "
            "text-anchor=\"end\">%6</text>\n")
                 .arg(px(left), px(Y(h.y)), px(pw), px(right - 2), px(Y(h.y) - 3), esc(h.label));
    if (f.capacity && std::isfinite(f.capValue))
        s += QStringLiteral(
            "<g class=\"capacity\" data-x=\"%1\"><path d=\"M%2,%3 V%4\"/><text x=\"%5\" y=\"%6\" "
            "class=\"caplabel\" text-anchor=\"start\">capacity %7</text></g>\n")
                 .arg(exact(f.capValue), px(X(f.capValue)), px(top), px(bottom), px(X(f.capValue) + 3),
                     px(top + 10), esc(value(f.capValue)));
    if (f.kneeStep > 0) {
        const double kx = X(f.kneeX);
        const bool leftSide = kx > left + pw * 0.6;
        s += QStringLiteral(
            "<g class=\"knee\" data-step=\"%1\" data-x=\"%2\"><path d=\"M%3,%4 V%5\"/>"
            "<text x=\"%6\" y=\"%7\" class=\"kneelabel\" text-anchor=\"%8\">saturated (step %1)"
            "</text><title>%9</title></g>\n")
                 .arg(f.kneeStep)
                 .arg(exact(f.kneeX), px(kx), px(top - 8), px(bottom), px(kx + (leftSide ? -3 : 3)),
                     px(top - 10), leftSide ? QStringLiteral("end") : QStringLiteral("start"),
                     esc(f.kneeReason));
    }
    // The lines through the levels (the mean of repeats at one x), then a point per step.
    for (const Line &l : c.lines) {
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
    for (const Line &l : c.lines) {
        for (const Mark &m : l.marks) {
            if (!std::isfinite(m.x) || !std::isfinite(m.y))
                continue;
            QString cls = QStringLiteral("pt");
            if (m.saturated)
                cls += QStringLiteral(" sat");
            if (!m.meetsSlo)
                cls += QStringLiteral(" miss");
            s += QStringLiteral(
                "<a href=\"#step-%1\"><circle class=\"%2\" data-series=\"%3\" data-step=\"%1\" "
                "data-x=\"%4\" data-y=\"%5\" cx=\"%6\" cy=\"%7\" r=\"4\" fill=\"%8\" stroke=\"%8\">"
                "<title>step %1 · %9: %10 at %11 %12%13</title></circle></a>\n")
                     .arg(m.step)
                     .arg(cls, l.key, exact(m.x), exact(m.y), px(X(m.x)), px(Y(m.y)), l.colour, esc(l.label))
                     .arg(value(m.y), value(m.x), esc(f.xUnit),
                         m.saturated ? QStringLiteral(" (saturated)") : QString());
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
    return out;
}

QString figure(const Chart &c, const Frame &f)
{
    return QStringLiteral("<figure id=\"%1\"><h3>%2</h3>\n%3\n<figcaption>%4%5</figcaption></figure>\n")
        .arg(c.id, esc(c.title), lineChart(c, f), swatches(c),
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

} // namespace

QByteArray toBytes(const SweepResult &r)
{
    const SecretScrubber scrub(
        r.steps.empty() ? QStringLiteral("OPENAI_API_KEY") : r.steps.front().trace.scenario.apiKeyEnv);
    std::vector<Figures> figs;
    figs.reserve(r.steps.size());
    for (const SweepStep &s : r.steps)
        figs.push_back(figuresOf(s));

    // The x axis: the offered value in the profile's unit, or the achieved requests/s when steps mix
    // concurrency and rate (auto).
    bool mixed = false;
    for (const SweepStep &s : r.steps)
        mixed = mixed || s.over != r.steps.front().over;
    const SweepOver over = r.steps.empty() ? r.over : r.steps.front().over;
    Frame f;
    if (mixed) {
        f.xLabel = QStringLiteral("achieved requests/s (the profile mixes concurrency and rate steps)");
        f.xUnit = QStringLiteral("req/s achieved");
    } else if (over == SweepOver::Rate) {
        f.xLabel = QStringLiteral("offered load (requests/s)");
        f.xUnit = QStringLiteral("req/s offered");
    } else {
        f.xLabel = QStringLiteral("offered load (concurrency: requests in flight)");
        f.xUnit = QStringLiteral("in flight");
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
                out.push_back(HLine { t.value, QStringLiteral("SLO %1").arg(text) });
        return out;
    };
    auto marks = [&](double Figures::*field) {
        std::vector<Mark> out;
        for (size_t i = 0; i < r.steps.size(); ++i) {
            const SweepStep &s = r.steps[i];
            if (!s.error.isEmpty())
                continue;
            out.push_back(Mark { int(i) + 1, xOf(i), figs[i].*field, s.saturation.saturated, s.meetsSlo });
        }
        return out;
    };
    bool goodput = false;
    bool queue = false;
    for (const Figures &g : figs) {
        goodput = goodput || std::isfinite(g.goodput);
        queue = queue || std::isfinite(g.peakWaiting);
    }

    std::vector<Chart> charts;
    {
        Chart c;
        c.id = QStringLiteral("chart-rps");
        c.title = QStringLiteral("Request throughput");
        c.yLabel = QStringLiteral("requests/s");
        c.lines.push_back(Line { QStringLiteral("rps"), QStringLiteral("achieved requests/s"),
            QStringLiteral("#4e5993"), false, marks(&Figures::rps) });
        if (goodput)
            c.lines.push_back(
                Line { QStringLiteral("goodput"), QStringLiteral("goodput (meeting the per-request SLOs)"),
                    QStringLiteral("#2e7d6f"), true, marks(&Figures::goodput) });
        c.diagonal = !mixed && over == SweepOver::Rate;
        c.caption
            = QStringLiteral("Steady state: the slope of the completed requests' running count against their "
                             "end times.")
            + (c.diagonal ? QStringLiteral(" Dotted: achieved = offered; below it the target falls behind.")
                          : QString());
        charts.push_back(c);
    }
    {
        Chart c;
        c.id = QStringLiteral("chart-tps");
        c.title = QStringLiteral("Output throughput");
        c.yLabel = QStringLiteral("output tokens/s");
        c.lines.push_back(Line { QStringLiteral("tps"), QStringLiteral("output tokens/s"),
            QStringLiteral("#863fb0"), false, marks(&Figures::tps) });
        c.caption = QStringLiteral("The slope of the successes' running output-token count.");
        charts.push_back(c);
    }
    const struct
    {
        const char *id, *title, *metric;
        double Figures::*p50;
        double Figures::*p99;
        const char *colour;
    } latencies[] = {
        { "chart-ttft", "TTFT (time to first token)", "ttft", &Figures::ttft50, &Figures::ttft99, "#4e5993" },
        { "chart-itl", "ITL (inter-token latency)", "itl", &Figures::itl50, &Figures::itl99, "#863fb0" },
        { "chart-e2el", "E2EL (end-to-end latency)", "e2el", &Figures::e2el50, &Figures::e2el99, "#2e7d6f" },
    };
    for (const auto &l : latencies) {
        Chart c;
        c.id = QLatin1String(l.id);
        c.title = QLatin1String(l.title);
        c.yLabel = QStringLiteral("ms");
        c.lines.push_back(Line {
            QStringLiteral("p50"), QStringLiteral("p50"), QLatin1String(l.colour), false, marks(l.p50) });
        c.lines.push_back(Line {
            QStringLiteral("p99"), QStringLiteral("p99"), QStringLiteral("#c0392b"), true, marks(l.p99) });
        c.slo = sloLines(QLatin1String(l.metric));
        c.caption = QStringLiteral("Percentiles of each step's successful measured requests.");
        charts.push_back(c);
    }
    if (queue) {
        Chart c;
        c.id = QStringLiteral("chart-queue");
        c.title = QStringLiteral("Server queue");
        c.yLabel = QStringLiteral("requests waiting");
        c.lines.push_back(Line { QStringLiteral("waiting"), QStringLiteral("peak waiting (server /metrics)"),
            QStringLiteral("#6e0e0e"), false, marks(&Figures::peakWaiting) });
        c.caption = QStringLiteral(
            "The longest line in front of the kitchen the server reported during each step.");
        charts.push_back(c);
    }

    const QString title = QStringLiteral("BurgerBench sweep: %1").arg(sweepProfileName(r.profile));
    QString h;
    h.reserve(1 << 18);
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"BurgerBench %1\">\n<title>%2</title>\n"
                        "<style>%3%4</style>\n</head>\n<body>\n<main>\n")
             .arg(QStringLiteral(BURGERBENCH_VERSION), esc(title), HtmlReport::styleSheet(),
                 QString::fromUtf8(sweepCss()));
    const QString target
        = r.targetUrl.isEmpty() ? QStringLiteral("built-in simulator") : scrub.url(r.targetUrl);
    h += QStringLiteral("<header id=\"sweep\">\n<h1>%1</h1>\n<p class=\"sub\">%2 · %3 step(s) · %4</p>\n")
             .arg(esc(title), esc(QStringLiteral("over %1").arg(sweepOverName(r.over))))
             .arg(r.steps.size())
             .arg(esc(target));
    if (r.cancelled)
        h += QStringLiteral("<p class=\"bad\">Cancelled: the finished steps are shown.</p>\n");
    if (!r.stopped.isEmpty())
        h += QStringLiteral("<p class=\"bad\" id=\"stopped\">Stopped: %1</p>\n").arg(esc(r.stopped));
    QList<std::pair<QString, QString>> meta {
        { QStringLiteral("Profile"), sweepProfileName(r.profile) },
        { QStringLiteral("Over"), sweepOverName(r.over) },
        { QStringLiteral("Repeats"), QString::number(r.repeats) },
        { QStringLiteral("SLO"),
            r.slo.isEmpty() ? QStringLiteral("none") : r.slo.join(QStringLiteral(", ")) },
        { QStringLiteral("Target"), target },
    };
    if (r.profile == SweepProfile::Search)
        meta.append({ QStringLiteral("Search"),
            QStringLiteral("tolerance %1%, at most %2 probes")
                .arg(value(r.tolerance * 100))
                .arg(r.maxSteps) });
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
    h += QStringLiteral("<section id=\"result\">\n<h2>Result</h2>\n<div class=\"cards\">\n");
    h += card(QStringLiteral("max-rps"), num(r.maxRequestThroughput, 2) + QStringLiteral(" req/s"),
        QStringLiteral("Max request throughput"),
        QStringLiteral("the best level's mean steady-state requests/s"));
    h += card(QStringLiteral("max-tps"), num(r.maxOutputThroughput, 1) + QStringLiteral(" tok/s"),
        QStringLiteral("Max output throughput"), QStringLiteral("the best level's mean output tokens/s"));
    if (f.kneeStep > 0)
        h += card(QStringLiteral("knee"),
            QStringLiteral("%1").arg(offeredText(r.steps[size_t(f.kneeStep - 1)])),
            QStringLiteral("Saturated at (step %1)").arg(f.kneeStep), f.kneeReason);
    else
        h += card(QStringLiteral("knee"), QStringLiteral("none"), QStringLiteral("Saturation"),
            QStringLiteral("no step ran past what the target serves"));
    if (cap.searched) {
        const QString unit
            = cap.over == SweepOver::Rate ? QStringLiteral(" req/s") : QStringLiteral(" in flight");
        const QString v
            = std::isfinite(cap.value) ? value(cap.value) + unit : QStringLiteral("no level met the SLO");
        h += card(QStringLiteral("capacity"), v,
            QStringLiteral("Capacity (%1)").arg(cap.slo.join(QStringLiteral(", "))),
            QStringLiteral("bracket [%1, %2], %3")
                .arg(std::isfinite(cap.lo) ? value(cap.lo) : QStringLiteral("?"),
                    std::isfinite(cap.hi) ? value(cap.hi) : QStringLiteral("?"), cap.stopReason));
    }
    h += QStringLiteral("</div>\n</section>\n");

    // Charts.
    h += QStringLiteral("<section id=\"curves\">\n<h2>Against the load</h2>\n<p class=\"note\">%1</p>\n"
                        "<div class=\"grid2\">\n")
             .arg(esc(
                 QStringLiteral("One point per step (a click opens its row below); the line joins the levels "
                                "(the mean of their repeats). Red ring: saturated; hollow: missed the SLO. "
                                "Red dashed line: the knee, the lowest saturated level.")
                 + (f.capacity ? QStringLiteral(" Green: the capacity and its bracket.") : QString())));
    for (const Chart &c : charts)
        h += figure(c, f);
    h += QStringLiteral("</div>\n</section>\n");

    // Steps.
    h += QStringLiteral(
        "<section id=\"steps\">\n<h2>Steps</h2>\n<table id=\"steps-table\">\n<tr><th>Step</th>"
        "<th class=\"text\">Phase</th><th>Offered</th><th>Arrived (req/s)</th><th>Achieved (req/s)"
        "</th><th>Output (tok/s)</th><th>Goodput (req/s)</th><th>TTFT p50 (ms)</th><th>TTFT p99 (ms)"
        "</th><th>ITL p50 (ms)</th><th>ITL p99 (ms)</th><th>E2EL p50 (ms)</th><th>E2EL p99 (ms)</th>"
        "<th>OK / failed</th><th class=\"text\">Verdict</th></tr>\n");
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const SweepStep &s = r.steps[i];
        const Figures &g = figs[i];
        QStringList verdict;
        if (!s.error.isEmpty())
            verdict << QStringLiteral("did not run: ") + s.error;
        if (s.targetFailed)
            verdict << QStringLiteral("target failed: no request succeeded");
        if (s.saturation.saturated)
            verdict << QStringLiteral("SATURATED (%1)").arg(s.saturation.reason);
        if (!r.slo.isEmpty())
            verdict << (s.meetsSlo
                    ? QStringLiteral("meets SLO")
                    : QStringLiteral("misses SLO: ") + s.violations.join(QStringLiteral("; ")));
        if (verdict.isEmpty())
            verdict << QStringLiteral("ok");
        QString phase = sweepPhaseName(s.phase);
        if (r.repeats > 1)
            phase += QStringLiteral(" (repeat %1)").arg(s.repeat + 1);
        h += QStringLiteral("<tr id=\"step-%1\"%2><td>%1</td><td class=\"text\">%3</td><td>%4</td>")
                 .arg(i + 1)
                 .arg(s.saturation.saturated ? QStringLiteral(" class=\"sat\"") : QString(), esc(phase),
                     esc(offeredText(s)));
        for (const QString &cell : { num(g.arrived, 2), num(g.rps, 2), num(g.tps, 1), num(g.goodput, 2),
                 ms(g.ttft50), ms(g.ttft99), ms(g.itl50), ms(g.itl99), ms(g.e2el50), ms(g.e2el99) })
            h += QStringLiteral("<td>%1</td>").arg(cell);
        h += QStringLiteral("<td>%1 / %2</td><td class=\"verdict\">%3</td></tr>\n")
                 .arg(s.summary.completed)
                 .arg(s.summary.failed)
                 .arg(esc(verdict.join(QStringLiteral("; "))));
    }
    h += QStringLiteral("</table>\n<p class=\"note\">%1</p>\n</section>\n")
             .arg(esc(
                 QStringLiteral("Arrived: the rate the requests really arrived at (open loop). Achieved and "
                                "output: steady-state rates. Goodput: successes meeting the per-request SLOs "
                                "(--slo-ttft, --slo-tpot, --slo-e2el) / duration, when the steps had them. "
                                "Every step's full run report is in the sweep JSON.")));

    // Points, when levels were repeated.
    if (r.repeats > 1) {
        h += QStringLiteral(
            "<section id=\"points\">\n<h2>Levels (mean and 95% interval of %1 repeats)</h2>\n<table>\n"
            "<tr><th>Offered</th><th>Runs</th><th>Achieved (req/s)</th><th>Output (tok/s)</th>"
            "<th>TTFT p99 (ms)</th><th>ITL p99 (ms)</th><th>E2EL p99 (ms)</th>"
            "<th class=\"text\">Verdict</th></tr>\n")
                 .arg(r.repeats);
        auto pm = [](const MeanInterval &m, int decimals) {
            return std::isfinite(m.mean)
                ? QStringLiteral("%1 ± %2").arg(num(m.mean, decimals), num(m.halfWidth, decimals))
                : QStringLiteral("–");
        };
        for (const SweepPoint &p : r.points) {
            const QString offered = p.over == SweepOver::Rate ? QStringLiteral("%1 req/s").arg(value(p.value))
                                                              : QStringLiteral("c=%1").arg(value(p.value));
            h += QStringLiteral(
                "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td>"
                "<td class=\"text\">%8</td></tr>\n")
                     .arg(esc(offered))
                     .arg(p.runs)
                     .arg(pm(p.requestThroughput, 2), pm(p.outputThroughput, 1), pm(p.ttftP99, 1),
                         pm(p.itlP99, 2), pm(p.e2elP99, 1),
                         esc(QStringLiteral("%1%2").arg(
                             p.saturated ? QStringLiteral("saturated") : QStringLiteral("ok"),
                             r.slo.isEmpty()  ? QString()
                                 : p.meetsSlo ? QStringLiteral(", meets SLO")
                                              : QStringLiteral(", misses SLO"))));
        }
        h += QStringLiteral("</table>\n</section>\n");
    }

    h += QStringLiteral(
        "<footer>Generated by BurgerBench %1 from a burgerbench.sweep/1 report. Self-contained: no "
        "scripts, fonts or images are loaded from anywhere.</footer>\n</main>\n</body>\n</html>\n")
             .arg(QStringLiteral(BURGERBENCH_VERSION));
    return scrub.text(h).toUtf8();
}

bool write(const QString &path, const SweepResult &result, QString *error)
{
    return writeFileAtomically(path, toBytes(result), error);
}

} // namespace SweepHtml
} // namespace BurgerBench
