#pragma once

#include "scenario/scenario.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QLabel;

namespace Ui {
class ScenarioEditor;
}

namespace BurgerBench {

struct DatasetPreview;

// A ready-made scenario compiled into the app (":/scenarios/<file>").
struct ScenarioPreset
{
    QString resource; // ":/scenarios/burger-shop.json"
    const char *title; // untranslated; shown through tr()
};

// The scenario form (ui/scenarioeditor.ui): every field of issue 3 item 2. Values out of range
// cannot be typed (the spin boxes hold them), and what only a rule can tell (a URL, a variable
// name, requests-or-duration, the faults adding up) is checked on every edit: the field turns
// red with the reason under it, and validityChanged(false) keeps Run disabled until it is fixed.
class ScenarioEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ScenarioEditor(QWidget *parent = nullptr);
    ~ScenarioEditor() override;

    static const QList<ScenarioPreset> &presets();
    // Loads a preset; false (and the editor unchanged) if it cannot be read.
    bool loadPreset(int index, QString *error = nullptr);
    int currentPreset() const;

    void setScenario(const Scenario &scenario);
    // The scenario as edited; fields the form does not show keep the values last set.
    Scenario scenario() const;
    bool isValid() const { return m_valid; }
    QString validationMessage() const { return m_message; }
    // While a run is on, the form is read-only (the run uses the scenario it started with).
    void setEditable(bool editable);
    // The dataset field set as the file dialog sets it (the file is read off the GUI thread;
    // datasetPreviewReady() follows).
    void setDatasetPath(const QString &path);
    bool datasetPreviewPending() const { return m_previewPending; }

signals:
    void scenarioChanged();
    void validityChanged(bool valid);
    // The dataset picker shows the rows of the current path (or its error, or nothing).
    void datasetPreviewReady();

protected:
    void changeEvent(QEvent *event) override;

private:
    ExecutionMode currentMode() const;
    void connectFields();
    void updateEnabled();
    void revalidate();
    void setFieldError(QWidget *field, const QString &message);
    void fillPresetCombo();
    void onPresetActivated(int index);
    void browseDataset();
    void refreshDatasetPreview();
    void showDatasetPreview(const DatasetPreview &preview);

    std::unique_ptr<Ui::ScenarioEditor> ui;
    Scenario m_base;
    bool m_valid = true;
    bool m_filling = false;
    QString m_message;
    QHash<QWidget *, QLabel *> m_errorLabels;
    QString m_previewPath; // the dataset path the preview shows (or is reading)
    quint64 m_previewJob = 0;
    bool m_previewPending = false;
    QString m_datasetError; // the dataset could not be read: the run would fail, so Run waits
};

} // namespace BurgerBench
