#pragma once

#include "trace/servermetrics.h"

#include <QByteArray>

#include <utility>
#include <vector>

namespace BurgerBench {

// The server's /metrics as the counter tracks of a Chrome JSON or Perfetto trace, beside the
// client's: its running and waiting requests, KV-cache use (%) and generation tokens per second.
// One track per label set: a single one is named server_running, server_waiting,
// server_kv_cache_pct, server_generation_tokens_per_s; several (a server with two models) give
// one track each, named with what tells them apart (server_waiting[model_name=b]), and for the
// counts that add up (running, waiting, token rate) the total under the plain name too. Points in
// time order, a sample before the run clock's zero (the baseline scrape) at 0, non-finite values
// left out (a counter's value must be a number).
struct ServerCounterTrack
{
    QByteArray name;
    QByteArray argKey; // the counter's argument: "requests" or "value"
    std::vector<std::pair<qint64, double>> points;
};

std::vector<ServerCounterTrack> serverCounterTracks(const ServerMetricsRecord &metrics);

} // namespace BurgerBench
