// Soak: one run of `--concurrency` streams for `--duration` seconds against a simulator URL,
// sampling the process's RSS every `--sample` seconds. The trace is the product and grows with
// every request (each token time is kept), so growth is judged on what is *not* the trace:
// RSS minus the bytes the trace holds (counted from its containers' capacities). A leak of
// replies, connections, timers or buffers shows there; the record of the run does not.
//
//   bench_soak --url http://127.0.0.1:PORT [--duration 1800] [--concurrency 256] [--sample 10]
// Prints one line per sample and a verdict line: "growth X% (target <= 5%)"; exit 1 above it.
#include "engine/loadengine.h"
#include "metrics/summary.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <QFile>
#include <QTimer>

#include <cstdio>

#include <malloc.h>

#include <sys/resource.h>
#include <unistd.h>

using namespace BurgerBench;

namespace {

double rssMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields[1].toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1 << 20) : 0;
}

// Heap bytes the trace holds: each record and its own buffers. The records' vector counts by
// size, not capacity: the untouched half a doubling reserves is not resident, so counting it
// would make RSS-minus-trace dip at every doubling. Every other block is counted as malloc sized
// it (malloc_usable_size + its 8-byte chunk header): estimating headers and rounding instead was
// off by ~10 B a record, which over 300,000 records read as 8% "growth" of the rest.
double heapBlock(const void *p)
{
    return p ? double(malloc_usable_size(const_cast<void *>(p)) + sizeof(size_t)) : 0.0;
}

template<typename T> double qtBlock(const T &container)
{
    // Qt 6 allocates a QArrayData header and the elements in one malloc() block, at the header.
    return heapBlock(const_cast<T &>(container).data_ptr().d_ptr());
}

double traceMiB(const RunTrace &trace)
{
    double bytes = double(trace.requests.size() * sizeof(RequestRecord));
    for (const RequestRecord &r : trace.requests) {
        bytes += double(r.tokenNs.heapBytes()) + heapBlock(r.attempts.data());
        bytes += qtBlock(r.id) + qtBlock(r.text) + qtBlock(r.errorMessage);
    }
    bytes += double(trace.loopBusy.size() * sizeof(Span) + trace.loopLag.size() * sizeof(LagSample));
    return bytes / (1 << 20);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({
        { QStringLiteral("url"), QStringLiteral("Simulator (or server) URL."), QStringLiteral("url") },
        { QStringLiteral("duration"), QStringLiteral("Seconds (default 1800)."), QStringLiteral("s"),
            QStringLiteral("1800") },
        { QStringLiteral("concurrency"), QStringLiteral("Streams (default 256)."), QStringLiteral("n"),
            QStringLiteral("256") },
        { QStringLiteral("sample"), QStringLiteral("Seconds between samples (default 10)."),
            QStringLiteral("s"), QStringLiteral("10") },
        { QStringLiteral("max-tokens"), QStringLiteral("Tokens asked for (default 64)."), QStringLiteral("n"),
            QStringLiteral("64") },
    });
    parser.addHelpOption();
    parser.process(app);
    const QUrl url(parser.value(QStringLiteral("url")));
    if (!url.isValid() || url.host().isEmpty()) {
        std::fprintf(stderr, "bench_soak: --url is required\n");
        return 2;
    }
    rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    Scenario s;
    s.name = QStringLiteral("soak");
    s.requests = 0;
    s.durationS = parser.value(QStringLiteral("duration")).toDouble();
    s.concurrency = parser.value(QStringLiteral("concurrency")).toInt();
    s.maxTokens = parser.value(QStringLiteral("max-tokens")).toInt();
    s.keepTextBytes = 256;
    LoadEngine engine;
    QString error;
    if (!engine.start(s, url, {}, &error)) {
        std::fprintf(stderr, "bench_soak: %s\n", qPrintable(error));
        return 2;
    }

    struct Sample
    {
        double t, rss, trace;
    };
    std::vector<Sample> samples;
    auto sample = [&] {
        const Progress p = engine.progress();
        const Sample x { double(p.elapsedNs) / 1e9, rssMiB(), traceMiB(engine.trace()) };
        samples.push_back(x);
        std::printf("%8.0f s  requests %8d  in flight %4d  loop spans %9zu  RSS %8.1f MiB  trace %8.1f MiB  "
                    "RSS-trace %7.1f MiB\n",
            x.t, p.completed + p.failed + p.incomplete, p.inFlight, engine.trace().loopBusy.size(), x.rss,
            x.trace, x.rss - x.trace);
        std::fflush(stdout);
    };
    QTimer timer;
    timer.setInterval(int(parser.value(QStringLiteral("sample")).toDouble() * 1000));
    QObject::connect(&timer, &QTimer::timeout, &app, sample);
    timer.start();
    QObject::connect(&engine, &LoadEngine::finished, &app, &QCoreApplication::quit);
    app.exec();
    sample();

    const Summary summary = computeSummary(engine.trace(), { 50 }, {});
    std::printf(
        "completed %d, failed %d, incomplete %d\n", summary.completed, summary.failed, summary.incomplete);
    if (samples.size() < 4) {
        std::printf("growth: too few samples\n");
        return 1;
    }
    // Baseline after the first 10% (warm-up: pool, buffers, malloc arenas), against the last
    // sample taken while the run was still in full flight.
    const Sample &base = samples[std::max<size_t>(1, samples.size() / 10)];
    const Sample &last = samples[samples.size() - 2];
    const double growth = ((last.rss - last.trace) - (base.rss - base.trace)) / (base.rss - base.trace) * 100;
    std::printf("RSS-trace %.1f MiB at %.0f s -> %.1f MiB at %.0f s: growth %.1f%% (target <= 5%%)\n",
        base.rss - base.trace, base.t, last.rss - last.trace, last.t, growth);
    return growth <= 5 && summary.failed == 0 ? 0 : 1;
}
