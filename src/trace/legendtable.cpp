#include "trace/legendtable.h"

namespace BurgerBench {

namespace {

// Colours follow the tracing tools learners may meet later (Tracy, Perfetto, the Visual Studio
// Concurrency Visualizer): green runs, yellow waits its turn, red is blocked, purple is I/O.
// The patterns carry the same meaning without colour: waits are hatched (the first token's and a
// retry's), work is solid. Sending is cyan, not CPU work's green, and the ghost's outline slate,
// not the yellow of the line it is drawn over: picked so every pair stays at least 15 CIE76
// units apart also under simulated deuteranopia and protanopia (Machado et al. 2009; measured
// minimum 17.5, blocked red against loop-lag orange for a deuteranope).
const PhaseLook looks[PhaseCount] = {
    /* Queued */ { 0xf4c430, 0x9a7400, PhasePattern::Dots, NoColour, false, NoColour },
    /* Sending */ { 0x1fb3d6, NoColour, PhasePattern::None, 0x0b5d73, false, NoColour },
    /* WaitingFirstToken */ { 0xeceef8, 0x7b86bd, PhasePattern::BackDiagonal, 0x4e5993, false, NoColour },
    /* Streaming */ { 0x863fb0, NoColour, PhasePattern::None, NoColour, false, 0xe6d2f2 },
    /* CpuWork */ { 0x2ea04f, NoColour, PhasePattern::None, NoColour, false, NoColour },
    /* BlockedHeld */ { 0xe03c31, 0x8c120c, PhasePattern::Horizontal, NoColour, false, NoColour },
    /* Error */ { 0x6e0e0e, 0xf0a8a8, PhasePattern::Cross, NoColour, false, NoColour },
    /* Ghost */ { NoColour, NoColour, PhasePattern::None, 0x45677a, true, NoColour },
    /* Incomplete */ { 0xa6a6a6, 0x5e5e5e, PhasePattern::ForwardDiagonal, NoColour, false, NoColour },
    /* LoopLag */ { 0xe67e22, NoColour, PhasePattern::None, NoColour, false, NoColour },
    /* Backoff */ { 0xe8d9bd, 0x8a7650, PhasePattern::BackDiagonal, NoColour, false, NoColour },
    /* KitchenCooking */ { 0x004d40, NoColour, PhasePattern::None, NoColour, false, NoColour },
    /* KitchenWaiting */ { 0xe5cf86, NoColour, PhasePattern::None, NoColour, false, NoColour },
    /* JobRunning */ { 0x3040e0, 0xa9b8f8, PhasePattern::Vertical, NoColour, false, NoColour },
    /* JobDone */ { 0xddff77, NoColour, PhasePattern::None, 0x4d6b00, false, NoColour },
};

// lupdate reads these through src/i18n/CMakeLists.txt (every target's sources).
const char *const labels[PhaseCount] = {
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "In line"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Sending"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Waiting for first token"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Streaming (tick = token)"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "CPU work"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Blocked / held"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Error"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Ghost: intended start"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Incomplete"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Event-loop lag"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Retry wait"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Kitchen: cooking"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Kitchen: waiting"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Job running"),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Job done"),
};

const char *const descriptions[PhaseCount] = {
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "Waiting in line for a free slot or the rate limiter, before the request is sent."),
    QT_TRANSLATE_NOOP(
        "BurgerBench::Legend", "Building the request and handing it to the network: real work."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one sentence in two literals
        "Sent; waiting for the server's first token. No thread is busy: this is the table "
        "with the order number."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Tokens arriving; each tick is one token event."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "A thread computing: the cook at work."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "A thread held while it only waits, or the event loop frozen by work it should not do."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "A failed attempt, or where the request failed."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "From when the schedule wanted to send the request to when it really went out."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Cut off by a cancel, fail-fast or the end of the run."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "How late the event loop's timer fired: the loop was busy."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "Between two attempts: the backoff or the server's Retry-After. Nothing is sent and nobody works."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Requests the server is running, from its own metrics."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend", "Requests waiting in the server's queue, from its own metrics."),
    QT_TRANSLATE_NOOP(
        "BurgerBench::Legend", "Jobs the status board says a worker has, as the client's last poll read it."),
    QT_TRANSLATE_NOOP("BurgerBench::Legend",
        "Jobs the status board says are done, as the client's last poll read it: results to fetch."),
};

} // namespace

const PhaseLook &phaseLook(Phase phase)
{
    return looks[int(phase)];
}

const char *phaseLabelSource(Phase phase)
{
    return labels[int(phase)];
}

const char *phaseDescriptionSource(Phase phase)
{
    return descriptions[int(phase)];
}

} // namespace BurgerBench
