#include "sweep/sweeprunner.h"

#include "session/runsession.h"
#include "sim/simulator.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace BurgerBench {

namespace {

// Between two steps: let the previous one's sockets close, as the race does between models.
constexpr int PauseBetweenStepsMs = 150;

} // namespace

SweepRunner::SweepRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<BurgerBench::SweepOver>();
}

SweepRunner::~SweepRunner()
{
    if (m_session)
        m_session->cancel();
    m_session.reset();
    if (m_simulator)
        m_simulator->stop();
}

bool SweepRunner::start(const SweepSpec &spec, QString *error)
{
    QString why;
    const bool ok = !m_running && spec.validate(&why)
        && RunSession::check(
            spec.scenarioAt(spec.over, spec.values.isEmpty() ? 1 : spec.values.first()), &why);
    if (m_running)
        why = QStringLiteral("a sweep is already running");
    if (!ok) {
        if (error)
            *error = why;
        return false;
    }
    m_spec = spec;
    // Every rank a point reports, whatever the scenario lists.
    for (double rank : { 50.0, 99.0 }) {
        if (!m_spec.extraPercentiles.contains(rank))
            m_spec.extraPercentiles.append(rank);
    }
    m_result = SweepResult();
    m_result.profile = spec.profile;
    m_result.over = spec.profile == SweepProfile::Concurrency ? SweepOver::Concurrency
        : spec.profile == SweepProfile::Search                ? spec.over
                                                              : SweepOver::Rate;
    m_result.repeats = spec.repeats;
    m_result.autoSteps = spec.profile == SweepProfile::Auto ? spec.steps : 0;
    m_result.tolerance = spec.profile == SweepProfile::Search ? spec.tolerance : 0;
    m_result.maxSteps = spec.profile == SweepProfile::Search ? spec.maxSteps : 0;
    for (const Threshold &t : spec.slo)
        m_result.slo.append(t.text);

    m_pending.clear();
    m_search.reset();
    m_current.reset();
    m_currentPoint = -1;
    m_repeat = 0;
    m_autoStage = 0;
    m_stepMsTotal = 0;
    if (spec.profile == SweepProfile::Rate || spec.profile == SweepProfile::Concurrency) {
        const SweepOver over = m_result.over;
        for (double v : spec.values)
            m_pending.append({ over, v, SweepPhase::Level });
    } else if (spec.profile == SweepProfile::Search) {
        CapacitySearch::Options o;
        o.integers = spec.over == SweepOver::Concurrency;
        o.start = spec.over == SweepOver::Rate ? spec.base.rate : spec.base.concurrency;
        if (spec.values.size() == 2) {
            o.rangeLo = spec.values[0];
            o.rangeHi = spec.values[1];
        }
        o.minValue = o.integers ? 1 : 0.01;
        o.maxValue = o.integers ? 1000 : 1e6;
        o.tolerance = spec.tolerance;
        o.maxSteps = spec.maxSteps;
        m_search = std::make_unique<CapacitySearch>(o);
    }

    if (spec.base.usesSimulator()) {
        m_simulator = std::make_shared<SimulatorThread>();
        QString message;
        if (!m_simulator->start(spec.base.simulator, &message)) {
            m_simulator.reset();
            if (error)
                *error = QStringLiteral("cannot start the built-in simulator: %1").arg(message);
            return false;
        }
        m_result.targetUrl = m_simulator->url().toString();
    } else {
        m_result.targetUrl = spec.base.url.toString(QUrl::RemoveUserInfo);
    }
    m_cancelled = false;
    m_stop = false;
    m_running = true;
    QTimer::singleShot(0, this, &SweepRunner::runNext);
    return true;
}

void SweepRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_session)
        m_session->cancel();
}

int SweepRunner::plannedSteps() const
{
    const int r = m_spec.repeats;
    const int current = m_current ? r - m_repeat : 0;
    switch (m_spec.profile) {
    case SweepProfile::Rate:
    case SweepProfile::Concurrency:
        return stepsDone() + current + int(m_pending.size()) * r;
    case SweepProfile::Auto:
        if (m_autoStage < 2)
            return (2 + m_spec.steps) * r;
        return stepsDone() + current + int(m_pending.size()) * r;
    case SweepProfile::Search: {
        const int probes = m_search ? int(m_search->probes().size()) + (m_current ? 1 : 0) : 0;
        return stepsDone() + current + std::max(0, m_spec.maxSteps - probes) * r;
    }
    }
    return stepsDone();
}

Progress SweepRunner::stepProgress() const
{
    return m_session ? m_session->progress() : Progress {};
}

qint64 SweepRunner::stepElapsedMs() const
{
    return m_session && m_stepClock.isValid() ? m_stepClock.elapsed() : -1;
}

double SweepRunner::meanStepMs() const
{
    return stepsDone() > 0 ? m_stepMsTotal / stepsDone() : 0;
}

std::optional<SweepRunner::Level> SweepRunner::nextLevel()
{
    if (m_stop)
        return std::nullopt;
    switch (m_spec.profile) {
    case SweepProfile::Rate:
    case SweepProfile::Concurrency:
        break;
    case SweepProfile::Auto:
        if (m_autoStage == 0)
            return Level { SweepOver::Concurrency, 1, SweepPhase::Synchronous };
        if (m_autoStage == 1)
            return Level { SweepOver::Concurrency, double(m_spec.base.concurrency), SweepPhase::Throughput };
        break;
    case SweepProfile::Search: {
        double v = 0;
        if (!m_search->next(&v))
            return std::nullopt;
        return Level { m_spec.over, v, SweepPhase::Probe };
    }
    }
    if (m_pending.isEmpty())
        return std::nullopt;
    return m_pending.takeFirst();
}

void SweepRunner::runNext()
{
    if (!m_running)
        return;
    if (m_cancelled) {
        finishSweep();
        return;
    }
    if (!m_current) {
        m_current = nextLevel();
        if (!m_current) {
            finishSweep();
            return;
        }
        ++m_currentPoint;
        m_repeat = 0;
    }
    RunRequest request;
    request.scenario = m_spec.scenarioAt(m_current->over, m_current->value);
    // Each repeat its own arrival schedule and jitter; the same repeat of every level the same.
    request.scenario.seed = m_spec.base.seed + quint64(m_repeat);
    request.apiKey = m_spec.apiKey;
    request.simulator = m_simulator;
    request.extraPercentiles = m_spec.extraPercentiles;
    if (m_simulator)
        m_simulator->simulator()->reset();
    m_session = std::make_unique<RunSession>();
    connect(m_session.get(), &RunSession::finished, this, &SweepRunner::onStepFinished, Qt::QueuedConnection);
    const int index = stepsDone();
    emit stepStarted(index, plannedSteps(), m_current->over, m_current->value);
    m_stepClock.start();
    QString error;
    if (m_session->start(request, &error))
        return;
    m_session.reset();
    SweepStep step;
    step.point = m_currentPoint;
    step.repeat = m_repeat;
    step.phase = m_current->phase;
    step.over = m_current->over;
    step.value = m_current->value;
    step.error = error;
    m_result.steps.push_back(std::move(step));
    m_result.stopped = QStringLiteral("step %1 could not start: %2").arg(index + 1).arg(error);
    emit stepFinished(index);
    finishSweep();
}

void SweepRunner::onStepFinished()
{
    if (!m_session)
        return;
    RunResult run = m_session->takeResult();
    m_session.reset();
    if (m_cancelled || run.trace.cancelled) {
        // Cut off mid-way: not a measurement of its level. The finished steps stay.
        m_cancelled = true;
        finishSweep();
        return;
    }
    m_stepMsTotal += double(m_stepClock.elapsed());
    SweepStep step;
    step.point = m_currentPoint;
    step.repeat = m_repeat;
    step.phase = m_current->phase;
    step.over = m_current->over;
    step.value = m_current->value;
    step.summary = std::move(run.summary);
    step.trace = std::move(run.trace);
    step.saturation = Saturation::assess(step.trace, step.over == SweepOver::Rate);
    for (const Threshold &t : std::as_const(m_spec.slo)) {
        double measured = 0;
        if (t.violated(step.summary, &measured)) {
            step.meetsSlo = false;
            step.violations.append(QStringLiteral("%1 (measured %2)")
                                       .arg(t.text,
                                           std::isnan(measured) ? QStringLiteral("nothing: no sample")
                                                                : QString::number(measured, 'g', 6)));
        }
    }
    step.targetFailed = step.summary.sent > 0 && step.summary.completed == 0;
    const int index = stepsDone();
    const bool targetFailed = step.targetFailed;
    const QString abortReason = step.trace.abortReason;
    m_result.steps.push_back(std::move(step));
    emit stepFinished(index);
    if (targetFailed || !abortReason.isEmpty()) {
        m_stop = true;
        m_result.stopped = targetFailed
            ? QStringLiteral("step %1: no request succeeded (the target is down or refuses every request)")
                  .arg(index + 1)
            : QStringLiteral("step %1 aborted: %2").arg(index + 1).arg(abortReason);
        finishSweep();
        return;
    }
    if (++m_repeat >= m_spec.repeats) {
        pointDone();
        m_current.reset();
    }
    QTimer::singleShot(PauseBetweenStepsMs, this, &SweepRunner::runNext);
}

void SweepRunner::pointDone()
{
    m_result.aggregate();
    if (m_result.points.isEmpty())
        return;
    const SweepPoint &point = m_result.points.constLast();
    const Level level = *m_current;
    if (m_spec.profile == SweepProfile::Search) {
        m_search->record(level.value, point.meetsSlo && !point.saturated);
        return;
    }
    if (m_spec.profile == SweepProfile::Auto && m_autoStage < 2) {
        if (++m_autoStage == 2) {
            // Rates spread evenly between the synchronous and the throughput step's measured rates.
            const double r1 = m_result.points.value(0).requestThroughput.mean;
            const double r2 = m_result.points.value(1).requestThroughput.mean;
            if (!(std::isfinite(r1) && std::isfinite(r2) && r1 > 0 && r2 > 0)) {
                m_result.stopped = QStringLiteral("the synchronous or the throughput step measured no rate");
                m_stop = true;
                return;
            }
            const double lo = std::min(r1, r2);
            const double hi = std::max(r1, r2);
            for (int i = 1; i <= m_spec.steps; ++i)
                m_pending.append(
                    { SweepOver::Rate, lo + (hi - lo) * i / (m_spec.steps + 1), SweepPhase::Level });
        }
        return;
    }
    if (point.saturated) {
        // Past the ceiling: nothing higher is worth a run.
        const qsizetype before = m_pending.size();
        m_pending.removeIf([&](const Level &l) { return l.over == level.over && l.value >= level.value; });
        if (m_pending.size() < before)
            m_result.stopped = QStringLiteral("saturated at %1 %2; %3 higher level(s) not run")
                                   .arg(sweepOverName(level.over))
                                   .arg(level.value)
                                   .arg(before - m_pending.size());
    }
}

void SweepRunner::finishSweep()
{
    if (!m_running)
        return;
    m_running = false;
    m_result.cancelled = m_cancelled;
    if (m_cancelled && m_result.stopped.isEmpty())
        m_result.stopped = QStringLiteral("cancelled after %1 finished step(s)").arg(stepsDone());
    m_result.aggregate();
    if (m_search) {
        SweepCapacity &c = m_result.capacity;
        c.searched = true;
        c.over = m_spec.over;
        c.value = m_search->value();
        c.lo = m_search->lo();
        c.hi = m_search->hi();
        c.converged = m_search->converged();
        c.arrivalRate = std::nan("");
        for (const SweepPoint &p : std::as_const(m_result.points)) {
            if (c.over == SweepOver::Rate && p.value == c.value)
                c.arrivalRate = p.arrivalRate.mean;
        }
        c.stopReason = QString::fromLatin1(m_search->stopReason());
        if (m_cancelled || !m_result.stopped.isEmpty())
            c.stopReason = m_cancelled ? QStringLiteral("cancelled") : QStringLiteral("stopped");
        c.slo = m_result.slo;
    }
    if (m_simulator) {
        m_simulator->stop();
        m_simulator.reset();
    }
    QMetaObject::invokeMethod(this, &SweepRunner::finished, Qt::QueuedConnection);
}

} // namespace BurgerBench
