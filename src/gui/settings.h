#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace BurgerBench {

// The app's one settings facade over QSettings: every key and its default live in one table
// (settings.cpp), so nothing reads a string key scattered in the code. API keys are never stored:
// the scenario keeps the name of the environment variable that holds one.
class Settings
{
public:
    enum class Key {
        LastScenario, // the last scenario run or edited, as scenario JSON
        LastPreset, // index of the preset last chosen (-1 = custom)
        WindowGeometry,
        WindowState, // QMainWindow::saveState(WindowStateVersion)
        WindowStateVersion, // the version WindowState was saved with
        Language, // "" = follow the system, "en", "es"
        LaneByRequest,
        LiveIntervalMs,
    };

    // Bump when the docks change so an old saved layout is ignored instead of misapplied.
    static constexpr int WindowStateVersion = 2;

    static QVariant value(Key key);
    static void setValue(Key key, const QVariant &value);
    static QVariant defaultValue(Key key);
    static QString keyName(Key key);

    // Tests and automation keep the user's settings untouched: an INI file instead (empty =
    // back to the platform default). Also set by BURGERBENCH_SETTINGS_FILE.
    static void useFile(const QString &path);
    // No reads or writes at all (screenshots and automated runs start from the defaults).
    static void setVolatile(bool isVolatile);
    static bool isVolatile();
};

} // namespace BurgerBench
