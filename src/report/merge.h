#pragma once

#include "trace/runtrace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace BurgerBench {

// Joins runs recorded by several processes or machines into one trace, so every statistic is
// computed again from the union of the exact samples: merged percentiles are exact, never an
// average of percentiles (which has no meaning).
//
// Each run keeps its own relative clock: its times are shifted by one offset, recorded in
// meta.merged_from[{file, offset_ns, started_at, requests, first_index}]. Subtracting offset_ns
// from a merged request's times gives back the numbers its own run recorded.
namespace Merge {

enum class Align {
    WallClock, // offset = the run's started_at minus the earliest started_at (ms resolution; the
               // machines' clocks must agree, e.g. by NTP, to within the accuracy you need)
    Zero, // every offset 0: the runs are laid on top of one another (same start)
};

struct Input
{
    QString file; // as it will be recorded
    RunTrace trace;
    QJsonObject meta; // the input's own meta (a merged input keeps its parts)
};

struct Result
{
    RunTrace trace;
    QJsonArray mergedFrom;
    QStringList warnings; // e.g. "the scenarios differ"
};

// False with *error when the runs cannot be merged (no input, different metric definitions,
// a run without started_at under Align::WallClock, one run given twice).
bool merge(const QList<Input> &inputs, Align align, Result *out, QString *error);

// The scenario fields (dotted, e.g. "load.concurrency") in which two runs differ, leaving out what
// workers of one job may differ in (the seed and their share of requests); empty when the runs
// ran the same scenario. merge and compare warn with it.
QStringList scenarioDifferences(const Scenario &a, const Scenario &b);

} // namespace Merge

} // namespace BurgerBench
