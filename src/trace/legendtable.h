#pragma once

#include <QtGlobal>

namespace BurgerBench {

// The one visual vocabulary of BurgerBench (../shared/TEACHING.md) as plain data: the phases a
// request, a thread or the loop goes through, and how each is drawn. The window and the images
// (render/legend.h turns these into QColor and QBrush styles) and the HTML report's SVG (which
// must draw without Qt Gui in builds without the GUI) all read this one table, so a legend
// colour or label cannot drift between them. It sits in bb_trace, the lowest library both link.
// Every phase has a colour AND a pattern or outline, so the picture still reads in grey scale or
// for a reader who does not tell red from green; and the colours themselves stay apart under
// simulated deuteranopia and protanopia (tests/gui/tst_legendcolours checks a minimum CIE76
// distance between every pair, in normal vision and both simulations).
enum class Phase : quint8 {
    Queued, // in line at a client-side gate (yellow, dotted)
    Sending, // building and sending the request: real work (short solid cyan)
    WaitingFirstToken, // sitting at the table with a number: in flight, no thread held (hatched)
    Streaming, // burgers arriving: purple, one tick per token
    CpuWork, // somebody is cooking: solid green on a worker or the loop lane
    BlockedHeld, // a thread held while it only waits, or the loop frozen (red, striped)
    Error, // failed attempt or failure marker (dark red, cross-hatched)
    Ghost, // intended start to real send: a dashed outline, no fill
    Incomplete, // cut off by a cancel or the end of the run (grey, hatched)
    LoopLag, // how late the event loop's timer fired (orange bars)
    // Appended, so the older phases keep their numbers (the HTML report's pattern ids use them).
    Backoff, // between two attempts: backoff or Retry-After, nothing sent, nobody working (sand, hatched)
    KitchenCooking, // the server's running sequences, from its /metrics (dark teal area)
    KitchenWaiting, // the server's waiting requests, from its /metrics (pale sand area)
    // Background jobs' status board (render/jobboardlane.h), as the client's polls read it: pending
    // is drawn as In line (Queued), failed as Error; these are the other two statuses.
    JobRunning, // a worker has the job (blue, light vertical lines)
    JobDone, // the board says done (pale lime, outlined)
};
constexpr int PhaseCount = int(Phase::JobDone) + 1;

// The kitchen lane's two phases describe the server's own queue (trace/servermetrics.h), not a
// request or a thread of ours: a legend lists them only beside a kitchen lane.
constexpr bool isKitchenPhase(Phase phase)
{
    return phase == Phase::KitchenCooking || phase == Phase::KitchenWaiting;
}
// The job board's two: a legend lists them only beside a job board lane.
constexpr bool isJobBoardPhase(Phase phase)
{
    return phase == Phase::JobRunning || phase == Phase::JobDone;
}

enum class PhasePattern : quint8 { None, Dots, BackDiagonal, ForwardDiagonal, Horizontal, Cross, Vertical };

// Colours are 0xRRGGBB; NoColour = none (no fill, no outline, no tick).
constexpr quint32 NoColour = 0xffffffffu;

struct PhaseLook
{
    quint32 fill = NoColour;
    quint32 pattern = NoColour; // colour of the overlay pattern's lines
    PhasePattern patternKind = PhasePattern::None;
    quint32 outline = NoColour;
    bool dashedOutline = false;
    quint32 tick = NoColour; // streaming: the per-token tick colour
};

const PhaseLook &phaseLook(Phase phase);

// The translation context of the labels below: the UI shows
// QCoreApplication::translate(LegendContext, phaseLabelSource(p)) (render/legend.h's
// phaseLabel()); the HTML report reads the same catalogue in its own language (i18n/language.h).
constexpr const char *LegendContext = "BurgerBench::Legend";
// Short name ("In line", "Waiting for first token"...) and a one-line meaning, in English.
const char *phaseLabelSource(Phase phase);
const char *phaseDescriptionSource(Phase phase);

} // namespace BurgerBench
