#pragma once

#include "metrics/summary.h"
#include "metrics/threshold.h"
#include "trace/runtrace.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace BurgerBench {

// The run as a JUnit XML test report (the Jenkins/Ant format GitHub Actions, GitLab and Jenkins
// display; tests/junit/junit.xsd is the schema it is checked against): one <testsuite> holding a
// test case "run completed" (failed when the run was cancelled or aborted, with the reason) and
// one test case per --fail-if rule, failed or passed, the measured value and the limit in its
// message (a passed rule says it in <system-out>).
namespace JunitReport {

QByteArray toBytes(const RunTrace &trace, const Summary &summary, const QList<Threshold> &thresholds);
// Atomically (atomicfile.h); false with a message naming the path.
bool write(const QString &path, const RunTrace &trace, const Summary &summary,
    const QList<Threshold> &thresholds, QString *error);

} // namespace JunitReport

} // namespace BurgerBench
