#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"
#include "core/domain/vacancy_rules.hpp"
#include "ui/app_context.hpp"

#include <QDate>
#include <QDialog>
#include <QHash>
#include <QSet>
#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QScrollArea;

namespace ui {

class AgencySection;
class ClassSection;
class ContentSection;
class FormSection;
class NoticeBox;
class PostSection;
class ResumeSection;

/// 機關徵才登錄: the vacancy form. Every field of the domain model, grouped as the seed groups
/// them, checked as the clerk types by the rule set the server uses (core/domain/vacancy_rules),
/// each message beside its field. 「儲存草稿」 writes the local store only (works offline);
/// 「送出」 saves and queues the publication for the sync engine and needs a card login;
/// 「取消」 asks before discarding changes. A record the server refused opens with the server's
/// messages beside their fields.
class VacancyFormDialog : public QDialog {
    Q_OBJECT
public:
    /// `localId` empty: a new vacancy, prefilled from the login.
    VacancyFormDialog(ui::AppContext& context, const QString& localId, QWidget* parent = nullptr);
    ~VacancyFormDialog() override;

    /// The record's local id; empty for a new vacancy until its first save.
    const QString& localId() const { return localId_; }
    /// The vacancy as the form shows it now.
    core::domain::Vacancy vacancy() const;
    /// Shows `vacancy` in the form as if the clerk had typed it (tests, and 「複製」 later).
    void setVacancy(const core::domain::Vacancy& vacancy);
    /// Changes not saved yet.
    bool hasUnsavedChanges() const;

    /// 「儲存草稿」: true when stored.
    bool saveDraft();
    /// 「送出」: true when saved and queued (the dialog then closes).
    bool submit();
    /// Why 「送出」 is unavailable now; empty when it is available.
    QString submitBlockedReason() const;

    /// The message beside `field` (lines joined by \n); empty when none.
    QString fieldMessage(const QString& field) const;
    /// Whether `field`'s caption carries the 「*」.
    bool isMarkedRequired(const QString& field) const;
    /// The caption of `field` as shown.
    QString fieldCaption(const QString& field) const;
    /// The first field, in the order shown, with a message beside it; empty when none.
    QString firstFieldInError() const;
    /// Scrolls `field` into view and gives it the focus.
    void focusField(const QString& field);
    /// The bar above the groups: one button per group, in the order shown.
    const QList<QPushButton*>& sectionJumps() const { return sectionJumps_; }
    /// Messages for fields the form has no place for (shown above the groups).
    QString generalMessage() const;
    /// The status line under the buttons (saved, refused, store errors).
    QString statusText() const;

    AgencySection* agencySection() const { return agency_; }
    PostSection* postSection() const { return post_; }
    ContentSection* contentSection() const { return content_; }
    ClassSection* classSection() const { return class_; }
    QPushButton* saveDraftButton() const { return saveButton_; }
    QPushButton* submitButton() const { return submitButton_; }
    QPushButton* previewButton() const { return previewButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }

    /// Test seam: answers 「放棄未儲存的變更？」 instead of a message box (true = discard).
    void setDiscardQuestion(std::function<bool()> ask) { discardQuestion_ = std::move(ask); }

    /// 「取消」 and Esc: asks first when there are unsaved changes.
    void reject() override;

signals:
    /// The draft was stored (the list refreshes).
    void saved(const QString& localId);
    /// The vacancy was saved and queued for the server (the main window syncs).
    void queued(const QString& localId);
    /// 「預覽」: the vacancy as the form shows it now, saved or not. With nobody connected the
    /// form opens the preview itself.
    void previewRequested(const core::domain::Vacancy& vacancy);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    void orderTabs();
    void load();
    void retranslate();
    void onEdited(const QString& field);
    void refresh();
    void updateSubmit();
    void onSessionChanged();
    void showPreview();
    bool store(bool andQueue);
    void discard();
    QList<FormSection*> sections() const;
    FormSection* sectionOf(const QString& field) const;
    /// `text` is called again on a language change.
    void setStatus(std::function<QString()> text, bool error);

    ui::AppContext& context_;
    QString localId_;
    core::domain::CodeLists codes_;
    core::domain::Vacancy loaded_; ///< what the form started from (server-set members kept)
    core::domain::Vacancy baseline_; ///< the form's content at the last save
    std::optional<int> recordState_; ///< core::store::RecordState of the stored record
    bool recordMissing_ = false;
    bool recordDeleted_ = false;
    bool loading_ = false;
    bool showAll_ = false; ///< after a refused 送出: every message, touched or not
    QSet<QString> touched_;
    QHash<QString, QStringList> serverMessages_; ///< the server's 422, until the field is edited
    QDate today_;
    std::function<bool()> discardQuestion_;

    QList<QPushButton*> sectionJumps_;
    QScrollArea* scroll_ = nullptr;
    NoticeBox* notice_ = nullptr;
    QLabel* general_ = nullptr;
    AgencySection* agency_ = nullptr;
    PostSection* post_ = nullptr;
    ContentSection* content_ = nullptr;
    ClassSection* class_ = nullptr;
    ResumeSection* resume_ = nullptr;
    QLabel* submitReason_ = nullptr;
    QLabel* status_ = nullptr;
    std::function<QString()> statusText_;
    QPushButton* saveButton_ = nullptr;
    QPushButton* submitButton_ = nullptr;
    QPushButton* previewButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
};

} // namespace ui
