#pragma once

#include <QList>
#include <QString>

namespace BurgerBench {
struct Progress;
struct RunTrace;
struct Summary;
namespace Cli {
// "[ 12.3s] in flight 256 | done 1012 | failed 0 | queued 0 | 12345 tok/s | loop lag 0.4 ms"
QString progressLine(const Progress &progress, double tokensPerS);
// The human-readable result table printed on stdout: the requests' figures, and the work that
// was not a request (CPU tasks, held waits, worker lanes, background jobs) when the run had any.
QString formatSummary(const RunTrace &trace, const Summary &summary, const QList<double> &ranks);
} // namespace Cli
} // namespace BurgerBench
