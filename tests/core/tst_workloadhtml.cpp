// The run report's Workload section (report/workloadhtml.h): absent without a workload; its bars
// and points at the coordinates their values give (read back from the SVG); the least-squares slope;
// the cached share, the stopped-early count (shown also when 0) and the token counts' source; its
// words in Spanish; and a real CLI run against the simulator opened in headless Chromium.
#include "metrics/summary.h"
#include "report/htmlreport.h"
#include "report/workloadhtml.h"
#include "reportfixture.h"

#include <QFileInfo>
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
#include <numeric>

using namespace BurgerBench;

namespace {

constexpr qint64 Ms = 1'000'000;

QString html(const RunTrace &t, Language language = Language::English)
{
    HtmlReport::Options o;
    o.language = language;
    o.useRenderer = false;
    return QString::fromUtf8(
        HtmlReport::toBytes(t, computeSummary(t, t.scenario.percentiles, t.scenario.slo), o));
}

// A workload run: request i asks for 100 + 37 i prompt tokens (the server counts 2 more) and 8 or
// 16 output tokens; its TTFT is 50 ms + 0.25 ms per achieved prompt token, so the slope is
// 250 ms per 1,000 tokens. Every third success stops early (fewer tokens than asked), the even
// ones had 64 tokens cached. Plus a warm-up (never drawn) and a failure (asked, not achieved).
RunTrace workloadTrace(int n = 24)
{
    RunTrace t;
    t.scenario.name = QStringLiteral("workload fixture");
    t.scenario.requests = n + 1;
    t.scenario.warmup = 1;
    t.scenario.workload.inputTokens = QStringLiteral("uniform:100,1000");
    t.scenario.workload.outputTokens = QStringLiteral("8:50,16:50");
    t.scenario.workload.prefixTokens = 64;
    t.scenario.workload.prefixGroups = 2;
    t.scenario.workload.tokens.source = CountSource::Calibrated;
    t.scenario.workload.tokens.bytesPerToken = 3.9;
    t.scenario.workload.tokens.overheadTokens = 2;
    t.targetUrl = QStringLiteral("http://127.0.0.1:8000/v1/chat/completions");
    t.measuredStartNs = 0;
    qint64 at = 0;
    for (int i = 0; i < n; ++i) {
        const int asked = 100 + 37 * i;
        const int achieved = asked + 2;
        const int askedOut = i % 2 ? 16 : 8;
        const int gotOut = i % 3 == 0 ? askedOut - 3 : askedOut;
        const qint64 ttft = 50 * Ms + qint64(std::llround(0.25 * achieved * double(Ms)));
        RequestRecord r = Fixture::success(quint32(i), at, ttft, gotOut, 2 * Ms, i % 4);
        r.askedInputTokens = asked;
        r.askedOutputTokens = askedOut;
        r.promptTokens = achieved;
        r.promptTokensFromUsage = true;
        r.outputTokens = gotOut;
        r.cachedTokens = i % 2 == 0 ? 64 : 0;
        t.requests.push_back(r);
        at += 5 * Ms;
    }
    RequestRecord failed = Fixture::success(quint32(n), at, 10 * Ms, 1, Ms, 0);
    failed.tokenNs.clear();
    failed.outcome = Outcome::Failed;
    failed.error = ErrorKind::Http;
    failed.httpStatus = 500;
    failed.askedInputTokens = 999;
    failed.askedOutputTokens = 16;
    t.requests.push_back(failed);
    RequestRecord warm = Fixture::success(quint32(n + 1), at, 10 * Ms, 4, Ms, 0);
    warm.warmup = true;
    warm.askedInputTokens = 5000;
    warm.askedOutputTokens = 4;
    warm.promptTokens = 5000;
    warm.promptTokensFromUsage = true;
    t.requests.push_back(warm);
    t.endNs = at + 100 * Ms;
    return t;
}

// The opening tag of the svg with this id, and everything up to its end.
QString svgById(const QString &doc, const QString &id)
{
    const qsizetype start = doc.indexOf(QStringLiteral("<svg class=\"chart workload\" id=\"%1\"").arg(id));
    if (start < 0)
        return QString();
    return doc.mid(start, doc.indexOf(QLatin1String("</svg>"), start) - start);
}

double attr(const QString &element, const QString &name)
{
    const QRegularExpression re(QStringLiteral("\\s%1=\"([^\"]*)\"").arg(name));
    const auto m = re.match(element);
    return m.hasMatch() ? m.captured(1).toDouble() : NAN;
}

QString attrText(const QString &element, const QString &name)
{
    const QRegularExpression re(QStringLiteral("\\s%1=\"([^\"]*)\"").arg(name));
    return re.match(element).captured(1);
}

QStringList elements(const QString &svg, const QString &prefix)
{
    QStringList out;
    qsizetype at = 0;
    while ((at = svg.indexOf(prefix, at)) >= 0) {
        const qsizetype end = svg.indexOf(QLatin1Char('>'), at);
        out << svg.mid(at, end - at + 1);
        at = end;
    }
    return out;
}

struct Plot
{
    double x0, x1, y1, left, right, top, bottom;
    double x(double v) const { return left + (v - x0) / (x1 - x0) * (right - left); }
    double y(double v) const { return bottom - v / y1 * (bottom - top); }
};

Plot plotOf(const QString &svg)
{
    return Plot { attr(svg, QStringLiteral("data-x0")), attr(svg, QStringLiteral("data-x1")),
        attr(svg, QStringLiteral("data-y1")), attr(svg, QStringLiteral("data-left")),
        attr(svg, QStringLiteral("data-right")), attr(svg, QStringLiteral("data-top")),
        attr(svg, QStringLiteral("data-bottom")) };
}

QString cardValue(const QString &doc, const QString &id)
{
    const QRegularExpression re(
        QStringLiteral("<div class=\"card\" id=\"%1\"><div class=\"value\">([^<]*)</div>").arg(id));
    return re.match(doc).captured(1);
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

class tst_WorkloadHtml : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void absentWithoutWorkload();
    void lengthBins_data();
    void lengthBins();
    void barsWhereTheirCountsSay_data();
    void barsWhereTheirCountsSay();
    void pointsAndLineWhereTheirValuesSay();
    void cacheStopsAndTokenCounts_data();
    void cacheStopsAndTokenCounts();
    void replayAndSessionsSayWhatRan();
    void spanish();
    void cliRunInChromium();

private:
    QTemporaryDir m_dir;
};

void tst_WorkloadHtml::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_WorkloadHtml::absentWithoutWorkload()
{
    const QString plain = html(Fixture::sampleTrace());
    QVERIFY(!plain.contains(QLatin1String("id=\"workload\"")));
    QVERIFY(!plain.contains(QLatin1String("chart workload")));
    QVERIFY(plain.contains(QLatin1String("id=\"histograms\"")));
    const QString with = html(workloadTrace());
    QVERIFY(with.contains(QLatin1String("<section id=\"workload\">\n<h2>Workload</h2>")));
    // After the latency histograms, before the time series.
    QVERIFY(
        with.indexOf(QLatin1String("id=\"histograms\"")) < with.indexOf(QLatin1String("id=\"workload\"")));
    QVERIFY(
        with.indexOf(QLatin1String("id=\"workload\"")) < with.indexOf(QLatin1String("id=\"timeseries\"")));
}

void tst_WorkloadHtml::lengthBins_data()
{
    QTest::addColumn<int>("lo");
    QTest::addColumn<int>("hi");
    QTest::newRow("one value") << 64 << 64;
    QTest::newRow("small span") << 3 << 11;
    QTest::newRow("prompt lengths") << 100 << 951;
    QTest::newRow("long tail") << 1 << 250000;
    QTest::newRow("odd start") << 517 << 1723;
}

void tst_WorkloadHtml::lengthBins()
{
    QFETCH(int, lo);
    QFETCH(int, hi);
    const LengthBins b = LengthBins::cover(lo, hi, 20);
    QVERIFY(b.count >= 1 && b.count <= 40);
    QVERIFY(b.width >= 1);
    // A round width: 1, 2 or 5 x 10^k.
    const double mag = std::pow(10.0, std::floor(std::log10(double(b.width))));
    const double norm = b.width / mag;
    QVERIFY2(std::abs(norm - 1) < 1e-9 || std::abs(norm - 2) < 1e-9 || std::abs(norm - 5) < 1e-9,
        qPrintable(QString::number(b.width)));
    QVERIFY(b.from(0) <= lo && b.to(b.count - 1) > hi);
    QCOMPARE(b.from(0) % b.width, 0);
    QVERIFY(b.count >= 5); // a lone length still has empty neighbours
    QVERIFY(b.from(0) >= 0);
    QVERIFY(b.from(b.binOf(lo)) <= lo && lo < b.to(b.binOf(lo)));
    QVERIFY(b.from(b.binOf(hi)) <= hi && hi < b.to(b.binOf(hi)));
    const std::vector<int> counts = b.counts({ lo, hi, lo });
    QCOMPARE(int(counts.size()), b.count);
    QCOMPARE(counts[size_t(b.binOf(lo))], lo == hi ? 3 : 2);
    QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 3);
}

void tst_WorkloadHtml::barsWhereTheirCountsSay_data()
{
    QTest::addColumn<QString>("svg");
    QTest::newRow("input") << "svg-workload-input";
    QTest::newRow("output") << "svg-workload-output";
}

void tst_WorkloadHtml::barsWhereTheirCountsSay()
{
    QFETCH(QString, svg);
    const RunTrace t = workloadTrace();
    const QString doc = html(t);
    const QString chart = svgById(doc, svg);
    QVERIFY2(!chart.isEmpty(), qPrintable(svg));
    const Plot p = plotOf(chart);
    QVERIFY(p.x1 > p.x0 && p.y1 > 0 && p.right > p.left && p.bottom > p.top);
    const bool input = svg.endsWith(QLatin1String("input"));
    // The series as the trace has them: measured requests' asked lengths (the failure too, not the
    // warm-up), successes' achieved ones.
    std::vector<int> asked, achieved;
    for (const RequestRecord &r : t.requests) {
        if (r.warmup)
            continue;
        asked.push_back(input ? r.askedInputTokens : r.askedOutputTokens);
        if (r.outcome == Outcome::Success)
            achieved.push_back(input ? r.promptTokens : r.outputTokens);
    }
    const QStringList bars = elements(chart, QStringLiteral("<rect class=\"bar\""));
    QVERIFY(bars.size() >= 2);
    int total[2] = { 0, 0 };
    double binWidthPx = -1;
    for (const QString &bar : bars) {
        const QString series = attrText(bar, QStringLiteral("data-series"));
        QVERIFY(series == QLatin1String("asked") || series == QLatin1String("achieved"));
        const int half = series == QLatin1String("achieved") ? 1 : 0;
        const int from = int(attr(bar, QStringLiteral("data-from")));
        const int to = int(attr(bar, QStringLiteral("data-to")));
        const int count = int(attr(bar, QStringLiteral("data-count")));
        const std::vector<int> &values = half ? achieved : asked;
        QCOMPARE(count,
            int(std::count_if(values.begin(), values.end(), [&](int v) { return v >= from && v < to; })));
        total[half] += count;
        // Where that bin and count put it: the asked bar in the left half of the bin, achieved in the right.
        const double bin = p.x(to) - p.x(from);
        if (binWidthPx < 0)
            binWidthPx = bin;
        QVERIFY(std::abs(bin - binWidthPx) < 0.01); // equal bins
        QVERIFY2(
            std::abs(attr(bar, QStringLiteral("x")) - (p.x(from) + half * bin / 2)) <= 0.06, qPrintable(bar));
        QVERIFY(std::abs(attr(bar, QStringLiteral("y")) - p.y(count)) <= 0.06);
        QVERIFY(std::abs(attr(bar, QStringLiteral("height")) - (p.bottom - p.y(count))) <= 0.11);
        QVERIFY(attr(bar, QStringLiteral("width")) <= bin / 2 + 0.05);
    }
    QCOMPARE(total[0], int(asked.size()));
    QCOMPARE(total[1], int(achieved.size()));
    if (!input) {
        // 8 and 16 asked; 5, 8, 13 and 16 achieved: four distinct achieved bars, two asked.
        QCOMPARE(int(std::count_if(bars.begin(), bars.end(),
                     [](const QString &b) { return b.contains(QLatin1String("\"asked\"")); })),
            2);
    }
}

void tst_WorkloadHtml::pointsAndLineWhereTheirValuesSay()
{
    const RunTrace t = workloadTrace();
    const QString doc = html(t);
    const QString chart = svgById(doc, QStringLiteral("svg-workload-ttft"));
    QVERIFY(!chart.isEmpty());
    const Plot p = plotOf(chart);
    // From a round number at or below the shortest input (102 tokens) to one above the longest.
    QVERIFY(p.x0 <= 102 && p.x0 > 0 && p.x1 >= 953);
    const QStringList points = elements(chart, QStringLiteral("<circle class=\"pt\""));
    // One per measured success: not the failure, not the warm-up (5,000 tokens would stretch the axis).
    QCOMPARE(points.size(), 24);
    QVERIFY(p.x1 < 5000);
    QSet<int> xs;
    for (const QString &pt : points) {
        const double x = attr(pt, QStringLiteral("data-x"));
        const double y = attr(pt, QStringLiteral("data-y"));
        xs.insert(int(x));
        // Coloured by whether the server had part of the prompt cached (the even requests).
        const bool cached = int(attr(pt, QStringLiteral("data-cached"))) == 1;
        QCOMPARE(cached, (int(x) - 102) / 37 % 2 == 0);
        QVERIFY(pt.contains(cached ? QLatin1String("fill=\"#2e7d6f\"") : QLatin1String("fill=\"#e67e22\"")));
        // The achieved input (usage.prompt_tokens) and the TTFT the trace gives it.
        QVERIFY2(std::abs(y - (50 + 0.25 * x)) < 1e-3, qPrintable(pt));
        QVERIFY(std::abs(attr(pt, QStringLiteral("cx")) - p.x(x)) <= 0.06);
        QVERIFY(std::abs(attr(pt, QStringLiteral("cy")) - p.y(y)) <= 0.06);
    }
    for (int i = 0; i < 24; ++i)
        QVERIFY(xs.contains(100 + 37 * i + 2));
    const QStringList lines = elements(chart, QStringLiteral("<line class=\"fit\""));
    QCOMPARE(lines.size(), 1);
    const QString &line = lines.front();
    QVERIFY(std::abs(attr(line, QStringLiteral("data-slope")) - 0.25) < 1e-6);
    QVERIFY(std::abs(attr(line, QStringLiteral("data-intercept")) - 50) < 1e-3);
    // From the shortest to the longest input, on the line.
    QVERIFY(std::abs(attr(line, QStringLiteral("x1")) - p.x(102)) <= 0.06);
    QVERIFY(std::abs(attr(line, QStringLiteral("y1")) - p.y(50 + 0.25 * 102)) <= 0.06);
    QVERIFY(std::abs(attr(line, QStringLiteral("x2")) - p.x(100 + 37 * 23 + 2)) <= 0.06);
    QVERIFY(std::abs(attr(line, QStringLiteral("y2")) - p.y(50 + 0.25 * (100 + 37 * 23 + 2))) <= 0.06);
    QVERIFY2(doc.contains(QLatin1String("TTFT grows by 250.00 ms per 1,000 input tokens.")), "slope caption");

    // One input length only: no line, and the caption says why.
    RunTrace flat = workloadTrace(6);
    for (RequestRecord &r : flat.requests)
        r.promptTokens = 300;
    const QString flatDoc = html(flat);
    QVERIFY(!svgById(flatDoc, QStringLiteral("svg-workload-ttft")).contains(QLatin1String("class=\"fit\"")));
    QVERIFY(flatDoc.contains(QLatin1String("No slope: fewer than two different input lengths.")));
}

void tst_WorkloadHtml::cacheStopsAndTokenCounts_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("words");
    QTest::newRow("tokenize") << int(CountSource::Tokenize) << "tokenize"
                              << "POST /tokenize";
    QTest::newRow("calibrated") << int(CountSource::Calibrated) << "calibrated"
                                << "probe requests";
    QTest::newRow("estimated") << int(CountSource::Estimated) << "estimated"
                               << "about 4 bytes";
}

void tst_WorkloadHtml::cacheStopsAndTokenCounts()
{
    QFETCH(int, source);
    QFETCH(QString, name);
    QFETCH(QString, words);
    RunTrace t = workloadTrace();
    t.scenario.workload.tokens.source = CountSource(source);
    const QString doc = html(t);
    QCOMPARE(cardValue(doc, QStringLiteral("workload-token-counts")), name);
    QVERIFY(doc.contains(words));
    // 12 of 24 successes had 64 cached tokens: Σ cached / Σ prompt.
    qint64 prompt = 0;
    for (int i = 0; i < 24; ++i)
        prompt += 100 + 37 * i + 2;
    QCOMPARE(cardValue(doc, QStringLiteral("workload-cached")),
        QString::number(100.0 * 12 * 64 / double(prompt), 'f', 1) + QStringLiteral(" %"));
    QVERIFY(doc.contains(QLatin1String("12 of 24 successes had cached tokens")));
    // i = 0, 3, ..., 21 stopped early.
    QCOMPARE(cardValue(doc, QStringLiteral("workload-stopped-early")), QStringLiteral("8"));

    // Nothing stopped early and no cache reported: both still shown.
    for (RequestRecord &r : t.requests) {
        r.outputTokens = r.askedOutputTokens;
        r.cachedTokens = -1;
    }
    const QString none = html(t);
    QCOMPARE(cardValue(none, QStringLiteral("workload-stopped-early")), QStringLiteral("0"));
    QCOMPARE(cardValue(none, QStringLiteral("workload-cached")), QStringLiteral("–"));
    QVERIFY(none.contains(QLatin1String("the server reported no usage.prompt_tokens_details.cached_tokens")));
}

// The page's Load row says a replay was a replay and sessions were sessions (not "closed loop, 0
// requests"); the Dataset row is what was read; a multi-turn run has its per-turn table, each cell
// the summary's figure.
void tst_WorkloadHtml::replayAndSessionsSayWhatRan()
{
    RunTrace t = workloadTrace(12);
    t.scenario.workload.dataset = QStringLiteral("trace.jsonl");
    t.scenario.workload.inputTokens.clear();
    t.scenario.workload.timeScale = 0.5;
    t.scenario.requests = 0;
    t.replayedRows = 13;
    t.datasetNote
        = QStringLiteral("trace.jsonl (mooncake): 13 of 40 rows kept, sample 13 without replacement");
    QString doc = html(t);
    QVERIFY2(
        doc.contains(QLatin1String("replay: 13 timestamped rows at time scale 0.5, up to")), qPrintable(doc));
    QVERIFY(!doc.contains(QLatin1String("closed loop")));
    QVERIFY(doc.contains(t.datasetNote));
    QVERIFY(!doc.contains(QLatin1String("id=\"per-turn\"")));

    // Sessions: two users, three turns each (request i is session i % 2's turn i / 2).
    t = workloadTrace(6);
    t.scenario.requests = 0;
    t.scenario.workload.sessions = 2;
    t.scenario.workload.turns = 3;
    for (int i = 0; i < 6; ++i) {
        RequestRecord &r = t.requests[size_t(i)];
        r.session = i % 2;
        r.turn = i / 2;
    }
    doc = html(t);
    QVERIFY2(doc.contains(QLatin1String("closed loop: concurrency ")), qPrintable(doc));
    QVERIFY(doc.contains(QLatin1String(", 2 sessions of 3 turns")));
    QVERIFY(!doc.contains(QLatin1String(", for 0 s")));
    const Summary summary = computeSummary(t, t.scenario.percentiles, t.scenario.slo);
    QCOMPARE(int(summary.perTurn.size()), 3);
    const qsizetype table = doc.indexOf(QLatin1String("<table id=\"per-turn-table\">"));
    QVERIFY(table >= 0);
    const QString rows = doc.mid(table, doc.indexOf(QLatin1String("</table>"), table) - table);
    const QRegularExpression row(QStringLiteral(
        "<tr><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>"));
    int seen = 0;
    for (auto it = row.globalMatch(rows); it.hasNext(); ++seen) {
        const auto m = it.next();
        const TurnSummary &turn = summary.perTurn.at(size_t(seen));
        QCOMPARE(m.captured(1).toInt(), turn.turn + 1);
        QCOMPARE(m.captured(2).toInt(), turn.sent);
        QCOMPARE(m.captured(3).toInt(), turn.completed);
        // Printed with 1 decimal from 100 ms (2 below): within half of the last digit.
        QVERIFY(std::abs(m.captured(4).toDouble() - turn.ttft.percentile(50)) <= 0.05 + 1e-9);
        QVERIFY(std::abs(m.captured(6).toDouble() - turn.e2el.percentile(50)) <= 0.05 + 1e-9);
        QVERIFY(turn.ttft.percentile(50) > 0);
    }
    QCOMPARE(seen, 3);
}

void tst_WorkloadHtml::spanish()
{
    const RunTrace t = workloadTrace();
    const QString en = html(t);
    const QString es = html(t, Language::Spanish);
    const auto section = [](const QString &doc) {
        const qsizetype start = doc.indexOf(QLatin1String("<section id=\"workload\">"));
        return doc.mid(start, doc.indexOf(QLatin1String("</section>"), start) - start);
    };
    const QString sEn = section(en), sEs = section(es);
    QVERIFY(sEs.contains(QLatin1String("<h2>Carga de trabajo</h2>")));
    QVERIFY(sEs.contains(QString::fromUtf8("Longitud de entrada: pedida y conseguida")));
    QVERIFY(sEs.contains(QString::fromUtf8("el TTFT crece 250.00 ms por cada 1.000 tokens de entrada")));
    // Every heading, caption, label and note differs from the English, except words both languages share.
    static const QRegularExpression re(QStringLiteral(
        "<(h2|h3|th|figcaption|span(?:\\s[^>]*)?|p(?:\\s[^>]*)?|div class=\"(?:label|formula)\")>"
        "\\s*([^<\\s][^<]*)<"));
    QStringList wEn, wEs;
    for (auto it = re.globalMatch(sEn); it.hasNext();)
        wEn << it.next().captured(2).trimmed();
    for (auto it = re.globalMatch(sEs); it.hasNext();)
        wEs << it.next().captured(2).trimmed();
    QVERIFY(wEn.size() >= 15);
    QCOMPARE(wEs.size(), wEn.size());
    for (qsizetype i = 0; i < wEn.size(); ++i)
        QVERIFY2(wEs.at(i) != wEn.at(i), qPrintable(wEn.at(i)));
    // The charts' same bars in both languages.
    QCOMPARE(
        sEs.count(QLatin1String("<rect class=\"bar\"")), sEn.count(QLatin1String("<rect class=\"bar\"")));
}

// A run as a user makes it: the CLI against its simulator with lengths and a shared prefix, the
// report written by `report --html`, opened in headless Chromium (required: a missing browser
// fails). The DOM holds the section's charts; the screenshot shows the achieved bars' colour.
void tst_WorkloadHtml::cliRunInChromium()
{
    const QString cli = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(cli), qPrintable(cli));
    const QString json = m_dir.filePath(QStringLiteral("run.json"));
    const QString page = m_dir.filePath(QStringLiteral("run.html"));
    QProcess run;
    run.start(cli,
        { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("40"),
            QStringLiteral("--concurrency"), QStringLiteral("4"), QStringLiteral("--input-tokens"),
            QStringLiteral("uniform:200,1500"), QStringLiteral("--output-tokens"),
            QStringLiteral("8:50,16:50"), QStringLiteral("--prefix-tokens"), QStringLiteral("512"),
            QStringLiteral("--prefix-groups"), QStringLiteral("2"), QStringLiteral("--sim-ttft-ms"),
            QStringLiteral("5"), QStringLiteral("--sim-prefill-us"), QStringLiteral("20"),
            QStringLiteral("--sim-token-interval-ms"), QStringLiteral("1"), QStringLiteral("--progress"),
            QStringLiteral("off"), QStringLiteral("--json"), json });
    QVERIFY(run.waitForFinished(120000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    QProcess report;
    report.start(cli, { QStringLiteral("report"), json, QStringLiteral("--html"), page });
    QVERIFY(report.waitForFinished(60000));
    QVERIFY2(report.exitCode() == 0, report.readAllStandardError().constData());

    QFile f(page);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(f.readAll());
    f.close();
    // The simulator counts the prompt tokens and caches the 512-token prefixes.
    QCOMPARE(cardValue(doc, QStringLiteral("workload-token-counts")), QStringLiteral("tokenize"));
    QVERIFY(cardValue(doc, QStringLiteral("workload-cached")) != QStringLiteral("0.0 %"));
    QVERIFY(doc.contains(QLatin1String("data-series=\"achieved\"")));

    const QString browser = chromium();
    QVERIFY2(
        !browser.isEmpty(), "Chromium not found (apt-get install chromium; scripts/setup.sh installs it)");
    const QString profile = m_dir.filePath(QStringLiteral("chromium-profile"));
    const auto open = [&](const QStringList &extra, QString *out) {
        QProcess p;
        p.start(browser,
            QStringList { QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
                QStringLiteral("--user-data-dir=") + profile }
                << extra << QUrl::fromLocalFile(page).toString());
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return false;
        }
        *out = QString::fromUtf8(p.readAllStandardOutput());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    QString dom;
    QVERIFY(open({ QStringLiteral("--dump-dom") }, &dom));
    QVERIFY(dom.contains(QLatin1String("id=\"svg-workload-input\"")));
    QVERIFY(dom.contains(QLatin1String("id=\"svg-workload-output\"")));
    QCOMPARE(dom.count(QLatin1String("<circle class=\"pt\"")), 40);
    QVERIFY(dom.contains(QLatin1String("<line class=\"fit\"")));

    // Only the section on screen: a page of its own with the report's style.
    const QString png = m_dir.filePath(QStringLiteral("workload.png"));
    QString ignored;
    QVERIFY(open({ QStringLiteral("--screenshot=") + png, QStringLiteral("--window-size=1280,6000"),
                     QStringLiteral("--hide-scrollbars") },
        &ignored));
    QVERIFY2(QFileInfo(png).size() > 10000, qPrintable(png));
#ifdef BURGERBENCH_HAVE_RENDER
    const QImage shot = QImage(png).convertToFormat(QImage::Format_RGB32);
    QVERIFY(!shot.isNull());
    // The achieved output bars (#863fb0) and the fit line (#c0392b) are drawn.
    const auto count = [&](QRgb want) {
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
    QVERIFY(count(qRgb(0xd6, 0xb9, 0xe8)) > 100); // asked output bars (only this section uses it)
    QVERIFY(count(qRgb(0x2e, 0x7d, 0x6f)) > 50); // the scatter's points (and the E2EL histogram)
#endif
    if (!qEnvironmentVariableIsEmpty("BURGERBENCH_KEEP_SHOT"))
        QFile::copy(png, qEnvironmentVariable("BURGERBENCH_KEEP_SHOT"));
}

QTEST_GUILESS_MAIN(tst_WorkloadHtml)
#include "tst_workloadhtml.moc"
