#pragma once

#include <QString>

#include <random>
#include <vector>

namespace BurgerBench {

// A distribution of lengths in tokens (prompt or output), parsed from the text a flag or a
// scenario field holds:
//   N                             always N
//   uniform:A,B                   whole numbers from A to B, each equally likely
//   normal:MEAN,STD[,MIN,MAX]     rounded normal with that mean and standard deviation
//   lognormal:MEAN,STD[,MIN,MAX]  rounded lognormal whose lengths have that mean and std
//   V1:W1,V2:W2,...               V1 with weight W1, ... (e.g. 128:30,1024:70)
// Samples are drawn from a caller's std::mt19937_64 through our own transforms (Box-Muller, not
// std::normal_distribution, whose output differs between standard libraries), so a seed means
// the same lengths everywhere. Every sample is clamped to [MIN, MAX] (default [1, 1e6]).
class LengthDistribution
{
public:
    enum class Kind : quint8 { Fixed, Uniform, Normal, LogNormal, Mix };

    // False with a message starting with `what` (e.g. "--input-tokens") naming what is wrong.
    static bool parse(const QString &text, const QString &what, LengthDistribution *out, QString *error);
    static LengthDistribution fixed(int n);

    int sample(std::mt19937_64 &rng) const;
    Kind kind() const { return m_kind; }
    QString text() const { return m_text; } // as parsed (the canonical spelling for reports)
    bool isSet() const { return !m_text.isEmpty(); }
    // The expected value before rounding and clamping (Fixed, Uniform, Normal, LogNormal, Mix).
    double nominalMean() const;

    static constexpr int MaxLength = 1'000'000;

private:
    Kind m_kind = Kind::Fixed;
    QString m_text;
    double m_a = 0; // Fixed: n; Uniform: A; Normal/LogNormal: mean (of the lengths)
    double m_b = 0; // Uniform: B; Normal/LogNormal: std (of the lengths)
    double m_min = 1;
    double m_max = MaxLength;
    double m_mu = 0; // LogNormal: parameters of the underlying normal
    double m_sigma = 0;
    std::vector<int> m_values; // Mix
    std::vector<double> m_cumulative; // Mix: running weight totals
};

// Uniform in [0, 1) from 53 random bits: the same on every platform.
double unitUniform(std::mt19937_64 &rng);
// Standard normal by Box-Muller (one value per call; deterministic for a given rng state).
double standardNormal(std::mt19937_64 &rng);

} // namespace BurgerBench
