#include "gui/requestdescription.h"

#include "metrics/requestmetrics.h"
#include "render/timeformat.h"
#include "trace/runtrace.h"
#include "trace/shownnumber.h"

#include <QCoreApplication>
#include <QLocale>

namespace BurgerBench {

QString outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "in line");
    case Outcome::InFlight:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "in flight");
    case Outcome::Success:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "done");
    case Outcome::Failed:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "failed");
    case Outcome::Incomplete:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "incomplete");
    }
    return QString();
}

QString errorKindLabel(ErrorKind kind, int httpStatus)
{
    switch (kind) {
    case ErrorKind::None:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "no error");
    case ErrorKind::Http:
        if (httpStatus == 429)
            return QCoreApplication::translate(
                "BurgerBench::RequestDescription", "HTTP 429: too many requests");
        if (httpStatus >= 500)
            return QCoreApplication::translate(
                "BurgerBench::RequestDescription", "HTTP %1: the server failed")
                .arg(httpStatus);
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "HTTP %1: the server refused the request")
            .arg(httpStatus);
    case ErrorKind::ConnectionRefused:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "connection refused: nothing answers at that address");
    case ErrorKind::HostNotFound:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "host not found: the name does not resolve");
    case ErrorKind::Tls:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "the secure (TLS) connection failed");
    case ErrorKind::ConnectionReset:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "connection closed before the answer was complete");
    case ErrorKind::Network:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "network error");
    case ErrorKind::TimeoutTotal:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "timed out: longer than the total time limit");
    case ErrorKind::TimeoutIdle:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "timed out: the server went quiet too long");
    case ErrorKind::StreamError:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "the server reported an error in the stream");
    case ErrorKind::MalformedChunk:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "a streamed piece was not valid JSON");
    case ErrorKind::MissingDone:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "the stream ended without its final [DONE]");
    case ErrorKind::NoTokens:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "the answer carried no tokens");
    case ErrorKind::BadResponse:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "the answer was not an OpenAI completion");
    case ErrorKind::ResponseTooLarge:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "the answer was larger than the size limit");
    case ErrorKind::Cancelled:
        return QCoreApplication::translate("BurgerBench::RequestDescription", "cancelled");
    case ErrorKind::FailFast:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "cancelled because another request failed (fail-fast)");
    case ErrorKind::RunEnded:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "cut off by the end of the run");
    case ErrorKind::BadStatusLine:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "the answer did not start with an HTTP status line");
    case ErrorKind::ChunkedEncoding:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "the answer's chunked encoding was broken");
    case ErrorKind::HeadersTooLarge:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "the answer's headers were larger than the limit");
    case ErrorKind::Redirect:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "HTTP %1: redirected elsewhere (not followed)")
            .arg(httpStatus);
    case ErrorKind::EventTooLarge:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "one streamed line or event was larger than the limit");
    case ErrorKind::BufferBudget:
        return QCoreApplication::translate(
            "BurgerBench::RequestDescription", "cut to keep the run's memory within its buffer budget");
    }
    return errorKindName(kind, httpStatus);
}

QString requestTitle(int request)
{
    return QCoreApplication::translate("BurgerBench::RequestDescription", "Request #%1")
        .arg(shownNumber(request));
}

QString requestSummaryHtml(const RunTrace &trace, int request, bool withRawIds)
{
    if (request < 0 || size_t(request) >= trace.requests.size())
        return QString();
    const RequestRecord &r = trace.requests[size_t(request)];
    const bool stream = trace.scenario.stream;
    QString html = QStringLiteral("<b>%1</b> — %2").arg(requestTitle(int(r.index)), outcomeLabel(r.outcome));
    if (r.warmup)
        html += QStringLiteral(" <i>(%1)</i>")
                    .arg(QCoreApplication::translate("BurgerBench::RequestDescription", "warm-up"));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    const auto row = [&html](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td>%1&nbsp;</td><td align=\"right\">%2</td></tr>").arg(name, value);
    };
    // The X-Request-Id sent: the value to look for in the server's logs.
    if (!r.id.isEmpty())
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "Request id"),
            QStringLiteral("<code>%1</code>").arg(QString::fromUtf8(r.id).toHtmlEscaped()));
    // The report's definitions (metrics/requestmetrics.h), for this one request whatever its
    // outcome: a failed stream still shows when its first token came.
    const qint64 queue = RequestMetrics::queueNs(r);
    if (queue > 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "In line"),
            formatMs(RequestMetrics::toMs(queue), QLocale()));
    const qint64 ttft = RequestMetrics::ttftNs(r, stream);
    if (ttft >= 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "TTFT"),
            formatMs(RequestMetrics::toMs(ttft), QLocale()));
    const qint64 e2el = r.settled() ? RequestMetrics::e2elNs(r, stream) : -1;
    if (e2el >= 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "E2E latency"),
            formatMs(RequestMetrics::toMs(e2el), QLocale()));
    row(QCoreApplication::translate("BurgerBench::RequestDescription", "Token events"),
        QString::number(r.tokenNs.size()));
    if (r.lane >= 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "Slot"),
            QString::number(shownNumber(r.lane)));
    if (r.retries > 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "Retries"),
            QString::number(r.retries));
    if (r.httpStatus > 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "HTTP status"),
            QString::number(r.httpStatus));
    html += QStringLiteral("</table>");
    if (r.error != ErrorKind::None) {
        html += QStringLiteral("<span style=\"color:#8c120c\">%1</span>")
                    .arg(errorKindLabel(r.error, r.httpStatus).toHtmlEscaped());
        if (withRawIds)
            html += QStringLiteral(" <code>%1</code>")
                        .arg(errorKindName(r.error, r.httpStatus).toHtmlEscaped());
        if (!r.errorMessage.isEmpty())
            html += QStringLiteral(": ") + r.errorMessage.left(200).toHtmlEscaped();
    }
    return html;
}

} // namespace BurgerBench
