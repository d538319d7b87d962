#include "gui/requestdescription.h"

#include "render/timeformat.h"
#include "trace/runtrace.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace BurgerBench {

double msBetween(qint64 fromNs, qint64 toNs)
{
    if (fromNs < 0 || toNs < 0)
        return std::numeric_limits<double>::quiet_NaN();
    return double(toNs - fromNs) / 1e6;
}

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
    return QCoreApplication::translate("BurgerBench::RequestDescription", "Request #%1").arg(request + 1);
}

QString requestSummaryHtml(const RequestRecord &r)
{
    QString html = QStringLiteral("<b>%1</b> — %2").arg(requestTitle(int(r.index)), outcomeLabel(r.outcome));
    if (r.warmup)
        html += QStringLiteral(" <i>(%1)</i>")
                    .arg(QCoreApplication::translate("BurgerBench::RequestDescription", "warm-up"));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    const auto row = [&html](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td>%1&nbsp;</td><td align=\"right\">%2</td></tr>").arg(name, value);
    };
    const double queue = msBetween(r.intendedNs, r.dispatchNs);
    if (!std::isnan(queue) && queue > 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "In line"), formatMs(queue));
    const double ttft = msBetween(r.dispatchNs, r.firstTokenNs());
    if (!std::isnan(ttft))
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "TTFT"), formatMs(ttft));
    const qint64 last = r.lastTokenNs() >= 0 ? r.lastTokenNs() : r.endNs;
    const double e2el = msBetween(r.dispatchNs, r.settled() ? last : -1);
    if (!std::isnan(e2el))
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "E2E latency"), formatMs(e2el));
    row(QCoreApplication::translate("BurgerBench::RequestDescription", "Token events"),
        QString::number(r.tokenNs.size()));
    if (r.lane >= 0)
        row(QCoreApplication::translate("BurgerBench::RequestDescription", "Slot"),
            QString::number(r.lane + 1));
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
