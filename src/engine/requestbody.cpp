#include "engine/requestbody.h"

#include "workload/dataset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace BurgerBench {

QString RequestBody::generatePrompt(int words)
{
    static const char *const vocabulary[]
        = { "please", "describe", "the", "perfect", "burger", "with", "cheese", "pickles", "onions", "and",
              "a", "toasted", "bun", "for", "two", "hungry", "people", "waiting", "at", "table", "seven" };
    constexpr int n = int(sizeof(vocabulary) / sizeof(vocabulary[0]));
    QString out;
    out.reserve(words * 7);
    for (int i = 0; i < words; ++i) {
        if (i)
            out += u' ';
        out += QLatin1String(vocabulary[i % n]);
    }
    return out;
}

int RequestBody::countWords(const QString &text)
{
    int count = 0;
    bool inWord = false;
    for (QChar c : text) {
        if (c.isSpace()) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            ++count;
        }
    }
    return count;
}

namespace {

QJsonObject bodyObject(const Scenario &s, const QString &prompt, const QJsonArray &messages, int maxTokens)
{
    QJsonObject o;
    o.insert(QStringLiteral("model"), s.model);
    if (s.endpoint == Endpoint::Responses) {
        // The Responses API: a conversation's messages are its input items as they are (role and
        // content, an EasyInputMessage each); max_output_tokens is its only length limit, and it
        // refuses chat's max_tokens and stream_options.
        o.insert(QStringLiteral("input"), !messages.isEmpty() ? QJsonValue(messages) : QJsonValue(prompt));
        o.insert(QStringLiteral("max_output_tokens"), maxTokens);
        return o;
    }
    if (s.endpoint == Endpoint::Chat) {
        o.insert(QStringLiteral("messages"),
            !messages.isEmpty()
                ? messages
                : QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                    { QStringLiteral("content"), prompt } } });
        o.insert(QStringLiteral("max_completion_tokens"), maxTokens);
    } else {
        QString text = prompt;
        // A dataset's conversation sent to a completions endpoint: its contents, one a line.
        for (const auto &m : messages) {
            if (!text.isEmpty())
                text += u'\n';
            text += m.toObject().value(QLatin1String("content")).toString();
        }
        o.insert(QStringLiteral("prompt"), text);
    }
    // max_tokens too: some servers (older vLLM, llama.cpp) read only that one.
    o.insert(QStringLiteral("max_tokens"), maxTokens);
    return o;
}

} // namespace

QByteArray RequestBody::plannedJson(const Scenario &s, const PlannedRequest &request)
{
    QJsonObject o = bodyObject(s, request.prompt, request.messages, request.outputTokens);
    o.insert(QStringLiteral("stream"), s.stream);
    if (s.stream && s.endpoint != Endpoint::Responses)
        o.insert(QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    if (s.ignoreEos)
        o.insert(QStringLiteral("ignore_eos"), true);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::shared_ptr<const RequestPlan> RequestBody::plan(const Scenario &s, QString *error)
{
    const WorkloadSettings &w = s.workload;
    std::vector<DatasetRow> rows;
    QString note;
    if (!w.dataset.isEmpty()) {
        Dataset::Options options;
        options.format = w.datasetFormat;
        options.sample = w.datasetSample;
        options.sampleReplace = w.datasetSampleReplace;
        options.seed = s.seed;
        options.minInputTokens = w.datasetMinInput;
        options.maxInputTokens = w.datasetMaxInput;
        options.maxOutputTokens = w.datasetMaxOutput;
        options.multiTurn = w.multiTurn;
        options.fields = w.datasetFields;
        Dataset::Stats stats;
        if (!Dataset::load(w.dataset, options, w.tokens, &rows, &stats, error))
            return nullptr;
        note = QStringLiteral("%1 (%2): %3").arg(w.dataset, stats.format, stats.summary(options));
    }
    RequestPlan::Fallback fallback;
    fallback.prompt = s.prompt;
    fallback.promptTokens = s.promptTokens;
    fallback.maxTokens = s.maxTokens;
    return RequestPlan::build(w, s.seed, fallback, error, std::move(rows), note);
}

bool RequestBodies::init(const Scenario &scenario, QString *error, std::shared_ptr<const RequestPlan> plan)
{
    m_scenario = scenario;
    m_plan.reset();
    if (!scenario.workload.active()) {
        const RequestBody built = RequestBody::build(scenario);
        m_fixed = built.json;
        m_fixedPromptTokens = built.promptTokens;
        return true;
    }
    m_plan = plan ? std::move(plan) : RequestBody::plan(scenario, error);
    return m_plan != nullptr;
}

void RequestBodies::fillPlanned(quint32 index, RequestRecord *r) const
{
    if (!m_plan) {
        r->promptTokens = m_fixedPromptTokens;
        return;
    }
    const PlannedRequest p = m_plan->at(index, false);
    r->askedInputTokens = p.inputTokens;
    r->askedOutputTokens = p.outputTokens;
    r->promptTokens = p.inputTokens >= 0 ? p.inputTokens : RequestBody::countWords(p.prompt);
}

QByteArray RequestBodies::body(quint32 index, RequestRecord *r) const
{
    if (!m_plan) {
        r->promptTokens = m_fixedPromptTokens;
        return m_fixed;
    }
    const PlannedRequest p = m_plan->at(index);
    r->askedInputTokens = p.inputTokens;
    r->askedOutputTokens = p.outputTokens;
    r->promptTokens = p.inputTokens >= 0 ? p.inputTokens : RequestBody::countWords(p.prompt);
    return RequestBody::plannedJson(m_scenario, p);
}

RequestBody RequestBody::build(const Scenario &s)
{
    const QString prompt = s.prompt.isEmpty() ? generatePrompt(s.promptTokens) : s.prompt;
    QJsonObject o = bodyObject(s, prompt, {}, s.maxTokens);
    o.insert(QStringLiteral("stream"), s.stream);
    if (s.stream && s.endpoint != Endpoint::Responses)
        o.insert(QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    if (s.ignoreEos)
        o.insert(QStringLiteral("ignore_eos"), true);
    RequestBody body;
    body.json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    body.promptTokens = countWords(prompt);
    return body;
}

} // namespace BurgerBench
