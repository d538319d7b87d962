// Datasets (issue 12): the load time and peak memory of a ~100 MB JSONL, and the engine's cost
// with varied prompts against one fixed prompt, each printed as a ratio to its peer measured in
// the same command.
//   1. peer: QFile::readAll, split on '\n', QJsonDocument::fromJson per line (documents kept);
//   2. Dataset::load of every row;
//   3. Dataset::load with sample 1000.
// Each case runs in a child process (this program re-invoked with --case), so its peak RSS
// (VmHWM less the VmRSS it started from) is its own; the median of `repeats` runs is printed.
//   4. `burgerbench-cli run` against the built-in simulator with --input-tokens uniform:100,2000
//      (every request its own prompt) against the same run with one fixed prompt of about the
//      same mean length (--prompt-tokens 1000, ~1,050 tokens): the CLI's CPU time (user + sys,
//      getrusage of the reaped child; the simulator runs in the same process).
//   bench_dataset [MB] [--cli PATH] [--repeats N]     (default 100, ../bin/burgerbench-cli, 3)
#include "workload/dataset.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include <sys/resource.h>

using namespace BurgerBench;

namespace {

// A /proc/self/status field in KiB ("VmHWM", "VmRSS").
qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// ~`megabytes` MB of JSONL: prompts of 200 to 4,000 bytes of words (some with an escaped quote),
// output_tokens from 1 to 1,024. Returns the rows written.
qint64 writeJsonl(const QString &path, int megabytes)
{
    static const char *const words[] = { "burger", "fries", "cheese", "onion", "pickle", "the", "a", "with",
        "sauce", "lettuce", "tomato", "bun", "grill", "order", "please", "\\\"extra\\\"" };
    std::mt19937_64 rng(12);
    std::uniform_int_distribution<int> length(200, 4000);
    std::uniform_int_distribution<int> word(0, int(std::size(words)) - 1);
    std::uniform_int_distribution<int> output(1, 1024);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    const qint64 target = qint64(megabytes) * 1000 * 1000;
    qint64 rows = 0;
    qint64 written = 0;
    QByteArray line;
    while (written < target) {
        line = "{\"prompt\": \"";
        const int bytes = length(rng);
        while (line.size() < bytes) {
            line += words[word(rng)];
            line += ' ';
        }
        line += "\", \"output_tokens\": " + QByteArray::number(output(rng)) + "}\n";
        file.write(line);
        written += line.size();
        ++rows;
    }
    return rows;
}

// One case in this process: prints "wall_ms peak_growth_kib rows".
int runCase(const QString &which, const QString &path)
{
    const qint64 before = statusKiB("VmRSS");
    QElapsedTimer clock;
    clock.start();
    qint64 rows = 0;
    if (which == QLatin1String("peer")) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return 1;
        const QByteArray all = file.readAll();
        std::vector<QJsonDocument> docs;
        for (const QByteArray &line : all.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError error;
            docs.push_back(QJsonDocument::fromJson(line, &error));
            if (error.error != QJsonParseError::NoError)
                return 1;
        }
        rows = qint64(docs.size());
    } else {
        Dataset::Options options;
        options.format = QStringLiteral("jsonl");
        options.sample = which == QLatin1String("sample") ? 1000 : 0;
        options.seed = 1;
        std::vector<DatasetRow> kept;
        Dataset::Stats stats;
        QString error;
        if (!Dataset::load(path, options, TokenModel(), &kept, &stats, &error)) {
            std::fprintf(stderr, "bench_dataset: %s\n", qPrintable(error));
            return 1;
        }
        rows = stats.kept;
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    std::printf("%.3f %lld %lld\n", ms, static_cast<long long>(statusKiB("VmHWM") - before),
        static_cast<long long>(rows));
    return 0;
}

struct Figure
{
    double ms = 0;
    double mib = 0;
    qint64 rows = 0;
};

bool child(const QString &which, const QString &path, Figure *out)
{
    QProcess p;
    p.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--case"), which, path });
    if (!p.waitForFinished(600'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "bench_dataset: case %s failed: %s\n", qPrintable(which),
            p.readAllStandardError().constData());
        return false;
    }
    const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split(' ');
    if (f.size() != 3)
        return false;
    out->ms = f[0].toDouble();
    out->mib = f[1].toDouble() / 1024.0;
    out->rows = f[2].toLongLong();
    return true;
}

// The median of `repeats` runs of a case, by wall time and by peak separately.
bool measure(const QString &which, const QString &path, int repeats, Figure *out)
{
    std::vector<double> ms;
    std::vector<double> mib;
    for (int i = 0; i < repeats; ++i) {
        Figure f;
        if (!child(which, path, &f))
            return false;
        ms.push_back(f.ms);
        mib.push_back(f.mib);
        out->rows = f.rows;
    }
    std::sort(ms.begin(), ms.end());
    std::sort(mib.begin(), mib.end());
    out->ms = ms[ms.size() / 2];
    out->mib = mib[mib.size() / 2];
    return true;
}

double childCpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds of one `burgerbench-cli run` (the median of `repeats`); -1 when it fails.
double cliCpu(const QString &cli, const QStringList &prompt, int requests, int repeats)
{
    std::vector<double> cpu;
    for (int i = 0; i < repeats; ++i) {
        QStringList args = { QStringLiteral("run"), QStringLiteral("--requests"), QString::number(requests),
            QStringLiteral("--concurrency"), QStringLiteral("64"), QStringLiteral("--max-tokens"),
            QStringLiteral("16"), QStringLiteral("--sim-output-tokens"), QStringLiteral("16"),
            QStringLiteral("--sim-ttft-ms"), QStringLiteral("0"), QStringLiteral("--sim-token-interval-ms"),
            QStringLiteral("0"), QStringLiteral("--seed"), QStringLiteral("7") };
        args += prompt;
        const double before = childCpuSeconds();
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        p.start(cli, args);
        if (!p.waitForFinished(600'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            std::fprintf(stderr, "bench_dataset: %s %s failed: %s\n", qPrintable(cli),
                qPrintable(args.join(u' ')), p.readAllStandardError().constData());
            return -1;
        }
        cpu.push_back(childCpuSeconds() - before);
    }
    std::sort(cpu.begin(), cpu.end());
    return cpu[cpu.size() / 2];
}

void row(const char *what, double value, const char *unit, const QString &ratio = QString())
{
    std::printf("  %-62s %12.2f %-3s %s\n", what, value, unit, qPrintable(ratio));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == QLatin1String("--case"))
        return runCase(args.at(2), args.at(3));

    int megabytes = 100;
    int repeats = 3;
    QString cli = QDir(app.applicationDirPath()).filePath(QStringLiteral("../bin/burgerbench-cli"));
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--cli") && i + 1 < args.size())
            cli = args.at(++i);
        else if (args.at(i) == QLatin1String("--repeats") && i + 1 < args.size())
            repeats = std::max(1, args.at(++i).toInt());
        else
            megabytes = std::max(1, args.at(i).toInt());
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.jsonl"));
    const qint64 written = writeJsonl(path, megabytes);
    if (written <= 0) {
        std::fprintf(stderr, "bench_dataset: cannot write %s\n", qPrintable(path));
        return 1;
    }
    const double fileMiB = double(QFileInfo(path).size()) / (1024.0 * 1024.0);

    Figure peer;
    Figure all;
    Figure sample;
    if (!measure(QStringLiteral("peer"), path, repeats, &peer)
        || !measure(QStringLiteral("load"), path, repeats, &all)
        || !measure(QStringLiteral("sample"), path, repeats, &sample))
        return 1;
    const auto ratio = [](double v, double p) { return QStringLiteral("%1x peer").arg(v / p, 0, 'f', 2); };
    std::printf("## dataset load, %.1f MiB JSONL, %lld rows (median of %d child processes)\n", fileMiB,
        static_cast<long long>(written), repeats);
    row("peer: readAll + split + QJsonDocument per line, wall", peer.ms, "ms");
    row("peer: peak RSS growth", peer.mib, "MiB");
    row("Dataset::load, all rows, wall", all.ms, "ms", ratio(all.ms, peer.ms));
    row("Dataset::load, all rows, peak RSS growth", all.mib, "MiB", ratio(all.mib, peer.mib));
    row("Dataset::load, sample 1000, wall", sample.ms, "ms", ratio(sample.ms, peer.ms));
    row("Dataset::load, sample 1000, peak RSS growth", sample.mib, "MiB", ratio(sample.mib, peer.mib));
    if (peer.rows != written || all.rows != written || sample.rows != 1000) {
        std::fprintf(stderr, "bench_dataset: rows read %lld / %lld / %lld, written %lld\n",
            static_cast<long long>(peer.rows), static_cast<long long>(all.rows),
            static_cast<long long>(sample.rows), static_cast<long long>(written));
        return 1;
    }

    if (!QFileInfo(cli).isExecutable()) {
        std::printf("## engine, varied prompts: skipped (no CLI at %s; --cli PATH)\n", qPrintable(cli));
        return 0;
    }
    constexpr int Requests = 2000;
    const double fixed
        = cliCpu(cli, { QStringLiteral("--prompt-tokens"), QStringLiteral("1000") }, Requests, repeats);
    const double varied = cliCpu(
        cli, { QStringLiteral("--input-tokens"), QStringLiteral("uniform:100,2000") }, Requests, repeats);
    if (fixed <= 0 || varied <= 0)
        return 1;
    std::printf("## engine, %d requests x 16 tokens, c=64, built-in simulator (TTFT 0, interval 0), CPU of "
                "the CLI process (median of %d)\n",
        Requests, repeats);
    row("one fixed prompt (--prompt-tokens 1000, ~1,050 tokens)", fixed, "s");
    row("varied prompts (--input-tokens uniform:100,2000)", varied, "s",
        QStringLiteral("%1x fixed").arg(varied / fixed, 0, 'f', 2));
    row("one fixed prompt, CPU per request", fixed / Requests * 1e6, "us");
    row("varied prompts, CPU per request", varied / Requests * 1e6, "us",
        QStringLiteral("%1x fixed").arg(varied / fixed, 0, 'f', 2));
    return 0;
}
