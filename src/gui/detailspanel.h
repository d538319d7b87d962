#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class DetailsPanel;
}

namespace BurgerBench {

struct RunTrace;

// One request in full (ui/detailspanel.ui): its figures, its phases with start and length, the
// gaps between its tokens plotted, the text it streamed and its error.
class DetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    // Shows `request` of `trace` (copied out; the panel keeps no pointer). -1 clears. `run`, when
    // given, names which run it belongs to (a compared run's request), above its figures.
    void showRequest(const RunTrace &trace, int request, const QString &run = QString());
    QString runLabel() const { return m_run; }
    int request() const { return m_request; }

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::DetailsPanel> ui;
    int m_request = -1;
    QString m_run;
};

} // namespace BurgerBench
