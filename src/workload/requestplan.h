#pragma once

#include "workload/lengthdistribution.h"
#include "workload/workloadsettings.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace BurgerBench {

// What request `index` of a run sends.
struct PlannedRequest
{
    QString prompt; // the user message (chat) or the prompt (completions)
    QJsonArray messages; // a dataset's chat messages; when set, sent instead of `prompt` (chat)
    int inputTokens = -1; // asked prompt length in the target's tokens (-1: not planned)
    int outputTokens = -1; // asked output length, sent as max_tokens
    int prefixGroup = -1; // the shared prefix it starts with, -1 for none
};

// One row of a dataset (workload/dataset.h).
struct DatasetRow
{
    QString prompt;
    QJsonArray messages;
    int outputTokens = -1; // -1: the workload's output distribution (or max_tokens) decides
    // A Mooncake-style trace row's asked prompt length in the target's tokens (the prompt is
    // synthesised to it from hashIds' blocks); -1: the prompt's own text decides.
    int inputTokens = -1;
    // Mooncake `hash_ids`: one hash per 512-token block; blocks with the same hash get the same
    // text, so the target's prefix cache sees what production saw.
    std::vector<quint64> hashIds;
    // When the request is sent, in ms from the trace's first row (`timestamp`); -1: not timed.
    // Replay (--time-scale) uses it as the intended send time.
    qint64 timestampMs = -1;
    // The conversation (session) the row is a turn of; empty: a request of its own. Rows of one
    // session are kept in turn order, `turn` 0-based.
    QString sessionId;
    int turn = 0;
};

// Per request index, the prompt and max_tokens of a workload. Immutable once built and shared
// between the threads that send requests (std::shared_ptr<const RequestPlan>). Request i's
// lengths, prefix group and text come from streams seeded by (seed, i) alone, so a run of any
// length is planned lazily and the same seed plans the same traffic, whoever sends it.
class RequestPlan
{
public:
    struct Fallback // the scenario's single-request fields, for whatever the workload leaves unset
    {
        QString prompt;
        int promptTokens = 32;
        int maxTokens = 64;
    };

    // Null with a message naming the scenario field when a distribution does not parse.
    static std::shared_ptr<const RequestPlan> build(const WorkloadSettings &settings, quint64 seed,
        const Fallback &fallback, QString *error, std::vector<DatasetRow> rows = {},
        QString datasetNote = {});

    // Request `index`; without `withText` only its lengths and group (no prompt synthesised).
    PlannedRequest at(quint32 index, bool withText = true) const;
    const TokenModel &tokens() const { return m_tokens; }
    const QStringList &prefixes() const { return m_prefixes; }
    qsizetype datasetRows() const { return qsizetype(m_rows.size()); }
    const std::vector<DatasetRow> &rows() const { return m_rows; }
    // What the dataset load read, filtered and kept (Dataset::Stats::summary); empty without one.
    const QString &datasetNote() const { return m_datasetNote; }

private:
    QString hashedPrompt(const DatasetRow &row, quint32 index) const;

    LengthDistribution m_input;
    LengthDistribution m_output;
    QString m_fixedPrompt; // the scenario's own prompt, when the workload sets no input length
    int m_prefixTokens = 0;
    QStringList m_prefixes;
    TokenModel m_tokens;
    quint64 m_seed = 0;
    std::vector<DatasetRow> m_rows;
    QString m_datasetNote;
};

} // namespace BurgerBench
