#pragma once

#include <QFrame>

#include <vector>

class QLabel;
class QPushButton;
class QToolButton;

namespace BurgerBench {

struct RunTrace;
struct Summary;

// A strip above the timeline that tells the user what to do next, in two cases:
//   - Unreachable: the target refused the connection or its host did not resolve, so every
//     request is a red cross for a reason that is not the server's behaviour. The button switches
//     the scenario to the built-in simulator (useSimulatorClicked()).
//   - FirstLaunch: nothing has been run or saved yet; it says to press Run.
//   - ClientLimited: this computer, not the server, limited the run (Summary::clientLimit,
//     METRICS.md "Client busy"): the figures are upper bounds. On QNAM a button switches the
//     scenario to the socket transport (useSocketTransportClicked()).
// The text wraps to the width it gets (the central area is narrow at 1280 px), and the URL is
// shown without credentials.
class TargetBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind : quint8 { None, Unreachable, FirstLaunch, ClientLimited };

    explicit TargetBanner(QWidget *parent = nullptr);

    void showUnreachable(const QString &url);
    void showFirstLaunch();
    // From the run's summary; nothing when the client did not limit it.
    void showClientLimited(const Summary &summary);
    void dismiss();
    Kind kind() const { return m_kind; }
    QString text() const;

    // True when the run on screen tried a real target and a request (or an earlier attempt of
    // one) ended because the connection was refused or the host was not found. `only`, if given,
    // limits the look to those requests (a live update's changed ones: no walk over a long run).
    static bool targetUnreachable(const RunTrace &trace, const std::vector<int> *only = nullptr);

signals:
    void useSimulatorClicked();
    void useSocketTransportClicked();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Kind m_kind = Kind::None;
    QString m_url; // already scrubbed
    double m_busyPercent = 0; // ClientLimited: the busiest second, and the loop lag p99
    double m_lagP99Ms = 0;
    quint8 m_hint = 0; // ClientVerdict::Hint
    QLabel *m_label; // owned (child)
    QPushButton *m_simulatorButton; // owned (child)
    QPushButton *m_socketButton; // owned (child)
    QToolButton *m_closeButton; // owned (child)
};

} // namespace BurgerBench
