#pragma once

#include "scenario/scenario.h"

#include <QByteArray>

namespace BurgerBench {

// The POST body every request of a run carries (METRICS.md item 3), built once per run.
struct RequestBody
{
    QByteArray json;
    int promptTokens = 0; // planned prompt length: whitespace-separated words, as the simulator counts

    static RequestBody build(const Scenario &scenario);
    // A prompt of `words` words, deterministic, burger-themed.
    static QString generatePrompt(int words);
    static int countWords(const QString &text);
};

} // namespace BurgerBench
