#include "gui/storynarrator.h"

#include "gui/requestdescription.h"
#include "metrics/clientsaturation.h"
#include "metrics/requestmetrics.h"
#include "render/timeformat.h"
#include "trace/orderline.h"
#include "trace/runtrace.h"
#include "trace/shownnumber.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

// From the order to the last burger: the request's E2E latency (metrics/requestmetrics.h); a
// request without one (a hand-made trace) counts to when it settled.
qint64 servedIn(const RequestRecord &r, bool stream)
{
    const qint64 e2el = RequestMetrics::e2elNs(r, stream);
    return e2el >= 0 ? e2el : r.endNs - std::max<qint64>(0, r.dispatchNs);
}

// The caption just told (the `told`-th) names `order` first.
void nameSubject(std::vector<int> *subjects, qsizetype told, int order)
{
    subjects->resize(size_t(told), -1);
    subjects->back() = order;
}

// Orders are numbered from 1, as the lanes are.
QString order(int request)
{
    return QString::number(shownNumber(request));
}

} // namespace

void StoryNarrator::reset(ExecutionMode mode)
{
    m_mode = mode;
    m_stage.clear();
    m_loopSeen = 0;
    m_counts = StoryCounts();
    m_bottleneck = Bottleneck::Unknown;
    m_lastInLine = -1;
    m_kitchenScrapes = 0;
    m_pending = Pending();
    m_lastSummaryNs = -1;
}

OrderStage StoryNarrator::stageOf(const RunTrace &trace, int request)
{
    if (request < 0 || size_t(request) >= trace.requests.size())
        return OrderStage::Unseen;
    const RequestRecord &r = trace.requests[size_t(request)];
    switch (r.outcome) {
    case Outcome::Success:
        return OrderStage::Served;
    case Outcome::Failed:
        return OrderStage::Failed;
    case Outcome::Incomplete:
        return OrderStage::Cut;
    default:
        break;
    }
    if (!r.tokenNs.empty())
        return OrderStage::Eating;
    if (r.dispatchNs >= 0)
        return OrderStage::AtTable;
    if (r.intendedNs >= 0)
        return OrderStage::InLine;
    return OrderStage::Unseen;
}

QStringList StoryNarrator::update(const RunTrace &trace, const std::vector<int> &changed, qint64 nowNs)
{
    // A replay sent back has fewer records than before: their stages go with them.
    m_stage.resize(trace.requests.size(), OrderStage::Unseen);

    m_subjects.clear();
    std::vector<int> taken;
    std::vector<int> firstBurgers;
    std::vector<int> served;
    std::vector<int> failed;
    for (int index : changed) {
        if (index < 0 || size_t(index) >= m_stage.size() || trace.requests[size_t(index)].warmup)
            continue;
        const OrderStage before = m_stage[size_t(index)];
        const OrderStage now = stageOf(trace, index);
        if (now == before)
            continue;
        m_stage[size_t(index)] = now;
        const bool wasWaiting = before == OrderStage::Unseen || before == OrderStage::InLine;
        if (wasWaiting && now != OrderStage::InLine && now != OrderStage::Unseen)
            taken.push_back(index);
        if (now == OrderStage::Eating || (now == OrderStage::Served && before != OrderStage::Eating))
            firstBurgers.push_back(index);
        if (now == OrderStage::Served)
            served.push_back(index);
        if (now == OrderStage::Failed)
            failed.push_back(index);
    }

    StoryCounts counts;
    for (size_t i = 0; i < m_stage.size(); ++i) {
        switch (m_stage[i]) {
        case OrderStage::AtTable:
            ++counts.atTable;
            break;
        case OrderStage::Eating:
            ++counts.eating;
            break;
        case OrderStage::Served:
            ++counts.served;
            break;
        case OrderStage::Failed:
            ++counts.failed;
            break;
        default:
            break;
        }
    }
    // The line by the one definition the statistics and the timeline read too: held at a client
    // gate, or (closed loop) not taken yet; open-loop arrivals not due yet apart.
    const OrderLine line = orderLineAt(trace, nowNs);
    counts.inLine = line.inLine();
    counts.notDue = line.notDue;
    qint64 longestBlock = 0;
    for (; m_loopSeen < trace.loopBusy.size(); ++m_loopSeen) {
        const Span &span = trace.loopBusy[m_loopSeen];
        longestBlock = std::max(longestBlock, span.endNs - span.startNs);
    }
    counts.loopBlocked = longestBlock >= blockedLoopNs;
    m_counts = counts;

    QStringList captions;
    if (counts.loopBlocked) {
        // Cooking at the counter is the lesson only when the run put CPU work on the loop; in a
        // run without, a stall is the client's own load or another program on this machine.
        if (m_mode == ExecutionMode::AntiPattern || cpuWorkOnLoop(trace))
            captions << tr(
                "The cashier stopped serving for %1 to cook at the counter: nobody orders and no number "
                "is called meanwhile.")
                            .arg(formatDuration(longestBlock, QLocale()));
        else
            captions << tr(
                "The cashier (the event loop) was held up for %1 with no CPU work of the run's own on it: "
                "the client's own work or another program on this computer kept it busy.")
                            .arg(formatDuration(longestBlock, QLocale()));
    }
    const size_t events = taken.size() + firstBurgers.size() + served.size() + failed.size();
    if (events > 10 || m_pending.any()) {
        // Busy shop: one line that sums it up, at most once a second of the run, with everything
        // since the last one.
        m_pending.taken += int(taken.size());
        m_pending.firstBurgers += int(firstBurgers.size());
        m_pending.served += int(served.size());
        m_pending.failed += int(failed.size());
        if (m_lastSummaryNs < 0 || nowNs - m_lastSummaryNs >= summaryEveryNs) {
            captions << tr(
                "Busy counter: %1 orders taken, %2 start getting their burgers, %3 served, %4 went "
                "wrong; now %5 in line, %6 at the tables with a number, %7 eating.")
                            .arg(m_pending.taken)
                            .arg(m_pending.firstBurgers)
                            .arg(m_pending.served)
                            .arg(m_pending.failed)
                            .arg(counts.inLine)
                            .arg(counts.atTable)
                            .arg(counts.eating);
            m_pending = Pending();
            m_lastSummaryNs = nowNs;
        }
        const QString kitchen = kitchenCaption(trace, counts);
        if (!kitchen.isEmpty())
            captions << kitchen;
        m_subjects.resize(size_t(captions.size()), -1);
        return captions;
    }
    if (!failed.empty()) {
        const RequestRecord &r = trace.requests[size_t(failed.front())];
        captions << tr("Order %1 went wrong (%2): the customer leaves without burgers.")
                        .arg(order(failed.front()), errorKindLabel(r.error, r.httpStatus));
        nameSubject(&m_subjects, captions.size(), failed.front());
    }
    if (!taken.empty()) {
        const int next = taken.front();
        // Someone already sitting with a number, to show the cashier is free regardless.
        int waiting = -1;
        for (size_t i = 0; i < m_stage.size(); ++i) {
            if (m_stage[i] == OrderStage::AtTable
                && std::find(taken.begin(), taken.end(), int(i)) == taken.end()) {
                waiting = int(i);
                break;
            }
        }
        switch (m_mode) {
        case ExecutionMode::Sequential:
            captions << tr("The cashier takes order %1 and waits at the counter until it is ready; everybody "
                           "else stays in line.")
                            .arg(order(next));
            nameSubject(&m_subjects, captions.size(), next);
            break;
        case ExecutionMode::ParallelBlocking:
        case ExecutionMode::BackgroundJobs:
            captions << tr(
                "A free cashier-cook takes order %1 and stands at the counter until its burgers are "
                "done.")
                            .arg(order(next));
            nameSubject(&m_subjects, captions.size(), next);
            break;
        default:
            if (waiting >= 0) {
                captions << tr(
                    "Order %1 is waiting at the table with its number; the cashier is free and takes "
                    "order %2.")
                                .arg(order(waiting), order(next));
                nameSubject(&m_subjects, captions.size(), waiting);
            } else if (taken.size() > 1) {
                captions << tr("The cashier takes orders %1 to %2, one after another, and hands out their "
                               "numbers.")
                                .arg(order(taken.front()), order(taken.back()));
                nameSubject(&m_subjects, captions.size(), taken.front());
            } else {
                captions << tr("The cashier takes order %1 and hands out its number.").arg(order(next));
                nameSubject(&m_subjects, captions.size(), next);
            }
            break;
        }
    }
    if (!firstBurgers.empty() && captions.size() < 2) {
        const int i = firstBurgers.front();
        const RequestRecord &r = trace.requests[size_t(i)];
        const qint64 ttft = RequestMetrics::ttftNs(r, trace.scenario.stream);
        captions << (ttft >= 0 ? tr("Number %1 shows on the counter after %2: its burgers start coming, one "
                                    "token at a time.")
                                     .arg(order(i), formatDuration(ttft, QLocale()))
                               : tr("Number %1 shows on the counter: its burgers are ready.").arg(order(i)));
        nameSubject(&m_subjects, captions.size(), i);
    }
    if (!served.empty() && captions.size() < 2) {
        const int i = served.front();
        const RequestRecord &r = trace.requests[size_t(i)];
        captions << tr("Order %1 is served: %2 burgers (tokens) in %3.")
                        .arg(order(i))
                        .arg(r.tokenNs.size())
                        .arg(formatDuration(servedIn(r, trace.scenario.stream), QLocale()));
        nameSubject(&m_subjects, captions.size(), i);
    }
    const QString kitchen = kitchenCaption(trace, counts);
    if (!kitchen.isEmpty())
        captions << kitchen;
    m_subjects.resize(size_t(captions.size()), -1);
    return captions;
}

QString StoryNarrator::kitchenCaption(const RunTrace &trace, const StoryCounts &counts)
{
    const ServerMetricsRecord &server = trace.serverMetrics;
    const std::vector<const ServerSeries *> waitingSeries = server.findAll(QStringLiteral("waiting"));
    const int inLineBefore = m_lastInLine;
    m_lastInLine = counts.inLine;
    // Only a new scrape says something new about the kitchen.
    const int answered = server.scrapes - server.failedScrapes;
    if (waitingSeries.empty() || answered == m_kitchenScrapes)
        return QString();
    m_kitchenScrapes = answered;
    // The newest sample of each label set (a server with two models: both kitchens' lines).
    double waiting = 0;
    for (const ServerSeries *s : waitingSeries) {
        if (!s->samples.empty() && std::isfinite(s->samples.back().second))
            waiting += std::max(0.0, s->samples.back().second);
    }
    double running = 0;
    for (const ServerSeries *s : server.findAll(QStringLiteral("running"))) {
        if (!s->samples.empty() && std::isfinite(s->samples.back().second))
            running += std::max(0.0, s->samples.back().second);
    }
    const int waitingOrders = int(std::lround(waiting));
    Bottleneck now = Bottleneck::Unknown;
    if (waitingOrders > 0)
        now = Bottleneck::Kitchen;
    else if (counts.inLine > 0 && inLineBefore >= 0 && counts.inLine >= inLineBefore)
        now = Bottleneck::Cashier;
    if (now == m_bottleneck || now == Bottleneck::Unknown) {
        if (now == Bottleneck::Unknown && waitingOrders == 0 && counts.inLine == 0)
            m_bottleneck = now; // the rush is over: the next one is told again
        return QString();
    }
    m_bottleneck = now;
    if (now == Bottleneck::Kitchen) {
        return waitingOrders == 1
            ? tr("One order is waiting in the kitchen: the cooks, not the cashier, are the bottleneck.")
            : tr("%1 orders are waiting in the kitchen: the cooks, not the cashier, are the bottleneck.")
                  .arg(waitingOrders);
    }
    return tr("Nobody is waiting in the kitchen (%1 cooking) while %2 orders wait in line at the counter: "
              "the cashier, not the cooks, is the bottleneck.")
        .arg(int(std::lround(running)))
        .arg(counts.inLine);
}

QString StoryNarrator::finish(const RunTrace &trace)
{
    int served = 0;
    int failed = 0;
    int cut = 0;
    for (const RequestRecord &r : trace.requests) {
        if (r.warmup)
            continue;
        served += r.outcome == Outcome::Success ? 1 : 0;
        failed += r.outcome == Outcome::Failed ? 1 : 0;
        cut += r.outcome == Outcome::Incomplete ? 1 : 0;
    }
    if (trace.requests.empty() && !trace.tasks.empty()) {
        // CPU work only: the house, not the counter.
        qint64 end = 0;
        for (const TaskRecord &task : trace.tasks)
            end = std::max(end, task.endNs);
        return tr("The house is clean: %1 rooms done by %2 helpers in %3.")
            .arg(trace.tasks.size())
            .arg(trace.taskLanes.size())
            .arg(formatDuration(end, QLocale()));
    }
    const qint64 start = std::max<qint64>(0, trace.measuredStartNs);
    const qint64 wall = trace.endNs > start ? trace.endNs - start : 0;
    if (trace.cancelled)
        return tr("Closed early: %1 orders served, %2 went wrong, %3 never finished.")
            .arg(served)
            .arg(failed)
            .arg(cut);
    return tr("Closing time: %1 orders served and %2 went wrong in %3.")
        .arg(served)
        .arg(failed)
        .arg(formatDuration(wall, QLocale()));
}

QString StoryNarrator::modeTitle(ExecutionMode mode)
{
    switch (mode) {
    case ExecutionMode::Sequential:
        return tr("Sequential: one cashier, one order at a time");
    case ExecutionMode::Concurrent:
        return tr("Concurrent: one cashier, many orders in flight");
    case ExecutionMode::ParallelBlocking:
        return tr("Parallel: cashier-cooks who wait at the counter");
    case ExecutionMode::ParallelCpu:
        return tr("Parallel: helpers cleaning the house");
    case ExecutionMode::Mixed:
        return tr("Both: a cashier in front, cooks in the back");
    case ExecutionMode::AntiPattern:
        return tr("Anti-pattern: the cashier cooks at the counter");
    case ExecutionMode::BackgroundJobs:
        return tr("Background jobs: order now, collect later");
    }
    return QString();
}

QString StoryNarrator::modeParagraph(ExecutionMode mode)
{
    switch (mode) {
    case ExecutionMode::Sequential:
        return tr(
            "The cashier takes one order and then stands at the counter until the kitchen hands over the "
            "burgers, before even greeting the next customer. Nothing is computed during that wait, yet "
            "nobody else is served: the waits add up, one after another. On the timeline the bars form a "
            "staircase.");
    case ExecutionMode::Concurrent:
        return tr(
            "The cashier takes an order, hands out a number and is free again at once. Customers wait at "
            "their tables while the kitchen works, and come back when their number is called. The "
            "waiting overlaps, so many orders take about as long as the slowest of them. This cashier is "
            "one event loop on one thread: the lanes are full of hatched waiting, and the loop lane stays "
            "almost "
            "idle.");
    case ExecutionMode::ParallelBlocking:
        return tr(
            "Several cashier-cooks, each serving one customer from start to finish and standing at the "
            "counter while the burgers cook. As many orders move at once as there are cashier-cooks, but "
            "each one is held the whole time for nothing but waiting: the red bars on the "
            "worker lanes.");
    case ExecutionMode::ParallelCpu:
        return tr(
            "Now the job is cleaning the house: real work with no waiting in it. One cashier juggling "
            "tasks gains nothing, because every minute of work still has to be done by someone. Helpers "
            "who work at the same time, one per room (threads on separate cores), finish up to as many "
            "times faster as there are cores: solid green on every worker lane.");
    case ExecutionMode::Mixed:
        return tr(
            "A web service with machine learning: the cashier keeps many orders in flight at the front, "
            "and a team of cooks in the back does the heavy work on each answer. Waiting overlaps on the "
            "event loop; computing spreads over the cores.");
    case ExecutionMode::AntiPattern:
        return tr(
            "The only cashier starts cleaning the house in the middle of service. While the cleaning "
            "goes on, nobody can order, no number is called and the customers at the tables wait longer "
            "for nothing. That is CPU work or a blocking call on the event-loop thread: the loop lane "
            "turns red, its lag climbs, and every request gets slower.");
    case ExecutionMode::BackgroundJobs:
        return tr("The counter takes every order at once and hands back a ticket: the order is accepted, not "
                  "done. Cooks in the back work through the tickets a few at a time, and the customer checks "
                  "the board now and then to see whether theirs is pending, cooking, done or failed. The "
                  "answer comes fast; the work still takes as long as the cooks need.");
    }
    return QString();
}

} // namespace BurgerBench
