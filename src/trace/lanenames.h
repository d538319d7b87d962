#pragma once

#include "trace/runtrace.h"

#include <QString>

#include <optional>

namespace BurgerBench {

// The one table of task-lane names, so every report, the CLI and every race row name a lane
// the same way. The English name is what reports and the CLI print ("event loop (cashier)",
// "QtConcurrent 2", "worker 1 (cashier-cook)", "job worker 1", and "run 2: ..." in a merged
// report); the UI shows the same source strings translated (context "BurgerBench::Timeline").
namespace LaneNames {

QString english(const TaskLane &lane);
QString display(const TaskLane &lane);

// The report key of a kind ("event_loop", "pool", "worker", "job_worker"), and back.
QString kindKey(LaneKind kind);
std::optional<LaneKind> kindFromKey(const QString &key);

// Reports written before `task_lane_kinds` carry names only: the one place a lane name is read
// back. Accepts exactly what english() wrote (and the older "worker N"); nullopt otherwise.
std::optional<TaskLane> fromRecordedName(const QString &name);

// Shorthands for the models that make lanes.
inline TaskLane eventLoop()
{
    return TaskLane { LaneKind::EventLoop, 1, 0 };
}
inline TaskLane lane(LaneKind kind, int number)
{
    return TaskLane { kind, qint32(number), 0 };
}

} // namespace LaneNames
} // namespace BurgerBench
