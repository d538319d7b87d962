#include "sweep/sweepcompare.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace BurgerBench::SweepCompare {

namespace {

QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

bool sameLevel(SweepOver overA, double a, SweepOver overB, double b)
{
    return overA == overB && std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
}

Side sideOf(const SweepPoint &p)
{
    Side s;
    s.rps = p.requestThroughput.mean;
    s.rpsInterval = p.requestThroughput;
    s.ttftP50 = p.ttftP50.mean;
    s.ttftP99 = p.ttftP99.mean;
    s.e2elP99 = p.e2elP99.mean;
    s.saturated = p.saturated;
    return s;
}

// Apart or overlapping 95% intervals; not judged unless both came from 2 or more repeats.
Verdict byIntervals(const MeanInterval &a, const MeanInterval &b)
{
    if (a.n < 2 || b.n < 2 || !std::isfinite(a.lo) || !std::isfinite(b.lo))
        return Verdict::NotJudged;
    return a.hi < b.lo || b.hi < a.lo ? Verdict::BeyondNoise : Verdict::WithinNoise;
}

CapacitySide capacityOf(const SweepResult &r)
{
    CapacitySide c;
    c.searched = r.capacity.searched;
    c.value = r.capacity.value;
    c.lo = r.capacity.lo;
    c.hi = r.capacity.hi;
    for (const SweepPoint &p : r.points)
        if (std::isfinite(c.value) && sameLevel(p.over, p.value, r.capacity.over, c.value))
            c.rps = p.requestThroughput;
    return c;
}

QString figure(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("-");
}

QString change(double a, double b, int decimals)
{
    if (!std::isfinite(a) || !std::isfinite(b))
        return QStringLiteral("-");
    QString d
        = QStringLiteral("%1%2").arg(b - a >= 0 ? QStringLiteral("+") : QString(), figure(b - a, decimals));
    if (a == 0)
        return d;
    return QStringLiteral("%1 (%2%3%)")
        .arg(d, b - a >= 0 ? QStringLiteral("+") : QString(), figure(100 * (b - a) / a, 1));
}

QString bracketText(const CapacitySide &c)
{
    return QStringLiteral("[%1, %2]").arg(figure(c.lo, 3), figure(c.hi, 3));
}

} // namespace

QString verdictText(Verdict v)
{
    switch (v) {
    case Verdict::BeyondNoise:
        return QStringLiteral("beyond noise");
    case Verdict::WithinNoise:
        return QStringLiteral("within noise");
    case Verdict::NotJudged:
        break;
    }
    return QStringLiteral("n/a");
}

Result compare(const SweepResult &a, const SweepResult &b)
{
    Result r;
    for (const SweepPoint &pa : a.points) {
        for (const SweepPoint &pb : b.points) {
            if (!sameLevel(pa.over, pa.value, pb.over, pb.value))
                continue;
            LevelRow row;
            row.over = pa.over;
            row.value = pa.value;
            row.a = sideOf(pa);
            row.b = sideOf(pb);
            row.rpsVerdict = byIntervals(pa.requestThroughput, pb.requestThroughput);
            r.rows.append(row);
            break;
        }
    }
    std::sort(r.rows.begin(), r.rows.end(), [](const LevelRow &x, const LevelRow &y) {
        return x.over != y.over ? x.over < y.over : x.value < y.value;
    });
    r.maxRpsA = a.maxRequestThroughput;
    r.maxRpsB = b.maxRequestThroughput;
    r.a = capacityOf(a);
    r.b = capacityOf(b);
    r.capacity = r.a.searched && r.b.searched;
    if (!r.capacity) {
        r.capacityMethod = QStringLiteral("not judged: not both sweeps are capacity searches");
        return r;
    }
    r.capacityDelta = r.b.value - r.a.value;
    r.capacityPercent = r.a.value != 0 ? 100 * r.capacityDelta / r.a.value : std::nan("");
    if (!std::isfinite(r.a.value) || !std::isfinite(r.b.value)) {
        r.capacityMethod = QStringLiteral("not judged: a side found no level that met the SLO");
        return r;
    }
    if (a.capacity.over != b.capacity.over) {
        r.capacityMethod = QStringLiteral("not judged: one searched over rate, the other over concurrency");
        return r;
    }
    if (r.a.rps.n >= 2 && r.b.rps.n >= 2) {
        r.capacityMethod
            = QStringLiteral("repeats' 95% intervals of the capacity levels' achieved requests/s");
        r.capacityVerdict = byIntervals(r.a.rps, r.b.rps);
        return r;
    }
    r.capacityMethod
        = QStringLiteral("bracket overlap (no repeats): each capacity is known to within its bracket");
    const double hiA = std::isfinite(r.a.hi) ? r.a.hi : std::numeric_limits<double>::infinity();
    const double hiB = std::isfinite(r.b.hi) ? r.b.hi : std::numeric_limits<double>::infinity();
    r.capacityVerdict = hiA < r.b.lo || hiB < r.a.lo ? Verdict::BeyondNoise : Verdict::WithinNoise;
    return r;
}

QString formatTable(const QString &nameA, const QString &nameB, const Result &r)
{
    QString out = QStringLiteral("Sweeps: A = %1, B = %2\n\n").arg(nameA, nameB);
    out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
               .arg(QStringLiteral("level").leftJustified(12), QStringLiteral("req/s A").rightJustified(8),
                   QStringLiteral("req/s B").rightJustified(8), QStringLiteral("change").rightJustified(16),
                   QStringLiteral("TTFT p50 A/B").rightJustified(16),
                   QStringLiteral("TTFT p99 A/B").rightJustified(16),
                   QStringLiteral("E2EL p99 A/B").rightJustified(17),
                   QStringLiteral("E2EL p99 change").rightJustified(18), QStringLiteral("noise"));
    for (const LevelRow &row : r.rows) {
        const QString level = row.over == SweepOver::Rate
            ? QStringLiteral("rate %1/s").arg(row.value, 0, 'g', 6)
            : QStringLiteral("c=%1").arg(row.value, 0, 'g', 6);
        auto pair
            = [](double a, double b) { return QStringLiteral("%1/%2").arg(figure(a, 1), figure(b, 1)); };
        out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                   .arg(level.leftJustified(12), figure(row.a.rps, 2).rightJustified(8),
                       figure(row.b.rps, 2).rightJustified(8),
                       change(row.a.rps, row.b.rps, 2).rightJustified(16),
                       pair(row.a.ttftP50, row.b.ttftP50).rightJustified(16),
                       pair(row.a.ttftP99, row.b.ttftP99).rightJustified(16),
                       pair(row.a.e2elP99, row.b.e2elP99).rightJustified(17),
                       change(row.a.e2elP99, row.b.e2elP99, 1).rightJustified(18),
                       verdictText(row.rpsVerdict));
    }
    if (r.rows.isEmpty())
        out += QStringLiteral("(no level ran in both sweeps)\n");
    out += QStringLiteral("\nMax request throughput: A %1, B %2 requests/s, change %3\n")
               .arg(figure(r.maxRpsA, 2), figure(r.maxRpsB, 2), change(r.maxRpsA, r.maxRpsB, 2));
    if (r.capacity) {
        out += QStringLiteral("Capacity: A %1 %2, B %3 %4, change %5: %6 (%7)\n")
                   .arg(figure(r.a.value, 3), bracketText(r.a), figure(r.b.value, 3), bracketText(r.b),
                       change(r.a.value, r.b.value, 3), verdictText(r.capacityVerdict), r.capacityMethod);
    } else {
        out += QStringLiteral("Capacity: %1\n").arg(r.capacityMethod);
    }
    out += QStringLiteral(
        "Levels match by offered value; each figure is the mean of the level's repeats. A level's "
        "noise verdict compares its achieved requests/s 95% intervals when both sides repeated "
        "it (--repeats), else n/a.\n");
    return out;
}

QJsonObject toJson(const QString &nameA, const QString &nameB, const Result &r)
{
    auto side = [](const Side &s) {
        return QJsonObject { { QStringLiteral("request_throughput"), num(s.rps) },
            { QStringLiteral("request_throughput_ci95"),
                s.rpsInterval.n >= 2 ? QJsonValue(QJsonArray { num(s.rpsInterval.lo), num(s.rpsInterval.hi) })
                                     : QJsonValue(QJsonValue::Null) },
            { QStringLiteral("ttft_p50_ms"), num(s.ttftP50) },
            { QStringLiteral("ttft_p99_ms"), num(s.ttftP99) },
            { QStringLiteral("e2el_p99_ms"), num(s.e2elP99) }, { QStringLiteral("saturated"), s.saturated } };
    };
    QJsonArray rows;
    for (const LevelRow &row : r.rows)
        rows.append(QJsonObject { { QStringLiteral("over"), sweepOverName(row.over) },
            { QStringLiteral("value"), row.value }, { QStringLiteral("a"), side(row.a) },
            { QStringLiteral("b"), side(row.b) },
            { QStringLiteral("request_throughput_delta"), num(row.b.rps - row.a.rps) },
            { QStringLiteral("ttft_p99_delta_ms"), num(row.b.ttftP99 - row.a.ttftP99) },
            { QStringLiteral("e2el_p99_delta_ms"), num(row.b.e2elP99 - row.a.e2elP99) },
            { QStringLiteral("verdict"), verdictText(row.rpsVerdict) } });
    auto cap = [](const CapacitySide &c) -> QJsonValue {
        if (!c.searched)
            return QJsonValue(QJsonValue::Null);
        return QJsonObject { { QStringLiteral("value"), num(c.value) },
            { QStringLiteral("bracket"), QJsonArray { num(c.lo), num(c.hi) } } };
    };
    return { { QStringLiteral("schema"), QStringLiteral("burgerbench.sweep-compare/1") },
        { QStringLiteral("a"), nameA }, { QStringLiteral("b"), nameB }, { QStringLiteral("levels"), rows },
        { QStringLiteral("max_request_throughput"),
            QJsonObject {
                { QStringLiteral("a"), num(r.maxRpsA) }, { QStringLiteral("b"), num(r.maxRpsB) } } },
        { QStringLiteral("capacity"),
            QJsonObject { { QStringLiteral("a"), cap(r.a) }, { QStringLiteral("b"), cap(r.b) },
                { QStringLiteral("delta"), r.capacity ? num(r.capacityDelta) : QJsonValue(QJsonValue::Null) },
                { QStringLiteral("percent"),
                    r.capacity ? num(r.capacityPercent) : QJsonValue(QJsonValue::Null) },
                { QStringLiteral("verdict"), verdictText(r.capacityVerdict) },
                { QStringLiteral("method"), r.capacityMethod } } } };
}

} // namespace BurgerBench::SweepCompare
