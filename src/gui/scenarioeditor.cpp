#include "gui/scenarioeditor.h"

#include "ui_scenarioeditor.h"

#include "workload/dataset.h"
#include "workload/lengthdistribution.h"
#include "workload/sessionplan.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollBar>
#include <QtConcurrent>

#include <algorithm>
#include <iterator>

namespace BurgerBench {

namespace {

const QColor errorBase(0xfd, 0xe2, 0xe0);
const QColor errorText(0xa8, 0x14, 0x0c);

// The dataset formats of the combo, in the form's order.
const char *const datasetFormats[] = { "auto", "jsonl", "csv", "mooncake", "sharegpt" };
// The preview reads at most this many rows (a seeded sample of a bigger file): memory and time
// stay small whatever the file, and the histogram still shows the shape of the lengths.
constexpr int PreviewSample = 2000;
constexpr int PreviewTableRows = 5;

QString rowText(const DatasetRow &row)
{
    if (!row.prompt.isEmpty() || row.messages.isEmpty())
        return row.prompt;
    QStringList parts;
    for (const auto &m : row.messages)
        parts << m.toObject().value(QLatin1String("content")).toString();
    return parts.join(QStringLiteral(" / "));
}

} // namespace

// What the dataset picker shows, read off the GUI thread.
struct DatasetPreview
{
    QString error;
    std::vector<std::pair<QString, int>> first; // prompt (elided) and output tokens (-1: not given)
    std::vector<int> inputTokens; // per sampled row, estimated
    bool sampled = false; // the file had more rows than the preview read

    static DatasetPreview read(const QString &path, const QString &format, int sample, quint64 seed)
    {
        DatasetPreview p;
        const int keep = sample > 0 ? std::min(sample, PreviewSample) : PreviewSample;
        std::vector<DatasetRow> rows;
        // The editor has no target to count with: the local estimate (about 4 bytes a token).
        const TokenModel tokens;
        if (!Dataset::load(path, format, keep, seed, tokens, &rows, &p.error))
            return p;
        p.sampled = int(rows.size()) == keep && (sample == 0 || sample > keep);
        for (const DatasetRow &row : rows) {
            const QString text = rowText(row);
            p.inputTokens.push_back(
                row.inputTokens >= 0 ? row.inputTokens : tokens.tokensFor(text.toUtf8().size()));
            if (p.first.size() < size_t(PreviewTableRows)) {
                QString shown = text.simplified();
                if (shown.size() > 90)
                    shown = shown.left(89) + QStringLiteral("…");
                p.first.emplace_back(shown, row.outputTokens);
            }
        }
        return p;
    }
};

const QList<ScenarioPreset> &ScenarioEditor::presets()
{
    static const QList<ScenarioPreset> list {
        { QStringLiteral(":/scenarios/burger-shop.json"), QT_TR_NOOP("Burger shop: 8 orders") },
        { QStringLiteral(":/scenarios/chat-service.json"), QT_TR_NOOP("Chat service under load") },
        { QStringLiteral(":/scenarios/flaky-server.json"), QT_TR_NOOP("Flaky server") },
        { QStringLiteral(":/scenarios/your-endpoint.json"), QT_TR_NOOP("Your endpoint") },
        { QStringLiteral(":/scenarios/lunch-rush.json"), QT_TR_NOOP("Lunch rush: 16 orders, 4 at a time") },
        { QStringLiteral(":/scenarios/set-menu.json"), QT_TR_NOOP("Set menu: the kitchen keeps it ready") },
        { QStringLiteral(":/scenarios/regulars.json"), QT_TR_NOOP("Regulars: back for a second order") },
    };
    return list;
}

ScenarioEditor::ScenarioEditor(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ScenarioEditor>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("scenarioEditor"));
    // The mode combo's items, in the form's order, each tagged with its mode's scenario name: the
    // editor reads and writes modes by name, never by the enum's order.
    const ExecutionMode modeOrder[] = { ExecutionMode::Sequential, ExecutionMode::Concurrent,
        ExecutionMode::ParallelBlocking, ExecutionMode::ParallelCpu, ExecutionMode::Mixed,
        ExecutionMode::AntiPattern, ExecutionMode::BackgroundJobs };
    Q_ASSERT(ui->modeCombo->count() == int(std::size(modeOrder)));
    for (int i = 0; i < ui->modeCombo->count() && i < int(std::size(modeOrder)); ++i)
        ui->modeCombo->setItemData(i, executionModeName(modeOrder[i]));
    for (int i = 0; i < ui->datasetFormatCombo->count() && i < int(std::size(datasetFormats)); ++i)
        ui->datasetFormatCombo->setItemData(i, QLatin1String(datasetFormats[i]));
    ui->datasetPreviewTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    ui->datasetPreviewTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    ui->datasetPreviewTable->verticalHeader()->setVisible(false);
    ui->datasetPreviewTable->setWordWrap(false);
    ui->datasetPreviewTable->setMaximumHeight(150);
    ui->datasetPreviewTable->setVisible(false);
    ui->datasetHistogram->setVisible(false);
    ui->datasetStatusLabel->setVisible(false);
    ui->validationLabel->setVisible(false);
    ui->validationLabel->setAccessibleName(tr("Scenario problems"));
    fillPresetCombo();
    // Long item texts must not make the dock wider than the screen allows.
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }

    // One hidden error line under each field a rule can reject.
    const QList<QWidget *> checked { ui->urlEdit, ui->modelEdit, ui->apiKeyEnvEdit, ui->requestsSpin,
        ui->retryMaxSpin, ui->faultMissingDoneSpin, ui->cpuTaskSpin, ui->inputTokensEdit,
        ui->outputTokensEdit, ui->thinkTimeEdit };
    for (QWidget *field : checked) {
        auto *form = qobject_cast<QFormLayout *>(field->parentWidget()->layout());
        int row = -1;
        QFormLayout::ItemRole role;
        form->getWidgetPosition(field, &row, &role);
        auto *label = new QLabel(field->parentWidget());
        label->setObjectName(field->objectName() + QStringLiteral("Error"));
        label->setWordWrap(true);
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, errorText);
        label->setPalette(p);
        label->setVisible(false);
        form->insertRow(row + 1, QString(), label);
        m_errorLabels.insert(field, label);
    }
    // Accessible names: the form labels are buddies, but say what the numbers mean as well.
    const auto widgets = findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (auto *buddyLabel = findChild<QLabel *>(w->objectName() + QStringLiteral("Label")))
            w->setAccessibleName(buddyLabel->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    }

    // The dock is as wide as the widest field row, so nothing is cut off on the right.
    ui->scrollArea->setMinimumWidth(ui->scrollArea->widget()->minimumSizeHint().width()
        + ui->scrollArea->verticalScrollBar()->sizeHint().width() + 4);

    Scenario initial;
    initial.name = tr("Burger shop: 8 orders");
    initial.concurrency = 8;
    initial.requests = 8;
    setScenario(initial);
    connectFields();
    connect(ui->presetCombo, qOverload<int>(&QComboBox::activated), this, &ScenarioEditor::onPresetActivated);
    // The dataset is read when its path is settled (not on every key), or its format or sample changes.
    connect(ui->datasetEdit, &QLineEdit::editingFinished, this, [this] {
        if (ui->datasetEdit->text().trimmed() != m_previewPath)
            refreshDatasetPreview();
    });
    connect(ui->datasetFormatCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (!m_filling)
            refreshDatasetPreview();
    });
    connect(ui->datasetSampleSpin, qOverload<int>(&QSpinBox::valueChanged), this, [this] {
        if (!m_filling)
            refreshDatasetPreview();
    });
    connect(ui->datasetBrowseButton, &QPushButton::clicked, this, &ScenarioEditor::browseDataset);
}

ScenarioEditor::~ScenarioEditor() = default;

ExecutionMode ScenarioEditor::currentMode() const
{
    ExecutionMode mode = ExecutionMode::Concurrent;
    executionModeFromName(ui->modeCombo->currentData().toString(), &mode);
    return mode;
}

void ScenarioEditor::fillPresetCombo()
{
    const int current = ui->presetCombo->currentIndex();
    ui->presetCombo->clear();
    for (const ScenarioPreset &preset : presets())
        ui->presetCombo->addItem(tr(preset.title), preset.resource);
    ui->presetCombo->addItem(tr("Custom"), QString());
    ui->presetCombo->setCurrentIndex(current < 0 ? 0 : current);
}

int ScenarioEditor::currentPreset() const
{
    const int index = ui->presetCombo->currentIndex();
    return index < presets().size() ? index : -1;
}

bool ScenarioEditor::loadPreset(int index, QString *error)
{
    if (index < 0 || index >= presets().size())
        return false;
    Scenario scenario;
    QString message;
    if (!Scenario::load(presets().at(index).resource, &scenario, &message)) {
        if (error)
            *error = message;
        return false;
    }
    // Presets carry English names in their files; show the translated title.
    scenario.name = tr(presets().at(index).title);
    setScenario(scenario);
    ui->presetCombo->setCurrentIndex(index);
    return true;
}

void ScenarioEditor::onPresetActivated(int index)
{
    if (index < presets().size())
        loadPreset(index);
}

void ScenarioEditor::connectFields()
{
    const auto changed = [this] {
        if (m_filling)
            return;
        // Any edit makes this a custom scenario.
        ui->presetCombo->setCurrentIndex(ui->presetCombo->count() - 1);
        updateEnabled();
        revalidate();
        emit scenarioChanged();
    };
    for (QLineEdit *edit : findChildren<QLineEdit *>()) {
        // Spin boxes and combo boxes have line edits inside; their own signals count.
        if (!qobject_cast<QAbstractSpinBox *>(edit->parentWidget())
            && !qobject_cast<QComboBox *>(edit->parentWidget()))
            connect(edit, &QLineEdit::textEdited, this, changed);
    }
    for (QSpinBox *spin : findChildren<QSpinBox *>())
        connect(spin, qOverload<int>(&QSpinBox::valueChanged), this, changed);
    for (QDoubleSpinBox *spin : findChildren<QDoubleSpinBox *>())
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        if (combo != ui->presetCombo)
            connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    }
    for (QAbstractButton *button : findChildren<QAbstractButton *>())
        connect(button, &QAbstractButton::toggled, this, changed);
}

void ScenarioEditor::setScenario(const Scenario &s)
{
    m_filling = true;
    m_base = s;
    ui->nameEdit->setText(s.name);
    ui->simulatorRadio->setChecked(s.usesSimulator());
    ui->endpointRadio->setChecked(!s.usesSimulator());
    ui->urlEdit->setText(s.url.toString(QUrl::RemoveUserInfo));
    ui->modelEdit->setText(s.model);
    ui->endpointCombo->setCurrentIndex(int(s.endpoint)); // items in Endpoint's order
    ui->apiKeyEnvEdit->setText(s.apiKeyEnv);
    ui->http2Check->setChecked(s.http2);

    ui->modeCombo->setCurrentIndex(std::max(0, ui->modeCombo->findData(executionModeName(s.mode))));
    ui->concurrencySpin->setValue(s.concurrency);
    ui->requestsSpin->setValue(s.requests);
    ui->durationSpin->setValue(s.durationS);
    ui->rateSpin->setValue(s.rate);
    ui->burstinessSpin->setValue(s.burstiness);
    ui->warmupSpin->setValue(s.warmup);
    ui->workersSpin->setValue(s.workers);
    ui->cpuTaskSpin->setValue(s.cpuTaskMs);
    ui->seedSpin->setValue(int(std::min<quint64>(s.seed, quint64(std::numeric_limits<int>::max()))));

    ui->streamCheck->setChecked(s.stream);
    ui->maxTokensSpin->setValue(s.maxTokens);
    ui->promptTokensSpin->setValue(s.promptTokens);
    ui->promptEdit->setText(s.prompt);
    ui->ignoreEosCheck->setChecked(s.ignoreEos);

    const WorkloadSettings &w = s.workload;
    ui->inputTokensEdit->setText(w.inputTokens);
    ui->outputTokensEdit->setText(w.outputTokens);
    ui->prefixTokensSpin->setValue(w.prefixTokens);
    ui->prefixGroupsSpin->setValue(w.prefixGroups);
    ui->datasetEdit->setText(w.dataset);
    ui->datasetFormatCombo->setCurrentIndex(std::max(0, ui->datasetFormatCombo->findData(w.datasetFormat)));
    ui->datasetSampleSpin->setValue(w.datasetSample);
    ui->sessionsSpin->setValue(w.sessions);
    ui->turnsSpin->setValue(std::max(1, w.turns));
    ui->thinkTimeEdit->setText(w.thinkTime);
    ui->multiTurnCheck->setChecked(w.multiTurn);

    ui->timeoutSpin->setValue(s.timeoutS);
    ui->idleTimeoutSpin->setValue(s.idleTimeoutS);
    ui->retriesSpin->setValue(s.retries);
    ui->retryBaseSpin->setValue(s.retryBaseMs);
    ui->retryMaxSpin->setValue(s.retryMaxMs);
    ui->rateLimitSpin->setValue(s.rateLimit);
    ui->rateLimitBurstSpin->setValue(s.rateLimitBurst);
    ui->sendWindowSpin->setValue(s.sendWindow);
    ui->errorPolicyCombo->setCurrentIndex(s.errorPolicy == ErrorPolicy::CollectAll ? 0 : 1);

    const SimulatorSettings &sim = s.simulator;
    ui->simTtftSpin->setValue(sim.ttftMs);
    ui->simTokenIntervalSpin->setValue(sim.tokenIntervalMs);
    ui->simJitterSpin->setValue(sim.jitterMs);
    ui->simOutputTokensSpin->setValue(sim.outputTokens);
    ui->simCapacitySpin->setValue(sim.capacity);
    ui->fault429Spin->setValue(sim.faults.http429 * 100);
    ui->fault500Spin->setValue(sim.faults.http500 * 100);
    ui->fault503Spin->setValue(sim.faults.http503 * 100);
    ui->faultResetSpin->setValue(sim.faults.reset * 100);
    ui->faultStallSpin->setValue(sim.faults.stall * 100);
    ui->faultMalformedSpin->setValue(sim.faults.malformed * 100);
    ui->faultStreamErrorSpin->setValue(sim.faults.streamError * 100);
    ui->faultMissingDoneSpin->setValue(sim.faults.missingDone * 100);
    m_filling = false;
    ui->presetCombo->setCurrentIndex(ui->presetCombo->count() - 1);
    refreshDatasetPreview();
    updateEnabled();
    revalidate();
    emit scenarioChanged();
}

Scenario ScenarioEditor::scenario() const
{
    Scenario s = m_base;
    s.name = ui->nameEdit->text().trimmed();
    if (ui->endpointRadio->isChecked())
        s.url = QUrl(ui->urlEdit->text().trimmed(), QUrl::StrictMode);
    else
        s.url = QUrl();
    s.model = ui->modelEdit->text().trimmed();
    s.endpoint = Endpoint(std::clamp(ui->endpointCombo->currentIndex(), 0, int(Endpoint::Responses)));
    s.apiKeyEnv = ui->apiKeyEnvEdit->text().trimmed();
    s.http2 = ui->http2Check->isChecked();

    s.mode = currentMode();
    s.concurrency = ui->concurrencySpin->value();
    s.requests = ui->requestsSpin->value();
    s.durationS = ui->durationSpin->value();
    s.rate = ui->rateSpin->value();
    s.burstiness = ui->burstinessSpin->value();
    s.warmup = ui->warmupSpin->value();
    s.workers = ui->workersSpin->value();
    s.cpuTaskMs = ui->cpuTaskSpin->value();
    s.seed = quint64(ui->seedSpin->value());

    s.stream = ui->streamCheck->isChecked();
    s.maxTokens = ui->maxTokensSpin->value();
    s.promptTokens = ui->promptTokensSpin->value();
    s.prompt = ui->promptEdit->text();
    s.ignoreEos = ui->ignoreEosCheck->isChecked();

    WorkloadSettings &w = s.workload;
    w.inputTokens = ui->inputTokensEdit->text().trimmed();
    w.outputTokens = ui->outputTokensEdit->text().trimmed();
    w.prefixTokens = ui->prefixTokensSpin->value();
    w.prefixGroups = ui->prefixGroupsSpin->value();
    w.dataset = ui->datasetEdit->text().trimmed();
    w.datasetFormat = ui->datasetFormatCombo->currentData().toString();
    w.datasetSample = ui->datasetSampleSpin->value();
    w.sessions = ui->sessionsSpin->value();
    // Turns are a synthetic conversation's length; with a dataset its conversations have theirs
    // (the scenario's own cap kept as it came).
    w.turns = w.sessions > 0 && w.dataset.isEmpty() ? ui->turnsSpin->value()
        : w.dataset.isEmpty()                       ? 0
                                                    : m_base.workload.turns;
    w.thinkTime = ui->thinkTimeEdit->text().trimmed();
    w.multiTurn = ui->multiTurnCheck->isChecked();

    s.timeoutS = ui->timeoutSpin->value();
    s.idleTimeoutS = ui->idleTimeoutSpin->value();
    s.retries = ui->retriesSpin->value();
    s.retryBaseMs = ui->retryBaseSpin->value();
    s.retryMaxMs = ui->retryMaxSpin->value();
    s.rateLimit = ui->rateLimitSpin->value();
    s.rateLimitBurst = ui->rateLimitBurstSpin->value();
    s.sendWindow = ui->sendWindowSpin->value();
    s.errorPolicy
        = ui->errorPolicyCombo->currentIndex() == 0 ? ErrorPolicy::CollectAll : ErrorPolicy::FailFast;

    SimulatorSettings &sim = s.simulator;
    sim.ttftMs = ui->simTtftSpin->value();
    sim.tokenIntervalMs = ui->simTokenIntervalSpin->value();
    sim.jitterMs = ui->simJitterSpin->value();
    sim.outputTokens = ui->simOutputTokensSpin->value();
    sim.capacity = ui->simCapacitySpin->value();
    sim.faults.http429 = ui->fault429Spin->value() / 100;
    sim.faults.http500 = ui->fault500Spin->value() / 100;
    sim.faults.http503 = ui->fault503Spin->value() / 100;
    sim.faults.reset = ui->faultResetSpin->value() / 100;
    sim.faults.stall = ui->faultStallSpin->value() / 100;
    sim.faults.malformed = ui->faultMalformedSpin->value() / 100;
    sim.faults.streamError = ui->faultStreamErrorSpin->value() / 100;
    sim.faults.missingDone = ui->faultMissingDoneSpin->value() / 100;
    return s;
}

void ScenarioEditor::updateEnabled()
{
    const bool endpoint = ui->endpointRadio->isChecked();
    for (QWidget *w : { static_cast<QWidget *>(ui->urlEdit), static_cast<QWidget *>(ui->modelEdit),
             static_cast<QWidget *>(ui->endpointCombo), static_cast<QWidget *>(ui->apiKeyEnvEdit),
             static_cast<QWidget *>(ui->http2Check) })
        w->setEnabled(endpoint);
    ui->simulatorGroup->setEnabled(!endpoint);
    const ExecutionMode mode = currentMode();
    ui->workersSpin->setEnabled(mode == ExecutionMode::ParallelBlocking || mode == ExecutionMode::ParallelCpu
        || mode == ExecutionMode::Mixed || mode == ExecutionMode::BackgroundJobs);
    ui->cpuTaskSpin->setEnabled(mode == ExecutionMode::ParallelCpu || mode == ExecutionMode::Mixed
        || mode == ExecutionMode::AntiPattern);
    ui->concurrencySpin->setEnabled(mode != ExecutionMode::Sequential);
    ui->burstinessSpin->setEnabled(ui->rateSpin->value() > 0);
    ui->rateLimitBurstSpin->setEnabled(ui->rateLimitSpin->value() > 0);
    ui->retryBaseSpin->setEnabled(ui->retriesSpin->value() > 0);
    ui->retryMaxSpin->setEnabled(ui->retriesSpin->value() > 0);
    ui->prefixGroupsSpin->setEnabled(ui->prefixTokensSpin->value() > 0);
    const bool dataset = !ui->datasetEdit->text().trimmed().isEmpty();
    ui->datasetFormatCombo->setEnabled(dataset);
    ui->datasetSampleSpin->setEnabled(dataset);
    // Sessions: synthetic (U x T) without a dataset, the dataset's conversations with one.
    ui->multiTurnCheck->setEnabled(dataset);
    const bool sessions = ui->sessionsSpin->value() > 0 || (dataset && ui->multiTurnCheck->isChecked());
    ui->turnsSpin->setEnabled(ui->sessionsSpin->value() > 0 && !dataset);
    ui->thinkTimeEdit->setEnabled(sessions);
    // 0 requests: the run ends with its duration, or, for sessions, with their last turns.
    ui->requestsSpin->setSpecialValueText(sessions ? tr("by sessions") : tr("by duration"));
}

void ScenarioEditor::setFieldError(QWidget *field, const QString &message)
{
    QPalette p = field->palette();
    if (message.isEmpty()) {
        field->setPalette(QPalette());
        field->setToolTip(field->property("normalToolTip").toString());
    } else {
        if (!field->property("normalToolTip").isValid())
            field->setProperty("normalToolTip", field->toolTip());
        p.setColor(QPalette::Base, errorBase);
        p.setColor(QPalette::Text, errorText);
        field->setPalette(p);
        field->setToolTip(message);
    }
    field->setProperty("invalid", !message.isEmpty());
    if (QLabel *label = m_errorLabels.value(field)) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
}

void ScenarioEditor::revalidate()
{
    QStringList problems;
    const auto check = [&](QWidget *field, bool ok, const QString &message) {
        setFieldError(field, ok ? QString() : message);
        if (!ok)
            problems << message;
    };
    const bool endpoint = ui->endpointRadio->isChecked();
    const QUrl url(ui->urlEdit->text().trimmed(), QUrl::StrictMode);
    check(ui->urlEdit,
        !endpoint
            || (url.isValid() && !url.host().isEmpty()
                && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))),
        tr("URL: enter an http:// or https:// address with a host, e.g. http://localhost:8000/v1"));
    check(ui->modelEdit, !endpoint || !ui->modelEdit->text().trimmed().isEmpty(),
        tr("Model: enter the model name the server expects"));
    static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    const QString env = ui->apiKeyEnvEdit->text().trimmed();
    check(ui->apiKeyEnvEdit, !endpoint || env.isEmpty() || envName.match(env).hasMatch(),
        tr("API key variable: a name like OPENAI_API_KEY (letters, digits, _), not the key itself"));
    // Sessions end when their last turn is answered, a dataset's replay at its last row: they need
    // neither (the scenario file's workload.sessions, or the form's dataset).
    check(ui->requestsSpin,
        ui->requestsSpin->value() > 0 || ui->durationSpin->value() > 0 || ui->sessionsSpin->value() > 0
            || !ui->datasetEdit->text().trimmed().isEmpty(),
        tr("Requests: set a number of requests or a duration, or the run would never end"));
    const ExecutionMode mode = currentMode();
    const bool needsCpu = mode == ExecutionMode::ParallelCpu || mode == ExecutionMode::Mixed
        || mode == ExecutionMode::AntiPattern;
    check(ui->cpuTaskSpin, !needsCpu || ui->cpuTaskSpin->value() > 0,
        tr("CPU work: this mode is about CPU work; give each task some (e.g. 100 ms)"));
    check(ui->retryMaxSpin,
        ui->retriesSpin->value() == 0 || ui->retryMaxSpin->value() >= ui->retryBaseSpin->value(),
        tr("Backoff max: must be at least the backoff base"));
    const double faults = ui->fault429Spin->value() + ui->fault500Spin->value() + ui->fault503Spin->value()
        + ui->faultResetSpin->value() + ui->faultStallSpin->value() + ui->faultMalformedSpin->value()
        + ui->faultStreamErrorSpin->value() + ui->faultMissingDoneSpin->value();
    check(ui->faultMissingDoneSpin, endpoint || faults <= 100.0 + 1e-9,
        tr("Faults: the probabilities add up to %1 %; at most 100 %")
            .arg(QLocale().toString(faults, 'f', 1)));
    // The distributions in the parser's own words (workload/lengthdistribution.h).
    for (const auto &[edit, what] : { std::pair { ui->inputTokensEdit, tr("Input lengths") },
             std::pair { ui->outputTokensEdit, tr("Output lengths") } }) {
        const QString text = edit->text().trimmed();
        LengthDistribution distribution;
        QString message;
        const bool ok = text.isEmpty() || LengthDistribution::parse(text, what, &distribution, &message);
        check(edit, ok, message);
    }
    {
        LengthDistribution think;
        QString message;
        const QString text = ui->thinkTimeEdit->text().trimmed();
        check(ui->thinkTimeEdit, text.isEmpty() || parseThinkTime(text, &think, &message, tr("Think time")),
            message);
    }
    if (!m_datasetError.isEmpty())
        problems << m_datasetError;

    if (problems.isEmpty()) {
        // Whatever else the core's rules say (the same check the CLI makes).
        QString coreError;
        if (!scenario().validate(&coreError))
            problems << coreError;
    }
    const bool valid = problems.isEmpty();
    m_message = problems.join(QLatin1Char('\n'));
    ui->validationLabel->setText(valid ? QString() : tr("Fix before running:\n%1").arg(m_message));
    ui->validationLabel->setVisible(!valid);
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
}

void ScenarioEditor::browseDataset()
{
    const QString current = ui->datasetEdit->text().trimmed();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a dataset"),
        current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
        tr("Datasets (*.jsonl *.json *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    setDatasetPath(path);
}

void ScenarioEditor::setDatasetPath(const QString &path)
{
    ui->datasetEdit->setText(path);
    // As if typed: a custom scenario now, checked again, and the file read.
    ui->presetCombo->setCurrentIndex(ui->presetCombo->count() - 1);
    refreshDatasetPreview();
    updateEnabled();
    revalidate();
    emit scenarioChanged();
}

void ScenarioEditor::refreshDatasetPreview()
{
    const QString path = ui->datasetEdit->text().trimmed();
    m_previewPath = path;
    const quint64 job = ++m_previewJob; // a result for an older path or format is dropped
    m_datasetError.clear();
    ui->datasetPreviewTable->setRowCount(0);
    ui->datasetHistogram->setValues({});
    ui->datasetPreviewTable->setVisible(false);
    ui->datasetHistogram->setVisible(false);
    ui->datasetStatusLabel->setVisible(!path.isEmpty());
    m_previewPending = !path.isEmpty();
    if (path.isEmpty()) {
        emit datasetPreviewReady();
        return;
    }
    ui->datasetStatusLabel->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    const QString format = ui->datasetFormatCombo->currentData().toString();
    const int sample = ui->datasetSampleSpin->value();
    const quint64 seed = quint64(ui->seedSpin->value());
    auto *watcher = new QFutureWatcher<DatasetPreview>(this);
    connect(watcher, &QFutureWatcher<DatasetPreview>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        if (job == m_previewJob)
            showDatasetPreview(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(
        [path, format, sample, seed] { return DatasetPreview::read(path, format, sample, seed); }));
}

void ScenarioEditor::showDatasetPreview(const DatasetPreview &preview)
{
    m_previewPending = false;
    m_datasetError = preview.error.isEmpty() ? QString() : tr("Dataset: %1").arg(preview.error);
    if (!preview.error.isEmpty()) {
        ui->datasetStatusLabel->setText(m_datasetError);
    } else {
        ui->datasetStatusLabel->setText(
            (preview.sampled ? tr("A seeded sample of %n row(s) read; the first ones:", nullptr,
                 int(preview.inputTokens.size()))
                             : tr("%n row(s); the first ones:", nullptr, int(preview.inputTokens.size())))
            + QLatin1Char(' ') + tr("input lengths estimated at about 4 bytes a token."));
        ui->datasetPreviewTable->setRowCount(int(preview.first.size()));
        for (int i = 0; i < int(preview.first.size()); ++i) {
            const auto &[prompt, output] = preview.first[size_t(i)];
            auto *promptItem = new QTableWidgetItem(prompt);
            promptItem->setToolTip(prompt);
            ui->datasetPreviewTable->setItem(i, 0, promptItem);
            auto *outputItem = new QTableWidgetItem(output >= 0 ? QString::number(output) : tr("(workload)"));
            outputItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            ui->datasetPreviewTable->setItem(i, 1, outputItem);
        }
        ui->datasetPreviewTable->resizeRowsToContents();
        ui->datasetHistogram->setValues(preview.inputTokens);
    }
    QPalette p = ui->datasetStatusLabel->palette();
    p.setColor(
        QPalette::WindowText, preview.error.isEmpty() ? palette().color(QPalette::WindowText) : errorText);
    ui->datasetStatusLabel->setPalette(p);
    ui->datasetPreviewTable->setVisible(preview.error.isEmpty());
    ui->datasetHistogram->setVisible(preview.error.isEmpty());
    revalidate();
    emit datasetPreviewReady();
}

void ScenarioEditor::setEditable(bool editable)
{
    ui->scrollArea->widget()->setEnabled(editable);
}

void ScenarioEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        const bool filling = m_filling;
        m_filling = true;
        fillPresetCombo();
        m_filling = filling;
        revalidate();
    }
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
