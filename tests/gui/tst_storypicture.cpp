// The story picture's words (issue 16 item 4): at every width the panel can take, in English and
// Spanish, in every mode, with big counts and failures, no text drawn over another, each inside
// the picture and fitting its rectangle in the font it was drawn in; from a usual width up,
// nothing shortened ("…went wrong: 9" was cut and drawn over the "+85" counter).
#include "gui/storypicture.h"
#include "gui/translations.h"

#include <QTest>

using namespace BurgerBench;

class tst_StoryPicture : public QObject
{
    Q_OBJECT
private slots:
    void wordsFit_data();
    void wordsFit();
};

void tst_StoryPicture::wordsFit_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("width");
    const std::pair<ExecutionMode, const char *> modes[] = { { ExecutionMode::Sequential, "sequential" },
        { ExecutionMode::Concurrent, "concurrent" }, { ExecutionMode::ParallelBlocking, "parallel-blocking" },
        { ExecutionMode::ParallelCpu, "parallel-cpu" }, { ExecutionMode::Mixed, "mixed" },
        { ExecutionMode::AntiPattern, "anti-pattern" },
        { ExecutionMode::BackgroundJobs, "background-jobs" } };
    for (const char *language : { "en", "es" })
        for (const auto &[mode, name] : modes)
            for (const int width : { 220, 300, 380, 520, 800 })
                QTest::addRow("%s, %s, %d px", language, name, width)
                    << QString::fromLatin1(language) << int(mode) << width;
}

void tst_StoryPicture::wordsFit()
{
    QFETCH(QString, language);
    QFETCH(int, mode);
    QFETCH(int, width);
    Translations translations;
    QVERIFY(translations.setLanguage(language));
    StoryPicture picture;
    picture.setMode(ExecutionMode(mode));
    picture.setWorkers(8);
    StoryCounts counts;
    counts.inLine = 85;
    counts.atTable = 12;
    counts.eating = 30;
    counts.served = 1234;
    counts.failed = 9;
    picture.setCounts(counts);
    picture.resize(width, picture.heightForWidth(width));
    const QImage image = picture.grab().toImage(); // paints
    QVERIFY(!image.isNull());
    const auto &texts = picture.textItems();
    QVERIFY(texts.size() >= 5); // four names, their counts, "+n", what went wrong
    const QRectF bounds(0, 0, picture.width(), picture.height());
    bool sawFailed = false;
    for (size_t i = 0; i < texts.size(); ++i) {
        const StoryPicture::TextItem &t = texts[i];
        const QString what = QStringLiteral("\"%1\" at %2,%3 %4x%5")
                                 .arg(t.text)
                                 .arg(t.rect.x())
                                 .arg(t.rect.y())
                                 .arg(t.rect.width())
                                 .arg(t.rect.height());
        QVERIFY2(bounds.contains(t.rect), qPrintable(what));
        QVERIFY2(QFontMetricsF(t.font).horizontalAdvance(t.text) <= t.rect.width(), qPrintable(what));
        sawFailed = sawFailed || t.full.contains(QLatin1String("9"));
        // Above a narrow panel, every word whole.
        if (width >= 300)
            QVERIFY2(!t.elided, qPrintable(QStringLiteral("shortened: %1 (meant \"%2\")").arg(what, t.full)));
        for (size_t j = i + 1; j < texts.size(); ++j) {
            // Each text's rectangle is where it may draw (its glyphs fit inside, checked above):
            // two rectangles that share more than a sliver would let one text run into the other.
            const QRectF overlap = t.rect.intersected(texts[j].rect);
            const bool apart = overlap.width() < 0.5 || overlap.height() < 0.5;
            QVERIFY2(apart, qPrintable(QStringLiteral("%1 overlaps \"%2\"").arg(what, texts[j].text)));
        }
    }
    QVERIFY(sawFailed);
    QCOMPARE(picture.toolTip().isEmpty(),
        std::none_of(texts.begin(), texts.end(), [](const auto &t) { return t.elided; }));
}

QTEST_MAIN(tst_StoryPicture)
#include "tst_storypicture.moc"
