#include "cli/commands.h"

#include "scenario/scenario.h"
#include "sim/simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cmath>
#include <cstdio>

namespace BurgerBench::Cli {

int cmdSimulate(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burgerbench-cli simulate"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serve the built-in OpenAI-compatible LLM simulator until interrupted.\n"
                       "The first line on stdout is its URL. GET /sim/stats returns the ground truth."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("host"), QStringLiteral("Address to bind (default 127.0.0.1)."),
            QStringLiteral("address"), QStringLiteral("127.0.0.1") },
        { QStringLiteral("port"), QStringLiteral("Port (default 0: any free port)."), QStringLiteral("port"),
            QStringLiteral("0") },
        { QStringLiteral("scenario"), QStringLiteral("Take the knobs from a scenario's simulator section."),
            QStringLiteral("file") },
        { QStringLiteral("ttft-ms"), QStringLiteral("Time to first token."), QStringLiteral("ms") },
        { QStringLiteral("token-interval-ms"), QStringLiteral("Time between tokens."), QStringLiteral("ms") },
        { QStringLiteral("jitter-ms"), QStringLiteral("+- jitter on each interval."), QStringLiteral("ms") },
        { QStringLiteral("output-tokens"), QStringLiteral("Tokens per response (0 = max_tokens)."),
            QStringLiteral("n") },
        { QStringLiteral("reasoning-tokens"),
            QStringLiteral(
                "The first N tokens of a chat or responses answer are reasoning, streamed before the "
                "answer (at most output - 1)."),
            QStringLiteral("n") },
        { QStringLiteral("prefill-us"), QStringLiteral("Extra TTFT per uncached prompt token, microseconds."),
            QStringLiteral("us") },
        { QStringLiteral("kv-cache-tokens"),
            QStringLiteral(
                "Prefix cache capacity in tokens (512-token blocks, LRU; 0 = off; default 262144)."),
            QStringLiteral("n") },
        { QStringLiteral("no-tokenize"),
            QStringLiteral("Answer POST /tokenize with 404, like servers without it.") },
        { QStringLiteral("max-model-len"),
            QStringLiteral("max_model_len that /tokenize reports (default 32768)."), QStringLiteral("n") },
        { QStringLiteral("capacity"), QStringLiteral("Sequences served at once (0 = unlimited)."),
            QStringLiteral("n") },
        { QStringLiteral("seed"), QStringLiteral("Seed of faults and jitter."), QStringLiteral("n") },
        { QStringLiteral("fault"),
            QStringLiteral("Fault probability NAME=P (http_429, http_500, http_503, reset, stall, malformed, "
                           "stream_error, missing_done). Repeatable."),
            QStringLiteral("name=p") },
        { QStringLiteral("retry-after"), QStringLiteral("Retry-After seconds sent with 429/503."),
            QStringLiteral("s") },
        { QStringLiteral("stall-s"), QStringLiteral("How long a stall lasts."), QStringLiteral("s") },
    });
    parser.process(app);

    auto bad = [](const QString &message) {
        std::fprintf(stderr, "burgerbench-cli simulate: %s\n", qPrintable(message));
        return int(BadUsage);
    };
    SimulatorSettings settings;
    if (parser.isSet(QStringLiteral("scenario"))) {
        Scenario scenario;
        QString error;
        if (!Scenario::load(parser.value(QStringLiteral("scenario")), &scenario, &error))
            return bad(error);
        settings = scenario.simulator;
    }
    QString error;
    auto number = [&](const char *name, double min, double max, auto *out) {
        const QString key = QString::fromLatin1(name);
        if (!error.isEmpty() || !parser.isSet(key))
            return;
        bool ok = false;
        const double v = parser.value(key).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < min || v > max)
            error = QStringLiteral("--%1: expected a number from %2 to %3 (got \"%4\")")
                        .arg(key)
                        .arg(min)
                        .arg(max)
                        .arg(parser.value(key));
        else
            *out = std::remove_pointer_t<decltype(out)>(v);
    };
    number("ttft-ms", 0, 3600e3, &settings.ttftMs);
    number("token-interval-ms", 0, 60e3, &settings.tokenIntervalMs);
    number("jitter-ms", 0, 60e3, &settings.jitterMs);
    number("output-tokens", 0, 1e6, &settings.outputTokens);
    number("reasoning-tokens", 0, 1e6, &settings.reasoningTokens);
    number("prefill-us", 0, 1e6, &settings.prefillUsPerPromptToken);
    number("capacity", 0, 1e6, &settings.capacity);
    number("kv-cache-tokens", 0, 1e12, &settings.kvCacheTokens);
    number("max-model-len", 1, 1e8, &settings.maxModelLen);
    if (parser.isSet(QStringLiteral("no-tokenize")))
        settings.tokenizeEndpoint = false;
    number("seed", 0, 4294967295.0, &settings.seed);
    number("retry-after", 0, 3600, &settings.faults.retryAfterSeconds);
    number("stall-s", 0, 3600, &settings.faults.stallSeconds);
    quint16 port = 0;
    number("port", 0, 65535, &port);
    if (!error.isEmpty())
        return bad(error);
    for (const QString &spec : parser.values(QStringLiteral("fault"))) {
        // Reuse the scenario's own validation so both spell faults the same way.
        const qsizetype eq = spec.indexOf(u'=');
        bool ok = false;
        const double p = eq > 0 ? spec.mid(eq + 1).toDouble(&ok) : 0;
        if (!ok)
            return bad(QStringLiteral("--fault: expected NAME=PROBABILITY (got \"%1\")").arg(spec));
        QJsonObject faults;
        faults.insert(spec.left(eq), p);
        Scenario probe;
        QString fieldError;
        QJsonObject json { { QStringLiteral("load"), QJsonObject { { QStringLiteral("requests"), 1 } } },
            { QStringLiteral("simulator"), QJsonObject { { QStringLiteral("faults"), faults } } } };
        if (!Scenario::fromJson(json, &probe, &fieldError))
            return bad(QStringLiteral("--fault \"%1\": %2").arg(spec, fieldError));
        const SimulatorFaults &f = probe.simulator.faults;
        SimulatorFaults &t = settings.faults;
        t.http429 = std::max(t.http429, f.http429);
        t.http500 = std::max(t.http500, f.http500);
        t.http503 = std::max(t.http503, f.http503);
        t.reset = std::max(t.reset, f.reset);
        t.stall = std::max(t.stall, f.stall);
        t.malformed = std::max(t.malformed, f.malformed);
        t.streamError = std::max(t.streamError, f.streamError);
        t.missingDone = std::max(t.missingDone, f.missingDone);
    }
    QHostAddress address;
    if (!address.setAddress(parser.value(QStringLiteral("host"))))
        return bad(
            QStringLiteral("--host: \"%1\" is not an IP address").arg(parser.value(QStringLiteral("host"))));

    raiseFileLimit();
    installInterruptHandler();
    Simulator simulator(settings);
    if (!simulator.listen(address, port, &error)) {
        std::fprintf(stderr, "burgerbench-cli simulate: cannot listen on %s:%u: %s\n",
            qPrintable(address.toString()), unsigned(port), qPrintable(error));
        return Aborted;
    }
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        || address == QHostAddress::AnyIPv6) {
        // Not loopback: say so, and what the printed URL is.
        std::fprintf(stderr,
            "burgerbench-cli simulate: warning: listening on every interface (%s port %u): any host that "
            "can reach this machine can use the simulator; the URL below is this machine's loopback one\n",
            qPrintable(address.toString()), unsigned(simulator.url().port()));
    } else if (!address.isLoopback()) {
        std::fprintf(stderr,
            "burgerbench-cli simulate: warning: listening on %s port %u, not on loopback: any host that can "
            "reach that address can use the simulator\n",
            qPrintable(address.toString()), unsigned(simulator.url().port()));
    }
    std::printf("%s\n", qPrintable(simulator.url().toString()));
    std::fflush(stdout);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (pollInterrupted())
            app.quit();
    });
    poll.start(100);
    app.exec();
    return Ok;
}

} // namespace BurgerBench::Cli
