#include "workload/lengthdistribution.h"

#include <QStringList>

#include <cmath>

namespace BurgerBench {

namespace {

constexpr double Pi = 3.14159265358979323846;

bool parseNumber(const QString &text, double *out)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return false;
    *out = v;
    return true;
}

bool parseWhole(const QString &text, double *out)
{
    double v = 0;
    if (!parseNumber(text, &v) || v != std::floor(v))
        return false;
    *out = v;
    return true;
}

} // namespace

double unitUniform(std::mt19937_64 &rng)
{
    return double(rng() >> 11) * (1.0 / 9007199254740992.0);
}

double standardNormal(std::mt19937_64 &rng)
{
    double u1 = unitUniform(rng);
    while (u1 <= 0)
        u1 = unitUniform(rng);
    const double u2 = unitUniform(rng);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * Pi * u2);
}

LengthDistribution LengthDistribution::fixed(int n)
{
    LengthDistribution d;
    d.m_kind = Kind::Fixed;
    d.m_a = n;
    d.m_min = 0;
    d.m_text = QString::number(n);
    return d;
}

bool LengthDistribution::parse(
    const QString &input, const QString &what, LengthDistribution *out, QString *error)
{
    const QString text = input.trimmed();
    auto fail = [&](const QString &message) {
        *error = QStringLiteral("%1: %2 (got \"%3\")").arg(what, message, input);
        return false;
    };
    const QString range = QStringLiteral("from 1 to %1").arg(MaxLength);
    if (text.isEmpty())
        return fail(QStringLiteral("empty; expected N, uniform:A,B, normal:MEAN,STD[,MIN,MAX], "
                                   "lognormal:MEAN,STD[,MIN,MAX] or a mix like 128:30,1024:70"));
    LengthDistribution d;
    d.m_text = text;
    const qsizetype colon = text.indexOf(u':');
    const QString head = colon < 0 ? text : text.left(colon).trimmed().toLower();

    if (colon < 0) {
        double n = 0;
        if (!parseWhole(text, &n) || n < 1 || n > MaxLength)
            return fail(QStringLiteral("a fixed length must be a whole number %1").arg(range));
        d.m_kind = Kind::Fixed;
        d.m_a = n;
        *out = d;
        return true;
    }

    const QStringList args = text.mid(colon + 1).split(u',');
    if (head == QLatin1String("uniform")) {
        double a = 0, b = 0;
        if (args.size() != 2)
            return fail(QStringLiteral("uniform takes two lengths, uniform:A,B"));
        if (!parseWhole(args[0], &a) || !parseWhole(args[1], &b) || a < 1 || b > MaxLength)
            return fail(QStringLiteral("uniform's A and B must be whole numbers %1").arg(range));
        if (a > b)
            return fail(QStringLiteral("uniform's A must not be above B"));
        d.m_kind = Kind::Uniform;
        d.m_a = a;
        d.m_b = b;
        d.m_min = a;
        d.m_max = b;
        *out = d;
        return true;
    }

    if (head == QLatin1String("normal") || head == QLatin1String("lognormal")) {
        const bool log = head == QLatin1String("lognormal");
        if (args.size() != 2 && args.size() != 4)
            return fail(QStringLiteral("%1 takes MEAN,STD or MEAN,STD,MIN,MAX").arg(head));
        double mean = 0, stdev = 0;
        if (!parseNumber(args[0], &mean) || mean <= 0 || mean > MaxLength)
            return fail(
                QStringLiteral("%1's MEAN must be a number above 0 and at most %2").arg(head).arg(MaxLength));
        if (!parseNumber(args[1], &stdev) || stdev < 0 || stdev > MaxLength)
            return fail(QStringLiteral("%1's STD must be a number from 0 to %2").arg(head).arg(MaxLength));
        if (args.size() == 4) {
            if (!parseWhole(args[2], &d.m_min) || !parseWhole(args[3], &d.m_max) || d.m_min < 1
                || d.m_max > MaxLength)
                return fail(QStringLiteral("%1's MIN and MAX must be whole numbers %2").arg(head, range));
            if (d.m_min > d.m_max)
                return fail(QStringLiteral("%1's MIN must not be above MAX").arg(head));
        }
        d.m_kind = log ? Kind::LogNormal : Kind::Normal;
        d.m_a = mean;
        d.m_b = stdev;
        if (log) {
            // The lengths have mean m and std s: the underlying normal has
            // sigma^2 = ln(1 + s^2/m^2), mu = ln(m) - sigma^2 / 2.
            const double s2 = std::log1p((stdev * stdev) / (mean * mean));
            d.m_sigma = std::sqrt(s2);
            d.m_mu = std::log(mean) - s2 / 2;
        }
        *out = d;
        return true;
    }

    double first = 0;
    if (!parseNumber(head, &first))
        return fail(
            QStringLiteral("unknown distribution \"%1\"; expected uniform, normal, lognormal or a mix "
                           "LENGTH:WEIGHT,...")
                .arg(head));

    // A weighted mix: every comma-separated item is VALUE:WEIGHT.
    const QStringList items = text.split(u',');
    double total = 0;
    for (const QString &item : items) {
        const QStringList parts = item.split(u':');
        double value = 0, weight = 0;
        if (parts.size() != 2)
            return fail(QStringLiteral("\"%1\" is not LENGTH:WEIGHT (a mix is like 128:30,1024:70; the "
                                       "distributions are uniform, normal and lognormal)")
                            .arg(item.trimmed()));
        if (!parseWhole(parts[0], &value) || value < 1 || value > MaxLength)
            return fail(
                QStringLiteral("\"%1\": the length must be a whole number %2").arg(item.trimmed(), range));
        if (!parseNumber(parts[1], &weight) || weight < 0)
            return fail(
                QStringLiteral("\"%1\": the weight must be a number of at least 0").arg(item.trimmed()));
        total += weight;
        d.m_values.push_back(int(value));
        d.m_cumulative.push_back(total);
    }
    if (total <= 0)
        return fail(QStringLiteral("the mix's weights add up to 0"));
    d.m_kind = Kind::Mix;
    d.m_min = 1;
    *out = d;
    return true;
}

double LengthDistribution::nominalMean() const
{
    switch (m_kind) {
    case Kind::Fixed:
        return m_a;
    case Kind::Uniform:
        return (m_a + m_b) / 2;
    case Kind::Normal:
    case Kind::LogNormal:
        return m_a;
    case Kind::Mix: {
        double sum = 0, previous = 0;
        for (size_t i = 0; i < m_values.size(); ++i) {
            sum += m_values[i] * (m_cumulative[i] - previous);
            previous = m_cumulative[i];
        }
        return sum / m_cumulative.back();
    }
    }
    return m_a;
}

int LengthDistribution::sample(std::mt19937_64 &rng) const
{
    double v = 0;
    switch (m_kind) {
    case Kind::Fixed:
        return int(m_a);
    case Kind::Uniform:
        // Exactly uniform over the B-A+1 whole numbers (53 bits make the bias negligible).
        return int(m_a + std::floor(unitUniform(rng) * (m_b - m_a + 1)));
    case Kind::Normal:
        v = m_a + m_b * standardNormal(rng);
        break;
    case Kind::LogNormal:
        v = std::exp(m_mu + m_sigma * standardNormal(rng));
        break;
    case Kind::Mix: {
        const double x = unitUniform(rng) * m_cumulative.back();
        for (size_t i = 0; i < m_values.size(); ++i) {
            if (x < m_cumulative[i])
                return m_values[i];
        }
        return m_values.back();
    }
    }
    v = std::round(v);
    return int(std::clamp(v, m_min, m_max));
}

} // namespace BurgerBench
