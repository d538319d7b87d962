#include "render/timeformat.h"

#include <QLocale>
#include <QTest>

using namespace BurgerBench;

// The window's durations in the UI's locale, and the C default every file and exported picture
// keeps: the same digits, only the decimal separator differs, thousands never grouped.
class tst_TimeFormat : public QObject
{
    Q_OBJECT
private slots:
    void formatDuration_data();
    void formatDuration();
    void defaultIsC_data();
    void defaultIsC();
    void formatAxisTime_data();
    void formatAxisTime();
    void formatMs_data();
    void formatMs();
};

namespace {
const QLocale english(QLocale::English);
const QLocale spanish(QLocale::Spanish);
} // namespace

void tst_TimeFormat::formatDuration_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en seconds") << english << qint64(1'500'000'000) << QStringLiteral("1.5 s");
    QTest::newRow("es seconds") << spanish << qint64(1'500'000'000) << QStringLiteral("1,5 s");
    QTest::newRow("en three digits") << english << qint64(1'254'000'000) << QStringLiteral("1.25 s");
    QTest::newRow("es three digits") << spanish << qint64(1'254'000'000) << QStringLiteral("1,25 s");
    QTest::newRow("en trailing zeros go") << english << qint64(2'000'000'000) << QStringLiteral("2 s");
    QTest::newRow("es trailing zeros go") << spanish << qint64(2'000'000'000) << QStringLiteral("2 s");
    QTest::newRow("es one trailing zero") << spanish << qint64(1'200'000'000) << QStringLiteral("1,2 s");
    QTest::newRow("en milliseconds") << english << qint64(12'340'000) << QStringLiteral("12.3 ms");
    QTest::newRow("es milliseconds") << spanish << qint64(12'340'000) << QStringLiteral("12,3 ms");
    QTest::newRow("es whole milliseconds") << spanish << qint64(340'000'000) << QStringLiteral("340 ms");
    QTest::newRow("es microseconds") << spanish << qint64(12'500) << QStringLiteral("12,5 µs");
    QTest::newRow("es nanoseconds") << spanish << qint64(80) << QStringLiteral("80 ns");
    QTest::newRow("es negative") << spanish << qint64(-1'500'000'000) << QStringLiteral("-1,5 s");
    // Thousands of seconds: no group separator, which would read as a decimal point in the other
    // language ("1.234 s" is 1234 s in Spanish).
    QTest::newRow("en thousands ungrouped")
        << english << qint64(1'234'000'000'000) << QStringLiteral("1234 s");
    QTest::newRow("es thousands ungrouped")
        << spanish << qint64(1'234'000'000'000) << QStringLiteral("1234 s");
}

void tst_TimeFormat::formatDuration()
{
    QFETCH(QLocale, locale);
    QFETCH(qint64, ns);
    QFETCH(QString, expected);
    QCOMPARE(BurgerBench::formatDuration(ns, locale), expected);
}

void tst_TimeFormat::defaultIsC_data()
{
    QTest::addColumn<QLocale>("applicationDefault");
    QTest::newRow("default English") << english;
    QTest::newRow("default Spanish") << spanish;
}

// Without a locale the output is C whatever the application's default locale is: the CLI and the
// reports' pictures must not change with the machine's language.
void tst_TimeFormat::defaultIsC()
{
    QFETCH(QLocale, applicationDefault);
    const QLocale before;
    QLocale::setDefault(applicationDefault);
    const QString duration = BurgerBench::formatDuration(1'500'000'000);
    const QString axis = BurgerBench::formatAxisTime(1'250'000'000, 250'000'000);
    const QString ms = BurgerBench::formatMs(12.34);
    QLocale::setDefault(before);
    QCOMPARE(duration, QStringLiteral("1.5 s"));
    QCOMPARE(axis, QStringLiteral("1.25 s"));
    QCOMPARE(ms, QStringLiteral("12.3 ms"));
}

void tst_TimeFormat::formatAxisTime_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en quarter seconds")
        << english << qint64(1'250'000'000) << qint64(250'000'000) << QStringLiteral("1.25 s");
    QTest::newRow("es quarter seconds")
        << spanish << qint64(1'250'000'000) << qint64(250'000'000) << QStringLiteral("1,25 s");
    // The step sets the decimals: a whole second on a half-second axis keeps its ",0".
    QTest::newRow("es half seconds") << spanish << qint64(2'000'000'000) << qint64(500'000'000)
                                     << QStringLiteral("2,0 s");
    QTest::newRow("es whole seconds")
        << spanish << qint64(3'000'000'000) << qint64(1'000'000'000) << QStringLiteral("3 s");
    QTest::newRow("es zero") << spanish << qint64(0) << qint64(250'000'000) << QStringLiteral("0");
    QTest::newRow("es thousands ungrouped")
        << spanish << qint64(1'500'000'000'000) << qint64(500'000'000'000) << QStringLiteral("1500 s");
}

void tst_TimeFormat::formatAxisTime()
{
    QFETCH(QLocale, locale);
    QFETCH(qint64, ns);
    QFETCH(qint64, step);
    QFETCH(QString, expected);
    QCOMPARE(BurgerBench::formatAxisTime(ns, step, locale), expected);
}

void tst_TimeFormat::formatMs_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en ms") << english << 12.34 << QStringLiteral("12.3 ms");
    QTest::newRow("es ms") << spanish << 12.34 << QStringLiteral("12,3 ms");
    QTest::newRow("en seconds") << english << 1204.0 << QStringLiteral("1.2 s");
    QTest::newRow("es seconds") << spanish << 1204.0 << QStringLiteral("1,2 s");
    QTest::newRow("es none") << spanish << qQNaN() << QStringLiteral("–");
}

void tst_TimeFormat::formatMs()
{
    QFETCH(QLocale, locale);
    QFETCH(double, ms);
    QFETCH(QString, expected);
    QCOMPARE(BurgerBench::formatMs(ms, locale), expected);
}

QTEST_GUILESS_MAIN(tst_TimeFormat)
#include "tst_timeformat.moc"
