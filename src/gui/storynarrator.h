#pragma once

#include "scenario/scenario.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace BurgerBench {

struct RunTrace;

// Where each order is in the burger story, from its RequestRecord.
enum class OrderStage : quint8 { Unseen, InLine, AtTable, Eating, Served, Failed, Cut };

// How many orders are at each stage (the story picture draws these).
struct StoryCounts
{
    int inLine = 0; // waiting to be sent (trace/orderline.h): at a client gate or not taken yet
    int notDue = 0; // open loop: arrivals whose time has not come (not in line: not at the shop yet)
    int atTable = 0; // sent, waiting for the first token: sitting with a number
    int eating = 0; // streaming
    int served = 0;
    int failed = 0;
    bool loopBlocked = false; // the cashier is cooking on the counter right now
};

// Tells the run as the burger story (../shared/TEACHING.md), from real events: each live update
// compares every changed request's stage with the one it had before and turns the transitions
// into at most a couple of captions ("order 5 is waiting at the table with its number; the
// cashier is free and takes order 6"). Under heavy load it sums up instead of flooding.
// Thread affinity: GUI thread; pure logic, tested without widgets.
class StoryNarrator
{
    Q_DECLARE_TR_FUNCTIONS(BurgerBench::StoryNarrator)
public:
    void reset(ExecutionMode mode);
    // `nowNs`: the moment the trace stands at; the line is counted there (trace/orderline.h).
    QStringList update(const RunTrace &trace, const std::vector<int> &changed, qint64 nowNs);
    // The closing caption once the run is over (with the final trace).
    QString finish(const RunTrace &trace);
    const StoryCounts &counts() const { return m_counts; }
    // For each caption the last update() returned, the order (request index) it names first; -1
    // for one about no order in particular (the cashier, the kitchen, a summary).
    const std::vector<int> &subjects() const { return m_subjects; }
    ExecutionMode mode() const { return m_mode; }

    static OrderStage stageOf(const RunTrace &trace, int request);
    static QString modeTitle(ExecutionMode mode);
    static QString modeParagraph(ExecutionMode mode);

    static constexpr qint64 blockedLoopNs = 16'000'000; // same threshold as the timeline's red

private:
    // Who the bottleneck is, from the server's own /metrics (RunTrace::serverMetrics), told when
    // it changes: orders waiting in the kitchen (the cooks), or none there while the line at the
    // counter does not shrink (the cashier). Empty when unchanged or not scraped.
    QString kitchenCaption(const RunTrace &trace, const StoryCounts &counts);

    enum class Bottleneck : quint8 { Unknown, Kitchen, Cashier };
    ExecutionMode m_mode = ExecutionMode::Concurrent;
    Bottleneck m_bottleneck = Bottleneck::Unknown;
    int m_lastInLine = -1;
    int m_kitchenScrapes = 0; // the server's answered scrapes already looked at
    // Busy summaries: what happened since the last one, told at most every summaryEveryNs.
    struct Pending
    {
        int taken = 0;
        int firstBurgers = 0;
        int served = 0;
        int failed = 0;
        bool any() const { return taken + firstBurgers + served + failed > 0; }
    };
    static constexpr qint64 summaryEveryNs = 1'000'000'000;
    Pending m_pending;
    qint64 m_lastSummaryNs = -1;
    std::vector<OrderStage> m_stage;
    std::vector<int> m_subjects;
    size_t m_loopSeen = 0;
    StoryCounts m_counts;
};

} // namespace BurgerBench
