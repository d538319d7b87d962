// One scenario, one run: each mode's scenario file run through the desktop app's path
// (RunController: a RunSession on a thread of its own, live deltas merged on the GUI thread)
// and through the CLI as a user types it (`burgerbench-cli run --scenario F --json J`) does the
// same work: the same number of requests, CPU tasks, held waits, lanes and background jobs.
#include "gui/runcontroller.h"
#include "trace/lanenames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;

namespace {

struct Work
{
    int requests = 0;
    int succeeded = 0;
    int cpuTasks = 0;
    int heldWaits = 0;
    QStringList lanes;
    int jobs = 0;
    QString mode;
};

QByteArray describe(const Work &w)
{
    return QStringLiteral("mode %1: %2 requests (%3 ok), %4 CPU tasks, %5 held, %6 jobs, lanes [%7]")
        .arg(w.mode)
        .arg(w.requests)
        .arg(w.succeeded)
        .arg(w.cpuTasks)
        .arg(w.heldWaits)
        .arg(w.jobs)
        .arg(w.lanes.join(QStringLiteral(", ")))
        .toUtf8();
}

} // namespace

class tst_RunPaths : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameWorkBothWays_data();
    void sameWorkBothWays();
    void refusedTheSameWay();

private:
    QString m_cli;
    QString m_modes;
    QTemporaryDir m_dir;
};

void tst_RunPaths::initTestCase()
{
    m_cli = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    m_modes = qEnvironmentVariable("BURGERBENCH_SOURCE") + QStringLiteral("/resources/scenarios/modes");
    QVERIFY(QFile::exists(m_modes));
    QVERIFY(m_dir.isValid());
}

void tst_RunPaths::sameWorkBothWays_data()
{
    QTest::addColumn<QString>("mode");
    for (const char *m : { "sequential", "concurrent", "parallel-blocking", "parallel-cpu", "mixed",
             "anti-pattern", "background-jobs" })
        QTest::newRow(m) << QString::fromLatin1(m);
}

void tst_RunPaths::sameWorkBothWays()
{
    QFETCH(QString, mode);
    const QString file = m_modes + u'/' + mode + QStringLiteral(".json");
    Scenario scenario;
    QString error;
    QVERIFY2(Scenario::load(file, &scenario, &error), qPrintable(error));

    // The app's path.
    RunController controller;
    controller.setLiveIntervalMs(50);
    QSignalSpy finished(&controller, &RunController::finished);
    QSignalSpy updated(&controller, &RunController::traceUpdated);
    QVERIFY2(controller.start(scenario, &error), qPrintable(error));
    QVERIFY(finished.wait(60'000));
    QVERIFY2(updated.count() > 0, "the app drew nothing while the run went on");
    const RunTrace &t = controller.trace();
    Work app;
    app.mode = executionModeName(t.scenario.mode);
    app.requests = int(t.requests.size());
    for (const RequestRecord &r : t.requests)
        app.succeeded += r.outcome == Outcome::Success ? 1 : 0;
    for (const TaskRecord &task : t.tasks) {
        app.cpuTasks += task.kind == TaskKind::CpuWork ? 1 : 0;
        app.heldWaits += task.kind == TaskKind::HeldWaiting ? 1 : 0;
    }
    for (const TaskLane &lane : t.taskLanes)
        app.lanes << LaneNames::english(lane);
    app.jobs = int(t.jobs.size());

    // The CLI's path, as a user types it.
    const QString json = m_dir.filePath(mode + QStringLiteral(".json"));
    QProcess cli;
    cli.start(m_cli,
        { QStringLiteral("run"), QStringLiteral("--scenario"), file, QStringLiteral("--json"), json,
            QStringLiteral("--progress"), QStringLiteral("off") });
    QVERIFY(cli.waitForFinished(60'000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QByteArray stdoutText = cli.readAllStandardOutput();
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    Work cliWork;
    cliWork.mode = root.value(QLatin1String("scenario"))
                       .toObject()
                       .value(QLatin1String("load"))
                       .toObject()
                       .value(QLatin1String("mode"))
                       .toString();
    const QJsonArray requests = root.value(QLatin1String("requests")).toArray();
    cliWork.requests = int(requests.size());
    for (const auto &r : requests)
        cliWork.succeeded
            += r.toObject().value(QLatin1String("outcome")).toString() == QLatin1String("success") ? 1 : 0;
    for (const auto &v : root.value(QLatin1String("tasks")).toArray()) {
        const QJsonObject task = v.toObject();
        const QString kind = task.value(QLatin1String("kind")).toString();
        cliWork.cpuTasks += kind == QLatin1String("cpu") ? 1 : 0;
        cliWork.heldWaits += kind == QLatin1String("blocked_io") ? 1 : 0;
        // Each task's duration is on record.
        QVERIFY(task.value(QLatin1String("end_ns")).toDouble()
            >= task.value(QLatin1String("start_ns")).toDouble());
    }
    for (const auto &lane : root.value(QLatin1String("task_lanes")).toArray())
        cliWork.lanes << (lane.isObject() ? lane.toObject().value(QLatin1String("name")).toString()
                                          : lane.toString());
    cliWork.jobs = int(root.value(QLatin1String("jobs")).toArray().size());

    QCOMPARE(app.mode, mode);
    QVERIFY2(app.requests == cliWork.requests && app.succeeded == cliWork.succeeded
            && app.cpuTasks == cliWork.cpuTasks && app.heldWaits == cliWork.heldWaits
            && app.jobs == cliWork.jobs && app.lanes == cliWork.lanes && app.mode == cliWork.mode,
        QByteArray(describe(app) + "\n   CLI: " + describe(cliWork)).constData());
    // The work itself is there (not two paths agreeing on nothing).
    QVERIFY2(app.requests + app.cpuTasks > 0, describe(app).constData());
    // The CLI's summary names the mode it ran and, when there was any, the work besides requests.
    const QByteArray loadLine = QByteArray("Load:").leftJustified(41, ' ') + mode.toUtf8();
    QVERIFY2(stdoutText.contains(loadLine), stdoutText.constData());
    if (app.cpuTasks > 0)
        QVERIFY2(stdoutText.contains("CPU tasks (done):"), stdoutText.constData());
    if (app.heldWaits > 0)
        QVERIFY2(stdoutText.contains("Threads held waiting:"), stdoutText.constData());
}

void tst_RunPaths::refusedTheSameWay()
{
    // A blocking-workers scenario bounded by a duration cannot run as written: both paths say so,
    // with the same message, before any work.
    Scenario s;
    QString error;
    QVERIFY(Scenario::load(m_modes + QStringLiteral("/parallel-blocking.json"), &s, &error));
    s.requests = 0;
    s.durationS = 3;
    const QString file = m_dir.filePath(QStringLiteral("blocking-for-a-duration.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(s.toJson()).toJson());
    }
    RunController controller;
    QString appError;
    QVERIFY(!controller.start(s, &appError));
    QVERIFY2(appError.startsWith(QLatin1String("load.duration_s:")), qPrintable(appError));
    QVERIFY(!controller.isRunning());

    QProcess cli;
    cli.start(m_cli, { QStringLiteral("run"), QStringLiteral("--scenario"), file });
    QVERIFY(cli.waitForFinished(30'000));
    QCOMPARE(cli.exitCode(), 2);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(appError), qPrintable(err));
}

QTEST_MAIN(tst_RunPaths)
#include "tst_runpaths.moc"
