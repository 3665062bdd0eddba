#include "ui/form/vacancy_form_dialog.hpp"

#include "core/session/session_state.hpp"
#include "core/store/local_store.hpp"
#include "form_scroll_area.hpp"
#include "ui/form/agency_section.hpp"
#include "ui/form/class_section.hpp"
#include "ui/form/content_section.hpp"
#include "ui/form/form_support.hpp"
#include "ui/form/notice_box.hpp"
#include "ui/form/post_section.hpp"
#include "ui/form/resume_section.hpp"
#include "ui/preview/preview_dialog.hpp"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

using core::domain::Vacancy;
using core::store::RecordState;

VacancyFormDialog::VacancyFormDialog(
    ui::AppContext& context, const QString& localId, QWidget* parent)
    : QDialog(parent)
    , context_(context)
    , localId_(localId)
    , codes_(form::codeListsFor(context.store))
    , today_(QDate::currentDate())
{
    setObjectName(QStringLiteral("VacancyFormDialog"));
    build();
    load();
    retranslate();
    refresh();
    updateSubmit();
    if (context_.session) {
        const auto update = [this] { updateSubmit(); };
        connect(context_.session, &core::session::SessionState::started, this, update);
        connect(context_.session, &core::session::SessionState::ended, this, update);
        connect(context_.session, &core::session::SessionState::accountChanged, this, update);
    }
}

VacancyFormDialog::~VacancyFormDialog() = default;

void VacancyFormDialog::build()
{
    notice_ = new NoticeBox(this);
    general_ = new QLabel(this);
    general_->setObjectName(QStringLiteral("generalMessage"));
    general_->setWordWrap(true);
    general_->setTextFormat(Qt::PlainText);
    general_->setStyleSheet(QStringLiteral("color: #b00020;"));
    general_->hide();
    agency_ = new AgencySection(this);
    post_ = new PostSection(codes_, this);
    content_ = new ContentSection(this);
    class_ = new ClassSection(this);
    resume_ = new ResumeSection(this);

    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->addWidget(notice_);
    pageLayout->addWidget(general_);
    for (FormSection* section : sections()) {
        pageLayout->addWidget(section);
        connect(section, &FormSection::edited, this, &VacancyFormDialog::onEdited);
    }
    pageLayout->addStretch(1);
    auto* scroll = new FormScrollArea(this);
    scroll->setPage(page);

    submitReason_ = new QLabel(this);
    submitReason_->setObjectName(QStringLiteral("submitReason"));
    submitReason_->setWordWrap(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    saveButton_ = new QPushButton(this);
    saveButton_->setObjectName(QStringLiteral("saveDraftButton"));
    submitButton_ = new QPushButton(this);
    submitButton_->setObjectName(QStringLiteral("submitButton"));
    previewButton_ = new QPushButton(this);
    previewButton_->setObjectName(QStringLiteral("previewButton"));
    cancelButton_ = new QPushButton(this);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    submitButton_->setAutoDefault(false);
    saveButton_->setAutoDefault(false);
    previewButton_->setAutoDefault(false);
    cancelButton_->setAutoDefault(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(previewButton_);
    buttons->addStretch(1);
    buttons->addWidget(saveButton_);
    buttons->addWidget(submitButton_);
    buttons->addWidget(cancelButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(submitReason_);
    layout->addWidget(status_);
    layout->addLayout(buttons);
    resize(980, 760);

    connect(saveButton_, &QPushButton::clicked, this, [this] { saveDraft(); });
    connect(submitButton_, &QPushButton::clicked, this, [this] { submit(); });
    connect(previewButton_, &QPushButton::clicked, this, &VacancyFormDialog::showPreview);
    connect(cancelButton_, &QPushButton::clicked, this, &VacancyFormDialog::reject);
}

QList<FormSection*> VacancyFormDialog::sections() const
{
    return { agency_, post_, content_, class_, resume_ };
}

FormSection* VacancyFormDialog::sectionOf(const QString& field) const
{
    for (FormSection* section : sections())
        if (section->hasField(field))
            return section;
    return nullptr;
}

void VacancyFormDialog::load()
{
    loading_ = true;
    const core::session::SessionState* session = context_.session;
    if (localId_.isEmpty()) {
        loaded_ = session ? form::prefilledVacancy(*session) : Vacancy();
        // The agency comes with the login; without one (an unregistered agency) it is typed.
        agency_->setAgencyEditable(loaded_.agencyCode.isEmpty());
    } else {
        std::optional<core::store::LocalVacancy> record;
        try {
            if (context_.store)
                record = context_.store->find(localId_);
        } catch (const core::store::StoreError& error) {
            const QString detail = QString::fromUtf8(error.what());
            setStatus([detail] { return tr("無法讀取本機資料：%1").arg(detail); }, true);
        }
        if (record) {
            loaded_ = record->data;
            recordState_ = static_cast<int>(record->state);
            recordDeleted_ = record->deleted;
            for (const auto& message : record->rejection)
                serverMessages_[message.field].append(message.message);
        } else {
            recordMissing_ = true;
        }
    }
    agency_->setEmailDomain(session ? form::emailDomain(*session) : QString());
    for (FormSection* section : sections())
        section->write(loaded_);
    baseline_ = vacancy();
    loading_ = false;
    saveButton_->setEnabled(!recordMissing_ && !recordDeleted_ && context_.store);
}

Vacancy VacancyFormDialog::vacancy() const
{
    Vacancy v = loaded_;
    for (const FormSection* section : sections())
        section->read(v);
    return v;
}

void VacancyFormDialog::setVacancy(const Vacancy& vacancy)
{
    loading_ = true;
    for (FormSection* section : sections())
        section->write(vacancy);
    loading_ = false;
    // Everything counts as touched: the clerk "typed" all of it.
    for (FormSection* section : sections())
        for (const QString& field : section->fields())
            touched_.insert(field);
    refresh();
}

bool VacancyFormDialog::hasUnsavedChanges() const
{
    return vacancy() != baseline_;
}

void VacancyFormDialog::setToday(const QDate& today)
{
    today_ = today;
    refresh();
}

void VacancyFormDialog::onEdited(const QString& field)
{
    if (loading_)
        return;
    touched_.insert(field);
    // The server's word on a field stands until the clerk changes that field.
    serverMessages_.remove(field);
    refresh();
}

void VacancyFormDialog::refresh()
{
    const Vacancy v = vacancy();
    QHash<QString, QStringList> shown = serverMessages_;
    for (const auto& message : core::domain::validate(v, codes_, today_))
        if ((showAll_ || touched_.contains(message.field))
            && !shown.value(message.field).contains(message.message))
            shown[message.field].append(message.message);
    QStringList general;
    for (auto it = shown.cbegin(); it != shown.cend(); ++it)
        if (!sectionOf(it.key()))
            general.append(it.value());
    const QSet<QString> required = form::requiredFields(v, codes_);
    for (FormSection* section : sections()) {
        section->setMessages(shown);
        section->setRequired(required);
    }
    general_->setText(general.join(QLatin1Char('\n')));
    general_->setVisible(!general.isEmpty());
    setWindowModified(hasUnsavedChanges());
}

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
        if (FormSection* section = sectionOf(messages.first().field))
            if (QWidget* editor = section->editor(messages.first().field))
                editor->setFocus();
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
            localId_ = context_.store->createDraft(v);
            recordState_ = static_cast<int>(RecordState::Draft);
            if (andQueue)
                context_.store->queue(localId_);
        } else if (andQueue) {
            context_.store->saveAndQueue(localId_, v);
        } else {
            context_.store->saveDraft(localId_, v);
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

void VacancyFormDialog::showPreview()
{
    auto* preview = new PreviewDialog(vacancy(), codes_, this);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->show();
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

void VacancyFormDialog::setStatus(std::function<QString()> text, bool error)
{
    statusText_ = std::move(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    status_->setText(statusText_ ? statusText_() : QString());
}

QString VacancyFormDialog::fieldMessage(const QString& field) const
{
    const FormSection* section = sectionOf(field);
    return section ? section->message(field) : QString();
}

bool VacancyFormDialog::isMarkedRequired(const QString& field) const
{
    const FormSection* section = sectionOf(field);
    return section && section->isRequired(field);
}

QString VacancyFormDialog::fieldCaption(const QString& field) const
{
    const FormSection* section = sectionOf(field);
    return section ? section->caption(field) : QString();
}

QString VacancyFormDialog::generalMessage() const
{
    return general_->text();
}

QString VacancyFormDialog::statusText() const
{
    return status_->text();
}

void VacancyFormDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh(); // the rules' messages come out in the new language
        updateSubmit();
    }
    QDialog::changeEvent(event);
}

void VacancyFormDialog::retranslate()
{
    setWindowTitle(tr("機關徵才登錄") + QStringLiteral("[*]"));
    saveButton_->setText(tr("儲存草稿"));
    saveButton_->setToolTip(tr("只存在本機，離線也可儲存"));
    submitButton_->setText(tr("送出"));
    previewButton_->setText(tr("預覽"));
    cancelButton_->setText(tr("取消"));
    if (statusText_)
        status_->setText(statusText_());
}

} // namespace ui
