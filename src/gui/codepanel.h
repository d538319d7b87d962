#pragma once

#include "gui/codesnippets.h"
#include "trace/legendtable.h"

#include <QWidget>

class QLabel;
class QScrollArea;

namespace BurgerBench {

struct RunTrace;

// One listing, painted: a line of code per row in a fixed-pitch font, its comment after it in
// grey. A line whose step has work standing at it gets a marker in that step's legend colour
// and pattern (the timeline's own: In line, Sending, Waiting, Tokens, CPU work, Retry wait), a
// tint across the row and, beside the marker, how many are there ("×12"). Sized to its text, so a
// scroll area around it shows every character.
class CodeView : public QWidget
{
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);

    void setListing(const CodeListing &listing, const QString &commentPrefix);
    void setCounts(const CodeStepCounts &counts);
    const CodeListing &listing() const { return m_listing; }

    // What the last paint showed, for tests and tooltips: the row of line `line`, the count
    // drawn beside it (0 = none, the line is not highlighted), and its marker's rectangle.
    QRect lineRect(int line) const;
    QRect markerRect(int line) const;
    int countOnLine(int line) const;
    // The rows highlighted now, in order.
    std::vector<int> activeLines() const;
    // The legend phase a step is drawn in.
    static Phase phaseOf(CodeStep step);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QString lineText(int line) const;
    int rowHeight() const;
    int badgeWidth() const;

    CodeListing m_listing;
    QString m_commentPrefix;
    CodeStepCounts m_counts;
};

// The code beside the picture (issue 16): for the run on screen, the Python asyncio the lesson
// teaches for its model and the Qt code that actually ran it, side by side, with the lines that
// work stands at highlighted as the run goes, and at any moment of a finished or opened run the
// pointer rests on in the timeline.
class CodePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CodePanel(QWidget *parent = nullptr);

    // The model whose code is shown (rebuilt when it or the language changes).
    void setScenario(const Scenario &scenario);
    // Where `trace` stands at `nowNs` (its clock); `live`: a run under way.
    void showMoment(const RunTrace &trace, qint64 nowNs, bool live);
    // No moment: nothing highlighted, a hint instead.
    void clearMoment();

    const CodeView *lessonView() const { return m_lesson; }
    const CodeView *ranView() const { return m_ran; }
    const CodeStepCounts &counts() const { return m_counts; }
    QString momentText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateMomentLabel();
    void revealLitLines();

    Scenario m_scenario;
    CodeStepCounts m_counts;
    qint64 m_nowNs = -1;
    bool m_live = false;
    QLabel *m_moment = nullptr;
    QLabel *m_lessonTitle = nullptr;
    QLabel *m_ranTitle = nullptr;
    CodeView *m_lesson = nullptr;
    CodeView *m_ran = nullptr;
    QScrollArea *m_lessonScroll = nullptr;
    QScrollArea *m_ranScroll = nullptr;
};

} // namespace BurgerBench
