#include "workload/sessionplan.h"

#include "workload/promptsynth.h"

#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

// mixSeed stream of the think times (requestplan.cpp's streams are 1..4).
constexpr quint64 ThinkStream = 11;

QJsonObject message(const QString &role, const QString &content)
{
    return QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), content } };
}

qsizetype contentBytes(const QJsonArray &messages)
{
    qsizetype bytes = 0;
    for (const auto &m : messages)
        bytes += m.toObject().value(QLatin1String("content")).toString().size();
    return bytes;
}

} // namespace

bool parseThinkTime(const QString &text, LengthDistribution *out, QString *error, const QString &what)
{
    const QString t = text.trimmed();
    bool zero = false;
    if (t.toDouble(&zero) == 0 && zero) {
        *out = LengthDistribution::fixed(0);
        return true;
    }
    if (!LengthDistribution::parse(t, what, out, error)) {
        *error += QStringLiteral("; think times are milliseconds, e.g. 500 or uniform:200,800 (0 = none)");
        return false;
    }
    return true;
}

std::shared_ptr<const SessionPlan> SessionPlan::build(
    const std::vector<DatasetRow> &rows, const WorkloadSettings &w, quint64 seed, QString *error)
{
    auto out = std::make_shared<SessionPlan>();
    out->m_seed = seed;
    if (!w.thinkTime.isEmpty()) {
        if (!parseThinkTime(w.thinkTime, &out->m_think, error))
            return nullptr;
        out->m_thinks = true;
    }
    if (rows.empty()) {
        out->m_sessionCount = w.sessions;
        out->m_turns = w.turns;
        out->m_totalTurns = qint64(w.sessions) * w.turns;
        out->m_firstUnused = quint32(std::min<qint64>(out->m_totalTurns, 0xffffffffLL));
        if (out->m_totalTurns <= 0) {
            *error = QStringLiteral("workload.sessions: synthetic sessions need workload.sessions and "
                                    "workload.turns from 1");
            return nullptr;
        }
        return out;
    }
    // A dataset: its rows grouped by conversation, each in turn order.
    QHash<QString, int> byId;
    std::vector<std::vector<quint32>> sessions;
    std::vector<std::vector<int>> turnOf;
    for (size_t i = 0; i < rows.size(); ++i) {
        const DatasetRow &row = rows[i];
        int s = -1;
        if (!row.sessionId.isEmpty()) {
            const auto it = byId.constFind(row.sessionId);
            if (it != byId.constEnd())
                s = it.value();
            else
                byId.insert(row.sessionId, s = int(sessions.size()));
        }
        if (s < 0) {
            s = int(sessions.size());
        }
        if (size_t(s) == sessions.size()) {
            sessions.emplace_back();
            turnOf.emplace_back();
        }
        sessions[size_t(s)].push_back(quint32(i));
        turnOf[size_t(s)].push_back(row.turn);
    }
    const size_t keep = w.sessions > 0 ? std::min(sessions.size(), size_t(w.sessions)) : sessions.size();
    sessions.resize(keep);
    for (size_t s = 0; s < keep; ++s) {
        std::vector<quint32> &turns = sessions[s];
        // Rows of one conversation in `turn` order; rows read in that order stay as read.
        std::stable_sort(turns.begin(), turns.end(),
            [&rows](quint32 a, quint32 b) { return rows[a].turn < rows[b].turn; });
        if (w.turns > 0 && turns.size() > size_t(w.turns))
            turns.resize(size_t(w.turns));
        out->m_totalTurns += qint64(turns.size());
    }
    out->m_rows = std::move(sessions);
    out->m_sessionCount = int(out->m_rows.size());
    out->m_firstUnused = quint32(rows.size());
    return out;
}

int SessionPlan::turnCount(int session) const
{
    if (session < 0 || session >= m_sessionCount)
        return 0;
    return m_rows.empty() ? m_turns : int(m_rows[size_t(session)].size());
}

quint32 SessionPlan::planIndex(int session, int turn) const
{
    if (m_rows.empty())
        return quint32(qint64(session) * m_turns + turn);
    return m_rows[size_t(session)][size_t(turn)];
}

SessionPlan::Turn SessionPlan::turn(
    const RequestPlan &plan, int session, int turn, qsizetype historyBytes) const
{
    Turn t;
    const PlannedRequest p = plan.at(planIndex(session, turn));
    t.outputTokens = p.outputTokens;
    QString prompt = p.prompt;
    // A shared prefix is the conversation's system prompt: said once, at its start.
    if (turn > 0 && p.prefixGroup >= 0 && p.prefixGroup < plan.prefixes().size()) {
        const QString &prefix = plan.prefixes()[p.prefixGroup];
        if (prompt.startsWith(prefix) && prompt.size() > prefix.size() + 1)
            prompt = prompt.mid(prefix.size() + 1);
    }
    if (!p.messages.isEmpty())
        t.messages = p.messages;
    if (!prompt.isEmpty() || t.messages.isEmpty())
        t.messages.append(message(QStringLiteral("user"), prompt));
    if (historyBytes == 0 && turn == 0 && p.inputTokens >= 0 && p.messages.isEmpty())
        t.inputTokens = p.inputTokens;
    else
        t.inputTokens = plan.tokens().tokensFor(historyBytes + contentBytes(t.messages));
    return t;
}

qint64 SessionPlan::thinkNs(int session, int turn) const
{
    if (!m_thinks || turn <= 0)
        return 0;
    std::mt19937_64 rng(mixSeed(mixSeed(m_seed, ThinkStream, quint64(session)), quint64(turn)));
    return qint64(m_think.sample(rng)) * 1'000'000;
}

bool replayArrivals(const std::vector<DatasetRow> &rows, const WorkloadSettings &w, double rate,
    std::vector<ReplayArrival> *out, QString *error)
{
    out->clear();
    if (w.replay == QLatin1String("off") || rows.empty() || w.sessionRun())
        return true;
    const bool required = w.replay == QLatin1String("on");
    if (!required && rate > 0)
        return true;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].timestampMs >= 0)
            continue;
        if (!required)
            return true; // auto: an untimed dataset runs closed loop (or at load.rate)
        *error = QStringLiteral("workload.replay: on, but dataset row %1 (of %2 read) has no timestamp; "
                                "replay needs one on every row (or set replay to auto or off)")
                     .arg(i + 1)
                     .arg(rows.size());
        return false;
    }
    // From the earliest row: a trace written with wall-clock (epoch) times starts at once too.
    qint64 first = rows.front().timestampMs;
    for (const DatasetRow &row : rows)
        first = std::min(first, row.timestampMs);
    out->reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        out->push_back(
            { qint64(std::llround(double(rows[i].timestampMs - first) * w.timeScale * 1e6)), quint32(i) });
    std::stable_sort(out->begin(), out->end(),
        [](const ReplayArrival &a, const ReplayArrival &b) { return a.offsetNs < b.offsetNs; });
    return true;
}

} // namespace BurgerBench
