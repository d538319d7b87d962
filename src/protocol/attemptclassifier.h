#pragma once

#include "protocol/httpresponseparser.h"
#include "protocol/openaichunk.h"
#include "protocol/sseparser.h"
#include "trace/runtrace.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace BurgerBench {

// What one attempt came to: the verdict a transport settles (or retries) with.
struct AttemptVerdict
{
    Outcome outcome = Outcome::Failed;
    ErrorKind error = ErrorKind::None;
    QString message;

    bool success() const { return outcome == Outcome::Success; }
};

// The policy half of "transport apart from policy": turns what one HTTP attempt received into
// the attempt's record and verdict, the same way for every transport (the QNAM engine, the
// blocking client). Transports read bytes and report what happened, in order:
//
//   begin(record)          a new attempt fills the record
//   onHead(record, status, ...)  the final response head (after any 1xx)
//   onBody(record, bytes, t)     decoded body bytes read at time t (any slicing)
//   onTransportError(...)  the connection failed, or the response broke HTTP framing
//   abort(kind, ...)       the transport's own cut: cancel, timeout, size cap
//   finish(record, t)      the end; returns the verdict
//
// The record is passed to each call, never kept: the engine's records live in a vector that
// grows while requests are in flight.
//
// and the classifier decides (METRICS.md items 4, 8, 10): token events (an SSE event whose JSON
// has a non-empty `choices`) get the caller's time, usage counts replace the event count, the
// kept text is capped, in-stream `{"error": ...}` and non-JSON chunks, a missing [DONE], no token
// event, a redirect (301/302/303/307/308: Redirect, never followed, the Location in the message),
// another non-2xx status (with the server's own message, else "HTTP 503 Service Unavailable"), a
// body that is not an OpenAI completion. Precedence: an abort, then a redirect or a non-2xx status,
// then a transport error, then what the body says. Pure: Qt Core only, no clock, no socket.
//
// Cost on the per-token path: onBody() feeds the one SseParser and classifies each event with
// parseStreamChunk(); the event vector is reused, token times go straight into the record's
// vector (amortised growth), and nothing else is allocated unless an error message is built.
//
// Thread affinity: none; one classifier per in-flight attempt, reused across attempts.
class AttemptClassifier
{
public:
    struct Options
    {
        bool stream = true; // the request asked for an SSE stream
        qsizetype keepTextBytes = 4096; // RequestRecord::text cap (Scenario::keepTextBytes)
        // The Responses API's events and body (protocol/responsesevents.h), not chat/completions
        // chunks: its stream ends with response.completed where chat's ends with [DONE].
        bool responses = false;
        qsizetype keepErrorBodyBytes = 1 << 20; // error / unexpected bodies kept for the message
        // Issue 15: one SSE line or event at most this long (Scenario::maxEventBytes; 0 = no cap).
        qsizetype maxEventBytes = 1 << 20;
    };

    AttemptClassifier();
    explicit AttemptClassifier(const Options &options);
    void setOptions(const Options &options);

    // A new attempt fills `record`: its token times, text, status and output count from a
    // previous attempt are cleared; timing fields (and the planned promptTokens) are the transport's.
    void begin(RequestRecord &record);

    // The final response head. `contentType` decides whether the body is an event stream;
    // `reason` and `location` only make a non-2xx message readable. May be called again.
    void onHead(RequestRecord &record, int status, QByteArrayView reason, QByteArrayView contentType,
        QByteArrayView location = {});
    bool headSeen() const { return m_status != 0; }
    bool httpOk() const { return m_status >= 200 && m_status < 300; }

    // Decoded body bytes, read at nowNs. Returns how many token events they completed.
    int onBody(RequestRecord &record, QByteArrayView bytes, qint64 nowNs);

    // The transport failed (reset, refused, DNS, TLS, ...) or the bytes broke HTTP. The first
    // report counts.
    void onTransportError(ErrorKind kind, const QString &message);
    // The same for an HttpResponseParser in error, each error its exact kind: a garbage status
    // line BadStatusLine, a head over our limits HeadersTooLarge, a broken chunked body
    // ChunkedEncoding, a body over the cap ResponseTooLarge, a close before the end
    // ConnectionReset, the rest (a bad header line, a bad Content-Length) BadResponse.
    void onHttpError(const HttpResponseParser &parser);
    static ErrorKind kindFor(HttpResponseParser::Error error);

    // The transport cut the attempt itself (cancel, fail-fast, end of run: Incomplete; timeouts
    // and the size cap: Failed). Overrides everything else; the first abort counts.
    void abort(ErrorKind kind, const QString &message = {});
    bool aborted() const { return m_abortKind != ErrorKind::None; }

    // The attempt is over: flushes a last SSE event without its blank line, then decides. On
    // success the record's promptTokens / outputTokens / outputTokensFromUsage are set; on a
    // failure outputTokens is the token event count if unset. Outcome, error and message are
    // returned for the caller to settle or retry with (a retry must not show a failure live).
    AttemptVerdict finish(RequestRecord &record, qint64 nowNs);

    // The stream had one line or event over Options::maxEventBytes: its bytes are dropped and the
    // attempt must end (the transport aborts it; finish() alone says EventTooLarge too).
    bool eventTooLarge() const { return m_sse.overflowed(); }
    // Body bytes held between reads, unparsed or kept whole: the SSE parser's unfinished line and
    // event, a non-streaming or error body (for the run's buffer budget).
    qsizetype heldBytes() const { return m_sse.heldBytes() + m_body.size(); }
    QString eventTooLargeMessage() const;

    int usagePromptTokens() const { return m_usagePrompt; }
    int usageCompletionTokens() const { return m_usageCompletion; }

private:
    int handleEvents(RequestRecord &record, qint64 nowNs);
    void streamProblem(ErrorKind kind, const QString &message);
    QString httpMessage() const;
    ChunkInfo parseBody(QByteArrayView body) const; // a whole body, in the endpoint's shape

    Options m_options;
    SseParser m_sse;
    std::vector<SseEvent> m_events; // reused between reads
    QByteArray m_body; // a non-streaming, error or unexpected body
    QByteArray m_reason;
    QByteArray m_location;
    int m_status = 0;
    bool m_eventStream = false;
    bool m_sawDone = false;
    int m_usagePrompt = -1;
    int m_usageCompletion = -1;
    int m_usageCached = -1;
    int m_usageReasoning = -1;
    ErrorKind m_streamError = ErrorKind::None; // first in-stream problem
    QString m_streamErrorMessage;
    ErrorKind m_transportError = ErrorKind::None;
    QString m_transportMessage;
    ErrorKind m_abortKind = ErrorKind::None;
    QString m_abortMessage;
};

} // namespace BurgerBench
