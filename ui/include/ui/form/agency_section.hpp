#pragma once

#include "ui/form/form_section.hpp"

class QLabel;
class QLineEdit;

namespace ui {

/// 機關基本資料: 職缺編號 (系統自動產生), 徵才機關 (code and name), 機關地址, 填寫人姓名,
/// 填寫人電話 with 分機, and 填寫人Email typed before the agency's fixed domain
/// (「…@ntunhs.edu.tw」), as the seed shows it.
class AgencySection : public FormSection {
    Q_OBJECT
public:
    explicit AgencySection(QWidget* parent = nullptr);

    void read(core::domain::Vacancy& vacancy) const override;
    void write(const core::domain::Vacancy& vacancy) override;

    /// The agency's e-mail domain (from the login): the address is typed before 「@domain」.
    /// Call before write(); an address outside the domain is then shown whole.
    void setEmailDomain(const QString& domain);
    /// The agency comes from the login and is fixed; editable only when the login had none.
    void setAgencyEditable(bool editable);

    QLineEdit* agencyCodeEdit() const { return code_; }
    QLineEdit* emailEdit() const { return email_; }
    /// 「@ntunhs.edu.tw」, or empty when the address is typed whole.
    QString emailSuffix() const;

protected:
    void retranslate() override;

private:
    QLabel* vacancyId_ = nullptr;
    QString vacancyIdValue_;
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
