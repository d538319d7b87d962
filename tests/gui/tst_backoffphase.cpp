// A retried request's waits are not work (issue 16): between attempts the timeline draws the
// hatched Backoff phase, not Sending's fill; the final attempt starts where its measured wait
// ends; a report from before waits were recorded still reads; Sending keeps a visible width.

#include "pixels.h"
#include "render/legend.h"
#include "render/requestphases.h"
#include "render/timelineindex.h"
#include "render/timelinepainter.h"
#include "report/jsonreport.h"
#include "trace/runtrace.h"

#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

// #1: refused at 0..20 ms, waited 480 ms, refused at 500..520, waited 980 ms, then the final
// attempt went out at 1500: sent 1502, first token 1600, tokens to 1900, success at 1900.
// #2: no retries, for comparison (dispatched 0, sent 1, tokens 300..1900).
RunTrace retriedTrace(bool withWaits = true)
{
    RunTrace t;
    t.scenario.stream = true;
    t.scenario.requests = 2;
    t.requests.resize(2);
    RequestRecord &r = t.requests[0];
    r.index = 0;
    r.lane = 0;
    r.dispatchNs = 0;
    for (const auto &[start, end, wait] :
        { std::tuple<qint64, qint64, qint64> { 0, 20, 480 }, { 500, 520, 980 } }) {
        AttemptRecord a;
        a.startNs = start * ms;
        a.endNs = end * ms;
        a.waitNs = withWaits ? wait * ms : -1;
        a.error = ErrorKind::ConnectionRefused;
        a.message = QStringLiteral("Connection refused");
        r.attempts.push_back(a);
    }
    r.retries = 2;
    r.sentNs = 1502 * ms;
    for (qint64 k = 1600; k <= 1900; k += 20)
        r.tokenNs.push_back(k * ms);
    r.endNs = 1900 * ms;
    r.outcome = Outcome::Success;
    r.httpStatus = 200;

    RequestRecord &b = t.requests[1];
    b.index = 1;
    b.lane = 1;
    b.dispatchNs = 0;
    b.sentNs = 1 * ms;
    for (qint64 k = 300; k <= 1900; k += 50)
        b.tokenNs.push_back(k * ms);
    b.endNs = 1900 * ms;
    b.outcome = Outcome::Success;
    t.endNs = 2000 * ms;
    return t;
}

using TestPixels::share;

struct Rendered
{
    QImage image;
    TimelineLayout layout;
};

Rendered render(const RunTrace &t)
{
    Rendered out { QImage(1000, 300, QImage::Format_RGB32), {} };
    out.image.fill(Qt::white);
    TimelineRenderOptions options;
    options.toNs = 2000 * ms;
    options.showLegend = false;
    const TimelineIndex index(t);
    QPainter painter(&out.image);
    out.layout = timelineLayout(out.image.rect(), painter.font(), t, index, options);
    paintTimeline(&painter, out.layout, t, index, options);
    return out;
}

// The middle third of request lane `lane` from..to ms, 2 px in from either end.
QRect band(const TimelineLayout &l, int lane, qint64 fromMs, qint64 toMs)
{
    const int x0 = int(l.timeToX(fromMs * ms)) + 2;
    const int x1 = int(l.timeToX(toMs * ms)) - 2;
    const int h = l.requestLaneH(lane);
    return QRect(x0, l.requestLaneY(lane) + h / 3, x1 - x0 + 1, std::max(1, h / 3));
}

} // namespace

class tst_BackoffPhase : public QObject
{
    Q_OBJECT

private slots:
    void segmentsSplitAttemptsAndWaits();
    void olderReportWithoutWaits();
    void waitingNowIsBackoff();
    void timelineDrawsBackoffBetweenAttempts();
    void sendingKeepsAVisibleWidth();
    void legendListsBackoffHatched();
    void jsonReportKeepsTheWaits();
};

void tst_BackoffPhase::segmentsSplitAttemptsAndWaits()
{
    const RunTrace t = retriedTrace();
    PhaseSegments s;
    requestSegments(t.requests[0], t.endNs, &s);
    struct Want
    {
        Phase phase;
        qint64 from, to;
        int attempt;
        bool thin;
    };
    const Want want[] = {
        { Phase::Error, 0, 20, 0, true },
        { Phase::Backoff, 20, 500, 1, false },
        { Phase::Error, 500, 520, 1, true },
        { Phase::Backoff, 520, 1500, 2, false },
        { Phase::Sending, 1500, 1502, 2, false },
        { Phase::WaitingFirstToken, 1502, 1600, 2, false },
        { Phase::Streaming, 1600, 1900, 2, false },
    };
    QCOMPARE(s.size(), qsizetype(std::size(want)));
    for (qsizetype i = 0; i < s.size(); ++i) {
        const Want &w = want[i];
        QCOMPARE(int(s[i].phase), int(w.phase));
        QCOMPARE(s[i].startNs, w.from * ms);
        QCOMPARE(s[i].endNs, w.to * ms);
        QCOMPARE(int(s[i].attempt), w.attempt);
        QCOMPARE(s[i].thin, w.thin);
    }
    QCOMPARE(finalAttemptStartNs(t.requests[0]), 1500 * ms);
    // A slot lane (from dispatch) keeps the attempts and waits: they hold the slot.
    requestSegments(t.requests[0], t.endNs, &s, true);
    QCOMPARE(s.size(), qsizetype(std::size(want)));
    QCOMPARE(int(s[1].phase), int(Phase::Backoff));
}

void tst_BackoffPhase::olderReportWithoutWaits()
{
    // No waitNs: the last wait runs to the final attempt's first sign (sent at 1502 ms); the
    // wait between the two failed attempts is known from their own times.
    const RunTrace t = retriedTrace(false);
    PhaseSegments s;
    requestSegments(t.requests[0], t.endNs, &s);
    QCOMPARE(finalAttemptStartNs(t.requests[0]), 1502 * ms);
    QCOMPARE(int(s[1].phase), int(Phase::Backoff));
    QCOMPARE(s[1].endNs, 500 * ms);
    QCOMPARE(int(s[3].phase), int(Phase::Backoff));
    QCOMPARE(s[3].endNs, 1502 * ms);
    for (const PhaseSegment &seg : s)
        QVERIFY2(seg.phase != Phase::Sending || seg.endNs - seg.startNs < 5 * ms, "Sending over the wait");
}

void tst_BackoffPhase::waitingNowIsBackoff()
{
    // Live, between attempts: the failed attempt's fields are still there, the wait is open.
    RunTrace t = retriedTrace();
    RequestRecord &r = t.requests[0];
    r.attempts.back().waitNs = -1;
    r.sentNs = 502 * ms; // the failed attempt's
    r.tokenNs.clear();
    r.endNs = -1;
    r.outcome = Outcome::InFlight;
    PhaseSegments s;
    requestSegments(r, 800 * ms, &s);
    QCOMPARE(finalAttemptStartNs(r), qint64(-1));
    QCOMPARE(int(s.back().phase), int(Phase::Backoff));
    QCOMPARE(s.back().startNs, 520 * ms);
    QCOMPARE(s.back().endNs, 800 * ms);
    for (const PhaseSegment &seg : s)
        QVERIFY(seg.phase != Phase::Sending);
    // Cut off while it waited: the wait, then the Incomplete marker.
    r.endNs = 900 * ms;
    r.outcome = Outcome::Incomplete;
    r.error = ErrorKind::RunEnded;
    requestSegments(r, 900 * ms, &s);
    QCOMPARE(int(s[s.size() - 2].phase), int(Phase::Backoff));
    QCOMPARE(s[s.size() - 2].endNs, 900 * ms);
    QVERIFY(s.back().marker);
    QCOMPARE(int(s.back().phase), int(Phase::Incomplete));
}

void tst_BackoffPhase::timelineDrawsBackoffBetweenAttempts()
{
    const Rendered r = render(retriedTrace());
    const PhaseStyle &backoff = phaseStyle(Phase::Backoff);
    const QColor sending = phaseStyle(Phase::Sending).fill;
    QVERIFY(backoff.patternStyle != Qt::NoBrush); // hatched, like the other wait
    for (const auto &[from, to] : { std::pair<qint64, qint64> { 40, 480 }, { 540, 1480 } }) {
        const QRect wait = band(r.layout, 0, from, to);
        const double fill = share(r.image, wait, backoff.fill);
        const double hatch = share(r.image, wait, backoff.pattern);
        QVERIFY2(fill > 0.4,
            qPrintable(QStringLiteral("backoff fill %1 over %2..%3 ms").arg(fill).arg(from).arg(to)));
        QVERIFY2(hatch > 0.05, qPrintable(QStringLiteral("backoff hatch %1").arg(hatch)));
        QCOMPARE(share(r.image, wait, sending), 0.0);
        QCOMPARE(share(r.image, wait, phaseStyle(Phase::CpuWork).fill), 0.0);
    }
    // The failed attempts themselves: thin dark red, not the wait's colours.
    const int x = int(r.layout.timeToX(510 * ms));
    const int mid = r.layout.requestLaneY(0) + r.layout.requestLaneH(0) / 2;
    QCOMPARE(QColor(r.image.pixel(x, mid)).rgb() == backoff.fill.rgb(), false);
    // The request without retries has no backoff anywhere.
    QCOMPARE(share(r.image, band(r.layout, 1, 0, 2000), backoff.fill), 0.0);
}

void tst_BackoffPhase::sendingKeepsAVisibleWidth()
{
    // 2 ms of sending is about 1 px at this zoom (2000 ms over ~900 px): drawn 4 wide, its
    // outline and two columns of its fill.
    const Rendered r = render(retriedTrace());
    const PhaseStyle &sending = phaseStyle(Phase::Sending);
    const int y = r.layout.requestLaneY(0) + r.layout.requestLaneH(0) / 2;
    const int x0 = int(r.layout.timeToX(1500 * ms));
    int fill = 0;
    int drawn = 0;
    for (int x = x0 - 2; x <= x0 + 8; ++x) {
        const QRgb c = QColor(r.image.pixel(x, y)).rgb();
        fill += c == sending.fill.rgb() ? 1 : 0;
        drawn += c == sending.fill.rgb() || c == sending.outline.rgb() ? 1 : 0;
    }
    QVERIFY2(fill >= 2, qPrintable(QString::number(fill)));
    QVERIFY2(drawn >= 4, qPrintable(QString::number(drawn)));
    QVERIFY(r.layout.timeToX(1502 * ms) - r.layout.timeToX(1500 * ms) < 2); // really narrower
}

void tst_BackoffPhase::legendListsBackoffHatched()
{
    const std::vector<Phase> phases = legendPhases(false);
    QVERIFY(std::find(phases.begin(), phases.end(), Phase::Backoff) != phases.end());
    QVERIFY(std::find(phases.begin(), phases.end(), Phase::KitchenCooking) == phases.end());
    const std::vector<Phase> kitchen = legendPhases(true);
    QVERIFY(std::find(kitchen.begin(), kitchen.end(), Phase::KitchenWaiting) != kitchen.end());
    QCOMPARE(phaseLabel(Phase::Backoff), QStringLiteral("Retry wait"));

    // Drawn: the legend's Backoff swatch has the fill and the hatch.
    QImage image(1400, 80, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintLegend(&painter, image.rect(), { Phase::Backoff });
    painter.end();
    const QRect swatch(0, 0, 26, 40);
    QVERIFY(share(image, swatch, phaseStyle(Phase::Backoff).fill) > 0.1);
    QVERIFY(share(image, swatch, phaseStyle(Phase::Backoff).pattern) > 0.02);
}

// The report saves each measured wait and reads it back; a report without wait_ns (written
// before it was recorded) still loads, with the waits unknown.
void tst_BackoffPhase::jsonReportKeepsTheWaits()
{
    const RunTrace t = retriedTrace();
    const QJsonObject json = JsonReport::toJson(t, computeSummary(t, { 50, 99 }, Slo()));
    RunTrace back;
    QString error;
    QVERIFY2(JsonReport::fromJson(json, &back, &error), qPrintable(error));
    QCOMPARE(back.requests[0].attempts.size(), size_t(2));
    QCOMPARE(back.requests[0].attempts[0].waitNs, 480 * ms);
    QCOMPARE(back.requests[0].attempts[1].waitNs, 980 * ms);
    QCOMPARE(finalAttemptStartNs(back.requests[0]), 1500 * ms);

    QJsonObject old = json;
    QJsonArray requests = old.value(QLatin1String("requests")).toArray();
    QJsonObject first = requests.at(0).toObject();
    QJsonArray attempts = first.value(QLatin1String("attempts")).toArray();
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        QJsonObject a = attempts.at(i).toObject();
        QVERIFY(a.contains(QLatin1String("wait_ns")));
        a.remove(QLatin1String("wait_ns"));
        attempts.replace(i, a);
    }
    first.insert(QLatin1String("attempts"), attempts);
    requests.replace(0, first);
    old.insert(QLatin1String("requests"), requests);
    RunTrace older;
    QVERIFY2(JsonReport::fromJson(old, &older, &error), qPrintable(error));
    QCOMPARE(older.requests[0].attempts[1].waitNs, qint64(-1));
    QCOMPARE(finalAttemptStartNs(older.requests[0]), 1502 * ms); // its first sign
}

QTEST_MAIN(tst_BackoffPhase)
#include "tst_backoffphase.moc"
