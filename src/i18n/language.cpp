#include "i18n/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTranslator>

#include <memory>

namespace BurgerBench {
namespace I18n {

namespace {

// One catalogue per language, loaded on first use and kept for the life of the process:
// translate() reads it from any thread (a loaded QTranslator is only read, as
// QCoreApplication::translate reads the installed ones from any thread), and installTranslator()
// installs the same object. A function-local static: created once even if two threads ask at
// once, destroyed after main() returns, when no QCoreApplication is left to uninstall it from.
struct Catalogues
{
    std::unique_ptr<QTranslator> byLanguage[int(Language::Spanish) + 1];
    QString files[int(Language::Spanish) + 1];
    Catalogues()
    {
        const QString installed = installedTranslationsDir();
        for (Language language : languages()) {
            const QString name = QStringLiteral("burgerbench_%1.qm").arg(code(language));
            // The installed catalogue (share/burgerbench/translations beside bin/), else the one
            // compiled in by qt_add_translations in src/i18n/CMakeLists.txt (resource prefix
            // /i18n): the build tree and the tests read that one.
            const QString candidates[] = { installed.isEmpty() ? QString() : QString(installed + u'/' + name),
                QString(QStringLiteral(":/i18n/") + name) };
            for (const QString &file : candidates) {
                auto translator = std::make_unique<QTranslator>();
                if (!file.isEmpty() && QFileInfo::exists(file) && translator->load(file)) {
                    byLanguage[int(language)] = std::move(translator);
                    files[int(language)] = file;
                    break;
                }
            }
        }
    }
};

const Catalogues &catalogues()
{
    static Catalogues loaded;
    return loaded;
}

QTranslator *catalogue(Language language)
{
    return catalogues().byLanguage[int(language)].get();
}

QTranslator *installed = nullptr; // the catalogue installTranslator() installed; GUI thread only

} // namespace

QString installedTranslationsDir()
{
    if (!QCoreApplication::instance())
        return {};
    // BURGERBENCH_TRANSLATIONS_FROM_BINDIR: GNUInstallDirs' datadir/burgerbench/translations
    // relative to its bindir ("../share/burgerbench/translations"), set in src/i18n/CMakeLists.txt.
    const QString dir = QDir::cleanPath(
        QCoreApplication::applicationDirPath() + u'/' + QStringLiteral(BURGERBENCH_TRANSLATIONS_FROM_BINDIR));
    return QFileInfo(dir).isDir() ? dir : QString();
}

QString catalogueFile(Language language)
{
    return catalogues().files[int(language)];
}

QList<Language> languages()
{
    return { Language::English, Language::Spanish };
}

QString code(Language language)
{
    return language == Language::Spanish ? QStringLiteral("es") : QStringLiteral("en");
}

bool languageFromName(const QString &name, Language *language)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("en") || n == QLatin1String("english") || n.startsWith(QLatin1String("en_"))) {
        *language = Language::English;
        return true;
    }
    if (n == QLatin1String("es") || n == QLatin1String("spanish") || n == QStringLiteral("español")
        || n == QLatin1String("espanol") || n.startsWith(QLatin1String("es_"))) {
        *language = Language::Spanish;
        return true;
    }
    return false;
}

QString translate(
    Language language, const char *context, const char *source, const char *disambiguation, int n)
{
    if (const QTranslator *t = catalogue(language)) {
        QString text = t->translate(context, source, disambiguation, n);
        if (!text.isNull())
            return text;
    }
    QString text = QString::fromUtf8(source);
    if (n >= 0)
        text.replace(QLatin1String("%n"), QString::number(n));
    return text;
}

bool installTranslator(Language language)
{
    removeTranslator();
    QTranslator *next = catalogue(language);
    if (next && QCoreApplication::installTranslator(next))
        installed = next;
    return installed != nullptr;
}

void removeTranslator()
{
    if (installed)
        QCoreApplication::removeTranslator(installed);
    installed = nullptr;
}

} // namespace I18n
} // namespace BurgerBench
