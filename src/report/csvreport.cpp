#include "report/csvreport.h"

#include "report/atomicfile.h"
#include "report/secretscrub.h"
#include "report/timeformat.h"

namespace BurgerBench {
namespace CsvReport {

namespace {

QString msCell(qint64 ns)
{
    return ns < 0 ? QString() : TimeFormat::nsAsMs(ns);
}

QString diffCell(qint64 from, qint64 to)
{
    return (from < 0 || to < 0) ? QString() : TimeFormat::nsAsMs(to - from);
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
        QStringLiteral("output_tokens_source"), QStringLiteral("retries"), QStringLiteral("error_message") };
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

QByteArray toBytes(const RunTrace &trace)
{
    const SecretScrubber scrub(trace.scenario.apiKeyEnv);
    QByteArray out = columns().join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const RequestRecord &r : trace.requests) {
        // METRICS.md items 5, 6, 9: E2EL ends at the last token event for streams, at the
        // settled time for non-streaming responses; only successes have latencies.
        const bool ok = r.outcome == Outcome::Success && r.dispatchNs >= 0;
        const qint64 lastEvent = r.tokenNs.empty() ? r.endNs : r.lastTokenNs();
        const bool streamed = trace.scenario.stream && !r.tokenNs.empty();
        QString tpot;
        if (ok && streamed && r.outputTokens > 1) {
            const qint64 decode = r.lastTokenNs() - r.firstTokenNs();
            tpot = QString::number(double(decode) / 1e6 / double(r.outputTokens - 1), 'f', 6);
        }
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
            ok && streamed ? diffCell(r.dispatchNs, r.firstTokenNs()) : QString(),
            ok ? diffCell(r.dispatchNs, lastEvent) : QString(),
            tpot,
            diffCell(r.intendedNs, r.dispatchNs),
            QString::number(r.tokenNs.size()),
            r.promptTokens >= 0 ? QString::number(r.promptTokens) : QString(),
            r.outputTokens >= 0 ? QString::number(r.outputTokens) : QString(),
            r.outputTokensFromUsage ? QStringLiteral("usage") : QStringLiteral("token_events"),
            QString::number(r.retries),
            quoteField(scrub.text(r.errorMessage)),
        };
        out += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

bool write(const QString &path, const RunTrace &trace, QString *error)
{
    return writeFileAtomically(path, toBytes(trace), error);
}

} // namespace CsvReport
} // namespace BurgerBench
