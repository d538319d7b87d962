#pragma once

#include "sweep/sweepresult.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace BurgerBench {

// Two sweeps side by side (`burgerbench-cli compare a.json b.json` on two burgerbench.sweep/1
// reports): the levels both ran (same `over` and offered value), each side's mean achieved rate,
// TTFT p50/p99 and E2EL p99 with the change; and the capacity (a search's value and bracket, each
// side) with a noise verdict. Pure.
//
// The noise rule for the capacity: with repeats on both sides (a point of 2 or more runs at each
// capacity), the two capacity levels' achieved requests/s 95% intervals: apart, the change is beyond
// noise; overlapping, within it. Without repeats, the brackets: each capacity is known only to within
// [lo, hi] (a level that met and one that did not), so overlapping brackets are within noise and
// disjoint ones beyond it. A level row's change is judged the same way by its achieved rate's
// intervals when both points have repeats, else not judged.
namespace SweepCompare {

enum class Verdict { BeyondNoise, WithinNoise, NotJudged };
QString verdictText(Verdict v); // "beyond noise", "within noise", "n/a"

struct Side
{
    double rps = 0; // mean achieved requests/s (steady state)
    double ttftP50 = 0, ttftP99 = 0, e2elP99 = 0; // ms, means of the repeats
    MeanInterval rpsInterval;
    bool saturated = false;
};

struct LevelRow
{
    SweepOver over = SweepOver::Rate;
    double value = 0;
    Side a, b;
    Verdict rpsVerdict = Verdict::NotJudged;
};

struct CapacitySide
{
    bool searched = false;
    double value = 0; // NaN: no level met the SLO
    double lo = 0;
    double hi = 0; // NaN: unbounded
    MeanInterval rps; // the capacity level's achieved requests/s (its point), n = 0 if not found
};

struct Result
{
    QList<LevelRow> rows;
    CapacitySide a, b;
    bool capacity = false; // both sides searched
    double capacityDelta = 0; // b - a
    double capacityPercent = 0;
    Verdict capacityVerdict = Verdict::NotJudged;
    QString capacityMethod; // "repeats' 95% intervals", "bracket overlap", or why not judged
    double maxRpsA = 0, maxRpsB = 0;
};

Result compare(const SweepResult &a, const SweepResult &b);
QString formatTable(const QString &nameA, const QString &nameB, const Result &r);
QJsonObject toJson(const QString &nameA, const QString &nameB, const Result &r);

} // namespace SweepCompare

} // namespace BurgerBench
