#include "report/secretscrub.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace BurgerBench {

namespace {

const QRegularExpression &userInfoInUrl()
{
    // scheme://anything-without-slash-space-or-@@host
    static const QRegularExpression re(QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@"'<>]+@)"));
    return re;
}

const QRegularExpression &headerLine()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"(\b((?:proxy-)?authorization|x-api-key|api-key|openai-api-key)(["']?\s*[:=]\s*["']?)[^\r\n,;"'}]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &bearer()
{
    static const QRegularExpression re(QStringLiteral(R"(\b(bearer|basic)\s+[A-Za-z0-9._~+/=\-]{4,})"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &skKey()
{
    static const QRegularExpression re(QStringLiteral(R"(\b(sk|sess|rk|pk)-[A-Za-z0-9_\-]{8,})"));
    return re;
}

const QRegularExpression &secretQuery()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"(([?&](?:api[_\-]?key|key|token|access_token|auth|password|passwd|secret|sig|signature)=)[^&\s#"'<>]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

SecretScrubber::SecretScrubber(const QString &apiKeyEnv)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &name : keys) {
        const QString upper = name.toUpper();
        const bool looksSecret = upper == apiKeyEnv.toUpper() || upper.contains(QLatin1String("API_KEY"))
            || upper.contains(QLatin1String("APIKEY")) || upper.endsWith(QLatin1String("_TOKEN"))
            || upper.contains(QLatin1String("SECRET")) || upper.contains(QLatin1String("PASSWORD"));
        if (looksSecret)
            addSecret(env.value(name));
    }
}

void SecretScrubber::addSecret(const QString &value)
{
    const QString v = value.trimmed();
    if (v.size() < 8 || m_secrets.contains(v))
        return;
    m_secrets.append(v);
    // Longest first, so a key that contains another is replaced whole.
    std::sort(m_secrets.begin(), m_secrets.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

bool SecretScrubber::isSecretName(const QString &name)
{
    const QString n = name.toLower();
    return n == QLatin1String("authorization") || n == QLatin1String("proxy-authorization")
        || n.contains(QLatin1String("api-key")) || n.contains(QLatin1String("api_key"))
        || n.contains(QLatin1String("apikey")) || n == QLatin1String("key")
        || n.contains(QLatin1String("token")) || n.contains(QLatin1String("secret"))
        || n.contains(QLatin1String("password")) || n == QLatin1String("passwd") || n == QLatin1String("auth")
        || n == QLatin1String("sig") || n == QLatin1String("signature") || n == QLatin1String("cookie");
}

QString SecretScrubber::text(const QString &input) const
{
    if (input.isEmpty())
        return input;
    QString s = input;
    for (const QString &secret : m_secrets)
        s.replace(secret, redacted());
    s.replace(userInfoInUrl(), QStringLiteral("\\1"));
    s.replace(headerLine(), QStringLiteral("\\1\\2") + redacted());
    s.replace(bearer(), QStringLiteral("\\1 ") + redacted());
    s.replace(skKey(), QStringLiteral("\\1-") + redacted());
    s.replace(secretQuery(), QStringLiteral("\\1") + redacted());
    return s;
}

QString SecretScrubber::url(const QString &input) const
{
    if (input.isEmpty())
        return input;
    QUrl u(input);
    if (!u.isValid())
        return text(input);
    u.setUserInfo(QString());
    if (u.hasQuery()) {
        QUrlQuery query(u);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QUrlQuery clean;
        for (const auto &item : items)
            clean.addQueryItem(item.first, isSecretName(item.first) ? redacted() : item.second);
        u.setQuery(clean);
    }
    u.setFragment(QString());
    return text(u.toString());
}

QJsonObject SecretScrubber::scenario(const QJsonObject &scenarioJson) const
{
    QJsonObject s = scenarioJson;
    if (s.contains(QLatin1String("url")))
        s.insert(QLatin1String("url"), url(s.value(QLatin1String("url")).toString()));
    if (s.value(QLatin1String("headers")).isObject()) {
        const QJsonObject headers = s.value(QLatin1String("headers")).toObject();
        QJsonObject clean;
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (isSecretName(it.key()))
                clean.insert(it.key(), redacted());
            else
                clean.insert(it.key(), text(it.value().toString()));
        }
        s.insert(QLatin1String("headers"), clean);
    }
    if (s.value(QLatin1String("prompt")).isString())
        s.insert(QLatin1String("prompt"), text(s.value(QLatin1String("prompt")).toString()));
    return s;
}

} // namespace BurgerBench
