// The scenario editor's Workload section: a dataset picked is read off the GUI thread into a
// preview table (its first rows, as the file has them) and a histogram of the prompt lengths whose
// bars stand where their counts say; a broken dataset blocks Run with the reader's message; the
// sessions fields round-trip through the scenario, name a bad think time and let a run without a
// request count end with its sessions.
#include "gui/lengthhistogram.h"
#include "gui/scenarioeditor.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace BurgerBench;

class tst_ScenarioEditor : public QObject
{
    Q_OBJECT
private slots:
    void datasetPreviewAndHistogram();
    void brokenDatasetBlocksRun();
    void sessionsRoundTrip();
    void bannerDoesNotMoveTheFields();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

QString tst_ScenarioEditor::write(const QString &name, const QByteArray &bytes)
{
    QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

void tst_ScenarioEditor::datasetPreviewAndHistogram()
{
    // 12 rows: prompts of 40, 80 or 400 bytes (4 each; the editor's estimate is ~4 bytes a token).
    QByteArray csv = "prompt,output_tokens\n";
    for (int i = 0; i < 12; ++i) {
        const int bytes = i % 3 == 0 ? 40 : i % 3 == 1 ? 80 : 400;
        QByteArray prompt = "order " + QByteArray::number(i) + ' ';
        prompt += QByteArray(bytes - prompt.size(), 'x');
        csv += prompt + ',' + QByteArray::number(5 + i) + '\n';
    }
    const QString path = write(QStringLiteral("orders.csv"), csv);
    QVERIFY(!path.isEmpty());

    ScenarioEditor editor;
    editor.resize(420, 1400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy ready(&editor, &ScenarioEditor::datasetPreviewReady);
    editor.setDatasetPath(path);
    QVERIFY(ready.count() > 0 || ready.wait(10'000));
    QVERIFY(!editor.datasetPreviewPending());

    auto *table = editor.findChild<QTableWidget *>(QStringLiteral("datasetPreviewTable"));
    QVERIFY(table && table->isVisible());
    QVERIFY(table->rowCount() >= 2);
    QVERIFY2(table->item(0, 0)->text().startsWith(QLatin1String("order 0 ")),
        qPrintable(table->item(0, 0)->text()));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("5"));
    QVERIFY(table->item(1, 0)->text().startsWith(QLatin1String("order 1 ")));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("6"));

    auto *histogram = editor.findChild<LengthHistogram *>(QStringLiteral("datasetHistogram"));
    QVERIFY(histogram && histogram->isVisible());
    QCOMPARE(int(histogram->values().size()), 12);
    const std::vector<int> &counts = histogram->counts();
    QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 12);
    // Three lengths, four rows each: three bars of equal height, the rest empty.
    int bars = 0;
    int height = -1;
    const QImage image = histogram->grab().toImage().convertToFormat(QImage::Format_RGB32);
    for (int bin = 0; bin < int(counts.size()); ++bin) {
        const QRect bar = histogram->barRect(bin);
        if (counts[size_t(bin)] == 0) {
            QVERIFY(bar.isEmpty());
            continue;
        }
        ++bars;
        QCOMPARE(counts[size_t(bin)], 4);
        QVERIFY(!bar.isEmpty() && histogram->plotRect().contains(bar.center()));
        if (height < 0)
            height = bar.height();
        QCOMPARE(bar.height(), height);
        // Drawn: the bar's middle is the bar colour.
        const qreal dpr = image.devicePixelRatio();
        const QColor pixel = image.pixelColor(int(bar.center().x() * dpr), int(bar.center().y() * dpr));
        QVERIFY2(qAbs(pixel.red() - LengthHistogram::barColour().red()) <= 8
                && qAbs(pixel.green() - LengthHistogram::barColour().green()) <= 8
                && qAbs(pixel.blue() - LengthHistogram::barColour().blue()) <= 8,
            qPrintable(pixel.name()));
    }
    QCOMPARE(bars, 3);

    const Scenario s = editor.scenario();
    QCOMPARE(s.workload.dataset, path);
    QVERIFY2(editor.isValid(), qPrintable(editor.validationMessage()));
}

void tst_ScenarioEditor::brokenDatasetBlocksRun()
{
    const QString path = write(QStringLiteral("broken.jsonl"), "{\"prompt\": \"ok\"}\n{\"prompt\": \n");
    ScenarioEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy ready(&editor, &ScenarioEditor::datasetPreviewReady);
    editor.setDatasetPath(path);
    QVERIFY(ready.count() > 0 || ready.wait(10'000));
    QVERIFY(!editor.isValid());
    // The reader's own words: the file and the line.
    QVERIFY2(editor.validationMessage().contains(QLatin1String("broken.jsonl"))
            && editor.validationMessage().contains(QLatin1String("2")),
        qPrintable(editor.validationMessage()));
    auto *status = editor.findChild<QLabel *>(QStringLiteral("datasetStatusLabel"));
    QVERIFY(status && status->isVisible());
    QVERIFY2(status->text().contains(QLatin1String("broken.jsonl")), qPrintable(status->text()));
}

void tst_ScenarioEditor::sessionsRoundTrip()
{
    ScenarioEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    Scenario s;
    s.name = QStringLiteral("regulars");
    s.requests = 0;
    s.concurrency = 4;
    s.workload.inputTokens = QStringLiteral("600");
    s.workload.sessions = 4;
    s.workload.turns = 3;
    s.workload.thinkTime = QStringLiteral("uniform:200,600");
    editor.setScenario(s);
    auto *sessions = editor.findChild<QSpinBox *>(QStringLiteral("sessionsSpin"));
    auto *turns = editor.findChild<QSpinBox *>(QStringLiteral("turnsSpin"));
    auto *think = editor.findChild<QLineEdit *>(QStringLiteral("thinkTimeEdit"));
    auto *requests = editor.findChild<QSpinBox *>(QStringLiteral("requestsSpin"));
    auto *multiTurn = editor.findChild<QCheckBox *>(QStringLiteral("multiTurnCheck"));
    QVERIFY(sessions && turns && think && requests && multiTurn);
    QCOMPARE(sessions->value(), 4);
    QCOMPARE(turns->value(), 3);
    QCOMPARE(think->text(), QStringLiteral("uniform:200,600"));
    QVERIFY(turns->isEnabled() && think->isEnabled());
    QVERIFY(!multiTurn->isEnabled()); // no dataset to take conversations from
    // No request count: the sessions end the run, and the box says so.
    QCOMPARE(requests->text(), QStringLiteral("by sessions"));
    QVERIFY2(editor.isValid(), qPrintable(editor.validationMessage()));
    Scenario back = editor.scenario();
    QCOMPARE(back.workload.sessions, 4);
    QCOMPARE(back.workload.turns, 3);
    QCOMPARE(back.workload.thinkTime, QStringLiteral("uniform:200,600"));

    // A think time the parser refuses names the field; fixing it makes the scenario valid again.
    think->setText(QStringLiteral("later"));
    Q_EMIT think->textEdited(think->text());
    QVERIFY(!editor.isValid());
    QVERIFY2(editor.validationMessage().contains(QLatin1String("Think time")),
        qPrintable(editor.validationMessage()));
    think->setText(QStringLiteral("300"));
    Q_EMIT think->textEdited(think->text());
    QVERIFY(editor.isValid());

    // Sessions off: a run needs a request count again, and the box says "by duration".
    sessions->setValue(0);
    QVERIFY(!turns->isEnabled() && !think->isEnabled());
    QCOMPARE(requests->text(), QStringLiteral("by duration"));
    QVERIFY(!editor.isValid());
    QVERIFY(editor.validationMessage().contains(QLatin1String("Requests")));
}

// Issue 16 item 9: the "Fix before running" banner shows under the form, so no field above the
// wrong one moves when it appears (a click aimed at a field still lands on it).
void tst_ScenarioEditor::bannerDoesNotMoveTheFields()
{
    ScenarioEditor editor;
    editor.resize(360, 900);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.findChild<QRadioButton *>(QStringLiteral("endpointRadio"))->setChecked(true);
    auto *url = editor.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *model = editor.findChild<QLineEdit *>(QStringLiteral("modelEdit"));
    QVERIFY(url && model);
    QTest::keyClicks(url, QStringLiteral("http://localhost:8000/v1"));
    QTest::keyClicks(model, QStringLiteral("llama"));
    QVERIFY(editor.isValid());
    auto *banner = editor.findChild<QLabel *>(QStringLiteral("validationLabel"));
    QVERIFY(banner);
    QVERIFY(banner->isHidden());
    QTest::qWait(20);
    const QPoint before = url->mapTo(&editor, QPoint(0, 0));
    // A wrong model (empty): the banner appears, below everything the form holds.
    model->clear();
    emit model->textEdited(QString());
    QVERIFY(!editor.isValid());
    QTRY_VERIFY(banner->isVisible());
    QTest::qWait(20);
    QCOMPARE(url->mapTo(&editor, QPoint(0, 0)), before);
    QVERIFY(banner->mapTo(&editor, QPoint(0, 0)).y() > url->mapTo(&editor, QPoint(0, 0)).y());
}

QTEST_MAIN(tst_ScenarioEditor)
#include "tst_scenarioeditor.moc"
