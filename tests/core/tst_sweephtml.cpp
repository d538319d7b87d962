// The sweep report's HTML page (sweep/sweephtml.h) and the run report's server-metrics charts, read
// back: each step's point where its values say on every chart, the knee at the saturated step, the
// capacity bracket, the SLO lines, the table against the sweep JSON; `report sweep.json --html` and
// `report run.json --server-metrics-csv` as a user runs them against the simulator; and both pages
// opened in headless Chromium (it must be installed: scripts/setup.sh lists it).
#include "metrics/summary.h"
#include "report/htmlreport.h"
#include "reportfixture.h"
#include "servermetricsfixture.h"
#include "sweep/sweephtml.h"
#include "sweep/sweepreport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#ifdef BURGERBENCH_HAVE_RENDER
#include <QImage>
#endif

#include <cmath>
#include <map>

using namespace BurgerBench;
using Fixture::Ms;

namespace {

SweepStep step(int point, double value, quint32 seed, SweepOver over = SweepOver::Rate,
    SweepPhase phase = SweepPhase::Level)
{
    SweepStep s;
    s.point = point;
    s.phase = phase;
    s.over = over;
    s.value = value;
    s.trace = Fixture::sampleTrace(12 + point, 0, seed);
    s.summary = computeSummary(s.trace, s.trace.scenario.percentiles, s.trace.scenario.slo);
    return s;
}

// A rate list 10, 20, 40 requests/s: the third step saturated (served 26.5 of the 40 that arrived).
// The steady-state rates differ from the runs' own throughputs, so a page that drew the wrong
// figure would show it.
SweepResult rateSweep()
{
    SweepResult r;
    r.profile = SweepProfile::Rate;
    r.over = SweepOver::Rate;
    r.slo = { QStringLiteral("ttft.p99<=400ms") };
    r.targetUrl = QStringLiteral("http://127.0.0.1:8000");
    const double served[] = { 9.9, 19.7, 26.5 };
    const double tokens[] = { 208, 414, 556 };
    const double values[] = { 10, 20, 40 };
    for (int i = 0; i < 3; ++i) {
        SweepStep s = step(i, values[i], quint32(7 + i));
        s.saturation.arrivalRate = values[i] * 1.01;
        s.saturation.completionRate = served[i];
        s.saturation.outputRate = tokens[i];
        r.steps.push_back(s);
    }
    SweepStep &hot = r.steps[2];
    hot.saturation.saturated = true;
    hot.saturation.rateShort = true;
    hot.saturation.reason = QStringLiteral("served 26.50 requests/s of the 40.40/s that arrived (under 90%)");
    hot.meetsSlo = false;
    hot.violations = { QStringLiteral("ttft.p99<=400ms (measured 512.3)") };
    r.stopped = QStringLiteral("saturated at rate 40");
    r.aggregate();
    return r;
}

// A search: probes at 10 (meets), 40 (saturated), 20 (meets), 30 (misses); capacity 20, [20, 30].
SweepResult searchSweep()
{
    SweepResult r;
    r.profile = SweepProfile::Search;
    r.over = SweepOver::Rate;
    r.slo = { QStringLiteral("ttft.p99<=400ms"), QStringLiteral("itl.p99<=50ms") };
    r.tolerance = 0.05;
    r.maxSteps = 4;
    int point = 0;
    for (double v : { 10.0, 40.0, 20.0, 30.0 }) {
        SweepStep s = step(point, v, quint32(20 + point), SweepOver::Rate, SweepPhase::Probe);
        s.saturation.completionRate = std::min(v, 26.0);
        s.saturation.arrivalRate = v;
        s.meetsSlo = v <= 20;
        if (v > 30) {
            s.saturation.saturated = true;
            s.saturation.reason = QStringLiteral("the server's queue grew");
        }
        r.steps.push_back(s);
        ++point;
    }
    r.capacity.searched = true;
    r.capacity.over = SweepOver::Rate;
    r.capacity.value = 20;
    r.capacity.lo = 20;
    r.capacity.hi = 30;
    r.capacity.stopReason = QStringLiteral("max_steps");
    r.capacity.slo = r.slo;
    r.aggregate();
    return r;
}

QString page(const SweepResult &r)
{
    return QString::fromUtf8(SweepHtml::toBytes(r));
}

// The text from the tag holding `id="…"` to its closing tag.
QString element(const QString &doc, const QString &id, const QString &tag)
{
    const qsizetype start = doc.indexOf(QStringLiteral("id=\"%1\"").arg(id));
    if (start < 0)
        return QString();
    const qsizetype end = doc.indexOf(QStringLiteral("</%1>").arg(tag), start);
    return doc.mid(start, end - start);
}

double attr(const QString &text, const char *name)
{
    const QRegularExpression re(QStringLiteral(" %1=\"([^\"]*)\"").arg(QLatin1String(name)));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : std::nan("");
}

struct Frame
{
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0, left = 0, right = 0, top = 0, bottom = 0;
    double X(double v) const { return left + (v - x0) / (x1 - x0) * (right - left); }
    double Y(double v) const { return bottom - (v - y0) / (y1 - y0) * (bottom - top); }
};

Frame frameOf(const QString &svg)
{
    Frame f;
    f.x0 = attr(svg, "data-x0");
    f.x1 = attr(svg, "data-x1");
    f.y0 = attr(svg, "data-y0");
    f.y1 = attr(svg, "data-y1");
    f.left = attr(svg, "data-left");
    f.right = attr(svg, "data-right");
    f.top = attr(svg, "data-top");
    f.bottom = attr(svg, "data-bottom");
    return f;
}

struct Point
{
    QString cls, series;
    int step = 0;
    double x = 0, y = 0, cx = 0, cy = 0;
};

std::vector<Point> points(const QString &svg)
{
    static const QRegularExpression re(QStringLiteral(
        "<circle class=\"([^\"]+)\" data-series=\"([^\"]+)\" data-step=\"(\\d+)\" data-x=\"([^\"]+)\" "
        "data-y=\"([^\"]+)\" cx=\"([^\"]+)\" cy=\"([^\"]+)\""));
    std::vector<Point> out;
    for (auto it = re.globalMatch(svg); it.hasNext();) {
        const auto m = it.next();
        out.push_back(Point { m.captured(1), m.captured(2), m.captured(3).toInt(), m.captured(4).toDouble(),
            m.captured(5).toDouble(), m.captured(6).toDouble(), m.captured(7).toDouble() });
    }
    return out;
}

// The cells of the table row with this id.
QStringList rowCells(const QString &doc, const QString &id)
{
    const QString row = element(doc, id, QStringLiteral("tr"));
    static const QRegularExpression cell(QStringLiteral("<td[^>]*>([^<]*)</td>"));
    QStringList out;
    for (auto it = cell.globalMatch(row); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance;
}

// One RFC 4180 line's fields (quoted fields may hold commas and doubled quotes).
QStringList csvFields(const QString &line)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            out << field;
            field.clear();
        } else {
            field += c;
        }
    }
    out << field;
    return out;
}

QString chromium()
{
    QString env = qEnvironmentVariable("BURGERBENCH_CHROMIUM");
    if (!env.isEmpty())
        return env;
    for (const char *name : { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }) {
        QString path = QStandardPaths::findExecutable(QLatin1String(name));
        if (!path.isEmpty())
            return path;
    }
    return QString();
}

} // namespace

class tst_SweepHtml : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void onePointPerStepWhereItsValuesSay_data();
    void onePointPerStepWhereItsValuesSay();
    void kneeAtTheSaturatedStep();
    void tableEqualsTheSweepJson();
    void capacityAndItsBracket();
    void sloLinesAndGoodput();
    void mixedProfileIsDrawnAgainstAchieved();
    void selfContainedAndDeterministic();
    // As a user runs it.
    void queuePerStepSumsLabelSets();
    void cliRendersASweep();
    void cliRendersASweepInSpanish();
    void cliServerMetricsCsvAndHtml();
    // Both pages in a real browser.
    void chromiumRendersBoth();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result cli(const QStringList &args, int timeoutMs = 120000);
    QString m_bin;
    QTemporaryDir m_dir;
    QString m_sweepHtml; // written by cliRendersASweep, opened by chromiumRendersBoth
    QString m_runHtml; // by cliServerMetricsCsvAndHtml
};

void tst_SweepHtml::initTestCase()
{
    m_bin = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY(m_dir.isValid());
}

tst_SweepHtml::Result tst_SweepHtml::cli(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(m_bin, args);
    Result r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void tst_SweepHtml::onePointPerStepWhereItsValuesSay_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("series");
    QTest::newRow("achieved req/s") << "chart-rps"
                                    << "rps";
    QTest::newRow("output tok/s") << "chart-tps"
                                  << "tps";
    QTest::newRow("TTFT p50") << "chart-ttft"
                              << "p50";
    QTest::newRow("TTFT p99") << "chart-ttft"
                              << "p99";
    QTest::newRow("ITL p50") << "chart-itl"
                             << "p50";
    QTest::newRow("ITL p99") << "chart-itl"
                             << "p99";
    QTest::newRow("E2EL p99") << "chart-e2el"
                              << "p99";
}

void tst_SweepHtml::onePointPerStepWhereItsValuesSay()
{
    QFETCH(QString, chart);
    QFETCH(QString, series);
    const SweepResult r = rateSweep();
    const QString doc = page(r);
    const QString svg = element(doc, QStringLiteral("svg-") + chart, QStringLiteral("svg"));
    QVERIFY2(!svg.isEmpty(), qPrintable(chart));
    const Frame f = frameOf(svg);
    QCOMPARE(f.x0, 0.0);
    QVERIFY(f.x1 >= 40 && f.right > f.left && f.bottom > f.top);
    std::vector<Point> mine;
    for (const Point &p : points(svg))
        if (p.series == series)
            mine.push_back(p);
    QCOMPARE(mine.size(), r.steps.size());
    for (const Point &p : mine) {
        QVERIFY(p.step >= 1 && p.step <= int(r.steps.size()));
        const SweepStep &s = r.steps[size_t(p.step - 1)];
        // x: the offered rate; y: the step's own figure, computed here from the step.
        QCOMPARE(p.x, s.value);
        double want = 0;
        if (chart == QLatin1String("chart-rps"))
            want = s.saturation.completionRate;
        else if (chart == QLatin1String("chart-tps"))
            want = s.saturation.outputRate;
        else {
            const Distribution &d = chart == QLatin1String("chart-ttft") ? s.summary.ttft
                : chart == QLatin1String("chart-itl")                    ? s.summary.itl
                                                                         : s.summary.e2el;
            want = d.percentile(series == QLatin1String("p50") ? 50 : 99);
        }
        QVERIFY2(near(p.y, want, 1e-9 * std::max(1.0, want)),
            qPrintable(QStringLiteral("step %1: %2 vs %3").arg(p.step).arg(p.y).arg(want)));
        QVERIFY2(
            near(p.cx, f.X(p.x), 0.06), qPrintable(QStringLiteral("cx %1 vs %2").arg(p.cx).arg(f.X(p.x))));
        QVERIFY2(
            near(p.cy, f.Y(p.y), 0.06), qPrintable(QStringLiteral("cy %1 vs %2").arg(p.cy).arg(f.Y(p.y))));
        QVERIFY(p.cy >= f.top - 0.06 && p.cy <= f.bottom + 0.06);
        // The drawn axis agrees: the tick labelled with the step's value sits under its point.
        const QRegularExpression tick(QStringLiteral(
            "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" class=\"ax xtick\" text-anchor=\"middle\">%1</text>")
                                          .arg(s.value));
        const auto m = tick.match(svg);
        QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("no x tick %1").arg(s.value)));
        QVERIFY(near(m.captured(1).toDouble(), p.cx, 0.11));
        // A click opens the step's row.
        QVERIFY(svg.contains(QStringLiteral("<a href=\"#step-%1\"><circle").arg(p.step)));
        QVERIFY(doc.contains(QStringLiteral("<tr id=\"step-%1\"").arg(p.step)));
    }
    // Saturated and SLO-missing points say so in their class.
    for (const Point &p : mine) {
        QCOMPARE(p.cls.contains(QLatin1String("sat")), p.step == 3);
        QCOMPARE(p.cls.contains(QLatin1String("miss")), p.step == 3);
    }
}

void tst_SweepHtml::kneeAtTheSaturatedStep()
{
    SweepResult r = rateSweep();
    QString doc = page(r);
    int charts = 0;
    for (const char *id :
        { "svg-chart-rps", "svg-chart-tps", "svg-chart-ttft", "svg-chart-itl", "svg-chart-e2el" }) {
        const QString svg = element(doc, QLatin1String(id), QStringLiteral("svg"));
        const Frame f = frameOf(svg);
        static const QRegularExpression knee(QStringLiteral(
            "<g class=\"knee\" data-step=\"(\\d+)\" data-x=\"([^\"]+)\"><path d=\"M([0-9.]+),"));
        const auto m = knee.match(svg);
        QVERIFY2(m.hasMatch(), id);
        QCOMPARE(m.captured(1).toInt(), 3);
        QCOMPARE(m.captured(2).toDouble(), 40.0);
        // Drawn through the saturated step's points.
        for (const Point &p : points(svg))
            if (p.step == 3)
                QVERIFY2(near(p.cx, m.captured(3).toDouble(), 0.06), id);
        QVERIFY(near(m.captured(3).toDouble(), f.X(40), 0.06));
        QVERIFY(
            svg.contains(QLatin1String("served 26.50 requests/s of the 40.40/s that arrived (under 90%)")));
        ++charts;
    }
    QCOMPARE(charts, 5);
    QVERIFY(element(doc, QStringLiteral("knee"), QStringLiteral("div></div"))
                .contains(QLatin1String("40 req/s")));
    QVERIFY(doc.contains(QLatin1String("Stopped: saturated at rate 40")));

    // Two saturated levels: the knee is the lower one, whatever order they ran in.
    r.steps[1].saturation.saturated = true;
    r.steps[1].saturation.reason = QStringLiteral("the client's queue grew");
    std::swap(r.steps[1], r.steps[2]);
    r.steps[1].point = 1;
    r.steps[2].point = 2;
    r.aggregate();
    doc = page(r);
    QVERIFY(doc.contains(QLatin1String("<g class=\"knee\" data-step=\"3\" data-x=\"20\">")));
    QVERIFY(!doc.contains(QLatin1String("data-x=\"40\"><path")));

    // Nothing saturated: no knee drawn.
    SweepResult calm = rateSweep();
    calm.steps[2].saturation = Saturation();
    calm.aggregate();
    doc = page(calm);
    QVERIFY(!doc.contains(QLatin1String("class=\"knee\"")));
    QVERIFY(doc.contains(QLatin1String("no step ran past what the target serves")));
}

// What the table shows is what the sweep JSON holds, as a reader of the JSON would round it.
void tst_SweepHtml::tableEqualsTheSweepJson()
{
    const SweepResult r = rateSweep();
    const QString doc = page(r);
    const QJsonArray steps = SweepReport::toJson(r).value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), qsizetype(3));
    for (int i = 0; i < 3; ++i) {
        const QJsonObject s = steps.at(i).toObject();
        const QStringList cells = rowCells(doc, QStringLiteral("step-%1").arg(i + 1));
        QCOMPARE(cells.size(), 16);
        QCOMPARE(cells.at(0).toInt(), s.value(QLatin1String("index")).toInt() + 1);
        QCOMPARE(cells.at(1), s.value(QLatin1String("phase")).toString());
        QCOMPARE(cells.at(2), QStringLiteral("%1 req/s").arg(s.value(QLatin1String("value")).toDouble()));
        const QJsonObject sat = s.value(QLatin1String("saturation")).toObject();
        QCOMPARE(cells.at(3), QString::number(sat.value(QLatin1String("arrival_rate")).toDouble(), 'f', 2));
        QCOMPARE(
            cells.at(4), QString::number(sat.value(QLatin1String("completion_rate")).toDouble(), 'f', 2));
        QCOMPARE(cells.at(5), QString::number(sat.value(QLatin1String("output_rate")).toDouble(), 'f', 1));
        QCOMPARE(cells.at(6), QStringLiteral("–")); // no per-request SLO: no goodput
        const QJsonObject summary
            = s.value(QLatin1String("run")).toObject().value(QLatin1String("summary")).toObject();
        const double ttftP99
            = summary.value(QLatin1String("ttft_ms")).toObject().value(QLatin1String("p99")).toDouble();
        const double e2elP99
            = summary.value(QLatin1String("e2el_ms")).toObject().value(QLatin1String("p99")).toDouble();
        const double itlP99
            = summary.value(QLatin1String("itl_ms")).toObject().value(QLatin1String("p99")).toDouble();
        QVERIFY(ttftP99 > 100 && itlP99 > 1 && e2elP99 > ttftP99);
        QVERIFY2(near(cells.at(8).toDouble(), ttftP99, 0.051), qPrintable(cells.at(8)));
        QVERIFY2(near(cells.at(10).toDouble(), itlP99, 0.0051), qPrintable(cells.at(10)));
        QVERIFY2(near(cells.at(12).toDouble(), e2elP99, 0.051), qPrintable(cells.at(12)));
        QCOMPARE(cells.at(13),
            QStringLiteral("%1 / %2")
                .arg(summary.value(QLatin1String("completed")).toInt())
                .arg(summary.value(QLatin1String("failed")).toInt()));
        const bool saturated = s.value(QLatin1String("saturated")).toBool();
        QCOMPARE(cells.at(14).contains(QLatin1String("SATURATED")), saturated);
        QCOMPARE(cells.at(14).contains(QLatin1String("misses SLO")),
            !s.value(QLatin1String("meets_slo")).toBool());
        // Little's law: L against lambda x W and their ratio, as the JSON's step.little has them.
        const QJsonObject little = s.value(QLatin1String("little")).toObject();
        QVERIFY(!little.isEmpty());
        QCOMPARE(cells.at(15),
            QStringLiteral("%1 vs %2 (%3)")
                .arg(QString::number(little.value(QLatin1String("in_flight")).toDouble(), 'f', 2),
                    QString::number(little.value(QLatin1String("rate_x_e2e")).toDouble(), 'f', 2),
                    QString::number(little.value(QLatin1String("ratio")).toDouble(), 'f', 2)));
        QVERIFY(std::abs(little.value(QLatin1String("rate")).toDouble()
                    - sat.value(QLatin1String("completion_rate")).toDouble())
            < 1e-9);
    }
    // The result cards.
    QVERIFY(element(doc, QStringLiteral("max-rps"), QStringLiteral("div></div"))
                .contains(QStringLiteral("%1 req/s").arg(r.maxRequestThroughput, 0, 'f', 2)));
    QCOMPARE(r.maxRequestThroughput, 26.5);
}

void tst_SweepHtml::capacityAndItsBracket()
{
    const SweepResult r = searchSweep();
    const QString doc = page(r);
    const QString svg = element(doc, QStringLiteral("svg-chart-ttft"), QStringLiteral("svg"));
    const Frame f = frameOf(svg);
    static const QRegularExpression bracket(QStringLiteral(
        "<rect class=\"bracket\" x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\">"));
    const auto b = bracket.match(svg);
    QVERIFY(b.hasMatch());
    QVERIFY(near(b.captured(1).toDouble(), f.X(20), 0.06));
    QVERIFY(near(b.captured(1).toDouble() + b.captured(3).toDouble(), f.X(30), 0.11));
    QVERIFY(near(b.captured(2).toDouble(), f.top, 0.06));
    QVERIFY(near(b.captured(4).toDouble(), f.bottom - f.top, 0.06));
    static const QRegularExpression cap(
        QStringLiteral("<g class=\"capacity\" data-x=\"([^\"]+)\"><path d=\"M([0-9.]+),"));
    const auto c = cap.match(svg);
    QVERIFY(c.hasMatch());
    QCOMPARE(c.captured(1).toDouble(), 20.0);
    QVERIFY(near(c.captured(2).toDouble(), f.X(20), 0.06));
    const QString card = element(doc, QStringLiteral("capacity"), QStringLiteral("div></div"));
    QVERIFY2(card.contains(QLatin1String("20 req/s"))
            && card.contains(QLatin1String("bracket [20, 30], max_steps")),
        qPrintable(card));
    // Every probe a point, in the order tried; the saturated probe is the knee.
    QCOMPARE(points(svg).size(), size_t(2 * r.steps.size()));
    QVERIFY(svg.contains(QLatin1String("<g class=\"knee\" data-step=\"2\" data-x=\"40\">")));
    // A profile without a search draws no bracket.
    QVERIFY(!page(rateSweep()).contains(QLatin1String("class=\"bracket\"")));
}

void tst_SweepHtml::sloLinesAndGoodput()
{
    const SweepResult r = searchSweep();
    const QString doc = page(r);
    static const QRegularExpression slo(QStringLiteral("<path class=\"slo\" d=\"M[0-9.]+,([0-9.]+) h"));
    for (const auto &[id, level] :
        { std::pair { "svg-chart-ttft", 400.0 }, std::pair { "svg-chart-itl", 50.0 } }) {
        const QString svg = element(doc, QLatin1String(id), QStringLiteral("svg"));
        const auto m = slo.match(svg);
        QVERIFY2(m.hasMatch(), id);
        QVERIFY2(near(m.captured(1).toDouble(), frameOf(svg).Y(level), 0.06), id);
    }
    QVERIFY(!element(doc, QStringLiteral("svg-chart-e2el"), QStringLiteral("svg"))
                 .contains(QLatin1String("class=\"slo\"")));
    QVERIFY(!doc.contains(QLatin1String("data-series=\"goodput\"")));

    // Per-request SLOs on the steps: goodput against the load, one point per step, the run's own figure.
    SweepResult g = rateSweep();
    for (SweepStep &s : g.steps) {
        s.trace.scenario.slo.ttftMs = 200;
        s.summary = computeSummary(s.trace, s.trace.scenario.percentiles, s.trace.scenario.slo);
    }
    g.aggregate();
    const QString withGoodput = page(g);
    const QString svg = element(withGoodput, QStringLiteral("svg-chart-rps"), QStringLiteral("svg"));
    int n = 0;
    for (const Point &p : points(svg)) {
        if (p.series != QLatin1String("goodput"))
            continue;
        ++n;
        const double want = g.steps[size_t(p.step - 1)].summary.goodput;
        QVERIFY(want > 0);
        QVERIFY(near(p.y, want, 1e-9));
        QVERIFY(p.y < g.steps[size_t(p.step - 1)].summary.requestThroughput + 1e-12);
    }
    QCOMPARE(n, 3);
    QCOMPARE(rowCells(withGoodput, QStringLiteral("step-1")).at(6),
        QString::number(g.steps[0].summary.goodput, 'f', 2));
}

// `auto` runs a concurrency step, a throughput step, then rates: one axis for all is the achieved rate.
void tst_SweepHtml::mixedProfileIsDrawnAgainstAchieved()
{
    SweepResult r;
    r.profile = SweepProfile::Auto;
    r.over = SweepOver::Rate;
    r.steps.push_back(step(0, 1, 1, SweepOver::Concurrency, SweepPhase::Synchronous));
    r.steps.push_back(step(1, 64, 2, SweepOver::Concurrency, SweepPhase::Throughput));
    r.steps.push_back(step(2, 12, 3, SweepOver::Rate, SweepPhase::Level));
    const double served[] = { 3.3, 26.6, 12.0 };
    for (int i = 0; i < 3; ++i)
        r.steps[size_t(i)].saturation.completionRate = served[i];
    r.aggregate();
    const QString doc = page(r);
    QVERIFY(
        doc.contains(QLatin1String("achieved requests/s (the profile mixes concurrency and rate steps)")));
    const QString svg = element(doc, QStringLiteral("svg-chart-ttft"), QStringLiteral("svg"));
    const Frame f = frameOf(svg);
    int n = 0;
    for (const Point &p : points(svg)) {
        QCOMPARE(p.x, served[p.step - 1]);
        QVERIFY(near(p.cx, f.X(served[p.step - 1]), 0.06));
        ++n;
    }
    QCOMPARE(n, 6);
    QCOMPARE(rowCells(doc, QStringLiteral("step-1")).at(2), QStringLiteral("c=1"));
    QCOMPARE(rowCells(doc, QStringLiteral("step-3")).at(2), QStringLiteral("12 req/s"));
}

void tst_SweepHtml::selfContainedAndDeterministic()
{
    SweepResult r = rateSweep();
    r.stopped = QStringLiteral("<script>alert(1)</script>");
    r.targetUrl = QStringLiteral("http://127.0.0.1:8000");
    const QByteArray bytes = SweepHtml::toBytes(r);
    QCOMPARE(SweepHtml::toBytes(r), bytes);
    const QString doc = QString::fromUtf8(bytes);
    QVERIFY(doc.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(doc.trimmed().endsWith(QLatin1String("</html>")));
    QVERIFY(!doc.contains(QLatin1String("<script")));
    QVERIFY(doc.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
    for (const char *external : { " src=", "@import", "url(http", "href=\"http", "<link" })
        QVERIFY2(!doc.contains(QLatin1String(external)), external);
    // The run report's look: its style sheet is in the page.
    QVERIFY(doc.contains(HtmlReport::styleSheet()));
    // The round trip through the JSON gives the same page.
    SweepResult back;
    QString error;
    QVERIFY2(SweepReport::fromJson(QJsonDocument::fromJson(SweepReport::toBytes(r)).object(), &back, &error),
        qPrintable(error));
    QCOMPARE(SweepHtml::toBytes(back), bytes);
}

// A rate list past the simulator's ceiling (8 slots, 0.3 s a request: 26.7 requests/s): the page
// from `report sweep.json --html` has a point per step and the knee at the saturated one.
// The server-queue chart: each step's peak of the kitchen's whole line. A server that reports the
// queue per model (two label sets) is summed at each time, not read from its first series only.
void tst_SweepHtml::queuePerStepSumsLabelSets()
{
    SweepResult r = rateSweep();
    auto waiting = [](const QString &model, std::vector<std::pair<qint64, double>> samples) {
        ServerSeries s;
        s.name = QStringLiteral("vllm:num_requests_waiting");
        s.family = s.name;
        s.metric = QStringLiteral("waiting");
        s.kind = QStringLiteral("gauge");
        s.labels = { { QStringLiteral("model_name"), model } };
        s.samples = std::move(samples);
        return s;
    };
    const qint64 s1 = 1'000'000'000;
    // Step 1: one label set, peak 3. Step 2: a peaks at 5 when b has 2, b at 6 when a has 1:
    // the kitchen's longest line is 7 (5 + 2), more than either alone. Step 3: not scraped.
    r.steps[0].trace.serverMetrics.series
        = { waiting(QStringLiteral("a"), { { 0, 1 }, { s1, 3 }, { 2 * s1, 0 } }) };
    r.steps[1].trace.serverMetrics.series = {
        waiting(QStringLiteral("a"), { { 0, 2 }, { s1, 5 }, { 2 * s1, 1 } }),
        waiting(QStringLiteral("b"), { { 0, 0 }, { s1, 2 }, { 2 * s1, 6 } }),
    };
    const QString doc = page(r);
    const QString svg = element(doc, QStringLiteral("svg-chart-queue"), QStringLiteral("svg"));
    QVERIFY2(!svg.isEmpty(), "no server-queue chart");
    std::map<int, double> peak;
    for (const Point &p : points(svg))
        if (p.series == QLatin1String("waiting"))
            peak[p.step] = p.y;
    QCOMPARE(peak.size(), size_t(2));
    QCOMPARE(peak.at(1), 3.0);
    QCOMPARE(peak.at(2), 7.0);
}

void tst_SweepHtml::cliRendersASweep()
{
    QVERIFY2(QFile::exists(m_bin), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(m_bin)));
    const QString json = m_dir.filePath(QStringLiteral("sweep.json"));
    const Result sweep = cli({ QStringLiteral("sweep"), QStringLiteral("--profile"), QStringLiteral("rate"),
        QStringLiteral("--values"), QStringLiteral("10,40,50"), QStringLiteral("--duration"),
        QStringLiteral("2s"), QStringLiteral("--sim-capacity"), QStringLiteral("8"),
        QStringLiteral("--sim-ttft-ms"), QStringLiteral("100"), QStringLiteral("--sim-token-interval-ms"),
        QStringLiteral("10"), QStringLiteral("--sim-output-tokens"), QStringLiteral("21"),
        QStringLiteral("--max-tokens"), QStringLiteral("21"), QStringLiteral("--progress"),
        QStringLiteral("plain"), QStringLiteral("--json"), json });
    QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.out + sweep.err));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonArray steps = report.value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), qsizetype(2)); // 40/s saturates; 50/s is not run
    QVERIFY(steps.at(1).toObject().value(QLatin1String("saturated")).toBool());

    m_sweepHtml = m_dir.filePath(QStringLiteral("sweep.html"));
    const Result html = cli({ QStringLiteral("report"), json, QStringLiteral("--html"), m_sweepHtml });
    QVERIFY2(html.exitCode == 0, qPrintable(html.err));
    QVERIFY(html.err.contains(QStringLiteral("wrote %1").arg(m_sweepHtml)));
    QFile h(m_sweepHtml);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(h.readAll());
    const QString svg = element(doc, QStringLiteral("svg-chart-rps"), QStringLiteral("svg"));
    const Frame fr = frameOf(svg);
    int n = 0;
    for (const Point &p : points(svg)) {
        const QJsonObject s = steps.at(p.step - 1).toObject();
        QCOMPARE(p.x, s.value(QLatin1String("value")).toDouble());
        QVERIFY(near(p.y,
            s.value(QLatin1String("saturation"))
                .toObject()
                .value(QLatin1String("completion_rate"))
                .toDouble(),
            1e-6));
        QVERIFY(near(p.cx, fr.X(p.x), 0.06) && near(p.cy, fr.Y(p.y), 0.06));
        ++n;
    }
    QCOMPARE(n, 2);
    QVERIFY(svg.contains(QLatin1String("<g class=\"knee\" data-step=\"2\" data-x=\"40\">")));
    // The table: what the JSON says, to the shown decimals.
    const QStringList row = rowCells(doc, QStringLiteral("step-2"));
    QCOMPARE(row.at(4),
        QString::number(steps.at(1)
                            .toObject()
                            .value(QLatin1String("saturation"))
                            .toObject()
                            .value(QLatin1String("completion_rate"))
                            .toDouble(),
            'f', 2));
    QVERIFY(row.at(14).startsWith(QLatin1String("SATURATED (served ")));
    // The table and the report again from the same file.
    const Result csv = cli(
        { QStringLiteral("report"), json, QStringLiteral("--csv"), m_dir.filePath(QStringLiteral("s.csv")) });
    QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
    // With no output option: the result.
    const Result plain = cli({ QStringLiteral("report"), json });
    QCOMPARE(plain.exitCode, 0);
    QVERIFY2(plain.out.contains(QLatin1String("Max request throughput: ")), qPrintable(plain.out));
    // Run-only outputs and a language BurgerBench does not speak are refused by name.
    const Result png = cli(
        { QStringLiteral("report"), json, QStringLiteral("--png"), m_dir.filePath(QStringLiteral("x.png")) });
    QCOMPARE(png.exitCode, 2);
    QVERIFY2(png.err.contains(QLatin1String("--png: not for a sweep report")), qPrintable(png.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
    const Result french = cli({ QStringLiteral("report"), json, QStringLiteral("--lang"),
        QStringLiteral("fr"), QStringLiteral("--html"), m_dir.filePath(QStringLiteral("fr.html")) });
    QCOMPARE(french.exitCode, 2);
    QVERIFY2(french.err.contains(QLatin1String("--lang: expected en or es")), qPrintable(french.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("fr.html"))));
}

// The same sweep's page in Spanish (`report sweep.json --html --lang es`): the words from the
// catalogue (translations/burgerbench_es.ts, context BurgerBench::SweepHtml), not their English
// sources; the points where the English page has them.
void tst_SweepHtml::cliRendersASweepInSpanish()
{
    const QString json = m_dir.filePath(QStringLiteral("sweep.json"));
    if (!QFile::exists(json)) { // run alone (a filter): make the sweep here, never skip
        cliRendersASweep();
        if (QTest::currentTestFailed())
            return;
    }
    const QString es = m_dir.filePath(QStringLiteral("es.html"));
    const Result r = cli({ QStringLiteral("report"), json, QStringLiteral("--lang"), QStringLiteral("es"),
        QStringLiteral("--html"), es });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(es);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(f.readAll());
    QVERIFY(doc.contains(QLatin1String("<html lang=\"es\"")));
    const struct
    {
        const char *spanish;
        const char *english;
    } words[] = {
        { "Rendimiento de peticiones", "Request throughput" },
        { "Rendimiento de salida", "Output throughput" },
        { "carga ofrecida (peticiones/s)", "offered load (requests/s)" },
        { "Vista de Pareto", "Pareto view" },
        { "Rendimiento máximo de peticiones", "Max request throughput" },
        { "Frente a la carga", "Against the load" },
    };
    QFile en(m_sweepHtml);
    QVERIFY(en.open(QIODevice::ReadOnly));
    const QString english = QString::fromUtf8(en.readAll());
    for (const auto &w : words) {
        QVERIFY2(doc.contains(QString::fromUtf8(w.spanish)), w.spanish);
        QVERIFY2(!doc.contains(QLatin1String(w.english)), w.english);
        QVERIFY2(english.contains(QLatin1String(w.english)), w.english); // what the English page says
    }
    // Only the words change: the same points on the throughput chart.
    const std::vector<Point> enPoints
        = points(element(english, QStringLiteral("svg-chart-rps"), QStringLiteral("svg")));
    const std::vector<Point> esPoints
        = points(element(doc, QStringLiteral("svg-chart-rps"), QStringLiteral("svg")));
    QCOMPARE(esPoints.size(), enPoints.size());
    QVERIFY(!esPoints.empty());
    for (size_t i = 0; i < esPoints.size(); ++i) {
        QCOMPARE(esPoints.at(i).step, enPoints.at(i).step);
        QCOMPARE(esPoints.at(i).cx, enPoints.at(i).cx);
        QCOMPARE(esPoints.at(i).cy, enPoints.at(i).cy);
    }
}

// The simulator with 4 slots, 64 requests 32 at a time: its queue reaches 28 and drains. The run
// report's HTML draws it; --server-metrics-csv writes the samples.
void tst_SweepHtml::cliServerMetricsCsvAndHtml()
{
    QVERIFY2(QFile::exists(m_bin), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(m_bin)));
    const QString json = m_dir.filePath(QStringLiteral("run.json"));
    const Result run = cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("64"),
        QStringLiteral("--concurrency"), QStringLiteral("32"), QStringLiteral("--sim-capacity"),
        QStringLiteral("4"), QStringLiteral("--server-metrics"), QStringLiteral("auto"),
        QStringLiteral("--server-metrics-interval"), QStringLiteral("100ms"), QStringLiteral("--json"),
        json });
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString csvPath = m_dir.filePath(QStringLiteral("server.csv"));
    m_runHtml = m_dir.filePath(QStringLiteral("run.html"));
    const Result report = cli({ QStringLiteral("report"), json, QStringLiteral("--server-metrics-csv"),
        csvPath, QStringLiteral("--html"), m_runHtml });
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    QFile f(csvPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines
        = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 4, qPrintable(lines.join(u'\n')));
    QVERIFY(lines.at(0).startsWith(QLatin1String("t_ms,uncertainty_ms,")));
    // The waiting column: it reaches 28 (32 sent to 4 slots) and ends at 0.
    const QStringList head = csvFields(lines.at(0));
    qsizetype col = -1;
    for (qsizetype i = 0; i < head.size(); ++i)
        if (head.at(i).startsWith(QLatin1String("vllm:num_requests_waiting{"))
            && head.at(i).endsWith(QLatin1String(" (requests)")))
            col = i;
    QVERIFY2(col > 1, qPrintable(lines.at(0)));
    double peak = -1, last = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = csvFields(lines.at(i));
        QCOMPARE(cells.size(), head.size());
        if (cells.at(col).isEmpty())
            continue;
        last = cells.at(col).toDouble();
        peak = std::max(peak, last);
    }
    QCOMPARE(peak, 28.0);
    QCOMPARE(last, 0.0);
    QFile h(m_runHtml);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(h.readAll());
    QVERIFY(doc.contains(QLatin1String("id=\"server-queue\"")));
    QVERIFY(doc.contains(QLatin1String("data-series=\"waiting\" data-t=")));
    QVERIFY(doc.contains(QLatin1String("data-v=\"28\"")));

    // A run that did not scrape: a clear refusal.
    const QString plain = m_dir.filePath(QStringLiteral("plain.json"));
    QCOMPARE(cli({ QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("2"),
                     QStringLiteral("--json"), plain })
                 .exitCode,
        0);
    const Result refused = cli({ QStringLiteral("report"), plain, QStringLiteral("--server-metrics-csv"),
        m_dir.filePath(QStringLiteral("n.csv")) });
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("has no server metrics")), qPrintable(refused.err));
}

// Headless Chromium opens both pages offline: the DOM it builds holds the charts' SVG elements
// (points, knee, server series), and, where this build can read PNGs, its screenshot shows the
// curves' colours. Chromium is required: a missing browser fails, it does not skip.
void tst_SweepHtml::chromiumRendersBoth()
{
    const QString browser = chromium();
    QVERIFY2(!browser.isEmpty(),
        "Chromium not found (chromium, chromium-browser, google-chrome or $BURGERBENCH_CHROMIUM): "
        "apt-get install chromium (scripts/setup.sh installs it)");
    // Pages from the library too, so this test stands on its own when the CLI tests did not run.
    const QString sweepPage = m_dir.filePath(QStringLiteral("lib-sweep.html"));
    const QString runPage = m_dir.filePath(QStringLiteral("lib-run.html"));
    QString error;
    QVERIFY(SweepHtml::write(sweepPage, rateSweep(), &error));
    const RunTrace scraped = Fixture::scrapedTrace();
    HtmlReport::Options o;
    o.useRenderer = false;
    QVERIFY(HtmlReport::write(runPage, scraped,
        computeSummary(scraped, scraped.scenario.percentiles, scraped.scenario.slo), o, &error));
    QStringList pages { sweepPage, runPage };
    if (!m_sweepHtml.isEmpty() && QFile::exists(m_sweepHtml))
        pages << m_sweepHtml;
    if (!m_runHtml.isEmpty() && QFile::exists(m_runHtml))
        pages << m_runHtml;

    const QString profile = m_dir.filePath(QStringLiteral("chromium-profile"));
    auto runBrowser = [&](const QStringList &extra, const QString &file, QString *out, QString *err) {
        QProcess p;
        p.start(browser,
            QStringList { QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
                QStringLiteral("--user-data-dir=") + profile, QStringLiteral("--enable-logging=stderr"),
                QStringLiteral("--v=0") }
                << extra << QUrl::fromLocalFile(file).toString());
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return false;
        }
        *out = QString::fromUtf8(p.readAllStandardOutput());
        *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    for (const QString &file : pages) {
        QString dom, err;
        QVERIFY2(runBrowser({ QStringLiteral("--dump-dom") }, file, &dom, &err),
            qPrintable(file + err.right(2000)));
        QVERIFY2(!err.contains(QLatin1String("Uncaught")) && !err.contains(QLatin1String("CONSOLE")),
            qPrintable(err.right(2000)));
        const bool sweep = QFileInfo(file).fileName().contains(QLatin1String("sweep"));
        if (sweep) {
            QVERIFY2(dom.count(QLatin1String("<svg class=\"chart sweep\"")) >= 5, qPrintable(file));
            QVERIFY(dom.contains(QLatin1String("<g class=\"knee\" data-step=\"")));
            QVERIFY(dom.count(QLatin1String("<circle class=\"pt")) >= 2 * 5);
            QVERIFY(dom.contains(QLatin1String("<table id=\"steps-table\">")));
        } else {
            QVERIFY2(dom.contains(QLatin1String("id=\"svg-server-queue\"")), qPrintable(file));
            QVERIFY(dom.count(QLatin1String("<circle class=\"sample\" data-series=\"waiting\"")) >= 3);
            QVERIFY(dom.contains(QLatin1String("id=\"series-inflight\"")));
        }
        const QString png = file + QStringLiteral(".png");
        // Tall enough for the run report's server section, below its histograms and series.
        QVERIFY2(runBrowser({ QStringLiteral("--screenshot=") + png,
                                sweep ? QStringLiteral("--window-size=1280,2600")
                                      : QStringLiteral("--window-size=1280,8000"),
                                QStringLiteral("--hide-scrollbars") },
                     file, &dom, &err),
            qPrintable(err.right(2000)));
        QVERIFY2(QFileInfo(png).size() > 10000, qPrintable(png));
#ifdef BURGERBENCH_HAVE_RENDER
        const QImage shot = QImage(png).convertToFormat(QImage::Format_RGB32);
        QVERIFY(!shot.isNull());
        // The sweep's TTFT p99 (and the knee) are drawn in #c0392b, its p50 and requests/s in #4e5993;
        // the server's waiting line in #e67e22. Count pixels close to them.
        auto count = [&](QRgb want) {
            int n = 0;
            for (int y = 0; y < shot.height(); ++y) {
                const QRgb *line = reinterpret_cast<const QRgb *>(shot.constScanLine(y));
                for (int x = 0; x < shot.width(); ++x)
                    n += std::abs(qRed(line[x]) - qRed(want)) + std::abs(qGreen(line[x]) - qGreen(want))
                            + std::abs(qBlue(line[x]) - qBlue(want))
                        < 30;
            }
            return n;
        };
        if (sweep) {
            QVERIFY2(count(qRgb(0xc0, 0x39, 0x2b)) > 200, qPrintable(png));
            QVERIFY2(count(qRgb(0x4e, 0x59, 0x93)) > 200, qPrintable(png));
        } else {
            QVERIFY2(count(qRgb(0xe6, 0x7e, 0x22)) > 100, qPrintable(png));
        }
#endif
    }
}

QTEST_MAIN(tst_SweepHtml)
#include "tst_sweephtml.moc"
