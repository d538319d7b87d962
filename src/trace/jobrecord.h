#pragma once

#include <QByteArray>
#include <QString>

namespace BurgerBench {

// A background job's life, as the client polling its status sees it (seed: 202 + task id).
enum class JobStatus : quint8 { Pending, Running, Done, Failed };
QString jobStatusName(JobStatus status); // "pending", "running", "done", "failed"
// The inverse, for reading saved reports; false for an unknown name.
bool jobStatusFromName(const QString &name, JobStatus *status);

struct JobRecord
{
    QByteArray id; // "job-000001", handed back at once when the job is accepted
    JobStatus status = JobStatus::Pending;
    qint64 acceptedNs = -1; // the submit call returned (the client's "202 Accepted")
    qint64 startedNs = -1; // a worker picked it up: running
    qint64 endedNs = -1; // done or failed
    qint64 seenEndedNs = -1; // the client's status poll first saw it done or failed
    qint32 request = -1; // the job's LLM call in RunTrace::requests
    QString message; // why it failed
};

} // namespace BurgerBench
