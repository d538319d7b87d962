#include "gui/storypanel.h"

#include "ui_storypanel.h"

namespace BurgerBench {

namespace {
constexpr int momentRole = Qt::UserRole;
constexpr int orderRole = Qt::UserRole + 1;
} // namespace

StoryPanel::StoryPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::StoryPanel>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("storyPanel"));
    connect(ui->captionsList, &QListWidget::itemClicked, this, [this](const QListWidgetItem *item) {
        emit captionActivated(item->data(momentRole).toLongLong(), item->data(orderRole).toInt());
    });
    refreshTexts();
}

StoryPanel::~StoryPanel() = default;

void StoryPanel::setMode(ExecutionMode mode, int workers)
{
    m_mode = mode;
    ui->picture->setMode(mode);
    ui->picture->setWorkers(workers);
    refreshTexts();
}

void StoryPanel::setPlan(const Scenario &scenario, bool replaying)
{
    m_run.reset();
    m_plan = scenario;
    m_replaying = replaying;
    m_editorMode = m_mode;
    refreshTexts();
}

void StoryPanel::setRun(const RunStoryFacts &facts)
{
    m_run = facts;
    m_editorMode = m_mode;
    refreshTexts();
}

void StoryPanel::setEditorMode(ExecutionMode mode)
{
    m_editorMode = mode;
    refreshTexts();
}

QString StoryPanel::title() const
{
    return ui->modeTitleLabel->text();
}

QString StoryPanel::runStoryText() const
{
    return ui->runStoryLabel->text();
}

void StoryPanel::setCounts(const StoryCounts &counts)
{
    ui->picture->setCounts(counts);
}

void StoryPanel::clearCaptions()
{
    ui->captionsList->clear();
}

void StoryPanel::addCaptions(const QStringList &captions, qint64 atNs, const std::vector<int> &subjects)
{
    for (int i = 0; i < captions.size(); ++i) {
        auto *item = new QListWidgetItem(captions.at(i));
        item->setData(momentRole, atNs);
        item->setData(orderRole, size_t(i) < subjects.size() ? subjects[size_t(i)] : -1);
        ui->captionsList->insertItem(0, item);
    }
    while (ui->captionsList->count() > maxCaptions)
        delete ui->captionsList->takeItem(ui->captionsList->count() - 1);
}

void StoryPanel::dropCaptionsAfter(qint64 atNs)
{
    for (int i = ui->captionsList->count() - 1; i >= 0; --i) {
        if (ui->captionsList->item(i)->data(momentRole).toLongLong() > atNs)
            delete ui->captionsList->takeItem(i);
    }
}

QStringList StoryPanel::captions() const
{
    QStringList list;
    for (int i = 0; i < ui->captionsList->count(); ++i)
        list << ui->captionsList->item(i)->text();
    return list;
}

void StoryPanel::refreshTexts()
{
    ui->modeTitleLabel->setText(StoryNarrator::modeTitle(m_mode));
    ui->paragraphLabel->setText(StoryNarrator::modeParagraph(m_mode));
    QString story = m_run ? RunStory::text(*m_run) : RunStory::plan(m_plan, m_replaying);
    if (m_run && m_editorMode != m_mode)
        story += QLatin1Char('\n')
            + tr("The editor now asks for “%1”: press Run to see it.")
                  .arg(StoryNarrator::modeTitle(m_editorMode));
    ui->runStoryLabel->setText(story);
}

void StoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        refreshTexts();
    }
    QWidget::changeEvent(event);
}

} // namespace BurgerBench
