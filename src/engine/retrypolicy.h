#pragma once

#include "trace/runtrace.h"

#include <QByteArray>
#include <QDateTime>

namespace BurgerBench {

// Retries with exponential backoff and full jitter (delay uniform in [0, min(max, base*2^n)]),
// never sooner than the server's Retry-After.
namespace RetryPolicy {
// Whether a failure of this kind is worth another attempt: 408, 409, 425, 429, 5xx, resets,
// refused connections, idle and total timeouts. Not 4xx client errors, stream or parse errors.
bool isRetryable(ErrorKind kind, int httpStatus);
// Backoff before attempt number `attempt` (1 = the first retry); `uniform01` is a draw in [0, 1).
qint64 backoffNs(int attempt, double baseMs, double maxMs, double uniform01);
// Retry-After as ns from `now`: delta-seconds or an HTTP-date; -1 if absent or unreadable.
qint64 retryAfterNs(const QByteArray &header, const QDateTime &now);
} // namespace RetryPolicy

} // namespace BurgerBench
