#pragma once

#include "scenario/scenario.h"
#include "sweep/sweepspec.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace BurgerBench {

// Run → Sweep…: the sweep's plan over the scenario the main window has selected, the same
// choices as `burgerbench-cli sweep` (docs/sweep.md): the profile (concurrency, rate, auto,
// search), the values (a list 1,2,4 or a range A:B:STEP; for a search the optional range LO,HI),
// auto's steps, the SLO rules (the --slo syntax), what a search varies, its tolerance and its
// most probes, repeats, and how each step ends (a duration or a request count). The fields are
// parsed by the CLI's own parsers (sweep/sweepspec.h), so a bad value or rule is named the same
// way; OK stays off until the plan is valid.
class SweepDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SweepDialog(const Scenario &scenario, QWidget *parent = nullptr);

    // The sweep the fields describe; false with *error naming the bad field (and the bad rule or
    // value) when they do not make one.
    bool spec(SweepSpec *out, QString *error) const;
    // The message under the fields (empty when the plan is valid).
    QString errorText() const;
    void setProfile(SweepProfile profile);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateFields();
    void revalidate();
    SweepProfile profile() const;
    SweepOver searchOver() const;

    Scenario m_scenario;
    QLabel *m_target = nullptr;
    QFormLayout *m_form = nullptr;
    QComboBox *m_profile = nullptr;
    QLineEdit *m_values = nullptr;
    QSpinBox *m_steps = nullptr;
    QComboBox *m_over = nullptr;
    QDoubleSpinBox *m_start = nullptr;
    QLineEdit *m_slo = nullptr;
    QDoubleSpinBox *m_tolerance = nullptr;
    QSpinBox *m_maxSteps = nullptr;
    QSpinBox *m_repeats = nullptr;
    QDoubleSpinBox *m_duration = nullptr;
    QSpinBox *m_requests = nullptr;
    QSpinBox *m_cap = nullptr;
    QCheckBox *m_constantGaps = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace BurgerBench
