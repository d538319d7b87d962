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
    const qint64 windows = std::max<qint64>(1, (to - from) / kWindowNs);
    std::vector<qint64> busy(size_t(windows), 0);
    qint64 total = 0;
    for (const Span &sp : trace.loopBusy) {
        const qint64 a = std::max(sp.startNs, from);
        const qint64 b = std::min(sp.endNs, to);
        if (b <= a)
            continue;
        s.measured = true;
        total += b - a;
        for (qint64 w = (a - from) / kWindowNs; w < windows; ++w) {
            const qint64 ws = from + w * kWindowNs;
            const qint64 we = w + 1 == windows ? to : ws + kWindowNs;
            if (ws >= b)
                break;
            busy[size_t(w)] += std::min(b, we) - std::max(a, ws);
        }
    }
    for (qint64 w = 0; w < windows; ++w) {
        const qint64 len = w + 1 == windows ? to - from - w * kWindowNs : kWindowNs;
        if (len > 0)
            s.busyMax = std::max(s.busyMax, std::min(1.0, double(busy[size_t(w)]) / double(len)));
    }
    s.busyMean = std::min(1.0, double(total) / double(to - from));
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

ClientVerdict clientVerdict(const ClientSaturation &s, bool socketTransport)
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
    if (!socketTransport)
        v.reason += QStringLiteral("; --transport socket would help");
    return v;
}

} // namespace BurgerBench
