#include "gui/translations.h"

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
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
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
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app = std::make_unique<QTranslator>();
    m_qt = std::make_unique<QTranslator>();
    // Compiled in by qt_add_translations (resource prefix /i18n).
    const bool appLoaded = m_app->load(QStringLiteral(":/i18n/burgerbench_%1.qm").arg(effective));
    if (appLoaded)
        QCoreApplication::installTranslator(m_app.get());
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
