#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <vector>

namespace BurgerBench {

// The metric types of the Prometheus text exposition format (and OpenMetrics' `unknown`, read
// as untyped).
enum class PromKind : quint8 { Untyped, Counter, Gauge, Histogram, Summary };

QString promKindName(PromKind kind); // "untyped", "counter", "gauge", "histogram", "summary"
bool promKindFromName(QByteArrayView name, PromKind *kind); // false for an unknown name

using PromLabels = QList<QPair<QByteArray, QByteArray>>; // in the order written, values unescaped

// One sample line: `name{labels} value [timestamp]`.
struct PromSample
{
    QByteArray name; // as written, e.g. "vllm:time_to_first_token_seconds_bucket"
    QByteArray family; // its family: the `# TYPE` name it belongs to, else `name` itself
    PromKind kind = PromKind::Untyped; // the family's type
    PromLabels labels;
    double value = 0; // NaN, +Inf and -Inf as written
    bool hasTimestamp = false;
    qint64 timestampMs = 0;

    QByteArray label(QByteArrayView key) const; // empty when absent
};

// A `# HELP` / `# TYPE` pair, in the order first seen.
struct PromFamily
{
    QByteArray name;
    PromKind kind = PromKind::Untyped;
    QString help; // unescaped
};

struct PromError
{
    int line = 0; // 1-based; 0 for the whole text
    QString message;
};

// Bounds on what one exposition may cost. Defaults fit a large vLLM or SGLang server many times
// over (vLLM 0.8 with a handful of models: ~60 families, ~1,500 samples, ~150 KB).
struct PromLimits
{
    qsizetype maxBytes = 8 * 1024 * 1024; // a longer text is refused whole
    int maxSamples = 100000; // samples beyond it are dropped (truncated)
    int maxFamilies = 10000; // `# TYPE`/`# HELP` names beyond it are ignored (truncated)
    int maxLabels = 64; // per sample; a line with more is an error
    int maxErrors = 32; // errors kept; badLines counts them all
};

struct PromParseResult
{
    std::vector<PromSample> samples; // in the order written
    std::vector<PromFamily> families;
    std::vector<PromError> errors; // the first maxErrors, each naming its line
    int badLines = 0; // lines skipped as malformed (all of them, not only those in `errors`)
    bool truncated = false; // a sample or family cap was reached: the rest were dropped
    bool refused = false; // larger than maxBytes: nothing parsed (errors says why)

    bool ok() const { return !refused && badLines == 0 && !truncated; }
};

// Parses the Prometheus text exposition format 0.0.4 (and what OpenMetrics 1.0 text adds that a
// scrape may meet: `unknown`, `# EOF`, exemplars after ` # `, counters typed by their family name).
// Pure and bounded: a malformed line is reported with its line number and skipped; the rest of
// the text still counts. Accepts LF and CRLF line ends, blanks and tabs between tokens, escapes
// \\ \" \n in label values and \\ \n in HELP texts, NaN / +Inf / -Inf (any case) as values, an
// optional integer millisecond timestamp.
PromParseResult parsePrometheusText(QByteArrayView text, const PromLimits &limits = {});

// The value of a Prometheus number token ("1.5e3", "NaN", "+Inf", "-inf"), or false.
bool parsePromNumber(QByteArrayView token, double *value);

} // namespace BurgerBench
