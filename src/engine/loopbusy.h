#pragma once

#include "trace/runtrace.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <vector>

class QThread;

namespace BurgerBench {

// Records when the calling thread's event loop was busy, as spans on a run's clock: the thread is
// idle only while its event dispatcher waits in poll(), busy the rest of the time.
//
// With Qt's GLib dispatcher (Debian's Qt) the dispatcher's awake()/aboutToBlock() signals cannot
// tell this: both fire outside g_main_context_iteration(), which polls *and* dispatches, so they
// saw a sixth of it (tst_loadengine: 7 ms busy against 43 ms of the engine thread's CPU).
// The probe therefore wraps the thread's GMainContext poll function, found at run time with
// dlsym() (no GLib headers needed; stable C ABI). Without GLib it falls back to the dispatcher's
// signals, which on Qt's own UNIX dispatcher bracket the posted events.
//
// One probe per thread at a time; start() and stop() on the thread being measured.
class LoopBusyProbe
{
public:
    LoopBusyProbe() = default;
    ~LoopBusyProbe();
    LoopBusyProbe(const LoopBusyProbe &) = delete;
    LoopBusyProbe &operator=(const LoopBusyProbe &) = delete;

    // Busy from now on; spans are appended to *out on `clock`'s ns. Spans closer than mergeNs are
    // joined (the lane is drawn at µs resolution at best).
    void start(const QElapsedTimer *clock, std::vector<Span> *out, qint64 mergeNs = 20'000);
    // Closes the open span (if any) and unhooks.
    void stop();
    bool isRunning() const { return m_out != nullptr; }
    // How the probe measures: "poll" (GLib poll hook) or "dispatcher" (awake/aboutToBlock).
    const char *method() const { return m_pollHooked ? "poll" : "dispatcher"; }

    // Called around the dispatcher's blocking wait.
    void idleBegins();
    void idleEnds();

private:
    qint64 now() const { return m_clock->nsecsElapsed(); }

    const QElapsedTimer *m_clock = nullptr;
    std::vector<Span> *m_out = nullptr;
    qint64 m_mergeNs = 20'000;
    qint64 m_busySinceNs = -1;
    bool m_pollHooked = false;
    void *m_context = nullptr; // GMainContext *
    QMetaObject::Connection m_awake, m_block;
};

} // namespace BurgerBench
