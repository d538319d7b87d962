#include "sweep/sweepresult.h"

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

struct PhaseName
{
    SweepPhase phase;
    const char *name;
};
constexpr PhaseName phaseNames[]
    = { { SweepPhase::Level, "level" }, { SweepPhase::Synchronous, "synchronous" },
          { SweepPhase::Throughput, "throughput" }, { SweepPhase::Probe, "probe" } };

} // namespace

QString sweepPhaseName(SweepPhase phase)
{
    for (const PhaseName &p : phaseNames) {
        if (p.phase == phase)
            return QLatin1String(p.name);
    }
    return {};
}

bool sweepPhaseFromName(const QString &name, SweepPhase *out)
{
    for (const PhaseName &p : phaseNames) {
        if (name == QLatin1String(p.name)) {
            *out = p.phase;
            return true;
        }
    }
    return false;
}

void SweepResult::aggregate()
{
    points.clear();
    int pointCount = 0;
    for (const SweepStep &s : steps)
        pointCount = std::max(pointCount, s.point + 1);
    for (int p = 0; p < pointCount; ++p) {
        SweepPoint point;
        QList<double> rps, tps, arr, t50, t99, i50, i99, e50, e99;
        for (const SweepStep &s : steps) {
            if (s.point != p || !s.error.isEmpty())
                continue;
            point.over = s.over;
            point.value = s.value;
            point.phase = s.phase;
            ++point.runs;
            point.saturated = point.saturated || s.saturation.saturated;
            point.meetsSlo = point.meetsSlo && s.meetsSlo;
            const Summary &m = s.summary;
            // Steady state when the step has one (saturation.h), else the run's own figure.
            rps.append(s.saturation.completionRate > 0 ? s.saturation.completionRate : m.requestThroughput);
            tps.append(s.saturation.outputRate > 0 ? s.saturation.outputRate : m.outputThroughput);
            arr.append(s.saturation.arrivalRate > 0 ? s.saturation.arrivalRate : std::nan(""));
            t50.append(m.ttft.percentile(50));
            t99.append(m.ttft.percentile(99));
            i50.append(m.itl.percentile(50));
            i99.append(m.itl.percentile(99));
            e50.append(m.e2el.percentile(50));
            e99.append(m.e2el.percentile(99));
        }
        if (point.runs == 0)
            continue;
        point.requestThroughput = MeanInterval::of(rps);
        point.outputThroughput = MeanInterval::of(tps);
        point.arrivalRate = MeanInterval::of(arr);
        point.ttftP50 = MeanInterval::of(t50);
        point.ttftP99 = MeanInterval::of(t99);
        point.itlP50 = MeanInterval::of(i50);
        point.itlP99 = MeanInterval::of(i99);
        point.e2elP50 = MeanInterval::of(e50);
        point.e2elP99 = MeanInterval::of(e99);
        points.append(point);
    }
    maxRequestThroughput = 0;
    maxOutputThroughput = 0;
    for (const SweepPoint &p : std::as_const(points)) {
        if (std::isfinite(p.requestThroughput.mean))
            maxRequestThroughput = std::max(maxRequestThroughput, p.requestThroughput.mean);
        if (std::isfinite(p.outputThroughput.mean))
            maxOutputThroughput = std::max(maxOutputThroughput, p.outputThroughput.mean);
    }
}

} // namespace BurgerBench
