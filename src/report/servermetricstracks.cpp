#include "report/servermetricstracks.h"

#include "metrics/serverhistogram.h"

#include <algorithm>
#include <cmath>

namespace BurgerBench {

std::vector<ServerCounterTrack> serverCounterTracks(const ServerMetricsRecord &metrics)
{
    struct Kind
    {
        const char *metric;
        const char *name;
        const char *key;
        double scale;
        bool rate; // a counter: its rate per second
        bool adds; // the label sets' values add up to the server's
    };
    static constexpr Kind Kinds[] = {
        { "running", "server_running", "requests", 1, false, true },
        { "waiting", "server_waiting", "requests", 1, false, true },
        { "kv_cache_usage", "server_kv_cache_pct", "value", 100, false, false },
        { "generation_tokens", "server_generation_tokens_per_s", "value", 1, true, true },
    };
    std::vector<ServerCounterTrack> out;
    auto add = [&out](QByteArray name, const char *key, double scale,
                   std::vector<std::pair<qint64, double>> points) {
        std::stable_sort(
            points.begin(), points.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        ServerCounterTrack track { std::move(name), QByteArray(key), {} };
        track.points.reserve(points.size());
        for (const auto &[at, value] : points) {
            if (std::isfinite(value))
                track.points.emplace_back(std::max<qint64>(0, at), value * scale);
        }
        out.push_back(std::move(track));
    };
    for (const Kind &kind : Kinds) {
        const std::vector<const ServerSeries *> all = metrics.findAll(QLatin1String(kind.metric));
        if (all.empty())
            continue;
        // Rates per label set first (a sum of counters' rates is the rate of their sum).
        std::vector<ServerSeries> values;
        values.reserve(all.size());
        for (const ServerSeries *s : all) {
            ServerSeries v;
            v.labels = s->labels;
            v.samples = kind.rate ? counterRates(*s) : s->samples;
            values.push_back(std::move(v));
        }
        if (all.size() == 1) {
            add(kind.name, kind.key, kind.scale, std::move(values.front().samples));
            continue;
        }
        std::vector<const ServerSeries *> each;
        each.reserve(values.size());
        for (const ServerSeries &v : values)
            each.push_back(&v);
        if (kind.adds)
            add(kind.name, kind.key, kind.scale, sumOfSeries(each));
        const QStringList names = distinguishingLabels(each);
        for (size_t i = 0; i < values.size(); ++i)
            add(QByteArray(kind.name) + '[' + names.at(qsizetype(i)).toUtf8() + ']', kind.key, kind.scale,
                std::move(values[i].samples));
    }
    return out;
}

} // namespace BurgerBench
