#include "gui/settings.h"

#include <QSettings>

#include <memory>

namespace BurgerBench {

namespace {

struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

const Entry &entry(Settings::Key key)
{
    static const Entry table[] = {
        { Settings::Key::LastScenario, "scenario/last", QByteArray() },
        { Settings::Key::LastPreset, "scenario/preset", 0 },
        { Settings::Key::WindowGeometry, "window/geometry", QByteArray() },
        { Settings::Key::WindowState, "window/state", QByteArray() },
        { Settings::Key::WindowStateVersion, "window/stateVersion", 0 },
        { Settings::Key::Language, "ui/language", QString() },
        { Settings::Key::LaneByRequest, "timeline/laneByRequest", true },
        { Settings::Key::LiveIntervalMs, "timeline/liveIntervalMs", 100 },
    };
    for (const Entry &e : table) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
    return table[0];
}

QString &fileOverride()
{
    static QString path = qEnvironmentVariable("BURGERBENCH_SETTINGS_FILE");
    return path;
}

bool &volatileFlag()
{
    static bool flag = false;
    return flag;
}

std::unique_ptr<QSettings> open()
{
    if (!fileOverride().isEmpty())
        return std::make_unique<QSettings>(fileOverride(), QSettings::IniFormat);
    return std::make_unique<QSettings>(QStringLiteral("BurgerBench"), QStringLiteral("BurgerBench"));
}

} // namespace

QVariant Settings::value(Key key)
{
    const Entry &e = entry(key);
    if (volatileFlag())
        return e.defaultValue;
    return open()->value(QLatin1String(e.name), e.defaultValue);
}

void Settings::setValue(Key key, const QVariant &value)
{
    if (volatileFlag())
        return;
    open()->setValue(QLatin1String(entry(key).name), value);
}

QVariant Settings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QString Settings::keyName(Key key)
{
    return QLatin1String(entry(key).name);
}

void Settings::useFile(const QString &path)
{
    fileOverride() = path;
}

void Settings::setVolatile(bool isVolatile)
{
    volatileFlag() = isVolatile;
}

bool Settings::isVolatile()
{
    return volatileFlag();
}

} // namespace BurgerBench
