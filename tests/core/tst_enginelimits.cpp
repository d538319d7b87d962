// Issue 15, the response side of the engine against hostile servers, on both transports (QNAM
// and target.transport "socket"):
//  - deadlines are precise: a server that accepts and never answers, and one that trickles a
//    comment line every 100 ms, end every attempt of a 1 s total timeout within [1000, 1005] ms
//    of its dispatch; a server that goes quiet after the head ends it [300, 305] ms after its
//    last activity for a 0.3 s idle timeout (a periodic sweep used to end them 28-86 ms late);
//  - twenty streams that each send one endless `data: xxx...` line are each cut at the
//    per-event cap (event_too_large), the engine's own books never hold more than 20 x the cap,
//    and the process's RSS grows by less than 100 MiB + 20 x the cap (it reached 9.36 GB);
//  - past the run's buffer budget, the attempt holding the most is cut (buffer_budget).
// The servers live on the test thread, which is also the engine's: what the engine records is
// stamped on this thread when its timer fires or its socket reads.
#include "engine/loadengine.h"
#include "scenario/scenario.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace BurgerBench;

Q_DECLARE_METATYPE(BurgerBench::Transport)

namespace {

constexpr qint64 Ms = 1'000'000;

enum class Script : quint8 {
    Silent, // reads the request, never answers
    Trickle, // a chunked SSE head, then a comment line every 100 ms
    HeadThenSilent, // a chunked SSE head, then nothing
    EndlessLine, // an SSE head, then "data: " and 'x' for ever, as fast as the socket takes it
};

// Answers every request with its script; the connections stay open until the client drops them.
class HostileServer : public QObject
{
public:
    explicit HostileServer(Script script)
        : m_script(script)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
                QObject::connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { pour(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_trickle.setInterval(100);
        m_trickle.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_trickle, &QTimer::timeout, this, [this] {
            for (const QPointer<QTcpSocket> &s : std::as_const(m_answering)) {
                if (s && s->state() == QAbstractSocket::ConnectedState) {
                    s->write("3\r\n:\n\n\r\n");
                    s->flush();
                }
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    qint64 poured() const { return m_poured; }

private:
    void onRead(QTcpSocket *socket)
    {
        QByteArray &buf = m_pending[socket];
        buf += socket->readAll();
        const qsizetype headEnd = buf.indexOf("\r\n\r\n");
        if (headEnd < 0 || m_answering.contains(socket))
            return;
        m_answering.push_back(socket);
        switch (m_script) {
        case Script::Silent:
            return;
        case Script::Trickle:
        case Script::HeadThenSilent:
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            socket->flush();
            if (m_script == Script::Trickle && !m_trickle.isActive())
                m_trickle.start();
            return;
        case Script::EndlessLine:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                          "data: ");
            pour(socket);
            return;
        }
    }
    // Keeps at most 256 KiB queued per connection, so the server's own memory stays small.
    void pour(QTcpSocket *socket)
    {
        if (m_script != Script::EndlessLine || !m_answering.contains(socket)
            || socket->state() != QAbstractSocket::ConnectedState)
            return;
        static const QByteArray piece(64 * 1024, 'x');
        while (socket->bytesToWrite() < 256 * 1024) {
            socket->write(piece);
            m_poured += piece.size();
        }
    }

    QTcpServer m_server;
    Script m_script;
    QTimer m_trickle;
    QHash<QTcpSocket *, QByteArray> m_pending;
    QList<QPointer<QTcpSocket>> m_answering;
    qint64 m_poured = 0;
};

// The endless line again, from threads of its own with blocking sockets: it pours as fast as the
// kernel takes it, however busy the engine's thread is (the in-process server above only pours
// when the engine's loop lets it, which hid QNAM's own unbounded queue: 666 MB of RSS).
class FastEndlessServer
{
public:
    FastEndlessServer()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), len) != 0 || ::listen(m_listen, 64) != 0
            || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
            return;
        m_port = ntohs(addr.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~FastEndlessServer()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        if (m_acceptor.joinable())
            m_acceptor.join();
        std::lock_guard<std::mutex> lock(m_mutex);
        for (std::thread &t : m_connections)
            t.join();
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    bool listening() const { return m_port != 0; }
    qint64 poured() const { return m_poured; }

private:
    void acceptLoop()
    {
        while (!m_stop) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            std::lock_guard<std::mutex> lock(m_mutex);
            m_connections.emplace_back([this, fd] { serve(fd); });
        }
    }
    void serve(int fd)
    {
        QByteArray request;
        char buf[4096];
        while (!request.contains("\r\n\r\n")) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) {
                ::close(fd);
                return;
            }
            request.append(buf, n);
        }
        const QByteArray head
            = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\ndata: ";
        const QByteArray piece(64 * 1024, 'x');
        bool ok = ::send(fd, head.constData(), size_t(head.size()), MSG_NOSIGNAL) == head.size();
        while (ok && !m_stop) {
            const ssize_t n = ::send(fd, piece.constData(), size_t(piece.size()), MSG_NOSIGNAL);
            ok = n > 0;
            if (ok)
                m_poured += n;
        }
        ::close(fd);
    }

    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop { false };
    std::atomic<qint64> m_poured { 0 };
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<std::thread> m_connections;
};

Scenario scenario(Transport transport, int concurrency)
{
    Scenario s;
    s.name = QStringLiteral("limits");
    s.transport = transport;
    s.stream = true;
    s.concurrency = concurrency;
    s.requests = concurrency;
    s.maxTokens = 3;
    return s;
}

// A line of /proc/self/status in bytes (VmRSS: resident now, VmHWM: the peak), or -1.
qint64 statusBytes(const QByteArray &key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}
qint64 rssBytes()
{
    return statusBytes("VmRSS:");
}
// Resets VmHWM to the current RSS (Linux: "5" to clear_refs), so it measures this run's peak.
bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

struct Run
{
    RunTrace trace;
    qint64 peakBuffered = -1;
    qint64 rssBefore = -1;
    qint64 rssPeak = -1;
};

Run runAgainst(const QUrl &url, const Scenario &s, int timeoutMs = 30000)
{
    Run run;
    LoadEngine engine;
    bool finished = false;
    QObject::connect(&engine, &LoadEngine::finished, [&] { finished = true; });
    const bool hwm = resetPeakRss();
    run.rssBefore = run.rssPeak = rssBytes();
    QString error;
    if (!engine.start(s, url, QByteArray(), &error))
        qFatal("engine: %s", qPrintable(error));
    // The RSS is sampled while the run goes (every pass through the loop, at most every 1 ms).
    QDeadlineTimer deadline(timeoutMs);
    while (!finished && !deadline.hasExpired()) {
        QTest::qWait(1);
        run.rssPeak = std::max(run.rssPeak, rssBytes());
    }
    if (!finished)
        qWarning("the run did not finish in %d ms", timeoutMs);
    // The kernel's own peak catches what sampling between events misses (QNAM's queue of
    // downloadData signals grows and is freed within one pass of this loop).
    if (hwm)
        run.rssPeak = std::max(run.rssPeak, statusBytes("VmHWM:"));
    run.peakBuffered = engine.peakBufferedBytes();
    run.trace = engine.takeTrace();
    return run;
}

// How late the engine's own 10 ms lag probe (a precise timer on the same thread) fired around
// `atNs`: when the machine takes the CPU away from the engine's thread (the CI box has 2 cores
// shared with other builds), every timer on it is late by that much, the deadline's too. The
// stamp is then right (it is when the engine could act); what was late is the thread. A slack
// only for that, measured, never a fixed one: a deadline that was merely checked late (the old
// periodic sweep, 28-86 ms) shows no such lag and still fails.
qint64 loopLagAround(const RunTrace &trace, qint64 atNs)
{
    qint64 lag = 0;
    for (const LagSample &s : trace.loopLag) {
        if (s.atNs >= atNs - 15 * Ms && s.atNs <= atNs + 25 * Ms)
            lag = std::max(lag, s.lagNs);
    }
    return lag;
}

// Checks `took` in [want, want + 5 ms], plus what the thread's measured lag explains.
bool withinFiveMs(const RunTrace &trace, const RequestRecord &r, qint64 took, qint64 want, int *excused)
{
    if (took < want)
        return false;
    if (took <= want + 5 * Ms)
        return true;
    const qint64 lag = loopLagAround(trace, r.endNs);
    qInfo("request %u: %.3f ms late, the thread's lag probe was %.3f ms late then", r.index,
        double(took - want) / Ms, double(lag) / Ms);
    if (took > want + 5 * Ms + lag)
        return false;
    ++*excused;
    return true;
}

QString describe(const RequestRecord &r)
{
    return QStringLiteral("request %1: %2/%3 after %4 ms: %5")
        .arg(r.index)
        .arg(outcomeName(r.outcome), errorKindName(r.error, r.httpStatus))
        .arg(double(r.endNs - r.dispatchNs) / Ms, 0, 'f', 3)
        .arg(r.errorMessage);
}

} // namespace

class tst_EngineLimits : public QObject
{
    Q_OBJECT
private slots:
    void totalTimeoutIsPrecise_data();
    void totalTimeoutIsPrecise();
    void idleTimeoutIsPrecise_data();
    void idleTimeoutIsPrecise();
    void endlessLinesStayUnderTheCap_data();
    void endlessLinesStayUnderTheCap();
    void bufferBudgetCutsTheLargest_data();
    void bufferBudgetCutsTheLargest();
};

void tst_EngineLimits::totalTimeoutIsPrecise_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<int>("script");
    QTest::newRow("qnam, never answers") << Transport::Qnam << int(Script::Silent);
    QTest::newRow("socket, never answers") << Transport::Socket << int(Script::Silent);
    QTest::newRow("qnam, a byte every 100 ms") << Transport::Qnam << int(Script::Trickle);
    QTest::newRow("socket, a byte every 100 ms") << Transport::Socket << int(Script::Trickle);
}

void tst_EngineLimits::totalTimeoutIsPrecise()
{
    QFETCH(Transport, transport);
    QFETCH(int, script);
    HostileServer server { Script(script) };
    QVERIFY(server.listen());
    Scenario s = scenario(transport, 12);
    s.timeoutS = 1;
    // The trickle keeps the attempt active (a read every 100 ms) under a 0.5 s idle timeout:
    // only the total deadline can end it.
    s.idleTimeoutS = Script(script) == Script::Trickle ? 0.5 : 5;
    const Run run = runAgainst(server.url(), s);
    QCOMPARE(run.trace.requests.size(), size_t(12));
    qint64 lo = LLONG_MAX, hi = 0;
    int excused = 0;
    for (const RequestRecord &r : run.trace.requests) {
        QVERIFY2(r.outcome == Outcome::Failed && r.error == ErrorKind::TimeoutTotal, qPrintable(describe(r)));
        if (Script(script) == Script::Trickle)
            QVERIFY2(r.headersNs > r.dispatchNs && r.firstByteNs > r.headersNs, qPrintable(describe(r)));
        const qint64 took = r.endNs - r.dispatchNs;
        lo = std::min(lo, took);
        hi = std::max(hi, took);
        QVERIFY2(withinFiveMs(run.trace, r, took, 1000 * Ms, &excused), qPrintable(describe(r)));
    }
    qInfo("end - dispatch over 12 attempts: %.3f .. %.3f ms (%d past 5 ms by the thread's own lag)",
        double(lo) / Ms, double(hi) / Ms, excused);
}

void tst_EngineLimits::idleTimeoutIsPrecise_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::newRow("qnam") << Transport::Qnam;
    QTest::newRow("socket") << Transport::Socket;
}

void tst_EngineLimits::idleTimeoutIsPrecise()
{
    QFETCH(Transport, transport);
    HostileServer server { Script::HeadThenSilent };
    QVERIFY(server.listen());
    Scenario s = scenario(transport, 12);
    s.timeoutS = 5;
    s.idleTimeoutS = 0.3;
    const Run run = runAgainst(server.url(), s);
    QCOMPARE(run.trace.requests.size(), size_t(12));
    qint64 lo = LLONG_MAX, hi = 0;
    int excused = 0;
    for (const RequestRecord &r : run.trace.requests) {
        QVERIFY2(r.outcome == Outcome::Failed && r.error == ErrorKind::TimeoutIdle, qPrintable(describe(r)));
        // The head was the attempt's last activity.
        QVERIFY2(r.headersNs > r.dispatchNs, qPrintable(describe(r)));
        const qint64 quiet = r.endNs - r.headersNs;
        lo = std::min(lo, quiet);
        hi = std::max(hi, quiet);
        QVERIFY2(withinFiveMs(run.trace, r, quiet, 300 * Ms, &excused),
            qPrintable(describe(r) + QStringLiteral(" (%1 ms after the head)").arg(double(quiet) / Ms)));
    }
    qInfo("end - head over 12 attempts: %.3f .. %.3f ms (%d past 5 ms by the thread's own lag)",
        double(lo) / Ms, double(hi) / Ms, excused);
}

void tst_EngineLimits::endlessLinesStayUnderTheCap_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<bool>("ownThreads"); // FastEndlessServer, else HostileServer on this thread
    QTest::newRow("qnam") << Transport::Qnam << false;
    QTest::newRow("socket") << Transport::Socket << false;
    QTest::newRow("qnam, server on its own threads") << Transport::Qnam << true;
    QTest::newRow("socket, server on its own threads") << Transport::Socket << true;
}

void tst_EngineLimits::endlessLinesStayUnderTheCap()
{
    QFETCH(Transport, transport);
    QFETCH(bool, ownThreads);
    HostileServer server { Script::EndlessLine };
    QVERIFY(server.listen());
    std::unique_ptr<FastEndlessServer> fast;
    if (ownThreads) {
        fast = std::make_unique<FastEndlessServer>();
        QVERIFY(fast->listening());
    }
    constexpr int Streams = 20;
    Scenario s = scenario(transport, Streams);
    const qint64 cap = s.maxEventBytes;
    QCOMPARE(cap, qint64(1024 * 1024)); // the default
    const Run run = runAgainst(fast ? fast->url() : server.url(), s);
    QCOMPARE(run.trace.requests.size(), size_t(Streams));
    for (const RequestRecord &r : run.trace.requests) {
        QVERIFY2(
            r.outcome == Outcome::Failed && r.error == ErrorKind::EventTooLarge, qPrintable(describe(r)));
        QVERIFY2(r.errorMessage.contains(QLatin1String("1048576-byte cap")), qPrintable(r.errorMessage));
    }
    const qint64 rssGrowth = run.rssPeak - run.rssBefore;
    qInfo("%d endless lines: server poured %.1f MiB; engine peak buffered %.2f MiB (bound %lld MiB); "
          "RSS %.1f -> peak %.1f MiB (+%.1f MiB, bound %lld MiB)",
        Streams, double(fast ? fast->poured() : server.poured()) / (1 << 20),
        double(run.peakBuffered) / (1 << 20), Streams * cap >> 20, double(run.rssBefore) / (1 << 20),
        double(run.rssPeak) / (1 << 20), double(rssGrowth) / (1 << 20),
        (100 * (1 << 20) + Streams * cap) >> 20);
    QVERIFY(run.peakBuffered > 0);
    QVERIFY2(run.peakBuffered <= Streams * cap, qPrintable(QString::number(run.peakBuffered)));
    // A loose sanity bound on the whole process (the server's queues included). Under
    // AddressSanitizer freed memory is held in its quarantine (256 MiB by default) before it is
    // reused, so the process grows by that much more; the engine's own books above are the exact
    // check either way.
#if defined(__SANITIZE_ADDRESS__)
    constexpr qint64 AllocatorSlack = qint64(256) << 20;
#else
    constexpr qint64 AllocatorSlack = 0;
#endif
    QVERIFY(run.rssBefore > 0);
    QVERIFY2(rssGrowth <= 100 * (1 << 20) + Streams * cap + AllocatorSlack,
        qPrintable(QString::number(rssGrowth)));
}

void tst_EngineLimits::bufferBudgetCutsTheLargest_data()
{
    endlessLinesStayUnderTheCap_data();
}

void tst_EngineLimits::bufferBudgetCutsTheLargest()
{
    QFETCH(Transport, transport);
    QFETCH(bool, ownThreads);
    HostileServer server { Script::EndlessLine };
    QVERIFY(server.listen());
    std::unique_ptr<FastEndlessServer> fast;
    if (ownThreads) {
        fast = std::make_unique<FastEndlessServer>();
        QVERIFY(fast->listening());
    }
    constexpr int Streams = 20;
    Scenario s = scenario(transport, Streams);
    // A cap no stream reaches before the budget: every attempt is ended by the budget, as the
    // one holding the most (on QNAM the streams' reads come a few at a time, so a budget over
    // several caps may never be crossed at all: 2.8 MiB of 3 at most, measured).
    s.maxEventBytes = 16 * 1024 * 1024;
    s.maxBufferedBytes = 3 * 1024 * 1024;
    const Run run = runAgainst(fast ? fast->url() : server.url(), s);
    QCOMPARE(run.trace.requests.size(), size_t(Streams));
    int budget = 0;
    for (const RequestRecord &r : run.trace.requests) {
        QVERIFY2(r.outcome == Outcome::Failed && r.error == ErrorKind::BufferBudget, qPrintable(describe(r)));
        QVERIFY2(
            r.errorMessage.contains(QLatin1String("3145728-byte buffer budget")), qPrintable(r.errorMessage));
        ++budget;
    }
    qInfo("budget 3 MiB: %d of %d cut by the budget, peak buffered %.2f MiB", budget, Streams,
        double(run.peakBuffered) / (1 << 20));
    QCOMPARE(budget, Streams);
    // Enforced after every slice of a read (256 KiB at most): the books pass the budget by at
    // most one slice (before the slices, one QNAM read took them to 5.56 MiB).
    QVERIFY2(run.peakBuffered > s.maxBufferedBytes && run.peakBuffered <= s.maxBufferedBytes + 256 * 1024,
        qPrintable(QString::number(run.peakBuffered)));
}

QTEST_GUILESS_MAIN(tst_EngineLimits)
#include "tst_enginelimits.moc"
