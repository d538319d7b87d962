// libFuzzer entry point for HttpRequestParser (its chunked bodies go through protocol/'s
// ChunkedDecoder). Built by fuzz/CMakeLists.txt; run by scripts/fuzz-smoke.sh.
//
// Besides "does not crash", it checks one property: the requests and the error are the same
// whether the input arrives in one feed or in pieces (the piece sizes come from the first byte),
// and every request respects the header and body limits.
#include "sim/httprequestparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using BurgerBench::HttpRequest;
using BurgerBench::HttpRequestParser;

namespace {

// Small limits so the fuzzer reaches the limit paths with short inputs.
constexpr qsizetype MaxHeader = 512;
constexpr qsizetype MaxBody = 1024;

struct Result
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

Result parse(const char *data, qsizetype size, qsizetype step)
{
    HttpRequestParser parser(MaxHeader, MaxBody);
    Result result;
    for (qsizetype pos = 0; pos < size; pos += step) {
        parser.feed(QByteArrayView(data + pos, std::min(step, size - pos)));
        while (parser.hasRequest())
            result.requests.append(parser.takeRequest());
        (void)parser.takeExpectContinue();
        (void)parser.isMidRequest();
    }
    result.errorStatus = parser.errorStatus();
    if (parser.hasError() && parser.errorMessage().isEmpty())
        abort();
    return result;
}

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.path == b.path
        && a.versionMinor == b.versionMinor && a.headers == b.headers && a.body == b.body;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype step = 1 + data[0] % 17;
    const char *input = reinterpret_cast<const char *>(data + 1);
    const auto length = qsizetype(size - 1);

    const Result whole = parse(input, length, std::max<qsizetype>(length, 1));
    const Result pieces = parse(input, length, step);
    if (whole.errorStatus != pieces.errorStatus || whole.requests.size() != pieces.requests.size())
        abort();
    for (qsizetype i = 0; i < whole.requests.size(); ++i) {
        const HttpRequest &r = whole.requests[i];
        if (!sameRequest(r, pieces.requests[i]))
            abort();
        if (r.body.size() > MaxBody || r.method.isEmpty() || r.path.isEmpty())
            abort();
        (void)r.keepAlive();
        (void)r.header("content-length");
    }
    if (whole.errorStatus != 0 && whole.errorStatus != 400 && whole.errorStatus != 413)
        abort();
    return 0;
}
