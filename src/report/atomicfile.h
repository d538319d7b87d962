#pragma once

#include <QByteArray>
#include <QString>

namespace BurgerBench {

// Writes `data` to `path` through QSaveFile: readers see either the old file or the complete
// new one, never a half-written report. On failure returns false and sets *error (if given) to
// a message that names the path and the reason.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

// Reads a whole file; on failure returns false and sets *error naming the path.
bool readWholeFile(const QString &path, QByteArray *data, QString *error);

} // namespace BurgerBench
