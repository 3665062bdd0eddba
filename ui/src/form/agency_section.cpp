#include "ui/form/agency_section.hpp"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace ui {

namespace {

QWidget* row(QWidget* parent, std::initializer_list<QWidget*> widgets)
{
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : widgets)
        layout->addWidget(w);
    box->setFocusProxy(*widgets.begin());
    return box;
}

} // namespace

AgencySection::AgencySection(QWidget* parent)
    : FormSection(parent)
    , vacancyId_(new QLabel(this))
    , choice_(new QComboBox(this))
    , code_(new QLineEdit(this))
    , name_(new QLineEdit(this))
    , address_(new QLineEdit(this))
    , filler_(new QLineEdit(this))
    , phone_(new QLineEdit(this))
    , extensionLabel_(new QLabel(this))
    , extension_(new QLineEdit(this))
    , email_(new QLineEdit(this))
    , domainLabel_(new QLabel(this))
{
    auto* grid = new QGridLayout(this);
    choice_->setObjectName(QStringLiteral("agencyChoice"));
    choice_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    code_->setObjectName(QStringLiteral("agencyCodeEdit"));
    code_->setMaxLength(10);
    code_->setMaximumWidth(120);
    name_->setObjectName(QStringLiteral("agencyName"));
    extension_->setObjectName(QStringLiteral("fillerExtension"));
    extension_->setMaximumWidth(80);
    email_->setObjectName(QStringLiteral("fillerEmailLocal"));

    addField(grid, 0, 0, QStringLiteral("vacancyId"), vacancyId_, 2);
    agencyRow_ = row(this, { choice_, code_, name_ });
    static_cast<QHBoxLayout*>(agencyRow_->layout())->addStretch(1);
    addField(grid, 1, 0, QStringLiteral("agencyCode"), agencyRow_, 2);
    addField(grid, 2, 0, QStringLiteral("agencyAddress"), address_, 2);
    addField(grid, 3, 0, QStringLiteral("fillerName"), filler_);
    addField(grid, 3, 1, QStringLiteral("fillerPhone"),
        row(this, { phone_, extensionLabel_, extension_ }));
    addField(grid, 4, 0, QStringLiteral("fillerEmail"), row(this, { email_, domainLabel_ }), 2);
    // addField names the editor after its field; the line edit the clerk types in keeps its
    // own name where the editor is a row of several widgets.
    phone_->setObjectName(QStringLiteral("fillerPhoneEdit"));
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    setAgencyEditable(false);
    showChoice(false);

    for (QLineEdit* edit : { code_, name_ })
        connect(edit, &QLineEdit::textEdited, this,
            [this] { emit edited(QStringLiteral("agencyCode")); });
    connect(choice_, &QComboBox::activated, this, [this](int index) { choose(index); });
    connect(address_, &QLineEdit::textEdited, this,
        [this] { emit edited(QStringLiteral("agencyAddress")); });
    connect(filler_, &QLineEdit::textEdited, this,
        [this] { emit edited(QStringLiteral("fillerName")); });
    for (QLineEdit* edit : { phone_, extension_ })
        connect(edit, &QLineEdit::textEdited, this,
            [this] { emit edited(QStringLiteral("fillerPhone")); });
    connect(email_, &QLineEdit::textEdited, this,
        [this] { emit edited(QStringLiteral("fillerEmail")); });
    retranslate();
}

void AgencySection::setEmailDomain(const QString& domain)
{
    domain_ = domain.trimmed();
    if (domain_.startsWith(QLatin1Char('@')))
        domain_.remove(0, 1);
}

void AgencySection::setAgencyEditable(bool editable)
{
    code_->setReadOnly(!editable);
    name_->setReadOnly(!editable);
}

void AgencySection::setAgencyChoices(const QList<core::domain::Agency>& choices)
{
    choices_ = choices;
    choice_->clear();
    for (const core::domain::Agency& agency : choices_)
        choice_->addItem(agency.code + u' ' + agency.name, agency.code);
}

void AgencySection::showChoice(bool choosing)
{
    choice_->setVisible(choosing);
    code_->setVisible(!choosing);
    name_->setVisible(!choosing);
    agencyRow_->setFocusProxy(choosing ? static_cast<QWidget*>(choice_) : code_);
}

void AgencySection::choose(int index)
{
    if (index < 0 || index >= choices_.size())
        return;
    const core::domain::Agency& agency = choices_.at(index);
    code_->setText(agency.code);
    name_->setText(agency.name);
    emit edited(QStringLiteral("agencyCode"));
    const QString shown = address_->text().trimmed();
    if (shown.isEmpty() || shown == registerAddress_.trimmed()) {
        address_->setText(agency.address);
        emit edited(QStringLiteral("agencyAddress"));
    }
    registerAddress_ = agency.address;
}

QString AgencySection::emailSuffix() const
{
    return splitEmail_ ? QStringLiteral("@") + domain_ : QString();
}

void AgencySection::read(core::domain::Vacancy& v) const
{
    v.agencyCode = code_->text().trimmed();
    v.agencyName = name_->text().trimmed();
    v.agencyAddress = address_->text();
    v.fillerName = filler_->text();
    v.fillerPhone = phone_->text();
    v.fillerExtension = extension_->text();
    const QString typed = email_->text().trimmed();
    v.fillerEmail = splitEmail_ && !typed.isEmpty() ? typed + emailSuffix() : typed;
}

void AgencySection::write(const core::domain::Vacancy& v)
{
    vacancyIdValue_ = v.vacancyId;
    code_->setText(v.agencyCode);
    name_->setText(v.agencyName);
    address_->setText(v.agencyAddress);
    const int chosen = choice_->findData(v.agencyCode.trimmed().toUpper());
    showChoice(chosen >= 0);
    choice_->setCurrentIndex(chosen);
    registerAddress_ = chosen >= 0 ? choices_.at(chosen).address : QString();
    // The server keeps a posted vacancy with the agency it was posted for.
    choice_->setEnabled(v.vacancyId.isEmpty());
    filler_->setText(v.fillerName);
    phone_->setText(v.fillerPhone);
    extension_->setText(v.fillerExtension);
    // The seed types the name before the agency's fixed domain; an address elsewhere (an older
    // record, another domain) is shown whole rather than cut.
    const QString suffix = QStringLiteral("@") + domain_;
    splitEmail_ = !domain_.isEmpty()
        && (v.fillerEmail.isEmpty() || v.fillerEmail.endsWith(suffix, Qt::CaseInsensitive));
    email_->setText(
        splitEmail_ ? v.fillerEmail.left(v.fillerEmail.size() - suffix.size()) : v.fillerEmail);
    domainLabel_->setText(splitEmail_ ? suffix : QString());
    domainLabel_->setVisible(splitEmail_);
    retranslate();
}

void AgencySection::retranslate()
{
    setTitle(tr("機關基本資料"));
    setCaption(QStringLiteral("vacancyId"), tr("職缺編號"));
    vacancyId_->setText(vacancyIdValue_.isEmpty() ? tr("系統自動產生") : vacancyIdValue_);
    code_->setPlaceholderText(tr("機關代碼"));
    name_->setPlaceholderText(tr("機關名稱"));
    nameControl(choice_, tr("徵才機關"));
    nameControl(code_, tr("徵才機關代碼"));
    nameControl(name_, tr("徵才機關名稱"));
    setCaption(QStringLiteral("agencyCode"), tr("徵才機關"));
    setCaption(QStringLiteral("agencyAddress"), tr("機關地址"));
    setCaption(QStringLiteral("fillerName"), tr("填寫人姓名"));
    setCaption(QStringLiteral("fillerPhone"), tr("填寫人電話"));
    phone_->setPlaceholderText(tr("例如 02-28227101"));
    extensionLabel_->setText(tr("分機"));
    nameControl(extension_, tr("填寫人電話分機"));
    setCaption(QStringLiteral("fillerEmail"), tr("填寫人Email"));
}

} // namespace ui

#include "ui/form/moc_agency_section.cpp"
