#pragma once

namespace BurgerBench {

// The desktop app's whole life: command line, translations, main window, automation
// (--autorun, --screenshot, --quit-when-done) and the event loop. src/app/main.cpp only calls it.
int runDesktopApp(int argc, char **argv);

} // namespace BurgerBench
