#include "parallel/race.h"

#include <QCoreApplication>

namespace BurgerBench {

namespace {

// The I/O of one order on the built-in simulator: 0.5 s to the first token, then 15 more tokens
// 100 ms apart: T_io = 0.5 + 15 × 0.1 = 2.0 s.
SimulatorSettings twoSecondOrder()
{
    SimulatorSettings sim;
    sim.ttftMs = 500;
    sim.tokenIntervalMs = 100;
    sim.outputTokens = 16;
    return sim;
}

RaceSpec baseSpec(const QString &name)
{
    RaceSpec spec;
    spec.name = name;
    spec.n = 8;
    spec.simulator = twoSecondOrder();
    spec.base.name = name;
    spec.base.maxTokens = spec.simulator.outputTokens;
    spec.base.idleTimeoutS = 30;
    spec.base.timeoutS = 120;
    return spec;
}

} // namespace

QList<RacePreset> racePresets()
{
    QList<RacePreset> presets;
    {
        RacePreset p;
        p.name = QStringLiteral("burgers");
        p.title = QT_TRANSLATE_NOOP("BurgerBench::RacePreset", "8 orders × 2 s (I/O-bound)");
        p.story = QT_TRANSLATE_NOOP("BurgerBench::RacePreset",
            "Eight orders, each takes two seconds in the kitchen. A cashier who stands at the counter "
            "until each order is out serves them in 16 s. A cashier who hands out a number and takes the "
            "next order while the kitchen works (the event loop) has all eight out in about 2 s. Four "
            "cashier-cooks who each wait at the counter for their own order need two rounds, about 4 s, "
            "and every one of them is held the whole time doing nothing.");
        p.spec = baseSpec(p.name);
        p.spec.models = { RaceModel::Sequential, RaceModel::Concurrent, RaceModel::ParallelBlocking };
        p.spec.workers = 4;
        presets.append(p);
    }
    {
        RacePreset p;
        p.name = QStringLiteral("clean-the-house");
        p.title = QT_TRANSLATE_NOOP("BurgerBench::RacePreset", "Clean the house: 8 rooms × 500 ms of CPU");
        p.story = QT_TRANSLATE_NOOP("BurgerBench::RacePreset",
            "Eight rooms to clean, half a second of real work each. Nobody waits on anything here: it is "
            "all effort. Room after room takes N·T. Hopping between rooms on one thread (concurrency) "
            "spreads the attention, but the same pair of hands does all the scrubbing: no faster. One "
            "helper per core (QtConcurrent) splits the rooms and is done in about N·T / cores.");
        p.spec = baseSpec(p.name);
        p.spec.cpuOnly = true;
        p.spec.cpuTaskMs = 500;
        p.spec.models = { RaceModel::Sequential, RaceModel::Concurrent, RaceModel::ParallelCpu };
        presets.append(p);
    }
    {
        RacePreset p;
        p.name = QStringLiteral("web-ml");
        p.title = QT_TRANSLATE_NOOP("BurgerBench::RacePreset", "Web + ML: 8 calls × (2 s wait + 500 ms CPU)");
        p.story = QT_TRANSLATE_NOOP("BurgerBench::RacePreset",
            "A web service calls a model and then crunches each answer: two seconds of waiting, then half "
            "a second of computing. One at a time it costs N·(T_io + T_cpu). Blocking workers overlap the "
            "waits but elbow each other for the cores when they all compute at once. The mixed design "
            "keeps every call in flight on the event loop and hands the crunching to a pool as big as the "
            "machine: the waiting and the computing each go to the tool that suits them.");
        p.spec = baseSpec(p.name);
        p.spec.cpuTaskMs = 500;
        p.spec.workers = 4;
        p.spec.models = { RaceModel::Sequential, RaceModel::ParallelBlocking, RaceModel::Mixed };
        presets.append(p);
    }
    {
        RacePreset p;
        p.name = QStringLiteral("blocking-the-cashier");
        p.title = QT_TRANSLATE_NOOP(
            "BurgerBench::RacePreset", "Blocking the cashier: CPU work on the event loop");
        p.story = QT_TRANSLATE_NOOP("BurgerBench::RacePreset",
            "Orders arrive every quarter of a second. In the anti-pattern the lone cashier, each time an "
            "order comes out, starts cleaning the house right at the till: for half a second nobody is "
            "served, no number is called, no token is read. Watch the loop lane turn red and its lag jump "
            "to the length of the chore. Give the same chore to the pool (mixed) and the cashier stays "
            "free.");
        p.spec = baseSpec(p.name);
        p.spec.cpuTaskMs = 500;
        p.spec.arrivalRate = 4;
        p.spec.models = { RaceModel::AntiPattern, RaceModel::Mixed };
        presets.append(p);
    }
    {
        RacePreset p;
        p.name = QStringLiteral("background-jobs");
        p.title = QT_TRANSLATE_NOOP(
            "BurgerBench::RacePreset", "Background jobs: accept now, work later, poll the status");
        p.story = QT_TRANSLATE_NOOP("BurgerBench::RacePreset",
            "The client drops off eight jobs and gets a ticket for each at once (pending) instead of "
            "waiting at the counter. Two job workers take them in turn (running): each calls the model and "
            "then processes the answer. The client glances at the board every so often to see which are "
            "done and which failed. Every fourth job meets a server error on purpose, so a failure shows "
            "up as a status too.");
        p.spec = baseSpec(p.name);
        // One second per call here (0.3 s + 7 × 0.1 s), 200 ms of CPU after it.
        p.spec.simulator.ttftMs = 300;
        p.spec.simulator.outputTokens = 8;
        p.spec.base.maxTokens = 8;
        p.spec.cpuTaskMs = 200;
        p.spec.workers = 2;
        p.spec.failEvery = 4;
        p.spec.models = { RaceModel::BackgroundJobs };
        presets.append(p);
    }
    return presets;
}

QString RacePreset::translatedTitle() const
{
    return QCoreApplication::translate(RacePresetContext, title);
}

QString RacePreset::translatedStory() const
{
    return QCoreApplication::translate(RacePresetContext, story);
}

bool racePreset(const QString &name, RacePreset *out)
{
    const QList<RacePreset> all = racePresets();
    for (const RacePreset &p : all) {
        if (p.name == name) {
            *out = p;
            return true;
        }
    }
    return false;
}

} // namespace BurgerBench
