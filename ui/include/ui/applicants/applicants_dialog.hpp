#pragma once

#include "core/api/application_types.hpp"
#include "core/api/failure.hpp"
#include "ui/app_context.hpp"

#include <QDialog>
#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace ui {

/// 調閱履歷: the applicants of one vacancy (in order of application), and for the one chosen
/// only the résumé sections the vacancy's 調閱項目 open — the server filters, and the client
/// refuses an answer carrying more. resume-access-disabled and not-found are said in words.
class ApplicantsDialog : public QDialog {
    Q_OBJECT
public:
    ApplicantsDialog(AppContext& context, const QString& serverId, QWidget* parent = nullptr);
    ~ApplicantsDialog() override;

    /// Reads the page again (every read is audited by the server).
    void reload();
    int page() const { return page_; }

    QListWidget* applicantList() const { return list_; }
    QTextBrowser* resumeView() const { return resume_; }
    QLabel* messageLabel() const { return message_; }
    /// The sections the server said it opens, in its order.
    QList<core::api::ResumeSection> sections() const;

signals:
    void loaded();
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void load(int page);
    void showList();
    void showApplicant(int row);
    QString failureText(const core::api::Failure& failure) const;

    AppContext& context_;
    QString vacancyId_;
    int page_ = 1;
    std::optional<core::api::ApplicationList> listData_;
    std::optional<core::api::Failure> failure_;
    QLabel* heading_ = nullptr;
    QLabel* sectionsLabel_ = nullptr;
    QListWidget* list_ = nullptr;
    QTextBrowser* resume_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* previous_ = nullptr;
    QPushButton* next_ = nullptr;
    QLabel* pageLabel_ = nullptr;
    QPushButton* close_ = nullptr;
};

/// The section's name as the seed's 調閱項目 says it (考績(成), 獎懲, …).
QString resumeSectionTitle(core::api::ResumeSection section);
/// One section of a résumé as HTML, every value escaped.
QString resumeSectionHtml(core::api::ResumeSection section, const QJsonValue& value);

} // namespace ui
