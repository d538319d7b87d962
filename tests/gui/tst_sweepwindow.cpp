#include "gui/mainwindow.h"
#include "gui/runcontroller.h"
#include "gui/settings.h"
#include "gui/sweepcontroller.h"
#include "gui/sweepcurve.h"
#include "gui/sweepdialog.h"
#include "gui/sweepwindow.h"
#include "gui/timelineview.h"
#include "gui/translations.h"
#include "sweep/sweepreport.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

using namespace BurgerBench;

namespace {

// A small kitchen: 2 cooks, an order takes T = 40 ms + 5 × 10 ms = 0.09 s, so the ceiling is
// S/T = 22.2 orders a second. Steps of 0.8 s keep a sweep of three steps near 3 s.
Scenario smallKitchen()
{
    Scenario s;
    s.name = QStringLiteral("small kitchen");
    s.mode = ExecutionMode::Concurrent;
    s.stream = true;
    s.maxTokens = 6;
    s.simulator.capacity = 2;
    s.simulator.ttftMs = 40;
    s.simulator.tokenIntervalMs = 10;
    s.simulator.outputTokens = 6;
    s.durationS = 0.8;
    s.requests = 0;
    return s;
}

SweepSpec concurrencySweep(const QList<double> &values, double stepS = 0.8)
{
    SweepSpec spec;
    spec.base = smallKitchen();
    spec.base.durationS = stepS;
    spec.profile = SweepProfile::Concurrency;
    spec.over = SweepOver::Concurrency;
    spec.values = values;
    return spec;
}

bool near(const QColor &a, const QColor &b, int tolerance = 10)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

// Blobs of `colour` inside `rect` of `image` (4-connected, at least `minArea` pixels): the
// markers drawn in that colour.
QList<QRect> blobs(const QImage &image, const QRect &rect, const QColor &colour, int minArea = 12)
{
    QList<QRect> found;
    QVector<bool> seen(image.width() * image.height(), false);
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (seen[y * image.width() + x] || !near(QColor(image.pixel(x, y)), colour))
                continue;
            QList<QPoint> stack { { x, y } };
            seen[y * image.width() + x] = true;
            QRect box(x, y, 1, 1);
            int area = 0;
            while (!stack.isEmpty()) {
                const QPoint p = stack.takeLast();
                ++area;
                box = box.united(QRect(p, QSize(1, 1)));
                for (const QPoint d : { QPoint(1, 0), QPoint(-1, 0), QPoint(0, 1), QPoint(0, -1) }) {
                    const QPoint q = p + d;
                    if (!rect.contains(q) || seen[q.y() * image.width() + q.x()])
                        continue;
                    if (!near(QColor(image.pixel(q)), colour))
                        continue;
                    seen[q.y() * image.width() + q.x()] = true;
                    stack.append(q);
                }
            }
            if (area >= minArea)
                found.append(box);
        }
    }
    return found;
}

// Whether `colour` is drawn on the circle of `radius` around `centre` (in at least `min` of 16
// directions).
int ringHits(const QImage &image, const QPointF &centre, double radius, const QColor &colour)
{
    int hits = 0;
    for (int i = 0; i < 16; ++i) {
        const double a = i * M_PI / 8;
        bool hit = false;
        for (double r = radius - 1.5; r <= radius + 1.5 && !hit; r += 0.5) {
            const QPoint p(int(std::lround(centre.x() + r * std::cos(a))),
                int(std::lround(centre.y() + r * std::sin(a))));
            if (image.rect().contains(p) && near(QColor(image.pixel(p)), colour, 30))
                hit = true;
        }
        hits += hit ? 1 : 0;
    }
    return hits;
}

bool runToEnd(SweepWindow &window, const SweepSpec &spec, int timeoutMs = 60000)
{
    QSignalSpy done(&window, &SweepWindow::sweepFinished);
    QString error;
    if (!window.startSweep(spec, &error)) {
        qWarning() << "sweep did not start:" << error;
        return false;
    }
    return done.wait(timeoutMs);
}

// The label's text, wrapped as the label wraps it, fits the label's rectangle.
bool textFits(const QLabel *label, QByteArray *why)
{
    const QRect rect = label->contentsRect();
    const int flags = label->wordWrap() ? Qt::TextWordWrap : 0;
    QString text = label->text();
    text.remove(QLatin1Char('&'));
    const QRect needed = QFontMetrics(label->font()).boundingRect(rect, flags, text);
    *why = QStringLiteral("\"%1\" needs %2x%3, label has %4x%5")
               .arg(text)
               .arg(needed.width())
               .arg(needed.height())
               .arg(rect.width())
               .arg(rect.height())
               .toUtf8();
    return needed.width() <= rect.width() && needed.height() <= rect.height();
}

} // namespace

class tst_SweepWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void curveGrowsAndPointsSitWhereTheirValuesSay();
    void saturatedStepIsRingedAndTheTheoryTold();
    void clickOnAPointShowsThatStepInTheMainWindow();
    void cancelMidSweepKeepsTheFinishedSteps();
    void dialogNamesTheBadRuleAndValue();
    void spanishDialogAndWindowFit();
};

void tst_SweepWindow::initTestCase()
{
    Settings::setVolatile(true);
}

void tst_SweepWindow::curveGrowsAndPointsSitWhereTheirValuesSay()
{
    SweepWindow window;
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy steps(window.controller(), &SweepController::stepFinished);
    QSignalSpy done(&window, &SweepWindow::sweepFinished);
    QString error;
    QVERIFY2(window.startSweep(concurrencySweep({ 1, 2, 4 }), &error), qPrintable(error));
    // The curve grows as the steps finish: one point after the first step, while the sweep runs.
    QVERIFY(steps.wait(30000));
    QVERIFY(window.isRunning());
    QCOMPARE(window.result().points.size(), 1);
    QVERIFY(window.progressText().contains(QStringLiteral("Step 2 of 3")) || window.result().steps.size() >= 2
        || window.progressText().contains(QStringLiteral("Step 1 of 3")));
    QVERIFY(done.wait(60000));
    const SweepResult &r = window.result();
    QCOMPARE(r.points.size(), 3);
    QVERIFY(window.progressText().contains(QStringLiteral("Done: 3 step")));

    // Throughput: achieved req/s at each concurrency, a filled disc where its value says.
    SweepCurve *tp = window.throughputCurve();
    const QImage image = tp->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const SweepChartAxes &axes = tp->axes();
    for (int i = 0; i < r.points.size(); ++i) {
        const SweepPoint &p = r.points.at(i);
        QCOMPARE(p.value, QList<double>({ 1, 2, 4 }).at(i));
        const QPointF at = axes.toPixel(p.value, p.requestThroughput.mean);
        QVERIFY2(near(QColor(image.pixel(at.toPoint())), tp->seriesColour(0)),
            qPrintable(QStringLiteral("point %1 at (%2, %3)").arg(i).arg(at.x()).arg(at.y())));
    }
    // Exactly the three markers in that colour inside the plot (the lines between are lighter).
    const QList<QRect> marks = blobs(image, axes.plot.toRect(), tp->seriesColour(0));
    QCOMPARE(marks.size(), 3);
    // Achieved grows with concurrency below the kitchen's 2 cooks, then flattens at the ceiling.
    QVERIFY(r.points[1].requestThroughput.mean > 1.5 * r.points[0].requestThroughput.mean);
    QVERIFY(r.points[2].requestThroughput.mean < 22.2 * 1.1);

    // Latency: TTFT p50 and p99 against achieved req/s, each series in its colour.
    SweepCurve *lat = window.latencyCurve();
    const QImage latImage = lat->grab().toImage().convertToFormat(QImage::Format_RGB32);
    for (int i = 0; i < r.points.size(); ++i) {
        const SweepPoint &p = r.points.at(i);
        const QPointF p99 = lat->axes().toPixel(p.requestThroughput.mean, p.ttftP99.mean);
        QVERIFY2(near(QColor(latImage.pixel(p99.toPoint())), lat->seriesColour(1)),
            qPrintable(QString::number(i)));
        const QPointF p50 = lat->axes().toPixel(p.requestThroughput.mean, p.ttftP50.mean);
        if (std::hypot(p50.x() - p99.x(), p50.y() - p99.y()) > 2 * SweepCurve::PointRadius + 1)
            QVERIFY2(near(QColor(latImage.pixel(p50.toPoint())), lat->seriesColour(0)),
                qPrintable(QString::number(i)));
    }
    // Concurrency 4 on 2 cooks: orders wait in line, so TTFT rises well above the 40 ms of an
    // empty kitchen.
    QVERIFY(r.points[2].ttftP50.mean > r.points[0].ttftP50.mean + 20);
}

void tst_SweepWindow::saturatedStepIsRingedAndTheTheoryTold()
{
    SweepWindow window;
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SweepSpec spec;
    spec.base = smallKitchen();
    spec.base.durationS = 1.5;
    spec.base.concurrency = 64;
    spec.base.burstiness = 0; // constant gaps, as the dialog's default
    spec.profile = SweepProfile::Rate;
    spec.over = SweepOver::Rate;
    spec.values = { 5, 40, 60 };
    QVERIFY(runToEnd(window, spec));
    const SweepResult &r = window.result();
    // 40/s on a kitchen of 22.2/s is saturated, and the sweep goes no higher.
    QCOMPARE(r.points.size(), 2);
    QVERIFY(!r.points[0].saturated);
    QVERIFY(r.points[1].saturated);
    QVERIFY(r.stopped.startsWith(QStringLiteral("saturated")));
    QVERIFY(r.points[1].requestThroughput.mean < 22.2 * 1.1);

    SweepCurve *tp = window.throughputCurve();
    const QImage image = tp->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QPointF sat = tp->pointPosition(1);
    const QPointF ok = tp->pointPosition(0);
    QCOMPARE(sat, tp->axes().toPixel(40, r.points[1].requestThroughput.mean));
    QVERIFY2(ringHits(image, sat, SweepCurve::SaturatedRingRadius, SweepCurve::saturatedColour()) >= 10,
        "the saturated point has its red ring");
    QCOMPARE(ringHits(image, ok, SweepCurve::SaturatedRingRadius, SweepCurve::saturatedColour()), 0);
    // The theory's ceiling: a dashed grey line at S/T = 22.2/s across the chart's right part.
    const int ceilingY = int(std::lround(tp->axes().yToPixel(2 / 0.09)));
    int grey = 0;
    for (int x = int(tp->axes().xToPixel(30)); x < int(tp->axes().plot.right()); ++x)
        for (int dy = -1; dy <= 1; ++dy)
            grey += near(QColor(image.pixel(x, ceilingY + dy)), SweepCurve::theoryColour(), 25) ? 1 : 0;
    QVERIFY2(grey > 20, qPrintable(QString::number(grey)));

    // Told in the story's words, with the kitchen's numbers.
    QVERIFY2(window.theoryText().contains(QStringLiteral("past 22.2 a second the line only grows")),
        qPrintable(window.theoryText()));
    QVERIFY(window.theoryText().contains(QStringLiteral("T = 0.09 s")));
    // Little's law on the last step: L measured and λ·W, close in a steady step.
    window.activateStep(0);
    QVERIFY2(window.littleText().startsWith(QStringLiteral("Little's law, step 1 (rate 5/s)")),
        qPrintable(window.littleText()));
    QVERIFY(window.summaryText().contains(QStringLiteral("1 level")));
}

void tst_SweepWindow::clickOnAPointShowsThatStepInTheMainWindow()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    MainWindow main(&translations);
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    auto *action = main.findChild<QAction *>(QStringLiteral("actionSweep"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+W")));
    SweepWindow *window = main.sweepWindow();
    QVERIFY(window->isWindow());
    window->resize(1280, 720);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(runToEnd(*window, concurrencySweep({ 1, 4 })));
    const SweepResult &r = window->result();
    QCOMPARE(r.steps.size(), size_t(2));
    const QJsonArray steps = SweepReport::toJson(r).value(QLatin1String("steps")).toArray();
    const auto reportRequests = [&](int step) {
        return steps.at(step)
            .toObject()
            .value(QLatin1String("run"))
            .toObject()
            .value(QLatin1String("requests"))
            .toArray()
            .size();
    };
    // The two steps sent different numbers of requests (1 vs 4 in flight), so the count tells them apart.
    QVERIFY(reportRequests(0) != reportRequests(1));

    for (int point : { 1, 0 }) {
        SweepCurve *curve = window->throughputCurve();
        const QPoint at = curve->pointPosition(point).toPoint();
        QVERIFY(!at.isNull());
        QTest::mouseClick(curve, Qt::LeftButton, {}, at);
        const int step = window->stepOfPoint(point);
        QCOMPARE(int(main.timeline()->trace()->requests.size()), reportRequests(step));
        QCOMPARE(main.runController()->trace().requests.size(), r.steps[size_t(step)].trace.requests.size());
        QCOMPARE(curve->selectedPoint(), point);
        QVERIFY(main.hasRunToSave()); // shown as a finished run: Save run… writes it
        QVERIFY(window->littleText().contains(QStringLiteral("step %1").arg(step + 1)));
    }
    // The latency chart's points open steps too.
    const QPoint at = window->latencyCurve()->pointPosition(1, 1).toPoint();
    QTest::mouseClick(window->latencyCurve(), Qt::LeftButton, {}, at);
    QCOMPARE(int(main.timeline()->trace()->requests.size()), reportRequests(1));
}

void tst_SweepWindow::cancelMidSweepKeepsTheFinishedSteps()
{
    SweepWindow window;
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &SweepWindow::sweepFinished);
    QString error;
    QVERIFY2(window.startSweep(concurrencySweep({ 1, 2, 4, 8 }, 1.2), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.result().steps.size() == 1 && window.controller()->currentStep() == 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->stepProgress().completed > 0, 10000);
    QVERIFY(window.progressText().startsWith(QStringLiteral("Step 2 of 4: concurrency 2")));
    QVERIFY2(window.progressText().contains(QStringLiteral("left")), qPrintable(window.progressText()));
    QVERIFY(window.cancelButton()->isEnabled());
    QTest::mouseClick(window.cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    const SweepResult &r = window.result();
    QVERIFY(r.cancelled);
    QCOMPARE(r.steps.size(), size_t(1)); // the cut-off step measured no level
    QCOMPARE(r.points.size(), 1);
    QVERIFY(window.progressText().startsWith(QStringLiteral("Cancelled: the 1 finished step")));
    QVERIFY(!window.cancelButton()->isEnabled());

    // Saved (File → Save sweep…) and read back: the kept step and the cancel.
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("sweep.json"));
    QVERIFY(window.saveAction()->isEnabled());
    window.setSaveDialog([&](const QString &, const QString &) { return path; });
    window.saveAction()->trigger();
    SweepResult back;
    QVERIFY2(SweepReport::read(path, &back, &error), qPrintable(error));
    QVERIFY(back.cancelled);
    QCOMPARE(back.steps.size(), size_t(1));
    QCOMPARE(back.steps[0].trace.requests.size(), r.steps[0].trace.requests.size());
}

void tst_SweepWindow::dialogNamesTheBadRuleAndValue()
{
    Translations translations;
    translations.setLanguage(QStringLiteral("en"));
    SweepDialog dialog(smallKitchen());
    auto *values = dialog.findChild<QLineEdit *>(QStringLiteral("values"));
    auto *slo = dialog.findChild<QLineEdit *>(QStringLiteral("slo"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(values && slo && ok);
    SweepSpec spec;
    QString error;
    QVERIFY(dialog.spec(&spec, &error));
    QVERIFY(ok->isEnabled());
    QCOMPARE(spec.values, QList<double>({ 1, 2, 4, 8 }));

    values->setText(QStringLiteral("1,2,x"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Values:")), qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().contains(QStringLiteral("\"x\" is not a number")));
    values->setText(QStringLiteral("2:8:2"));
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.spec(&spec, &error));
    QCOMPARE(spec.values, QList<double>({ 2, 4, 6, 8 }));

    dialog.setProfile(SweepProfile::Search);
    values->clear();
    slo->setText(QStringLiteral("ttft.p99<=400ms,itl.q95<=50ms"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("SLO rules:")), qPrintable(dialog.errorText()));
    QVERIFY2(dialog.errorText().contains(QStringLiteral("itl.q95")), qPrintable(dialog.errorText()));
    slo->setText(QStringLiteral("ttft.p99<=400ms,itl.p95<=50ms"));
    QVERIFY2(dialog.spec(&spec, &error), qPrintable(error));
    QCOMPARE(spec.profile, SweepProfile::Search);
    QCOMPARE(spec.slo.size(), 2);
    QVERIFY(spec.extraPercentiles.contains(95));
    QCOMPARE(spec.base.burstiness, 0.0); // rate steps at constant gaps
    QCOMPARE(spec.base.concurrency, 64); // the cap of rate steps
    QCOMPARE(spec.base.durationS, 0.8); // each step as long as the scenario's run
}

void tst_SweepWindow::spanishDialogAndWindowFit()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("es")));
    const QString shots = qEnvironmentVariable("BURGERBENCH_SCREENSHOT_DIR");
    {
        SweepDialog dialog(smallKitchen());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Barrido"));
        QVERIFY(dialog.width() <= 1280 && dialog.height() <= 720);
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(labels.size() >= 13);
        for (QLabel *label : labels) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            QByteArray why;
            QVERIFY2(textFits(label, &why), why.constData());
        }
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->text(), QStringLiteral("Empezar el barrido"));
        QVERIFY(ok->fontMetrics().horizontalAdvance(ok->text()) < ok->width());
        if (!shots.isEmpty())
            dialog.grab().save(QDir(shots).filePath(QStringLiteral("sweep-dialog-es.png")));
    }
    for (const QString &language : { QStringLiteral("es"), QStringLiteral("en") }) {
        QVERIFY(translations.setLanguage(language));
        SweepWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(1280, 720));
        SweepSpec spec = concurrencySweep({ 1, 2, 4 }, 0.6);
        spec.slo.clear();
        QString error;
        QVERIFY(parseSloRules(QStringLiteral("ttft.p99<=120ms"), &spec.slo, &error));
        QVERIFY(runToEnd(window, spec));
        window.activateStep(2);
        for (const char *name : { "heading", "progress", "theory", "little", "summary", "hint" }) {
            auto *label = window.findChild<QLabel *>(QLatin1String(name));
            QVERIFY(label);
            QByteArray why;
            QVERIFY2(textFits(label, &why), why.constData());
        }
        if (language == QLatin1String("es")) {
            QVERIFY2(window.theoryText().contains(QStringLiteral("la cola no hace más que crecer")),
                qPrintable(window.theoryText()));
            QVERIFY2(window.littleText().startsWith(QStringLiteral("Ley de Little")),
                qPrintable(window.littleText()));
        }
        // The charts are at least 500 × 300 at 1280 × 720.
        QVERIFY(window.throughputCurve()->width() >= 500 && window.throughputCurve()->height() >= 300);
        if (!shots.isEmpty())
            window.grab().save(QDir(shots).filePath(QStringLiteral("sweep-window-%1.png").arg(language)));
    }
}

QTEST_MAIN(tst_SweepWindow)
#include "tst_sweepwindow.moc"
