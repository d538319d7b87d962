#include "engine/loopbusy.h"

#include <QAbstractEventDispatcher>
#include <QThread>

#include <dlfcn.h>

namespace BurgerBench {

namespace {

// The few GLib entry points the probe needs, looked up in the running process (Qt's GLib
// dispatcher has loaded GLib if it is in use). Signatures from glib/gmain.h and glib/gpoll.h.
using GPollFunc = int (*)(void *fds, unsigned int nfds, int timeout);
struct Glib
{
    void *(*threadDefault)() = nullptr; // g_main_context_get_thread_default
    void *(*defaultContext)() = nullptr; // g_main_context_default
    GPollFunc (*getPoll)(void *) = nullptr; // g_main_context_get_poll_func
    void (*setPoll)(void *, GPollFunc) = nullptr; // g_main_context_set_poll_func
    GPollFunc poll = nullptr; // g_poll, the default poll function

    bool ok() const { return threadDefault && defaultContext && getPoll && setPoll && poll; }
};

const Glib &glib()
{
    static const Glib g = [] {
        Glib out;
        out.threadDefault
            = reinterpret_cast<void *(*)()>(dlsym(RTLD_DEFAULT, "g_main_context_get_thread_default"));
        out.defaultContext = reinterpret_cast<void *(*)()>(dlsym(RTLD_DEFAULT, "g_main_context_default"));
        out.getPoll
            = reinterpret_cast<GPollFunc (*)(void *)>(dlsym(RTLD_DEFAULT, "g_main_context_get_poll_func"));
        out.setPoll = reinterpret_cast<void (*)(void *, GPollFunc)>(
            dlsym(RTLD_DEFAULT, "g_main_context_set_poll_func"));
        out.poll = reinterpret_cast<GPollFunc>(dlsym(RTLD_DEFAULT, "g_poll"));
        return out;
    }();
    return g;
}

thread_local LoopBusyProbe *t_probe = nullptr;
thread_local GPollFunc t_original = nullptr;

// Runs on the thread iterating the context, without GLib's context lock held.
int busyPoll(void *fds, unsigned int nfds, int timeout)
{
    LoopBusyProbe *probe = t_probe;
    const GPollFunc original = t_original ? t_original : glib().poll;
    // A zero timeout only checks for ready sources: the loop is not waiting.
    const bool waits = probe && timeout != 0;
    if (waits)
        probe->idleBegins();
    const int result = original(fds, nfds, timeout);
    if (waits)
        probe->idleEnds();
    return result;
}

} // namespace

LoopBusyProbe::~LoopBusyProbe()
{
    stop();
}

void LoopBusyProbe::start(const QElapsedTimer *clock, std::vector<Span> *out, qint64 mergeNs)
{
    stop();
    m_clock = clock;
    m_out = out;
    m_mergeNs = mergeNs;
    m_busySinceNs = now();

    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(QThread::currentThread());
    const Glib &g = glib();
    if (dispatcher && dispatcher->inherits("QEventDispatcherGlib") && g.ok() && !t_probe) {
        void *context = g.threadDefault();
        if (!context)
            context = g.defaultContext();
        const GPollFunc current = context ? g.getPoll(context) : nullptr;
        if (current && current != &busyPoll) {
            t_original = current;
            t_probe = this;
            m_context = context;
            g.setPoll(context, &busyPoll);
            m_pollHooked = true;
            return;
        }
    }
    if (dispatcher) {
        m_awake = QObject::connect(
            dispatcher, &QAbstractEventDispatcher::awake, dispatcher, [this] { idleEnds(); },
            Qt::DirectConnection);
        m_block = QObject::connect(
            dispatcher, &QAbstractEventDispatcher::aboutToBlock, dispatcher, [this] { idleBegins(); },
            Qt::DirectConnection);
    }
}

void LoopBusyProbe::stop()
{
    if (!m_out)
        return;
    if (m_pollHooked) {
        const Glib &g = glib();
        if (g.getPoll(m_context) == &busyPoll)
            g.setPoll(m_context, t_original);
        t_probe = nullptr;
        t_original = nullptr;
        m_pollHooked = false;
        m_context = nullptr;
    }
    QObject::disconnect(m_awake);
    QObject::disconnect(m_block);
    idleBegins(); // closes the open span
    m_out = nullptr;
}

void LoopBusyProbe::idleBegins()
{
    if (m_busySinceNs < 0 || !m_out)
        return;
    const qint64 end = now();
    if (!m_out->empty() && m_busySinceNs - m_out->back().endNs < m_mergeNs)
        m_out->back().endNs = end;
    else
        m_out->push_back({ m_busySinceNs, end });
    m_busySinceNs = -1;
}

void LoopBusyProbe::idleEnds()
{
    if (m_busySinceNs < 0 && m_out)
        m_busySinceNs = now();
}

} // namespace BurgerBench
