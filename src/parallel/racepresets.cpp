#include "parallel/race.h"

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
        p.titleEn = QStringLiteral("8 orders × 2 s (I/O-bound)");
        p.titleEs = QStringLiteral("8 pedidos × 2 s (limitado por E/S)");
        p.storyEn = QStringLiteral("Eight orders, each takes two seconds in the kitchen. A cashier who "
                                   "stands at the counter until each "
                                   "order is out serves them in 16 s. A cashier who hands out a number and "
                                   "takes the next order while the "
                                   "kitchen works (the event loop) has all eight out in about 2 s. Four "
                                   "cashier-cooks who each wait at the "
                                   "counter for their own order need two rounds, about 4 s, and every one of "
                                   "them is held the whole time "
                                   "doing nothing.");
        p.storyEs = QStringLiteral("Ocho pedidos, dos segundos de cocina cada uno. Un cajero que se queda "
                                   "plantado en el mostrador hasta que "
                                   "sale cada pedido tarda 16 s. Un cajero que entrega un número y atiende "
                                   "al siguiente mientras la cocina "
                                   "trabaja (el bucle de eventos) tiene los ocho listos en unos 2 s. Cuatro "
                                   "cajeros-cocineros que esperan "
                                   "cada uno su propio pedido necesitan dos rondas, unos 4 s, y cada uno "
                                   "pasa todo ese rato parado sin hacer "
                                   "nada.");
        p.spec = baseSpec(p.name);
        p.spec.models = { RaceModel::Sequential, RaceModel::Concurrent, RaceModel::ParallelBlocking };
        p.spec.workers = 4;
        presets.append(p);
    }
    {
        RacePreset p;
        p.name = QStringLiteral("clean-the-house");
        p.titleEn = QStringLiteral("Clean the house: 8 rooms × 500 ms of CPU");
        p.titleEs = QStringLiteral("Limpiar la casa: 8 habitaciones × 500 ms de CPU");
        p.storyEn = QStringLiteral("Eight rooms to clean, half a second of real work each. Nobody waits on "
                                   "anything here: it is all effort. "
                                   "Room after room takes N·T. Hopping between rooms on one thread "
                                   "(concurrency) spreads the attention, but "
                                   "the same pair of hands does all the scrubbing: no faster. One helper per "
                                   "core (QtConcurrent) splits the "
                                   "rooms and is done in about N·T / cores.");
        p.storyEs = QStringLiteral(
            "Ocho habitaciones que limpiar, medio segundo de trabajo real cada una. Aquí nadie espera nada: "
            "todo es "
            "esfuerzo. Una detrás de otra cuesta N·T. Saltar de una a otra en un solo hilo (concurrencia) "
            "reparte la "
            "atención, pero el mismo par de manos lo friega todo: no acaba antes. Un ayudante por núcleo "
            "(QtConcurrent) se reparte las habitaciones y termina en torno a N·T / núcleos.");
        p.spec = baseSpec(p.name);
        p.spec.cpuOnly = true;
        p.spec.cpuTaskMs = 500;
        p.spec.models = { RaceModel::Sequential, RaceModel::Concurrent, RaceModel::ParallelCpu };
        presets.append(p);
    }
    {
        RacePreset p;
        p.name = QStringLiteral("web-ml");
        p.titleEn = QStringLiteral("Web + ML: 8 calls × (2 s wait + 500 ms CPU)");
        p.titleEs = QStringLiteral("Web + ML: 8 llamadas × (2 s de espera + 500 ms de CPU)");
        p.storyEn = QStringLiteral("A web service calls a model and then crunches each answer: two seconds "
                                   "of waiting, then half a second "
                                   "of computing. One at a time it costs N·(T_io + T_cpu). Blocking workers "
                                   "overlap the waits but elbow "
                                   "each other for the cores when they all compute at once. The mixed design "
                                   "keeps every call in flight on "
                                   "the event loop and hands the crunching to a pool as big as the machine: "
                                   "the waiting and the computing "
                                   "each go to the tool that suits them.");
        p.storyEs = QStringLiteral("Un servicio web llama a un modelo y luego procesa cada respuesta: dos "
                                   "segundos de espera y medio segundo "
                                   "de cálculo. De uno en uno cuesta N·(T_io + T_cpu). Los trabajadores "
                                   "bloqueantes solapan las esperas, "
                                   "pero se dan codazos por los núcleos cuando calculan a la vez. El diseño "
                                   "mixto mantiene todas las "
                                   "llamadas en vuelo en el bucle de eventos y deja el cálculo a un pool del "
                                   "tamaño de la máquina: la espera "
                                   "y el cálculo van cada uno a la herramienta que les sirve.");
        p.spec = baseSpec(p.name);
        p.spec.cpuTaskMs = 500;
        p.spec.workers = 4;
        p.spec.models = { RaceModel::Sequential, RaceModel::ParallelBlocking, RaceModel::Mixed };
        presets.append(p);
    }
    {
        RacePreset p;
        p.name = QStringLiteral("blocking-the-cashier");
        p.titleEn = QStringLiteral("Blocking the cashier: CPU work on the event loop");
        p.titleEs = QStringLiteral("Bloquear al cajero: trabajo de CPU en el bucle de eventos");
        p.storyEn = QStringLiteral("Orders arrive every quarter of a second. In the anti-pattern the lone "
                                   "cashier, each time an order comes "
                                   "out, starts cleaning the house right at the till: for half a second "
                                   "nobody is served, no number is "
                                   "called, no token is read. Watch the loop lane turn red and its lag jump "
                                   "to the length of the chore. Give "
                                   "the same chore to the pool (mixed) and the cashier stays free.");
        p.storyEs = QStringLiteral("Llega un pedido cada cuarto de segundo. En el antipatrón el cajero, cada "
                                   "vez que sale un pedido, se pone "
                                   "a limpiar la casa en la misma caja: durante medio segundo no atiende a "
                                   "nadie, no canta ningún número, no "
                                   "lee ningún token. Mira cómo la línea del bucle se pone roja y su retraso "
                                   "salta a la duración de la "
                                   "tarea. Pasa esa misma tarea al pool (mixto) y el cajero sigue libre.");
        p.spec = baseSpec(p.name);
        p.spec.cpuTaskMs = 500;
        p.spec.arrivalRate = 4;
        p.spec.models = { RaceModel::AntiPattern, RaceModel::Mixed };
        presets.append(p);
    }
    {
        RacePreset p;
        p.name = QStringLiteral("background-jobs");
        p.titleEn = QStringLiteral("Background jobs: accept now, work later, poll the status");
        p.titleEs
            = QStringLiteral("Trabajos en segundo plano: aceptar ya, trabajar después, consultar el estado");
        p.storyEn = QStringLiteral(
            "The client drops off eight jobs and gets a ticket for each at once (pending) instead of waiting "
            "at the "
            "counter. Two job workers take them in turn (running): each calls the model and then processes "
            "the "
            "answer. The client glances at the board every so often to see which are done and which failed. "
            "Every "
            "fourth job meets a server error on purpose, so a failure shows up as a status too.");
        p.storyEs = QStringLiteral("El cliente deja ocho trabajos y recibe al momento un ticket por cada uno "
                                   "(pendiente) en vez de esperar "
                                   "en el mostrador. Dos trabajadores los van tomando (en curso): cada uno "
                                   "llama al modelo y después procesa "
                                   "la respuesta. El cliente echa un vistazo al tablero de vez en cuando "
                                   "para ver cuáles han terminado y "
                                   "cuáles han fallado. Uno de cada cuatro se topa a propósito con un error "
                                   "del servidor, para que un fallo "
                                   "también se vea como estado.");
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
