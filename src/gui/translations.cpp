#include "gui/translations.h"

#include "i18n/language.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace BurgerBench {

Translations::Translations(QObject *parent)
    : QObject(parent)
{
}

Translations::~Translations()
{
    if (!m_effective.isEmpty())
        I18n::removeTranslator();
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QStringList Translations::available()
{
    QStringList codes;
    for (Language language : I18n::languages())
        codes << I18n::code(language);
    return codes;
}

QString Translations::systemLanguage()
{
    const QStringList ui = QLocale().uiLanguages();
    for (const QString &name : ui) {
        QString code = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
        if (available().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool Translations::setLanguage(const QString &code)
{
    const QString effective = code.isEmpty() ? systemLanguage() : code;
    if (!code.isEmpty() && !available().contains(code))
        return false;
    m_requested = code;
    if (effective == m_effective)
        return true;
    Language language = Language::English;
    I18n::languageFromName(effective, &language);
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_qt = std::make_unique<QTranslator>();
    // The app's words: the catalogue the CLI reads too (bb_i18n's resources).
    const bool appLoaded = I18n::installTranslator(language);
    // Qt's own strings (standard buttons, dialogs), when the system has them.
    if (m_qt->load(
            QStringLiteral("qtbase_%1").arg(effective), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt.get());
    m_effective = effective;
    // installTranslator() only announces itself once the event loop runs; say it in any case so
    // widgets built before exec() (and tests) retranslate too. A second LanguageChange is harmless.
    if (QCoreApplication::instance()) {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
    QLocale::setDefault(QLocale(effective == QLatin1String("es") ? QLocale::Spanish : QLocale::English));
    emit languageChanged(effective);
    return appLoaded || effective == QLatin1String("en");
}

} // namespace BurgerBench
