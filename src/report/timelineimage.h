#pragma once

#include "trace/runtrace.h"

#include <QByteArray>
#include <QString>

namespace BurgerBench {

// Pictures of the timeline (or of a time range) drawn by the desktop app's own paint routine
// (render/timelinepainter.h), so an exported image looks like the window. Needs the render
// library (a build with BURGERBENCH_BUILD_GUI) and a QGuiApplication for fonts; headless, use
// QT_QPA_PLATFORM=offscreen.
namespace TimelineImage {

enum class Format { Png, Svg, Pdf };

struct Options
{
    qint64 fromNs = 0;
    qint64 toNs = -1; // -1 = the end of the run
    int width = 1600; // pixels (PNG), user units (SVG), points at 96 dpi (PDF)
    int height = 0; // 0 = from the number of lanes
    QString title; // empty = scenario name and mode
    bool legend = true;
    bool laneByRequest = true; // false = one lane per engine slot (many requests)
};

// True when this build can draw images (the render library is linked).
bool available();
// True when images can be drawn right now (available() and a QGuiApplication exists).
bool ready(QString *why = nullptr);
// "png", "svg", "pdf" (case-insensitive) from a file suffix; false for anything else.
bool formatFromSuffix(const QString &path, Format *format);

// The height the timeline needs at `width` for this trace (Options::height == 0).
int autoHeight(const RunTrace &trace, const Options &options);
QByteArray render(Format format, const RunTrace &trace, const Options &options, QString *error);
bool write(const QString &path, Format format, const RunTrace &trace, const Options &options, QString *error);

} // namespace TimelineImage

} // namespace BurgerBench
