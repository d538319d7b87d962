#include "gui/sweepdialog.h"

#include "session/runsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace BurgerBench {

namespace {

// Rate steps without a cap of the user's: high enough that past the ceiling it is the target's
// queue that grows, not the client's (the CLI's default, docs/sweep.md).
constexpr int DefaultRateCap = 64;
// A step without a duration in the scenario: long enough for a steady state at a few requests/s.
constexpr double DefaultStepS = 5;

} // namespace

SweepDialog::SweepDialog(const Scenario &scenario, QWidget *parent)
    : QDialog(parent)
    , m_scenario(scenario)
{
    setObjectName(QStringLiteral("sweepDialog"));
    auto *layout = new QVBoxLayout(this);
    m_target = new QLabel(this);
    m_target->setObjectName(QStringLiteral("target"));
    m_target->setWordWrap(true);
    layout->addWidget(m_target);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    for (SweepProfile p :
        { SweepProfile::Concurrency, SweepProfile::Rate, SweepProfile::Auto, SweepProfile::Search })
        m_profile->addItem(QString(), QVariant::fromValue(int(p)));
    m_values = new QLineEdit(QStringLiteral("1,2,4,8"), this);
    m_values->setObjectName(QStringLiteral("values"));
    m_steps = new QSpinBox(this);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setRange(1, 100);
    m_steps->setValue(5);
    m_over = new QComboBox(this);
    m_over->setObjectName(QStringLiteral("over"));
    m_over->addItem(QString(), int(SweepOver::Rate));
    m_over->addItem(QString(), int(SweepOver::Concurrency));
    m_start = new QDoubleSpinBox(this);
    m_start->setObjectName(QStringLiteral("start"));
    m_start->setRange(0.01, 100000);
    m_start->setDecimals(2);
    m_start->setValue(scenario.rate > 0 ? scenario.rate : 1);
    m_slo = new QLineEdit(this);
    m_slo->setObjectName(QStringLiteral("slo"));
    m_slo->setPlaceholderText(QStringLiteral("ttft.p99<=400ms,error_rate<=1%"));
    m_tolerance = new QDoubleSpinBox(this);
    m_tolerance->setObjectName(QStringLiteral("tolerance"));
    m_tolerance->setRange(0.1, 99);
    m_tolerance->setDecimals(1);
    m_tolerance->setValue(5);
    m_tolerance->setSuffix(QStringLiteral(" %"));
    m_maxSteps = new QSpinBox(this);
    m_maxSteps->setObjectName(QStringLiteral("maxSteps"));
    m_maxSteps->setRange(2, 100);
    m_maxSteps->setValue(10);
    m_repeats = new QSpinBox(this);
    m_repeats->setObjectName(QStringLiteral("repeats"));
    m_repeats->setRange(1, 100);
    m_repeats->setValue(1);
    m_duration = new QDoubleSpinBox(this);
    m_duration->setObjectName(QStringLiteral("duration"));
    m_duration->setRange(0, 3600);
    m_duration->setDecimals(1);
    m_duration->setSuffix(QStringLiteral(" s"));
    m_requests = new QSpinBox(this);
    m_requests->setObjectName(QStringLiteral("requests"));
    m_requests->setRange(0, 1000000);
    if (scenario.durationS > 0 || scenario.requests <= 0) {
        m_duration->setValue(scenario.durationS > 0 ? scenario.durationS : DefaultStepS);
        m_requests->setValue(0);
    } else {
        m_duration->setValue(0);
        m_requests->setValue(scenario.requests);
    }
    m_cap = new QSpinBox(this);
    m_cap->setObjectName(QStringLiteral("cap"));
    m_cap->setRange(1, 1000);
    m_cap->setValue(std::max(scenario.concurrency, DefaultRateCap));
    m_constantGaps = new QCheckBox(this);
    m_constantGaps->setObjectName(QStringLiteral("constantGaps"));
    m_constantGaps->setChecked(true);

    for (QWidget *field : std::initializer_list<QWidget *> { m_profile, m_values, m_steps, m_over, m_start,
             m_slo, m_tolerance, m_maxSteps, m_repeats, m_duration, m_requests, m_cap, m_constantGaps })
        m_form->addRow(new QLabel(this), field);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_profile, &QComboBox::currentIndexChanged, this, &SweepDialog::updateFields);
    connect(m_over, &QComboBox::currentIndexChanged, this, &SweepDialog::updateFields);
    for (QLineEdit *edit : { m_values, m_slo })
        connect(edit, &QLineEdit::textChanged, this, &SweepDialog::revalidate);
    for (QSpinBox *box : { m_steps, m_maxSteps, m_repeats, m_requests, m_cap })
        connect(box, &QSpinBox::valueChanged, this, &SweepDialog::revalidate);
    for (QDoubleSpinBox *box : { m_start, m_tolerance, m_duration })
        connect(box, &QDoubleSpinBox::valueChanged, this, &SweepDialog::revalidate);
    connect(m_constantGaps, &QCheckBox::toggled, this, &SweepDialog::revalidate);
    retranslate();
    updateFields();
}

SweepProfile SweepDialog::profile() const
{
    return SweepProfile(m_profile->currentData().toInt());
}

SweepOver SweepDialog::searchOver() const
{
    return SweepOver(m_over->currentData().toInt());
}

void SweepDialog::setProfile(SweepProfile profile)
{
    m_profile->setCurrentIndex(m_profile->findData(int(profile)));
}

QString SweepDialog::errorText() const
{
    return m_error->text();
}

void SweepDialog::retranslate()
{
    setWindowTitle(tr("Sweep"));
    const QString name = m_scenario.name.isEmpty() ? tr("the scenario") : m_scenario.name;
    m_target->setText(m_scenario.usesSimulator()
            ? tr("Runs “%1” at several load levels, one ordinary run a step, against the built-in "
                 "simulator.")
                  .arg(name)
            : tr("Runs “%1” at several load levels, one ordinary run a step, against %2.")
                  .arg(name, m_scenario.url.toString(QUrl::RemoveUserInfo)));
    m_profile->setItemText(0, tr("Concurrency: a closed loop at each value"));
    m_profile->setItemText(1, tr("Rate: an open loop at each value (requests/s)"));
    m_profile->setItemText(2, tr("Auto: one at a time, flat out, then rates between"));
    m_profile->setItemText(3, tr("Search: the highest level that meets the SLO"));
    m_over->setItemText(0, tr("rate (requests/s)"));
    m_over->setItemText(1, tr("concurrency (requests in flight)"));
    m_constantGaps->setText(tr("Rate steps arrive at constant intervals"));
    m_constantGaps->setToolTip(
        tr("Off: the scenario's burstiness (1 = Poisson). A short Poisson step delivers a fixed seed's "
           "share of its rate at every level."));
    m_values->setToolTip(tr("A list 1,2,4 or a range A:B:STEP such as 5:30:5; for a search, the range LO,HI "
                            "(optional)"));
    m_slo->setToolTip(
        tr("What must hold, comma-separated, e.g. ttft.p99<=400ms,itl.p95<=50ms,error_rate<=1%"));
    const QString labels[] = { tr("&Profile:"), tr("&Values:"), tr("Auto s&teps:"), tr("Search &over:"),
        tr("Search s&tarts at:"), tr("&SLO rules:"), tr("To&lerance:"), tr("&Most probes:"), tr("&Repeats:"),
        tr("Each step &lasts:"), tr("…or sends (re&quests):"), tr("&Cap in flight (rate steps):"),
        tr("Arrivals:") };
    for (int row = 0; row < m_form->rowCount(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget())) {
            label->setText(labels[row]);
            label->setBuddy(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        }
    }
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start the sweep"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    revalidate();
}

void SweepDialog::updateFields()
{
    const SweepProfile p = profile();
    const bool search = p == SweepProfile::Search;
    const bool rates
        = p == SweepProfile::Rate || p == SweepProfile::Auto || (search && searchOver() == SweepOver::Rate);
    auto enable = [this](QWidget *field, bool on) {
        field->setEnabled(on);
        if (QWidget *label = m_form->labelForField(field))
            label->setEnabled(on);
    };
    enable(m_values, p != SweepProfile::Auto);
    enable(m_steps, p == SweepProfile::Auto);
    enable(m_over, search);
    enable(m_start, search);
    enable(m_tolerance, search);
    enable(m_maxSteps, search);
    enable(m_cap, rates || p == SweepProfile::Auto);
    enable(m_constantGaps, rates);
    m_values->setPlaceholderText(search ? tr("optional range LO,HI, e.g. 5,40") : tr("e.g. 1,2,4 or 5:30:5"));
    if (search) {
        m_start->setDecimals(searchOver() == SweepOver::Rate ? 2 : 0);
        m_start->setSuffix(searchOver() == SweepOver::Rate ? QStringLiteral(" /s") : QString());
    }
    revalidate();
}

bool SweepDialog::spec(SweepSpec *out, QString *error) const
{
    SweepSpec s;
    s.profile = profile();
    s.over = s.profile == SweepProfile::Concurrency ? SweepOver::Concurrency
        : s.profile == SweepProfile::Search         ? searchOver()
                                                    : SweepOver::Rate;
    s.base = m_scenario;
    s.base.durationS = m_duration->value();
    s.base.requests = m_requests->value();
    const bool rates = s.profile == SweepProfile::Rate || s.profile == SweepProfile::Auto
        || (s.profile == SweepProfile::Search && s.over == SweepOver::Rate);
    if (rates || s.profile == SweepProfile::Auto)
        s.base.concurrency = m_cap->value();
    if (rates && m_constantGaps->isChecked())
        s.base.burstiness = 0;
    if (s.profile == SweepProfile::Search) {
        if (s.over == SweepOver::Rate)
            s.base.rate = m_start->value();
        else
            s.base.concurrency = std::max(1, int(m_start->value()));
    }
    auto fail = [&](const QString &field, const QString &why) {
        // The field as the form labels it (without its mnemonic), then the parser's message.
        QString name = field;
        name.remove(QLatin1Char('&'));
        if (name.endsWith(QLatin1Char(':')))
            name.chop(1);
        *error = tr("%1: %2").arg(name, why);
        return false;
    };
    QString why;
    const QString values = m_values->text().trimmed();
    if (s.profile != SweepProfile::Auto && !values.isEmpty()) {
        if (!parseSweepValues(values, s.over == SweepOver::Concurrency, &s.values, &why))
            return fail(tr("&Values:"), why);
    }
    const QString slo = m_slo->text().trimmed();
    if (!slo.isEmpty() && !parseSloRules(slo, &s.slo, &why))
        return fail(tr("&SLO rules:"), why);
    s.steps = m_steps->value();
    s.tolerance = m_tolerance->value() / 100;
    s.maxSteps = m_maxSteps->value();
    s.repeats = m_repeats->value();
    // The ranks the rules read, beside the scenario's (as the CLI's --slo adds them).
    s.extraPercentiles = s.base.percentiles;
    for (const Threshold &t : std::as_const(s.slo)) {
        if (t.statistic.startsWith(u'p')) {
            const double rank = t.statistic.mid(1).toDouble();
            if (!s.extraPercentiles.contains(rank))
                s.extraPercentiles.append(rank);
        }
    }
    if (!s.validate(&why))
        return fail(tr("Sweep"), why);
    if (!RunSession::check(s.scenarioAt(s.over, s.values.isEmpty() ? 1 : s.values.first()), &why))
        return fail(tr("Scenario"), why);
    // Read from the environment at start, handed to each step, written nowhere.
    if (!s.base.usesSimulator() && !s.base.apiKeyEnv.isEmpty())
        s.apiKey = qgetenv(s.base.apiKeyEnv.toLocal8Bit().constData());
    *out = s;
    return true;
}

void SweepDialog::revalidate()
{
    SweepSpec s;
    QString why;
    const bool ok = spec(&s, &why);
    m_error->setText(ok ? QString() : why);
    m_error->setVisible(!ok);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void SweepDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace BurgerBench
