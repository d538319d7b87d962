#include "metrics/clientsaturation.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace BurgerBench {

namespace {
constexpr qint64 kWindowNs = 1'000'000'000;

double p99(std::vector<qint64> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(std::llround(double(v.size() - 1) * 0.99)));
    return double(v[i]);
}
} // namespace

ClientSaturation measureClientSaturation(const RunTrace &trace)
{
    ClientSaturation s;
    const qint64 from = std::max<qint64>(0, trace.measuredStartNs);
    qint64 to = trace.endNs;
    if (to <= from) {
        for (const Span &sp : trace.loopBusy)
            to = std::max(to, sp.endNs);
    }
    if (to <= from)
        return s;
    // The busy spans inside the window, in time order (the probe appends them so; sorted anyway).
    std::vector<Span> spans;
    for (const Span &sp : trace.loopBusy) {
        const qint64 a = std::max(sp.startNs, from);
        const qint64 b = std::min(sp.endNs, to);
        if (b > a)
            spans.push_back(Span { a, b });
    }
    std::sort(spans.begin(), spans.end(), [](const Span &x, const Span &y) { return x.startNs < y.startNs; });
    // before[i]: busy ns of spans[0..i), so any interval's busy time is two binary searches away.
    std::vector<qint64> before(spans.size() + 1, 0);
    for (size_t i = 0; i < spans.size(); ++i) {
        before[i + 1] = before[i] + (spans[i].endNs - spans[i].startNs);
    }
    s.measured = !spans.empty();
    const auto busyIn = [&](qint64 a, qint64 b) {
        // Spans ending after a, starting before b; the two at the edges are clipped.
        const auto first
            = std::partition_point(spans.begin(), spans.end(), [a](const Span &x) { return x.endNs <= a; });
        const auto last
            = std::partition_point(first, spans.end(), [b](const Span &x) { return x.startNs < b; });
        if (first == last)
            return qint64(0);
        const size_t i = size_t(first - spans.begin());
        const size_t j = size_t(last - spans.begin());
        qint64 busy = before[j] - before[i];
        busy -= std::max<qint64>(0, a - spans[i].startNs);
        busy -= std::max<qint64>(0, spans[j - 1].endNs - b);
        return busy;
    };
    // The busiest second of the window, sliding: the best placement of a fixed-length window over
    // a union of intervals starts at an interval's start or ends at an interval's end. A window
    // shorter than a second is measured whole.
    const qint64 len = std::min(kWindowNs, to - from);
    for (const Span &sp : spans) {
        for (const qint64 a : { std::min(sp.startNs, to - len), std::max(from, sp.endNs - len) })
            s.busyMax = std::max(s.busyMax, std::min(1.0, double(busyIn(a, a + len)) / double(len)));
    }
    s.busyMean = std::min(1.0, double(before.back()) / double(to - from));
    std::vector<qint64> lags;
    for (const LagSample &l : trace.loopLag) {
        if (l.atNs >= from && l.atNs <= to) {
            lags.push_back(l.lagNs);
            s.measured = true;
        }
    }
    s.loopLagP99Ms = p99(lags) / 1e6;
    s.loopLagMaxMs = lags.empty() ? 0 : double(*std::max_element(lags.begin(), lags.end())) / 1e6;
    std::vector<qint64> late;
    for (const RequestRecord &r : trace.requests) {
        if (!r.warmup && r.intendedNs >= 0 && r.dispatchNs >= r.intendedNs)
            late.push_back(r.dispatchNs - r.intendedNs);
    }
    s.dispatchLateP99Ms = p99(late) / 1e6;
    return s;
}

bool cpuWorkOnLoop(const RunTrace &trace)
{
    for (const TaskRecord &t : trace.tasks) {
        if (t.kind == TaskKind::CpuWork && t.lane >= 0 && size_t(t.lane) < trace.taskLanes.size()
            && trace.taskLanes[size_t(t.lane)].kind == LaneKind::EventLoop)
            return true;
    }
    return false;
}

ClientVerdict clientVerdict(const ClientSaturation &s, bool socketTransport, bool cpuOnLoop)
{
    ClientVerdict v;
    QStringList why;
    if (s.busyMax >= 0.70)
        why << QStringLiteral("engine thread busy %1% of a second (>= 70%)").arg(s.busyMax * 100, 0, 'f', 0);
    if (s.loopLagP99Ms > 10)
        why << QStringLiteral("loop lag p99 %1 ms (> 10 ms)").arg(s.loopLagP99Ms, 0, 'f', 1);
    if (why.isEmpty())
        return v;
    v.limited = true;
    v.reason = why.join(QStringLiteral("; "));
    if (cpuOnLoop) {
        v.hint = ClientVerdict::Hint::CpuOnLoop;
        v.reason += QStringLiteral("; the run's own CPU work ran on the event loop");
    } else if (!socketTransport) {
        v.hint = ClientVerdict::Hint::SocketTransport;
        v.reason += QStringLiteral("; --transport socket would help");
    }
    return v;
}

} // namespace BurgerBench
