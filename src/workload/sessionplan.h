#pragma once

#include "workload/lengthdistribution.h"
#include "workload/requestplan.h"
#include "workload/workloadsettings.h"

#include <QJsonArray>
#include <QString>

#include <memory>
#include <vector>

namespace BurgerBench {

// workload.think_time: milliseconds as a LengthDistribution text ("500", "uniform:200,800",
// "normal:500,100"), or "0" for none. False with a message naming workload.think_time (or
// `what`).
bool parseThinkTime(const QString &text, LengthDistribution *out, QString *error,
    const QString &what = QStringLiteral("workload.think_time"));

// The conversations of a multi-turn run (workload.sessions / workload.multi_turn), each turn
// a request of the RequestPlan: turn k of session s adds the plan's request planIndex(s, k) to
// the conversation (its prompt as a user message, or a dataset row's own messages), after the
// history of the earlier turns and the answers the target really gave (kept by the engine).
//   synthetic  sessions U x turns T: turn k of session s is plan request s*T + k, so its user
//              message's length comes from workload.input_tokens and its max_tokens from
//              workload.output_tokens; a shared prefix starts the first turn only.
//   dataset    the rows that share a sessionId, in `turn` order (a row without one is a
//              conversation of one turn), conversations in the order their first row was read;
//              workload.sessions keeps the first N, workload.turns the first T turns of each.
// Immutable once built; the engine asks it from its own thread.
class SessionPlan
{
public:
    // `rows` are the plan's dataset rows (RequestPlan::rows(); none for synthetic sessions).
    // Null with a message naming the field when the think time does not parse or there is no
    // conversation to send.
    static std::shared_ptr<const SessionPlan> build(
        const std::vector<DatasetRow> &rows, const WorkloadSettings &settings, quint64 seed, QString *error);

    struct Turn
    {
        QJsonArray messages; // what this turn adds to the conversation
        int inputTokens = -1; // asked length of the whole request (history included); -1 unknown
        int outputTokens = -1; // max_tokens
    };

    int sessionCount() const { return m_sessionCount; }
    int turnCount(int session) const;
    qint64 totalTurns() const { return m_totalTurns; }
    // The request plan's index behind turn `turn` of `session`.
    quint32 planIndex(int session, int turn) const;
    // What turn `turn` of `session` sends after `historyBytes` bytes of earlier messages.
    Turn turn(const RequestPlan &plan, int session, int turn, qsizetype historyBytes) const;
    // The user's think time before turn `turn` (from 1) of `session`, seeded by both: the same
    // seed thinks the same, whoever sends it.
    qint64 thinkNs(int session, int turn) const;
    // Request plan indices past every turn (warm-up requests use these, so they warm no session).
    quint32 firstUnusedPlanIndex() const { return m_firstUnused; }

private:
    int m_sessionCount = 0;
    int m_turns = 0; // synthetic: turns per session; 0 for a dataset
    qint64 m_totalTurns = 0;
    std::vector<std::vector<quint32>> m_rows; // dataset: plan indices per session, in turn order
    LengthDistribution m_think;
    bool m_thinks = false;
    quint64 m_seed = 0;
    quint32 m_firstUnused = 0;
};

// Timestamped replay (workload.replay): when the plan's dataset rows are sent at their
// timestamps, each arrival's offset from the start of the measured phase ((timestamp - the
// earliest row's) x time_scale, in ns) and the row it sends, in time order (ties in the order read). Empty
// when the run does not replay: replay "off", "auto" with a row lacking a timestamp or with load.rate set, or
// sessions. False with a message when replay is "on" and a row has no timestamp.
struct ReplayArrival
{
    qint64 offsetNs = 0;
    quint32 planIndex = 0;
};
bool replayArrivals(const std::vector<DatasetRow> &rows, const WorkloadSettings &settings, double rate,
    std::vector<ReplayArrival> *out, QString *error);

} // namespace BurgerBench
