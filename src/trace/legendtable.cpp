#include "trace/legendtable.h"

namespace BurgerBench {

namespace {

// Colours follow the tracing tools learners may meet later (Tracy, Perfetto, the Visual Studio
// Concurrency Visualizer): green runs, yellow waits its turn, red is blocked, purple is I/O.
// The patterns carry the same meaning without colour.
const PhaseLook looks[PhaseCount] = {
    /* Queued */ { 0xf4c430, 0x9a7400, PhasePattern::Dots, NoColour, false, NoColour },
    /* Sending */ { 0x2ea04f, NoColour, PhasePattern::None, 0x145a2a, false, NoColour },
    /* WaitingFirstToken */ { 0xeceef8, 0x7b86bd, PhasePattern::BackDiagonal, 0x4e5993, false, NoColour },
    /* Streaming */ { 0x863fb0, NoColour, PhasePattern::None, NoColour, false, 0xe6d2f2 },
    /* CpuWork */ { 0x2ea04f, NoColour, PhasePattern::None, NoColour, false, NoColour },
    /* BlockedHeld */ { 0xe03c31, 0x8c120c, PhasePattern::Horizontal, NoColour, false, NoColour },
    /* Error */ { 0x6e0e0e, 0xf0a8a8, PhasePattern::Cross, NoColour, false, NoColour },
    /* Ghost */ { NoColour, NoColour, PhasePattern::None, 0x444444, true, NoColour },
    /* Incomplete */ { 0xa6a6a6, 0x5e5e5e, PhasePattern::ForwardDiagonal, NoColour, false, NoColour },
    /* LoopLag */ { 0xe67e22, NoColour, PhasePattern::None, NoColour, false, NoColour },
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
