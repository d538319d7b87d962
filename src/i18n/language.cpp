#include "i18n/language.h"

#include <QCoreApplication>
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
    Catalogues()
    {
        for (Language language : languages()) {
            auto translator = std::make_unique<QTranslator>();
            // Compiled in by qt_add_translations in src/i18n/CMakeLists.txt (resource prefix /i18n).
            if (translator->load(QStringLiteral(":/i18n/burgerbench_%1.qm").arg(code(language))))
                byLanguage[int(language)] = std::move(translator);
        }
    }
};

QTranslator *catalogue(Language language)
{
    static Catalogues catalogues;
    return catalogues.byLanguage[int(language)].get();
}

QTranslator *installed = nullptr; // the catalogue installTranslator() installed; GUI thread only

} // namespace

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
