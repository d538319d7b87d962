#include "gui/targetbanner.h"

#include "metrics/summary.h"
#include "trace/runtrace.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace BurgerBench {

namespace {

bool unreachable(ErrorKind kind)
{
    return kind == ErrorKind::ConnectionRefused || kind == ErrorKind::HostNotFound;
}

} // namespace

TargetBanner::TargetBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_simulatorButton(new QPushButton(this))
    , m_socketButton(new QPushButton(this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("targetBanner"));
    m_label->setObjectName(QStringLiteral("targetBannerLabel"));
    m_simulatorButton->setObjectName(QStringLiteral("useSimulatorButton"));
    m_socketButton->setObjectName(QStringLiteral("useSocketTransportButton"));
    m_closeButton->setObjectName(QStringLiteral("targetBannerClose"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // A pale amber strip: it asks for attention without looking like one more error.
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfff4d6));
    p.setColor(QPalette::WindowText, QColor(0x3d2b00));
    setPalette(p);

    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_closeButton->setAutoRaise(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    auto *top = new QHBoxLayout;
    top->addWidget(m_label, 1);
    top->addWidget(m_closeButton, 0, Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_simulatorButton);
    buttons->addWidget(m_socketButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(buttons);

    connect(m_simulatorButton, &QPushButton::clicked, this, &TargetBanner::useSimulatorClicked);
    connect(m_socketButton, &QPushButton::clicked, this, &TargetBanner::useSocketTransportClicked);
    connect(m_closeButton, &QToolButton::clicked, this, &TargetBanner::dismiss);
    retranslate();
    hide();
}

void TargetBanner::showUnreachable(const QString &url)
{
    m_kind = Kind::Unreachable;
    m_url = url;
    retranslate();
    show();
}

void TargetBanner::showFirstLaunch()
{
    m_kind = Kind::FirstLaunch;
    m_url.clear();
    retranslate();
    show();
}

void TargetBanner::showClientLimited(const Summary &summary)
{
    if (!summary.clientLimit.limited)
        return;
    m_kind = Kind::ClientLimited;
    m_url.clear();
    m_busyPercent = summary.client.busyMax * 100;
    m_lagP99Ms = summary.client.loopLagP99Ms;
    m_hint = quint8(summary.clientLimit.hint);
    retranslate();
    show();
}

void TargetBanner::dismiss()
{
    m_kind = Kind::None;
    hide();
}

QString TargetBanner::text() const
{
    return m_label->text();
}

bool TargetBanner::targetUnreachable(const RunTrace &trace, const std::vector<int> *only)
{
    if (trace.scenario.usesSimulator())
        return false;
    const auto failedToConnect = [](const RequestRecord &r) {
        if (unreachable(r.error))
            return true;
        for (const AttemptRecord &a : r.attempts) {
            if (unreachable(a.error))
                return true;
        }
        return false;
    };
    if (only) {
        for (const int i : *only) {
            if (i >= 0 && i < int(trace.requests.size()) && failedToConnect(trace.requests[size_t(i)]))
                return true;
        }
        return false;
    }
    for (const RequestRecord &r : trace.requests) {
        if (failedToConnect(r))
            return true;
    }
    return false;
}

void TargetBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void TargetBanner::retranslate()
{
    m_closeButton->setToolTip(tr("Hide this message"));
    m_closeButton->setAccessibleName(tr("Hide this message"));
    m_simulatorButton->setText(tr("Use the built-in simulator"));
    m_simulatorButton->setToolTip(
        tr("Switch the scenario's target to the simulator that comes with BurgerBench; press Run "
           "again to see the orders served"));
    m_simulatorButton->setVisible(m_kind == Kind::Unreachable);
    m_socketButton->setText(tr("Use the socket transport"));
    m_socketButton->setToolTip(tr("Switch the scenario to the lighter HTTP/1.1 client on QTcpSocket "
                                  "(target.transport \"socket\"); press Run again to measure anew"));
    const auto hint = ClientVerdict::Hint(m_hint);
    m_socketButton->setVisible(m_kind == Kind::ClientLimited && hint == ClientVerdict::Hint::SocketTransport);
    switch (m_kind) {
    case Kind::Unreachable:
        m_label->setText(
            tr("Nothing answers at %1 — is the server running? Or use the built-in simulator.").arg(m_url));
        break;
    case Kind::FirstLaunch:
        m_label->setText(tr("New here? Press Run (Ctrl+R): the orders of the scenario on the left go to the "
                            "built-in simulator, and each one becomes a lane on this timeline."));
        break;
    case Kind::ClientLimited: {
        const QLocale locale;
        QString text = tr("This computer limited the run, not the server: its engine thread was busy %1% of "
                          "its busiest second and the loop lag p99 was %2 ms, so the figures are upper "
                          "bounds of what the server did.")
                           .arg(locale.toString(m_busyPercent, 'f', 0), locale.toString(m_lagP99Ms, 'f', 1));
        if (hint == ClientVerdict::Hint::SocketTransport)
            text += u' ' + tr("The socket transport costs less per token event.");
        else if (hint == ClientVerdict::Hint::CpuOnLoop)
            text += u' ' + tr("The run's own CPU work kept the event loop busy: the cashier was cooking.");
        m_label->setText(text);
        break;
    }
    case Kind::None:
        m_label->clear();
        break;
    }
}

} // namespace BurgerBench
