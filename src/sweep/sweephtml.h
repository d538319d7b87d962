#pragma once

#include "sweep/sweepresult.h"

#include <QByteArray>
#include <QString>

namespace BurgerBench {

// The sweep report as one self-contained HTML page (`burgerbench-cli report sweep.json --html`):
// no network, no scripts, every chart inline SVG drawn here, in the run report's style
// (report/htmlreport.h). Charts against the offered load (the profile's rate or concurrency; the
// achieved requests/s when a profile mixes both, as `auto` does): achieved requests/s (with the
// offered rate's diagonal and, when the steps had per-request SLOs, goodput) and output tokens/s;
// TTFT, ITL and E2EL p50 and p99 with the SLO's lines. The first saturated level (the knee) is
// marked on every chart with its reason, a search's capacity and bracket shaded; then a table of
// every step. Each point links to its step's row.
//
// Every point is a <circle class="pt" data-step="N" data-x="…" data-y="…">, every chart an
// <svg class="chart sweep" data-x0 data-x1 data-y0 data-y1 data-left data-right data-top
// data-bottom>: the value domain and the plot area in pixels, so a test can check that each point
// sits where its value says (x = left + (v - x0) / (x1 - x0) * (right - left)).
// English only. The same input gives the same bytes.
namespace SweepHtml {

QByteArray toBytes(const SweepResult &result);
// Atomically (report/atomicfile.h).
bool write(const QString &path, const SweepResult &result, QString *error);

} // namespace SweepHtml

} // namespace BurgerBench
