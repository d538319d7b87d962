#include "gui/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace BurgerBench;

// The settings facade: every key has one name and one default, values round-trip through the
// file, and automated runs neither read nor write.
class tst_Settings : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void defaults_data();
    void defaults();
    void roundTrip_data();
    void roundTrip();
    void volatileNeverWrites();

private:
    QTemporaryDir m_dir;
};

void tst_Settings::init()
{
    QVERIFY(m_dir.isValid());
    Settings::setVolatile(false);
    Settings::useFile(m_dir.filePath(QStringLiteral("settings.ini")));
}

void tst_Settings::cleanup()
{
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    Settings::setVolatile(true);
}

void tst_Settings::defaults_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("first start: the Burger shop preset") << int(Settings::Key::LastPreset) << QVariant(0);
    QTest::newRow("language follows the system") << int(Settings::Key::Language) << QVariant(QString());
    QTest::newRow("lanes per request") << int(Settings::Key::LaneByRequest) << QVariant(true);
    QTest::newRow("live updates 10 times a second") << int(Settings::Key::LiveIntervalMs) << QVariant(100);
    QTest::newRow("no saved layout") << int(Settings::Key::WindowState) << QVariant(QByteArray());
}

void tst_Settings::defaults()
{
    QFETCH(int, key);
    QFETCH(QVariant, expected);
    QCOMPARE(Settings::value(Settings::Key(key)), expected);
    QCOMPARE(Settings::defaultValue(Settings::Key(key)), expected);
    QVERIFY(!Settings::keyName(Settings::Key(key)).isEmpty());
}

void tst_Settings::roundTrip_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("language") << int(Settings::Key::Language) << QVariant(QStringLiteral("es"));
    QTest::newRow("preset") << int(Settings::Key::LastPreset) << QVariant(3);
    QTest::newRow("layout version") << int(Settings::Key::WindowStateVersion)
                                    << QVariant(Settings::WindowStateVersion);
    QTest::newRow("scenario JSON") << int(Settings::Key::LastScenario)
                                   << QVariant(QByteArray(R"({"target":{"api_key_env":"MY_KEY"}})"));
}

void tst_Settings::roundTrip()
{
    QFETCH(int, key);
    QFETCH(QVariant, value);
    Settings::setValue(Settings::Key(key), value);
    QCOMPARE(Settings::value(Settings::Key(key)).toString(), value.toString());
    QFile file(m_dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(file.exists());
}

void tst_Settings::volatileNeverWrites()
{
    Settings::setVolatile(true);
    Settings::setValue(Settings::Key::Language, QStringLiteral("es"));
    QCOMPARE(Settings::value(Settings::Key::Language), QVariant(QString()));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("settings.ini"))));
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
