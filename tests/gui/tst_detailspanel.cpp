// The details pane and the tooltip show a request as the server saw it: its X-Request-Id (the
// value that matches the server's logs), its 1-based number, and the report's own latencies.

#include "gui/detailspanel.h"
#include "gui/requestdescription.h"
#include "gui/timelineview.h"
#include "gui/translations.h"
#include "render/legend.h"
#include "render/timeformat.h"
#include "trace/runtrace.h"

#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms(qint64 v)
{
    return v * 1'000'000;
}

RunTrace sampleTrace()
{
    RunTrace t;
    t.scenario.stream = true;
    for (int i = 0; i < 3; ++i) {
        RequestRecord r;
        r.index = quint32(i);
        r.id = QByteArrayLiteral("bb-7f3a-") + QByteArray::number(i);
        r.lane = i;
        r.intendedNs = ms(10 * i);
        r.dispatchNs = ms(10 * i + 5);
        r.sentNs = r.dispatchNs + ms(1);
        r.firstByteNs = r.dispatchNs + ms(30);
        r.tokenNs = { r.dispatchNs + ms(40), r.dispatchNs + ms(60), r.dispatchNs + ms(90) };
        r.endNs = r.dispatchNs + ms(95);
        r.outcome = Outcome::Success;
        r.httpStatus = 200;
        r.outputTokens = 3;
        t.requests.push_back(r);
    }
    t.endNs = ms(200);
    return t;
}

// Request #1 of "Your endpoint" with nothing listening: refused twice, waited 400 ms, then 800 ms,
// refused a third time and failed.
RunTrace refusedTrace()
{
    RunTrace t;
    RequestRecord r;
    r.index = 0;
    r.lane = 0;
    r.dispatchNs = 0;
    for (const qint64 start : { qint64(0), ms(402) }) {
        AttemptRecord a;
        a.startNs = start;
        a.endNs = start + ms(2);
        a.waitNs = start == 0 ? ms(400) : ms(800);
        a.error = ErrorKind::ConnectionRefused;
        a.message = QStringLiteral("Connection refused");
        r.attempts.push_back(a);
    }
    r.retries = 2;
    r.endNs = ms(1206);
    r.outcome = Outcome::Failed;
    r.error = ErrorKind::ConnectionRefused;
    r.errorMessage = QStringLiteral("Connection refused");
    t.requests.push_back(r);
    t.endNs = ms(1206);
    return t;
}

QLabel *title(DetailsPanel &panel)
{
    return panel.findChild<QLabel *>(QStringLiteral("titleLabel"));
}

} // namespace

class TestDetailsPanel : public QObject
{
    Q_OBJECT

private slots:
    void showsRequestId();
    void tooltipShowsRequestId();
    void latenciesAreTheReports();
    void refusedRequestInWords_data();
    void refusedRequestInWords();
    // Issue 15: every error kind, the new exact ones included, has words of its own, not the
    // report's raw name.
    void everyKindInWords();
};

void TestDetailsPanel::showsRequestId()
{
    const RunTrace trace = sampleTrace();
    DetailsPanel panel;
    panel.resize(420, 480);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showRequest(trace, 1);
    QLabel *label = title(panel);
    QVERIFY(label);
    // Stored index 1 is shown as request #2; its id as sent.
    QVERIFY2(label->text().contains(QStringLiteral("Request #2")), qPrintable(label->text()));
    QVERIFY2(label->text().contains(QStringLiteral("bb-7f3a-1")), qPrintable(label->text()));
    QVERIFY(!label->text().contains(QStringLiteral("bb-7f3a-0")));
    QVERIFY(label->isVisible());

    // Drawn, not only set: the same request without an id lays out one row less and paints
    // different pixels.
    QCoreApplication::processEvents();
    const QImage withId = label->grab().toImage();
    const int heightWithId = label->sizeHint().height();
    RunTrace noId = trace;
    noId.requests[1].id.clear();
    panel.showRequest(noId, 1);
    QCoreApplication::processEvents();
    QVERIFY(!title(panel)->text().contains(QStringLiteral("bb-7f3a")));
    QVERIFY2(title(panel)->sizeHint().height() < heightWithId,
        qPrintable(QStringLiteral("%1 vs %2").arg(title(panel)->sizeHint().height()).arg(heightWithId)));
    QVERIFY(title(panel)->grab().toImage() != withId);

    // An id is data from the wire: escaped, never markup.
    RunTrace odd = trace;
    odd.requests[0].id = QByteArrayLiteral("<b>x&y</b>");
    panel.showRequest(odd, 0);
    QVERIFY(title(panel)->text().contains(QStringLiteral("&lt;b&gt;x&amp;y&lt;/b&gt;")));
}

void TestDetailsPanel::tooltipShowsRequestId()
{
    const RunTrace trace = sampleTrace();
    const QString tip = TimelineView::requestToolTip(trace, 2);
    QVERIFY2(tip.contains(QStringLiteral("Request #3")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("bb-7f3a-2")), qPrintable(tip));
    QVERIFY(TimelineView::requestToolTip(trace, 3).isEmpty());
    QVERIFY(TimelineView::requestToolTip(trace, -1).isEmpty());
}

// TTFT 40 ms, E2EL 90 ms (last token, not the end at 95 ms), queue 5 ms: METRICS.md's values.
void TestDetailsPanel::latenciesAreTheReports()
{
    RunTrace trace = sampleTrace();
    DetailsPanel panel;
    panel.showRequest(trace, 0);
    const QString text = title(panel)->text();
    QVERIFY2(text.contains(QStringLiteral(">40 ms<")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(">90 ms<")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral(">95 ms<")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(">5 ms<")), qPrintable(text));
    // A stream that carried no token event has neither TTFT nor E2EL to show.
    trace.requests[0].tokenNs.clear();
    panel.showRequest(trace, 0);
    QVERIFY(!title(panel)->text().contains(QStringLiteral("TTFT")));
    QVERIFY(!title(panel)->text().contains(QStringLiteral("E2E latency")));
}

void TestDetailsPanel::refusedRequestInWords_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("wait");
    QTest::addColumn<QString>("attempt");
    QTest::newRow("English") << QStringLiteral("en")
                             << QStringLiteral("connection refused: nothing answers at that address")
                             << QStringLiteral("Retry wait before attempt 2")
                             << QStringLiteral("Attempt 1 failed: connection refused");
    QTest::newRow("Spanish") << QStringLiteral("es")
                             << QStringLiteral("conexión rechazada: nada responde en esa dirección")
                             << QStringLiteral("Espera de reintento antes del intento 2")
                             << QStringLiteral("El intento 1 falló: conexión rechazada");
}

// Error kinds in words, in both languages; the raw report id only in tooltips. Each failed
// attempt and each wait between attempts is its own row with its own length.
void TestDetailsPanel::refusedRequestInWords()
{
    QFETCH(QString, language);
    QFETCH(QString, words);
    QFETCH(QString, wait);
    QFETCH(QString, attempt);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    const RunTrace trace = refusedTrace();
    DetailsPanel panel;
    panel.resize(520, 560);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showRequest(trace, 0);
    const QString raw = QStringLiteral("connection_refused");

    QStringList shown; // every text the pane shows, and separately its tooltips
    QStringList tips;
    for (const QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->isVisible())
            shown << label->text();
        tips << label->toolTip();
    }
    auto *table = panel.findChild<QTableWidget *>(QStringLiteral("phasesTable"));
    QVERIFY(table);
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        rows << table->item(row, 0)->text();
        shown << table->item(row, 0)->text() << table->item(row, 1)->text() << table->item(row, 2)->text();
        tips << table->item(row, 0)->toolTip();
    }
    const QString all = shown.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(words), qPrintable(all));
    QVERIFY2(!all.contains(raw), qPrintable(all));
    QVERIFY2(tips.join(QLatin1Char('\n')).contains(raw), qPrintable(tips.join(QLatin1Char('\n'))));

    // Attempt, wait, attempt, wait, the final attempt's Sending, the failure marker.
    QVERIFY2(rows.size() >= 5, qPrintable(rows.join(QLatin1Char('|'))));
    QVERIFY2(rows.at(0).startsWith(attempt), qPrintable(rows.at(0)));
    QCOMPARE(rows.at(1), wait);
    QVERIFY2(rows.at(3).endsWith(QLatin1String(" 3")), qPrintable(rows.at(3)));
    // The waits' lengths, 400 ms and 800 ms, as shown (the locale's own digits and unit).
    QVERIFY2(table->item(1, 2)->text().contains(QLatin1String("400")), qPrintable(table->item(1, 2)->text()));
    QVERIFY2(table->item(3, 2)->text().contains(QLatin1String("800")), qPrintable(table->item(3, 2)->text()));
    // Sending is the final attempt's 2 ms only, not the 1.2 s of attempts and waits before it.
    QVERIFY2(rows.at(4).contains(phaseLabel(Phase::Sending)), qPrintable(rows.at(4)));
    QCOMPARE(table->item(4, 2)->text(), formatDuration(ms(2), QLocale()));
    QCOMPARE(table->item(4, 1)->text(), formatDuration(ms(1204), QLocale()));

    // Drawn: the words fit the label's width after layout (the label wraps), and the error
    // label paints something.
    QCoreApplication::processEvents();
    QLabel *error = panel.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error);
    QVERIFY(error->text().contains(words));
    const QImage image = error->grab().toImage();
    QVERIFY(!image.isNull());
    int dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    QVERIFY(dark > 20);
    translations.setLanguage(QStringLiteral("en"));
}

void TestDetailsPanel::everyKindInWords()
{
    QStringList seen;
    for (int k = int(ErrorKind::Http); k <= int(LastErrorKind); ++k) {
        const ErrorKind kind = ErrorKind(k);
        const int status = kind == ErrorKind::Http || kind == ErrorKind::Redirect ? 301 : 0;
        const QString words = errorKindLabel(kind, status);
        // ("cancelled" is its own plain word in English.)
        QVERIFY2(!words.isEmpty() && (words != errorKindName(kind, status) || kind == ErrorKind::Cancelled),
            qPrintable(words));
        QVERIFY2(!seen.contains(words), qPrintable(words)); // no two kinds read alike
        seen << words;
    }
    QVERIFY(errorKindLabel(ErrorKind::Redirect, 302).contains(QLatin1String("302")));
}

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
