#include "trace/lanenames.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace BurgerBench::LaneNames {
namespace {

struct KindText
{
    LaneKind kind;
    const char *key; // report key (task_lane_kinds[].kind)
    const char *source; // English name and translation source; %1 is the number
};

// The source strings are the ones burgerbench_es.ts translates in this context.
constexpr const char *Context = "BurgerBench::Timeline";
const KindText kinds[] = {
    { LaneKind::EventLoop, "event_loop", QT_TRANSLATE_NOOP("BurgerBench::Timeline", "event loop (cashier)") },
    { LaneKind::Pool, "pool", QT_TRANSLATE_NOOP("BurgerBench::Timeline", "QtConcurrent %1") },
    { LaneKind::Worker, "worker", QT_TRANSLATE_NOOP("BurgerBench::Timeline", "worker %1 (cashier-cook)") },
    { LaneKind::JobWorker, "job_worker", QT_TRANSLATE_NOOP("BurgerBench::Timeline", "job worker %1") },
};

const KindText &textOf(LaneKind kind)
{
    for (const KindText &k : kinds)
        if (k.kind == kind)
            return k;
    return kinds[0];
}

QString withNumber(const QString &text, const TaskLane &lane)
{
    return lane.kind == LaneKind::EventLoop ? text : text.arg(lane.number);
}

} // namespace

QString english(const TaskLane &lane)
{
    const QString base = withNumber(QString::fromLatin1(textOf(lane.kind).source), lane);
    return lane.run > 0 ? QStringLiteral("run %1: %2").arg(lane.run).arg(base) : base;
}

QString display(const TaskLane &lane)
{
    const QString base = withNumber(QCoreApplication::translate(Context, textOf(lane.kind).source), lane);
    return lane.run > 0
        ? QCoreApplication::translate("BurgerBench::Timeline", "run %1: %2").arg(lane.run).arg(base)
        : base;
}

QString kindKey(LaneKind kind)
{
    return QString::fromLatin1(textOf(kind).key);
}

std::optional<LaneKind> kindFromKey(const QString &key)
{
    for (const KindText &k : kinds)
        if (key == QLatin1String(k.key))
            return k.kind;
    return std::nullopt;
}

std::optional<TaskLane> fromRecordedName(const QString &name)
{
    static const QRegularExpression runPrefix(QStringLiteral("^run ([1-9]\\d{0,8}): "));
    TaskLane lane;
    QString rest = name;
    // A merged report prefixes "run K: " (twice or more if merged again: the outer run is kept).
    for (QRegularExpressionMatch run = runPrefix.match(rest); run.hasMatch(); run = runPrefix.match(rest)) {
        if (lane.run == 0)
            lane.run = run.captured(1).toInt();
        rest = rest.mid(run.capturedLength());
    }
    for (const KindText &k : kinds) {
        if (k.kind == LaneKind::EventLoop) {
            if (rest == QLatin1String(k.source)) {
                lane.kind = k.kind;
                lane.number = 1;
                return lane;
            }
            continue;
        }
        const QStringList parts = QString::fromLatin1(k.source).split(QLatin1String("%1"));
        const QRegularExpression re(QLatin1Char('^') + QRegularExpression::escape(parts.value(0))
            + QLatin1String("([1-9]\\d{0,8})") + QRegularExpression::escape(parts.value(1))
            + QLatin1Char('$'));
        const QRegularExpressionMatch m = re.match(rest);
        if (m.hasMatch()) {
            lane.kind = k.kind;
            lane.number = m.captured(1).toInt();
            return lane;
        }
    }
    // Older blocking workers were "worker N".
    static const QRegularExpression oldWorker(QStringLiteral("^worker ([1-9]\\d{0,8})$"));
    const QRegularExpressionMatch m = oldWorker.match(rest);
    if (m.hasMatch()) {
        lane.kind = LaneKind::Worker;
        lane.number = m.captured(1).toInt();
        return lane;
    }
    return std::nullopt;
}

} // namespace BurgerBench::LaneNames
