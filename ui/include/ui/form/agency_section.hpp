#pragma once

#include "core/domain/code_lists.hpp"
#include "ui/form/form_section.hpp"

class QComboBox;
class QLabel;
class QLineEdit;

namespace ui {

/// 機關基本資料: 職缺編號 (系統自動產生), 徵才機關 (code and name), 機關地址, 填寫人姓名,
/// 填寫人電話 with 分機, and 填寫人Email typed before the agency's fixed domain
/// (「…@ntunhs.edu.tw」), as the seed shows it. 徵才機關 is a drop-down of the login's agency and
/// its units (「A096C0000Q 國立臺北護理健康大學 ▾」) when the record is one of theirs; otherwise
/// (offline, another agency's record) the code and name are typed.
class AgencySection : public FormSection {
    Q_OBJECT
public:
    explicit AgencySection(QWidget* parent = nullptr);

    void read(core::domain::Vacancy& vacancy) const override;
    void write(const core::domain::Vacancy& vacancy) override;

    /// The agency's e-mail domain (from the login): the address is typed before 「@domain」.
    /// Call before write(); an address outside the domain is then shown whole.
    void setEmailDomain(const QString& domain);
    /// The typed code and name are fixed when the agency comes from the login; editable only when
    /// the login had none.
    void setAgencyEditable(bool editable);
    /// What 徵才機關 offers (form::agencyChoices): the own agency first, then its units. Call
    /// before write(); a record naming one of them shows the drop-down, set to it.
    void setAgencyChoices(const QList<core::domain::Agency>& choices);

    QLineEdit* agencyCodeEdit() const { return code_; }
    QComboBox* agencyChoice() const { return choice_; }
    QLineEdit* addressEdit() const { return address_; }
    QLineEdit* emailEdit() const { return email_; }
    /// 「@ntunhs.edu.tw」, or empty when the address is typed whole.
    QString emailSuffix() const;

protected:
    void retranslate() override;

private:
    QLabel* vacancyId_ = nullptr;
    QString vacancyIdValue_;
    void choose(int index);
    void showChoice(bool choosing);

    QComboBox* choice_ = nullptr;
    QWidget* agencyRow_ = nullptr;
    QList<core::domain::Agency> choices_;
    /// The register's address of the agency chosen: while 機關地址 still shows it (or nothing),
    /// the clerk has not typed her own, and another choice brings its own address.
    QString registerAddress_;
    QLineEdit* code_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* address_ = nullptr;
    QLineEdit* filler_ = nullptr;
    QLineEdit* phone_ = nullptr;
    QLabel* extensionLabel_ = nullptr;
    QLineEdit* extension_ = nullptr;
    QLineEdit* email_ = nullptr;
    QLabel* domainLabel_ = nullptr;
    QString domain_;
    bool splitEmail_ = false;
};

} // namespace ui
