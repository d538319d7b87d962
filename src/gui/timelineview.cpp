#include "gui/timelineview.h"

#include "gui/requestdescription.h"
#include "gui/timelineviewstate.h"
#include "render/jobboardlane.h"
#include "trace/jobboard.h"
#include "trace/runtrace.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace BurgerBench {

namespace {
const RunTrace &emptyTrace()
{
    static const RunTrace trace;
    return trace;
}
constexpr qint64 nsPerScrollStep = 1'000'000; // scroll bars count milliseconds
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_state(new TimelineViewState(this))
{
    setObjectName(QStringLiteral("timelineView"));
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(
        tr("Each row is a request (or a connection slot); colours and patterns show "
           "waiting in line, sending, waiting for the first token, streaming and errors."));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAttribute(Qt::WA_AcceptTouchEvents, false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFrameShape(QFrame::NoFrame);

    connect(m_state, &TimelineViewState::visibleRangeChanged, this, [this] {
        syncScrollBars();
        viewport()->update();
    });
    connect(m_state, &TimelineViewState::firstLaneChanged, this, [this] {
        syncScrollBars();
        viewport()->update();
    });
    connect(m_state, &TimelineViewState::laneByRequestChanged, this, [this] {
        setHover(-1);
        syncScrollBars();
        viewport()->update();
    });
    // Selection and range only change the overlay: the cached picture stays.
    connect(m_state, &TimelineViewState::selectedRequestChanged, viewport(), qOverload<>(&QWidget::update));
    connect(m_state, &TimelineViewState::rangeChanged, viewport(), qOverload<>(&QWidget::update));
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::onHorizontalScroll);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::onVerticalScroll);
}

TimelineView::~TimelineView() = default;

void TimelineView::setTrace(const RunTrace *trace)
{
    m_trace = trace;
    setHover(-1);
    traceChanged();
}

void TimelineView::setCompareTrace(const RunTrace *trace, const QString &labelB)
{
    m_compareTrace = trace;
    m_labelB = labelB;
    m_compareIndex.rebuild(trace ? *trace : emptyTrace());
    traceChanged();
}

void TimelineView::setRunLabel(const QString &labelA)
{
    if (labelA == m_labelA)
        return;
    m_labelA = labelA;
    invalidate();
}

void TimelineView::traceChanged()
{
    m_index.rebuild(m_trace ? *m_trace : emptyTrace());
    ++m_revision;
    qint64 extent = m_index.lastEventNs();
    if (m_trace)
        extent = std::max(extent, m_trace->endNs);
    if (m_compareTrace) // fit all shows both runs
        extent = std::max({ extent, m_compareIndex.lastEventNs(), m_compareTrace->endNs });
    if (m_live)
        extent = std::max(extent, m_nowNs);
    m_state->setExtent(extent);
    syncScrollBars();
    viewport()->update();
}

void TimelineView::setLive(bool live, qint64 nowNs)
{
    if (m_live == live && m_nowNs == nowNs)
        return;
    m_live = live;
    m_nowNs = live ? nowNs : -1;
    ++m_revision;
    if (live)
        m_state->setExtent(std::max(m_state->extentNs(), nowNs));
    viewport()->update();
}

void TimelineView::setHighlighted(std::vector<int> requests)
{
    m_highlighted = std::move(requests);
    viewport()->update();
}

void TimelineView::setLaneHeight(double height)
{
    height = height <= 0 ? 0 : std::clamp(height, 1.0, 60.0);
    if (height == m_laneHeight)
        return;
    m_laneHeight = height;
    syncScrollBars();
    viewport()->update();
}

void TimelineView::setShowLegend(bool show)
{
    if (show == m_showLegend)
        return;
    m_showLegend = show;
    invalidate();
}

void TimelineView::setMinimumLabelWidth(int width)
{
    width = std::max(0, width);
    if (width == m_minimumLabelWidth)
        return;
    m_minimumLabelWidth = width;
    invalidate();
}

void TimelineView::zoomIn()
{
    m_state->zoomIn((m_state->fromNs() + m_state->toNs()) / 2);
}

void TimelineView::zoomOut()
{
    m_state->zoomOut((m_state->fromNs() + m_state->toNs()) / 2);
}

void TimelineView::fitAll()
{
    m_state->fitAll();
    m_state->setFirstLane(0);
    setLaneHeight(0);
}

TimelineRenderOptions TimelineView::renderOptions() const
{
    TimelineRenderOptions o;
    o.fromNs = m_state->fromNs();
    o.toNs = m_state->toNs();
    o.nowNs = m_live ? m_nowNs : -1;
    o.showNowLine = m_live;
    o.showLegend = m_showLegend;
    if (m_minimumLabelWidth > 0)
        o.labelWidth = m_minimumLabelWidth;
    o.laneByRequest = m_state->laneByRequest();
    o.laneHeight = m_laneHeight;
    o.maxAutoLaneHeight = 30; // a few orders get fat, readable lanes
    o.firstLane = m_laneHeight > 0 ? m_state->firstLane() : 0;
    o.selectedRequest = m_state->selectedRequest();
    o.highlighted = &m_highlighted;
    o.rangeFromNs = m_state->rangeFromNs();
    o.rangeToNs = m_state->rangeToNs();
    o.hoverRequest = m_hoverRequest;
    o.locale = QLocale(); // the UI's (Translations sets it); a LanguageChange repaints
    if (m_compareTrace) {
        o.compareTrace = m_compareTrace;
        o.compareIndex = &m_compareIndex;
        o.labelA = m_labelA;
        o.labelB = m_labelB;
    }
    return o;
}

void TimelineView::invalidate()
{
    ++m_revision;
    viewport()->update();
}

void TimelineView::ensureLayout()
{
    const TimelineRenderOptions o = renderOptions();
    CacheKey key;
    key.size = viewport()->size();
    key.fromNs = o.fromNs;
    key.toNs = o.toNs;
    key.firstLane = o.firstLane;
    key.byRequest = o.laneByRequest;
    key.laneHeight = o.laneHeight;
    key.revision = m_revision;
    key.dpr = viewport()->devicePixelRatioF();
    if (key == m_layoutKey)
        return;
    m_layoutKey = key;
    m_layout = timelineLayout(viewport()->rect(), font(), m_trace ? *m_trace : emptyTrace(), m_index, o);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    ensureLayout();
    const RunTrace &trace = m_trace ? *m_trace : emptyTrace();
    const TimelineRenderOptions o = renderOptions();
    if (!(m_cacheKey == m_layoutKey) || m_cache.isNull()) {
        const qreal dpr = viewport()->devicePixelRatioF();
        m_cache = QPixmap(viewport()->size() * dpr);
        m_cache.setDevicePixelRatio(dpr);
        QPainter cachePainter(&m_cache);
        cachePainter.setFont(font());
        paintTimelineBase(&cachePainter, m_layout, trace, m_index, o);
        m_cacheKey = m_layoutKey;
    }
    QPainter painter(viewport());
    painter.drawPixmap(0, 0, m_cache);
    paintTimelineOverlay(&painter, m_layout, trace, m_index, o);
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        painter.drawRect(viewport()->rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    syncScrollBars();
}

void TimelineView::syncScrollBars()
{
    if (m_syncingScrollBars)
        return;
    m_syncingScrollBars = true;
    const qint64 span = m_state->spanNs();
    const qint64 extent = std::max(m_state->extentNs(), m_state->toNs());
    QScrollBar *h = horizontalScrollBar();
    if (m_state->fitMode()) {
        h->setRange(0, 0);
    } else {
        h->setRange(0, int(std::max<qint64>(0, (extent - span) / nsPerScrollStep)));
        h->setPageStep(int(std::max<qint64>(1, span / nsPerScrollStep)));
        h->setSingleStep(std::max(1, h->pageStep() / 10));
        h->setValue(int(m_state->fromNs() / nsPerScrollStep));
    }
    ensureLayout();
    QScrollBar *v = verticalScrollBar();
    if (m_laneHeight <= 0) {
        v->setRange(0, 0);
    } else {
        const int visible = std::max(1, int((m_layout.requestBottom - m_layout.requestTop) / m_laneHeight));
        v->setRange(0, std::max(0, m_layout.requestLaneCount - visible));
        v->setPageStep(visible);
        v->setSingleStep(1);
        v->setValue(m_state->firstLane());
    }
    m_syncingScrollBars = false;
}

void TimelineView::onHorizontalScroll(int value)
{
    if (m_syncingScrollBars)
        return;
    const qint64 span = m_state->spanNs();
    const qint64 from = qint64(value) * nsPerScrollStep;
    m_state->setFollowLive(false);
    m_state->setVisibleRange(from, from + span);
}

void TimelineView::onVerticalScroll(int value)
{
    if (m_syncingScrollBars)
        return;
    m_state->setFirstLane(value);
}

void TimelineView::scrollContentsBy(int, int)
{
    // Scrolling is a change of the view state; the picture is repainted from it.
    viewport()->update();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    ensureLayout();
    const QPoint delta = event->angleDelta();
    const double steps = double(delta.y() != 0 ? delta.y() : 0) / 120.0;
    if (event->modifiers() & Qt::ShiftModifier) {
        if (m_laneHeight > 0)
            m_state->setFirstLane(m_state->firstLane() - int(std::round(steps * 3)));
    } else if (event->modifiers() & Qt::ControlModifier) {
        const double current = m_laneHeight > 0 ? m_laneHeight : m_layout.requestLaneHeight;
        setLaneHeight(std::max(1.0, current * std::pow(1.25, steps)));
    } else if (delta.x() != 0 && delta.y() == 0) {
        m_state->pan(-qint64(double(delta.x()) / 120.0 * double(m_state->spanNs()) / 10));
    } else if (steps != 0) {
        const qint64 anchor = m_layout.xToTime(event->position().x());
        m_state->zoom(std::pow(TimelineViewState::zoomStep, -steps), anchor);
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    ensureLayout();
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressPos = event->position().toPoint();
    m_pressFromNs = m_state->fromNs();
    m_pressTimeNs = m_layout.xToTime(m_pressPos.x());
    const bool onAxis = m_pressPos.y() <= m_layout.axisRect.bottom();
    if (event->button() == Qt::LeftButton && ((event->modifiers() & Qt::ShiftModifier) || onAxis))
        m_drag = Drag::Range;
    else if (event->button() == Qt::MiddleButton)
        m_drag = Drag::Pan;
    else
        m_drag = Drag::Pending;
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    ensureLayout();
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() > 4) {
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_drag == Drag::Pan) {
        const qint64 span = m_state->spanNs();
        const qint64 dt = qint64(
            double(pos.x() - m_pressPos.x()) * double(span) / std::max(1, m_layout.plotRect.width()));
        m_state->setFollowLive(false);
        const qint64 from = std::max<qint64>(0, m_pressFromNs - dt);
        m_state->setVisibleRange(from, from + span);
    } else if (m_drag == Drag::Range) {
        m_state->setRange(m_pressTimeNs, m_layout.xToTime(pos.x()));
    } else if (m_drag == Drag::None && m_trace) {
        setHover(timelineHitTest(m_layout, *m_trace, m_index, pos, m_compareTrace, &m_compareIndex).request);
    }
    const bool inPlot = pos.x() >= m_layout.plotRect.left() && pos.x() <= m_layout.plotRect.right();
    emit hoveredTimeChanged(inPlot ? std::max<qint64>(0, m_layout.xToTime(pos.x())) : -1);
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    ensureLayout();
    const Drag drag = m_drag;
    m_drag = Drag::None;
    viewport()->unsetCursor();
    if (drag == Drag::Pending && m_trace) {
        const TimelineHit hit = timelineHitTest(
            m_layout, *m_trace, m_index, event->position().toPoint(), m_compareTrace, &m_compareIndex);
        m_state->setSelectedRequest(hit.request);
        if (hit.request >= 0) {
            emit requestActivated(hit.request);
        } else if (hit.compareRequest >= 0 && m_compareTrace) {
            emit compareRequestActivated(hit.compareRequest);
        } else {
            m_state->clearRange();
        }
    } else if (drag == Drag::Range && m_state->hasRange()) {
        emit rangeSelected(m_state->rangeFromNs(), m_state->rangeToNs());
    }
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const qint64 span = m_state->spanNs();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_F:
        fitAll();
        break;
    case Qt::Key_Left:
        m_state->pan(-span / 10);
        break;
    case Qt::Key_Right:
        m_state->pan(span / 10);
        break;
    case Qt::Key_Home:
        m_state->setFollowLive(false);
        m_state->setVisibleRange(0, span);
        break;
    case Qt::Key_End:
        m_state->setFollowLive(true);
        break;
    case Qt::Key_Up:
        m_state->setFirstLane(m_state->firstLane() - 1);
        break;
    case Qt::Key_Down:
        m_state->setFirstLane(m_state->firstLane() + 1);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        ensureLayout();
        if (m_trace) {
            const TimelineHit hit
                = timelineHitTest(m_layout, *m_trace, m_index, help->pos(), m_compareTrace, &m_compareIndex);
            if (hit.compareRequest >= 0 && m_compareTrace) {
                const QString run
                    = m_labelB.isEmpty() ? tr("Run B") : tr("Run B: %1").arg(m_labelB.toHtmlEscaped());
                QToolTip::showText(help->globalPos(),
                    QStringLiteral("<i>%1</i><br>").arg(run)
                        + requestToolTip(*m_compareTrace, hit.compareRequest),
                    viewport());
                return true;
            }
            if (hit.request >= 0) {
                QToolTip::showText(help->globalPos(), requestToolTip(*m_trace, hit.request), viewport());
                return true;
            }
            if (m_layout.jobBoardLane.contains(help->pos())) {
                // What the client's board said at that moment, beside what the jobs really were.
                QToolTip::showText(help->globalPos(),
                    QStringLiteral("<b>%1</b><br>%2")
                        .arg(jobBoardLaneName().toHtmlEscaped(),
                            jobBoardToolTip(JobBoard(*m_trace), m_layout.xToTime(help->pos().x()), QLocale())
                                .toHtmlEscaped()),
                    viewport());
                return true;
            }
            if (hit.kind == TimelineLayout::LaneKind::Loop) {
                QToolTip::showText(help->globalPos(),
                    tr("<b>Event loop</b><br>Green: the loop thread is busy. Red: busy for so "
                       "long that everything else waits. Orange bars: how late its timer "
                       "fired (lag)."),
                    viewport());
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    case QEvent::NativeGesture: {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            ensureLayout();
            m_state->zoom(1.0 / (1.0 + gesture->value()), m_layout.xToTime(gesture->position().x()));
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::leaveEvent(QEvent *event)
{
    setHover(-1);
    emit hoveredTimeChanged(-1);
    QAbstractScrollArea::leaveEvent(event);
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange
        || event->type() == QEvent::PaletteChange)
        invalidate();
    QAbstractScrollArea::changeEvent(event);
}

void TimelineView::setHover(int request)
{
    if (m_hoverRequest == request)
        return;
    m_hoverRequest = request;
    emit hoveredRequestChanged(request);
    viewport()->update();
}

QString TimelineView::requestToolTip(const RunTrace &trace, int request)
{
    return requestSummaryHtml(trace, request);
}

} // namespace BurgerBench
