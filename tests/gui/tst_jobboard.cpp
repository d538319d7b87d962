// Background jobs' status board (issue 16 item 6): the statuses as the client's polls read them,
// the poll ticks and the tickets, drawn on the timeline; the polls kept in the report and cut by
// a replay like every other record.

#include "metrics/summary.h"
#include "pixels.h"
#include "render/jobboardlane.h"
#include "render/legend.h"
#include "render/timelineindex.h"
#include "render/timelinepainter.h"
#include "report/jsonreport.h"
#include "trace/jobboard.h"
#include "trace/playback.h"
#include "trace/runtrace.h"

#include <QFont>
#include <QFontMetrics>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;

namespace {

constexpr qint64 ms = 1'000'000;

// Four tickets at 0, two job workers, polls every 100 ms from 100 to 1000 ms:
//   job 1 runs 0..250 (done), job 2 runs 0..450 (failed),
//   job 3 runs 250..650 (done), job 4 runs 450..900 (done).
RunTrace boardTrace()
{
    RunTrace t;
    struct Life
    {
        qint64 started, ended;
        JobStatus status;
    };
    const Life lives[] = { { 0, 250, JobStatus::Done }, { 0, 450, JobStatus::Failed },
        { 250, 650, JobStatus::Done }, { 450, 900, JobStatus::Done } };
    int k = 0;
    for (const Life &life : lives) {
        JobRecord job;
        job.id = "job-00000" + QByteArray::number(++k);
        job.acceptedNs = 0;
        job.startedNs = life.started * ms;
        job.endedNs = life.ended * ms;
        job.status = life.status;
        t.jobs.push_back(job);
    }
    for (qint64 p = 100; p <= 1000; p += 100)
        t.jobPollsNs.push_back(p * ms);
    for (JobRecord &job : t.jobs)
        job.seenEndedNs = *std::lower_bound(t.jobPollsNs.begin(), t.jobPollsNs.end(), job.endedNs);
    t.endNs = 1000 * ms;
    return t;
}

struct Rendered
{
    QImage image;
    TimelineLayout layout;
};

Rendered render(const RunTrace &t)
{
    Rendered out { QImage(1000, 320, QImage::Format_RGB32), {} };
    out.image.fill(Qt::white);
    TimelineRenderOptions options;
    options.fromNs = 0;
    options.toNs = 1000 * ms;
    const TimelineIndex index(t);
    QPainter painter(&out.image);
    out.layout = timelineLayout(out.image.rect(), painter.font(), t, index, options);
    paintTimeline(&painter, out.layout, t, index, options);
    return out;
}

using TestPixels::share;

// A phase's own pixels: its fill or its pattern's lines.
double phaseShare(const QImage &image, const QRect &r, Phase phase)
{
    const PhaseStyle &s = phaseStyle(phase);
    return share(image, r, s.fill) + (s.pattern.isValid() ? share(image, r, s.pattern) : 0.0);
}

// A band of the board's area at `atMs`, 3 columns wide, between the shares `from` and `to` of
// its height counted from the bottom (0 = bottom, 1 = top), a pixel in from each edge.
QRect areaBand(const TimelineLayout &l, qint64 atMs, double from, double to)
{
    const QRect lane = l.jobBoardLane;
    const int top = lane.top() + jobBoardStripHeight + jobBoardCaptionHeight(QFontMetrics(QFont()));
    const int h = lane.bottom() - top;
    const int x = int(l.timeToX(atMs * ms));
    const int y0 = lane.bottom() - int(to * h) + 1;
    const int y1 = lane.bottom() - int(from * h) - 1;
    return QRect(x - 1, y0, 3, std::max(1, y1 - y0 + 1));
}

} // namespace

class tst_JobBoard : public QObject
{
    Q_OBJECT
private slots:
    void countsAreWhatThePollsRead();
    void withoutPollsTheTrueStatuses();
    void laneDrawsTheBoardAsPolled();
    void ticksAndTickets();
    void theLastPollIsPartOfTheRun();
    void noJobsNoBoard();
    void reportKeepsThePolls();
    void replayCutsThePolls();
};

void tst_JobBoard::countsAreWhatThePollsRead()
{
    const JobBoard board(boardTrace());
    QCOMPARE(board.jobs(), 4);
    QVERIFY(board.polled());
    QCOMPARE(board.pollIntervalNs(), 100 * ms);
    // Before the first poll every ticket reads pending (the 202's status).
    QCOMPARE(board.seenAt(50 * ms), (JobBoardCounts { 4, 0, 0, 0 }));
    QCOMPARE(board.seenAt(150 * ms), (JobBoardCounts { 2, 2, 0, 0 }));
    // Job 1 ended at 250 ms, but the board says so only from the poll at 300 ms.
    QCOMPARE(board.trueAt(260 * ms), (JobBoardCounts { 1, 2, 1, 0 }));
    QCOMPARE(board.seenAt(260 * ms), (JobBoardCounts { 2, 2, 0, 0 }));
    QCOMPARE(board.seenAt(300 * ms), (JobBoardCounts { 1, 2, 1, 0 }));
    QCOMPARE(board.seenAt(520 * ms), (JobBoardCounts { 0, 2, 1, 1 }));
    QCOMPARE(board.seenAt(950 * ms), (JobBoardCounts { 0, 0, 3, 1 }));
    // The board changes at the polls only: within each gap it reads what the poll before it read,
    // though jobs start and end inside several of those gaps.
    for (qint64 p = 100; p < 1000; p += 100)
        QCOMPARE(board.seenAt((p + 99) * ms), board.seenAt(p * ms));
    QCOMPARE(jobBoardCaption(board, 1000 * ms),
        QStringLiteral("job board, polled every 100 ms (ticks): pending 0 · running 0 · done 3 · failed 1"));
    // The tooltip: what the board said and since which poll, beside what the jobs really were.
    QCOMPARE(jobBoardToolTip(board, 260 * ms),
        QStringLiteral(
            "At 260 ms the board said pending 2 · running 2 · done 0 · failed 0 (read at the poll "
            "at 200 ms; the next at 300 ms). The jobs themselves: pending 1 · running 2 · done 1 · "
            "failed 0."));
    QVERIFY(jobBoardToolTip(board, 50 * ms).contains(QLatin1String("before the first poll")));
    QVERIFY2(jobBoardToolTip(board, 1500 * ms).contains(QLatin1String("read at the last poll, at 1 s")),
        qPrintable(jobBoardToolTip(board, 1500 * ms)));
    QCOMPARE(jobBoardCaption(board, 260 * ms, QLocale(QLocale::Spanish)),
        QStringLiteral("job board, polled every 100 ms (ticks): pending 2 · running 2 · done 0 · failed 0"));
}

void tst_JobBoard::withoutPollsTheTrueStatuses()
{
    RunTrace t = boardTrace();
    t.jobPollsNs.clear(); // a report written before the polls were recorded
    const JobBoard board(t);
    QVERIFY(!board.polled());
    QCOMPARE(board.pollIntervalNs(), qint64(-1));
    QCOMPARE(board.seenAt(260 * ms), board.trueAt(260 * ms));
    // The true statuses change where the jobs do: at 250 ms, not at a poll.
    QCOMPARE(board.seenAt(249 * ms), (JobBoardCounts { 2, 2, 0, 0 }));
    QCOMPARE(board.seenAt(250 * ms), (JobBoardCounts { 1, 2, 1, 0 }));
    QVERIFY(jobBoardCaption(board, 260 * ms).contains(QLatin1String("no polls recorded")));
}

void tst_JobBoard::laneDrawsTheBoardAsPolled()
{
    const RunTrace t = boardTrace();
    const Rendered r = render(t);
    QVERIFY(!r.layout.jobBoardLane.isEmpty());
    QVERIFY(r.layout.jobBoardLane.height() >= 30);
    // 50 ms: four pending tickets, the whole area In line; nothing running yet.
    QVERIFY2(phaseShare(r.image, areaBand(r.layout, 50, 0.1, 0.9), Phase::Queued) > 0.9,
        qPrintable(QString::number(phaseShare(r.image, areaBand(r.layout, 50, 0.1, 0.9), Phase::Queued))));
    QCOMPARE(phaseShare(r.image, areaBand(r.layout, 50, 0, 1), Phase::JobRunning), 0.0);
    // 260 ms: job 1 is over, but the board still says two running (bottom half) and two pending.
    QVERIFY(phaseShare(r.image, areaBand(r.layout, 260, 0.05, 0.45), Phase::JobRunning) > 0.9);
    QVERIFY(phaseShare(r.image, areaBand(r.layout, 260, 0.55, 0.95), Phase::Queued) > 0.9);
    QCOMPARE(phaseShare(r.image, areaBand(r.layout, 260, 0, 1), Phase::JobDone), 0.0);
    // 350 ms: the poll at 300 saw it: a quarter done at the bottom.
    QVERIFY(phaseShare(r.image, areaBand(r.layout, 350, 0.03, 0.22), Phase::JobDone) > 0.9);
    QVERIFY(phaseShare(r.image, areaBand(r.layout, 350, 0.28, 0.72), Phase::JobRunning) > 0.9);
    // 950 ms: three done, one failed (Error) above them; nothing running or pending.
    QVERIFY(phaseShare(r.image, areaBand(r.layout, 950, 0.03, 0.72), Phase::JobDone) > 0.9);
    QVERIFY(phaseShare(r.image, areaBand(r.layout, 950, 0.78, 0.97), Phase::Error) > 0.9);
    QCOMPARE(phaseShare(r.image, areaBand(r.layout, 950, 0, 1), Phase::JobRunning), 0.0);
    QCOMPARE(phaseShare(r.image, areaBand(r.layout, 950, 0, 1), Phase::Queued), 0.0);
    // Its legend lists the board's statuses; the lane is named in the gutter.
    const std::vector<Phase> phases = legendPhases(false, true);
    QVERIFY(std::find(phases.begin(), phases.end(), Phase::JobRunning) != phases.end());
    QVERIFY(std::find(phases.begin(), phases.end(), Phase::JobDone) != phases.end());
    const QRect gutter(r.layout.labelLeft, r.layout.jobBoardLane.top(),
        r.layout.plotRect.left() - r.layout.labelLeft, r.layout.jobBoardLane.height());
    int dark = 0;
    for (int y = gutter.top(); y <= gutter.bottom(); ++y)
        for (int x = gutter.left(); x <= gutter.right(); ++x)
            dark += qGray(r.image.pixel(x, y)) < 160 ? 1 : 0;
    QVERIFY2(dark > 20, "the lane's name is drawn in the gutter");
}

void tst_JobBoard::ticksAndTickets()
{
    const Rendered r = render(boardTrace());
    const QRect lane = r.layout.jobBoardLane;
    const int stripY = lane.top() + jobBoardStripHeight - 2;
    const QColor tick(0x33, 0x33, 0x33);
    // A tick at each poll, none between two.
    for (qint64 p = 100; p <= 900; p += 100) {
        const int x = int(std::floor(r.layout.timeToX(p * ms)));
        QVERIFY2(QColor(r.image.pixel(x, stripY)).rgb() == tick.rgb(), qPrintable(QString::number(p)));
        const int between = int(std::floor(r.layout.timeToX((p + 50) * ms)));
        QCOMPARE(QColor(r.image.pixel(between, stripY)).rgb(), QColor(Qt::white).rgb());
    }
    // The tickets' triangle at 0: the "202 Accepted" moment.
    const int x0 = int(std::floor(r.layout.timeToX(0)));
    QCOMPARE(QColor(r.image.pixel(x0 + 1, lane.top() + 1)).rgb(), QColor(0x1c, 0x3c, 0x86).rgb());
    QCOMPARE(QColor(r.image.pixel(x0 + 40, lane.top() + 1)).rgb(), QColor(Qt::white).rgb());
}

// The final poll, which saw the last jobs over, comes after the last job ended (the run's end):
// a finished run's picture still reaches it, so the board ends in the final statuses.
void tst_JobBoard::theLastPollIsPartOfTheRun()
{
    RunTrace t = boardTrace();
    t.endNs = 905 * ms;
    const TimelineIndex index(t);
    QImage image(1000, 320, QImage::Format_RGB32);
    QPainter painter(&image);
    TimelineRenderOptions options; // fromNs 0, toNs and nowNs automatic: a finished run
    const TimelineLayout layout = timelineLayout(image.rect(), painter.font(), t, index, options);
    QCOMPARE(layout.nowNs, 1000 * ms);
    QVERIFY(layout.toNs >= 1000 * ms);
    QCOMPARE(JobBoard(t).seenAt(layout.nowNs), (JobBoardCounts { 0, 0, 3, 1 }));
}

void tst_JobBoard::noJobsNoBoard()
{
    RunTrace t;
    RequestRecord r;
    r.dispatchNs = 0;
    r.endNs = 100 * ms;
    r.outcome = Outcome::Success;
    t.requests.push_back(r);
    t.endNs = 100 * ms;
    const Rendered rendered = render(t);
    QVERIFY(rendered.layout.jobBoardLane.isEmpty());
    const std::vector<Phase> phases = legendPhases(false);
    QVERIFY(std::find(phases.begin(), phases.end(), Phase::JobRunning) == phases.end());
}

void tst_JobBoard::reportKeepsThePolls()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RunTrace t = boardTrace();
    t.scenario.name = QStringLiteral("jobs");
    t.scenario.requests = 4;
    const QString path = dir.filePath(QStringLiteral("jobs.json"));
    QString error;
    QVERIFY2(JsonReport::write(path, t, computeSummary(t, { 50, 99 }, Slo()), &error), qPrintable(error));
    RunTrace back;
    QVERIFY2(JsonReport::read(path, &back, &error), qPrintable(error));
    QCOMPARE(back.jobPollsNs, t.jobPollsNs);
    QCOMPARE(back.jobs.size(), t.jobs.size());

    // Polls out of order are refused, naming the place.
    QJsonObject json = JsonReport::toJson(t, computeSummary(t, { 50, 99 }, Slo()));
    json.insert(QStringLiteral("job_polls_ns"), QJsonArray { 200, 100 });
    QVERIFY(!JsonReport::fromJson(json, &back, &error));
    QVERIFY2(error.contains(QLatin1String("job_polls_ns[1]")), qPrintable(error));
    // A run without jobs writes none.
    RunTrace plain;
    QVERIFY(!JsonReport::toJson(plain, computeSummary(plain, { 50, 99 }, Slo()))
                 .contains(QLatin1String("job_polls_ns")));
}

void tst_JobBoard::replayCutsThePolls()
{
    const RunTrace full = boardTrace();
    const RunTrace at = traceAt(full, 350 * ms);
    QCOMPARE(at.jobPollsNs, (std::vector<qint64> { 100 * ms, 200 * ms, 300 * ms }));
    // The cut board reads what the full one read then.
    QCOMPARE(JobBoard(at).seenAt(350 * ms), JobBoard(full).seenAt(350 * ms));
    // Stepping lands on each poll, where the board changes, and the replay ends at the last one.
    // (At 310 ms nothing else happens before job 2 ends at 450.)
    QCOMPARE(nextEventAfter(full, 310 * ms), 400 * ms);
    RunTrace early = full;
    early.endNs = 905 * ms;
    QCOMPARE(nextEventAfter(early, 910 * ms), 1000 * ms);
    QCOMPARE(playbackEndNs(early), 1000 * ms);
}

QTEST_MAIN(tst_JobBoard)
#include "tst_jobboard.moc"
