#pragma once

#include <QList>
#include <QString>

namespace BurgerBench {

// The languages BurgerBench speaks. The source texts are English; each language's catalogue is
// compiled from translations/burgerbench_<code>.ts into ":/i18n/burgerbench_<code>.qm", the
// resources of bb_i18n (Core only), so the CLI and the app read the same one.
enum class Language { English, Spanish };

namespace I18n {

QList<Language> languages();
QString code(Language language); // "en", "es"
// "en", "english", "en_GB" ...; "es", "spanish", "español", "espanol", "es_ES" ... (any case).
bool languageFromName(const QString &name, Language *language);

// `source` (in `context`) in `language`, from that language's catalogue whatever the installed
// translator speaks (a Spanish report from an English app); the source text when the catalogue
// has none. The catalogue is loaded once and never installed. Thread-safe.
QString translate(Language language, const char *context, const char *source,
    const char *disambiguation = nullptr, int n = -1);

// Makes `language`'s catalogue the one QCoreApplication::translate() reads (the CLI's words, the
// app's widgets), replacing the one installed by the previous call; English installs its own
// catalogue too (its plural forms). False if the catalogue could not be loaded. Call it from the
// thread that owns the QCoreApplication; LanguageChange events are sent as Qt sends them.
bool installTranslator(Language language);
// Removes the catalogue installTranslator() installed: the source texts show again.
void removeTranslator();

// Where the catalogues are read from: an installed tree's share/burgerbench/translations (found
// relative to the executable, as GNUInstallDirs lays it out) when it exists, else the copies
// compiled into bb_i18n's resources (the build tree). The directory, or "" without one (or
// before a QCoreApplication exists).
QString installedTranslationsDir();
// The file `language`'s catalogue was loaded from (a path in that directory, or
// ":/i18n/burgerbench_<code>.qm"); "" if none could be loaded.
QString catalogueFile(Language language);

} // namespace I18n

} // namespace BurgerBench
