#include "gui/storypanel.h"

#include "ui_storypanel.h"

namespace BurgerBench {

StoryPanel::StoryPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::StoryPanel>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("storyPanel"));
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

void StoryPanel::setCounts(const StoryCounts &counts)
{
    ui->picture->setCounts(counts);
}

void StoryPanel::clearCaptions()
{
    ui->captionsList->clear();
}

void StoryPanel::addCaptions(const QStringList &captions)
{
    for (const QString &caption : captions)
        ui->captionsList->insertItem(0, caption);
    while (ui->captionsList->count() > maxCaptions)
        delete ui->captionsList->takeItem(ui->captionsList->count() - 1);
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
