// File → Save run… and Export report…, the app's --save-run and --export, and the banners above
// the timeline (a target nobody answers at, the first launch).
#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/scenarioeditor.h"
#include "gui/settings.h"
#include "gui/targetbanner.h"
#include "gui/translations.h"
#include "metrics/summary.h"
#include "report/jsonreport.h"
#include "trace/runtrace.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFontMetrics>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;

namespace {

// A secret planted in the environment under a credential-looking name, and written into the
// scenario's free text: no report may carry it.
const char *const plantedKey = "sk-saverun-planted-0123456789";

Scenario quickScenario(const QString &name, int requests)
{
    Scenario s;
    s.name = name;
    s.concurrency = 4;
    s.requests = requests;
    s.maxTokens = 4;
    s.prompt = QStringLiteral("Say hello. %1").arg(QLatin1String(plantedKey));
    s.simulator.ttftMs = 20;
    s.simulator.tokenIntervalMs = 5;
    s.simulator.outputTokens = 4;
    return s;
}

bool runToTheEnd(MainWindow &window)
{
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    if (!window.startRun(&error)) {
        qWarning() << error;
        return false;
    }
    return finished.wait(60000);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A port on this host that refuses connections: one the system just gave us and we closed.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// The app's own environment: offscreen, and under ASan (scripts/sanitize.sh) without the leak
// check at its exit, as tests/install/check_install.sh runs it: these tests are about the files
// it writes; this suite's own process keeps the leak check.
QProcessEnvironment appEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"),
        asan.isEmpty() ? QStringLiteral("detect_leaks=0") : asan + QStringLiteral(":detect_leaks=0"));
    return env;
}

// The label's text, wrapped as the label wraps it, fits the label's rectangle.
bool textFits(const QLabel *label, QByteArray *why)
{
    const QRect rect = label->contentsRect();
    const QRect needed = QFontMetrics(label->font()).boundingRect(rect, Qt::TextWordWrap, label->text());
    *why = QStringLiteral("text needs %1x%2, label has %3x%4")
               .arg(needed.width())
               .arg(needed.height())
               .arg(rect.width())
               .arg(rect.height())
               .toUtf8();
    return needed.width() <= rect.width() && needed.height() <= rect.height();
}

} // namespace

class tst_SaveRun : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void actionsFollowTheRun();
    void saveRunActionWritesWhatOpenReads();
    void exportReportActionWritesEachFormat_data();
    void exportReportActionWritesEachFormat();
    void unknownExtensionIsNamed();
    void commandLineWritesBoth();
    void commandLineRejectsBadUse_data();
    void commandLineRejectsBadUse();
    void bannerWhenNothingAnswers_data();
    void bannerWhenNothingAnswers();
    void bannerAppearsWhileTheRunGoesOn();
    void noBannerForSimulatorRun();
    void firstLaunchSaysPressRun();
    void bannerWhenTheCashierCooks_data();
    void bannerWhenTheCashierCooks();
    void bannerOffersTheSocketTransport();

private:
    QTemporaryDir m_dir;
};

void tst_SaveRun::initTestCase()
{
    Settings::setVolatile(true); // never touch the user's settings
    QVERIFY(m_dir.isValid());
    qputenv("SAVERUN_TEST_API_KEY", plantedKey);
}

void tst_SaveRun::actionsFollowTheRun()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    auto *save = window.findChild<QAction *>(QStringLiteral("actionSaveRun"));
    auto *exportReport = window.findChild<QAction *>(QStringLiteral("actionExportReport"));
    QVERIFY(save);
    QVERIFY(exportReport);
    QCOMPARE(save->text(), QStringLiteral("Sa&ve run…"));
    QCOMPARE(exportReport->text(), QStringLiteral("Export re&port…"));
    // In the File menu, beside the timeline's export.
    auto *fileMenu = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
    QVERIFY(fileMenu);
    QVERIFY(fileMenu->actions().contains(save));
    QVERIFY(fileMenu->actions().contains(exportReport));
    QVERIFY(!save->isEnabled());
    QVERIFY(!exportReport->isEnabled());
    QString error;
    QVERIFY(!window.saveRunFile(m_dir.filePath(QStringLiteral("none.json")), &error));
    QVERIFY2(error.contains(QStringLiteral("press Run")), qPrintable(error));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.json"))));

    window.scenarioEditor()->setScenario(quickScenario(QStringLiteral("actions"), 8));
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QVERIFY(window.startRun(&error));
    QVERIFY(window.isRunning());
    QVERIFY(!save->isEnabled()); // the run on screen is not finished
    QVERIFY(!exportReport->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY(save->isEnabled());
    QVERIFY(exportReport->isEnabled());

    // A second run disables them again until it is over.
    QVERIFY(window.startRun(&error));
    QVERIFY(!save->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY(save->isEnabled());
}

void tst_SaveRun::saveRunActionWritesWhatOpenReads()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    Scenario s = quickScenario(QStringLiteral("saved through the menu"), 12);
    window.scenarioEditor()->setScenario(s);
    QVERIFY(runToTheEnd(window));
    const int requests = int(window.runController()->trace().requests.size());
    QCOMPARE(requests, 12);

    // The action's own code path, with the dialog answered by the test.
    const QString path = m_dir.filePath(QStringLiteral("menu-run")); // no extension: .json is added
    int asked = 0;
    window.setSaveDialog([&](const QString &, const QString &, const QString &filters, QString *) {
        ++asked;
        return filters.contains(QStringLiteral("*.json")) ? path : QString();
    });
    window.findChild<QAction *>(QStringLiteral("actionSaveRun"))->trigger();
    QCOMPARE(asked, 1);
    const QString written = path + QStringLiteral(".json");
    QVERIFY(QFile::exists(written));
    const QByteArray bytes = readAll(written);
    QVERIFY(!bytes.contains(plantedKey));
    QVERIFY(bytes.contains("Say hello. [REDACTED]")); // the prompt was written, the key taken out
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QLatin1String("schema")).toString(), JsonReport::schemaId());

    // Open saved run loads it back: the same requests, in a window of its own.
    MainWindow other(&translations);
    QString error;
    QVERIFY2(other.openRunFile(written, &error), qPrintable(error));
    QCOMPARE(int(other.runController()->trace().requests.size()), requests);
    QCOMPARE(other.runController()->trace().scenario.name, s.name);
    int succeeded = 0;
    for (const RequestRecord &r : other.runController()->trace().requests)
        succeeded += r.outcome == Outcome::Success ? 1 : 0;
    QCOMPARE(succeeded, 12);
    // An opened run can be saved again (the button is on for the run on screen).
    QVERIFY(other.findChild<QAction *>(QStringLiteral("actionSaveRun"))->isEnabled());
    const QString again = m_dir.filePath(QStringLiteral("again.json"));
    QVERIFY2(other.saveRunFile(again, &error), qPrintable(error));
    RunTrace back;
    QVERIFY2(JsonReport::read(again, &back, &error), qPrintable(error));
    QCOMPARE(int(back.requests.size()), requests);
}

void tst_SaveRun::exportReportActionWritesEachFormat_data()
{
    QTest::addColumn<QString>("filterStart");
    QTest::addColumn<QString>("written"); // the file name the export ends up with
    QTest::addColumn<QByteArray>("starts");
    QTest::addColumn<QByteArray>("holds");
    QTest::newRow("HTML") << QStringLiteral("HTML report") << QStringLiteral("r.html")
                          << QByteArray("<!DOCTYPE html>") << QByteArray("export check");
    QTest::newRow("JSON") << QStringLiteral("JSON run report") << QStringLiteral("r.json") << QByteArray("{")
                          << QByteArray("\"schema\": \"burgerbench.run/1\"");
    QTest::newRow("CSV") << QStringLiteral("CSV") << QStringLiteral("r.csv") << QByteArray("index,id,")
                         << QByteArray("\r\n");
    QTest::newRow("Perfetto trace") << QStringLiteral("Perfetto") << QStringLiteral("r.trace.json")
                                    << QByteArray("{") << QByteArray("\"traceEvents\"");
}

void tst_SaveRun::exportReportActionWritesEachFormat()
{
    QFETCH(QString, filterStart);
    QFETCH(QString, written);
    QFETCH(QByteArray, starts);
    QFETCH(QByteArray, holds);
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.scenarioEditor()->setScenario(quickScenario(QStringLiteral("export check"), 6));
    QVERIFY(runToTheEnd(window));

    QTemporaryDir dir;
    // The user picks a filter and types "r": the filter decides the format and the extension.
    window.setSaveDialog([&](const QString &, const QString &, const QString &filters, QString *selected) {
        for (const QString &f : filters.split(QStringLiteral(";;"))) {
            if (f.startsWith(filterStart))
                *selected = f;
        }
        return dir.filePath(QStringLiteral("r"));
    });
    window.findChild<QAction *>(QStringLiteral("actionExportReport"))->trigger();
    const QStringList files = QDir(dir.path()).entryList(QDir::Files);
    QCOMPARE(files, QStringList { written });
    const QByteArray bytes = readAll(dir.filePath(written));
    QVERIFY2(bytes.startsWith(starts), bytes.left(80).constData());
    QVERIFY2(bytes.contains(holds), holds.constData());
    QVERIFY(!bytes.contains(plantedKey)); // the core writers scrub it
    if (written.endsWith(QLatin1String(".trace.json"))) {
        // Perfetto's importer: one async slice per request.
        int begins = 0;
        const QJsonArray events
            = QJsonDocument::fromJson(bytes).object().value(QLatin1String("traceEvents")).toArray();
        for (const auto &ref : events) {
            const QJsonObject e = ref.toObject();
            begins += e.value(QLatin1String("cat")) == QLatin1String("req")
                    && e.value(QLatin1String("ph")) == QLatin1String("b")
                    && e.value(QLatin1String("name")) == QLatin1String("request")
                ? 1
                : 0;
        }
        QCOMPARE(begins, 6);
    }
    if (written.endsWith(QLatin1String(".csv")))
        QCOMPARE(bytes.count("\r\n"), 7); // a header and six requests
}

void tst_SaveRun::unknownExtensionIsNamed()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.scenarioEditor()->setScenario(quickScenario(QStringLiteral("ext"), 2));
    QVERIFY(runToTheEnd(window));
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("report.xyz"));
    QVERIFY(!window.exportReport(path, &error));
    QVERIFY2(error.contains(QStringLiteral("\".xyz\"")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral(".trace.json")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    // Each known one is recognised, ".trace.json" before ".json".
    MainWindow::ReportFormat format = MainWindow::ReportFormat::Json;
    QVERIFY(MainWindow::reportFormatFromPath(QStringLiteral("a/b.TRACE.json"), &format));
    QCOMPARE(format, MainWindow::ReportFormat::Trace);
    QVERIFY(MainWindow::reportFormatFromPath(QStringLiteral("b.htm"), &format));
    QCOMPARE(format, MainWindow::ReportFormat::Html);
    QVERIFY(MainWindow::reportFormatFromPath(QStringLiteral("b.json"), &format));
    QCOMPARE(format, MainWindow::ReportFormat::Json);
    QVERIFY(!MainWindow::reportFormatFromPath(QStringLiteral(".json"), &format));
    QVERIFY(!MainWindow::reportFormatFromPath(QStringLiteral("json"), &format));
}

void tst_SaveRun::commandLineWritesBoth()
{
    const QString app = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench");
    QVERIFY2(QFile::exists(app), qPrintable(app));
    QTemporaryDir dir;
    Scenario s = quickScenario(QStringLiteral("Command-line save"), 5);
    const QString scenario = dir.filePath(QStringLiteral("s.json"));
    {
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(s.toJson()).toJson());
    }
    const QString json = dir.filePath(QStringLiteral("out.json"));
    const QString html = dir.filePath(QStringLiteral("out.html"));
    const QString csv = dir.filePath(QStringLiteral("out.csv"));
    QProcess process;
    QProcessEnvironment env = appEnvironment();
    env.insert(QStringLiteral("SAVERUN_TEST_API_KEY"), QLatin1String(plantedKey));
    process.setProcessEnvironment(env);
    process.start(app,
        { QStringLiteral("--scenario"), scenario, QStringLiteral("--autorun"), QStringLiteral("--save-run"),
            json, QStringLiteral("--export"), html, QStringLiteral("--export"), csv,
            QStringLiteral("--language"), QStringLiteral("en"), QStringLiteral("--quit-when-done") });
    QVERIFY(process.waitForFinished(120000));
    const QByteArray stderrText = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, stderrText.constData());

    RunTrace trace;
    QString error;
    QVERIFY2(JsonReport::read(json, &trace, &error), qPrintable(error));
    QCOMPARE(int(trace.requests.size()), 5);
    QCOMPARE(trace.scenario.name, s.name);
    const QByteArray page = readAll(html);
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    QVERIFY2(page.contains("Command-line save"), page.left(400).constData());
    QCOMPARE(readAll(csv).count("\r\n"), 6);
    for (const QString &path : { json, html, csv })
        QVERIFY2(!readAll(path).contains(plantedKey), qPrintable(path));
}

void tst_SaveRun::commandLineRejectsBadUse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown extension") << QStringList { QStringLiteral("--autorun"),
        QStringLiteral("--export"), QStringLiteral("out.xyz"), QStringLiteral("--quit-when-done") }
                                       << QStringLiteral("unknown report format \".xyz\"");
    QTest::newRow("no extension") << QStringList { QStringLiteral("--autorun"), QStringLiteral("--export"),
        QStringLiteral("out"), QStringLiteral("--quit-when-done") }
                                  << QStringLiteral("--export out: unknown report format");
    QTest::newRow("nothing to save") << QStringList { QStringLiteral("--save-run"),
        QStringLiteral("out.json"), QStringLiteral("--quit-when-done") }
                                     << QStringLiteral("need a run");
    QTest::newRow("a moment that is not one") << QStringList { QStringLiteral("--autorun"),
        QStringLiteral("--code-at"), QStringLiteral("soon"), QStringLiteral("--quit-when-done") }
                                              << QStringLiteral("--code-at: a moment in milliseconds");
}

void tst_SaveRun::commandLineRejectsBadUse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.setProcessEnvironment(appEnvironment());
    arguments << QStringLiteral("--language") << QStringLiteral("en");
    process.start(qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench"), arguments);
    QVERIFY(process.waitForFinished(60000));
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(stderrText.contains(message), qPrintable(stderrText));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // nothing run, nothing written
}

void tst_SaveRun::bannerWhenNothingAnswers_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("host"); // empty = 127.0.0.1 on a closed port
    QTest::addColumn<QString>("words");
    QTest::newRow("refused, English")
        << QStringLiteral("en") << QString() << QStringLiteral("Nothing answers at");
    QTest::newRow("refused, Spanish")
        << QStringLiteral("es") << QString() << QStringLiteral("Nadie responde en");
    // RFC 2606: .invalid never resolves.
    QTest::newRow("host not found") << QStringLiteral("en") << QStringLiteral("no-such-host.invalid")
                                    << QStringLiteral("is the server running?");
}

void tst_SaveRun::bannerWhenNothingAnswers()
{
    QFETCH(QString, language);
    QFETCH(QString, host);
    QFETCH(QString, words);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    MainWindow window(&translations);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    Scenario s = quickScenario(QStringLiteral("nobody home"), 4);
    const quint16 port = host.isEmpty() ? closedPort() : 8000;
    QVERIFY(port != 0);
    const QString url = QStringLiteral("http://%1:%2/v1")
                            .arg(host.isEmpty() ? QStringLiteral("127.0.0.1") : host)
                            .arg(port);
    s.url = QUrl(url);
    s.model = QStringLiteral("m");
    s.timeoutS = 30;
    window.scenarioEditor()->setScenario(s);
    TargetBanner *banner = window.targetBanner();
    QVERIFY(runToTheEnd(window));
    int unreachable = 0;
    for (const RequestRecord &r : window.runController()->trace().requests)
        unreachable += r.error == ErrorKind::ConnectionRefused || r.error == ErrorKind::HostNotFound ? 1 : 0;
    QCOMPARE(unreachable, 4);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), TargetBanner::Kind::Unreachable);
    QCoreApplication::processEvents(); // the layout makes room for it
    auto *label = banner->findChild<QLabel *>(QStringLiteral("targetBannerLabel"));
    QVERIFY(label && label->isVisible());
    QVERIFY2(label->text().contains(url), qPrintable(label->text()));
    QVERIFY2(label->text().contains(words), qPrintable(label->text()));
    QByteArray why;
    QVERIFY2(textFits(label, &why), why.constData());
    auto *button = banner->findChild<QPushButton *>(QStringLiteral("useSimulatorButton"));
    QVERIFY(button && button->isVisible());
    QVERIFY(banner->rect().contains(button->geometry()));
    const QFontMetrics buttonMetrics(button->font());
    QVERIFY2(buttonMetrics.horizontalAdvance(button->text()) < button->width(), qPrintable(button->text()));
    // It is drawn above the timeline, in its own colour, across the central area.
    QVERIFY(banner->geometry().bottom()
        <= window.centralWidget()->findChild<QWidget *>(QStringLiteral("timeline"))->geometry().top());
    const QImage picture = window.grab().toImage();
    const QPoint corner = banner->mapTo(&window, QPoint(banner->width() - 3, banner->height() - 3));
    QCOMPARE(picture.pixelColor(corner).name(), QStringLiteral("#fff4d6"));

    // The button switches the scenario to the built-in simulator, and the banner goes.
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(window.scenarioEditor()->scenario().usesSimulator());
    QVERIFY(!banner->isVisible());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionRun"))->isEnabled());
    // And the run that follows is served.
    QVERIFY(runToTheEnd(window));
    for (const RequestRecord &r : window.runController()->trace().requests)
        QCOMPARE(r.outcome, Outcome::Success);
    QVERIFY(!banner->isVisible());
}

void tst_SaveRun::bannerAppearsWhileTheRunGoesOn()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // 40 arrivals at 10 a second: 4 s of refused connections, the first at once.
    Scenario s = quickScenario(QStringLiteral("nobody home, slowly"), 40);
    s.url = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort()));
    s.rate = 10;
    s.burstiness = 0;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QVERIFY(window.startRun());
    QTRY_VERIFY_WITH_TIMEOUT(window.targetBanner()->isVisible(), 3000);
    QVERIFY(window.isRunning()); // said during the run, not only at its end
    QCOMPARE(window.targetBanner()->kind(), TargetBanner::Kind::Unreachable);
    window.stopRun();
    QVERIFY(finished.wait(30000));
    QVERIFY(window.targetBanner()->isVisible());
}

void tst_SaveRun::noBannerForSimulatorRun()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.scenarioEditor()->setScenario(quickScenario(QStringLiteral("served"), 4));
    QVERIFY(runToTheEnd(window));
    QCOMPARE(window.targetBanner()->kind(), TargetBanner::Kind::None);
    QVERIFY(!window.targetBanner()->isVisible());
}

void tst_SaveRun::firstLaunchSaysPressRun()
{
    // Real settings this time, in a file of our own: empty = a first launch.
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    Settings::useFile(ini);
    Settings::setVolatile(false);
    const auto restore = qScopeGuard([] {
        Settings::setVolatile(true);
        Settings::useFile(QString());
    });
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    {
        MainWindow window(&translations);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TargetBanner *banner = window.targetBanner();
        QCOMPARE(banner->kind(), TargetBanner::Kind::FirstLaunch);
        QVERIFY(banner->isVisible());
        auto *label = banner->findChild<QLabel *>(QStringLiteral("targetBannerLabel"));
        QVERIFY2(label->text().contains(QStringLiteral("Press Run")), qPrintable(label->text()));
        QByteArray why;
        QVERIFY2(textFits(label, &why), why.constData());
        QVERIFY(!banner->findChild<QPushButton *>(QStringLiteral("useSimulatorButton"))->isVisible());
        window.scenarioEditor()->setScenario(quickScenario(QStringLiteral("first"), 2));
        QVERIFY(window.startRun());
        QVERIFY(!banner->isVisible()); // done as told
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(finished.wait(60000));
        window.close(); // saves the layout, as quitting does
    }
    {
        // The second launch knows its way.
        MainWindow window(&translations);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.targetBanner()->kind(), TargetBanner::Kind::None);
        QVERIFY(!window.targetBanner()->isVisible());
    }
}

void tst_SaveRun::bannerWhenTheCashierCooks_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("words");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("the cashier was cooking");
    QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("el cajero cocinaba");
}

void tst_SaveRun::bannerWhenTheCashierCooks()
{
    // The anti-pattern cooks on the event loop: 4 x 300 ms of CPU keep the engine thread busy
    // past 70% of a second, whatever the machine, so the client limited this run, and says so.
    QFETCH(QString, language);
    QFETCH(QString, words);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    MainWindow window(&translations);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Scenario s = quickScenario(QStringLiteral("the cashier cooks"), 4);
    s.mode = ExecutionMode::AntiPattern;
    s.cpuTaskMs = 300;
    window.scenarioEditor()->setScenario(s);
    QVERIFY(runToTheEnd(window));
    const Summary summary = computeSummary(window.runController()->trace(), { 50 }, Slo());
    QVERIFY(summary.clientLimit.limited);
    TargetBanner *banner = window.targetBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), TargetBanner::Kind::ClientLimited);
    QCoreApplication::processEvents();
    auto *label = banner->findChild<QLabel *>(QStringLiteral("targetBannerLabel"));
    QVERIFY2(label->text().contains(words), qPrintable(label->text()));
    // The figures it gives are the summary's, in the language's own numbers.
    QVERIFY2(label->text().contains(QLocale().toString(summary.client.busyMax * 100, 'f', 0) + u'%'),
        qPrintable(label->text()));
    QByteArray why;
    QVERIFY2(textFits(label, &why), why.constData());
    // The socket transport would not help: the run's own work kept the loop busy.
    QVERIFY(!banner->findChild<QPushButton *>(QStringLiteral("useSocketTransportButton"))->isVisible());
    QVERIFY(!banner->findChild<QPushButton *>(QStringLiteral("useSimulatorButton"))->isVisible());
    const QImage picture = window.grab().toImage();
    const QPoint corner = banner->mapTo(&window, QPoint(banner->width() - 3, banner->height() - 3));
    QCOMPARE(picture.pixelColor(corner).name(), QStringLiteral("#fff4d6"));
}

void tst_SaveRun::bannerOffersTheSocketTransport()
{
    // A saved QNAM run whose engine thread was busy 900 ms of its one second: opened, it says the
    // client limited it and offers the lighter transport; the button switches the scenario.
    QTemporaryDir dir;
    RunTrace trace;
    trace.scenario = quickScenario(QStringLiteral("busy client"), 1);
    trace.measuredStartNs = 0;
    trace.endNs = 1'000'000'000;
    trace.loopBusy.push_back(Span { 0, 900'000'000 });
    trace.loopLag.push_back(LagSample { 500'000'000, 300'000 });
    RequestRecord r;
    r.intendedNs = 0;
    r.dispatchNs = 0;
    r.firstByteNs = 20'000'000;
    r.endNs = 1'000'000'000;
    r.outcome = Outcome::Success;
    r.tokenNs = { 20'000'000, 1'000'000'000 };
    r.outputTokens = 2;
    trace.requests.push_back(r);
    const Summary summary = computeSummary(trace, { 50 }, Slo());
    QVERIFY(summary.clientLimit.limited);
    QCOMPARE(summary.clientLimit.hint, ClientVerdict::Hint::SocketTransport);
    const QString path = dir.filePath(QStringLiteral("busy.json"));
    QString error;
    QVERIFY2(JsonReport::write(path, trace, summary, &error), qPrintable(error));

    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow window(&translations);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QVERIFY2(window.openRunFile(path, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 60000); // the summary is computed on the global pool
    TargetBanner *banner = window.targetBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), TargetBanner::Kind::ClientLimited);
    auto *label = banner->findChild<QLabel *>(QStringLiteral("targetBannerLabel"));
    QVERIFY2(
        label->text().contains(QStringLiteral("busy 90% of its busiest second")), qPrintable(label->text()));
    QVERIFY2(label->text().contains(QStringLiteral("socket transport")), qPrintable(label->text()));
    auto *button = banner->findChild<QPushButton *>(QStringLiteral("useSocketTransportButton"));
    QVERIFY(button && button->isVisible());
    QCOMPARE(window.scenarioEditor()->scenario().transport, Transport::Qnam);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(window.scenarioEditor()->scenario().transport, Transport::Socket);
    QVERIFY(!banner->isVisible());
}

QTEST_MAIN(tst_SaveRun)
#include "tst_saverun.moc"
