// Numbers in the UI's language (issue 16): a real run in Spanish shows decimal commas wherever
// the window writes a number (live statistics, a selected range, the details pane and the
// request tooltip, the story, the code panel's moment, the time axis), and in English points;
// never the other language's separator between two digits.
#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/scenarioeditor.h"
#include "gui/settings.h"
#include "gui/storypanel.h"
#include "gui/timelineview.h"
#include "gui/translations.h"
#include "render/timeformat.h"
#include "render/timelinepainter.h"
#include "trace/runtrace.h"

#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace BurgerBench;

class tst_UiLocale : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void languageSetsTheDefaultLocale_data();
    void languageSetsTheDefaultLocale();
    void runShowsTheLanguagesDecimals_data();
    void runShowsTheLanguagesDecimals();
};

namespace {

constexpr qint64 ms = 1'000'000;

QString labelText(const QWidget &window, const char *name)
{
    const auto *label = window.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
}

QString buttonText(const QWidget &window, const char *name)
{
    const auto *button = window.findChild<QToolButton *>(QLatin1String(name));
    return button ? button->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
}

} // namespace

void tst_UiLocale::initTestCase()
{
    Settings::setVolatile(true); // never touch the user's settings
}

void tst_UiLocale::languageSetsTheDefaultLocale_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("point");
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral(".");
    QTest::newRow("Spanish") << QStringLiteral("es") << QStringLiteral(",");
}

// What every QLocale() in the window reads.
void tst_UiLocale::languageSetsTheDefaultLocale()
{
    QFETCH(QString, language);
    QFETCH(QString, point);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    QCOMPARE(QLocale().decimalPoint(), point);
    QCOMPARE(QLocale().name().section(QLatin1Char('_'), 0, 0), language);
}

void tst_UiLocale::runShowsTheLanguagesDecimals_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("point");
    QTest::addColumn<QString>("foreign"); // the other language's separator
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral(".") << QStringLiteral(",");
    QTest::newRow("Spanish") << QStringLiteral("es") << QStringLiteral(",") << QStringLiteral(".");
}

void tst_UiLocale::runShowsTheLanguagesDecimals()
{
    QFETCH(QString, language);
    QFETCH(QString, point);
    QFETCH(QString, foreign);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    MainWindow window(&translations);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Times that need decimals at three significant digits: a 25 ms first token, 5 ms between
    // tokens, ten orders 120 ms apart, so the run lasts over a second.
    Scenario s;
    s.name = QStringLiteral("locale");
    s.mode = ExecutionMode::Concurrent;
    s.concurrency = 2;
    s.rate = 8;
    s.burstiness = 0;
    s.requests = 10;
    s.maxTokens = 10;
    s.simulator.ttftMs = 25;
    s.simulator.tokenIntervalMs = 5;
    s.simulator.outputTokens = 10;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(finished.wait(60000));
    const RunTrace &trace = window.runController()->trace();
    QCOMPARE(int(trace.requests.size()), 10);

    // Each text the window shows, by where it is shown. A single duration can come out whole
    // ("73 ms") by chance, so texts holding one measured number are joined with their
    // neighbours; the range and the code panel's moment are set here and always have decimals.
    QList<std::pair<QString, QString>> shown;
    shown << std::pair { QStringLiteral("live statistics"),
        QStringList { labelText(window, "etaLabel"), buttonText(window, "ttftP50Button"),
            buttonText(window, "itlP50Button"), buttonText(window, "e2elP99Button") }
            .join(QStringLiteral(" | ")) };
    // A selected time range, from 12.3 ms to most of the run.
    emit window.timeline()->rangeSelected(12'345'678, trace.endNs * 3 / 4);
    const QString range = labelText(window, "rangeLabel");
    QVERIFY2(range.contains(formatDuration(12'345'678, QLocale())), qPrintable(range));
    shown << std::pair { QStringLiteral("range"), range };
    // The details pane of the third request: its summary and its phases' start and length.
    window.selectRequest(2);
    const auto *phases = window.findChild<QTableWidget *>(QStringLiteral("phasesTable"));
    QVERIFY(phases);
    QVERIFY(phases->rowCount() > 0);
    QStringList details { labelText(window, "titleLabel") };
    for (int row = 0; row < phases->rowCount(); ++row)
        details << phases->item(row, 1)->text() << phases->item(row, 2)->text();
    shown << std::pair { QStringLiteral("details"), details.join(QStringLiteral(" | ")) };
    shown << std::pair { QStringLiteral("tooltip"), TimelineView::requestToolTip(trace, 2) };
    shown << std::pair { QStringLiteral("story"), window.storyPanel()->captions().join(QLatin1Char('\n')) };
    window.showCodeAt(52 * ms + 345'678);
    const QString moment = labelText(window, "codeMomentLabel");
    QVERIFY2(moment.contains(formatDuration(52 * ms + 345'678, QLocale())), qPrintable(moment));
    shown << std::pair { QStringLiteral("code"), moment };
    // The axis is painted: its labels are the view's locale through formatAxisTime.
    const QLocale axisLocale = window.timeline()->renderOptions().locale;
    shown << std::pair { QStringLiteral("axis"), formatAxisTime(250 * ms, 250 * ms, axisLocale) };

    const QRegularExpression ours(
        QStringLiteral("\\d") + QRegularExpression::escape(point) + QStringLiteral("\\d"));
    const QRegularExpression theirs(
        QStringLiteral("\\d") + QRegularExpression::escape(foreign) + QStringLiteral("\\d"));
    QStringList wrong; // every text that fails, to see them all at once
    for (const auto &[where, text] : std::as_const(shown)) {
        if (!text.contains(ours) || text.contains(theirs))
            wrong << where + QStringLiteral(": ") + text;
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

QTEST_MAIN(tst_UiLocale)
#include "tst_uilocale.moc"
