#include "trace/jobrecord.h"

namespace BurgerBench {

QString jobStatusName(JobStatus status)
{
    switch (status) {
    case JobStatus::Pending:
        return QStringLiteral("pending");
    case JobStatus::Running:
        return QStringLiteral("running");
    case JobStatus::Done:
        return QStringLiteral("done");
    case JobStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

bool jobStatusFromName(const QString &name, JobStatus *status)
{
    for (JobStatus s : { JobStatus::Pending, JobStatus::Running, JobStatus::Done, JobStatus::Failed }) {
        if (name == jobStatusName(s)) {
            *status = s;
            return true;
        }
    }
    return false;
}

} // namespace BurgerBench
