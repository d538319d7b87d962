#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTranslator;

namespace BurgerBench {

// Installs the app's translator (I18n::installTranslator(): the catalogue the CLI reads too) and
// Qt's own. The language follows the system locale unless the user picks one in the Language
// menu; switching at run time sends LanguageChange to every widget.
class Translations : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    // "" = the system's language (English when not translated), else "en" or "es".
    bool setLanguage(const QString &code);
    QString language() const { return m_requested; }
    QString effectiveLanguage() const { return m_effective; }
    static QStringList available(); // the codes of i18n/language.h's languages
    static QString systemLanguage();

signals:
    void languageChanged(const QString &effective);

private:
    std::unique_ptr<QTranslator> m_qt; // Qt's own; the app's is I18n::installTranslator()'s
    QString m_requested = QStringLiteral("?");
    QString m_effective;
};

} // namespace BurgerBench
