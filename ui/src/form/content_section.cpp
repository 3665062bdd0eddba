#include "ui/form/content_section.hpp"

#include <QGridLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

ContentSection::ContentSection(QWidget* parent)
    : FormSection(parent)
    , qualifications_(new QPlainTextEdit(this))
    , legalQualifier_(new QToolButton(this))
    , duties_(new QPlainTextEdit(this))
    , workAddress_(new QLineEdit(this))
    , contactEmail_(new QLineEdit(this))
    , contactMethod_(new QPlainTextEdit(this))
    , announcementUrl_(new QLineEdit(this))
{
    for (QPlainTextEdit* edit : { qualifications_, duties_, contactMethod_ }) {
        edit->setTabChangesFocus(true);
        edit->setMinimumHeight(90);
    }
    auto* qualificationsBox = new QWidget(this);
    auto* qualificationsLayout = new QVBoxLayout(qualificationsBox);
    qualificationsLayout->setContentsMargins(0, 0, 0, 0);
    qualificationsLayout->addWidget(qualifications_);
    qualificationsLayout->addWidget(legalQualifier_, 0, Qt::AlignLeft);
    qualificationsBox->setFocusProxy(qualifications_);

    auto* grid = new QGridLayout(this);
    addField(grid, 0, 0, QStringLiteral("qualifications"), qualificationsBox);
    addField(grid, 1, 0, QStringLiteral("duties"), duties_);
    addField(grid, 2, 0, QStringLiteral("workAddress"), workAddress_);
    addField(grid, 3, 0, QStringLiteral("contactEmail"), contactEmail_);
    addField(grid, 4, 0, QStringLiteral("contactMethod"), contactMethod_);
    addField(grid, 5, 0, QStringLiteral("announcementUrl"), announcementUrl_);
    qualifications_->setObjectName(QStringLiteral("qualificationsEdit"));
    grid->setColumnStretch(1, 1);

    const auto relay = [this](const char* field) {
        return [this, field] { emit edited(QString::fromLatin1(field)); };
    };
    connect(qualifications_, &QPlainTextEdit::textChanged, this, relay("qualifications"));
    connect(duties_, &QPlainTextEdit::textChanged, this, relay("duties"));
    connect(workAddress_, &QLineEdit::textEdited, this, relay("workAddress"));
    connect(contactEmail_, &QLineEdit::textEdited, this, relay("contactEmail"));
    connect(contactMethod_, &QPlainTextEdit::textChanged, this, relay("contactMethod"));
    connect(announcementUrl_, &QLineEdit::textEdited, this, relay("announcementUrl"));
    connect(legalQualifier_, &QToolButton::clicked, this, &ContentSection::insertLegalQualifier);
    retranslate();
}

void ContentSection::insertLegalQualifier()
{
    // vacancy-data.md §4.7: the qualifier postings usually carry, offered as text to insert.
    const QString qualifier
        = tr("無公務人員任用法第26條、第28條及公務人員陞遷法第12條所定情事者。");
    if (qualifications_->toPlainText().contains(qualifier))
        return;
    QString text = qualifications_->toPlainText();
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    qualifications_->setPlainText(text + qualifier);
}

void ContentSection::read(core::domain::Vacancy& v) const
{
    v.qualifications = qualifications_->toPlainText();
    v.duties = duties_->toPlainText();
    v.workAddress = workAddress_->text();
    v.contactEmail = contactEmail_->text().trimmed();
    v.contactMethod = contactMethod_->toPlainText();
    v.announcementUrl = announcementUrl_->text().trimmed();
}

void ContentSection::write(const core::domain::Vacancy& v)
{
    qualifications_->setPlainText(v.qualifications);
    duties_->setPlainText(v.duties);
    workAddress_->setText(v.workAddress);
    contactEmail_->setText(v.contactEmail);
    contactMethod_->setPlainText(v.contactMethod);
    announcementUrl_->setText(v.announcementUrl);
}

void ContentSection::retranslate()
{
    setTitle(tr("徵才內容"));
    setCaption(QStringLiteral("qualifications"), tr("資格條件"));
    legalQualifier_->setText(tr("插入常用資格文字"));
    legalQualifier_->setToolTip(
        tr("加入「無公務人員任用法第26條、第28條及公務人員陞遷法第12條所定情事者。」"));
    setCaption(QStringLiteral("duties"), tr("工作項目"));
    setCaption(QStringLiteral("workAddress"), tr("工作地址"));
    setCaption(QStringLiteral("contactEmail"), tr("聯絡E-Mail"));
    contactEmail_->setPlaceholderText(tr("履歷收件信箱（可不填）"));
    setCaption(QStringLiteral("contactMethod"), tr("聯絡方式"));
    contactMethod_->setPlaceholderText(tr("報名方式、應檢附文件及聯絡人電話"));
    setCaption(QStringLiteral("announcementUrl"), tr("公告網址"));
    announcementUrl_->setPlaceholderText(tr("https://…（可不填）"));
}

} // namespace ui

#include "ui/form/moc_content_section.cpp"
