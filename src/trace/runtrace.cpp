#include "trace/runtrace.h"

namespace BurgerBench {

QString errorKindName(ErrorKind kind, int httpStatus)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::Http:
        return QStringLiteral("http_%1").arg(httpStatus);
    case ErrorKind::ConnectionRefused:
        return QStringLiteral("connection_refused");
    case ErrorKind::HostNotFound:
        return QStringLiteral("host_not_found");
    case ErrorKind::Tls:
        return QStringLiteral("tls_error");
    case ErrorKind::ConnectionReset:
        return QStringLiteral("connection_reset");
    case ErrorKind::Network:
        return QStringLiteral("network_error");
    case ErrorKind::TimeoutTotal:
        return QStringLiteral("timeout_total");
    case ErrorKind::TimeoutIdle:
        return QStringLiteral("timeout_idle");
    case ErrorKind::StreamError:
        return QStringLiteral("stream_error");
    case ErrorKind::MalformedChunk:
        return QStringLiteral("malformed_chunk");
    case ErrorKind::MissingDone:
        return QStringLiteral("missing_done");
    case ErrorKind::NoTokens:
        return QStringLiteral("no_tokens");
    case ErrorKind::BadResponse:
        return QStringLiteral("bad_response");
    case ErrorKind::ResponseTooLarge:
        return QStringLiteral("response_too_large");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::FailFast:
        return QStringLiteral("fail_fast_cancelled");
    case ErrorKind::RunEnded:
        return QStringLiteral("run_ended");
    case ErrorKind::BadStatusLine:
        return QStringLiteral("bad_status_line");
    case ErrorKind::ChunkedEncoding:
        return QStringLiteral("chunked_encoding");
    case ErrorKind::HeadersTooLarge:
        return QStringLiteral("headers_too_large");
    case ErrorKind::Redirect:
        return QStringLiteral("redirect");
    case ErrorKind::EventTooLarge:
        return QStringLiteral("event_too_large");
    case ErrorKind::BufferBudget:
        return QStringLiteral("buffer_budget");
    }
    return QStringLiteral("unknown");
}

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::InFlight:
        return QStringLiteral("in_flight");
    case Outcome::Success:
        return QStringLiteral("success");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Incomplete:
        return QStringLiteral("incomplete");
    }
    return QStringLiteral("unknown");
}

bool errorKindFromName(const QString &name, ErrorKind *kind, int *httpStatus)
{
    *httpStatus = 0;
    if (name.startsWith(QLatin1String("http_"))) {
        bool ok = false;
        const int status = name.mid(5).toInt(&ok);
        if (!ok)
            return false;
        *kind = ErrorKind::Http;
        *httpStatus = status;
        return true;
    }
    for (int k = int(ErrorKind::None); k <= int(LastErrorKind); ++k) {
        if (k != int(ErrorKind::Http) && errorKindName(ErrorKind(k)) == name) {
            *kind = ErrorKind(k);
            return true;
        }
    }
    return false;
}

bool outcomeFromName(const QString &name, Outcome *outcome)
{
    for (int o = int(Outcome::Pending); o <= int(Outcome::Incomplete); ++o) {
        if (outcomeName(Outcome(o)) == name) {
            *outcome = Outcome(o);
            return true;
        }
    }
    return false;
}

} // namespace BurgerBench
