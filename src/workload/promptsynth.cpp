#include "workload/promptsynth.h"

#include "workload/lengthdistribution.h"

#include <cmath>

namespace BurgerBench {

QString countSourceName(CountSource source)
{
    switch (source) {
    case CountSource::Tokenize:
        return QStringLiteral("tokenize");
    case CountSource::Calibrated:
        return QStringLiteral("calibrated");
    case CountSource::Estimated:
        break;
    }
    return QStringLiteral("estimated");
}

bool countSourceFromName(const QString &name, CountSource *source)
{
    for (CountSource s : { CountSource::Estimated, CountSource::Tokenize, CountSource::Calibrated }) {
        if (name == countSourceName(s)) {
            *source = s;
            return true;
        }
    }
    return false;
}

int TokenModel::bytesFor(int tokens) const
{
    return int(std::lround(std::max(0.0, tokens - overheadTokens) * bytesPerToken));
}

int TokenModel::tokensFor(qsizetype bytes) const
{
    return int(std::lround(overheadTokens + double(bytes) / bytesPerToken));
}

quint64 mixSeed(quint64 seed, quint64 a, quint64 b)
{
    quint64 z = seed ^ (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

namespace PromptSynth {

namespace {

// Kitchen words of every length, so byte counts vary like real text's.
const char *const vocabulary[] = { "a", "an", "and", "the", "of", "to", "in", "with", "for", "on", "at", "by",
    "from", "as", "or", "is", "was", "be", "it", "we", "you", "they", "our", "your", "their", "burger",
    "cheese", "pickle", "pickles", "onion", "onions", "lettuce", "tomato", "bun", "buns", "toasted",
    "grilled", "sesame", "mustard", "ketchup", "mayonnaise", "bacon", "patty", "patties", "fries", "shake",
    "vanilla", "chocolate", "kitchen", "cook", "cooks", "cashier", "order", "orders", "table", "tables",
    "counter", "waiting", "hungry", "people", "customer", "customers", "menu", "special", "double", "single",
    "crispy", "juicy", "smoky", "spicy", "sweet", "sour", "salty", "perfect", "describe", "explain", "please",
    "quickly", "slowly", "carefully", "seven", "two", "three", "twelve", "dozen", "morning", "evening",
    "weekend", "delivery", "takeaway", "recipe", "temperature", "seasoning", "caramelised", "restaurant",
    "neighbourhood", "afternoon", "extraordinary", "unforgettable", "refrigerator", "ingredients",
    "preparation", "presentation", "sauce", "grill", "flame", "plate", "napkin", "tray", "queue", "line",
    "ticket", "bell", "shift", "busy", "quiet", "fresh", "warm", "cold", "hot", "melted", "sliced", "diced",
    "chopped", "ground", "beef", "chicken", "veggie", "mushroom", "avocado", "jalapeno", "cheddar", "swiss",
    "brioche", "what", "why", "how", "when", "which", "should", "would", "could", "every", "some", "many",
    "few", "first", "second", "last", "next", "before", "after", "while", "because", "although", "until" };
constexpr int VocabularySize = int(sizeof(vocabulary) / sizeof(vocabulary[0]));

} // namespace

QString text(std::mt19937_64 &rng, int bytes)
{
    QString out;
    if (bytes <= 0)
        return out;
    out.reserve(bytes + 16);
    while (out.size() < bytes) {
        const char *word = vocabulary[rng() % VocabularySize];
        const qsizetype before = out.size();
        if (before)
            out += u' ';
        out += QLatin1String(word);
        if (out.size() >= bytes) {
            // Keep whichever boundary is nearer the asked size (never an empty text).
            if (before > 0 && bytes - before < out.size() - bytes)
                out.truncate(before);
            break;
        }
    }
    return out;
}

QString textForTokens(std::mt19937_64 &rng, int tokens, const TokenModel &model)
{
    return text(rng, model.bytesFor(tokens));
}

} // namespace PromptSynth

} // namespace BurgerBench
