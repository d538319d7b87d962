#include "report/atomicfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace BurgerBench {

namespace {

// The operating system's words for the last error (strerror), when Qt's own message has none:
// QSaveFile reports a failed final flush as "Unknown error".
QString reason(const QFileDevice &file, int savedErrno)
{
    QString qt = file.errorString();
    if (savedErrno != 0 && (qt.isEmpty() || qt == QLatin1String("Unknown error")))
        return QString::fromLocal8Bit(std::strerror(savedErrno));
    return qt;
}

// Writes all of `data` to an open, unbuffered device (a write error then surfaces at once, with
// errno still telling what it was).
bool writeAll(QFileDevice &file, const QByteArray &data, int *savedErrno)
{
    qint64 done = 0;
    while (done < data.size()) {
        errno = 0;
        const qint64 n = file.write(data.constData() + done, data.size() - done);
        if (n <= 0) {
            *savedErrno = errno;
            return false;
        }
        done += n;
    }
    return true;
}

} // namespace

bool isStandardOutput(const QString &path)
{
    return path == QLatin1String("-");
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    return writeFileAtomically(
        path, [&data](const ReportSink &sink) { return sink(data); }, error);
}

bool writeFileAtomically(
    const QString &path, const std::function<bool(const ReportSink &sink)> &produce, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2")
                         .arg(isStandardOutput(path) ? QStringLiteral("standard output") : path, why);
        return false;
    };
    if (path.isEmpty())
        return fail(QStringLiteral("empty file name"));
    int savedErrno = 0;
    // Pieces are gathered into blocks of about a MiB: a report of many short lines costs a
    // write() a MiB, not one a line, and holds no more than that besides its pieces.
    constexpr qsizetype Block = 1 << 20;
    auto writeThrough = [&](QFileDevice &device) {
        QByteArray pending;
        const ReportSink sink = [&](const QByteArray &piece) {
            if (pending.isEmpty() && piece.size() >= Block)
                return writeAll(device, piece, &savedErrno);
            pending += piece;
            if (pending.size() < Block)
                return true;
            const bool ok = writeAll(device, pending, &savedErrno);
            pending.clear(); // keeps its capacity for the next block
            return ok;
        };
        return produce(sink) && writeAll(device, pending, &savedErrno);
    };

    if (isStandardOutput(path)) {
        std::fflush(stdout); // what was printed there first stays first
        QFile out;
        if (!out.open(1, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle))
            return fail(out.errorString());
        if (!writeThrough(out))
            return fail(reason(out, savedErrno));
        return true;
    }

    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return fail(QStringLiteral("is a directory"));
    if (info.exists() && !info.isFile()) {
        // A FIFO or a device: written through, in place. (QFileInfo follows symbolic links: a link
        // to /dev/null is written through too, a link to a regular file is replaced atomically.)
        QFile special(path);
        errno = 0;
        if (!special.open(QIODevice::WriteOnly | QIODevice::Unbuffered | QIODevice::ExistingOnly))
            return fail(reason(special, errno));
        if (!writeThrough(special))
            return fail(reason(special, savedErrno));
        special.close();
        return true;
    }

    // Unbuffered: each write reaches the file at once, so a full disk is named at the write that
    // hit it; the temporary file is then removed and the old report kept.
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(reason(file, errno));
    if (!writeThrough(file)) {
        const QString why = reason(file, savedErrno);
        file.cancelWriting();
        return fail(why);
    }
    errno = 0;
    if (!file.commit())
        return fail(reason(file, errno));
    return true;
}

bool readWholeFile(const QString &path, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

} // namespace BurgerBench
