#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace BurgerBench {

// Removes credentials from everything a report, trace, image or log writes: user info in URLs,
// secret-looking query parameters, Authorization / API-key headers, Bearer tokens, "sk-..."
// keys, and the literal values of API keys found in the environment. A report is mailed
// around; a leaked key costs real money, so every writer passes its text through here.
class SecretScrubber
{
public:
    // Collects the values of the environment variable `apiKeyEnv` (the scenario's key variable)
    // and of every variable whose name looks like a credential (*API_KEY*, *TOKEN*, *SECRET*,
    // *PASSWORD*). Values shorter than 8 characters are ignored: replacing every "abc" in a
    // report would destroy it and such a value is no secret worth the name.
    explicit SecretScrubber(const QString &apiKeyEnv = QStringLiteral("OPENAI_API_KEY"));

    // Adds a literal value to redact (e.g. a key passed on the command line).
    void addSecret(const QString &value);
    const QStringList &secrets() const { return m_secrets; }

    QString text(const QString &text) const;
    // A URL without user info and with secret query values redacted. Not a regex pass: QUrl
    // parses it, so "http://u:p@h/" loses "u:p@" whatever characters the password holds.
    QString url(const QString &url) const;
    // A scenario's JSON (or any JSON object) with every url scrubbed, credential headers and
    // fields redacted and every other string passed through text().
    QJsonObject scenario(const QJsonObject &scenarioJson) const;

    static QString redacted() { return QStringLiteral("[REDACTED]"); }
    // True for a header or query-parameter name that carries a credential.
    static bool isSecretName(const QString &name);

private:
    QStringList m_secrets;
};

} // namespace BurgerBench
