#pragma once

#include "ui/form/form_section.hpp"

class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace ui {

/// 徵才內容 and the contact, in the public page's order: 資格條件, 工作項目, 工作地址, 聯絡E-Mail,
/// 聯絡方式, and the 公告網址.
class ContentSection : public FormSection {
    Q_OBJECT
public:
    explicit ContentSection(QWidget* parent = nullptr);

    void read(core::domain::Vacancy& vacancy) const override;
    void write(const core::domain::Vacancy& vacancy) override;

    QLineEdit* contactEmailEdit() const { return contactEmail_; }
    /// Appends the legal qualifier agencies usually add (a snippet, not a field).
    void insertLegalQualifier();

protected:
    void retranslate() override;

private:
    QPlainTextEdit* qualifications_ = nullptr;
    QToolButton* legalQualifier_ = nullptr;
    QPlainTextEdit* duties_ = nullptr;
    QLineEdit* workAddress_ = nullptr;
    QLineEdit* contactEmail_ = nullptr;
    QPlainTextEdit* contactMethod_ = nullptr;
    QLineEdit* announcementUrl_ = nullptr;
};

} // namespace ui
