#pragma once

#include "report/atomicfile.h"
#include "trace/runtrace.h"

#include <QByteArray>
#include <QString>

namespace BurgerBench {

// One row per request (warm-up included, flagged), RFC 4180: CRLF line ends, fields holding a
// comma, quote, CR or LF are quoted with inner quotes doubled. Times are ms from the run start
// printed from integer ns (6 decimals, exact); an empty cell means "did not happen".
namespace CsvReport {

QStringList columns();
QByteArray toBytes(const RunTrace &trace);
// The same table handed to `sink` a row at a time (the header first); false as soon as the sink
// refuses a piece. write() streams it through the atomic writer.
bool produce(const RunTrace &trace, const ReportSink &sink);
bool write(const QString &path, const RunTrace &trace, QString *error);
// RFC 4180 quoting of one field.
QString quoteField(const QString &field);

} // namespace CsvReport

} // namespace BurgerBench
