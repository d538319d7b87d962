#include "gui/requestdescription.h"

#include "metrics/requestmetrics.h"
#include "render/timeformat.h"
#include "trace/runtrace.h"
#include "trace/shownnumber.h"

#include <QCoreApplication>

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

QString requestTitle(int request)
{
    return QCoreApplication::translate("BurgerBench::RequestDescription", "Request #%1")
        .arg(shownNumber(request));
}

QString requestSummaryHtml(const RunTrace &trace, int request)
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
            formatMs(RequestMetrics::toMs(queue)));
    const qint64 ttft = RequestMetrics::ttftNs(r, stream);
    if (ttft >= 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "TTFT"),
            formatMs(RequestMetrics::toMs(ttft)));
    const qint64 e2el = r.settled() ? RequestMetrics::e2elNs(r, stream) : -1;
    if (e2el >= 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "E2E latency"),
            formatMs(RequestMetrics::toMs(e2el)));
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
                    .arg(errorKindName(r.error, r.httpStatus).toHtmlEscaped());
        if (!r.errorMessage.isEmpty())
            html += QStringLiteral(": ") + r.errorMessage.left(200).toHtmlEscaped();
    }
    return html;
}

} // namespace BurgerBench
