#include "sweep/sweepspec.h"

#include <cmath>

namespace BurgerBench {

namespace {

struct ProfileName
{
    SweepProfile profile;
    const char *name;
};
constexpr ProfileName profileNames[] = { { SweepProfile::Concurrency, "concurrency" },
    { SweepProfile::Rate, "rate" }, { SweepProfile::Auto, "auto" }, { SweepProfile::Search, "search" } };

// The --fail-if operator that is the negation of an SLO's.
Threshold::Op negated(Threshold::Op op)
{
    switch (op) {
    case Threshold::Op::Greater:
        return Threshold::Op::LessEqual;
    case Threshold::Op::GreaterEqual:
        return Threshold::Op::Less;
    case Threshold::Op::Less:
        return Threshold::Op::GreaterEqual;
    case Threshold::Op::LessEqual:
        return Threshold::Op::Greater;
    case Threshold::Op::Equal:
        return Threshold::Op::NotEqual;
    case Threshold::Op::NotEqual:
        return Threshold::Op::Equal;
    }
    return Threshold::Op::Greater;
}

bool number(const QString &text, double *out)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return false;
    *out = v;
    return true;
}

} // namespace

QString sweepProfileName(SweepProfile profile)
{
    for (const ProfileName &p : profileNames) {
        if (p.profile == profile)
            return QLatin1String(p.name);
    }
    return {};
}

bool sweepProfileFromName(const QString &name, SweepProfile *out)
{
    for (const ProfileName &p : profileNames) {
        if (name == QLatin1String(p.name)) {
            *out = p.profile;
            return true;
        }
    }
    return false;
}

QString sweepOverName(SweepOver over)
{
    return over == SweepOver::Rate ? QStringLiteral("rate") : QStringLiteral("concurrency");
}

bool sweepOverFromName(const QString &name, SweepOver *out)
{
    if (name == QLatin1String("rate"))
        *out = SweepOver::Rate;
    else if (name == QLatin1String("concurrency"))
        *out = SweepOver::Concurrency;
    else
        return false;
    return true;
}

bool parseSweepValues(const QString &text, bool integers, QList<double> *out, QString *error)
{
    // A generous bound: a list longer than this is a typo (a step of 0.001), not a sweep.
    constexpr int MaxValues = 1000;
    QList<double> values;
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("--values \"%1\": %2").arg(text, why);
        return false;
    };
    auto check = [&](double v, const QString &item) {
        if (v <= 0)
            return fail(QStringLiteral("\"%1\" must be above 0").arg(item));
        if (integers && v != std::floor(v))
            return fail(QStringLiteral("\"%1\" must be a whole number (a concurrency)").arg(item));
        return true;
    };
    const QStringList items = text.split(u',', Qt::SkipEmptyParts);
    if (items.isEmpty())
        return fail(QStringLiteral("expected a list such as 1,2,4 or a range A:B:STEP such as 5:30:5"));
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        if (item.contains(u':')) {
            const QStringList parts = item.split(u':');
            double a = 0;
            double b = 0;
            double step = 0;
            if (parts.size() != 3 || !number(parts[0], &a) || !number(parts[1], &b)
                || !number(parts[2], &step))
                return fail(QStringLiteral("\"%1\" is not a range A:B:STEP").arg(item));
            if (step <= 0)
                return fail(QStringLiteral("\"%1\": STEP must be above 0").arg(item));
            if (b < a)
                return fail(QStringLiteral("\"%1\": B must not be below A").arg(item));
            if ((b - a) / step + 1 > MaxValues)
                return fail(QStringLiteral("\"%1\" gives more than %2 values").arg(item).arg(MaxValues));
            if (!check(a, parts[0].trimmed()) || !check(step, parts[2].trimmed()))
                return false;
            // Counted, not accumulated: 0.1 added ten times is not 1.
            const int n = int(std::floor((b - a) / step + 1e-9)) + 1;
            for (int i = 0; i < n; ++i)
                values.append(a + i * step);
        } else {
            double v = 0;
            if (!number(item, &v))
                return fail(QStringLiteral("\"%1\" is not a number").arg(item));
            if (!check(v, item))
                return false;
            values.append(v);
        }
        if (values.size() > MaxValues)
            return fail(QStringLiteral("more than %1 values").arg(MaxValues));
    }
    *out = values;
    return true;
}

bool parseSloRule(const QString &text, Threshold *violation, QString *error)
{
    Threshold t;
    QString parseError;
    if (!Threshold::parse(text.trimmed(), &t, &parseError)) {
        // Threshold names the flag it parses for; this is --slo.
        parseError.replace(QLatin1String("--fail-if"), QLatin1String("--slo"));
        if (parseError.contains(QLatin1String("expected METRIC")))
            parseError = QStringLiteral("--slo \"%1\": expected METRIC[.STAT]OP VALUE[UNIT], what must hold, "
                                        "e.g. ttft.p99<=400ms or error_rate<=1%")
                             .arg(text.trimmed());
        *error = parseError;
        return false;
    }
    t.op = negated(t.op);
    *violation = t;
    return true;
}

bool parseSloRules(const QString &text, QList<Threshold> *out, QString *error)
{
    QList<Threshold> rules;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        Threshold t;
        if (!parseSloRule(item, &t, error))
            return false;
        rules.append(t);
    }
    if (rules.isEmpty()) {
        *error = QStringLiteral("--slo: expected at least one rule, e.g. ttft.p99<=400ms");
        return false;
    }
    out->append(rules);
    return true;
}

Scenario SweepSpec::scenarioAt(SweepOver what, double value) const
{
    Scenario s = base;
    if (what == SweepOver::Rate) {
        s.rate = value;
    } else {
        s.rate = 0;
        s.concurrency = int(std::lround(value));
    }
    return s;
}

bool SweepSpec::validate(QString *error) const
{
    auto fail = [&](const QString &why) {
        *error = why;
        return false;
    };
    if (base.cpuTasksOnly())
        return fail(QStringLiteral("a sweep measures requests; CPU-only work has no load level to sweep"));
    if (base.requests <= 0 && base.durationS <= 0)
        return fail(QStringLiteral("every step needs an end: give --requests or --duration"));
    if (repeats < 1 || repeats > 100)
        return fail(QStringLiteral("--repeats: expected 1 to 100 (got %1)").arg(repeats));
    switch (profile) {
    case SweepProfile::Rate:
    case SweepProfile::Concurrency:
        if (values.isEmpty())
            return fail(QStringLiteral("--profile %1 needs --values (e.g. 1,2,4 or 5:30:5)")
                            .arg(sweepProfileName(profile)));
        if (profile == SweepProfile::Concurrency) {
            for (double v : values) {
                if (v > 1000)
                    return fail(QStringLiteral("--values: a concurrency is at most 1000 (got %1)").arg(v));
            }
        }
        break;
    case SweepProfile::Auto:
        if (steps < 1 || steps > 100)
            return fail(QStringLiteral("--steps: expected 1 to 100 (got %1)").arg(steps));
        if (base.concurrency < 2)
            return fail(QStringLiteral("--profile auto: the throughput step needs --concurrency above 1 (the "
                                       "synchronous step is 1)"));
        break;
    case SweepProfile::Search:
        if (slo.isEmpty())
            return fail(QStringLiteral("--profile search needs --slo (e.g. ttft.p99<=400ms)"));
        if (!(tolerance > 0 && tolerance < 1))
            return fail(QStringLiteral("--tolerance: expected a fraction above 0 and below 1 (got %1)")
                            .arg(tolerance));
        if (maxSteps < 2 || maxSteps > 100)
            return fail(QStringLiteral("--max-steps: expected 2 to 100 (got %1)").arg(maxSteps));
        if (!values.isEmpty() && values.size() != 2)
            return fail(
                QStringLiteral("--profile search: --values is the range to search, LO,HI (got %1 values)")
                    .arg(values.size()));
        if (values.size() == 2 && values[0] >= values[1])
            return fail(QStringLiteral("--profile search: --values LO,HI needs LO below HI"));
        if (over == SweepOver::Rate && values.isEmpty() && base.rate <= 0)
            return fail(QStringLiteral(
                "--profile search --over rate: give a starting --rate or the range --values LO,HI"));
        break;
    }
    return true;
}

} // namespace BurgerBench
