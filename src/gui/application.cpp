#include "gui/application.h"

#include "gui/comparepanel.h"
#include "gui/mainwindow.h"
#include "gui/racewindow.h"
#include "gui/runcontroller.h"
#include "gui/settings.h"
#include "gui/translations.h"

#include "burgerbench_buildinfo.h" // generated at configure time (cmake/BurgerBenchInstall.cmake)

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "burgerbench.gui.app", QtInfoMsg)

namespace BurgerBench {

namespace {

struct Options
{
    QString scenario;
    QString race;
    QString openRun;
    QString compare;
    QString screenshot;
    QString exportImage;
    QString saveRun; // the run report (JSON)
    QStringList exports; // reports, each in the format its extension names
    QString language;
    bool languageSet = false;
    bool autorun = false;
    bool quitWhenDone = false;
    QSize size;
    int timeoutS = 600;
    int select = 0;
    qint64 codeAtNs = -1;
    QString replay; // a saved run played back
    double speed = 0.25;
    qint64 pauseAtNs = -1;
};

// The language must be known before the parser's own texts are shown, so peek at argv first.
QString peekLanguage(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--language" && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith("--language="))
            return QString::fromLocal8Bit(arg.mid(11));
    }
    return QString();
}

void fail(const QString &message)
{
    std::fprintf(stderr, "burgerbench: %s\n", qPrintable(message));
}

// A moment given in milliseconds (--code-at, --pause-at) into *ns, left alone when the option is
// not set; false, the value named on stderr, when it is not one.
bool momentOption(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 *ns)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double atMs = parser.value(option).toDouble(&ok);
    if (!ok || atMs < 0 || atMs > 1e9) {
        fail(QCoreApplication::translate(
            "BurgerBench::Application", "--%1: a moment in milliseconds from 0 to 1000000000 (got \"%2\")")
                 .arg(option.names().constFirst(), parser.value(option)));
        return false;
    }
    *ns = qint64(atMs * 1e6);
    return true;
}

} // namespace

int runDesktopApp(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("BurgerBench"));
    QApplication::setOrganizationName(QStringLiteral("BurgerBench"));
    QApplication::setApplicationVersion(
        QStringLiteral(BURGERBENCH_VERSION " (git " BURGERBENCH_GIT_REVISION ")"));
    QApplication::setDesktopFileName(QStringLiteral("burgerbench"));

    Translations translations;
    const QString early = peekLanguage(argc, argv);
    translations.setLanguage(!early.isEmpty() ? early : Settings::value(Settings::Key::Language).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("BurgerBench::Application",
        "BurgerBench: a load tester for OpenAI-compatible LLM endpoints whose live "
        "timeline teaches sequential, concurrent and parallel work."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"),
        QCoreApplication::translate("BurgerBench::Application", "Open this scenario file."),
        QStringLiteral("file"));
    const QCommandLineOption autorunOption(QStringLiteral("autorun"),
        QCoreApplication::translate("BurgerBench::Application", "Start the run at once."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QCoreApplication::translate("BurgerBench::Application",
            "Save a picture of the window here when the run is done (or after start-up "
            "without --autorun)."),
        QStringLiteral("png"));
    const QCommandLineOption exportOption(QStringLiteral("export-timeline"),
        QCoreApplication::translate(
            "BurgerBench::Application", "Save the timeline alone (PNG, SVG or PDF) when the run is done."),
        QStringLiteral("file"));
    const QCommandLineOption quitOption(QStringLiteral("quit-when-done"),
        QCoreApplication::translate(
            "BurgerBench::Application", "Quit once the run is done and pictures are saved."));
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QCoreApplication::translate("BurgerBench::Application", "User interface language: en or es."),
        QStringLiteral("code"));
    const QCommandLineOption sizeOption(QStringLiteral("window-size"),
        QCoreApplication::translate("BurgerBench::Application", "Window size, e.g. 1600x1000."),
        QStringLiteral("WxH"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        QCoreApplication::translate("BurgerBench::Application",
            "With --quit-when-done: give up after this many seconds (default 600)."),
        QStringLiteral("s"));
    const QCommandLineOption selectOption(QStringLiteral("select"),
        QCoreApplication::translate("BurgerBench::Application",
            "When the run is done, select request N (from 1) and show its details."),
        QStringLiteral("N"));
    const QCommandLineOption codeAtOption(QStringLiteral("code-at"),
        QCoreApplication::translate("BurgerBench::Application",
            "When the run is done, show The code tab as the run stood MS milliseconds in: the lines "
            "where its orders were then, lit."),
        QStringLiteral("ms"));
    const QCommandLineOption openRunOption(QStringLiteral("open-run"),
        QCoreApplication::translate(
            "BurgerBench::Application", "Open this saved run report (JSON) as the current run."),
        QStringLiteral("file"));
    const QCommandLineOption compareOption(QStringLiteral("compare"),
        QCoreApplication::translate("BurgerBench::Application",
            "Overlay this saved run report (JSON) on the timeline and compare it with the current run."),
        QStringLiteral("file"));
    const QCommandLineOption saveRunOption(QStringLiteral("save-run"),
        QCoreApplication::translate("BurgerBench::Application",
            "When the run is done, save it as a run report (JSON), as File → Save run… does."),
        QStringLiteral("file"));
    const QCommandLineOption exportReportOption(QStringLiteral("export"),
        QCoreApplication::translate("BurgerBench::Application",
            "When the run is done, write this report, as File → Export report… does; the extension "
            "names the format: .json, .html, .csv or .trace.json (Perfetto). May be repeated."),
        QStringLiteral("file"));
    const QCommandLineOption raceOption(QStringLiteral("race"),
        QCoreApplication::translate("BurgerBench::Application",
            "Open the race window with this race preset (e.g. burgers) and run it; --screenshot "
            "then saves the race window when the race is done."),
        QStringLiteral("preset"));
    const QCommandLineOption replayOption(QStringLiteral("replay"),
        QCoreApplication::translate("BurgerBench::Application",
            "Replay this saved run report (JSON) as Run → Replay saved run… does, the story told as it "
            "happened; --screenshot saves the window when the replay ends (or pauses: --pause-at)."),
        QStringLiteral("file"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
        QCoreApplication::translate("BurgerBench::Application",
            "With --replay: how fast, against the run's own time (0.25, 0.5, 1; up to 16; default 0.25)."),
        QStringLiteral("x"));
    const QCommandLineOption pauseAtOption(QStringLiteral("pause-at"),
        QCoreApplication::translate("BurgerBench::Application",
            "With --replay: pause when the replay reaches this moment (milliseconds into the run); "
            "--screenshot and --quit-when-done act then."),
        QStringLiteral("ms"));
    parser.addOptions({ replayOption, speedOption, pauseAtOption });
    parser.addOption(raceOption);
    parser.addOptions({ scenarioOption, autorunOption, screenshotOption, exportOption, quitOption,
        languageOption, sizeOption, timeoutOption, selectOption, codeAtOption, openRunOption, compareOption,
        saveRunOption, exportReportOption });
    parser.process(app);

    Options o;
    o.scenario = parser.value(scenarioOption);
    o.race = parser.value(raceOption);
    o.openRun = parser.value(openRunOption);
    o.compare = parser.value(compareOption);
    o.autorun = parser.isSet(autorunOption);
    o.screenshot = parser.value(screenshotOption);
    o.exportImage = parser.value(exportOption);
    o.saveRun = parser.value(saveRunOption);
    o.exports = parser.values(exportReportOption);
    o.quitWhenDone = parser.isSet(quitOption);
    o.language = parser.value(languageOption);
    o.languageSet = parser.isSet(languageOption);
    if (parser.isSet(timeoutOption))
        o.timeoutS = std::max(1, parser.value(timeoutOption).toInt());
    o.select = parser.value(selectOption).toInt();
    if (!momentOption(parser, codeAtOption, &o.codeAtNs))
        return 2;
    o.replay = parser.value(replayOption);
    if (parser.isSet(speedOption)) {
        bool ok = false;
        o.speed = parser.value(speedOption).toDouble(&ok);
        if (!ok || !(o.speed > 0) || o.speed > 16) {
            fail(QCoreApplication::translate(
                "BurgerBench::Application", "--speed: a speed above 0 and at most 16, e.g. 0.25 (got \"%1\")")
                     .arg(parser.value(speedOption)));
            return 2;
        }
    }
    if (!momentOption(parser, pauseAtOption, &o.pauseAtNs))
        return 2;
    if ((parser.isSet(speedOption) || o.pauseAtNs >= 0) && o.replay.isEmpty()) {
        fail(QCoreApplication::translate(
            "BurgerBench::Application", "--speed and --pause-at need --replay FILE"));
        return 2;
    }
    if (!o.replay.isEmpty() && (o.autorun || !o.openRun.isEmpty() || !o.race.isEmpty())) {
        fail(QCoreApplication::translate("BurgerBench::Application",
            "--replay plays a saved run: not with --autorun, --open-run or --race"));
        return 2;
    }
    if (parser.isSet(sizeOption)) {
        const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
        if (wh.size() == 2)
            o.size = QSize(wh[0].toInt(), wh[1].toInt());
    }
    if (o.languageSet && !Translations::available().contains(o.language)) {
        fail(QCoreApplication::translate("BurgerBench::Application", "unknown language \"%1\" (use en or es)")
                 .arg(o.language));
        return 2;
    }
    for (const QString &path : std::as_const(o.exports)) {
        MainWindow::ReportFormat format = MainWindow::ReportFormat::Json;
        if (!MainWindow::reportFormatFromPath(path, &format)) {
            const QString suffix = QFileInfo(path).suffix();
            fail(QCoreApplication::translate("BurgerBench::Application",
                "--export %1: unknown report format \"%2\" (use .json, .html, .csv or .trace.json; "
                "a picture of the timeline: --export-timeline)")
                     .arg(path, suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
            return 2;
        }
    }
    const bool savesReports = !o.saveRun.isEmpty() || !o.exports.isEmpty();
    if (savesReports && !o.race.isEmpty()) {
        fail(QCoreApplication::translate(
            "BurgerBench::Application", "--save-run and --export save the main window's run, not a race"));
        return 2;
    }
    if (savesReports && !o.autorun && o.openRun.isEmpty() && o.replay.isEmpty()) {
        fail(QCoreApplication::translate("BurgerBench::Application",
            "--save-run and --export need a run: add --autorun (or --open-run FILE)"));
        return 2;
    }
    // Automated runs (docs, tests) start from the defaults and leave the user's settings alone.
    const bool automated = o.autorun || !o.screenshot.isEmpty() || o.quitWhenDone || !o.race.isEmpty()
        || savesReports || !o.replay.isEmpty();
    if (automated)
        Settings::setVolatile(true);

    MainWindow window(&translations);
    if (!automated)
        window.restoreLayout();
    if (!o.scenario.isEmpty()) {
        QString error;
        if (!window.loadScenarioFile(o.scenario, &error)) {
            fail(error);
            return 2;
        }
    }
    if (!o.compare.isEmpty()) {
        QString error;
        if (!window.loadComparisonFile(o.compare, &error)) {
            fail(error);
            return 2;
        }
    }
    if (!o.openRun.isEmpty()) {
        QString error;
        if (!window.openRunFile(o.openRun, &error)) {
            fail(error);
            return 2;
        }
    }
    window.resize(o.size.isValid() && !o.size.isEmpty() ? o.size : QSize(1600, 1000));
    window.show();

    int exitCode = 0;
    const auto savePictures = [&]() {
        const auto saved = [&](bool ok, const QString &path, const QString &error) {
            if (ok) {
                qCInfo(lcApp) << "wrote" << QDir::toNativeSeparators(path);
            } else {
                fail(error);
                exitCode = 1;
            }
        };
        if (!o.saveRun.isEmpty()) {
            QString error;
            saved(window.saveRunFile(o.saveRun, &error), o.saveRun, error);
        }
        for (const QString &path : std::as_const(o.exports)) {
            QString error;
            saved(window.exportReport(path, &error), path, error);
        }
        if (!o.screenshot.isEmpty()) {
            const QImage image = window.grab().toImage();
            if (image.isNull() || !image.save(o.screenshot)) {
                fail(QCoreApplication::translate("BurgerBench::Application", "cannot write %1")
                         .arg(o.screenshot));
                exitCode = 1;
            } else {
                qCInfo(lcApp) << "screenshot saved to" << QDir::toNativeSeparators(o.screenshot);
            }
        }
        if (!o.exportImage.isEmpty()) {
            QString error;
            if (!window.exportTimeline(o.exportImage, &error)) {
                fail(error);
                exitCode = 1;
            }
        }
    };
    bool pausedForPictures = false;
    QObject::connect(&window, &MainWindow::runFinished, &app, [&] {
        if (!o.autorun && o.replay.isEmpty())
            return;
        if (pausedForPictures)
            return;
        if (o.select > 0)
            window.selectRequest(o.select - 1);
        if (o.codeAtNs >= 0)
            window.showCodeAt(o.codeAtNs);
        // One more turn of the event loop so the last repaint has happened before the grab.
        QTimer::singleShot(150, &app, [&] {
            savePictures();
            if (o.quitWhenDone)
                QApplication::exit(exitCode);
        });
    });
    if (!o.race.isEmpty()) {
        // The race window alone is what --screenshot saves here.
        RaceWindow *race = window.raceWindow();
        if (!race->selectPreset(o.race)) {
            fail(QCoreApplication::translate("BurgerBench::Application", "unknown race preset \"%1\"")
                     .arg(o.race));
            return 2;
        }
        race->resize(o.size.isValid() && !o.size.isEmpty() ? o.size : QSize(1600, 1000));
        race->show();
        QObject::connect(race, &RaceWindow::raceFinished, &app, [&, race] {
            QTimer::singleShot(150, &app, [&, race] {
                if (!o.screenshot.isEmpty() && !race->grab().toImage().save(o.screenshot)) {
                    fail(QCoreApplication::translate("BurgerBench::Application", "cannot write %1")
                             .arg(o.screenshot));
                    exitCode = 1;
                }
                if (o.quitWhenDone)
                    QApplication::exit(exitCode);
            });
        });
        QTimer::singleShot(0, race, [&, race] {
            QString error;
            if (!race->startRace(&error)) {
                fail(error);
                exitCode = 1;
                if (o.quitWhenDone)
                    QApplication::exit(exitCode);
            }
        });
        if (o.quitWhenDone) {
            QTimer::singleShot(o.timeoutS * 1000, &app, [&, race] {
                fail(QCoreApplication::translate("BurgerBench::Application", "gave up after %1 s")
                         .arg(o.timeoutS));
                race->stopRace();
                QApplication::exit(3);
            });
        }
    } else if (!o.replay.isEmpty()) {
        if (o.pauseAtNs >= 0) {
            // Paused at the moment asked for, the pictures are taken there (not at the end).
            QObject::connect(window.runController(), &RunController::traceUpdated, &app, [&] {
                RunController *run = window.runController();
                if (pausedForPictures || !run->isReplaying() || run->nowNs() < o.pauseAtNs)
                    return;
                pausedForPictures = true;
                window.pauseReplay();
                run->seekReplay(o.pauseAtNs);
                if (o.select > 0)
                    window.selectRequest(o.select - 1);
                QTimer::singleShot(300, &app, [&] {
                    savePictures();
                    if (o.quitWhenDone)
                        QApplication::exit(exitCode);
                });
            });
        }
        QTimer::singleShot(0, &window, [&] {
            QString error;
            if (!window.replayRunFile(o.replay, o.speed, &error)) {
                fail(error);
                exitCode = 2;
                QApplication::exit(exitCode);
            }
        });
        if (o.quitWhenDone) {
            QTimer::singleShot(o.timeoutS * 1000, &app, [&] {
                fail(QCoreApplication::translate("BurgerBench::Application", "gave up after %1 s")
                         .arg(o.timeoutS));
                window.stopRun();
                QApplication::exit(3);
            });
        }
    } else if (o.autorun) {
        QTimer::singleShot(0, &window, [&] {
            QString error;
            if (!window.startRun(&error)) {
                fail(error);
                exitCode = 1;
                if (o.quitWhenDone)
                    QApplication::exit(exitCode);
            }
        });
        if (o.quitWhenDone) {
            QTimer::singleShot(o.timeoutS * 1000, &app, [&] {
                fail(QCoreApplication::translate("BurgerBench::Application", "gave up after %1 s")
                         .arg(o.timeoutS));
                window.stopRun();
                QApplication::exit(3);
            });
        }
    } else if (!o.screenshot.isEmpty() || !o.exportImage.isEmpty() || o.quitWhenDone || savesReports) {
        const auto saveAndQuit = [&] {
            savePictures();
            if (o.quitWhenDone)
                QApplication::exit(exitCode);
        };
        QTimer::singleShot(300, &app, [&, saveAndQuit] {
            // A comparison still being computed is waited for, then given a repaint.
            if (window.comparePanel()->isComputing())
                QObject::connect(window.comparePanel(), &ComparePanel::updated, &app,
                    [&, saveAndQuit] { QTimer::singleShot(150, &app, saveAndQuit); });
            else
                saveAndQuit();
        });
    }
    const int code = QApplication::exec();
    return code != 0 ? code : exitCode;
}

} // namespace BurgerBench
