#pragma once

#include "i18n/language.h"
#include "metrics/summary.h"
#include "trace/runtrace.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace BurgerBench {

// One self-contained HTML file: no network, no scripts, no external fonts or images. Holds the
// run's metadata, the summary, the percentile table, histograms of TTFT, ITL, TPOT and E2EL,
// time series (in flight, tokens/s, errors), the timeline with the shared legend, the errors by
// kind with example messages, the scenario, and each metric's formula next to it.
// Every chart is inline SVG generated here, except the timeline, which is drawn by the desktop
// app's paint routine through QSvgGenerator when this build has it (and a QGuiApplication
// exists), and by a simpler built-in SVG writer otherwise.
// The same input gives the same bytes: no clock is read, only the run's own started_at. Its words
// are in `Options::language`, from the app's translations (i18n/language.h), whatever language
// the installed translator speaks; only the app's paint routine, when it draws the timeline,
// names the lanes as the window does (in the installed translator's language).
namespace HtmlReport {

struct Options
{
    Language language = Language::English;
    QJsonObject meta; // the report's "meta" (versions that measured it, merged_from)
    bool useRenderer = true; // false = always the built-in timeline SVG
    int timelineWidth = 1200;
    qint64 fromNs = 0; // timeline window; -1 toNs = whole run
    qint64 toNs = -1;
};

QByteArray toBytes(const RunTrace &trace, const Summary &summary, const Options &options = Options());
bool write(const QString &path, const RunTrace &trace, const Summary &summary, const Options &options,
    QString *error);

// The report's style sheet, for other pages that should look the same (the sweep report).
QString styleSheet();

} // namespace HtmlReport

} // namespace BurgerBench
