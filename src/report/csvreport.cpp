#include "report/csvreport.h"

#include "metrics/requestmetrics.h"
#include "report/atomicfile.h"
#include "report/secretscrub.h"
#include "report/timeformat.h"

#include <cmath>

namespace BurgerBench {
namespace CsvReport {

namespace {

QString msCell(qint64 ns)
{
    return ns < 0 ? QString() : TimeFormat::nsAsMs(ns);
}

} // namespace

QStringList columns()
{
    return { QStringLiteral("index"), QStringLiteral("id"), QStringLiteral("warmup"), QStringLiteral("lane"),
        QStringLiteral("outcome"), QStringLiteral("error"), QStringLiteral("status"),
        QStringLiteral("intended_ms"), QStringLiteral("dispatch_ms"), QStringLiteral("sent_ms"),
        QStringLiteral("headers_ms"), QStringLiteral("first_byte_ms"), QStringLiteral("first_token_ms"),
        QStringLiteral("last_token_ms"), QStringLiteral("end_ms"), QStringLiteral("ttft_ms"),
        QStringLiteral("e2el_ms"), QStringLiteral("tpot_ms"), QStringLiteral("queue_ms"),
        QStringLiteral("token_events"), QStringLiteral("prompt_tokens"), QStringLiteral("output_tokens"),
        QStringLiteral("output_tokens_source"), QStringLiteral("retries"), QStringLiteral("error_message"),
        // A workload's asked lengths and the server's cached prompt tokens (empty when unknown).
        QStringLiteral("asked_input_tokens"), QStringLiteral("asked_output_tokens"),
        QStringLiteral("cached_tokens"), QStringLiteral("stopped_early"),
        // A multi-turn run's 0-based conversation and turn (empty for a request of its own).
        QStringLiteral("session"), QStringLiteral("turn"),
        // Reasoning: its token events, the usage's reasoning_tokens, and the time to the first
        // answer token (first content token - dispatch; streamed successes).
        QStringLiteral("reasoning_events"), QStringLiteral("reasoning_tokens"),
        QStringLiteral("first_content_token_ms") };
}

QString quoteField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"'))
        && !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool produce(const RunTrace &trace, const ReportSink &sink)
{
    const SecretScrubber scrub(trace.scenario.apiKeyEnv);
    if (!sink(columns().join(QLatin1Char(',')).toUtf8() + "\r\n"))
        return false;
    for (const RequestRecord &r : trace.requests) {
        // METRICS.md items 5, 6, 9 (metrics/requestmetrics.h): only successes have latencies
        // in this table; warm-up rows keep theirs and are flagged by the warmup column.
        const bool ok = r.outcome == Outcome::Success && r.dispatchNs >= 0;
        const bool stream = trace.scenario.stream;
        const double tpotMs = RequestMetrics::tpotMs(r, stream);
        const QString tpot = ok && !std::isnan(tpotMs) ? QString::number(tpotMs, 'f', 6) : QString();
        const QStringList cells {
            QString::number(r.index),
            quoteField(QString::fromUtf8(r.id)),
            r.warmup ? QStringLiteral("1") : QStringLiteral("0"),
            QString::number(r.lane),
            outcomeName(r.outcome),
            r.error == ErrorKind::None ? QString() : errorKindName(r.error, r.httpStatus),
            r.httpStatus > 0 ? QString::number(r.httpStatus) : QString(),
            msCell(r.intendedNs),
            msCell(r.dispatchNs),
            msCell(r.sentNs),
            msCell(r.headersNs),
            msCell(r.firstByteNs),
            msCell(r.firstTokenNs()),
            msCell(r.lastTokenNs()),
            msCell(r.endNs),
            ok ? msCell(RequestMetrics::ttftNs(r, stream)) : QString(),
            ok ? msCell(RequestMetrics::e2elNs(r, stream)) : QString(),
            tpot,
            msCell(RequestMetrics::queueNs(r)),
            QString::number(r.tokenNs.size()),
            r.promptTokens >= 0 ? QString::number(r.promptTokens) : QString(),
            r.outputTokens >= 0 ? QString::number(r.outputTokens) : QString(),
            r.outputTokensFromUsage ? QStringLiteral("usage") : QStringLiteral("token_events"),
            QString::number(r.retries),
            quoteField(scrub.text(r.errorMessage)),
            r.askedInputTokens >= 0 ? QString::number(r.askedInputTokens) : QString(),
            r.askedOutputTokens >= 0 ? QString::number(r.askedOutputTokens) : QString(),
            r.cachedTokens >= 0 ? QString::number(r.cachedTokens) : QString(),
            r.askedOutputTokens >= 0 ? QString::number(int(r.stoppedEarly())) : QString(),
            r.session >= 0 ? QString::number(r.session) : QString(),
            r.session >= 0 ? QString::number(r.turn) : QString(),
            QString::number(r.reasoningEvents),
            r.reasoningTokens >= 0 ? QString::number(r.reasoningTokens) : QString(),
            ok ? msCell(RequestMetrics::firstContentNs(r, stream)) : QString(),
        };
        if (!sink(cells.join(QLatin1Char(',')).toUtf8() + "\r\n"))
            return false;
    }
    return true;
}

QByteArray toBytes(const RunTrace &trace)
{
    QByteArray out;
    produce(trace, [&out](const QByteArray &piece) {
        out += piece;
        return true;
    });
    return out;
}

bool write(const QString &path, const RunTrace &trace, QString *error)
{
    // A row at a time through the atomic writer: the table is never whole in memory.
    return writeFileAtomically(
        path, [&trace](const ReportSink &sink) { return produce(trace, sink); }, error);
}

} // namespace CsvReport
} // namespace BurgerBench
