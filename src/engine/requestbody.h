#pragma once

#include "scenario/scenario.h"
#include "trace/runtrace.h"
#include "workload/requestplan.h"

#include <QByteArray>

#include <memory>

namespace BurgerBench {

// The POST body every request of a run carries (METRICS.md item 3), built once per run.
struct RequestBody
{
    QByteArray json;
    int promptTokens = 0; // planned prompt length: whitespace-separated words, as the simulator counts

    static RequestBody build(const Scenario &scenario);
    // A prompt of `words` words, deterministic, burger-themed.
    static QString generatePrompt(int words);
    static int countWords(const QString &text);
    // The body of one planned request: its prompt (or messages) and max_tokens, everything else
    // as build() sends it.
    static QByteArray plannedJson(const Scenario &scenario, const PlannedRequest &request);
    // The scenario's workload as a plan (reads its dataset, if any); null with a message naming
    // the field or the dataset's file and line.
    static std::shared_ptr<const RequestPlan> plan(const Scenario &scenario, QString *error);
};

// Every body of a run, for whoever sends them (the load engine, the blocking workers): one body
// for the whole run without a workload, else request i's planned body. Immutable after init();
// body() may be called from any thread.
class RequestBodies
{
public:
    // `plan` may be given (shared between clients); else it is built from the scenario.
    bool init(const Scenario &scenario, QString *error, std::shared_ptr<const RequestPlan> plan = {});
    // Request `index`'s body; sets the record's planned promptTokens and asked lengths.
    QByteArray body(quint32 index, RequestRecord *record) const;
    // The same record fields without building the body (no prompt synthesised): for a record
    // created before its first attempt.
    void fillPlanned(quint32 index, RequestRecord *record) const;
    const std::shared_ptr<const RequestPlan> &plan() const { return m_plan; }

private:
    Scenario m_scenario;
    QByteArray m_fixed;
    int m_fixedPromptTokens = 0;
    std::shared_ptr<const RequestPlan> m_plan;
};

} // namespace BurgerBench
