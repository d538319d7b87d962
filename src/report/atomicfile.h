#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace BurgerBench {

// Writes a report to `path`, as every report writer does:
// - a regular file or a new path: through QSaveFile, so readers see either the old file or the
//   complete new one, never a half-written report (a failed write keeps the old file);
// - an existing path that is not a regular file (a FIFO, a character device such as /dev/null or
//   /dev/stdout): opened and written through, never renamed over (the rename would replace the
//   special file itself; as root, /dev/null). A FIFO's reader gets the report; the write waits
//   for one to open it;
// - "-": standard output (after flushing what was printed there).
// A directory is refused. On failure returns false and sets *error (if given) to a message that
// names the path and the operating system's reason ("No space left on device").
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

// The same, for a report made in pieces that is never whole in memory: `produce` hands each piece
// to the sink it is given, which writes it (in blocks of about a MiB) and returns false once a
// write has failed; `produce` then stops and returns false. The same destinations and messages.
using ReportSink = std::function<bool(const QByteArray &piece)>;
bool writeFileAtomically(
    const QString &path, const std::function<bool(const ReportSink &sink)> &produce, QString *error);

// "-": the report goes to standard output (writeFileAtomically).
bool isStandardOutput(const QString &path);

// Reads a whole file; on failure returns false and sets *error naming the path.
bool readWholeFile(const QString &path, QByteArray *data, QString *error);

} // namespace BurgerBench
