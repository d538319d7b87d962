#include "i18n/language.h"
#include "metrics/summary.h"
#include "report/htmlreport.h"
#include "report/jsonreport.h"
#include "report/servermetricscsv.h"
#include "report/timelineimage.h"
#include "reportfixture.h"
#include "servermetricsfixture.h"
#include "trace/legendtable.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef BURGERBENCH_HAVE_RENDER
#include "render/legend.h"

#include <QImage>
#endif

using namespace BurgerBench;

namespace {

Summary summarize(const RunTrace &t)
{
    return computeSummary(t, t.scenario.percentiles, t.scenario.slo);
}

QString html(const RunTrace &t, Language language = Language::English, bool renderer = true)
{
    HtmlReport::Options o;
    o.language = language;
    o.useRenderer = renderer;
    return QString::fromUtf8(HtmlReport::toBytes(t, summarize(t), o));
}

// The text of the element with this id, up to its closing tag name.
QString element(const QString &doc, const QString &id, const QString &tag)
{
    const qsizetype start = doc.indexOf(QStringLiteral("id=\"%1\"").arg(id));
    if (start < 0)
        return QString();
    const qsizetype end = doc.indexOf(QStringLiteral("</%1>").arg(tag), start);
    return doc.mid(start, end - start);
}

// The words of a report in document order: headings, table heads, card labels and formulas,
// captions, legend entries, definitions, notes.
QStringList words(const QString &doc)
{
    static const QRegularExpression re(
        QStringLiteral("<(h1|h2|h3|th|figcaption|b|span|li|p|summary|div class=\"(?:label|formula)\")"
                       "(?:\\s[^>]*)?>([^<]+)<"));
    QStringList out;
    for (auto it = re.globalMatch(doc); it.hasNext();)
        out << it.next().captured(2).trimmed();
    return out;
}

} // namespace

class TestHtmlReport : public QObject
{
    Q_OBJECT
private slots:
    void hasEverySection_data();
    void hasEverySection();
    void selfContained_data();
    void selfContained();
    void formulaNextToEachMetric_data();
    void formulaNextToEachMetric();
    void percentileValues();
    void errorsByKindWithExamples();
    void allFailedHasNoTokenFigures();
    void tokenCountMismatchCard();
    void clientLimitedLine();
    void spanish();
    void languageIsTheReportsOwn();
    void escapesUserText();
    void deterministic();
    void timelineDrawing();
    void retryWaitIsAWait();
    void sharedLegend();
    void writesFile();
    // Timeline images (PNG/SVG/PDF) from the app's paint routine, also embedded in the report.
    void timelineImages_data();
    void timelineImages();
    void timelineImageRange();
    void pdfConverts();
    // The server's own metrics (server_metrics) as time series, and as CSV.
    void serverMetricsSeries();
    void serverTtftPercentiles();
    void serverMetricsAbsentWhenNotScraped();
    void serverMetricsCsv();
};

void TestHtmlReport::hasEverySection_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id : { "run", "summary", "percentiles", "histograms", "hist-ttft", "hist-itl",
             "hist-tpot", "hist-e2el", "timeseries", "series-inflight", "series-tokens", "series-errors",
             "timeline", "legend", "errors", "scenario", "definitions" })
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestHtmlReport::hasEverySection()
{
    QFETCH(QString, id);
    const QString doc = html(Fixture::sampleTrace());
    QVERIFY2(doc.contains(QStringLiteral("id=\"%1\"").arg(id)), qPrintable(id));
    QVERIFY(doc.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(doc.trimmed().endsWith(QLatin1String("</html>")));
    // Histograms are real charts: bars with a hover title per bin.
    if (id.startsWith(QLatin1String("hist-")))
        QVERIFY2(
            element(doc, id, QStringLiteral("figure")).count(QLatin1String("<rect ")) >= 3, qPrintable(id));
}

void TestHtmlReport::selfContained_data()
{
    QTest::addColumn<bool>("renderer");
    QTest::newRow("built-in timeline") << false;
    QTest::newRow("renderer timeline when available") << true;
}

void TestHtmlReport::selfContained()
{
    QFETCH(bool, renderer);
    const QString doc = html(Fixture::sampleTrace(), Language::English, renderer);
    for (const char *banned : { "<script", "<link", "<img", "<iframe", "<object", "<embed", "@import",
             "url(http", "url(//", " src=" })
        QVERIFY2(!doc.contains(QLatin1String(banned), Qt::CaseInsensitive), banned);
    // Every reference stays inside the document (patterns) or is inline data.
    const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
    for (auto it = href.globalMatch(doc); it.hasNext();) {
        const QString target = it.next().captured(1);
        QVERIFY2(target.startsWith(QLatin1Char('#')) || target.startsWith(QLatin1String("data:")),
            qPrintable(target));
    }
    const QRegularExpression url(QStringLiteral("url\\(([^)]*)\\)"));
    for (auto it = url.globalMatch(doc); it.hasNext();) {
        const QString target = it.next().captured(1);
        QVERIFY2(target.startsWith(QLatin1Char('#')) || target.startsWith(QLatin1String("data:")),
            qPrintable(target));
    }
}

void TestHtmlReport::formulaNextToEachMetric_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("formula");
    QTest::newRow("ttft") << "metric-ttft" << QStringLiteral("first token event − request start");
    QTest::newRow("tpot") << "metric-tpot" << QStringLiteral("(E2EL − TTFT) / (output tokens − 1)");
    QTest::newRow("itl") << "metric-itl" << QStringLiteral("each gap between consecutive token events");
    QTest::newRow("e2el") << "metric-e2el" << QStringLiteral("last token event − request start");
    QTest::newRow("queue (extra)") << "metric-queue" << QStringLiteral("request start − intended start");
    QTest::newRow("ttfb (extra)") << "metric-ttfb" << QStringLiteral("first byte − request start");
    QTest::newRow("schedule (extra)") << "metric-schedule" << QStringLiteral("end − intended start");
}

void TestHtmlReport::formulaNextToEachMetric()
{
    QFETCH(QString, row);
    QFETCH(QString, formula);
    const QString tr = element(html(Fixture::sampleTrace()), row, QStringLiteral("tr"));
    QVERIFY2(!tr.isEmpty(), qPrintable(row));
    QVERIFY2(tr.contains(formula.toHtmlEscaped()), qPrintable(tr));
    QVERIFY2(tr.contains(QLatin1String("class=\"formula\"")), qPrintable(tr));
}

void TestHtmlReport::percentileValues()
{
    const RunTrace t = Fixture::sampleTrace(30);
    const Summary s = summarize(t);
    const QString row = element(html(t), QStringLiteral("metric-ttft"), QStringLiteral("tr"));
    // Count, then p99.9 (the fixture's last rank) as printed (1 decimal above 100 ms).
    QVERIFY2(row.contains(QStringLiteral("<td>%1</td>").arg(s.ttft.count)), qPrintable(row));
    QVERIFY2(
        row.contains(QStringLiteral("<td>%1</td>").arg(QString::number(s.ttft.percentile(99.9), 'f', 1))),
        qPrintable(row));
    QVERIFY2(row.contains(QStringLiteral("<td>%1</td>").arg(QString::number(s.ttft.median, 'f', 1))),
        qPrintable(row));
    const QString head = element(html(t), QStringLiteral("percentiles"), QStringLiteral("tr"));
    QVERIFY(html(t).contains(QLatin1String("<th>p99.9</th>")));
    QVERIFY(html(t).contains(QLatin1String("vllm-compatible")));
    Q_UNUSED(head);
}

void TestHtmlReport::errorsByKindWithExamples()
{
    const QString errors
        = element(html(Fixture::sampleTrace()), QStringLiteral("errors"), QStringLiteral("section"));
    QVERIFY(errors.contains(QLatin1String("<td>http_429</td><td>1</td>")));
    QVERIFY(errors.contains(QLatin1String("<td>connection_reset</td><td>1</td>")));
    QVERIFY(errors.contains(QLatin1String("<td>run_ended</td><td>1</td>")));
    QVERIFY2(errors.contains(QLatin1String("Too Many Requests, &quot;slow down&quot; retry after 1 s")),
        qPrintable(errors));
    QVERIFY(errors.contains(QLatin1String("Connection closed, by peer")));
    RunTrace clean = Fixture::sampleTrace();
    clean.requests.resize(12);
    QVERIFY(element(html(clean), QStringLiteral("errors"), QStringLiteral("section"))
                .contains(QLatin1String("No errors.")));
}

// The Spanish words come from translations/burgerbench_es.ts (bb_i18n's compiled catalogue): every
// word the English report shows is in Spanish, but for the few that are the same in both.
// Every measured request failed: the token cards and the percentile table say there is no
// successful request instead of showing 0 tok/s.
void TestHtmlReport::allFailedHasNoTokenFigures()
{
    RunTrace t = Fixture::sampleTrace(4);
    for (RequestRecord &r : t.requests) {
        if (r.outcome == Outcome::Success && !r.warmup) {
            r.outcome = Outcome::Failed;
            r.error = ErrorKind::ConnectionReset;
        }
    }
    const QString doc = html(t);
    const QString summary = element(doc, QStringLiteral("summary"), QStringLiteral("section"));
    QVERIFY2(!summary.contains(QLatin1String("0.0 tok/s")), qPrintable(summary));
    QCOMPARE(summary.count(QLatin1String("no successful request")), 3); // two throughputs, the token source
    QVERIFY(doc.contains(QLatin1String("id=\"no-success\">No request succeeded")));
    const QString ok = html(Fixture::sampleTrace(4));
    QVERIFY(!ok.contains(QLatin1String("no successful request")));
    QVERIFY(!ok.contains(QLatin1String("id=\"no-success\"")));
}

// A success whose usage disagrees with its token events gets a card with the count.
void TestHtmlReport::tokenCountMismatchCard()
{
    RunTrace t = Fixture::sampleTrace(4);
    QVERIFY(!html(t).contains(QLatin1String("Usage disagrees with token events")));
    t.requests[1].tokenNs.resize(5);
    t.requests[1].outputTokens = 9;
    const QString summary = element(html(t), QStringLiteral("summary"), QStringLiteral("section"));
    QVERIFY2(
        summary.contains(QLatin1String("1 / 4</div><div class=\"label\">Usage disagrees with token events")),
        qPrintable(summary));
}

void TestHtmlReport::clientLimitedLine()
{
    RunTrace t = Fixture::sampleTrace(4);
    t.measuredStartNs = 0;
    t.endNs = std::max<qint64>(t.endNs, 1'000'000'000);
    t.loopBusy = { Span { 0, 50'000'000 } };
    QString page = html(t);
    QVERIFY(!page.contains(QLatin1String("id=\"client-limited\"")));
    QString summary = element(page, QStringLiteral("summary"), QStringLiteral("section"));
    QVERIFY2(summary.contains(QLatin1String("Client busy")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("not limiting")), qPrintable(summary));
    // Busy 90% of the second: a red line at the top, with the figure and what would help.
    t.loopBusy = { Span { 0, 900'000'000 } };
    page = html(t);
    const qsizetype at = page.indexOf(QLatin1String("<p class=\"bad\" id=\"client-limited\">"));
    QVERIFY(at > 0);
    QVERIFY(at < page.indexOf(QLatin1String("id=\"summary\"")));
    const QString line = page.mid(at, page.indexOf(QLatin1String("</p>"), at) - at);
    QVERIFY2(line.contains(QLatin1String("busy 90% of its busiest second")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("--transport socket")), qPrintable(line));
    const QString es = html(t, Language::Spanish);
    QVERIFY(es.contains(QString::fromUtf8("Este cliente limitó la medición")));
}

void TestHtmlReport::spanish()
{
    const QString en = html(Fixture::sampleTrace(), Language::English);
    const QString es = html(Fixture::sampleTrace(), Language::Spanish);
    QVERIFY(en.contains(QLatin1String("<html lang=\"en\">")));
    QVERIFY(es.contains(QLatin1String("<html lang=\"es\">")));
    for (const char *word :
        { "Resumen", "Percentiles de latencia", "Histogramas", "Línea de tiempo", "Errores por tipo",
            "Escenario", "Definiciones", "primer evento de token − inicio de la petición", "En la fila",
            "Esperando en la fila un hueco libre o al limitador de ritmo, antes de enviar la petición.",
            "Un reloj monótono en nanosegundos por ejecución; la hora de pared solo como etiqueta.",
            "Generado por BurgerBench" })
        QVERIFY2(es.contains(QString::fromUtf8(word).toHtmlEscaped()), word);
    for (const char *word : { ">Summary<", ">Histograms<", "In line" })
        QVERIFY2(!es.contains(QLatin1String(word)), word);

    const QStringList enWords = words(en);
    const QStringList esWords = words(es);
    QVERIFY(enWords.size() > 100);
    QCOMPARE(esWords.size(), enWords.size());
    // Said the same in both languages, or not words at all.
    const QStringList same { QStringLiteral("n"), QStringLiteral("std"), QStringLiteral("min"),
        QStringLiteral("max"), QStringLiteral("Goodput"), QStringLiteral("Error") };
    static const QRegularExpression notWords(QStringLiteral("^[-–#0-9 .,:%/()p]*$"));
    for (qsizetype i = 0; i < enWords.size(); ++i) {
        if (same.contains(enWords.at(i)) || notWords.match(enWords.at(i)).hasMatch())
            continue;
        QVERIFY2(esWords.at(i) != enWords.at(i), qPrintable(enWords.at(i)));
    }

    Language l;
    QVERIFY(I18n::languageFromName(QStringLiteral("es"), &l) && l == Language::Spanish);
    QVERIFY(I18n::languageFromName(QStringLiteral("EN"), &l) && l == Language::English);
    QVERIFY(I18n::languageFromName(QStringLiteral("español"), &l) && l == Language::Spanish);
    QVERIFY(!I18n::languageFromName(QStringLiteral("fr"), &l));
}

// Options::language decides, not the translator the process has installed (the app may speak
// English and export a Spanish report): the same bytes whichever is installed. (Not with the
// app's paint routine drawing the timeline: it names its lanes as the window does.)
void TestHtmlReport::languageIsTheReportsOwn()
{
    const RunTrace t = Fixture::sampleTrace();
    const QString es = html(t, Language::Spanish, false);
    const QString en = html(t, Language::English, false);
    QVERIFY(es.contains(QLatin1String(">bucle de eventos<")));
    QVERIFY(I18n::installTranslator(Language::Spanish));
    QCOMPARE(QCoreApplication::translate("BurgerBench::HtmlReport", "Summary"), QStringLiteral("Resumen"));
    QCOMPARE(html(t, Language::English, false), en);
    QVERIFY(I18n::installTranslator(Language::English));
    QCOMPARE(html(t, Language::Spanish, false), es);
    I18n::removeTranslator();
    QCOMPARE(QCoreApplication::translate("BurgerBench::HtmlReport", "Summary"), QStringLiteral("Summary"));
    QCOMPARE(
        I18n::translate(Language::Spanish, "BurgerBench::HtmlReport", "Summary"), QStringLiteral("Resumen"));
}

void TestHtmlReport::escapesUserText()
{
    RunTrace t = Fixture::sampleTrace();
    t.scenario.name = QStringLiteral("<script>alert(1)</script> & co");
    t.requests[13].errorMessage = QStringLiteral("<b>bold</b>");
    const QString doc = html(t);
    QVERIFY(!doc.contains(QLatin1String("<script>")));
    QVERIFY(doc.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")));
    QVERIFY(doc.contains(QLatin1String("&lt;b&gt;bold&lt;/b&gt;")));
}

void TestHtmlReport::deterministic()
{
    const RunTrace t = Fixture::sampleTrace();
    const QByteArray a = HtmlReport::toBytes(t, summarize(t));
    QCOMPARE(HtmlReport::toBytes(t, summarize(t)), a);
    // JSON -> HTML gives the same bytes as trace -> HTML: a saved run re-renders identically.
    RunTrace back;
    QString error;
    QVERIFY(JsonReport::fromJson(
        QJsonDocument::fromJson(JsonReport::toBytes(t, summarize(t))).object(), &back, &error));
    QCOMPARE(HtmlReport::toBytes(back, summarize(back)), a);
    // No clock is read: only the run's own start time appears as a date.
    const QRegularExpression date(QStringLiteral("20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-9:.]+Z"));
    for (auto it = date.globalMatch(QString::fromUtf8(a)); it.hasNext();)
        QCOMPARE(it.next().captured(0), QStringLiteral("2026-11-22T10:30:15.250Z"));
}

void TestHtmlReport::timelineDrawing()
{
    const RunTrace t = Fixture::sampleTrace();
    const QString section = element(html(t), QStringLiteral("timeline"), QStringLiteral("section"));
    QVERIFY(section.contains(QLatin1String("<svg")));
#ifdef BURGERBENCH_HAVE_RENDER
    // The app's painter through QSvgGenerator (this test runs under QGuiApplication).
    QVERIFY(TimelineImage::ready());
    QVERIFY2(
        section.contains(QLatin1String("Generated by BurgerBench")), "the renderer's SVG is not embedded");
#else
    QVERIFY(!TimelineImage::ready());
#endif
    // The built-in drawing: a lane label per request (up to 60 lanes), the loop lane, worker lanes,
    // and the streaming fill of the shared legend.
    const QString builtin
        = element(html(t, Language::English, false), QStringLiteral("timeline"), QStringLiteral("section"));
    QVERIFY(builtin.contains(QLatin1String(">event loop<")));
    QVERIFY(builtin.contains(QLatin1String(">worker 1 (cashier-cook)<")));
    QVERIFY(builtin.contains(QLatin1String(">#16<")));
    QVERIFY(builtin.count(QLatin1String("fill=\"url(#bbp2)\"")) >= 12); // waiting for the first token
}

// The built-in drawing (a build without the renderer) draws what render/requestphases draws: a
// retried request's waits between attempts are the hatched retry wait, and its final attempt's
// Sending starts where the last wait ended, not at the first dispatch.
void TestHtmlReport::retryWaitIsAWait()
{
    RunTrace t = Fixture::sampleTrace();
    RequestRecord *retried = nullptr;
    for (RequestRecord &r : t.requests) {
        if (r.id == "bb-429")
            retried = &r;
        else
            QVERIFY(r.attempts.empty()); // the fixture's only retried request is this one
    }
    QVERIFY(retried);
    RequestRecord &r = *retried;
    r.attempts.clear();
    r.attempts.push_back(AttemptRecord { 320 * Fixture::Ms, 330 * Fixture::Ms, 503, ErrorKind::Http,
        QStringLiteral("first"), 100 * Fixture::Ms });
    r.attempts.push_back(AttemptRecord { 430 * Fixture::Ms, 440 * Fixture::Ms, 503, ErrorKind::Http,
        QStringLiteral("second"), 200 * Fixture::Ms });
    r.dispatchNs = 320 * Fixture::Ms; // the first dispatch, as the engine records it
    r.sentNs = 660 * Fixture::Ms; // the final attempt went out at 640 ms
    r.headersNs = r.firstByteNs = 670 * Fixture::Ms;
    r.endNs = 671 * Fixture::Ms;

    const QString section
        = element(html(t, Language::English, false), QStringLiteral("timeline"), QStringLiteral("section"));
    // The timeline's own picture, not the legend's swatches after it.
    const qsizetype from = section.indexOf(QLatin1String("class=\"timeline-svg\""));
    QVERIFY(from >= 0);
    const QString svg = section.mid(from, section.indexOf(QLatin1String("</svg>"), from) - from);
    struct Box
    {
        double x, y, w;
        QString fill;
    };
    std::vector<Box> boxes;
    static const QRegularExpression re(QStringLiteral(
        "<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([0-9.]+)\" height=\"[0-9.]+\" fill=\"([^\"]+)\""));
    for (auto it = re.globalMatch(svg); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        boxes.push_back(
            { m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3).toDouble(), m.captured(4) });
    }
    const QString backoffFill = QStringLiteral("url(#bbp%1)").arg(int(Phase::Backoff));
    std::vector<Box> waits;
    for (const Box &b : boxes)
        if (b.fill == backoffFill)
            waits.push_back(b);
    QCOMPARE(int(waits.size()), 2); // 330..430 and 440..640 ms
    QCOMPARE(waits[0].y, waits[1].y);
    QVERIFY2(
        waits[1].w > waits[0].w * 1.5, qPrintable(QStringLiteral("%1 %2").arg(waits[0].w).arg(waits[1].w)));
    const double finalStartX = waits[1].x + waits[1].w;
    const double msPerPx = 100.0 / (waits[0].w); // the first wait is 100 ms wide
    // On the retried request's lane: nothing but the waits and the thin failed attempts between
    // 330 and 640 ms, and every box of the final attempt starts at or after 640 ms.
    int finalBoxes = 0;
    for (const Box &b : boxes) {
        if (b.y < waits[0].y - 0.5 || b.y > waits[0].y + 0.5 || b.fill == backoffFill)
            continue;
        if (b.x + 0.5 >= finalStartX) {
            ++finalBoxes;
            continue;
        }
        // Left of the final attempt: the queue before the first attempt, or a failed attempt.
        QVERIFY2(b.x + b.w <= waits[0].x + 0.5 || b.w * msPerPx <= 10.5,
            qPrintable(QStringLiteral("a %1 ms box filled %2 before the final attempt")
                           .arg(b.w * msPerPx)
                           .arg(b.fill)));
    }
    QVERIFY(finalBoxes >= 2); // sending, waiting for the answer
}

void TestHtmlReport::sharedLegend()
{
    const QString legend
        = element(html(Fixture::sampleTrace()), QStringLiteral("legend"), QStringLiteral("ul"));
    QCOMPARE(legend.count(QLatin1String("<li>")), 11); // every phase but the kitchen's and the job board's
    for (const char *label : { "In line", "Sending", "Waiting for first token", "Streaming (tick = token)",
             "CPU work", "Blocked / held", "Error", "Ghost: intended start", "Incomplete", "Event-loop lag",
             "Retry wait" })
        QVERIFY2(legend.contains(QStringLiteral("<b>%1</b>").arg(QString::fromUtf8(label).toHtmlEscaped())),
            label);
    // The words are the app's (trace/legendtable.h), description included: they once drifted.
    for (int p = 0; p < PhaseCount; ++p)
        QVERIFY2(isKitchenPhase(Phase(p)) || isJobBoardPhase(Phase(p))
                || legend.contains(QString::fromUtf8(phaseDescriptionSource(Phase(p))).toHtmlEscaped()),
            phaseDescriptionSource(Phase(p)));
    const QString doc = html(Fixture::sampleTrace());
#ifdef BURGERBENCH_HAVE_RENDER
    // The same colours as the window and the images.
    for (Phase p : legendPhases(false)) {
        const PhaseStyle &s = phaseStyle(p);
        if (s.fill.isValid())
            QVERIFY2(
                doc.contains(QStringLiteral("fill=\"%1\"").arg(s.fill.name())), qPrintable(s.fill.name()));
        if (s.pattern.isValid())
            QVERIFY2(doc.contains(s.pattern.name()), qPrintable(s.pattern.name()));
    }
#endif
    for (const char *colour : { "#f4c430", "#2ea04f", "#863fb0", "#e03c31", "#6e0e0e", "#a6a6a6", "#e67e22" })
        QVERIFY2(doc.contains(QLatin1String(colour)), colour);
}

void TestHtmlReport::writesFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.html"));
    const RunTrace t = Fixture::sampleTrace(3);
    QString error;
    QVERIFY2(HtmlReport::write(path, t, summarize(t), HtmlReport::Options(), &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), HtmlReport::toBytes(t, summarize(t)));
    QVERIFY(!HtmlReport::write(
        dir.filePath(QStringLiteral("missing/r.html")), t, summarize(t), HtmlReport::Options(), &error));
    QVERIFY(error.contains(QLatin1String("missing/r.html")));
}

void TestHtmlReport::timelineImages_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << QStringLiteral("png") << QByteArray("\x89PNG\r\n");
    QTest::newRow("svg") << QStringLiteral("svg") << QByteArray("<?xml");
    QTest::newRow("pdf") << QStringLiteral("pdf") << QByteArray("%PDF-");
}

void TestHtmlReport::timelineImages()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    TimelineImage::Format format;
    QVERIFY(TimelineImage::formatFromSuffix(QStringLiteral("Timeline.") + suffix.toUpper(), &format));
    QVERIFY(!TimelineImage::formatFromSuffix(QStringLiteral("timeline.gif"), &format));
    const RunTrace t = Fixture::sampleTrace();
    TimelineImage::Options o;
    o.width = 900;
    QString error;
    const QByteArray a = TimelineImage::render(format, t, o, &error);
#ifdef BURGERBENCH_HAVE_RENDER
    QVERIFY2(a.startsWith(magic), qPrintable(error));
    if (format != TimelineImage::Format::Pdf) // a PDF carries its creation time
        QCOMPARE(TimelineImage::render(format, t, o, &error), a);
    if (format == TimelineImage::Format::Png) {
        QImage image;
        QVERIFY(image.loadFromData(a, "PNG"));
        QCOMPARE(image.width(), 900);
        QCOMPARE(image.height(), TimelineImage::autoHeight(t, o));
        // The streaming purple of the shared legend is drawn.
        int purple = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                purple += image.pixel(x, y) == qRgb(0x86, 0x3f, 0xb0);
        QVERIFY2(purple > 500, qPrintable(QString::number(purple)));
    }
    if (format == TimelineImage::Format::Svg)
        QVERIFY(a.contains("<title>BurgerBench timeline</title>"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.") + suffix);
    QVERIFY2(TimelineImage::write(path, format, t, o, &error), qPrintable(error));
    QVERIFY(QFileInfo(path).size() > 1000);
#else
    Q_UNUSED(magic);
    QVERIFY(a.isEmpty());
    QVERIFY2(error.contains(QLatin1String("no image support")), qPrintable(error));
    QVERIFY(!TimelineImage::write(QStringLiteral("/tmp/never.png"), format, t, o, &error));
    QVERIFY2(error.startsWith(QLatin1String("/tmp/never.png: ")), qPrintable(error));
#endif
}

void TestHtmlReport::timelineImageRange()
{
#ifdef BURGERBENCH_HAVE_RENDER
    // A window after the last request shows no request at all; the whole run shows them.
    const RunTrace t = Fixture::sampleTrace();
    auto purpleIn = [&](qint64 from, qint64 to) {
        TimelineImage::Options o;
        o.width = 600;
        o.legend = false;
        o.fromNs = from;
        o.toNs = to;
        QString error;
        QImage image;
        image.loadFromData(TimelineImage::render(TimelineImage::Format::Png, t, o, &error), "PNG");
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                n += image.pixel(x, y) == qRgb(0x86, 0x3f, 0xb0);
        return n;
    };
    QVERIFY(purpleIn(0, -1) > 500);
    QCOMPARE(purpleIn(t.endNs + 1'000'000'000, t.endNs + 2'000'000'000), 0);
#else
    QVERIFY(!TimelineImage::available());
#endif
}

void TestHtmlReport::pdfConverts()
{
#ifdef BURGERBENCH_HAVE_RENDER
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("t.pdf"));
    QString error;
    QVERIFY2(TimelineImage::write(
                 pdf, TimelineImage::Format::Pdf, Fixture::sampleTrace(), TimelineImage::Options(), &error),
        qPrintable(error));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page "),
        qsizetype(1));
    // Issue 5: "the PDF converts with pdftoppm" (poppler-utils).
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    QVERIFY2(!pdftoppm.isEmpty(), "pdftoppm is not on PATH: apt-get install poppler-utils");
    QProcess p;
    p.start(pdftoppm,
        { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"), pdf,
            dir.filePath(QStringLiteral("page")) });
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QImage page(dir.filePath(QStringLiteral("page-1.png")));
    QVERIFY2(!page.isNull(), "pdftoppm wrote no page-1.png");
    QVERIFY(page.width() > 100 && page.height() > 50);
#else
    QVERIFY(!TimelineImage::available());
#endif
}

namespace {

// A number attribute of the first tag at or after `from`.
double attr(const QString &doc, qsizetype from, const char *name)
{
    const QString key = QStringLiteral(" %1=\"").arg(QLatin1String(name));
    const qsizetype at = doc.indexOf(key, from);
    if (at < 0)
        return std::nan("");
    const qsizetype start = at + key.size();
    return doc.mid(start, doc.indexOf(QLatin1Char('"'), start) - start).toDouble();
}

struct Dot
{
    QString series;
    double t = 0, v = 0, cx = 0, cy = 0;
};

// The svg of a figure and its sample dots.
QString svgOf(const QString &doc, const QString &figureId)
{
    return element(doc, figureId, QStringLiteral("figure"));
}

std::vector<Dot> dots(const QString &svg)
{
    std::vector<Dot> out;
    static const QRegularExpression re(
        QStringLiteral("<circle class=\"sample\" data-series=\"([^\"]+)\" data-t=\"([^\"]+)\" "
                       "data-v=\"([^\"]+)\" cx=\"([^\"]+)\" "
                       "cy=\"([^\"]+)\""));
    for (auto it = re.globalMatch(svg); it.hasNext();) {
        const auto m = it.next();
        out.push_back(Dot { m.captured(1), m.captured(2).toDouble(), m.captured(3).toDouble(),
            m.captured(4).toDouble(), m.captured(5).toDouble() });
    }
    return out;
}

} // namespace

// Running and waiting on one chart, the KV cache on another, on the run's own time axis (the same
// [0, end] as the client's series above); every sample a dot where its time and value say.
void TestHtmlReport::serverMetricsSeries()
{
    const RunTrace t = Fixture::scrapedTrace();
    const QString doc = html(t);
    QVERIFY(doc.contains(QLatin1String("id=\"server-metrics\"")));
    const QString queue = svgOf(doc, QStringLiteral("server-queue"));
    const QString kv = svgOf(doc, QStringLiteral("server-kv"));
    QVERIFY(!queue.isEmpty() && !kv.isEmpty());
    // The client's in-flight chart's axis is the server charts' axis.
    const QString inflight = element(doc, QStringLiteral("series-inflight"), QStringLiteral("figure"));
    QVERIFY(inflight.contains(QLatin1String("time since the run started (s)")));
    const qint64 runEnd = t.endNs;
    for (const QString &svg : { queue, kv }) {
        const double t0 = attr(svg, 0, "data-t0"), t1 = attr(svg, 0, "data-t1");
        const double left = attr(svg, 0, "data-left"), right = attr(svg, 0, "data-right");
        const double y1 = attr(svg, 0, "data-y1"), top = attr(svg, 0, "data-top"),
                     bottom = attr(svg, 0, "data-bottom");
        QCOMPARE(t0, 0.0);
        QVERIFY2(t1 >= double(runEnd) && t1 < double(runEnd) + 1e6, qPrintable(QString::number(t1)));
        for (const Dot &d : dots(svg)) {
            QVERIFY(std::abs(d.cx - (left + (d.t - t0) / (t1 - t0) * (right - left))) < 0.06);
            QVERIFY(std::abs(d.cy - (bottom - d.v / y1 * (bottom - top))) < 0.06);
        }
        QVERIFY(svg.contains(QLatin1String("clip-path=\"url(#clip-")));
    }
    // One dot per sample of each series, with its value (the KV cache in %).
    const ServerSeries *waiting = t.serverMetrics.find(QStringLiteral("waiting"));
    std::vector<double> wantWaiting, gotWaiting, gotKv;
    for (const auto &p : waiting->samples)
        wantWaiting.push_back(p.second);
    for (const Dot &d : dots(queue))
        if (d.series == QLatin1String("waiting"))
            gotWaiting.push_back(d.v);
    QCOMPARE(gotWaiting, wantWaiting);
    QCOMPARE(int(dots(queue).size()), 2 * int(waiting->samples.size()));
    for (const Dot &d : dots(kv))
        gotKv.push_back(d.v);
    QCOMPARE(int(gotKv.size()), int(t.serverMetrics.find(QStringLiteral("kv_cache_usage"))->samples.size()));
    QCOMPARE(gotKv.front(), 10.0);
    QCOMPARE(attr(kv, 0, "data-y1"), 100.0); // a share: the axis is 0..100 %
    // The peak: 3 waiting per scrape up to the middle.
    const qsizetype middle = qsizetype(Fixture::scrapeTimes(t).size() - 1) / 2; // whole scrapes
    QCOMPARE(*std::max_element(gotWaiting.begin(), gotWaiting.end()), 3.0 * double(middle));
    QVERIFY(queue.contains(QLatin1String("waiting (in the kitchen&#x27;s line)"))
        || queue.contains(QLatin1String("waiting (in the kitchen's line)")));
    QVERIFY(doc.contains(QLatin1String("http://127.0.0.1:8000/metrics scraped every 250 ms")));
    // In the report's language.
    const QString es = html(t, Language::Spanish);
    QVERIFY(es.contains(QString::fromUtf8("Dentro de la cocina: las métricas del propio servidor")));
    QVERIFY(es.contains(QString::fromUtf8("Peticiones en el servidor: en curso y en espera")));
    QVERIFY(!es.contains(QLatin1String("Server requests: running and waiting")));
}

// Between consecutive scrapes the server's TTFT histogram gained one observation in (0.1, 0.25] s
// and one in (0.25, 0.5] s: p50 = 250 ms, p99 = 0.25 + 0.98 * 0.25 s = 495 ms, at every scrape
// after the baseline. Over the run: 2n observations, the same percentiles, next to the client's.
void TestHtmlReport::serverTtftPercentiles()
{
    const RunTrace t = Fixture::scrapedTrace();
    const QString doc = html(t);
    const QString svg = svgOf(doc, QStringLiteral("server-ttft"));
    QVERIFY(!svg.isEmpty());
    const std::vector<Dot> all = dots(svg);
    const size_t intervals = Fixture::scrapeTimes(t).size() - 1;
    int p50 = 0, p99 = 0;
    for (const Dot &d : all) {
        if (d.series == QLatin1String("p50")) {
            ++p50;
            QVERIFY2(std::abs(d.v - 250) < 1e-9, qPrintable(QString::number(d.v)));
        } else {
            ++p99;
            QVERIFY2(std::abs(d.v - 495) < 1e-9, qPrintable(QString::number(d.v)));
        }
    }
    QCOMPARE(size_t(p50), intervals);
    QCOMPARE(size_t(p99), intervals);
    const QString table = element(doc, QStringLiteral("server-vs-client"), QStringLiteral("table"));
    QVERIFY(table.contains(QLatin1String("<td>250.0</td><td>495.0</td>")));
    const Summary s = summarize(t);
    QVERIFY2(table.contains(QStringLiteral("<td>%1</td>").arg(s.ttft.percentile(50), 0, 'f', 1)),
        qPrintable(table));
}

void TestHtmlReport::serverMetricsAbsentWhenNotScraped()
{
    const QString doc = html(Fixture::sampleTrace());
    QVERIFY(!doc.contains(QLatin1String("server-metrics")));
    QVERIFY(!doc.contains(QLatin1String("class=\"sample\"")));
    // Scraped, but nothing the charts know: the section says so rather than drawing empty charts.
    RunTrace t = Fixture::sampleTrace();
    t.serverMetrics.url = QStringLiteral("http://127.0.0.1:8000/metrics");
    t.serverMetrics.series.push_back(Fixture::serverSeries(
        QStringLiteral("my_gauge"), QString(), QStringLiteral("gauge"), { { 100 * Fixture::Ms, 3 } }));
    const QString other = html(t);
    QVERIFY(other.contains(QLatin1String("id=\"server-metrics\"")));
    QVERIFY(other.contains(QLatin1String("No running, waiting, KV-cache or TTFT series were scraped.")));
    QVERIFY(!other.contains(QLatin1String("id=\"server-queue\"")));
}

// One row per sample time, one column per series with its unit; the values the series hold.
void TestHtmlReport::serverMetricsCsv()
{
    const RunTrace t = Fixture::scrapedTrace();
    const QString csv = QString::fromUtf8(ServerMetricsCsv::toBytes(t));
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    const std::vector<qint64> times = Fixture::scrapeTimes(t);
    QCOMPARE(lines.size(), 1 + int(times.size()));
    const QStringList head = ServerMetricsCsv::columns(t);
    QCOMPARE(head.size(), 2 + int(t.serverMetrics.series.size()));
    QCOMPARE(head.at(0), QStringLiteral("t_ms"));
    QCOMPARE(head.at(1), QStringLiteral("uncertainty_ms"));
    QCOMPARE(head.at(2), QStringLiteral("vllm:num_requests_running{model_name=\"m\"} (requests)"));
    QCOMPARE(head.at(4), QStringLiteral("vllm:kv_cache_usage_perc (fraction)"));
    QCOMPARE(head.at(5), QStringLiteral("vllm:time_to_first_token_seconds_bucket{le=\"0.1\"} (count)"));
    QCOMPARE(head.at(9), QStringLiteral("vllm:time_to_first_token_seconds_sum (seconds)"));
    // Quoted where the label's quotes demand it (RFC 4180).
    QVERIFY(lines.at(0).startsWith(QLatin1String(
        "t_ms,uncertainty_ms,\"vllm:num_requests_running{model_name=\"\"m\"\"} (requests)\",")));
    // The baseline before the run's zero, then the samples in time order, exact from ns.
    QCOMPARE(lines.at(1), QStringLiteral("-1.500000,1.000000,1,0,0.1,0,0,0,0,0"));
    const QStringList third = lines.at(3).split(u',');
    QCOMPARE(third.at(0), QStringLiteral("350.000000"));
    QCOMPARE(third.at(3), QStringLiteral("6")); // waiting: 3 per scrape
    QCOMPARE(third.at(4), QStringLiteral("0.2"));
    QCOMPARE(third.at(9), QStringLiteral("1.1"));
    // A series without a sample at some time leaves that cell empty.
    RunTrace sparse = t;
    sparse.serverMetrics.series[0].samples.erase(sparse.serverMetrics.series[0].samples.begin() + 2);
    const QStringList sparseLines = QString::fromUtf8(ServerMetricsCsv::toBytes(sparse))
                                        .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QVERIFY(sparseLines.at(3).startsWith(QLatin1String("350.000000,1.000000,,6,")));
    // Not scraped: the writer refuses with a message.
    QTemporaryDir dir;
    QString error;
    QVERIFY(!ServerMetricsCsv::write(dir.filePath(QStringLiteral("m.csv")), Fixture::sampleTrace(), &error));
    QVERIFY2(error.contains(QLatin1String("no server metrics")), qPrintable(error));
    QVERIFY(ServerMetricsCsv::write(dir.filePath(QStringLiteral("m.csv")), t, &error));
    QFile f(dir.filePath(QStringLiteral("m.csv")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), csv);
}

QTEST_MAIN(TestHtmlReport)
#include "tst_htmlreport.moc"
