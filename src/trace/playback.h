#pragma once

#include "trace/runtrace.h"

namespace BurgerBench {

// Replaying a saved run (the teacher's slow motion): the trace as it stood at one moment, as a
// live run would have shown it then, so every view that follows a live run (timeline, story,
// statistics, code panel) plays it back unchanged.
//
// At `nowNs` on the run's clock a record exists once the engine would have made it (a closed
// loop's order when it was taken, an open-loop arrival when it was due); its stamps, tokens and
// earlier attempts after `nowNs` are not there yet; an attempt still under way is the record's
// own, a wait between attempts leaves it waiting; what had not settled is in flight. Records
// after the last one made are left out, earlier ones not made yet are empty placeholders (their
// lanes stay blank). Loop busy spans and lag samples, tasks, jobs and the server's scrapes are
// cut the same way. Pure: the same trace and moment give the same answer.
RunTrace traceAt(const RunTrace &full, qint64 nowNs);

// The first moment after `nowNs` at which something is recorded (a request's stamp or token, an
// attempt's edge, a task's or job's edge), or -1 when nothing is left: the replay's "step".
qint64 nextEventAfter(const RunTrace &full, qint64 nowNs);

// The moment a replay of `full` ends: the last thing recorded (the run's end, or later edges).
qint64 playbackEndNs(const RunTrace &full);

} // namespace BurgerBench
