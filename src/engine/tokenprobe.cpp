#include "engine/tokenprobe.h"

#include "engine/tlstrust.h"
#include "engine/useragent.h"

#include "engine/loadengine.h"
#include "engine/requestbody.h"
#include "workload/promptsynth.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <random>

namespace BurgerBench::TokenProbe {

namespace {

// Probe sizes in bytes of the word source: far enough apart for a precise slope, small enough
// for any context window (~250 and ~2,000 tokens at 4 bytes a token).
constexpr int SmallBytes = 1000;
constexpr int LargeBytes = 8000;
constexpr quint64 ProbeSeed = 0x70726F6265; // "probe": text the run itself never sends

struct Reply
{
    int status = 0;
    QJsonObject json;
    QString error;
};

Reply post(QNetworkAccessManager &nam, const QUrl &url, const Scenario &s, const QByteArray &apiKey,
    const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", userAgent()); // as the run's requests (loadengine.cpp)
    request.setRawHeader("Accept-Language", "*");
    for (auto it = s.headers.begin(); it != s.headers.end(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    if (!apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + apiKey);
#if QT_CONFIG(ssl)
    if (url.scheme() == QLatin1String("https")) {
        TlsConfiguration tls;
        QString unused; // RunSession::check refused a file that cannot be read
        if (TlsTrust::configuration(s, &tls, &unused))
            request.setSslConfiguration(tls);
    }
#endif
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam.post(request, body);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(int(std::clamp(s.timeoutS, 1.0, 30.0) * 1000));
    loop.exec();
    Reply out;
    if (!reply->isFinished()) {
        reply->abort();
        out.error = QStringLiteral("no answer in time");
    } else {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->read(4 * 1024 * 1024);
        out.json = QJsonDocument::fromJson(bytes).object();
        if (out.status != 200)
            out.error = out.status ? QStringLiteral("HTTP %1").arg(out.status) : reply->errorString();
        else if (out.json.isEmpty())
            out.error = QStringLiteral("the answer is not a JSON object");
    }
    reply->deleteLater();
    return out;
}

// Fits tokens = overhead + bytes / bytesPerToken through two measured points.
bool fit(double b1, double c1, double b2, double c2, TokenModel *model)
{
    if (c1 <= 0 || c2 <= c1)
        return false;
    model->bytesPerToken = (b2 - b1) / (c2 - c1);
    model->overheadTokens = std::max(0.0, c1 - b1 / model->bytesPerToken);
    return std::isfinite(model->bytesPerToken) && model->bytesPerToken > 0;
}

} // namespace

QUrl tokenizeUrl(const QUrl &target)
{
    QUrl url = target;
    url.setPath(QStringLiteral("/tokenize"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

Result measure(const Scenario &s, const QUrl &target, const QByteArray &apiKey)
{
    Result result;
    std::mt19937_64 rng(ProbeSeed);
    const QString texts[2] = { PromptSynth::text(rng, SmallBytes), PromptSynth::text(rng, LargeBytes) };
    const double bytes[2] = { double(texts[0].toUtf8().size()), double(texts[1].toUtf8().size()) };
    QNetworkAccessManager nam;
    QStringList notes;

    // 1. POST /tokenize, as the endpoint would see the prompt (chat: with its template).
    {
        double counts[2] = { -1, -1 };
        for (int i = 0; i < 2; ++i) {
            QJsonObject o { { QStringLiteral("model"), s.model } };
            if (s.endpoint != Endpoint::Completions) // chat and responses: with the chat template
                o.insert(QStringLiteral("messages"),
                    QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                        { QStringLiteral("content"), texts[i] } } });
            else
                o.insert(QStringLiteral("prompt"), texts[i]);
            const Reply r
                = post(nam, tokenizeUrl(target), s, apiKey, QJsonDocument(o).toJson(QJsonDocument::Compact));
            ++result.roundTrips;
            const QJsonValue count = r.json.value(QLatin1String("count"));
            if (!r.error.isEmpty() || !count.isDouble()) {
                notes << QStringLiteral("POST /tokenize: %1")
                             .arg(r.error.isEmpty() ? QStringLiteral("no \"count\" in the answer") : r.error);
                break;
            }
            counts[i] = count.toDouble();
        }
        TokenModel m;
        if (counts[1] >= 0 && fit(bytes[0], counts[0], bytes[1], counts[1], &m)) {
            m.source = CountSource::Tokenize;
            result.model = m;
            return result;
        }
    }

    // 2. Probe requests: their usage.prompt_tokens, before the clock starts.
    {
        Scenario probe = s;
        probe.stream = false;
        const QUrl endpoint = LoadEngine::endpointUrl(target, s.endpoint);
        double counts[2] = { -1, -1 };
        for (int i = 0; i < 2; ++i) {
            PlannedRequest p;
            p.prompt = texts[i];
            p.outputTokens = 1;
            const Reply r = post(nam, endpoint, probe, apiKey, RequestBody::plannedJson(probe, p));
            ++result.roundTrips;
            const QJsonValue tokens
                = r.json.value(QLatin1String("usage"))
                      .toObject()
                      .value(s.endpoint == Endpoint::Responses ? QLatin1String("input_tokens")
                                                               : QLatin1String("prompt_tokens"));
            if (!r.error.isEmpty() || !tokens.isDouble()) {
                notes << QStringLiteral("probe request: %1")
                             .arg(r.error.isEmpty() ? QStringLiteral("no usage.prompt_tokens in the answer")
                                                    : r.error);
                break;
            }
            counts[i] = tokens.toDouble();
        }
        TokenModel m;
        if (counts[1] >= 0 && fit(bytes[0], counts[0], bytes[1], counts[1], &m)) {
            m.source = CountSource::Calibrated;
            result.model = m;
            result.note = notes.join(QStringLiteral("; "));
            return result;
        }
    }

    result.model = TokenModel();
    result.note = notes.join(QStringLiteral("; "));
    return result;
}

} // namespace BurgerBench::TokenProbe
