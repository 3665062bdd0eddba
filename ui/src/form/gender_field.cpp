#include "ui/form/gender_field.hpp"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace ui {

using core::domain::Gender;

GenderField::GenderField(QWidget* parent)
    : QWidget(parent)
    , male_(new QRadioButton(this))
    , female_(new QRadioButton(this))
    , any_(new QRadioButton(this))
    , notice_(new QLabel(this))
    , reasonCaption_(new QLabel(this))
    , reason_(new QPlainTextEdit(this))
    , layout_(new QVBoxLayout(this))
{
    layout_->setContentsMargins(0, 0, 0, 0);
    auto* radios = new QHBoxLayout;
    auto* group = new QButtonGroup(this);
    for (QRadioButton* button : { male_, female_, any_ }) {
        group->addButton(button);
        radios->addWidget(button);
    }
    radios->addStretch(1);
    any_->setChecked(true);
    male_->setObjectName(QStringLiteral("genderMale"));
    female_->setObjectName(QStringLiteral("genderFemale"));
    any_->setObjectName(QStringLiteral("genderAny"));
    reason_->setObjectName(QStringLiteral("genderReason"));
    notice_->setObjectName(QStringLiteral("genderNotice"));
    notice_->setWordWrap(true);
    notice_->setFrameShape(QFrame::StyledPanel);
    notice_->setStyleSheet(QStringLiteral("background: #fff4e5; padding: 4px;"));
    reason_->setMaximumHeight(70);
    reason_->setTabChangesFocus(true);
    reasonCaption_->setBuddy(reason_);
    layout_->addLayout(radios);
    layout_->addWidget(notice_);
    layout_->addWidget(reasonCaption_);
    layout_->addWidget(reason_);

    connect(group, &QButtonGroup::buttonClicked, this, [this] {
        showReason();
        emit genderEdited();
    });
    // setReason() blocks the signal, so this is the clerk typing.
    connect(reason_, &QPlainTextEdit::textChanged, this, &GenderField::reasonEdited);
    showReason();
    retranslate();
}

Gender GenderField::gender() const
{
    if (male_->isChecked())
        return Gender::Male;
    if (female_->isChecked())
        return Gender::Female;
    return Gender::Any;
}

void GenderField::setGender(Gender gender)
{
    radio(gender)->setChecked(true);
    showReason();
}

QString GenderField::reason() const
{
    return reason_->toPlainText();
}

void GenderField::setReason(const QString& reason)
{
    const QSignalBlocker blocker(reason_);
    reason_->setPlainText(reason);
}

QRadioButton* GenderField::radio(Gender gender) const
{
    switch (gender) {
    case Gender::Male:
        return male_;
    case Gender::Female:
        return female_;
    case Gender::Any:
        break;
    }
    return any_;
}

void GenderField::setMessageLine(QLabel* message)
{
    layout_->addWidget(message);
}

void GenderField::showReason()
{
    const bool limited = gender() != Gender::Any;
    notice_->setVisible(limited);
    reasonCaption_->setVisible(limited);
    reason_->setVisible(limited);
}

void GenderField::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GenderField::retranslate()
{
    male_->setText(tr("男"));
    female_->setText(tr("女"));
    any_->setText(tr("不拘"));
    // The seed's 注意事項 quotes §7; the law was renamed 性別平等工作法 in 2023.
    notice_->setText(
        tr("依性別平等工作法第7條，雇主對求職者或受僱者之招募、甄試、進用、分發、配置、"
           "考績或陞遷等，不得因性別或性傾向而有差別待遇。但工作性質僅適合特定性別者，"
           "不在此限（該法施行細則第2條及第3條）。限制性別須說明理由。"));
    reasonCaption_->setText(tr("工作性質僅適合特定性別之理由："));
    reason_->setAccessibleName(tr("工作性質僅適合特定性別之理由"));
}

} // namespace ui

#include "ui/form/moc_gender_field.cpp"
