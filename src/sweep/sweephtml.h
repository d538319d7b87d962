#pragma once

#include "i18n/language.h"
#include "sweep/sweepcompare.h"
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
// The Pareto view: output tokens/s per stream (a request's output tokens over its E2EL, the mean of
// the step's successes) against the step's total output tokens/s, a labelled point per step and
// the frontier. Against the built-in simulator, the theory (sweep/sweeptheory.h): the ceiling S/T
// and the expected curve on the throughput charts, and Little's law per step in the table.
// In English or Spanish (Options::language, the catalogue's context "BurgerBench::SweepHtml").
// The same input gives the same bytes.
namespace SweepHtml {

struct Options
{
    Language language = Language::English;
};

QByteArray toBytes(const SweepResult &result);
QByteArray toBytes(const SweepResult &result, const Options &options);
// Atomically (report/atomicfile.h).
bool write(const QString &path, const SweepResult &result, QString *error);
bool write(const QString &path, const SweepResult &result, const Options &options, QString *error);

// Two sweeps in one page (`compare a.json b.json --html`): achieved requests/s, TTFT p99 and E2EL p99
// against the load with A and B in two colours (the legend names the files; a point links to its
// level's row), then the comparison's table and the capacity change with its noise verdict.
QByteArray compareToBytes(const SweepResult &a, const QString &nameA, const SweepResult &b,
    const QString &nameB, const SweepCompare::Result &comparison, const Options &options = Options());
bool writeCompare(const QString &path, const SweepResult &a, const QString &nameA, const SweepResult &b,
    const QString &nameB, const SweepCompare::Result &comparison, QString *error);

} // namespace SweepHtml

} // namespace BurgerBench
