#include "gui/mainwindow.h"
#include "gui/racewindow.h"
#include "gui/scenarioeditor.h"
#include "gui/settings.h"
#include "gui/translations.h"
#include "parallel/race.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleOptionComboBox>
#include <QStyleOptionHeader>
#include <QTest>

using namespace BurgerBench;

namespace {

// Where a widget sits, for a failure message: its object name and its parents'.
QString pathOf(const QWidget *widget, const QWidget *top)
{
    QStringList names;
    for (const QObject *o = widget; o && o != top; o = o->parent())
        names.prepend(
            o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : o->objectName());
    return names.join(QLatin1Char('/'));
}

// Shown on screen now: it and all its parents are shown (a dock tabbed behind another is not),
// and it lies in its window. In a scroll area the scroll area must lie there: its labels may be
// scrolled out of view, yet each still needs all its room.
bool onScreen(const QWidget *widget)
{
    if (!widget->isVisible() || widget->width() <= 0 || widget->height() <= 0)
        return false;
    const QWidget *outer = widget;
    for (const QWidget *w = widget; w && !w->isWindow(); w = w->parentWidget()) {
        if (qobject_cast<const QScrollArea *>(w))
            outer = w;
    }
    const QWidget *window = widget->window();
    const QRect inWindow(outer->mapTo(window, QPoint(0, 0)), outer->size());
    return inWindow.intersects(window->rect());
}

// The innermost scroll area around `widget` whose horizontal scroll bar is not shown, or null.
const QScrollArea *scrollingArea(const QWidget *widget)
{
    for (const QWidget *w = widget->parentWidget(); w && !w->isWindow(); w = w->parentWidget()) {
        if (const auto *area = qobject_cast<const QScrollArea *>(w))
            return area->horizontalScrollBar()->isVisible() ? nullptr : area;
    }
    return nullptr;
}

// Every shown label and button of `top` whose text does not fit the rectangle it was given: a
// word-wrapped label needs its height for its width, any other its size hint (the text's own
// size plus margins), a button its hint's width. A label in a scroll area counts too (scrolling
// shows all of its rectangle, never more). One line each, empty when all fit.
QStringList misfits(const QWidget *top)
{
    QStringList out;
    const auto note = [&](const QWidget *w, const QString &text, QSize need) {
        out << QStringLiteral("%1 \"%2\": needs %3x%4, has %5x%6")
                   .arg(pathOf(w, top), text.left(60))
                   .arg(need.width())
                   .arg(need.height())
                   .arg(w->width())
                   .arg(w->height());
    };
    for (const QLabel *label : top->findChildren<QLabel *>()) {
        if (!onScreen(label) || label->text().isEmpty())
            continue;
        // In a scroll area that does not scroll sideways, the part of a label past the viewport's
        // edges is never shown: the label is cut however tall it may be.
        if (const QScrollArea *area = scrollingArea(label)) {
            const QWidget *viewport = area->viewport();
            const QRect r(label->mapTo(viewport, QPoint(0, 0)), label->size());
            if (r.left() < 0 || r.right() >= viewport->width())
                out << QStringLiteral("%1 \"%2\": spans x %3..%4 of a viewport %5 wide that does not scroll "
                                      "sideways")
                           .arg(pathOf(label, top), label->text().left(60))
                           .arg(r.left())
                           .arg(r.right())
                           .arg(viewport->width());
        }

        if (label->wordWrap()) {
            // Its height for its width, and no line that cannot wrap (a word, a table's row) wider.
            const int need = label->heightForWidth(label->width());
            const int widest = label->minimumSizeHint().width();
            if (need > label->height() || widest > label->width())
                note(label, label->text(), QSize(std::max(widest, label->width()), need));
        } else {
            const QSize need = label->sizeHint();
            if (need.width() > label->width() || need.height() > label->height())
                note(label, label->text(), need);
        }
    }
    for (const QAbstractButton *button : top->findChildren<QAbstractButton *>()) {
        if (!onScreen(button) || button->text().isEmpty())
            continue;
        if (!qobject_cast<const QCheckBox *>(button) && !qobject_cast<const QRadioButton *>(button)
            && !qobject_cast<const QPushButton *>(button))
            continue;
        const QSize need = button->sizeHint();
        if (need.width() > button->width())
            note(button, button->text(), need);
    }
    // A combo box shows its current item whole; a header its sections' titles.
    for (const QComboBox *combo : top->findChildren<QComboBox *>()) {
        if (!onScreen(combo) || combo->currentText().isEmpty() || combo->isEditable())
            continue;
        QStyleOptionComboBox option;
        option.initFrom(combo);
        const QFontMetrics fm = combo->fontMetrics();
        const QSize text(fm.horizontalAdvance(combo->currentText()), fm.height());
        const QSize need = combo->style()->sizeFromContents(QStyle::CT_ComboBox, &option, text, combo);
        if (need.width() > combo->width())
            note(combo, combo->currentText(), need);
    }
    for (const QHeaderView *header : top->findChildren<QHeaderView *>()) {
        if (!onScreen(header) || header->orientation() != Qt::Horizontal || !header->model())
            continue;
        for (int section = 0; section < header->count(); ++section) {
            if (header->isSectionHidden(section))
                continue;
            const QString title = header->model()->headerData(section, Qt::Horizontal).toString();
            QStyleOptionHeader option;
            option.initFrom(header);
            option.section = section;
            option.orientation = Qt::Horizontal;
            option.text = title;
            const int need = header->style()
                                 ->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header)
                                 .width();
            // Its own width, and inside the view: a section past the view's edge is cut too.
            const int end = header->sectionViewportPosition(section) + header->sectionSize(section);
            if (end > header->viewport()->width())
                out << QStringLiteral("%1 section \"%2\": ends at %3, past the view's %4")
                           .arg(pathOf(header, top), title)
                           .arg(end)
                           .arg(header->viewport()->width());
            if (need > header->sectionSize(section)) {
                out << QStringLiteral("%1 section \"%2\": needs %3, has %4")
                           .arg(pathOf(header, top), title)
                           .arg(need)
                           .arg(header->sectionSize(section));
            }
        }
    }
    return out;
}

} // namespace

// Issue 16 item 4: at 1280x720 and 1920x1080, in English and Spanish, every label's and
// button's text fits the rectangle it is drawn in, in the main window before and after a run and
// in the race window before and after a race.
class tst_LabelFit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { Settings::setVolatile(true); }
    void catchesCutText();
    void mainWindow_data();
    void mainWindow();
    void raceWindow_data() { mainWindow_data(); }
    void raceWindow();
};

// The check itself: a label narrower than its text, a wrapped one shorter than its lines, a
// button and a combo box narrower than their text are each reported; the same at their size
// hints are not.
void tst_LabelFit::catchesCutText()
{
    QWidget top;
    top.resize(400, 300);
    auto *cut = new QLabel(QStringLiteral("A sentence far too long for fifty pixels"), &top);
    cut->setGeometry(0, 0, 50, 20);
    auto *wrapped
        = new QLabel(QStringLiteral("A sentence that wraps over several lines at this width"), &top);
    wrapped->setWordWrap(true);
    wrapped->setGeometry(0, 30, 80, 15);
    auto *button = new QPushButton(QStringLiteral("A button with a long caption"), &top);
    button->setGeometry(0, 60, 40, 25);
    auto *combo = new QComboBox(&top);
    combo->addItem(QStringLiteral("An item with a long name"));
    combo->setGeometry(0, 90, 40, 25);
    // A label in a scroll area that does not scroll sideways, wider than its viewport: its own
    // size fits its text, but the viewport shows only its left part (the details title once).
    auto *area = new QScrollArea(&top);
    area->setGeometry(200, 0, 120, 100);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *inner = new QLabel(QStringLiteral("<b>A rich-text title wider than its viewport</b>"));
    inner->setTextFormat(Qt::RichText);
    inner->resize(inner->sizeHint());
    area->setWidget(inner);
    top.show();
    QVERIFY(QTest::qWaitForWindowExposed(&top));
    QCOMPARE(misfits(&top).size(), 5);
    for (QWidget *w : std::initializer_list<QWidget *> { cut, button, combo })
        w->resize(w->sizeHint());
    wrapped->resize(80, wrapped->heightForWidth(80));
    QCOMPARE(misfits(&top).size(), 1);
    QVERIFY2(misfits(&top).constFirst().contains(QLatin1String("does not scroll sideways")),
        qPrintable(misfits(&top).join(QLatin1Char('\n'))));
    // Shown whole once its viewport is wide enough (or it scrolls sideways).
    area->setGeometry(0, 150, inner->width() + 2 * area->frameWidth() + 4, 100);
    QVERIFY2(misfits(&top).isEmpty(), qPrintable(misfits(&top).join(QLatin1Char('\n'))));
    area->setGeometry(200, 0, 120, 100);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    QTRY_VERIFY(area->horizontalScrollBar()->isVisible());
    QVERIFY2(misfits(&top).isEmpty(), qPrintable(misfits(&top).join(QLatin1Char('\n'))));
}

void tst_LabelFit::mainWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char *language : { "en", "es" }) {
        for (const QSize size : { QSize(1280, 720), QSize(1600, 1000), QSize(1920, 1080) })
            QTest::addRow("%s %dx%d", language, size.width(), size.height())
                << QString::fromLatin1(language) << size;
    }
}

void tst_LabelFit::mainWindow()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    MainWindow window(&translations);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), size);
    QStringList bad = misfits(&window);
    QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("before a run:\n") + bad.join(QLatin1Char('\n'))));

    // A run with failures and retries, so the longest texts (counts, errors, the story) show.
    Scenario s;
    s.name = QStringLiteral("fit");
    s.concurrency = 4;
    s.requests = 12;
    s.maxTokens = 4;
    s.retries = 1;
    s.retryBaseMs = 10;
    s.simulator.ttftMs = 20;
    s.simulator.tokenIntervalMs = 5;
    s.simulator.outputTokens = 4;
    s.simulator.faults.http500 = 0.3;
    window.scenarioEditor()->setScenario(s);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QString error;
    QVERIFY2(window.startRun(&error), qPrintable(error));
    QVERIFY(finished.wait(60000));
    window.selectRequest(1); // the details pane filled in too
    QTest::qWait(50); // the layouts settle on the new texts
    bad = misfits(&window);
    QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("after a run:\n") + bad.join(QLatin1Char('\n'))));
    // The code tab, in front of the details it shares the bottom with.
    auto *code = window.findChild<QDockWidget *>(QStringLiteral("codeDock"));
    QVERIFY(code);
    code->raise();
    QTest::qWait(50);
    QVERIFY(onScreen(code->widget()));
    bad = misfits(&window);
    QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("the code tab:\n") + bad.join(QLatin1Char('\n'))));
    translations.setLanguage(QStringLiteral("en"));
}

void tst_LabelFit::raceWindow()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    RaceWindow window(&translations);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList bad = misfits(&window);
    QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("before the race:\n") + bad.join(QLatin1Char('\n'))));

    RacePreset preset;
    QVERIFY(racePreset(QStringLiteral("burgers"), &preset));
    RaceSpec spec = preset.spec;
    spec.n = 4;
    spec.simulator.ttftMs = 30;
    spec.simulator.tokenIntervalMs = 10;
    spec.simulator.outputTokens = 3;
    spec.base.maxTokens = 3;
    QSignalSpy finished(&window, &RaceWindow::raceFinished);
    QString error;
    QVERIFY2(window.startRace(spec, &error), qPrintable(error));
    QVERIFY(finished.wait(60000));
    QTest::qWait(50);
    bad = misfits(&window);
    QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("after the race:\n") + bad.join(QLatin1Char('\n'))));
    translations.setLanguage(QStringLiteral("en"));
}

QTEST_MAIN(tst_LabelFit)
#include "tst_labelfit.moc"
