#include "report/secretscrub.h"

#include <QJsonArray>
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

// A scenario string field that holds a credential itself (not "api_key_env", which names the
// variable, and not "max_tokens").
bool isSecretField(const QString &key)
{
    static const QStringList names { QStringLiteral("api_key"), QStringLiteral("apikey"),
        QStringLiteral("key"), QStringLiteral("token"), QStringLiteral("password"), QStringLiteral("secret"),
        QStringLiteral("authorization"), QStringLiteral("bearer") };
    return names.contains(key.toLower());
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
    // Walks the whole object: the url and headers sit in "target" today, but a field moved
    // or added later must not leak either.
    QJsonObject s = scenarioJson;
    for (auto it = s.begin(); it != s.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (value.isArray()) {
            QJsonArray clean;
            const QJsonArray items = value.toArray();
            for (const auto &item : items) {
                if (item.isObject())
                    clean.append(scenario(item.toObject()));
                else if (item.isString())
                    clean.append(text(item.toString()));
                else
                    clean.append(item);
            }
            it.value() = clean;
        } else if (value.isObject() && key == QLatin1String("headers")) {
            const QJsonObject headers = value.toObject();
            QJsonObject clean;
            for (auto h = headers.begin(); h != headers.end(); ++h)
                clean.insert(h.key(),
                    isSecretName(h.key()) ? QJsonValue(redacted()) : QJsonValue(text(h.value().toString())));
            it.value() = clean;
        } else if (value.isObject()) {
            it.value() = scenario(value.toObject());
        } else if (value.isString() && key.endsWith(QLatin1String("url"))) {
            it.value() = url(value.toString());
        } else if (value.isString() && isSecretField(key)) {
            it.value() = redacted();
        } else if (value.isString()) {
            it.value() = text(value.toString());
        }
    }
    return s;
}

} // namespace BurgerBench
