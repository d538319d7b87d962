// libFuzzer target for the stream path: SseParser fed in random splits, each event classified
// by parseStreamChunk, the whole input also tried as a completion body.
//
// Checks, aborting on a mismatch so libFuzzer keeps the input:
//   - random splits (including empty feeds) and one byte at a time give the same events as one
//     feed, and feed()/finish() return the number of events they appended;
//   - those events equal the ones of a deliberately naive, whole-buffer reference parser;
//   - pendingBytes() never exceeds the bytes fed, and is 0 after finish();
//   - parseStreamChunk says Done exactly for a trimmed "[DONE]".
//
// Build by hand until it is wired into CMake (BURGERBENCH_FUZZ):
//   clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fPIC \
//       -Isrc $(pkg-config --cflags Qt6Core) fuzz/fuzz_sse.cpp \
//       src/protocol/sseparser.cpp src/protocol/openaichunk.cpp \
//       $(pkg-config --libs Qt6Core) -o build/fuzz_sse
//   ./build/fuzz_sse -max_total_time=60 fuzz/corpus/sse
//
// The first 8 bytes of an input seed the split generator; the rest is the stream.

#include "protocol/openaichunk.h"
#include "protocol/sseparser.h"

#include <QList>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace BurgerBench;

namespace {

[[noreturn]] void fail()
{
    std::abort();
}

bool sameEvents(const std::vector<SseEvent> &a, const std::vector<SseEvent> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].event != b[i].event || a[i].data != b[i].data)
            return false;
    }
    return true;
}

// The WHATWG rules written the obvious way over the whole buffer: independent of the
// incremental parser's buffering, CR/LF carry-over and compaction.
std::vector<SseEvent> referenceParse(QByteArrayView stream)
{
    if (stream.startsWith("\xEF\xBB\xBF"))
        stream = stream.sliced(3);
    QList<QByteArray> lines;
    QByteArray line;
    bool ended = true;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        const char c = stream[i];
        if (c == '\r' || c == '\n') {
            lines.append(line);
            line.clear();
            ended = true;
            if (c == '\r' && i + 1 < stream.size() && stream[i + 1] == '\n')
                ++i;
        } else {
            line.append(c);
            ended = false;
        }
    }
    if (!ended)
        lines.append(line); // finish(): a last line without a line end
    lines.append(QByteArray()); // finish(): a last event without a blank line

    std::vector<SseEvent> events;
    QByteArray event;
    QByteArray data;
    bool hasData = false;
    for (const QByteArray &l : lines) {
        if (l.isEmpty()) {
            if (hasData)
                events.push_back(SseEvent { event, data });
            event.clear();
            data.clear();
            hasData = false;
            continue;
        }
        if (l.startsWith(':'))
            continue;
        const qsizetype colon = l.indexOf(':');
        const QByteArray field = colon < 0 ? l : l.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : l.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "data") {
            if (hasData)
                data.append('\n');
            data.append(value);
            hasData = true;
        } else if (field == "event") {
            event = value;
        }
    }
    return events;
}

struct SplitRng
{
    std::uint64_t state;
    std::uint64_t next()
    {
        // xorshift64*: cheap, deterministic per input, never stuck at 0.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ULL;
    }
};

std::vector<SseEvent> parseInPieces(QByteArrayView stream, SplitRng *rng, qsizetype maxPiece)
{
    SseParser parser;
    std::vector<SseEvent> events;
    qsizetype pos = 0;
    while (pos < stream.size()) {
        const qsizetype piece = rng ? qsizetype(rng->next() % std::uint64_t(maxPiece + 1)) : maxPiece;
        const qsizetype n = qMin(piece, stream.size() - pos);
        const std::size_t before = events.size();
        if (parser.feed(stream.sliced(pos, n), &events) != int(events.size() - before))
            fail();
        pos += n;
        if (parser.pendingBytes() > pos)
            fail();
    }
    const std::size_t before = events.size();
    if (parser.finish(&events) != int(events.size() - before) || parser.pendingBytes() != 0)
        fail();
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
    const std::size_t seedBytes = size < 8 ? size : 8;
    for (std::size_t i = 0; i < seedBytes; ++i)
        seed = (seed ^ bytes[i]) * 0x100000001B3ULL;
    const QByteArrayView stream(
        reinterpret_cast<const char *>(bytes) + seedBytes, qsizetype(size - seedBytes));

    const std::vector<SseEvent> whole = parseInPieces(stream, nullptr, qMax<qsizetype>(stream.size(), 1));
    if (!sameEvents(whole, referenceParse(stream)))
        fail();

    SplitRng rng { seed | 1 };
    if (!sameEvents(whole, parseInPieces(stream, &rng, 16)))
        fail();
    if (!sameEvents(whole, parseInPieces(stream, &rng, 4096)))
        fail();
    if (stream.size() <= 4096 && !sameEvents(whole, parseInPieces(stream, nullptr, 1)))
        fail();

    for (const SseEvent &e : whole) {
        const ChunkInfo info = parseStreamChunk(e.data, e.event);
        if ((info.kind == ChunkInfo::Done) != (QByteArrayView(e.data).trimmed() == "[DONE]"))
            fail();
    }
    parseCompletionBody(stream);
    return 0;
}
