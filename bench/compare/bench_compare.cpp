// `compare` of two large runs (issue 19, item 6: 100k against 100k requests within 10 s), printed
// as a ratio to its peer in the same process: the time to merely load the two reports. Two
// synthetic streamed runs (B's TTFT and gaps 3% slower) are written with JsonReport, read back,
// then compared as `burgerbench-cli compare` does (Compare::compare + formatTable).
//   bench_compare [requests] [tokens]        (default 100000 64)
#include "metrics/summary.h"
#include "report/compare.h"
#include "report/jsonreport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <random>

#include <sys/resource.h>

using namespace BurgerBench;

namespace {

RunTrace synthetic(int requests, int tokens, double slower, quint32 seed)
{
    constexpr qint64 Ms = 1'000'000;
    RunTrace t;
    t.scenario.name = QStringLiteral("bench-compare");
    t.scenario.requests = requests;
    t.scenario.concurrency = 256;
    t.scenario.stream = true;
    t.targetUrl = QStringLiteral("http://127.0.0.1:8000/v1/chat/completions");
    t.measuredStartNs = 0;
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> ttft(std::log(200.0), 0.25); // ms
    std::lognormal_distribution<double> gap(std::log(20.0), 0.1); // ms
    t.requests.reserve(size_t(requests));
    qint64 end = 0;
    for (int i = 0; i < requests; ++i) {
        RequestRecord r;
        r.index = quint32(i);
        r.id = "bb-" + QByteArray::number(i);
        r.lane = i % 256;
        r.intendedNs = qint64(i / 256) * 1500 * Ms;
        r.dispatchNs = r.intendedNs + 50'000;
        r.sentNs = r.dispatchNs + 100'000;
        r.headersNs = r.dispatchNs + 5 * Ms;
        r.firstByteNs = r.headersNs + 10'000;
        qint64 at = r.dispatchNs + qint64(ttft(rng) * slower * double(Ms));
        r.tokenNs.reserve(size_t(tokens));
        for (int k = 0; k < tokens; ++k) {
            r.tokenNs.push_back(at);
            at += qint64(gap(rng) * slower * double(Ms));
        }
        r.endNs = r.tokenNs.back() + 100'000;
        r.httpStatus = 200;
        r.outcome = Outcome::Success;
        r.promptTokens = 32;
        r.outputTokens = tokens;
        r.outputTokensFromUsage = true;
        end = std::max(end, r.endNs);
        t.requests.push_back(std::move(r));
    }
    t.endNs = end;
    return t;
}

void row(const char *what, double value, const char *unit, const QString &ratio = QString())
{
    std::printf("  %-62s %12.2f %-3s %s\n", what, value, unit, qPrintable(ratio));
}

double maxRssMiB()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int requests = argc > 1 ? std::max(10, std::atoi(argv[1])) : 100000;
    const int tokens = argc > 2 ? std::max(2, std::atoi(argv[2])) : 64;
    QTemporaryDir dir;
    const QString pathA = dir.filePath(QStringLiteral("a.json"));
    const QString pathB = dir.filePath(QStringLiteral("b.json"));
    {
        QString error;
        for (const auto &[path, slower, seed] :
            { std::tuple { pathA, 1.0, 1u }, std::tuple { pathB, 1.03, 2u } }) {
            const RunTrace t = synthetic(requests, tokens, slower, seed);
            if (!JsonReport::write(
                    path, t, computeSummary(t, t.scenario.percentiles, t.scenario.slo), &error)) {
                std::fprintf(stderr, "bench_compare: %s\n", qPrintable(error));
                return 1;
            }
        }
    }

    QElapsedTimer clock;
    clock.start();
    RunTrace a;
    RunTrace b;
    QString error;
    if (!JsonReport::read(pathA, &a, &error) || !JsonReport::read(pathB, &b, &error)) {
        std::fprintf(stderr, "bench_compare: %s\n", qPrintable(error));
        return 1;
    }
    const double loadS = double(clock.nsecsElapsed()) / 1e9;

    clock.restart();
    Compare::Options options;
    options.ranks = a.scenario.percentiles;
    const QList<Compare::Row> rows = Compare::compare(a, b, options);
    const QString table = Compare::formatTable(pathA, pathB, rows, options);
    const double compareS = double(clock.nsecsElapsed()) / 1e9;

    int beyond = 0;
    for (const Compare::Row &r : rows)
        beyond += r.verdict == Compare::Verdict::BeyondNoise ? 1 : 0;
    std::printf("## compare, %d vs %d requests x %d tokens (%.1f M ITL gaps a side)\n", requests, requests,
        tokens, double(requests) * (tokens - 1) / 1e6);
    row("load both reports (JsonReport::read)", loadS, "s");
    row("compare (Compare::compare + table)", compareS, "s",
        QStringLiteral("%1x load").arg(compareS / loadS, 0, 'f', 2));
    std::printf("  %-62s %12d %-3s %s\n", "latency rows beyond noise (B is 3% slower)", beyond, "",
        qPrintable(QStringLiteral("of %1").arg(rows.size() - 10)));
    row("peak RSS", maxRssMiB(), "MiB");
    return table.isEmpty() ? 1 : 0;
}
