// libFuzzer entry point for HttpResponseParser (protocol/, with the ChunkedDecoder it shares
// with the simulator's request parser). Built by fuzz/CMakeLists.txt; run by scripts/fuzz-smoke.sh.
//
// Besides "does not crash", it checks that the parse does not depend on how the bytes arrive:
// head, body, error and framing are the same whether the input comes in one feed or in pieces
// (the piece size comes from the first byte), with or without the peer closing at the end; and
// that the limits hold (header count, body size).
#include "protocol/httpresponseparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using BurgerBench::HttpResponseParser;

namespace {

struct Result
{
    HttpResponseParser::Error error = HttpResponseParser::Error::None;
    bool done = false;
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int interim = 0;
    bool keepAlive = false;
    HttpResponseParser::Framing framing = HttpResponseParser::Framing::Unknown;

    bool operator==(const Result &o) const
    {
        return error == o.error && done == o.done && status == o.status && headers == o.headers
            && body == o.body && interim == o.interim && keepAlive == o.keepAlive && framing == o.framing;
    }
};

// Small limits so short inputs reach the limit paths.
HttpResponseParser::Limits limits()
{
    HttpResponseParser::Limits l;
    l.maxHeaders = 8;
    l.maxLineBytes = 64;
    l.maxHeaderBytes = 256;
    l.maxBodyBytes = 1024;
    return l;
}

Result parse(const char *data, qsizetype size, qsizetype step, bool close)
{
    HttpResponseParser parser(limits());
    Result r;
    for (qsizetype pos = 0; pos < size; pos += step)
        parser.feed(QByteArrayView(data + pos, std::min(step, size - pos)), &r.body);
    if (close)
        parser.finish();
    if (parser.failed() && parser.errorMessage().isEmpty())
        abort();
    r.error = parser.error();
    r.done = parser.done();
    r.status = parser.head().status;
    r.headers = parser.head().headers;
    r.interim = parser.interimResponses();
    r.keepAlive = parser.keepAlive();
    r.framing = parser.framing();
    (void)parser.head().header("content-type");
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype step = 1 + data[0] % 23;
    const char *input = reinterpret_cast<const char *>(data + 1);
    const auto length = qsizetype(size - 1);
    for (bool close : { false, true }) {
        const Result whole = parse(input, length, std::max<qsizetype>(length, 1), close);
        const Result pieces = parse(input, length, step, close);
        if (!(whole == pieces))
            abort();
        if (whole.headers.size() > limits().maxHeaders || whole.body.size() > limits().maxBodyBytes
            || whole.body.size() > length)
            abort();
        if (whole.done && whole.error != HttpResponseParser::Error::None)
            abort();
        if (whole.done && (whole.status < 100 || whole.status > 999))
            abort();
    }
    return 0;
}
