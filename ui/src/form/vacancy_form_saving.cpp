// 機關徵才登錄's buttons: 儲存草稿 into the local store, 送出 (saved and queued, card login only),
// 取消 asking before unsaved changes are lost.

#include "core/session/session_state.hpp"
#include "core/store/local_store.hpp"
#include "ui/form/form_section.hpp"
#include "ui/form/vacancy_form_dialog.hpp"

#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTime>

namespace ui {

using core::domain::Vacancy;
using core::store::RecordState;

QString VacancyFormDialog::submitBlockedReason() const
{
    const core::session::SessionState* session = context_.session;
    if (!context_.store)
        return tr("本機資料庫無法使用，無法送出");
    if (recordMissing_)
        return tr("找不到此職缺，可能已被刪除");
    if (recordDeleted_)
        return tr("此職缺已刪除，無法送出");
    if (recordState_ && *recordState_ == static_cast<int>(RecordState::Conflict))
        return tr("此職缺與伺服器上的版本有衝突，請先解決衝突再送出（可先儲存草稿）");
    if (!session || !session->loggedIn())
        return tr("尚未登入：送出須以自然人憑證或機關憑證登入");
    if (session->info().accountSetupRequired)
        return tr("請先完成帳號設定再送出");
    if (!session->canWriteVacancies())
        return tr("本系統僅得以自然人憑證或機關憑證方式登錄職缺資料：請以憑證登入後再送出");
    return {};
}

void VacancyFormDialog::updateSubmit()
{
    const QString reason = submitBlockedReason();
    submitButton_->setEnabled(reason.isEmpty());
    submitButton_->setToolTip(reason);
    submitReason_->setText(reason);
    submitReason_->setVisible(!reason.isEmpty());
}

bool VacancyFormDialog::saveDraft()
{
    if (!saveButton_->isEnabled())
        return false;
    if (!store(false))
        return false;
    const QString time = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    const bool conflict = recordState_ && *recordState_ == static_cast<int>(RecordState::Conflict);
    setStatus(
        [time, conflict] {
            return conflict ? tr("草稿已儲存（%1）；此職缺仍有衝突待解決").arg(time)
                            : tr("草稿已儲存（%1）").arg(time);
        },
        false);
    emit saved(localId_);
    return true;
}

bool VacancyFormDialog::submit()
{
    const QString reason = submitBlockedReason();
    if (!reason.isEmpty()) {
        setStatus([this] { return submitBlockedReason(); }, true);
        return false;
    }
    const auto messages = core::domain::validate(vacancy(), codes_, today_);
    if (!messages.isEmpty()) {
        showAll_ = true;
        refresh();
        // The clerk lands on the first field to fix, in the order the form shows them.
        focusField(firstFieldInError());
        const auto count = static_cast<int>(messages.size());
        setStatus(
            [count] {
                return tr("尚有%n項資料需要修正，請依欄位旁的說明修正後再送出", nullptr, count);
            },
            true);
        return false;
    }
    if (!store(true))
        return false;
    emit queued(localId_);
    accept();
    return true;
}

bool VacancyFormDialog::store(bool andQueue)
{
    if (!context_.store)
        return false;
    const Vacancy v = vacancy();
    try {
        if (localId_.isEmpty()) {
            // A new record: saved (and queued) in one transaction.
            localId_ = andQueue ? context_.store->records().createQueued(v)
                                : context_.store->records().createDraft(v);
            recordState_ = static_cast<int>(RecordState::Draft);
        } else if (andQueue) {
            context_.store->records().saveAndQueue(localId_, v);
        } else {
            context_.store->records().saveDraft(localId_, v);
        }
    } catch (const core::store::StoreError& error) {
        const QString detail = QString::fromUtf8(error.what());
        setStatus([detail] { return tr("無法儲存：%1").arg(detail); }, true);
        return false;
    }
    if (andQueue)
        recordState_ = static_cast<int>(RecordState::Pending);
    else if (recordState_ != static_cast<int>(RecordState::Conflict))
        recordState_ = static_cast<int>(RecordState::Draft);
    baseline_ = v;
    setWindowModified(false);
    return true;
}

void VacancyFormDialog::reject()
{
    if (!hasUnsavedChanges()) {
        QDialog::reject();
        return;
    }
    if (discardQuestion_) {
        if (discardQuestion_())
            QDialog::reject();
        return;
    }
    // open(), not exec(): the form's event loop stays the application's.
    auto* box = new QMessageBox(QMessageBox::Question, tr("取消"),
        tr("此職缺有尚未儲存的變更，確定要放棄嗎？"), QMessageBox::Discard | QMessageBox::Cancel,
        this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Discard)->setText(tr("放棄變更"));
    box->button(QMessageBox::Cancel)->setText(tr("繼續編輯"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton* button) {
        if (box->standardButton(button) == QMessageBox::Discard)
            QDialog::reject();
    });
    box->open();
}

} // namespace ui
