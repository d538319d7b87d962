// Proves that a ThreadSanitizer run can be trusted before its silence is believed (scripts/tsan.sh).
//
//   tsan_canary handoff  a value written on a worker thread and read back after a
//                        Qt::BlockingQueuedConnection call: correctly synchronised, but only a
//                        TSan-instrumented QtCore shows TSan the happens-before (Debian's Qt
//                        synchronises that call on a futex TSan cannot see, and this reports).
//   tsan_canary race     the same value written on both threads with nothing between them: a real
//                        race, which must report even with tests/sanitizers/tsan.supp loaded.
#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <cstdio>
#include <cstring>

namespace {
int g_value = 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2 || (std::strcmp(argv[1], "handoff") != 0 && std::strcmp(argv[1], "race") != 0)) {
        std::fprintf(stderr, "usage: tsan_canary handoff|race\n");
        return 2;
    }
    const bool race = std::strcmp(argv[1], "race") == 0;

    QThread worker;
    QObject context;
    context.moveToThread(&worker);
    worker.start();
    if (race) {
        QMetaObject::invokeMethod(
            &context, [] { g_value += 1; }, Qt::QueuedConnection);
        g_value += 1; // unsynchronised with the worker's write
        QThread::msleep(200); // let the worker run before quit() (a sleep orders nothing for TSan)
    } else {
        QMetaObject::invokeMethod(
            &context, [] { g_value += 1; }, Qt::BlockingQueuedConnection);
        g_value += 1; // after the blocking call returned: ordered
    }
    worker.quit();
    worker.wait();
    std::printf("value %d\n", g_value);
    return 0;
}
