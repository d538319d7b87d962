#pragma once

#include <QtGlobal>

namespace BurgerBench {

// Stored indices are 0-based (RequestRecord::index, a request's position in RunTrace::requests,
// RequestRecord::lane, TaskRecord::lane); people count from 1 ("Request #1", "slot 1", lane
// "#1"). Every place that shows such a number to a person converts here, and only there: the
// details pane, tooltips, the story, the HTML report and the timeline's lane labels. The data
// (JSON, CSV, Perfetto) keeps the stored 0-based index.
constexpr qint64 shownNumber(qint64 storedIndex)
{
    return storedIndex + 1;
}

} // namespace BurgerBench
