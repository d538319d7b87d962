#include "report/junitreport.h"

#include "report/atomicfile.h"
#include "report/thresholdverdict.h"

#include <QXmlStreamWriter>

namespace BurgerBench {

namespace JunitReport {

namespace {

QString seconds(double s)
{
    return QString::number(s > 0 ? s : 0.0, 'f', 3);
}

QString runOutcome(const RunTrace &trace, bool *completed)
{
    *completed = !trace.cancelled && trace.abortReason.isEmpty();
    if (!trace.abortReason.isEmpty())
        return QStringLiteral("the run was aborted: %1").arg(trace.abortReason);
    if (trace.cancelled)
        return QStringLiteral("the run was cancelled before it completed");
    return {};
}

} // namespace

QByteArray toBytes(const RunTrace &trace, const Summary &summary, const QList<Threshold> &thresholds)
{
    const QList<ThresholdVerdict> verdicts = ThresholdVerdicts::evaluate(thresholds, summary);
    bool completed = false;
    const QString outcome = runOutcome(trace, &completed);
    int failures = completed ? 0 : 1;
    for (const ThresholdVerdict &v : verdicts)
        failures += v.passed ? 0 : 1;
    const QString tests = QString::number(verdicts.size() + 1);
    const QString time = seconds(summary.durationS);
    const QString counts = QStringLiteral("%1 sent, %2 completed, %3 failed, %4 incomplete in %5 s")
                               .arg(summary.sent)
                               .arg(summary.completed)
                               .arg(summary.failed)
                               .arg(summary.incomplete)
                               .arg(time);

    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("burgerbench"));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("time"), time);

    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(
        QStringLiteral("name"), QStringLiteral("burgerbench run: %1").arg(trace.scenario.name));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("time"), time);
    if (trace.startedAt.isValid())
        xml.writeAttribute(QStringLiteral("timestamp"),
            trace.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
    xml.writeStartElement(QStringLiteral("properties"));
    const QList<std::pair<QString, QString>> properties {
        { QStringLiteral("scenario"), trace.scenario.name },
        { QStringLiteral("target"), trace.targetUrl }, // never holds credentials (RunTrace)
        { QStringLiteral("definitions"), summary.definitions },
    };
    for (const auto &[name, value] : properties) {
        xml.writeEmptyElement(QStringLiteral("property"));
        xml.writeAttribute(QStringLiteral("name"), name);
        xml.writeAttribute(QStringLiteral("value"), value);
    }
    xml.writeEndElement(); // properties

    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("run completed"));
    xml.writeAttribute(QStringLiteral("classname"), QStringLiteral("burgerbench.run"));
    xml.writeAttribute(QStringLiteral("time"), time);
    if (!completed) {
        xml.writeStartElement(QStringLiteral("failure"));
        xml.writeAttribute(QStringLiteral("message"), outcome);
        xml.writeAttribute(QStringLiteral("type"),
            trace.cancelled ? QStringLiteral("cancelled") : QStringLiteral("aborted"));
        xml.writeCharacters(outcome + QStringLiteral("\n") + counts);
        xml.writeEndElement();
    } else {
        xml.writeTextElement(QStringLiteral("system-out"), counts);
    }
    xml.writeEndElement(); // testcase

    for (const ThresholdVerdict &v : verdicts) {
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("name"), QStringLiteral("--fail-if %1").arg(v.rule.text));
        xml.writeAttribute(QStringLiteral("classname"), QStringLiteral("burgerbench.thresholds"));
        xml.writeAttribute(QStringLiteral("time"), QStringLiteral("0.000"));
        if (!v.passed) {
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("message"), v.message());
            xml.writeAttribute(QStringLiteral("type"), QStringLiteral("threshold"));
            xml.writeCharacters(v.message());
            xml.writeEndElement();
        } else {
            xml.writeTextElement(QStringLiteral("system-out"), v.message());
        }
        xml.writeEndElement(); // testcase
    }
    xml.writeEndElement(); // testsuite
    xml.writeEndElement(); // testsuites
    xml.writeEndDocument();
    return out;
}

bool write(const QString &path, const RunTrace &trace, const Summary &summary,
    const QList<Threshold> &thresholds, QString *error)
{
    return writeFileAtomically(path, toBytes(trace, summary, thresholds), error);
}

} // namespace JunitReport

} // namespace BurgerBench
