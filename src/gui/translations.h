#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTranslator;

namespace BurgerBench {

// Installs the app's and Qt's own translators. The language follows the system locale unless the
// user picks one in the Language menu; switching at run time sends LanguageChange to every widget.
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
    static QStringList available() { return { QStringLiteral("en"), QStringLiteral("es") }; }
    static QString systemLanguage();

signals:
    void languageChanged(const QString &effective);

private:
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_requested = QStringLiteral("?");
    QString m_effective;
};

} // namespace BurgerBench
