// The details pane and the tooltip show a request as the server saw it: its X-Request-Id (the
// value that matches the server's logs), its 1-based number, and the report's own latencies.

#include "gui/detailspanel.h"
#include "gui/timelineview.h"
#include "trace/runtrace.h"

#include <QLabel>
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

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
